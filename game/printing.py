"""Print-and-play: the deck as a PDF of 63×88 mm cards, nine to a sheet, backs behind fronts (long-edge flip).

`python main.py print` draws the same Drawings as the window (game.design.cards) with reportlab, the font
embedded, so the text stays sharp and searchable. The first pages hold a short print guide and the rules.
"""

from __future__ import annotations

import argparse
import os
import re
import struct
import tempfile
import zlib
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from reportlab import rl_config
from reportlab.lib.pagesizes import A4, letter
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas

from game import __version__
from game.cli import UsageError, add_deck_args, deck_or_exit
from game.design import cards as C
from game.design.fonts import FONT_NAMES, PT_TO_MM, line_height_mm, register_fonts, text_width_mm
from game.design.palette import CUT, INK, LINE, MUTED, PLAYER_COLOURS, WHITE, rgb
from game.design.primitives import Box, Circle, Drawing, Text
from game.design.primitives import Path as Polyline
from game.model.deck import CardKind, Deck
from game.paths import RULES

HELP = "make a print-ready PDF of the cards (print at actual size, double-sided, flip on the long edge)"

PAPERS = {"a4": A4, "letter": letter}
COLS, ROWS = 3, 3
PER_SHEET = COLS * ROWS
BLEED_MM = 3.0
PRINT_MARGIN_MM = 4.2  # printers cannot print this close to the edge; cut marks stay inside it
MARK_GAP_MM = 1.0  # cut marks start this far outside the card
MARK_LEN_MM = 7.0
OUTLINE_MM = 0.2
ASCENT = 0.95  # the font's ascent in em: the first baseline lies this far below the top of a text line
RULES_FILE = RULES
PNG_DPI = 300


# --- what is printed --------------------------------------------------------------------------------------


@dataclass(frozen=True)
class PrintCard:
    """One card to cut out: its front, its back, and a name for its PNG file."""

    name: str
    front: Drawing
    back: Drawing


def print_cards(deck: Deck, lang: str, features: Sequence[str] | None = None, quick: bool = False
                ) -> list[PrintCard]:
    """Every card of the (selected part of the) deck, in print order."""
    chosen = [f.id for f in deck.features if not features or f.id in features]
    backs = {fid: C.card_back(deck, fid, lang) for fid in chosen}
    out: list[PrintCard] = []
    for fid in chosen:
        for kind in (CardKind.QUESTION, CardKind.REFLECTION):
            for card in deck.cards_of(fid, kind, quick_only=quick):
                design = C.question_card if kind == CardKind.QUESTION else C.reflection_card
                front = design(deck, card, lang, "both")
                out.append(PrintCard(card.id, front, backs[fid]))
        for starter in deck.starters:
            if starter.feature == fid:
                out.append(PrintCard(starter.id, C.starter_card(deck, starter, lang), backs[fid]))
    neutral = C.card_back(deck, None, lang)
    if set(chosen) == {f.id for f in deck.features}:
        case_back = C.labelled_back(C.word("case", lang))
        view_back = C.labelled_back(C.word("case_view", lang), C.word("turn_last", lang))
        for case in deck.cases:
            # the case is read aloud with its back to the team: the client's own view is a card of its own
            out.append(PrintCard(case.id, C.case_card(deck, case, lang), case_back))
            out.append(PrintCard(f"{case.id}-view", C.case_view_card(deck, case, lang), view_back))
    for player, colour in enumerate(PLAYER_COLOURS, 1):
        for value in range(1, 6):
            front = C.estimate_card(deck, value, lang, colour)
            out.append(PrintCard(f"estimate-p{player}-{value}", front, neutral))
    out.append(PrintCard("reference", C.reference_card(lang), neutral))
    if deck.consent is not None:  # what happens with the answers: a card of its own
        consent_back = C.labelled_back(C.word("consent", lang))
        out.append(PrintCard("consent", C.consent_card(deck.consent, lang), consent_back))
    return out


