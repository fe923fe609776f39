"""The nouns of a session: who plays, how, and the summary that is saved as JSON."""

from __future__ import annotations

from datetime import datetime
from enum import StrEnum
from typing import Annotated

from pydantic import AwareDatetime, BaseModel, BeforeValidator, ConfigDict, Field, StringConstraints, model_validator

from game.kinds import MAX_NAME, Mode, Perspective, Role, SignalKind, clean_text  # noqa: F401 - re-exported
from game.model.deck import MAX_ID, CardKind, Situation

SCHEMA_VERSION = 3  # 2: top-level `agreements` (lifted from the rounds' notes); 3: `keep` (version 2 saved)
MAX_NOTE = 500
MAX_SHOWN = 1000  # a deck's text is at most 450 characters; a hand-edited summary may not hold more than this


Value = Annotated[int, Field(ge=1, le=5)]
Name = Annotated[
    str, BeforeValidator(clean_text), StringConstraints(min_length=1, max_length=MAX_NAME)
]
Note = Annotated[
    str, BeforeValidator(clean_text), StringConstraints(min_length=1, max_length=MAX_NOTE)
]
Ref = Annotated[str, StringConstraints(max_length=MAX_ID)]
"""An id that names something of the deck (a feature, a card, the deck itself, a language), capped in length."""
Shown = Annotated[str, StringConstraints(max_length=MAX_SHOWN)]
"""Text the summary keeps as it was shown (a conversation starter, a case title, a signal's question)."""
PairCode = Annotated[str, StringConstraints(strip_whitespace=True, pattern=r"^[A-Za-z0-9_-]{1,32}$")]


class Model(BaseModel):
    model_config = ConfigDict(extra="forbid")


class Keep(StrEnum):
    """What the pair chose at the start, after reading the deck's consent text."""

    SAVE = "save"  # the summary is saved in sessions/
    SHOW = "show"  # the summary is only shown: nothing is written to sessions/, the autosave is removed


class Player(Model):
    id: Annotated[str, StringConstraints(pattern=r"^p[1-8]$")]
    name: Name
    role: Role


class Setup(Model):
    """Everything chosen before the first card is dealt."""

    mode: Mode = Mode.CONVERSATION
    players: list[Player]
    features: list[Ref]
    cards_per_feature: Annotated[int, Field(ge=1, le=3)] = 1
    quick: bool = False
    language: Ref = "nl"
    seed: int = 0
    guess_other: bool = False
    perspective: Perspective = Perspective.CLIENT_VIEW
    case_id: Ref | None = None
    pair_code: PairCode | None = None
    trainer: Name | None = None
    keep: Keep = Keep.SAVE

    @model_validator(mode="after")
    def _check(self) -> Setup:
        n = len(self.players)
        low = 1 if self.mode == Mode.PRACTICE else 2
        high = 2 if self.mode == Mode.PRACTICE else 8
        if not low <= n <= high:
            raise ValueError(f"{self.mode.value} needs {low} to {high} players, got {n}")
        ids = [p.id for p in self.players]
        if len(set(ids)) != n:
            raise ValueError("player ids must be unique")
        if not self.features or len(set(self.features)) != len(self.features):
            raise ValueError("features must be a non-empty list without repeats")
        if self.mode == Mode.CONVERSATION:
            roles = {p.role for p in self.players}
            if roles != {Role.CLIENT, Role.PROFESSIONAL}:
                raise ValueError("a conversation needs at least one client and one professional")
        elif any(p.role != Role.PROFESSIONAL for p in self.players):
            raise ValueError(f"{self.mode.value} is played by professionals only")
        if self.guess_other and not (self.mode == Mode.CONVERSATION and n == 2):
            raise ValueError("'guess the other' is for a conversation of two players")
        return self

    @property
    def uses_case(self) -> bool:
        return self.mode in (Mode.TEAM, Mode.PRACTICE)


class Estimate(Model):
    """One player's estimate in a round; value None means the player passed."""

    player: Ref
    value: Value | None
    guess: Value | None = None  # "guess the other": what this player thinks the other chose


class DealtCard(Model):
    id: Ref
    kind: CardKind
    swapped: bool = False  # put aside as not relevant, replaced by the next card


class StarterShown(Model):
    id: Ref
    text: Shown


class RoundSummary(Model):
    feature: Ref
    cards: list[DealtCard]
    estimates: list[Estimate]
    spread: int | None  # highest minus lowest; None with fewer than two estimates
    highlighted: bool
    situation: Situation | None
    starters: list[StarterShown]
    notes: list[Note]
    case_view: Value | None = None  # team and practice: the case client's own estimate
    # The rated question card as the client read it, in the session's language, so the record shows what was asked
    # even after the deck changed (optional: older files lack it and are read through the deck they name).
    question: Annotated[str, StringConstraints(max_length=1000)] | None = None


class Signal(Model):
    """A pattern worth talking about, phrased as a question; never a diagnosis."""

    kind: SignalKind
    lane: Annotated[str, StringConstraints(pattern="^(alliance|friction)$")]
    features: list[Ref]
    question: Shown


class Agreement(Model):
    """Something written down in a session to come back to; the next session of the pair shows it first."""

    feature: Ref | None = None  # the feature of the round it was written in; None: about the whole session
    text: Note


class DeckRef(Model):
    id: Ref
    version: Ref


class CaseRef(Model):
    id: Ref
    title: Shown


class SessionSummary(Model):
    """What a finished session leaves behind, saved as one JSON file in sessions/."""

    schema_version: int = SCHEMA_VERSION
    session_id: Annotated[str, StringConstraints(pattern=r"^[0-9a-f]{32}$")]
    started_at: AwareDatetime
    ended_at: AwareDatetime
    mode: Mode
    language: Ref
    deck: DeckRef
    players: list[Player]
    pair_code: PairCode | None = None
    trainer: Name | None = None
    perspective: Perspective | None = None
    case: CaseRef | None = None
    guess_other: bool = False
    quick: bool = False
    ended_early: bool = False
    rounds: list[RoundSummary]
    signals: list[Signal]
    agreements: list[Agreement] = []  # in the order written; the start of the pair's next session shows them
    keep: Keep = Keep.SAVE  # "show": the pair chose that nothing is saved (such a summary is never written)
    app_version: str | None = None  # the program that wrote it (game.__version__); older files have none

    @model_validator(mode="after")
    def _times(self) -> SessionSummary:
        if self.ended_at < self.started_at:
            raise ValueError("ended_at is before started_at")
        return self


def now() -> datetime:
    """The current time with the local time zone (ISO 8601 with offset when dumped)."""
    return datetime.now().astimezone()
