"""The monkey: 20 000 random events (keys, typed odd Unicode, clicks anywhere and on real buttons, the wheel,
resizes from 1024×600 to 3840×2160, closing the window and answering the question) to the headless window,
with a fixed seed. Nothing may raise, and after every step the session is consistent: the state validates,
estimates come only from players, rounds stay within the plan, a hidden estimate stays hidden, and the
autosave on disk is exactly the session in the window, and every frame the window shows equals a full redraw
(the check of game/ui/redraw_check.py). When the window is closed, the game starts again on the same data
directory (and offers to resume). A shorter run does the same in team training and practice."""

from __future__ import annotations

import json
import random
from collections import Counter
from datetime import timedelta
from pathlib import Path

import pygame

from game.engine import GameState, Phase
from game.model.deck import Deck
from game.store import check_progress, load_summary, progress_path
from game.ui.app import App
from game.ui.command import start_with
from game.ui.scenes.estimate import EstimateScene, HandOverScene
from game.ui.scenes.overlays import QuitScene
from tests.ui.test_history_ui import JD12, NOTES, T0, played

SEED = 20_240_607
EVENTS = 20_000
SIZES = ((1024, 600), (3840, 2160))
TEAM_EVENTS = 5_000
PLAYERS = {"conversation": (None,), "team": (3, 5, 8), "practice": (1, 2)}

KEYS = [
    *[getattr(pygame, f"K_{n}") for n in range(10)],
    pygame.K_KP1, pygame.K_KP5, pygame.K_KP_ENTER,
    *[pygame.K_RETURN] * 12,
    pygame.K_ESCAPE, pygame.K_ESCAPE, pygame.K_F1, pygame.K_F11, pygame.K_TAB, pygame.K_TAB,
    pygame.K_LEFT, pygame.K_RIGHT, pygame.K_UP, pygame.K_DOWN, pygame.K_PAGEUP, pygame.K_PAGEDOWN,
    pygame.K_HOME, pygame.K_END, pygame.K_BACKSPACE, pygame.K_h, pygame.K_a, pygame.K_SPACE,
]
ODD_TEXT = [
    "a", "B", "7", " ", "-", "_", "ë", "é", "ï", "’", "“ok”", "€", "ẞ", "ﬁ", "Σ", "漢字", "مرحبا", "שלום",
    "😀", "👍🏽", "👩‍👩‍👧", "e\u0301", "\u200b", "\u202e", "\u00ad", "\t", "\x7f", "\ufeff", "\U0010fffd",
    "x" * 80, "Volgende keer bellen we eerst.", "  ",
]


def post_key(key: int, mod: int = 0) -> None:
    pygame.event.post(pygame.event.Event(pygame.KEYDOWN, key=key, mod=mod, unicode="", scancode=0))
    pygame.event.post(pygame.event.Event(pygame.KEYUP, key=key, mod=mod, unicode="", scancode=0))


def post_click(pos: tuple[int, int]) -> None:
    pygame.event.post(pygame.event.Event(pygame.MOUSEMOTION, pos=pos, rel=(0, 0), buttons=(0, 0, 0)))
    pygame.event.post(pygame.event.Event(pygame.MOUSEBUTTONDOWN, pos=pos, button=1))
    pygame.event.post(pygame.event.Event(pygame.MOUSEBUTTONUP, pos=pos, button=1))


