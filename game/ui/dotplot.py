"""The team's reveal: every estimate as a numbered token with its name above its place on the 1–5 scale.

Tokens that share a value stack upwards in that value's column, one row each, so no two tokens or names
can overlap: every row of every column is its own rectangle. The lowest row of all columns is kept for the
case client's own view, which is shown last. plan() works out where everything goes (tests measure it);
draw() draws it.
"""

from __future__ import annotations

from dataclasses import dataclass

import pygame

from game.design.palette import text_on
from game.engine.signals import HIGHLIGHT_SPREAD
from game.i18n import ui
from game.ui import layout, theme
from game.ui.scale import Mark, spread_of

Rect = pygame.Rect
CLIENT_FILL = (40, 40, 40)  # the case client's token: dark, with a white outline (not a player colour)
LANE_FILL = (241, 236, 226)


@dataclass(frozen=True)
class Placed:
    """One player's token and the box its name is drawn in."""

    mark: Mark
    seat: int  # 1-based place at the table: the number on the token
    token: Rect
    name: Rect


@dataclass(frozen=True)
class Plot:
    panel: Rect
    inner: Rect
    columns: tuple[Rect, ...]  # the five value columns (tokens area and lane)
    xs: tuple[int, ...]  # the x of each value on the axis
    badge_row: Rect
    lane: Rect  # the lowest row: the case client's place
    axis_y: int
    numbers_row: Rect
    labels_row: Rect
    slot_h: int
    placed: tuple[Placed, ...]
    client: Rect | None  # the case client's token (when shown)
    client_name: Rect | None
    name_px: int

    def boxes(self) -> list[tuple[str, Rect]]:
        """Every token and name box, labelled (for the overlap tests)."""
        out = []
        for p in self.placed:
            out += [(f"token {p.mark.player.id}", p.token), (f"name {p.mark.player.id}", p.name)]
        if self.client is not None and self.client_name is not None:
            out += [("token client", self.client), ("name client", self.client_name)]
        return out


