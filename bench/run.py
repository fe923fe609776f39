"""The benchmark in one table (issue 7): `make bench` or `.venv/bin/python bench/run.py`.

Measures, each against its target, with a pass/fail column and the machine it ran on:
  time to the window      `main.py play` vs a bare pygame window, interleaved in the same run (ratio ≤ 2)
  start screen settled    the pixels of an Xvfb watched from launch until they stay still: `main.py play` with its
                          whole start screen vs the bare window (ratio ≤ 1.5; bench/bench_settle.py)
  idle CPU on the table   the real loop with a session open and nothing happening, 10 s (< 3 % of a core)
  frame time              p50/p95 while the deal and the reveal animate, 1280×720 and 1920×1080 (p95 < 8 ms)
  print time              the whole deck as a print-ready PDF, per language, in process (< 1 s)
  peak memory             RSS high-water mark of a process that plays a whole session in the window (< 150 MB)
  summary save time       game.store.save_summary (atomic, fsync), median of many (< 20 ms)
  phones                  last phone's choice to the reveal, loopback p95 (< 100 ms); idle CPU waiting (< 2 %)

The window measures run in a real X server: $DISPLAY if set, else an Xvfb started here; only when neither
exists they fall back to SDL's dummy driver, and the table says so. Every measure runs in its own process.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
import uuid
from pathlib import Path

BENCH = Path(__file__).resolve().parent
ROOT = BENCH.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(BENCH))

import bench_phones  # noqa: E402 - the phones' measures (issue 15)
import bench_settle  # noqa: E402 - the start screen seen from outside, in an Xvfb of its own
import bench_ui  # noqa: E402 - the window measures (idle, frames, start), shared with bench/bench_ui.py

SAVES = 200  # summary saves to take the median of


# --- measures that run in a child process -----------------------------------------------------------------


def peak_memory() -> dict:
    """Play a whole session (four topics, agreements, the summary) in the window: the RSS high-water mark."""
    import pygame

    from game.decks import load_deck
    from game.engine import Phase
    from game.ui.app import App

    def key(k: int) -> None:
        pygame.event.post(pygame.event.Event(pygame.KEYDOWN, key=k, mod=0, unicode="", scancode=0))
        app.step(0.0)

    with tempfile.TemporaryDirectory() as tmp:
        app = App(load_deck(), Path(tmp), size=(1280, 720), seed=3)
        app.open()
        app.draw()
        key(pygame.K_RETURN)  # the start screen: the defaults
        key(pygame.K_RETURN)  # the consent: save the summary
        for client, pro in ((4, 2), (3, 3), (5, 1), (2, 4)):
            for k in (
                pygame.K_RETURN,
                pygame.K_RETURN,
                pygame.K_0 + client,
                pygame.K_RETURN,
                pygame.K_RETURN,
                pygame.K_0 + pro,
                pygame.K_RETURN,
                pygame.K_RETURN,
                pygame.K_RETURN,
                pygame.K_RETURN,
            ):
                key(k)
                app.update(1 / 60)
                app.draw()
            pygame.event.post(pygame.event.Event(pygame.TEXTINPUT, text="Volgende keer bellen we eerst."))
            key(pygame.K_RETURN)
        assert app.table is not None and app.table.phase == Phase.DONE and app.table.saved_to is not None
        app.settle()
        app.draw()  # the summary on screen
        key(pygame.K_F1)  # and the rules
        app.draw()
    peak_kb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss  # Linux: kilobytes
    return {"peak_mb": peak_kb / 1024}


def save_time(count: int = SAVES) -> dict:
    """Milliseconds per game.store.save_summary of a whole session's summary (each a new file)."""
    from game.decks import load_deck
    from game.engine import AddNote, Continue, Phase, PlaceEstimate
    from game.model import Player, Role, Setup
    from game.store import save_summary
    from game.table import Table

    deck = load_deck()
    players = [
        Player(id="p1", name="Sam", role=Role.CLIENT),
        Player(id="p2", name="Noor", role=Role.PROFESSIONAL),
    ]
    setup = Setup(
        players=players, features=[f.id for f in deck.features], cards_per_feature=2, pair_code="JD-12"
    )
    table = Table.start(deck, setup, None)
    while table.phase != Phase.DONE:
        waiting = table.state.waiting_for()
        if waiting:
            action = PlaceEstimate(player=waiting[0], value=2 + len(table.state.rounds) % 4)
        elif table.phase == Phase.AGREE and not table.state.current.notes:
            action = AddNote(text="Volgende keer bellen we eerst, en Noor legt de regels uit.")
        else:
            action = Continue()
        table.do(action)
    summary = table.summary
    assert summary is not None
    times = []
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        for _ in range(count):
            one = summary.model_copy(update={"session_id": uuid.uuid4().hex})
            t0 = time.perf_counter()
            save_summary(one, root)
            times.append((time.perf_counter() - t0) * 1000)
        size = next((root / "sessions").iterdir()).stat().st_size
    times.sort()
    return {
        "median_ms": statistics.median(times),
        "p95_ms": times[int(0.95 * (len(times) - 1))],
        "count": count,
        "bytes": size,
    }


