"""End to end: `main.py play` in a real X server (Xvfb), played with xdotool key presses to a summary."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from xwindow import NEEDS_X, wait_for, xvfb

ROOT = Path(__file__).resolve().parents[2]
ROUNDS = [(4, 2), (3, 3), (5, 1), (2, 4)]  # (client, professional)

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
    game = subprocess.Popen(
        [sys.executable, "main.py", "play", "--data-dir", str(data)],
        cwd=ROOT,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )

    def xdo(*args: str) -> None:
        subprocess.run(["xdotool", *args], env=env, check=True, capture_output=True, timeout=20)

    try:
        # without a window manager `search --name` finds nothing; SDL names the window's class after main.py
        window = wait_for(
            lambda: subprocess.run(
                ["xdotool", "search", "--onlyvisible", "--class", "main.py"],
                env=env,
                capture_output=True,
                text=True,
            ).stdout.split(),
            "the game window",
            60,
            game,
        )[0]

        def title() -> str:
            return subprocess.run(
                ["xdotool", "getwindowname", window], env=env, capture_output=True, text=True
            ).stdout.strip()

        # the window opens first with a short title; the deck's name shows once the start screen is there
        wait_for(lambda: title() == "Werkalliantiespel", "the start screen", 60, game)
        xdo(
            "mousemove", "--window", window, "640", "360"
        )  # the pointer over the window gives it the keyboard
        progress = data / "in-progress" / "session.json"
        # Enter on the start screen begins with the defaults; Enter on the consent saves (autosaved at once)
        xdo("key", "--delay", "60", "Return", "Return")
        wait_for(progress.exists, "the session to start")
        for client, pro in ROUNDS:
            # card read, hand-over, client picks, hand-over, professional picks, reveal, starter, reflection,
            # empty agreement
            xdo(
                "key",
                "--delay",
                "60",
                "Return",
                "Return",
                str(client),
                "Return",
                "Return",
                str(pro),
                "Return",
                "Return",
                "Return",
                "Return",
                "Return",
            )
        sessions = data / "sessions"
        saved = wait_for(
            lambda: sorted(sessions.glob("*.json")) if sessions.is_dir() else [], "the summary file"
        )
        summary = json.loads(saved[0].read_text(encoding="utf-8"))
        assert [tuple(e["value"] for e in r["estimates"]) for r in summary["rounds"]] == ROUNDS
        assert not progress.exists()
        xdo("key", "--delay", "60", "Tab", "Tab", "Return")  # on the summary: "Close"
        assert game.wait(timeout=20) == 0
    finally:
        if game.poll() is None:
            game.kill()
        out, err = game.communicate(timeout=10)
    assert "Traceback" not in err, err
