"""Drive the real window headless (SDL dummy driver) by posting pygame events, as a person would.

Every window opened here checks each frame it presents against a full redraw of the same state (the test mode
of game/ui/redraw_check.py): a stale frame fails the test that showed it, naming the screen and the frame."""

from __future__ import annotations

import json
import os
from pathlib import Path

os.environ.setdefault("SDL_VIDEODRIVER", "dummy")
os.environ.setdefault("SDL_AUDIODRIVER", "dummy")
os.environ.setdefault("PYGAME_HIDE_SUPPORT_PROMPT", "1")

import pygame  # noqa: E402
import pytest  # noqa: E402

from game import settings  # noqa: E402
from game.ui import redraw_check, theme  # noqa: E402
from game.ui.app import App  # noqa: E402


class Driver:
    """Posts real pygame events to the app and runs one turn of its loop after each; then, as a person waits
    to see what happens, the loop runs on in steps of 0.1 s until no animation runs (wait=False: not)."""

    def __init__(self, app: App, wait: bool = True):
        self.app = app
        self.wait = wait

    def turn(self) -> None:
        """One turn of the loop for the events posted, then the animations they started, frame by frame."""
        self.app.step(0.0)
        for _ in range(50):
            if not (self.wait and self.app.running and self.app.stack and self.app.top.animating):
                return
            self.app.step(0.1)

    # --- keyboard --------------------------------------------------------------------------------
    def key(self, key: int, mod: int = 0) -> None:
        pygame.event.post(pygame.event.Event(pygame.KEYDOWN, key=key, mod=mod, unicode="", scancode=0))
        pygame.event.post(pygame.event.Event(pygame.KEYUP, key=key, mod=mod, unicode="", scancode=0))
        self.turn()

    def enter(self, times: int = 1) -> None:
        for _ in range(times):
            self.key(pygame.K_RETURN)

    def esc(self) -> None:
        self.key(pygame.K_ESCAPE)

    def digit(self, n: int) -> None:
        self.key(getattr(pygame, f"K_{n}"))

    def type(self, text: str) -> None:
        """Typed text arrives as TEXTINPUT events (one per character, like a keyboard)."""
        for ch in text:
            pygame.event.post(pygame.event.Event(pygame.TEXTINPUT, text=ch))
        self.turn()

    # --- mouse -----------------------------------------------------------------------------------
    def rects(self) -> dict[str, pygame.Rect]:
        """Where the buttons of the screen on top are, once what moves has come to rest."""
        self.app.settle()
        self.app.top.layout(self.app.screen.get_size())
        return self.app.top.button_rects()

    def click(self, widget_id: str) -> pygame.Rect:
        rect = self.rects()[widget_id]
        self.click_at(rect.center)
        return rect

    def click_at(self, pos: tuple[int, int]) -> None:
        pygame.event.post(pygame.event.Event(pygame.MOUSEMOTION, pos=pos, rel=(0, 0), buttons=(0, 0, 0)))
        pygame.event.post(pygame.event.Event(pygame.MOUSEBUTTONDOWN, pos=pos, button=1))
        pygame.event.post(pygame.event.Event(pygame.MOUSEBUTTONUP, pos=pos, button=1))
        self.turn()

    # --- window ----------------------------------------------------------------------------------
    def resize(self, w: int, h: int) -> None:
        pygame.event.post(pygame.event.Event(pygame.VIDEORESIZE, w=w, h=h, size=(w, h)))
        self.turn()

    def close_window(self) -> None:
        pygame.event.post(pygame.event.Event(pygame.QUIT))
        self.turn()

    def frame(self) -> pygame.Surface:
        """Draw the screen now (animations at rest) and return it."""
        self.app.settle()
        self.app.draw()
        return self.app.screen

    @property
    def top(self):
        """The screen on top once what moves has come to rest (what a person then sees)."""
        self.app.settle()
        return self.app.top


def saved_summaries(data_dir: Path) -> list[dict]:
    return [json.loads(p.read_text(encoding="utf-8")) for p in sorted((data_dir / "sessions").glob("*.json"))]


@pytest.fixture(autouse=True)
def normal_text_and_colours():
    """The text size and contrast are the window's (global) settings: each test starts and ends with the normal."""
    theme.set_text_size(100)
    theme.set_contrast(False)
    yield
    theme.set_text_size(100)
    theme.set_contrast(False)


@pytest.fixture(autouse=True)
def check_every_frame(monkeypatch):
    """Every window a test here opens (through make_app or its own App) checks each frame it presents."""
    monkeypatch.setenv(redraw_check.ENV, "1")


@pytest.fixture
def make_app(deck, tmp_path):
    """make_app(size=…, lang=…) opens the window and returns a Driver; closed after the test."""
    opened: list[App] = []

    def make(
        size: tuple[int, int] = (1280, 720), lang: str | None = None, animations: bool = True, wait: bool = True,
        text_size: int = 100, high_contrast: bool = False,
    ) -> Driver:
        if text_size != 100 or high_contrast:  # as chosen in an earlier run: the settings file in the data folder
            settings.save(settings.Settings(text_size=text_size, high_contrast=high_contrast), tmp_path / "data")
        app = App(
            deck,
            tmp_path / "data",
            lang=lang,
            size=size,
            animations=animations,
            seed=7,
            rules_path=Path(__file__).resolve().parents[2] / "rules.md",
            check_redraw=True,
        )
        app.open()
        app.draw()
        opened.append(app)
        return Driver(app, wait)

    yield make
    if pygame.display.get_init():
        pygame.event.clear()
    pygame.display.quit()


@pytest.fixture
def data_dir(tmp_path) -> Path:
    return tmp_path / "data"
