"""Questions over the table: the pause menu (Esc) and the one quit question, "do you want to quit?", asked by
the window's close button and by the pause menu's Quit alike (App.ask_quit)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

import pygame

from game.engine import EndSession
from game.i18n import ui
from game.ui import layout, measure, speaker, spoken, theme
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


@dataclass(frozen=True)
class Panel:
    """Where a question's parts go: the panel, its title, its text and a button in each cell."""

    rect: Rect
    title: Rect
    body: Rect
    cells: list[Rect]
    speak: Rect | None = None  # the speaker button, at the right end of the title row


def panel_layout(size: tuple[int, int], title: str, body: str, n: int, width: float = 620, speak: bool = False
                 ) -> Panel:
    """A panel in the middle of the window: the title and the text as high as they need at their size (they
    wrap), then n buttons in a column, lower buttons when the window is low; with speak, the speaker button at
    the right of the title."""
    w = min(size[0] - 2 * theme.px(size, 24), max(theme.room(size, width), 420))
    pad, gap = theme.px(size, 28), theme.px(size, 14)
    inner_w = w - 2 * pad
    side, aside = speaker.title_room(size) if speak else (0, 0)
    title_h = max(theme.px(size, 60), side, measure.height(title, inner_w - 2 * aside, theme.tpx(size, TITLE_PX), True))
    body_h = measure.height(body, inner_w, theme.tpx(size, BODY_PX)) + theme.px(size, 12) if body else 0
    room = size[1] - 2 * theme.px(size, 16) - 2 * pad - title_h - (body_h + gap if body else 0) - gap
    row = max(theme.MIN_TARGET, min(theme.target(size, 64), (room - (n - 1) * gap) // max(1, n)))
    buttons_h = n * row + (n - 1) * gap
    h = min(title_h + body_h + buttons_h + 2 * pad + 2 * gap, size[1] - 2 * theme.px(size, 16))
    rect = Rect(0, 0, w, h)
    rect.center = (size[0] // 2, size[1] // 2)
    title_r, body_r, buttons_r = layout.rows(layout.inset(rect, pad), [title_h, body_h, buttons_h], gap)
    cells = layout.rows(buttons_r, [1] * n, gap)
    if not speak:
        return Panel(rect, title_r, body_r, cells)
    return Panel(rect, title_r.inflate(-2 * aside, 0), body_r, cells, speaker.in_title(title_r, side))


def draw_panel(surface: pygame.Surface, where: Panel, title: str, body: str,
               colour: tuple[int, int, int] | None = None) -> None:
    """The dimmed screen, the panel, its title and its text (colour: soft ink); the buttons are the scene's
    widgets."""
    size = surface.get_size()
    theme.dim(surface)
    theme.panel(surface, where.rect, radius=theme.px(size, 18), width=3)
    theme.text(surface, title, where.title, theme.tpx(size, TITLE_PX), bold=True, align="center", valign="middle")
    if body:
        theme.text(surface, body, where.body, theme.tpx(size, BODY_PX), align="center", valign="middle",
                   colour=colour or theme.INK_SOFT)


TITLE_PX, BODY_PX = 36, 24


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
        body = ui(self.body_key, self.lang) if self.body_key else ""
        where = panel_layout(size, ui(self.title_key, self.lang), body, len(self.choices), speak=self.app.voice.enabled)
        self.where = where
        self.panel, self.title_r, self.body_r = where.rect, where.title, where.body
        only_show = self.app.table is not None and self.app.table.only_show
        self.widgets = [
            Button(wid, ui("end_show" if key == "end_save" and only_show else key, self.lang), cell,
                   primary=i == 0, hint="Enter" if i == 0 else "")
            for i, ((wid, key), cell) in enumerate(zip(self.choices, where.cells, strict=True))
        ]
        if where.speak is not None:
            self.widgets.append(speaker.SpeakButton(self.lang, where.speak))

    def draw(self, surface: pygame.Surface) -> None:
        body = ui(self.body_key, self.lang) if self.body_key else ""
        draw_panel(surface, self.where, ui(self.title_key, self.lang), body)
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
