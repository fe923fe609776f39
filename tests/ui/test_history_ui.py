"""Pair codes on the start screen, the history screen and the look-back, driven like a person would."""

from __future__ import annotations

import os
from datetime import datetime, timedelta, timezone
from pathlib import Path

import pygame
import pytest

from game.engine import AddNote, Continue, Phase, PlaceEstimate, apply, build_summary, new_session
from game.history import Trend, gap_words, trend_words
from game.model import Player, Role, Setup
from game.model.deck import Deck
from game.model.session import Role as SessionRole
from game.store import progress_path, save_summary
from game.ui import theme
from game.ui.scenes.history import HistoryScene
from game.ui.scenes.lookback import LookBackScene
from game.ui.scenes.pairs import PairPickScene
from game.ui.scenes.start import StartScene
from game.ui.scenes.table import TableScene
from tests.ui.conftest import saved_summaries

TZ = timezone(timedelta(hours=1))
T0 = datetime(2025, 1, 7, 14, 0, tzinfo=TZ)
FEATURES = ["richting_en_kader", "vertrouwen", "binding", "stroefheid"]
PLAYERS = [Player(id="p1", name="Sam", role=Role.CLIENT),
           Player(id="p2", name="Noor", role=Role.PROFESSIONAL)]


def played(deck: Deck, root: Path, pair: str, started_at: datetime, values: dict[str, tuple[int, int]],
           notes: dict[str, str] | None = None) -> None:
    """A whole session through the engine (client p1, professional p2), saved as its summary."""
    seed = int(started_at.timestamp()) % 2**31  # its own session id
    setup = Setup(players=PLAYERS, features=list(values), quick=True, pair_code=pair, seed=seed)
    state = new_session(setup, deck, started_at)
    notes = notes or {}
    while state.phase != Phase.DONE:
        feature = state.current.feature
        if state.phase == Phase.ESTIMATE:
            pid = state.waiting_for()[0]
            action = PlaceEstimate(player=pid, value=values[feature][0 if pid == "p1" else 1])
        elif state.phase == Phase.AGREE and feature in notes and not state.current.notes:
            action = AddNote(text=notes[feature])
        else:
            action = Continue()
        state = apply(state, action, deck)
    save_summary(build_summary(state, deck, started_at + timedelta(minutes=30)), root)


# Pair JD-12 over four sessions: vertrouwen improves on both sides, stroefheid drops (improves), binding
# stays, richting drops for the client.
JD12 = [
    {"richting_en_kader": (4, 4), "vertrouwen": (1, 3), "binding": (3, 4), "stroefheid": (5, 2)},
    {"richting_en_kader": (4, 4), "vertrouwen": (2, 3), "binding": (3, 3), "stroefheid": (4, 2)},
    {"richting_en_kader": (3, 4), "vertrouwen": (3, 4), "binding": (3, 4), "stroefheid": (3, 2)},
    {"richting_en_kader": (2, 4), "vertrouwen": (4, 4), "binding": (4, 4), "stroefheid": (2, 1)},
]
NOTES = [
    {"vertrouwen": "We bellen elke maandag."},
    {},
    {"stroefheid": "Noor zegt het als de regels veranderen.", "binding": "Samen naar het loket."},
    {"vertrouwen": "Sam mag zelf de agenda maken."},
]


@pytest.fixture
def pairs_dir(deck, data_dir) -> Path:
    """Three pairs: JD-12 (four sessions, the last on 11 March), AB-7 (the most recent), KL-3 (the oldest)."""
    for i, (values, notes) in enumerate(zip(JD12, NOTES, strict=True)):
        played(deck, data_dir, "JD-12", T0 + timedelta(weeks=3 * i), values, notes)
    played(deck, data_dir, "AB-7", T0 + timedelta(weeks=12), {"binding": (3, 3)}, {"binding": "Bellen"})
    played(deck, data_dir, "KL-3", T0 - timedelta(weeks=4), {"vertrouwen": (2, 2)})
    return data_dir