# --- where cards go ---------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Sheet:
    """The 3×3 grid on one paper size, centred; all numbers in mm from the page's top-left corner."""

    page_w: float
    page_h: float
    bleed: float = 0.0

    @property
    def pitch_x(self) -> float:
        return C.CARD_W_MM + 2 * self.bleed

    @property
    def pitch_y(self) -> float:
        return C.CARD_H_MM + 2 * self.bleed

    @property
    def left(self) -> float:
        """x of the first column's cut line."""
        return (self.page_w - COLS * self.pitch_x) / 2 + self.bleed

    @property
    def top(self) -> float:
        return (self.page_h - ROWS * self.pitch_y) / 2 + self.bleed

    def fits(self) -> bool:
        """The cards and the bleed between them fit the page; the page edge may cut off the outer bleed.

        Printers do not print that close to the edge anyway; on Letter 1.7 mm of it is left above and below.
        """
        inner_w, inner_h = COLS * self.pitch_x - 2 * self.bleed, ROWS * self.pitch_y - 2 * self.bleed
        return inner_w <= self.page_w and inner_h <= self.page_h

    def front_slot(self, i: int) -> tuple[float, float]:
        """Top-left corner of the i-th card (0–8) on a front page."""
        col, row = i % COLS, i // COLS
        return self.left + col * self.pitch_x, self.top + row * self.pitch_y

    def back_slot(self, i: int) -> tuple[float, float]:
        """Where the back of the i-th card goes: a long-edge flip mirrors the columns, not the rows."""
        col, row = i % COLS, i // COLS
        return self.front_slot(row * COLS + (COLS - 1 - col))

    def cut_marks(self) -> list[tuple[float, float, float, float]]:
        """Cut marks (x1, y1, x2, y2) in mm: outside every card, inside the page's printable margin."""
        xs = sorted({self.left + c * self.pitch_x + dx for c in range(COLS) for dx in (0.0, C.CARD_W_MM)})
        ys = sorted({self.top + r * self.pitch_y + dy for r in range(ROWS) for dy in (0.0, C.CARD_H_MM)})
        x_lo, x_hi, y_lo, y_hi = xs[0], xs[-1], ys[0], ys[-1]
        marks: list[tuple[float, float, float, float]] = []

        def outward(start: float, limit: float, direction: int) -> tuple[float, float] | None:
            a = start + direction * MARK_GAP_MM
            b = a + direction * MARK_LEN_MM
            b = max(b, limit) if direction < 0 else min(b, limit)
            return (a, b) if (b - a) * direction >= 1.5 else None

        for x in xs:
            for span in (outward(y_lo, PRINT_MARGIN_MM, -1), outward(y_hi, self.page_h - PRINT_MARGIN_MM, 1)):
                if span:
                    marks.append((x, span[0], x, span[1]))
        for y in ys:
            for span in (outward(x_lo, PRINT_MARGIN_MM, -1), outward(x_hi, self.page_w - PRINT_MARGIN_MM, 1)):
                if span:
                    marks.append((span[0], y, span[1], y))
        if self.bleed:  # with gaps between the cards, short marks in the gaps as well
            gap = 2 * self.bleed - 2 * MARK_GAP_MM
            for x in xs:
                for r in range(ROWS - 1):
                    y0 = self.top + r * self.pitch_y + C.CARD_H_MM + MARK_GAP_MM
                    marks.append((x, y0, x, y0 + gap))
            for y in ys:
                for c in range(COLS - 1):
                    x0 = self.left + c * self.pitch_x + C.CARD_W_MM + MARK_GAP_MM
                    marks.append((x0, y, x0 + gap, y))
        return marks


def sheet_for(paper: str, bleed: bool) -> Sheet:
    w_pt, h_pt = PAPERS[paper]
    return Sheet(w_pt / mm, h_pt / mm, BLEED_MM if bleed else 0.0)


# --- drawing with reportlab -------------------------------------------------------------------------------


_KAPPA = 0.5522847498  # Bézier handle length for a quarter circle


@lru_cache(maxsize=256)
def _rgb_op(hex_colour: str) -> str:
    """'#rrggbb' as the three numbers of a PDF rg/RG operator."""
    return " ".join(_num(v / 255, 4) for v in rgb(hex_colour))


def _num(v: float, places: int = 2) -> str:
    """A number for the PDF content stream: 0.01 pt (0.004 mm) is finer than any printer."""
    text = f"{v:.{places}f}".rstrip("0").rstrip(".")
    return "0" if text in ("", "-0") else text


