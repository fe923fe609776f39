"""Random action sequences never bring the engine into an invalid state."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st
from play_helpers import T0, T1, conversation_setup, team_setup

from game.engine import (
    AddNote,
    Continue,
    EndSession,
    GameState,
    IllegalAction,
    Pass,
    Phase,
    PlaceEstimate,
    SwapCard,
    apply,
    build_summary,
    new_session,
)
from game.model import CardKind, Mode, SessionSummary

players = st.sampled_from(["p1", "p2", "p3", "p4", "p9"])
actions = st.one_of(
    st.just(Continue()),
    st.just(SwapCard()),
    st.builds(PlaceEstimate, player=players, value=st.integers(1, 5)),
    st.builds(Pass, player=players),
    st.builds(AddNote, text=st.text(min_size=1, max_size=30)),
    st.just(EndSession()),
)


def check_invariants(state: GameState, deck) -> None:
    assert len(state.rounds) <= len(state.plan)
    dealt = []
    for i, rnd in enumerate(state.rounds):
        assert rnd.feature == state.plan[i]
        for cid in [rnd.question, *rnd.swapped]:
            card = deck.card(cid)
            assert card.feature == rnd.feature and card.kind == CardKind.QUESTION
            dealt.append(cid)
        assert set(rnd.estimates) <= set(state.player_ids)
        finished = i < len(state.rounds) - 1 or state.phase in (
            Phase.REVEAL, Phase.DISCUSS, Phase.CASE_VIEW, Phase.REFLECT, Phase.AGREE, Phase.DONE)
        if finished:
            assert set(rnd.estimates) == set(state.player_ids)
        if rnd.reflection:
            assert deck.card(rnd.reflection).kind == CardKind.REFLECTION
    assert len(dealt) == len(set(dealt)), "a question card was dealt twice"
    if state.phase == Phase.ESTIMATE:
        assert state.waiting_for()
    if state.setup.uses_case:
        assert state.case_id is not None


@settings(max_examples=150, deadline=None)
@given(
    seq=st.lists(actions, max_size=80),
    seed=st.integers(0, 2**32),
    mode=st.sampled_from([Mode.CONVERSATION, Mode.TEAM]),
    quick=st.booleans(),
)
def test_random_actions_keep_the_state_valid(deck, seq, seed, mode, quick):
    setup = conversation_setup(seed=seed, quick=quick) if mode == Mode.CONVERSATION else team_setup(
        4, seed=seed, quick=quick)
    state = new_session(setup, deck, T0)
    for action in seq:
        before = state.model_dump_json()
        try:
            state = apply(state, action, deck)
        except IllegalAction:
            assert state.model_dump_json() == before
            continue
        check_invariants(state, deck)
        # The state survives a JSON round trip (autosave).
        assert GameState.model_validate_json(state.model_dump_json()) == state
        if state.phase == Phase.DONE:
            summary = build_summary(state, deck, T1)
            assert SessionSummary.model_validate_json(summary.model_dump_json()) == summary
            assert all(len(r.estimates) == len(setup.players) for r in summary.rounds)
            break
