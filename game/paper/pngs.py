"""Every card as a PNG at 300 dpi, drawn by the window's pygame renderer (`print --png DIR`)."""

from __future__ import annotations

import os
import struct
import tempfile
import zlib
from collections.abc import Sequence
from pathlib import Path

from game.design import cards as C
from game.design.primitives import Drawing
from game.paper import new_file_mode
from game.paper.piles import PrintCard

PNG_DPI = 300


def _set_png_dpi(path: Path, dpi: int) -> None:
    """Add a pHYs chunk, so that image programs print the PNG at its real size."""
    data = path.read_bytes()
    ppm = round(dpi / 0.0254)
    body = b"pHYs" + struct.pack(">IIB", ppm, ppm, 1)
    chunk = struct.pack(">I", 9) + body + struct.pack(">I", zlib.crc32(body))
    end_of_ihdr = 8 + 4 + 4 + 13 + 4  # signature, then IHDR: length, type, data, crc
    if data[12:16] == b"IHDR" and b"pHYs" not in data[:200]:
        path.write_bytes(data[:end_of_ihdr] + chunk + data[end_of_ihdr:])


def write_pngs(folder: Path, cards: Sequence[PrintCard], dpi: int = PNG_DPI) -> int:
    """Every front (and each different back once) as a PNG, drawn by the window's pygame backend."""
    os.environ.setdefault("SDL_VIDEODRIVER", "dummy")
    os.environ.setdefault("SDL_AUDIODRIVER", "dummy")
    os.environ.setdefault("PYGAME_HIDE_SUPPORT_PROMPT", "1")
    import pygame

    from game.ui import render

    pygame.font.init()
    width = round(C.CARD_W_MM / 25.4 * dpi)
    written = 0
    backs: dict[Drawing, str] = {}
    jobs: list[tuple[str, Drawing]] = []
    for n, card in enumerate(cards, 1):
        jobs.append((f"{n:03d}-{card.name}.png", card.front))
        if card.back not in backs:
            backs[card.back] = f"back-{len(backs) + 1:02d}-{card.pile.key.replace(':', '-')}.png"
            jobs.append((backs[card.back], card.back))
    for name, drawing in jobs:
        surf = render.render(drawing, width)
        flat = pygame.Surface(surf.get_size())
        flat.fill((255, 255, 255))
        flat.blit(surf, (0, 0))
        fd, tmp = tempfile.mkstemp(prefix=f".{name}.", suffix=".png", dir=folder)
        os.close(fd)
        try:
            pygame.image.save(flat, tmp)
            _set_png_dpi(Path(tmp), dpi)
            os.chmod(tmp, new_file_mode())
            os.replace(tmp, folder / name)
        except BaseException:
            Path(tmp).unlink(missing_ok=True)
            raise
        written += 1
    render.clear_caches()
    return written
