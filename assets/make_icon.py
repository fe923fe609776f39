"""Draws the application icon once into PNGs (committed): `python assets/make_icon.py`.

Two cards fanned out on the table, blue (richting en kader) and orange (binding), each with an estimate dot:
two views side by side, the game's idea. Drawn large with pygame and scaled down smoothly to each size.
Made for this project; MIT like the code (see assets/README.md).
"""

from __future__ import annotations

import os
from pathlib import Path

os.environ.setdefault("PYGAME_HIDE_SUPPORT_PROMPT", "1")
import pygame  # noqa: E402

HERE = Path(__file__).resolve().parent
SIZES = (16, 24, 32, 48, 64, 128, 256, 512)
BIG = 1024
TABLE = (236, 228, 214)
EDGE = (60, 52, 44)
CARDS = (((0, 114, 178), -14, -150), ((230, 159, 0), 14, 150))  # colour, tilt in degrees, x offset


def card(colour: tuple[int, int, int]) -> pygame.Surface:
    w, h = 420, 600
    s = pygame.Surface((w, h), pygame.SRCALPHA)
    pygame.draw.rect(s, (255, 255, 255), (0, 0, w, h), border_radius=56)
    pygame.draw.rect(s, colour, (22, 22, w - 44, h - 44), border_radius=40)
    pygame.draw.circle(s, (255, 255, 255), (w // 2, h // 2 + 40), 96)
    pygame.draw.rect(s, (255, 255, 255), (70, 80, w - 140, 44), border_radius=22)
    return s


def draw() -> pygame.Surface:
    icon = pygame.Surface((BIG, BIG), pygame.SRCALPHA)
    pygame.draw.rect(icon, EDGE, (32, 32, BIG - 64, BIG - 64), border_radius=200)
    pygame.draw.rect(icon, TABLE, (60, 60, BIG - 120, BIG - 120), border_radius=176)
    for colour, tilt, dx in CARDS:
        turned = pygame.transform.rotozoom(card(colour), -tilt, 1.0)
        icon.blit(turned, turned.get_rect(center=(BIG // 2 + dx, BIG // 2 + 20)))
    return icon


def main() -> None:
    pygame.display.init()
    big = draw()
    for size in SIZES:
        pygame.image.save(pygame.transform.smoothscale(big, (size, size)), HERE / "icon" / f"werkalliantie-{size}.png")
    pygame.display.quit()


if __name__ == "__main__":
    main()
