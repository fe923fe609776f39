"""Larger text on the start screen and every question over it: at 125/150/200 % and in high contrast the layout
holds (tests/ui/holds.py), the text size can be found on the first screen and changed with Ctrl + + and Ctrl + -,
and it is kept for the next run."""

from __future__ import annotations

import json
from pathlib import Path

import pygame
import pytest
from disk_helpers import Disk
from holds import MATRIX as HOLDS_MATRIX
from holds import holds, ids
from test_layout import TEAM_NAMES

from game.i18n import ui
from game.ui import theme
from game.ui.scenes.access import AccessScene
from game.ui.scenes.elsewhere import ElsewhereScene
from game.ui.scenes.overlays import PauseScene, QuitScene
from game.ui.scenes.resume import DiscardScene, ResumeScene
from game.ui.scenes.rules import RulesScene
from game.ui.scenes.start import StartScene
from game.ui.scenes.unsaved import UnsavedQuitScene
from game.ui.widgets import Button

SHOTS = Path("/tmp/ts-start")  # screenshots to look at, when that folder is there

# (size, language, text size, high contrast): the matrix of the brief
MATRIX = HOLDS_MATRIX
IDS = ids(MATRIX)


def go(d, wid: str) -> None:
    """Tab to a control, as a person without a mouse would (the column scrolls it into view); press a button."""
    for _ in range(80):
        if d.top.focus == wid:
            break
        d.key(pygame.K_TAB)
    assert d.top.focus == wid, f"Tab never reaches {wid!r}"
    if isinstance(d.top.widget(wid), Button):
        d.enter()


def to_the_end(d, where: str, typed: tuple[str, ...] = ()) -> None:
    """Every control of the screen brought into view by Tab, the screen holding at each."""
    seen = set()
    for _ in range(60):
        d.key(pygame.K_TAB)
        if d.top.focus in seen:
            return
        seen.add(d.top.focus)
        holds(d, f"{where}, {d.top.focus} in view", typed)


@pytest.mark.parametrize(("size", "lang", "text", "hc"), MATRIX, ids=IDS)
def test_the_start_screen_and_its_questions_hold(make_app, size, lang, text, hc):
    d = make_app(size=size, lang=lang, text_size=text, high_contrast=hc)
    holds(d, "start")
    assert d.top.widget("access") is not None  # "Lezen en zien" on the first screen
    d.click("more")
    holds(d, "more choices")
    to_the_end(d, "more choices")
    go(d, "access")
    assert isinstance(d.top, AccessScene)
    holds(d, "reading and seeing")
    d.esc()
    go(d, "mode:team")
    for _ in range(5):
        d.key(pygame.K_PLUS)
    assert d.top.count == 8
    go(d, "trainer")
    d.type(TEAM_NAMES[0])
    for i, name in enumerate(TEAM_NAMES):
        go(d, f"team{i}")
        d.type(name)
    d.esc()  # out of the last field
    to_the_end(d, "team of eight", TEAM_NAMES)
    names = [(t, px) for t, _, _, px, cut in theme.LOG.sized() if cut and "Oldenbarnevelt" in t]
    assert all(px >= theme.body_px(size) for _, px in names), names  # a name is cut, never shrunk below body
    d.esc()  # folded again: the one button and the choices in words
    holds(d, "folded team start", TEAM_NAMES)
    d.click("more")
    go(d, "mode:practice")
    to_the_end(d, "practice")
    go(d, "mode:conversation")
    for question in (PauseScene, QuitScene):
        d.app.push(question(d.app))
        holds(d, question.__name__)
        d.esc()
    d.key(pygame.K_F1)
    assert isinstance(d.top, RulesScene)
    holds(d, "rules")
    d.key(pygame.K_END)
    holds(d, "the end of the rules")
    assert d.top.scroll == d.top.max_scroll > 0


@pytest.mark.parametrize(("size", "lang", "text", "hc"), MATRIX, ids=IDS)
def test_the_questions_of_a_session_hold(make_app, size, lang, text, hc):
    """Resume (and discard) at start-up, the unsaved question and "another folder", over the start screen."""
    d = make_app(lang=lang)
    d.enter(2)  # a session starts and is saved as it goes; then the program is gone
    pygame.display.quit()
    d = make_app(size=size, lang=lang, text_size=text, high_contrast=hc)
    assert isinstance(d.top, ResumeScene)
    holds(d, "resume")
    d.click("discard")
    assert isinstance(d.top, DiscardScene)
    holds(d, "discard")
    d.esc()
    d.enter()  # resumed
    table = d.app.table
    d.app.reset(StartScene(d.app))
    d.app.table = table
    d.app.push(UnsavedQuitScene(d.app))
    holds(d, "unsaved")
    d.app.pop()
    elsewhere = ElsewhereScene(d.app, table)
    d.app.push(elsewhere)
    folder = elsewhere.folder.value
    holds(d, "another folder", typed=(folder,))
    elsewhere.error = ui("elsewhere_failed", lang, reason=f"{folder}/verslagen/2026 (Permission denied)")
    d.app.dirty = d.app.full = True  # as after a refused "Save" (activate draws again)
    holds(d, "another folder, refused", typed=(folder,))
    assert "Permission denied" in " ".join(t for t, _, _ in theme.LOG.entries)


