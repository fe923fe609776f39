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
from game.ui.scenes import team, team_case, team_summary
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
CARDS = {"case", "starter", "reflection", "question"}  # a card's drawing (its text is the card design's)
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


def shows(name: str, label: str) -> bool:
    """The label is the name, the name cut with "…", or (some of) its initials."""
    start = label.removesuffix("…")
    short = dotplot.initials(name)
    cut = label.endswith("…") and name.startswith(start)
    return label == name or cut or (bool(label) and short.startswith(label)) or short[0] + short[-1] == label


def board_texts_are_readable(d, entries, where: str) -> None:
    """Every text on the team board (the plot and the side panel) is at least the board's smallest size;
    the names on the plot at least the screen's body size, all at one size."""
    board = d.top.board
    size = d.app.screen.get_size()
    least = min(theme.font(team.least(size)).get_height(), theme.font(team.least(size), True).get_height())
    for text, rect, box in entries:
        if text not in CARDS and (board.plot_r.contains(box) or board.side_r.contains(box)):
            assert rect.h >= least, f"{where}: {text!r} is drawn {rect.h} px high, below {least}"
    plot = board.plot
    assert plot.name_px >= dotplot.name_floor(size), where
    on_chips = [r for t, r, box in entries if any(p.chip.contains(box) for p in plot.placed)]
    assert len({r.h for r in on_chips}) == 1, f"{where}: names at more than one size"


@pytest.mark.parametrize("size", ALL_SIZES)
@pytest.mark.parametrize("lang", ["nl", "en"])
@pytest.mark.parametrize("spread", list(SPREADS))
def test_eight_names_stand_on_their_values_and_never_overlap(make_app, size, lang, spread):
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
        for p in plot.placed:  # on the value chosen: in its column, its name (or initials) on the chip
            column = plot.columns[p.mark.value - 1]
            assert column.contains(p.chip) and p.chip.bottom <= plot.lane.y, where
            drawn = [t for t, r, box in entries if p.chip.contains(box)]
            assert drawn == [p.label] and p.label.rstrip("…") and not p.label.isdigit(), (where, drawn)
            assert shows(p.mark.player.name, p.label), (where, p.label)
        # no numbers on the plot but the scale's own: nothing that reads like a seat or an estimate
        numbers = [t for t, r, box in entries if plot.inner.contains(box) and t.strip().isdigit()]
        assert sorted(numbers) == ["1", "2", "3", "4", "5"], (where, numbers)
        board_texts_are_readable(d, entries, where)
        if phase == Phase.CASE_VIEW:  # each person's distance to the client, by name, in the side panel
            board = d.top.board
            chips = [n for n, _ in board.distance_boxes if n.startswith("chip")]
            assert len(chips) == 8
            no_overlap(board.distance_boxes, board.side_r, f"{where} distances")
            names = {f"chip {p.mark.player.id}": p.mark.player.name for p in plot.placed}
            for kind, chip in board.distance_boxes:
                if kind.startswith("chip"):
                    [label] = [t for t, r, box in entries if chip.contains(box)]
                    assert shows(names[kind], label), (where, names[kind], label)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    size=st.sampled_from(ALL_SIZES),
    values=st.lists(st.one_of(st.none(), st.integers(1, 5)), min_size=1, max_size=8),
    names=st.lists(st.text(alphabet="aBcëM -W'1", min_size=1, max_size=40), min_size=8, max_size=8),
    case_view=st.one_of(st.none(), st.integers(1, 5)),
)
def test_any_team_on_any_values_gets_chips_that_never_overlap(size, values, names, case_view):
    """The plan alone, for every mix: 1–8 players, passes, names up to 40 letters, the client or not."""
    w, h = size
    panel = pygame.Rect(round(w * 0.02), round(h * 0.2), round(w * 0.62), round(h * 0.6))
    players = [
        Player(id=f"p{i + 1}", name=names[i].strip() or "x", role=Role.PROFESSIONAL)
        for i in range(len(values))
    ]
    marks = [Mark(p, theme.player_colour(i), v) for i, (p, v) in enumerate(zip(players, values, strict=True))]
    plot = dotplot.plan(panel, size, marks, case_view)
    assert len(plot.placed) == len([v for v in values if v is not None])
    no_overlap(plot.boxes(), plot.inner, f"{size} {values} {case_view}")
    for p in plot.placed:  # each chip stands in the column of its value, above the client's lane
        assert plot.columns[p.mark.value - 1].contains(p.chip)
        assert p.chip.bottom <= plot.lane.y
    assert plot.name_px >= dotplot.name_floor(size)
    surface = pygame.Surface(size)
    theme.LOG.entries.clear()
    dotplot.draw(surface, plot, _deck().labels("nl"), "nl", case_view=case_view)
    for text, rect, box in theme.LOG.entries:
        assert box.contains(rect), f"{text!r} at {rect} leaves its box {box}"


