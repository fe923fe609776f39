"""The window's loop and its stack of scenes (start, table, hand-over, …, pause on top).

The loop waits for input and draws nothing while nothing changes; only a running animation draws frames.
"""

from __future__ import annotations

import os
import random
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

import pygame

from game import settings
from game.deckinfo import DeckInfo
from game.paths import PROGRESS, RULES
from game.ui import redraw_check, theme
from game.ui.input import Input, Key, translate
from game.ui.savenotice import SaveNotice
from game.ui.voice import Voice
from game.ui.widgets import Button, TextField, Widget
from game.ui.window import open_window

if TYPE_CHECKING:  # imported when first needed: the start screen opens without pydantic, the engine and the cards
    from game.engine import Action
    from game.model.deck import Deck
    from game.table import Table
    from game.ui.cardview import CardArt

DEFAULT_SIZE = (1280, 720)
IDLE_FPS = 30  # how often an idle window looks for input (≈1 % of a core)
ANIM_FPS = 60


@dataclass
class Anim:
    """A short animation: progress runs from 0 to 1 over `seconds`; `done` runs once at the end."""

    seconds: float
    done: Callable[[], None] | None = None
    tracked: bool = (
        False  # True: the scene reports each frame what it moved (Scene.track); else all may change
    )
    elapsed: float = 0.0
    finished: bool = False

    @property
    def t(self) -> float:
        return 1.0 if self.finished or self.seconds <= 0 else min(1.0, self.elapsed / self.seconds)

    def advance(self, dt: float) -> None:
        self.elapsed += dt
        if self.elapsed >= self.seconds:
            self.finish()

    def finish(self) -> None:
        if not self.finished:
            self.finished = True
            if self.done:
                self.done()


