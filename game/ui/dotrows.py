"""The team's reveal at larger text: the five values as rows, each with its number and word at the left and the
names flowing on chips to the right (at 125–200 % five columns are too narrow for a name at the body size).

The same Plot as dotplot's: `rows` holds each value's row and `columns` each row's chip area. A row with many
names gets more lines; when the panel has no room for them all, its last chip says "+n" and the side panel
names who it stands for (TeamBoard). The spread is a bar down the rows, yellow from 2 apart.
"""

from __future__ import annotations

import pygame

from game.design.palette import text_on
from game.engine.signals import HIGHLIGHT_SPREAD
from game.i18n import ui
from game.ui import chipflow, dotplot, layout, theme
from game.ui.scale import Mark, spread_of

Rect = pygame.Rect
ROW_TINT = (243, 238, 230)


def wanted() -> bool:
    """Rows instead of columns: at larger text (five columns are too narrow for a name at the body size, and
    their scale words would not fit under them)."""
    return theme.text_scale > 1


def _items(marks: list[Mark], value: int, case_view: int | None, lang: str) -> list[chipflow.Item]:
    out: list[chipflow.Item] = []
    if case_view == value:
        out.append((ui("client_marker", lang), "client", dotplot.CLIENT_FILL, theme.WHITE))
    for m in marks:
        if m.value == value:
            out.append((m.player.name, m.player.id, theme.rgb(m.colour), theme.rgb(text_on(m.colour))))
    return out


def _number_w(size: tuple[int, int]) -> int:
    return theme.font(theme.tpx(size, 26), True).size("5")[0] + theme.px(size, 8)


def label_w(w: int, size: tuple[int, int], words: list[str]) -> int:
    """The width of the rows' number and word: the least share of the row (30–40 %) at which every word stands
    on one line at the small size (else 40 %, and a long word wraps)."""
    small = theme.small_px(size)
    line = theme.font(small).get_height()
    for share in (0.3, 0.33, 0.36, 0.4):
        lw = round(w * share)
        word_w = lw - _number_w(size) - theme.px(size, 8)
        if all(theme.fit(word, word_w, line, small, small).fits for word in words):
            return lw
    return round(w * 0.4)


def _parts(row: Rect, size: tuple[int, int], label_w: int) -> tuple[Rect, Rect, Rect, Rect]:
    """A row's number, its word, the spread bar's lane and the chips' area."""
    gap = theme.px(size, 8)
    number_w = _number_w(size)
    axis_w = theme.px(size, 28)
    number = Rect(row.x + gap, row.y, number_w, row.h)
    word = Rect(number.right, row.y, label_w - number_w - gap, row.h)
    axis = Rect(word.right + gap, row.y, axis_w, row.h)
    chips = Rect(axis.right + gap, row.y, row.right - axis.right - gap, row.h)
    return number, word, axis, chips


