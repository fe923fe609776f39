"""A pair's history from saved sessions: the series per side, spreads, agreements, trend labels, the table."""

from __future__ import annotations

import json
import tempfile
import uuid
from collections.abc import Sequence
from datetime import date, datetime, timedelta, timezone
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from play_helpers import conversation_setup

from game.cli import main
from game.engine import AddNote, Continue, Phase, PlaceEstimate, apply, build_summary, new_session
from game.engine.signals import highlighted, spread
from game.history import (
    DEAD_BAND,
    Trend,
    build_history,
    find_pairs,
    fitted_change,
    gap_words,
    headline,
    last_agreements_in,
    load_history,
    trend_of,
)
from game.model import FEATURE_IDS, SCHEMA_VERSION, SessionSummary
from game.model.session import (
    Agreement,
    DealtCard,
    DeckRef,
    Estimate,
    Mode,
    Player,
    Role,
    RoundSummary,
    StarterShown,
)
from game.store import load_summary, save_summary

TZ = timezone(timedelta(hours=1))
T0 = datetime(2025, 1, 7, 14, 0, tzinfo=TZ)
CLIENT, PRO = "p1", "p2"


def make_summary(
    pair: str | None,
    started_at: datetime,
    values: dict[str, tuple[int | None, int | None]],
    *,
    lang: str = "nl",
    notes: dict[str, list[str]] | None = None,
    starters: dict[str, list[str]] | None = None,
    mode: Mode = Mode.CONVERSATION,
    session_id: str | None = None,
) -> SessionSummary:
    """A conversation of a client (p1) and a professional (p2): values[feature] = (client, professional)."""
    if mode == Mode.CONVERSATION:
        players = [Player(id=CLIENT, name="Sam", role=Role.CLIENT),
                   Player(id=PRO, name="Noor", role=Role.PROFESSIONAL)]
    else:
        players = [Player(id=CLIENT, name="Ank", role=Role.PROFESSIONAL),
                   Player(id=PRO, name="Bo", role=Role.PROFESSIONAL)]
    notes = notes or {}
    rounds = []
    for feature, (c, p) in values.items():
        estimates = [Estimate(player=CLIENT, value=c), Estimate(player=PRO, value=p)]
        s = spread(estimates)
        rounds.append(RoundSummary(
            feature=feature, cards=[DealtCard(id=f"{feature}-q1", kind="question")], estimates=estimates,
            spread=s, highlighted=highlighted(s), situation=None,
            starters=[StarterShown(id=f"{feature}-s{i}", text=t)
                      for i, t in enumerate((starters or {}).get(feature, []))],
            notes=notes.get(feature, []),
        ))
    return SessionSummary(
        session_id=session_id or uuid.uuid4().hex, started_at=started_at,
        ended_at=started_at + timedelta(minutes=45),
        mode=mode, language=lang, deck=DeckRef(id="werkalliantie", version="1.0"), players=players,
        pair_code=pair, rounds=rounds, signals=[],
        agreements=[Agreement(feature=f, text=t) for f, ts in notes.items() for t in ts],
    )


def same(c: int, p: int | None = None) -> dict[str, tuple[int | None, int | None]]:
    return {f: (c, c if p is None else p) for f in FEATURE_IDS}


def save_series(root: Path, pair: str, series: Sequence[dict[str, tuple[int | None, int | None]]],
                start: datetime = T0, days: int = 21) -> list[Path]:
    return [save_summary(make_summary(pair, start + timedelta(days=days * i), v), root)
            for i, v in enumerate(series)]


# --- the trend data ------------------------------------------------------------------------------------