class Scene:
    """One screen: handle(input) and update(dt) say whether it must be drawn again; draw(surface) draws it."""

    opaque = True  # False: the scene below shows through (pause menu, questions)
    wants_back = True  # Esc is handled by this scene (else: the pause menu)

    def __init__(self, app: App):
        self.app = app
        self.widgets: list[Widget] = []
        self.focus: str | None = None
        self.hover: str | None = None
        self.anims: list[Anim] = []
        self.changed: list[pygame.Rect] | None = None  # what the last update() changed; None: anything
        self.moved: list[pygame.Rect] = []  # filled by draw(): the rects animated parts covered this frame
        self.part = "all"  # what draw() draws: "all", or during an animation "static" or "moving" parts

    # --- what a scene fills in ------------------------------------------------------------------
    def layout(self, size: tuple[int, int]) -> None:
        """Place the widgets for this window size (called before every draw)."""

    def draw(self, surface: pygame.Surface) -> None:
        """Draw the scene; the widgets are drawn by draw_widgets()."""

    def confirm(self) -> bool:
        """Enter without a focused widget."""
        return False

    def back(self) -> bool:
        """Esc."""
        return False

    def activate(self, widget_id: str) -> bool:
        """A button was clicked, tapped or chosen with Enter; the corner buttons work alike on every screen."""
        if widget_id == "rules":
            self.app.show_rules()
            return True
        if widget_id == "menu":
            return self.pause()
        return False

    def pause(self) -> bool:
        """Open the pause menu (resume, rules, end and save, quit) over this scene."""
        from game.ui.scenes.overlays import PauseScene

        self.app.push(PauseScene(self.app))
        return True

    def key(self, inp: Input) -> bool:
        """Any other input (digits, arrows, …)."""
        return False

    def spoken(self) -> str:
        """The text of the card on this screen, read aloud with V or the speaker button ("": nothing to read)."""
        return ""

    def entered(self) -> None:
        """The scene is on top again (after the one above it closed)."""

    # --- shared behaviour --------------------------------------------------------------------------
    @property
    def lang(self) -> str:
        return self.app.lang

    @property
    def animating(self) -> bool:
        return any(not a.finished for a in self.anims)

    def animate(self, seconds: float, done: Callable[[], None] | None = None, tracked: bool = False) -> Anim:
        """Start an animation; tracked: draw() reports what moves (track), only that goes to the screen."""
        anim = Anim(seconds if self.app.animations else 0.0, done, tracked)
        self.anims.append(anim)
        if anim.seconds <= 0:
            anim.finish()
        return anim

    def finish_animations(self) -> None:
        for anim in list(self.anims):
            anim.finish()
        self.anims = [a for a in self.anims if not a.finished]

    def update(self, dt: float) -> bool:
        if not self.anims:
            return False
        self.changed = [] if all(a.tracked for a in self.anims) else None
        for anim in list(self.anims):
            anim.advance(dt)
        self.anims = [a for a in self.anims if not a.finished]
        return True

    @property
    def static(self) -> bool:
        """Draw the parts that stay put in this frame."""
        return self.part != "moving"

    @property
    def moving(self) -> bool:
        """Draw the parts that an animation moves in this frame."""
        return self.part != "static"

    def track(self, rect: pygame.Rect) -> pygame.Rect:
        """Note a rect an animation drew in this frame (only those parts are sent to the screen)."""
        self.moved.append(pygame.Rect(rect))
        return rect

    def widget(self, widget_id: str) -> Widget | None:
        return next((w for w in self.widgets if w.id == widget_id), None)

    def button_rects(self) -> dict[str, pygame.Rect]:
        """Where each button and field is now (for tests that click like a person)."""
        return {w.id: pygame.Rect(w.rect) for w in self.widgets if w.enabled}

    def focused_field(self) -> TextField | None:
        w = self.widget(self.focus) if self.focus else None
        return w if isinstance(w, TextField) else None

    def draw_widgets(self, surface: pygame.Surface) -> None:
        """Draw the widgets; the "Enter" hint sits on the focused button, since Enter then presses that one."""
        focused = self.widget(self.focus) if self.focus else None
        enter_on = focused if isinstance(focused, Button) and focused.enabled else None
        for w in self.widgets:
            hint = getattr(w, "hint", "")
            if enter_on is not None and isinstance(w, Button):
                w.hint = "Enter" if w is enter_on else ("" if hint == "Enter" else hint)
            w.draw(surface, hover=w.id == self.hover, focus=w.id == self.focus)
            if isinstance(w, Button):
                w.hint = hint

    def handle(self, inp: Input) -> bool:
        field_ = self.focused_field()
        match inp.key:
            case Key.POINT:
                over = next((w.id for w in self.widgets if w.hit(inp.pos)), None)
                changed = over != self.hover
                self.hover = over
                return changed
            case Key.CLICK:
                hit = next((w for w in self.widgets if w.hit(inp.pos)), None)
                if hit is None:
                    changed = self.focus is not None and isinstance(self.widget(self.focus), TextField)
                    if changed:
                        self.focus = None
                    return self.key(inp) or changed
                if isinstance(hit, TextField):
                    self.focus = hit.id
                    return True
                self.focus = None
                self.activate(hit.id)
                return True
            case Key.NEXT | Key.PREV:
                return self._move_focus(1 if inp.key == Key.NEXT else -1)
            case Key.TEXT if field_ is not None:
                return field_.type(inp.text)
            case Key.ERASE if field_ is not None:
                return field_.erase()
            case Key.DIGIT | Key.LETTER if field_ is not None:
                return False  # the key arrives as typed text as well
            case Key.CONFIRM:
                if field_ is not None:
                    return self.field_done(field_)
                if self.focus is not None and self.widget(self.focus) is not None:
                    self.activate(self.focus)
                    return True
                return self.confirm()
            case Key.BACK:
                return self.back()
        return self.key(inp)

    def field_done(self, field_: TextField) -> bool:
        """Enter in a text field: by default leave the field."""
        self.focus = None
        return True

    def _move_focus(self, step: int) -> bool:
        ids = [w.id for w in self.widgets if w.focusable and w.enabled]
        if not ids:
            return False
        if self.focus in ids:
            self.focus = ids[(ids.index(self.focus) + step) % len(ids)]
        else:
            self.focus = ids[0] if step > 0 else ids[-1]
        return True


@dataclass
class Prefs:
    """What the start screen remembers between sessions of one run."""

    names: list[str] = field(default_factory=lambda: ["", ""])
    roles: list[str] = field(default_factory=lambda: ["client", "professional"])
    features: list[str] = field(default_factory=list)
    quick: bool = True
    guess_other: bool = False
    pair_code: str = ""
    # team training and practice
    mode: str = "conversation"  # or "team", "practice" (play --mode)
    team_size: int = 4  # 3–8 (play --players)
    practice_size: int = 1  # 1–2
    team_names: list[str] = field(default_factory=list)
    trainer: str = ""
    perspective: str = "client_view"  # or "own_view"
    phones: bool = False  # choose on phones (play --phones, or the start screen's choice)

    def forget_people(self) -> None:
        """Drop what says who played (names, pair code): the next pair at this screen must not see it.

        How the game was set up (roles, topics, length, language) is kept; it says nothing about people.
        """
        self.names = ["" for _ in self.names]
        self.pair_code = ""
        self.team_names = []
        self.trainer = ""


