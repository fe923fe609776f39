"""The pygame backend of the design: draws a Drawing (shapes in mm) scaled into a Rect of a surface.

A whole card is rendered once per (drawing, pixel size) into a cached surface; redrawing it is one blit.
"""

from __future__ import annotations

from collections import OrderedDict
from functools import lru_cache
from typing import NamedTuple

import pygame

from game.design.cards import CARD_H_MM, CARD_W_MM, FOOTER_Y
from game.design.fonts import PT_TO_MM, font_path
from game.design.primitives import Box, Circle, Drawing, Path, Text
from game.ui import theme  # theme.rgb: in high contrast, coloured fills are strengthened for the text on them
from game.ui.textimage import line_image

_CARD_CACHE_SIZE = 256
_TEXT_CACHE_SIZE = 4096


class Line(NamedTuple):
    """One line of a drawing's text as drawn: where, what, at which pixel size, and whether it is fine print."""

    rect: pygame.Rect
    text: str
    px: int
    fine: bool


_cards: OrderedDict[tuple, tuple[pygame.Surface, tuple[Line, ...]]] = OrderedDict()
_texts: OrderedDict[tuple, pygame.Surface] = OrderedDict()


def _lru_get(cache: OrderedDict, key: tuple):
    value = cache.get(key)
    if value is not None:
        cache.move_to_end(key)
    return value


def _lru_put(cache: OrderedDict, key: tuple, value, limit: int) -> None:
    cache[key] = value
    if len(cache) > limit:
        cache.popitem(last=False)


@lru_cache(maxsize=128)
def font(px: int, bold: bool = False) -> pygame.font.Font:
    """The program's font at a pixel size (cached per size)."""
    if not pygame.font.get_init():
        pygame.font.init()
    return pygame.font.Font(str(font_path(bold)), max(1, px))


def font_px(size_pt: float, px_per_mm: float) -> int:
    """Pixel size for a point size; rounded down, so text is never wider than the design measured."""
    return max(1, int(size_pt * PT_TO_MM * px_per_mm))


def text_surface(line: str, px: int, bold: bool, colour: str) -> pygame.Surface:
    key = (line, px, bold, colour, theme.high_contrast)
    surf = _lru_get(_texts, key)
    if surf is None:
        surf = line_image(font(px, bold), line, theme.rgb(colour))
        _lru_put(_texts, key, surf, _TEXT_CACHE_SIZE)
    return surf


def draw(surface: pygame.Surface, drawing: Drawing, rect: pygame.Rect | tuple[int, int, int, int]
         ) -> list[pygame.Rect]:
    """Draw the drawing scaled into rect (px per mm = rect.w / drawing.w); return the blitted text rects."""
    return [line.rect for line in draw_lines(surface, drawing, rect)]


def draw_lines(surface: pygame.Surface, drawing: Drawing, rect: pygame.Rect | tuple[int, int, int, int]
               ) -> list[Line]:
    """As draw(), returning each line of text as drawn (its rect in the surface, text and pixel size)."""
    rect = pygame.Rect(rect)
    if rect.w <= 0 or rect.h <= 0:
        return []
    key = (drawing, rect.w, rect.h, theme.high_contrast)
    cached = _lru_get(_cards, key)
    if cached is None:
        card = pygame.Surface(rect.size, pygame.SRCALPHA)
        lines = _draw_shapes(card, for_screen(drawing), rect.w / drawing.w)
        cached = (card, tuple(lines))
        _lru_put(_cards, key, cached, _CARD_CACHE_SIZE)
    card, lines = cached
    surface.blit(card, rect.topleft)
    return [line._replace(rect=line.rect.move(rect.topleft)) for line in lines]


def for_screen(drawing: Drawing) -> Drawing:
    """The drawing as players see it in the window: a card without the small id in its footer (`rk-q1` is for
    whoever sorts printed cards, not for the people at the table). On paper (render(), the PDF) it stays."""
    if (drawing.w, drawing.h) != (CARD_W_MM, CARD_H_MM):
        return drawing
    shapes = tuple(
        s for s in drawing.shapes if not (isinstance(s, Text) and s.align == "right" and s.y == FOOTER_Y)
    )
    return drawing if len(shapes) == len(drawing.shapes) else Drawing(drawing.w, drawing.h, shapes)


