"""The one card design: every card of the game as a Drawing of 63×88 mm, for the window and the PDF.

Fronts share one frame: a white card, a coloured band at the top with the feature's icon and name, the
text below it, and a small footer. Text is always fitted with game.design.fonts.fit_text, so it never
leaves its box; if even the smallest size does not fit, the text is cut off with "…".
"""

from __future__ import annotations

from collections.abc import Sequence

from game.design import icons
from game.design.fonts import fit_text, line_height_mm, lines_for, text_width_mm, wrap
from game.design.palette import INK, LINE, MUTED, NEUTRAL, PLAYER_COLOURS, WHITE, shade, text_on, tint
from game.design.primitives import Box, Circle, Drawing, Path, Shape, Text
from game.model.deck import Card, CardKind, Case, Consent, Deck, Polarity, Starter

CARD_W_MM = 63.0
CARD_H_MM = 88.0
W, H = CARD_W_MM, CARD_H_MM
INSET = 2.5  # the band and frames keep this distance from the cut line
PAD = 5.0  # text keeps this distance from the cut line
RADIUS = 3.0
BAND_H = 13.0
BODY_TOP = INSET + BAND_H + 2.5
FOOTER_Y = 81.5
MIN_PT = 7.0

SIDES = ("client", "professional", "both")

WORDS: dict[str, dict[str, str]] = {
    "client": {"nl": "Cliënt", "en": "Client"},
    "professional": {"nl": "Begeleider", "en": "Professional"},
    "question": {"nl": "Vraag", "en": "Question"},
    "reflection": {"nl": "Terugkijken", "en": "Looking back"},
    "starter": {"nl": "Gesprekskaart", "en": "Conversation starter"},
    "case": {"nl": "Casus", "en": "Case"},
    "case_view": {"nl": "Zo ziet de cliënt het", "en": "How the client sees it"},
    "turn_last": {"nl": "Draai deze kaart pas als laatste om.", "en": "Turn this card over last."},
    "estimate": {"nl": "Jouw inschatting", "en": "Your estimate"},
    "reference": {"nl": "Zo gaat een ronde", "en": "How a round goes"},
    "no_wrong": {"nl": "Er is geen goed of fout.", "en": "There is no right or wrong."},
    "consent": {"nl": "Over bewaren", "en": "About saving"},
    "consent_saved": {"nl": "Wat wordt bewaard?", "en": "What is kept?"},
    "consent_seen": {"nl": "Wie kan het zien?", "en": "Who can see it?"},
    "consent_choice": {
        "nl": "Jullie kiezen samen: bewaren of alleen laten zien.",
        "en": "You choose together: save, or only show.",
    },
}

HIGH_MEANS = {"nl": "5 = veel {name}", "en": "5 = a lot of {name}"}  # for a feature that hinders

SITUATIONS: dict[str, dict[str, str]] = {
    "client_higher": {"nl": "Cliënt kiest hoger", "en": "Client chose higher"},
    "professional_higher": {"nl": "Begeleider kiest hoger", "en": "Professional chose higher"},
    "both_low": {"nl": "Allebei laag", "en": "Both low"},
    "both_high": {"nl": "Allebei hoog", "en": "Both high"},
    "both_middle": {"nl": "Allebei in het midden", "en": "Both in the middle"},
    "team_apart": {"nl": "Team ver uit elkaar", "en": "Team far apart"},
    "team_close": {"nl": "Team dicht bij elkaar", "en": "Team close together"},
}

FIELDS: dict[str, dict[str, str]] = {
    "probation": {"nl": "Reclassering", "en": "Probation"},
    "youth_protection": {"nl": "Jeugdbescherming", "en": "Youth protection"},
    "debt_counselling": {"nl": "Schuldhulp", "en": "Debt counselling"},
    "labour_integration": {"nl": "Werk en re-integratie", "en": "Work and re-integration"},
    "shelter": {"nl": "Opvang", "en": "Shelter"},
}

