"""Files in the data folder: no link inside it is followed, written through or removed; temporary files left by a
write that was killed are removed at the next start and on discard; a process killed during a write never
leaves a damaged autosave."""

from __future__ import annotations

import json
import os
import signal
import stat
import subprocess
import sys
import time
from pathlib import Path

import pytest
from play_helpers import conversation_setup

from game.engine import Continue, PlaceEstimate
from game.store import (
    DamagedProgress,
    LinkRefused,
    clear_progress,
    list_summaries,
    progress_path,
    save_progress,
    save_summary,
    scan_pairs,
)
from game.table import Table

ROOT = Path(__file__).resolve().parents[1]
ROUND = [Continue(), PlaceEstimate(player="p1", value=4), PlaceEstimate(player="p2", value=2), Continue(),
         Continue(), Continue(), Continue()]


def finished_table(deck, root: Path, pair: str = "AB12") -> Table:
    table = Table.start(deck, conversation_setup(features=["binding"], pair_code=pair), root)
    for action in ROUND:
        table.do(action)
    return table


# --- links ---------------------------------------------------------------------------------------


def test_a_sessions_link_is_not_written_through_and_its_target_keeps_its_mode(deck, tmp_path):
    root = tmp_path / "data"
    outside = tmp_path / "outside"
    outside.mkdir(mode=0o755)
    os.chmod(outside, 0o755)
    root.mkdir()
    (root / "sessions").symlink_to(outside)
    table = finished_table(deck, root)
    assert table.saved_to is None and isinstance(table.problem, LinkRefused)
    assert "is a link" in str(table.problem) and "\n" not in str(table.problem)
    assert list(outside.iterdir()) == [] and stat.S_IMODE(outside.stat().st_mode) == 0o755
    good, bad = list_summaries(root)
    assert good == [] and "is a link" in bad[0]


def test_an_in_progress_link_is_kept_aside_never_followed(deck, tmp_path):
    root = tmp_path / "data"
    outside = tmp_path / "outside"
    outside.mkdir()
    (outside / "session.json").write_text("theirs")
    root.mkdir()
    (root / "in-progress").symlink_to(outside)
    with pytest.raises(DamagedProgress, match="is a link"):
        Table.resume(deck, root)
    assert (outside / "session.json").read_text() == "theirs"
    table = Table.start(deck, conversation_setup(), root)
    assert table.problem is None and not os.path.islink(root / "in-progress")
    assert (outside / "session.json").read_text() == "theirs" and len(list(outside.iterdir())) == 1


def test_forget_neither_follows_nor_removes_links(deck, tmp_path, capsys):
    from game.cli import main

    root = tmp_path / "data"
    finished_table(deck, root)
    outside = tmp_path / "outside"
    outside.mkdir()
    theirs = save_summary(finished_table(deck, tmp_path / "elsewhere").summary, outside)
    (root / "sessions" / "link.json").symlink_to(theirs)  # a file link: someone else's summary of AB12
    (root / "in-progress").mkdir(exist_ok=True)
    (root / "in-progress" / "session.json").symlink_to(theirs)
    assert main(["forget", "AB12", "--data-dir", str(root), "--yes"]) == 0
    out, err = capsys.readouterr()
    assert "Removed 1 file of pair 'AB12'" in out
    assert err.count("A link, not followed and not removed") == 2
    assert theirs.exists() and os.path.islink(root / "sessions" / "link.json")
    pairs, unreadable = scan_pairs(root)
    assert pairs == {} and len(unreadable) == 2


def test_forget_does_not_go_through_a_sessions_link(deck, tmp_path, capsys):
    from game.cli import main

    root = tmp_path / "data"
    outside = tmp_path / "outside"
    theirs = save_summary(finished_table(deck, tmp_path / "elsewhere").summary, outside)
    root.mkdir()
    (root / "sessions").symlink_to(outside / "sessions")
    assert main(["forget", "AB12", "--data-dir", str(root), "--yes"]) == 1
    assert theirs.exists()
    assert "A link, not followed" in capsys.readouterr().err


