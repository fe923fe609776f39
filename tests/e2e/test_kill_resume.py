"""End to end: the real `main.py play` is killed with SIGKILL mid-session in Xvfb; the next start offers the
session, Enter resumes it, and the saved summary has the same id, start time, estimates and notes."""

from __future__ import annotations

import json
import os
import shutil
import signal
import subprocess
import sys
from pathlib import Path

import pytest
from xwindow import NEEDS_X, wait_for, xvfb

ROOT = Path(__file__).resolve().parents[2]
NOTE = "Samen de brief lezen"

pytestmark = NEEDS_X



@pytest.fixture
def display():
    """A private Xvfb display for this test."""
    with xvfb(250, 350) as display:
        yield display


class Game:
    """One `main.py play` process in the X server, played with xdotool."""

    def __init__(self, display: str, data: Path, prefix: tuple[str, ...] = ()):
        self.env = dict(os.environ, DISPLAY=display, SDL_AUDIODRIVER="dummy")
        self.env.pop("SDL_VIDEODRIVER", None)
        self.proc = subprocess.Popen(
            [*prefix, sys.executable, "main.py", "play", "--data-dir", str(data)], cwd=ROOT, env=self.env,
            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, start_new_session=True,
        )
        # without a window manager `search --name` finds nothing; SDL names the window's class after main.py
        # a first start on a fresh clone compiles and loads more: allow a minute, but fail at once if it ends
        self.window = wait_for(lambda: self._run("search", "--onlyvisible", "--class", "main.py").split(),
                               "the game window", 60, self.proc)[0]
        wait_for(lambda: self._run("getwindowname", self.window) == "Werkalliantiespel", "the start screen", 60,
                 self.proc)
        self.xdo("mousemove", "--window", self.window, "640", "360")  # the pointer gives it the keyboard

    def _run(self, *args: str) -> str:
        return subprocess.run(["xdotool", *args], env=self.env, capture_output=True, text=True).stdout.strip()

    def xdo(self, *args: str) -> None:
        subprocess.run(["xdotool", *args], env=self.env, check=True, capture_output=True, timeout=30)

    def keys(self, *keys: str) -> None:
        self.xdo("key", "--delay", "60", *keys)

    def type(self, text: str) -> None:
        self.xdo("type", "--delay", "60", text)

    def stderr(self) -> str:
        if self.proc.poll() is None:
            os.killpg(self.proc.pid, signal.SIGKILL)  # the game and, under strace, strace as well
        return self.proc.communicate(timeout=10)[1]


