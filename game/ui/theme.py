"""Colours, sizes and text for the window: fonts loaded by path, text measured, wrapped and shrunk to fit."""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import lru_cache

import pygame

from game.design import palette
from game.design.fonts import PT_TO_MM, fit_text, fits_within, font_path, longest
from game.settings import TEXT_SIZES
from game.ui import window
from game.ui.textimage import line_image

# The table and its furniture (warm, calm, high contrast for text).
TABLE = window.TABLE
TABLE_EDGE = (214, 202, 182)
PANEL = (250, 247, 242)
PANEL_EDGE = (190, 178, 160)
INK = (26, 26, 26)
INK_SOFT = (80, 76, 70)
WHITE = (255, 255, 255)
PRIMARY = (31, 78, 121)
PRIMARY_HOVER = (22, 58, 92)
BUTTON = (255, 255, 255)
BUTTON_HOVER = (232, 238, 246)
FOCUS = (0, 0, 0)
SELECTED = (31, 78, 121)
HIGHLIGHT = palette.rgb(palette.HIGHLIGHT)  # spread of 2 or more: yellow with a dark outline (colour-blind safe)
HIGHLIGHT_SOFT = (252, 246, 200)  # the words under a reveal that is far apart
NEUTRAL_BAR = (150, 144, 136)
DIM = (20, 20, 20, 150)
DISABLED_FILL = (225, 220, 212)
DISABLED_INK = (120, 116, 110)
FOCUS_SCALE = 1  # how much thicker focus rings are drawn (high contrast: 2)

# High contrast (a setting): every text and control at least 7:1 against what it stands on, edges dark,
# focus rings twice as thick. Feature and player colours stay as they are, so they stay apart.
_NORMAL = {k: globals()[k] for k in (
    "TABLE", "TABLE_EDGE", "PANEL", "PANEL_EDGE", "INK", "INK_SOFT", "PRIMARY", "PRIMARY_HOVER", "BUTTON",
    "BUTTON_HOVER", "SELECTED", "DISABLED_FILL", "DISABLED_INK", "FOCUS_SCALE",
)}
_HIGH = {
    "TABLE": (255, 255, 255), "TABLE_EDGE": (0, 0, 0), "PANEL": (255, 255, 255), "PANEL_EDGE": (40, 40, 40),
    "INK": (0, 0, 0), "INK_SOFT": (30, 30, 30), "PRIMARY": (0, 45, 90), "PRIMARY_HOVER": (0, 25, 60),
    "BUTTON": (255, 255, 255), "BUTTON_HOVER": (225, 236, 250), "SELECTED": (0, 45, 90),
    "DISABLED_FILL": (235, 235, 235), "DISABLED_INK": (60, 60, 60), "FOCUS_SCALE": 2,
}
high_contrast = False


def set_contrast(high: bool) -> None:
    """Switch every colour of the window's furniture between the normal and the high-contrast set."""
    global high_contrast
    high_contrast = high
    globals().update(_HIGH if high else _NORMAL)
    _table_cache.clear()

PLAYER_COLOURS = palette.SEAT_COLOURS  # the printed estimate cards' two first, then more for a team

BASE_W, BASE_H = 1280, 720
MIN_TARGET = 48  # px: the smallest button a finger can hit
MIN_READABLE = 14  # px: no text in the window is drawn smaller, at any window size


def rgb(colour: str) -> tuple[int, int, int]:
    """'#rrggbb' as drawn in the window: in high contrast a feature's or a player's colour is made darker or
    lighter until the text on it (palette.text_on) reaches 7:1; the colours stay apart."""
    if high_contrast:
        colour = palette.strengthen(colour)
    colour = colour.lstrip("#")
    return int(colour[0:2], 16), int(colour[2:4], 16), int(colour[4:6], 16)


def player_colour(index: int) -> str:
    return palette.seat_colour(index)


def unit(size: tuple[int, int]) -> float:
    """How much bigger than 1280×720 the window is (the scale of every size in the layout)."""
    w, h = size
    return max(0.5, min(w / BASE_W, h / BASE_H))


def px(size: tuple[int, int], base: float) -> int:
    """A length given for 1280×720, scaled to this window."""
    return max(1, round(base * unit(size)))


