"""Spread, situations and alliance signals: questions to talk about, never a total score."""

from __future__ import annotations

import pytest
from play_helpers import conversation_setup, team_setup

from game.engine.signals import find_signals, more_positive, situation, spread
from game.i18n import SIGNAL_QUESTIONS
from game.model import Estimate, Role, SignalKind, Situation

FEATURES = ("richting_en_kader", "vertrouwen", "binding", "stroefheid")


def est(**values):
    return {pid: Estimate(player=pid, value=v) for pid, v in values.items()}


def by_feature(client: dict[str, int], pro: dict[str, int]):
    """One card per feature."""
    return {f: [[Estimate(player="p1", value=client[f]), Estimate(player="p2", value=pro[f])]] for f in client}


def signals_of(rounds):
    setup = conversation_setup()
    return find_signals(setup.mode, setup.players, rounds)


@pytest.mark.parametrize(
    ("client", "pro", "expected"),
    [
        (5, 3, Situation.CLIENT_HIGHER),
        (1, 4, Situation.PROFESSIONAL_HIGHER),
        (2, 1, Situation.BOTH_LOW),
        (4, 5, Situation.BOTH_HIGH),
        (3, 3, Situation.BOTH_MIDDLE),
        (3, 4, Situation.BOTH_MIDDLE),
        (2, 3, Situation.BOTH_MIDDLE),
        (4, 4, Situation.BOTH_HIGH),
    ],
)
def test_conversation_situations(client, pro, expected):
    assert situation(conversation_setup(), est(p1=client, p2=pro)) == expected


def test_a_team_gets_team_starters_whether_apart_or_close():
    setup = team_setup(4)
    assert situation(setup, est(p1=1, p2=3, p3=3, p4=3)) == Situation.TEAM_APART
    assert situation(setup, est(p1=4, p2=5, p3=4, p4=5)) == Situation.TEAM_CLOSE


def test_spread_ignores_passes_and_needs_two_answers():
    assert spread([Estimate(player="p1", value=None), Estimate(player="p2", value=4)]) is None
    assert spread(est(p1=1, p2=5, p3=3).values()) == 4


def test_for_friction_the_lower_number_is_the_more_positive_view():
    assert more_positive(True, client=4, professional=2) == Role.CLIENT
    assert more_positive(False, client=4, professional=2) == Role.PROFESSIONAL
    assert more_positive(True, client=3, professional=3) is None


def kinds(client, pro):
    return {k for k, _, _ in signals_of(by_feature(client, pro))}


def test_a_strong_base():
    high = dict(richting_en_kader=4, vertrouwen=5, binding=4, stroefheid=2)
    assert SignalKind.STRONG_BASE in kinds(high, high)
    assert SignalKind.STRONG_BASE not in kinds(high, {**high, "stroefheid": 3})


def test_the_dropout_pattern_is_much_frame_for_the_client_with_high_friction():
    client = dict(richting_en_kader=5, vertrouwen=3, binding=3, stroefheid=2)
    pro = dict(richting_en_kader=4, vertrouwen=3, binding=3, stroefheid=4)  # the professional loses grip
    found = {k: (lane, f) for k, lane, f in signals_of(by_feature(client, pro))}
    assert found[SignalKind.DROPOUT_PATTERN] == ("friction", ["richting_en_kader", "stroefheid"])
    assert SignalKind.DROPOUT_PATTERN not in kinds({**client, "richting_en_kader": 3}, pro)


def test_everyone_at_the_best_value_invites_a_second_look():
    best = dict(richting_en_kader=5, vertrouwen=5, binding=5, stroefheid=1)
    assert SignalKind.ALL_AT_MAXIMUM in kinds(best, best)
    assert SignalKind.ALL_AT_MAXIMUM not in kinds(best, {**best, "binding": 4})


def test_a_professional_who_sees_it_more_positively_is_named():
    client = dict(richting_en_kader=3, vertrouwen=2, binding=2, stroefheid=3)
    pro = dict(richting_en_kader=3, vertrouwen=4, binding=5, stroefheid=3)
    found = {k: f for k, _, f in signals_of(by_feature(client, pro))}
    assert found[SignalKind.PROFESSIONAL_MORE_POSITIVE] == ["vertrouwen", "binding"]


def test_friction_is_never_summed_with_the_other_features():
    client = dict(richting_en_kader=5, vertrouwen=5, binding=5, stroefheid=5)
    for kind, lane, _features in signals_of(by_feature(client, client)):
        assert kind != SignalKind.STRONG_BASE
        assert lane in ("alliance", "friction")


def test_every_signal_is_a_question_in_both_languages():
    for kind in SignalKind:
        for lang in ("nl", "en"):
            text = SIGNAL_QUESTIONS[kind][lang]
            assert text.rstrip().endswith("?"), (kind, lang)


def test_a_pass_is_a_pass_no_situation_from_the_one_estimate_left():
    setup = conversation_setup()
    assert situation(setup, {"p1": Estimate(player="p1", value=3), "p2": Estimate(player="p2", value=None)}) is None
    assert situation(setup, {"p1": Estimate(player="p1", value=None), "p2": Estimate(player="p2", value=5)}) is None


def test_a_passed_round_gets_no_starter(deck):
    from play_helpers import T0

    from game.engine import Continue, Pass, PlaceEstimate, apply, new_session

    state = new_session(conversation_setup(features=["vertrouwen"]), deck, T0)
    state = apply(apply(state, Continue(), deck), PlaceEstimate(player="p1", value=2), deck)
    state = apply(apply(state, Pass(player="p2"), deck), Continue(), deck)
    assert state.current.starter is None


def card(client, pro):
    return [Estimate(player="p1", value=client), Estimate(player="p2", value=pro)]


def test_opposite_answers_on_two_cards_are_not_averaged_away():
    """1 vs 5 on one card and 5 vs 1 on the next: the means are equal, the gap is not."""
    found = {(k, lane): f for k, lane, f in signals_of({"vertrouwen": [card(1, 5), card(5, 1)]})}
    assert found[(SignalKind.PROFESSIONAL_MORE_POSITIVE, "alliance")] == ["vertrouwen"]


def test_a_client_who_feels_more_friction_is_the_same_kind_of_gap():
    found = {(k, lane): f for k, lane, f in signals_of({"stroefheid": [card(4, 2)]})}
    assert found[(SignalKind.PROFESSIONAL_MORE_POSITIVE, "friction")] == ["stroefheid"]
    assert not signals_of({"stroefheid": [card(2, 4)]})


def test_signal_questions_name_their_feature_and_ask_what_the_professional_can_do(deck):
    from game.engine.summary import summary_signals
    from game.model.session import RoundSummary

    setup = conversation_setup()
    rounds = [RoundSummary(feature=f, cards=[], estimates=card(c, p), spread=abs(c - p), highlighted=True,
                           situation=None, starters=[], notes=[])
              for f, c, p in (("vertrouwen", 2, 5), ("stroefheid", 5, 2))]
    for lang, trust, friction, ask in (("nl", "Vertrouwen: ", "Stroefheid: ", "Wat kan de begeleider anders doen?"),
                                       ("en", "Trust: ", "Friction: ", "What could the professional do differently?")):
        questions = [s.question for s in summary_signals(setup.mode, setup.players, rounds, deck, lang)]
        assert any(q.startswith(trust) and q.endswith(ask) for q in questions), questions
        assert any(q.startswith(friction) and q.endswith(ask) for q in questions), questions
        assert not any("ook zo te ervaren" in q or "that way too" in q for q in questions)
