"""Every control can be reached with Tab and used with Enter or Space, and the focus is always visible (issue 16).

One walk through the screens of a conversation, a team training and the pair's history: on each, Tab goes round
every enabled control, the one with the focus has a ring of theme.FOCUS around it in the frame, and Space presses
the focused control as Enter does (one safe control per screen, which is also how the walk moves on)."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path
from types import SimpleNamespace

import pygame
import pytest
from record_sessions import play_answers
from test_history_ui import JD12, NOTES, T0, played

from game.engine import Phase
from game.model import FEATURE_IDS
from game.ui import theme
from game.ui.scenes.access import AccessScene
from game.ui.scenes.elsewhere import ElsewhereScene
from game.ui.scenes.estimate import EstimateScene, HandOverScene
from game.ui.scenes.history import HistoryScene
from game.ui.scenes.overlays import PauseScene, QuitScene
from game.ui.scenes.resume import DiscardScene, ResumeScene
from game.ui.scenes.rules import RulesScene
from game.ui.scenes.start import StartScene
from game.ui.scenes.summary import SummaryScene
from game.ui.scenes.table import TableScene
from game.ui.scenes.unsaved import UnsavedQuitScene

Rect = pygame.Rect


def picture(d) -> pygame.Surface:  # type: ignore[no-untyped-def]
    """The whole window as it is drawn now (off screen)."""
    surface = pygame.Surface(d.app.screen.get_size())
    d.app._draw_whole(surface)
    return surface


def new_focus_pixels(with_: pygame.Surface, without: pygame.Surface, strip: Rect) -> pygame.mask.Mask:
    """The pixels in strip that are theme.FOCUS with the focus and were not without it."""
    shown = pygame.mask.from_threshold(with_.subsurface(strip), theme.FOCUS, (1, 1, 1, 255))
    shown.erase(pygame.mask.from_threshold(without.subsurface(strip), theme.FOCUS, (1, 1, 1, 255)), (0, 0))
    return shown


def ring_is_drawn(d, rect: Rect) -> str:  # type: ignore[no-untyped-def]
    """"" when a ring of theme.FOCUS runs along each side of rect that is in the window; else what is missing."""
    scene = d.app.top
    with_ = picture(d)
    focus, scene.focus = scene.focus, None
    without = picture(d)
    scene.focus = focus
    screen = Rect((0, 0), with_.get_size())
    m = max(10, min(rect.w, rect.h) // 5)  # how far out the ring may lie
    sides = {
        "top": (Rect(rect.x + rect.w // 4, rect.y - m, rect.w // 2, m + 2), True),
        "bottom": (Rect(rect.x + rect.w // 4, rect.bottom - 2, rect.w // 2, m + 2), True),
        "left": (Rect(rect.x - m, rect.y + rect.h // 4, m + 2, rect.h // 2), False),
        "right": (Rect(rect.right - 2, rect.y + rect.h // 4, m + 2, rect.h // 2), False),
    }
    missing = []
    for name, (strip, across) in sides.items():
        strip = strip.clip(screen)
        if strip.w <= 2 or strip.h <= 2:
            continue  # that side is at the window's edge
        mask = new_focus_pixels(with_, without, strip)
        w, h = mask.get_size()
        along = range(w) if across else range(h)
        covered = sum(1 for a in along if any(mask.get_at((a, b) if across else (b, a))
                                              for b in (range(h) if across else range(w))))
        if covered < 0.9 * len(along):
            missing.append(f"{name} {covered}/{len(along)}")
    return ", ".join(missing)


def reach(d, where: str) -> list[str]:  # type: ignore[no-untyped-def]
    """Tab round the screen on top: every enabled control gets the focus, each with a visible ring."""
    d.app.settle()
    scene = d.app.top
    scene.layout(d.app.screen.get_size())
    ids = [w.id for w in scene.widgets if w.focusable and w.enabled]
    assert ids, f"{where}: nothing to reach"
    seen: list[str] = []
    problems = []
    for _ in range(len(ids) + 1):
        d.key(pygame.K_TAB)
        assert d.app.top is scene, f"{where}: Tab left the screen"  # (and the frame is drawn)
        focused = scene.widget(scene.focus) if scene.focus else None
        assert focused is not None, f"{where}: Tab gave the focus to nothing ({scene.focus})"
        if focused.id not in seen:
            seen.append(focused.id)
            missing = ring_is_drawn(d, Rect(focused.rect))
            if missing:
                problems.append(f"{where}: {focused.id} has no visible focus ring ({missing})")
    ids = [w.id for w in scene.widgets if w.focusable and w.enabled]  # (a page may have turned)
    unreached = [i for i in ids if i not in seen]
    assert not unreached, f"{where}: Tab never reaches {unreached}"
    assert not problems, "\n".join(problems)
    return seen


def tab_to(d, widget_id: str) -> None:  # type: ignore[no-untyped-def]
    scene = d.app.top
    for _ in range(len(scene.widgets) + 1):
        if scene.focus == widget_id:
            break
        d.key(pygame.K_TAB)
    assert scene.focus == widget_id, f"Tab does not reach {widget_id}"


def space_on(d, widget_id: str) -> None:  # type: ignore[no-untyped-def]
    """Tab to the control, then press Space."""
    tab_to(d, widget_id)
    d.key(pygame.K_SPACE)


def visit(d, where: str, press: str, lands: type | None = None) -> None:  # type: ignore[no-untyped-def]
    """Tab round the screen, then press one control with Space (and land on the screen it leads to)."""
    reach(d, where)
    space_on(d, press)
    if lands is not None:
        assert isinstance(d.top, lands), f"{where}: Space on {press} led to {type(d.top).__name__}"


def estimate(d, value: int) -> None:  # type: ignore[no-untyped-def]
    """A hand-over (Space on its button) and an estimate: Space on a card chooses it, Space on Done places it."""
    if isinstance(d.top, HandOverScene):
        reach(d, "hand-over")
        space_on(d, "ready")
    assert isinstance(d.top, EstimateScene)
    reach(d, "estimate")
    space_on(d, f"v{value}")
    assert d.top.chosen == value and d.top.focus == "confirm"
    d.key(pygame.K_SPACE)


@pytest.mark.parametrize("contrast", [False, True])
def test_every_control_of_a_conversation_is_reached_shown_and_pressed_with_space(make_app, contrast):
    d = make_app(high_contrast=contrast)
    assert isinstance(d.top, StartScene)
    reach(d, "start folded")
    space_on(d, "more")
    assert d.top.more
    reach(d, "start unfolded")
    tab_to(d, "name0")
    pygame.event.post(pygame.event.Event(pygame.KEYDOWN, key=pygame.K_SPACE, mod=0, unicode=" ", scancode=0))
    d.type("a b")  # Space in a text field is typed, it presses nothing
    assert isinstance(d.top, StartScene) and d.top.widget("name0").value == "a b"
    d.key(pygame.K_BACKSPACE)
    d.key(pygame.K_BACKSPACE)
    d.key(pygame.K_BACKSPACE)
    space_on(d, "access")
    assert isinstance(d.top, AccessScene)
    visit(d, "reading and seeing", "done", StartScene)
    space_on(d, "start")
    visit(d, "consent", "keep:save", TableScene)
    assert d.app.table.phase == Phase.DEAL
    visit(d, "table: deal", "continue")
    estimate(d, 2)
    estimate(d, 4)
    for phase in (Phase.REVEAL, Phase.DISCUSS, Phase.REFLECT, Phase.AGREE):
        assert isinstance(d.top, TableScene) and d.app.table.phase == phase
        visit(d, f"table: {phase.value}", "save" if phase == Phase.AGREE else "continue")
    assert d.app.table.phase == Phase.DEAL
    d.esc()
    visit(d, "pause menu", "rules", RulesScene)
    visit(d, "rules", "back", PauseScene)
    space_on(d, "resume")
    assert isinstance(d.top, TableScene)
    d.close_window()
    assert isinstance(d.top, QuitScene)
    visit(d, "quit question", "end", SummaryScene)  # end and save: the summary
    assert isinstance(d.top, SummaryScene)
    reach(d, "summary")


def test_every_control_of_the_summary_pages_history_and_resume_is_reached(make_app, data_dir, deck):
    for i, (values, notes) in enumerate(zip(JD12, NOTES, strict=True)):
        played(deck, data_dir, "JD-12", T0 + timedelta(weeks=3 * i), values, notes)
    d = make_app(size=(1024, 520))
    summary = play_answers(deck, [(1, 5), (5, 1), (3, None), (4, 3)], features=list(FEATURE_IDS), cards=3)
    d.app.table = SimpleNamespace(summary=summary, saved_to=Path("/tmp/werk/sessions/x.json"), problem=None)
    d.app.push(SummaryScene(d.app))
    visit(d, "summary, first page", "rows_next")
    assert d.top.page > 0
    reach(d, "summary, second page")
    d.app.table = None
    d.app.pop()

    start = d.top
    space_on(d, "more")
    space_on(d, "pairs:pick")
    visit(d, "pair pick", "pair:0", StartScene)
    assert start.code.value == "JD-12"
    space_on(d, "pairs:history")
    visit(d, "history", "chart:1", HistoryScene)
    assert d.top.big == 1
    reach(d, "history, one topic")
    space_on(d, "back")
    space_on(d, "start")
    d.enter()  # a session of JD-12 (saved): first the look-back at last time's agreements
    visit(d, "look-back", "continue", TableScene)
    # as after a crash: the question to resume the session
    d.app.push(ResumeScene(d.app, d.app.table))
    visit(d, "resume question", "discard", DiscardScene)
    visit(d, "discard question", "no", ResumeScene)
    d.app.pop()
    d.app.push(UnsavedQuitScene(d.app))
    visit(d, "not saved yet question", "go_on", TableScene)
    d.app.push(ElsewhereScene(d.app, d.app.table))
    visit(d, "save elsewhere", "back", TableScene)


def test_every_control_of_a_team_training_is_reached(make_app):
    d = make_app()
    space_on(d, "more")
    space_on(d, "mode:team")
    reach(d, "start: team")
    d.digit(3)
    space_on(d, "start")
    assert isinstance(d.top, TableScene) and d.top.board is not None
    seen = set()
    for _ in range(40):
        top = d.top
        phase = d.app.table.phase if d.app.table else None
        if isinstance(top, SummaryScene):
            reach(d, "team summary")
            break
        if isinstance(top, HandOverScene | EstimateScene):
            estimate(d, 1 + len(seen) % 5)
            seen.add("estimate")
            continue
        if phase not in seen:
            reach(d, f"team board: {phase.value}")
            seen.add(phase)
        if phase == Phase.DEAL and Phase.REVEAL in seen:  # one whole card is enough: end and save from the menu
            d.esc()
            space_on(d, "end")
            continue
        space_on(d, next(w.id for w in top.widgets if w.id in ("continue", "save")))
    assert isinstance(d.top, SummaryScene)
    assert seen >= {"estimate", *(p for p in Phase if p not in (Phase.ESTIMATE, Phase.DONE))}, seen


@pytest.mark.parametrize("size,text_size", [((1280, 720), 100), ((1024, 600), 200)])
def test_a_card_swapped_with_the_keyboard_deals_under_the_thick_focus_ring(make_app, size, text_size):
    """High contrast: the focus ring of "Other card" lies in the gap above the bar; the new card dealt (and its
    shadow) never covers it, so every frame of the deal equals a full redraw (the redraw check)."""
    d = make_app(size=size, text_size=text_size, high_contrast=True)
    d.enter(2)
    space_on(d, "swap")
    assert d.app.frames > 0 and d.app.table.phase == Phase.DEAL
    space_on(d, "continue")
    assert isinstance(d.top, HandOverScene)
