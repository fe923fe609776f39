"""When a save fails (a full or read-only disk, a data folder that is a file): one line over the title of any
screen, with "Save again" (Ctrl+S) and, for a finished session, "Other folder" (Ctrl+Shift+S). Play goes on
with the session in memory; the next action saves again by itself (game.table)."""

from __future__ import annotations

import errno
from typing import TYPE_CHECKING

import pygame

from game.i18n import ui
from game.ui import chrome, theme, widgets
from game.ui.input import Input, Key
from game.ui.widgets import Button

if TYPE_CHECKING:
    from game.table import Table
    from game.ui.app import App

Rect = pygame.Rect
WARN = (150, 30, 30)
FULL = (errno.ENOSPC, errno.EDQUOT)


def message(table: Table, lang: str, short: bool = False) -> str:
    """The one B1 line for the failed save (short: its few words, where a large text size leaves no room)."""
    from game.engine import Phase

    end = "_short" if short else ""
    if table.state.phase == Phase.DONE:
        return ui(f"disk_end{end}", lang)
    code = getattr(table.problem, "errno", None)
    if code in FULL:
        return ui(f"disk_full{end}", lang)
    if code == errno.EROFS:
        return ui(f"disk_readonly{end}", lang)
    return ui(f"disk_other{end}", lang)


class SaveNotice:
    """The line and its buttons; the App draws it last and offers it each input first."""

    def __init__(self, app: App):
        self.app = app
        self.table: Table | None = None  # the session whose save failed (kept after "again" until it is saved)
        self.widgets: list[Button] = []
        self.rect = Rect(0, 0, 0, 0)
        self.hover: str | None = None
        self.focus: str | None = None  # its button that Tab reached (after the screen's last control)

    @property
    def shown(self) -> bool:
        """Whether a save is still due; a table that saved after all is forgotten."""
        table = self.app.table
        if table is not None and table.problem is not None:
            self.table = table
        if self.table is not None and self.table.problem is None:
            self.table = None
            self.focus = None
        return self.table is not None

    @property
    def done(self) -> bool:
        from game.engine import Phase

        return self.table is not None and self.table.state.phase == Phase.DONE

    def layout(self, size: tuple[int, int]) -> None:
        """In the top bar, left of the corner buttons (where the title was): the line, then its buttons. At a
        large text size a shorter line, and when even that has no room beside the buttons, the line above them
        (the notice then reaches below the top bar)."""
        f = chrome.frame(size)
        corner = [w.rect for w in self.screen().widgets if w.id in ("rules", "menu") and w.rect.y <= f.top.bottom]
        if not corner:  # a screen without them: leave their room free anyway
            corner = [b.rect for b in chrome.corner_buttons(size, f.top, self.app.lang)]
        self.rect = Rect(f.top.x, f.top.y, min(r.x for r in corner) - f.gap - f.top.x, f.top.h)
        lang = self.lang
        specs = [("save_again", ui("save_again", lang), "Ctrl+S")]
        if self.done:
            specs.append(("save_elsewhere", ui("save_elsewhere", lang), "Ctrl+Shift+S"))
        gap, pad, edge = theme.px(size, 10), theme.px(size, 14), theme.px(size, 8)
        text_px, least = theme.tpx(size, 22), theme.small_px(size)
        label_w = max(theme.font(widgets.label_px(f.top.h - 8), True).size(label)[0] for _, label, _ in specs)
        w = max(min(theme.room(size, 250), self.rect.w // (len(specs) + 1)), min(label_w + 2 * pad, self.rect.w // 2))
        beside = Rect(self.rect.x + pad, self.rect.y, self.rect.w - pad - edge - len(specs) * (w + gap), f.top.h)
        for short in (False, True):
            self.line = message(self.table, lang, short) if self.table is not None else ""
            if beside.w > 0 and theme.fit(self.line, beside.w, beside.h, text_px, least, True).fits:
                break
        else:  # the line above the buttons, as high as it needs
            w = (self.rect.w - 2 * edge - (len(specs) - 1) * gap) // len(specs)
            fitted = theme.fit(self.line, self.rect.w - 2 * pad, 100_000, text_px, text_px, True)
            line_h = fitted.height + pad
            beside = Rect(self.rect.x + pad, self.rect.y, self.rect.w - 2 * pad, line_h)
            self.rect.h = line_h + f.top.h
        x = self.rect.right - edge
        self.widgets = []
        for wid, label, hint in specs:
            x -= w
            self.widgets.insert(0, Button(wid, label, Rect(x, self.rect.bottom - f.top.h + 4, w, f.top.h - 8),
                                          hint=hint))
            x -= gap
        self.text_rect = beside

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
        theme.text(surface, self.line, self.text_rect, theme.tpx(size, 22), bold=True, colour=theme.WHITE,
                   valign="middle")
        for w in self.widgets:
            hint = w.hint
            if self.focus is not None and not self.asleep:  # Tab is here: Enter presses the focused one
                w.hint = "Enter" if w.id == self.focus else hint
            w.draw(surface, hover=w.id == self.hover, focus=w.id == self.focus and not self.asleep)
            w.hint = hint
        if self.asleep:
            shade = pygame.Surface(self.rect.size, pygame.SRCALPHA)
            shade.fill(theme.DIM)
            surface.blit(shade, self.rect)

    def handle(self, inp: Input) -> bool:
        """True when the input was the notice's (a click on its buttons, Ctrl+S, Ctrl+Shift+S, Tab to or from
        its buttons, Enter or Space on the one with the focus)."""
        if not self.shown or self.asleep:
            self.focus = None
            return False
        if inp.key in (Key.NEXT, Key.PREV):
            return self._tab(1 if inp.key == Key.NEXT else -1)
        if self.focus is not None and inp.key in (Key.CONFIRM, Key.PRESS):
            self.act(self.focus)
            return True
        if inp.key == Key.CLICK:
            self.focus = None
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

    def _tab(self, step: int) -> bool:
        """Tab goes round the screen's controls and then the notice's buttons (Shift+Tab the other way)."""
        self.layout(self.app.screen_size())
        ids = [w.id for w in self.widgets]
        scene = self.app.top
        order = scene.focus_order()
        if self.focus in ids:
            i = ids.index(self.focus) + step
            if 0 <= i < len(ids):
                self.focus = ids[i]
                return True
            self.focus = None  # on to the screen's controls: it takes the Tab itself from no focus
            scene.focus = None
            return False
        at_end = not order or scene.focus == (order[-1] if step > 0 else order[0])
        if not ids or not at_end:
            return False
        self.focus = ids[0] if step > 0 else ids[-1]
        scene.focus = None
        return True

    def act(self, wid: str) -> None:
        assert self.table is not None
        if wid == "save_again":
            self.table.save_again()
            self.app.save_error = str(self.table.problem) if self.table.problem else ""
        elif wid == "save_elsewhere":
            from game.ui.scenes.elsewhere import ElsewhereScene

            self.app.push(ElsewhereScene(self.app, self.table))
        self.app.dirty = self.app.full = True
