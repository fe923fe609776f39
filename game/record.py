"""A saved session as every record shows it: card by card, never a mean that hides a difference.

The summary screen, the report, the history screen and the `history` command all read a session through
`card_rows`: per card its question, each player's estimate (None: passed), the spread and the one highlight rule
(game.engine.signals.highlighted). An aggregate is made only by `side_mean` and is always labelled "gemiddeld" /
"average" where it is shown. Pure: no pygame, no PDF.
"""

from __future__ import annotations

from dataclasses import dataclass
from statistics import mean

from game.design.palette import seat_colour
from game.engine.signals import highlighted, spread
from game.engine.summary import feature_name, summary_signals
from game.i18n import record_word
from game.model.deck import CardKind, Deck, Polarity
from game.model.session import Player, Role, RoundSummary, SessionSummary, Signal

word = record_word


def shorten(text: str, limit: int) -> str:
    """At most `limit` characters, cut at a word and ended with '…' when cut."""
    text = " ".join(text.split())
    if len(text) <= limit:
        return text
    cut = text[: limit - 1].rsplit(" ", 1)[0].rstrip(",.;:")
    return cut + "…"


@dataclass(frozen=True)
class Mark:
    """One player's estimate on one card."""

    player: Player
    seat: int  # the player's place in the session: their colour
    value: int | None  # None: passed

    @property
    def colour(self) -> str:
        return seat_colour(self.seat)


@dataclass(frozen=True)
class CardRow:
    """One card of a session as the record shows it."""

    index: int  # 0-based place in the session
    feature: str
    feature_name: str
    helps: bool  # False for stroefheid: there a lower number is better
    question: str  # the client's side of the question card, in the session's language
    marks: tuple[Mark, ...]  # in seat order
    spread: int | None
    highlighted: bool

    @property
    def passed(self) -> tuple[Player, ...]:
        return tuple(m.player for m in self.marks if m.value is None)

    def side(self, role: Role) -> list[int]:
        return [m.value for m in self.marks if m.player.role == role and m.value is not None]


def question_of(summary: SessionSummary, rnd: RoundSummary, deck: Deck, lang: str) -> str:
    """The question card that was rated, client side: as saved, else from the deck when it is the deck the
    session was played with; else a short note (an internal id is never shown, and another deck version may use
    the same id for another question)."""
    if rnd.question:
        return rnd.question
    rated = [c for c in rnd.cards if c.kind == CardKind.QUESTION and not c.swapped]
    if not rated or (summary.deck.id, summary.deck.version) != (deck.id, deck.version):
        return word("unknown_card", lang)
    try:
        card = deck.card(rated[-1].id)
    except KeyError:
        return word("unknown_card", lang)
    texts = card.client
    return texts.get(lang) or next(iter(texts.values()))


def helps(deck: Deck, feature_id: str) -> bool:
    try:
        return deck.feature(feature_id).polarity == Polarity.HELPS
    except KeyError:
        return feature_id != "stroefheid"


def card_rows(summary: SessionSummary, deck: Deck, lang: str | None = None) -> list[CardRow]:
    """Every card of the session in the order played."""
    lang = lang or summary.language
    seats = {p.id: i for i, p in enumerate(summary.players)}
    rows = []
    for k, rnd in enumerate(summary.rounds):
        by_player = {e.player: e for e in rnd.estimates}
        marks = tuple(
            Mark(p, seats[p.id], by_player[p.id].value) for p in summary.players if p.id in by_player
        )
        s = spread(rnd.estimates)
        rows.append(CardRow(k, rnd.feature, feature_name(deck, rnd.feature, lang), helps(deck, rnd.feature),
                            question_of(summary, rnd, deck, lang), marks, s, highlighted(s)))
    return rows


def by_feature(rows: list[CardRow]) -> dict[str, list[CardRow]]:
    """The rows grouped per feature, features in the order first played."""
    out: dict[str, list[CardRow]] = {}
    for r in rows:
        out.setdefault(r.feature, []).append(r)
    return out


def side_mean(rows: list[CardRow], role: Role) -> float | None:
    """An aggregate (to label "gemiddeld" where shown): the mean of one side's estimates over these cards."""
    vals = [v for r in rows for v in r.side(role)]
    return mean(vals) if vals else None


def signals(summary: SessionSummary, deck: Deck, lang: str | None = None) -> list[Signal]:
    """The signals read again card by card from the rounds (a file saved before this rule had means)."""
    return summary_signals(summary.mode, summary.players, summary.rounds, deck, lang or summary.language)


def role_colours(players: list[Player]) -> dict[Role, str]:
    """Per side the colour of its first player's seat: client and professional keep their colour everywhere."""
    out: dict[Role, str] = {}
    for i, p in enumerate(players):
        out.setdefault(p.role, seat_colour(i))
    out.setdefault(Role.CLIENT, seat_colour(0))
    out.setdefault(Role.PROFESSIONAL, seat_colour(1))
    return out
