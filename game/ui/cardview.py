"""Cards in the window: the one design (game.design.cards) drawn by game.ui.render, plus flips and slides."""

from __future__ import annotations

from collections import OrderedDict

import pygame

from game.design import cards as design
from game.design.palette import text_on
from game.design.primitives import Drawing
from game.i18n import ui
from game.model.deck import Deck, Polarity
from game.ui import layout, render, theme

Rect = pygame.Rect
ASPECT = design.CARD_W_MM / design.CARD_H_MM

Spec = tuple  # ("question", card_id, lang, side) | ("reflection", ...) | ("starter", id, lang)
#               | ("estimate", value, lang, colour, polarity | None, card_id | None)  (the card's own words)
#               | ("back", feature_id | None, lang) | ("case", case_id, lang)


class CardArt:
    """Builds each card's Drawing once and draws it at any size; logs its text for the layout tests."""

    def __init__(self, deck: Deck):
        self.deck = deck
        self._drawings: dict[Spec, Drawing] = {}
        self._images: OrderedDict[tuple, pygame.Surface] = OrderedDict()

    def drawing(self, spec: Spec) -> Drawing:
        found = self._drawings.get(spec)
        if found is not None:
            return found
        kind, *args = spec
        deck = self.deck
        if kind == "question":
            card_id, lang, side = args
            found = design.question_card(deck, deck.card(card_id), lang, side)
        elif kind == "reflection":
            card_id, lang, side = args
            found = design.reflection_card(deck, deck.card(card_id), lang, side)
        elif kind == "starter":
            starter_id, lang = args
            found = design.starter_card(deck, deck.starter(starter_id), lang)
        elif kind == "estimate":
            value, lang, colour, polarity, *card = args
            found = design.estimate_card(
                deck, value, lang, colour, Polarity(polarity) if polarity else None, card_id=card[0] if card else None
            )
        elif kind == "back":
            feature_id, lang = args
            found = design.card_back(deck, feature_id, lang)
        elif kind == "case":
            case_id, lang = args
            found = design.case_card(deck, deck.case(case_id), lang)
        else:
            raise ValueError(f"unknown card {spec!r}")
        self._drawings[spec] = found
        return found

    def draw(self, surface: pygame.Surface, rect: pygame.Rect, spec: Spec, shadow: bool = True,
             read: bool = False) -> None:
        """The card as big as rect (keep ASPECT); its text goes to theme.LOG with the card as the box.

        read: the card is there to be read, so each line is logged (as the card's kind, e.g. "question") with
        its real pixel size and whether it was cut (fine print is not held to the window's smallest size);
        else it is a reminder, whose size is not checked.
        """
        rect = pygame.Rect(rect)
        if rect.w < 4 or rect.h < 4:
            return
        if shadow:
            _shadow(surface, rect)
        for line in render.draw_lines(surface, self.drawing(spec), rect):
            px = line.px if read and not line.fine else None
            theme.LOG.add(spec[0], line.rect, rect, px, read and line.text.endswith("…"))

    def image(self, spec: Spec, size: tuple[int, int]) -> pygame.Surface:
        key = (spec, size)
        img = self._images.get(key)
        if img is None:
            img = pygame.Surface(size, pygame.SRCALPHA)
            render.draw(img, self.drawing(spec), img.get_rect())
            if pygame.display.get_surface() is not None:
                img = img.convert_alpha()
            self._images[key] = img
            if len(self._images) > 48:
                self._images.popitem(last=False)
        else:
            self._images.move_to_end(key)
        return img

    def draw_moving(self, surface: pygame.Surface, rect: pygame.Rect, spec: Spec, full: pygame.Rect) -> None:
        """A card on its way (any size): the card as drawn at its `full` size, scaled; fast for animations."""
        if rect.w < 4 or rect.h < 4:
            return
        _shadow(surface, rect)
        img = self.image(spec, full.size)
        surface.blit(img if img.get_size() == rect.size else pygame.transform.scale(img, rect.size), rect)

    def draw_flip(
        self, surface: pygame.Surface, rect: pygame.Rect, back: Spec, front: Spec, t: float, read: bool = False
    ) -> None:
        """A card turning over: t = 0 shows the back, t = 1 the front; squeezed sideways in between."""
        t = min(1.0, max(0.0, t))
        if t >= 1.0:
            self.draw(surface, rect, front, read=read)
            return
        if t <= 0.0:
            self.draw(surface, rect, back, shadow=True)
            return
        spec = back if t < 0.5 else front
        scale = abs(1 - 2 * t)
        w = max(2, round(rect.w * scale))
        img = pygame.transform.scale(self.image(spec, rect.size), (w, rect.h))  # fast: it lasts a blink
        # the card lifts a little while it turns
        lift = round(rect.h * 0.04 * (1 - scale))
        surface.blit(img, img.get_rect(centerx=rect.centerx, y=rect.y - lift))


