"""End to end: `main.py play` in a real X server (Xvfb), played with xdotool key presses to a summary."""

from __future__ import annotations

import os
import shutil
import sys
from pathlib import Path

import pytest
from xwindow import NEEDS_X, ROUNDS, play_to_summary, xvfb

ROOT = Path(__file__).resolve().parents[2]

pytestmark = NEEDS_X


@pytest.fixture
def xserver():
    """A private Xvfb display for this test."""
    with xvfb(150, 250) as display:
        yield display


def test_a_session_played_with_key_presses_in_a_real_window_is_saved(xserver, tmp_path):
    env = dict(os.environ, DISPLAY=xserver, SDL_AUDIODRIVER="dummy")
    env.pop("SDL_VIDEODRIVER", None)
    data = tmp_path / "data"
    argv = [sys.executable, "main.py", "play", "--data-dir", str(data)]
    summary = play_to_summary(argv, ROOT, env, data, "main.py")
    assert [tuple(e["value"] for e in r["estimates"]) for r in summary["rounds"]] == ROUNDS
    if shutil.which("xprop"):
        assert summary["_icon"] == (64, 64), "the window shows the program's icon (assets/icon)"
