"""The rules (F1): the text of rules.md, in the language played, to scroll through."""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

import pygame

from game.i18n import ui
from game.ui import chrome, layout, theme
from game.ui.input import Input, Key
from game.ui.scene import Scene
from game.ui.widgets import Button

if TYPE_CHECKING:
    from game.ui.app import App

Rect = pygame.Rect


@dataclass(frozen=True)
class Block:
    text: str
    level: int  # 1 title, 2 heading, 0 paragraph
    bullet: str = ""  # "•" or "1." in front of a list item


def parse(markdown: str) -> list[Block]:
    """A little Markdown: # and ## headings, paragraphs, - and 1. lists; **bold** marks are dropped."""
    blocks: list[Block] = []
    current: list[str] = []
    bullet = ""

    def close() -> None:
        nonlocal current, bullet
        if current:
            blocks.append(Block(" ".join(current), 0, bullet))
        current, bullet = [], ""

    for raw in markdown.splitlines():
        line = re.sub(r"\*\*(.+?)\*\*", r"\1", raw.rstrip())
        stripped = line.strip()
        if not stripped or re.fullmatch(r"[-*_]{3,}", stripped):  # blank line or a horizontal rule
            close()
        elif stripped.startswith("#"):
            close()
            level = len(stripped) - len(stripped.lstrip("#"))
            blocks.append(Block(stripped.lstrip("#").strip(), 1 if level == 1 else 2))
        elif m := re.match(r"^[-*]\s+(.*)", stripped):
            close()
            current, bullet = [m.group(1)], "•"
        elif (m := re.match(r"^(\d+)\.\s+(.*)", stripped)) and not line.startswith(" "):
            close()
            current, bullet = [m.group(2)], f"{m.group(1)}."
        else:
            current.append(stripped)
    close()
    return blocks


def for_language(blocks: list[Block], lang: str) -> list[Block]:
    """rules.md holds Dutch first, then an English part under its own title: keep the part of lang."""
    titles = [i for i, b in enumerate(blocks) if b.level == 1]
    if len(titles) < 2:
        return blocks
    english = next((i for i in titles if "english" in blocks[i].text.lower()), titles[1])
    return blocks[english:] if lang == "en" else blocks[:english]


def load(path: Path, lang: str) -> list[Block]:
    try:
        text = path.read_text(encoding="utf-8")
    except OSError:
        return [Block(ui("rules", lang), 1), Block(ui("rules_missing", lang), 0)]
    return for_language(parse(text), lang)