def shown(d) -> str:
    """Every piece of text on the screen now (the history's charts are drawn from the report's shapes)."""
    d.frame()
    charts = d.app.top.drawn if isinstance(d.app.top, HistoryScene) else []
    return " ".join([t for t, _, _ in theme.LOG.entries] + charts)


def test_the_start_screen_lists_the_codes_only_when_asked_most_recent_first(make_app, pairs_dir):
    d = make_app()
    assert isinstance(d.top, StartScene) and d.top.code.value == ""
    text = shown(d)
    assert not any(code in text for code in ("JD-12", "AB-7", "KL-3"))  # the next pair sees no earlier one
    d.click("more")  # the choices are folded away at first
    d.click("pairs:pick")
    assert isinstance(d.top, PairPickScene)
    codes = [w.label for w in d.top.widgets if w.id.startswith("pair:")]
    assert codes == ["AB-7", "JD-12", "KL-3"]
    text = shown(d)
    assert "4 gesprekken · laatste 11 mrt 2025" in text and "1 gesprek · 10 dec 2024" in text
    d.key(pygame.K_DOWN)  # keys: down to JD-12, Enter picks it
    d.enter()
    assert isinstance(d.top, StartScene) and d.top.code.value == "JD-12" and d.top.focus == "start"
    d.click("code")
    d.key(pygame.K_DOWN)  # arrow down in the field opens the list at the code in it
    assert isinstance(d.top, PairPickScene) and d.top.focus == "pair:1"
    d.esc()
    assert isinstance(d.top, StartScene) and d.top.code.value == "JD-12"


def test_a_picked_code_starts_with_a_look_back_at_the_last_agreements(make_app, pairs_dir):
    d = make_app()
    d.click("more")  # the choices are folded away at first
    d.click("pairs:pick")
    d.click("pair:1")  # the mouse: JD-12
    d.enter()  # Enter begins (the focus is on Start)
    d.enter()  # consent: save the summary
    assert isinstance(d.top, LookBackScene)
    text = shown(d)
    assert "Sam mag zelf de agenda maken." in text and "Vertrouwen" in text  # the last session's agreement
    assert "We bellen elke maandag." not in text  # not those of earlier sessions
    assert "11 maart 2025" in text
    d.enter()  # Enter continues to the table
    assert isinstance(d.top, TableScene) and d.app.table.state.setup.pair_code == "JD-12"


def test_typing_a_new_code_still_works_and_a_new_pair_gets_no_look_back(make_app, pairs_dir):
    d = make_app()
    d.click("more")  # the choices are folded away at first
    d.click("pairs:pick")
    d.click("pair:0")
    d.click("code")
    for _ in range(4):
        d.key(pygame.K_BACKSPACE)
    d.type("NW-1")
    assert d.top.code.value == "NW-1"
    assert "pairs:history" not in d.rects()  # no history for a new code (the button is off)
    d.esc()  # leaves the field
    d.key(pygame.K_h)  # H does nothing either
    assert isinstance(d.top, StartScene)
    d.enter(2)  # start, and save the summary
    assert isinstance(d.top, TableScene) and d.app.table.state.setup.pair_code == "NW-1"


def test_h_in_the_code_field_is_typed_not_a_shortcut(make_app, pairs_dir):
    d = make_app()
    d.click("more")  # the choices are folded away at first
    d.click("code")
    pygame.event.post(pygame.event.Event(pygame.KEYDOWN, key=pygame.K_h, mod=0, unicode="h", scancode=0))
    d.type("h")
    assert isinstance(d.top, StartScene) and d.top.code.value == "h"