# --- temporary files -----------------------------------------------------------------------------


def _dead_pid() -> int:
    proc = subprocess.Popen([sys.executable, "-c", "pass"])
    proc.wait()
    return proc.pid


def test_stale_temporary_files_go_at_the_next_start_but_a_living_writer_keeps_its_own(deck, tmp_path):
    root = tmp_path / "data"
    save_progress(root, finished_table(deck, tmp_path / "x").state.model_dump_json())
    folder = progress_path(root).parent
    sessions = root / "sessions"
    sessions.mkdir()
    dead = _dead_pid()
    stale = [folder / f".session.json.{dead}.a1b2c3d4.tmp", folder / ".session.json.k2j3h4g5.tmp",
             sessions / f".20261129-100000-abcdef12.json.{dead}.00ff00ff.tmp"]
    busy = folder / f".session-2.json.{os.getppid()}.0a0b0c0d.tmp"  # a living process (pytest's parent)
    for path in [*stale, busy]:
        path.write_text('{"pair_code": "AB12", "notes": "what was said"}')
    Table.resume(deck, root)
    assert [p for p in stale if p.exists()] == []
    assert busy.exists(), "a write in progress in another window is left alone"
    os.utime(busy, (time.time() - 7200, time.time() - 7200))
    Table.resume(deck, root)
    assert not busy.exists(), "two hours old: no write takes that long"


def test_discard_removes_the_autosave_and_every_temporary_copy(deck, tmp_path):
    root = tmp_path / "data"
    table = Table.start(deck, conversation_setup(), root)
    table.do(Continue())
    folder = progress_path(root).parent
    copy = folder / f".session.json.{_dead_pid()}.12345678.tmp"
    copy.write_bytes(progress_path(root).read_bytes())
    clear_progress(root, table.slot.n)
    assert [p.name for p in folder.iterdir() if not p.name.endswith(".lock")] == []


KILL_WRITER = """
import sys
from pathlib import Path
from game.store import save_progress
root, state = Path(sys.argv[1]), sys.stdin.read()
print("ready", flush=True)
while True:
    save_progress(root, state)
"""


def test_a_kill_during_a_write_leaves_a_whole_autosave_and_the_next_start_no_temporary_file(deck, tmp_path):
    """SIGKILL a process that writes the autosave over and over, at random moments: some kills land inside
    a write (a temporary file is left), none leaves a damaged autosave, and the next start removes the rest."""
    table = Table.start(deck, conversation_setup(), tmp_path / "seed")
    for action in ROUND * 2:
        table.do(action)
    state = table.state.model_dump_json()
    root = tmp_path / "data"
    save_progress(root, state)
    folder = progress_path(root).parent
    left, kills = 0, 20
    for i in range(kills):
        proc = subprocess.Popen([sys.executable, "-c", KILL_WRITER, str(root)], cwd=ROOT, text=True,
                                stdin=subprocess.PIPE, stdout=subprocess.PIPE)
        proc.stdin.write(state)
        proc.stdin.close()
        assert proc.stdout.readline().strip() == "ready"
        time.sleep(0.02 + (i % 7) * 0.011)
        proc.send_signal(signal.SIGKILL)
        proc.wait()
        temps = [p for p in folder.iterdir() if p.name.endswith(".tmp")]
        left += bool(temps)
        assert json.loads(progress_path(root).read_bytes())["session_id"] == table.state.session_id
        resumed = Table.resume(deck, root)  # the next start
        assert [p for p in folder.iterdir() if p.name.endswith(".tmp")] == []
        assert resumed is not None and resumed.state == table.state
        resumed.release()
    print(f"{left} of {kills} kills landed inside a write")
    assert left >= 1, "no kill landed inside a write: the test proves nothing"
