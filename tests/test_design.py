"""The card design: every card of the deck, in both languages, keeps its text readable and in its boxes."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from game.decks import load_deck
from game.design import cards as C
from game.design.fonts import text_width_mm
from game.design.palette import NEUTRAL, PLAYER_COLOURS, contrast, text_on
from game.design.primitives import Box, Circle, Drawing, Text
from game.model.deck import CardKind, Polarity

DECK = load_deck()
LANGS = DECK.languages
EPS = 1e-6


def _all(lang: str, side: str = "both") -> list[Drawing]:
    return C.every_card(DECK, lang, side)


def _joined(d: Drawing) -> str:
    """All text of a drawing with line breaks (and break hyphens) undone, to compare with the deck."""
    out = []
    for t in d.texts():
        for line in t.lines:
            out.append(line[:-1] if line.endswith("-") else line + " ")
    return " ".join("".join(out).split())


def _background_at(d: Drawing, t: Text) -> str:
    """The fill drawn last under the middle of a text box, before the text."""
    fill = "#ffffff"
    mx, my = t.x + t.w / 2, t.y + t.h / 2
    for s in d.shapes:
        if s is t:
            break
        if isinstance(s, Box) and s.fill and s.x <= mx <= s.x + s.w and s.y <= my <= s.y + s.h:
            fill = s.fill
        elif isinstance(s, Circle) and s.fill and (mx - s.cx) ** 2 + (my - s.cy) ** 2 <= s.r ** 2:
            fill = s.fill
    return fill


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("side", C.SIDES)
def test_every_text_fits_its_box_and_the_card(lang: str, side: str) -> None:
    for d in _all(lang, side):
        assert (d.w, d.h) == (C.CARD_W_MM, C.CARD_H_MM)
        for t in d.texts():
            assert 0 <= t.x and t.x + t.w <= d.w + EPS and 0 <= t.y and t.y + t.h <= d.h + EPS, t
            assert len(t.lines) * t.line_height_mm <= t.h + EPS, t
            for line in t.lines:
                assert text_width_mm(line, t.size_pt, t.bold) <= t.w + EPS, (line, t)
            assert not any(line.endswith("…") for line in t.lines), f"text cut off: {t.lines}"


@pytest.mark.parametrize("lang", LANGS)
def test_card_text_is_complete_and_readable(lang: str) -> None:
    for card in DECK.cards:
        both = C.question_card(DECK, card, lang, "both")
        text = _joined(both)
        assert card.text("client", lang) in text and card.text("professional", lang) in text
        # the client's phrasing comes first, under a "Cliënt" header
        assert text.index(card.text("client", lang)) < text.rindex(card.text("professional", lang))
        assert text.index(C.word("client", lang)) < text.index(C.word("professional", lang))
        phrasings = (card.client[lang], card.professional[lang])
        body = [t for t in both.texts() if _joined(Drawing(1, 1, (t,))) in phrasings]
        assert len(body) == 2 and min(t.size_pt for t in body) >= 11, "print text must stay readable"
        for side in ("client", "professional"):
            one = C.question_card(DECK, card, lang, side)
            assert card.text(side, lang) in _joined(one)
            other = "professional" if side == "client" else "client"
            if card.text(other, lang) not in card.text(side, lang):
                assert card.text(other, lang) not in _joined(one)
            assert max(t.size_pt for t in one.texts()) >= 16, "the window shows one phrasing, large"
    for s in DECK.starters:
        assert s.text[lang] in _joined(C.starter_card(DECK, s, lang))
    for case in DECK.cases:
        assert case.text[lang] in _joined(C.case_card(DECK, case, lang))
        assert case.title[lang] in _joined(C.case_view_card(DECK, case, lang))


@pytest.mark.parametrize("lang", LANGS)
def test_text_contrasts_with_what_lies_under_it(lang: str) -> None:
    for d in _all(lang):
        for t in d.texts():
            ratio = contrast(t.colour, _background_at(d, t))
            assert ratio >= 4.5, (t.lines, t.colour, _background_at(d, t), ratio)


def test_orange_gets_dark_text() -> None:
    assert text_on("#E69F00") == "#1a1a1a"
    assert text_on(NEUTRAL) == "#ffffff"
    for f in DECK.features:
        assert contrast(text_on(f.colour), f.colour) >= 4.5


@pytest.mark.parametrize("lang", LANGS)
def test_estimate_cards_show_number_label_and_face(lang: str) -> None:
    for colour in PLAYER_COLOURS:
        mouths = []
        for value in range(1, 6):
            d = C.estimate_card(DECK, value, lang, colour, Polarity.HELPS)
            text = _joined(d)
            assert str(value) in text and DECK.scale[lang][value - 1] in text
            number = next(t for t in d.texts() if t.lines == (str(value),))
            assert number.size_pt >= 48, "the number is big"
            assert any(isinstance(s, Circle) and s.fill == colour and s.r >= 10 for s in d.shapes), "a face"
            mouths.append(d)
        assert len({m.shapes for m in mouths}) == 5
    with pytest.raises(ValueError):
        C.estimate_card(DECK, 6, lang, PLAYER_COLOURS[0])


@pytest.mark.parametrize("lang", LANGS)
def test_backs_show_feature_colour_and_name(lang: str) -> None:
    for f in DECK.features:
        back = C.card_back(DECK, f.id, lang)
        first = back.shapes[0]
        assert isinstance(first, Box) and first.fill == f.colour and (first.w, first.h) == (C.W, C.H)
        assert f.name[lang] in _joined(back)
    neutral = C.card_back(DECK, None, lang)
    assert neutral.shapes[0].fill == NEUTRAL
    assert not any(f.name[lang] in _joined(neutral) for f in DECK.features)


@pytest.mark.parametrize("lang", LANGS)
def test_reference_card_lists_the_steps_in_order(lang: str) -> None:
    text = _joined(C.reference_card(lang))
    positions = [text.index(step) for step in C.ROUND_STEPS[lang]]
    assert positions == sorted(positions)


def test_kinds_look_different() -> None:
    q = next(c for c in DECK.cards if c.kind == CardKind.QUESTION)
    r = next(c for c in DECK.cards if c.kind == CardKind.REFLECTION)
    assert C.word("question", "nl") in _joined(C.question_card(DECK, q, "nl", "both"))
    assert C.word("reflection", "nl") in _joined(C.reflection_card(DECK, r, "nl", "both"))


def test_unknown_side_is_refused() -> None:
    with pytest.raises(ValueError):
        C.question_card(DECK, DECK.cards[0], "nl", "therapist")


words = st.text(alphabet="abcdefghijklmnopqrstuvwxyzëé’ ", min_size=1, max_size=300)


@settings(max_examples=150, deadline=None)
@given(text=words, w=st.floats(5, 60), h=st.floats(2, 80), max_pt=st.floats(6, 30))
def test_text_box_never_leaves_its_box(text: str, w: float, h: float, max_pt: float) -> None:
    t = C.text_box(text, 1.0, 2.0, w, h, max_pt)
    assert t.y >= 2.0 - EPS and t.y + t.h <= 2.0 + h + EPS
    assert len(t.lines) * t.line_height_mm <= h + EPS
    for line in t.lines:
        assert text_width_mm(line, t.size_pt, t.bold) <= w + EPS


@settings(max_examples=40, deadline=None)
@given(body=words, title=st.one_of(st.none(), words), w=st.floats(30, 200), h=st.floats(30, 150))
def test_text_panel_keeps_text_inside(body: str, title: str | None, w: float, h: float) -> None:
    d = C.text_panel(w, h, body, title)
    for t in d.texts():
        assert 0 <= t.x and t.x + t.w <= w + EPS and 0 <= t.y and t.y + t.h <= h + EPS


def _mouth_bend(drawing) -> float:
    """Positive when the smiley's mouth curves up (a happy face), negative when it curves down."""
    from game.design.primitives import Path as PathShape

    mouth = [s for s in drawing.shapes if isinstance(s, PathShape) and len(s.points) == 17][0]
    ends = (mouth.points[0][1] + mouth.points[-1][1]) / 2
    middle = mouth.points[8][1]
    return middle - ends  # y grows downward: a lower middle is a smile


