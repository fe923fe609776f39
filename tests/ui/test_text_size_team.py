"""Team training, practice and the phones' screens at larger text (125–200 %) and in high contrast: every screen
holds (tests/ui/holds.py), long names may be cut but every player's estimate stays on the screen or is named
beside it, and the last screens page a card at a time."""

from __future__ import annotations

import pytest

from game.engine import Phase
from game.model.session import Player, Role
from game.ui import dotrows, theme, widgets
from game.ui.scale import Mark
from game.ui.scenes import team_case
from game.ui.scenes.summary import SummaryScene
from game.ui.scenes.table import TableScene
from tests.ui.holds import holds
from tests.ui.test_team_layout import LONG_NAMES as TEAM_NAMES
from tests.ui.test_team_sessions import start_in

SPREAD = [1, 1, 2, 3, 3, 3, 5, 5]
# The whole screen holds only with the larger-text work on the buttons (ts-start), the table's bottom bar
# (ts-table) and the summary's saved line (ts-record): these tests run once those are in.
WITH_THE_REST = pytest.mark.skipif(
    not (hasattr(widgets, "label_px") and hasattr(TableScene, "big") and hasattr(SummaryScene, "_saved_line")),
    reason="needs the larger-text buttons, bottom bar and saved line of ts-start, ts-table and ts-record",
)


def team_game(d, n: int, values: list[int], where: str, rounds: int = 1) -> None:
    """A team of n with long names through `rounds` cards (every screen checked), then finished and saved;
    every page of the summary checked."""
    named_team(d, n)
    d.enter()  # start
    walk(d, values, where, rounds)


def named_team(d, n: int) -> None:
    """The start screen of a team of n with the long names typed before (the start screen is ts-start's)."""
    d.app.prefs.team_names = list(TEAM_NAMES[:n])
    start_in(d, "team", n)


def walk(d, values: list[int], where: str, rounds: int) -> None:
    typed = tuple(TEAM_NAMES)
    holds(d, f"{where} case", typed)
    d.enter()
    for r in range(rounds):
        holds(d, f"{where} question", typed)
        k = 0
        while d.app.table.phase != Phase.REVEAL:
            if type(d.top).__name__ == "EstimateScene":
                d.digit(values[k % len(values)])
                k += 1
            d.enter()
        for phase in ("reveal", "starter", "client's view", "reflection"):
            holds(d, f"{where} {phase} card {r + 1}", typed)
            d.enter()
        d.type("We vragen eerst wat helpt.")
        holds(d, f"{where} agreement card {r + 1}", (*typed, "We vragen eerst wat helpt."))
        d.enter()
    d.esc()
    d.click("end")  # finish and save
    assert isinstance(d.top, SummaryScene)
    page = 1
    holds(d, f"{where} summary page {page}", typed)
    while "team_next" in d.rects() and d.top.widget("team_next").enabled:
        d.click("team_next")
        page += 1
        holds(d, f"{where} summary page {page}", typed)
    assert len(d.top.summary.rounds) == rounds
    assert page == (rounds + 1 if theme.text_scale > 1 else 1)  # a card a page, then the notes and questions


@WITH_THE_REST
@pytest.mark.parametrize(
    ("size", "lang", "n", "text_size", "contrast"),
    [
        ((1024, 600), "nl", 8, 200, True),
        ((1920, 1080), "nl", 8, 200, True),
        ((1280, 720), "nl", 5, 200, False),
        ((1280, 720), "en", 5, 200, False),
        ((1280, 720), "nl", 8, 150, False),
        ((1024, 600), "en", 3, 125, False),
    ],
)
def test_a_team_with_long_names_holds_on_every_screen(make_app, size, lang, n, text_size, contrast):
    d = make_app(size=size, lang=lang, text_size=text_size, high_contrast=contrast)
    team_game(d, n, SPREAD, f"team of {n} {lang}", rounds=2 if n == 5 else 1)


@WITH_THE_REST
@pytest.mark.parametrize(("size", "players"), [((1280, 720), 1), ((1024, 600), 2)])
def test_practice_alone_and_in_pairs_holds_at_200(make_app, size, players):
    d = make_app(size=size, text_size=200)
    start_in(d, "practice", players)
    d.enter()
    walk(d, [4, 2], f"practice for {players}", rounds=1)