def deck_ids(deck: Deck) -> frozenset[str]:
    """The internal ids of the deck's cards, starters and cases (printed on paper, never shown in the window:
    render.for_screen leaves them out)."""
    return frozenset(
        [c.id for c in deck.cards] + [s.id for s in deck.starters] + [c.id for c in deck.cases]
    )


def _shadow(surface: pygame.Surface, rect: pygame.Rect) -> None:
    off = max(2, rect.w // 40)
    r = rect.move(off, off)
    pygame.draw.rect(surface, (196, 184, 166), r, border_radius=max(4, rect.w // 20))


def lerp_rect(a: pygame.Rect, b: pygame.Rect, t: float) -> pygame.Rect:
    t = min(1.0, max(0.0, t))
    return pygame.Rect(
        round(a.x + (b.x - a.x) * t),
        round(a.y + (b.y - a.y) * t),
        round(a.w + (b.w - a.w) * t),
        round(a.h + (b.h - a.h) * t),
    )


def ease(t: float) -> float:
    """Ease-out: fast start, soft landing."""
    t = min(1.0, max(0.0, t))
    return 1 - (1 - t) ** 3

def question_panel(surface: pygame.Surface, rect: Rect, deck, card_id: str, roles: list[str], lang: str,
                   max_px: int | None = None, middle: bool = False) -> None:
    """A round's question (or reflection) as a panel in readable type, each side in its own words (a card this
    small would print its words too small to read; at a larger text size it stands in for the card)."""
    card = deck.card(card_id)
    feature = deck.feature(card.feature)
    parts = [(ui(f"role_{role}", lang), card.text(role, lang)) for role in roles]
    readable_panel(surface, rect, feature.colour, feature.name[lang], parts, max_px, middle)


def starter_panel(surface: pygame.Surface, rect: Rect, deck, starter_id: str, lang: str,
                  max_px: int | None = None) -> None:
    """A conversation starter as a panel in readable type: the situation it is for, and its words."""
    feature = deck.feature(deck.starter(starter_id).feature)
    readable_panel(surface, rect, feature.colour, feature.name[lang], starter_parts(deck, starter_id, lang), max_px,
                   True)


def starter_parts(deck, starter_id: str, lang: str) -> list[tuple[str, str]]:
    """A starter's one part for a readable panel: what it is and the situation it is for, and its words."""
    starter = deck.starter(starter_id)
    return [(f"{design.word('starter', lang)} · {design.word(starter.situation.value, lang)}", starter.text[lang])]


def readable_panel(surface: pygame.Surface, rect: Rect, colour: str, title: str, parts: list[tuple[str, str]],
                   max_px: int | None = None, middle: bool = False) -> None:
    """A white panel with a coloured title band, then for each part a small bold label and its text (at most
    max_px, never below the window's smallest size); middle: one part in the middle of the panel, as on a card."""
    size = surface.get_size()
    pad = theme.px(size, 12)
    theme.panel(surface, rect, fill=theme.WHITE, radius=theme.px(size, 12))
    inner = layout.inset(rect, pad)
    title_px = theme.tpx(size, 24)
    band = Rect(inner.x, inner.y, inner.w, _band_h(size))
    pygame.draw.rect(surface, theme.rgb(colour), band, border_radius=theme.px(size, 8))
    theme.one_line(surface, title, layout.inset(band, pad // 2), title_px, bold=True,
                   colour=theme.rgb(text_on(colour)))
    body = Rect(inner.x, band.bottom + pad, inner.w, inner.bottom - band.bottom - pad)
    small, max_px = theme.small_px(size), max_px or theme.tpx(size, 22)
    for (label, words), part in zip(parts, layout.rows(body, [1] * len(parts), pad), strict=True):
        if middle and len(parts) == 1:
            label_h = theme.fit(label, part.w, part.h, small, small, True).height if label else 0
            used = label_h + theme.fit(words, part.w, part.h - label_h, max_px, small).height
            part = Rect(part.x, part.y + max(0, (part.h - used) // 2), part.w, min(part.h, used))
        head = theme.text(surface, label, part, small, bold=True, colour=theme.INK_SOFT, min_px=small)
        text_r = Rect(part.x, head.bottom, part.w, part.bottom - head.bottom)
        theme.text(surface, words, text_r, max_px, min_px=small)


def _band_h(size: tuple[int, int]) -> int:
    return max(theme.font(theme.tpx(size, 24), True).get_height() + theme.px(size, 12), theme.px(size, 44))


def readable_height(size: tuple[int, int], width: int, parts: list[tuple[str, str]]) -> int:
    """The least height a readable_panel this wide needs to show its parts whole (at the smallest size)."""
    pad = theme.px(size, 12)
    small = theme.small_px(size)
    need = 3 * pad + _band_h(size) + pad * (len(parts) - 1)
    for label, words in parts:
        for text, bold in ((label, True), (words, False)):
            if text:
                need += theme.fit(text, width - 2 * pad, 100_000, small, small, bold).height
    return need
