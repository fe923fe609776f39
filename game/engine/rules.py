"""The rules: apply(state, action, deck) returns the next state and never changes the old one."""

from __future__ import annotations

import random

from game.engine.actions import Action, AddNote, Continue, EndSession, Pass, PlaceEstimate, SwapCard
from game.engine.signals import situation
from game.engine.state import GameState, IllegalAction, Phase, _deal
from game.model.deck import Deck
from game.model.session import Estimate, Mode, clean_text

MAX_NOTES = 10


def apply(state: GameState, action: Action, deck: Deck) -> GameState:
    """Return the state after `action`; raise IllegalAction when the rules do not allow it."""
    if state.phase == Phase.DONE:
        raise IllegalAction("the session has ended")
    new = state.model_copy(deep=True)
    match action:
        case Continue():
            _continue(new, deck)
        case SwapCard():
            _swap(new)
        case PlaceEstimate(player=player, value=value, guess=guess):
            _place(new, Estimate(player=player, value=value, guess=guess))
        case Pass(player=player):
            _place(new, Estimate(player=player, value=None))
        case AddNote(text=text):
            _note(new, text)
        case EndSession():
            _end(new)
        case _:
            raise IllegalAction(f"unknown action {action!r}")
    return new


def _continue(state: GameState, deck: Deck) -> None:
    rnd = state.current
    match state.phase:
        case Phase.CASE:
            _deal(state)
        case Phase.DEAL:
            state.phase = Phase.ESTIMATE
        case Phase.ESTIMATE:
            raise IllegalAction(f"waiting for estimates of {', '.join(state.waiting_for())}")
        case Phase.REVEAL:
            assert rnd is not None
            rnd.starter = _pick_starter(state, deck)
            state.phase = Phase.DISCUSS
        case Phase.DISCUSS:
            if state.setup.uses_case:
                state.phase = Phase.CASE_VIEW
            else:
                _to_reflect(state)
        case Phase.CASE_VIEW:
            _to_reflect(state)
        case Phase.REFLECT:
            state.phase = Phase.AGREE
        case Phase.AGREE:
            if len(state.rounds) < len(state.plan):
                _deal(state)
            else:
                state.phase = Phase.DONE


def _swap(state: GameState) -> None:
    if state.phase != Phase.DEAL:
        raise IllegalAction("a card can only be swapped before the estimates")
    rnd = state.current
    assert rnd is not None
    stack = state.questions[rnd.feature]
    still_needed = state.plan[len(state.rounds):].count(rnd.feature)
    if len(stack) <= still_needed:
        raise IllegalAction("no other question card left for this feature")
    rnd.swapped.append(rnd.question)
    rnd.question = stack.pop(0)


def _place(state: GameState, estimate: Estimate) -> None:
    if state.phase != Phase.ESTIMATE:
        raise IllegalAction("estimates are placed only after a card is dealt")
    if estimate.player not in state.player_ids:
        raise IllegalAction(f"no player '{estimate.player}'")
    if estimate.guess is not None and not state.setup.guess_other:
        raise IllegalAction("this session does not play 'guess the other'")
    rnd = state.current
    assert rnd is not None
    if estimate.player in rnd.estimates:
        raise IllegalAction(f"{estimate.player} has already placed an estimate")
    rnd.estimates[estimate.player] = estimate
    if not state.waiting_for():
        state.phase = Phase.REVEAL


def _note(state: GameState, text: str) -> None:
    if state.phase not in (Phase.DISCUSS, Phase.CASE_VIEW, Phase.REFLECT, Phase.AGREE):
        raise IllegalAction("a note is written after the reveal")
    text = clean_text(text)
    if not text:
        raise IllegalAction("an empty note")
    rnd = state.current
    assert rnd is not None
    if len(rnd.notes) >= MAX_NOTES:
        raise IllegalAction(f"at most {MAX_NOTES} notes in a round")
    rnd.notes.append(text)


def _end(state: GameState) -> None:
    """Keep only rounds whose estimates were revealed; drop a round still being estimated."""
    if state.phase in (Phase.CASE, Phase.DEAL, Phase.ESTIMATE) and state.rounds:
        state.rounds.pop()
    state.ended_early = True
    state.phase = Phase.DONE


def _to_reflect(state: GameState) -> None:
    rnd = state.current
    assert rnd is not None
    stack = state.reflections[rnd.feature]
    card = stack.pop(0)
    stack.append(card)  # a short stack goes round again rather than running out
    rnd.reflection = card
    state.phase = Phase.REFLECT


def _pick_starter(state: GameState, deck: Deck) -> str | None:
    rnd = state.current
    assert rnd is not None
    sit = situation(state.setup, rnd.estimates)
    if sit is None:
        return None
    if state.setup.mode != Mode.CONVERSATION and sit.value.endswith("_higher"):
        return None
    if len(state.setup.players) == 1:
        return None  # practising alone: the starters speak to a team or a pair, not to one person
    options = sorted(s.id for s in deck.starters_for(rnd.feature, sit))
    if not options:
        return None
    rng = random.Random(f"{state.setup.seed}/{len(state.rounds)}/{sit.value}")
    return rng.choice(options)
