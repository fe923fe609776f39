"""Print-and-play (`python main.py print`): the deck as a PDF of 63×88 mm cards, backs behind fronts.

The pieces live in game/paper: which cards and piles (piles), where they go on a sheet (sheets), how a
Drawing becomes PDF operators (pen), text pages (flow), the guide page (guide), the rules for paper (rules),
the duplex test sheet (testsheet) and PNG files (pngs). This module is the command and the document's order:
the guide, the rules for paper, then every sheet's fronts and backs.
"""

from __future__ import annotations

import argparse
import os
import stat
import sys
import tempfile
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

from reportlab import rl_config
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas

from game import __version__
from game.cli import UsageError, add_deck_args, deck_or_exit, refuse_data_dir
from game.design.cards import CARD_H_MM, CARD_W_MM
from game.design.fonts import register_fonts
from game.design.palette import CUT, LINE, MUTED
from game.model.deck import Deck
from game.paper import flow, new_file_mode
from game.paper.guide import GUIDE, guide_markdown
from game.paper.pen import Pen
from game.paper.piles import PrintCard, print_cards
from game.paper.pngs import PNG_DPI, write_pngs
from game.paper.rules import paper_rules
from game.paper.sheets import BLEED_MM, MARK_END_MM, PAPERS, SAFE_MM, Sheet, sheet_for
from game.paper.testsheet import draw_test_sheet

__all__ = ["MARK_END_MM", "SAFE_MM", "PrintCard", "Sheet", "make_pdf", "print_cards", "run", "sheet_for", "write_pdf"]

HELP = "make a print-ready PDF of the cards (print at actual size, double-sided, flip on the long edge)"
OUTLINE_MM = 0.2


@dataclass(frozen=True)
class Result:
    pages: int
    first_card_page: int  # 1-based number of the first front page
    cards: int


def chunks(items: Sequence[PrintCard], n: int) -> Iterator[Sequence[PrintCard]]:
    for i in range(0, len(items), n):
        yield items[i:i + n]


def _canvas(target: Path | str, deck: Deck, lang: str, sheet: Sheet) -> tuple[Canvas, Pen]:
    register_fonts()
    c = Canvas(str(target), pagesize=(sheet.page_w * mm, sheet.page_h * mm), pageCompression=1, invariant=1)
    c.setTitle(f"{deck.name.get(lang, deck.name[deck.default_language])} – print-and-play")
    c.setSubject("63×88 mm cards; print at actual size, double-sided, flip on the long edge")
    c.setViewerPreference("PrintScaling", "None")
    c.setViewerPreference("Duplex", "DuplexFlipLongEdge")
    pen = Pen(c, sheet.page_h)
    pen.page_setup()
    return c, pen


def _save(c: Canvas) -> None:
    c.showPage()
    a85 = rl_config.useA85
    rl_config.useA85 = 0  # binary compressed streams: smaller, and the ASCII85 step was half the time
    try:
        c.save()
    finally:
        rl_config.useA85 = a85