def print_time(lang: str) -> dict:
    import bench_print

    seconds = bench_print.print_seconds(lang)  # best of 3 in process, deck loading included
    runs = [
        bench_print.process_seconds(lang) for _ in range(3)
    ]  # the whole command, interpreter start included
    return {
        "seconds": seconds,
        "process_seconds": statistics.median(r[0] for r in runs),
        "kb": runs[0][1] / 1024,
    }


def versions() -> dict:
    import pygame

    return {"pygame": pygame.version.ver, "sdl": ".".join(str(v) for v in pygame.get_sdl_version())}


CHILDREN = {
    "memory": lambda args: peak_memory(),
    "save": lambda args: save_time(),
    "print": lambda args: print_time(args[0]),
    "versions": lambda args: versions(),
    "phones": lambda args: bench_phones.measure(),
}


def child(what: str, env: dict[str, str], *args: str) -> dict:
    out = subprocess.run(
        [sys.executable, __file__, "--child", what, *args], env=env, cwd=ROOT, capture_output=True, text=True
    )
    if out.returncode != 0:
        raise SystemExit(f"bench/run.py: the '{what}' measure failed:\n{out.stderr.strip()[-2000:]}")
    return json.loads(out.stdout.strip().splitlines()[-1])


# --- the machine ------------------------------------------------------------------------------------------


def cpu_model() -> str:
    try:
        for line in Path("/proc/cpuinfo").read_text(encoding="utf-8").splitlines():
            if line.startswith("model name"):
                return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor() or platform.machine()


def hypervisor() -> str:
    try:
        flags = next(
            line
            for line in Path("/proc/cpuinfo").read_text(encoding="utf-8").splitlines()
            if line.startswith("flags")
        )
    except (OSError, StopIteration):
        return ""
    return " (virtual machine)" if " hypervisor" in flags else ""


# --- the table ---------------------------------------------------------------------------------------------


def verdict(ok: bool) -> str:
    return "pass" if ok else "FAIL"


