"""The end of a team training or practice session: one strip per card (a feature played with several cards gets
a strip for each), with the question, every name on the value it chose, the case client's own view on the same
1–5 track, and the spread: yellow from 2 apart, plain at 1 (one rule everywhere). Who skipped is named. One
person practising alone reads "jij 4 · cliënt 5". SummaryScene draws the strips, the notes and the questions.
"""

from __future__ import annotations

from dataclasses import dataclass

import pygame

from game.engine.signals import HIGHLIGHT_SPREAD
from game.i18n import ui
from game.model.deck import Deck
from game.model.session import Mode, RoundSummary, SessionSummary
from game.record import question_of
from game.ui import chipflow, dotplot, layout, theme
from game.ui.chipflow import Chip
from game.ui.team_words import short

Rect = pygame.Rect
ROW_TINT = (243, 238, 230)
CELL_TINT = (236, 230, 219)


@dataclass(frozen=True)
class Strip:
    round: RoundSummary
    number: int
    rect: Rect
    label: Rect  # the card: feature and question
    cells: tuple[Rect, ...]  # the values 1–5
    chips: tuple[Chip, ...]
    spread: Rect  # the spread (team) or "jij 4 · cliënt 5" (alone)


def subtitle(summary: SessionSummary, lang: str, room: tuple[int, tuple[int, int]] | None = None) -> str:
    """Who played, the case, the trainer, the date, whether it ended early. `room` (width, window size): at
    larger text the date, then the trainer, then the case are left out until the line fits at the small size."""
    case = ui("case_head", lang, title=summary.case.title) if summary.case else ""
    date = f"{summary.started_at:%d-%m-%Y}"
    trainer = ui("trainer_is", lang, name=summary.trainer) if summary.trainer else ""
    early = ui("ended_early", lang) if summary.ended_early else ""
    for drop in ((), (date,), (date, trainer), (date, trainer, case)):
        shown = "" if case in drop else case
        if summary.mode == Mode.PRACTICE:
            parts = [ui("practice_summary_sub", lang, case=shown)]
        else:
            parts = [ui("team_summary_sub", lang, n=len(summary.players), case=shown)]
        parts += [p for p in (trainer, date, early) if p and p not in drop]
        line = " · ".join(p.strip(" ·") for p in parts)
        if room is None or theme.text_scale <= 1:
            return line
        width, size = room
        small = theme.small_px(size)
        if theme.fit(line, width, theme.font(small).get_height(), small, small).fits:  # on one line
            break
    return line


def body_px(size: tuple[int, int]) -> int:
    """No name or number of the strips is drawn smaller than the window's body size."""
    return theme.body_px(size)


def alone(summary: SessionSummary) -> bool:
    return len(summary.players) == 1


def split(body: Rect, gap: int, summary: SessionSummary, size: tuple[int, int]) -> tuple[Rect, Rect, Rect]:
    """The strips on top, as high as they need (the record first); the notes and the questions below."""
    bottom_least = theme.px(size, 96)  # a title and two lines of notes
    need = strips_height(Rect(body.x, body.y, body.w, body.h), summary, size)
    top_h = max(min(need, body.h - bottom_least - gap), round(body.h * 0.5))
    top = Rect(body.x, body.y, body.w, min(top_h, body.h - bottom_least - gap))
    rest = Rect(body.x, top.bottom + gap, body.w, body.bottom - top.bottom - gap)
    notes, questions = layout.cols(rest, [0.5, 0.5], gap)
    return top, notes, questions


def _frame(panel: Rect, size: tuple[int, int]) -> tuple[Rect, Rect, Rect]:
    """Inside the panel: the title row, the row with 1–5 over the cells, and the strips' area."""
    inner = layout.inset(panel, theme.px(size, 14), theme.px(size, 10))
    head_h = theme.font(body_px(size), True).get_height() + 2
    title_r, head_r, rows_r = layout.rows(inner, [theme.px(size, 30), head_h, 1], theme.px(size, 4))
    return title_r, head_r, rows_r


def _columns(row: Rect, size: tuple[int, int], one: bool = False) -> tuple[Rect, Rect, Rect]:
    """The card's words, the 1–5 track, and the spread (alone: the wider "jij 4 · cliënt 5")."""
    gap = theme.px(size, 8)
    return layout.cols(row, [0.26, 0.46, 0.28] if one else [0.27, 0.55, 0.18], gap)


def _cells(track: Rect) -> tuple[Rect, ...]:
    step = track.w / 5
    return tuple(Rect(round(track.x + step * i), track.y, round(step) - 2, track.h) for i in range(5))


def shown_names(summary: SessionSummary, lang: str) -> list[str]:
    """Every player's name as the strips show it ("Jij" for one practising alone)."""
    return [ui("you_name", lang)] if alone(summary) else [p.name for p in summary.players]


