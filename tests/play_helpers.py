"""Drive the engine through whole sessions in tests."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime

from game.engine import Continue, GameState, Phase, PlaceEstimate, apply, new_session
from game.model import FEATURE_IDS, Deck, Mode, Player, Role, Setup

T0 = datetime(2026, 11, 29, 10, 0, tzinfo=UTC)
T1 = datetime(2026, 11, 29, 10, 45, tzinfo=UTC)


def play(
    deck: Deck,
    setup: Setup,
    value: Callable[[int, str], int] = lambda rnd, pid: 3,
    on_state: Callable[[GameState], None] | None = None,
) -> GameState:
    """Play a whole session: every player estimates value(round_index, player_id), Continue elsewhere."""
    state = new_session(setup, deck, T0)
    while state.phase != Phase.DONE:
        if on_state:
            on_state(state)
        if state.phase == Phase.ESTIMATE:
            pid = state.waiting_for()[0]
            state = apply(state, PlaceEstimate(player=pid, value=value(len(state.rounds) - 1, pid)), deck)
        else:
            state = apply(state, Continue(), deck)
    if on_state:
        on_state(state)
    return state


def conversation_setup(**kw) -> Setup:
    players = kw.pop(
        "players",
        [Player(id="p1", name="Sam", role=Role.CLIENT), Player(id="p2", name="Noor", role=Role.PROFESSIONAL)],
    )
    return Setup(players=players, features=kw.pop("features", list(FEATURE_IDS)), **kw)


def team_setup(n: int = 4, mode: Mode = Mode.TEAM, **kw) -> Setup:
    players = [Player(id=f"p{i + 1}", name=f"Collega {i + 1}", role=Role.PROFESSIONAL) for i in range(n)]
    return Setup(mode=mode, players=players, features=kw.pop("features", list(FEATURE_IDS)), **kw)
