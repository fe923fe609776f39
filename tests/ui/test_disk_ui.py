"""The window on a disk that refuses: the first failed save shows at once in one line over the screen, play goes
on, the next action or "Save again" (button or Ctrl+S) saves it all; at the end the summary can go to another
folder (button or Ctrl+Shift+S, a typed folder or the home folder). A second window says so and plays its own
session. The window never closes because of a disk."""

from __future__ import annotations

import json
from pathlib import Path

import pygame
from disk_helpers import Disk

from game.engine import GameState
from game.store import load_summary, progress_path
from game.ui import theme
from game.ui.scenes.elsewhere import ElsewhereScene
from game.ui.scenes.estimate import HandOverScene
from game.ui.scenes.overlays import QuitScene
from game.ui.scenes.resume import NoticeScene
from game.ui.scenes.start import StartScene
from game.ui.scenes.summary import SummaryScene
from game.ui.scenes.table import TableScene
from game.ui.scenes.unsaved import UnsavedQuitScene
from tests.test_two_windows import Window

SHOTS = Path("/tmp")


def shown(d) -> str:
    d.frame()
    return " ".join(t for t, _, _ in theme.LOG.entries)


def notice_button(d, wid: str) -> pygame.Rect:
    notice = d.app.notice
    notice.layout(d.app.screen.get_size())
    return next(w.rect for w in notice.widgets if w.id == wid)


def ctrl_s(d, shift: bool = False) -> None:
    d.key(pygame.K_s, pygame.KMOD_CTRL | (pygame.KMOD_SHIFT if shift else 0))


def quick_round(d, client: int = 4, pro: int = 2) -> None:
    d.enter(2)
    d.digit(client)
    d.enter(2)
    d.digit(pro)
    d.enter(5)  # placed; reveal → starter → reflection → agreement (skipped)


def test_a_full_disk_shows_one_line_at_once_play_goes_on_and_save_again_saves_all(make_app, tmp_path, monkeypatch):
    disk = Disk(tmp_path / "data", monkeypatch)
    d = make_app()
    d.enter(2)  # start on a healthy disk (and save the summary)
    assert isinstance(d.top, TableScene) and progress_path(d.app.data_dir).exists()
    disk.full()
    d.enter()  # the card is read: this autosave fails
    assert "De schijf is vol." in shown(d)
    assert d.app.running and isinstance(d.top, HandOverScene)
    pygame.image.save(d.frame(), str(SHOTS / "i13-disk-full-notice.png"))
    d.enter()
    d.digit(5)
    d.enter()  # play goes on, the estimate is kept in memory
    assert "De schijf is vol." in shown(d)
    on_disk = GameState.model_validate_json(progress_path(d.app.data_dir).read_bytes())
    assert on_disk != d.app.table.state and not on_disk.rounds[0].estimates
    d.click_at(notice_button(d, "save_again").center)  # still full: the line stays
    assert "De schijf is vol." in shown(d)
    disk.free()
    d.click_at(notice_button(d, "save_again").center)
    assert "De schijf is vol." not in shown(d) and d.app.table.problem is None
    on_disk = GameState.model_validate_json(progress_path(d.app.data_dir).read_bytes())
    assert on_disk == d.app.table.state and on_disk.rounds[0].estimates["p1"].value == 5
    disk.read_only()
    assert isinstance(d.top, HandOverScene)
    d.enter()
    d.digit(2)
    d.enter()  # the professional's estimate: refused by a read-only disk
    assert "Op deze schijf kan niets bewaard worden." in shown(d)
    disk.free()
    ctrl_s(d)  # the keyboard does the same
    assert d.app.table.problem is None and "bewaard worden" not in shown(d)


def test_the_end_on_a_full_disk_can_be_saved_in_another_folder(make_app, tmp_path, monkeypatch):
    disk = Disk(tmp_path / "data", monkeypatch)
    d = make_app(lang="en")
    d.enter(2)  # start, and save the summary
    disk.full()
    while not isinstance(d.top, SummaryScene):
        quick_round(d)
        assert d.app.running
    text = shown(d)
    assert "Not stored yet. Try again or choose another folder." in text
    assert "Not saved." in text
    pygame.image.save(d.frame(), str(SHOTS / "i13-disk-summary-notice.png"))
    d.click_at(notice_button(d, "save_elsewhere").center)  # by mouse
    assert isinstance(d.top, ElsewhereScene)
    folder = tmp_path / "usb"
    folder.mkdir()
    field = d.top.folder
    while field.value:
        d.key(pygame.K_BACKSPACE)
    d.type(str(tmp_path / "missing"))
    pygame.image.save(d.frame(), str(SHOTS / "i13-disk-elsewhere.png"))
    d.enter()
    assert isinstance(d.top, ElsewhereScene) and "That does not work either" in shown(d)
    pygame.image.save(d.frame(), str(SHOTS / "i13-disk-elsewhere-refused.png"))
    ctrl_s(d, shift=True)  # the notice waits under the question: no second question
    assert isinstance(d.top, ElsewhereScene) and len(d.app.stack) == 2
    while field.value:
        d.key(pygame.K_BACKSPACE)
    d.type(str(folder))
    d.enter()  # by keyboard
    assert isinstance(d.top, NoticeScene)
    saved = list(folder.iterdir())
    assert len(saved) == 1 and load_summary(saved[0]) == d.app.table.summary
    assert saved[0].name in shown(d)
    d.enter()
    assert isinstance(d.top, SummaryScene) and "Saved in: " in shown(d) and saved[0].name[:20] in shown(d)
    assert "Not stored yet" not in shown(d)
    disk.free()


