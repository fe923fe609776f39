"""Drawing the design's Drawings onto a reportlab canvas, in mm from the page's top-left corner.

Paths are written as plain PDF operators (much faster than reportlab's path objects); colour, line width and
font are set only when they change.
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import lru_cache

from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas

from game.design.fonts import FONT_NAMES, PT_TO_MM, text_width_mm
from game.design.palette import WHITE, rgb
from game.design.primitives import Box, Circle, Drawing, Text
from game.design.primitives import Path as Polyline

ASCENT = 0.95  # the font's ascent in em: the first baseline lies this far below the top of a text line


_KAPPA = 0.5522847498  # Bézier handle length for a quarter circle


@lru_cache(maxsize=256)
def _rgb_op(hex_colour: str) -> str:
    """'#rrggbb' as the three numbers of a PDF rg/RG operator."""
    return " ".join(_num(v / 255, 4) for v in rgb(hex_colour))


def _num(v: float, places: int = 2) -> str:
    """A number for the PDF content stream: 0.01 pt (0.004 mm) is finer than any printer."""
    text = f"{v:.{places}f}".rstrip("0").rstrip(".")
    return "0" if text in ("", "-0") else text


class Pen:
    """Draws Drawings onto a reportlab canvas; coordinates in mm from the page's top-left corner."""

    def __init__(self, canvas: Canvas, page_h_mm: float):
        self.c = canvas
        self.page_h = page_h_mm
        self._fill: str | None = None
        self._stroke: str | None = None
        self._width: float | None = None
        self._font: tuple[str, float] | None = None

    def new_page(self) -> None:
        self.c.showPage()
        self._fill = self._stroke = self._width = self._font = None
        self.page_setup()

    def page_setup(self) -> None:
        self.c.setLineJoin(1)
        self.c.setLineCap(1)

    def fill(self, colour: str) -> None:
        if colour != self._fill:
            self.c.addLiteral(f"{_rgb_op(colour)} rg")
            self._fill = colour

    def stroke(self, colour: str, width_mm: float) -> None:
        if colour != self._stroke:
            self.c.addLiteral(f"{_rgb_op(colour)} RG")
            self._stroke = colour
        if width_mm != self._width:
            self.c.addLiteral(f"{_num(width_mm * mm)} w")
            self._width = width_mm

    def font(self, bold: bool, size: float) -> None:
        key = (FONT_NAMES[bold], size)
        if key != self._font:
            self.c.setFont(*key)
            self._font = key

    def x(self, v: float) -> float:
        return v * mm

    def y(self, v: float) -> float:
        return (self.page_h - v) * mm

    def _paint(self, path: list[str], fill: str | None, stroke: str | None, stroke_mm: float) -> None:
        """Emit a path and paint it, as plain PDF operators (much faster than reportlab's path objects)."""
        if fill:
            self.fill(fill)
        if stroke:
            self.stroke(stroke, stroke_mm)
        path.append("B" if fill and stroke else "f" if fill else "S" if stroke else "n")
        self.c.addLiteral("\n".join(path))

    def rect(self, x: float, y: float, w: float, h: float, fill: str | None, stroke: str | None,
             stroke_mm: float = 0.3, radius: float = 0.0) -> None:
        x0, y0, x1, y1 = self.x(x), self.y(y + h), self.x(x + w), self.y(y)
        if not radius:
            box = f"{_num(x0)} {_num(y0)} {_num(x1 - x0)} {_num(y1 - y0)} re"
            self._paint([box], fill, stroke, stroke_mm)
            return
        r = min(radius * mm, (x1 - x0) / 2, (y1 - y0) / 2)
        k = r * (1 - _KAPPA)
        n = _num
        self._paint([
            f"{n(x0 + r)} {n(y0)} m", f"{n(x1 - r)} {n(y0)} l",
            f"{n(x1 - k)} {n(y0)} {n(x1)} {n(y0 + k)} {n(x1)} {n(y0 + r)} c", f"{n(x1)} {n(y1 - r)} l",
            f"{n(x1)} {n(y1 - k)} {n(x1 - k)} {n(y1)} {n(x1 - r)} {n(y1)} c", f"{n(x0 + r)} {n(y1)} l",
            f"{n(x0 + k)} {n(y1)} {n(x0)} {n(y1 - k)} {n(x0)} {n(y1 - r)} c", f"{n(x0)} {n(y0 + r)} l",
            f"{n(x0)} {n(y0 + k)} {n(x0 + k)} {n(y0)} {n(x0 + r)} {n(y0)} c", "h",
        ], fill, stroke, stroke_mm)

    def circle(self, cx: float, cy: float, r: float, fill: str | None, stroke: str | None,
               stroke_mm: float) -> None:
        x, y, r = self.x(cx), self.y(cy), r * mm
        k = r * _KAPPA
        n = _num
        self._paint([
            f"{n(x + r)} {n(y)} m",
            f"{n(x + r)} {n(y + k)} {n(x + k)} {n(y + r)} {n(x)} {n(y + r)} c",
            f"{n(x - k)} {n(y + r)} {n(x - r)} {n(y + k)} {n(x - r)} {n(y)} c",
            f"{n(x - r)} {n(y - k)} {n(x - k)} {n(y - r)} {n(x)} {n(y - r)} c",
            f"{n(x + k)} {n(y - r)} {n(x + r)} {n(y - k)} {n(x + r)} {n(y)} c", "h",
        ], fill, stroke, stroke_mm)

    def polyline(self, points: Sequence[tuple[float, float]], closed: bool, fill: str | None,
                 stroke: str | None, stroke_mm: float) -> None:
        ops = [f"{_num(self.x(px))} {_num(self.y(py))} {'l' if i else 'm'}"
               for i, (px, py) in enumerate(points)]
        if closed:
            ops.append("h")
        self._paint(ops, fill if closed else None, stroke, stroke_mm)

    def line(self, x1: float, y1: float, x2: float, y2: float, colour: str, width_mm: float) -> None:
        self.polyline(((x1, y1), (x2, y2)), False, None, colour, width_mm)

    def text_line(self, text: str, x: float, top: float, size: float, bold: bool, colour: str,
                  align: str = "left", width: float = 0.0) -> None:
        self.font(bold, size)
        self.fill(colour)
        if align != "left":
            tw = text_width_mm(text, size, bold)
            x += (width - tw) / 2 if align == "center" else width - tw
        self.c.drawString(self.x(x), self.y(top + ASCENT * size * PT_TO_MM), text)

    def drawing(self, d: Drawing, ox: float, oy: float, bleed: float = 0.0) -> None:
        """Draw a card with its top-left corner at (ox, oy); a full-card background runs into the bleed."""
        for s in d.shapes:
            if isinstance(s, Box):
                if s.x <= 0 and s.y <= 0 and s.x + s.w >= d.w and s.y + s.h >= d.h:
                    if s.fill and s.fill.lower() != WHITE:  # the paper is white already
                        self.rect(ox - bleed, oy - bleed, d.w + 2 * bleed, d.h + 2 * bleed, s.fill, None)
                    continue
                self.rect(ox + s.x, oy + s.y, s.w, s.h, s.fill, s.stroke, s.stroke_mm, s.radius_mm)
            elif isinstance(s, Circle):
                self.circle(ox + s.cx, oy + s.cy, s.r, s.fill, s.stroke, s.stroke_mm)
            elif isinstance(s, Polyline):
                if len(s.points) >= 2:
                    self.polyline([(ox + px_, oy + py_) for px_, py_ in s.points], s.closed, s.fill, s.stroke,
                                  s.stroke_mm)
            elif isinstance(s, Text):
                for i, line in enumerate(s.lines):
                    if line:
                        self.text_line(line, ox + s.x, oy + s.y + i * s.line_height_mm, s.size_pt, s.bold,
                                       s.colour, s.align, s.w)