def write_pdf(target: Path | str, deck: Deck, lang: str, cards: Sequence[PrintCard], sheet: Sheet) -> Result:
    """Draw the guide, the rules for paper and the card sheets into a PDF at `target` (not atomic: see make_pdf).

    The guide and the rules each fit one page, so the cards start on the front of the second sheet."""
    c, pen = _canvas(target, deck, lang, sheet)
    words = GUIDE.get(lang, GUIDE["en"])
    footer = words["footer"].format(deck=deck.id, deck_version=deck.version, version=__version__)
    pen.text_line(footer, flow.MARGIN_MM, sheet.page_h - 14.0, 8.0, False, MUTED)  # which deck and program made this
    guide = flow.fit(flow.parse_markdown(guide_markdown(lang, cards, deck, sheet)), sheet.page_w, sheet.page_h, 1)
    pages = flow.draw(pen, guide, first_on_a_new_page=False)
    rules = flow.fit(flow.parse_markdown(paper_rules(deck, lang)), sheet.page_w, sheet.page_h, 1)
    pages += flow.draw(pen, rules, first_on_a_new_page=True)
    if pages % 2:  # only when a text did not fit its page: the cards start on the front of a new sheet
        pen.new_page()
        pen.text_line(words["blank"], flow.MARGIN_MM, sheet.page_h / 2, 9.0, False, MUTED)
        pages += 1
    first = pages + 1
    marks = sheet.cut_marks()
    for group in chunks(cards, sheet.per_sheet):
        pen.new_page()
        for i, card in enumerate(group):
            x, y = sheet.front_slot(i)
            if not sheet.bleed:  # a hairline on the cut line; with bleed the cut may land beside it
                pen.rect(x, y, CARD_W_MM, CARD_H_MM, None, LINE, OUTLINE_MM)
            pen.drawing(card.front, x, y, sheet.bleed)
        for x1, y1, x2, y2 in marks:
            pen.line(x1, y1, x2, y2, CUT, 0.25)
        pen.new_page()
        for i, card in enumerate(group):
            x, y = sheet.back_slot(i)
            pen.drawing(card.back, x, y, sheet.bleed)
        pages += 2
    _save(c)
    return Result(pages, first, len(cards))


def write_test_sheet(target: Path | str, deck: Deck, lang: str, sheet: Sheet) -> Result:
    """The duplex test sheet alone: a front and a back page."""
    c, pen = _canvas(target, deck, lang, sheet)
    pages = draw_test_sheet(pen, sheet, lang)
    _save(c)
    return Result(pages, 1, 0)


def make_pdf(out: Path, write, *args, replace: bool = False) -> Result:  # type: ignore[no-untyped-def]
    """Write the PDF with `write(target, *args)` to a temporary file next to `out`, then move it into place:
    never a half-written file. Without `replace` a file that appeared at `out` meanwhile is left alone."""
    fd, tmp = tempfile.mkstemp(prefix=f".{out.name}.", suffix=".tmp", dir=out.parent)
    os.close(fd)
    try:
        result = write(tmp, *args)
        os.chmod(tmp, new_file_mode())
        if replace:
            os.replace(tmp, out)
        else:
            _move_new(Path(tmp), out)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    return result


def _move_new(tmp: Path, out: Path) -> None:
    """Move tmp to out only if out does not exist (a hard link fails on an existing name; a file system
    without hard links gets a check just before the rename)."""
    try:
        os.link(tmp, out)
    except FileExistsError:
        raise
    except OSError:
        if os.path.lexists(out):
            raise FileExistsError(out) from None
        os.replace(tmp, out)
        return
    tmp.unlink()


# --- the command ------------------------------------------------------------------------------------------


def add_arguments(parser: argparse.ArgumentParser) -> None:
    add_deck_args(parser)
    parser.add_argument("--paper", default="a4", metavar="a4|letter", help="paper size (default: a4)")
    parser.add_argument("--features", nargs="+", metavar="ID", help="only these features (default: all)")
    parser.add_argument("--quick", action="store_true", help="only the cards of the short session")
    parser.add_argument("--bleed", action="store_true",
                        help=f"add {BLEED_MM:g} mm bleed around every card (fewer cards on a sheet)")
    parser.add_argument("--ink-saver", action="store_true", help="light backs and headers: much less ink")
    parser.add_argument("--ids", action="store_true", help="print each card's id on its front (for a trainer)")
    parser.add_argument("--test-sheet", action="store_true",
                        help="only a duplex test sheet that shows how far the printer shifts the back")
    parser.add_argument("--back-offset", default="0,0", metavar="X,Y",
                        help="move every back X mm right and Y mm down, as read off the test sheet")
    parser.add_argument("--out", type=Path, metavar="FILE.pdf",
                        help="where to write the PDF (default: werkalliantie-<lang>.pdf here); never overwritten")
    parser.add_argument("--force", action="store_true", help="replace an existing --out file")
    parser.add_argument("--png", type=Path, metavar="DIR",
                        help=f"also write every card as a {PNG_DPI} dpi PNG (drawn by the window's backend)")


