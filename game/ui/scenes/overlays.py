"""Questions over the table: the pause menu (Esc) and the one quit question, "do you want to quit?", asked by
the window's close button and by the pause menu's Quit alike (App.ask_quit)."""

from __future__ import annotations

from typing import TYPE_CHECKING

import pygame

from game.engine import EndSession
from game.i18n import ui
from game.ui import layout, speaker, spoken, theme
from game.ui.input import Input, Key
from game.ui.scene import Scene
from game.ui.widgets import Button

if TYPE_CHECKING:
    from game.ui.app import App

Rect = pygame.Rect


def end_and_save(app: App) -> None:
    """Stop now: keep a typed agreement, end the session, save the summary and show it."""
    from game.ui.scenes.summary import SummaryScene
    from game.ui.scenes.table import TableScene

    table_scene = app.find(TableScene)
    if isinstance(table_scene, TableScene):
        table_scene.flush()
    if app.table is not None and app.in_session:
        app.do(EndSession())
    app.reset(SummaryScene(app))


def quit_keeping(app: App) -> None:
    """Close the window; what was entered stays in the autosave, no summary is written."""
    from game.ui.scenes.table import TableScene

    table_scene = app.find(TableScene)
    if isinstance(table_scene, TableScene):
        table_scene.flush()
    app.quit()


class Dialog(Scene):
    """A panel in the middle of the dimmed screen with a title, a line of text and big buttons in a column."""

    opaque = False
    title_key = ""
    body_key = ""
    choices: tuple[tuple[str, str], ...] = ()  # (id, word key); the first is what Enter and Esc do

    @property
    def lang(self) -> str:
        return self.app.table.state.setup.language if self.app.table else self.app.lang

    def layout(self, size: tuple[int, int]) -> None:
        w = min(size[0] - 2 * theme.px(size, 24), max(theme.px(size, 620), 420))
        row = theme.target(size, 64)
        gap = theme.px(size, 14)
        title_h = theme.px(size, 64)
        body_h = theme.px(size, 84) if self.body_key else 0
        h = title_h + body_h + len(self.choices) * (row + gap) + 2 * theme.px(size, 28)
        h = min(h, size[1] - 2 * theme.px(size, 16))
        self.panel = Rect(0, 0, w, h)
        self.panel.center = (size[0] // 2, size[1] // 2)
        inner = layout.inset(self.panel, theme.px(size, 28))
        parts = (
            layout.rows(inner, [title_h, body_h, 1], gap)
            if body_h
            else layout.rows(inner, [title_h, 0, 1], gap)
        )
        self.title_r, self.body_r, buttons_r = parts
        cells = layout.rows(buttons_r, [1] * len(self.choices), gap)
        only_show = self.app.table is not None and self.app.table.only_show
        self.widgets = [
            Button(wid, ui("end_show" if key == "end_save" and only_show else key, self.lang), cell,
                   primary=i == 0, hint="Enter" if i == 0 else "")
            for i, ((wid, key), cell) in enumerate(zip(self.choices, cells, strict=True))
        ]
        self.title_r, speak = speaker.in_title(self.app.voice.enabled, self.lang, self.title_r)
        self.widgets += speak

    def draw(self, surface: pygame.Surface) -> None:
        size = surface.get_size()
        theme.dim(surface)
        theme.panel(surface, self.panel, radius=theme.px(size, 18), width=3)
        theme.text(
            surface,
            ui(self.title_key, self.lang),
            self.title_r,
            theme.px(size, 38),
            bold=True,
            align="center",
            valign="middle",
        )
        if self.body_key:
            theme.text(
                surface,
                ui(self.body_key, self.lang),
                self.body_r,
                theme.px(size, 24),
                align="center",
                valign="middle",
                colour=theme.INK_SOFT,
            )
        self.draw_widgets(surface)

    def spoken(self) -> str:
        body = ui(self.body_key, self.lang) if self.body_key else ""
        return spoken.words(ui(self.title_key, self.lang), body,
                            spoken.choices(spoken.button_labels(self.widgets), self.lang))

    def confirm(self) -> bool:
        return self.activate(self.choices[0][0])

    def back(self) -> bool:
        return self.activate(self.choices[0][0])

    def key(self, inp: Input) -> bool:
        if inp.key in (Key.UP, Key.DOWN):
            return self._move_focus(1 if inp.key == Key.DOWN else -1)
        return False


class PauseScene(Dialog):
    title_key = "pause_title"
    body_key = ""
    choices = (("resume", "resume"), ("rules", "rules"), ("access", "access_menu"), ("end", "end_save"),
               ("quit", "quit"))

    def activate(self, widget_id: str) -> bool:
        if widget_id == "resume":
            self.app.pop(self)
        elif widget_id == "rules":
            self.app.show_rules()
        elif widget_id == "access":
            from game.ui.scenes.access import AccessScene

            self.app.replace(AccessScene(self.app))  # in place of the menu: "Klaar" goes back to the game
        elif widget_id == "end":
            end_and_save(self.app)
        elif widget_id == "quit":
            self.app.ask_quit()  # the same question as the window's close button, in place of this menu
        return True


class QuitScene(Dialog):
    title_key = "quit_title"
    body_key = "quit_body"
    choices = (("go_on", "go_on"), ("end", "end_save"), ("quit", "quit"))

    def activate(self, widget_id: str) -> bool:
        if widget_id == "go_on":
            self.app.pop(self)
        elif widget_id == "end":
            end_and_save(self.app)
        elif widget_id == "quit":
            quit_keeping(self.app)
        return True