ROUND_STEPS: dict[str, tuple[str, ...]] = {
    "nl": (
        "Leg een vraagkaart open en lees hem voor.",
        "Kies allebei stil een kaart van 1 tot 5. Leg hem dicht neer.",
        "Draai jullie kaarten tegelijk om.",
        "Praat over wat je ziet. Ligt er 2 of meer tussen? Lees een gesprekskaart.",
        "Sluit af met een kaart om terug te kijken.",
        "Spreek samen iets af, als jullie dat willen.",
    ),
    "en": (
        "Turn over a question card and read it aloud.",
        "Each of you quietly picks a card from 1 to 5. Place it face down.",
        "Turn your cards over at the same time.",
        "Talk about what you see. 2 or more apart? Read a conversation starter.",
        "End with a looking-back card.",
        "Agree on something together, if you like.",
    ),
}


def word(key: str, lang: str) -> str:
    """A label of the design in the language (English when the language is unknown)."""
    texts = WORDS.get(key) or SITUATIONS.get(key) or FIELDS[key]
    return texts.get(lang, texts["en"])


# --- text -------------------------------------------------------------------------------------------------


def _truncate(lines: list[str], size: float, width: float, bold: bool, keep: int) -> list[str]:
    """The first `keep` lines, the last one ending in an ellipsis that still fits the width."""
    lines = lines[:keep]
    if not lines:
        return lines
    last = lines[-1].rstrip("-")
    while last and text_width_mm(last + "…", size, bold) > width * 0.97:
        last = last[:-1].rstrip()
    lines[-1] = last + "…"
    return lines


def text_box(
    text: str, x: float, y: float, w: float, h: float, max_pt: float, *, min_pt: float = MIN_PT,
    bold: bool = False, colour: str = INK, align: str = "left", valign: str = "top",
    size: float | None = None, fine: bool = False,
) -> Text:
    """Text fitted into the box (largest size up to max_pt, or exactly `size`), never leaving it.
    `fine`: fine print, not the card's words (the window does not hold it to its smallest text size)."""
    if size is None:
        fitted = fit_text(text, w, h, max_pt, min_pt, bold)
        lines, size, lh = list(fitted.lines), fitted.size_pt, fitted.line_height_mm
    else:
        lh = line_height_mm(size)
        lines = wrap(text, size, w, bold, max_lines=lines_for(h, lh))
    if len(lines) * lh > h:
        lines = _truncate(lines, size, w, bold, max(1, int(h / lh)))
        if len(lines) * lh > h:  # not even one line fits: show nothing rather than overflow
            lines = []
    height = len(lines) * lh
    top = y + {"top": 0.0, "middle": (h - height) / 2, "bottom": h - height}[valign]
    return Text(x, top, w, height, tuple(lines), size, lh, colour, bold, align, fine)  # type: ignore[arg-type]


def common_size(blocks: Sequence[tuple[str, float, float]], max_pt: float, min_pt: float = MIN_PT,
                bold: bool = False, gap_lines: float = 0.0) -> float:
    """The largest size at which every (text, width, height) block fits; blocks may share one height.

    With gap_lines > 0 the blocks are stacked: their heights plus gaps must fit the first block's height.
    """
    size = max_pt
    while size > min_pt:
        lh = line_height_mm(size)
        if gap_lines:
            most = lines_for(blocks[0][2], lh)
            total = sum(len(wrap(t, size, w, bold, most)) * lh for t, w, _ in blocks)
            if total + gap_lines * lh * (len(blocks) - 1) <= blocks[0][2]:
                return size
        elif all(len(wrap(t, size, w, bold, lines_for(h, lh))) * lh <= h for t, w, h in blocks):
            return size
        size -= 0.5
    return min_pt


# --- shared parts -----------------------------------------------------------------------------------------


def _background(fill: str = WHITE) -> Box:
    """The whole card; the PDF draws it square and lets it run into the bleed."""
    return Box(0, 0, W, H, fill=fill, stroke=LINE, stroke_mm=0.3, radius_mm=RADIUS)


