"""The record's pictures as design shapes in millimetres, drawn by the PDF (game.report) and by the window
(game.ui.render): the per-card estimates table and a feature's trend over the sessions.

One highlight rule everywhere: a card whose estimates lie 2 or more apart gets the yellow band and badge
(palette.HIGHLIGHT, with a dark outline); 1 apart gets none. Client and professional keep their seat colours
(record.role_colours); the client's marker is a circle, the professional's a square, so print in grey works too.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from game.design.fonts import line_height_mm, text_width_mm, wrap
from game.design.icons import FEATURE_ICONS
from game.design.palette import HIGHLIGHT, INK, LINE, MUTED, WHITE, shade, tint
from game.design.primitives import Box, Circle, Shape, Text
from game.design.primitives import Path as Line
from game.history import FeatureHistory, SessionPoint, gap_words, headline, trend_words
from game.i18n import record_word, short_date
from game.model.deck import Deck, Polarity
from game.model.session import Role
from game.record import CardRow, Mark, shorten

UNKNOWN_COLOUR = "#777777"  # a feature the deck does not know
TEXT_PT = 9.0  # the smallest text on paper
TICK_PT = 8.0  # axis ticks only


@dataclass(frozen=True)
class Look:
    """How the page shows a feature: its name, colour, icon and whether a higher number is better."""

    name: str
    colour: str
    icon: str | None
    helps: bool


def look(deck: Deck, feature_id: str, lang: str) -> Look:
    try:
        f = deck.feature(feature_id)
    except KeyError:
        name = feature_id.replace("_", " ").capitalize()
        return Look(name, UNKNOWN_COLOUR, None, feature_id != "stroefheid")
    return Look(f.name.get(lang, next(iter(f.name.values()))), f.colour, f.icon, f.polarity == Polarity.HELPS)


def text(content: str, x: float, y: float, w: float, size: float, *, bold: bool = False, colour: str = INK,
         align: str = "left", max_lines: int | None = None) -> Text:
    """Wrapped text from the top of its box; with max_lines the last kept line ends in '…'."""
    lines = wrap(content, size, w, bold, None if max_lines is None else max_lines + 1)
    if max_lines is not None and len(lines) > max_lines:
        lines = lines[:max_lines]
        last = lines[-1]
        while last and text_width_mm(last + "…", size, bold) > w * 0.97:
            last = last[:-1].rstrip()
        lines[-1] = last + "…"
    lh = line_height_mm(size)
    return Text(x, y, w, len(lines) * lh, tuple(lines), size, lh, colour, bold, align)  # type: ignore[arg-type]


def icon_badge(lk: Look, cx: float, cy: float, r: float) -> list[Shape]:
    shapes: list[Shape] = [Circle(cx, cy, r, fill=WHITE, stroke=lk.colour, stroke_mm=0.5)]
    if lk.icon:
        shapes.extend(FEATURE_ICONS[lk.icon](cx, cy, r * 1.25, lk.colour, WHITE))
    return shapes


def marker(role: Role, cx: float, cy: float, colour: str, r: float = 2.0) -> list[Shape]:
    """A client's circle or a professional's square, in the player's colour with a dark edge."""
    if role == Role.CLIENT:
        return [Circle(cx, cy, r, fill=colour, stroke=shade(colour, 0.55), stroke_mm=0.35)]
    return [Box(cx - r * 0.9, cy - r * 0.9, 1.8 * r, 1.8 * r, fill=colour, stroke=shade(colour, 0.55),
                stroke_mm=0.35)]


def legend(x_right: float, y: float, colours: dict[Role, str], lang: str, size: float = TEXT_PT) -> list[Shape]:
    """'● client  ■ professional', right-aligned at x_right, centred on y."""
    shapes: list[Shape] = []
    lh = line_height_mm(size)
    x = x_right
    for role in (Role.PROFESSIONAL, Role.CLIENT):
        label = record_word(role.value, lang)
        w = text_width_mm(label, size) / 0.97 + 0.3  # wrap() keeps 3 % spare: one line
        x -= w
        shapes.append(text(label, x, y - lh / 2, w, size))
        x -= 3.2
        shapes.extend(marker(role, x, y, colours[role], 1.6))
        x -= 6.0
    return shapes


def highlight_badge(label: str, x: float, y: float, w: float, h: float, size: float = TEXT_PT) -> list[Shape]:
    """A spread of 2 or more: bold on yellow with a dark outline."""
    return [Box(x, y, w, h, fill=HIGHLIGHT, stroke=INK, stroke_mm=0.35, radius_mm=h / 2),
            text(label, x, y + (h - line_height_mm(size)) / 2, w, size, bold=True, align="center", max_lines=1)]