class _Pen:
    """Draws Drawings onto a reportlab canvas; coordinates in mm from the page's top-left corner."""

    def __init__(self, canvas: Canvas, page_h_mm: float):
        self.c = canvas
        self.page_h = page_h_mm
        self._fill: str | None = None
        self._stroke: str | None = None
        self._width: float | None = None
        self._font: tuple[str, float] | None = None

    def new_page(self) -> None:
        self.c.showPage()
        self._fill = self._stroke = self._width = self._font = None
        self.page_setup()

    def page_setup(self) -> None:
        self.c.setLineJoin(1)
        self.c.setLineCap(1)

    def fill(self, colour: str) -> None:
        if colour != self._fill:
            self.c.addLiteral(f"{_rgb_op(colour)} rg")
            self._fill = colour

    def stroke(self, colour: str, width_mm: float) -> None:
        if colour != self._stroke:
            self.c.addLiteral(f"{_rgb_op(colour)} RG")
            self._stroke = colour
        if width_mm != self._width:
            self.c.addLiteral(f"{_num(width_mm * mm)} w")
            self._width = width_mm

    def font(self, bold: bool, size: float) -> None:
        key = (FONT_NAMES[bold], size)
        if key != self._font:
            self.c.setFont(*key)
            self._font = key

    def x(self, v: float) -> float:
        return v * mm

    def y(self, v: float) -> float:
        return (self.page_h - v) * mm

    def _paint(self, path: list[str], fill: str | None, stroke: str | None, stroke_mm: float) -> None:
        """Emit a path and paint it, as plain PDF operators (much faster than reportlab's path objects)."""
        if fill:
            self.fill(fill)
        if stroke:
            self.stroke(stroke, stroke_mm)
        path.append("B" if fill and stroke else "f" if fill else "S" if stroke else "n")
        self.c.addLiteral("\n".join(path))

    def rect(self, x: float, y: float, w: float, h: float, fill: str | None, stroke: str | None,
             stroke_mm: float = 0.3, radius: float = 0.0) -> None:
        x0, y0, x1, y1 = self.x(x), self.y(y + h), self.x(x + w), self.y(y)
        if not radius:
            box = f"{_num(x0)} {_num(y0)} {_num(x1 - x0)} {_num(y1 - y0)} re"
            self._paint([box], fill, stroke, stroke_mm)
            return
        r = min(radius * mm, (x1 - x0) / 2, (y1 - y0) / 2)
        k = r * (1 - _KAPPA)
        n = _num
        self._paint([
            f"{n(x0 + r)} {n(y0)} m", f"{n(x1 - r)} {n(y0)} l",
            f"{n(x1 - k)} {n(y0)} {n(x1)} {n(y0 + k)} {n(x1)} {n(y0 + r)} c", f"{n(x1)} {n(y1 - r)} l",
            f"{n(x1)} {n(y1 - k)} {n(x1 - k)} {n(y1)} {n(x1 - r)} {n(y1)} c", f"{n(x0 + r)} {n(y1)} l",
            f"{n(x0 + k)} {n(y1)} {n(x0)} {n(y1 - k)} {n(x0)} {n(y1 - r)} c", f"{n(x0)} {n(y0 + r)} l",
            f"{n(x0)} {n(y0 + k)} {n(x0 + k)} {n(y0)} {n(x0 + r)} {n(y0)} c", "h",
        ], fill, stroke, stroke_mm)

    def circle(self, cx: float, cy: float, r: float, fill: str | None, stroke: str | None,
               stroke_mm: float) -> None:
        x, y, r = self.x(cx), self.y(cy), r * mm
        k = r * _KAPPA
        n = _num
        self._paint([
            f"{n(x + r)} {n(y)} m",
            f"{n(x + r)} {n(y + k)} {n(x + k)} {n(y + r)} {n(x)} {n(y + r)} c",
            f"{n(x - k)} {n(y + r)} {n(x - r)} {n(y + k)} {n(x - r)} {n(y)} c",
            f"{n(x - r)} {n(y - k)} {n(x - k)} {n(y - r)} {n(x)} {n(y - r)} c",
            f"{n(x + k)} {n(y - r)} {n(x + r)} {n(y - k)} {n(x + r)} {n(y)} c", "h",
        ], fill, stroke, stroke_mm)

    def polyline(self, points: Sequence[tuple[float, float]], closed: bool, fill: str | None,
                 stroke: str | None, stroke_mm: float) -> None:
        ops = [f"{_num(self.x(px))} {_num(self.y(py))} {'l' if i else 'm'}"
               for i, (px, py) in enumerate(points)]
        if closed:
            ops.append("h")
        self._paint(ops, fill if closed else None, stroke, stroke_mm)

    def line(self, x1: float, y1: float, x2: float, y2: float, colour: str, width_mm: float) -> None:
        self.polyline(((x1, y1), (x2, y2)), False, None, colour, width_mm)

    def text_line(self, text: str, x: float, top: float, size: float, bold: bool, colour: str,
                  align: str = "left", width: float = 0.0) -> None:
        self.font(bold, size)
        self.fill(colour)
        if align != "left":
            tw = text_width_mm(text, size, bold)
            x += (width - tw) / 2 if align == "center" else width - tw
        self.c.drawString(self.x(x), self.y(top + ASCENT * size * PT_TO_MM), text)

    def drawing(self, d: Drawing, ox: float, oy: float, bleed: float = 0.0) -> None:
        """Draw a card with its top-left corner at (ox, oy); a full-card background runs into the bleed."""
        for s in d.shapes:
            if isinstance(s, Box):
                if s.x <= 0 and s.y <= 0 and s.x + s.w >= d.w and s.y + s.h >= d.h:
                    if s.fill and s.fill.lower() != WHITE:  # the paper is white already
                        self.rect(ox - bleed, oy - bleed, d.w + 2 * bleed, d.h + 2 * bleed, s.fill, None)
                    continue
                self.rect(ox + s.x, oy + s.y, s.w, s.h, s.fill, s.stroke, s.stroke_mm, s.radius_mm)
            elif isinstance(s, Circle):
                self.circle(ox + s.cx, oy + s.cy, s.r, s.fill, s.stroke, s.stroke_mm)
            elif isinstance(s, Polyline):
                if len(s.points) >= 2:
                    self.polyline([(ox + px_, oy + py_) for px_, py_ in s.points], s.closed, s.fill, s.stroke,
                                  s.stroke_mm)
            elif isinstance(s, Text):
                for i, line in enumerate(s.lines):
                    if line:
                        self.text_line(line, ox + s.x, oy + s.y + i * s.line_height_mm, s.size_pt, s.bold,
                                       s.colour, s.align, s.w)


