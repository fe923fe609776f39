"""What is read aloud: the words of a card, in the order a reader meets them (no pygame, no speech engine).

The window reads the card on the screen; `audio` writes every card of a deck (`deck_texts`).
"""

from __future__ import annotations

from collections.abc import Iterable

from game.i18n import RECORD
from game.model.deck import CardKind, Deck

ROLES = ("client", "professional")


def sentence(text: str) -> str:
    """The text ending in a full stop or question mark, so the voice pauses after it."""
    text = text.strip()
    return text if not text or text[-1] in ".?!:" else text + "."


def card_text(deck: Deck, card_id: str, lang: str, roles: Iterable[str] = ROLES) -> str:
    """A question or reflection card: its feature, then each side that is on the table, named."""
    card = deck.card(card_id)
    parts = [sentence(deck.feature(card.feature).name[lang])]
    roles = list(roles)
    for role in roles:
        side = getattr(card, role)[lang]
        label = RECORD[role][lang]
        parts.append(f"{label[:1].upper()}{label[1:]}: {sentence(side)}" if len(roles) > 1 else sentence(side))
    return " ".join(parts)


def starter_text(deck: Deck, starter_id: str, lang: str) -> str:
    return sentence(deck.starter(starter_id).text[lang])


def case_text(deck: Deck, case_id: str, lang: str) -> str:
    case = deck.case(case_id)
    return f"{sentence(case.title[lang])} {sentence(case.text[lang])}"


def deck_texts(deck: Deck, lang: str) -> list[tuple[str, str, str]]:
    """Every card of the deck as (file name without extension, kind, text to speak), in deck order."""
    out: list[tuple[str, str, str]] = []
    for kind in (CardKind.QUESTION, CardKind.REFLECTION):
        out += [(c.id, kind.value, card_text(deck, c.id, lang)) for c in deck.cards if c.kind == kind]
    out += [(s.id, "starter", starter_text(deck, s.id, lang)) for s in deck.starters]
    out += [(c.id, "case", case_text(deck, c.id, lang)) for c in deck.cases]
    return out


def table_text(deck: Deck, view, lang: str, roles: list[str]) -> str:
    """The card on the table in this phase of a session (a PlayerView), or "" when no card is shown."""
    from game.engine import Phase

    cur = view.current
    phase = view.phase
    if phase == Phase.CASE and view.case_id:
        return case_text(deck, view.case_id, lang)
    if cur is None:
        return ""
    if phase == Phase.DISCUSS and cur.starter:
        return starter_text(deck, cur.starter, lang)
    if phase == Phase.REFLECT and cur.reflection:
        return card_text(deck, cur.reflection, lang, roles)
    if phase in (Phase.DEAL, Phase.REVEAL, Phase.AGREE, Phase.CASE_VIEW):
        return card_text(deck, cur.question, lang, roles)
    return ""
