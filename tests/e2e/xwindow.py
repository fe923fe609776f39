"""Helpers for the end-to-end tests: waiting on a condition, and a private Xvfb display."""

from __future__ import annotations

import os
import shutil
import subprocess
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

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
