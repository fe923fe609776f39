"""Where cards go on a sheet: a grid of 63×88 mm cards per paper size, cut marks, and backs behind fronts.

Every cut mark and all ink stay at least SAFE_MM inside the sheet, where any office printer prints. A paper
gets as many columns and rows (at most 3×3) as fit that rule: A4 and Letter take 9 cards, with 3 mm bleed A4
takes 6 and Letter 4. All numbers are in mm from the page's top-left corner.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from reportlab.lib.pagesizes import A4, letter
from reportlab.lib.units import mm

from game.design.cards import CARD_H_MM, CARD_W_MM

PAPERS = {"a4": A4, "letter": letter}
MAX_COLS, MAX_ROWS = 3, 3
BLEED_MM = 3.0
SAFE_MM = 5.0  # no ink closer to the sheet's edge than this
MARK_END_MM = SAFE_MM + 0.5  # cut marks end here: their round caps stay inside SAFE_MM
MARK_GAP_MM = 0.5  # cut marks start this far outside the card
MARK_LEN_MM = 7.0
MIN_MARK_MM = 1.5  # a shorter mark is left out
MAX_OFFSET_MM = 5.0  # --back-offset: a larger shift is a paper jam, not a printer's habit


@dataclass(frozen=True)
class Sheet:
    """A grid of cols × rows cards, centred; backs may be shifted by (back_dx, back_dy) to meet a printer's
    habit of printing the second side a little off."""

    page_w: float
    page_h: float
    bleed: float = 0.0
    cols: int = MAX_COLS
    rows: int = MAX_ROWS
    back_dx: float = 0.0
    back_dy: float = 0.0

    @property
    def per_sheet(self) -> int:
        return self.cols * self.rows

    @property
    def pitch_x(self) -> float:
        return CARD_W_MM + 2 * self.bleed

    @property
    def pitch_y(self) -> float:
        return CARD_H_MM + 2 * self.bleed

    @property
    def left(self) -> float:
        """x of the first column's cut line."""
        return (self.page_w - self.cols * self.pitch_x) / 2 + self.bleed

    @property
    def top(self) -> float:
        return (self.page_h - self.rows * self.pitch_y) / 2 + self.bleed

    def ink_margins(self) -> tuple[float, float]:
        """The smallest distance from the ink (cards with their bleed, backs shifted) to the sheet's side and
        to its top or bottom edge."""
        side = self.left - self.bleed - abs(self.back_dx)
        end = self.top - self.bleed - abs(self.back_dy)
        return side, end

    def fits(self) -> bool:
        """All ink at least SAFE_MM inside the sheet; without bleed also room for the cut marks around the grid."""
        side, end = self.ink_margins()
        room = 0.0 if self.bleed else MARK_GAP_MM + MIN_MARK_MM + (MARK_END_MM - SAFE_MM)
        return min(side, end) >= SAFE_MM + room - 1e-9

    def front_slot(self, i: int) -> tuple[float, float]:
        """Top-left corner of the i-th card on a front page."""
        col, row = i % self.cols, i // self.cols
        return self.left + col * self.pitch_x, self.top + row * self.pitch_y

    def back_slot(self, i: int) -> tuple[float, float]:
        """Where the back of the i-th card goes: a long-edge flip mirrors the columns, not the rows."""
        col, row = i % self.cols, i // self.cols
        x, y = self.front_slot(row * self.cols + (self.cols - 1 - col))
        return x + self.back_dx, y + self.back_dy

    def cut_lines(self) -> tuple[list[float], list[float]]:
        """The x of every vertical and the y of every horizontal cut line."""
        xs = sorted({self.left + c * self.pitch_x + dx for c in range(self.cols) for dx in (0.0, CARD_W_MM)})
        ys = sorted({self.top + r * self.pitch_y + dy for r in range(self.rows) for dy in (0.0, CARD_H_MM)})
        return xs, ys

    def cut_marks(self) -> list[tuple[float, float, float, float]]:
        """Cut marks (x1, y1, x2, y2): outside every card, ending MARK_END_MM from the sheet's edge."""
        xs, ys = self.cut_lines()
        x_lo, x_hi, y_lo, y_hi = xs[0], xs[-1], ys[0], ys[-1]
        marks: list[tuple[float, float, float, float]] = []

        def outward(start: float, limit: float, direction: int) -> tuple[float, float] | None:
            a = start + direction * MARK_GAP_MM
            b = a + direction * MARK_LEN_MM
            b = max(b, limit) if direction < 0 else min(b, limit)
            return (a, b) if (b - a) * direction >= MIN_MARK_MM else None

        for x in xs:
            for span in (outward(y_lo, MARK_END_MM, -1), outward(y_hi, self.page_h - MARK_END_MM, 1)):
                if span:
                    marks.append((x, span[0], x, span[1]))
        for y in ys:
            for span in (outward(x_lo, MARK_END_MM, -1), outward(x_hi, self.page_w - MARK_END_MM, 1)):
                if span:
                    marks.append((span[0], y, span[1], y))
        if self.bleed:  # with gaps between the cards, short marks in the gaps as well
            gap = 2 * self.bleed - 2 * MARK_GAP_MM
            for x in xs:
                for r in range(self.rows - 1):
                    y0 = self.top + r * self.pitch_y + CARD_H_MM + MARK_GAP_MM
                    marks.append((x, y0, x, y0 + gap))
            for y in ys:
                for c in range(self.cols - 1):
                    x0 = self.left + c * self.pitch_x + CARD_W_MM + MARK_GAP_MM
                    marks.append((x0, y, x0 + gap, y))
        return marks


def sheet_for(paper: str, bleed: bool, offset: tuple[float, float] = (0.0, 0.0)) -> Sheet | str:
    """The largest grid (at most 3×3) that keeps every mark and all ink SAFE_MM inside the paper, or a
    one-line reason why none fits."""
    w_pt, h_pt = PAPERS[paper]
    page_w, page_h = w_pt / mm, h_pt / mm
    b = BLEED_MM if bleed else 0.0
    dx, dy = offset
    if max(abs(dx), abs(dy)) > MAX_OFFSET_MM:
        return f"--back-offset: at most {MAX_OFFSET_MM:g} mm each way; a larger shift is a paper jam"
    cols = min(MAX_COLS, math.floor((page_w - 2 * SAFE_MM) / (CARD_W_MM + 2 * b)))
    rows = min(MAX_ROWS, math.floor((page_h - 2 * SAFE_MM) / (CARD_H_MM + 2 * b)))
    for c in range(cols, 0, -1):
        for r in range(rows, 0, -1):
            sheet = Sheet(page_w, page_h, b, c, r, dx, dy)
            if sheet.fits():
                return sheet
    return f"a {CARD_W_MM:g}×{CARD_H_MM:g} mm card does not fit on {paper} with all ink {SAFE_MM:g} mm inside"
