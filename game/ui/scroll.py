"""A column taller than its view (the start screen's choices at a large text size): what is in view is drawn,
the rest waits above or below; the focused control is always brought into view, so Tab reaches everything."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

import pygame

from game.ui import theme

Rect = pygame.Rect


@dataclass
class Scroll:
    """How far the column is scrolled (px), kept between layouts; set by fit() for each layout. It stops only
    where a row starts at the top of the view (or at the very end), so nothing shows cut in half."""

    offset: int = 0
    view: Rect = field(default_factory=lambda: Rect(0, 0, 0, 0))
    top: int = 0  # where the column starts (unscrolled)
    bottom: int = 0  # where it ends (unscrolled)
    stops: list[int] = field(default_factory=lambda: [0])  # the offsets it may rest at, in order

    @property
    def most(self) -> int:
        return max(0, self.bottom - self.view.bottom)

    def fit(self, view: Rect, top: int, bottom: int, starts: Iterable[int], focus: Rect | None = None) -> None:
        """The column from top to bottom shown in view, its rows starting at `starts`; bring `focus` (unscrolled)
        into view, with what stands just above it (its label)."""
        self.view, self.top, self.bottom = Rect(view), top, bottom
        most = self.most
        self.stops = sorted({0, most} | {min(most, max(0, y - top)) for y in starts})
        if focus is not None and focus.y - self.offset < view.y:
            self.offset = max(s for s in self.stops if s <= max(0, focus.y - top - view.h // 8))
        elif focus is not None and focus.bottom - self.offset > view.bottom:
            self.offset = min(s for s in self.stops if s >= min(most, focus.bottom - view.bottom))
        else:
            self.offset = max(s for s in self.stops if s <= min(most, max(0, self.offset)))

    def by(self, delta: int) -> bool:
        """Scroll about delta px, to the row that then starts at the top (at least one row); whether it moved."""
        old = self.offset
        if delta > 0:
            later = [s for s in self.stops if s > old]
            self.offset = max([s for s in later if s <= old + delta] or later[:1] or [old])
        else:
            earlier = [s for s in self.stops if s < old]
            self.offset = min([s for s in earlier if s >= old + delta] or earlier[-1:] or [old])
        return self.offset != old

    def place(self, rect: Rect) -> Rect | None:
        """Where rect is now, or None when it is not wholly in view."""
        moved = Rect(rect).move(0, -self.offset)
        return moved if self.view.contains(moved) else None

    def draw_bar(self, surface: pygame.Surface, bar: Rect) -> None:
        """A scroll bar: the share in view, where the view is."""
        if self.most <= 0:
            return
        total = max(1, self.bottom - self.top)
        h = max(bar.w * 2, min(bar.h, round(bar.h * self.view.h / total)))
        y = bar.y + round((bar.h - h) * self.offset / self.most)
        radius = bar.w // 2
        pygame.draw.rect(surface, theme.DISABLED_FILL, bar, border_radius=radius)
        pygame.draw.rect(surface, theme.INK_SOFT, Rect(bar.x, y, bar.w, h), border_radius=radius)
