"""The frame every screen shares: a top bar (title, rules, menu), the body, a bottom bar with the buttons."""

from __future__ import annotations

from dataclasses import dataclass

import pygame

from game.i18n import ui
from game.ui import layout, theme
from game.ui.speaker import SpeakButton
from game.ui.widgets import Button

Rect = pygame.Rect


@dataclass(frozen=True)
class Frame:
    top: Rect
    body: Rect
    bottom: Rect
    margin: int
    gap: int


def frame(size: tuple[int, int], bottom: bool = True, top_h: int | None = None) -> Frame:
    """Top bar, body and bottom bar for this window size (top_h: a top bar that must be higher, for a long
    title at a large text size)."""
    margin = theme.px(size, 24)
    gap = theme.px(size, 16)
    area = layout.inset(Rect((0, 0), size), margin)
    bar = theme.target(size, 60)
    weights = [max(bar, top_h or 0), 1, bar + theme.px(size, 6)] if bottom else [max(bar, top_h or 0), 1, 0]
    top, body, bottom_r = layout.rows(area, weights, gap)
    return Frame(top, body, bottom_r, margin, gap)


def corner_buttons(size: tuple[int, int], top: Rect, lang: str, menu: bool = True, speak: bool = False
                   ) -> list[Button]:
    """ "Rules (F1)" and "Menu (Esc)" at the right of the top bar; with speak, the speaker button left of them."""
    h = top.h
    w = max(theme.room(size, 200), theme.MIN_TARGET * 3)
    gap = theme.px(size, 12)
    out = []
    x = top.right
    specs = [("menu", ui("menu", lang), "Esc")] if menu else []
    specs.append(("rules", ui("rules", lang), "F1"))
    for wid, label, hint in specs:
        x -= w
        out.append(Button(wid, label, Rect(x, top.y, w, h), hint=hint))
        x -= gap
    if speak:
        out.append(SpeakButton(lang, Rect(x - h, top.y, h, h)))
    return out


def _title_parts(size: tuple[int, int], rect: Rect, text: str, sub: str) -> list[tuple[str, Rect, int, bool]]:
    """(text, box, size, bold) of the title and its sub line."""
    if not sub:
        return [(text, rect, theme.tpx(size, 36), True)]
    sub_h = max(round(rect.h * 0.42), theme.font(theme.small_px(size)).get_height())  # one readable line
    head, rest = layout.rows(rect, [1, sub_h])
    return [(text, head, theme.tpx(size, 34), True), (sub, rest, theme.tpx(size, 22), False)]


def title(surface: pygame.Surface, rect: Rect, text: str, sub: str = "") -> None:
    """The screen's title in the top bar, with its sub line under it when both fit whole (a low window at a
    large text size: the title alone, as large as the bar allows)."""
    size = surface.get_size()
    if sub and not title_fits(size, rect, text, sub):
        sub = ""
    for part, box, px, bold in _title_parts(size, rect, text, sub):
        theme.text(surface, part, box, px, bold=bold, valign="middle", colour=None if bold else theme.INK_SOFT)


def title_height(size: tuple[int, int], width: int, text: str) -> int:
    """How high a title alone needs its bar to be, at the smallest size it may have, wrapped in width."""
    least = theme.small_px(size)
    return theme.fit(text, width, 100_000, least, least, True).height


def title_fits(size: tuple[int, int], rect: Rect, text: str, sub: str = "") -> bool:
    """Whether the title (and its sub line) fit whole in rect, none of it below the window's small size."""
    least = theme.small_px(size)
    return all(theme.fit(part, box.w, box.h, px, min(px, least), bold).fits
               for part, box, px, bold in _title_parts(size, rect, text, sub))


def buttons_right(size: tuple[int, int], bar: Rect, buttons: list[Button], width: int | None = None) -> None:
    """Place buttons from the right edge of the bar leftwards (the first given ends up rightmost)."""
    w = width or max(theme.room(size, 260), theme.MIN_TARGET * 4)
    gap = theme.px(size, 16)
    x = bar.right
    for b in buttons:
        bw = min(w, max(theme.MIN_TARGET * 2, (bar.w - gap * (len(buttons) - 1)) // max(1, len(buttons))))
        if getattr(b, "square", False):  # the speaker button: as wide as the bar is high
            bw = bar.h
        x -= bw
        b.rect = Rect(x, bar.y, bw, bar.h)
        x -= gap


def left_of(buttons: list[Button], bar: Rect, gap: int) -> Rect:
    """What is left of the bar to the left of its buttons (for an instruction)."""
    if not buttons:
        return Rect(bar)
    left = min(b.rect.x for b in buttons)
    return Rect(bar.x, bar.y, max(0, left - gap - bar.x), bar.h)


def speak_button(enabled: bool, lang: str) -> list[Button]:
    """The speaker button (V) for a bottom bar: only when speech is available."""
    return [SpeakButton(lang)] if enabled else []