def test_ctrl_shift_s_and_the_home_folder(make_app, tmp_path, monkeypatch):
    disk = Disk(tmp_path / "data", monkeypatch)
    monkeypatch.setenv("HOME", str(tmp_path / "home"))
    (tmp_path / "home").mkdir()
    d = make_app()
    d.enter(2)
    disk.read_only()
    while not isinstance(d.top, SummaryScene):
        quick_round(d)
    ctrl_s(d, shift=True)
    assert isinstance(d.top, ElsewhereScene) and d.top.folder.value == str(tmp_path / "home")
    d.click("home")
    assert [p.suffix for p in (tmp_path / "home").iterdir()] == [".json"]


def test_a_data_folder_that_is_a_file_never_ends_the_program(make_app, tmp_path):
    (tmp_path / "data").write_text("not a folder")
    d = make_app()
    d.enter(2)  # the first Enter once ended the program
    assert d.app.running and isinstance(d.top, TableScene)
    assert "Opslaan lukt nu niet." in shown(d)
    quick_round(d)
    assert d.app.running and (tmp_path / "data").read_text() == "not a folder"


def test_a_second_window_says_so_and_plays_its_own_session(make_app, tmp_path):
    data = tmp_path / "data"
    go = tmp_path / "go"
    go.touch()
    first = Window(data, "AAA1", go)
    try:
        theirs = first.slot()
        before = theirs.read_bytes()
        d = make_app()
        assert isinstance(d.top, NoticeScene)
        text = shown(d)
        assert "In een ander venster loopt al een gesprek." in text and "AAA1" not in text
        pygame.image.save(d.frame(), str(SHOTS / "i13-second-window.png"))
        d.enter()  # OK
        assert isinstance(d.top, StartScene)
        d.enter(2)  # Start (and save): no question again, a session of its own
        assert isinstance(d.top, TableScene)
        mine = d.app.table.slot.path
        assert mine != theirs and mine.exists()
        d.enter(3)
        assert theirs.read_bytes() == before
        assert json.loads(mine.read_text())["session_id"] != json.loads(before)["session_id"]
    finally:
        first.kill()


def test_closing_while_a_save_failed_asks_first(make_app, tmp_path, monkeypatch):
    disk = Disk(tmp_path / "data", monkeypatch)
    d = make_app()
    d.enter(2)
    disk.full()
    d.enter()  # a failed autosave
    d.close_window()
    assert isinstance(d.top, QuitScene)
    d.click("quit")  # "Afsluiten" keeps the autosave, but there is none of this state: first say so
    assert isinstance(d.top, UnsavedQuitScene) and d.app.running
    assert "Dit gesprek staat nog niet op de schijf." in shown(d)
    pygame.image.save(d.frame(), str(SHOTS / "i13-disk-unsaved-quit.png"))
    d.enter()  # Enter: back to the game
    assert d.app.running and isinstance(d.top, HandOverScene)
    d.close_window()
    d.click("quit")
    disk.free()
    d.click("save_again")  # saved after all: now it closes
    assert not d.app.running
    assert GameState.model_validate_json(progress_path(d.app.data_dir).read_bytes()) == d.app.table.state


def test_the_close_button_twice_closes_even_unsaved(make_app, tmp_path, monkeypatch):
    disk = Disk(tmp_path / "data", monkeypatch)
    d = make_app()
    d.enter(2)
    disk.read_only()
    while not isinstance(d.top, SummaryScene):
        quick_round(d)
    d.click("close")
    assert isinstance(d.top, UnsavedQuitScene) and d.app.running
    d.close_window()
    assert not d.app.running


def test_tab_reaches_the_notice_buttons_and_enter_or_space_presses_them(make_app, tmp_path, monkeypatch):
    """Every control is reached with Tab: after the screen's last control come the notice's buttons."""
    disk = Disk(tmp_path / "data", monkeypatch)
    d = make_app()
    d.enter(2)
    disk.full()
    d.enter()  # the card is read: this autosave fails
    assert "De schijf is vol." in shown(d)
    order = [w.id for w in d.top.widgets if w.focusable and w.enabled]
    seen = []
    for _ in range(len(order) + 1):
        d.key(pygame.K_TAB)
        seen.append(d.app.notice.focus or d.top.focus)
    assert seen == [*order, "save_again"]
    before = d.frame().copy()
    ring = notice_button(d, "save_again").inflate(8, 8)
    d.key(pygame.K_TAB, pygame.KMOD_SHIFT)  # back to the screen's last control: the notice's ring goes
    assert d.app.notice.focus is None and d.top.focus == order[-1]
    after = d.frame()
    assert any(before.get_at((x, ring.y)) != after.get_at((x, ring.y)) for x in range(ring.x, ring.right))
    d.key(pygame.K_TAB)
    assert d.app.notice.focus == "save_again"
    d.frame()
    enters = [r for t, r, _ in theme.LOG.entries if t == "Enter"]
    assert len(enters) == 1 and notice_button(d, "save_again").contains(enters[0])  # the hint is where Enter acts
    d.key(pygame.K_RETURN)  # still full: the line stays
    assert "De schijf is vol." in shown(d) and d.app.table.problem is not None
    disk.free()
    d.key(pygame.K_SPACE)  # Space presses it as Enter does: saved, the notice goes
    assert d.app.table.problem is None and "De schijf is vol." not in shown(d)
    assert d.app.notice.focus is None