def test_a_name_too_long_for_its_chip_is_cut_or_shown_as_initials_never_made_small():
    pygame.font.init()
    f = theme.font(20, True)
    names = ["Alexandra-Wilhelmina van Oldenbarneveldt", "Collega 1", "Collega 2", "Sam"]
    wide = dotplot.labels(names, 700, f)
    assert wide == names
    cut = dotplot.labels(names, 70, f)
    assert cut[0].endswith("…") and cut[3] == "Sam"
    assert (cut[1], cut[2]) == ("C1", "C2")  # two names never read the same: "Collega…" twice: C1 and C2
    assert dotplot.initials("Noor Bakker") == "NB" and dotplot.initials("Collega 5") == "C5"
    assert dotplot.initials("Mohammed El Amrani-Boukhari") == "MEAB"


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
    entries = texts_inside(d, "summary of a long team session")
    strips_keep_every_card_readable(d, entries, f"{size} {lang} summary")


def strips_keep_every_card_readable(d, entries, where: str) -> None:
    """A strip per card inside the panel; each estimate is a chip on its value (or counted in a "+n" chip);
    chips never overlap and stay in their cells; every text of the panel at least the body size."""
    scene = d.top
    size = d.app.screen.get_size()
    summary = scene.summary
    strips = team_summary.plan(scene.table_r, summary, d.app.deck, summary.language, size)
    assert len(strips) == len(summary.rounds), where
    px = team_summary.body_px(size)
    body = min(theme.font(px).get_height(), theme.font(px, True).get_height())
    for t, r, box in entries:
        if scene.table_r.contains(box):
            assert r.h >= body, f"{where}: {t!r} is {r.h} px high, below the body size {body}"
    for s in strips:
        assert scene.table_r.contains(s.rect), where
        no_overlap([(c.label, c.rect) for c in s.chips], s.rect, f"{where} card {s.number}")
        for c in s.chips:
            assert any(cell.contains(c.rect) for cell in s.cells), (where, c)
        players = [c for c in s.chips if c.player not in ("client", "more")]
        more = sum(int(c.label[1:]) for c in s.chips if c.player == "more")
        placed = [e for e in s.round.estimates if e.value is not None]
        assert len(players) + more == len(placed), where
        for c in players:  # on the value it chose
            value = next(e.value for e in s.round.estimates if e.player == c.player)
            assert s.cells[value - 1].contains(c.rect), (where, c)
        if s.round.case_view is not None:
            assert sum(c.player == "client" for c in s.chips) == 1
            client = next(c for c in s.chips if c.player == "client")
            assert s.cells[s.round.case_view - 1].contains(client.rect)


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
    entries = texts_inside(d, "practice summary")
    strips_keep_every_card_readable(d, entries, f"{size} {lang} practice summary")


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
            team_case.draw_case_panel(surface, board.scene.centre.inflate(-board.scene.centre.w * 0.37, 0), case, lang)
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
