"""The window with text no deck check lets through (as an autosave or an older deck may carry it): a card of only
zero-width characters, feature names of one zero-width space, a 10 000-letter word. Before issue 13 the first
crashed the window when dealt ("Text has zero width") and again at every resume; the last froze it for minutes."""

from __future__ import annotations

import pygame
import pytest
from draw_helpers import within
from test_hostile_content import LONG_WORD, ZERO_WIDTH, hostile

from game.decks import load_deck
from game.ui.scenes.estimate import HandOverScene
from game.ui.scenes.resume import ResumeScene
from game.ui.scenes.table import TableScene

BOUND = 10.0  # seconds for a round, and for a resume: a hang guard, far above the second they take


@pytest.fixture(params=[ZERO_WIDTH, LONG_WORD[:1000]], ids=["zero-width", "1000-letter word"])
def deck(request):
    """Overrides the default deck of make_app: every card text, feature name, starter and case is hostile.
    (1000 letters fit an autosave; a 10 000-letter word is drawn by tests/test_hostile_content.py.)"""
    return hostile(load_deck(), request.param)


def test_a_round_with_hostile_text_is_dealt_played_and_resumed_without_a_crash(make_app, data_dir):
    with within(BOUND, "a round in the window"):
        d = make_app()
        d.enter(2)  # start with the defaults, and the consent: save the summary; the first card is dealt
        assert isinstance(d.top, TableScene)
        d.frame()
        d.enter()  # read: hand over
        d.enter()
        d.digit(3)
        d.enter()
        d.enter()
        d.digit(2)
        d.enter()  # both placed: the reveal
        d.frame()
        d.enter()  # the conversation starter
        d.frame()
        d.enter()  # the reflection card
        d.frame()
        d.enter()  # the agreement
        d.enter()  # skipped: the next card is dealt
        d.enter()
        assert isinstance(d.top, HandOverScene)
        d.frame()
    pygame.display.quit()
    with within(BOUND, "resuming in the window"):
        d = make_app()  # the autosave is offered, and resumed where it stopped
        assert isinstance(d.top, ResumeScene)
        d.frame()
        d.enter()
        assert isinstance(d.top, HandOverScene)
        d.frame()