def _band(colour: str, title: str, icon: str | None) -> list[Shape]:
    fg = text_on(colour)
    shapes: list[Shape] = [Box(INSET, INSET, W - 2 * INSET, BAND_H, fill=colour, radius_mm=2.0)]
    x = INSET + 3.0
    if icon:
        cx, cy = INSET + 7.0, INSET + BAND_H / 2
        shapes.append(Circle(cx, cy, 5.0, fill=WHITE))
        shapes.extend(_icon(icon, cx, cy, 7.0, colour, WHITE))
        x = INSET + 13.5
    shapes.append(text_box(title, x, INSET + 1.0, W - INSET - 2.5 - x, BAND_H - 2.0, 13.0, min_pt=8.0,
                           bold=True, colour=fg, valign="middle", fine=True))  # the window's title says it too
    return shapes


def _icon(name: str, cx: float, cy: float, size: float, fg: str, bg: str) -> tuple[Shape, ...]:
    if name == "person":
        return icons.person(cx, cy, size, fg, bg)
    if name == "bubble":
        return icons.bubble(cx, cy, size, fg, bg)
    return icons.FEATURE_ICONS[name](cx, cy, size, fg, bg)


def _label(icon: str, text: str, y: float, colour: str = INK) -> list[Shape]:
    """A small header line: an icon and a bold word, e.g. the person icon and "Cliënt"."""
    return [
        *_icon(icon, PAD + 2.0, y + 2.3, 4.4, colour, WHITE),
        text_box(text, PAD + 5.5, y, W - 2 * PAD - 5.5, 4.8, 10.0, min_pt=7.0, bold=True, colour=colour,
                 valign="middle", fine=True),
    ]


def _footer(left: str, right: str = "") -> list[Shape]:
    """A small line at the bottom: the kind of card on the left, its id on the right."""
    left_w = min(W - 2 * PAD, text_width_mm(left, 7.5) / 0.96 + 0.5)
    shapes: list[Shape] = [text_box(left, PAD, FOOTER_Y, left_w, 4.0, 7.5, min_pt=6.0, colour=MUTED, fine=True)]
    right_w = W - 2 * PAD - left_w - 2.0
    if right and right_w > 5:
        shapes.append(text_box(right, W - PAD - right_w, FOOTER_Y, right_w, 4.0, 7.5, min_pt=5.0,
                               colour=MUTED, align="right", fine=True))
    return shapes


def _check_side(side: str) -> None:
    if side not in SIDES:
        raise ValueError(f"side must be one of {', '.join(SIDES)}, not {side!r}")


# --- fronts -----------------------------------------------------------------------------------------------


def scale_key(labels: Sequence[str]) -> str:
    """The five words of a scale on two lines: "1 Nooit · 2 Bijna nooit · 3 Soms" / "4 Vaak · 5 Altijd"."""
    parts = [f"{i} {label}" for i, label in enumerate(labels, 1)]
    return " · ".join(parts[:3]) + "\n" + " · ".join(parts[3:])


