"""Everything that loads must also draw, within a time bound: the helpers the hostile-content tests share.

`within` stops a test that runs too long (a freeze fails instead of hanging the suite); the bounds are generous
hang guards for a busy 2-core machine, never speed measures (those live in bench/).
"""

from __future__ import annotations

import os
import signal
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

os.environ.setdefault("SDL_VIDEODRIVER", "dummy")
os.environ.setdefault("SDL_AUDIODRIVER", "dummy")
os.environ.setdefault("PYGAME_HIDE_SUPPORT_PROMPT", "1")

import pygame  # noqa: E402

from game import printing  # noqa: E402
from game.cli import main  # noqa: E402
from game.design.primitives import Drawing  # noqa: E402
from game.model import Deck, SessionSummary  # noqa: E402
from game.model.session import Keep, Mode  # noqa: E402
from game.ui import render  # noqa: E402


class TooSlow(AssertionError):
    pass


@contextmanager
def within(seconds: float, what: str) -> Iterator[None]:
    """Fail with TooSlow when the block runs longer than `seconds` (SIGALRM: Python code is interrupted)."""
    start = time.monotonic()

    def stop(signum, frame):  # noqa: ANN001, ARG001
        raise TooSlow(f"{what}: still busy after {time.monotonic() - start:.1f} s (bound {seconds:g} s)")

    previous = signal.signal(signal.SIGALRM, stop)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


def draw_deck(deck: Deck, drawn: set[Drawing] | None = None, width_px: int = 160) -> int:
    """Every card of the deck (fronts and backs, every language) drawn by the window's renderer and into a PDF.

    Drawings already in `drawn` were drawn before (e.g. the default deck's): only the new ones are drawn, then
    added. Returns how many were drawn.
    """
    drawn = set() if drawn is None else drawn
    pygame.font.init()
    count = 0
    with tempfile.TemporaryDirectory() as tmp:
        for lang in deck.languages:
            cards = printing.print_cards(deck, lang)
            new = [c for c in cards if c.front not in drawn or c.back not in drawn]
            if not new:
                continue
            for card in new:
                for drawing in (card.front, card.back):
                    if drawing not in drawn:
                        surface = render.render(drawing, width_px)
                        assert surface.get_width() == width_px
                        drawn.add(drawing)
                        count += 1
            pdf = Path(tmp) / f"{lang}.pdf"
            result = printing.write_pdf(pdf, deck, lang, new, printing.sheet_for("a4", False))
            assert result.cards == len(new) and pdf.stat().st_size > 0
    render.clear_caches()
    return count


def report_and_history(path: Path, summary: SessionSummary) -> None:
    """The summary at `path` (in a data folder's sessions/) through the `report` and `history` commands."""
    root = path.parent.parent
    with tempfile.TemporaryDirectory() as elsewhere:  # `report` writes nothing inside the data folder
        out = Path(elsewhere) / "report.pdf"
        code = main(["report", str(path), "--out", str(out), "--data-dir", str(root)])
        if summary.keep == Keep.SHOW:  # the pair chose to only show it: refused in one line
            assert code == 2 and not out.exists()
        elif summary.mode != Mode.CONVERSATION:  # a team or practice session is not for a client's file
            assert code == 1 and not out.exists()
        else:
            assert code == 0 and out.read_bytes().startswith(b"%PDF")
    assert main(["history", "--data-dir", str(root)]) in (0, 1)  # 1: no pair code in a conversation
    if summary.pair_code:
        assert main(["history", "--data-dir", str(root), "--", summary.pair_code]) == (  # a code may start with -
            0 if summary.mode == Mode.CONVERSATION else 1)
