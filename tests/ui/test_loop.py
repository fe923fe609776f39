"""The loop: nothing is drawn while nothing changes; animations are short and draw only while they run."""

from __future__ import annotations

import pygame
import pytest

from game.ui.input import Input, Key, translate
from game.ui.scenes.estimate import PLACE_SECONDS
from game.ui.scenes.table import DEAL_SECONDS, FLIP_SECONDS, TableScene


def test_an_idle_table_draws_no_frames(make_app):
    d = make_app()
    d.enter()
    d.frame()
    before = d.app.frames
    for _ in range(50):
        d.app.step(1 / 30)  # a second and a half of idle loop turns
    assert d.app.frames == before


def test_pointer_moves_redraw_only_when_the_hovered_button_changes(make_app):
    d = make_app()
    d.enter(2)  # with the consent: save the summary
    d.frame()
    rects = d.rects()
    before = d.app.frames
    empty = (d.app.screen.get_width() // 2, 5)
    for x in range(3):
        pygame.event.post(
            pygame.event.Event(pygame.MOUSEMOTION, pos=(empty[0] + x, 5), rel=(1, 0), buttons=(0, 0, 0))
        )
        d.app.step(0)
    assert d.app.frames == before
    pygame.event.post(
        pygame.event.Event(pygame.MOUSEMOTION, pos=rects["continue"].center, rel=(0, 0), buttons=(0, 0, 0))
    )
    d.app.step(0)
    assert d.app.frames == before + 1
    pygame.event.post(
        pygame.event.Event(
            pygame.MOUSEMOTION, pos=rects["continue"].move(2, 0).center, rel=(2, 0), buttons=(0, 0, 0)
        )
    )
    d.app.step(0)
    assert d.app.frames == before + 1


def test_the_deal_animates_for_a_short_time_then_stops_drawing(make_app):
    d = make_app(wait=False)
    d.enter()  # start
    d.enter()  # save the summary: the first card is dealt
    assert isinstance(d.app.top, TableScene) and d.app.top.animating
    frames = 0
    while d.app.top.animating:
        start = d.app.frames
        d.app.step(1 / 60)
        frames += d.app.frames - start
    assert 0.25 <= DEAL_SECONDS <= 0.45 and 0.25 <= FLIP_SECONDS <= 0.4 and 0.25 <= PLACE_SECONDS <= 0.4
    assert round(DEAL_SECONDS * 60) - 1 <= frames <= round(DEAL_SECONDS * 60) + 1
    after = d.app.frames
    for _ in range(10):
        d.app.step(1 / 60)
    assert d.app.frames == after


def test_a_key_during_an_animation_finishes_it_and_then_counts(make_app):
    d = make_app(wait=False)
    d.enter(2)  # with the consent: save the summary
    assert d.app.top.animating
    d.enter()  # during the deal: the deal completes and Enter moves on to the hand-over
    assert type(d.top).__name__ == "HandOverScene"


@pytest.mark.parametrize(
    ("event", "expected"),
    [
        (pygame.event.Event(pygame.KEYDOWN, key=pygame.K_3, mod=0), Input(Key.DIGIT, value=3)),
        (pygame.event.Event(pygame.KEYDOWN, key=pygame.K_KP5, mod=0), Input(Key.DIGIT, value=5)),
        (pygame.event.Event(pygame.KEYDOWN, key=pygame.K_RETURN, mod=0), Input(Key.CONFIRM)),
        (pygame.event.Event(pygame.KEYDOWN, key=pygame.K_KP_ENTER, mod=0), Input(Key.CONFIRM)),
        (pygame.event.Event(pygame.KEYDOWN, key=pygame.K_ESCAPE, mod=0), Input(Key.BACK)),
        (pygame.event.Event(pygame.KEYDOWN, key=pygame.K_F1, mod=0), Input(Key.RULES)),
        (pygame.event.Event(pygame.KEYDOWN, key=pygame.K_F11, mod=0), Input(Key.FULLSCREEN)),
        (pygame.event.Event(pygame.KEYDOWN, key=pygame.K_TAB, mod=pygame.KMOD_LSHIFT), Input(Key.PREV)),
        (pygame.event.Event(pygame.TEXTINPUT, text="ë"), Input(Key.TEXT, text="ë")),
        (pygame.event.Event(pygame.MOUSEBUTTONUP, pos=(10, 20), button=1), Input(Key.CLICK, pos=(10, 20))),
        (pygame.event.Event(pygame.MOUSEBUTTONUP, pos=(10, 20), button=3), None),
        (pygame.event.Event(pygame.KEYDOWN, key=pygame.K_q, mod=0), None),
        (pygame.event.Event(pygame.QUIT), Input(Key.QUIT)),
    ],
)
def test_raw_events_become_the_programs_inputs(event, expected):
    assert translate(event) == expected


def test_tab_moves_the_focus_and_enter_presses_the_focused_button(make_app):
    d = make_app()
    d.enter(2)  # with the consent: save the summary
    d.key(pygame.K_TAB)
    d.key(pygame.K_TAB)  # continue → swap
    assert d.top.focus == "swap"
    first = d.app.table.state.current.question
    d.enter()
    assert d.app.table.state.current.question != first


def test_f11_switches_fullscreen_and_back(make_app):
    d = make_app()
    d.key(pygame.K_F11)
    assert d.app.fullscreen
    d.key(pygame.K_F11)
    assert not d.app.fullscreen


@pytest.mark.parametrize("phase", ["deal", "reveal", "place"])
def test_animation_frames_redraw_only_what_moves_and_look_the_same_as_a_full_redraw(
    make_app, phase, monkeypatch
):
    """Each animation frame keeps the still parts and redraws what moves; the result equals a whole redraw."""
    sent: list[int] = []  # pixels handed to the window per frame
    real_update = pygame.display.update
    monkeypatch.setattr(
        pygame.display,
        "update",
        lambda rects: (sent.append(sum(r.w * r.h for r in rects)), real_update(rects)),
    )
    d = make_app(wait=False)
    d.enter(2)  # start, and save the summary
    if phase != "deal":
        d.enter(2)
        d.digit(4)
        d.enter()
        if phase == "reveal":
            d.enter()
            d.digit(2)
            d.enter()
    scene = d.app.top
    assert scene.animating
    d.app.draw()  # the frame of the key press: whole window
    frames = 0
    while scene.animating:
        before = d.app.frames
        d.app.step(1 / 60)
        if d.app.top is not scene:
            break  # the placed card has gone: the next screen
        assert d.app.frames == before + 1 and scene.moved, "an animation frame draws what moves"
        frames += 1
        whole = pygame.Surface(d.app.screen.get_size())
        d.app._draw_stack(whole, "all")
        assert pygame.image.tobytes(whole, "RGB") == pygame.image.tobytes(d.app.screen, "RGB")
    assert frames >= 10
    w, h = d.app.screen.get_size()
    assert len(sent) >= frames - 1 and max(sent) < 0.6 * w * h
