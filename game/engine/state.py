"""The whole state of a session in progress: plain, JSON-able, with the random plan inside."""

from __future__ import annotations

import random
import uuid
from datetime import datetime
from enum import StrEnum

from pydantic import AwareDatetime, BaseModel, ConfigDict

from game.model.deck import CardKind, Deck
from game.model.session import Estimate, Setup


class Phase(StrEnum):
    CASE = "case"  # team and practice: the case card is read aloud
    DEAL = "deal"  # a question card lies open; it may be swapped for the next one
    ESTIMATE = "estimate"  # every player places a hidden estimate (or passes)
    REVEAL = "reveal"  # all estimates turn over together
    DISCUSS = "discuss"  # the difference and a conversation starter
    CASE_VIEW = "case_view"  # team and practice: the case client's own view, revealed last
    REFLECT = "reflect"  # a reflection card
    AGREE = "agree"  # an optional note of what was agreed
    DONE = "done"


class IllegalAction(ValueError):
    """An action that the rules do not allow in this state."""


class RoundState(BaseModel):
    model_config = ConfigDict(extra="forbid")

    feature: str
    question: str
    swapped: list[str] = []
    estimates: dict[str, Estimate] = {}
    starter: str | None = None
    reflection: str | None = None
    notes: list[str] = []


class GameState(BaseModel):
    """Everything needed to go on with a session, and nothing else."""

    model_config = ConfigDict(extra="forbid")

    setup: Setup
    deck_id: str
    deck_version: str
    session_id: str
    started_at: AwareDatetime
    phase: Phase
    plan: list[str]  # the feature of each round, in order
    questions: dict[str, list[str]]  # per feature the question cards still in the stack, top first
    reflections: dict[str, list[str]]
    rounds: list[RoundState] = []  # finished rounds, then the current one
    case_id: str | None = None
    ended_early: bool = False

    @property
    def current(self) -> RoundState | None:
        return self.rounds[-1] if self.rounds and self.phase != Phase.DONE else None

    @property
    def round_number(self) -> int:
        """1-based number of the current round (or of the last one when done)."""
        return len(self.rounds)

    @property
    def player_ids(self) -> list[str]:
        return [p.id for p in self.setup.players]

    def waiting_for(self) -> list[str]:
        """Players who still have to place an estimate or pass, in seating order."""
        if self.phase != Phase.ESTIMATE or self.current is None:
            return []
        return [pid for pid in self.player_ids if pid not in self.current.estimates]


def new_session(setup: Setup, deck: Deck, started_at: datetime, session_id: str | None = None) -> GameState:
    """Shuffle the stacks with the setup's seed and deal the first card (or the case card)."""
    for fid in setup.features:
        deck.feature(fid)  # raises KeyError for an unknown feature
    if setup.language not in deck.languages:
        raise IllegalAction(f"the deck has no language '{setup.language}'")
    rng = random.Random(setup.seed)
    questions: dict[str, list[str]] = {}
    reflections: dict[str, list[str]] = {}
    ordered = sorted(setup.features, key=lambda f: deck.feature(f).order)
    for fid in ordered:
        for kind, target in ((CardKind.QUESTION, questions), (CardKind.REFLECTION, reflections)):
            cards = deck.cards_of(fid, kind, quick_only=setup.quick)
            # The most useful (quick) cards come first; each group is shuffled with the seed.
            head = sorted(c.id for c in cards if c.quick)
            tail = sorted(c.id for c in cards if not c.quick)
            rng.shuffle(head)
            rng.shuffle(tail)
            target[fid] = head + tail
    plan = [fid for fid in ordered for _ in range(setup.cards_per_feature)]
    case_id = setup.case_id
    if setup.uses_case:
        if not deck.cases:
            raise IllegalAction("this deck has no case cards for team training")
        if case_id is None:
            case_id = rng.choice([c.id for c in deck.cases])
        deck.case(case_id)
    state = GameState(
        setup=setup,
        deck_id=deck.id,
        deck_version=deck.version,
        session_id=session_id or uuid.UUID(int=rng.getrandbits(128), version=4).hex,
        started_at=started_at,
        phase=Phase.CASE if setup.uses_case else Phase.DEAL,
        plan=plan,
        questions=questions,
        reflections=reflections,
        case_id=case_id,
    )
    if not setup.uses_case:
        _deal(state)
    return state


def _deal(state: GameState) -> None:
    """Start the next round of the plan: take the top question card of its feature."""
    fid = state.plan[len(state.rounds)]
    stack = state.questions[fid]
    state.rounds.append(RoundState(feature=fid, question=stack.pop(0)))
    state.phase = Phase.DEAL
