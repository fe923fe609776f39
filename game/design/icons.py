"""Icons drawn as shapes (no emoji glyphs): the four feature icons, a person, a speech bubble, smileys."""

from __future__ import annotations

import math
from collections.abc import Callable
from functools import lru_cache

from game.design.primitives import Box, Circle, Path, Shape

Icon = Callable[[float, float, float, str, str], tuple[Shape, ...]]
"""icon(cx, cy, size, fg, bg): shapes filling a size×size square centred on (cx, cy)."""


def _pts(cx: float, cy: float, s: float, unit: list[tuple[float, float]]) -> tuple[tuple[float, float], ...]:
    """Unit coordinates (-0.5..0.5) scaled into the square."""
    return tuple((round(cx + x * s, 3), round(cy + y * s, 3)) for x, y in unit)


def compass(cx: float, cy: float, s: float, fg: str, bg: str) -> tuple[Shape, ...]:
    ring = s * 0.06
    r = s / 2 - ring / 2
    shapes: list[Shape] = [Circle(cx, cy, r, fill=bg, stroke=fg, stroke_mm=ring)]
    for ang in range(0, 360, 90):
        a = math.radians(ang)
        shapes.append(Path(
            ((cx + math.sin(a) * r * 0.62, cy - math.cos(a) * r * 0.62),
             (cx + math.sin(a) * r * 0.85, cy - math.cos(a) * r * 0.85)),
            stroke=fg, stroke_mm=ring * 0.8,
        ))
    # The needle, tilted a little: the north half filled, the south half open.
    tilt = math.radians(35)
    ux, uy = math.sin(tilt), -math.cos(tilt)  # towards north
    px, py = -uy, ux  # across the needle
    tip, half = r * 0.78, r * 0.2
    side_a, side_b = (cx + px * half, cy + py * half), (cx - px * half, cy - py * half)
    north = ((cx + ux * tip, cy + uy * tip), side_a, side_b)
    south = ((cx - ux * tip, cy - uy * tip), side_a, side_b)
    shapes.append(Path(tuple(_round(north)), closed=True, fill=fg, stroke=fg, stroke_mm=ring * 0.5))
    shapes.append(Path(tuple(_round(south)), closed=True, fill=bg, stroke=fg, stroke_mm=ring * 0.7))
    shapes.append(Circle(cx, cy, r * 0.09, fill=fg))
    return tuple(shapes)


def _round(points) -> list[tuple[float, float]]:
    return [(round(x, 3), round(y, 3)) for x, y in points]


def key(cx: float, cy: float, s: float, fg: str, bg: str) -> tuple[Shape, ...]:
    bow_r = s * 0.25
    bow_x = cx - s / 2 + bow_r
    shaft_h = s * 0.13
    return (
        Box(bow_x, cy - shaft_h / 2, s / 2 + cx - bow_x, shaft_h, fill=fg),
        Box(cx + s * 0.22, cy, s * 0.1, s * 0.2, fill=fg),
        Box(cx + s * 0.38, cy, s * 0.1, s * 0.26, fill=fg),
        Circle(bow_x, cy, bow_r, fill=fg),
        Circle(bow_x, cy, bow_r * 0.42, fill=bg),
    )


@lru_cache(maxsize=1)
def _heart_unit() -> list[tuple[float, float]]:
    pts = []
    for i in range(48):
        t = 2 * math.pi * i / 48
        x = 16 * math.sin(t) ** 3
        y = 13 * math.cos(t) - 5 * math.cos(2 * t) - 2 * math.cos(3 * t) - math.cos(4 * t)
        pts.append((x / 34, -(y + 2.5) / 34))
    return pts


def heart(cx: float, cy: float, s: float, fg: str, bg: str) -> tuple[Shape, ...]:
    return (Path(_pts(cx, cy, s, _heart_unit()), closed=True, fill=fg),)


_KNOT_N = 96


