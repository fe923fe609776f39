"""No network socket, seen from outside the process: a whole session in a real window (Xvfb), then `report` and
`history`, all under `strace -f -e trace=socket,connect`, which sees every socket the process and its libraries
(SDL, Xlib, C code) ask the kernel for. Local sockets are allowed and expected: SDL talks to the X display over
AF_UNIX, and may listen to device events over AF_NETLINK. Any AF_INET or AF_INET6 socket fails the test."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from xwindow import NEEDS_X, ROUNDS, play_to_summary, xvfb

ROOT = Path(__file__).resolve().parents[2]
NETWORK = {"AF_INET", "AF_INET6", "PF_INET", "PF_INET6"}

pytestmark = [NEEDS_X, pytest.mark.skipif(not shutil.which("strace"), reason="needs strace (.ci/run installs it)")]


def traced(log: Path) -> list[str]:
    """The command prefix that records every socket() and connect() of a program and its children in log.

    With --seccomp-bpf only those two calls stop the program (strace falls back to tracing all where the kernel
    does not allow it): the window runs almost at full speed, so key presses are not repeated by a slow loop."""
    return ["strace", "-f", "--seccomp-bpf", "-qq", "-e", "trace=socket,connect", "-o", str(log)]


def families(log: Path) -> list[str]:
    """The address family of every socket() and connect() in an strace log (in the order they happened)."""
    text = log.read_text(encoding="utf-8", errors="replace")
    return [a or b for a, b in re.findall(r"\bsocket\((\w+)|\bsa_family=(\w+)", text)]


def test_the_check_sees_a_network_socket_made_anywhere_in_a_process(tmp_path):
    log = tmp_path / "bait.log"
    bait = "import socket; socket.socket(socket.AF_INET6).close()"
    subprocess.run([*traced(log), sys.executable, "-c", bait], check=True, timeout=60)
    assert "AF_INET6" in families(log)


def test_a_whole_session_in_a_real_window_then_report_and_history_open_no_network_socket(tmp_path):
    data = tmp_path / "data"
    logs = [tmp_path / name for name in ("play.log", "report.log", "history.log")]
    with xvfb(250, 350) as display:
        env = dict(os.environ, DISPLAY=display, SDL_AUDIODRIVER="dummy")
        env.pop("SDL_VIDEODRIVER", None)
        argv = [*traced(logs[0]), sys.executable, "main.py", "play", "--data-dir", str(data)]
        summary = play_to_summary(argv, ROOT, env, data, "main.py")
    assert [tuple(e["value"] for e in r["estimates"]) for r in summary["rounds"]] == ROUNDS
    saved = next((data / "sessions").glob("*.json"))
    for log, command in ((logs[1], ["report", str(saved), "--out", str(tmp_path / "report.pdf")]),
                         (logs[2], ["history", "--data-dir", str(data)])):
        done = subprocess.run([*traced(log), sys.executable, "main.py", *command], cwd=ROOT, env=env,
                              capture_output=True, text=True, timeout=120)
        assert done.returncode == 0 or command[0] == "history", done.stderr[-2000:]  # history: "no pair codes"
        assert "Traceback" not in done.stderr, done.stderr[-2000:]
    seen = {log.name: families(log) for log in logs}
    assert "AF_UNIX" in seen["play.log"], "strace saw the window's connection to the X display"
    network = {name: sorted(set(found) & NETWORK) for name, found in seen.items() if set(found) & NETWORK}
    assert network == {}, f"network sockets: {network}"
