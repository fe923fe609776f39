"""Where the case client's view puts each person, by name: a badge per distance and the names on chips in their
colours, at one text size that fits (never below the body size; long names cut or shown as initials first)."""

from __future__ import annotations

import pygame

from game.ui import dotplot, theme
from game.ui.scale import Mark

Rect = pygame.Rect


def plan_fits(size: tuple[int, int], box: Rect, groups: list[tuple[int, list[Mark]]]) -> bool:
    """Whether every distance's names fit box at the body size or larger."""
    _, chips = plan_distances(size, box, groups)
    return all(box.contains(r) for _, r, _, _ in chips)


def plan_distances(
    size: tuple[int, int], box: Rect, groups: list[tuple[int, list[Mark]]]
) -> tuple[int, list[tuple[str, Rect, str, str]]]:
    """Where the distance badges and the name chips go: (kind, rect, label, colour) at one text size. The
    largest size that fits box, never below the body size; long names are cut or shown as initials first."""
    floor = dotplot.name_floor(size)
    gap = max(2, theme.px(size, 6))
    everyone = [m for _, ms in groups for m in ms]
    best: tuple[int, list] | None = None
    for px in range(max(floor, theme.tpx(size, 24)), floor - 1, -1):
        font = theme.font(px, True)
        chip_h = font.get_height() + max(2, theme.px(size, 4))
        end = chip_h // 3  # room for the chip's rounded ends
        room = box.w - chip_h - 2 * gap
        for limit in (room, room * 2 // 3, room // 2, room // 3):
            labels = dict(zip(map(id, everyone), dotplot.labels([m.player.name for m in everyone],
                                                                limit - 2 * end, font), strict=True))
            out: list[tuple[str, Rect, str, str]] = []
            y = box.y
            for dist, ms in groups:
                out.append((f"distance {dist}", Rect(box.x, y, chip_h, chip_h), str(dist), ""))
                x = box.x + chip_h + 2 * gap
                for m in ms:
                    w = font.size(labels[id(m)])[0] + 2 * end
                    if x + w > box.right and x > box.x + chip_h + 2 * gap:
                        x, y = box.x + chip_h + 2 * gap, y + chip_h + gap
                    out.append((f"chip {m.player.id}", Rect(x, y, w, chip_h), labels[id(m)], m.colour))
                    x += w + gap
                y += chip_h + 2 * gap
            best = (px, out)
            if y - 2 * gap <= box.bottom:
                return best
    assert best is not None
    return best
