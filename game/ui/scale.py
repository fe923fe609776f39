"""The reveal at a glance: everyone's estimate on the 1–5 scale, a bar between them, a badge when far apart.

And the words for it: who sees it more positively (for friction a lower number is more positive).
"""

from __future__ import annotations

from dataclasses import dataclass
from statistics import mean

import pygame

from game.design.palette import text_on
from game.engine.signals import HIGHLIGHT_SPREAD, more_positive
from game.i18n import ui
from game.model.deck import Deck, Polarity
from game.model.session import Estimate, Mode, Player, Role, Setup
from game.ui import layout, theme

Rect = pygame.Rect
MIN_TOKEN = 10  # px: the smallest radius of a player's token on the scale


@dataclass(frozen=True)
class Mark:
    """One player's place on the scale."""

    player: Player
    colour: str
    value: int | None  # None: passed
    guess: int | None = None


def marks(setup: Setup, estimates: dict[str, Estimate]) -> list[Mark]:
    return [
        Mark(p, theme.player_colour(i), estimates[p.id].value, estimates[p.id].guess)
        for i, p in enumerate(setup.players)
        if p.id in estimates
    ]


def spread_of(ms: list[Mark]) -> int | None:
    vals = [m.value for m in ms if m.value is not None]
    return max(vals) - min(vals) if len(vals) >= 2 else None


def emphasis(spread: int | None) -> int:
    """How loud the reveal speaks: 0 when the same or 1 apart (calm), then 1, 2, 3 for 2, 3, 4 apart."""
    if spread is None or spread < HIGHLIGHT_SPREAD:
        return 0
    return spread - HIGHLIGHT_SPREAD + 1


def talk_hint(ms: list[Mark], lang: str) -> str:
    """The line under the scale, for what the cards show: the same, close, far apart, or a pass."""
    if ms and all(m.value is None for m in ms):
        return ui("talk_all_passed", lang)
    if any(m.value is None for m in ms):
        return ui("talk_passed", lang)  # a pass is a pass: no question about a difference
    s = spread_of(ms)
    if s is None:
        return ""
    if s == 0:
        return ui("talk_same", lang)
    if s < HIGHLIGHT_SPREAD:
        return ui("talk_close", lang)
    return ui("talk_apart" if s == HIGHLIGHT_SPREAD else "talk_far", lang)


def sentences(
    deck: Deck, setup: Setup, feature_id: str, ms: list[Mark], lang: str
) -> tuple[list[str], list[str]]:
    """What the reveal says in words: the main message (close or apart, who sees it more positively) and the
    smaller notes (who skipped, the guesses of "guess the other", that lower is better for friction)."""
    main: list[str] = []
    notes: list[str] = []
    s = spread_of(ms)
    helps = deck.feature(feature_id).polarity == Polarity.HELPS
    if s is not None:
        if s == 0:
            main.append(ui("same", lang))
        else:
            if s < HIGHLIGHT_SPREAD:
                main.append(ui("close", lang))
            who = _more_positive(setup, ms, helps)
            if who is not None:
                main.append(ui("more_positive" if helps else "less_friction", lang, name=who))
    for m in ms:
        if m.value is None:
            notes.append(ui("passed", lang, name=m.player.name))
    guesses = []
    for m in ms:
        other = next((o for o in ms if o.player.id != m.player.id), None)
        if m.guess is None or other is None or other.value is None:
            continue
        guesses.append(m.guess == other.value)
        if m.guess == other.value:
            notes.append(ui("guess_right", lang, name=m.player.name, other=other.player.name, guess=m.guess))
        else:
            notes.append(ui("guess_off", lang, name=m.player.name, other=other.player.name, guess=m.guess))
    if len(guesses) >= 2 and all(guesses):
        main.append(ui("in_line", lang))  # both guessed the other right: 'op één lijn'
    if not helps:
        notes.append(ui("lower_better", lang))
    return main, notes


def _more_positive(setup: Setup, ms: list[Mark], helps: bool) -> str | None:
    """The name of who sees it more positively: the client or the professional side (conversation only)."""
    if setup.mode != Mode.CONVERSATION:
        return None
    sides: dict[Role, list[int]] = {Role.CLIENT: [], Role.PROFESSIONAL: []}
    for m in ms:
        if m.value is not None:
            sides[m.player.role].append(m.value)
    if not sides[Role.CLIENT] or not sides[Role.PROFESSIONAL]:
        return None
    client, pro = mean(sides[Role.CLIENT]), mean(sides[Role.PROFESSIONAL])
    if client == pro:
        return None
    # more_positive compares numbers; scaled by 2 to keep halves of a mean exact
    role = more_positive(helps, round(client * 2), round(pro * 2))
    names = [m.player.name for m in ms if m.player.role == role and m.value is not None]
    return " & ".join(names) if names else None


