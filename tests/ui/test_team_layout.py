"""Readable on a projector and on a small laptop: the team's tokens and names never overlap and stay in their
panel, and no text of a team screen leaves its box, measured on the rectangles actually drawn."""

from __future__ import annotations

import itertools

import pygame
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from game.engine import Phase
from game.model.session import Player, Role
from game.ui import dotplot, theme
from game.ui.scale import Mark
from tests.ui.test_team_sessions import start_in

SIZES = [(1920, 1080), (1024, 600)]
ALL_SIZES = [*SIZES, (1280, 720)]
LONG_NAMES = [
    "Alexandra-Wilhelmina van Oldenbarneveldt",
    "Maximiliaan Christiaan de Vries-Jansen",
    "Sam",
    "Noor Bakker",
    "Fatima",
    "Jan-Willem",
    "Els",
    "Mohammed El Amrani-Boukhari",
]
SPREADS = {
    "all on one value": [3] * 8,
    "spread out": [1, 1, 2, 3, 3, 3, 5, 5],
    "two camps": [1, 1, 1, 1, 5, 5, 5, 5],
    "each its own": [1, 2, 3, 4, 5, 5, 4, 1],
}
LONG_NOTE = "We vragen de cliënt eerst wat hem helpt, en we zeggen eerlijk wat wij zien. " * 8


def no_overlap(boxes: list[tuple[str, pygame.Rect]], inside: pygame.Rect, where: str) -> None:
    for (a, ra), (b, rb) in itertools.combinations(boxes, 2):
        assert not ra.colliderect(rb), f"{where}: {a} {ra} overlaps {b} {rb}"
    for name, r in boxes:
        assert r.w > 0 and r.h > 0, f"{where}: {name} has no room ({r})"
        assert inside.contains(r), f"{where}: {name} {r} leaves its panel {inside}"


def texts_inside(d, where: str) -> list[tuple[str, pygame.Rect, pygame.Rect]]:
    d.frame()
    entries = list(theme.LOG.entries)
    assert entries, f"{where}: nothing was drawn"
    screen = pygame.Rect((0, 0), d.app.screen.get_size())
    for text, rect, box in entries:
        assert box.contains(rect), f"{where}: {text!r} at {rect} leaves its box {box}"
        assert screen.contains(rect), f"{where}: {text!r} at {rect} leaves the window"
    return entries


def team_of_eight_to_the_reveal(make_app, size, lang, values, names=LONG_NAMES):
    d = make_app(size=size, lang=lang)
    start_in(d, "team", 8)
    d.click("more")  # the choices are folded away at first
    for i, name in enumerate(names):
        d.click(f"team{i}")
        d.type(name)
    d.click("start")
    d.enter(2)  # the case, the question
    for value in values:
        d.enter()
        d.digit(value)
        d.enter()
    assert d.app.table.phase == Phase.REVEAL
    return d


@pytest.mark.parametrize("size", ALL_SIZES)
@pytest.mark.parametrize("lang", ["nl", "en"])
@pytest.mark.parametrize("spread", list(SPREADS))
def test_eight_tokens_and_names_never_overlap_in_the_reveal_and_the_client_view(make_app, size, lang, spread):
    d = team_of_eight_to_the_reveal(make_app, size, lang, SPREADS[spread])
    for phase in (Phase.REVEAL, Phase.DISCUSS, Phase.CASE_VIEW, Phase.REFLECT, Phase.AGREE):
        while d.app.table.phase != phase:
            d.enter()
        where = f"{size} {lang} {spread} {phase.value}"
        entries = texts_inside(d, where)
        plot = d.top.board.plot
        assert len(plot.placed) == 8
        assert (plot.client is not None) == (phase not in (Phase.REVEAL, Phase.DISCUSS))
        no_overlap(plot.boxes(), plot.inner, where)
        assert plot.panel.right <= d.top.board.side_r.x and d.app.screen.get_rect().contains(plot.panel)
        # legible: every name is drawn at one size, at least 15 px on a laptop and 28 px on a 1080p projector
        names = [r for t, r, box in entries if any(box == p.name for p in plot.placed)]
        assert len(names) == 8
        assert min(r.h for r in names) >= (28 if size[1] >= 1080 else 15), where
        assert len({r.h for r in names}) == 1, where
        if phase == Phase.CASE_VIEW:  # each player's distance to the client, as tokens in the side panel
            board = d.top.board
            assert len([n for n, _ in board.distance_boxes if n.startswith("token")]) == 8
            no_overlap(board.distance_boxes, board.side_r, f"{where} distances")


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    size=st.sampled_from(ALL_SIZES),
    values=st.lists(st.one_of(st.none(), st.integers(1, 5)), min_size=1, max_size=8),
    names=st.lists(st.text(alphabet="aBcëM -W'", min_size=1, max_size=40), min_size=8, max_size=8),
    case_view=st.one_of(st.none(), st.integers(1, 5)),
)
def test_any_team_on_any_values_gets_tokens_and_names_that_never_overlap(size, values, names, case_view):
    """The plan alone, for every mix: 1–8 players, passes, names up to 40 letters, the client or not."""
    w, h = size
    panel = pygame.Rect(round(w * 0.02), round(h * 0.2), round(w * 0.62), round(h * 0.6))
    players = [
        Player(id=f"p{i + 1}", name=names[i].strip() or "x", role=Role.PROFESSIONAL)
        for i in range(len(values))
    ]
    marks = [Mark(p, theme.player_colour(i), v) for i, (p, v) in enumerate(zip(players, values, strict=True))]
    plot = dotplot.plan(panel, size, marks, {p.id: i + 1 for i, p in enumerate(players)}, case_view)
    assert len(plot.placed) == len([v for v in values if v is not None])
    no_overlap(plot.boxes(), plot.inner, f"{size} {values} {case_view}")
    for p in plot.placed:  # each token stands in the column of its value, above the client's lane
        assert plot.columns[p.mark.value - 1].contains(p.token)
        assert p.token.bottom <= plot.lane.y
    surface = pygame.Surface(size)
    theme.LOG.entries.clear()
    dotplot.draw(surface, plot, _deck().labels("nl"), "nl", case_view=case_view)
    for text, rect, box in theme.LOG.entries:
        assert box.contains(rect), f"{text!r} at {rect} leaves its box {box}"