def test_the_history_screen_shows_both_sides_per_topic_with_trends_dates_and_agreements(make_app, pairs_dir):
    d = make_app()
    d.click("more")  # the choices are folded away at first
    d.click("pairs:pick")
    d.click("pair:1")
    d.key(pygame.K_h)
    assert isinstance(d.top, HistoryScene)
    scene = d.top
    history = scene.history
    assert history.pair_code == "JD-12" and len(history.sessions) == 4
    trust = history.feature("vertrouwen")
    days = [(T0 + timedelta(weeks=3 * i)).date() for i in range(4)]
    assert trust.series(SessionRole.CLIENT) == list(zip(days, [1, 2, 3, 4], strict=True))
    assert trust.series(SessionRole.PROFESSIONAL) == list(zip(days, [3, 3, 4, 4], strict=True))
    assert [p.spread for p in trust.points] == [2, 1, 1, 0]
    text = shown(d)
    for name in ("Richting en kader", "Vertrouwen", "Binding", "Stroefheid"):
        assert name in text
    trust, friction = history.feature("vertrouwen"), history.feature("stroefheid")
    assert trust.client_trend == Trend.IMPROVING and friction.client_trend == Trend.IMPROVING
    assert history.feature("binding").trend == Trend.STABLE
    for fh in history.features:  # each side's own label, and each topic headed by the gap in words
        assert f"cliënt: {trend_words(fh.client_trend, 'nl')}" in text
        assert f"begeleider: {trend_words(fh.professional_trend, 'nl')}" in text
        assert gap_words(fh.gap_trend, "nl") in text
    assert "7 jan" in text and "11 mrt" in text  # dates on the axis
    assert "cliënt" in text and "begeleider" in text and "verschil" in text  # the legend
    assert "4 gesprekken, van 7 januari 2025 tot 11 maart 2025" in text
    # per session its agreements, newest first; Older pages back to the first session
    assert "Vertrouwen: Sam mag zelf de agenda maken." in text
    seen = text
    while "older" in d.rects():
        d.click("older")
        seen += shown(d)
    assert "Vertrouwen: We bellen elke maandag." in seen and "Geen afspraken genoteerd." in seen
    assert not theme.LOG.outside()


def test_the_history_screen_with_the_keyboard_and_the_mouse(make_app, pairs_dir, deck):
    for week in (14, 16, 18):  # more agreements than fit on one page
        note = f"Week {week}: we make a plan for the letters together and look at it again next time."
        notes = {"binding": note, "vertrouwen": note}
        played(deck, pairs_dir, "JD-12", T0 + timedelta(weeks=week), JD12[3], notes)
    d = make_app(lang="en")
    d.click("more")  # the choices are folded away at first
    d.click("pairs:pick")
    d.enter()  # the most recent code is JD-12 now
    assert d.top.code.value == "JD-12"
    d.key(pygame.K_h)
    scene = d.top
    assert isinstance(scene, HistoryScene) and scene.big is None
    d.digit(2)  # 2: the second topic large
    assert scene.big == 1 and [s.id for s in scene.spots] == ["chart:1"]
    d.key(pygame.K_RIGHT)
    assert scene.big == 2
    d.esc()  # back to all topics
    assert scene.big is None and len(scene.spots) == 4
    d.click("chart:3")  # a click on a chart shows it large, another click goes back
    assert scene.big == 3
    d.click("chart:3")
    assert scene.big is None
    assert "older" in d.rects() and "newer" not in d.rects()  # not every session fits on a page
    d.key(pygame.K_DOWN)  # the agreements page with the arrows
    assert scene.first > 0
    d.key(pygame.K_UP)
    assert scene.first == 0
    d.click("back")
    assert isinstance(d.top, StartScene) and d.top.code.value == "JD-12"
    d.key(pygame.K_h)
    d.esc()
    assert isinstance(d.top, StartScene)


