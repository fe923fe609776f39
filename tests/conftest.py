"""Shared fixtures: the default deck (loaded once) and simple setups."""

from __future__ import annotations

import os

import pytest

os.environ.setdefault("SDL_VIDEODRIVER", "dummy")
os.environ.setdefault("SDL_AUDIODRIVER", "dummy")

from game.decks import load_deck  # noqa: E402
from game.model import FEATURE_IDS, Deck, Mode, Player, Role, Setup  # noqa: E402


@pytest.fixture(scope="session")
def deck() -> Deck:
    return load_deck()


def conversation_setup(**kw) -> Setup:
    players = kw.pop(
        "players",
        [Player(id="p1", name="Sam", role=Role.CLIENT), Player(id="p2", name="Noor", role=Role.PROFESSIONAL)],
    )
    return Setup(players=players, features=kw.pop("features", list(FEATURE_IDS)), **kw)


def team_setup(n: int = 4, mode: Mode = Mode.TEAM, **kw) -> Setup:
    players = [Player(id=f"p{i + 1}", name=f"Collega {i + 1}", role=Role.PROFESSIONAL) for i in range(n)]
    return Setup(mode=mode, players=players, features=kw.pop("features", list(FEATURE_IDS)), **kw)