_DECK = []


def _deck():
    if not _DECK:
        from game.decks import load_deck

        _DECK.append(load_deck())
    return _DECK[0]


@pytest.mark.parametrize("size", SIZES)
@pytest.mark.parametrize("lang", ["nl", "en"])
def test_every_team_screen_keeps_its_text_inside(make_app, size, lang):
    d = make_app(size=size, lang=lang)
    start_in(d, "team", 8)
    d.click("more")  # the choices are folded away at first
    for i, name in enumerate(LONG_NAMES):
        d.click(f"team{i}")
        d.type(name)
    d.click("trainer")
    d.type("Trainer Kim de Groot-van der Berg")
    texts_inside(d, "team start")
    d.click("persp:own_view")
    d.click("len:full")
    d.click("start")
    texts_inside(d, "case")
    d.enter()
    texts_inside(d, "deal")
    d.enter()
    texts_inside(d, "hand-over")
    d.enter()
    texts_inside(d, "estimate")
    while d.app.table.phase != Phase.DONE:
        phase = d.app.table.phase
        if phase == Phase.ESTIMATE:
            d.enter()
            d.digit(1 + len(d.app.table.state.current.estimates) % 5)
            d.enter()
            continue
        if len(d.app.table.state.rounds) == 1:  # every phase once, the first round
            texts_inside(d, phase.value)
        if phase == Phase.AGREE:
            d.type(LONG_NOTE[:200])
            texts_inside(d, "agreement")
        d.enter()
    assert len(d.app.table.summary.rounds) == 8
    texts_inside(d, "summary of a long team session")


@pytest.mark.parametrize("size", SIZES)
@pytest.mark.parametrize("lang", ["nl", "en"])
def test_every_practice_screen_keeps_its_text_inside(make_app, size, lang):
    d = make_app(size=size, lang=lang)
    d.click("more")  # the choices are folded away at first
    d.click("mode:practice")
    texts_inside(d, "practice start")
    d.key(pygame.K_2)
    d.enter()
    while d.app.table.phase != Phase.DONE:
        if d.app.table.phase == Phase.ESTIMATE:
            d.enter()
            d.digit(4)
            d.enter()
        else:
            texts_inside(d, d.app.table.phase.value)
            d.enter()
    texts_inside(d, "practice summary")


@pytest.mark.parametrize("size", SIZES)
def test_every_case_is_read_in_large_text(make_app, deck, size):
    """Each case, both languages: its story fits the case panel at a size a room can read from a projector."""
    d = make_app(size=size)
    start_in(d, "team", 4)
    d.enter()
    board = d.top.board
    surface = pygame.Surface(size)
    smallest = 1000
    for case in deck.cases:
        for lang in deck.languages:
            board.scene.table.state.setup.language = lang
            theme.LOG.entries.clear()
            board._draw_case_panel(surface, board.scene.centre.inflate(-board.scene.centre.w * 0.37, 0), case)
            story = [(t, r, box) for t, r, box in theme.LOG.entries if t in case.text[lang]]
            assert story, case.id
            for text, rect, box in theme.LOG.entries:
                assert box.contains(rect), f"{case.id} {lang}: {text!r} leaves {box}"
            smallest = min(smallest, min(r.h for _, r, _ in story))
    assert smallest >= (30 if size[1] >= 1080 else 16)


def test_every_team_button_is_big_enough_for_a_finger(make_app):
    d = make_app(size=(1024, 600))
    start_in(d, "team", 8)
    seen = set()
    steps = 0
    while not seen >= {"StartScene", "TableScene", "HandOverScene", "EstimateScene", "SummaryScene"}:
        for wid, r in d.rects().items():
            assert r.w >= 48 and r.h >= 48, (type(d.top).__name__, wid, r)
        seen.add(type(d.top).__name__)
        if type(d.top).__name__ == "EstimateScene":
            d.digit(3)
        if type(d.top).__name__ == "SummaryScene":
            break
        d.enter()
        steps += 1
        assert steps < 400