def test_history_gives_each_sides_values_per_session_oldest_first_with_spreads(tmp_path: Path) -> None:
    sessions = [
        {"vertrouwen": (2, 4), "stroefheid": (4, 3)},
        {"vertrouwen": (3, 4), "stroefheid": (3, 3)},
        {"vertrouwen": (4, None), "stroefheid": (2, 2)},  # the professional passed on trust
    ]
    # saved newest first: the history still runs oldest first
    for i in reversed(range(3)):
        save_summary(make_summary("JD-12", T0 + timedelta(days=14 * i), sessions[i]), tmp_path)
    h = load_history(tmp_path, "JD-12")
    assert [s.started_at for s in h.sessions] == [T0, T0 + timedelta(days=14), T0 + timedelta(days=28)]
    trust = h.feature("vertrouwen")
    days = [T0.date() + timedelta(days=14 * i) for i in range(3)]
    assert trust.series(Role.CLIENT) == [(days[0], 2), (days[1], 3), (days[2], 4)]
    assert trust.series(Role.PROFESSIONAL) == [(days[0], 4), (days[1], 4)]
    assert [p.spread for p in trust.points] == [2, 1, None]
    assert [p.spread for p in h.feature("stroefheid").points] == [1, 0, 0]
    assert [f.feature for f in h.features] == ["vertrouwen", "stroefheid"]  # table order, only those played


def test_only_this_pairs_conversations_count_and_capitals_do_not_matter(tmp_path: Path) -> None:
    save_series(tmp_path, "jd-12", [same(2), same(3)])
    save_summary(make_summary("JD-12", T0 + timedelta(days=60), same(5)), tmp_path)
    save_summary(make_summary("XY-1", T0 + timedelta(days=61), same(1)), tmp_path)
    save_summary(make_summary("JD-12", T0 + timedelta(days=62), same(1), mode=Mode.TEAM), tmp_path)
    h = load_history(tmp_path, "Jd-12")
    assert len(h.sessions) == 3
    assert h.pair_code == "JD-12"  # as written most recently
    assert h.feature("binding").series(Role.CLIENT)[-1][1] == 5


def test_a_pair_without_sessions_has_an_empty_history(tmp_path: Path) -> None:
    h = load_history(tmp_path / "nothing-here", "AB-1")
    assert h.sessions == () and h.features == () and h.unreadable == ()


def test_several_rounds_of_a_feature_give_each_side_its_mean() -> None:
    s = make_summary("A", T0, {"binding": (2, 5)})
    extra = s.rounds[0].model_copy(update={"estimates": [Estimate(player=CLIENT, value=3),
                                                          Estimate(player=PRO, value=4)], "spread": 1})
    s = s.model_copy(update={"rounds": [*s.rounds, extra]})
    point = build_history("A", [s]).feature("binding").points[0]
    assert (point.client, point.professional, point.spread) == (2.5, 4.5, 3)


def test_agreements_per_session_and_the_last_ones_for_the_next_start(tmp_path: Path) -> None:
    save_summary(make_summary("P-1", T0, same(3), notes={"binding": ["We meet at the library."]}), tmp_path)
    save_summary(make_summary("P-1", T0 + timedelta(days=7), same(3),
                              notes={"vertrouwen": ["Noor calls back within two days."]}), tmp_path)
    h = load_history(tmp_path, "P-1")
    assert [[a.text for a in s.agreements] for s in h.sessions] == [["We meet at the library."],
                                                                     ["Noor calls back within two days."]]
    last = last_agreements_in(tmp_path, "p-1")
    assert last is not None and last.started_at == T0 + timedelta(days=7)
    assert last.agreements == (Agreement(feature="vertrouwen", text="Noor calls back within two days."),)
    assert last_agreements_in(tmp_path, "nobody") is None


def test_pair_codes_for_the_start_screen_most_recent_first(tmp_path: Path) -> None:
    save_series(tmp_path, "OLD-1", [same(3)] * 3, start=T0)
    save_series(tmp_path, "NEW-2", [same(3)], start=T0 + timedelta(days=100))
    save_series(tmp_path, "MID-3", [same(3)] * 2, start=T0 + timedelta(days=50))
    save_summary(make_summary(None, T0 + timedelta(days=200), same(3)), tmp_path)  # no pair code: not listed
    pairs, bad = find_pairs(tmp_path)
    assert [(p.pair_code, p.sessions) for p in pairs] == [("NEW-2", 1), ("MID-3", 2), ("OLD-1", 3)]
    assert bad == []


