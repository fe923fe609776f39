"""At 1280×720 and 1024×600 no text leaves its card or panel, checked on the rectangles actually drawn."""

from __future__ import annotations

import pygame
import pytest

from game.engine import Phase
from game.model import CardKind
from game.ui import theme
from game.ui.cardview import CardArt

SIZES = [(1280, 720), (1024, 600), (1024, 520)]  # 1024×520: a 1024×600 laptop's window beside its taskbar
LONG_NOTE = "We spreken af dat we elke week even bellen, ook als het moeilijk gaat. " * 8
LONG_NAMES = ("Alexandra-Wilhelmina van Oldenbarneveldt", "Maximiliaan Christiaan de Vries-Jansen")


def texts_inside(d, where: str) -> None:
    d.frame()
    entries = theme.LOG.entries
    assert entries, f"{where}: nothing was drawn"
    size = d.app.screen.get_size()
    screen = pygame.Rect((0, 0), size)
    for text, rect, box, px, _cut in theme.LOG.sized():
        assert box.contains(rect), f"{where}: {text!r} at {rect} leaves its box {box}"
        assert screen.contains(rect), f"{where}: {text!r} at {rect} leaves the window"
        if px is not None and len(text.rstrip("…")) > 2:  # a digit or an initial may be smaller
            least = theme.small_px(size)
            assert px >= least, f"{where}: {text!r} drawn at {px} px, below {least}"


def play_to(d, phase: Phase, client: int = 5, pro: int = 1) -> None:
    d.enter(3)
    d.digit(client)
    d.enter(2)
    d.digit(pro)
    d.enter()
    steps = {Phase.REVEAL: 0, Phase.DISCUSS: 1, Phase.REFLECT: 2, Phase.AGREE: 3}[phase]
    d.enter(steps)
    assert d.app.table.phase == phase


@pytest.mark.parametrize("size", SIZES)
@pytest.mark.parametrize("lang", ["nl", "en"])
def test_every_screen_keeps_its_text_inside(make_app, size, lang):
    d = make_app(size=size, lang=lang)
    texts_inside(d, "start")
    d.enter()
    texts_inside(d, "consent")
    d.enter()
    texts_inside(d, "table")
    d.enter()
    texts_inside(d, "hand-over")
    d.enter()
    texts_inside(d, "estimate")
    d.digit(5)
    d.enter()
    d.enter()
    d.digit(1)
    d.enter()
    assert d.app.table.phase == Phase.REVEAL
    texts_inside(d, "reveal")
    d.enter()
    texts_inside(d, "starter")
    d.enter()
    texts_inside(d, "reflection")
    d.enter()
    d.type(LONG_NOTE[:500])  # the longest agreement the game takes
    texts_inside(d, "agreement")
    d.esc()
    texts_inside(d, "pause")
    d.click("rules")
    texts_inside(d, "rules")
    d.esc()
    d.click("end")
    texts_inside(d, "summary")


@pytest.mark.parametrize("size", SIZES)
def test_a_full_session_summary_with_many_agreements_keeps_its_text_inside(make_app, size):
    d = make_app(size=size)
    d.click("more")  # the choices are folded away at first
    d.click("len:full")
    d.enter(2)  # start, and save the summary
    while d.app.table.phase != Phase.DONE:
        d.enter(3)
        d.digit(1)
        d.enter(2)
        d.digit(5)
        d.enter(4)
        d.type(LONG_NOTE[:120])
        d.enter()
    assert len(d.app.table.summary.rounds) == 8
    texts_inside(d, "summary of a long session")


@pytest.mark.parametrize("size", SIZES)
def test_every_card_of_the_deck_fits_at_the_smallest_size_the_table_draws_cards(make_app, deck, size):
    """Each question, reflection and starter card, both languages, every side, at the reveal's card size."""
    d = make_app(size=size)
    d.enter()
    play_to(d, Phase.DISCUSS)
    d.frame()
    boxes = [box for text, _, box in theme.LOG.entries if text in ("question", "starter")]
    smallest = min(boxes, key=lambda b: b.w)
    surface = pygame.Surface(size)
    art = CardArt(deck)
    specs = [
        ("question" if c.kind == CardKind.QUESTION else "reflection", c.id, lang, side)
        for c in deck.cards
        for lang in deck.languages
        for side in ("client", "professional", "both")
    ] + [("starter", s.id, lang) for s in deck.starters for lang in deck.languages]
    for spec in specs:
        theme.LOG.entries.clear()
        art.draw(surface, smallest, spec)
        assert theme.LOG.entries, spec
        for _, r, box in theme.LOG.entries:
            assert box.contains(r), f"{spec}: text at {r} leaves the card {box}"


