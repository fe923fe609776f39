"""Titled lists laid out in pages: each item whole, as many pages as they need (no "and n more"), a title repeated
over the rest of its list on the next page. With larger text the summary's questions and agreements and the
history's agreements per session are shown this way.
"""

from __future__ import annotations

from dataclasses import dataclass

import pygame

from game.ui import measure, theme

Rect = pygame.Rect
DASH = "– "


@dataclass(frozen=True)
class Block:
    """A title, a list item (with a dash), the rest of an item (under its words) or a line of text, and the room
    it takes."""

    kind: str  # "title", "item", "rest" or "text"
    text: str
    px: int
    height: int
    gap: int  # the room above it (not at the top of a page)
    group: int  # which title it belongs to (a page that goes on with a group starts with its title again)


def blocks(groups: list[tuple[str, list[str], str]], width: int, size: tuple[int, int], room: int) -> list[Block]:
    """Each group (title, items, what stands when there are none) as blocks laid out `width` wide; an item
    higher than a page of `room` (with its title over it) is parted between its lines."""
    small = theme.small_px(size)
    title_px, item_px = max(small, theme.tpx(size, 19)), max(small, theme.tpx(size, 18))
    dash_w = theme.font(item_px).size(DASH)[0]
    room -= theme.font(title_px, True).get_height() * 2 + theme.px(size, 4)  # a title may stand over it
    out: list[Block] = []
    for g, (title, items, empty) in enumerate(groups):
        gap = theme.px(size, 20)
        if title:
            out.append(Block("title", title, title_px, measure.height(title, width, title_px, True), gap, g))
            gap = theme.px(size, 4)
        for item in items:
            for k, part in enumerate(_parts(item, width - dash_w, item_px, room)):
                out.append(Block("rest" if k else "item", part, item_px, measure.height(part, width - dash_w,
                                 item_px), gap if not k else 0, g))
            gap = theme.px(size, 8)
        if not items and empty:
            for k, part in enumerate(_parts(empty, width, item_px, room)):
                out.append(Block("text", part, item_px, measure.height(part, width, item_px), gap if not k else 0, g))
    return out


def _parts(text: str, width: int, px: int, room: int) -> list[str]:
    """text in parts of whole lines, each at most `room` high."""
    fitted = theme.fit(text, width, 100_000, px, px)
    per = max(1, (room - theme.font(px).get_height()) // max(1, fitted.line_px) + 1)
    if len(fitted.lines) <= per:
        return [text]
    return [" ".join(fitted.lines[i : i + per]) for i in range(0, len(fitted.lines), per)]


def pages(items: list[Block], height: int) -> list[list[Block]]:
    """The blocks in pages of at most `height`; a title stays with the block after it, and comes again over the
    rest of its group on the next page."""
    titles = {b.group: b for b in items if b.kind == "title"}
    out: list[list[Block]] = []
    page: list[Block] = []
    used = 0
    for i, b in enumerate(items):
        need = b.height + (b.gap if page else 0)
        if b.kind == "title" and i + 1 < len(items):
            need += items[i + 1].gap + items[i + 1].height
        if page and used + need > height:
            out.append(page)
            page, used = [], 0
            if b.kind != "title" and b.group in titles:
                page, used = [titles[b.group]], titles[b.group].height
        used += b.height + (b.gap if page else 0)
        page.append(b)
    if page:
        out.append(page)
    return out


def draw(surface: pygame.Surface, page: tuple[Block, ...], rect: Rect) -> None:
    """One page of blocks, from the top of rect."""
    y = rect.y
    for k, b in enumerate(page):
        y += b.gap if k else 0
        x = rect.x
        colour = theme.INK_SOFT if b.kind == "text" else theme.INK
        if b.kind in ("item", "rest"):
            dash_w = theme.font(b.px).size(DASH)[0]
            if b.kind == "item":
                theme.text(surface, DASH.strip(), Rect(x, y, dash_w, theme.font(b.px).get_height()), b.px,
                           min_px=b.px)
            x += dash_w
        box = Rect(x, y, rect.right - x, max(1, min(b.height, rect.bottom - y)))
        theme.text(surface, b.text, box, b.px, colour=colour, bold=b.kind == "title", min_px=b.px)
        y += b.height