def render(drawing: Drawing, width_px: int) -> pygame.Surface:
    """The drawing as a new surface width_px wide (e.g. a 300 dpi PNG: width_px = mm / 25.4 * 300)."""
    height = max(1, round(width_px * drawing.h / drawing.w))
    surf = pygame.Surface((width_px, height), pygame.SRCALPHA)
    _draw_shapes(surf, drawing, width_px / drawing.w)
    return surf


def clear_caches() -> None:
    _cards.clear()
    _texts.clear()
    font.cache_clear()


def _draw_shapes(surf: pygame.Surface, drawing: Drawing, k: float) -> list[Line]:
    """Draw every shape at k px per mm with the origin at (0, 0); return the lines of text."""
    text_rects: list[Line] = []

    def px(v: float) -> int:
        return round(v * k)

    def width(mm: float) -> int:
        return max(1, round(mm * k))

    for shape in drawing.shapes:
        if isinstance(shape, Box):
            r = pygame.Rect(px(shape.x), px(shape.y), px(shape.x + shape.w) - px(shape.x),
                            px(shape.y + shape.h) - px(shape.y))
            radius = px(shape.radius_mm) if shape.radius_mm else 0
            if shape.fill:
                pygame.draw.rect(surf, theme.rgb(shape.fill), r, border_radius=radius)
            if shape.stroke:
                pygame.draw.rect(surf, theme.rgb(shape.stroke), r, width(shape.stroke_mm), border_radius=radius)
        elif isinstance(shape, Circle):
            centre = (shape.cx * k, shape.cy * k)
            radius = shape.r * k
            if shape.fill:
                pygame.draw.aacircle(surf, theme.rgb(shape.fill), centre, radius)
            if shape.stroke:  # centred on the edge, as on paper: it covers the fill's soft rim
                w = width(shape.stroke_mm)
                pygame.draw.aacircle(surf, theme.rgb(shape.stroke), centre, radius + w / 2, w)
        elif isinstance(shape, Path):
            pts = [(x * k, y * k) for x, y in shape.points]
            if len(pts) < 2:
                continue
            if shape.fill and len(pts) >= 3:
                pygame.draw.polygon(surf, theme.rgb(shape.fill), pts)
                pygame.draw.aalines(surf, theme.rgb(shape.fill), True, pts)
            if shape.stroke:
                w = shape.stroke_mm * k
                if w <= 1.5:
                    pygame.draw.aalines(surf, theme.rgb(shape.stroke), shape.closed, pts)
                else:
                    _smooth_stroke(surf, pts, theme.rgb(shape.stroke), w, shape.closed)
        elif isinstance(shape, Text):
            text_rects += _draw_text(surf, shape, k)
    return text_rects


SUPERSAMPLE = 4  # a thick line is drawn this many times larger, then scaled down smoothly (no jagged edges)


def _smooth_stroke(surf: pygame.Surface, pts: list[tuple[float, float]], colour: tuple[int, int, int],
                   w: float, closed: bool) -> None:
    """A thick line with round joins and caps, anti-aliased: drawn SUPERSAMPLE× larger and smoothly scaled."""
    pad = w / 2 + 2
    left, top = min(x for x, _ in pts) - pad, min(y for _, y in pts) - pad
    box = pygame.Rect(int(left), int(top), 0, 0)
    box.w = int(max(x for x, _ in pts) + pad) - box.x + 1
    box.h = int(max(y for _, y in pts) + pad) - box.y + 1
    n = SUPERSAMPLE
    big = pygame.Surface((box.w * n, box.h * n), pygame.SRCALPHA)
    big.fill((*colour, 0))
    scaled = [((x - box.x) * n, (y - box.y) * n) for x, y in pts]
    line = max(1, round(w * n))
    pygame.draw.lines(big, colour, closed, scaled, line)
    for p in scaled:  # round joins and caps
        pygame.draw.circle(big, colour, p, line / 2)
    surf.blit(pygame.transform.smoothscale(big, box.size), box.topleft)


def _draw_text(surf: pygame.Surface, text: Text, k: float) -> list[Line]:
    size = font_px(text.size_pt, k)
    rects = []
    for i, line in enumerate(text.lines):
        if not line:
            continue
        img = text_surface(line, size, text.bold, text.colour)
        top = round((text.y + i * text.line_height_mm) * k)
        if text.align == "center":
            left = round((text.x + text.w / 2) * k - img.get_width() / 2)
        elif text.align == "right":
            left = round((text.x + text.w) * k) - img.get_width()
        else:
            left = round(text.x * k)
        rects.append(Line(surf.blit(img, (left, top)), line, size, text.fine))
    return rects