@WITH_THE_REST
@pytest.mark.parametrize("size", [(1024, 600), (1280, 720)])
def test_eight_on_one_value_every_estimate_is_on_a_chip_or_named_beside_the_board(make_app, size):
    d = make_app(size=size, text_size=200)
    named_team(d, 8)
    d.enter(3)  # start, the case, the question
    while d.app.table.phase != Phase.REVEAL:
        if type(d.top).__name__ == "EstimateScene":
            d.digit(3)
        d.enter()
    board = d.top.board
    plot = board.plot
    assert plot.rows, "at 200 % the board is drawn in rows"
    on_chips = {p.mark.player.id for p in plot.placed}
    named = {m.player.id for _, ms in dotrows.hidden(plot, board.marks()) for m in ms}
    assert on_chips | named == {f"p{i}" for i in range(1, 9)} and not on_chips & named
    shown = " ".join(t for t, *_ in theme.LOG.entries)
    for pid in named:  # who has no chip is named in the side panel (at the body size or cut, never smaller)
        name = next(m.player.name for m in board.marks() if m.player.id == pid)
        assert name[:4] in shown, name
    more = sum(int(c.label[1:]) for c in plot.more)
    assert more == len(named)
    holds(d, "eight on 3", tuple(TEAM_NAMES))


def test_the_rows_never_cut_a_scale_word_and_stay_in_their_panel():
    """The plan alone: eight long names, every spread, at 200 % in three window sizes."""
    import pygame

    pygame.font.init()
    theme.set_text_size(200)
    words = ["Helemaal niet", "Een beetje", "Half", "Bijna helemaal", "Helemaal"]
    players = [Player(id=f"p{i + 1}", name=name, role=Role.PROFESSIONAL) for i, name in enumerate(TEAM_NAMES)]
    for size in [(1024, 600), (1280, 720), (1920, 1080)]:
        w, h = size
        panel = pygame.Rect(round(w * 0.02), round(h * 0.35), round(w * 0.58), round(h * 0.47))
        for values in ([3] * 8, SPREAD, [1, 1, 1, 1, 5, 5, 5, 5], [1, 2, 3, 4, 5, 5, 4, 1]):
            marks = [Mark(p, theme.player_colour(i), v) for i, (p, v) in enumerate(zip(players, values, strict=True))]
            plot = dotrows.plan(panel, size, marks, 2, "nl", words)
            boxes = [p.chip for p in plot.placed] + [c.rect for c in plot.more] + [plot.client]
            for a, box in enumerate(boxes):
                assert plot.inner.contains(box), (size, values, box)
                assert not any(box.colliderect(o) for o in boxes[a + 1 :]), (size, values, box)
            for row in plot.rows:
                assert plot.inner.contains(row), (size, values, row)
            assert len(plot.placed) + sum(int(c.label[1:]) for c in plot.more) == 8


@pytest.mark.parametrize("size", [(1024, 600), (1280, 720)])
def test_every_case_story_is_whole_at_200(make_app, deck, size):
    """Each case, both languages: at 200 % its story fits the case card at the small size or larger, uncut."""
    import pygame

    d = make_app(size=size, text_size=200)
    start_in(d, "team", 4)
    d.enter()
    area = d.top.centre
    surface = pygame.Surface(size)
    for case in deck.cases:
        for lang in deck.languages:
            theme.LOG.entries.clear()
            d.app.table.state.setup.language = lang
            team_case.draw_case(surface, area, d.top.f.gap, case, d.app.table.state.setup, lang)
            for text, rect, box, px, cut in theme.LOG.sized():
                assert box.contains(rect) and not cut, f"{case.id} {lang}: {text!r}"
                assert px is None or px >= theme.small_px(size), f"{case.id} {lang}: {text!r} at {px}"


@WITH_THE_REST
@pytest.mark.parametrize(("size", "lang", "contrast"), [((1280, 720), "nl", False), ((1024, 600), "en", True),
                                                        ((1920, 1080), "nl", True)])
def test_the_phones_screens_hold_at_200(make_app, size, lang, contrast):
    pytest.importorskip("aiohttp")
    from game.phones.link import PhoneLink
    from game.ui.scenes.phones import JoinScene, PhoneWaitScene, RemoveScene
    from tests.phones.phone_client import FakePhone
    from tests.ui.test_phones_window import steps_until

    d = make_app(size=size, lang=lang, text_size=200, high_contrast=contrast)
    d.app.phones = PhoneLink("127.0.0.1")
    d.app.prefs.phones = True
    named_team(d, 8)
    d.enter()
    steps_until(d, lambda: isinstance(d.top, JoinScene))
    host = d.app.phones.host
    typed = tuple(TEAM_NAMES)
    holds(d, "join, nobody yet", typed)
    phones = [FakePhone(host.url.replace("http", "ws") + f"/ws/{host.room.token}") for _ in range(6)]
    try:
        for k, phone in enumerate(phones):
            phone.join(f"p{k + 1}")
        steps_until(d, lambda: sum(d.top.joined.values()) == 6)
        holds(d, "join, six in", typed)
        d.click("remove")
        assert isinstance(d.top, RemoveScene)
        holds(d, "remove a phone", typed)
        d.esc()
        d.enter(3)  # start, the case, the question
        steps_until(d, lambda: isinstance(d.top, PhoneWaitScene))
        phones[0].choose(3)
        steps_until(d, lambda: len(host.pending) == 1)
        holds(d, "the phones choose", typed)
    finally:
        for phone in phones:
            phone.close()