class Monkey:
    def __init__(self, deck: Deck, data: Path, rng: random.Random, modes: tuple[str, ...] = ("conversation",)):
        self.deck = deck
        self.data = data
        self.rng = rng
        self.more = random.Random(SEED + 1)  # the modes and the waits (the events keep their own stream)
        self.modes = modes
        self.seen: Counter[str] = Counter()
        self.starts = 0
        self.big_steps = 0  # steps left in a window larger than 1920×1080
        self.app = self.start()

    def start(self) -> App:
        """The game (again) on the same data directory, like a person opening it after closing it."""
        self.starts += 1
        app = App(self.deck, self.data, size=(1280, 720), seed=self.rng.randrange(1000), check_redraw=True)
        mode = self.modes[(self.starts - 1) % len(self.modes)]  # each start opens in the next mode
        start_with(app.prefs, mode, self.more.choice(PLAYERS[mode]))
        if mode == "conversation" and self.starts % 3 == 2:
            app.prefs.pair_code = "JD-12"  # a returning pair: its start looks back on the last agreements
        app.open()
        app.draw()
        if mode == "conversation" and self.starts % 3 == 0:
            app.top.activate("pairs:pick")  # a pair that looks for its code in the list (then goes anywhere)
        return app

    # --- one random event ------------------------------------------------------------------------------
    def event(self) -> str:
        rng = self.rng
        app = self.app
        size = app.screen.get_size()
        roll = rng.random()
        if roll < 0.42:
            key = rng.choice(KEYS)
            post_key(key, pygame.KMOD_SHIFT if key == pygame.K_TAB and rng.random() < 0.3 else 0)
            return "key"
        if roll < 0.52:
            pygame.event.post(pygame.event.Event(pygame.TEXTINPUT, text=rng.choice(ODD_TEXT)))
            return "text"
        if roll < 0.80:  # a click on a real button or field of the screen on top
            app.top.layout(size)
            rects = list(app.top.button_rects().items())
            if rng.random() < 0.9:  # the buttons that close the program are not pressed all the time
                rects = [(wid, r) for wid, r in rects if wid not in ("quit", "close")]
            if rects:
                _, rect = rng.choice(rects)
                if getattr(app.top, "more", True) is False and rng.random() < 0.5:  # the folded choices, opened
                    rect = dict(rects)["more"]
                post_click((rng.randint(rect.left, rect.right - 1), rng.randint(rect.top, rect.bottom - 1)))
                return "click widget"
        if roll < 0.88:
            post_click((rng.randrange(size[0]), rng.randrange(size[1])))
            return "click anywhere"
        if roll < 0.92:
            pos = (rng.randrange(size[0]), rng.randrange(size[1]))
            pygame.event.post(pygame.event.Event(pygame.MOUSEMOTION, pos=pos, rel=(0, 0), buttons=(0, 0, 0)))
            return "point"
        if roll < 0.95:
            wheel = pygame.event.Event(pygame.MOUSEWHEEL, x=0, y=rng.choice((-1, 1)), flipped=False)
            pygame.event.post(wheel)
            return "wheel"
        if roll < 0.965:
            (w0, h0), (w1, h1) = SIZES
            laptop = (rng.randint(w0, 1920), rng.randint(h0, 1080))
            w, h = rng.choice([(w0, h0), (w1, h1), (rng.randint(w0, w1), rng.randint(h0, h1)), *[laptop] * 5])
            if w * h > 1920 * 1080:
                self.big_steps = rng.randint(1, 6)  # a big window for a few turns (each frame costs more)
            self.resize(w, h)
            return "resize"
        if roll < 0.98:
            pygame.event.post(pygame.event.Event(pygame.QUIT))
            return "close"
        post_key(pygame.K_RETURN)
        return "key"

    def answer_close(self) -> None:
        """After the close button: the question is answered (go on, finish and save, quit) by key or click."""
        app = self.app
        if not app.running or not isinstance(app.top, QuitScene):
            return
        if self.rng.random() < 0.5:
            post_key(self.rng.choice([pygame.K_RETURN, pygame.K_ESCAPE, pygame.K_DOWN, pygame.K_TAB]))
        else:
            app.top.layout(app.screen.get_size())
            post_click(self.rng.choice(list(app.top.button_rects().values())).center)
        self.step()

    def resize(self, w: int, h: int) -> None:
        pygame.event.post(pygame.event.Event(pygame.VIDEORESIZE, w=w, h=h, size=(w, h)))

    def step(self) -> None:
        if self.big_steps:
            self.big_steps -= 1
            if not self.big_steps:  # back to a laptop's size
                self.resize(self.rng.randint(1024, 1920), self.rng.randint(600, 1080))
        self.app.step(self.rng.choice((0.0, 0.0, 0.016, 0.05, 0.3)))  # animations run on now and then
        if self.more.random() < 0.25:  # and now and then a person waits until what moves has come to rest
            for _ in range(10):
                if not (self.app.running and self.app.top.animating):
                    break
                self.app.step(0.1)
                self.seen["waited"] += 1

    # --- what must hold after every step ------------------------------------------------------------------
    def check(self) -> None:
        app = self.app
        assert not app.running or app.stack, "a running window shows a screen"
        table = app.table
        if table is None:
            return
        state = table.state
        self.seen[f"{state.setup.mode.value} {state.phase.value}"] += 1
        GameState.model_validate(json.loads(state.model_dump_json()))  # the state validates as saved
        assert len(state.rounds) <= len(state.plan)
        players = set(state.player_ids)
        for rnd in state.rounds:
            assert set(rnd.estimates) <= players
            for pid, e in rnd.estimates.items():
                assert e.player == pid and (e.value is None or 1 <= e.value <= 5)
        assert check_progress(state, self.deck) is None
        autosave = progress_path(self.data)
        if app.in_session:  # the autosave on disk is the session in the window, exactly
            assert GameState.model_validate_json(autosave.read_bytes()) == state
            top = app.top
            if isinstance(top, HandOverScene | EstimateScene) and state.phase == Phase.ESTIMATE:
                current = table.view(top.player_id).current
                assert current is None or set(current.estimates) <= {top.player_id}
        elif state.phase == Phase.DONE and not app.save_error:
            if table.only_show:  # "only show": nothing under sessions/, no autosave, no temporary copy
                assert table.saved_to is None and not list(autosave.parent.glob("*session.json*tmp"))
                assert not autosave.exists()
            else:
                assert table.saved_to is not None and table.saved_to.exists() and not autosave.exists()

    def run(self, events: int) -> None:
        sent = 0
        while sent < events:
            for _ in range(self.rng.randint(1, 6)):  # what queues up between two turns of the loop
                kind = self.event()
                self.seen[kind] += 1
                sent += 1
            self.step()
            self.seen[f"on {type(self.app.top).__name__}"] += 1
            if self.seen.get("close") and kind == "close":
                self.answer_close()
            self.check()
            if not self.app.running:  # closed (the quit button, Close, or the question answered): open again
                self.seen["restart"] += 1
                pygame.event.clear()
                self.app = self.start()
                self.check()


