"""With larger text, a topic of the history drawn for the window: its name and the gap in words, the plot of both
sides over the sessions (the record's shapes, game.record_shapes.trend_plot), the dates under it and each side's
trend in words. The words are the window's own text, at the readable size; at normal size the screen shows the
report's panel instead (history.py).
"""

from __future__ import annotations

import pygame

from game.design.primitives import Box, Drawing, Shape
from game.history import FeatureHistory, gap_words, trend_words
from game.i18n import record_word, short_date
from game.model.session import Role
from game.record_shapes import Look, date_order, icon_badge, marker, session_xs, trend_plot
from game.ui import measure, render, theme

Rect = pygame.Rect
INSET_MM = 3.0  # trend_plot keeps its points this far from the plot's sides


def _words(fh: FeatureHistory, lang: str) -> list[tuple[Role, str]]:
    return [(role, f"{record_word(role.value, lang)}: {trend_words(fh.role_trend(role), lang)}")
            for role in (Role.CLIENT, Role.PROFESSIONAL)]


def _shape(surface: pygame.Surface, shapes: list[Shape], box: Rect, w_mm: float) -> None:
    """Shapes given in mm in a box w_mm wide, drawn into box."""
    render.draw(surface, Drawing(w_mm, w_mm * box.h / max(1, box.w), tuple(shapes)), box)


