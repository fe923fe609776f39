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
    return {f: [Estimate(player="p1", value=client[f]), Estimate(player="p2", value=pro[f])] for f in client}


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
    return {k for k, _, _ in find_signals(conversation_setup(), by_feature(client, pro))}


def test_a_strong_base():
    high = dict(richting_en_kader=4, vertrouwen=5, binding=4, stroefheid=2)
    assert SignalKind.STRONG_BASE in kinds(high, high)
    assert SignalKind.STRONG_BASE not in kinds(high, {**high, "stroefheid": 3})


def test_the_dropout_pattern_is_much_frame_for_the_client_with_high_friction():
    client = dict(richting_en_kader=5, vertrouwen=3, binding=3, stroefheid=2)
    pro = dict(richting_en_kader=4, vertrouwen=3, binding=3, stroefheid=4)  # the professional loses grip
    found = {k: (lane, f) for k, lane, f in find_signals(conversation_setup(), by_feature(client, pro))}
    assert found[SignalKind.DROPOUT_PATTERN] == ("friction", ["richting_en_kader", "stroefheid"])
    assert SignalKind.DROPOUT_PATTERN not in kinds({**client, "richting_en_kader": 3}, pro)


def test_everyone_at_the_best_value_invites_a_second_look():
    best = dict(richting_en_kader=5, vertrouwen=5, binding=5, stroefheid=1)
    assert SignalKind.ALL_AT_MAXIMUM in kinds(best, best)
    assert SignalKind.ALL_AT_MAXIMUM not in kinds(best, {**best, "binding": 4})


def test_a_professional_who_sees_it_more_positively_is_named():
    client = dict(richting_en_kader=3, vertrouwen=2, binding=2, stroefheid=3)
    pro = dict(richting_en_kader=3, vertrouwen=4, binding=5, stroefheid=3)
    found = {k: f for k, _, f in find_signals(conversation_setup(), by_feature(client, pro))}
    assert found[SignalKind.PROFESSIONAL_MORE_POSITIVE] == ["vertrouwen", "binding"]


def test_friction_is_never_summed_with_the_other_features():
    client = dict(richting_en_kader=5, vertrouwen=5, binding=5, stroefheid=5)
    for kind, lane, _features in find_signals(conversation_setup(), by_feature(client, client)):
        assert kind != SignalKind.STRONG_BASE
        assert lane in ("alliance", "friction")


def test_every_signal_is_a_question_in_both_languages():
    for kind in SignalKind:
        for lang in ("nl", "en"):
            text = SIGNAL_QUESTIONS[kind][lang]
            assert text.rstrip().endswith("?"), (kind, lang)
