"""`python main.py report SUMMARY.json`: one A4 page about a session, for the client's file.

The page is laid out as design shapes in millimetres (game.record_shapes, which the window draws too), card by
card: each question that was rated, each player's number, who passed, the spread, highlighted from 2 apart.
`pdf_bytes` draws the page with reportlab and the program's font. No text is smaller than 9 pt except the
scale's ticks (8 pt). The words are calm and describe; nothing on the page is a score or a verdict.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from dataclasses import dataclass
from io import BytesIO
from pathlib import Path

from game.cli import UsageError, add_data_dir_arg, add_deck_args, deck_or_exit, refuse_data_dir
from game.design.fonts import FONT_NAMES, PT_TO_MM, line_height_mm, register_fonts, wrap
from game.design.palette import LINE, MUTED
from game.design.primitives import Box, Circle, Drawing, Shape, Text
from game.design.primitives import Path as Line
from game.history import PairHistory, build_history, change_question
from game.i18n import long_date, record_word
from game.model.deck import CardKind, Deck
from game.model.session import Keep, Mode, SessionSummary
from game.record import by_feature, card_rows, role_colours, signals
from game.record_shapes import (
    TEXT_PT,
    Columns,
    feature_group,
    icon_badge,
    legend,
    look,
    row_height,
    table_head,
    text,
    trend_row,
)
from game.store import SESSIONS, StoreError, atomic_write, data_dir, list_summaries, load_summary, write_new

HELP = "make a one-page PDF about a session for the client's file (with the trend when the pair met before)"

PAGE_W, PAGE_H = 210.0, 297.0
MARGIN = 16.0
TOP = 14.0
CONTENT_W = PAGE_W - 2 * MARGIN
FOOTER_Y = PAGE_H - 11.0
MIN_PT = TEXT_PT  # the text sections never get smaller than this; what does not fit is counted


def word(key: str, lang: str) -> str:
    return record_word(f"report_{key}", lang)


# --- the text sections -----------------------------------------------------------------------------------


@dataclass(frozen=True)
class Item:
    label: str | None  # the feature's name, or None
    colour: str
    text: str


def _items(summary: SessionSummary, deck: Deck, lang: str, history: PairHistory | None
           ) -> list[tuple[str, list[Item], str | None]]:
    """The text sections: (heading, items, what to say when there are none; None: leave the section out)."""

    def item(feature: str | None, content: str) -> Item:
        if feature is None:
            return Item(None, MUTED, content)
        lk = look(deck, feature, lang)
        return Item(lk.name, lk.colour, content)

    # the questions name their features themselves; the dot has the first one's colour
    talk = [Item(None, look(deck, s.features[0], lang).colour if s.features else MUTED, s.question)
            for s in signals(summary, deck, lang)]
    if history is not None and len(history.sessions) >= 2:
        for fh in history.features:
            if fh.points and fh.points[-1].session_id == summary.session_id:
                lk = look(deck, fh.feature, lang)
                talk += [Item(None, lk.colour, change_question(c, lk.name, lang)) for c in fh.changes()]
    starters = [item(r.feature, s.text) for r in summary.rounds for s in r.starters]
    agreements = [item(a.feature, a.text) for a in summary.agreements]
    return [
        (word("signals", lang), talk, None),
        (word("starters", lang), starters, None),
        (word("agreements", lang), agreements, word("nothing_written", lang)),
    ]


LABEL_W = 38.0
ITEM_LINES = 6  # a longer note is cut off with '…' (the session file keeps all of it)


def _item_shapes(it: Item, y: float, size: float) -> tuple[list[Shape], float]:
    x_text = MARGIN + (LABEL_W if it.label else 4.5)
    w_text = PAGE_W - MARGIN - x_text
    body = text(it.text, x_text, y, w_text, size, max_lines=ITEM_LINES)
    shapes: list[Shape] = []
    dot_y = y + line_height_mm(size) * 0.55
    if it.label:
        shapes.append(Circle(MARGIN + 1.2, dot_y, 1.1, fill=it.colour))
        shapes.append(text(it.label, MARGIN + 3.6, y, LABEL_W - 5.0, size, bold=True, max_lines=2))
        height = max(body.h, line_height_mm(size) * min(2, len(wrap(it.label, size, LABEL_W - 5.0, True, 3))))
    else:
        shapes.append(Circle(MARGIN + 1.2, dot_y, 1.0, fill=it.colour))
        height = body.h
    shapes.append(body)
    return shapes, height


Section = tuple[str, list[Item], str | None]


def _sections(sections: Sequence[Section], y: float, bottom: float, lang: str) -> tuple[list[Shape], float]:
    """The text sections from y down to at most `bottom` (and the y below them), at the largest size that
    fits. If even the smallest size is too big, the questions to talk about get the room first, the agreements
    next, the starters last; each cut section ends with a line saying how many more are in the session file."""
    shown = [s for s in sections if s[1] or s[2] is not None]
    priority = {sections[0][0]: 0, sections[-1][0]: 1}
    size = 10.0
    while True:
        heights = [[_item_shapes(it, 0.0, size)[1] for it in items] for _, items, _ in shown]
        caps = [len(h) for h in heights]
        if _height(heights, caps, size) <= bottom - y:
            break
        if size - 0.5 >= MIN_PT:
            size -= 0.5
            continue
        caps = [0 for _ in heights]
        for i in sorted(range(len(shown)), key=lambda i: priority.get(shown[i][0], 9)):
            while caps[i] < len(heights[i]):  # the questions first, then the agreements, the starters last
                trial = [*caps[:i], caps[i] + 1, *caps[i + 1:]]
                if _height(heights, trial, size) > bottom - y:
                    break
                caps = trial
        break
    return _layout_sections(shown, caps, y, size, lang)


def _gap(size: float) -> float:
    return line_height_mm(size) * 0.35


def _height(heights: list[list[float]], caps: list[int], size: float) -> float:
    """The height of the sections with the first caps[i] items of section i."""
    head = line_height_mm(size + 2.0) + 1.0
    line = line_height_mm(size) + _gap(size)
    total = 0.0
    for h, cap in zip(heights, caps, strict=True):
        total += head + sum(x + _gap(size) for x in h[:cap]) + 2.5
        if not h or cap < len(h):
            total += line  # "nothing written down", or "… and N more"
    return total - 2.5


def _layout_sections(sections: Sequence[Section], caps: list[int], y: float, size: float, lang: str
                     ) -> tuple[list[Shape], float]:
    shapes: list[Shape] = []
    gap = _gap(size)
    for (heading, items, empty), cap in zip(sections, caps, strict=True):
        shapes.append(text(heading, MARGIN, y, CONTENT_W, size + 2.0, bold=True))
        y += line_height_mm(size + 2.0) + 1.0
        if not items:
            shapes.append(text(empty or "", MARGIN, y, CONTENT_W, size, colour=MUTED))
            y += line_height_mm(size) + gap
        for it in items[:cap]:
            part, h = _item_shapes(it, y, size)
            shapes.extend(part)
            y += h + gap
        if cap < len(items):
            more = word("more" if cap else "all_in_file", lang).format(n=len(items) - cap)
            shapes.append(text(more, MARGIN + 4.5, y, CONTENT_W - 4.5, size, colour=MUTED))
            y += line_height_mm(size) + gap
        y += 2.5
    return shapes, y


# --- the page --------------------------------------------------------------------------------------------

SECTIONS_MIN = 42.0  # mm the text sections keep at least: else the questions go on one line each


def _trend_height(history: PairHistory | None) -> float:
    if history is None or len(history.sessions) < 2 or not history.features:
        return 0.0
    lh = line_height_mm(TEXT_PT)
    return 3.0 + line_height_mm(12.0) + 1.5 + len(history.features) * (2 * lh + 4.0) + 3 * lh


def _estimates(summary: SessionSummary, deck: Deck, lang: str, y: float, room: float) -> tuple[list[Shape], float]:
    """The estimates table, card by card: questions on two lines when the page has room, else on one."""
    colours = role_colours(summary.players)
    rows = card_rows(summary, deck, lang)
    cols = Columns(MARGIN, CONTENT_W)
    s: list[Shape] = []
    s.append(text(word("estimates", lang), MARGIN, y, 90, 12.5, bold=True))
    s.extend(legend(PAGE_W - MARGIN, y + line_height_mm(12.5) / 2, colours, lang))
    y += line_height_mm(12.5) + 1.0
    how = text(word("per_card", lang), MARGIN, y, CONTENT_W, TEXT_PT, colour=MUTED, max_lines=2)
    s.append(how)
    y += how.h + 1.5
    if not rows:
        s.append(text(word("no_cards", lang), MARGIN, y, CONTENT_W, TEXT_PT))
        return s, y + line_height_mm(TEXT_PT) + 2.0
    groups = by_feature(rows)
    lines = 2
    gap = 1.2
    head_h = line_height_mm(TEXT_PT) + 1.0
    if head_h + sum(len(g) * row_height(2) + gap for g in groups.values()) > room:
        lines = 1
    head, y = table_head(cols, y, rows[0].marks, lang)
    s.extend(head)
    for fid, group in groups.items():
        part, y = feature_group(group, look(deck, fid, lang), cols, y, lang, lines)
        s.extend(part)
        y += gap
    return s, y


def _scale_keys(summary: SessionSummary, deck: Deck, lang: str) -> str:
    """The words of each scale the session's questions were rated on, one line each (friction: never … always)."""
    names: list[str] = []
    known = {c.id for c in deck.cards}
    for r in summary.rounds:
        rated = [c.id for c in r.cards if c.kind == CardKind.QUESTION and not c.swapped and c.id in known]
        try:
            name = deck.scale_of(rated[-1]) if rated else deck.scale_of(feature_id=r.feature)
        except KeyError:  # a feature of another deck: its words are unknown here
            name = ""
        if name not in names and (name == "" or name in deck.scales):
            names.append(name)
    lines = []
    for name in sorted(names or [""], key=bool):  # the main scale first
        scale = deck.scales[name] if name else deck.scale
        labels = scale.get(lang) or next(iter(scale.values()))
        lines.append(" · ".join(f"{i} = {label.lower()}" for i, label in enumerate(labels, start=1)))
    return "\n".join(lines)

