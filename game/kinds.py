"""The plain words the models and the screens share: feature ids, modes, roles, perspectives, signal kinds, the
longest name, and how typed text is cleaned.

No pydantic here: the start screen draws with these before the models load (game.model re-exports them).
"""

from __future__ import annotations

import unicodedata
from enum import StrEnum

FEATURE_IDS = ("richting_en_kader", "vertrouwen", "binding", "stroefheid")
MAX_NAME = 40


def clean_text(text: str) -> str:
    """Text as a person can see it: control and invisible format characters removed, spaces trimmed."""
    if not isinstance(text, str):
        return text  # left for validation to report
    return "".join(ch for ch in text if unicodedata.category(ch) not in ("Cc", "Cf") or ch == "\n").strip()


class Mode(StrEnum):
    CONVERSATION = "conversation"  # a client and a professional talk about their alliance
    TEAM = "team"  # a team of professionals estimates a case
    PRACTICE = "practice"  # one or two professionals guess the case client's view


class Role(StrEnum):
    CLIENT = "client"
    PROFESSIONAL = "professional"


class Perspective(StrEnum):
    """In team training: whose view the estimates give."""

    CLIENT_VIEW = "client_view"  # "how would this client see it?"
    OWN_VIEW = "own_view"  # "how do you, as professional, see it?"


class SignalKind(StrEnum):
    STRONG_BASE = "strong_base"
    DROPOUT_PATTERN = "dropout_pattern"
    ALL_AT_MAXIMUM = "all_at_maximum"
    PROFESSIONAL_MORE_POSITIVE = "professional_more_positive"
