"""At start-up: a session left open by a crash is offered again (Enter resumes); a damaged one is explained.

The question shows only when the session started and at which card: no names and no answers, since another
pair may be sitting at the screen.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import pygame

from game.engine import EndSession
from game.i18n import local, long_date, ui
from game.store import StoreError, clear_progress
from game.ui import layout, speaker, spoken, theme
from game.ui.input import Input, Key
from game.ui.scene import Scene
from game.ui.widgets import Button

if TYPE_CHECKING:
    from game.table import Table
    from game.ui.app import App

Rect = pygame.Rect


class Prompt(Scene):
    """A panel over the dimmed start screen: a title, a few lines, big buttons in a column.

    The first choice is what Enter does; Esc does `escape` (None: nothing).
    """

    opaque = False

    def __init__(self, app: App, title: str, body: str, choices: list[tuple[str, str]], lang: str):
        super().__init__(app)
        self.title = title
        self.body = body
        self.choices = choices  # (id, label)
        self.prompt_lang = lang
        self.escape: str | None = None

    @property
    def lang(self) -> str:
        return self.prompt_lang

    def layout(self, size: tuple[int, int]) -> None:
        w = min(size[0] - 2 * theme.px(size, 24), max(theme.px(size, 700), 440))
        row = theme.target(size, 64)
        gap = theme.px(size, 14)
        pad = theme.px(size, 28)
        title_h = theme.px(size, 60)
        body_px = theme.px(size, 24)
        inner_w = w - 2 * pad
        body_h = 0
        if self.body:  # as high as the text needs at its size (it wraps), within the window
            fitted = theme.fit(self.body, inner_w, 10_000, body_px, body_px)
            body_h = len(fitted.lines) * fitted.line_px + body_px // 2
        buttons_h = len(self.choices) * row + (len(self.choices) - 1) * gap
        h = title_h + body_h + buttons_h + 2 * pad + 2 * gap
        h = min(h, size[1] - 2 * theme.px(size, 16))
        self.panel = Rect(0, 0, w, h)
        self.panel.center = (size[0] // 2, size[1] // 2)
        inner = layout.inset(self.panel, pad)
        self.title_r, self.body_r, buttons_r = layout.rows(inner, [title_h, body_h, buttons_h], gap)
        cells = layout.rows(buttons_r, [1] * len(self.choices), gap)
        self.widgets = [
            Button(wid, label, cell, primary=i == 0, hint="Enter" if i == 0 else "")
            for i, ((wid, label), cell) in enumerate(zip(self.choices, cells, strict=True))
        ]
        self.title_r, speak = speaker.in_title(self.app.voice.enabled, self.lang, self.title_r)
        self.widgets += speak

    def draw(self, surface: pygame.Surface) -> None:
        size = surface.get_size()
        theme.dim(surface)
        theme.panel(surface, self.panel, radius=theme.px(size, 18), width=3)
        theme.text(surface, self.title, self.title_r, theme.px(size, 36), bold=True, align="center",
                   valign="middle", min_px=14)
        if self.body:
            theme.text(surface, self.body, self.body_r, theme.px(size, 24), align="center", valign="middle",
                       colour=theme.INK_SOFT, min_px=10)
        self.draw_widgets(surface)

    def spoken(self) -> str:
        return spoken.words(self.title, self.body, spoken.choices(spoken.button_labels(self.widgets), self.lang))

    def confirm(self) -> bool:
        return self.activate(self.choices[0][0])

    def back(self) -> bool:
        return self.activate(self.escape) if self.escape else False

    def key(self, inp: Input) -> bool:
        if inp.key in (Key.UP, Key.DOWN):
            return self._move_focus(1 if inp.key == Key.DOWN else -1)
        return False


def when(table: Table, lang: str) -> dict[str, str]:
    started = local(table.state.started_at)
    return {"date": long_date(started.date(), lang), "time": started.strftime("%H:%M")}


class ResumeScene(Prompt):
    """ "A session is still open": resume (Enter), finish and save what was revealed, or discard it."""

    def __init__(self, app: App, table: Table):
        lang = table.state.setup.language
        view = table.view(None)
        card = {"n": max(1, view.round_number), "total": view.rounds_total}
        body = ui("resume_body", lang, **card, **when(table, lang))
        keys = (("resume", "resume"), ("end", "end_show" if table.only_show else "end_save"), ("discard", "discard"))
        choices = [(wid, ui(key, lang)) for wid, key in keys]
        super().__init__(app, ui("resume_title", lang), body, choices, lang)
        self.table = table

    def activate(self, widget_id: str) -> bool:
        if widget_id == "resume":
            self.app.resume_session(self.table)
        elif widget_id == "end":
            self._finish()
        elif widget_id == "discard":
            self.app.replace(DiscardScene(self.app, self))
        return True

    def _finish(self) -> None:
        """Keep the rounds that were revealed as a summary; say so without showing it (no names here)."""
        try:
            self.table.do(EndSession())
        except StoreError as exc:  # "only show", and the disk refuses to remove the autosave
            self.app.replace(NoticeScene(self.app, "store_title", str(exc), self.lang))
            return
        if self.table.problem is not None:  # the disk refused the summary: kept in memory, the notice offers more
            self.app.table = self.table
            self.app.replace(NoticeScene(self.app, "store_title", str(self.table.problem), self.lang))
            return
        self.app.replace(finished_notice(self.app, self.table))


class DiscardScene(Prompt):
    """Are you sure? The default (Enter, Esc) goes back to the question; yes deletes the autosave."""

    def __init__(self, app: App, asked: ResumeScene):
        lang = asked.lang
        choices = [("no", ui("discard_no", lang)), ("yes", ui("discard_yes", lang))]
        super().__init__(app, ui("discard_title", lang), ui("discard_body", lang), choices, lang)
        self.asked = asked
        self.escape = "no"

    def activate(self, widget_id: str) -> bool:
        if widget_id == "no":
            self.app.replace(self.asked)
        elif widget_id == "yes":
            table = self.asked.table
            try:
                clear_progress(self.app.data_dir, table.slot.n if table.slot else 1)
            except StoreError as exc:
                self.app.replace(NoticeScene(self.app, "store_title", str(exc), self.lang))
                return True
            table.release()
            self.app.pop(self)
        return True


class NoticeScene(Prompt):
    """One message (a damaged autosave, a file that cannot be read, a saved session) and OK."""

    def __init__(self, app: App, title_key: str, message: str, lang: str | None = None):
        lang = lang or app.lang
        super().__init__(app, ui(title_key, lang), message, [("ok", ui("ok", lang))], lang)
        self.escape = "ok"

    def activate(self, widget_id: str) -> bool:
        if widget_id == "ok":
            self.app.pop(self)
        return True


def finished_notice(app: App, table: Table) -> NoticeScene:
    lang = table.state.setup.language
    key = "finished_show" if table.only_show else "finished"  # "only show": say that nothing was saved
    return NoticeScene(app, f"{key}_title", ui(f"{key}_body", lang, **when(table, lang)), lang)
