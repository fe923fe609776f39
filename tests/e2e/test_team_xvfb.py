"""End to end in a real X server: a team of five plays a card to the reveal with key presses. The window, left
alone, shows the whole board (names on the scale), a key that changes nothing changes no pixel, and what it
shows equals a headless drawing of the same autosaved state from scratch."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from pathlib import Path

import pygame
import pytest
from xwindow import NEEDS_X, wait_for, xvfb

from game.decks import load_deck
from game.table import Table
from game.ui import theme
from game.ui.app import App

ROOT = Path(__file__).resolve().parents[2]
SIZE = (1280, 720)
VALUES = [1, 3, 3, 5, 2]

pytestmark = NEEDS_X


@pytest.fixture
def display():
    with xvfb(350, 450) as display:
        yield display


def phase(data: Path) -> str | None:
    try:
        return json.loads((data / "in-progress" / "session.json").read_text(encoding="utf-8"))["phase"]
    except (OSError, ValueError, KeyError):
        return None


def screenshot(env: dict, window: str, path: Path) -> pygame.Surface:
    subprocess.run(["import", "-window", window, str(path)], env=env, check=True, capture_output=True, timeout=30)
    return pygame.image.load(str(path))


def redrawn(data: Path, size: tuple[int, int]) -> tuple[pygame.Surface, list[str]]:
    """The autosaved session drawn from scratch by a headless window (the dummy driver of the tests)."""
    deck = load_deck()
    app = App(deck, data, lang="nl", size=size)
    app.open()
    app.resume_session(Table.resume(deck, data, autosave=False))
    app.settle()
    app.draw()
    plot = app.top.board.plot
    names = [t for t, r, box in theme.LOG.entries if plot.inner.contains(box) and t.startswith("Collega")]
    surface = app.screen.copy()
    pygame.display.quit()
    return surface, names


def test_a_team_reveal_in_a_real_window_shows_the_names_on_the_scale_without_a_key(display, tmp_path):
    env = dict(os.environ, DISPLAY=display, SDL_AUDIODRIVER="dummy")
    env.pop("SDL_VIDEODRIVER", None)
    env.pop(  # the check mode is for headless tests: this is the program as people run it
        "WERKALLIANTIE_CHECK_REDRAW", None
    )
    data = tmp_path / "data"
    args = ["main.py", "play", "--mode", "team", "--players", "5", "--lang", "nl", "--size", "1280x720"]
    game = subprocess.Popen(
        [sys.executable, *args, "--data-dir", str(data)],
        cwd=ROOT,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )

    def xdo(*a: str) -> str:
        done = subprocess.run(["xdotool", *a], env=env, capture_output=True, text=True, timeout=30)
        return done.stdout.strip()

    try:
        window = wait_for(
            lambda: xdo("search", "--onlyvisible", "--class", "main.py").split(), "the game window", 60, game
        )[0]
        wait_for(lambda: xdo("getwindowname", window) == "Werkalliantiespel", "the start screen", 60, game)
        xdo("mousemove", "--window", window, "5", "5")  # the pointer gives it the keyboard (over no button)
        xdo("key", "--delay", "80", "Return", "Return", "Return")  # start, the case is read, the question
        wait_for(lambda: phase(data) == "estimate", "the first hand-over", proc=game)
        for value in VALUES:  # "I am …", the digit, Done
            xdo("key", "--delay", "80", "Return", str(value), "Return")
        wait_for(lambda: phase(data) == "reveal", "the reveal", proc=game)
        time.sleep(1.5)  # the tokens have long turned over; nobody touches anything
        first = screenshot(env, window, tmp_path / "reveal-1.png")
        xdo("key", "3")  # a digit asks nothing on the board
        time.sleep(1.0)
        second = screenshot(env, window, tmp_path / "reveal-2.png")
        assert game.poll() is None
    finally:
        if game.poll() is None:
            game.kill()
        _, err = game.communicate(timeout=10)
    assert "Traceback" not in err, err
    assert first.get_size() == SIZE
    assert pygame.image.tobytes(first, "RGB") == pygame.image.tobytes(second, "RGB"), "a key changed the reveal"
    expected, names = redrawn(data, SIZE)
    assert sorted(names) == [f"Collega {n}" for n in range(1, 6)]  # every name is drawn on the plot
    if pygame.image.tobytes(first, "RGB") != pygame.image.tobytes(expected, "RGB"):
        pygame.image.save(expected, str(tmp_path / "expected.png"))
        pytest.fail(f"the window shows something else than the reveal drawn from scratch: see {tmp_path}")
