"""The rules of a session, driven through the engine's actions."""

from __future__ import annotations

import pytest
from play_helpers import T0, T1, conversation_setup, play, team_setup
from pydantic import ValidationError

from game.engine import (
    AddNote,
    Continue,
    EndSession,
    IllegalAction,
    Pass,
    Phase,
    PlaceEstimate,
    SwapCard,
    apply,
    build_summary,
    new_session,
)
from game.model import FEATURE_IDS, CardKind, Mode, Player, Role, Setup, Situation

CONVERSATION_PHASES = [Phase.DEAL, Phase.ESTIMATE, Phase.REVEAL, Phase.DISCUSS, Phase.REFLECT, Phase.AGREE]


def phases_seen(deck, setup):
    seen = []
    play(deck, setup, on_state=lambda s: seen.append(s.phase) if not seen or seen[-1] != s.phase else None)
    return seen


def test_a_conversation_goes_through_every_phase_for_each_feature(deck):
    seen = phases_seen(deck, conversation_setup())
    assert seen == CONVERSATION_PHASES * 4 + [Phase.DONE]


def test_team_training_reads_the_case_first_and_shows_the_case_view_after_the_talk(deck):
    seen = phases_seen(deck, team_setup(4, features=["vertrouwen"]))
    assert seen == [
        Phase.CASE, Phase.DEAL, Phase.ESTIMATE, Phase.REVEAL, Phase.DISCUSS, Phase.CASE_VIEW,
        Phase.REFLECT, Phase.AGREE, Phase.DONE,
    ]


def test_features_are_played_in_table_order_and_each_card_belongs_to_its_feature(deck):
    state = play(deck, conversation_setup(features=["stroefheid", "richting_en_kader"]))
    assert [r.feature for r in state.rounds] == ["richting_en_kader", "stroefheid"]
    for rnd in state.rounds:
        assert deck.card(rnd.question).feature == rnd.feature
        assert deck.card(rnd.question).kind == CardKind.QUESTION
        assert deck.card(rnd.reflection).kind == CardKind.REFLECTION
        assert deck.card(rnd.reflection).feature == rnd.feature


def test_the_same_seed_deals_the_same_cards_and_starters(deck):
    a = play(deck, conversation_setup(seed=7), value=lambda r, p: 1 + (r + int(p[1])) % 5)
    b = play(deck, conversation_setup(seed=7), value=lambda r, p: 1 + (r + int(p[1])) % 5)
    assert a.model_dump() == b.model_dump()


def test_other_seeds_deal_other_cards(deck):
    deals = {
        tuple(r.question for r in play(deck, conversation_setup(seed=seed)).rounds) for seed in range(12)
    }
    assert len(deals) > 3


def test_quick_sessions_use_only_quick_cards(deck):
    for seed in range(5):
        state = play(deck, conversation_setup(quick=True, seed=seed))
        for rnd in state.rounds:
            assert deck.card(rnd.question).quick and deck.card(rnd.reflection).quick


def test_a_full_session_deals_the_most_useful_quick_cards_first(deck):
    state = play(deck, conversation_setup(seed=3))
    assert all(deck.card(r.question).quick for r in state.rounds)


def test_swapping_puts_the_card_aside_and_deals_the_next_of_the_same_feature(deck):
    state = new_session(conversation_setup(), deck, T0)
    first = state.current.question
    after = apply(state, SwapCard(), deck)
    assert after.current.question != first
    assert after.current.swapped == [first]
    assert deck.card(after.current.question).feature == after.current.feature
    assert state.current.question == first, "apply must not change the old state"


def test_swapping_stops_when_the_stack_is_empty(deck):
    state = new_session(conversation_setup(quick=True), deck, T0)
    state = apply(state, SwapCard(), deck)
    state = apply(state, SwapCard(), deck)
    with pytest.raises(IllegalAction):
        apply(state, SwapCard(), deck)


def test_a_card_cannot_be_swapped_once_estimates_are_asked(deck):
    state = apply(new_session(conversation_setup(), deck, T0), Continue(), deck)
    with pytest.raises(IllegalAction):
        apply(state, SwapCard(), deck)


