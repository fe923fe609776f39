"""What the start screen remembers between sessions of one run (names, roles, topics, mode)."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass
class Prefs:
    """What the start screen remembers between sessions of one run."""

    names: list[str] = field(default_factory=lambda: ["", ""])
    roles: list[str] = field(default_factory=lambda: ["client", "professional"])
    features: list[str] = field(default_factory=list)
    quick: bool = True
    guess_other: bool = False
    pair_code: str = ""
    # team training and practice
    mode: str = "conversation"  # or "team", "practice" (play --mode)
    team_size: int = 4  # 3–8 (play --players)
    practice_size: int = 1  # 1–2
    team_names: list[str] = field(default_factory=list)
    trainer: str = ""
    perspective: str = "client_view"  # or "own_view"
    phones: bool = False  # choose on phones (play --phones, or the start screen's choice)

    def forget_people(self) -> None:
        """Drop what says who played (names, pair code): the next pair at this screen must not see it.

        How the game was set up (roles, topics, length, language) is kept; it says nothing about people.
        """
        self.names = ["" for _ in self.names]
        self.pair_code = ""
        self.team_names = []
        self.trainer = ""