# --- first pages: guide and rules -------------------------------------------------------------------------

GUIDE: dict[str, dict[str, str]] = {
    "nl": {
        "title": "Zo print je de kaarten",
        "body": """- **Print op ware grootte (100 %).** Zet "passend maken" of "aanpassen aan pagina" uit.
- **Print dubbelzijdig**, omslaan langs de **lange kant**. Dan komt elke achterkant achter de goede kaart.
- Gebruik stevig papier, bijvoorbeeld 160 tot 250 gram.
- Op elk vel staan 9 kaarten. De voorkanten en achterkanten wisselen elkaar af.
- Meet een kaart na: hij is 63 bij 88 mm. Is hij kleiner? Dan is er geschaald.

## Knippen
- Aan de rand van het vel staan korte snijlijntjes. Leg een liniaal van lijntje naar lijntje.
- Snij eerst de lange lijnen, daarna de korte. Een snijmes en een liniaal gaan sneller dan een schaar.
- Geen dubbelzijdige printer? Print de voorkanten, leg de stapel terug en print de achterkanten.

## In deze set
{contents}""",
        "blank": "Deze pagina is leeg, zodat de kaarten op een nieuw vel beginnen.",
        "footer": "Kaartset {deck} {deck_version} · gemaakt met werkalliantie {version}",
        "questions": "vraagkaarten", "reflections": "reflectiekaarten", "starters": "gesprekskaarten",
        "cases": "casuskaarten (met de kijk van de cliënt op de achterkant)",
        "estimates": "inschattingskaarten: 1 tot 5 voor 2 spelers, elk in een eigen kleur",
        "reference": "kaart met de stappen van een ronde",
        "consent": "kaart over wat er met de antwoorden gebeurt",
        "bleed": "Met afloop (3 mm): tussen de kaarten zit ruimte. Snij op de lijntjes. "
                 "De rand eromheen gooi je weg.",
    },
    "en": {
        "title": "How to print the cards",
        "body": """- **Print at actual size (100 %).** Turn off "fit to page" or "shrink to fit".
- **Print double-sided**, flip on the **long edge**. Then every back lands behind its card.
- Use thick paper, for example 160 to 250 gsm.
- Each sheet holds 9 cards. Fronts and backs take turns.
- Measure a card: it is 63 by 88 mm. Is it smaller? Then the page was scaled.

## Cutting
- Short cut marks sit at the edge of the sheet. Lay a ruler from mark to mark.
- Cut the long lines first, then the short ones. A craft knife and a ruler are faster than scissors.
- No double-sided printer? Print the fronts, put the stack back in and print the backs.

## In this set
{contents}""",
        "blank": "This page is empty, so that the cards start on a new sheet.",
        "footer": "Deck {deck} {deck_version} · made with werkalliantie {version}",
        "questions": "question cards", "reflections": "reflection cards", "starters": "conversation starters",
        "cases": "case cards (with the client's view on the back)",
        "estimates": "estimate cards: 1 to 5 for 2 players, each in their own colour",
        "reference": "card with the steps of a round",
        "consent": "card about what happens to the answers",
        "bleed": "With bleed (3 mm): there is space between the cards. Cut on the marks. "
                 "Throw the edges away.",
    },
}


