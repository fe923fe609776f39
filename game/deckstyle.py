"""Warnings about how a loaded deck is written: things a client may trip over, not things that break the game.

`check-deck` lists them (one line each, in the usual `FILE: card ID: field: what is wrong` form) and fails on
them only with `--strict`; playing and printing ignore them. See docs/deck-format.md, "Warnings".
"""

from __future__ import annotations

import re
from pathlib import Path

from game.model.deck import Card, CardKind, Deck

# Words that turn the ends of a 1–5 scale into a double "no" or a double "how often".
NEGATIONS: dict[str, tuple[str, ...]] = {
    "nl": ("niet", "geen", "niets", "nooit", "niemand", "nergens"),
    "en": ("not", "no", "never", "nothing", "nobody", "none", "cannot", "*n't", "*n’t"),
}
FREQUENCY: dict[str, tuple[str, ...]] = {
    "nl": ("soms", "wel eens", "weleens", "vaak", "altijd", "af en toe", "zelden", "meestal"),
    "en": ("sometimes", "often", "always", "ever", "rarely", "seldom", "usually", "at times"),
}
# A card side speaks as "ik"/"I": it never addresses the other person (see "One way of addressing people").
SECOND_PERSON: dict[str, tuple[str, ...]] = {
    "nl": ("jij", "je", "jou", "jouw", "jullie", "jezelf", "u", "uw"),
    "en": ("you", "your", "yours", "yourself", "yourselves"),
}
SIDES = ("client", "professional")


def _find(text: str, words: tuple[str, ...]) -> str | None:
    """The first of `words` in text, as a whole word (a phrase, or "*n't": a word ending so); None if absent."""
    low = text.lower()
    for w in words:
        if w.startswith("*"):
            found = re.search(rf"\w+{re.escape(w[1:])}(?!\w)", low)
        else:
            found = re.search(rf"(?<!\w){re.escape(w)}(?!\w)", low)
        if found:
            return found.group(0)
    return None


def _find_start(text: str, words: list[str]) -> str | None:
    """The first word of text that starts with one of `words` (so "traject" finds "trajecten"); None if none."""
    low = text.lower()
    for w in words:
        found = re.search(rf"(?<!\w){re.escape(w.lower())}\w*", low)
        if found:
            return found.group(0)
    return None


def _line(file: Path, item: str | None, field: str, what: str) -> str:
    return ": ".join([str(file), *([item] if item else []), field, f"warning: {what}"])


def _card_warnings(deck: Deck, card: Card, file: Path) -> list[str]:
    out: list[str] = []
    item = f"card {card.id}"
    address = deck.address
    for lang in deck.languages:
        texts = {side: getattr(card, side).get(lang, "") for side in SIDES}
        if texts["client"] and texts["client"] == texts["professional"]:
            out.append(_line(file, item, f"professional.{lang}",
                             "the same words as the client side; write it from the professional's side"))
        for side, text in texts.items():
            field = f"{side}.{lang}"
            if card.kind == CardKind.QUESTION:
                word = _find(text, NEGATIONS.get(lang, ()))
                if word:
                    out.append(_line(file, item, field, f"'{word}' is a negation: '{deck.labels(lang, card.id)[0]}'"
                                     " then says no twice; ask it the positive way"))
                word = _find(text, FREQUENCY.get(lang, ()))
                if word:
                    out.append(_line(file, item, field, f"'{word}' says how often, but the scale already runs "
                                     f"'{deck.labels(lang, card.id)[0]}' to '{deck.labels(lang, card.id)[4]}'; "
                                     "leave it out, or give the card a how-often scale"))
            word = _find(text, SECOND_PERSON.get(lang, ()))
            if word:
                out.append(_line(file, item, field, f"'{word}' speaks to the other person; a card side speaks "
                                 "as 'ik'/'I' and names the other (see [address] in deck.toml)"))
            if address is not None:
                other = "professional" if side == "client" else "client"
                # the client side must not name the client as the professional does, and the other way round
                own_name = getattr(address, other).get(lang)
                if own_name and own_name.lower() in text.lower():
                    out.append(_line(file, item, field, f"'{own_name}' is how the {other} side names the "
                                     f"other person; the {side} side says '{getattr(address, side).get(lang)}'"))
    return out


def _jargon(deck: Deck, file: Path, item: str | None, field: str, texts: dict[str, str]) -> list[str]:
    out = []
    for lang, text in texts.items():
        word = _find_start(text, deck.jargon.get(lang, []))
        if word:
            out.append(_line(file, item, f"{field}.{lang}", f"'{word}' is on the jargon list in deck.toml; "
                             "use an everyday word"))
    return out


def deck_warnings(deck: Deck, folder: Path | str) -> list[str]:
    """Every warning about a loaded deck, one line each, file by file."""
    folder = Path(folder)
    out: list[str] = []
    for feature in deck.features:
        file = folder / f"{feature.id}.toml"
        out += _jargon(deck, file, None, "description", feature.description)
        for card in deck.cards:
            if card.feature != feature.id:
                continue
            out += _card_warnings(deck, card, file)
            for side in SIDES:
                out += _jargon(deck, file, f"card {card.id}", side, getattr(card, side))
        for starter in deck.starters:
            if starter.feature == feature.id:
                out += _jargon(deck, file, f"starter {starter.id}", "text", starter.text)
    return out