# Larger text (a setting): 100, 125, 150 or 200 %. Every text size of the window is asked for through tpx,
# small_px or body_px, so all text grows by this factor; lengths (px) do not: layouts give text the room it needs.
text_scale = 1.0


def set_text_size(percent: int) -> None:
    """Make every text of the window `percent` % of its normal size (one of TEXT_SIZES)."""
    global text_scale
    text_scale = (percent if percent in TEXT_SIZES else 100) / 100


def tpx(size: tuple[int, int], base: float) -> int:
    """A text size given for 1280×720 at 100 %, scaled to this window and to the text size setting."""
    return max(1, round(base * unit(size) * text_scale))


def small_px(size: tuple[int, int]) -> int:
    """The smallest text of this window (notes, hints, scale labels): text is cut with "…" rather than shrunk
    below it. Grows with the text size setting."""
    return round(max(MIN_READABLE, px(size, 16)) * text_scale)


def body_px(size: tuple[int, int]) -> int:
    """The body text size of this window; a name or a label on one line is cut, never shrunk below it."""
    return round(max(MIN_READABLE + 2, px(size, 20)) * text_scale)


def room(size: tuple[int, int], base: float) -> int:
    """A length that holds text (a bar's height, a button's width), given for 1280×720 at 100 %: it grows with
    the text size setting, half as fast as the text (200 % text: 1.5 × the room), so layouts keep their shape."""
    return max(1, round(base * unit(size) * (1 + (text_scale - 1) / 2)))


def target(size: tuple[int, int], base: float = 64) -> int:
    """Height of a touch target: scaled (and grown with the text size), never below MIN_TARGET."""
    return max(MIN_TARGET, room(size, base))


# --- fonts and text -------------------------------------------------------------------------


@lru_cache(maxsize=256)
def font(size_px: int, bold: bool = False) -> pygame.font.Font:
    return pygame.font.Font(str(font_path(bold)), max(6, size_px))


class _SurfaceCache:
    """Rendered lines of text, reused while the window does not change."""

    def __init__(self, limit: int = 3000):
        self.limit = limit
        self.items: OrderedDict[tuple, pygame.Surface] = OrderedDict()

    def get(self, text: str, size_px: int, bold: bool, colour: tuple[int, int, int]) -> pygame.Surface:
        key = (text, size_px, bold, colour)
        surf = self.items.get(key)
        if surf is None:
            surf = line_image(font(size_px, bold), text, colour)
            self.items[key] = surf
            if len(self.items) > self.limit:
                self.items.popitem(last=False)
        else:
            self.items.move_to_end(key)
        return surf


LINES = _SurfaceCache()


@dataclass(frozen=True)
class Fit:
    lines: tuple[str, ...]
    size_px: int
    line_px: int
    fits: bool
    bold: bool = False

    @property
    def height(self) -> int:
        """How high the fitted text is when drawn."""
        return (len(self.lines) - 1) * self.line_px + font(self.size_px, self.bold).get_height() if self.lines else 0


@lru_cache(maxsize=4096)
def fit(text: str, w: int, h: int, max_px: int, min_px: int = 10, bold: bool = False) -> Fit:
    """The largest size (max_px down to min_px) at which the wrapped text fits w×h, measured as drawn."""
    size = max_px
    while True:
        fitted = fit_text(
            text,
            w,
            h,
            max_pt=size / PT_TO_MM,
            min_pt=min(size, min_px) / PT_TO_MM,
            bold=bold,
            step=1 / PT_TO_MM,
        )
        size = max(6, round(fitted.size_pt * PT_TO_MM))
        line_px = max(1, round(fitted.line_height_mm))
        f = font(size, bold)
        widest = max((f.size(line)[0] for line in fitted.lines), default=0)
        height = (len(fitted.lines) - 1) * line_px + f.get_height() if fitted.lines else 0
        ok = widest <= w and height <= h
        if ok or size <= min_px or size <= 6:
            return Fit(fitted.lines, size, line_px, ok, bold)
        size -= 1