def _items(rnd: RoundSummary, summary: SessionSummary, value: int, lang: str) -> list[tuple[str, str, tuple, tuple]]:
    """Who stands on this value: the case client first (dark), then the players in their colours."""
    from game.design.palette import text_on

    out = []
    if rnd.case_view == value:
        out.append((ui("client_marker", lang), "client", dotplot.CLIENT_FILL, theme.WHITE))
    index = {p.id: i for i, p in enumerate(summary.players)}
    names = {p.id: p.name for p in summary.players}
    for e in rnd.estimates:
        if e.value == value:
            colour = theme.player_colour(index.get(e.player, 0))
            name = ui("you_name", lang) if alone(summary) else names.get(e.player, e.player)
            out.append((name, e.player, theme.rgb(colour), theme.rgb(text_on(colour))))
    return out


def plan(panel: Rect, summary: SessionSummary, deck: Deck, lang: str, size: tuple[int, int]) -> list[Strip]:
    """Where each card's strip and its chips go (as many lines per strip as room allows, at least one)."""
    _, _, rows_r = _frame(panel, size)
    rounds = summary.rounds
    if not rounds:
        return []
    h1 = chipflow.chip_h(size) + 2 * max(2, theme.px(size, 4))
    label_h = 2 * theme.font(body_px(size)).get_height() + theme.px(size, 6)
    gap = max(2, theme.px(size, 4))
    need = [max(1, _lines_needed(rows_r, rnd, summary, lang, size)) for rnd in rounds]
    room = rows_r.h - gap * (len(rounds) - 1)

    def height(n: int) -> int:
        return max(label_h, h1 + (n - 1) * (h1 - gap))

    got = list(need)  # the strip with the most lines gives one up first, until all fit
    while sum(height(n) for n in got) > room and max(got) > 1:
        got[got.index(max(got))] -= 1
    if sum(height(n) for n in got) > room:  # very low: one line each, without room for the question
        label_h = h1
    strips: list[Strip] = []
    y = rows_r.y
    for k, (rnd, n) in enumerate(zip(rounds, got, strict=True)):
        h = height(n)
        row = Rect(rows_r.x, y, rows_r.w, h)
        label, track, spread = _columns(row, size, alone(summary))
        cells = _cells(track)
        chips: list[Chip] = []
        for v, cell in zip(range(1, 6), cells, strict=True):
            chips += chipflow.flow(cell, _items(rnd, summary, v, lang), size, n, shown_names(summary, lang))[0]
        strips.append(Strip(rnd, k + 1, row, label, cells, tuple(chips), spread))
        y += h + gap
    return strips


def _lines_needed(rows_r: Rect, rnd: RoundSummary, summary: SessionSummary, lang: str, size) -> int:
    _, track, _ = _columns(Rect(rows_r.x, 0, rows_r.w, 1000), size, alone(summary))
    cells = zip(range(1, 6), _cells(track), strict=True)
    everyone = shown_names(summary, lang)
    return max(chipflow.flow(cell, _items(rnd, summary, v, lang), size, None, everyone)[1] for v, cell in cells)


def strips_height(body: Rect, summary: SessionSummary, size: tuple[int, int]) -> int:
    """How high the strips' panel would be with every name shown (the panel's title and head included)."""
    title_r, head_r, rows_r = _frame(body, size)
    h1 = chipflow.chip_h(size) + 2 * max(2, theme.px(size, 4))
    gap = max(2, theme.px(size, 4))
    label_h = 2 * theme.font(body_px(size)).get_height() + theme.px(size, 6)
    total = sum(
        max(label_h, h1 + (_lines_needed(rows_r, rnd, summary, "en", size) - 1) * (h1 - gap)) + gap
        for rnd in summary.rounds
    )
    return rows_r.y - body.y + total + theme.px(size, 10)


def draw(surface: pygame.Surface, panel: Rect, summary: SessionSummary, deck: Deck, lang: str) -> list[Strip]:
    """The panel with a strip per card; returns the plan (tests measure it)."""
    size = surface.get_size()
    px = body_px(size)
    theme.panel(surface, panel, radius=theme.px(size, 14))
    title_r, head_r, rows_r = _frame(panel, size)
    title_r, legend_r = layout.cols(title_r, [0.5, 0.5], theme.px(size, 8))
    title = ui("practice_per_card" if alone(summary) else "per_card", lang)
    theme.text(surface, title, title_r, theme.tpx(size, 24), bold=True, valign="middle", min_px=px)
    theme.one_line(surface, ui("client_chip_legend", lang), legend_r, px, colour=theme.INK_SOFT, align="right")
    if not summary.rounds:
        theme.text(surface, ui("no_rounds", lang), rows_r, theme.tpx(size, 24), align="center", valign="middle")
        return []
    strips = plan(panel, summary, deck, lang, size)
    _, track, spread_head = _columns(head_r, size, alone(summary))
    for v, cell in zip(range(1, 6), _cells(track), strict=True):
        theme.one_line(surface, str(v), cell, px, bold=True)
    head = ui("practice_you_client" if alone(summary) else "spread_head", lang)
    theme.one_line(surface, head, spread_head, px, bold=True)
    for s in strips:
        _draw_strip(surface, s, summary, deck, lang)
    return strips


