"""The window's speed: idle CPU on the table, frame times while animating, time to the first frame.

Targets (issue 3): idle below 3 % of one core over 10 s; 95 % of animation frames at 1920×1080 under 8 ms;
start to window at most 2× a bare pygame program measured side by side.

Run: .venv/bin/python bench/bench_ui.py [--seconds 10] [--driver auto|x11|dummy]
With --driver auto (default) an X server is used: $DISPLAY if set, else Xvfb started here,
else the dummy driver.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

# Both programs report (to stdout) the wall-clock time of their first flip ("window") and, for ours, of
# the first frame of the start screen ("frame"); the parent subtracts the time it launched them.
MARK = """
import time, pygame
_flip = pygame.display.flip
def _marked_flip(*args):
    _flip(*args)
    if not getattr(_marked_flip, "seen", False):
        _marked_flip.seen = True
        print("window", time.time(), flush=True)
pygame.display.flip = _marked_flip
"""

BARE = (
    MARK
    + """
import os
os.environ["PYGAME_HIDE_SUPPORT_PROMPT"] = "1"
pygame.display.init()
screen = pygame.display.set_mode((1280, 720), pygame.RESIZABLE)
screen.fill((236, 228, 214))
pygame.display.flip()
"""
)

OURS = (
    MARK
    + """
import importlib.abc, importlib.util, sys

class PatchWhenImported(importlib.abc.MetaPathFinder):
    # note the first frame (the start screen) and stop at the loop, without importing game.ui.app early

    def find_spec(self, name, path, target=None):
        if name != "game.ui.app":
            return None
        sys.meta_path.remove(self)
        spec = importlib.util.find_spec(name)
        run_module = spec.loader.exec_module

        def exec_module(module):
            run_module(module)
            draw = module.App.draw

            def first_frame(self):
                draw(self)
                module.App.draw = draw
                print("frame", time.time(), flush=True)

            module.App.draw = first_frame
            module.App.run = lambda self, seconds=None: 0

        spec.loader.exec_module = exec_module
        return spec

