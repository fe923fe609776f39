"""What one player may see of the state: other players' estimates stay hidden until the reveal."""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict

from game.engine.state import GameState, Phase
from game.model.session import Estimate, Mode, Perspective, Setup

REVEALED = (Phase.REVEAL, Phase.DISCUSS, Phase.CASE_VIEW, Phase.REFLECT, Phase.AGREE, Phase.DONE)
CASE_VIEW_SHOWN = (Phase.CASE_VIEW, Phase.REFLECT, Phase.AGREE, Phase.DONE)


def card_side(setup: Setup, player_id: str | None = None) -> str:
    """Which phrasing of a question card a player reads: in a conversation their own role's; in team training
    and practice the chosen perspective's (practice: always the case client's)."""
    if not setup.uses_case:
        return next(p.role.value for p in setup.players if p.id == player_id)
    if setup.mode == Mode.PRACTICE or setup.perspective == Perspective.CLIENT_VIEW:
        return "client"
    return "professional"


class RoundView(BaseModel):
    model_config = ConfigDict(extra="forbid")

    feature: str
    question: str
    swapped: list[str]
    placed: dict[str, bool]  # who has placed an estimate (or passed) — never what
    estimates: dict[str, Estimate]  # only what this viewer may see
    starter: str | None
    reflection: str | None
    notes: list[str]
    case_view: int | None = None


class PlayerView(BaseModel):
    """The state as seen by one player (or by the table, viewer None)."""

    model_config = ConfigDict(extra="forbid")

    viewer: str | None
    setup: Setup
    phase: Phase
    round_number: int
    rounds_total: int
    case_id: str | None
    waiting_for: list[str]
    current: RoundView | None
    finished: list[RoundView]


def _round_view(
    state: GameState, index: int, viewer: str | None, case_view: dict[str, int] | None
) -> RoundView:
    rnd = state.rounds[index]
    is_current = index == len(state.rounds) - 1 and state.phase != Phase.DONE
    open_all = not is_current or state.phase in REVEALED
    shown = {
        pid: est for pid, est in rnd.estimates.items() if open_all or pid == viewer
    }
    show_case = case_view is not None and (not is_current or state.phase in CASE_VIEW_SHOWN)
    return RoundView(
        feature=rnd.feature,
        question=rnd.question,
        swapped=list(rnd.swapped),
        placed={pid: pid in rnd.estimates for pid in state.player_ids},
        estimates=shown,
        starter=rnd.starter,
        reflection=rnd.reflection,
        notes=list(rnd.notes),
        case_view=case_view.get(rnd.feature) if show_case and case_view else None,
    )


def player_view(state: GameState, viewer: str | None, case_view: dict[str, int] | None = None) -> PlayerView:
    """Strip what `viewer` may not see; `case_view` is the case client's view from the deck, if any."""
    views = [_round_view(state, i, viewer, case_view) for i in range(len(state.rounds))]
    in_progress = state.phase != Phase.DONE and views
    return PlayerView(
        viewer=viewer,
        setup=state.setup,
        phase=state.phase,
        round_number=state.round_number,
        rounds_total=len(state.plan),
        case_id=state.case_id,
        waiting_for=state.waiting_for(),
        current=views[-1] if in_progress else None,
        finished=views[:-1] if in_progress else views,
    )
