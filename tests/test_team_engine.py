"""Team training and practice in the engine: 3 to 8 professionals, hidden estimates, the case client's view
revealed last, and the summary that is saved."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from play_helpers import T0, T1, play, team_setup
from pydantic import ValidationError

from game.engine import (
    AddNote,
    Continue,
    EndSession,
    IllegalAction,
    Pass,
    Phase,
    PlaceEstimate,
    apply,
    build_summary,
    new_session,
    player_view,
)
from game.engine.views import CASE_VIEW_SHOWN, REVEALED
from game.model import FEATURE_IDS, Mode, Situation
from game.model.session import Perspective, SessionSummary
from game.store import load_summary, save_summary

ROUND_PHASES = [
    Phase.DEAL,
    Phase.ESTIMATE,
    Phase.REVEAL,
    Phase.DISCUSS,
    Phase.CASE_VIEW,
    Phase.REFLECT,
    Phase.AGREE,
]


def values_for(n: int):
    """A spread-out team: player k chooses 1 + (k + round) % 5."""
    return lambda rnd, pid: 1 + (int(pid[1:]) + rnd) % 5


@pytest.mark.parametrize("n", range(3, 9))
def test_a_team_of_n_reads_the_case_then_estimates_every_feature_and_sees_the_client_last(deck, n):
    seen: list[Phase] = []
    state = play(
        deck,
        team_setup(n),
        value=values_for(n),
        on_state=lambda s: seen.append(s.phase) if not seen or seen[-1] != s.phase else None,
    )
    assert seen == [Phase.CASE, *ROUND_PHASES * 4, Phase.DONE]
    summary = build_summary(state, deck, T1)
    case = deck.case(summary.case.id)
    assert summary.mode == Mode.TEAM and len(summary.players) == n
    assert [r.feature for r in summary.rounds] == list(FEATURE_IDS)
    for k, rnd in enumerate(summary.rounds):
        expected = [values_for(n)(k, f"p{i + 1}") for i in range(n)]
        assert [e.value for e in rnd.estimates] == expected  # every estimate, in seating order
        assert rnd.spread == max(expected) - min(expected)
        assert rnd.highlighted == (rnd.spread >= 2)
        assert rnd.case_view == case.client_view[rnd.feature]
        # a team never gets the client/professional starters of a conversation
        assert rnd.situation not in (Situation.CLIENT_HIGHER, Situation.PROFESSIONAL_HIGHER)
        assert rnd.situation == (Situation.TEAM_APART if rnd.spread >= 2 else rnd.situation)
        assert deck.starter(rnd.starters[0].id).situation == rnd.situation


@pytest.mark.parametrize("n", range(3, 9))
def test_while_a_team_estimates_nobody_sees_another_estimate_nor_the_client(deck, n):
    setup = team_setup(n, features=["vertrouwen"])
    state = apply(apply(new_session(setup, deck, T0), Continue(), deck), Continue(), deck)
    case_view = deck.case(state.case_id).client_view
    for i in range(n):
        pid = f"p{i + 1}"
        mine = player_view(state, pid, case_view)
        assert mine.current.estimates == {}  # nobody's estimate, not even a placed one of another player
        assert mine.current.case_view is None
        assert mine.waiting_for == [f"p{k + 1}" for k in range(i, n)]
        state = apply(state, PlaceEstimate(player=pid, value=5 if i % 2 else 1), deck)
        if state.phase == Phase.ESTIMATE:
            for viewer in [None, *state.player_ids]:
                view = player_view(state, viewer, case_view)
                assert set(view.current.estimates) <= ({viewer} if viewer else set())
                assert view.current.placed == {p: p in state.current.estimates for p in state.player_ids}
    assert state.phase == Phase.REVEAL
    table = player_view(state, None, case_view)
    assert len(table.current.estimates) == n and table.current.case_view is None  # the client comes last


def test_the_case_client_view_is_shown_from_its_own_phase_on_and_stays_in_finished_rounds(deck):
    shown_at = []

    def on_state(state):
        if state.current is None:
            return
        case_view = deck.case(state.case_id).client_view
        for viewer in [None, *state.player_ids]:
            view = player_view(state, viewer, case_view)
            assert (view.current.case_view is not None) == (state.phase in CASE_VIEW_SHOWN)
            for done in view.finished:
                assert done.case_view == case_view[done.feature]
        if state.phase in CASE_VIEW_SHOWN:
            shown_at.append(state.phase)

    play(deck, team_setup(5, features=["richting_en_kader", "binding"]), on_state=on_state)
    assert Phase.CASE_VIEW in shown_at
    assert all(p != Phase.REVEAL for p in shown_at)


def test_the_case_card_comes_from_the_seed_or_is_chosen(deck):
    a = new_session(team_setup(4, seed=11), deck, T0)
    b = new_session(team_setup(4, seed=11), deck, T0)
    assert a.case_id == b.case_id and a.case_id in {c.id for c in deck.cases}
    chosen = {new_session(team_setup(4, seed=s), deck, T0).case_id for s in range(60)}
    assert len(chosen) >= 10  # the seed spreads the sessions over the case cards
    forced = new_session(team_setup(4, case_id="case-shelter-2"), deck, T0)
    assert forced.case_id == "case-shelter-2" and forced.phase == Phase.CASE and forced.rounds == []
    with pytest.raises(KeyError):
        new_session(team_setup(4, case_id="case-unknown"), deck, T0)


def test_nothing_is_estimated_before_the_case_is_read(deck):
    state = new_session(team_setup(3), deck, T0)
    assert state.phase == Phase.CASE and player_view(state, None).current is None
    with pytest.raises(IllegalAction):
        apply(state, PlaceEstimate(player="p1", value=3), deck)
    with pytest.raises(IllegalAction):
        apply(state, AddNote(text="te vroeg"), deck)


def test_a_note_can_be_written_while_the_client_view_is_shown(deck):
    state = new_session(team_setup(3, features=["binding"]), deck, T0)
    while state.phase != Phase.CASE_VIEW:
        if state.phase == Phase.ESTIMATE:
            state = apply(state, PlaceEstimate(player=state.waiting_for()[0], value=2), deck)
        else:
            state = apply(state, Continue(), deck)
    state = apply(state, AddNote(text="De cliënt ziet meer binding dan wij."), deck)
    state = apply(apply(apply(state, Continue(), deck), Continue(), deck), Continue(), deck)
    summary = build_summary(state, deck, T1)
    assert summary.rounds[0].notes == ["De cliënt ziet meer binding dan wij."]
    assert summary.agreements[0].feature == "binding"


def test_passes_leave_the_spread_to_the_others_and_all_passing_shows_no_starter(deck):
    state = apply(
        apply(new_session(team_setup(4, features=["vertrouwen"]), deck, T0), Continue(), deck),
        Continue(),
        deck,
    )
    for pid, value in (("p1", 2), ("p2", None), ("p3", 4), ("p4", None)):
        state = apply(
            state, Pass(player=pid) if value is None else PlaceEstimate(player=pid, value=value), deck
        )
    state = apply(state, EndSession(), deck)
    rnd = build_summary(state, deck, T1).rounds[0]
    assert [e.value for e in rnd.estimates] == [2, None, 4, None] and rnd.spread == 2

    state = apply(
        apply(new_session(team_setup(3, features=["vertrouwen"]), deck, T0), Continue(), deck),
        Continue(),
        deck,
    )
    for pid in ("p1", "p2", "p3"):
        state = apply(state, Pass(player=pid), deck)
    state = apply(state, Continue(), deck)  # to the talk: no starter fits nobody's estimate
    assert state.current.starter is None
    state = apply(state, EndSession(), deck)
    rnd = build_summary(state, deck, T1).rounds[0]
    assert rnd.spread is None and rnd.situation is None and rnd.starters == []


def test_team_and_practice_summaries_are_saved_with_their_mode_perspective_trainer_and_case(deck, tmp_path):
    setup = team_setup(6, perspective=Perspective.OWN_VIEW, trainer="Ans", features=["stroefheid"])
    summary = build_summary(play(deck, setup), deck, T1)
    path = save_summary(summary, tmp_path)
    again = load_summary(path)
    assert again == summary
    assert again.mode == Mode.TEAM and again.perspective == Perspective.OWN_VIEW and again.trainer == "Ans"
    assert again.case is not None and again.rounds[0].case_view is not None
    practice = build_summary(play(deck, team_setup(1, mode=Mode.PRACTICE)), deck, T1)
    assert load_summary(save_summary(practice, tmp_path)).mode == Mode.PRACTICE
    assert practice.perspective == Perspective.CLIENT_VIEW
    assert all(r.case_view is not None for r in practice.rounds)


def test_a_team_is_professionals_only_and_plays_no_guess_the_other():
    from game.model import Player, Role, Setup

    clients = [Player(id=f"p{i}", name="A", role=Role.CLIENT) for i in (1, 2, 3)]
    with pytest.raises(ValidationError):
        Setup(mode=Mode.TEAM, players=clients, features=["binding"])
    with pytest.raises(ValidationError):
        team_setup(4, guess_other=True)
    with pytest.raises(ValidationError):
        team_setup(9)
    with pytest.raises(ValidationError):
        team_setup(0, mode=Mode.PRACTICE)


@settings(max_examples=60, deadline=None)
@given(
    n=st.integers(3, 8),
    choices=st.lists(st.one_of(st.none(), st.integers(1, 5)), min_size=8, max_size=8),
    order=st.permutations(list(range(8))),
)
def test_any_team_any_estimates_in_any_order_stay_hidden_until_the_reveal(deck, n, choices, order):
    setup = team_setup(n, features=["richting_en_kader"])
    state = apply(apply(new_session(setup, deck, T0), Continue(), deck), Continue(), deck)
    case_view = deck.case(state.case_id).client_view
    for k in [i for i in order if i < n]:
        pid, value = f"p{k + 1}", choices[k]
        action = Pass(player=pid) if value is None else PlaceEstimate(player=pid, value=value)
        state = apply(state, action, deck)
        for viewer in [None, *state.player_ids]:
            view = player_view(state, viewer, case_view)
            if state.phase in REVEALED:
                assert len(view.current.estimates) == n
            else:
                assert set(view.current.estimates) <= {viewer}
            assert view.current.case_view is None
    assert state.phase == Phase.REVEAL
    given_values = [v for v in choices[:n] if v is not None]
    state = apply(state, EndSession(), deck)
    rnd = build_summary(state, deck, T1).rounds[0]
    assert rnd.spread == (max(given_values) - min(given_values) if len(given_values) >= 2 else None)
    assert (
        SessionSummary.model_validate_json(build_summary(state, deck, T1).model_dump_json()).mode == Mode.TEAM
    )


def test_one_person_practising_alone_gets_no_conversation_starter(deck):
    """The starters speak to a team or a pair ("jullie"); one person practising has nobody to talk with."""
    summary = build_summary(play(deck, team_setup(1, mode=Mode.PRACTICE)), deck, T1)
    assert summary.rounds and all(rnd.starters == [] for rnd in summary.rounds)
    pair = build_summary(play(deck, team_setup(2, mode=Mode.PRACTICE)), deck, T1)
    assert any(rnd.starters for rnd in pair.rounds)
