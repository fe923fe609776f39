"""The test mode that compares every presented frame with a full redraw: off in play, and it catches a stale
frame (the team reveal that showed only its title until a key press, a part drawn but not sent)."""

from __future__ import annotations

import pygame
import pytest

from game.engine import Phase
from game.ui import redraw_check
from game.ui.app import App
from game.ui.redraw_check import RedrawMismatch
from game.ui.scene import Scene
from tests.ui.test_team_sessions import start_in


def old_update(self: App, dt: float) -> None:
    """The loop before the fix: the frame in which an animation ended was drawn over the kept still parts."""
    if self.stack and self.top.update(dt):
        self.dirty = True
        if self.top.changed is None:
            self.full = True


def team_to_the_last_estimate(d, values: list[int]) -> None:
    start_in(d, "team", len(values))
    d.enter(3)  # start, the case is read, the question is read
    for k, value in enumerate(values):
        d.enter()  # "I am …"
        d.digit(value)
        if k < len(values) - 1:
            d.enter()


def test_the_check_is_off_in_normal_play(deck, monkeypatch):
    monkeypatch.delenv(redraw_check.ENV, raising=False)
    assert App(deck, None).check is None
    monkeypatch.setenv(redraw_check.ENV, "1")
    assert App(deck, None).check is not None


def test_the_check_fails_on_the_old_team_reveal_naming_the_scene_and_the_frame(make_app, monkeypatch):
    d = make_app()
    team_to_the_last_estimate(d, [1, 3, 3, 5, 2])
    monkeypatch.setattr(App, "update", old_update)
    with pytest.raises(RedrawMismatch, match=r"frame \d+ on TableScene \(phase reveal\)"):
        d.enter()  # the last estimate: the tokens turn over, and the reveal's last frame lost the board
    assert d.app.table.phase == Phase.REVEAL


def test_the_team_reveal_shows_the_board_when_the_tokens_have_turned(make_app):
    d = make_app()
    team_to_the_last_estimate(d, [1, 3, 3, 5, 2])
    d.enter()  # the loop runs on until the animation has ended; every frame is checked
    assert d.app.table.phase == Phase.REVEAL and not d.app.top.animating
    assert d.app.check.checked > 10
    plot = d.app.top.board.plot
    fresh = pygame.Surface(d.app.screen.get_size())
    d.app._draw_stack(fresh, "all")
    for p in plot.placed:  # each name chip on the window holds the same pixels as a fresh drawing
        shown = d.app.screen.subsurface(p.chip)
        assert pygame.image.tobytes(shown, "RGB") == pygame.image.tobytes(fresh.subsurface(p.chip), "RGB")


class Slider(Scene):
    """A scene with a bug: a square that slides during the animation without being reported (never sent)."""

    def entered(self) -> None:
        self.slide = self.animate(1.0, tracked=True)

    def draw(self, surface: pygame.Surface) -> None:
        if self.static:
            surface.fill((236, 228, 214))
        if self.moving:
            pygame.draw.rect(surface, (200, 0, 0), (10 + round(200 * self.slide.t), 10, 40, 40))  # no track()


def test_a_part_drawn_but_not_sent_to_the_window_fails(make_app):
    d = make_app(wait=False)
    d.app.push(Slider(d.app))
    d.app.step(0.0)  # the whole window is sent
    with pytest.raises(RedrawMismatch, match=r"frame \d+ on StartScene > Slider: .* pixels differ"):
        d.app.step(0.25)  # the square moved on the surface, but the window was sent nothing of it