def _feature_card(deck: Deck, card: Card, lang: str, side: str, ids: bool = False) -> Drawing:
    """A question or reflection card. A question card also says in one line what its feature is about, and,
    when it is rated on a scale of its own (e.g. never … always), shows that scale's words at the bottom."""
    _check_side(side)
    feature = deck.feature(card.feature)
    shapes: list[Shape] = [_background(), *_band(feature.colour, feature.name[lang], feature.icon)]
    top, body_bottom = BODY_TOP, FOOTER_Y - 1.5
    tw = W - 2 * PAD
    if card.kind == CardKind.REFLECTION:
        shapes.append(Box(INSET, BODY_TOP - 1.0, W - 2 * INSET, body_bottom - BODY_TOP + 1.5,
                          fill=tint(feature.colour, 0.16), radius_mm=2.0))
    else:
        shapes.append(text_box(feature.description.get(lang, ""), PAD, top - 1.0, tw, 8.4, 9.5, min_pt=6.5,
                               colour=MUTED, valign="middle", fine=True))
        top += 8.0
        if deck.scale_of(card.id):
            key_h = 8.0
            body_bottom -= key_h + 1.0
            shapes.append(Box(INSET + 0.5, body_bottom + 0.5, W - 2 * INSET - 1.0, key_h,
                              fill=tint(feature.colour, 0.16), radius_mm=1.5))
            shapes.append(text_box(scale_key(deck.labels(lang, card.id)), PAD - 1.5, body_bottom + 0.9,
                                   tw + 3.0, key_h - 0.8, 8.0, min_pt=5.5, align="center", valign="middle",
                                   fine=True))
    if side == "both":
        half = (body_bottom - top - 2.0) / 2
        th = half - 6.0
        texts = [card.text("client", lang), card.text("professional", lang)]
        size = common_size([(t, tw, th) for t in texts], 14.0)
        for i, (who, text) in enumerate(zip(("client", "professional"), texts, strict=True)):
            y = top + i * (half + 2.0)
            shapes += _label("person", word(who, lang), y, shade(feature.colour, 0.45))
            shapes.append(text_box(text, PAD, y + 5.8, tw, th, 14.0, size=size))
        shapes.append(Path(((PAD, top + half + 1.0), (W - PAD, top + half + 1.0)),
                           stroke=tint(feature.colour, 0.6), stroke_mm=0.4))
    else:
        shapes += _label("person", word(side, lang), top, shade(feature.colour, 0.45))
        shapes.append(text_box(card.text(side, lang), PAD, top + 6.5, tw, body_bottom - top - 7.5,
                               20.0, valign="middle"))
    shapes += _footer(word(card.kind.value, lang), _footnote(deck, card.feature, lang, card.id if ids else ""))
    return Drawing(W, H, tuple(shapes))


def high_means(deck: Deck, feature_id: str, lang: str) -> str:
    """For a feature that works against the alliance (stroefheid): "5 = veel stroefheid"; else ""."""
    feature = deck.feature(feature_id)
    if feature.polarity != Polarity.HINDERS:
        return ""
    return HIGH_MEANS.get(lang, HIGH_MEANS["en"]).format(name=feature.name[lang].lower())


def _footnote(deck: Deck, feature_id: str, lang: str, card_id: str) -> str:
    """The footer's right side: the card's id (for a trainer, opt-in), else what a high number means."""
    return card_id or high_means(deck, feature_id, lang)


def question_card(deck: Deck, card: Card, lang: str, side: str, ids: bool = False) -> Drawing:
    """A question card: one player's phrasing, large (window), or both, the client's first (print).
    With ids the card's id is in the footer (for a trainer)."""
    return _feature_card(deck, card, lang, side, ids)


def reflection_card(deck: Deck, card: Card, lang: str, side: str, ids: bool = False) -> Drawing:
    """A reflection card; like a question card, on a light tint of the feature colour."""
    return _feature_card(deck, card, lang, side, ids)


def starter_card(deck: Deck, starter: Starter, lang: str, ids: bool = False) -> Drawing:
    """A conversation starter: the situation it is for, and the words to start with."""
    feature = deck.feature(starter.feature)
    shapes: list[Shape] = [_background(), *_band(feature.colour, feature.name[lang], feature.icon)]
    dark = shade(feature.colour, 0.45)
    shapes += _label("bubble", word("starter", lang), BODY_TOP, dark)
    shapes.append(text_box(word(starter.situation.value, lang), PAD, BODY_TOP + 5.3, W - 2 * PAD, 4.5, 9.0,
                           min_pt=6.5, colour=MUTED, fine=True))
    top = BODY_TOP + 11.5
    shapes.append(text_box(starter.text[lang], PAD, top, W - 2 * PAD, FOOTER_Y - 1.5 - top, 16.0,
                           valign="middle"))
    shapes += _footer(word("starter", lang), _footnote(deck, starter.feature, lang, starter.id if ids else ""))
    return Drawing(W, H, tuple(shapes))