@dataclass
class TextLog:
    """Every piece of text drawn in a frame, with the rectangle it had to stay in (for layout tests).

    `drawn` holds for each entry its pixel size (None: drawn by a card's design) and whether it was cut.
    """

    entries: list[tuple[str, pygame.Rect, pygame.Rect]]
    drawn: list[tuple[int | None, bool]] = field(default_factory=list)
    rings: list[pygame.Rect] = field(default_factory=list)  # focus rings drawn (outer edge), for the layout tests

    def clear(self) -> None:
        self.entries.clear()
        self.drawn.clear()
        self.rings.clear()

    def add(self, text: str, rect: pygame.Rect, box: pygame.Rect, px: int | None = None, cut: bool = False) -> None:
        del self.drawn[len(self.entries) :]  # the entries may have been cleared since
        self.entries.append((text, pygame.Rect(rect), pygame.Rect(box)))
        self.drawn.append((px, cut))

    def outside(self) -> list[tuple[str, pygame.Rect, pygame.Rect]]:
        return [(t, r, b) for t, r, b in self.entries if not b.contains(r)]

    def sized(self) -> list[tuple[str, pygame.Rect, pygame.Rect, int | None, bool]]:
        """Each entry with its pixel size and whether it was cut with "…"."""
        drawn = self.drawn[: len(self.entries)] + [(None, False)] * (len(self.entries) - len(self.drawn))
        return [(*e, px_, cut) for e, (px_, cut) in zip(self.entries, drawn, strict=True)]


LOG = TextLog([])