def guide_markdown(lang: str, cards: Sequence[PrintCard], deck: Deck, bleed: bool) -> str:
    g = GUIDE.get(lang, GUIDE["en"])
    names = {c.name for c in cards}
    counts = [
        (sum(c.id in names and c.kind == CardKind.QUESTION for c in deck.cards), g["questions"]),
        (sum(c.id in names and c.kind == CardKind.REFLECTION for c in deck.cards), g["reflections"]),
        (sum(s.id in names for s in deck.starters), g["starters"]),
        (sum(c.id in names for c in deck.cases), g["cases"]),
        (sum(c.name.startswith("estimate-") for c in cards), g["estimates"]),
        (1, g["reference"]),
        (sum(c.name == "consent" for c in cards), g["consent"]),
    ]
    contents = "\n".join(f"- {n} {what}" for n, what in counts if n)
    body = g["body"].format(contents=contents)
    if bleed:
        body = body.replace("\n\n## ", f"\n- {g['bleed']}\n\n## ", 1)
    return f"# {g['title']}\n\n{body}\n"


def rules_markdown(lang: str, path: Path = RULES_FILE) -> str | None:
    """The rules in one language: rules.<lang>.md, else that language's part of rules.md (split by ---)."""
    own = path.with_name(f"{path.stem}.{lang}{path.suffix}")
    if own.is_file():
        return own.read_text(encoding="utf-8")
    if not path.is_file():
        return None
    parts = [p.strip() for p in re.split(r"(?m)^-{3,}\s*$", path.read_text(encoding="utf-8")) if p.strip()]
    names = {"en": "english", "nl": "nederlands"}
    for part in parts:
        first = part.splitlines()[0].lower()
        if first.startswith("# ") and (f"({names.get(lang, lang)})" in first or f"({lang})" in first):
            return part
    unmarked = [p for p in parts if not re.match(r"#[^\n]*\([^)]*\)\s*(\n|$)", p)]
    return unmarked[0] if unmarked else parts[0] if parts else None


@dataclass(frozen=True)
class _Block:
    kind: str  # "h1", "h2", "h3", "p", "li"
    text: str
    marker: str = ""


def parse_markdown(text: str) -> list[_Block]:
    """A Markdown subset: # headings, paragraphs, list items (- * 1.) with indented continuation lines."""
    blocks: list[_Block] = []
    para: list[str] = []

    def flush() -> None:
        if para:
            blocks.append(_Block("p", " ".join(para)))
            para.clear()

    for raw in text.splitlines():
        line = raw.rstrip()
        stripped = line.strip()
        if not stripped or re.fullmatch(r"-{3,}|\*{3,}", stripped):
            flush()
            continue
        heading = re.match(r"(#{1,6})\s+(.*)", stripped)
        item = re.match(r"([-*+]|\d+[.)])\s+(.*)", stripped)
        if heading and not raw.startswith(" "):
            flush()
            blocks.append(_Block(f"h{min(3, len(heading.group(1)))}", heading.group(2).strip()))
        elif item and not raw.startswith("  "):
            flush()
            marker = "•" if item.group(1) in "-*+" else item.group(1)
            blocks.append(_Block("li", item.group(2), marker))
        elif raw.startswith(" ") and blocks and blocks[-1].kind == "li" and not para:
            last = blocks.pop()
            blocks.append(_Block("li", f"{last.text} {stripped}", last.marker))
        else:
            para.append(stripped)
    flush()
    return blocks


