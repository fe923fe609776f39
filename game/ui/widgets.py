"""Buttons, toggles and text fields: big targets, a visible focus ring, text that stays inside."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

import pygame

from game.ui import theme

Rect = pygame.Rect


@dataclass
class Button:
    """Something to click or tap; `id` is what the scene acts on."""

    id: str
    label: str
    rect: Rect = field(default_factory=lambda: Rect(0, 0, 0, 0))
    primary: bool = False
    selected: bool = False  # a chosen option in a group of toggles
    hint: str = ""  # the key that does the same, e.g. "Enter"
    colour: str | None = None  # a swatch in front of the label (a feature colour)
    enabled: bool = True
    visible: bool = True  # False: scrolled out of view (not drawn, not hit; Tab still reaches it)

    focusable = True

    def draw(self, surface: pygame.Surface, hover: bool, focus: bool) -> None:
        if not self.visible:
            return
        r = self.rect
        radius = max(6, r.h // 5)
        if self.primary:
            fill, ink, edge = (theme.PRIMARY_HOVER if hover else theme.PRIMARY), theme.WHITE, theme.PRIMARY
        elif self.selected:
            fill, ink, edge = theme.SELECTED, theme.WHITE, theme.SELECTED
        else:
            fill, ink, edge = (theme.BUTTON_HOVER if hover else theme.BUTTON), theme.INK, theme.PANEL_EDGE
        if not self.enabled:
            fill, ink, edge = theme.DISABLED_FILL, theme.DISABLED_INK, theme.PANEL_EDGE
        line = max(2, r.h // 30)
        if focus:
            focus_ring(surface, r, radius)
        pygame.draw.rect(surface, fill, r, border_radius=radius)
        pygame.draw.rect(surface, edge, r, width=line, border_radius=radius)
        pad = max(6, r.h // 5)
        inner = r.inflate(-2 * pad, -max(6, r.h // 6))
        if self.colour:  # a topic: its colour along the left edge and a box that is ticked when chosen
            stripe = Rect(r.x, r.y, max(6, r.h // 6), r.h)
            pygame.draw.rect(
                surface,
                theme.rgb(self.colour),
                stripe,
                border_top_left_radius=radius,
                border_bottom_left_radius=radius,
            )
            box = Rect(stripe.right + pad // 2, 0, inner.h * 3 // 4, inner.h * 3 // 4)
            box.centery = inner.centery
            pygame.draw.rect(surface, theme.WHITE, box, border_radius=4)
            pygame.draw.rect(surface, theme.INK, box, width=2, border_radius=4)
            if self.selected:
                _check(surface, box.inflate(-box.w // 4, -box.h // 4), theme.INK, 0)
            inner = Rect(box.right + pad // 2, inner.y, inner.right - box.right - pad // 2, inner.h)
        label = self.label
        if self.selected and not self.primary and not self.colour:
            inner = _check(surface, inner, ink, pad)
        size = label_px(r.h)
        bold = self.primary or self.selected
        if self.hint:
            inner = _hint(surface, self.hint, inner, size, pad, ink, label, bold)
        theme.one_line(surface, label, inner, size, colour=ink, bold=bold)

    def hit(self, pos: tuple[int, int]) -> bool:
        return self.enabled and self.visible and self.rect.collidepoint(pos)


def label_px(height: int) -> int:
    """The text size of a control this high: 42 % of it at 100 %; the control grows half as fast as the text
    (theme.room), so at a larger text size the label takes a larger share of it."""
    return max(12, int(height * 42 * theme.text_scale // (100 * _room_scale())))


def _room_scale() -> float:
    """How much theme.room grows a length at this text size (1.5 at 200 %)."""
    return 1 + (theme.text_scale - 1) / 2


def _hint(surface: pygame.Surface, hint: str, inner: Rect, size: int, pad: int, ink, label: str, bold: bool) -> Rect:
    """Draw the key hint ("Enter", "Esc") at the right of a button, never below the window's small size (a
    digit or "F1" may be smaller); returns the room left for the label. When the label would not fit whole
    beside it (a large text size), the label keeps the room and the hint is left out."""
    small = theme.small_px(surface.get_size())
    hint_px = max(small if len(hint) > 2 else theme.MIN_READABLE, size * 3 // 4)
    hint_w = min(inner.w * 2 // 5, theme.font(hint_px).size(hint)[0] + pad)
    label_w = theme.font(min(size, small), bold).size(label)[0]
    if hint_w < theme.font(hint_px).size(hint)[0] or inner.w - hint_w - pad // 2 < label_w:
        return inner
    hint_box = Rect(inner.right - hint_w, inner.y, hint_w, inner.h)
    theme.one_line(surface, hint, hint_box, hint_px, colour=ink, align="right", least=hint_px)
    return Rect(inner.x, inner.y, inner.w - hint_w - pad // 2, inner.h)


@dataclass
class TextField:
    """One line (or a few) of typed text; typed text arrives as TEXTINPUT."""

    id: str
    value: str = ""
    placeholder: str = ""
    max_len: int = 40
    allowed: str | None = None  # a regex for one character, e.g. "[A-Za-z0-9_-]"
    multiline: bool = False
    rect: Rect = field(default_factory=lambda: Rect(0, 0, 0, 0))

    visible: bool = True  # False: scrolled out of view

    focusable = True
    primary = False
    enabled = True

    def type(self, text: str) -> bool:
        if self.allowed:
            text = "".join(ch for ch in text if re.fullmatch(self.allowed, ch))
        text = text.replace("\n", " ").replace("\r", "")
        room = self.max_len - len(self.value)
        if not text or room <= 0:
            return False
        self.value += text[:room]
        return True

    def erase(self) -> bool:
        if not self.value:
            return False
        self.value = self.value[:-1]
        return True

    def hit(self, pos: tuple[int, int]) -> bool:
        return self.visible and self.rect.collidepoint(pos)

    def draw(self, surface: pygame.Surface, hover: bool, focus: bool) -> None:
        if not self.visible:
            return
        r = self.rect
        radius = max(6, min(r.h // 5, 14))
        if focus:
            focus_ring(surface, r, radius, 3)  # thin beside the words around a tall field
        pygame.draw.rect(surface, theme.WHITE, r, border_radius=radius)
        pygame.draw.rect(
            surface,
            theme.PRIMARY if focus else theme.PANEL_EDGE,
            r,
            width=max(2, min(r.h, 120) // 30),
            border_radius=radius,
        )
        pad = max(8, theme.px(surface.get_size(), 14))
        inner = r.inflate(-2 * pad, -pad)
        size = max(12, int(r.h * 45 * theme.text_scale // (100 * _room_scale())) if not self.multiline
                   else theme.tpx(surface.get_size(), 28))
        shown = self.value
        colour = theme.INK
        if not shown and not focus:
            shown, colour = self.placeholder, theme.INK_SOFT
        if self.multiline:
            least = theme.small_px(surface.get_size())  # text is never drawn smaller (theme.text)
            if shown:  # like any text field: when it is full, the end (where one types) stays in view
                shown = tail_that_fits(shown, inner, size, least)
            covered = theme.text(surface, shown, inner, size, colour=colour, min_px=least) if shown else None
        else:
            covered = (
                theme.one_line(surface, shown, inner, size, colour=colour, align="left",  # a typed name: cut,
                               least=theme.body_px(surface.get_size()) if shown == self.value else None)  # not shrunk
                if shown else None
            )
        if focus:
            caret_h = theme.font(size).get_height()
            if covered is None or not self.value:
                x, y = inner.x, (inner.y if self.multiline else inner.centery - caret_h // 2)
            else:
                last = theme.LOG.entries[-1][1]
                x, y = last.right + 2, last.y
                caret_h = last.h
            x = min(x, inner.right)
            pygame.draw.line(surface, theme.INK, (x, y), (x, y + caret_h), 3)


def ring_reach() -> int:
    """How far the thickest focus ring reaches beyond its control (keep words at least this far from a control)."""
    return 2 + 4 * theme.FOCUS_SCALE


def focus_ring(surface: pygame.Surface, rect: Rect, radius: int, ring: int | None = None) -> None:
    """The ring around the control with the keyboard focus: theme.FOCUS just outside it, twice as thick in
    high contrast (every focusable control draws this one)."""
    ring = (ring or max(3, min(4, rect.h // 20))) * theme.FOCUS_SCALE
    outer = rect.inflate(2 * ring + 4, 2 * ring + 4)  # 2 px clear of the control, never far into its neighbours
    pygame.draw.rect(surface, theme.FOCUS, outer, width=ring, border_radius=radius + ring)
    theme.LOG.rings.append(outer)


def tail_that_fits(value: str, box: Rect, max_px: int, min_px: int) -> str:
    """value, or its end after "…", so that it fits box at min_px or larger."""
    if theme.fit(value, box.w, box.h, max_px, min_px).fits:
        return value
    lo, hi = 1, len(value)  # the fewest characters to drop so that the rest fits
    while lo < hi:
        mid = (lo + hi) // 2
        if theme.fit("…" + value[mid:].lstrip(), box.w, box.h, max_px, min_px).fits:
            hi = mid
        else:
            lo = mid + 1
    return "…" + value[lo:].lstrip()


def _check(surface: pygame.Surface, inner: Rect, colour: tuple[int, int, int], pad: int) -> Rect:
    """Draw a check mark at the left of inner (the font has no ✓); returns the room left for the label."""
    s = min(inner.h * 3 // 5, inner.w // 4) if pad else min(inner.w, inner.h)
    x, y = inner.x, inner.centery
    width = max(3, s // 5)
    pygame.draw.lines(surface, colour, False, [(x, y), (x + s // 3, y + s // 3), (x + s, y - s // 2)], width)
    return Rect(x + s + pad // 2, inner.y, inner.w - s - pad // 2, inner.h)


Widget = Button | TextField