# --- the labels ----------------------------------------------------------------------------------------


def test_labels_follow_the_direction_and_friction_is_read_the_other_way(tmp_path: Path) -> None:
    series = [
        {"vertrouwen": (2, 2), "binding": (4, 4), "richting_en_kader": (3, 3), "stroefheid": (4, 4)},
        {"vertrouwen": (3, 3), "binding": (3, 4), "richting_en_kader": (4, 3), "stroefheid": (3, 3)},
        {"vertrouwen": (4, 4), "binding": (2, 2), "richting_en_kader": (3, 3), "stroefheid": (2, 2)},
    ]
    save_series(tmp_path, "T-1", series)
    h = load_history(tmp_path, "T-1")
    assert h.feature("vertrouwen").trend == Trend.IMPROVING
    assert h.feature("binding").trend == Trend.DETERIORATING
    assert h.feature("richting_en_kader").trend == Trend.STABLE
    assert h.feature("stroefheid").trend == Trend.IMPROVING  # less friction
    assert not h.feature("stroefheid").helps


def test_more_friction_is_labelled_as_going_less_well() -> None:
    assert trend_of([1, 2, 3], helps=False) == Trend.DETERIORATING
    assert trend_of([3, 2, 1], helps=False) == Trend.IMPROVING


def test_each_side_has_its_own_label() -> None:
    s1 = make_summary("R", T0, {"vertrouwen": (2, 4)})
    s2 = make_summary("R", T0 + timedelta(days=7), {"vertrouwen": (4, 4)})
    fh = build_history("R", [s2, s1]).feature("vertrouwen")
    assert fh.client_trend == Trend.IMPROVING
    assert fh.professional_trend == Trend.STABLE
    assert fh.trend is None  # no one label for both: the headline names each side
    assert headline(fh, "nl") == "cliënt: gaat beter · begeleider: blijft gelijk"
    assert gap_words(fh.gap_trend, "nl") == "jullie komen dichter bij elkaar"


def test_one_session_has_no_trend_yet() -> None:
    fh = build_history("R", [make_summary("R", T0, same(3))]).feature("binding")
    assert fh.trend is None and fh.client_trend is None


def test_the_dead_band_is_one_step_of_the_fitted_line() -> None:
    assert DEAD_BAND == 1.0
    assert trend_of([3, 3.5]) == Trend.STABLE  # one of two players moved one step
    assert trend_of([3, 4]) == Trend.IMPROVING
    assert trend_of([3, 5, 3, 5, 3]) == Trend.STABLE  # up and down is not a direction
    assert trend_of([4, 2, 3, 4, 4]) == Trend.STABLE  # a dip that came back
    assert fitted_change([1, 2, 3, 4]) == pytest.approx(3.0)


values = st.lists(st.integers(1, 5), min_size=2, max_size=10)


@given(values)
def test_friction_mirrors_a_helping_feature(vals: list[int]) -> None:
    """For stroefheid a drop is an improvement: its label equals a helping feature's label for 6 − value."""
    assert trend_of(vals, helps=False) == trend_of([6 - v for v in vals], helps=True)


@given(values)
def test_stable_exactly_when_the_fitted_change_is_less_than_one_step(vals: list[int]) -> None:
    change = fitted_change(vals)
    label = trend_of(vals)
    assert (label == Trend.STABLE) == (abs(change) < DEAD_BAND - 1e-9)
    if label == Trend.IMPROVING:
        assert change > 0
    if label == Trend.DETERIORATING:
        assert change < 0


@given(values, st.integers(-2, 2))
def test_labels_do_not_depend_on_the_level_only_on_the_change(vals: list[int], shift: int) -> None:
    assert trend_of(vals) == trend_of([v + shift for v in vals])