def _draw_strip(surface: pygame.Surface, s: Strip, summary: SessionSummary, deck: Deck, lang: str) -> None:
    size = surface.get_size()
    px = body_px(size)
    rnd = s.round
    if s.number % 2:
        pygame.draw.rect(surface, ROW_TINT, s.rect, border_radius=6)
    feature = deck.feature(rnd.feature)
    bar = Rect(s.label.x, s.rect.y + 3, max(6, theme.px(size, 8)), s.rect.h - 6)
    pygame.draw.rect(surface, theme.rgb(feature.colour), bar, border_radius=3)
    text_r = Rect(bar.right + theme.px(size, 6), s.rect.y, s.label.right - bar.right - theme.px(size, 6), s.rect.h)
    name = f"{s.number}. {feature.name[lang]}"
    question = question_of(summary, rnd, deck, lang)
    font = theme.font(px)
    if question and s.rect.h >= 2 * font.get_height():
        top, bottom = layout.rows(text_r, [1, 1])
        theme.one_line(surface, name, top, px, bold=True, align="left")
        theme.one_line(surface, f"“{theme.shorten(question, bottom.w - font.size('””')[0], font)}”", bottom, px,
                       colour=theme.INK_SOFT, align="left")
    else:
        theme.one_line(surface, name, text_r, px, bold=True, align="left")
    for v, cell in zip(range(1, 6), s.cells, strict=True):
        tint = Rect(cell.x, s.rect.y + 2, cell.w, s.rect.h - 4)
        pygame.draw.rect(surface, CELL_TINT if v % 2 else (241, 236, 227), tint, border_radius=4)
        if rnd.case_view == v:  # the case client's own value: outlined
            pygame.draw.rect(surface, theme.INK, tint, width=max(2, theme.px(size, 3)), border_radius=4)
    for chip in s.chips:
        chipflow.draw(surface, chip)
    _draw_spread(surface, s, summary, lang)


def spread_words(summary: SessionSummary, rnd: RoundSummary, lang: str) -> tuple[str, bool]:
    """The spread in words and whether it is yellow (from 2 apart); alone: "jij 4 · cliënt 5"."""
    if alone(summary):
        mine = next((e.value for e in rnd.estimates), None)
        client = "–" if rnd.case_view is None else str(rnd.case_view)
        if mine is None:
            return ui("practice_strip_passed", lang, client=client), False
        far = rnd.case_view is not None and abs(mine - rnd.case_view) >= HIGHLIGHT_SPREAD
        return ui("practice_strip", lang, you=mine, client=client), far
    if rnd.spread is None:
        return "", False
    return (ui("apart", lang, n=rnd.spread) if rnd.spread else ui("same_short", lang)), rnd.highlighted


def _draw_spread(surface: pygame.Surface, s: Strip, summary: SessionSummary, lang: str) -> None:
    """Team: the spread (yellow from 2 apart) and who skipped. Alone: "jij 4 · cliënt 5", yellow from 2 apart."""
    px = body_px(surface.get_size())
    rnd = s.round
    text, far = spread_words(summary, rnd, lang)
    passed = [p.name for p in summary.players for e in rnd.estimates if e.player == p.id and e.value is None]
    top = s.spread
    if passed and not alone(summary):
        top, bottom = layout.rows(s.spread, [1, 1])
        note = ui("skipped_by", lang, names=", ".join(short(n, 12) for n in passed))
        theme.one_line(surface, note, bottom, px, colour=theme.INK_SOFT)
    if text:
        badge(surface, top, text, far, px)


def badge(surface: pygame.Surface, box: Rect, text: str, far: bool, px: int) -> None:
    font = theme.font(px, True)
    h = min(box.h - 4, font.get_height() + 6)
    w = min(box.w, font.size(text)[0] + h)
    badge = Rect(0, 0, w, h)
    badge.center = box.center
    if far:
        pygame.draw.rect(surface, theme.HIGHLIGHT, badge, border_radius=h // 2)
        pygame.draw.rect(surface, theme.INK, badge, width=2, border_radius=h // 2)
    theme.one_line(surface, text, badge.inflate(-h // 3, 0), px, bold=far)
