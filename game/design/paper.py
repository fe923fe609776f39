"""Cards that exist only on paper: the back of every pile, and the pass card.

A pile is the cards that lie face down together: the question cards of one feature, its reflection cards, its
conversation cards for a pair, its conversation cards for a team, the case cards, the client's views, the
reference card, the consent card, and the estimate cards (with the pass cards among them, so that nobody sees
who passed before the cards turn). Every back names its pile in words and has a colour of its own.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from game.design import cards as C
from game.design.palette import INK, NEUTRAL, WHITE, luminance, shade, text_on, tint
from game.design.primitives import Box, Circle, Drawing, Shape, Text
from game.model.deck import Deck

W, H, PAD = C.W, C.H, C.PAD

CASE = "#33415c"  # slate: the case cards stand apart from the grey estimate cards
ESTIMATE = "estimate"  # the pile of the estimate cards and the pass cards; it keeps the game's neutral back

WORDS: dict[str, dict[str, str]] = {
    "pair": {"nl": "Voor 2 spelers", "en": "For 2 players"},
    "team": {"nl": "Alleen voor teams", "en": "Teams only"},
    "team_short": {"nl": "Team", "en": "Team"},
    "pass": {"nl": "Ik pas", "en": "I pass"},
    "pass_line": {
        "nl": "Deze vraag sla ik over. Dat mag altijd.",
        "en": "I skip this question. That is always fine.",
    },
}


def word(key: str, lang: str) -> str:
    texts = WORDS[key]
    return texts.get(lang, texts["en"])


@dataclass(frozen=True)
class Pile:
    """Which pile a card belongs to: its kind ("question", "reflection", "starter", "team_starter", "case",
    "case_view", "reference", "consent", "estimate") and, for a feature's cards, the feature."""

    kind: str
    feature: str | None = None

    @property
    def key(self) -> str:
        return f"{self.kind}:{self.feature}" if self.feature else self.kind


def hindering_note(deck: Deck, lang: str) -> str:
    """One line for the estimate cards, used for every feature: what a high number means for stroefheid."""
    notes = [C.high_means(deck, f.id, lang) for f in deck.features]
    return " · ".join(n for n in notes if n)


def _feature_look(kind: str, colour: str) -> tuple[str, str]:
    """(background, frame) of a feature pile's back: the feature's colour, a light tint, a dark shade,
    and a very light tint with a thick dark frame for the team's cards."""
    return {
        "question": (colour, colour),
        "reflection": (tint(colour, 0.35), colour),
        "starter": (shade(colour, 0.45), shade(colour, 0.45)),
        "team_starter": (tint(colour, 0.12), shade(colour, 0.2)),
    }[kind]


def pile_back(deck: Deck, pile: Pile, lang: str) -> Drawing:
    """The back of a pile; the estimate pile keeps the game's own back (cards.card_back)."""
    if pile.kind == ESTIMATE:
        return C.card_back(deck, None, lang)
    deck_name = deck.name.get(lang, deck.name[deck.default_language])
    if pile.feature is None:
        looks = {"case": CASE, "case_view": shade(NEUTRAL, 0.5), "reference": tint(NEUTRAL, 0.3),
                 "consent": tint(NEUTRAL, 0.55)}
        title = C.word(pile.kind, lang)
        line = C.word("turn_last", lang) if pile.kind == "case_view" else None
        return _labelled(title, line, looks[pile.kind], deck_name)
    feature = deck.feature(pile.feature)
    background, frame = _feature_look(pile.kind, feature.colour)
    fg = text_on(background)
    kind_word = C.word("starter" if pile.kind == "team_starter" else pile.kind, lang)
    shapes: list[Shape] = [C._background(background)]
    if pile.kind == "team_starter":
        shapes.append(Box(C.INSET, C.INSET, W - 2 * C.INSET, H - 2 * C.INSET, stroke=frame, stroke_mm=3.0,
                          radius_mm=2.0))
    shapes.append(C.text_box(kind_word, PAD + 1.0, 7.0, W - 2 * PAD - 2.0, 11.0, 17.0, min_pt=9.0, bold=True,
                             colour=fg, align="center", valign="middle"))
    shapes.append(Circle(W / 2, 33.0, 12.5, fill=WHITE, stroke=frame, stroke_mm=0.8))
    shapes.extend(C._icon(feature.icon, W / 2, 33.0, 16.0, feature.colour, WHITE))
    shapes.append(C.text_box(feature.name[lang], PAD, 47.5, W - 2 * PAD, 10.0, 16.0, min_pt=9.0, bold=True,
                             colour=fg, align="center", valign="middle"))
    who = word("team" if pile.kind == "team_starter" else "pair", lang) if pile.kind.endswith("starter") else ""
    if who:
        pill = INK if pile.kind == "team_starter" else WHITE
        shapes.append(Box(PAD + 3.0, 60.0, W - 2 * PAD - 6.0, 9.0, fill=pill, radius_mm=4.5))
        shapes.append(C.text_box(who, PAD + 4.0, 60.5, W - 2 * PAD - 8.0, 8.0, 12.0, min_pt=8.0, bold=True,
                                 colour=text_on(pill), align="center", valign="middle"))
    note = C.high_means(deck, feature.id, lang)
    if note:
        shapes.append(C.text_box(note, PAD, 70.0, W - 2 * PAD, 5.5, 10.0, min_pt=7.0, bold=True, colour=fg,
                                 align="center", valign="middle"))
    shapes.append(C.text_box(deck_name, PAD, 76.5, W - 2 * PAD, 6.0, 8.5, min_pt=6.5, colour=fg,
                             align="center", valign="middle"))
    return Drawing(W, H, tuple(shapes))