def draw(surface: pygame.Surface, fh: FeatureHistory, lk: Look, rect: Rect, lang: str,
         colours: dict[Role, str]) -> None:
    """The topic in rect (a white panel)."""
    size = surface.get_size()
    small = theme.small_px(size)
    name_px = max(small, theme.tpx(size, 19))
    theme.panel(surface, rect, fill=theme.WHITE, radius=theme.px(size, 14))
    pad, gap = theme.px(size, 14), theme.px(size, 6)
    inner = Rect(rect.x + pad, rect.y + pad // 2, rect.w - 2 * pad, rect.h - pad)
    # the name with the topic's badge, the gap in words under it
    name_h = theme.font(name_px, True).get_height()
    badge = Rect(inner.x, inner.y, name_h, name_h)
    _shape(surface, icon_badge(lk, 5.0, 5.0, 4.6), badge, 10.0)
    text_x = badge.right + gap
    theme.text(surface, lk.name, Rect(text_x, inner.y, inner.right - text_x, name_h), name_px, bold=True,
               min_px=name_px)
    gap_text = gap_words(fh.gap_trend, lang)
    gap_h = measure.height(gap_text, inner.w, small)
    theme.text(surface, gap_text, Rect(inner.x, inner.y + name_h, inner.w, gap_h), small, min_px=small)
    # each side's trend at the bottom, the dates over them, the plot in what is left
    words = _words(fh, lang)
    mark = theme.font(small).get_height()
    heights = [measure.height(t, inner.w - mark - gap, small) for _, t in words]
    y = inner.bottom - sum(heights) - gap
    for (role, t), h in zip(words, heights, strict=True):
        _shape(surface, marker(role, 2.0, 2.0, colours[role], 1.2), Rect(inner.x, y, mark, mark), 4.0)
        theme.text(surface, t, Rect(inner.x + mark + gap, y, inner.w - mark - gap, h), small, min_px=small)
        y += h + gap // 2
    dates_h = theme.font(small).get_height()
    plot = Rect(inner.x, inner.y + name_h + gap_h + gap, inner.w,
                inner.bottom - sum(heights) - 2 * gap - dates_h - (inner.y + name_h + gap_h + gap))
    if plot.h <= 0:
        return
    ticks = theme.font(small).size("5")[0] + gap
    _ticks(surface, Rect(plot.x, plot.y, ticks, plot.h), small)
    area = Rect(plot.x + ticks, plot.y, plot.w - ticks, plot.h)
    k = theme.room(size, 7)  # px per mm: the markers and lines grow with the text
    w_mm, h_mm = area.w / k, area.h / k
    shapes = [Box(0, 0, w_mm, h_mm, fill="#FFFFFF"), *trend_plot(fh, colours, 0, 0, w_mm, h_mm, ticks_pt=None)]
    render.draw(surface, Drawing(w_mm, h_mm, tuple(shapes)), area)
    _dates(surface, fh, Rect(area.x, plot.bottom, area.w, dates_h), k, lang, small, inner)


def _ticks(surface: pygame.Surface, column: Rect, px: int) -> None:
    """1, 3 and 5 beside the plot, where trend_plot puts their lines (1.5 mm in from top and bottom)."""
    k = theme.room(surface.get_size(), 7)
    top, bottom = column.y + round(1.5 * k), column.bottom - round(1.5 * k)
    for v in (1, 3, 5):
        y = round(bottom - (v - 1) * (bottom - top) / 4)
        h = theme.font(px).get_height()
        theme.one_line(surface, str(v), Rect(column.x, y - h // 2, column.w, h), px, colour=theme.INK_SOFT,
                       align="left")


def _dates(surface: pygame.Surface, fh: FeatureHistory, row: Rect, k: float, lang: str, px: int,
           bounds: Rect) -> None:
    """Each session's date under its place on the plot; a date that would touch another is left out (the first
    and the last always stand)."""
    points = fh.points
    if not points:
        return
    xs = session_xs(points, row.x + INSET_MM * k, row.right - INSET_MM * k)
    f = theme.font(px)
    shown: list[Rect] = []
    for i in date_order(len(points)):
        cx = xs[i]
        label = short_date(points[i].day, lang, year=False) + ("*" if points[i].ended_early else "")
        w = f.size(label)[0] + 2
        box = Rect(round(cx - w / 2), row.y, w, row.h)
        box.x = min(max(box.x, bounds.x), bounds.right - w)
        if all(not box.inflate(f.size(" ")[0] * 2, 0).colliderect(o) for o in shown):
            shown.append(box)
            theme.one_line(surface, label, box, px, colour=theme.INK_SOFT)


def key(surface: pygame.Surface, rect: Rect, players: list, lang: str) -> None:
    """● client  ■ professional  ▮ 2 or more apart, in their colours, at the readable size; on two lines when
    one is too short."""
    from game.design.palette import HIGHLIGHT, INK
    from game.i18n import ui
    from game.record import role_colours

    if rect.w <= 0:
        return
    size = surface.get_size()
    px = theme.small_px(size)
    f = theme.font(px)
    mark, gap = f.get_height(), theme.px(size, 10)
    colours = role_colours(players)
    items: list[tuple[list[Shape], str]] = [
        (marker(Role.CLIENT, 2.0, 2.0, colours[Role.CLIENT], 1.3), record_word("client", lang)),
        (marker(Role.PROFESSIONAL, 2.0, 2.0, colours[Role.PROFESSIONAL], 1.3), record_word("professional", lang)),
        ([Box(1.5, 0.4, 1.0, 3.2, fill=HIGHLIGHT, stroke=INK, stroke_mm=0.15)], ui("history_apart", lang)),
    ]
    widths = [mark + gap // 2 + f.size(t)[0] for _, t in items]
    lines = 1 if sum(widths) + 2 * gap * (len(items) - 1) <= rect.w else 2
    y = rect.centery - lines * mark // 2
    x = rect.x
    for (shapes, label), w in zip(items, widths, strict=True):
        if x > rect.x and x + w > rect.right:
            x, y = rect.x, y + mark
        _shape(surface, shapes, Rect(x, y, mark, mark), 4.0)
        theme.one_line(surface, label, Rect(x + mark + gap // 2, y, w - mark - gap // 2, mark), px, align="left")
        x += w + 2 * gap


def report_key(rect: Rect, players: list, lang: str) -> tuple[Drawing, Rect]:
    """At normal size: ● client  ■ professional (in their colours, as on the report)  ▮ 2 or more apart, as the
    report's shapes, and where to draw them (from the left of rect, 6 mm high)."""
    from game.design.fonts import line_height_mm, text_width_mm
    from game.design.palette import HIGHLIGHT, INK
    from game.i18n import ui
    from game.record import role_colours
    from game.record_shapes import text

    k = max(2.0, rect.h / 6.0)
    pt = 8.5
    x, mid = 2.5, 3.0
    colours = role_colours(players)
    shapes: list[Shape] = []
    for kind, label in (("client", record_word("client", lang)),
                        ("professional", record_word("professional", lang)),
                        ("spread", ui("history_apart", lang))):
        if kind == "spread":
            shapes.append(Box(x - 0.9, mid - 2.2, 1.8, 4.4, fill=HIGHLIGHT, stroke=INK, stroke_mm=0.15))
        else:
            shapes.extend(marker(Role(kind), x, mid, colours[Role(kind)], 1.5))
        tw = text_width_mm(label, pt) / 0.97 + 0.4
        shapes.append(text(label, x + 2.5, mid - line_height_mm(pt) / 2, tw, pt, colour=INK))
        x += 2.5 + tw + 4.0
    w_mm = min(x, rect.w / k)
    return Drawing(w_mm, 6.0, tuple(shapes)), Rect(rect.x, rect.y, round(w_mm * k), rect.h)
