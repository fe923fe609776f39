"""The program's one font, loaded by path, and the one source of text metrics for screen and paper."""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
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


def wrap(text: str, size_pt: float, width_mm: float, bold: bool = False) -> list[str]:
    """Break text into lines no wider than width_mm; honours newlines; splits a word only if it must."""
    limit = width_mm * SAFETY
    lines: list[str] = []
    for paragraph in text.split("\n"):
        current = ""
        for word in paragraph.split():
            trial = f"{current} {word}" if current else word
            if text_width_mm(trial, size_pt, bold) <= limit:
                current = trial
                continue
            if current:
                lines.append(current)
            while text_width_mm(word, size_pt, bold) > limit and len(word) > 1:
                cut = len(word) - 1
                while cut > 1 and text_width_mm(word[:cut] + "-", size_pt, bold) > limit:
                    cut -= 1
                lines.append(word[:cut] + "-")
                word = word[cut:]
            current = word
        lines.append(current)
    return lines


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
        lines = wrap(text, size, width_mm, bold)
        lh = line_height_mm(size)
        # a single letter wider than the box cannot be broken: that size does not fit either
        fits = len(lines) * lh <= height_mm and all(text_width_mm(ln, size, bold) <= width_mm for ln in lines)
        if fits or size - step < min_pt:
            return Fitted(tuple(lines), size, lh, fits)
        size -= step
