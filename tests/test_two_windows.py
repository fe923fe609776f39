"""Two windows on one data folder, as two real processes: a session a living process owns is never offered,
discarded or written by another; the second one starts its own session in its own autosave slot; two that
start at the same moment never share a file; when the owner dies its session is offered again."""

from __future__ import annotations

import json
import signal
import subprocess
import sys
import time
from pathlib import Path

from play_helpers import conversation_setup

from game.engine import Continue
from game.owner import slot_path
from game.table import Table

ROOT = Path(__file__).resolve().parents[1]

WINDOW = """
import sys, time
from pathlib import Path
from game.decks import load_deck
from game.engine import Continue
from game.model import FEATURE_IDS, Player, Role, Setup
from game.table import Table

root, pair, go = Path(sys.argv[1]), sys.argv[2], Path(sys.argv[3])
players = [Player(id="p1", name="A", role=Role.CLIENT), Player(id="p2", name="B", role=Role.PROFESSIONAL)]
setup = Setup(players=players, features=list(FEATURE_IDS), pair_code=pair)
deck = load_deck()
print("ready", flush=True)
while not go.exists():
    time.sleep(0.001)
table = Table.start(deck, setup, root)  # Start pressed
print(table.slot.path, flush=True)
for line in sys.stdin:  # one action per line, until stdin closes
    table.do(Continue())
    print(table.slot.path, table.problem, flush=True)
"""


class Window:
    """A separate process that plays a session on `root` (the table, as the window drives it)."""

    def __init__(self, root: Path, pair: str, go: Path):
        self.proc = subprocess.Popen([sys.executable, "-c", WINDOW, str(root), pair, str(go)], cwd=ROOT, text=True,
                                     stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
        assert self.proc.stdout.readline().strip() == "ready", self.proc.stderr.read()

    def slot(self) -> Path:
        return Path(self.proc.stdout.readline().strip())

    def act(self) -> str:
        self.proc.stdin.write("go\n")
        self.proc.stdin.flush()
        return self.proc.stdout.readline().strip()

    def kill(self) -> None:
        self.proc.send_signal(signal.SIGKILL)
        self.proc.wait(timeout=10)


def pair_of(path: Path) -> str:
    return json.loads(path.read_text(encoding="utf-8"))["setup"]["pair_code"]


def test_a_second_window_never_touches_a_living_session_and_gets_its_own_slot(deck, tmp_path):
    root = tmp_path / "data"
    go = tmp_path / "go"
    go.touch()
    first = Window(root, "AAA1", go)
    try:
        theirs = first.slot()
        assert theirs == slot_path(root, 1) and pair_of(theirs) == "AAA1"
        before = theirs.read_bytes()
        assert Table.resume(deck, root) is None, "a living window's session is never offered"
        assert Table.others(root) == 1
        mine = Table.start(deck, conversation_setup(pair_code="BBB2"), root)
        assert mine.slot.path == slot_path(root, 2) and mine.problem is None
        for _ in range(3):
            mine.do(Continue())
        assert theirs.read_bytes() == before, "never written by the second window"
        assert first.act().startswith(str(theirs))  # the first window plays on, in its own file
        assert pair_of(theirs) == "AAA1" and pair_of(mine.slot.path) == "BBB2"
        assert theirs.read_bytes() != before
    finally:
        first.kill()
    mine.release()
    resumed = Table.resume(deck, root)  # its owner is gone: now it is a crashed session, offered again
    assert resumed is not None and resumed.state.setup.pair_code in ("AAA1", "BBB2")
    resumed.release()


def test_forget_leaves_a_session_another_window_plays(deck, tmp_path, capsys):
    from game.cli import main

    root = tmp_path / "data"
    go = tmp_path / "go"
    go.touch()
    first = Window(root, "AB12", go)
    try:
        theirs = first.slot()
        assert main(["forget", "AB12", "--data-dir", str(root), "--yes"]) == 1
        assert theirs.exists()
        assert "Open in another window, not removed" in capsys.readouterr().err
    finally:
        first.kill()
    assert main(["forget", "AB12", "--data-dir", str(root), "--yes"]) == 0
    assert not theirs.exists()


def test_two_windows_pressing_start_at_the_same_moment_never_share_a_file(tmp_path):
    for attempt in range(3):
        root = tmp_path / f"data{attempt}"
        go = tmp_path / f"go{attempt}"
        windows = [Window(root, f"W{i}X{attempt}", go) for i in range(2)]
        try:
            time.sleep(0.05)
            go.touch()  # both press Start now
            slots = [w.slot() for w in windows]
            assert len(set(slots)) == 2, slots
            assert sorted(p.name for p in slots) == ["session-2.json", "session.json"]
            for w, path in zip(windows, slots, strict=True):
                assert w.act().startswith(str(path))
            assert {pair_of(p) for p in slots} == {f"W0X{attempt}", f"W1X{attempt}"}
        finally:
            for w in windows:
                w.kill()