def test_twenty_thousand_random_events_leave_a_consistent_session(deck, tmp_path, monkeypatch):
    # the monkey plays as without the phones extra: its "Aan" would open a room on the local network
    monkeypatch.setattr("game.ui.scenes.start_phones.missing", lambda: "aiohttp")
    data = tmp_path / "data"
    for i, (values, notes) in enumerate(zip(JD12, NOTES, strict=True)):  # a pair to look back on
        played(deck, data, "JD-12", T0 + timedelta(weeks=3 * i), values, notes)
    monkey = Monkey(deck, data, random.Random(SEED))
    monkey.run(EVENTS)
    seen = monkey.seen
    # the monkey got around: these screens were on top at some point, and sessions were saved
    for scene in ("StartScene", "TableScene", "HandOverScene", "EstimateScene", "SummaryScene", "PauseScene",
                  "QuitScene", "RulesScene", "ResumeScene", "PairPickScene", "HistoryScene", "LookBackScene",
                  "ConsentScene"):
        assert seen[f"on {scene}"], (scene, seen)
    assert seen["restart"] >= 5 and seen["resize"] >= 100 and seen["close"] >= 100 and seen["waited"]
    saved = sorted((data / "sessions").glob("*.json"))
    assert len(saved) > len(JD12)
    for path in saved:
        load_summary(path)  # every saved summary loads
    pygame.display.quit()


def test_five_thousand_random_events_in_team_training_and_practice(deck, tmp_path):
    """The same monkey on the team and practice screens, each start in the next mode (teams of 3, 5, 8; one or
    two practising), with every frame checked against a full redraw."""
    monkey = Monkey(deck, tmp_path / "data", random.Random(SEED), modes=("team", "practice"))
    monkey.run(TEAM_EVENTS)
    seen = monkey.seen
    assert seen["team reveal"] and seen["team case_view"] and seen["practice reveal"] and seen["waited"], seen
    assert seen["restart"] >= 1
    pygame.display.quit()


def test_a_name_of_only_zero_width_characters_is_drawn_without_a_crash(make_app):
    """Found by the monkey: a text field holding only a zero-width character (a byte order mark)."""
    d = make_app()
    d.click("more")  # the choices are folded away at first
    d.click("name0")
    d.type("\ufeff")
    d.click("name1")
    d.type("\u200b")
    d.frame()
    assert d.top.names[0].value == "\ufeff"
    d.click("start")
    d.click("keep:save")
    d.frame()
    assert d.app.table is not None
