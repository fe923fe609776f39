"""A disk that refuses (full, read-only, a data folder that is a file) never stops a session and never loses
what was said: the state stays in memory, the next action saves again, the end can go to another folder, and
nothing already on disk is damaged. Full disks are a real small tmpfs where this user may mount one, and
otherwise ENOSPC / EROFS injected at the OS calls below the data folder (tests/disk_helpers.py)."""

from __future__ import annotations

import errno
import json
import os
import stat

import pytest
from disk_helpers import Disk, fill, remount, small_tmpfs
from play_helpers import conversation_setup

from game.engine import Continue, EndSession, GameState, Phase, PlaceEstimate
from game.store import SESSIONS, StoreError, list_summaries, load_summary, progress_path, save_summary
from game.table import Table

ROUND = [Continue(), PlaceEstimate(player="p1", value=4), PlaceEstimate(player="p2", value=2), Continue(),
         Continue(), Continue(), Continue()]


@pytest.fixture
def disk(tmp_path, monkeypatch) -> Disk:
    """The data folder tmp_path/data on a disk that a test can fill or make read-only (OS calls refused)."""
    return Disk(tmp_path / "data", monkeypatch)


def on_disk(root) -> GameState:
    return GameState.model_validate_json(progress_path(root).read_bytes())


def test_a_full_disk_during_autosaves_keeps_the_game_going_and_the_next_action_saves_all(disk, deck, tmp_path):
    root = tmp_path / "data"
    table = Table.start(deck, conversation_setup(), root)
    assert table.do(Continue()) and table.problem is None
    before = progress_path(root).read_bytes()
    disk.full()
    assert table.do(PlaceEstimate(player="p1", value=4)), "the game goes on"
    assert table.problem is not None and table.problem.errno == errno.ENOSPC
    assert "No space left" in str(table.problem) and "\n" not in str(table.problem)
    assert table.do(PlaceEstimate(player="p2", value=2))  # tried again, refused again
    assert disk.refused >= 2
    assert progress_path(root).read_bytes() == before, "the last good autosave is not damaged"
    assert [p.name for p in progress_path(root).parent.iterdir() if p.name.endswith(".tmp")] == []
    disk.free()
    assert table.do(Continue()) and table.problem is None  # the next action saves everything said meanwhile
    assert on_disk(root) == table.state
    assert [e.value for e in table.state.rounds[0].estimates.values()] == [4, 2]


def test_a_full_disk_at_the_end_keeps_the_summary_in_memory_until_it_can_be_saved(disk, deck, tmp_path):
    root = tmp_path / "data"
    earlier = save_summary(_finished(deck, tmp_path / "other"), root)  # a summary already on disk
    kept = earlier.read_bytes()
    table = Table.start(deck, conversation_setup(features=["binding"]), root)
    for action in ROUND[:3]:
        assert table.do(action)
    disk.full()
    for action in ROUND[3:]:
        assert table.do(action)
    assert table.phase == Phase.DONE and table.summary is not None and table.saved_to is None
    assert table.problem.errno == errno.ENOSPC
    assert not table.save_again(), "still full"
    assert earlier.read_bytes() == kept and len(list_summaries(root)[0]) == 1
    disk.free()
    assert table.save_again() and table.saved_to is not None
    assert load_summary(table.saved_to) == table.summary
    assert not progress_path(root).exists(), "once the summary is saved the autosave goes"
    assert earlier.read_bytes() == kept


def test_a_session_resumed_on_a_still_full_disk_goes_on(disk, deck, tmp_path):
    root = tmp_path / "data"
    table = Table.start(deck, conversation_setup(features=["binding"]), root)
    table.do(Continue())
    table.release()  # the window was killed
    disk.full()
    resumed = Table.resume(deck, root)
    assert resumed is not None and resumed.state == table.state
    for action in ROUND[1:]:
        assert resumed.do(action)  # the first action once crashed here
    assert resumed.phase == Phase.DONE and resumed.problem.errno == errno.ENOSPC
    assert on_disk(root) == table.state, "the autosave is kept until the summary is saved"
    disk.free()
    assert resumed.save_again() and not progress_path(root).exists()


