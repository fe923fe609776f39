"""What "the layout holds" means, checked on what a frame actually drew (theme.LOG) and on the widgets placed.

Used by the layout tests at every text size and in high contrast: no text leaves its box or the window, no text is
smaller than the window's smallest size (which grows with the text size setting), no text of the game or the deck
is cut with "…" (only what people typed: names, notes), and no two controls overlap or leave the window.
"""

from __future__ import annotations

import os
import re
from pathlib import Path

import pygame
from hypothesis import strategies as st

from game.ui import theme

SHOTS = "WERKALLIANTIE_SHOTS"  # a folder: every screen checked is also saved there as a PNG (to look at)

# (window, language, text size, high contrast): every screen is checked at least here (issue 16's matrix)
MATRIX = [
    ((1024, 600), "nl", 200, False),
    ((1280, 720), "nl", 200, False),
    ((1920, 1080), "nl", 200, False),
    ((1280, 720), "en", 200, False),
    ((1280, 720), "nl", 150, False),
    ((1024, 600), "nl", 200, True),
    ((1920, 1080), "nl", 200, True),
]


# any window from a small laptop beside its taskbar to full HD, at any larger text size (property tests)
ANY_WINDOW = {
    "w": st.integers(1024, 1920),
    "h": st.integers(520, 1080),
    "text_size": st.sampled_from([125, 150, 200]),
    "lang": st.sampled_from(["nl", "en"]),
    "high": st.booleans(),
}


def ids(matrix: list) -> list[str]:
    """Readable test ids for a matrix: 1024x600-nl-200-hc."""
    return [f"{w}x{h}-{lang}-{ts}{'-hc' if hc else ''}" for (w, h), lang, ts, hc in matrix]


def holds(d, where: str, typed: tuple[str, ...] = ()) -> None:
    """Fail with what and where when the screen on top does not hold; `typed`: texts people typed (may be cut)."""
    d.app.settle()
    d.app.dirty = d.app.full = True  # the whole screen as a person sees it (not only what an animation moved)
    d.frame()
    size = d.app.screen.get_size()
    if os.environ.get(SHOTS):
        name = re.sub(r"[^a-z0-9]+", "-", f"{size[0]}x{size[1]} {round(theme.text_scale * 100)} "
                      f"{'hc ' if theme.high_contrast else ''}{where}".lower()).strip("-")
        Path(os.environ[SHOTS]).mkdir(parents=True, exist_ok=True)
        pygame.image.save(d.app.screen, str(Path(os.environ[SHOTS]) / f"{name}.png"))
    screen = pygame.Rect((0, 0), size)
    where = f"{where} at {size[0]}×{size[1]}, text {round(theme.text_scale * 100)} %"
    entries = theme.LOG.sized()
    assert entries, f"{where}: nothing was drawn"
    least = theme.small_px(size)
    for text, rect, box, px, cut in entries:
        assert box.contains(rect), f"{where}: {text!r} at {rect} leaves its box {box}"
        assert screen.contains(rect), f"{where}: {text!r} at {rect} leaves the window"
        if px is not None and len(text.rstrip("…")) > 2:  # a digit or an initial may be smaller
            assert px >= least, f"{where}: {text!r} drawn at {px} px, below {least}"
        if cut and text.strip("…"):
            stem = text.rstrip("…").strip()
            assert any(t.startswith(stem) or stem in t for t in typed if t), f"{where}: {text!r} is cut"
    rings = theme.LOG.rings if d.app.top.opaque else []  # (under a dialog, the screen's ring lies under it)
    for ring in rings:  # a focus ring never covers words beside its control
        for text, rect, _box, _px, _cut in entries:
            inside = ring.inflate(-2, -2).contains(rect)
            assert inside or not ring.colliderect(rect), f"{where}: the focus ring {ring} covers {text!r} at {rect}"
    widgets = [w for w in d.app.top.widgets if getattr(w, "visible", True) and w.rect.w > 0 and w.rect.h > 0]
    for i, w in enumerate(widgets):
        assert screen.contains(w.rect), f"{where}: control {w.id!r} at {w.rect} leaves the window"
        for o in widgets[i + 1 :]:
            assert not w.rect.colliderect(o.rect), f"{where}: controls {w.id!r} {w.rect} and {o.id!r} {o.rect} overlap"
