"""Hidden means hidden: no player view shows another player's estimate before the reveal."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st
from play_helpers import T0, conversation_setup, play, team_setup

from game.engine import Continue, Pass, Phase, PlaceEstimate, apply, new_session, player_view
from game.engine.views import REVEALED

SECRET = {"p1": 5, "p2": 1, "p3": 4, "p4": 2}


def check_hidden(state, deck, case_view=None):
    """Assert what each viewer may see in this state."""
    viewers = [None, *state.player_ids]
    for viewer in viewers:
        view = player_view(state, viewer, case_view)
        if view.current is None:
            continue
        shown = view.current.estimates
        if state.phase in REVEALED:
            assert set(shown) == set(state.current.estimates)
        else:
            assert set(shown) <= {viewer}, (state.phase, viewer, shown)
            for pid in state.current.estimates:
                if pid != viewer:
                    assert pid not in view.current.estimates
            assert view.current.placed == {pid: pid in state.current.estimates for pid in state.player_ids}
        for done in view.finished:
            assert len(done.estimates) == len(done.placed) or any(v is False for v in done.placed.values())


def test_hidden_in_every_phase_of_a_conversation(deck):
    phases = set()

    def on_state(state):
        phases.add(state.phase)
        check_hidden(state, deck)

    play(deck, conversation_setup(guess_other=False), value=lambda r, p: SECRET[p], on_state=on_state)
    assert phases == {Phase.DEAL, Phase.ESTIMATE, Phase.REVEAL, Phase.DISCUSS, Phase.REFLECT, Phase.AGREE,
                      Phase.DONE}


def test_hidden_in_every_phase_of_team_training_and_the_case_view_comes_last(deck):
    phases = set()

    def on_state(state):
        phases.add(state.phase)
        case_view = deck.case(state.case_id).client_view
        check_hidden(state, deck, case_view)
        view = player_view(state, "p1", case_view)
        if view.current is not None:
            late = state.phase in (Phase.CASE_VIEW, Phase.REFLECT, Phase.AGREE)
            assert (view.current.case_view is not None) == late, state.phase

    play(deck, team_setup(4), value=lambda r, p: SECRET[p], on_state=on_state)
    assert Phase.CASE in phases and Phase.CASE_VIEW in phases


def test_the_first_player_to_choose_is_invisible_to_the_second(deck):
    state = apply(new_session(conversation_setup(guess_other=True), deck, T0), Continue(), deck)
    state = apply(state, PlaceEstimate(player="p1", value=5, guess=2), deck)
    second = player_view(state, "p2")
    assert second.current.estimates == {}
    assert second.current.placed == {"p1": True, "p2": False}
    assert "5" not in second.current.model_dump_json().replace(state.current.question, "")
    own = player_view(state, "p1")
    assert own.current.estimates["p1"].value == 5


@settings(max_examples=40, deadline=None)
@given(
    choices=st.lists(st.tuples(st.sampled_from(["p1", "p2"]), st.integers(1, 5), st.booleans()), max_size=40),
)
def test_hidden_after_any_order_of_estimates_and_passes(deck, choices):
    state = new_session(conversation_setup(), deck, T0)
    for pid, value, passing in choices:
        if state.phase == Phase.DONE:
            break
        if state.phase == Phase.ESTIMATE and pid in state.waiting_for():
            action = Pass(player=pid) if passing else PlaceEstimate(player=pid, value=value)
        else:
            action = Continue()
        if state.phase == Phase.ESTIMATE and pid not in state.waiting_for():
            continue
        state = apply(state, action, deck)
        check_hidden(state, deck)