Word = list[tuple[str, bool]]
"""A word as pieces of text with a bold flag: "**Kaart**:" is [("Kaart", True), (":", False)]."""


def _words(text: str) -> list[Word]:
    """Words with bold pieces; **double stars** switch bold on and off, `code` marks are dropped."""
    words: list[Word] = []
    bold = False
    for token in text.replace("`", "").split():
        word: Word = []
        for i, piece in enumerate(token.split("**")):
            if i:
                bold = not bold
            if piece:
                word.append((piece, bold))
        if word:
            words.append(word)
    return words


def _word_width(word: Word, size: float) -> float:
    return sum(text_width_mm(piece, size, bold) for piece, bold in word)


def _wrap_words(words: list[Word], size: float, width: float) -> list[list[Word]]:
    space = text_width_mm(" ", size)
    lines: list[list[Word]] = [[]]
    used = 0.0
    for word in words:
        w = _word_width(word, size)
        extra = w if not lines[-1] else space + w
        if lines[-1] and used + extra > width * 0.97:
            lines.append([])
            used, extra = 0.0, w
        lines[-1].append(word)
        used += extra
    return lines


def _pieces(line: list[Word]) -> list[tuple[str, bool]]:
    """A line as few strings as possible: neighbouring pieces in the same style are joined (spaces included),
    so a PDF reader extracts whole sentences."""
    out: list[tuple[str, bool]] = []
    for i, word in enumerate(line):
        for j, (piece, bold) in enumerate(word):
            text = piece + (" " if j == len(word) - 1 and i < len(line) - 1 else "")
            if out and out[-1][1] == bold:
                out[-1] = (out[-1][0] + text, bold)
            else:
                out.append((text, bold))
    return out


class _Flow:
    """Text pages: blocks flow from top to bottom, onto new pages as needed."""

    SIZES = {"h1": 18.0, "h2": 13.0, "h3": 11.5, "p": 10.5, "li": 10.5}

    def __init__(self, pen: _Pen, page_w: float, page_h: float, margin: float = 20.0):
        self.pen, self.page_w, self.page_h, self.margin = pen, page_w, page_h, margin
        self.y = margin
        self.pages = 1

    def new_page(self) -> None:
        self.pen.new_page()
        self.pages += 1
        self.y = self.margin

    def blocks(self, blocks: list[_Block]) -> None:
        for i, b in enumerate(blocks):
            size = self.SIZES[b.kind]
            lh = line_height_mm(size)
            before = {"h1": 0.0, "h2": 4.0, "h3": 3.0}.get(b.kind, 1.6) if i else 0.0
            indent = 6.0 if b.kind == "li" else 0.0
            bold_all = b.kind.startswith("h")
            words = [[(piece, bold or bold_all) for piece, bold in word] for word in _words(b.text)]
            lines = _wrap_words(words, size, self.page_w - 2 * self.margin - indent)
            need = before + lh * (min(len(lines), 2) + (1 if bold_all else 0))  # keep headings with text
            if self.y + need > self.page_h - self.margin and self.y > self.margin:
                self.new_page()
            else:
                self.y += before
            if b.kind == "li":
                self.pen.text_line(b.marker, self.margin + 1.0, self.y, size, False, MUTED)
            for line in lines:
                if self.y + lh > self.page_h - self.margin:
                    self.new_page()
                x = self.margin + indent
                for piece, bold in _pieces(line):
                    self.pen.text_line(piece, x, self.y, size, bold, INK)
                    x += text_width_mm(piece, size, bold)
                self.y += lh
            if b.kind == "h1":
                self.y += 1.5


# --- the whole document -----------------------------------------------------------------------------------


@dataclass(frozen=True)
class Result:
    pages: int
    first_card_page: int  # 1-based number of the first front page
    cards: int


def chunks(items: Sequence[PrintCard], n: int = PER_SHEET) -> Iterator[Sequence[PrintCard]]:
    for i in range(0, len(items), n):
        yield items[i:i + n]


