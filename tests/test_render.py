"""The pygame backend draws every card of the deck with all its text inside the card, small and large."""

from __future__ import annotations

import os

os.environ.setdefault("SDL_VIDEODRIVER", "dummy")
os.environ.setdefault("SDL_AUDIODRIVER", "dummy")

import pygame  # noqa: E402
import pytest  # noqa: E402

from game.decks import load_deck  # noqa: E402
from game.design import cards as C  # noqa: E402
from game.design.palette import rgb  # noqa: E402
from game.ui import render  # noqa: E402

DECK = load_deck()
SIZES = (150, 420)  # card width in px: a small card on the table and a large one at 1920×1080


@pytest.fixture(scope="module", autouse=True)
def _pygame():
    pygame.init()
    yield
    render.clear_caches()


@pytest.mark.parametrize("width", SIZES)
@pytest.mark.parametrize("lang", DECK.languages)
@pytest.mark.parametrize("side", C.SIDES)
def test_every_text_lies_inside_its_card(width: int, lang: str, side: str) -> None:
    height = round(width * C.CARD_H_MM / C.CARD_W_MM)
    surface = pygame.Surface((width + 40, height + 40))
    card_rect = pygame.Rect(20, 20, width, height)
    for drawing in C.every_card(DECK, lang, side):
        rects = render.draw(surface, drawing, card_rect)
        shown = render.for_screen(drawing)  # the window leaves out a card's id
        assert len(rects) >= sum(1 for t in shown.texts() for line in t.lines if line)
        for r in rects:
            assert card_rect.contains(r), (r, card_rect, [t.lines for t in drawing.texts()])


def test_text_stays_inside_its_text_box_on_screen() -> None:
    """Screen fonts may measure a little wider than the design: the rounding keeps them inside the box."""
    for width in (150, 300, 630):
        k = width / C.CARD_W_MM
        for drawing in C.every_card(DECK, "nl", "both"):
            for t in drawing.texts():
                px = render.font_px(t.size_pt, k)
                for line in t.lines:
                    w, _ = render.font(px, t.bold).size(line)
                    assert w <= t.w * k + 2, (line, w, t.w * k)


def test_backs_show_the_feature_colour() -> None:
    surface = pygame.Surface((200, 300))
    for f in DECK.features:
        render.draw(surface, C.card_back(DECK, f.id, "nl"), pygame.Rect(0, 0, 200, 280))
        assert tuple(surface.get_at((10, 140)))[:3] == rgb(f.colour)


def test_a_redraw_uses_the_cache_and_gives_the_same_rects() -> None:
    surface = pygame.Surface((500, 700))
    drawing = C.reference_card("nl")
    first = render.draw(surface, drawing, pygame.Rect(10, 10, 300, 419))
    before = surface.copy()
    surface.fill((0, 0, 0))
    second = render.draw(surface, drawing, pygame.Rect(10, 10, 300, 419))
    assert first == second
    assert pygame.image.tobytes(surface, "RGB") == pygame.image.tobytes(before, "RGB")
    moved = render.draw(surface, drawing, pygame.Rect(50, 60, 300, 419))
    assert [r.move(-40, -50) for r in moved] == first


def test_render_gives_a_surface_of_the_asked_width() -> None:
    surf = render.render(C.estimate_card(DECK, 3, "en", "#56B4E9"), 744)
    assert surf.get_size() == (744, round(744 * 88 / 63))