def autosave(data: Path) -> dict | None:
    try:
        return json.loads((data / "in-progress" / "session.json").read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None


def estimates(state: dict | None) -> list[dict[str, int]]:
    rounds = state["rounds"] if state else []
    return [{pid: e["value"] for pid, e in r["estimates"].items()} for r in rounds]


def full_round(game: Game, client: int, pro: int) -> None:
    """Card read, hand-over, client picks, hand-over, professional picks; reveal, starter, reflection: at the
    agreement."""
    game.keys("Return", "Return", str(client), "Return", "Return", str(pro), "Return", *["Return"] * 3)


def test_a_session_killed_mid_round_resumes_with_enter_and_ends_with_what_was_given(display, tmp_path):
    data = tmp_path / "data"
    game = Game(display, data)
    try:
        game.keys("Return", "Return")  # start with the defaults, consent: save (autosaved at once)
        first = wait_for(lambda: autosave(data), "the session to start")
        full_round(game, 4, 2)
        wait_for(lambda: (autosave(data) or {}).get("phase") == "agree", "the agreement of round 1")
        game.type(NOTE)
        game.keys("Return")
        game.keys("Return", "Return", "5", "Return")  # round 2: only the client's hidden estimate
        expected = [{"p1": 4, "p2": 2}, {"p1": 5}]
        before = wait_for(lambda: (s := autosave(data)) and estimates(s) == expected and s,
                          "the client's estimate of round 2 in the autosave")
        assert before["rounds"][0]["notes"] == [NOTE]
        assert before["session_id"] == first["session_id"] and before["started_at"] == first["started_at"]
        os.kill(game.proc.pid, signal.SIGKILL)  # no goodbye: what is on disk is all there is
        assert game.proc.wait(timeout=10) == -signal.SIGKILL
    finally:
        err = game.stderr()
    assert "Traceback" not in err, err
    assert autosave(data) == before and not (data / "sessions").exists()

    game = Game(display, data)  # the next start
    try:
        game.keys("Return")  # resume is the default: the professional's hand-over of round 2
        game.keys("Return", "1", "Return", "Return", "Return", "Return", "Return")
        wait_for(lambda: estimates(autosave(data))[-1:] == [{}], "round 3")  # the third card is dealt
        full_round(game, 3, 3)
        wait_for(lambda: (autosave(data) or {}).get("phase") == "agree", "the agreement of round 3")
        game.type("Volgende keer eerst bellen")
        game.keys("Return")
        full_round(game, 2, 4)
        game.keys("Return")  # no agreement in round 4: the session ends and is saved
        sessions = data / "sessions"
        saved = wait_for(lambda: sorted(sessions.glob("*.json")) if sessions.is_dir() else [], "the summary")
        summary = json.loads(saved[0].read_text(encoding="utf-8"))
        assert game.proc.poll() is None  # the window is still open on the summary
    finally:
        err = game.stderr()
    assert "Traceback" not in err, err
    assert len(saved) == 1 and autosave(data) is None
    assert summary["session_id"] == before["session_id"]
    started = summary["started_at"].replace("Z", "+00:00")
    assert started == before["started_at"].replace("Z", "+00:00")
    got = [tuple(e["value"] for e in r["estimates"]) for r in summary["rounds"]]
    assert got == [(4, 2), (5, 1), (3, 3), (2, 4)]
    assert [r["notes"] for r in summary["rounds"]] == [[NOTE], [], ["Volgende keer eerst bellen"], []]
    assert [a["text"] for a in summary["agreements"]] == [NOTE, "Volgende keer eerst bellen"]
    assert not summary["ended_early"]


# Every fsync of the program waits 1.5 s (strace injects the delay in the kernel call), so a kill lands inside
# a write: the temporary file is written, not yet renamed.
SLOW_FSYNC = ("strace", "-f", "-qq", "-o", "/dev/null", "-e", "trace=fsync", "-e",
              "inject=fsync:delay_enter=1500000")


def temp_files(data: Path) -> list[Path]:
    folder = data / "in-progress"
    return sorted(folder.glob(".*.tmp")) if folder.is_dir() else []


@pytest.mark.skipif(shutil.which("strace") is None, reason="needs strace to slow the writes down")
def test_a_kill_during_a_write_keeps_the_last_autosave_and_the_next_start_leaves_no_temporary_file(
        display, tmp_path):
    data = tmp_path / "data"
    game = Game(display, data, SLOW_FSYNC)
    try:
        game.keys("Return", "Return")  # start, consent: save; the first autosave (slowly)
        first = wait_for(lambda: autosave(data), "the first autosave", 30)
        wait_for(lambda: not temp_files(data), "the first write to end", 30)
        game.keys("Return")  # the card is read: the next autosave begins
        tmp = wait_for(lambda: temp_files(data), "a write in progress", 30)[0]
        pid = int(tmp.name.split(".")[-3])  # .session.json.PID.RANDOM.tmp: the game, not strace
        os.kill(pid, signal.SIGKILL)  # inside the write: written, not yet renamed
        game.proc.wait(timeout=30)
    finally:
        err = game.stderr()
    assert "Traceback" not in err, err
    assert temp_files(data) == [tmp], "the kill landed inside the write"
    assert autosave(data) == first, "the last whole autosave is untouched"

    game = Game(display, data)  # the next start, at normal speed
    try:
        wait_for(lambda: not temp_files(data), "the temporary file to be removed", 30, game.proc)
        game.keys("Return")  # resume is offered and is the default
        game.keys("Return")  # the card is read (again): this autosave goes through
        wait_for(lambda: (autosave(data) or {}).get("phase") == "estimate", "the session to go on", 30)
        assert autosave(data)["session_id"] == first["session_id"]
        assert game.proc.poll() is None
    finally:
        err = game.stderr()
    assert "Traceback" not in err, err
    assert temp_files(data) == []