def build_page(summary: SessionSummary, deck: Deck, history: PairHistory | None = None) -> Drawing:
    """The whole report page as shapes in mm (A4 portrait)."""
    lang = summary.language if summary.language in ("nl", "en") else "en"
    day = summary.started_at.date()
    s: list[Shape] = []
    # header: the four feature icons as a quiet mark, the title, the facts, what this page is
    for i, f in enumerate(sorted(deck.features, key=lambda f: f.order)):
        s.extend(icon_badge(look(deck, f.id, lang), PAGE_W - MARGIN - 3.6 - i * 8.6, TOP + 3.6, 3.4))
    s.append(text(word("title", lang), MARGIN, TOP, CONTENT_W - 38, 17, bold=True, max_lines=1))
    y = TOP + line_height_mm(17) + 2.5
    players = ", ".join(f"{p.name} ({record_word(p.role.value, lang)})" for p in summary.players)
    facts = [
        (word("date", lang), long_date(day, lang)),
        (word("pair", lang), summary.pair_code or word("no_pair", lang)),
        (word("players", lang), players),
    ]
    for label, value in facts:
        s.append(text(label, MARGIN, y, 26, 10, colour=MUTED))
        t = text(value, MARGIN + 26, y, CONTENT_W - 26, 10, bold=label != word("players", lang), max_lines=2)
        s.append(t)
        y += t.h + 0.8
    discussed = text(word("discussed", lang).format(date=long_date(day, lang)), MARGIN, y + 0.6, CONTENT_W, 10)
    s.append(discussed)
    y += discussed.h + 1.4
    if summary.ended_early:
        t = text(word("ended_early", lang), MARGIN, y, CONTENT_W, TEXT_PT, bold=True)
        s.append(t)
        y += t.h + 0.8
    intro = text(word("intro", lang), MARGIN, y + 0.7, CONTENT_W, TEXT_PT, colour=MUTED)
    s.append(intro)
    y += intro.h + 3.0
    s.append(Line(((MARGIN, y), (PAGE_W - MARGIN, y)), stroke=LINE, stroke_mm=0.4))
    y += 3.5

    bottom = FOOTER_Y - 4.0
    trend_h = _trend_height(history)
    key_h = 2 * line_height_mm(TEXT_PT) + 4.0
    rows, y = _estimates(summary, deck, lang, y, bottom - trend_h - SECTIONS_MIN - key_h - y)
    s.extend(rows)
    t = text(_scale_keys(summary, deck, lang), MARGIN, y, CONTENT_W, TEXT_PT, colour=MUTED, max_lines=2)
    s.append(t)
    y += t.h + 4.0

    # the text sections, then the trend below them: the sections get what the trend leaves
    texts, y = _sections(_items(summary, deck, lang, history), y, bottom - trend_h, lang)
    s.extend(texts)
    if trend_h:
        assert history is not None
        s.extend(_trend(history, summary, deck, lang, y + 3.0))

    foot = (f"{word('footer', lang)} · {word('set', lang)} {summary.deck.id} {summary.deck.version} · "
            f"{word('session', lang)} {summary.session_id[:8]}")
    s.append(Line(((MARGIN, FOOTER_Y - 1.5), (PAGE_W - MARGIN, FOOTER_Y - 1.5)), stroke=LINE, stroke_mm=0.3))
    s.append(text(foot, MARGIN, FOOTER_Y, CONTENT_W, TEXT_PT, colour=MUTED, max_lines=1))
    return Drawing(PAGE_W, PAGE_H, tuple(s))


