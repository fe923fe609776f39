"""One line of text as an image, for every piece of the window that draws text (light: no models imported)."""

from __future__ import annotations

import pygame


def line_image(f: pygame.font.Font, line: str, colour: tuple[int, int, int]) -> pygame.Surface:
    """One line of text; a line with nothing to see (e.g. only a zero-width space) is an empty image, never an
    error: text that reaches the screen from a summary or an autosave has not passed the deck's checks."""
    try:
        return f.render(line, True, colour)
    except pygame.error:  # SDL_ttf: "Text has zero width"
        return pygame.Surface((0, f.get_height()), pygame.SRCALPHA)
