"""Hidden means hidden: what the next player sees does not depend on what the previous one chose."""

from __future__ import annotations

import pygame
import pytest

from game.store import clear_progress
from game.ui.scenes.estimate import EstimateScene, HandOverScene


def screens_after_client_chose(make_app, value: int, guess_other: bool = False) -> dict[str, bytes]:
    d = make_app()
    if guess_other:
        d.click("more")  # the choices are folded away at first
        d.click("guess:on")
    d.enter()  # start
    d.enter()  # consent: save the summary
    d.enter()  # the card is read
    d.enter()  # the client takes the laptop
    d.digit(value)
    d.enter()
    if guess_other:
        d.digit(3)
        d.enter()
    shots = {}
    assert isinstance(d.top, HandOverScene) and d.top.player_id == "p2"
    shots["handover"] = pygame.image.tobytes(d.frame(), "RGB")
    d.enter()
    assert isinstance(d.top, EstimateScene) and d.top.player_id == "p2"
    shots["estimate"] = pygame.image.tobytes(d.frame(), "RGB")
    d.digit(2)
    d.frame()
    shots["estimate_chosen"] = pygame.image.tobytes(d.frame(), "RGB")
    clear_progress(d.app.data_dir)  # the next window starts a new session (not the resume question)
    pygame.display.quit()
    return shots


@pytest.mark.parametrize("guess_other", [False, True])
def test_the_next_player_sees_exactly_the_same_screens_whatever_the_first_chose(make_app, guess_other):
    low = screens_after_client_chose(make_app, 1, guess_other)
    high = screens_after_client_chose(make_app, 5, guess_other)
    assert low.keys() == high.keys()
    for name in low:
        assert low[name] == high[name], f"the {name} screen shows something of the client's choice"


def test_the_estimate_screen_is_built_from_that_players_own_view(make_app):
    d = make_app()
    d.enter(4)  # start, save the summary, the card is read, the client takes the laptop
    d.digit(4)
    d.enter(2)
    scene = d.top
    assert scene.player_id == "p2"
    assert scene.view.viewer == "p2" and scene.view.current.estimates == {}
    assert scene.view.current.placed == {"p1": True, "p2": False}