# --- the estimates, card by card ------------------------------------------------------------------------


@dataclass(frozen=True)
class Columns:
    """Where the table's columns lie (mm from the left edge of the page)."""

    x: float
    w: float
    name_w: float = 32.0
    track_w: float = 30.0
    spread_w: float = 16.0

    @property
    def question_x(self) -> float:
        return self.x + self.name_w

    @property
    def players_w(self) -> float:
        return 40.0

    @property
    def question_w(self) -> float:
        return self.w - self.name_w - self.track_w - self.players_w - self.spread_w - 4.0

    @property
    def track_x(self) -> float:
        return self.question_x + self.question_w + 2.0

    @property
    def players_x(self) -> float:
        return self.track_x + self.track_w + 2.0

    @property
    def spread_x(self) -> float:
        return self.players_x + self.players_w

    def scale_x(self, value: float) -> float:
        pad = 3.0
        return self.track_x + pad + (value - 1) * (self.track_w - 2 * pad) / 4


def player_heads(marks: Sequence[Mark], lang: str) -> list[str]:
    """A column head per player: the side's word ("cliënt"), or the name when a side has several players."""
    roles = [m.player.role for m in marks]
    return [record_word(m.player.role.value, lang) if roles.count(m.player.role) == 1 else m.player.name
            for m in marks]


def table_head(cols: Columns, y: float, marks: Sequence[Mark], lang: str) -> tuple[list[Shape], float]:
    """The column heads: the scale's numbers over the track, each player's side, 'verschil'."""
    shapes: list[Shape] = []
    for v in range(1, 6):
        shapes.append(text(str(v), cols.scale_x(v) - 3, y, 6, TICK_PT, colour=MUTED, align="center"))
    heads = player_heads(marks, lang)
    pw = cols.players_w / max(1, len(marks))
    for i, head in enumerate(heads):
        shapes.append(text(head, cols.players_x + i * pw, y, pw, TEXT_PT, colour=MUTED, align="center",
                           max_lines=1))
    shapes.append(text(record_word("spread", lang), cols.spread_x, y, cols.spread_w, TEXT_PT, colour=MUTED,
                       align="center", max_lines=1))
    return shapes, y + line_height_mm(TEXT_PT) + 1.0


def row_height(question_lines: int) -> float:
    return max(1, question_lines) * line_height_mm(TEXT_PT) + 1.8


def feature_group(rows: Sequence[CardRow], lk: Look, cols: Columns, y: float, lang: str, question_lines: int
                  ) -> tuple[list[Shape], float]:
    """One feature: its name at the left, then one row per card: the question, the track with each player's
    marker, each player's number (or 'sloeg over'), and the spread (highlighted from 2 apart)."""
    lh = line_height_mm(TEXT_PT)
    rh = row_height(question_lines)
    name = text(lk.name, cols.x + 6.8, y + 0.9, cols.name_w - 7.0, TEXT_PT, bold=True, max_lines=2)
    hint = text(record_word("friction_hint", lang), cols.x + 6.8, y + 0.9 + name.h, cols.name_w - 7.0, TEXT_PT,
                colour=MUTED, max_lines=2)
    name_h = name.h + (0 if lk.helps else hint.h) + 1.8
    h = max(name_h, rh * len(rows))
    shapes: list[Shape] = [Box(cols.x, y, cols.w, h, fill=tint(lk.colour, 0.10), radius_mm=1.6)]
    shapes.extend(icon_badge(lk, cols.x + 3.4, y + 0.9 + lh / 2, 2.6))
    shapes.append(name)
    if not lk.helps:
        shapes.append(hint)
    for k, row in enumerate(rows):
        top = y + k * rh
        if k:
            shapes.append(Line(((cols.question_x, top), (cols.x + cols.w - 1.0, top)), stroke=WHITE,
                               stroke_mm=0.5))
        shapes.extend(card_row(row, cols, top, rh, lang, question_lines))
    return shapes, y + h


