"""A column taller than its view (the start screen's choices at a large text size): what is in view is drawn,
the rest waits above or below; the focused control is always brought into view, so Tab reaches everything."""

from __future__ import annotations

from dataclasses import dataclass, field

import pygame

from game.ui import theme

Rect = pygame.Rect


@dataclass
class Scroll:
    """How far the column is scrolled (px), kept between layouts; `view` and `bottom` are set by fit()."""

    offset: int = 0
    view: Rect = field(default_factory=lambda: Rect(0, 0, 0, 0))
    top: int = 0  # where the column starts (unscrolled)
    bottom: int = 0  # where it ends (unscrolled)

    @property
    def most(self) -> int:
        return max(0, self.bottom - self.view.bottom)

    def fit(self, view: Rect, top: int, bottom: int, focus: Rect | None = None) -> None:
        """The column from top to bottom shown in view; bring `focus` (unscrolled) into view."""
        self.view, self.top, self.bottom = Rect(view), top, bottom
        if focus is not None:
            margin = theme.px(view.size, 8)
            if focus.y - margin - self.offset < view.y:
                self.offset = focus.y - margin - view.y
            elif focus.bottom + margin - self.offset > view.bottom:
                self.offset = focus.bottom + margin - view.bottom
        self.offset = min(self.most, max(0, self.offset))

    def by(self, delta: int) -> bool:
        """Scroll by delta px; whether it moved."""
        new = min(self.most, max(0, self.offset + delta))
        moved = new != self.offset
        self.offset = new
        return moved

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
