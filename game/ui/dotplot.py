"""The team's reveal: each person's name, on a chip in their colour, stands on the value they chose.

Chips that share a value stack upwards on that value's tick, one row each (a crowded value gets two or three
chips a row), so no two chips overlap: every chip is its own rectangle. There are no numbers on the chips: the
only numbers are the scale's. The lowest row is kept for the case client's own view, shown last. Names are
drawn at one size, never below the screen's body size: a name that does not fit its chip is cut with "…", or
shown as initials when cutting would leave too little (or make two chips read the same). plan() works out where
everything goes (tests measure it); draw() draws it.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

import pygame

from game.design.palette import text_on
from game.engine.signals import HIGHLIGHT_SPREAD
from game.i18n import ui
from game.ui import layout, theme
from game.ui.scale import Mark, spread_of

Rect = pygame.Rect
CLIENT_FILL = (40, 40, 40)  # the case client's chip: dark, with a white outline (not a player colour)
LANE_FILL = (241, 236, 226)
MAX_PER_ROW = 3


@dataclass(frozen=True)
class Placed:
    """One player's chip on the value they chose, and the label drawn on it (name, cut name or initials)."""

    mark: Mark
    chip: Rect
    label: str


@dataclass(frozen=True)
class Plot:
    panel: Rect
    inner: Rect
    columns: tuple[Rect, ...]  # the five value columns (chips area and lane)
    xs: tuple[int, ...]  # the x of each value on the axis
    badge_row: Rect
    lane: Rect  # the lowest row: the case client's place
    axis_y: int
    numbers_row: Rect
    labels_row: Rect
    slot_h: int
    placed: tuple[Placed, ...]
    client: Rect | None  # the case client's chip (when shown)
    client_label: str
    name_px: int
    rows: tuple[Rect, ...] = ()  # larger text: one row per value (columns then holds each row's chip area)
    more: tuple = ()  # larger text: a "+n" chip (chipflow.Chip) where a row has no room for every name

    def boxes(self) -> list[tuple[str, Rect]]:
        """Every chip, labelled (for the overlap tests)."""
        out = [(f"chip {p.mark.player.id}", p.chip) for p in self.placed]
        if self.client is not None:
            out.append(("chip client", self.client))
        return out


def name_floor(size: tuple[int, int]) -> int:
    """The smallest size a name is drawn at on this screen: its body size."""
    return theme.body_px(size)


def initials(name: str) -> str:
    """ "Noor Bakker" → "NB", "Jan-Willem" → "JW", "Collega 5" → "C5" (a number stays whole)."""
    out = []
    for word in name.replace("-", " ").split():
        if word.isdigit():
            out.append(word)
        elif word[0].isupper() or not out:
            out.append(word[0].upper())
    return "".join(out) or name[:2]


def labels(names: list[str], width: int, font: pygame.font.Font) -> list[str]:
    """Each name as it fits `width`: whole, cut with "…" (at least four letters kept), else initials; also
    initials when cutting would make two different names read the same."""
    return list(_labels(tuple(names), width, font))


@lru_cache(maxsize=512)
def _labels(names: tuple[str, ...], width: int, font: pygame.font.Font) -> tuple[str, ...]:
    out = []
    for name in names:
        cut = theme.shorten(name, width, font)
        if cut != name and (len(cut.rstrip("…")) < 4):
            cut = _initials_in(name, width, font)
        out.append(cut)
    twins = [
        i
        for i, (name, label) in enumerate(zip(names, out, strict=True))
        if label != name and any(other == label and names[j] != name for j, other in enumerate(out))
    ]
    for i in twins:  # all of them, so that "Collega 1" and "Collega 2" both read as initials
        out[i] = _initials_in(names[i], width, font)
    return tuple(out)


def _initials_in(name: str, width: int, font: pygame.font.Font) -> str:
    """The initials, as many as fit (at least the first letter)."""
    short = initials(name)
    while len(short) > 1 and font.size(short)[0] > width:
        short = short[:-1] if not short[-1].isdigit() or len(short) <= 2 else short[0] + short[-1]
    return short