@settings(max_examples=25, deadline=None)
@given(st.lists(st.tuples(st.integers(1, 5), st.integers(1, 5)), min_size=1, max_size=6),
       st.lists(st.integers(1, 30), min_size=6, max_size=6))
def test_generated_sessions_round_trip_through_the_data_dir(pairs: list[tuple[int, int]], gaps: list[int]
                                                            ) -> None:
    """Sessions saved as files give back exactly their values, spreads and labels."""
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        when = T0
        for (c, p), gap in zip(pairs, gaps, strict=False):
            save_summary(make_summary("GEN-1", when, {"binding": (c, p), "stroefheid": (p, c)}), root)
            when += timedelta(days=gap)
        h = load_history(root, "GEN-1")
    binding = h.feature("binding")
    assert [v for _, v in binding.series(Role.CLIENT)] == [c for c, _ in pairs]
    assert [v for _, v in binding.series(Role.PROFESSIONAL)] == [p for _, p in pairs]
    assert [pt.spread for pt in binding.points] == [abs(c - p) for c, p in pairs]
    assert binding.client_trend == trend_of([c for c, _ in pairs])
    assert h.feature("stroefheid").client_trend == trend_of([6 - p for _, p in pairs])


# --- damaged files -------------------------------------------------------------------------------------


def test_damaged_files_are_listed_skipped_and_left_as_they_are(tmp_path: Path) -> None:
    save_series(tmp_path, "D-1", [same(2), same(4)])
    folder = tmp_path / "sessions"
    broken = {
        folder / "20250101-000000-broken.json": b'{"schema_version": 1, "session_id": ',
        folder / "20250102-000000-empty.json": b"",
        folder / "20250103-000000-wrong.json": json.dumps({"schema_version": 2, "pair_code": "D-1"}).encode(),
    }
    for path, data in broken.items():
        path.write_bytes(data)
    h = load_history(tmp_path, "D-1")
    assert len(h.sessions) == 2
    assert h.feature("binding").trend == Trend.IMPROVING
    assert len(h.unreadable) == 3
    for path, data in broken.items():
        assert any(line.startswith(str(path)) for line in h.unreadable)
        assert path.read_bytes() == data  # never overwritten or deleted
    pairs, bad = find_pairs(tmp_path)
    assert [p.pair_code for p in pairs] == ["D-1"] and len(bad) == 3


# --- the schema change: version 1 files still load ------------------------------------------------------


def test_a_version_1_summary_loads_with_its_notes_lifted_into_agreements(tmp_path: Path) -> None:
    s = make_summary("V-1", T0, {"vertrouwen": (3, 4), "binding": (2, 2)},
                     notes={"vertrouwen": ["We bellen op maandag."],
                            "binding": ["Koffie bij de start.", "Samen."]})
    raw = json.loads(s.model_dump_json())
    del raw["agreements"], raw["keep"]
    raw["schema_version"] = 1
    path = tmp_path / "sessions" / "v1.json"
    path.parent.mkdir()
    data = json.dumps(raw, indent=2).encode()
    path.write_bytes(data)
    loaded = load_summary(path)
    assert loaded.schema_version == SCHEMA_VERSION and loaded.keep.value == "save"
    assert [(a.feature, a.text) for a in loaded.agreements] == [
        ("vertrouwen", "We bellen op maandag."), ("binding", "Koffie bij de start."), ("binding", "Samen."),
    ]
    assert loaded.rounds == s.rounds
    assert path.read_bytes() == data  # loading never rewrites the file
    h = load_history(tmp_path, "V-1")
    assert h.sessions[0].agreements == tuple(loaded.agreements)


def test_a_damaged_version_1_file_still_gives_one_line_naming_it(tmp_path: Path) -> None:
    path = tmp_path / "bad.json"
    path.write_text(json.dumps({"schema_version": 1, "rounds": [{"notes": [7]}]}))
    with pytest.raises(Exception) as err:
        load_summary(path)
    assert str(err.value).startswith(str(path)) and "\n" not in str(err.value)


