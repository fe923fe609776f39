"""The summary's card rows: topic and question, each player's number on a 1–5 track (in their colour, the number
inside) and the spread, yellow from 2 apart (the one highlight rule).

Two shapes of a row. `draw_row`: the overview at normal text size, beside the questions and agreements (one line
of question). `plan_wide` / `draw_wide`: with larger text, a row over the whole width, its question wrapped in full
under the topic line and a pass named on a line of its own when the track has no room: nothing is cut.
"""

from __future__ import annotations

from dataclasses import dataclass

import pygame

from game.design.palette import text_on
from game.i18n import ui
from game.model.deck import Deck
from game.model.session import Player
from game.record import CardRow, word
from game.ui import layout, measure, theme

Rect = pygame.Rect
SHADE = (243, 238, 230)  # every other row
WIDE_COLS = [0.5, 0.35, 0.15]  # topic | track | spread, right of the colour chip


def legend(surface: pygame.Surface, players: list[Player], cell: Rect, px: int) -> None:
    """Each player's colour with their name, over the tracks: as wide as the names need, ending at the cell's
    right (the cell may reach left over the free header); a name is cut only when all do not fit."""
    size = surface.get_size()
    gap = theme.px(size, 6)
    r = max(5, min(cell.h // 3, theme.room(size, 10)))
    font = theme.font(px, True)
    widths = [2 * r + 6 + font.size(p.name)[0] for p in players]
    if sum(widths) + gap * (len(players) - 1) <= cell.w:
        x = cell.right - sum(widths) - gap * (len(players) - 1)
        parts = []
        for w in widths:
            parts.append(Rect(x, cell.y, w, cell.h))
            x += w + gap
    else:
        parts = layout.cols(cell, [1] * len(players), gap)
    for i, (p, part) in enumerate(zip(players, parts, strict=True)):
        centre = (part.x + r + 1, part.centery)
        pygame.draw.circle(surface, theme.rgb(theme.player_colour(i)), centre, r)
        pygame.draw.circle(surface, theme.INK, centre, r, width=1)
        name_r = Rect(part.x + 2 * r + 6, part.y, part.w - 2 * r - 6, part.h)
        theme.one_line(surface, p.name, name_r, px, bold=True, align="left")


def pass_label(row: CardRow, lang: str) -> str:
    return f"{', '.join(p.name for p in row.passed)}: {word('passed', lang)}"


def topic_name(row: CardRow, lang: str) -> str:
    return row.feature_name + ("" if row.helps else f" ({ui('lower_better_short', lang)})")


def track_radius(cell: Rect, size: tuple[int, int]) -> int:
    """The circles' radius on a track in a cell of the overview."""
    return max(7, min(cell.h * 2 // 5, theme.px(size, 20)))


def pass_place(row: CardRow, cell: Rect, r: int, lang: str, size: tuple[int, int]) -> tuple[Rect, int] | None:
    """Where on the track a pass is named (where no circle is: right of it, or left), and at which size;
    None when the words do not fit there whole (then the topic line names it)."""
    values = [m.value for m in row.marks if m.value is not None]
    left, right = cell.x + r + 2, cell.right - r - 2
    xs = [round(left + (v - 1) * (right - left) / 4) for v in values]
    if not xs:
        free = Rect(cell)
    elif max(values) <= 3:
        free = Rect(max(xs) + r + 6, cell.y, cell.right - max(xs) - r - 6, cell.h)
    else:
        free = Rect(cell.x, cell.y, min(xs) - r - 6 - cell.x, cell.h)
    label_px = max(theme.small_px(size), theme.tpx(size, 17))
    return (free, label_px) if theme.font(label_px).size(pass_label(row, lang))[0] <= free.w else None


def track(surface: pygame.Surface, row: CardRow, cell: Rect, r: int, lang: str) -> None:
    """The 1–5 scale with each player's circle (number inside); yellow between them from 2 apart; a player
    who passed is named beside the circle (when there is room there)."""
    left, right = cell.x + r + 2, cell.right - r - 2
    y = cell.centery

    def x_of(v: int) -> int:
        return round(left + (v - 1) * (right - left) / 4)

    values = [m.value for m in row.marks if m.value is not None]
    if row.highlighted:
        band = Rect(x_of(min(values)) - r - 2, y - r - 2, x_of(max(values)) - x_of(min(values)) + 2 * r + 4,
                    2 * r + 4)
        pygame.draw.rect(surface, theme.HIGHLIGHT, band, border_radius=band.h // 2)
        pygame.draw.rect(surface, theme.INK, band, width=1, border_radius=band.h // 2)
    if not row.passed:  # a pass leaves room on the track for its name
        pygame.draw.line(surface, theme.NEUTRAL_BAR, (left, y), (right, y), 2)
        for v in range(1, 6):
            pygame.draw.circle(surface, theme.NEUTRAL_BAR, (x_of(v), y), max(2, r // 6))
    seen: dict[int, int] = {}
    for m in row.marks:
        if m.value is None:
            continue
        n = seen.get(m.value, 0)
        seen[m.value] = n + 1
        shift = (n * 2 - 1) * r if values.count(m.value) > 1 else 0  # the same value: side by side
        centre = (x_of(m.value) + shift, y)
        pygame.draw.circle(surface, theme.rgb(m.colour), centre, r)
        pygame.draw.circle(surface, theme.INK, centre, r, width=2)
        box = Rect(0, 0, r * 3 // 2, r * 3 // 2)
        box.center = centre
        theme.one_line(surface, str(m.value), box, round(r * 1.3), bold=True, colour=theme.rgb(text_on(m.colour)))
    if row.passed and (place := pass_place(row, cell, r, lang, surface.get_size())) is not None:
        free, label_px = place
        theme.one_line(surface, pass_label(row, lang), free, label_px, colour=theme.INK_SOFT,
                       align="left" if values and max(values) <= 3 else "right")


def spread(surface: pygame.Surface, row: CardRow, cell: Rect, shrink: int) -> None:
    """The spread: a dash after a pass, a yellow badge (the cell less `shrink` in height) from 2 apart, else the
    number."""
    px = theme.tpx(surface.get_size(), 22)
    if row.spread is None:
        theme.one_line(surface, "–", cell, px)
    elif row.highlighted:
        badge = cell.inflate(-cell.w // 6, -shrink)
        pygame.draw.rect(surface, theme.HIGHLIGHT, badge, border_radius=badge.h // 2)
        pygame.draw.rect(surface, theme.INK, badge, width=2, border_radius=badge.h // 2)
        theme.one_line(surface, str(row.spread), badge.inflate(-6, -4), px, bold=True)
    else:
        theme.one_line(surface, str(row.spread), cell, px)


def chip(surface: pygame.Surface, row: CardRow, deck: Deck, rect: Rect) -> None:
    """The topic's colour."""
    feature = next((f for f in deck.features if f.id == row.feature), None)
    pygame.draw.rect(surface, theme.rgb(feature.colour if feature else "#777777"), rect, border_radius=3)


def draw_row(surface: pygame.Surface, row: CardRow, rect: Rect, cells: list[Rect], k: int, deck: Deck,
             lang: str) -> None:
    """A row of the overview: topic (and a pass without room on the track) over one line of question."""
    size = surface.get_size()
    if k % 2 == 0:
        pygame.draw.rect(surface, SHADE, rect, border_radius=6)
    bar = Rect(cells[0].x, 0, max(6, rect.h // 6), rect.h * 3 // 4)
    bar.centery = rect.centery
    chip(surface, row, deck, bar)
    text_r = Rect(bar.right + 8, rect.y + 1, cells[0].right - bar.right - 8, rect.h - 2)
    r = track_radius(cells[1], size)
    name = topic_name(row, lang)
    if row.passed and pass_place(row, cells[1], r, lang, size) is None:  # no room on the track: named here
        name += f" · {pass_label(row, lang)}"
    name_px = theme.tpx(size, 19)
    small = theme.small_px(size)
    name_h = max(theme.font(small, True).get_height(), min(text_r.h // 2, theme.font(name_px, True).get_height()))
    top = Rect(text_r.x, text_r.y, text_r.w, name_h)
    bottom = Rect(text_r.x, top.bottom, text_r.w, text_r.h - name_h)
    theme.one_line(surface, name, top, name_px, bold=True, align="left")
    q_px = max(small, min(theme.tpx(size, 17), bottom.h))  # a long question wraps or is cut with "…"
    if theme.fit(row.question, bottom.w, bottom.h, q_px, q_px).fits:
        theme.text(surface, row.question, bottom, q_px, colour=theme.INK_SOFT, min_px=q_px)
    else:
        question = theme.shorten(row.question, bottom.w, theme.font(q_px))
        theme.one_line(surface, question, bottom, q_px, colour=theme.INK_SOFT, align="left")
    track(surface, row, cells[1], r, lang)
    spread(surface, row, cells[2], -(-rect.h // 4))


# --- larger text: a row over the whole width ---------------------------------------------------------------


@dataclass(frozen=True)
class Wide:
    """How a row over the whole width is laid out: its topic line(s), a pass line, its question, its height."""

    row: CardRow
    topic: str
    topic_h: int
    passed: str  # a pass named on a line of its own under the topic ("" when the track or topic line has it)
    passed_h: int
    line_h: int  # topic, track and spread
    question_h: int
    height: int


def wide_sizes(size: tuple[int, int]) -> tuple[int, int, int]:
    """(topic, question, circle radius) of a row over the whole width."""
    small = theme.small_px(size)
    return max(small, theme.tpx(size, 19)), max(small, theme.tpx(size, 17)), max(7, theme.room(size, 18))


def wide_cells(rect: Rect, size: tuple[int, int]) -> tuple[Rect, Rect, list[Rect]]:
    """(the colour chip's strip, the question's room, [topic, track, spread]) of a row or of the header."""
    edge, gap = theme.px(size, 6), theme.px(size, 12)
    strip = Rect(rect.x + edge, rect.y, max(6, theme.px(size, 10)), rect.h)
    text = Rect(strip.right + gap, rect.y, rect.right - edge - strip.right - gap, rect.h)
    return strip, text, layout.cols(text, WIDE_COLS, gap)


def plan_wide(row: CardRow, width: int, size: tuple[int, int], lang: str, room: int) -> Wide:
    """The row's layout over `width`, at most `room` high (only a question far longer than a deck's is then cut)."""
    name_px, q_px, r = wide_sizes(size)
    _, text, (topic_r, track_r, _) = wide_cells(Rect(0, 0, width, 2 * r + 4), size)
    topic, passed = topic_name(row, lang), ""
    if row.passed and pass_place(row, track_r, r, lang, size) is None:  # no room on the track
        both = f"{topic} · {pass_label(row, lang)}"
        if len(theme.fit(both, topic_r.w, 100_000, name_px, name_px, True).lines) == 1:
            topic = both
        else:
            passed = pass_label(row, lang)
    topic_h = measure.height(topic, topic_r.w, name_px, True)
    passed_h = measure.height(passed, topic_r.w, name_px) if passed else 0
    line_h = max(topic_h + passed_h, 2 * r + 4)
    pad = theme.px(size, 8)
    rest = room - 2 * pad - line_h - theme.px(size, 4)
    question_h = min(measure.height(row.question, text.w, q_px), max(theme.font(q_px).get_height(), rest))
    return Wide(row, topic, topic_h, passed, passed_h, line_h, question_h,
                pad + line_h + theme.px(size, 4) + question_h + pad)


def draw_wide(surface: pygame.Surface, plan: Wide, rect: Rect, k: int, deck: Deck, lang: str) -> None:
    """A row over the whole width: topic | track | spread, the whole question under them."""
    size = surface.get_size()
    name_px, q_px, r = wide_sizes(size)
    row = plan.row
    if k % 2 == 0:
        pygame.draw.rect(surface, SHADE, rect, border_radius=6)
    pad = theme.px(size, 8)
    line = Rect(rect.x, rect.y + pad, rect.w, plan.line_h)
    strip, text, (topic_r, track_r, spread_r) = wide_cells(line, size)
    chip(surface, row, deck, Rect(strip.x, rect.y + pad, strip.w, rect.h - 2 * pad))
    top = Rect(topic_r.x, line.y + (plan.line_h - plan.topic_h - plan.passed_h) // 2, topic_r.w, plan.topic_h)
    theme.text(surface, plan.topic, top, name_px, bold=True, min_px=name_px)
    if plan.passed:
        theme.text(surface, plan.passed, Rect(top.x, top.bottom, top.w, plan.passed_h), name_px, min_px=name_px)
    track(surface, row, track_r, r, lang)
    spread(surface, row, spread_r, max(0, plan.line_h - 2 * r - 4))
    question = Rect(text.x, line.bottom + theme.px(size, 4), text.w, plan.question_h)
    theme.text(surface, row.question, question, q_px, colour=theme.INK_SOFT, min_px=q_px)
