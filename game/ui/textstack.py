"""A column of text blocks sharing one box, for larger text: each block as high as its wrapped lines need, all
shrunk together (never below a floor) until the column fits; what is left over spaces the blocks apart.

Panels with fixed shares of their height (a title row, a hint row) hold at 100 % text; at 125–200 % a share is
too low for two lines, so such a panel draws its words as a stack instead (TeamBoard, the team's case screen).
"""

from __future__ import annotations

from dataclasses import dataclass

import pygame

from game.ui import theme

Rect = pygame.Rect


@dataclass(frozen=True)
class Block:
    text: str
    base: float  # its size for 1280×720 at 100 % (theme.tpx)
    bold: bool = False
    colour: tuple[int, int, int] | None = None
    align: str = "left"
    pad: int = 0  # drawn in a framed box this far around the words
    optional: bool = False  # left out (last first) when the column does not fit at the floor


def height(block: Block, w: int, px: int) -> int:
    """How high the block is, wrapped to w at px."""
    fitted = theme.fit(block.text, max(1, w - 2 * block.pad), 100_000, px, px, block.bold)
    return max(fitted.height, theme.font(px, block.bold).get_height()) + 2 * block.pad  # at least a line


def plan(
    blocks: list[Block], box: Rect, size: tuple[int, int], least: int, gap: int
) -> list[tuple[Block, Rect, int]]:
    """Each block shown, with its rectangle and text size: the largest common share of their sizes at which
    the column fits (no size below `least`); optional blocks are left out, last first, when even that fails."""
    shown = [b for b in blocks if b.text]
    while True:
        for share in range(100, 0, -4):
            sizes = [max(min(least, round(theme.tpx(size, b.base))), round(theme.tpx(size, b.base) * share / 100))
                     for b in shown]
            heights = [height(b, box.w, px) for b, px in zip(shown, sizes, strict=True)]
            if sum(heights) + gap * (len(shown) - 1) <= box.h or all(px <= least for px in sizes):
                break
        fits = sum(heights) + gap * (len(shown) - 1) <= box.h
        optional = [i for i, b in enumerate(shown) if b.optional]
        if fits or not optional:
            break
        shown.pop(optional[-1])
    spare = max(0, box.h - sum(heights) - gap * (len(shown) - 1))
    extra = min(spare // max(1, len(shown)), gap * 2)  # a little air between the blocks, the rest below
    out: list[tuple[Block, Rect, int]] = []
    y = box.y
    for b, h, px in zip(shown, heights, sizes, strict=True):
        out.append((b, Rect(box.x, y, box.w, min(h, box.bottom - y)), px))
        y += h + gap + extra
    return out


def fits(blocks: list[Block], box: Rect, least: int, gap: int) -> bool:
    """Whether every block fits box at the floor `least` (or its own size, when smaller)."""
    shown = [b for b in blocks if b.text]
    return sum(height(b, box.w, least) for b in shown) + gap * (len(shown) - 1) <= box.h


def draw(surface: pygame.Surface, blocks: list[Block], box: Rect, least: int, gap: int) -> list[Rect]:
    """Draw the column (see plan); returns each shown block's rectangle."""
    out = []
    for b, r, px in plan(blocks, box, surface.get_size(), least, gap):
        words = r
        if b.pad:
            radius = max(4, b.pad)
            pygame.draw.rect(surface, (243, 238, 230), r, border_radius=radius)
            pygame.draw.rect(surface, theme.INK, r, width=2, border_radius=radius)
            words = r.inflate(-2 * b.pad, -2 * b.pad)
        theme.text(surface, b.text, words, px, colour=b.colour, bold=b.bold, align=b.align, valign="middle",
                   min_px=px)
        out.append(r)
    return out
