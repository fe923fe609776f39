"""Phones (issue 15), over loopback: time from the last phone's choice to the reveal, and the idle CPU while waiting.

The projector's side runs as the window's loop does (host.pump, then sleep to 30 turns a second); five phones
are WebSocket clients in this process. `python bench/bench_phones.py` prints the two rows alone.
"""

from __future__ import annotations

import os
import queue
import statistics
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tests"))

IDLE_FPS = 30  # game.ui.app.IDLE_FPS: how often the waiting window looks for input
PHONES = 5


def thread_cpu_seconds(tid: int) -> float:
    """User + system CPU time of one thread of this process (Linux /proc)."""
    fields = Path(f"/proc/self/task/{tid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


class Projector(threading.Thread):
    """Owns the Table like the window does: pumps the phones 30 times a second, runs commands between turns."""

    def __init__(self, host):
        super().__init__(daemon=True)
        self.host = host
        self.commands: queue.Queue = queue.Queue()
        self.revealed_at: float | None = None
        self.running = True

    def run(self) -> None:
        from game.engine import Phase

        while self.running:
            self.host.pump()
            if self.revealed_at is None and self.host.table.phase == Phase.REVEAL:
                self.revealed_at = time.perf_counter()
            while not self.commands.empty():
                self.commands.get()()
            time.sleep(1 / IDLE_FPS)

    def call(self, fn) -> None:
        done = threading.Event()
        self.commands.put(lambda: (fn(), done.set()))
        done.wait(5)


def measure(sessions: int = 3, idle_seconds: float = 10.0) -> dict:
    from play_helpers import team_setup

    from game.decks import load_deck
    from game.engine import Continue, Phase
    from game.phones.host import PhoneHost
    from game.table import Table
    from tests.phones.phone_client import FakePhone

    deck = load_deck()
    lags, phone_lags = [], []
    idle = {}
    with tempfile.TemporaryDirectory() as tmp:
        for s in range(sessions):
            table = Table.start(deck, team_setup(PHONES, seed=s, cards_per_feature=3), Path(tmp))
            host = PhoneHost(table, "127.0.0.1")
            ws = host.url.replace("http", "ws") + f"/ws/{host.room.token}"
            phones = [FakePhone(ws) for _ in range(PHONES)]
            for k, phone in enumerate(phones):
                phone.join(f"p{k + 1}")
            projector = Projector(host)
            projector.start()
            try:
                while table.phase != Phase.DONE:
                    projector.call(lambda t=table: [t.do(Continue()) for _ in range(3) if t.phase != Phase.ESTIMATE])
                    if table.phase != Phase.ESTIMATE:
                        continue
                    round_no = table.state.round_number
                    if s == 0 and round_no == 1:  # everyone waits for the last phone: the idle measure
                        for phone in phones[:-1]:
                            phone.choose(3)
                        time.sleep(0.5)
                        server_tid = host.server._thread.native_id
                        cpu0 = thread_cpu_seconds(server_tid), thread_cpu_seconds(projector.native_id)
                        time.sleep(idle_seconds)
                        cpu1 = thread_cpu_seconds(server_tid), thread_cpu_seconds(projector.native_id)
                        idle = {"server": (cpu1[0] - cpu0[0]) / idle_seconds * 100,
                                "pump": (cpu1[1] - cpu0[1]) / idle_seconds * 100}
                    else:
                        for k, phone in enumerate(phones[:-1]):
                            phone.choose(1 + (k + round_no) % 5)
                    for phone in phones[:-1]:
                        phone.wait_for(lambda m, r=round_no: m.get("round") == r and m.get("chosen") is True)
                    projector.revealed_at = None
                    sent = phones[-1].choose(2)
                    when, _ = phones[-1].wait_for(lambda m, r=round_no: m.get("round") == r and "low" in m)
                    while projector.revealed_at is None:
                        time.sleep(0.001)
                    lags.append((projector.revealed_at - sent) * 1000)
                    phone_lags.append((when - sent) * 1000)
                    projector.call(lambda t=table: t.do(Continue()))
            finally:
                projector.running = False
                projector.join(2)
                for phone in phones:
                    phone.close()
                host.close()
    q = statistics.quantiles(lags, n=20)
    qp = statistics.quantiles(phone_lags, n=20)
    return {"rounds": len(lags), "p50_ms": statistics.median(lags), "p95_ms": q[18],
            "phone_p95_ms": qp[18], "idle_seconds": idle_seconds, "server_cpu": idle["server"],
            "pump_cpu": idle["pump"]}


def rows(r: dict) -> list[tuple[str, str, str, bool]]:
    return [
        (
            "phones: last choice to the reveal (loopback)",
            f"p50 {r['p50_ms']:.1f} ms, p95 {r['p95_ms']:.1f} ms on the projector; the phones have it at "
            f"p95 {r['phone_p95_ms']:.1f} ms ({r['rounds']} rounds, {PHONES} phones, loop at {IDLE_FPS}/s)",
            "p95 < 100 ms",
            r["p95_ms"] < 100,
        ),
        (
            f"phones: idle CPU while waiting ({r['idle_seconds']:.0f} s)",
            f"server thread {r['server_cpu']:.2f} % + pump in the window's loop {r['pump_cpu']:.2f} % of a core",
            "< 2 %",
            r["server_cpu"] + r["pump_cpu"] < 2,
        ),
    ]


if __name__ == "__main__":
    from run import table

    print(table(rows(measure())))
