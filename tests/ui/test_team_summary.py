"""The team summary, card by card: every name on its value, the client's view on the same track, the one
highlight rule (yellow from 2 apart, never at 1), a pass named as a pass; alone it reads "jij 4 · cliënt 5"."""

from __future__ import annotations

import pygame
from play_helpers import T0, T1, team_setup

from game.engine import Continue, Pass, Phase, PlaceEstimate, apply, build_summary, new_session
from game.model import Mode
from game.ui import theme
from game.ui.scenes import team_summary

SIZE = (1280, 720)
PANEL = pygame.Rect(24, 100, 1232, 380)
VALUES = [[1, 2, 2], [1, 3, 3], [None, 4, 4], [5, 1, 3]]  # per card, per player (None: skipped)


def yellow(surface: pygame.Surface, rect: pygame.Rect) -> int:
    """How many pixels in rect have the highlight colour."""
    mask = pygame.mask.from_threshold(surface.subsurface(rect), theme.HIGHLIGHT, (2, 2, 2, 255))
    return mask.count()


def played(deck, n: int, values: list[list[int | None]], mode: Mode = Mode.TEAM):
    """A whole session on the engine; None is a pass."""
    state = new_session(team_setup(n, mode=mode), deck, T0)
    while state.phase != Phase.DONE:
        if state.phase == Phase.ESTIMATE:
            pid = state.waiting_for()[0]
            value = values[len(state.rounds) - 1][int(pid[1:]) - 1]
            action = Pass(player=pid) if value is None else PlaceEstimate(player=pid, value=value)
            state = apply(state, action, deck)
        else:
            state = apply(state, Continue(), deck)
    return build_summary(state, deck, T1)


def drawn(summary, deck) -> tuple[pygame.Surface, list, list[str]]:
    pygame.font.init()
    surface = pygame.Surface(SIZE)
    theme.LOG.entries.clear()
    strips = team_summary.draw(surface, PANEL, summary, deck, summary.language)
    return surface, strips, [t for t, _, _ in theme.LOG.entries]


def test_each_card_shows_every_name_on_its_value_and_the_highlight_only_from_two_apart(deck):
    summary = played(deck, 3, VALUES)
    surface, strips, texts = drawn(summary, deck)
    assert [s.round.spread for s in strips] == [1, 2, 0, 4]
    assert [yellow(surface, s.spread) > 0 for s in strips] == [False, True, False, True]
    assert "1 uit elkaar" in texts and "2 uit elkaar" in texts and "zelfde" in texts
    assert "over: Collega 1" in texts  # the pass is named, not counted as a value
    for s, values in zip(strips, VALUES, strict=True):
        for i, value in enumerate(values):
            chips = [c for c in s.chips if c.player == f"p{i + 1}"]
            if value is None:
                assert chips == []
            else:
                [chip] = chips
                assert s.cells[value - 1].contains(chip.rect) and chip.label in texts
        client = [c for c in s.chips if c.player == "client"]
        assert len(client) == 1 and s.cells[s.round.case_view - 1].contains(client[0].rect)


def test_practising_alone_reads_you_and_the_client_per_card(deck):
    summary = played(deck, 1, [[4], [2], [5], [1]], Mode.PRACTICE)
    surface, strips, texts = drawn(summary, deck)
    for s, mine in zip(strips, [4, 2, 5, 1], strict=True):
        assert f"jij {mine} · cliënt {s.round.case_view}" in texts
        far = abs(mine - s.round.case_view) >= 2
        assert (yellow(surface, s.spread) > 0) == far
    assert "Jij" in texts and not any("Collega" in t for t in texts)

