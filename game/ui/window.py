"""Opening the window, kept light (pygame only) so that it can open before the rest of the game loads."""

from __future__ import annotations

import os
import warnings

os.environ.setdefault("PYGAME_HIDE_SUPPORT_PROMPT", "1")  # before pygame is imported: no banner on stdout

import pygame  # noqa: E402

from game.paths import ASSETS  # noqa: E402

TABLE = (236, 228, 214)  # the colour of the table top, the first thing a user sees
MIN_SIZE = (1024, 600)
TASKBAR_AND_TITLE = 80  # px of a desktop's height a window cannot use: a taskbar or dock and the title bar
TITLE = "Werkalliantie"
ICON = ASSETS / "icon" / "werkalliantie-64.png"  # window and taskbar (assets/README.md)
WindowError = pygame.error  # what open_window raises when there is no screen to open a window on


def prepare_sdl() -> None:
    """Settings for SDL before the window opens (each can still be overridden from the environment)."""
    os.environ.setdefault("PYGAME_HIDE_SUPPORT_PROMPT", "1")
    os.environ.setdefault("SDL_AUDIODRIVER", "dummy")  # the game makes no sound; no ALSA noise
    # The window is drawn in software and handed over as pixels: SDL's default GL-backed framebuffer costs
    # ~20 ms per frame without a GPU driver (llvmpipe, Xvfb, many VMs) against < 1 ms for the plain path.
    os.environ.setdefault("SDL_FRAMEBUFFER_ACCELERATION", "0")


def fit_to_desktop(size: tuple[int, int], desktop: tuple[int, int] | None) -> tuple[int, int]:
    """The window size made small enough for the desktop's usable area (a 1366×768 laptop: 1280×688)."""
    if desktop is None or desktop[0] <= 0 or desktop[1] <= 0:
        return size
    usable = (desktop[0], max(1, desktop[1] - TASKBAR_AND_TITLE))
    return min(size[0], usable[0]), min(size[1], usable[1])


def desktop_size() -> tuple[int, int] | None:
    """The first desktop's size, or None without a real screen (the dummy and offscreen drivers)."""
    if pygame.display.get_driver() in ("dummy", "offscreen"):
        return None
    try:
        sizes = pygame.display.get_desktop_sizes()
    except pygame.error:
        return None
    return tuple(sizes[0]) if sizes else None


def set_icon() -> None:
    """The program's icon for the window and the taskbar; set before the window opens (X11 reads it then)."""
    try:
        pygame.display.set_icon(pygame.image.load(ICON))
    except (pygame.error, OSError):
        pass  # a missing or damaged icon file never keeps the game from starting


def open_window(size: tuple[int, int], fullscreen: bool = False) -> pygame.Surface:
    """The window, shown at once with the empty table (or the one already open)."""
    prepare_sdl()
    pygame.display.init()
    surface = pygame.display.get_surface()
    if surface is not None:
        return surface
    pygame.display.set_caption(TITLE)
    set_icon()
    flags = pygame.RESIZABLE | (pygame.FULLSCREEN if fullscreen else 0)
    size = fit_to_desktop(size, desktop_size())
    surface = pygame.display.set_mode((0, 0) if fullscreen else size, flags)
    with warnings.catch_warnings():  # pygame-ce marks from_display_module as deprecated; no other way yet
        warnings.simplefilter("ignore", DeprecationWarning)
        try:
            smallest = min(MIN_SIZE[0], size[0]), min(MIN_SIZE[1], size[1])  # a small desktop: smaller still
            pygame.Window.from_display_module().minimum_size = smallest
        except (AttributeError, pygame.error):
            pass
    surface.fill(TABLE)
    pygame.display.flip()
    return surface