def test_the_reveal_waits_for_every_player(deck):
    state = apply(new_session(conversation_setup(), deck, T0), Continue(), deck)
    state = apply(state, PlaceEstimate(player="p2", value=4), deck)
    assert state.phase == Phase.ESTIMATE and state.waiting_for() == ["p1"]
    with pytest.raises(IllegalAction):
        apply(state, Continue(), deck)
    state = apply(state, PlaceEstimate(player="p1", value=2), deck)
    assert state.phase == Phase.REVEAL


def test_a_player_may_pass_a_question(deck):
    state = apply(new_session(conversation_setup(), deck, T0), Continue(), deck)
    state = apply(state, Pass(player="p1"), deck)
    state = apply(state, PlaceEstimate(player="p2", value=4), deck)
    assert state.phase == Phase.REVEAL
    state = apply(apply(state, Continue(), deck), EndSession(), deck)
    rnd = build_summary(state, deck, T1).rounds[0]
    assert [(e.player, e.value) for e in rnd.estimates] == [("p1", None), ("p2", 4)]
    assert rnd.spread is None and not rnd.highlighted


@pytest.mark.parametrize(
    "action",
    [PlaceEstimate(player="p1", value=3), Pass(player="p1"), AddNote(text="x")],
)
def test_actions_out_of_turn_are_refused(deck, action):
    state = new_session(conversation_setup(), deck, T0)  # DEAL
    with pytest.raises(IllegalAction):
        apply(state, action, deck)


def test_an_estimate_is_placed_once_and_only_by_a_player_at_the_table(deck):
    state = apply(new_session(conversation_setup(), deck, T0), Continue(), deck)
    state = apply(state, PlaceEstimate(player="p1", value=3), deck)
    with pytest.raises(IllegalAction):
        apply(state, PlaceEstimate(player="p1", value=5), deck)
    with pytest.raises(IllegalAction):
        apply(state, PlaceEstimate(player="p7", value=5), deck)


def test_estimates_outside_the_scale_are_refused():
    for bad in (0, 6, -1):
        with pytest.raises(ValidationError):
            PlaceEstimate(player="p1", value=bad)


def test_notes_are_kept_in_order_and_empty_notes_refused(deck):
    state = new_session(conversation_setup(features=["binding"]), deck, T0)
    for action in (Continue(), PlaceEstimate(player="p1", value=2), PlaceEstimate(player="p2", value=5)):
        state = apply(state, action, deck)
    state = apply(apply(state, Continue(), deck), Continue(), deck)  # discuss → reflect
    state = apply(apply(state, Continue(), deck), AddNote(text="  Volgende keer samen het plan lezen. "), deck)
    state = apply(state, AddNote(text="Bellen op maandag"), deck)
    with pytest.raises(IllegalAction):
        apply(state, AddNote(text="   "), deck)
    state = apply(state, Continue(), deck)
    assert state.phase == Phase.DONE
    notes = build_summary(state, deck, T1).rounds[0].notes
    assert notes == ["Volgende keer samen het plan lezen.", "Bellen op maandag"]


def test_ending_early_keeps_revealed_rounds_and_drops_the_one_being_estimated(deck):
    state = new_session(conversation_setup(), deck, T0)
    for action in (Continue(), PlaceEstimate(player="p1", value=2), PlaceEstimate(player="p2", value=4), Continue()):
        state = apply(state, action, deck)
    for _ in range(3):
        state = apply(state, Continue(), deck)  # discuss → reflect → agree → next deal
    state = apply(apply(state, Continue(), deck), PlaceEstimate(player="p1", value=5), deck)
    state = apply(state, EndSession(), deck)
    summary = build_summary(state, deck, T1)
    assert summary.ended_early
    assert [r.feature for r in summary.rounds] == ["richting_en_kader"]
    with pytest.raises(IllegalAction):
        apply(state, Continue(), deck)


def test_the_summary_cannot_be_built_before_the_end(deck):
    with pytest.raises(IllegalAction):
        build_summary(new_session(conversation_setup(), deck, T0), deck, T1)


@pytest.mark.parametrize("n", range(2, 9))
def test_the_engine_accepts_two_to_eight_players(deck, n):
    state = play(deck, team_setup(n), value=lambda r, p: int(p[1]) % 5 + 1)
    summary = build_summary(state, deck, T1)
    assert all(len(r.estimates) == n for r in summary.rounds)


@pytest.mark.parametrize("n", [1, 9])
def test_fewer_than_two_or_more_than_eight_players_is_refused(n):
    with pytest.raises(ValidationError):
        team_setup(n)