def _writable_folder(folder: Path, what: str) -> None:
    if not folder.is_dir():
        raise UsageError(f"{what}: folder {folder} does not exist")
    if not os.access(folder, os.W_OK | os.X_OK):
        raise UsageError(f"{what}: cannot write in {folder}")


def _offset(text: str) -> tuple[float, float]:
    try:
        x, y = (float(v) for v in text.split(","))
    except ValueError:
        raise UsageError(f"--back-offset: '{text}' is not two numbers in mm, like 1.5,-1") from None
    return x, y


def _check_out(out: Path, force: bool) -> None:
    """An existing --out is refused unless --force, and never replaced when it is not a regular file."""
    if out.is_dir():
        raise UsageError(f"--out: {out} is a folder, not a file")
    _writable_folder(out.parent if str(out.parent) else Path("."), "--out")
    try:
        mode = out.lstat().st_mode
    except FileNotFoundError:
        return
    except OSError as exc:
        raise UsageError(f"--out: cannot check {out}: {exc.strerror or exc}") from None
    if not stat.S_ISREG(mode):
        raise UsageError(f"--out: {out} exists and is not a regular file; choose another name")
    if not force:
        raise UsageError(f"--out: {out} exists; choose another name or add --force to replace it")
    if not os.access(out, os.W_OK):
        raise UsageError(f"--out: cannot overwrite {out}")


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
    sheet = sheet_for(paper, args.bleed, _offset(args.back_offset))
    if isinstance(sheet, str):
        raise UsageError(sheet)
    name = f"werkalliantie-{'test-sheet' if args.test_sheet else lang}.pdf"
    out = args.out if args.out is not None else Path.cwd() / name
    refuse_data_dir(out, "--out")
    if args.png is not None:
        refuse_data_dir(args.png, "--png")
    _check_out(out, args.force)
    if args.png is not None and not args.test_sheet:
        if args.png.exists() and not args.png.is_dir():
            raise UsageError(f"--png: {args.png} is a file, not a folder")
        try:
            args.png.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise UsageError(f"--png: cannot make folder {args.png}: {exc.strerror or exc}") from None
        _writable_folder(args.png, "--png")
    cards = [] if args.test_sheet else print_cards(deck, lang, args.features, args.quick, args.ids, args.ink_saver)
    try:
        if args.test_sheet:
            make_pdf(out, write_test_sheet, deck, lang, sheet, replace=args.force)
        else:
            result = make_pdf(out, write_pdf, deck, lang, cards, sheet, replace=args.force)
    except FileExistsError:
        raise UsageError(f"--out: {out} appeared while writing; nothing was replaced") from None
    except OSError as exc:
        raise UsageError(f"--out: cannot write {out}: {exc.strerror or exc}") from None
    if args.test_sheet:
        print(f"{out}: a test sheet ({paper}); print it double-sided, flip on the long edge, at actual size")
        return 0
    sheets = -(-result.cards // sheet.per_sheet)
    print(f"{out}: {result.cards} cards on {sheets} sheets ({sheet.per_sheet} a sheet), {result.pages} pages "
          f"({paper}); print at actual size, double-sided, flip on the long edge")
    if args.png is not None:
        try:
            n = write_pngs(args.png, cards)
        except OSError as exc:  # e.g. a full disk: the PDF is whole, the PNGs are not
            print(f"main.py print: --png: cannot write in {args.png}: {exc.strerror or exc}", file=sys.stderr)
            return 1
        print(f"{args.png}: {n} PNG files at {PNG_DPI} dpi")
    return 0
