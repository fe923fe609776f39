"""Name chips flowing in a cell, left to right and wrapping, at the body size: whole names when the lines allow,
else cut or initials (dotplot.labels); when even that needs more lines than the cell has, the last chip says
"+n". Used by the team's summary strips and, at larger text, by the team's reveal drawn in rows."""

from __future__ import annotations

from dataclasses import dataclass

import pygame

from game.ui import dotplot, theme

Rect = pygame.Rect
MORE_FILL = (236, 230, 219)  # the "+n" chip: the rest of a full cell


@dataclass(frozen=True)
class Chip:
    label: str
    rect: Rect
    colour: tuple[int, int, int]
    ink: tuple[int, int, int]
    player: str  # a player's id, "client", or "more" (the rest of a full cell)


Item = tuple[str, str, tuple, tuple]  # (name, player id or "client", fill, ink)


def chip_h(size: tuple[int, int]) -> int:
    """A chip's height: a line at the body size and a little room."""
    return theme.font(theme.body_px(size), True).get_height() + max(2, theme.px(size, 4))


def flow(
    cell: Rect, items: list[Item], size: tuple[int, int], lines: int | None, everyone: list[str] | None = None
) -> tuple[list[Chip], int]:
    """Chips in a cell, left to right, wrapping; at most `lines` lines (the last chip then says "+n").
    Returns the chips and the lines they take (None: as many as the chips need, two names a line)."""
    font = theme.font(theme.body_px(size), True)
    h = chip_h(size)
    gap = max(2, theme.px(size, 4))
    end = h // 3
    width = cell.w - 2 * gap
    names = [t for t, pid, *_ in items if pid != "client"]
    everyone = list(everyone or names)
    for per_line in (1, 2, 3):  # whole names if the lines allow, else as short as two or three a line need
        # cut among all the session's names, so that two names cut alike read as initials in every cell
        cut = dict(zip(everyone, dotplot.labels(everyone, (width - (per_line - 1) * gap) // per_line - 2 * end,
                                                font), strict=True))
        texts = [cut.get(n, n) for n in names]
        if len(items) == 1 or (lines is not None and _lines(texts, items, cell, font, end, gap) <= lines):
            break
        if lines is None and per_line == 2:
            break  # the room a strip asks for: two a line
    texts = iter(texts)
    texts = [t if pid == "client" else next(texts) for t, pid, *_ in items]  # the client's word stays whole
    out: list[tuple[Chip, int]] = []  # each chip with its line
    x, y, line = cell.x + gap, cell.y + gap, 1
    for (_, pid, colour, ink), text in zip(items, texts, strict=True):
        w = min(font.size(text)[0] + 2 * end, width)
        if x + w > cell.right - gap and x > cell.x + gap:
            line += 1
            x, y = cell.x + gap, y + h + gap
        out.append((Chip(text, Rect(x, y, w, h), colour, ink, pid), line))
        x += w + gap
    if lines is None or line <= lines:
        return [c for c, _ in out], line
    kept = [c for c, n in out if n <= lines]
    while True:  # the rest as "+n" at the end of the last line (giving up chips until it fits)
        more = f"+{len(items) - len(kept)}"
        w = font.size(more)[0] + 2 * end
        last = [c for c in kept if c.rect.y == cell.y + gap + (lines - 1) * (h + gap)]
        x = last[-1].rect.right + gap if last else cell.x + gap
        if x + w <= cell.right - gap or not kept:
            y = cell.y + gap + (lines - 1) * (h + gap)
            return [*kept, Chip(more, Rect(x, y, w, h), MORE_FILL, theme.INK, "more")], lines
        kept.pop()


def _lines(texts: list[str], items: list, cell: Rect, font: pygame.font.Font, end: int, gap: int) -> int:
    """How many lines the chips take in the cell with these labels (the client's word whole)."""
    it = iter(texts)
    labels = [t if pid == "client" else next(it) for t, pid, *_ in items]
    x, line = cell.x + gap, 1
    for text in labels:
        w = font.size(text)[0] + 2 * end
        if x + w > cell.right - gap and x > cell.x + gap:
            line, x = line + 1, cell.x + gap
        x += w + gap
    return line


def draw(surface: pygame.Surface, chip: Chip, thick: bool = False) -> None:
    """A chip: its fill, an outline (white round the case client, thicker for who chose the lowest or highest)
    and its label at the body size."""
    size = surface.get_size()
    r = chip.rect
    pygame.draw.rect(surface, chip.colour, r, border_radius=r.h // 2)
    edge = theme.WHITE if chip.player == "client" else theme.INK
    width = max(2, theme.px(size, 4)) if thick else max(1, theme.px(size, 2))
    pygame.draw.rect(surface, edge, r, width=width, border_radius=r.h // 2)
    theme.one_line(surface, chip.label, r.inflate(-r.h // 3, 0), theme.body_px(size), bold=True, colour=chip.ink)
