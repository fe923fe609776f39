"""How long `python main.py print` takes for the whole default deck, per language (target: under 1 s).

Run: .venv/bin/python bench/bench_print.py
"""

from __future__ import annotations

import contextlib
import io
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from game import cli  # noqa: E402


def print_seconds(lang: str, repeat: int = 3) -> float:
    """Best of `repeat` in-process runs of the print command (deck loading included) for one language."""
    best = float("inf")
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp) / f"bench-{lang}.pdf"
        for _ in range(repeat):
            start = time.perf_counter()
            with contextlib.redirect_stdout(io.StringIO()):
                code = cli.main(["print", "--lang", lang, "--out", str(out), "--force"])
            best = min(best, time.perf_counter() - start)
            if code != 0:
                raise RuntimeError(f"print --lang {lang} exited with {code}")
    return best


def process_seconds(lang: str) -> tuple[float, int]:
    """Seconds for a whole `python main.py print` process (start and imports included), and the PDF size."""
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp) / f"bench-{lang}.pdf"
        start = time.perf_counter()
        subprocess.run([sys.executable, str(ROOT / "main.py"), "print", "--lang", lang, "--out", str(out)],
                       check=True, capture_output=True)
        return time.perf_counter() - start, out.stat().st_size


def main() -> int:
    for lang in ("nl", "en"):
        seconds = print_seconds(lang)
        whole, size = process_seconds(lang)
        verdict = "OK" if seconds < 1.0 else "SLOW"
        print(f"print {lang}: {seconds:.3f} s in process ({verdict}, target < 1 s); "
              f"{whole:.2f} s as a whole process; PDF {size / 1024:.0f} KB")
    return 0


if __name__ == "__main__":
    sys.exit(main())
