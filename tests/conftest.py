"""Shared fixtures: the default deck, loaded once. Helpers to build setups live in play_helpers.py."""

from __future__ import annotations

import os

import pytest

os.environ.setdefault("SDL_VIDEODRIVER", "dummy")
os.environ.setdefault("SDL_AUDIODRIVER", "dummy")

from game.decks import load_deck  # noqa: E402
from game.model import Deck  # noqa: E402


@pytest.fixture(scope="session")
def deck() -> Deck:
    return load_deck()
