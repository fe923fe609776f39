"""Larger text (issue 16) on the conversation table: every screen of a round holds (tests/ui/holds.py) at 125, 150
and 200 % and in high contrast, and every card of the default deck is read whole, never below the smallest size,
on the screen where it is read (the deal, the estimate, the reveal's question, the starter, the reflection)."""

from __future__ import annotations

import pygame
import pytest
from holds import MATRIX as HOLDS_MATRIX
from holds import holds, ids

from game.engine import Phase
from game.model import CardKind
from game.ui import theme
from game.ui.scenes.estimate import EstimateScene
from game.ui.scenes.table import TableScene

NOTE = "We bellen elke week, ook als het even moeilijk gaat. " * 3
MATRIX = [  # the starter's scale once cut "Bijna helemaal" at 100 % on 1024×600
    ((1024, 600), "nl", 100, False), *HOLDS_MATRIX, ((1024, 600), "en", 125, False), ((1920, 1080), "en", 200, True),
]


def a_round(d, guess: bool = False) -> None:
    """One round as two people play it, checking each screen: the deal, hand-over, estimate (and the guess),
    the reveal, the starter, the reflection, an agreement, and the pause menu over it."""
    holds(d, "deal")
    d.enter()
    holds(d, "hand-over")
    d.enter()
    holds(d, "estimate")
    d.digit(5)
    holds(d, "estimate, 5 chosen")
    d.enter()
    if guess:
        holds(d, "guess the other")
        d.digit(2)
        d.enter()
    d.enter()
    d.digit(1)
    d.enter()
    if guess:
        d.digit(5)
        d.enter()
    assert d.app.table.phase == Phase.REVEAL
    holds(d, "reveal")
    d.esc()
    holds(d, "pause over the reveal")
    d.esc()
    d.enter()
    holds(d, "starter")
    d.enter()
    holds(d, "reflection")
    d.enter()
    holds(d, "agreement, empty")
    d.type(NOTE)
    holds(d, "agreement", typed=(NOTE,))
    d.esc()
    holds(d, "pause over the agreement", typed=(NOTE,))
    d.esc()
    d.enter()
    assert d.app.table.phase == Phase.DEAL


@pytest.mark.parametrize(("size", "lang", "text_size", "high"), MATRIX, ids=ids(MATRIX))
def test_a_round_holds_at_a_larger_text_size(make_app, size, lang, text_size, high):
    d = make_app(size=size, lang=lang, text_size=text_size, high_contrast=high)
    d.enter()
    holds(d, "consent")
    d.enter()
    a_round(d)
    holds(d, "second deal")


@pytest.mark.parametrize(("size", "lang"), [((1024, 600), "nl"), ((1280, 720), "en")])
def test_guess_the_other_and_a_skip_hold_at_200(make_app, size, lang):
    d = make_app(size=size, lang=lang)  # chosen at the normal size (the start screen is not this file's)
    d.click("more")
    d.click("guess:on")
    d.click("start")
    d.click("keep:save")
    theme.set_text_size(200)  # then the text made larger, as with Ctrl + +
    d.app.dirty = d.app.full = True
    a_round(d, guess=True)
    d.enter(2)
    d.click("pass")  # the client skips: the reveal says so and shows an empty place
    d.enter()
    d.digit(3)
    d.enter()
    d.digit(3)
    d.enter()
    holds(d, "reveal after a skip")
    d.enter()
    holds(d, "starter after a skip")


def _show(d, where: str, **card) -> None:
    """The screen on top as it shows another card of the deck (its view changed; nothing else)."""
    scene = d.top
    cur = scene.view.current
    scene.view = scene.view.model_copy(update={"current": cur.model_copy(update=card)})
    d.app.dirty = d.app.full = True
    holds(d, where)


@pytest.mark.parametrize(("size", "text_size"), [((1024, 600), 200), ((1024, 520), 100), ((1024, 520), 200)])
@pytest.mark.parametrize("lang", ["nl", "en"])
def test_every_card_of_the_deck_is_read_whole_on_a_small_laptop(make_app, deck, lang, size, text_size):
    """Questions (each side at the deal and at the estimate, both at the reveal), starters and reflections, at
    200 % and, as the cards themselves are drawn then, at 100 % on the smallest window."""
    d = make_app(size=size, lang=lang, text_size=text_size)
    d.enter(2)
    questions = [c for c in deck.cards if c.kind == CardKind.QUESTION]
    reflections = [c for c in deck.cards if c.kind == CardKind.REFLECTION]
    assert isinstance(d.top, TableScene) and d.app.table.phase == Phase.DEAL
    for c in questions:
        _show(d, f"deal of {c.id}", question=c.id, feature=c.feature)
    d.enter(2)
    for i in range(2):  # the client's side, then the professional's
        assert isinstance(d.top, EstimateScene)
        for c in questions:
            _show(d, f"estimate of {c.id}", question=c.id, feature=c.feature)
        d.digit(4)
        d.enter(2 - i)
    assert d.app.table.phase == Phase.REVEAL
    for c in questions:
        _show(d, f"reveal of {c.id}", question=c.id, feature=c.feature)
    d.enter()
    for s in deck.starters:
        _show(d, f"starter {s.id}", starter=s.id, feature=s.feature)
    d.enter()
    for c in reflections:
        _show(d, f"reflection {c.id}", reflection=c.id, feature=c.feature)


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_the_consent_holds_on_a_1024x600_laptop_beside_its_taskbar_at_200(make_app, lang):
    """The window on a 1024×600 screen is 1024×520: the long title takes a higher top bar rather than a '…'."""
    d = make_app(size=(1024, 520), lang=lang, text_size=200)
    d.enter()
    holds(d, "consent on 1024×520")
    d.key(pygame.K_2)  # "only show": the choice still works from there
    assert d.app.table is not None and d.app.table.only_show