class RulesScene(Scene):
    def __init__(self, app: App):
        super().__init__(app)
        lang = app.table.state.setup.language if app.table else app.lang
        self._lang = lang
        self.blocks = load(app.rules_path, lang)
        self.scroll = 0  # index of the first line shown
        self.lines: list[tuple[str, int, bool, int]] = []  # (text, size, bold, indent)
        self.page = 1
        self._key: tuple | None = None

    @property
    def lang(self) -> str:
        return self._lang

    def layout(self, size: tuple[int, int]) -> None:
        f = chrome.frame(size)
        self.f = f
        back = Button("back", ui("back", self.lang), primary=True, hint="Esc")
        chrome.buttons_right(size, f.bottom, [back])
        self.hint_rect = chrome.left_of([back], f.bottom, f.gap)
        self.title_rect = f.top
        self.page_rect = f.body
        text = layout.inset(f.body, theme.px(size, 28), theme.px(size, 18))
        bar_w = max(14, theme.px(size, 18))
        self.bar_rect = Rect(text.right - bar_w, text.y, bar_w, text.h)
        self.text_rect = Rect(text.x, text.y, text.w - bar_w - theme.px(size, 20), text.h)
        self.widgets = [back]
        key = (self.text_rect.size, size, theme.text_scale)
        if key != self._key:
            self._key = key
            self._wrap(size)

    def _wrap(self, size: tuple[int, int]) -> None:
        """Break every block into lines for this width (done once per window size)."""
        w = self.text_rect.w
        self.lines = []
        body = theme.tpx(size, 26)
        for b in self.blocks:
            px_size = {1: theme.tpx(size, 38), 2: theme.tpx(size, 30)}.get(b.level, body)
            bold = b.level > 0
            indent = theme.room(size, 40) if b.bullet else 0
            fitted = theme.fit(b.text, w - indent, 100_000, px_size, px_size, bold)
            if b.level and self.lines:
                self.lines.append(("", body // 2, False, 0))
            for i, line in enumerate(fitted.lines):
                prefix = b.bullet if i == 0 and b.bullet else ""
                self.lines.append((f"{prefix}\t{line}" if b.bullet else line, fitted.size_px, bold, indent))
            self.lines.append(("", body // 3, False, 0))
        line_h = round(body * 1.3)
        self.page = max(1, self.text_rect.h // line_h - 1)
        self.scroll = min(self.scroll, self.max_scroll)

    @property
    def max_scroll(self) -> int:
        """The first line shown when the end of the text is at the bottom of the page."""
        total = 0
        for i in range(len(self.lines) - 1, -1, -1):
            total += self._height(self.lines[i])
            if total > self.text_rect.h:
                return i + 1
        return 0

    @staticmethod
    def _height(line: tuple[str, int, bool, int]) -> int:
        return round(line[1] * 1.3)

    def draw(self, surface: pygame.Surface) -> None:
        size = surface.get_size()
        surface.blit(theme.table_surface(size), (0, 0))
        chrome.title(surface, self.title_rect, ui("rules", self.lang))
        theme.panel(surface, self.page_rect, radius=theme.px(size, 14))
        y = self.text_rect.y
        for text, px_size, bold, indent in self.lines[self.scroll :]:
            h = round(px_size * 1.3)
            if y + h > self.text_rect.bottom:
                break
            if text:
                bullet, _, rest = text.partition("\t") if "\t" in text else ("", "", text)
                box = Rect(self.text_rect.x + indent, y, self.text_rect.w - indent, h)
                theme.one_line(surface, rest, box, px_size, bold=bold, align="left")
                if bullet:
                    theme.one_line(
                        surface,
                        bullet,
                        Rect(self.text_rect.x, y, indent, h),
                        px_size,
                        bold=True,
                        align="left",
                    )
            y += h
        if self.max_scroll > 0:
            self._draw_bar(surface)
            theme.text(
                surface,
                ui("rules_scroll", self.lang),
                self.hint_rect,
                theme.tpx(size, 22),
                valign="middle",
                colour=theme.INK_SOFT,
            )
        self.draw_widgets(surface)

    def thumb(self) -> Rect:
        """The scroll bar's thumb: as long as the share of the text in view, where the view is."""
        track = self.bar_rect
        total = sum(self._height(line) for line in self.lines) or 1
        h = max(track.w * 2, min(track.h, round(track.h * self.text_rect.h / total)))
        y = track.y + round((track.h - h) * self.scroll / max(1, self.max_scroll))
        return Rect(track.x, y, track.w, h)

    def _draw_bar(self, surface: pygame.Surface) -> None:
        radius = self.bar_rect.w // 2
        pygame.draw.rect(surface, (226, 218, 204), self.bar_rect, border_radius=radius)
        pygame.draw.rect(surface, theme.INK_SOFT, self.thumb(), border_radius=radius)

    def _scroll(self, delta: int) -> bool:
        new = min(self.max_scroll, max(0, self.scroll + delta))
        changed = new != self.scroll
        self.scroll = new
        return changed

    def key(self, inp: Input) -> bool:
        step = {
            Key.DOWN: 1,
            Key.UP: -1,
            Key.PAGE_DOWN: self.page,
            Key.PAGE_UP: -self.page,
            Key.HOME: -10_000,
            Key.END: 10_000,
        }.get(inp.key)
        if step is not None:
            return self._scroll(step)
        if inp.key == Key.SCROLL:
            return self._scroll(-3 * inp.value)
        if inp.key == Key.CLICK and self.max_scroll > 0 and self.bar_rect.inflate(16, 0).collidepoint(inp.pos):
            thumb = self.thumb()  # a click above or below the thumb turns a page
            if inp.pos[1] < thumb.top:
                return self._scroll(-self.page)
            if inp.pos[1] > thumb.bottom:
                return self._scroll(self.page)
        return False

    def handle(self, inp: Input) -> bool:
        if inp.key == Key.SCROLL:
            return self.key(inp)
        return super().handle(inp)

    def confirm(self) -> bool:
        self.app.pop(self)
        return True

    def back(self) -> bool:
        return self.confirm()

    def activate(self, widget_id: str) -> bool:
        return self.confirm() if widget_id == "back" else False