def case_card(deck: Deck, case: Case, lang: str, ids: bool = False) -> Drawing:
    """A case card for team training: the work field, a title and a short story."""
    shapes: list[Shape] = [_background(), *_band(NEUTRAL, word(case.field.value, lang), "person")]
    shapes.append(text_box(case.title[lang], PAD, BODY_TOP, W - 2 * PAD, 11.0, 13.0, min_pt=8.0, bold=True))
    top = BODY_TOP + 12.5
    shapes.append(text_box(case.text[lang], PAD, top, W - 2 * PAD, FOOTER_Y - 1.5 - top, 11.5))
    shapes += _footer(word("case", lang), case.id if ids else "")
    return Drawing(W, H, tuple(shapes))


def _pips(value: int, cy: float, fill: str, r: float = 2.1, gap: float = 6.5, bg: str = WHITE,
          ink: str = INK) -> list[Shape]:
    x0 = W / 2 - 2 * gap
    return [Circle(x0 + i * gap, cy, r, fill=fill if i < value else bg, stroke=ink, stroke_mm=0.35)
            for i in range(5)]


def estimate_card(
    deck: Deck, value: int, lang: str, player_colour: str, polarity: Polarity | None = None, note: str = "",
    card_id: str | None = None,
) -> Drawing:
    """An estimate card 1–5: a big number, a picture, the scale label and five dots.

    With a polarity the picture is a smiley whose mood says whether the number is good news for the
    alliance: for a feature that hinders (stroefheid) a 5 is a sad face. Without one (the printed cards,
    used for every feature) it is a meter that shows "how much" without a mood. A note (on paper: "5 = veel
    stroefheid") goes in a small line above the dots. With a card_id the word is that card's (its own scale,
    e.g. never … always); without one, the deck's main scale.
    """
    if not 1 <= value <= 5:
        raise ValueError(f"an estimate is 1 to 5, not {value}")
    scale = deck.labels(lang, card_id)
    if polarity is None:
        picture = icons.meter(W / 2, 46.5, 30.0, 20.0, value, player_colour, INK, WHITE)
    else:
        mood = value if polarity == Polarity.HELPS else 6 - value
        picture = icons.smiley(W / 2, 46.5, 12.0, mood, player_colour, INK)
    shapes: list[Shape] = [
        _background(),
        Box(INSET + 0.8, INSET + 0.8, W - 2 * INSET - 1.6, H - 2 * INSET - 1.6, stroke=player_colour,
            stroke_mm=1.8, radius_mm=2.2),
        text_box(str(value), PAD, 6.5, W - 2 * PAD, 26.0, 64.0, min_pt=20.0, bold=True, align="center",
                 valign="middle"),
        *picture,
        text_box(scale[value - 1], PAD + 1.0, 61.5, W - 2 * PAD - 2.0, 12.0 - (4.0 if note else 0.0), 15.0,
                 min_pt=8.0, bold=True, align="center", valign="middle"),
        *_pips(value, 78.5, player_colour),
    ]
    if note:
        shapes.append(text_box(note, PAD + 1.0, 70.0, W - 2 * PAD - 2.0, 5.0, 8.5, min_pt=6.0, colour=MUTED,
                               align="center", valign="middle"))
    return Drawing(W, H, tuple(shapes))


def reference_card(lang: str) -> Drawing:
    """The steps of a round, in short sentences."""
    steps = ROUND_STEPS.get(lang, ROUND_STEPS["en"])
    shapes: list[Shape] = [_background(), *_band(NEUTRAL, word("reference", lang), None)]
    num_w = 5.0
    tw = W - 2 * PAD - num_w
    top, bottom = BODY_TOP + 0.5, FOOTER_Y - 7.0
    gap = 0.45
    size = common_size([(s, tw, bottom - top) for s in steps], 11.0, gap_lines=gap)
    lh = line_height_mm(size)
    y = top
    for i, step in enumerate(steps, 1):
        block = text_box(step, PAD + num_w, y, tw, bottom - y, size, size=size)
        shapes.append(text_box(f"{i}.", PAD, y, num_w, lh, size, size=size, bold=True))
        shapes.append(block)
        y += block.h + gap * lh
    shapes.append(text_box(word("no_wrong", lang), PAD, FOOTER_Y - 6.0, W - 2 * PAD, 5.5, 10.0, bold=True,
                           align="center", valign="middle"))
    return Drawing(W, H, tuple(shapes))


