"""The start screen's choices at a larger text size: one column that scrolls (wheel, Page Up/Down, or Tab, which
brings the focused control into view), with the sub line and "Lezen en zien" at its top (scenes/start.py).
At 100 % the choices stand in two columns without scrolling; the mode row and the parts (who plays, the other
choices) are the same pieces there (start_choices)."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

import pygame

from game.i18n import ui
from game.kinds import Mode
from game.ui import layout, measure, theme
from game.ui.input import Input, Key
from game.ui.scenes import start_choices
from game.ui.scenes.start_choices import UNBOUNDED, Rows
from game.ui.widgets import Button

if TYPE_CHECKING:
    from game.ui.scenes.start import StartScene

Rect = pygame.Rect
Part = Callable[["StartScene", Rect, Rows, int], int]


def modes(scene: StartScene, col: Rect, r: Rows, y: int) -> int:
    """First of all: how you play (a conversation, team training, practice); returns the y below."""
    from game.ui.scenes.start import MODES

    cells = layout.cols(Rect(col.x, y, col.w, r.row_h), [1] * len(MODES), r.gap)
    for mode, cell in zip(MODES, cells, strict=True):
        scene.widgets.append(
            Button(f"mode:{mode.value}", ui(f"mode_{mode.value}", scene.lang), cell, selected=mode == scene.mode)
        )
    return y + r.row_h + r.gap


def parts(scene: StartScene) -> tuple[Part, Part]:
    """Who plays, and the other choices, for the mode chosen."""
    if scene.mode == Mode.CONVERSATION:
        return start_choices.conversation_people, start_choices.conversation_settings
    return start_choices.team_people, start_choices.team_settings


def place(scene: StartScene, size: tuple[int, int], access: Button, intro: str) -> None:
    """Every choice in one column, scrolled so that the focused control is in view."""
    f = scene.frame
    r = Rows(size)
    bar_w = max(14, theme.px(size, 18))
    room = Rect(f.body.x, f.body.y, f.body.w - bar_w - f.gap, f.body.h)
    w = min(room.w, theme.px(size, 1240))
    col = Rect(room.x, room.y, w, UNBOUNDED)
    view = Rect(f.body)
    if scene.error:  # under the column, above the buttons
        err_h = measure.height(scene.error, f.body.w, theme.tpx(size, 24))
        scene.error_rect = Rect(f.body.x, f.body.bottom - err_h, f.body.w, err_h)
        view.h -= err_h + f.gap
    first, y = len(scene.widgets), col.y
    if intro:
        h = measure.height(intro, col.w, theme.tpx(size, 22))
        scene.team_labels.append((intro, Rect(col.x, y, col.w, h), False))
        y += h + r.gap
    access.rect = Rect(col.x, y, min(col.w, max(theme.room(size, 360), theme.MIN_TARGET * 5)), r.row_h)
    scene.widgets.append(access)
    y = modes(scene, col, r, y + r.row_h + r.gap)
    people, choices = parts(scene)
    y = choices(scene, col, r, people(scene, col, r, y) + r.gap)
    if scene.mode != Mode.CONVERSATION:  # names are optional, and what is kept
        kept = ui("alone_kept" if scene.alone else "team_kept", scene.lang)
        h = measure.height(kept, col.w, theme.tpx(size, 22))
        scene.team_labels.append((kept, Rect(col.x, y, col.w, h), False))
        y += h
    focused = scene.widget(scene.focus) if scene.focus != scene.seen_focus else None
    scene.seen_focus = scene.focus
    column = scene.widgets[first:]
    starts = [w.rect.y for w in column] + [rect.y for _, rect in scene.labels]
    starts += [rect.y for _, rect, _ in scene.team_labels]
    scene.scroll.fit(view, col.y, y, starts, focused.rect if focused in column else None)
    for widget in column:
        placed = scene.scroll.place(widget.rect)
        widget.visible = placed is not None
        widget.rect = placed or widget.rect.move(0, -scene.scroll.offset)
    below = r.under + r.row_h  # a label shows only with the first row of what it names
    scene.labels = [(t, rect.move(0, -scene.scroll.offset)) for t, rect in scene.labels
                    if scene.scroll.place(Rect(rect.x, rect.y, rect.w, rect.h + below))]
    scene.team_labels = [(t, moved, h) for t, rect, h in scene.team_labels if (moved := scene.scroll.place(rect))]
    scene.bar = Rect(f.body.right - bar_w, view.y, bar_w, view.h)
    _more_below(scene, size, column, col, r)


def _more_below(scene: StartScene, size: tuple[int, int], column: list, col: Rect, r: Rows) -> None:
    """When the next row has no room and leaves a gap, a button there says there is more and scrolls to it
    (a gap alone looks like the end; a touch screen has no wheel)."""
    scroll = scene.scroll
    if scroll.offset >= scroll.most:
        return
    shown = [w.rect.bottom for w in column if w.visible] + [rect.bottom for _, rect, _ in scene.team_labels]
    shown += [rect.bottom for _, rect in scene.labels]
    y = max(shown, default=scroll.view.y) + r.gap
    if scroll.view.bottom - y < r.row_h:
        return
    w = min(col.w, max(theme.room(size, 360), theme.MIN_TARGET * 5))
    scene.widgets.append(Button("scroll:down", ui("more_below", scene.lang), Rect(col.x, y, w, r.row_h)))


def activate(scene: StartScene, widget_id: str) -> bool:
    """The "more below" button: on to the next page of the column."""
    if widget_id != "scroll:down":
        return False
    scene.scroll.by(scene.scroll.view.h * 3 // 4)
    return True


def key(scene: StartScene, inp: Input) -> bool:
    """The wheel, Page Up/Down and a tap on the scroll bar (beside its thumb) scroll the column."""
    if scene.bar is None:
        return False
    view = scene.scroll.view
    if inp.key == Key.CLICK and inp.pos is not None:
        reach = scene.bar.inflate(max(0, theme.MIN_TARGET - scene.bar.w), 0)  # a finger is wider than the bar
        return reach.collidepoint(inp.pos) and scene.scroll.page_toward(inp.pos[1], scene.bar)
    if inp.key == Key.SCROLL:  # a row at a time
        return scene.scroll.by(-inp.value)
    if inp.key in (Key.PAGE_DOWN, Key.PAGE_UP):
        return scene.scroll.by((1 if inp.key == Key.PAGE_DOWN else -1) * view.h * 3 // 4)
    return False