def test_an_unreadable_summary_is_listed_by_name_and_left_as_it_is(make_app, pairs_dir):
    bad = pairs_dir / "sessions" / "20250301-120000-deadbeef.json"
    bad.write_text('{"schema_version": 2, "pair_code": "JD-12", "rounds": [', encoding="utf-8")
    os.utime(bad, (1_000_000_000, 1_000_000_000))
    before = bad.read_bytes()
    d = make_app()
    d.click("more")  # the choices are folded away at first
    d.click("pairs:pick")
    d.click("pair:1")
    d.click("pairs:history")
    assert isinstance(d.top, HistoryScene) and len(d.top.history.sessions) == 4
    text = shown(d)
    assert "Niet te lezen" in text and bad.name in text
    assert bad.read_bytes() == before and bad.stat().st_mtime == 1_000_000_000


def test_look_back_shows_none_written_and_opens_the_history(make_app, pairs_dir):
    d = make_app(lang="en")
    d.click("more")  # the choices are folded away at first
    d.click("code")
    d.type("kl-3")  # capitals do not matter
    d.enter()  # Enter in the field starts at once
    d.enter()  # and the summary is saved (the consent screen)
    assert isinstance(d.top, LookBackScene)
    assert "Nothing was written down then." in shown(d)
    d.key(pygame.K_h)
    assert isinstance(d.top, HistoryScene) and d.top.history.pair_code == "KL-3"
    d.esc()
    assert isinstance(d.top, LookBackScene)
    d.click("continue")
    assert isinstance(d.top, TableScene)


def test_a_resumed_session_gets_no_look_back(make_app, pairs_dir):
    d = make_app()
    d.click("more")  # the choices are folded away at first
    d.click("code")
    d.type("AB-7")
    d.click("start")
    d.click("keep:save")
    d.enter()  # look-back → table
    assert progress_path(pairs_dir).exists()
    pygame.display.quit()
    d = make_app()
    d.enter()  # resume
    assert isinstance(d.top, TableScene)


@pytest.mark.parametrize("size", [(1280, 720), (1024, 600), (1920, 1080)])
@pytest.mark.parametrize("lang", ["nl", "en"])
def test_the_new_screens_keep_their_text_inside_and_their_buttons_big(make_app, pairs_dir, deck, size, lang):
    note = ("Een heel lange afspraak die niet op één regel past, " * 6).strip()
    played(deck, pairs_dir, "JD-12", T0 + timedelta(weeks=13), JD12[0], {"binding": note})
    d = make_app(size=size, lang=lang)
    screens = []

    def check() -> None:
        shown(d)
        assert not theme.LOG.outside(), (type(d.top).__name__, theme.LOG.outside()[:3])
        for wid, r in d.rects().items():
            assert r.w >= 48 and r.h >= 48, (type(d.top).__name__, wid, r)
            assert d.app.screen.get_rect().contains(r), (wid, r)
        screens.append(type(d.top).__name__)

    check()
    d.click("more")  # the choices are folded away at first
    d.click("pairs:pick")
    check()
    d.click("pair:0")
    d.key(pygame.K_h)
    check()
    d.digit(1)
    check()
    d.esc()
    d.esc()
    d.enter()
    check()
    d.enter()  # consent: save the summary
    check()
    assert screens == ["StartScene", "PairPickScene", "HistoryScene", "HistoryScene", "ConsentScene", "LookBackScene"]
    assert saved_summaries(pairs_dir)


def test_a_change_since_last_time_is_asked_on_the_history_screen(make_app, data_dir, deck):
    """A side 1 lower on a helping feature since the session before: a question, never a verdict."""
    from record_sessions import T0 as START
    from record_sessions import play_answers

    from game.store import save_summary

    for i, (client, pro) in enumerate(((4, 4), (2, 4))):
        save_summary(play_answers(deck, [(client, pro)], features=["vertrouwen"], pair="CH-1", seed=i,
                                  started=START + timedelta(days=14 * i)), data_dir)
    d = make_app()
    d.app.push(HistoryScene(d.app, "CH-1"))
    d.frame()
    text = shown(d)
    assert "Sinds vorige keer" in text
    assert "Vertrouwen: de cliënt koos lager dan vorige keer (eerst 4, nu 2). Wat is er gebeurd?" in " ".join(
        text.split())
