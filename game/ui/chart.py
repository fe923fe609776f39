"""A bar chart drawn with pygame: per topic one bar per player on the 1–5 scale."""

from __future__ import annotations

from dataclasses import dataclass

import pygame

from game.ui import layout, theme

Rect = pygame.Rect


@dataclass(frozen=True)
class Group:
    label: str
    colour: str  # the feature colour (a chip under the bars)
    bars: tuple[tuple[float | None, str], ...]  # (value or None when skipped, player colour)
    note: str = ""  # e.g. "lower is better"


def draw(
    surface: pygame.Surface, rect: Rect, groups: list[Group], title: str, legend: list[tuple[str, str]] = ()
) -> None:
    """The chart in its panel; legend: (name, colour) of each player, shown next to the title."""
    size = surface.get_size()
    theme.panel(surface, rect, radius=theme.px(size, 14))
    inner = layout.inset(rect, theme.px(size, 16), theme.px(size, 10))
    title_r, plot_r, labels_r = layout.rows(
        inner, [theme.px(size, 30), 1, theme.px(size, 44)], theme.px(size, 6)
    )
    title_r, legend_r = layout.cols(title_r, [0.5, 0.5], theme.px(size, 8))
    theme.text(surface, title, title_r, theme.px(size, 22), bold=True, valign="middle", min_px=10)
    if legend:
        cells = layout.cols(legend_r, [1] * len(legend), theme.px(size, 8))
        for (name, colour), cell in zip(legend, cells, strict=True):
            chip = Rect(cell.x, 0, cell.h * 2 // 3, cell.h * 2 // 3)
            chip.centery = cell.centery
            pygame.draw.rect(surface, theme.rgb(colour), chip, border_radius=3)
            pygame.draw.rect(surface, theme.INK, chip, width=1, border_radius=3)
            theme.one_line(
                surface,
                name,
                Rect(chip.right + 6, cell.y, cell.right - chip.right - 6, cell.h),
                theme.px(size, 20),
                align="left",
            )
    axis_w = theme.px(size, 26)
    axis_r, bars_r = layout.cols(plot_r, [axis_w, 1], theme.px(size, 6))
    top_pad = theme.px(size, 22)  # room for the value above a full bar
    base = bars_r.bottom
    unit = (bars_r.h - top_pad) / 5
    for v in range(1, 6):
        y = round(base - v * unit)
        pygame.draw.line(surface, (222, 214, 200), (bars_r.x, y), (bars_r.right, y), 1)
        theme.one_line(
            surface,
            str(v),
            Rect(axis_r.x, y - theme.px(size, 11), axis_r.w, theme.px(size, 22)),
            theme.px(size, 18),
            colour=theme.INK_SOFT,
            align="right",
        )
    pygame.draw.line(surface, theme.INK_SOFT, (bars_r.x, base), (bars_r.right, base), 2)
    if not groups:
        return
    cells = layout.cols(bars_r, [1] * len(groups), theme.px(size, 14))
    label_cells = layout.cols(
        Rect(bars_r.x, labels_r.y, bars_r.w, labels_r.h), [1] * len(groups), theme.px(size, 14)
    )
    chip_h = max(6, labels_r.h // 6)
    label_px = min(  # one size for every topic's name
        theme.fit(
            g.label if not g.note else f"{g.label}\n{g.note}",
            lab.w,
            lab.h - chip_h - 2,
            theme.px(size, 18),
            8,
        ).size_px
        for g, lab in zip(groups, label_cells, strict=True)
    )
    for g, cell, lab in zip(groups, cells, label_cells, strict=True):
        n = max(1, len(g.bars))
        gap = max(2, cell.w // 20)
        bw = max(4, (cell.w - gap * (n + 1)) // n)
        for i, (value, colour) in enumerate(g.bars):
            x = cell.x + gap + i * (bw + gap)
            if value is None:
                continue
            h = round(value * unit)
            bar = Rect(x, base - h, bw, h)
            pygame.draw.rect(
                surface, theme.rgb(colour), bar, border_top_left_radius=4, border_top_right_radius=4
            )
            pygame.draw.rect(
                surface, theme.INK, bar, width=1, border_top_left_radius=4, border_top_right_radius=4
            )
            shown = f"{value:.1f}".rstrip("0").rstrip(".")
            theme.one_line(
                surface,
                shown,
                Rect(x - gap, bar.y - top_pad, bw + 2 * gap, top_pad),
                theme.px(size, 18),
                bold=True,
            )
        pygame.draw.rect(
            surface, theme.rgb(g.colour), Rect(lab.x, lab.y, lab.w, chip_h), border_radius=chip_h // 2
        )
        text = g.label if not g.note else f"{g.label}\n{g.note}"
        theme.text(
            surface,
            text,
            Rect(lab.x, lab.y + chip_h + 2, lab.w, lab.h - chip_h - 2),
            label_px,
            align="center",
            min_px=8,
        )
