"""The window's loop and its stack of scenes (start, table, hand-over, …, pause on top).

The loop waits for input and draws nothing while nothing changes; only a running animation draws frames.
The scenes' base is game.ui.scene, drawing a frame game.ui.frame, the session glue game.ui.session.
"""

from __future__ import annotations

import random
from collections.abc import Iterable
from pathlib import Path
from typing import TYPE_CHECKING

import pygame

from game import settings
from game.deckinfo import DeckInfo
from game.paths import RULES
from game.ui import redraw_check, theme
from game.ui.frame import FrameDrawing
from game.ui.input import Input, Key, translate
from game.ui.prefs import Prefs
from game.ui.savenotice import SaveNotice
from game.ui.session import SessionActions
from game.ui.voice import Voice
from game.ui.window import open_window

if TYPE_CHECKING:  # imported when first needed: the start screen opens without pydantic, the engine and the cards
    from game.model.deck import Deck
    from game.table import Table
    from game.ui.cardview import CardArt
    from game.ui.scene import Scene

DEFAULT_SIZE = (1280, 720)
IDLE_FPS = 30  # how often an idle window looks for input (≈1 % of a core)
ANIM_FPS = 60


class App(FrameDrawing, SessionActions):
    """Owns the window, the scene stack and the session in progress (a Table)."""

    def __init__(
        self,
        deck: Deck | DeckInfo,
        data_dir: Path | None,
        lang: str | None = None,
        size: tuple[int, int] = DEFAULT_SIZE,
        fullscreen: bool = False,
        animations: bool = True,
        seed: int | None = None,
        rules_path: Path | None = None,
        check_redraw: bool = False,
    ):
        self.info = deck  # names, colours, languages, cases: what the start screen shows (a Deck has them too)
        self._deck = None if isinstance(deck, DeckInfo) else deck
        self.data_dir = data_dir
        self.lang = lang or deck.default_language
        self.size = size
        self.fullscreen = fullscreen
        self.animations = animations
        self.rng = random.Random(seed)
        self.rules_path = rules_path or RULES
        self._art: CardArt | None = None
        self.prefs = Prefs(features=[f.id for f in sorted(deck.features, key=lambda f: f.order)])
        self.table: Table | None = None
        self.save_error = ""  # one line when the summary could not be written
        self.notice = SaveNotice(self)  # a failed save: one line and "Save again" over any screen
        self.told_other_window = False  # "another window plays a session" is said once
        self.stack: list[Scene] = []
        self.running = True
        self.dirty = True  # something changed: a frame must be drawn
        self.full = True  # ... and the whole window presented (else only what an animation moved)
        self._moved_before: list[pygame.Rect] = []
        self._static: pygame.Surface | None = None  # during an animation: the frame without what moves
        self.frames = 0  # frames drawn (the benchmark and tests read it)
        self.screen: pygame.Surface | None = None
        self._text_input = False
        self.check: redraw_check.RedrawCheck | None = None  # the test mode: each presented frame equals a full redraw
        if check_redraw or redraw_check.wanted():
            self.check = redraw_check.RedrawCheck(self._draw_whole, self._describe)
        self.settings = settings.load(data_dir)  # read aloud, high contrast (kept in the data folder)
        theme.set_contrast(self.settings.high_contrast)
        theme.set_text_size(self.settings.text_size)
        self.settings_error = ""
        self.voice = Voice()  # reads cards aloud in a worker thread; enabled only with the [speech] extra
        self._reading: Scene | None = None  # the screen whose words are being read aloud
        self.phones = None  # play --phones: a game.phones.link.PhoneLink, pumped every turn of the loop

    @property
    def deck(self) -> Deck:
        """The whole, validated deck: given, set by `play` once the start screen is up, or loaded when first used."""
        if self._deck is None:
            from game.decks import load_deck

            self._deck = load_deck(self.info.folder)
        return self._deck

    @deck.setter
    def deck(self, deck: Deck) -> None:
        self._deck = deck
        self._art = None

    @property
    def art(self) -> CardArt:
        """The cards of the deck, drawn from the one design (built when a card is first shown)."""
        if self._art is None:
            from game.ui.cardview import CardArt

            self._art = CardArt(self.deck)
        return self._art

    # --- window ------------------------------------------------------------------------------------
    def open(self) -> pygame.Surface:
        """Open the window (or take the one `play` opened already) and show the start screen."""
        self.screen = open_window(self.size, self.fullscreen)
        if not self.fullscreen:
            self.size = self.screen.get_size()  # made to fit the desktop (or the window `play` opened)
        pygame.font.init()
        pygame.display.set_caption(self.info.name.get(self.lang, "Werkalliantie"))
        pygame.key.stop_text_input()
        pygame.key.set_repeat(400, 40)
        if not self.stack:
            from game.ui.scenes.start import StartScene

            self.push(StartScene(self))
            self.offer_resume()
        return self.screen

    def toggle_fullscreen(self) -> None:
        try:
            pygame.display.toggle_fullscreen()
            self.fullscreen = not self.fullscreen
        except pygame.error:
            flags = pygame.RESIZABLE | (0 if self.fullscreen else pygame.FULLSCREEN)
            self.fullscreen = not self.fullscreen
            pygame.display.set_mode((0, 0) if self.fullscreen else self.size, flags)
        self.screen = pygame.display.get_surface()
        self.dirty = self.full = True

    def resize(self, size: tuple[int, int]) -> None:
        surface = pygame.display.get_surface()
        if surface is not None and surface.get_size() != size and not self.fullscreen:
            surface = pygame.display.set_mode(size, pygame.RESIZABLE)
        self.screen = surface
        if not self.fullscreen and surface is not None:
            self.size = surface.get_size()
        self.dirty = self.full = True

    # --- scenes ------------------------------------------------------------------------------------
    @property
    def top(self) -> Scene:
        return self.stack[-1]

    def push(self, scene: Scene) -> None:
        if self.stack:
            self.stack[-1].hover = None
        self.stack.append(scene)
        self.dirty = self.full = True
        self._still_reading()
        scene.entered()
        if scene.auto_read and self.settings.read_aloud and self.top is scene:
            self.read_aloud()

    def pop(self, scene: Scene | None = None) -> None:
        """Close the top scene (or `scene` and everything above it)."""
        if scene is not None and scene in self.stack:
            del self.stack[self.stack.index(scene) :]
        elif self.stack:
            self.stack.pop()
        self.dirty = self.full = True
        self._still_reading()
        if self.stack:
            self.stack[-1].entered()

    def replace(self, scene: Scene) -> None:
        if self.stack:
            self.stack.pop()
        self.push(scene)

    def reset(self, scene: Scene) -> None:
        self.stack.clear()
        self.push(scene)

    def screen_size(self) -> tuple[int, int]:
        return self.screen.get_size() if self.screen is not None else self.size

    def find(self, kind: type) -> Scene | None:
        return next((s for s in reversed(self.stack) if isinstance(s, kind)), None)

    # --- session ------------------------------------------------------------------------------------
    def read_aloud(self, text: str | None = None) -> bool:
        """Read `text` (default: the card on the top screen) aloud; what was being read stops."""
        if text is None:
            self.top.layout(self.screen_size())  # what is on the screen now (a page, a scrolled part)
            text = self.top.spoken()
        if not text:
            self.voice.stop()
            return False
        self._reading = self.top
        return self.voice.say(text, self.top.lang)

    def _still_reading(self) -> None:
        """A screen that was being read aloud has closed: its speech stops with it."""
        if self._reading is not None and self._reading not in self.stack:
            self._reading = None
            self.voice.stop()

    def change_setting(self, name: str, step: int = 0) -> None:
        """Turn a setting on or off (read_aloud, high_contrast), or text_size to the next size (step 0: round
        to 100 % after 200 %; +1 or -1: one size larger or smaller, Ctrl + + and Ctrl + -), from the start
        screen or the menu, and keep it."""
        s = self.settings
        if name == "text_size":
            s.text_size = settings.next_text_size(s.text_size, step)
            theme.set_text_size(s.text_size)  # (the card art does not change: larger text reads in panels)
        else:
            setattr(s, name, not getattr(s, name))
        if s.high_contrast != theme.high_contrast:  # the cards are drawn again in the other colours
            theme.set_contrast(s.high_contrast)
            self._art = None
        if name == "read_aloud" and not s.read_aloud:
            self.voice.stop()
        self.settings_error = settings.save(s, self.data_dir)  # "" or one line; the choice holds for this run
        self.dirty = self.full = True

    def show_rules(self) -> None:
        from game.ui.scenes.rules import RulesScene

        if not isinstance(self.top, RulesScene):
            self.push(RulesScene(self))

    # --- input and drawing ----------------------------------------------------------------------------
    def dispatch(self, inp: Input) -> None:
        """Hand one input to the top scene; an input that moves on first finishes running animations."""
        match inp.key:
            case Key.QUIT:
                self.ask_quit()
                return
            case Key.RESIZE:
                self.resize(inp.pos)
                return
            case Key.EXPOSE:
                self.dirty = self.full = True
                return
            case Key.FULLSCREEN:
                self.toggle_fullscreen()
                return
            case Key.RULES:
                self.show_rules()
                return
            case Key.TEXT_SIZE:
                self.change_setting("text_size", inp.value)
                return
        if self.notice.handle(inp):
            self.dirty = self.full = True
            return
        if inp.key == Key.LETTER and inp.text == "v" and self.top.focused_field() is None:
            self.read_aloud()
            return
        if inp.key == Key.PRESS:  # Space presses the focused button as Enter does; elsewhere it does nothing
            top = self.top
            if top.focused_field() is not None or top.focus is None or top.widget(top.focus) is None:
                return
            inp = Input(Key.CONFIRM)
        if inp.moves_on:
            self.settle()
        if inp.key in (Key.CLICK, Key.POINT) and self.screen is not None:
            self.top.layout(self.screen.get_size())  # hit the buttons where they are now
        if self.top.handle(inp):
            self.dirty = self.full = True
        if self.top.focus is not None and self.screen is not None:
            self.top.layout(self.screen.get_size())  # a field that a new phase asks for exists only now
        self._sync_text_input()

    def settle(self) -> None:
        """Finish every running animation at once (what it triggers at its end happens too)."""
        for _ in range(20):  # an animation's end may start the next scene's animation
            top = self.top
            if not top.animating:
                return
            top.finish_animations()
            self.dirty = self.full = True

    def _sync_text_input(self) -> None:
        want = self.top.focused_field() is not None
        if want != self._text_input:
            self._text_input = want
            if want:
                pygame.key.start_text_input()
            else:
                pygame.key.stop_text_input()

    def process(self, events: Iterable[pygame.event.Event]) -> None:
        for event in events:
            inp = translate(event)
            if inp is not None:
                self.dispatch(inp)
            if not self.running:
                return

    def update(self, dt: float) -> None:
        if self.stack and self.top.update(dt):
            self.dirty = True
            # the frame in which the last animation ends is drawn whole: at rest a scene draws every part
            # (drawn over the kept still parts, what only moved during the animation would be lost)
            if self.top.changed is None or not self.top.animating:
                self.full = True

    def step(self, dt: float = 0.0) -> None:
        """One turn of the loop without waiting: events, animations, and a frame if something changed."""
        self.process(pygame.event.get())
        if self.phones is not None and self.running and self.phones.pump(self):
            self.dirty = self.full = True
        if self.running:
            self.update(dt)
        if self.running and self.dirty:
            self.draw()

    def run(self, seconds: float | None = None) -> int:
        """The loop until the window closes (or, for the benchmark, until `seconds` have passed)."""
        if self.screen is None:
            self.open()
        clock = pygame.time.Clock()
        dt = 0.0
        stop = None if seconds is None else pygame.time.get_ticks() + seconds * 1000
        while self.running and (stop is None or pygame.time.get_ticks() < stop):
            self.step(dt)
            busy = self.running and self.top.animating
            dt = clock.tick(ANIM_FPS if busy else IDLE_FPS) / 1000.0
        if self.phones is not None:
            self.phones.close()  # the room closes with the window
        if stop is None:
            self.voice.close()
            pygame.display.quit()
        return 0
