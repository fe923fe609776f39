"""The end of a team training or practice session: per topic where the team's estimates lay, how far apart
they were and how far from the case client's own view; per person each estimate and its distance to the
client. SummaryScene draws these two tables (and the notes and questions as in a conversation)."""

from __future__ import annotations

from statistics import mean

import pygame

from game.i18n import ui
from game.model.deck import Deck
from game.model.session import Mode, RoundSummary, SessionSummary
from game.ui import layout, theme

Rect = pygame.Rect
ROW_TINT = (243, 238, 230)


def distance(value: int | None, case_view: int | None) -> int | None:
    return abs(value - case_view) if value is not None and case_view is not None else None


def mean_distance(rnd: RoundSummary) -> float | None:
    """How far the team's estimates lay from the case client's view, on average."""
    ds = [d for e in rnd.estimates if (d := distance(e.value, rnd.case_view)) is not None]
    return mean(ds) if ds else None


def number(value: float, lang: str) -> str:
    """1.5 as "1,5" in Dutch; whole numbers without a decimal."""
    text = f"{value:.1f}".rstrip("0").rstrip(".")
    return text.replace(".", ",") if lang == "nl" else text


def subtitle(summary: SessionSummary, lang: str) -> str:
    case = ui("case_head", lang, title=summary.case.title) if summary.case else ""
    if summary.mode == Mode.PRACTICE:
        parts = [ui("practice_summary_sub", lang, case=case)]
    else:
        parts = [ui("team_summary_sub", lang, n=len(summary.players), case=case)]
    if summary.trainer:
        parts.append(ui("trainer_is", lang, name=summary.trainer))
    parts.append(f"{summary.started_at:%d-%m-%Y}")
    if summary.ended_early:
        parts.append(ui("ended_early", lang))
    return " · ".join(parts)


def common_px(texts: list[str], cells: list[Rect], max_px: int, bold: bool = True) -> int:
    """The largest size (max_px or less) at which every text fits its cell on one line."""
    px = max_px
    while px > 8 and any(theme.font(px, bold).size(t)[0] > c.w for t, c in zip(texts, cells, strict=True)):
        px -= 1
    return px