@pytest.mark.parametrize("size", SIZES)
@pytest.mark.parametrize("lang", ["nl", "en"])
def test_the_longest_names_and_guess_the_other_keep_their_text_inside(make_app, size, lang):
    d = make_app(size=size, lang=lang)
    d.click("more")  # the choices are folded away at first
    for i, name in enumerate(LONG_NAMES):
        assert len(name) <= 40
        d.click(f"name{i}")
        d.type(name)
    d.click("guess:on")
    texts_inside(d, "start with long names")
    d.click("start")
    d.click("keep:save")
    texts_inside(d, "table with long names")
    d.enter()
    texts_inside(d, "hand-over with a long name")
    d.enter()
    d.digit(5)
    d.enter()
    texts_inside(d, "guess with a long name")
    d.digit(1)
    d.enter(2)
    d.digit(1)
    d.enter()
    d.digit(5)
    d.enter()
    texts_inside(d, "reveal with long names and guesses")
    d.esc()
    d.click("end")
    texts_inside(d, "summary with long names")


TEAM_NAMES = [f"{n} van Oldenbarnevelt-Dijk" for n in ("Alexandra", "Maximiliaan", "Christiaan", "Jacqueline",
                                                             "Bartholomeus", "Constantijn", "Wilhelmina", "Frederique")]


@pytest.mark.parametrize("size", [(1024, 600), (1024, 520)])
def test_the_start_screen_with_eight_long_team_names_keeps_its_text_inside_and_readable(make_app, size):
    d = make_app(size=size)
    d.click("more")
    d.click("mode:team")
    for _ in range(4):
        d.click("players:more")
    d.click("trainer")
    d.type(TEAM_NAMES[0])
    for i, name in enumerate(TEAM_NAMES):
        assert len(name) <= 40
        d.click(f"team{i}")
        d.type(name)
    texts_inside(d, "team start with eight long names")
    d.click("more")  # folded again: the one button and the choices in words
    texts_inside(d, "folded team start")


@pytest.mark.parametrize("size", SIZES)
def test_a_long_name_is_cut_with_an_ellipsis_never_shrunk_below_the_body_size(make_app, size):
    d = make_app(size=size)
    d.click("more")
    d.click("name0")
    d.type(LONG_NAMES[0])
    d.enter(2)  # start, and save (the consent screen)
    d.enter(2)
    d.digit(3)
    d.enter(2)
    d.digit(4)
    d.enter()
    texts_inside(d, "reveal with a long name")
    labels = [(t, px, cut) for t, _, _, px, cut in theme.LOG.sized() if t.startswith(LONG_NAMES[0][:9])]
    assert labels, "the name is on the reveal"
    for text, px, cut in labels:
        assert px >= theme.body_px(size) or not cut, (text, px)


@pytest.mark.parametrize("size", [(1024, 520), (1280, 720)])
def test_every_question_reads_whole_and_readable_in_the_reveal_panel(make_app, deck, size):
    """The reveal shows the question as a panel in readable type: no card of the deck is cut or too small."""
    from game.model import CardKind
    from game.ui.cardview import question_panel

    d = make_app(size=size)
    d.enter()
    play_to(d, Phase.REVEAL)
    rects = []
    for _ in range(4):  # the reveal, the conversation card, the reflection, the agreement
        d.frame()
        if d.app.table.phase != Phase.REFLECT:
            rects.append(d.top.question_rect)
        d.enter()
    rect = min(rects, key=lambda r: r.w * r.h)
    surface = pygame.Surface(size)
    for card in (c for c in deck.cards if c.kind == CardKind.QUESTION):
        for lang in deck.languages:
            theme.LOG.entries.clear()
            question_panel(surface, rect, deck, card.id, ["client", "professional"], lang)
            for text, r, box, px, cut in theme.LOG.sized():
                assert not cut and box.contains(r), (card.id, lang, text)
                assert px >= theme.small_px(size), (card.id, lang, text, px)
