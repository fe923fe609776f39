"""What the start screen needs from a deck, read fast and without validating it: its name, languages, whether it
has case cards, and each feature's id, order, name and colour.

The start screen draws with this at once; the whole deck is loaded and checked (game.decks) while the start
screen is already on the window. A Deck has the same attributes, so either can stand where this is used.
No pydantic here. None when the folder does not look like a deck: then the caller loads it the full way, which
names every problem.
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from game.kinds import FEATURE_IDS

_TABLE = re.compile(r"^\s*\[", re.MULTILINE)  # the first table header: a feature's own keys come before it
_COLOUR = re.compile(r"^#[0-9A-Fa-f]{6}$")


@dataclass(frozen=True)
class FeatureInfo:
    id: str
    order: int
    name: dict[str, str]
    colour: str


@dataclass(frozen=True)
class DeckInfo:
    folder: Path
    name: dict[str, str]
    languages: list[str]
    features: list[FeatureInfo]
    cases: bool  # the deck has case cards (team training and practice)

    @property
    def default_language(self) -> str:
        return self.languages[0]


def _texts(value: Any, languages: list[str]) -> dict[str, str] | None:
    ok = isinstance(value, dict) and all(isinstance(value.get(lang), str) for lang in languages)
    return dict(value) if ok else None


def _feature(path: Path, fid: str, languages: list[str]) -> FeatureInfo | None:
    text = path.read_text(encoding="utf-8")
    head = _TABLE.search(text)
    raw = tomllib.loads(text[: head.start()] if head else text)
    name, order, colour = _texts(raw.get("name"), languages), raw.get("order"), raw.get("colour")
    if raw.get("id") != fid or name is None or type(order) is not int or not _COLOUR.match(str(colour)):
        return None
    return FeatureInfo(fid, order, name, colour)


def read_deck_info(folder: Path) -> DeckInfo | None:
    """The deck's names and colours from its TOML files (each feature file only up to its first table)."""
    try:
        meta = tomllib.loads((folder / "deck.toml").read_text(encoding="utf-8"))
        languages = meta.get("languages")
        if not (isinstance(languages, list) and languages and all(isinstance(x, str) for x in languages)):
            return None
        name = _texts(meta.get("name"), languages)
        features = [_feature(folder / f"{fid}.toml", fid, languages) for fid in FEATURE_IDS]
        cases_file = folder / "cases.toml"
        cases = cases_file.is_file() and "[[case]]" in cases_file.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError, ValueError, RecursionError):
        return None
    if name is None or any(f is None for f in features):
        return None
    return DeckInfo(folder, name, languages, features, cases)
