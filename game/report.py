"""`python main.py report SUMMARY.json`: one A4 page about a session, for the client's file.

The page is laid out as design shapes in millimetres (game.design.primitives), so the window can draw the same
charts (`estimate_rows`, `trend_panel`); `pdf_bytes` draws the page with reportlab and the program's font.
The words are calm and describe; nothing on the page is a score or a verdict.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from io import BytesIO
from pathlib import Path

from game.cli import UsageError, add_data_dir_arg, add_deck_args, deck_or_exit
from game.design.fonts import FONT_NAMES, PT_TO_MM, line_height_mm, register_fonts, text_width_mm, wrap
from game.design.icons import FEATURE_ICONS
from game.design.palette import INK, LINE, MUTED, WHITE, shade, tint
from game.design.primitives import Box, Circle, Drawing, Shape, Text
from game.design.primitives import Path as Line
from game.history import FeatureHistory, PairHistory, SessionPoint, build_history, session_point, trend_words
from game.model.deck import Deck, Polarity
from game.model.session import Mode, Role, SessionSummary
from game.store import SESSIONS, StoreError, atomic_write, data_dir, list_summaries, load_summary, write_new

HELP = "make a one-page PDF about a session for the client's file (with the trend when the pair met before)"

PAGE_W, PAGE_H = 210.0, 297.0
MARGIN = 16.0
TOP = 14.0
CONTENT_W = PAGE_W - 2 * MARGIN
FOOTER_Y = PAGE_H - 11.0
PRO_COLOUR = "#3d3d3d"  # the professional's line and markers; the client's are in the feature's colour
UNKNOWN_COLOUR = "#777777"  # a feature the deck does not know
MIN_PT = 8.0  # the text sections never get smaller than this; what does not fit is counted

WORDS: dict[str, dict[str, str]] = {
    "title": {"nl": "Werkalliantie: verslag van het gesprek", "en": "Working alliance: session report"},
    "intro": {
        "nl": "Dit verslag helpt om samen over de samenwerking te praten. Het is geen test en geen oordeel.",
        "en": "This report helps you talk together about how you work together. "
        "It is not a test and not a judgement.",
    },
    "date": {"nl": "Datum", "en": "Date"},
    "pair": {"nl": "Paarcode", "en": "Pair code"},
    "no_pair": {"nl": "geen", "en": "none"},
    "players": {"nl": "Deelnemers", "en": "Players"},
    "client": {"nl": "cliënt", "en": "client"},
    "professional": {"nl": "begeleider", "en": "professional"},
    "estimates": {"nl": "De schattingen", "en": "The estimates"},
    "difference": {"nl": "verschil", "en": "difference"},
    "no_estimate": {"nl": "geen schatting", "en": "no estimate"},
    "friction_hint": {"nl": "hoger = meer stroefheid", "en": "higher = more friction"},
    "ended_early": {
        "nl": "Het gesprek is eerder gestopt. Alleen de besproken kenmerken staan hier.",
        "en": "The session ended early. Only the features you talked about are shown.",
    },
    "signals": {"nl": "Om over te praten", "en": "To talk about"},
    "starters": {"nl": "Gespreksstarters die jullie gebruikten", "en": "Conversation starters you used"},
    "agreements": {"nl": "Afspraken en notities", "en": "Agreements and notes"},
    "nothing_written": {"nl": "Er is niets opgeschreven.", "en": "Nothing was written down."},
    "more": {"nl": "… en nog {n} in het sessiebestand.", "en": "… and {n} more in the session file."},
    "trend": {"nl": "Verloop over de gesprekken", "en": "Over the sessions"},
    "sessions": {"nl": "{n} gesprekken", "en": "{n} sessions"},
    "trend_how": {
        "nl": "Het verloop volgt de lijn door alle gesprekken. "
        "Minder dan 1 stap verschil tussen het eerste en het laatste gesprek heet stabiel. "
        "Bij stroefheid betekent een lager getal dat het beter gaat.",
        "en": "The trend follows the line through all sessions. "
        "Less than 1 step between the first and the last session is called stable. "
        "For friction, a lower number means it is going better.",
    },
    "footer": {"nl": "Werkalliantiespel", "en": "Working alliance game"},
    "set": {"nl": "kaartset", "en": "deck"},
    "session": {"nl": "gesprek", "en": "session"},
}

MONTHS = {
    "nl": ("januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus", "september", "oktober",
           "november", "december"),
    "en": ("January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
           "November", "December"),
}


def word(key: str, lang: str) -> str:
    texts = WORDS[key]
    return texts.get(lang, texts["en"])


def long_date(day: date, lang: str) -> str:
    return f"{day.day} {MONTHS.get(lang, MONTHS['en'])[day.month - 1]} {day.year}"


SHORT_MONTHS = {
    "nl": ("jan", "feb", "mrt", "apr", "mei", "jun", "jul", "aug", "sep", "okt", "nov", "dec"),
    "en": ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"),
}


def short_date(day: date, lang: str) -> str:
    return f"{day.day} {SHORT_MONTHS.get(lang, SHORT_MONTHS['en'])[day.month - 1]}"


def number(value: float | None, lang: str) -> str:
    """3 or 3,5 (nl) / 3.5 (en); a dash for no value."""
    if value is None:
        return "–"
    text = f"{value:.0f}" if abs(value - round(value)) < 0.05 else f"{value:.1f}"
    return text.replace(".", ",") if lang == "nl" else text


@dataclass(frozen=True)
class Look:
    """How the page shows a feature: its name, colour, icon and whether a higher number is better."""

    name: str
    colour: str
    icon: str | None
    helps: bool


def look(deck: Deck, feature_id: str, lang: str) -> Look:
    try:
        f = deck.feature(feature_id)
    except KeyError:
        name = feature_id.replace("_", " ").capitalize()
        return Look(name, UNKNOWN_COLOUR, None, feature_id != "stroefheid")
    return Look(f.name.get(lang, next(iter(f.name.values()))), f.colour, f.icon, f.polarity == Polarity.HELPS)


# --- small layout helpers --------------------------------------------------------------------------------


def text(content: str, x: float, y: float, w: float, size: float, *, bold: bool = False, colour: str = INK,
         align: str = "left", max_lines: int | None = None) -> Text:
    """Wrapped text from the top of its box; with max_lines the last kept line ends in '…'."""
    lines = wrap(content, size, w, bold, None if max_lines is None else max_lines + 1)
    if max_lines is not None and len(lines) > max_lines:
        lines = lines[:max_lines]
        last = lines[-1]
        while last and text_width_mm(last + "…", size, bold) > w * 0.97:
            last = last[:-1].rstrip()
        lines[-1] = last + "…"
    lh = line_height_mm(size)
    return Text(x, y, w, len(lines) * lh, tuple(lines), size, lh, colour, bold, align)  # type: ignore[arg-type]


def icon_badge(lk: Look, cx: float, cy: float, r: float) -> list[Shape]:
    shapes: list[Shape] = [Circle(cx, cy, r, fill=WHITE, stroke=lk.colour, stroke_mm=0.5)]
    if lk.icon:
        shapes.extend(FEATURE_ICONS[lk.icon](cx, cy, r * 1.25, lk.colour, WHITE))
    return shapes


def client_marker(cx: float, cy: float, colour: str, r: float = 2.1) -> list[Shape]:
    return [Circle(cx, cy, r, fill=colour, stroke=shade(colour, 0.35), stroke_mm=0.3)]


def pro_marker(cx: float, cy: float, r: float = 2.0) -> list[Shape]:
    return [Box(cx - r, cy - r, 2 * r, 2 * r, fill=WHITE, stroke=PRO_COLOUR, stroke_mm=0.55)]


def legend(x_right: float, y: float, lang: str, colour: str = INK, size: float = 9.0) -> list[Shape]:
    """'● client  □ professional', right-aligned at x_right, centred on y."""
    client, pro = word("client", lang), word("professional", lang)
    w_pro = text_width_mm(pro, size) / 0.97 + 0.3  # wrap() keeps 3 % spare: one line, ending at x_right
    w_client = text_width_mm(client, size) / 0.97 + 0.3
    lh = line_height_mm(size)
    x_pro_text = x_right - w_pro
    x_pro_mark = x_pro_text - 3.2
    x_client_text = x_pro_mark - 6.5 - w_client
    x_client_mark = x_client_text - 3.2
    return [
        *client_marker(x_client_mark, y, colour, 1.7),
        text(client, x_client_text, y - lh / 2, w_client, size, colour=INK),
        *pro_marker(x_pro_mark, y, 1.6),
        text(pro, x_pro_text, y - lh / 2, w_pro, size, colour=INK),
    ]


# --- the estimates chart ---------------------------------------------------------------------------------

ROW_H = 14.0
NAME_W = 52.0
CHART_X = MARGIN + 58.0
CHART_W = 74.0
VALUES_X = CHART_X + CHART_W + 6.0  # 40 mm: "professional: geen schatting" fits


def scale_x(value: float, x0: float = CHART_X, w: float = CHART_W) -> float:
    pad = 5.0
    return x0 + pad + (value - 1) * (w - 2 * pad) / 4


def estimate_rows(summary: SessionSummary, deck: Deck, y: float, lang: str) -> tuple[list[Shape], float]:
    """Per feature its client and professional estimate on the 1–5 scale and their difference; returns the
    shapes and the y below them."""
    shapes: list[Shape] = []
    for v in range(1, 6):
        shapes.append(text(str(v), scale_x(v) - 3, y, 6, 8.5, colour=MUTED, align="center"))
    y += 4.6
    features = [r.feature for r in summary.rounds]
    for fid in dict.fromkeys(features):
        point = session_point(summary, fid)
        lk = look(deck, fid, lang)
        shapes.extend(_estimate_row(point, lk, y, lang))
        y += ROW_H + 1.5
    return shapes, y


def _estimate_row(point: SessionPoint | None, lk: Look, y: float, lang: str) -> list[Shape]:
    mid = y + ROW_H / 2
    shapes: list[Shape] = [Box(MARGIN, y, CONTENT_W, ROW_H, fill=tint(lk.colour, 0.10), radius_mm=2.0)]
    shapes.extend(icon_badge(lk, MARGIN + 6.0, mid, 4.2))
    name_x = MARGIN + 12.5
    name_w = NAME_W - 12.5
    if lk.helps:
        shapes.append(text(lk.name, name_x, mid - line_height_mm(10.5) / 2, name_w, 10.5, bold=True,
                           max_lines=1))
    else:
        top = mid - (line_height_mm(10.5) + line_height_mm(7.5)) / 2
        shapes.append(text(lk.name, name_x, top, name_w, 10.5, bold=True, max_lines=1))
        shapes.append(text(word("friction_hint", lang), name_x, top + line_height_mm(10.5), name_w, 7.5,
                           colour=MUTED, max_lines=1))
    client = point.client if point else None
    pro = point.professional if point else None
    lane = 3.0
    if client is not None and pro is not None and client != pro:
        lo, hi = sorted((scale_x(client), scale_x(pro)))
        pad = 3.2  # a soft pill around both markers: the difference, seen at a glance
        shapes.append(Box(lo - pad, mid - lane - pad, hi - lo + 2 * pad, 2 * (lane + pad),
                          fill=tint(lk.colour, 0.25), radius_mm=pad))
    # the scale: a line with a small tick at every step
    shapes.append(Line(((scale_x(1), mid), (scale_x(5), mid)), stroke=LINE, stroke_mm=0.5))
    for v in range(1, 6):
        shapes.append(Circle(scale_x(v), mid, 0.7, fill=LINE))
    if client is not None:
        shapes.extend(client_marker(scale_x(client), mid - lane, lk.colour))
    if pro is not None:
        shapes.extend(pro_marker(scale_x(pro), mid + lane))
    # the numbers, so nothing depends on colour or position alone
    size = 8.5
    lh = line_height_mm(size)
    top = mid - 1.5 * lh
    value_w = PAGE_W - MARGIN - VALUES_X
    no = word("no_estimate", lang)
    lines = [
        (f"{word('client', lang)}: {number(client, lang) if client is not None else no}", False),
        (f"{word('professional', lang)}: {number(pro, lang) if pro is not None else no}", False),
    ]
    if client is not None and pro is not None:
        lines.append((f"{word('difference', lang)}: {number(abs(client - pro), lang)}", True))
    else:
        top += lh / 2
    for i, (line, bold) in enumerate(lines):
        shapes.append(text(line, VALUES_X, top + i * lh, value_w, size, bold=bold, max_lines=1))
    return shapes


# --- the trend chart -------------------------------------------------------------------------------------


def trend_panel(fh: FeatureHistory, lk: Look, x: float, y: float, w: float, h: float, lang: str
                ) -> list[Shape]:
    """One feature over the sessions: the client's line (feature colour, dots) and the professional's
    (dark, squares), the spread between them shaded, dates under the axis, and the trend in words."""
    shapes: list[Shape] = [Box(x, y, w, h, fill=WHITE, stroke=LINE, stroke_mm=0.3, radius_mm=2.0)]
    shapes.extend(icon_badge(lk, x + 4.5, y + 4.8, 2.9))
    shapes.append(text(lk.name, x + 8.8, y + 2.2, w - 10.0, 9.0, bold=True, max_lines=1))
    shapes.append(text(trend_words(fh.trend, lang), x + 8.8, y + 6.2, w - 10.0, 8.0, colour=MUTED,
                       max_lines=1))
    left, right = x + 6.5, x + w - 3.5
    top, bottom = y + 13.5, y + h - 11.0

    def py(v: float) -> float:
        return bottom - (v - 1) * (bottom - top) / 4

    for v in range(1, 6):
        grid = LINE if v in (1, 5) else tint(LINE, 0.6)
        shapes.append(Line(((left, py(v)), (right, py(v))), stroke=grid, stroke_mm=0.25))
        shapes.append(text(str(v), x + 1.2, py(v) - line_height_mm(6.5) / 2, 4.0, 6.5, colour=MUTED,
                           align="center"))
    points = fh.points
    if not points:
        return shapes
    days = [p.started_at.timestamp() for p in points]
    span = days[-1] - days[0]
    inner_l, inner_r = left + 2.5, right - 2.5

    def px(i: int) -> float:
        if len(points) == 1:
            return (inner_l + inner_r) / 2
        if span <= 0:
            return inner_l + i * (inner_r - inner_l) / (len(points) - 1)
        return inner_l + (days[i] - days[0]) / span * (inner_r - inner_l)

    for i, p in enumerate(points):
        if p.client is not None and p.professional is not None and p.client != p.professional:
            a, b = sorted((py(p.client), py(p.professional)))
            shapes.append(Box(px(i) - 0.9, a, 1.8, b - a, fill=tint(lk.colour, 0.35)))
    for role, colour in ((Role.PROFESSIONAL, PRO_COLOUR), (Role.CLIENT, lk.colour)):
        pts = tuple((px(i), py(v)) for i, p in enumerate(points) if (v := p.value(role)) is not None)
        if len(pts) >= 2:
            shapes.append(Line(pts, stroke=colour, stroke_mm=0.6 if role == Role.CLIENT else 0.45))
    for i, p in enumerate(points):
        nudge = 1.0 if p.client is not None and p.client == p.professional else 0.0  # both stay visible
        if p.professional is not None:
            shapes.extend(pro_marker(px(i) + nudge, py(p.professional), 1.05))
        if p.client is not None:
            shapes.extend(client_marker(px(i) - nudge, py(p.client), lk.colour, 1.15))
    # each side's own trend, with its marker
    size = 6.5
    row_y = y + h - 4.6
    half = (w - 4.0) / 2
    for j, (role, colour) in enumerate(((Role.CLIENT, lk.colour), (Role.PROFESSIONAL, PRO_COLOUR))):
        mx = x + 3.5 + j * half
        my = row_y + line_height_mm(size) / 2
        shapes.extend(client_marker(mx, my, colour, 1.0) if role == Role.CLIENT else pro_marker(mx, my, 0.9))
        shapes.append(text(trend_words(fh.role_trend(role), lang), mx + 1.8, row_y, half - 2.5, size,
                           max_lines=1))
    # dates: first and last, and those between when there is room
    label_y = bottom + 1.8
    shown: list[tuple[float, float]] = []  # (centre, width) of the labels placed so far
    order = [0, len(points) - 1, *range(1, len(points) - 1)]
    for i in dict.fromkeys(order):
        label = short_date(points[i].day, lang)
        lw = text_width_mm(label, 6.5) / 0.97 + 0.3
        cx = min(max(px(i), left + lw / 2), right - lw / 2)
        if all(abs(cx - c) >= (lw + w) / 2 + 1.5 for c, w in shown):
            shown.append((cx, lw))
            shapes.append(text(label, cx - lw / 2, label_y, lw, 6.5, colour=MUTED, align="center"))
    return shapes


# --- the page --------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Item:
    label: str | None  # the feature's name, or None
    colour: str
    text: str


def _items(summary: SessionSummary, deck: Deck, lang: str) -> list[tuple[str, list[Item], str | None]]:
    """The text sections: (heading, items, what to say when there are none; None: leave the section out)."""

    def item(feature: str | None, content: str) -> Item:
        if feature is None:
            return Item(None, MUTED, content)
        lk = look(deck, feature, lang)
        return Item(lk.name, lk.colour, content)

    def signal(features: list[str], question: str) -> Item:
        """A signal about one or two features is labelled with them ('this' in the question is clear)."""
        if not 1 <= len(features) <= 2:
            return Item(None, MUTED, question)
        looks = [look(deck, f, lang) for f in features]
        return Item(", ".join(lk.name for lk in looks), looks[0].colour, question)

    signals = [signal(s.features, s.question) for s in summary.signals]
    starters = [item(r.feature, s.text) for r in summary.rounds for s in r.starters]
    agreements = [item(a.feature, a.text) for a in summary.agreements]
    return [
        (word("signals", lang), signals, None),
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
        shapes.append(Circle(MARGIN + 1.2, dot_y, 0.9, fill=MUTED))
        height = body.h
    shapes.append(body)
    return shapes, height


Section = tuple[str, list[Item], str | None]


def _sections(sections: Sequence[Section], y: float, bottom: float, lang: str) -> tuple[list[Shape], float]:
    """The text sections from y down to at most `bottom` (and the y below them), at the largest size that
    fits. If even the smallest size is too big, the sections take turns to show one more item while there is
    room; each cut section ends with a line saying how many more are in the session file."""
    shown = [s for s in sections if s[1] or s[2] is not None]
    size = 10.0
    while True:
        heights = [[_item_shapes(it, 0.0, size)[1] for it in items] for _, items, _ in shown]
        caps = [len(h) for h in heights]
        if _height(heights, caps, size) <= bottom - y:
            break
        if size - 0.5 >= MIN_PT:
            size -= 0.5
            continue
        caps = [min(1, len(h)) for h in heights]
        grew = True
        while grew:
            grew = False
            for i, h in enumerate(heights):
                if caps[i] < len(h):
                    trial = [*caps[:i], caps[i] + 1, *caps[i + 1:]]
                    if _height(heights, trial, size) <= bottom - y:
                        caps, grew = trial, True
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
            more = word("more", lang).format(n=len(items) - cap)
            shapes.append(text(more, MARGIN + 4.5, y, CONTENT_W - 4.5, size, colour=MUTED))
            y += line_height_mm(size) + gap
        y += 2.5
    return shapes, y


PANEL_H = 45.0
TREND_H = 61.0  # heading, panels and the note on how the trend is read


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
    players = ", ".join(f"{p.name} ({word(p.role.value, lang)})" for p in summary.players)
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
    y += 1.5
    intro = text(word("intro", lang), MARGIN, y, CONTENT_W, 9.5, colour=MUTED)
    s.append(intro)
    y += intro.h + 3.0
    s.append(Line(((MARGIN, y), (PAGE_W - MARGIN, y)), stroke=LINE, stroke_mm=0.4))
    y += 4.0

    # the estimates
    s.append(text(word("estimates", lang), MARGIN, y, 90, 12.5, bold=True))
    s.extend(legend(PAGE_W - MARGIN, y + line_height_mm(12.5) / 2, lang))
    y += line_height_mm(12.5) + 1.5
    rows, y = estimate_rows(summary, deck, y, lang)
    s.extend(rows)
    scale = deck.scale.get(lang) or next(iter(deck.scale.values()))
    key = " · ".join(f"{i} = {label.lower()}" for i, label in enumerate(scale, start=1))
    t = text(key, MARGIN, y, CONTENT_W, 8.0, colour=MUTED)
    s.append(t)
    y += t.h + 1.0
    if summary.ended_early:
        t = text(word("ended_early", lang), MARGIN, y, CONTENT_W, 8.5, colour=MUTED)
        s.append(t)
        y += t.h + 1.0
    y += 4.0

    # the text sections, then the trend below them: the sections get what the trend leaves
    bottom = FOOTER_Y - 4.0
    show_trend = history is not None and len(history.sessions) >= 2 and history.features
    room = bottom - (TREND_H + 3.0 if show_trend else 0.0)
    texts, y = _sections(_items(summary, deck, lang), y, room, lang)
    s.extend(texts)
    if show_trend:
        assert history is not None
        trend_top = y + 3.0
        first, last = history.sessions[0].started_at.date(), history.sessions[-1].started_at.date()
        heading = (f"{word('trend', lang)}  ·  {word('sessions', lang).format(n=len(history.sessions))}, "
                   f"{long_date(first, lang)} – {long_date(last, lang)}")
        s.append(text(heading, MARGIN, trend_top, CONTENT_W, 12.0, bold=True, max_lines=1))
        panel_y = trend_top + line_height_mm(12.0) + 2.0
        n = len(history.features)
        gap = 4.0
        w = (CONTENT_W - gap * (n - 1)) / n
        for i, fh in enumerate(history.features):
            s.extend(trend_panel(fh, look(deck, fh.feature, lang), MARGIN + i * (w + gap), panel_y, w,
                                 PANEL_H, lang))
        s.append(text(word("trend_how", lang), MARGIN, panel_y + PANEL_H + 1.5, CONTENT_W, 7.5, colour=MUTED,
                      max_lines=2))

    foot = (f"{word('footer', lang)} · {word('set', lang)} {summary.deck.id} {summary.deck.version} · "
            f"{word('session', lang)} {summary.session_id[:8]}")
    s.append(Line(((MARGIN, FOOTER_Y - 1.5), (PAGE_W - MARGIN, FOOTER_Y - 1.5)), stroke=LINE, stroke_mm=0.3))
    s.append(text(foot, MARGIN, FOOTER_Y, CONTENT_W, 7.5, colour=MUTED, max_lines=1))
    return Drawing(PAGE_W, PAGE_H, tuple(s))


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
        try:
            return write_new(out, data)
        except StoreError as exc:
            raise UsageError(str(exc)) from None
    except OSError as exc:
        raise UsageError(f"--out {out}: cannot write: {exc.strerror or exc}") from None


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
    if summary.mode != Mode.CONVERSATION:
        raise StoreError(f"{args.summary}: mode: a report is made for a conversation session, "
                         f"this is a {summary.mode.value} session")
    deck = deck_or_exit(args.deck)
    history = history_for(summary, Path(args.summary), args.data_dir)
    page = build_page(summary, deck, history)
    title = f"Werkalliantie {summary.started_at.date().isoformat()} {summary.pair_code or ''}".strip()
    path = write_pdf(pdf_bytes(page, title), out or default_out(summary), explicit=out is not None)
    print(path)
    return 0