def text(
    surface: pygame.Surface,
    value: str,
    box: pygame.Rect,
    max_px: int,
    *,
    colour: tuple[int, int, int] | None = None,
    bold: bool = False,
    align: str = "left",
    valign: str = "top",
    min_px: int = 10,
) -> pygame.Rect:
    """Draw text wrapped and shrunk to stay inside box (colour: INK); returns the rectangle it covers.

    It never shrinks below the window's small size (small_px): what does not fit then is cut with "…".
    """
    colour = INK if colour is None else colour
    box = pygame.Rect(box)
    if not value or box.w <= 0 or box.h <= 0:
        return pygame.Rect(box.x, box.y, 0, 0)
    floor = min(max_px, max(min_px, small_px(surface.get_size())))
    fitted = fit(value, box.w, box.h, max_px, floor, bold)
    f = font(fitted.size_px, bold)
    lines, cut = list(fitted.lines), False
    if not fitted.fits:  # at the smallest readable size it is still too long: keep what fits, end with "…"
        room = max(1, (box.h - f.get_height()) // fitted.line_px + 1)
        cut = room < len(lines) or any(f.size(line)[0] > box.w for line in lines)
        if room < len(lines):
            lines = lines[:room]
            lines[-1] = lines[-1] + "…"
        lines = [shorten(line, box.w, f) for line in lines]
    total = (len(lines) - 1) * fitted.line_px + f.get_height()
    y = box.y
    if valign == "middle":
        y = box.y + (box.h - total) // 2
    elif valign == "bottom":
        y = box.bottom - total
    y = max(box.y, y)
    covered = pygame.Rect(box.x, y, 0, 0)
    for i, line in enumerate(lines):
        surf = LINES.get(line, fitted.size_px, bold, colour)
        r = surf.get_rect()
        r.y = y + i * fitted.line_px
        if align == "center":
            r.centerx = box.centerx
        elif align == "right":
            r.right = box.right
        else:
            r.x = box.x
        surface.blit(surf, r)
        covered = r.copy() if i == 0 else covered.union(r)
        LOG.add(line, r, box, fitted.size_px, cut)
    return covered


def one_line(
    surface: pygame.Surface,
    value: str,
    box: pygame.Rect,
    max_px: int,
    *,
    colour: tuple[int, int, int] | None = None,
    bold: bool = False,
    align: str = "center",
    least: int | None = None,
) -> pygame.Rect:
    """A label on one line, shrunk (not wrapped) to fit, centred vertically; cut with "…" if too long.

    It never shrinks below `least` (default: the window's small size; a name passes body_px): then it is cut.
    """
    colour = INK if colour is None else colour
    floor = min(max_px, least if least is not None else small_px(surface.get_size()))
    size = max_px
    f = font(size, bold)
    while size > floor and (not fits_within(width_of(f), value, box.w) or f.get_height() > box.h):
        size -= 1
        f = font(size, bold)
    least = 8 if len(value) <= 2 else MIN_READABLE  # a digit or an initial in a token may be smaller
    while size > min(max_px, least) and f.get_height() > box.h:  # a very low box: smaller, still readable
        size -= 1
        f = font(size, bold)
    cut = not fits_within(width_of(f), value, box.w)
    if cut:
        value = shorten(value, box.w, f)
    surf = LINES.get(value, size, bold, colour)
    r = surf.get_rect(centery=box.centery)
    if align == "center":
        r.centerx = box.centerx
    elif align == "right":
        r.right = box.right
    else:
        r.x = box.x
    surface.blit(surf, r)
    LOG.add(value, r, box, size, cut)
    return r


def width_of(f: pygame.font.Font) -> Callable[[str], int]:
    """How wide a text is in font f, in pixels."""
    return lambda value: f.size(value)[0]


def shorten(value: str, width: int, f: pygame.font.Font) -> str:
    """value cut at the end with "…" so that it is at most width wide (empty if not even "…" fits)."""
    if fits_within(width_of(f), value, width):
        return value
    keep = longest(lambda n: f.size(value[:n].rstrip() + "…")[0] <= width, len(value))  # few measures
    return value[:keep].rstrip() + "…" if keep else ""


# --- shapes ---------------------------------------------------------------------------------


def panel(
    surface: pygame.Surface, rect: pygame.Rect, fill=None, edge: object = "default", radius: int = 12, width: int = 2
) -> None:
    """A panel (fill: PANEL) with an edge (PANEL_EDGE; None: no edge)."""
    fill = PANEL if fill is None else fill
    edge = PANEL_EDGE if edge == "default" else edge
    pygame.draw.rect(surface, fill, rect, border_radius=radius)
    if edge is not None and width:
        pygame.draw.rect(surface, edge, rect, width=width, border_radius=radius)


def dim(surface: pygame.Surface) -> None:
    """Darken what lies under an overlay."""
    shade = pygame.Surface(surface.get_size(), pygame.SRCALPHA)
    shade.fill(DIM)
    surface.blit(shade, (0, 0))


_table_cache: dict[tuple[int, int], pygame.Surface] = {}


def table_surface(size: tuple[int, int]) -> pygame.Surface:
    """The table top: a warm surface with a soft edge (built once per window size)."""
    surf = _table_cache.get(size)
    if surf is None:
        _table_cache.clear()
        surf = pygame.Surface(size)
        surf.fill(TABLE)
        edge = px(size, 10)
        pygame.draw.rect(surf, TABLE_EDGE, surf.get_rect(), width=edge)
        _table_cache[size] = surf
    return surf


def plan_bullets(items: list[str], box: pygame.Rect, max_px: int, min_px: int = 10) -> tuple[int, int]:
    """(how many items, at which size) a list with hanging dashes can show in box; all if they fit.

    Never smaller than MIN_READABLE: fewer items are shown instead (the caller says "and n more")."""
    min_px = min(max_px, max(min_px, MIN_READABLE))
    for count in range(len(items), 0, -1):
        for size in range(max_px, min_px - 1, -1):
            height, whole = bullets_height(items[:count], box.w, size)
            if whole and height <= box.h:
                return count, size
    return 0, min_px


def bullets_height(items: list[str], w: int, px: int) -> tuple[int, bool]:
    """How high a list with hanging dashes is at px in width w, and whether every item wraps whole at px."""
    dash_w = font(px).size("– ")[0]
    fits = [fit(t, w - dash_w, 100_000, px, px) for t in items]
    height = sum(f.height for f in fits) + (px // 3) * (len(items) - 1)
    return height, all(f.size_px == px and f.fits for f in fits)


def bullets(
    surface: pygame.Surface,
    items: list[str],
    box: pygame.Rect,
    max_px: int,
    min_px: int = 10,
    colour: tuple[int, int, int] | None = None,
) -> int:
    """Draw a list with hanging dashes at one common size (see plan_bullets); returns how many were shown."""
    box = pygame.Rect(box)
    count, size = plan_bullets(items, box, max_px, min_px)
    dash_w = font(size).size("– ")[0]
    y = box.y
    for t in items[:count]:
        text(surface, "–", pygame.Rect(box.x, y, dash_w, font(size).get_height()), size, colour=colour)
        covered = text(
            surface,
            t,
            pygame.Rect(box.x + dash_w, y, box.w - dash_w, box.bottom - y),
            size,
            colour=colour,
            min_px=size,
        )
        y = covered.bottom + size // 3
    return count
