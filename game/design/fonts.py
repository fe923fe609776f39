"""The program's one font, loaded by path, and the one source of text metrics for screen and paper."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from functools import lru_cache
from itertools import islice
from pathlib import Path

import fontpkg_atkinson_hyperlegible as _font_pkg
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont

FONT_DIR = Path(_font_pkg.ROOT) / "files"
REGULAR = FONT_DIR / "AtkinsonHyperlegible-Regular.ttf"
BOLD = FONT_DIR / "AtkinsonHyperlegible-Bold.ttf"
FONT_NAMES = {False: "Atkinson", True: "Atkinson-Bold"}

PT_TO_MM = 25.4 / 72
LEADING = 1.22  # line height as a multiple of the font size
SAFETY = 0.97  # lines are broken at 97 % of the width: screen hinting may widen text a little


def font_path(bold: bool = False) -> Path:
    return BOLD if bold else REGULAR


@lru_cache(maxsize=1)
def register_fonts() -> None:
    """Register the font with reportlab's metrics (and for PDF embedding); cheap after the first call."""
    for bold, name in FONT_NAMES.items():
        if name not in pdfmetrics.getRegisteredFontNames():
            pdfmetrics.registerFont(TTFont(name, str(font_path(bold))))


@lru_cache(maxsize=20_000)
def text_width_mm(text: str, size_pt: float, bold: bool = False) -> float:
    register_fonts()
    return pdfmetrics.stringWidth(text, FONT_NAMES[bold], size_pt) * PT_TO_MM


def line_height_mm(size_pt: float) -> float:
    return size_pt * LEADING * PT_TO_MM


def longest(fits: Callable[[int], bool], most: int) -> int:
    """The largest n in 0..most for which fits(n) holds, when fits holds up to some n and not after it.

    The probes grow 1, 2, 4, … and then halve the gap, so the work follows the answer, not `most`: breaking a
    10 000-letter word into lines costs about as much as measuring it once.
    """
    good, probe = 0, 1
    while probe <= most and fits(probe):
        good, probe = probe, probe * 2
    bad = min(probe, most + 1)
    while bad - good > 1:
        mid = (good + bad) // 2
        good, bad = (mid, bad) if fits(mid) else (good, mid)
    return good


def _split_word(word: str, size_pt: float, limit: float, bold: bool) -> Iterator[str]:
    """A word too wide for one line: full lines ending in a hyphen, then the rest that fits (the last item)."""
    start = 0
    while len(word) - start > 1:
        def width(n: int, end: str = "", at: int = start) -> float:
            return text_width_mm(word[at:at + n] + end, size_pt, bold)

        rest = len(word) - start
        whole = longest(lambda n: width(n) <= limit, rest)
        if whole == rest:
            break
        cut = max(1, longest(lambda n: width(n, "-") <= limit, whole))  # one letter too wide still takes a line
        yield word[start:start + cut] + "-"
        start += cut
    yield word[start:]


def fits_within(measure: Callable[[str], float], text: str, limit: float) -> bool:
    """Whether measure(text) <= limit; a long text is measured in growing pieces from its start, so a word of
    100 000 letters is found too wide after a few hundred (widths only grow as letters are added)."""
    n = 64
    while n < len(text):
        if measure(text[:n]) > limit:
            return False
        n *= 4
    return measure(text) <= limit


_TOKEN = re.compile(r"(\n)|\S+")  # a newline ends a paragraph; any other white space only parts words


def _lines(text: str, size_pt: float, limit: float, bold: bool) -> Iterator[str]:
    """The lines one after the other; the text is read only as far as the lines asked for."""
    current = ""
    for token in _TOKEN.finditer(text):
        if token.group(1):
            yield current
            current = ""
            continue
        word = token.group()
        trial = f"{current} {word}" if current else word
        if fits_within(lambda t: text_width_mm(t, size_pt, bold), trial, limit):
            current = trial
            continue
        if current:
            yield current
        pieces = _split_word(word, size_pt, limit, bold)
        current = next(pieces)
        for piece in pieces:  # one line at a time: a caller that needs only a few stops early
            yield current
            current = piece
    yield current


def wrap(text: str, size_pt: float, width_mm: float, bold: bool = False, max_lines: int | None = None
         ) -> list[str]:
    """Break text into lines no wider than width_mm; honours newlines; splits a word only if it must.

    With max_lines, only the first max_lines lines are made: enough to know that a text overflows its box,
    however long it is.
    """
    return list(islice(_lines(text, size_pt, width_mm * SAFETY, bold), max_lines))


def lines_for(height_mm: float, line_height: float) -> int:
    """How many lines to make to know whether a text fits height_mm: one more than can fit (and a spare)."""
    return int(height_mm / line_height) + 2


@dataclass(frozen=True)
class Fitted:
    lines: tuple[str, ...]
    size_pt: float
    line_height_mm: float
    fits: bool  # False only when even the smallest size overflows the box

    @property
    def height_mm(self) -> float:
        return len(self.lines) * self.line_height_mm


def fit_text(
    text: str, width_mm: float, height_mm: float, max_pt: float, min_pt: float = 6.0,
    bold: bool = False, step: float = 0.5,
) -> Fitted:
    """The largest size from max_pt down to min_pt at which the wrapped text fits the box."""
    size = max_pt
    while True:
        lh = line_height_mm(size)
        lines = wrap(text, size, width_mm, bold, max_lines=lines_for(height_mm, lh))
        # a single letter wider than the box cannot be broken: that size does not fit either
        fits = len(lines) * lh <= height_mm and all(text_width_mm(ln, size, bold) <= width_mm for ln in lines)
        if fits or size - step < min_pt:
            return Fitted(tuple(lines), size, lh, fits)
        size -= step
