"""A test mode: after every frame the loop presents, what the window shows must equal a full redraw of the
same state on a fresh surface. It catches every stale frame (a part drawn only on a key press, a part drawn
but not sent to the window, a still part that changed during an animation).

Off in normal play; on when the environment variable WERKALLIANTIE_CHECK_REDRAW is 1 or App(check_redraw=True)
(the headless tests and the monkey turn it on). It costs one full redraw and one compare per presented frame.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path

import pygame

ENV = "WERKALLIANTIE_CHECK_REDRAW"
BLANK = (255, 0, 255)  # a fresh surface starts magenta: a part no scene paints shows up


def wanted() -> bool:
    """The environment asks for the check."""
    return os.environ.get(ENV, "") == "1"


class RedrawMismatch(AssertionError):
    """The window shows something other than a full redraw of the same state."""


class RedrawCheck:
    """Keeps a copy of what the window shows (flip: all of it; update: only the rects sent) and compares it
    with a redraw from scratch made by `redraw(surface)`."""

    def __init__(self, redraw: Callable[[pygame.Surface], None], describe: Callable[[], str]):
        self.redraw = redraw
        self.describe = describe
        self.shown: pygame.Surface | None = None
        self.fresh: pygame.Surface | None = None  # the redraw's surface, kept for the next frame
        self.checked = 0  # frames compared (tests read it)

    def presented(self, surface: pygame.Surface, rects: list[pygame.Rect] | None, frame: int) -> None:
        """The loop sent `rects` of `surface` to the window (None: all of it, a flip). Raises on a mismatch."""
        size = surface.get_size()
        if rects is None or self.shown is None or self.shown.get_size() != size:
            self.shown = surface.copy()
        else:
            for r in rects:
                self.shown.blit(surface, r, r)
        fresh = self.fresh
        if fresh is None or fresh.get_size() != size:
            fresh = self.fresh = pygame.Surface(size, 0, surface)
        fresh.fill(BLANK)
        self.redraw(fresh)
        self.checked += 1
        if same_pixels(fresh, self.shown):
            return
        import tempfile

        where, count = difference(self.shown, fresh)
        folder = Path(tempfile.mkdtemp(prefix="redraw-mismatch-"))
        pygame.image.save(self.shown, str(folder / f"frame-{frame}-shown.png"))
        pygame.image.save(fresh, str(folder / f"frame-{frame}-redrawn.png"))
        self.fresh = None
        raise RedrawMismatch(
            f"frame {frame} on {self.describe()}: the window shows something else than a full redraw of the "
            f"same state ({count} pixels differ, within {where}); see {folder}"
        )


def same_pixels(a: pygame.Surface, b: pygame.Surface) -> bool:
    """Two surfaces of one size and format show the same colours (a byte compare first: ~0.1 ms a frame)."""
    n = a.get_pitch() * a.get_height()
    if _memcmp is not None and a.get_pitch() == b.get_pitch() and _memcmp(a._pixels_address, b._pixels_address, n) == 0:
        return True
    return pygame.image.tobytes(a, "RGB") == pygame.image.tobytes(b, "RGB")  # an unused byte may differ


def _libc_memcmp():
    """libc's memcmp, or None where it cannot be found (then every compare goes through tobytes)."""
    try:
        import ctypes

        memcmp = ctypes.CDLL(None).memcmp
    except (OSError, AttributeError, TypeError):
        return None
    memcmp.restype = ctypes.c_int
    memcmp.argtypes = [ctypes.c_void_p, ctypes.c_void_p, ctypes.c_size_t]
    return memcmp


_memcmp = _libc_memcmp()


def difference(a: pygame.Surface, b: pygame.Surface) -> tuple[pygame.Rect, int]:
    """Where two surfaces of one size differ (the bounding rect) and how many pixels."""
    diff = a.copy()
    diff.blit(b, (0, 0), special_flags=pygame.BLEND_RGB_SUB)
    other = b.copy()
    other.blit(a, (0, 0), special_flags=pygame.BLEND_RGB_SUB)
    diff.blit(other, (0, 0), special_flags=pygame.BLEND_RGB_ADD)  # |a - b| per channel, > 0 where they differ
    same = pygame.mask.from_threshold(diff, (0, 0, 0, 255), (1, 1, 1, 255))
    same.invert()
    rects = same.get_bounding_rects()
    where = rects[0].unionall(rects[1:]) if rects else pygame.Rect(0, 0, 0, 0)
    return where, same.count()
