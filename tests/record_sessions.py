"""Sessions built with the game's own engine from chosen answers (None: a pass), for the record's tests and
screenshots."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import UTC, datetime, timedelta

from game.engine import AddNote, Continue, EndSession, Pass, Phase, PlaceEstimate, apply, build_summary, new_session
from game.model import Deck, Player, Role, SessionSummary, Setup

T0 = datetime(2026, 3, 2, 10, 0, tzinfo=UTC)
Answer = tuple[int | None, int | None]  # (client, professional); None: that player passed


def play_answers(deck: Deck, answers: Sequence[Answer], *, features: Sequence[str], cards: int = 1, quick: bool = False,
                 lang: str = "nl", pair: str | None = "AB-1", started: datetime = T0, seed: int = 0,
                 end_after: int | None = None, notes: Sequence[str] = ()) -> SessionSummary:
    """Play a conversation of Sam (client, p1) and Noor (professional, p2); round k gets answers[k % len]. With
    end_after the session is ended early after that many rounds."""
    setup = Setup(players=[Player(id="p1", name="Sam", role=Role.CLIENT),
                           Player(id="p2", name="Noor", role=Role.PROFESSIONAL)],
                  features=list(features), cards_per_feature=cards, quick=quick, language=lang, seed=seed,
                  pair_code=pair)
    state = new_session(setup, deck, started)
    while state.phase != Phase.DONE:
        k = len(state.rounds) - 1
        if end_after is not None and len(state.rounds) > end_after:
            state = apply(state, EndSession(), deck)
            break
        if state.phase == Phase.ESTIMATE:
            pid = state.waiting_for()[0]
            value = answers[k % len(answers)][0 if pid == "p1" else 1]
            action = Pass(player=pid) if value is None else PlaceEstimate(player=pid, value=value)
            state = apply(state, action, deck)
        elif state.phase == Phase.AGREE and k < len(notes) and notes[k]:
            state = apply(apply(state, AddNote(text=notes[k]), deck), Continue(), deck)
        else:
            state = apply(state, Continue(), deck)
    return build_summary(state, deck, started + timedelta(minutes=40))