def consent_card(consent: Consent, lang: str) -> Drawing:
    """What happens with the answers (the deck's own text): what is kept, who can see it, and that the pair
    chooses. Shown in the window before a conversation; on paper a card of its own."""
    shapes: list[Shape] = [_background(), *_band(NEUTRAL, consent.title[lang], None)]
    tw = W - 2 * PAD
    head_h = 4.8
    choice_h = 9.0
    top, bottom = BODY_TOP, FOOTER_Y - choice_h - 2.0
    parts = [(word(f"consent_{key}", lang), getattr(consent, key)[lang]) for key in ("saved", "seen")]
    room = (bottom - top - 2 * head_h - 2.0) / 2
    size = common_size([(text, tw, room) for _, text in parts], 10.5, min_pt=6.5)
    y = top
    for head, text in parts:
        shapes.append(text_box(head, PAD, y, tw, head_h, 9.5, min_pt=7.0, bold=True, valign="middle"))
        block = text_box(text, PAD, y + head_h, tw, room, size, size=size)
        shapes.append(block)
        y += head_h + block.h + 2.0
    shapes.append(Box(INSET, FOOTER_Y - choice_h - 1.0, W - 2 * INSET, choice_h, fill=tint(NEUTRAL, 0.25),
                      radius_mm=2.0))
    shapes.append(text_box(word("consent_choice", lang), PAD, FOOTER_Y - choice_h - 0.5, tw, choice_h - 1.0, 9.5,
                           min_pt=6.5, bold=True, align="center", valign="middle"))
    shapes += _footer(word("consent", lang))
    return Drawing(W, H, tuple(shapes))


# --- backs ------------------------------------------------------------------------------------------------


def card_back(deck: Deck, feature_id: str | None, lang: str) -> Drawing:
    """The back of a feature's cards (its colour, icon and name), or the neutral back of estimate cards."""
    if feature_id is None:
        fg = text_on(NEUTRAL)
        shapes: list[Shape] = [_background(NEUTRAL)]
        for i in range(5):
            shapes.append(Circle(W / 2 + (i - 2) * 8.5, 38.0, 3.2, fill=tint(NEUTRAL, 0.55) if i % 2 else fg))
        shapes.append(text_box("1 – 5", PAD, 46.0, W - 2 * PAD, 12.0, 22.0, bold=True, colour=fg,
                               align="center", valign="middle"))
        shapes.append(text_box(deck.name.get(lang, deck.name[deck.default_language]), PAD, 74.0, W - 2 * PAD,
                               8.0, 9.0, colour=fg, align="center", valign="middle"))
        return Drawing(W, H, tuple(shapes))
    feature = deck.feature(feature_id)
    fg = text_on(feature.colour)
    shapes = [_background(feature.colour), Circle(W / 2, 36.0, 17.0, fill=WHITE)]
    shapes.extend(_icon(feature.icon, W / 2, 36.0, 22.0, feature.colour, WHITE))
    shapes.append(text_box(feature.name[lang], PAD, 57.0, W - 2 * PAD, 14.0, 18.0, bold=True, colour=fg,
                           align="center", valign="middle"))
    shapes.append(text_box(deck.name.get(lang, deck.name[deck.default_language]), PAD, 74.0, W - 2 * PAD,
                           8.0, 9.0, colour=fg, align="center", valign="middle"))
    return Drawing(W, H, tuple(shapes))