def test_the_end_can_be_saved_in_another_folder(disk, deck, tmp_path):
    root = tmp_path / "data"
    table = Table.start(deck, conversation_setup(features=["binding"]), root)
    disk.read_only()
    for action in ROUND:
        assert table.do(action)
    assert table.problem.errno == errno.EROFS and table.saved_to is None
    elsewhere = tmp_path / "usb"
    elsewhere.mkdir()
    path = table.save_to(elsewhere)
    assert path.parent == elsewhere and load_summary(path) == table.summary
    assert stat.S_IMODE(path.stat().st_mode) == 0o600 and table.problem is None
    assert table.save_to(elsewhere) != path, "never overwritten: a second copy gets its own name"
    with pytest.raises(StoreError, match="nowhere"):
        table.save_to(tmp_path / "nowhere")


def test_a_read_only_disk_from_the_start_never_stops_the_game(disk, deck, tmp_path):
    root = tmp_path / "data"
    save_summary(_finished(deck, tmp_path / "x"), root)
    disk.read_only()
    table = Table.start(deck, conversation_setup(features=["binding"]), root)
    assert table.problem is not None and table.problem.errno == errno.EROFS
    for action in ROUND:
        assert table.do(action)
    assert table.phase == Phase.DONE and table.summary is not None and table.saved_to is None
    disk.free()
    assert table.save_again()
    assert len(list_summaries(root)[0]) == 2


@pytest.mark.parametrize("kind", ["file", "under a file"])
def test_a_data_folder_that_is_a_file_or_cannot_be_made_is_a_save_problem_not_a_crash(deck, tmp_path, kind):
    afile = tmp_path / "afile"
    afile.write_text("mine")
    root = afile if kind == "file" else afile / "data"
    table = Table.start(deck, conversation_setup(features=["binding"]), root)
    assert table.problem is not None and str(afile) in str(table.problem)
    for action in ROUND:
        assert table.do(action)
    assert table.phase == Phase.DONE and table.saved_to is None
    assert afile.read_text() == "mine"
    assert Table.resume(deck, root) is None


def test_every_folder_the_program_makes_is_0700_whatever_the_umask(deck, tmp_path):
    old = os.umask(0)
    try:
        table = Table.start(deck, conversation_setup(features=["binding"]), tmp_path / "a" / "b" / "c")
        for action in ROUND:
            table.do(action)
    finally:
        os.umask(old)
    assert table.saved_to is not None
    for folder in ("a", "a/b", "a/b/c", "a/b/c/sessions", "a/b/c/in-progress"):
        assert stat.S_IMODE((tmp_path / folder).stat().st_mode) == 0o700, folder
    old = os.umask(0o222)  # a umask that takes the owner's write bit: the folders are still usable, 0700
    try:
        table = Table.start(deck, conversation_setup(features=["binding"]), tmp_path / "d" / "e")
        assert table.problem is None
    finally:
        os.umask(old)
    assert stat.S_IMODE((tmp_path / "d").stat().st_mode) == 0o700


def test_a_real_tmpfs_that_fills_up_mid_session_and_is_freed(deck, tmp_path):
    with small_tmpfs(tmp_path / "disk", "256k") as mount:
        root = mount / "data"
        table = Table.start(deck, conversation_setup(), root)
        assert table.do(Continue()) and table.problem is None
        good = progress_path(root).read_bytes()
        filler = fill(mount)
        assert table.do(PlaceEstimate(player="p1", value=5))
        assert table.problem is not None and table.problem.errno == errno.ENOSPC
        assert progress_path(root).read_bytes() == good
        assert not [p for p in (root / "in-progress").iterdir() if p.name.endswith(".tmp")]
        filler.unlink()
        assert table.do(PlaceEstimate(player="p2", value=1)) and table.problem is None
        assert on_disk(root) == table.state
        remount(mount, "ro")
        try:
            assert table.do(Continue()) and table.problem.errno == errno.EROFS
            assert on_disk(root) != table.state  # not saved, but nothing damaged
            json.loads(progress_path(root).read_bytes())
        finally:
            remount(mount, "rw")
        assert table.do(Continue()) and on_disk(root) == table.state


def _finished(deck, root):
    table = Table.start(deck, conversation_setup(features=["vertrouwen"], pair_code="OLD1"), root)
    for action in ROUND:
        table.do(action)
    return table.summary


def test_a_summary_never_lands_beside_a_full_disk_half_written(disk, deck, tmp_path):
    root = tmp_path / "data"
    summary = _finished(deck, tmp_path / "first")
    disk.full()
    with pytest.raises(StoreError) as info:
        save_summary(summary, root)
    assert info.value.errno == errno.ENOSPC
    disk.free()
    assert list((root / SESSIONS).iterdir()) == [], "no half file, no temporary file"
    assert EndSession  # the end action is what the window sends; see tests/ui/test_disk_ui.py