def plan(
    rect: Rect,
    size: tuple[int, int],
    marks: list[Mark],
    seats: dict[str, int],
    case_view: int | None = None,
    lang: str = "nl",
) -> Plot:
    """Where the columns, rows, tokens and names go in rect.

    The rows are as high as the tallest stack allows (at least four rows, plus the client's lane), so the
    tokens are as large as they can be and a whole team on one value still fits."""
    inner = layout.inset(rect, theme.px(size, 16), theme.px(size, 10))
    badge_h = theme.px(size, 38)
    axis_h = theme.px(size, 26)
    numbers_h = theme.px(size, 26)
    labels_h = theme.px(size, 30)
    badge_row, body, axis_row, numbers_row, labels_row = layout.rows(
        inner, [badge_h, 1, axis_h, numbers_h, labels_h]
    )
    step = inner.w / 5
    xs = tuple(round(inner.x + step * (i + 0.5)) for i in range(5))
    columns = tuple(Rect(round(inner.x + step * i), body.y, round(step), body.h) for i in range(5))
    counts: dict[int, int] = {}
    for m in marks:
        if m.value is not None:
            counts[m.value] = counts.get(m.value, 0) + 1
    slots = max(3, *counts.values(), 0) + 1  # + the lane of the case client
    slot_h = max(1, min(body.h // slots, theme.px(size, 54)))
    lane = Rect(inner.x, body.bottom - slot_h, inner.w, slot_h)
    pad = max(2, theme.px(size, 6))
    d = max(6, min(round(slot_h * 0.84), round(step * 0.2)))  # narrow columns: room for the names first
    by_value: dict[int, list[Mark]] = {}
    for m in marks:
        if m.value is not None:
            by_value.setdefault(m.value, []).append(m)
    # one size for every name: as large as the rows allow, smaller so that the names fit their columns, but
    # never below a readable floor (a name longer than that is cut with "…")
    name_px = max(9, min(theme.px(size, 26), round(slot_h * 0.6)))
    floor = min(name_px, max(9, theme.px(size, 18)))
    for value, group in by_value.items():
        wide = 2 if value < 5 and value + 1 not in by_value else 1
        room = wide * round(step) - 3 * pad - d
        for m in group:
            while name_px > floor and theme.font(name_px, True).size(m.player.name)[0] > room:
                name_px -= 1
    name_font = theme.font(name_px, True)
    placed: list[Placed] = []
    for value, group in sorted(by_value.items()):
        col = columns[value - 1]
        room = col.w - 2 * pad - d - pad  # the widest a name may be in this column
        widest = max(min(room, name_font.size(m.player.name)[0]) for m in group)
        block = d + pad + max(0, widest)
        x0 = max(col.x + pad, col.centerx - block // 2)
        # a long name may go on into the next column when nobody stands there
        right = columns[value].right if value < 5 and value + 1 not in by_value else col.right
        for k, m in enumerate(group):
            y = lane.y - (k + 1) * slot_h
            token = Rect(x0, y + (slot_h - d) // 2, d, d)
            name = Rect(token.right + pad, y, max(0, right - pad - token.right - pad), slot_h)
            placed.append(Placed(m, seats.get(m.player.id, 0), token, name))
    client = client_name = None
    if case_view is not None:
        col = columns[case_view - 1]
        label_w = min(col.w - 3 * pad - d, theme.font(name_px, True).size(ui("client_marker", lang))[0])
        block = d + pad + label_w
        x0 = max(col.x + pad, col.centerx - block // 2)
        client = Rect(x0, lane.y + (slot_h - d) // 2, d, d)
        client_name = Rect(client.right + pad, lane.y, max(0, col.right - pad - client.right - pad), slot_h)
    return Plot(
        rect,
        inner,
        columns,
        xs,
        badge_row,
        lane,
        axis_row.centery,
        numbers_row,
        labels_row,
        slot_h,
        tuple(placed),
        client,
        client_name,
        name_px,
    )


def extremes(marks: list[Mark]) -> tuple[list[Mark], list[Mark]]:
    """Who chose the lowest and who the highest (empty when fewer than two values differ)."""
    placed = [m for m in marks if m.value is not None]
    if len(placed) < 2:
        return [], []
    lo = min(m.value for m in placed)
    hi = max(m.value for m in placed)
    if lo == hi:
        return [], []
    return [m for m in placed if m.value == lo], [m for m in placed if m.value == hi]


def draw(
    surface: pygame.Surface,
    plot: Plot,
    labels: list[str],
    lang: str,
    progress: float = 1.0,
    case_view: int | None = None,
) -> None:
    """The panel, the axis with its labels (the words of the card's scale), the spread bar and badge, the tokens
    and names, and the client."""
    size = surface.get_size()
    theme.panel(surface, plot.panel, radius=theme.px(size, 14))
    xs, y = plot.xs, plot.axis_y
    # the case client's lane and column (once the client's view is shown)
    if case_view is not None:
        pygame.draw.rect(surface, LANE_FILL, plot.lane, border_radius=max(4, plot.slot_h // 4))
        col = plot.columns[case_view - 1]
        band = Rect(col.x + 2, col.y, col.w - 4, y - col.y)
        pygame.draw.rect(surface, (232, 226, 214), band, border_radius=theme.px(size, 10))
    # the axis: the line, its five places, the numbers and the labels
    line_w = max(2, theme.px(size, 4))
    pygame.draw.line(surface, theme.NEUTRAL_BAR, (xs[0], y), (xs[-1], y), line_w)
    dot = max(4, theme.px(size, 7))
    for i, x in enumerate(xs):
        pygame.draw.circle(surface, theme.NEUTRAL_BAR, (x, y), dot)
        col = plot.columns[i]
        theme.one_line(
            surface,
            str(i + 1),
            Rect(col.x, plot.numbers_row.y, col.w, plot.numbers_row.h),
            theme.px(size, 26),
            bold=True,
        )
        theme.one_line(
            surface,
            labels[i],
            Rect(col.x + 2, plot.labels_row.y, col.w - 4, plot.labels_row.h),
            theme.px(size, 20),
            colour=theme.INK_SOFT,
        )
    marks = [p.mark for p in plot.placed]
    s = spread_of(marks)
    if s:
        lo = xs[min(m.value for m in marks if m.value is not None) - 1]
        hi = xs[max(m.value for m in marks if m.value is not None) - 1]
        far = s >= HIGHLIGHT_SPREAD
        thick = max(6, theme.px(size, 14 if far else 8))
        bar = Rect(lo, y - thick // 2, hi - lo, thick)
        pygame.draw.rect(
            surface, theme.HIGHLIGHT if far else theme.NEUTRAL_BAR, bar, border_radius=thick // 2
        )
        if far:
            pygame.draw.rect(surface, theme.INK, bar, width=2, border_radius=thick // 2)
            _badge(surface, plot, ui("apart", lang, n=s), (lo + hi) // 2)
    if case_view is not None:  # a diamond on the axis where the client is
        cx, r = xs[case_view - 1], max(6, theme.px(size, 13))
        diamond = [(cx, y - r), (cx + r, y), (cx, y + r), (cx - r, y)]
        pygame.draw.polygon(surface, CLIENT_FILL, diamond)
        pygame.draw.polygon(surface, theme.WHITE, diamond, width=2)
    # the tokens (growing in during the reveal) and the names; the lowest and the highest in bold
    low, high = extremes(marks)
    first = {m.player.id for m in low + high}
    t = min(1.0, max(0.0, progress))
    for p in plot.placed:
        colour = theme.rgb(p.mark.colour)
        r = max(2, round(p.token.w / 2 * t))
        pygame.draw.circle(surface, colour, p.token.center, r)
        pygame.draw.circle(surface, theme.INK, p.token.center, r, width=max(1, r // 9 + 1))
        if t >= 1.0:
            theme.one_line(
                surface,
                str(p.seat),
                p.token.inflate(-p.token.w // 4, -p.token.h // 4),
                round(p.token.h * 0.62),
                bold=True,
                colour=theme.rgb(text_on(p.mark.colour)),
            )
            bold = p.mark.player.id in first
            _name(surface, p.mark.player.name, p.name, plot.name_px, bold)
    if plot.client is not None and plot.client_name is not None:
        c = plot.client
        pygame.draw.circle(surface, CLIENT_FILL, c.center, c.w // 2)
        pygame.draw.circle(surface, theme.WHITE, c.center, c.w // 2, width=max(2, c.w // 12))
        _person(surface, c.inflate(-c.w // 3, -c.h // 3))
        _name(surface, ui("client_marker", lang), plot.client_name, plot.name_px, True)


def _name(surface: pygame.Surface, name: str, box: Rect, px: int, bold: bool) -> None:
    """A name at the one size of all names, cut with "…" when it is too long (never made tiny)."""
    theme.one_line(
        surface, theme.shorten(name, box.w, theme.font(px, bold)), box, px, bold=bold, align="left"
    )


def _badge(surface: pygame.Surface, plot: Plot, label: str, centre_x: int) -> None:
    size = surface.get_size()
    row = plot.badge_row
    f = theme.font(theme.px(size, 24), True)
    w = min(row.w, f.size(label)[0] + theme.px(size, 28))
    badge = Rect(0, row.y + 2, w, row.h - 4)
    badge.centerx = min(max(centre_x, row.x + w // 2), row.right - w // 2)
    pygame.draw.rect(surface, theme.HIGHLIGHT, badge, border_radius=badge.h // 2)
    pygame.draw.rect(surface, theme.INK, badge, width=2, border_radius=badge.h // 2)
    theme.one_line(surface, label, badge.inflate(-theme.px(size, 16), -4), theme.px(size, 24), bold=True)


def _person(surface: pygame.Surface, box: Rect) -> None:
    """A small white person (head and shoulders) on the client's token."""
    head = max(2, box.w // 4)
    pygame.draw.circle(surface, theme.WHITE, (box.centerx, box.y + head), head)
    body = Rect(box.x + box.w // 6, box.y + 2 * head + max(1, box.h // 12), box.w * 2 // 3, box.h // 2)
    clip = surface.get_clip()
    surface.set_clip(Rect(body.x, body.y, body.w, body.h // 2 + 1).clip(clip))  # the upper half: shoulders
    pygame.draw.ellipse(surface, theme.WHITE, body)
    surface.set_clip(clip)