def case_view_card(deck: Deck, case: Case, lang: str) -> Drawing:
    """A card of its own with how the case's client would estimate each feature; turned over last.

    It is not the back of the case card: the trainer reads the case aloud, and its back faces the team.
    """
    fg = text_on(NEUTRAL)
    shapes: list[Shape] = [_background(NEUTRAL)]
    shapes.append(text_box(word("case_view", lang), PAD, 6.0, W - 2 * PAD, 8.0, 13.0, bold=True, colour=fg,
                           align="center", valign="middle"))
    shapes.append(text_box(case.title[lang], PAD, 14.5, W - 2 * PAD, 9.0, 9.0, colour=fg, align="center",
                           valign="middle"))
    for i, feature in enumerate(deck.features):
        cy = 31.0 + i * 14.0
        shapes.append(Circle(PAD + 5.0, cy, 5.0, fill=WHITE))
        shapes.extend(_icon(feature.icon, PAD + 5.0, cy, 7.0, feature.colour, WHITE))
        shapes.append(text_box(feature.name[lang], PAD + 12.0, cy - 5.0, 26.0, 10.0, 11.0, bold=True,
                               colour=fg, valign="middle"))
        value = case.client_view.get(feature.id, 0)
        shapes.append(Box(W - PAD - 12.0, cy - 5.0, 12.0, 10.0, fill=WHITE, radius_mm=2.0))
        shapes.append(text_box(str(value), W - PAD - 12.0, cy - 5.0, 12.0, 10.0, 20.0, bold=True,
                               align="center", valign="middle"))
    return Drawing(W, H, tuple(shapes))


def labelled_back(title: str, line: str | None = None) -> Drawing:
    """A neutral back with a title (and a line under it): case cards and case-view cards."""
    fg = text_on(NEUTRAL)
    shapes: list[Shape] = [
        _background(NEUTRAL),
        text_box(title, PAD, 26.0, W - 2 * PAD, 16.0, 16.0, bold=True, colour=fg, align="center", valign="middle"),
    ]
    if line:
        shapes.append(text_box(line, PAD, 46.0, W - 2 * PAD, 14.0, 12.0, colour=fg, align="center", valign="middle"))
    return Drawing(W, H, tuple(shapes))


# --- any panel --------------------------------------------------------------------------------------------


def text_panel(w: float, h: float, body: str, title: str | None = None, colour: str = NEUTRAL,
               max_pt: float = 16.0) -> Drawing:
    """A generic card-like panel of any size in mm: an optional coloured title band and fitted body text."""
    pad = min(PAD, w / 10)
    shapes: list[Shape] = [Box(0, 0, w, h, fill=WHITE, stroke=LINE, stroke_mm=0.3, radius_mm=RADIUS)]
    top = pad
    if title:
        band_h = min(BAND_H, h / 4)
        shapes.append(Box(INSET, INSET, w - 2 * INSET, band_h, fill=colour, radius_mm=2.0))
        shapes.append(text_box(title, pad, INSET + 1.0, w - 2 * pad, band_h - 2.0, 13.0, min_pt=6.0,
                               bold=True, colour=text_on(colour), valign="middle", fine=True))
        top = INSET + band_h + 2.5
    shapes.append(text_box(body, pad, top, w - 2 * pad, h - top - pad, max_pt, min_pt=6.0, valign="middle"))
    return Drawing(w, h, tuple(shapes))


def every_card(deck: Deck, lang: str, side: str = "both") -> list[Drawing]:
    """Every front and back the deck can show, for tests and previews."""
    out = [(question_card if c.kind == CardKind.QUESTION else reflection_card)(deck, c, lang, side)
           for c in deck.cards]
    out += [starter_card(deck, s, lang) for s in deck.starters]
    out += [case_card(deck, c, lang) for c in deck.cases] + [case_view_card(deck, c, lang) for c in deck.cases]
    out += [estimate_card(deck, v, lang, colour) for colour in PLAYER_COLOURS for v in range(1, 6)]
    out += [card_back(deck, f.id, lang) for f in deck.features] + [card_back(deck, None, lang)]
    out.append(reference_card(lang))
    if deck.consent is not None:
        out.append(consent_card(deck.consent, lang))
    return out

