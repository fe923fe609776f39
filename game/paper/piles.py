"""What is printed: every card with its front, the back of its pile, and the pile it belongs to."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from game.design import cards as C
from game.design import paper as P
from game.design.palette import PLAYER_COLOURS
from game.design.primitives import Drawing
from game.model.deck import CardKind, Deck, Situation

TEAM_SITUATIONS = (Situation.TEAM_APART, Situation.TEAM_CLOSE)


@dataclass(frozen=True)
class PrintCard:
    """One card to cut out: its front, its back, its pile, and a name for its PNG file."""

    name: str
    front: Drawing
    back: Drawing
    pile: P.Pile


def print_cards(deck: Deck, lang: str, features: Sequence[str] | None = None, quick: bool = False,
                ids: bool = False, ink_saver: bool = False) -> list[PrintCard]:
    """Every card of the (selected part of the) deck, pile by pile; with ids each front shows its card id; with
    ink_saver light backs and headers (game.design.paper.ink_saver)."""
    chosen = [f.id for f in deck.features if not features or f.id in features]
    backs: dict[P.Pile, Drawing] = {}
    out: list[PrintCard] = []

    def add(name: str, front: Drawing, pile: P.Pile) -> None:
        if pile not in backs:
            back = P.pile_back(deck, pile, lang)
            backs[pile] = P.ink_saver(back) if ink_saver else back
        out.append(PrintCard(name, P.ink_saver(front) if ink_saver else front, backs[pile], pile))

    for fid in chosen:
        for kind, design in ((CardKind.QUESTION, C.question_card), (CardKind.REFLECTION, C.reflection_card)):
            for card in deck.cards_of(fid, kind, quick_only=quick):
                add(card.id, design(deck, card, lang, "both", ids), P.Pile(kind.value, fid))
        for team in (False, True):
            for starter in deck.starters:
                if starter.feature == fid and (starter.situation in TEAM_SITUATIONS) == team:
                    pile = P.Pile("team_starter" if team else "starter", fid)
                    add(starter.id, C.starter_card(deck, starter, lang, ids), pile)
    if set(chosen) == {f.id for f in deck.features}:
        for case in deck.cases:
            # the case is read aloud with its back to the team: the client's own view is a card of its own
            add(case.id, C.case_card(deck, case, lang, ids), P.Pile("case"))
            add(f"{case.id}-view", C.case_view_card(deck, case, lang), P.Pile("case_view"))
    note = P.hindering_note(deck, lang)
    for player, colour in enumerate(PLAYER_COLOURS, 1):
        for value in range(1, 6):
            front = C.estimate_card(deck, value, lang, colour, note=note)
            add(f"estimate-p{player}-{value}", front, P.Pile(P.ESTIMATE))
        add(f"pass-p{player}", P.pass_card(lang, colour), P.Pile(P.ESTIMATE))
    add("reference", C.reference_card(lang), P.Pile("reference"))
    if deck.consent is not None:  # what happens with the answers: a card of its own
        add("consent", C.consent_card(deck.consent, lang), P.Pile("consent"))
    return out
