"""The speaker button: a loudspeaker on a square button, with the key V in its corner.

A picture rather than the word "Voorlezen", so that it is found by someone who reads little, and small enough to
sit beside the other buttons of a bar at every text size. It reads the screen aloud (Scene.activate "speak").
"""

from __future__ import annotations

import pygame

from game.i18n import ui
from game.ui import theme
from game.ui.widgets import Button

Rect = pygame.Rect


class SpeakButton(Button):
    """Square: as wide as it is high (chrome.buttons_right keeps it so)."""

    square = True

    def __init__(self, lang: str, rect: Rect | None = None):
        super().__init__("speak", ui("speak", lang), rect or Rect(0, 0, 0, 0), hint="V")

    def draw(self, surface: pygame.Surface, hover: bool, focus: bool) -> None:
        (label, self.label), (hint, self.hint) = (self.label, ""), (self.hint, "")
        super().draw(surface, hover, focus)  # the button's face and focus ring, without words
        self.label, self.hint = label, hint
        r = self.rect
        ink = theme.INK if self.enabled else theme.DISABLED_INK
        s = min(r.w, r.h)
        icon = Rect(0, 0, s * 3 // 5, s // 2)
        icon.center = (r.centerx - s // 14, r.centery - s // 16)
        loudspeaker(surface, icon, ink)
        key = Rect(r.right - s * 2 // 5, r.bottom - s * 2 // 5, s * 2 // 5 - s // 10, s * 2 // 5 - s // 12)
        theme.one_line(surface, "V", key, max(8, s * 3 // 10), colour=ink, bold=True, align="right")


def loudspeaker(surface: pygame.Surface, box: Rect, colour: tuple[int, int, int]) -> None:
    """A loudspeaker with two sound waves, filling box (wider than high)."""
    h = box.h
    body = Rect(box.x, box.y + h * 3 // 10, max(2, box.w // 5), h * 2 // 5)
    cone = [body.topright, (body.right + box.w * 3 // 10, box.y), (body.right + box.w * 3 // 10, box.bottom),
            body.bottomright]
    pygame.draw.rect(surface, colour, body)
    pygame.draw.polygon(surface, colour, cone)
    width = max(2, h // 10)
    centre = (body.right + box.w * 3 // 10, box.centery)
    for k, reach in enumerate((box.w * 5 // 20, box.w * 9 // 20)):
        arc = Rect(0, 0, 2 * reach, h * (6 + 4 * k) // 10)
        arc.center = centre
        pygame.draw.arc(surface, colour, arc, -0.9, 0.9, width)


def title_room(size: tuple[int, int]) -> tuple[int, int]:
    """For a dialog's title row with the speaker button at its right end: the button's side, and how much the
    title gives up at each end (both ends, so that the centred title keeps clear of it)."""
    side = theme.target(size, 56)
    return side, side + theme.px(size, 8)


def in_title(title: Rect, side: int) -> Rect:
    """Where the speaker button goes in a title row: at its right end, centred in its height."""
    return Rect(title.right - side, title.centery - side // 2, side, side)