def write_pdf(target: Path | str, deck: Deck, lang: str, cards: Sequence[PrintCard], sheet: Sheet,
              rules: str | None) -> Result:
    """Draw guide, rules and card sheets into a PDF at `target` (not atomic: see make_pdf)."""
    register_fonts()
    c = Canvas(str(target), pagesize=(sheet.page_w * mm, sheet.page_h * mm), pageCompression=1,
               invariant=1)
    c.setTitle(f"{deck.name.get(lang, deck.name[deck.default_language])} – print-and-play")
    c.setSubject("63×88 mm cards; print at actual size, double-sided, flip on the long edge")
    c.setViewerPreference("PrintScaling", "None")
    c.setViewerPreference("Duplex", "DuplexFlipLongEdge")
    pen = _Pen(c, sheet.page_h)
    pen.page_setup()
    footer = GUIDE.get(lang, GUIDE["en"])["footer"].format(deck=deck.id, deck_version=deck.version, version=__version__)
    pen.text_line(footer, 20.0, sheet.page_h - 14.0, 8.0, False, MUTED)  # which deck and program made this print
    flow = _Flow(pen, sheet.page_w, sheet.page_h)
    flow.blocks(parse_markdown(guide_markdown(lang, cards, deck, bool(sheet.bleed))))
    pages = flow.pages
    if rules:
        pen.new_page()
        flow = _Flow(pen, sheet.page_w, sheet.page_h)
        flow.blocks(parse_markdown(rules))
        pages += flow.pages
    if pages % 2:  # the cards start on the front of a new sheet
        pen.new_page()
        pen.text_line(GUIDE.get(lang, GUIDE["en"])["blank"], 20.0, sheet.page_h / 2, 9.0, False, MUTED)
        pages += 1
    first = pages + 1
    marks = sheet.cut_marks()
    for group in chunks(cards):
        pen.new_page()
        for i, card in enumerate(group):
            x, y = sheet.front_slot(i)
            if not sheet.bleed:  # a hairline on the cut line; with bleed the cut may land beside it
                pen.rect(x, y, C.CARD_W_MM, C.CARD_H_MM, None, LINE, OUTLINE_MM)
            pen.drawing(card.front, x, y, sheet.bleed)
        for x1, y1, x2, y2 in marks:
            pen.line(x1, y1, x2, y2, CUT, 0.25)
        pen.new_page()
        for i, card in enumerate(group):
            x, y = sheet.back_slot(i)
            pen.drawing(card.back, x, y, sheet.bleed)
        pages += 2
    c.showPage()
    a85 = rl_config.useA85
    rl_config.useA85 = 0  # binary compressed streams: smaller, and the ASCII85 step was half the time
    try:
        c.save()
    finally:
        rl_config.useA85 = a85
    return Result(pages, first, len(cards))


def _umask() -> int:
    mask = os.umask(0o022)
    os.umask(mask)
    return mask


def make_pdf(out: Path, deck: Deck, lang: str, cards: Sequence[PrintCard], sheet: Sheet, rules: str | None
             ) -> Result:
    """Write the PDF to a temporary file next to `out`, then rename it: never a half-written file."""
    fd, tmp = tempfile.mkstemp(prefix=f".{out.name}.", suffix=".tmp", dir=out.parent)
    os.close(fd)
    try:
        result = write_pdf(tmp, deck, lang, cards, sheet, rules)
        os.chmod(tmp, 0o666 & ~_umask())
        os.replace(tmp, out)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    return result


def _set_png_dpi(path: Path, dpi: int) -> None:
    """Add a pHYs chunk, so that image programs print the PNG at its real size."""
    data = path.read_bytes()
    ppm = round(dpi / 0.0254)
    body = b"pHYs" + struct.pack(">IIB", ppm, ppm, 1)
    chunk = struct.pack(">I", 9) + body + struct.pack(">I", zlib.crc32(body))
    end_of_ihdr = 8 + 4 + 4 + 13 + 4  # signature, then IHDR: length, type, data, crc
    if data[12:16] == b"IHDR" and b"pHYs" not in data[:200]:
        path.write_bytes(data[:end_of_ihdr] + chunk + data[end_of_ihdr:])