def test_the_engine_writes_notes_as_the_sessions_agreements(deck) -> None:  # type: ignore[no-untyped-def]
    s = new_session(conversation_setup(features=["binding", "vertrouwen"], pair_code="E-1"), deck, T0)
    while s.phase != Phase.DONE:
        if s.phase == Phase.ESTIMATE:
            s = apply(s, PlaceEstimate(player=s.waiting_for()[0], value=3), deck)
        elif s.phase == Phase.AGREE and s.rounds[-1].feature == "binding" and not s.rounds[-1].notes:
            s = apply(s, AddNote(text="Next time we meet at the library."), deck)
        else:
            s = apply(s, Continue(), deck)
    summary = build_summary(s, deck, T0 + timedelta(hours=1))
    assert summary.agreements == [Agreement(feature="binding", text="Next time we meet at the library.")]


# --- the `history` command -----------------------------------------------------------------------------


def test_history_command_prints_a_table_per_feature_with_labels(tmp_path: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    save_series(tmp_path, "JD-7", [
        {"vertrouwen": (2, 4), "stroefheid": (4, 3)},
        {"vertrouwen": (3, 4), "stroefheid": (3, 2)},
        {"vertrouwen": (4, 4), "stroefheid": (2, 2)},
    ])
    (tmp_path / "sessions" / "kapot.json").write_text("{")
    assert main(["history", "jd-7", "--data-dir", str(tmp_path)]) == 0
    out, err = capsys.readouterr()
    assert "Paar JD-7: 3 gesprekken, 2025-01-07 tot 2025-02-18" in out
    lines = out.splitlines()
    i = lines.index("Vertrouwen")
    assert lines[i + 1].strip() == "cliënt: gaat beter · begeleider: blijft gelijk"
    assert lines[i + 2].strip() == "jullie komen dichter bij elkaar"
    assert lines[i + 3].split() == ["datum", "cliënt", "begeleider", "verschil"]
    assert lines[i + 4].split() == ["2025-01-07", "2", "4", "2", "!"]  # 2 apart: to talk about
    assert lines[i + 6].split() == ["2025-02-18", "4", "4", "0"]
    j = lines.index("Stroefheid (hoger = meer stroefheid)")
    assert lines[j + 1].strip() == "gaat beter"
    assert "kapot.json" in err and len(err.strip().splitlines()) == 1


def test_history_command_in_english_and_listing_pairs(tmp_path: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    save_series(tmp_path, "A-1", [same(3), same(2)])
    save_series(tmp_path, "B-2", [same(3)], start=T0 + timedelta(days=90))
    assert main(["history", "A-1", "--data-dir", str(tmp_path), "--lang", "en"]) == 0
    out = capsys.readouterr().out
    assert "Pair A-1: 2 sessions" in out and "Goals and rules\n  going less well" in out
    assert "Goals and rules: the client chose lower than last time (was 3, now 2). What happened?" in out
    assert main(["history", "--data-dir", str(tmp_path)]) == 0
    listing = capsys.readouterr().out.splitlines()
    assert [line.split()[0] for line in listing[1:]] == ["B-2", "A-1"]


def test_history_command_unknown_or_bad_pair_code(tmp_path: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    save_series(tmp_path, "A-1", [same(3)])
    assert main(["history", "Z-9", "--data-dir", str(tmp_path)]) == 1
    assert "Z-9" in capsys.readouterr().err
    assert main(["history", "no spaces!", "--data-dir", str(tmp_path)]) == 2
    err = capsys.readouterr().err.strip()
    assert "pair code" in err and len(err.splitlines()) == 1


def test_history_dates_are_the_day_where_the_session_was_played() -> None:
    just_after_midnight = datetime(2025, 3, 2, 0, 30, tzinfo=TZ)  # still 1 March in UTC
    fh = build_history("Z", [make_summary("Z", just_after_midnight, same(3))]).feature("binding")
    assert fh.series(Role.CLIENT) == [(date(2025, 3, 2), 3)]