sys.meta_path.insert(0, PatchWhenImported())
from game.cli import main
sys.exit(main(["play", "--data-dir", sys.argv[1]]))
"""
)


# --- an X server for the run ----------------------------------------------------------------------


def start_xvfb() -> tuple[subprocess.Popen | None, str | None]:
    """Xvfb on a free display number, or (None, None) when Xvfb is not installed."""
    if not shutil.which("Xvfb"):
        return None, None
    for n in range(97, 140):
        if Path(f"/tmp/.X{n}-lock").exists() or Path(f"/tmp/.X11-unix/X{n}").exists():
            continue
        proc = subprocess.Popen(
            ["Xvfb", f":{n}", "-screen", "0", "1920x1200x24", "-nolisten", "tcp"],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        for _ in range(100):
            if Path(f"/tmp/.X11-unix/X{n}").exists():
                return proc, f":{n}"
            if proc.poll() is not None:
                break
            time.sleep(0.02)
        proc.kill()
    return None, None


def child_env(display: str | None) -> dict[str, str]:
    env = dict(os.environ, SDL_AUDIODRIVER="dummy", PYGAME_HIDE_SUPPORT_PROMPT="1")
    env.pop("SDL_VIDEODRIVER", None)
    if display:
        env["DISPLAY"] = display
    else:
        env["SDL_VIDEODRIVER"] = "dummy"
    return env


# --- the measurements (each runs in a child process with the same environment) --------------------


def _session_app(size: tuple[int, int]):
    """A window with a session started at the table, everything at rest."""
    import pygame

    from game.decks import load_deck
    from game.ui.app import App

    app = App(load_deck(), Path(tempfile.mkdtemp()), size=size, seed=3)
    app.open()
    for _ in range(2):  # start with the defaults, then the consent: save
        pygame.event.post(pygame.event.Event(pygame.KEYDOWN, key=pygame.K_RETURN, mod=0))
        app.step(0.0)
    app.settle()
    app.draw()
    return app


def idle_cpu(seconds: float) -> dict:
    """CPU time of the real loop with the table open and nothing happening, as % of one core."""
    app = _session_app((1280, 720))
    frames = app.frames
    r0 = resource.getrusage(resource.RUSAGE_SELF)
    t0 = time.perf_counter()
    app.run(seconds=seconds)
    wall = time.perf_counter() - t0
    r1 = resource.getrusage(resource.RUSAGE_SELF)
    cpu = (r1.ru_utime - r0.ru_utime) + (r1.ru_stime - r0.ru_stime)
    return {"cpu_percent": 100 * cpu / wall, "seconds": wall, "frames_drawn": app.frames - frames}


def frame_times(size: tuple[int, int], frames: int = 240) -> dict:
    """Milliseconds per animation frame (update + draw + flip): the deal, then the reveal's flip."""
    import pygame

    from game.engine import Phase

    app = _session_app(size)
    scene = app.top
    times: list[float] = []
    present: list[float] = []  # every flip / update: handing the pixels to the window system
    per_frame: list[float] = []  # of each measured frame's time, how much was that hand-over
    real_flip, real_update = pygame.display.flip, pygame.display.update

    def timed(fn):
        def wrapper(*args):
            t0 = time.perf_counter()
            fn(*args)
            present.append((time.perf_counter() - t0) * 1000)

        return wrapper

    pygame.display.flip, pygame.display.update = timed(real_flip), timed(real_update)

    def run(kind: str, count: int) -> None:
        while len(times) < count:
            if not scene.animating:  # start the scene's own animation again, the way the game does
                if kind == "deal":
                    scene.dealt = None
                else:
                    scene.revealed = None
                scene.sync()
            t0 = time.perf_counter()
            before = len(present)
            app.update(1 / 60)
            app.draw()
            times.append((time.perf_counter() - t0) * 1000)
            per_frame.append(sum(present[before:]))

    run("deal", frames // 2)
    # play to the reveal: both estimates placed
    for key in (
        pygame.K_RETURN,
        pygame.K_RETURN,
        pygame.K_3,
        pygame.K_RETURN,
        pygame.K_RETURN,
        pygame.K_5,
        pygame.K_RETURN,
    ):
        pygame.event.post(pygame.event.Event(pygame.KEYDOWN, key=key, mod=0))
        app.step(0.0)
    app.settle()
    scene = app.top
    assert app.table.phase == Phase.REVEAL
    run("flip", frames)
    pygame.display.flip, pygame.display.update = real_flip, real_update
    drawing = sorted(t - p for t, p in zip(times, per_frame, strict=True))
    times.sort()
    return {
        "p50_ms": statistics.median(times),
        "p95_ms": times[int(0.95 * (len(times) - 1))],
        "draw_p50_ms": statistics.median(drawing),
        "draw_p95_ms": drawing[int(0.95 * (len(drawing) - 1))],
        "frames": len(times),
        "size": f"{size[0]}x{size[1]}",
    }


def start_times(env: dict[str, str], repeat: int) -> dict:
    """Seconds from launch to the window (and to our start screen): bare pygame vs `main.py play`."""

    def once(code: str, *args: str) -> dict[str, float]:
        t0 = time.time()
        out = subprocess.run(
            [sys.executable, "-c", code, *args], env=env, cwd=ROOT, check=True, capture_output=True, text=True
        ).stdout
        marks = dict(line.split() for line in out.splitlines() if line.startswith(("window", "frame")))
        return {name: float(stamp) - t0 for name, stamp in marks.items()}

    with tempfile.TemporaryDirectory() as tmp:
        bare, ours, frame = [], [], []
        for _ in range(repeat):  # interleaved, so both see the same machine load
            bare.append(once(BARE)["window"])
            run = once(OURS, tmp)
            ours.append(run["window"])
            frame.append(run["frame"])
    b, o, f = statistics.median(bare), statistics.median(ours), statistics.median(frame)
    return {"bare_s": b, "ours_s": o, "ratio": o / b, "frame_s": f, "frame_ratio": f / b}


# --- running ---------------------------------------------------------------------------------------


def in_child(what: str, env: dict[str, str], *args: str) -> dict:
    out = subprocess.run(
        [sys.executable, __file__, "--child", what, *args],
        env=env,
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=True,
    )
    return json.loads(out.stdout.strip().splitlines()[-1])


def _frame(r: dict) -> str:
    return (
        f"p50 {r['p50_ms']:.2f} ms, p95 {r['p95_ms']:.2f} ms "
        f"(drawing alone p50 {r['draw_p50_ms']:.2f}, p95 {r['draw_p95_ms']:.2f})"
    )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seconds", type=float, default=10.0, help="idle measurement time (default 10)")
    parser.add_argument("--driver", choices=("auto", "x11", "dummy"), default="auto")
    parser.add_argument("--repeat", type=int, default=7, help="start-time runs of each program (default 7)")
    parser.add_argument("--child", nargs="+", help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.child:
        what, *rest = args.child
        if what == "idle":
            result = idle_cpu(float(rest[0]))
        else:
            w, h = (int(v) for v in rest[0].split("x"))
            result = frame_times((w, h))
        print(json.dumps(result))
        return 0

    xvfb, display = None, None
    if args.driver in ("auto", "x11"):
        display = os.environ.get("DISPLAY")
        if not display:
            xvfb, display = start_xvfb()
        if args.driver == "x11" and not display:
            print("no X server: install Xvfb or set DISPLAY", file=sys.stderr)
            return 1
    env = child_env(display)
    try:
        idle = in_child("idle", env, str(args.seconds))
        small = in_child("frames", env, "1280x720")
        big = in_child("frames", env, "1920x1080")
        start = start_times(env, args.repeat)
    finally:
        if xvfb is not None:
            xvfb.terminate()
            xvfb.wait()
    driver = f"X11 {display}" if display else "SDL dummy"
    rows = [
        (
            "idle CPU on the table",
            f"{idle['cpu_percent']:.2f} % of a core over {idle['seconds']:.1f} s "
            f"({idle['frames_drawn']} frames drawn)",
            "< 3 %",
            idle["cpu_percent"] < 3,
        ),
        ("animation frame 1280×720", _frame(small), "", True),
        ("animation frame 1920×1080", _frame(big), "p95 < 8 ms", big["p95_ms"] < 8),
        (
            "start to the window",
            f"bare pygame {start['bare_s']:.3f} s, main.py play {start['ours_s']:.3f} s "
            f"= {start['ratio']:.2f}×",
            "≤ 2×",
            start["ratio"] <= 2,
        ),
        (
            "start to the start screen",
            f"main.py play {start['frame_s']:.3f} s = {start['frame_ratio']:.2f}× bare",
            "",
            True,
        ),
    ]
    load = os.getloadavg()[0]
    print(
        f"Werkalliantie window benchmark ({driver}, Python {sys.version.split()[0]}, "
        f"load {load:.1f} on {os.cpu_count()} cores)"
    )
    width = max(len(r[0]) for r in rows)
    for name, value, target, ok in rows:
        mark = "" if not target else ("  ok" if ok else "  OVER")
        print(f"  {name:<{width}}  {value}  {target}{mark}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
