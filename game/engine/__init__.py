"""The rules of the game as pure functions over plain pydantic state. No pygame here."""

from game.engine.actions import Action, AddNote, Continue, EndSession, Pass, PlaceEstimate, SwapCard
from game.engine.rules import apply
from game.engine.state import GameState, IllegalAction, Phase, RoundState, new_session
from game.engine.summary import build_summary
from game.engine.views import PlayerView, RoundView, player_view

__all__ = [
    "Action",
    "AddNote",
    "Continue",
    "EndSession",
    "GameState",
    "IllegalAction",
    "Pass",
    "Phase",
    "PlaceEstimate",
    "PlayerView",
    "RoundState",
    "RoundView",
    "SwapCard",
    "apply",
    "build_summary",
    "new_session",
    "player_view",
]
