"""The actions a screen can send to the engine: small, plain, JSON-able."""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field

from game.model.session import MAX_NOTE, Value


class _Action(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class Continue(_Action):
    """Go on to the next step (deal → estimate, reveal → discuss, …, agree → next round)."""

    type: Literal["continue"] = "continue"


class SwapCard(_Action):
    """The dealt question is not relevant: put it aside and take the next one of the feature."""

    type: Literal["swap"] = "swap"


class PlaceEstimate(_Action):
    type: Literal["estimate"] = "estimate"
    player: str
    value: Value
    guess: Value | None = None


class Pass(_Action):
    """A player does not want to answer this question."""

    type: Literal["pass"] = "pass"
    player: str


class AddNote(_Action):
    """An agreement or remark written down during the talk."""

    type: Literal["note"] = "note"
    text: Annotated[str, Field(min_length=1, max_length=MAX_NOTE)]


class EndSession(_Action):
    """Stop now; the rounds that were revealed are kept."""

    type: Literal["end"] = "end"


Action = Annotated[Continue | SwapCard | PlaceEstimate | Pass | AddNote | EndSession, Field(discriminator="type")]
