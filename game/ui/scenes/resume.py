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
from game.ui.input import Input, Key
from game.ui.scene import Scene
from game.ui.scenes.overlays import draw_panel, panel_layout
from game.ui.widgets import Button, TextField

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
        self.fields: tuple[TextField, ...] = ()  # typed text asked above the buttons
        self.body_colour: tuple[int, int, int] | None = None  # None: soft ink

    @property
    def lang(self) -> str:
        return self.prompt_lang

    def layout(self, size: tuple[int, int]) -> None:
        n = len(self.fields)
        where = panel_layout(size, self.title, self.body, n + len(self.choices), width=700)
        self.where = where
        self.panel, self.title_r, self.body_r = where.rect, where.title, where.body
        for field_, cell in zip(self.fields, where.cells, strict=False):
            field_.rect = cell
        self.widgets = [*self.fields] + [
            Button(wid, label, cell, primary=i == 0, hint="Enter" if i == 0 else "")
            for i, ((wid, label), cell) in enumerate(zip(self.choices, where.cells[n:], strict=True))
        ]

    def draw(self, surface: pygame.Surface) -> None:
        draw_panel(surface, self.where, self.title, self.body, self.body_colour)
        self.draw_widgets(surface)

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
