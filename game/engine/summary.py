"""Turn a finished GameState into the SessionSummary that is saved as JSON."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime

from game import __version__
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
    Mode,
    Player,
    RoundSummary,
    SessionSummary,
    Signal,
    StarterShown,
)


def summary_signals(mode: Mode, players: Sequence[Player], rounds: Sequence[RoundSummary], deck: Deck,
                    lang: str) -> list[Signal]:
    """The signals of these rounds, read card by card, each question headed by its features' names."""
    by_feature: dict[str, list[list[Estimate]]] = {}
    for rnd in rounds:
        by_feature.setdefault(rnd.feature, []).append(list(rnd.estimates))
    return [
        Signal(kind=kind, lane=lane, features=features,
               question=signal_question(kind, lang, [feature_name(deck, f, lang) for f in features], lane))
        for kind, lane, features in find_signals(mode, players, by_feature)
    ]


def feature_name(deck: Deck, feature_id: str, lang: str) -> str:
    """The feature's name in `lang` (a feature the deck does not know: its id in words)."""
    try:
        names = deck.feature(feature_id).name
    except KeyError:
        return feature_id.replace("_", " ").capitalize()
    return names.get(lang) or next(iter(names.values()))


def _client_text(deck: Deck, card_id: str, lang: str) -> str | None:
    try:
        texts = deck.card(card_id).client
    except KeyError:
        return None
    return texts.get(lang) or next(iter(texts.values()))


def build_summary(state: GameState, deck: Deck, ended_at: datetime) -> SessionSummary:
    """The summary of a session that has reached DONE."""
    if state.phase != Phase.DONE:
        raise IllegalAction("the session has not ended yet")
    lang = state.setup.language
    case = deck.case(state.case_id) if state.case_id else None
    rounds: list[RoundSummary] = []
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
                question=_client_text(deck, rnd.question, lang),
            )
        )
    signals = summary_signals(state.setup.mode, state.setup.players, rounds, deck, lang)
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
        app_version=__version__,
    )