def draw(
    surface: pygame.Surface, rect: Rect, labels: list[str], ms: list[Mark], lang: str, progress: float = 1.0
) -> Rect:
    """The scale strip: positions 1–5 with their labels (the card's scale), a token per player, the bar, a badge.

    progress < 1 draws the tokens growing in (the reveal animation). Returns the band the tokens lie in.
    """
    size = surface.get_size()
    theme.panel(surface, rect, radius=theme.px(size, 14))
    inner = layout.inset(rect, theme.px(size, 12), theme.px(size, 10))
    step = inner.w / 5
    small = theme.small_px(size)
    num_px = theme.tpx(size, 26)
    badge_r, line_r, labels_r, with_labels, column_rows = _rows(size, inner, labels)
    xs = [round(inner.x + step * (i + 0.5)) for i in range(5)]
    y = line_r.centery
    radius = max(MIN_TOKEN, min(line_r.h // 2 - 2, round(step * 0.2)))
    # the line and its five positions
    pygame.draw.line(surface, theme.NEUTRAL_BAR, (xs[0], y), (xs[-1], y), max(2, radius // 6))
    for i, x in enumerate(xs):
        pygame.draw.aacircle(surface, theme.NEUTRAL_BAR, (x, y), max(4, radius // 3))
        column = Rect(round(x - step / 2) + 1, labels_r.y, round(step) - 2, labels_r.h)
        num_r, lab_r = layout.rows(column, column_rows if with_labels else [1, 0])
        theme.one_line(surface, str(i + 1), num_r, num_px, bold=True)
        if with_labels:  # else: too long for a fifth of the strip in this text size (the cards show them)
            theme.text(surface, labels[i], lab_r, max(theme.tpx(size, 18), small), colour=theme.INK_SOFT,
                       align="center", min_px=small)
    placed = [m for m in ms if m.value is not None]
    s = spread_of(ms)
    if len(placed) >= 2 and s:
        lo = xs[min(m.value for m in placed) - 1]
        hi = xs[max(m.value for m in placed) - 1]
        level = emphasis(s)  # the bar and the badge grow with the gap: 4 apart looks bigger than 2
        thick = max(4, radius // 3) if not level else max(8, round(radius * (0.5 + 0.3 * level)))
        bar = Rect(lo, y - thick // 2, hi - lo, thick)
        if level:
            pygame.draw.rect(surface, theme.HIGHLIGHT, bar, border_radius=thick // 2)
            pygame.draw.rect(surface, theme.INK, bar, width=1 + level, border_radius=thick // 2)
            label = ui("apart", lang, n=s)
            badge_h = round(badge_r.h * (0.64 + 0.12 * level))
            text_px = max(small, min(round(badge_h * 0.62), theme.tpx(size, 22 + 5 * level)))
            badge_h = min(badge_r.h, max(badge_h, theme.font(text_px, True).get_height() + 4))
            f = theme.font(text_px, True)
            bw = min(inner.w, f.size(label)[0] + badge_h)
            badge = Rect(0, badge_r.bottom - badge_h, bw, badge_h)
            badge.centerx = min(max((lo + hi) // 2, inner.x + bw // 2), inner.right - bw // 2)
            pygame.draw.rect(surface, theme.HIGHLIGHT, badge, border_radius=badge.h // 2)
            pygame.draw.rect(surface, theme.INK, badge, width=1 + level, border_radius=badge.h // 2)
            theme.one_line(surface, label, badge.inflate(-badge_h // 2, -4), text_px, bold=True)
        else:
            pygame.draw.rect(surface, theme.NEUTRAL_BAR, bar, border_radius=thick // 2)
    # the tokens: same value side by side
    at: dict[int, list[Mark]] = {}
    for m in placed:
        at.setdefault(m.value, []).append(m)
    r = max(4, round(radius * min(1.0, max(0.0, progress))))
    for value, group in at.items():
        n = len(group)
        offset = min(radius * 1.6, (step - 2 * radius) / max(1, n - 1)) if n > 1 else 0
        for j, m in enumerate(group):
            cx = round(xs[value - 1] + (j - (n - 1) / 2) * offset)
            pygame.draw.aacircle(surface, theme.rgb(m.colour), (cx, y), r)
            pygame.draw.aacircle(surface, theme.INK, (cx, y), r, width=max(2, r // 8))
            if progress >= 1.0:
                initial = (m.player.name[:1] or "?").upper()
                box = Rect(0, 0, round(r * 1.3), round(r * 1.3))
                box.center = (cx, y)
                theme.one_line(
                    surface, initial, box, round(r * 1.2), bold=True, colour=theme.rgb(text_on(m.colour))
                )
    return Rect(inner.x, y - radius - 4, inner.w, 2 * radius + 8)


def _rows(size: tuple[int, int], inner: Rect, labels: list[str]) -> tuple[Rect, Rect, Rect, bool, list[float]]:
    """The strip's bands (badge, line, numbers and words), whether the words are shown, and how a column splits
    between its number and its word. Shares of the height; but when the words do not fit so (a larger text
    size, a narrow strip) the numbers and the words get the height they need and the rest is shared."""
    small, col_w = theme.small_px(size), round(inner.w / 5) - 2
    badge_r, line_r, labels_r = layout.rows(inner, [0.3, 0.36, 0.34])
    word_h = labels_r.h - round(labels_r.h * 0.44)
    word_px = max(theme.tpx(size, 18), small)
    if theme.text_scale == 1 and all(theme.fit(t, col_w, word_h, word_px, small).fits for t in labels):
        return badge_r, line_r, labels_r, True, [0.44, 0.56]
    num_h = theme.font(theme.tpx(size, 26), True).get_height()
    lab_h = 2 * theme.fit("x", 100, 100, small, small).line_px + 2
    f = theme.font(small)
    with_labels = all(theme.fit(t, col_w, lab_h, small, small).fits for t in labels) and all(
        f.size(w)[0] <= col_w for t in labels for w in t.split())  # no word broken in two
    badge_h = theme.font(max(small, theme.tpx(size, 22)), True).get_height() + 8
    with_labels = with_labels and badge_h + 2 * MIN_TOKEN + num_h + lab_h <= inner.h  # and room for them
    badge_r, line_r, labels_r = layout.rows(inner, [badge_h, 1, num_h + (lab_h if with_labels else 0)])
    return badge_r, line_r, labels_r, with_labels, [num_h, 1]


def draw_words(surface: pygame.Surface, rect: Rect, main: list[str], notes: list[str], level: int) -> None:
    """The reveal in words: the main message large (larger and on yellow the further apart), the notes below."""
    size = surface.get_size()
    edge, width = (theme.INK, 2 + level) if level else (theme.PANEL_EDGE, 2)
    fill = theme.HIGHLIGHT_SOFT if level else theme.PANEL
    theme.panel(surface, rect, fill=fill, edge=edge, radius=theme.px(size, 14), width=width)
    inner = layout.inset(rect, theme.px(size, 16))
    weights = [0.55, 0.45]
    if theme.text_scale > 1:  # larger text: each part as much of the room as it needs at least
        main_h, notes_h = _needs(size, inner.w, main, notes)
        weights = [main_h / (main_h + notes_h), notes_h / (main_h + notes_h)] if main_h and notes_h else weights
    top, bottom = layout.rows(inner, weights, theme.px(size, 6)) if main and notes else (inner, inner)
    if main:
        theme.text(surface, "\n".join(main), top, theme.tpx(size, 28 + 4 * level), bold=True,
                   valign="bottom" if notes else "middle", min_px=theme.body_px(size))
    if notes:
        theme.text(surface, "\n".join(notes), bottom, theme.tpx(size, 22), colour=theme.INK_SOFT,
                   valign="top" if main else "middle", min_px=theme.small_px(size))


def _needs(size: tuple[int, int], width: int, main: list[str], notes: list[str]) -> tuple[int, int]:
    """How high the main message and the notes are at their smallest sizes, this wide."""
    body, small = theme.body_px(size), theme.small_px(size)
    main_h = theme.fit("\n".join(main), width, 100_000, body, body, True).height if main else 0
    notes_h = theme.fit("\n".join(notes), width, 100_000, small, small).height if notes else 0
    return main_h, notes_h


def words_height(size: tuple[int, int], width: int, main: list[str], notes: list[str]) -> int:
    """The least height draw_words needs to show the main message and the notes whole."""
    pad = theme.px(size, 16)
    main_h, notes_h = _needs(size, width - 2 * pad, main, notes)
    return 2 * pad + main_h + notes_h + (theme.px(size, 6) if main and notes else 0)