class App:
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
        self.settings_error = ""
        self.voice = Voice()  # reads cards aloud in a worker thread; enabled only with the [speech] extra
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

    def offer_resume(self) -> bool:
        """A session left open by a crash or a killed process: ask to resume it (never start over it).

        A damaged autosave has been kept aside by the store: its one line is shown and the game starts.
        True when a question or a message was put on the screen.
        """
        if self.data_dir is None or not os.path.lexists(self.data_dir / PROGRESS):
            return False  # a first start: nothing to offer
        from game.i18n import ui
        from game.store import DamagedProgress, StoreError
        from game.table import Table
        from game.ui.scenes import resume

        try:
            mine = tuple(t.slot.n for t in (self.table, self.notice.table) if t is not None and t.slot is not None)
            table = Table.resume(self.deck, self.data_dir, skip=mine)
            others = Table.others(self.data_dir) if table is None else 0
        except DamagedProgress as exc:
            self.push(resume.NoticeScene(self, "damaged_title", exc.message(self.lang)))
            return True
        except StoreError as exc:
            self.push(resume.NoticeScene(self, "store_title", str(exc).splitlines()[0]))
            return True
        if table is None:
            if others and not self.told_other_window:  # never offered, never touched: it is theirs
                self.told_other_window = True
                self.push(resume.NoticeScene(self, "other_window_title", ui("other_window_body", self.lang)))
                return True
            return False
        if table.problem is not None:
            self.table = table  # its end could not be saved now: keep it in memory, the notice offers a retry
            self.push(resume.NoticeScene(self, "store_title", str(table.problem)))
        elif table.saved_to is not None or table.summary is not None:
            self.push(resume.finished_notice(self, table))  # it had reached its end: only the summary was due
        else:
            self.push(resume.ResumeScene(self, table))
        return True

    def resume_session(self, table: Table) -> None:
        """Go on with a session from its autosave, at the screen where it stopped."""
        from game.ui.scenes.table import TableScene

        self.table = table
        self.save_error = ""
        self.reset(TableScene(self))

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
        scene.entered()

    def pop(self, scene: Scene | None = None) -> None:
        """Close the top scene (or `scene` and everything above it)."""
        if scene is not None and scene in self.stack:
            del self.stack[self.stack.index(scene) :]
        elif self.stack:
            self.stack.pop()
        self.dirty = self.full = True
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
    @property
    def in_session(self) -> bool:
        from game.engine import Phase

        return self.table is not None and self.table.phase != Phase.DONE

    def do(self, action: Action) -> bool:
        """Send an action to the session; a summary that cannot be saved is noted, not a crash."""
        if self.table is None:
            return False
        from game.store import StoreError

        try:
            done = self.table.do(action)
            problem = self.table.problem  # a disk that refused the save: shown by the notice, tried again later
            self.save_error = str(problem) if problem is not None else ""
            return done
        except StoreError as exc:
            self.save_error = str(exc).splitlines()[0] if str(exc) else type(exc).__name__
            return True
        finally:
            if not self.in_session:
                self.prefs.forget_people()  # the session is over: the next start screen shows no one

    def quit(self, force: bool = False) -> None:
        """Close the window; a session in progress stays in its autosave (no summary is written). While a save
        has failed, first ask (asked already, or force: close)."""
        from game.ui.scenes.unsaved import UnsavedQuitScene

        if not force and self.notice.shown and not isinstance(self.top, UnsavedQuitScene):
            self.push(UnsavedQuitScene(self))
            return
        self.running = False

    def ask_quit(self) -> None:
        from game.ui.scenes.overlays import PauseScene, QuitScene, quit_keeping
        from game.ui.scenes.unsaved import UnsavedQuitScene

        if isinstance(self.top, UnsavedQuitScene):
            self.quit(force=True)  # asked already: the close button again means it
        elif not self.in_session:
            self.quit()
        elif isinstance(self.top, QuitScene):
            quit_keeping(self)  # the close button twice: the user means it; the autosave keeps everything
        else:
            if isinstance(self.top, PauseScene):
                self.pop()  # one question at a time, over the table
            self.push(QuitScene(self))

    def read_aloud(self, text: str | None = None) -> bool:
        """Read `text` (default: the card on the top screen) aloud; what was being read stops."""
        text = self.top.spoken() if text is None else text
        if not text:
            self.voice.stop()
            return False
        return self.voice.say(text, self.top.lang)

    def change_setting(self, name: str) -> None:
        """Turn a setting on or off (read_aloud, high_contrast) from the start screen or the menu, and keep it."""
        s = self.settings
        setattr(s, name, not getattr(s, name))
        theme.set_contrast(s.high_contrast)
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
        if self.notice.handle(inp):
            self.dirty = self.full = True
            return
        if inp.key == Key.LETTER and inp.text == "v" and self.top.focused_field() is None:
            self.read_aloud()
            return
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

    def draw(self) -> None:
        """Draw a frame. An animation frame redraws only what moves over a kept copy of the rest, and only
        that part goes to the screen; any other change draws and presents the whole window."""
        surface = self.screen or pygame.display.get_surface()
        theme.LOG.entries.clear()
        size = surface.get_size()
        top = self.top
        screen = pygame.Rect((0, 0), size)
        notice = self.notice.shown
        self.full = self.full or notice  # the notice is drawn over whole frames only
        if self.full:
            self._draw_whole(surface)
        elif self._static is None or self._static.get_size() != size:
            # the first frame of an animation: keep what stays put, then draw what moves on top of it
            self._static = surface.copy()
            self._draw_stack(self._static, "static")
            surface.blit(self._static, (0, 0))
            self._draw_stack(surface, "moving")
        else:
            for r in self._moved_before:
                surface.blit(self._static, r, r)
            self._draw_stack(surface, "moving")
        sent: list[pygame.Rect] | None = None  # None: the whole window
        if self.full:
            self._static = None
            pygame.display.flip()
        else:  # only where moving things were and are now goes to the screen
            sent = merge([r.clip(screen) for r in self._moved_before + top.moved])
            if sent:
                pygame.display.update(sent)
        self._moved_before = list(top.moved)
        self.frames += 1
        self.dirty = False
        self.full = False
        if self.check is not None:
            self._check_frame(surface, sent)

    def _draw_whole(self, surface: pygame.Surface) -> None:
        """Everything the window shows, from scratch: the scenes and, over them, a notice that a save is due."""
        self._draw_stack(surface, "all")
        if self.notice.shown:
            self.notice.draw(surface)

    def _check_frame(self, surface: pygame.Surface, sent: list[pygame.Rect] | None) -> None:
        """The test mode: compare what the window now shows with a full redraw (leaves the frame's records)."""
        assert self.check is not None
        log, moved = list(theme.LOG.entries), list(self.top.moved)
        try:
            self.check.presented(surface, sent, self.frames)
        finally:
            theme.LOG.entries[:] = log
            self.top.moved = moved

    def _describe(self) -> str:
        """The scenes on the stack (and the session's phase), for a failure message."""
        names = " > ".join(type(s).__name__ for s in self.stack)
        phase = f" (phase {self.table.phase.value})" if self.table is not None else ""
        return names + phase

    def _draw_stack(self, surface: pygame.Surface, part: str) -> None:
        """Draw the top scene (and those it lets show through); part: "all", "static" or "moving"."""
        size = surface.get_size()
        top = self.top
        if part != "moving":
            start = len(self.stack) - 1
            while start > 0 and not self.stack[start].opaque:
                start -= 1
            for scene in self.stack[start:-1]:
                scene.part = "all"
                scene.layout(size)
                scene.draw(surface)
        top.moved = []
        top.part = part
        top.layout(size)
        top.draw(surface)
        top.part = "all"

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


def merge(rects: list[pygame.Rect]) -> list[pygame.Rect]:
    """Overlapping rects joined into their union, so no part of the window is sent twice."""
    out: list[pygame.Rect] = []
    for r in rects:
        if r.w <= 0 or r.h <= 0:
            continue
        r = pygame.Rect(r)
        joined = True
        while joined:
            joined = False
            for other in out:
                if other.colliderect(r):
                    out.remove(other)
                    r = r.union(other)
                    joined = True
                    break
        out.append(r)
    return out