def test_a_conversation_needs_a_client_and_a_professional():
    with pytest.raises(ValidationError):
        conversation_setup(
            players=[Player(id="p1", name="A", role=Role.CLIENT), Player(id="p2", name="B", role=Role.CLIENT)]
        )


def test_practice_is_for_one_or_two_professionals(deck):
    state = play(deck, team_setup(1, mode=Mode.PRACTICE))
    assert build_summary(state, deck, T1).mode == Mode.PRACTICE
    with pytest.raises(ValidationError):
        team_setup(3, mode=Mode.PRACTICE)


def test_guess_the_other_keeps_each_guess(deck):
    setup = conversation_setup(guess_other=True, features=["vertrouwen"])
    state = apply(new_session(setup, deck, T0), Continue(), deck)
    state = apply(state, PlaceEstimate(player="p1", value=2, guess=4), deck)
    state = apply(state, PlaceEstimate(player="p2", value=4, guess=3), deck)
    state = apply(state, EndSession(), deck)
    est = build_summary(state, deck, T1).rounds[0].estimates
    assert [(e.value, e.guess) for e in est] == [(2, 4), (4, 3)]


def test_a_guess_is_refused_when_the_variant_is_off(deck):
    state = apply(new_session(conversation_setup(), deck, T0), Continue(), deck)
    with pytest.raises(IllegalAction):
        apply(state, PlaceEstimate(player="p1", value=2, guess=4), deck)


def test_the_starter_matches_what_the_reveal_shows(deck):
    def value(rnd, pid):
        return {"p1": 5, "p2": 2}[pid]  # the client sees every feature higher

    state = play(deck, conversation_setup(), value=value)
    summary = build_summary(state, deck, T1)
    for rnd in summary.rounds:
        assert rnd.situation == Situation.CLIENT_HIGHER and rnd.spread == 3 and rnd.highlighted
        starter = deck.starter(rnd.starters[0].id)
        assert starter.situation == Situation.CLIENT_HIGHER and starter.feature == rnd.feature
        assert rnd.starters[0].text == starter.text["nl"]


def test_team_reveal_uses_team_starters_and_the_case_client_view(deck):
    state = play(deck, team_setup(5, features=["binding"], seed=2), value=lambda r, p: int(p[1]))
    summary = build_summary(state, deck, T1)
    case = deck.case(summary.case.id)
    rnd = summary.rounds[0]
    assert rnd.spread == 4 and rnd.situation == Situation.TEAM_APART
    assert deck.starter(rnd.starters[0].id).situation == Situation.TEAM_APART
    assert rnd.case_view == case.client_view["binding"]


def test_the_language_sets_the_words_in_the_summary(deck):
    state = play(deck, conversation_setup(language="en", features=["binding"]))
    summary = build_summary(state, deck, T1)
    assert summary.language == "en"
    assert summary.rounds[0].starters[0].text == deck.starter(summary.rounds[0].starters[0].id).text["en"]


def test_an_unknown_feature_or_language_is_refused(deck):
    with pytest.raises(KeyError):
        new_session(conversation_setup(features=["geduld"]), deck, T0)
    with pytest.raises(IllegalAction):
        new_session(conversation_setup(language="de"), deck, T0)


def test_setup_features_cannot_repeat():
    with pytest.raises(ValidationError):
        Setup(players=conversation_setup().players, features=["binding", "binding"])


def test_all_four_features_exist_in_the_default_deck(deck):
    assert [f.id for f in deck.features] == list(FEATURE_IDS)


def test_a_team_that_agrees_gets_a_starter_written_for_a_team(deck):
    state = play(deck, team_setup(4, features=["stroefheid"], seed=4), value=lambda r, p: 3 + int(p[1]) % 2)
    rnd = build_summary(state, deck, T1).rounds[0]
    assert rnd.spread == 1 and rnd.situation == Situation.TEAM_CLOSE
    assert deck.starter(rnd.starters[0].id).situation == Situation.TEAM_CLOSE


def test_a_name_or_note_of_invisible_characters_is_no_name():
    with pytest.raises(ValidationError):
        Player(id="p1", name="\ufeff\u200b ", role=Role.CLIENT)
    assert Player(id="p1", name=" Sam\u200b", role=Role.CLIENT).name == "Sam"
    with pytest.raises(ValidationError):
        AddNote(text="x").model_validate({"type": "note", "text": 5})