def write_pngs(folder: Path, cards: Sequence[PrintCard], dpi: int = PNG_DPI) -> int:
    """Every front (and each different back once) as a PNG, drawn by the window's pygame backend."""
    os.environ.setdefault("SDL_VIDEODRIVER", "dummy")
    os.environ.setdefault("SDL_AUDIODRIVER", "dummy")
    os.environ.setdefault("PYGAME_HIDE_SUPPORT_PROMPT", "1")
    import pygame

    from game.ui import render

    pygame.font.init()
    width = round(C.CARD_W_MM / 25.4 * dpi)
    written = 0
    backs: dict[Drawing, str] = {}
    jobs: list[tuple[str, Drawing]] = []
    for n, card in enumerate(cards, 1):
        jobs.append((f"{n:03d}-{card.name}.png", card.front))
        if card.back not in backs:
            backs[card.back] = f"back-{len(backs) + 1:02d}-{card.name}.png"
            jobs.append((backs[card.back], card.back))
    for name, drawing in jobs:
        surf = render.render(drawing, width)
        flat = pygame.Surface(surf.get_size())
        flat.fill((255, 255, 255))
        flat.blit(surf, (0, 0))
        fd, tmp = tempfile.mkstemp(prefix=f".{name}.", suffix=".png", dir=folder)
        os.close(fd)
        try:
            pygame.image.save(flat, tmp)
            _set_png_dpi(Path(tmp), dpi)
            os.replace(tmp, folder / name)
        except BaseException:
            Path(tmp).unlink(missing_ok=True)
            raise
        written += 1
    render.clear_caches()
    return written


# --- the command ------------------------------------------------------------------------------------------


def add_arguments(parser: argparse.ArgumentParser) -> None:
    add_deck_args(parser)
    parser.add_argument("--paper", default="a4", metavar="a4|letter", help="paper size (default: a4)")
    parser.add_argument("--features", nargs="+", metavar="ID", help="only these features (default: all)")
    parser.add_argument("--quick", action="store_true", help="only the cards of the short session")
    parser.add_argument("--bleed", action="store_true", help=f"add {BLEED_MM:g} mm bleed around every card")
    parser.add_argument("--out", type=Path, metavar="FILE.pdf",
                        help="where to write the PDF (default: werkalliantie-<lang>.pdf here)")
    parser.add_argument("--png", type=Path, metavar="DIR",
                        help=f"also write every card as a {PNG_DPI} dpi PNG (drawn by the window's backend)")


def _writable_folder(folder: Path, what: str) -> None:
    if not folder.is_dir():
        raise UsageError(f"{what}: folder {folder} does not exist")
    if not os.access(folder, os.W_OK | os.X_OK):
        raise UsageError(f"{what}: cannot write in {folder}")


def run(args: argparse.Namespace) -> int:
    paper = str(args.paper).lower()
    if paper not in PAPERS:
        raise UsageError(f"unknown paper size '{args.paper}' (choose {' or '.join(PAPERS)})")
    deck = deck_or_exit(args.deck)
    lang = args.lang or deck.default_language
    if lang not in deck.languages:
        raise UsageError(f"the deck has no language '{lang}' (it has {', '.join(deck.languages)})")
    known = [f.id for f in deck.features]
    for fid in args.features or []:
        if fid not in known:
            raise UsageError(f"unknown feature '{fid}' (choose from {', '.join(known)})")
    sheet = sheet_for(paper, args.bleed)
    if not sheet.fits():
        raise UsageError(
            f"9 cards with {BLEED_MM:g} mm bleed do not fit on {paper}; use --paper a4 or leave out --bleed"
        )
    out = args.out if args.out is not None else Path.cwd() / f"werkalliantie-{lang}.pdf"
    if out.is_dir():
        raise UsageError(f"--out: {out} is a folder, not a file")
    _writable_folder(out.parent if str(out.parent) else Path("."), "--out")
    if out.exists() and not os.access(out, os.W_OK):
        raise UsageError(f"--out: cannot overwrite {out}")
    if args.png is not None:
        if args.png.exists() and not args.png.is_dir():
            raise UsageError(f"--png: {args.png} is a file, not a folder")
        try:
            args.png.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise UsageError(f"--png: cannot make folder {args.png}: {exc.strerror or exc}") from None
        _writable_folder(args.png, "--png")
    cards = print_cards(deck, lang, args.features, args.quick)
    try:
        result = make_pdf(out, deck, lang, cards, sheet, rules_markdown(lang))
    except OSError as exc:
        raise UsageError(f"--out: cannot write {out}: {exc.strerror or exc}") from None
    sheets = (result.cards + PER_SHEET - 1) // PER_SHEET
    print(f"{out}: {result.cards} cards on {sheets} sheets, {result.pages} pages ({paper}); "
          "print at actual size, double-sided, flip on the long edge")
    if args.png is not None:
        n = write_pngs(args.png, cards)
        print(f"{args.png}: {n} PNG files at {PNG_DPI} dpi")
    return 0