def _trend(history: PairHistory, summary: SessionSummary, deck: Deck, lang: str, y: float) -> list[Shape]:
    """Per feature over the sessions: a small plot of both sides and, in words, each side's trend and the gap."""
    s: list[Shape] = []
    first, last = history.sessions[0].started_at.date(), history.sessions[-1].started_at.date()
    heading = (f"{word('trend', lang)}  ·  {word('sessions', lang).format(n=len(history.sessions))}, "
               f"{long_date(first, lang)} – {long_date(last, lang)}")
    s.append(text(heading, MARGIN, y, CONTENT_W, 12.0, bold=True, max_lines=1))
    y += line_height_mm(12.0) + 1.5
    colours = role_colours(summary.players)
    for fh in history.features:
        part, y = trend_row(fh, look(deck, fh.feature, lang), colours, MARGIN, y, CONTENT_W, lang)
        s.extend(part)
        y += 1.0
    early = [long_date(e.started_at.date(), lang) for e in history.sessions if e.ended_early]
    note = word("trend_how", lang) + (" " + word("trend_early", lang).format(dates=", ".join(early)) if early else "")
    s.append(text(note, MARGIN, y + 0.5, CONTENT_W, TEXT_PT, colour=MUTED, max_lines=3))
    return s


# --- PDF -------------------------------------------------------------------------------------------------


