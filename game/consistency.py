"""Whether an autosaved session is one the engine can go on with: it matches the deck and keeps the engine's
invariants (a hand-edited or half-written file may break them), and its end can be saved."""

from __future__ import annotations

from pydantic import ValidationError

from game.engine import GameState, Phase, build_summary
from game.model.deck import CardKind, Deck


def check_progress(state: GameState, deck: Deck) -> str | None:
    """None when the engine can go on with `state` and `deck`; else what is wrong, in a few words."""
    problem = deck_problem(state, deck)
    if problem is not None:
        return f"does not match the deck: {problem}"
    return state_problem(state) or summary_problem(state, deck)


def summary_problem(state: GameState, deck: Deck) -> str | None:
    """Try the end now: a state whose summary cannot be saved would fail only after the whole talk."""
    try:
        # Every round as it is now, also the one still being estimated, as if the session ended here.
        build_summary(state.model_copy(update={"phase": Phase.DONE}), deck, state.started_at)
    except ValidationError as exc:
        err = exc.errors()[0]
        return f"{'.'.join(str(p) for p in err['loc']) or 'summary'}: {err['msg']}"
    except Exception as exc:  # noqa: BLE001 - a probe: whatever breaks the end makes the file unusable
        return f"the session cannot be ended: {type(exc).__name__}"
    return None


def deck_problem(state: GameState, deck: Deck) -> str | None:
    if state.deck_id != deck.id:
        return f"made with deck '{state.deck_id}', this is deck '{deck.id}'"
    if state.setup.language not in deck.languages:
        return f"language '{state.setup.language}' is not in the deck"
    features = {f.id for f in deck.features}
    for fid in [*state.setup.features, *state.plan, *state.questions, *state.reflections]:
        if fid not in features:
            return f"feature '{fid}' is not in the deck"
    cards = {c.id: c for c in deck.cards}

    def card_problem(cid: str, fid: str, kind: CardKind) -> str | None:
        card = cards.get(cid)
        if card is None:
            return f"card '{cid}' is not in the deck"
        if card.feature != fid or card.kind != kind:
            return f"card '{cid}' is not a {kind.value} card of {fid}"
        return None

    checks = [(cid, fid, CardKind.QUESTION) for fid, stack in state.questions.items() for cid in stack]
    checks += [(cid, fid, CardKind.REFLECTION) for fid, stack in state.reflections.items() for cid in stack]
    for rnd in state.rounds:
        checks += [(cid, rnd.feature, CardKind.QUESTION) for cid in [rnd.question, *rnd.swapped]]
        if rnd.reflection is not None:
            checks.append((rnd.reflection, rnd.feature, CardKind.REFLECTION))
    for check in checks:
        problem = card_problem(*check)
        if problem:
            return problem
    starters = {s.id: s for s in deck.starters}
    for rnd in state.rounds:
        if rnd.starter is not None and (rnd.starter not in starters or starters[rnd.starter].feature != rnd.feature):
            return f"conversation starter '{rnd.starter}' is not in the deck"
    if state.case_id is not None and state.case_id not in {c.id for c in deck.cases}:
        return f"case '{state.case_id}' is not in the deck"
    return None


_IN_A_ROUND = (Phase.DEAL, Phase.ESTIMATE, Phase.REVEAL, Phase.DISCUSS, Phase.CASE_VIEW, Phase.REFLECT, Phase.AGREE)


def state_problem(state: GameState) -> str | None:
    """The invariants the engine relies on (a hand-edited or half-written file may break them)."""
    if set(state.plan) - set(state.setup.features):
        return "plan: a feature that was not chosen"
    for fid in state.plan:
        if fid not in state.questions or fid not in state.reflections:
            return f"questions: no stack for {fid}"
        if not state.reflections[fid]:
            return f"reflections.{fid}: empty"
    if len(state.rounds) > len(state.plan):
        return "rounds: more rounds than planned"
    if state.setup.uses_case and state.case_id is None:
        return "case_id: missing"
    players = set(state.player_ids)
    for i, rnd in enumerate(state.rounds):
        if rnd.feature != state.plan[i]:
            return f"rounds.{i}.feature: not the planned feature"
        for pid, est in rnd.estimates.items():
            if pid not in players or est.player != pid:
                return f"rounds.{i}.estimates: unknown player '{pid}'"
            if est.guess is not None and not state.setup.guess_other:
                return f"rounds.{i}.estimates: a guess without 'guess the other'"
        done = i < len(state.rounds) - 1 or state.phase not in (Phase.DEAL, Phase.ESTIMATE, Phase.CASE)
        if done and set(rnd.estimates) != players:
            return f"rounds.{i}.estimates: not every player has an estimate"
    if state.phase == Phase.CASE:
        if state.rounds or not state.setup.uses_case:
            return "phase: a case card after the first round"
    elif state.phase in _IN_A_ROUND:
        if not state.rounds:
            return "phase: no round has been dealt"
        if state.phase in (Phase.DEAL, Phase.ESTIMATE) and not set(state.rounds[-1].estimates) < players:
            return "phase: every estimate is in, but the round still waits for them"
        if state.phase == Phase.DEAL and state.rounds[-1].estimates:
            return "phase: estimates before the card is open"
        if state.phase == Phase.CASE_VIEW and not state.setup.uses_case:
            return "phase: a case view without a case"
        upcoming = state.plan[len(state.rounds):]
        for fid in set(upcoming):
            if len(state.questions[fid]) < upcoming.count(fid):
                return f"questions.{fid}: too few cards left"
    return None