def _labelled(title: str, line: str | None, background: str, deck_name: str) -> Drawing:
    """A back with a title (and a line under it) on a plain colour: the piles that belong to no feature."""
    fg = text_on(background)
    shapes: list[Shape] = [
        C._background(background),
        C.text_box(title, PAD, 26.0, W - 2 * PAD, 18.0, 18.0, min_pt=9.0, bold=True, colour=fg, align="center",
                   valign="middle"),
    ]
    if line:
        shapes.append(C.text_box(line, PAD, 46.0, W - 2 * PAD, 14.0, 12.0, colour=fg, align="center",
                                 valign="middle"))
    shapes.append(C.text_box(deck_name, PAD, 76.5, W - 2 * PAD, 6.0, 8.5, min_pt=6.5, colour=fg, align="center",
                             valign="middle"))
    return Drawing(W, H, tuple(shapes))


def pass_card(lang: str, player_colour: str) -> Drawing:
    """A pass card in a player's colour: laid face down instead of an estimate, it says "I skip this one"."""
    shapes: list[Shape] = [
        C._background(),
        Box(C.INSET + 0.8, C.INSET + 0.8, W - 2 * C.INSET - 1.6, H - 2 * C.INSET - 1.6, stroke=player_colour,
            stroke_mm=1.8, radius_mm=2.2),
        Circle(W / 2, 30.0, 14.0, fill=tint(player_colour, 0.35)),
        *C._icon("bubble", W / 2, 30.0, 14.0, INK, tint(player_colour, 0.35)),
        C.text_box(word("pass", lang), PAD, 47.0, W - 2 * PAD, 14.0, 26.0, min_pt=12.0, bold=True, align="center",
                   valign="middle"),
        C.text_box(word("pass_line", lang), PAD + 2.0, 62.0, W - 2 * PAD - 4.0, 14.0, 12.0, align="center",
                   valign="middle"),
    ]
    return Drawing(W, H, tuple(shapes))


def ink_saver(d: Drawing) -> Drawing:
    """The same card with less ink: large coloured areas (backgrounds, bands, pills) become a light tint, with a
    frame in the colour where a whole card was coloured; white text on them becomes dark."""
    out: list[Shape] = []
    for s in d.shapes:
        if isinstance(s, Box) and s.fill and s.w >= 20 and s.h >= 8 and luminance(s.fill) < 0.6:
            out.append(replace(s, fill=tint(s.fill, 0.18)))
            if s.w >= d.w and s.h >= d.h:
                out.append(Box(C.INSET, C.INSET, d.w - 2 * C.INSET, d.h - 2 * C.INSET, stroke=s.fill,
                               stroke_mm=1.2, radius_mm=2.0))
        elif isinstance(s, Text) and luminance(s.colour) > 0.5:
            out.append(replace(s, colour=INK))
        else:
            out.append(s)
    return Drawing(d.w, d.h, tuple(out))