def pdf_bytes(page: Drawing, title: str) -> bytes:
    """The page as a one-page PDF with the program's font embedded."""
    from reportlab.lib.colors import HexColor
    from reportlab.lib.units import mm
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfgen.canvas import Canvas

    register_fonts()
    buf = BytesIO()
    c = Canvas(buf, pagesize=(page.w * mm, page.h * mm), invariant=True, pageCompression=1,
               initialFontName=FONT_NAMES[False], initialFontSize=10)
    c.setTitle(title)
    c.setCreator("Werkalliantie")
    c.setLineCap(1)
    c.setLineJoin(1)

    def y_of(v: float) -> float:
        return (page.h - v) * mm

    for shape in page.shapes:
        fill = HexColor(shape.fill) if not isinstance(shape, Text) and shape.fill else None
        stroke = HexColor(shape.stroke) if not isinstance(shape, Text) and shape.stroke else None
        if fill:
            c.setFillColor(fill)
        if stroke:
            c.setStrokeColor(stroke)
            c.setLineWidth(shape.stroke_mm * mm)  # type: ignore[union-attr]
        if isinstance(shape, Box):
            args = (shape.x * mm, y_of(shape.y + shape.h), shape.w * mm, shape.h * mm)
            if shape.radius_mm:
                c.roundRect(*args, shape.radius_mm * mm, stroke=int(bool(stroke)), fill=int(bool(fill)))
            else:
                c.rect(*args, stroke=int(bool(stroke)), fill=int(bool(fill)))
        elif isinstance(shape, Circle):
            c.circle(shape.cx * mm, y_of(shape.cy), shape.r * mm, stroke=int(bool(stroke)),
                     fill=int(bool(fill)))
        elif isinstance(shape, Line):
            if len(shape.points) < 2:
                continue
            p = c.beginPath()
            p.moveTo(shape.points[0][0] * mm, y_of(shape.points[0][1]))
            for px, py in shape.points[1:]:
                p.lineTo(px * mm, y_of(py))
            if shape.closed:
                p.close()
            c.drawPath(p, stroke=int(bool(stroke)), fill=int(bool(fill) and shape.closed))
        elif isinstance(shape, Text):
            font = FONT_NAMES[shape.bold]
            ascent = pdfmetrics.getFont(font).face.ascent / 1000 * shape.size_pt * PT_TO_MM
            c.setFillColor(HexColor(shape.colour))
            c.setFont(font, shape.size_pt)
            for i, line in enumerate(shape.lines):
                base = y_of(shape.y + i * shape.line_height_mm + ascent)
                if shape.align == "center":
                    c.drawCentredString((shape.x + shape.w / 2) * mm, base, line)
                elif shape.align == "right":
                    c.drawRightString((shape.x + shape.w) * mm, base, line)
                else:
                    c.drawString(shape.x * mm, base, line)
    c.showPage()
    c.save()
    return buf.getvalue()