def plan(
    rect: Rect, size: tuple[int, int], marks: list[Mark], case_view: int | None, lang: str, words: list[str]
) -> dotplot.Plot:
    """Where the rows and chips go: each row as high as its word and its lines of chips need; the row with
    the most lines gives one up until the panel holds them all (the rest then in a "+n" chip)."""
    inner = layout.inset(rect, theme.px(size, 12), theme.px(size, 4))
    gap = max(2, theme.px(size, 4))
    small = theme.small_px(size)
    everyone = [m.player.name for m in marks]
    items = [_items(marks, v, case_view, lang) for v in range(1, 6)]
    lw = label_w(inner.w, size, words)
    probe = _parts(Rect(inner.x, 0, inner.w, 10_000), size, lw)
    word_h = []
    for w in words:
        fitted = theme.fit(w, probe[1].w, 10_000, small, small)
        word_h.append(fitted.height)
    line_h = chipflow.chip_h(size) + gap
    need = [chipflow.flow(probe[3], it, size, None, everyone)[1] if it else 0 for it in items]

    room = inner.h - 4 * gap
    least_lines = 1  # an empty row as high as a line of chips, when there is room for that

    def height(i: int, n: int) -> int:
        return max(word_h[i] + gap, max(n, least_lines) * line_h + gap)

    got = list(need)
    if sum(height(i, n) for i, n in enumerate(got)) > room:
        least_lines = 0  # first the empty rows give up their room (down to their word), then the fullest row
    while sum(height(i, n) for i, n in enumerate(got)) > room and max(got) > 1:
        got[got.index(max(got))] -= 1
    if sum(height(i, n) for i, n in enumerate(got)) > room:  # very low: the rows touch
        room += 4 * gap
        gap = 0
    spare = max(0, room - sum(height(i, n) for i, n in enumerate(got))) // 5
    placed: list[dotplot.Placed] = []
    more: list[chipflow.Chip] = []
    client = None
    rows, cells = [], []
    by_id = {m.player.id: m for m in marks}
    y = inner.y
    for i, (it, n) in enumerate(zip(items, got, strict=True)):
        row = Rect(inner.x, y, inner.w, height(i, n) + spare)
        cell = _parts(row, size, lw)[3]
        chips_h = max(1, n) * line_h + gap
        cell = Rect(cell.x, row.y + (row.h - chips_h) // 2, cell.w, chips_h)
        rows.append(row)
        cells.append(cell)
        for c in chipflow.flow(cell, it, size, max(1, n), everyone)[0] if it else []:
            if c.player == "client":
                client = c.rect
            elif c.player == "more":
                more.append(c)
            else:
                placed.append(dotplot.Placed(by_id[c.player], c.rect, c.label))
        y = row.bottom + gap
    word = _parts(inner, size, lw)[1]
    return dotplot.Plot(
        rect, inner, tuple(cells), tuple(r.centery for r in rows), Rect(inner.x, inner.y, 0, 0),
        Rect(inner.x, inner.bottom, inner.w, 0), inner.bottom, word, word, line_h, tuple(placed), client,
        ui("client_marker", lang), theme.body_px(size), tuple(rows), tuple(more),
    )


def hidden(plot: dotplot.Plot, marks: list[Mark]) -> list[tuple[int, list[Mark]]]:
    """Per value, who has no chip of their own (counted in its "+n")."""
    shown = {p.mark.player.id for p in plot.placed}
    out: dict[int, list[Mark]] = {}
    for m in marks:
        if m.value is not None and m.player.id not in shown:
            out.setdefault(m.value, []).append(m)
    return sorted(out.items())


def draw(
    surface: pygame.Surface, plot: dotplot.Plot, words: list[str], lang: str, progress: float = 1.0,
    case_view: int | None = None,
) -> None:
    """The panel, a row per value (number, word, its place on the spread bar), the chips and the client."""
    size = surface.get_size()
    theme.panel(surface, plot.panel, radius=theme.px(size, 14))
    marks = [p.mark for p in plot.placed]
    for i, row in enumerate(plot.rows):
        if i % 2 == 0:
            pygame.draw.rect(surface, ROW_TINT, row, border_radius=theme.px(size, 8))
        if case_view == i + 1:  # the case client's own value: outlined
            pygame.draw.rect(surface, theme.INK, row, width=max(2, theme.px(size, 3)), border_radius=theme.px(size, 8))
        number, word, _, _ = _parts(row, size, plot.labels_row.right - row.x)
        theme.one_line(surface, str(i + 1), number, theme.tpx(size, 26), bold=True)
        theme.text(surface, words[i], word, theme.small_px(size), colour=theme.INK_SOFT, valign="middle")
    _spread(surface, plot, marks, lang)
    low, high = dotplot.extremes(marks)
    first = {m.player.id for m in low + high}
    t = min(1.0, max(0.0, progress))
    chips = [chipflow.Chip(p.label, p.chip, theme.rgb(p.mark.colour), theme.rgb(text_on(p.mark.colour)),
                           p.mark.player.id) for p in plot.placed]
    if plot.client is not None:
        chips.insert(0, chipflow.Chip(plot.client_label, plot.client, dotplot.CLIENT_FILL, theme.WHITE, "client"))
    for c in [*chips, *plot.more]:
        if t >= 1.0:
            chipflow.draw(surface, c, thick=c.player in first)
        else:  # growing in during the reveal
            grow = c.rect.inflate(-round(c.rect.w * (1 - t)), -round(c.rect.h * (1 - t)))
            pygame.draw.rect(surface, c.colour, grow, border_radius=grow.h // 2)


def _spread(surface: pygame.Surface, plot: dotplot.Plot, marks: list[Mark], lang: str) -> None:
    """A dot on each row's place of the bar; the bar from the lowest to the highest value, yellow from 2 apart."""
    size = surface.get_size()
    axes = [_parts(r, size, plot.labels_row.right - r.x)[2] for r in plot.rows]
    x = axes[0].centerx
    pygame.draw.line(surface, theme.NEUTRAL_BAR, (x, axes[0].centery), (x, axes[-1].centery),
                     max(2, theme.px(size, 4)))
    for a in axes:
        pygame.draw.circle(surface, theme.NEUTRAL_BAR, a.center, max(4, theme.px(size, 7)))
    s = spread_of(marks)
    if not s:
        return
    values = [m.value for m in marks if m.value is not None]
    lo, hi = axes[min(values) - 1].centery, axes[max(values) - 1].centery
    far = s >= HIGHLIGHT_SPREAD
    thick = max(6, theme.px(size, 14 if far else 8))
    bar = Rect(x - thick // 2, lo, thick, hi - lo)
    pygame.draw.rect(surface, theme.HIGHLIGHT if far else theme.NEUTRAL_BAR, bar, border_radius=thick // 2)
    if far:
        pygame.draw.rect(surface, theme.INK, bar, width=2, border_radius=thick // 2)