@lru_cache(maxsize=1)
def _trefoil() -> tuple[list[tuple[float, float]], list[list[int]]]:
    """Trefoil knot points (unit square) and the runs of indices that pass over a crossing."""
    pts, depth = [], []
    for i in range(_KNOT_N):
        t = 2 * math.pi * i / _KNOT_N
        x = math.sin(t) + 2 * math.sin(2 * t)
        y = -(math.cos(t) - 2 * math.cos(2 * t)) + 0.4
        pts.append((x / 6.6, y / 6.6))
        depth.append(-math.sin(3 * t))
    over: list[list[int]] = []
    seen: set[int] = set()
    for i in range(_KNOT_N):
        for j in range(i + 8, _KNOT_N):
            if min(j - i, _KNOT_N - (j - i)) < 8:
                continue
            if math.dist(pts[i], pts[j]) < 0.02:
                top = i if depth[i] > depth[j] else j
                if any(abs(top - k) < 6 for k in seen):
                    continue
                seen.add(top)
                over.append([(top + d) % _KNOT_N for d in range(-5, 6)])
    return pts, over


def knot(cx: float, cy: float, s: float, fg: str, bg: str) -> tuple[Shape, ...]:
    pts, over = _trefoil()
    rope = s * 0.11
    shapes: list[Shape] = [Path(_pts(cx, cy, s, pts), closed=True, stroke=fg, stroke_mm=rope)]
    for run in over:
        seg = _pts(cx, cy, s, [pts[k] for k in run])
        shapes.append(Path(seg[2:-2], stroke=bg, stroke_mm=rope * 2.0))
        shapes.append(Path(seg, stroke=fg, stroke_mm=rope))
    return tuple(shapes)


def person(cx: float, cy: float, s: float, fg: str, bg: str) -> tuple[Shape, ...]:
    body = [(-0.42 * math.cos(a), 0.5 - 0.5 * math.sin(a)) for a in (math.pi * i / 16 for i in range(17))]
    return (
        Path(_pts(cx, cy + s * 0.02, s, [(x, y * 0.92) for x, y in body]), closed=True, fill=fg),
        Circle(cx, cy - s * 0.24, s * 0.22, fill=fg, stroke=bg, stroke_mm=s * 0.05),
    )


def bubble(cx: float, cy: float, s: float, fg: str, bg: str) -> tuple[Shape, ...]:
    return (
        Box(cx - s / 2, cy - s * 0.42, s, s * 0.66, fill=fg, radius_mm=s * 0.2),
        Path(_pts(cx, cy, s, [(-0.22, 0.2), (-0.3, 0.48), (0.02, 0.2)]), closed=True, fill=fg),
        *(Circle(cx + dx * s, cy - s * 0.09, s * 0.07, fill=bg) for dx in (-0.24, 0, 0.24)),
    )


def smiley(cx: float, cy: float, r: float, value: int, face: str, ink: str) -> tuple[Shape, ...]:
    """A face from 1 (sad) to 5 (very happy), radius r; the mouth bends with the value."""
    k = (value - 3) / 2  # -1 .. 1
    line = r * 0.1
    hw = r * (0.42 + 0.06 * abs(k))
    base = cy + r * 0.38 - k * r * 0.16
    mouth = tuple(
        (round(cx + x, 3), round(base + k * r * 0.3 * (1 - (x / hw) ** 2), 3))
        for x in (hw * (i / 8 - 1) for i in range(17))
    )
    shapes: list[Shape] = [
        Circle(cx, cy, r, fill=face, stroke=ink, stroke_mm=line),
        Circle(cx - r * 0.36, cy - r * 0.25, r * 0.11, fill=ink),
        Circle(cx + r * 0.36, cy - r * 0.25, r * 0.11, fill=ink),
        Path(mouth, stroke=ink, stroke_mm=line * 1.1),
    ]
    if value == 5:  # an open, laughing mouth
        shapes[-1] = Path(mouth, closed=True, fill=ink, stroke=ink, stroke_mm=line * 1.1)
    return tuple(shapes)


def meter(cx: float, cy: float, w: float, h: float, value: int, fill: str, ink: str, bg: str) -> tuple[Shape, ...]:
    """Five bars rising left to right, the first `value` filled: "how much", without a mood."""
    gap = w * 0.06
    bw = (w - 4 * gap) / 5
    x0, bottom = cx - w / 2, cy + h / 2
    return tuple(
        Box(x0 + i * (bw + gap), bottom - h * (0.28 + 0.18 * i), bw, h * (0.28 + 0.18 * i),
            fill=fill if i < value else bg, stroke=ink, stroke_mm=0.35, radius_mm=bw * 0.15)
        for i in range(5)
    )


FEATURE_ICONS: dict[str, Icon] = {"compass": compass, "key": key, "heart": heart, "knot": knot}
