"""Text pages: a small Markdown subset laid out in lines, fitted to a number of pages, then drawn.

Layout and drawing are apart, so that a text can be measured first: `fit` makes the type a little smaller
until the text fills no more than the pages it is given (the rules for paper fill exactly one page).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from game.design.fonts import line_height_mm, text_width_mm
from game.design.palette import INK, MUTED
from game.paper.pen import Pen

SIZES = {"h1": 18.0, "h2": 13.0, "h3": 11.5, "p": 10.5, "li": 10.5}
MARGIN_MM = 20.0
SMALLEST = 0.75  # type is never made smaller than this share of its size (10.5 pt becomes 7.9 pt at most)


@dataclass(frozen=True)
class Block:
    kind: str  # "h1", "h2", "h3", "p", "li"
    text: str
    marker: str = ""


def parse_markdown(text: str) -> list[Block]:
    """A Markdown subset: # headings, paragraphs, list items (- * 1.) with indented continuation lines."""
    blocks: list[Block] = []
    para: list[str] = []

    def flush() -> None:
        if para:
            blocks.append(Block("p", " ".join(para)))
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
            blocks.append(Block(f"h{min(3, len(heading.group(1)))}", heading.group(2).strip()))
        elif item and not raw.startswith("  "):
            flush()
            marker = "•" if item.group(1) in "-*+" else item.group(1)
            blocks.append(Block("li", item.group(2), marker))
        elif raw.startswith(" ") and blocks and blocks[-1].kind == "li" and not para:
            last = blocks.pop()
            blocks.append(Block("li", f"{last.text} {stripped}", last.marker))
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



@dataclass(frozen=True)
class Run:
    """A piece of text at a place on a page (mm from the top-left corner)."""

    text: str
    x: float
    y: float
    size: float
    bold: bool
    colour: str


def layout(blocks: list[Block], page_w: float, page_h: float, scale: float = 1.0,
           margin: float = MARGIN_MM) -> list[list[Run]]:
    """The blocks as runs of text, page by page: headings stay with the text below them."""
    pages: list[list[Run]] = [[]]
    y = margin
    for i, b in enumerate(blocks):
        size = SIZES[b.kind] * scale
        lh = line_height_mm(size)
        before = ({"h1": 0.0, "h2": 4.0, "h3": 3.0}.get(b.kind, 1.6) if i else 0.0) * scale
        indent = 6.0 if b.kind == "li" else 0.0
        bold_all = b.kind.startswith("h")
        words = [[(piece, bold or bold_all) for piece, bold in word] for word in _words(b.text)]
        lines = _wrap_words(words, size, page_w - 2 * margin - indent)
        need = before + lh * (min(len(lines), 2) + (1 if bold_all else 0))  # keep headings with text
        if y + need > page_h - margin and y > margin:
            pages.append([])
            y = margin
        else:
            y += before
        if b.kind == "li":
            pages[-1].append(Run(b.marker, margin + 1.0, y, size, False, MUTED))
        for line in lines:
            if y + lh > page_h - margin:
                pages.append([])
                y = margin
            x = margin + indent
            for piece, bold in _pieces(line):
                pages[-1].append(Run(piece, x, y, size, bold, INK))
                x += text_width_mm(piece, size, bold)
            y += lh
        if b.kind == "h1":
            y += 1.5 * scale
    return pages


def fit(blocks: list[Block], page_w: float, page_h: float, max_pages: int) -> list[list[Run]]:
    """The layout at the largest scale (1, 0.97, 0.94, …) that fills at most max_pages pages."""
    scale = 1.0
    pages = layout(blocks, page_w, page_h, scale)
    while len(pages) > max_pages and scale > SMALLEST:
        scale = round(scale - 0.03, 2)
        pages = layout(blocks, page_w, page_h, scale)
    return pages


def draw(pen: Pen, pages: list[list[Run]], first_on_a_new_page: bool) -> int:
    """Draw laid-out pages; returns how many pages were drawn."""
    for n, runs in enumerate(pages):
        if n or first_on_a_new_page:
            pen.new_page()
        for r in runs:
            pen.text_line(r.text, r.x, r.y, r.size, r.bold, r.colour)
    return len(pages)
