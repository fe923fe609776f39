"""What a design is made of: a few shapes in millimetres that the window and the PDF both draw.

Coordinates are in mm with the origin at the top-left corner of the card (y grows downward).
Colours are "#rrggbb" strings.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal


@dataclass(frozen=True)
class Box:
    x: float
    y: float
    w: float
    h: float
    fill: str | None = None
    stroke: str | None = None
    stroke_mm: float = 0.3
    radius_mm: float = 0.0


@dataclass(frozen=True)
class Circle:
    cx: float
    cy: float
    r: float
    fill: str | None = None
    stroke: str | None = None
    stroke_mm: float = 0.3


@dataclass(frozen=True)
class Path:
    """A polyline (open) or polygon (closed) through points in mm."""

    points: tuple[tuple[float, float], ...]
    closed: bool = False
    fill: str | None = None
    stroke: str | None = None
    stroke_mm: float = 0.3


@dataclass(frozen=True)
class Text:
    """Lines already broken by the design (game.design.fonts), drawn from the top of the box."""

    x: float
    y: float
    w: float
    h: float
    lines: tuple[str, ...]
    size_pt: float
    line_height_mm: float
    colour: str = "#1a1a1a"
    bold: bool = False
    align: Literal["left", "center", "right"] = "left"
    fine: bool = False  # fine print (a footer, a side label, a scale key): the card's words are elsewhere


Shape = Box | Circle | Path | Text


@dataclass(frozen=True)
class Drawing:
    """A card (or any panel) as a list of shapes, drawn in order."""

    w: float
    h: float
    shapes: tuple[Shape, ...] = field(default_factory=tuple)

    def texts(self) -> list[Text]:
        return [s for s in self.shapes if isinstance(s, Text)]
