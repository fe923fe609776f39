"""The base of every screen: a Scene handles input, runs its animations (Anim) and draws itself.

Scenes know only this base and the app they are given; the app's type is named for type checkers only, so no
scene imports the window's loop (game.ui.app) when it runs.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

import pygame

from game.ui.input import Input, Key
from game.ui.widgets import Button, TextField, Widget

if TYPE_CHECKING:
    from game.ui.app import App


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
    auto_read = False  # True: with "Voorlezen" on, the screen is read aloud when it appears (App.push)

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

    def press(self, widget_id: str) -> bool:
        """A control was pressed (click, tap, Enter or Space on the focus): the speaker button reads this screen
        aloud on every screen alike; the rest is the scene's (activate)."""
        if widget_id == "speak":
            self.app.read_aloud()
            return True
        return self.activate(widget_id)

    def pause(self) -> bool:
        """Open the pause menu (resume, rules, end and save, quit) over this scene."""
        from game.ui.scenes.overlays import PauseScene

        self.app.push(PauseScene(self.app))
        return True

    def key(self, inp: Input) -> bool:
        """Any other input (digits, arrows, …)."""
        return False

    def spoken(self) -> str:
        """What this screen says, read aloud with V or the speaker button ("": nothing to read): its words in
        reading order, each choice once (game/ui/spoken.py). Called after layout() for the window's size."""
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
        # a focused control (a button, an estimate card) takes Enter: the hint leaves the others
        enter_on = focused if focused is not None and not isinstance(focused, TextField) and getattr(
            focused, "enabled", True) else None
        notice = getattr(self.app, "notice", None)
        if notice is not None and notice.focus is not None:  # Tab is on the save notice: Enter is its button's
            enter_on = notice
        for w in self.widgets:
            hint = getattr(w, "hint", "")
            if enter_on is not None and isinstance(w, Button):
                w.hint = "Enter" if w is enter_on else ("" if hint == "Enter" else hint)  # (never the notice)
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
                self.press(hit.id)
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
                    self.press(self.focus)
                    return True
                return self.confirm()
            case Key.BACK:
                return self.back()
        return self.key(inp)

    def field_done(self, field_: TextField) -> bool:
        """Enter in a text field: by default leave the field."""
        self.focus = None
        return True

    def focus_order(self) -> list[str]:
        """The controls Tab goes through, in order."""
        return [w.id for w in self.widgets if w.focusable and w.enabled]

    def _move_focus(self, step: int) -> bool:
        ids = self.focus_order()
        if not ids:
            return False
        if self.focus in ids:
            self.focus = ids[(ids.index(self.focus) + step) % len(ids)]
        else:
            self.focus = ids[0] if step > 0 else ids[-1]
        return True