@pytest.mark.parametrize(("size", "lang", "text", "hc"), MATRIX[:3] + MATRIX[5:], ids=IDS[:3] + IDS[5:])
def test_the_line_of_a_failed_save_holds(make_app, tmp_path, monkeypatch, size, lang, text, hc):
    """The notice's own line and buttons (the table under it is checked by the table's tests)."""
    disk = Disk(tmp_path / "data", monkeypatch)
    d = make_app(size=size, lang=lang, text_size=text, high_contrast=hc)
    d.enter(2)
    disk.full()
    d.enter()  # this autosave fails: the line shows at once
    assert d.app.notice.shown
    frame = d.frame()
    if SHOTS.is_dir():
        pygame.image.save(frame, str(SHOTS / f"notice-{size[0]}x{size[1]}-{text}{'-hc' if hc else ''}.png"))
    notice = d.app.notice.rect
    mine = [(e, s) for e, s in zip(theme.LOG.entries, theme.LOG.drawn, strict=False) if notice.contains(e[2])]
    assert len(mine) >= 2  # the line and "Save again"
    least = theme.small_px(size)
    for (text_, rect, box), (px, cut) in mine:
        assert box.contains(rect) and not cut, text_
        assert px is None or px >= least or len(text_) <= 2, (text_, px)
    buttons = d.app.notice.widgets
    assert all(notice.contains(b.rect) for b in buttons)
    assert not any(a.rect.colliderect(b.rect) for a in buttons for b in buttons if a is not b)


def test_the_text_size_grows_at_once_from_the_first_screen_and_is_kept_for_the_next_run(make_app, data_dir):
    d = make_app()
    d.click("access")  # on the folded first screen
    assert isinstance(d.top, AccessScene)

    def title_px() -> int:
        d.frame()
        return next(px for t, _, _, px, _ in theme.LOG.sized() if t == "Werkalliantiespel")

    sizes = [title_px()]
    for percent in (125, 150, 200):
        d.click("text_size")
        assert d.app.settings.text_size == percent and theme.text_scale == percent / 100
        assert f"{percent} %" in " ".join(t for t, _, _ in theme.LOG.entries)
        sizes.append(title_px())  # the start screen behind is drawn at the new size at once
        holds(d, f"reading and seeing at {percent} %")
    assert sizes == sorted(sizes) and sizes[-1] > sizes[0]
    assert json.loads((data_dir / "settings.json").read_text())["text_size"] == 200
    d.click("text_size")  # round again to 100 %
    assert theme.text_scale == 1.0
    d.key(pygame.K_EQUALS, pygame.KMOD_CTRL)  # Ctrl + +
    d.key(pygame.K_KP_PLUS, pygame.KMOD_CTRL)
    assert d.app.settings.text_size == 150
    d.key(pygame.K_MINUS, pygame.KMOD_CTRL)  # Ctrl + -
    assert d.app.settings.text_size == 125
    pygame.display.quit()
    theme.set_text_size(100)
    d = make_app()  # the next run
    assert d.app.settings.text_size == 125 and theme.text_scale == 1.25
    d.click("access")
    d.frame()
    assert "125 %" in " ".join(t for t, _, _ in theme.LOG.entries)
    for _ in range(5):  # Ctrl + - stays at the smallest
        d.key(pygame.K_MINUS, pygame.KMOD_CTRL)
    assert d.app.settings.text_size == 100
    assert json.loads((data_dir / "settings.json").read_text())["text_size"] == 100


def test_the_rules_say_how_to_change_the_text_size(make_app):
    for lang, words in (("nl", "Ctrl en +"), ("en", "Ctrl and +")):
        d = make_app(lang=lang)
        d.key(pygame.K_F1)
        assert any(words in b.text for b in d.top.blocks), lang
        pygame.display.quit()


def test_the_wheel_and_page_down_scroll_the_choices_and_a_click_hits_what_is_shown(make_app):
    d = make_app(size=(1024, 600), text_size=200)
    d.click("more")
    scene = d.top
    assert scene.widget("access").visible and not scene.widget("code").visible  # the pair code waits below
    pygame.event.post(pygame.event.Event(pygame.MOUSEWHEEL, x=0, y=-1, flipped=False))
    d.turn()
    assert scene.scroll.offset > 0
    for _ in range(10):
        d.key(pygame.K_PAGEDOWN)
    assert scene.scroll.offset == scene.scroll.most > 0 and scene.widget("code").visible
    assert not scene.widget("access").visible
    holds(d, "the end of the choices")
    d.click("guess:on")  # where it is drawn now
    assert scene.guess
    d.click("code")
    d.type("AB12")
    assert scene.code.value == "AB12"
    d.esc()
    for _ in range(10):
        d.key(pygame.K_PAGEUP)
    assert scene.scroll.offset == 0


def shown(d) -> set[str]:
    d.rects()  # laid out as now
    return {w.id for w in d.app.top.widgets if w.visible and w.enabled}


def test_a_gap_under_the_choices_says_there_is_more_and_scrolls_to_it(make_app):
    """At 200 % the names do not fit under the modes: instead of an empty gap, "Meer hieronder" scrolls on."""
    d = make_app(text_size=200)
    d.click("more")
    assert "name0" not in shown(d) and "scroll:down" in shown(d)
    holds(d, "the choices with 'more below'")
    d.click("scroll:down")
    assert "name0" in shown(d)
    holds(d, "the choices scrolled on")
    bar = d.app.top.bar
    for _ in range(10):  # on to the end by tapping the scroll bar under its thumb (no wheel on a touch screen)
        d.click_at((bar.centerx, bar.bottom - 2))
    assert "code" in shown(d) and d.app.top.scroll.offset == d.app.top.scroll.most  # the last choice
    d.click_at((bar.centerx, bar.top + 2))
    assert "code" not in shown(d)
