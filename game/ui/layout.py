"""Rectangles cut from the window size: no fixed pixel positions anywhere in the scenes."""

from __future__ import annotations

from collections.abc import Sequence

import pygame

Rect = pygame.Rect


def inset(rect: Rect, dx: int, dy: int | None = None) -> Rect:
    dy = dx if dy is None else dy
    return Rect(rect.x + dx, rect.y + dy, max(0, rect.w - 2 * dx), max(0, rect.h - 2 * dy))


def rows(rect: Rect, weights: Sequence[float], gap: int = 0) -> list[Rect]:
    """Cut rect into horizontal bands; a weight above 1 is a height in px, else a share of the rest."""
    return _split(rect, weights, gap, vertical=True)


def cols(rect: Rect, weights: Sequence[float], gap: int = 0) -> list[Rect]:
    """Cut rect into vertical strips, like rows()."""
    return _split(rect, weights, gap, vertical=False)


def _split(rect: Rect, weights: Sequence[float], gap: int, vertical: bool) -> list[Rect]:
    total = rect.h if vertical else rect.w
    free = total - gap * (len(weights) - 1)
    fixed = sum(w for w in weights if w > 1)
    shares = sum(w for w in weights if w <= 1) or 1
    rest = max(0, free - fixed)
    out: list[Rect] = []
    pos = rect.y if vertical else rect.x
    for i, w in enumerate(weights):
        length = round(w) if w > 1 else round(rest * w / shares)
        if i == len(weights) - 1:
            length = (rect.bottom if vertical else rect.right) - pos
        out.append(Rect(rect.x, pos, rect.w, length) if vertical else Rect(pos, rect.y, length, rect.h))
        pos += length + gap
    return out


def grid(rect: Rect, n: int, columns: int, gap: int = 0) -> list[Rect]:
    """n equal cells, row by row."""
    lines = max(1, -(-n // columns))
    cells: list[Rect] = []
    for r in rows(rect, [1] * lines, gap):
        cells.extend(cols(r, [1] * columns, gap))
    return cells[:n]


def fit_aspect(rect: Rect, aspect: float) -> Rect:
    """The largest rect of aspect (w / h) centred in rect."""
    w, h = rect.w, rect.h
    if h <= 0 or w <= 0:
        return Rect(rect.center, (0, 0))
    if w / h > aspect:
        w = round(h * aspect)
    else:
        h = round(w / aspect)
    out = Rect(0, 0, w, h)
    out.center = rect.center
    return out


def row_of(rect: Rect, n: int, aspect: float, gap: int, max_h: int | None = None) -> list[Rect]:
    """n cards of the same aspect side by side, as big as fit, centred in rect."""
    if n <= 0:
        return []
    h = rect.h if max_h is None else min(rect.h, max_h)
    w = round(h * aspect)
    if n * w + (n - 1) * gap > rect.w:
        w = max(1, (rect.w - (n - 1) * gap) // n)
        h = round(w / aspect)
    total = n * w + (n - 1) * gap
    x = rect.x + (rect.w - total) // 2
    y = rect.y + (rect.h - h) // 2
    return [Rect(x + i * (w + gap), y, w, h) for i in range(n)]