# --- the command -----------------------------------------------------------------------------------------


def history_for(summary: SessionSummary, summary_path: Path, explicit_dir: str | None) -> PairHistory | None:
    """The pair's sessions up to this one: from --data-dir, else the data dir the summary lies in, else the
    usual data dir. Damaged files there are named on stderr and skipped."""
    if not summary.pair_code:
        return None
    if explicit_dir:
        root = data_dir(explicit_dir)
    elif summary_path.resolve().parent.name == SESSIONS:
        root = summary_path.resolve().parent.parent
    else:
        root = data_dir(None)
    good, bad = list_summaries(root)
    for line in bad:
        print(f"skipped (unreadable): {line}", file=sys.stderr)
    return build_history(summary.pair_code, [summary, *(s for _, s in good)], until=summary.started_at,
                         unreadable=bad)


def default_out(summary: SessionSummary) -> Path:
    day = summary.started_at.date().isoformat()
    who = summary.pair_code or summary.session_id[:8]
    return Path.cwd() / f"werkalliantie-report-{day}-{who}.pdf"


def check_out(out: Path) -> None:
    if out.suffix.lower() != ".pdf":
        raise UsageError(f"--out {out}: the file name must end in .pdf")
    if out.is_dir():
        raise UsageError(f"--out {out}: is a folder")
    if not out.parent.is_dir():
        raise UsageError(f"--out {out}: folder {out.parent} does not exist")


def write_pdf(data: bytes, out: Path, explicit: bool) -> Path:
    """Write atomically (a temporary file, then a rename): never a half-written file. The default name is
    never overwritten: -2, -3, … are added instead."""
    try:
        if explicit:
            atomic_write(out, data)
            return out
        return write_new(out, data)
    except StoreError as exc:  # a full disk too: every write problem is a StoreError naming the file
        raise UsageError(f"--out {exc}") from None


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("summary", type=Path, metavar="SUMMARY.json", help="a saved session summary")
    parser.add_argument("--out", type=Path, default=None, metavar="FILE.pdf",
                        help="where to write the page (default: werkalliantie-report-DATE-PAIR.pdf here)")
    add_data_dir_arg(parser)
    add_deck_args(parser, lang=False)


def run(args: argparse.Namespace) -> int:
    out = args.out
    if out is not None:
        check_out(out)
    summary = load_summary(args.summary)
    if summary.keep == Keep.SHOW:
        raise UsageError(f"{args.summary}: keep: the pair chose to only show this session, so no report is made")
    if summary.mode != Mode.CONVERSATION:
        raise StoreError(f"{args.summary}: mode: a report is made for a conversation session, "
                         f"this is a {summary.mode.value} session")
    deck = deck_or_exit(args.deck)
    history = history_for(summary, Path(args.summary), args.data_dir)
    page = build_page(summary, deck, history)
    title = f"Werkalliantie {summary.started_at.date().isoformat()} {summary.pair_code or ''}".strip()
    target = out or default_out(summary)
    refuse_data_dir(target, "--out", args.data_dir)
    if Path(args.summary).resolve().parent.name == SESSIONS:  # the data folder the summary lies in
        refuse_data_dir(target, "--out", str(Path(args.summary).resolve().parent.parent))
    path = write_pdf(pdf_bytes(page, title), out or default_out(summary), explicit=out is not None)
    print(path)
    return 0