def table(rows: list[tuple[str, str, str, bool]]) -> str:
    head = ("measure", "result", "target", "")
    widths = [max(len(r[i]) for r in [head, *rows]) for i in range(3)]
    lines = [
        f"| {head[0]:<{widths[0]}} | {head[1]:<{widths[1]}} | {head[2]:<{widths[2]}} | pass |",
        f"|{'-' * (widths[0] + 2)}|{'-' * (widths[1] + 2)}|{'-' * (widths[2] + 2)}|------|",
    ]
    for name, value, target, ok in rows:
        lines.append(
            f"| {name:<{widths[0]}} | {value:<{widths[1]}} | {target:<{widths[2]}} | {verdict(ok):<4} |"
        )
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Werkalliantie benchmark: one table with targets")
    parser.add_argument("--seconds", type=float, default=10.0, help="idle measurement time (default 10)")
    parser.add_argument("--repeat", type=int, default=7, help="start-time runs of each program (default 7)")
    parser.add_argument(
        "--driver",
        choices=("auto", "x11", "dummy"),
        default="auto",
        help="auto: $DISPLAY, else Xvfb started here, else SDL's dummy driver",
    )
    parser.add_argument("--child", nargs="+", help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.child:
        what, *rest = args.child
        print(json.dumps(CHILDREN[what](rest)))
        return 0

    xvfb, display = None, None
    if args.driver in ("auto", "x11"):
        display = os.environ.get("DISPLAY")
        if not display:
            xvfb, display = bench_ui.start_xvfb()
        if args.driver == "x11" and not display:
            print("bench/run.py: no X server: install Xvfb or set DISPLAY", file=sys.stderr)
            return 1
    env = bench_ui.child_env(display)
    try:
        settle = bench_settle.settle_times(env, max(3, args.repeat)) if shutil.which("Xvfb") else None
        start = bench_ui.start_times(env, args.repeat)
        idle = bench_ui.in_child("idle", env, str(args.seconds))
        small = bench_ui.in_child("frames", env, "1280x720")
        big = bench_ui.in_child("frames", env, "1920x1080")
        memory = child("memory", env)
        vers = child("versions", env)
    finally:
        if xvfb is not None:
            xvfb.terminate()
            xvfb.wait()
    quiet = bench_ui.child_env(None)  # no window needed: the dummy driver
    prints = {lang: child("print", quiet, lang) for lang in ("nl", "en")}
    save = child("save", quiet)
    phones = child("phones", quiet)

    rows: list[tuple[str, str, str, bool]] = [
        (
            "time to the window",
            f"{start['ours_s']:.3f} s vs bare pygame {start['bare_s']:.3f} s = "
            f"{start['ratio']:.2f}× (start screen drawn at {start['frame_s']:.3f} s)",
            "ratio ≤ 2",
            start["ratio"] <= 2,
        ),
        (
            "start screen settled vs bare",
            f"{settle['ours_s']:.3f} s vs bare pygame {settle['bare_s']:.3f} s = {settle['ratio']:.2f}× "
            f"(pixels watched in Xvfb, median of {settle['runs']})"
            if settle
            else "not measured: needs Xvfb",
            "ratio ≤ 1.5",
            settle is not None and settle["ratio"] <= 1.5,
        ),
        (
            f"idle CPU on the table ({idle['seconds']:.0f} s)",
            f"{idle['cpu_percent']:.2f} % of a core ({idle['frames_drawn']} frames drawn)",
            "< 3 %",
            idle["cpu_percent"] < 3,
        ),
    ]
    for r in (small, big):
        rows.append(
            (
                f"frame time animating {r['size'].replace('x', '×')}",
                f"p50 {r['p50_ms']:.2f} ms, p95 {r['p95_ms']:.2f} ms ({r['frames']} frames)",
                "p95 < 8 ms",
                r["p95_ms"] < 8,
            )
        )
    for lang, p in prints.items():
        rows.append(
            (
                f"print time, deck ({lang})",
                f"{p['seconds']:.3f} s in process ({p['process_seconds']:.2f} s as a whole command, "
                f"{p['kb']:.0f} KB)",
                "< 1 s",
                p["seconds"] < 1,
            )
        )
    rows.append(
        (
            "peak memory, a whole session in the window",
            f"{memory['peak_mb']:.0f} MB (RSS high-water mark)",
            "< 150 MB",
            memory["peak_mb"] < 150,
        )
    )
    rows.append(
        (
            "summary save time",
            f"median {save['median_ms']:.2f} ms, p95 {save['p95_ms']:.2f} ms "
            f"({save['count']} saves of {save['bytes'] / 1024:.0f} KB)",
            "< 20 ms",
            save["median_ms"] < 20,
        )
    )
    rows += bench_phones.rows(phones)

    driver = (
        f"X11 ({'Xvfb started by bench/run.py' if xvfb else 'DISPLAY ' + display})"
        if display
        else "SDL dummy driver (no X server found: the window measures are without a real display)"
    )
    print(f"Werkalliantie benchmark, {time.strftime('%Y-%m-%d')}")
    print(
        f"machine: {cpu_model()}{hypervisor()}, {os.cpu_count()} cores, {platform.system()} "
        f"{platform.release()}; Python {platform.python_version()}, pygame-ce {vers['pygame']}, "
        f"SDL {vers['sdl']}"
    )
    print(f"window: {driver}; load average at the end {os.getloadavg()[0]:.2f}")
    print()
    print(table(rows))
    return 0 if all(ok for *_, ok in rows) else 1


if __name__ == "__main__":
    sys.exit(main())