def plan(rect: Rect, size: tuple[int, int], marks: list[Mark], case_view: int | None = None, lang: str = "nl") -> Plot:
    """Where the columns, rows and chips go in rect.

    The rows are as high as the tallest stack allows (at least four rows, plus the client's lane), never so low
    that a name would be drawn below the body size: then a crowded value puts two or three chips in a row."""
    inner = layout.inset(rect, theme.px(size, 16), theme.px(size, 10))
    badge_row, body, axis_row, numbers_row, labels_row = layout.rows(
        inner, [theme.px(size, 38), 1, theme.px(size, 26), theme.px(size, 26), theme.px(size, 30)]
    )
    step = inner.w / 5
    xs = tuple(round(inner.x + step * (i + 0.5)) for i in range(5))
    columns = tuple(Rect(round(inner.x + step * i), body.y, round(step), body.h) for i in range(5))
    by_value: dict[int, list[Mark]] = {}
    for m in marks:
        if m.value is not None:
            by_value.setdefault(m.value, []).append(m)
    floor = name_floor(size)
    pad = max(2, theme.px(size, 4))
    min_slot = theme.font(floor, True).get_height() + 2 * pad
    most = max((len(g) for g in by_value.values()), default=0)
    rows_fit = max(1, body.h // min_slot - 1)  # rows above the client's lane at the smallest readable size
    per_row = min(MAX_PER_ROW, max(1, -(-most // rows_fit)))
    slots = max(4, -(-most // per_row)) + 1  # + the lane of the case client
    slot_h = max(min_slot, min(body.h // slots, theme.px(size, 54)))
    lane = Rect(inner.x, body.bottom - slot_h, inner.w, slot_h)
    chip_h = slot_h - pad
    name_px = max(floor, min(theme.tpx(size, 28), round(chip_h * 0.62)))
    while name_px > floor and theme.font(name_px, True).get_height() > chip_h - 2:
        name_px -= 1
    chip_w = (round(step) - 2 * pad - (per_row - 1) * pad) // per_row
    text_w = chip_w - chip_h // 3 - 2  # the label's room inside the chip's rounded ends
    widest = max((theme.font(name_px, True).size(m.player.name)[0] for m in marks), default=0)
    while name_px > floor and widest > text_w:  # smaller (down to the body size) before a name is cut
        name_px -= 1
        widest = max(theme.font(name_px, True).size(m.player.name)[0] for m in marks)
    font = theme.font(name_px, True)
    texts = labels([m.player.name for m in marks], text_w, font)
    label_of = {id(m): t for m, t in zip(marks, texts, strict=True)}
    placed: list[Placed] = []
    for value, group in sorted(by_value.items()):
        col = columns[value - 1]
        n_row = min(per_row, len(group))
        for k, m in enumerate(group):
            row, place = divmod(k, per_row)
            in_row = min(n_row, len(group) - row * per_row)
            # a single chip per row is as wide as its name needs (and centred on the tick)
            w = min(chip_w, font.size(label_of[id(m)])[0] + chip_h // 3 + 2 + chip_h // 3) if per_row == 1 else chip_w
            x0 = col.centerx - (in_row * w + (in_row - 1) * pad) // 2
            chip = Rect(x0 + place * (w + pad), lane.y - (row + 1) * slot_h + pad // 2, w, chip_h)
            placed.append(Placed(m, chip, label_of[id(m)]))
    client = None
    client_label = ui("client_marker", lang)
    if case_view is not None:
        col = columns[case_view - 1]
        icon = chip_h
        client_label = theme.shorten(client_label, chip_w * per_row - icon - 2 * pad, font)
        w = min(round(step) - 2 * pad, font.size(client_label)[0] + icon + 2 * pad)
        client = Rect(col.centerx - w // 2, lane.y + pad // 2, w, chip_h)
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
        client_label,
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
    """The panel, the axis with its labels (the words of the card's scale), the spread bar and badge, the chips
    with names, and the client."""
    size = surface.get_size()
    theme.panel(surface, plot.panel, radius=theme.px(size, 14))
    xs, y = plot.xs, plot.axis_y
    if case_view is not None:  # the case client's lane and column (once the client's view is shown)
        pygame.draw.rect(surface, LANE_FILL, plot.lane, border_radius=max(4, plot.slot_h // 4))
        col = plot.columns[case_view - 1]
        band = Rect(col.x + 2, col.y, col.w - 4, y - col.y)
        pygame.draw.rect(surface, (232, 226, 214), band, border_radius=theme.px(size, 10))
    # a thin stem up from each tick: the chips stand on it
    for x in xs:
        pygame.draw.line(surface, (226, 219, 206), (x, plot.columns[0].y), (x, y), max(1, theme.px(size, 2)))
    _axis(surface, plot, labels)
    marks = [p.mark for p in plot.placed]
    s = spread_of(marks)
    if s:
        lo = xs[min(m.value for m in marks if m.value is not None) - 1]
        hi = xs[max(m.value for m in marks if m.value is not None) - 1]
        far = s >= HIGHLIGHT_SPREAD
        thick = max(6, theme.px(size, 14 if far else 8))
        bar = Rect(lo, y - thick // 2, hi - lo, thick)
        pygame.draw.rect(surface, theme.HIGHLIGHT if far else theme.NEUTRAL_BAR, bar, border_radius=thick // 2)
        if far:
            pygame.draw.rect(surface, theme.INK, bar, width=2, border_radius=thick // 2)
            _badge(surface, plot, ui("apart", lang, n=s), (lo + hi) // 2)
    if case_view is not None:  # a diamond on the axis where the client is
        cx, r = xs[case_view - 1], max(6, theme.px(size, 13))
        diamond = [(cx, y - r), (cx + r, y), (cx, y + r), (cx - r, y)]
        pygame.draw.polygon(surface, CLIENT_FILL, diamond)
        pygame.draw.polygon(surface, theme.WHITE, diamond, width=2)
    # the chips (growing in during the reveal); the lowest and the highest with a thick outline
    low, high = extremes(marks)
    first = {m.player.id for m in low + high}
    t = min(1.0, max(0.0, progress))
    for p in plot.placed:
        chip = p.chip if t >= 1.0 else p.chip.inflate(-round(p.chip.w * (1 - t)), -round(p.chip.h * (1 - t)))
        radius = chip.h // 2
        pygame.draw.rect(surface, theme.rgb(p.mark.colour), chip, border_radius=radius)
        edge = max(2, theme.px(size, 4)) if p.mark.player.id in first else max(1, theme.px(size, 2))
        pygame.draw.rect(surface, theme.INK, chip, width=edge, border_radius=radius)
        if t >= 1.0:
            box = chip.inflate(-chip.h // 3, 0)
            ink = theme.rgb(text_on(p.mark.colour))
            theme.one_line(surface, p.label, box, plot.name_px, bold=True, colour=ink)
    if plot.client is not None:
        c = plot.client
        pygame.draw.rect(surface, CLIENT_FILL, c, border_radius=c.h // 2)
        pygame.draw.rect(surface, theme.WHITE, c, width=max(2, c.h // 14), border_radius=c.h // 2)
        icon = Rect(c.x + c.h // 5, c.y + c.h // 5, c.h * 3 // 5, c.h * 3 // 5)
        _person(surface, icon)
        label_r = Rect(icon.right + 2, c.y, c.right - icon.right - c.h // 3, c.h)
        theme.one_line(surface, plot.client_label, label_r, plot.name_px, bold=True, colour=theme.WHITE)


def _axis(surface: pygame.Surface, plot: Plot, labels: list[str]) -> None:
    """The line, its five places, the numbers and the words of the card's scale."""
    size = surface.get_size()
    xs, y = plot.xs, plot.axis_y
    pygame.draw.line(surface, theme.NEUTRAL_BAR, (xs[0], y), (xs[-1], y), max(2, theme.px(size, 4)))
    dot = max(4, theme.px(size, 7))
    for i, x in enumerate(xs):
        pygame.draw.circle(surface, theme.NEUTRAL_BAR, (x, y), dot)
        col = plot.columns[i]
        number_r = Rect(col.x, plot.numbers_row.y, col.w, plot.numbers_row.h)
        theme.one_line(surface, str(i + 1), number_r, theme.tpx(size, 26), bold=True)
        label_r = Rect(col.x + 2, plot.labels_row.y, col.w - 4, plot.labels_row.h)
        theme.one_line(surface, labels[i], label_r, theme.tpx(size, 20), colour=theme.INK_SOFT)


def _badge(surface: pygame.Surface, plot: Plot, label: str, centre_x: int) -> None:
    size = surface.get_size()
    row = plot.badge_row
    f = theme.font(theme.tpx(size, 24), True)
    w = min(row.w, f.size(label)[0] + theme.px(size, 28))
    badge = Rect(0, row.y + 2, w, row.h - 4)
    badge.centerx = min(max(centre_x, row.x + w // 2), row.right - w // 2)
    pygame.draw.rect(surface, theme.HIGHLIGHT, badge, border_radius=badge.h // 2)
    pygame.draw.rect(surface, theme.INK, badge, width=2, border_radius=badge.h // 2)
    theme.one_line(surface, label, badge.inflate(-theme.px(size, 16), -4), theme.tpx(size, 24), bold=True)


def _person(surface: pygame.Surface, box: Rect) -> None:
    """A small white person (head and shoulders) on the client's chip."""
    head = max(2, box.w // 4)
    pygame.draw.circle(surface, theme.WHITE, (box.centerx, box.y + head), head)
    body = Rect(box.x + box.w // 6, box.y + 2 * head + max(1, box.h // 12), box.w * 2 // 3, box.h // 2)
    clip = surface.get_clip()
    surface.set_clip(Rect(body.x, body.y, body.w, body.h // 2 + 1).clip(clip))  # the upper half: shoulders
    pygame.draw.ellipse(surface, theme.WHITE, body)
    surface.set_clip(clip)
