"""Helpers for the end-to-end tests: waiting on a condition, and a private Xvfb display."""

from __future__ import annotations

import json
import os
import re
import shutil
import signal
import subprocess
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

ROUNDS = [(4, 2), (3, 3), (5, 1), (2, 4)]  # (client, professional) in play_to_summary

NEEDS_X = pytest.mark.skipif(
    not (shutil.which("Xvfb") and shutil.which("xdotool")),
    reason="needs Xvfb and xdotool (.ci/run installs them)",
)


def wait_for(condition, what: str, timeout: float = 30.0, proc: subprocess.Popen | None = None):
    """Poll until condition() is truthy; a clear failure after `timeout` seconds (never a pass on time).

    With `proc`, a program that ends while we wait fails at once, with what it printed on stderr.
    """
    end = time.monotonic() + timeout
    while time.monotonic() < end:
        value = condition()
        if value:
            return value
        if proc is not None and proc.poll() is not None:
            err = proc.stderr.read() if proc.stderr else ""
            pytest.fail(f"the program ended (exit {proc.returncode}) while waiting for {what}:\n{err}")
        time.sleep(0.05)
    pytest.fail(f"timed out waiting for {what}")


@contextmanager
def xvfb(first: int, last: int) -> Iterator[str]:
    """A private Xvfb display with a number in [first, last); skips the test when none starts."""
    for n in range(first, last):
        if not Path(f"/tmp/.X{n}-lock").exists() and not Path(f"/tmp/.X11-unix/X{n}").exists():
            break
    else:
        pytest.skip("no free X display number")
    proc = subprocess.Popen(
        ["Xvfb", f":{n}", "-screen", "0", "1280x800x24", "-nolisten", "tcp"],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        socket = Path(f"/tmp/.X11-unix/X{n}")
        wait_for(lambda: socket.exists() or proc.poll() is not None, "Xvfb to start", 10)
        if proc.poll() is not None:
            pytest.skip("Xvfb did not start")
        env = dict(os.environ, DISPLAY=f":{n}")

        def answers() -> bool:  # the socket can exist a moment before the server takes clients
            probe = subprocess.run(["xdotool", "getdisplaygeometry"], env=env, capture_output=True, timeout=10)
            return probe.returncode == 0

        wait_for(answers, "Xvfb to answer", 20, proc)
        yield f":{n}"
    finally:
        proc.terminate()
        proc.wait(timeout=10)


def icon_size(window: str, env: dict[str, str]) -> tuple[int, int] | None:
    """The size of the window's icon (_NET_WM_ICON, what taskbars show), or None when it has none."""
    out = subprocess.run(["xprop", "-id", window, "_NET_WM_ICON"], env=env, capture_output=True, text=True).stdout
    size = re.search(r"=\s*(?:Icon \()?(\d+)\s*[x,]\s*(\d+)", out)  # "Icon (64 x 64):" or "= 64, 64, …"
    return (int(size[1]), int(size[2])) if size else None


def play_to_summary(argv: list[str], cwd: Path, env: dict[str, str], data: Path, window_class: str) -> dict:
    """Start the game (argv, with `--data-dir data`), play ROUNDS with xdotool key presses to the saved summary,
    close it with the summary's Close button; returns the summary as saved, with the window's icon size under
    "_icon" (None without xprop). env holds DISPLAY.

    Without a window manager `search --name` finds nothing; SDL names the window's class after the program.
    """
    game = subprocess.Popen(argv, cwd=cwd, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                            start_new_session=True)  # a group of its own: a failed test ends a traced child too

    def xdo(*args: str) -> None:
        subprocess.run(["xdotool", *args], env=env, check=True, capture_output=True, timeout=20)

    def found() -> list[str]:
        search = ["xdotool", "search", "--onlyvisible", "--class", window_class]
        return subprocess.run(search, env=env, capture_output=True, text=True).stdout.split()

    try:
        window = wait_for(found, "the game window", 60, game)[0]

        def title() -> str:
            return subprocess.run(["xdotool", "getwindowname", window], env=env, capture_output=True, text=True).stdout

        # the window opens first with a short title; the deck's name shows once the start screen is there
        wait_for(lambda: title().strip() == "Werkalliantiespel", "the start screen", 60, game)
        icon = icon_size(window, env) if shutil.which("xprop") else None
        xdo("mousemove", "--window", window, "640", "360")  # the pointer over the window gives it the keyboard
        progress = data / "in-progress" / "session.json"
        # Enter on the start screen begins with the defaults; Enter on the consent saves (autosaved at once)
        xdo("key", "--delay", "60", "Return", "Return")
        wait_for(progress.exists, "the session to start", proc=game)
        for client, pro in ROUNDS:
            # card read, hand-over, client picks, hand-over, professional picks, reveal, starter, reflection,
            # empty agreement
            keys = ["Return", "Return", str(client), "Return", "Return", str(pro), "Return", "Return", "Return"]
            xdo("key", "--delay", "60", *keys, "Return", "Return")
        sessions = data / "sessions"
        saved = wait_for(lambda: sorted(sessions.glob("*.json")) if sessions.is_dir() else [], "the summary file")
        summary = json.loads(saved[0].read_text(encoding="utf-8"))
        assert not progress.exists()
        xdo("key", "--delay", "60", "Tab", "Tab", "Return")  # on the summary: "Close"
        assert game.wait(timeout=20) == 0
    finally:
        if game.poll() is None:
            os.killpg(game.pid, signal.SIGKILL)
        _out, err = game.communicate(timeout=10)
    assert "Traceback" not in err, err
    return {**summary, "_icon": icon}