def card_row(row: CardRow, cols: Columns, top: float, rh: float, lang: str, question_lines: int) -> list[Shape]:
    lh = line_height_mm(TEXT_PT)
    mid = top + rh / 2
    shapes: list[Shape] = [text(shorten(row.question, 240), cols.question_x, top + 0.9, cols.question_w, TEXT_PT,
                                max_lines=question_lines)]
    values = [m.value for m in row.marks if m.value is not None]
    if row.highlighted:
        lo, hi = cols.scale_x(min(values)), cols.scale_x(max(values))
        pad = 2.2
        shapes.append(Box(lo - pad, mid - pad, hi - lo + 2 * pad, 2 * pad, fill=HIGHLIGHT, stroke=INK,
                          stroke_mm=0.25, radius_mm=pad))
    shapes.append(Line(((cols.scale_x(1), mid), (cols.scale_x(5), mid)), stroke=LINE, stroke_mm=0.4))
    for v in range(1, 6):
        shapes.append(Circle(cols.scale_x(v), mid, 0.55, fill=LINE))
    seen: dict[int, int] = {}
    for m in row.marks:
        if m.value is None:
            continue
        n = seen.get(m.value, 0)  # the same value twice: side by side, both visible
        seen[m.value] = n + 1
        shapes.extend(marker(m.player.role, cols.scale_x(m.value) + (n * 2.4 - 1.2 if values.count(m.value) > 1
                                                                      else 0), mid, m.colour, 1.5))
    pw = cols.players_w / max(1, len(row.marks))
    for i, m in enumerate(row.marks):
        label = str(m.value) if m.value is not None else record_word("passed", lang)
        shapes.append(text(label, cols.players_x + i * pw, mid - lh / 2, pw, TEXT_PT, bold=m.value is not None,
                           align="center", max_lines=1))
    if row.spread is None:
        shapes.append(text("–", cols.spread_x, mid - lh / 2, cols.spread_w, TEXT_PT, align="center"))
    elif row.highlighted:
        shapes.extend(highlight_badge(str(row.spread), cols.spread_x + 3.0, mid - lh / 2 - 0.5,
                                      cols.spread_w - 6.0, lh + 1.0))
    else:
        shapes.append(text(str(row.spread), cols.spread_x, mid - lh / 2, cols.spread_w, TEXT_PT, align="center"))
    return shapes


# --- a feature over the sessions ------------------------------------------------------------------------


def session_xs(points: Sequence[SessionPoint], left: float, right: float) -> list[float]:
    """Each session's place from left to right by its date (evenly when all fall on one moment; one session in
    the middle)."""
    days = [p.started_at.timestamp() for p in points]
    span = days[-1] - days[0] if days else 0
    if len(points) == 1:
        return [(left + right) / 2]
    if span <= 0:
        return [left + i * (right - left) / (len(points) - 1) for i in range(len(points))]
    return [left + (d - days[0]) / span * (right - left) for d in days]


def date_order(n: int) -> list[int]:
    """In which order the dates under a plot are placed: the first and the last always, then the others."""
    return list(dict.fromkeys([0, n - 1, *range(1, n - 1)]))


def trend_plot(fh: FeatureHistory, colours: dict[Role, str], x: float, y: float, w: float, h: float,
               ticks_pt: float | None = TICK_PT) -> list[Shape]:
    """Each side's line over the sessions (through the session's value: the mean when it had several cards),
    each card's markers, and a yellow band on each card 2 or more apart."""
    shapes: list[Shape] = []
    axis_w = 4.0 if ticks_pt else 0.0
    left, right = x + axis_w, x + w
    top, bottom = y + 1.5, y + h - 1.5

    def py(v: float) -> float:
        return bottom - (v - 1) * (bottom - top) / 4

    for v in range(1, 6):
        grid = LINE if v in (1, 5) else tint(LINE, 0.6)
        shapes.append(Line(((left, py(v)), (right, py(v))), stroke=grid, stroke_mm=0.2))
        if ticks_pt and v in (1, 3, 5):
            shapes.append(text(str(v), x, py(v) - line_height_mm(ticks_pt) / 2, axis_w - 0.6, ticks_pt,
                               colour=MUTED, align="right"))
    points = fh.points
    if not points:
        return shapes
    xs = session_xs(points, left + 3.0, right - 3.0)

    def px(i: int) -> float:
        return xs[i]

    for i, p in enumerate(points):
        n = len(p.cards)
        for k, c in enumerate(p.cards):
            if c.highlighted and c.client is not None and c.professional is not None:
                cx = px(i) + (k - (n - 1) / 2) * 1.6
                a, b = sorted((py(c.client), py(c.professional)))
                shapes.append(Box(cx - 0.7, a, 1.4, b - a, fill=HIGHLIGHT, stroke=shade(HIGHLIGHT, 0.5),
                                  stroke_mm=0.15))
    for role in (Role.PROFESSIONAL, Role.CLIENT):
        pts = tuple((px(i), py(v)) for i, p in enumerate(points) if (v := p.value(role)) is not None)
        if len(pts) >= 2:
            shapes.append(Line(pts, stroke=shade(colours[role], 0.15), stroke_mm=0.6))
    for i, p in enumerate(points):
        n = len(p.cards)
        for k, c in enumerate(p.cards):
            cx = px(i) + (k - (n - 1) / 2) * 1.6
            same = c.client is not None and c.client == c.professional
            for role, v, nudge in ((Role.PROFESSIONAL, c.professional, 0.7), (Role.CLIENT, c.client, -0.7)):
                if v is not None:
                    shapes.extend(marker(role, cx + (nudge if same else 0.0), py(v), colours[role], 0.95))
    return shapes


