"""When the first screen is complete, seen from outside: the pixels of a real X server, watched until they settle.

Xvfb keeps its screen in a memory-mapped file (`-fbdir`); this reads it every few milliseconds from launch on and
notes the last moment anything changed before the screen stayed still for a second. It needs no hook inside the
program, so it measures what a person sees: the bare pygame window (opened and filled) against `main.py play`
with its whole start screen, interleaved, median of several runs.

Run alone: .venv/bin/python bench/bench_settle.py [--repeat 5]
"""

from __future__ import annotations

import argparse
import mmap
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
import zlib
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
QUIET = 1.0  # seconds without a change that count as settled
POLL = 0.004  # seconds between looks at the screen
TIMEOUT = 20.0

BARE = """
import os, time
os.environ["PYGAME_HIDE_SUPPORT_PROMPT"] = "1"
import pygame
pygame.display.init()
screen = pygame.display.set_mode((1280, 720), pygame.RESIZABLE)
screen.fill((236, 228, 214))
pygame.display.flip()
while True:
    pygame.event.pump()
    time.sleep(0.03)
"""


class Screen:
    """An Xvfb with its framebuffer in a file; look() is a checksum of every pixel on it now."""

    def __init__(self) -> None:
        self.dir = Path(tempfile.mkdtemp(prefix="wa-settle-"))
        self.proc: subprocess.Popen | None = None
        for n in range(150, 200):
            if Path(f"/tmp/.X{n}-lock").exists() or Path(f"/tmp/.X11-unix/X{n}").exists():
                continue
            proc = subprocess.Popen(
                ["Xvfb", f":{n}", "-screen", "0", "1280x720x24", "-fbdir", str(self.dir), "-br", "-nolisten", "tcp"],
                stdout=subprocess.DEVNULL,
                stderr=subprocess.DEVNULL,
            )
            for _ in range(250):
                if Path(f"/tmp/.X11-unix/X{n}").exists() and (self.dir / "Xvfb_screen0").exists():
                    self.proc, self.display = proc, f":{n}"
                    break
                if proc.poll() is not None:
                    break
                time.sleep(0.02)
            if self.proc is not None:
                break
            proc.kill()
        if self.proc is None:
            raise RuntimeError("Xvfb with -fbdir did not start")
        time.sleep(0.3)  # the server takes clients a moment after its socket appears
        self._file = open(self.dir / "Xvfb_screen0", "rb")  # noqa: SIM115 - kept open for the whole run
        self._map = mmap.mmap(self._file.fileno(), 0, access=mmap.ACCESS_READ)
        self.empty = self.look()

    def look(self) -> int:
        return zlib.crc32(self._map)

    def close(self) -> None:
        self._map.close()
        self._file.close()
        if self.proc is not None:
            self.proc.terminate()
            self.proc.wait(timeout=10)
        shutil.rmtree(self.dir, ignore_errors=True)

    def settle_time(self, argv: list[str], env: dict[str, str]) -> float:
        """Seconds from launching argv to the last change of the screen before it stayed still for QUIET s."""
        env = dict(env, DISPLAY=self.display)
        env.pop("SDL_VIDEODRIVER", None)
        t0 = time.monotonic()
        proc = subprocess.Popen(argv, env=env, cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
        try:
            last, changed = self.empty, None
            while True:
                now = time.monotonic()
                seen = self.look()
                if seen != last:
                    last, changed = seen, now
                elif changed is not None and now - changed >= QUIET:
                    return changed - t0
                if now - t0 > TIMEOUT or proc.poll() is not None:
                    err = proc.stderr.read().decode(errors="replace")[-500:] if proc.poll() is not None else ""
                    raise RuntimeError(f"{argv[-1]}: the screen did not settle ({err.strip()})")
                time.sleep(POLL)
        finally:
            proc.kill()
            proc.wait()
            end = time.monotonic() + 5
            while self.look() != self.empty and time.monotonic() < end:  # the window is gone again
                time.sleep(0.01)


def settle_times(env: dict[str, str], repeat: int = 5) -> dict:
    """Median seconds until the screen settles: a bare pygame window vs `main.py play` (start screen)."""
    screen = Screen()
    bare, ours = [], []
    try:
        with tempfile.TemporaryDirectory() as tmp:
            ours_argv = [sys.executable, str(ROOT / "main.py"), "play", "--data-dir", tmp]
            screen.settle_time(ours_argv, env)  # once unmeasured: the files in the page cache, .pyc written
            for _ in range(repeat):  # interleaved, so both see the same machine load
                bare.append(screen.settle_time([sys.executable, "-c", BARE], env))
                ours.append(screen.settle_time(ours_argv, env))
    finally:
        screen.close()
    b, o = statistics.median(bare), statistics.median(ours)
    return {"bare_s": b, "ours_s": o, "ratio": o / b, "runs": repeat}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()
    env = dict(os.environ, SDL_AUDIODRIVER="dummy", PYGAME_HIDE_SUPPORT_PROMPT="1")
    r = settle_times(env, args.repeat)
    print(f"start screen settled {r['ours_s']:.3f} s vs bare {r['bare_s']:.3f} s = {r['ratio']:.2f}×")
    return 0


if __name__ == "__main__":
    sys.exit(main())
