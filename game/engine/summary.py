"""Turn a finished GameState into the SessionSummary that is saved as JSON."""

from __future__ import annotations

from datetime import datetime

from game.engine.signals import find_signals, highlighted, situation, spread
from game.engine.state import GameState, IllegalAction, Phase
from game.i18n import signal_question
from game.model.deck import CardKind, Deck
from game.model.session import (
    Agreement,
    CaseRef,
    DealtCard,
    DeckRef,
    Estimate,
    RoundSummary,
    SessionSummary,
    Signal,
    StarterShown,
)


def build_summary(state: GameState, deck: Deck, ended_at: datetime) -> SessionSummary:
    """The summary of a session that has reached DONE."""
    if state.phase != Phase.DONE:
        raise IllegalAction("the session has not ended yet")
    lang = state.setup.language
    case = deck.case(state.case_id) if state.case_id else None
    rounds: list[RoundSummary] = []
    by_feature: dict[str, list[Estimate]] = {}
    for rnd in state.rounds:
        estimates = [rnd.estimates[pid] for pid in state.player_ids if pid in rnd.estimates]
        cards = [DealtCard(id=cid, kind=CardKind.QUESTION, swapped=True) for cid in rnd.swapped]
        cards.append(DealtCard(id=rnd.question, kind=CardKind.QUESTION))
        if rnd.reflection:
            cards.append(DealtCard(id=rnd.reflection, kind=CardKind.REFLECTION))
        starters = (
            [StarterShown(id=rnd.starter, text=deck.starter(rnd.starter).text[lang])] if rnd.starter else []
        )
        s = spread(estimates)
        rounds.append(
            RoundSummary(
                feature=rnd.feature,
                cards=cards,
                estimates=estimates,
                spread=s,
                highlighted=highlighted(s),
                situation=situation(state.setup, rnd.estimates),
                starters=starters,
                notes=list(rnd.notes),
                case_view=case.client_view.get(rnd.feature) if case else None,
            )
        )
        by_feature.setdefault(rnd.feature, []).extend(estimates)
    signals = [
        Signal(kind=kind, lane=lane, features=features, question=signal_question(kind, lang))
        for kind, lane, features in find_signals(state.setup, by_feature)
    ]
    return SessionSummary(
        session_id=state.session_id,
        started_at=state.started_at,
        ended_at=ended_at,
        mode=state.setup.mode,
        language=lang,
        deck=DeckRef(id=state.deck_id, version=state.deck_version),
        players=state.setup.players,
        pair_code=state.setup.pair_code,
        trainer=state.setup.trainer,
        perspective=state.setup.perspective if state.setup.uses_case else None,
        case=CaseRef(id=case.id, title=case.title[lang]) if case else None,
        guess_other=state.setup.guess_other,
        quick=state.setup.quick,
        ended_early=state.ended_early,
        rounds=rounds,
        signals=signals,
        agreements=[Agreement(feature=r.feature, text=note) for r in rounds for note in r.notes],
        keep=state.setup.keep,
    )