def trend_panel(fh: FeatureHistory, lk: Look, x: float, y: float, w: float, h: float, lang: str,
                colours: dict[Role, str]) -> list[Shape]:
    """One feature over the sessions for the window: its name headed by the gap in words, the plot, the
    dates, and each side's own trend."""
    size = 6.5
    lh = line_height_mm(size)
    shapes: list[Shape] = [Box(x, y, w, h, fill=WHITE, stroke=LINE, stroke_mm=0.3, radius_mm=2.0)]
    shapes.extend(icon_badge(lk, x + 4.5, y + 4.8, 2.9))
    shapes.append(text(lk.name, x + 8.8, y + 2.2, w - 10.0, 9.0, bold=True, max_lines=1))
    shapes.append(text(gap_words(fh.gap_trend, lang), x + 8.8, y + 6.2, w - 10.0, 8.0, colour=INK, max_lines=1))
    plot_top, plot_bottom = y + 11.5, y + h - 6.0 - 2 * lh
    shapes.extend(trend_plot(fh, colours, x + 1.5, plot_top, w - 4.0, plot_bottom - plot_top, ticks_pt=size))
    label_y = plot_bottom + 0.6
    points = fh.points
    if points:
        shown: list[tuple[float, float]] = []  # (centre, width) of the date labels placed so far
        xs = session_xs(points, x + 1.5 + 4.0 + 3.0, x + w - 2.5 - 3.0)
        for i in date_order(len(points)):
            cx = xs[i]
            label = short_date(points[i].day, lang, year=False) + ("*" if points[i].ended_early else "")
            lw = text_width_mm(label, size) / 0.97 + 0.3
            cx = min(max(cx, x + 2 + lw / 2), x + w - 2 - lw / 2)
            if all(abs(cx - c) >= (lw + cw) / 2 + 1.5 for c, cw in shown):
                shown.append((cx, lw))
                shapes.append(text(label, cx - lw / 2, label_y, lw, size, colour=MUTED, align="center"))
    for j, role in enumerate((Role.CLIENT, Role.PROFESSIONAL)):
        row_y = y + h - 1.2 - (2 - j) * lh
        shapes.extend(marker(role, x + 3.5, row_y + lh / 2, colours[role], 1.0))
        label = f"{record_word(role.value, lang)}: {trend_words(fh.role_trend(role), lang)}"
        shapes.append(text(label, x + 5.6, row_y, w - 7.0, size, max_lines=1))
    return shapes


def trend_row(fh: FeatureHistory, lk: Look, colours: dict[Role, str], x: float, y: float, w: float, lang: str
              ) -> tuple[list[Shape], float]:
    """One feature over the sessions on paper: name, a small plot, and in words each side's trend and the gap."""
    lh = line_height_mm(TEXT_PT)
    h = 2 * lh + 3.0
    shapes: list[Shape] = [Box(x, y, w, h, fill=tint(lk.colour, 0.10), radius_mm=1.6)]
    shapes.extend(icon_badge(lk, x + 3.4, y + 1.2 + lh / 2, 2.6))
    shapes.append(text(lk.name, x + 6.8, y + 1.2, 25.0, TEXT_PT, bold=True, max_lines=2))
    shapes.extend(trend_plot(fh, colours, x + 32.0, y + 0.8, 44.0, h - 1.6, ticks_pt=None))
    words_x = x + 80.0
    shapes.append(text(headline(fh, lang), words_x, y + 1.2, w - 81.0, TEXT_PT, max_lines=1))
    shapes.append(text(gap_words(fh.gap_trend, lang), words_x, y + 1.2 + lh, w - 81.0, TEXT_PT, bold=True,
                       max_lines=1))
    return shapes, y + h
