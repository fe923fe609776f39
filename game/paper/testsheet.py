"""The duplex test sheet (`print --test-sheet`): one sheet that shows how far a printer shifts the back.

The front has a cross in the middle of the sheet and the card grid with its cut marks; the back has two rulers
that meet where that cross should shine through. Held against the light, the cross falls on the rulers at the
printer's shift: those two numbers, given as `--back-offset X,Y`, move every back by that much. X counts to the
right and Y downwards, both as seen on the back.
"""

from __future__ import annotations

from game.design.palette import CUT, INK, MUTED
from game.paper.flow import MARGIN_MM
from game.paper.pen import Pen
from game.paper.sheets import Sheet

RULER_MM = 10  # each ruler runs from -10 to +10 mm
CROSS_MM = 32.0  # the front's cross: arms this long each way, so they reach the rulers
RULER_AT = 22.0  # the rulers lie this far below and to the right of the cross's centre

WORDS: dict[str, dict[str, str]] = {
    "nl": {
        "front": "Testvel, voorkant",
        "front_1": "Print dit vel dubbelzijdig, omslaan langs de lange kant, op ware grootte.",
        "front_2": "Het kruis hieronder moet precies achter het midden van de linialen op de achterkant vallen.",
        "back": "Testvel, achterkant",
        "back_1": "Houd het vel tegen het licht. Waar valt het kruis van de voorkant op de linialen?",
        "back_2": "Lees het getal af op de liggende liniaal (X) en op de staande liniaal (Y).",
        "back_3": "Print dan met --back-offset X,Y (bijvoorbeeld 1.5,-1). "
                  "Valt het op 0? Dan is alles goed.",
        "used": "Deze achterkant is al verschoven met: {dx:g}, {dy:g} mm.",
    },
    "en": {
        "front": "Test sheet, front",
        "front_1": "Print this sheet double-sided, flip on the long edge, at actual size.",
        "front_2": "The cross below should land right behind the middle of the rulers on the back.",
        "back": "Test sheet, back",
        "back_1": "Hold the sheet against the light. Where does the cross from the front fall on the rulers?",
        "back_2": "Read the number on the lying ruler (X) and on the standing ruler (Y).",
        "back_3": "Then print with --back-offset X,Y (for example 1.5,-1). "
                  "On 0? Then all is well.",
        "used": "This back is already shifted by: {dx:g}, {dy:g} mm.",
    },
}


def draw_test_sheet(pen: Pen, sheet: Sheet, lang: str) -> int:
    """Draw the test sheet's two pages (the pen is on a fresh first page); returns 2."""
    w = WORDS.get(lang, WORDS["en"])
    cx, cy = sheet.page_w / 2, sheet.page_h / 2
    _heading(pen, w["front"], (w["front_1"], w["front_2"]))
    for x1, y1, x2, y2 in sheet.cut_marks():
        pen.line(x1, y1, x2, y2, CUT, 0.25)
    pen.line(cx - CROSS_MM, cy, cx + CROSS_MM, cy, INK, 0.35)
    pen.line(cx, cy - CROSS_MM, cx, cy + CROSS_MM, INK, 0.35)
    pen.circle(cx, cy, 3.0, None, INK, 0.25)
    pen.new_page()
    lines = (w["back_1"], w["back_2"], w["back_3"])
    if sheet.back_dx or sheet.back_dy:
        lines += (w["used"].format(dx=sheet.back_dx, dy=sheet.back_dy),)
    _heading(pen, w["back"], lines)
    _rulers(pen, cx + sheet.back_dx, cy + sheet.back_dy)
    return 2


def _heading(pen: Pen, title: str, lines: tuple[str, ...]) -> None:
    pen.text_line(title, MARGIN_MM, MARGIN_MM, 16.0, True, INK)
    for i, line in enumerate(lines):
        pen.text_line(line, MARGIN_MM, MARGIN_MM + 9.0 + i * 5.0, 9.5, False, INK)


def _rulers(pen: Pen, x0: float, y0: float) -> None:
    """Two rulers in mm, apart so that their ticks never cross: a lying one RULER_AT below (x0, y0), read where
    the cross's standing arm meets it, and a standing one RULER_AT to the right, read where the lying arm does."""
    below, right = y0 + RULER_AT, x0 + RULER_AT
    pen.line(x0 - RULER_MM, below, x0 + RULER_MM, below, INK, 0.25)
    pen.line(right, y0 - RULER_MM, right, y0 + RULER_MM, INK, 0.25)
    for v in range(-RULER_MM, RULER_MM + 1):
        tick = 4.0 if v % 5 == 0 else 2.0 if v else 6.0
        pen.line(x0 + v, below, x0 + v, below + tick, INK, 0.2)
        pen.line(right, y0 + v, right + tick, y0 + v, INK, 0.2)
        if v % 5 == 0:
            label = f"{v:+d}" if v else "0"
            pen.text_line(label, x0 + v - 3.0, below + 7.0, 8.0, not v, MUTED, "center", 6.0)
            pen.text_line(label, right + 7.0, y0 + v - 1.5, 8.0, not v, MUTED)
    pen.text_line("X", x0 + RULER_MM + 2.0, below - 1.7, 10.0, True, INK)
    pen.text_line("Y", right - 1.2, y0 + RULER_MM + 2.0, 10.0, True, INK)
