"""When a save fails (a full or read-only disk, a data folder that is a file): one line over the title of any
screen, with "Save again" (Ctrl+S) and, for a finished session, "Other folder" (Ctrl+Shift+S). Play goes on
with the session in memory; the next action saves again by itself (game.table)."""

from __future__ import annotations

import errno
from typing import TYPE_CHECKING

import pygame

from game.i18n import ui
from game.ui import chrome, theme
from game.ui.input import Input, Key
from game.ui.widgets import Button

if TYPE_CHECKING:
    from game.table import Table
    from game.ui.app import App

Rect = pygame.Rect
WARN = (150, 30, 30)
FULL = (errno.ENOSPC, errno.EDQUOT)


def message(table: Table, lang: str) -> str:
    """The one B1 line for the failed save."""
    from game.engine import Phase

    if table.state.phase == Phase.DONE:
        return ui("disk_end", lang)
    code = getattr(table.problem, "errno", None)
    if code in FULL:
        return ui("disk_full", lang)
    if code == errno.EROFS:
        return ui("disk_readonly", lang)
    return ui("disk_other", lang)


class SaveNotice:
    """The line and its buttons; the App draws it last and offers it each input first."""

    def __init__(self, app: App):
        self.app = app
        self.table: Table | None = None  # the session whose save failed (kept after "again" until it is saved)
        self.widgets: list[Button] = []
        self.rect = Rect(0, 0, 0, 0)
        self.hover: str | None = None

    @property
    def shown(self) -> bool:
        """Whether a save is still due; a table that saved after all is forgotten."""
        table = self.app.table
        if table is not None and table.problem is not None:
            self.table = table
        if self.table is not None and self.table.problem is None:
            self.table = None
        return self.table is not None

    @property
    def done(self) -> bool:
        from game.engine import Phase

        return self.table is not None and self.table.state.phase == Phase.DONE

    def layout(self, size: tuple[int, int]) -> None:
        """In the top bar, left of the corner buttons (where the title was)."""
        f = chrome.frame(size)
        corner = [w.rect for w in self.screen().widgets if w.id in ("rules", "menu") and w.rect.y <= f.top.bottom]
        if not corner:  # a screen without them: leave their room free anyway
            corner = [b.rect for b in chrome.corner_buttons(size, f.top, self.app.lang)]
        self.rect = Rect(f.top.x, f.top.y, min(r.x for r in corner) - f.gap - f.top.x, f.top.h)
        lang = self.lang
        specs = [("save_again", ui("save_again", lang), "Ctrl+S")]
        if self.done:
            specs.append(("save_elsewhere", ui("save_elsewhere", lang), "Ctrl+Shift+S"))
        w = min(theme.px(size, 250), self.rect.w // (len(specs) + 1))
        gap = theme.px(size, 10)
        x = self.rect.right - theme.px(size, 8)
        self.widgets = []
        for wid, label, hint in specs:
            x -= w
            self.widgets.insert(0, Button(wid, label, Rect(x, self.rect.y + 4, w, self.rect.h - 8), hint=hint))
            x -= gap
        self.text_rect = Rect(self.rect.x + theme.px(size, 14), self.rect.y, x - self.rect.x - theme.px(size, 14),
                              self.rect.h)

    def screen(self):
        """The scene the notice sits on: the top one, or the one under a question (dimmed with it)."""
        stack = self.app.stack
        under = [s for s in stack if s.opaque]
        return under[-1] if under else stack[-1]

    @property
    def asleep(self) -> bool:
        """A question is open over the screen: the notice is dimmed with it and waits."""
        return not self.app.top.opaque

    @property
    def lang(self) -> str:
        return self.table.state.setup.language if self.table is not None else self.app.lang

    def draw(self, surface: pygame.Surface) -> None:
        size = surface.get_size()
        self.layout(size)
        pygame.draw.rect(surface, WARN, self.rect, border_radius=theme.px(size, 10))
        assert self.table is not None
        theme.text(surface, message(self.table, self.lang), self.text_rect, theme.px(size, 22), bold=True,
                   colour=theme.WHITE, valign="middle", min_px=10)
        for w in self.widgets:
            w.draw(surface, hover=w.id == self.hover, focus=False)
        if self.asleep:
            shade = pygame.Surface(self.rect.size, pygame.SRCALPHA)
            shade.fill(theme.DIM)
            surface.blit(shade, self.rect)

    def handle(self, inp: Input) -> bool:
        """True when the input was the notice's (a click on its buttons, Ctrl+S, Ctrl+Shift+S)."""
        if not self.shown or self.asleep:
            return False
        if inp.key in (Key.CLICK, Key.POINT):
            self.layout(self.app.screen_size())
            hit = next((w.id for w in self.widgets if w.rect.collidepoint(inp.pos)), None)
            if inp.key == Key.POINT:
                changed = hit != self.hover
                self.hover = hit
                if changed:
                    self.app.dirty = self.app.full = True
                return False  # the scene below may want to know where the pointer is too
            if hit is None:
                return False
            self.act(hit)
            return True
        if inp.key == Key.SAVE:
            self.act("save_again")
            return True
        if inp.key == Key.SAVE_AS and self.done:
            self.act("save_elsewhere")
            return True
        return False

    def act(self, wid: str) -> None:
        assert self.table is not None
        if wid == "save_again":
            self.table.save_again()
            self.app.save_error = str(self.table.problem) if self.table.problem else ""
        elif wid == "save_elsewhere":
            from game.ui.scenes.elsewhere import ElsewhereScene

            self.app.push(ElsewhereScene(self.app, self.table))
        self.app.dirty = self.app.full = True
