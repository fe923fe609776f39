"""Colours of the design: ink and paper, player colours, and text colours with enough contrast."""

from __future__ import annotations

from functools import lru_cache

INK = "#1a1a1a"
WHITE = "#ffffff"
MUTED = "#595959"  # secondary text on white: contrast 7:1
LINE = "#c8c8c8"
NEUTRAL = "#4a4a4a"  # backs of estimate cards, case cards, the reference card
CUT = "#000000"

# Okabe–Ito colours that no feature uses: the two players' estimate cards.
PLAYER_COLOURS = ("#56B4E9", "#CC79A7")
# Each seat's colour, the same on every screen and page: the two of the estimate cards first, then more for a team.
SEAT_COLOURS = (*PLAYER_COLOURS, "#332288", "#117733", "#999933", "#882255", "#44AA99", "#661100")
HIGHLIGHT = "#F0E442"  # a spread of 2 or more: yellow with a dark outline (colour-blind safe), screen and paper


def seat_colour(index: int) -> str:
    """The colour of the player in this seat (their place in the session's list of players)."""
    return SEAT_COLOURS[index % len(SEAT_COLOURS)]


def _rgb(colour: str) -> tuple[int, int, int]:
    c = colour.lstrip("#")
    return int(c[0:2], 16), int(c[2:4], 16), int(c[4:6], 16)


def rgb(colour: str) -> tuple[int, int, int]:
    """'#rrggbb' as a tuple of 0–255 ints."""
    return _rgb(colour)


def luminance(colour: str) -> float:
    """Relative luminance (WCAG 2)."""

    def channel(v: int) -> float:
        s = v / 255
        return s / 12.92 if s <= 0.04045 else ((s + 0.055) / 1.055) ** 2.4

    r, g, b = (channel(v) for v in _rgb(colour))
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def contrast(a: str, b: str) -> float:
    """WCAG contrast ratio, 1 to 21."""
    la, lb = sorted((luminance(a), luminance(b)), reverse=True)
    return (la + 0.05) / (lb + 0.05)


def text_on(background: str) -> str:
    """INK or WHITE, whichever reads better on the background (orange #E69F00 gets dark text)."""
    return INK if contrast(INK, background) >= contrast(WHITE, background) else WHITE


@lru_cache(maxsize=256)
def strengthen(colour: str, ratio: float = 7.0) -> str:
    """The colour made darker (under white text) or lighter (under dark text) until the text on it reaches
    `ratio` (the window's high contrast); a colour that already does is returned as it is."""
    ink = text_on(colour)
    found = colour
    for step in range(101):
        found = shade(colour, step / 100) if ink == WHITE else tint(colour, 1 - step / 100)
        if contrast(found, ink) >= ratio:
            break
    return found


def tint(colour: str, amount: float) -> str:
    """The colour mixed with white: amount 0 is white, 1 is the colour itself."""
    r, g, b = (round(255 + (v - 255) * amount) for v in _rgb(colour))
    return f"#{r:02x}{g:02x}{b:02x}"


def shade(colour: str, amount: float) -> str:
    """The colour mixed with black: amount 0 is the colour, 1 is black."""
    r, g, b = (round(v * (1 - amount)) for v in _rgb(colour))
    return f"#{r:02x}{g:02x}{b:02x}"
