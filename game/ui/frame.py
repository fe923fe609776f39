"""Drawing one frame of the window: the scene stack from scratch, or during an animation only what moves.

A part of App (game.ui.app). An animation frame redraws only what moves over a kept copy of the rest and sends
only that part to the screen; in the test mode each presented frame is compared with a full redraw.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import pygame

from game.ui import redraw_check, theme

if TYPE_CHECKING:
    from game.table import Table
    from game.ui.savenotice import SaveNotice
    from game.ui.scene import Scene


class FrameDrawing:
    """App's drawing: draw() a frame; _draw_whole() is also what the redraw check compares with."""

    screen: pygame.Surface | None
    stack: list[Scene]
    notice: SaveNotice
    table: Table | None
    full: bool
    dirty: bool
    frames: int
    check: redraw_check.RedrawCheck | None
    _static: pygame.Surface | None
    _moved_before: list[pygame.Rect]

    def draw(self) -> None:
        """Draw a frame. An animation frame redraws only what moves over a kept copy of the rest, and only
        that part goes to the screen; any other change draws and presents the whole window."""
        surface = self.screen or pygame.display.get_surface()
        theme.LOG.clear()
        size = surface.get_size()
        top = self.top
        screen = pygame.Rect((0, 0), size)
        notice = self.notice.shown
        self.full = self.full or notice  # the notice is drawn over whole frames only
        if self.full:
            self._draw_whole(surface)
        elif self._static is None or self._static.get_size() != size:
            # the first frame of an animation: keep what stays put, then draw what moves on top of it
            self._static = surface.copy()
            self._draw_stack(self._static, "static")
            surface.blit(self._static, (0, 0))
            self._draw_stack(surface, "moving")
        else:
            for r in self._moved_before:
                surface.blit(self._static, r, r)
            self._draw_stack(surface, "moving")
        sent: list[pygame.Rect] | None = None  # None: the whole window
        if self.full:
            self._static = None
            pygame.display.flip()
        else:  # only where moving things were and are now goes to the screen
            sent = merge([r.clip(screen) for r in self._moved_before + top.moved])
            if sent:
                pygame.display.update(sent)
        self._moved_before = list(top.moved)
        self.frames += 1
        self.dirty = False
        self.full = False
        if self.check is not None:
            self._check_frame(surface, sent)

    def _draw_whole(self, surface: pygame.Surface) -> None:
        """Everything the window shows, from scratch: the scenes and, over them, a notice that a save is due."""
        self._draw_stack(surface, "all")
        if self.notice.shown:
            self.notice.draw(surface)

    def _check_frame(self, surface: pygame.Surface, sent: list[pygame.Rect] | None) -> None:
        """The test mode: compare what the window now shows with a full redraw (leaves the frame's records)."""
        assert self.check is not None
        log, moved = list(theme.LOG.entries), list(self.top.moved)
        try:
            self.check.presented(surface, sent, self.frames)
        finally:
            theme.LOG.entries[:] = log
            self.top.moved = moved

    def _describe(self) -> str:
        """The scenes on the stack (and the session's phase), for a failure message."""
        names = " > ".join(type(s).__name__ for s in self.stack)
        phase = f" (phase {self.table.phase.value})" if self.table is not None else ""
        return names + phase

    def _draw_stack(self, surface: pygame.Surface, part: str) -> None:
        """Draw the top scene (and those it lets show through); part: "all", "static" or "moving"."""
        size = surface.get_size()
        top = self.top
        if part != "moving":
            start = len(self.stack) - 1
            while start > 0 and not self.stack[start].opaque:
                start -= 1
            for scene in self.stack[start:-1]:
                scene.part = "all"
                scene.layout(size)
                scene.draw(surface)
        top.moved = []
        top.part = part
        top.layout(size)
        top.draw(surface)
        top.part = "all"


def merge(rects: list[pygame.Rect]) -> list[pygame.Rect]:
    """Overlapping rects joined into their union, so no part of the window is sent twice."""
    out: list[pygame.Rect] = []
    for r in rects:
        if r.w <= 0 or r.h <= 0:
            continue
        r = pygame.Rect(r)
        joined = True
        while joined:
            joined = False
            for other in out:
                if other.colliderect(r):
                    out.remove(other)
                    r = r.union(other)
                    joined = True
                    break
        out.append(r)
    return out