def test_a_high_friction_estimate_shows_a_sad_face_and_a_high_bond_a_happy_one():
    assert _mouth_bend(C.estimate_card(DECK, 5, "nl", "#56B4E9", Polarity.HELPS)) > 0
    assert _mouth_bend(C.estimate_card(DECK, 5, "nl", "#56B4E9", Polarity.HINDERS)) < 0
    assert _mouth_bend(C.estimate_card(DECK, 1, "nl", "#56B4E9", Polarity.HINDERS)) > 0


def test_printed_estimate_cards_show_an_amount_without_a_mood():
    from game.design.primitives import Box as BoxShape

    for value in range(1, 6):
        d = C.estimate_card(DECK, value, "nl", "#56B4E9")
        bars = [s for s in d.shapes if isinstance(s, BoxShape) and s.fill in ("#56B4E9", "#FFFFFF", "#ffffff")
                and s.w < 6]
        assert sum(b.fill == "#56B4E9" for b in bars) == value


@pytest.mark.parametrize("lang", LANGS)
def test_a_question_card_says_what_its_feature_is_about_and_shows_its_own_scale(lang):
    """The feature's one-line description is on every question card, whole; a card rated on a scale of its own
    (e.g. never … always) carries that scale's five words, and its estimate cards show them too."""
    for card in DECK.cards:
        if card.kind != CardKind.QUESTION:
            continue
        for side in C.SIDES:
            text = _joined(C.question_card(DECK, card, lang, side))
            assert DECK.feature(card.feature).description[lang] in text and "…" not in text
            labels = DECK.labels(lang, card.id)
            own = bool(DECK.scale_of(card.id))
            assert all(f"{i} {label}" in text for i, label in enumerate(labels, 1)) == own, card.id
    own = next(c for c in DECK.cards if DECK.scale_of(c.id))
    label = DECK.labels(lang, own.id)[4]
    assert label in _joined(C.estimate_card(DECK, 5, lang, PLAYER_COLOURS[0], Polarity.HINDERS, card_id=own.id))
    assert label not in _joined(C.estimate_card(DECK, 5, lang, PLAYER_COLOURS[0], Polarity.HINDERS))