def _rows(inner: Rect, n: int, size: tuple[int, int]) -> tuple[Rect, list[Rect]]:
    """A header row and n rows below it, each at most 56 px (at 1280×720) high."""
    row_h = min(theme.px(size, 56), inner.h // (n + 1))
    header = Rect(inner.x, inner.y, inner.w, row_h)
    return header, [Rect(inner.x, inner.y + (k + 1) * row_h, inner.w, row_h) for k in range(n)]


def _chip_name(
    surface: pygame.Surface, cell: Rect, colour: str, label: str, px: int, bold: bool = False
) -> None:
    chip = Rect(cell.x, 0, max(6, cell.h // 4), cell.h * 3 // 5)
    chip.centery = cell.centery
    pygame.draw.rect(surface, theme.rgb(colour), chip, border_radius=3)
    theme.text(
        surface,
        label,
        Rect(chip.right + 6, cell.y, cell.w - chip.w - 6, cell.h),
        px,
        valign="middle",
        bold=bold,
        min_px=8,
    )


def draw_topics(surface: pygame.Surface, panel: Rect, summary: SessionSummary, deck: Deck, lang: str) -> None:
    """Per round: the topic, how many chose 1…5 (the client's value outlined), the spread, the client's view
    and the team's average distance to it."""
    size = surface.get_size()
    theme.panel(surface, panel, radius=theme.px(size, 14))
    inner = layout.inset(panel, theme.px(size, 14), theme.px(size, 10))
    title_r, table_r = layout.rows(inner, [theme.px(size, 32), 1], theme.px(size, 4))
    title_r, legend_r = layout.cols(title_r, [0.45, 0.55], theme.px(size, 8))
    theme.text(
        surface, ui("per_topic", lang), title_r, theme.px(size, 24), bold=True, valign="middle", min_px=10
    )
    box = Rect(legend_r.x, 0, legend_r.h * 3 // 4, legend_r.h * 3 // 4)
    box.centery = legend_r.centery
    pygame.draw.rect(surface, theme.INK, box, width=max(2, theme.px(size, 3)), border_radius=4)
    theme.one_line(
        surface,
        ui("client_legend", lang),
        Rect(box.right + 6, legend_r.y, legend_r.right - box.right - 6, legend_r.h),
        theme.px(size, 18),
        colour=theme.INK_SOFT,
        align="left",
    )
    rounds = summary.rounds
    if not rounds:
        theme.text(
            surface, ui("no_rounds", lang), table_r, theme.px(size, 24), align="center", valign="middle"
        )
        return
    header, rows = _rows(table_r, len(rounds), size)
    gap = theme.px(size, 6)
    weights = [0.28, 0.34, 0.12, 0.11, 0.15]
    head_cells = layout.cols(header, weights, gap)
    heads = [ui("topic", lang), ui("spread_head", lang), ui("client_head", lang), ui("distance_avg", lang)]
    head_px = common_px(heads, [head_cells[0], *head_cells[2:]], theme.px(size, 20))
    theme.one_line(surface, heads[0], head_cells[0], head_px, bold=True, align="left")
    for v, cell in zip(range(1, 6), layout.cols(head_cells[1], [1] * 5, 2), strict=True):
        theme.one_line(surface, str(v), cell, head_px, bold=True)
    for text, cell in zip(heads[1:], head_cells[2:], strict=True):
        theme.one_line(surface, text, cell, head_px, bold=True)
    most = max(1, len(summary.players))
    for k, (rnd, row) in enumerate(zip(rounds, rows, strict=True)):
        if k % 2 == 0:
            pygame.draw.rect(surface, ROW_TINT, row, border_radius=6)
        cells = layout.cols(row, weights, gap)
        feature = deck.feature(rnd.feature)
        _chip_name(surface, cells[0], feature.colour, f"{k + 1}. {feature.name[lang]}", theme.px(size, 20))
        counts = [0] * 5
        for e in rnd.estimates:
            if e.value is not None:
                counts[e.value - 1] += 1
        for v, cell in zip(range(1, 6), layout.cols(cells[1], [1] * 5, 2), strict=True):
            box = cell.inflate(-2, -max(4, row.h // 6))
            n = counts[v - 1]
            shade = 250 - round(90 * n / most)
            pygame.draw.rect(surface, (shade, shade - 4, shade - 12), box, border_radius=4)
            if rnd.case_view == v:  # the case client's own view: a thick dark outline
                pygame.draw.rect(surface, theme.INK, box, width=max(2, theme.px(size, 3)), border_radius=4)
            if n:
                theme.one_line(surface, str(n), box.inflate(-2, -2), theme.px(size, 20), bold=True)
        spread = cells[2]
        if rnd.spread is not None:
            if rnd.highlighted:
                badge = spread.inflate(-spread.w // 6, -row.h // 4)
                pygame.draw.rect(surface, theme.HIGHLIGHT, badge, border_radius=badge.h // 2)
                pygame.draw.rect(surface, theme.INK, badge, width=2, border_radius=badge.h // 2)
                theme.one_line(surface, str(rnd.spread), badge.inflate(-6, -4), theme.px(size, 20), bold=True)
            else:
                theme.one_line(surface, str(rnd.spread), spread, theme.px(size, 20))
        if rnd.case_view is not None:
            theme.one_line(surface, str(rnd.case_view), cells[3], theme.px(size, 22), bold=True)
        avg = mean_distance(rnd)
        if avg is not None:
            theme.one_line(surface, number(avg, lang), cells[4], theme.px(size, 20))


def draw_people(surface: pygame.Surface, panel: Rect, summary: SessionSummary, deck: Deck, lang: str) -> None:
    """Per person and round: the estimate and, in brackets, how far it lay from the case client's view."""
    size = surface.get_size()
    theme.panel(surface, panel, radius=theme.px(size, 14))
    inner = layout.inset(panel, theme.px(size, 14), theme.px(size, 10))
    title_r, table_r = layout.rows(inner, [theme.px(size, 32), 1], theme.px(size, 4))
    title = ui("practice_per_person" if summary.mode == Mode.PRACTICE else "per_person", lang)
    theme.text(surface, title, title_r, theme.px(size, 24), bold=True, valign="middle", min_px=10)
    rounds = summary.rounds
    players = summary.players
    if not rounds:
        return
    table_r, legend_r = layout.rows(table_r, [1, theme.px(size, 28)], theme.px(size, 4))
    theme.one_line(
        surface, ui("cell_legend", lang), legend_r, theme.px(size, 18), colour=theme.INK_SOFT, align="left"
    )
    header, rows = _rows(table_r, len(players), size)
    gap = theme.px(size, 6)
    weights = [0.34] + [0.66 / len(rounds)] * len(rounds)
    for k, (rnd, cell) in enumerate(zip(rounds, layout.cols(header, weights, gap)[1:], strict=True)):
        feature = deck.feature(rnd.feature)
        chip = Rect(cell.x + 2, cell.bottom - max(4, cell.h // 6), cell.w - 4, max(4, cell.h // 6))
        pygame.draw.rect(surface, theme.rgb(feature.colour), chip, border_radius=chip.h // 2)
        theme.one_line(
            surface, str(k + 1), Rect(cell.x, cell.y, cell.w, chip.y - cell.y), theme.px(size, 20), bold=True
        )
    for i, (p, row) in enumerate(zip(players, rows, strict=True)):
        if i % 2 == 0:
            pygame.draw.rect(surface, ROW_TINT, row, border_radius=6)
        cells = layout.cols(row, weights, gap)
        _chip_name(surface, cells[0], theme.player_colour(i), f"{i + 1}. {p.name}", theme.px(size, 20))
        for rnd, cell in zip(rounds, cells[1:], strict=True):
            est = next((e for e in rnd.estimates if e.player == p.id), None)
            if est is None or est.value is None:
                theme.one_line(surface, "–", cell, theme.px(size, 20), colour=theme.INK_SOFT)
                continue
            d = distance(est.value, rnd.case_view)
            text = str(est.value) if d is None else f"{est.value} ({d})"
            theme.one_line(surface, text, cell, theme.px(size, 20))
