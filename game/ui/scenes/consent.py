"""Before the first card of a conversation: the deck's text on what happens with the answers, and the pair's
choice: save the summary, or only show it (nothing is written to sessions/).

Keys: 1 saves, 2 only shows; the arrows and Tab move between the two, Enter chooses; Esc goes back to the start.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

import pygame

from game.design.cards import word
from game.i18n import ui
from game.model.deck import Consent
from game.model.session import Keep
from game.ui import chrome, layout, spoken, theme
from game.ui.input import Input, Key
from game.ui.scene import Scene
from game.ui.widgets import Button

if TYPE_CHECKING:
    from game.ui.app import App

Rect = pygame.Rect
CHOICES = (Keep.SAVE, Keep.SHOW)  # in this order on the screen: digit 1 and 2


class ConsentScene(Scene):
    auto_read = True  # a client who cannot read hears the choice before making it

    def __init__(self, app: App, consent: Consent | None, lang: str, chosen: Callable[[Keep], None]):
        super().__init__(app)
        self.consent = consent
        self.view_lang = lang
        self.chosen = chosen
        self.focus = f"keep:{Keep.SAVE.value}"  # Enter alone saves, as every session did before the choice

    @property
    def lang(self) -> str:
        return self.view_lang

    def _text(self, field: str) -> str:
        if self.consent is None:
            return ""
        texts = getattr(self.consent, field)
        return texts.get(self.lang) or next(iter(texts.values()))

    # --- layout --------------------------------------------------------------------------------
    def layout(self, size: tuple[int, int]) -> None:
        self._place(size)
        head = self._text("title") or ui("keep_save", self.lang)
        if self.big and not chrome.title_fits(size, self.title_rect, head):  # a low window: a higher top bar
            self._place(size, chrome.title_height(size, self.title_rect.w, head))

    def _place(self, size: tuple[int, int], top_h: int | None = None) -> None:
        lang = self.lang
        f = chrome.frame(size, top_h=top_h)
        self.big = theme.text_scale > 1  # larger text: the two parts side by side, the choices in the bottom bar
        back = Button("back", ui("back", lang), hint="Esc")
        corner = chrome.corner_buttons(size, f.top, lang, menu=False)
        speak = chrome.speak_button(self.app.voice.enabled, lang)
        choices = [Button(f"keep:{keep.value}", ui(f"keep_{keep.value}", lang), hint=str(n))
                   for n, keep in enumerate(CHOICES, 1)]
        self.lines: list[tuple[str, Rect]] = []
        if self.big:
            back.rect = Rect(0, f.top.y, corner[0].rect.w, f.top.h)
            back.rect.right = corner[-1].rect.x - theme.px(size, 12)
            corner.append(back)
            for button in speak:  # the speaker button (square) left of Back
                button.rect = Rect(0, f.top.y, f.top.h, f.top.h)
                button.rect.right = back.rect.x - theme.px(size, 12)
                corner.append(button)
            self._big_layout(size, f, choices)
        else:
            bar = [back, *speak]
            chrome.buttons_right(size, f.bottom, bar, width=theme.px(size, 230))
            self.hint_rect = chrome.left_of(bar, f.bottom, f.gap)
            self._choices_right(size, f, choices)
        self.title_rect = Rect(f.top.x, f.top.y, min(b.rect.x for b in corner) - f.gap - f.top.x, f.top.h)
        self.widgets = [*choices, *([] if self.big else [back, *speak]), *corner]

    def _choices_right(self, size: tuple[int, int], f: chrome.Frame, buttons: list[Button]) -> None:
        """The deck's text at the left; right: "What do you choose?", then each choice as a big button with one
        line under it."""
        self.text_r, right = layout.cols(f.body, [0.58, 0.42], f.gap * 2)
        head_h = theme.px(size, 48)
        row = theme.target(size, 84)
        line_h = theme.px(size, 64)
        gap = theme.px(size, 12)
        self.choose_r = Rect(right.x, right.y, right.w, head_h)
        y = self.choose_r.bottom + gap
        for b, keep in zip(buttons, CHOICES, strict=True):
            b.rect = Rect(right.x, y, right.w, row)
            self.lines.append((ui(f"keep_{keep.value}_line", self.lang), Rect(right.x, y + row + gap // 2, right.w,
                                                                              line_h)))
            y += row + gap // 2 + line_h + gap * 2

    def _big_layout(self, size: tuple[int, int], f: chrome.Frame, buttons: list[Button]) -> None:
        """The deck's two parts side by side over the whole width; each choice a button in the bottom bar, with
        its line just above it (Back goes to the top bar; the hint on keys is left out: the buttons show them)."""
        self.hint_rect = Rect(f.bottom.x, f.bottom.y, 0, 0)
        self.choose_r = Rect(f.body.x, f.body.y, 0, 0)
        small = theme.small_px(size)
        places = layout.cols(f.bottom, [1, 1], f.gap * 2)
        texts = [ui(f"keep_{keep.value}_line", self.lang) for keep in CHOICES]
        line_h = max(theme.fit(t, p.w, f.body.h, small, small).height for t, p in zip(texts, places, strict=True))
        self.text_r, lines_r = layout.rows(f.body, [1, line_h], f.gap)
        if not self._text_plan(size, self.text_r)[3]:  # a low window: the deck's text first, the lines left out
            self.text_r, texts = f.body, []
        for b, place in zip(buttons, places, strict=True):
            b.rect = place
        for text, place in zip(texts, places, strict=False):  # (none in a low window)
            self.lines.append((text, Rect(place.x, lines_r.y, place.w, lines_r.h)))

    # --- drawing -------------------------------------------------------------------------------
    def draw(self, surface: pygame.Surface) -> None:
        size = surface.get_size()
        lang = self.lang
        surface.blit(theme.table_surface(size), (0, 0))
        head, sub = self._text("title") or ui("keep_save", lang), ui("consent_sub", lang)
        chrome.title(surface, self.title_rect, head, sub)  # (the sub only when it fits: the screen says it too)
        self._draw_text(surface)
        theme.text(surface, ui("consent_choose", lang), self.choose_r, theme.tpx(size, 30), bold=True,
                   valign="bottom")
        for line, rect in self.lines:
            theme.text(surface, line, rect, theme.small_px(size) if self.big else theme.tpx(size, 24),
                       colour=theme.INK_SOFT)
        theme.text(surface, ui("consent_hint", lang), self.hint_rect, theme.tpx(size, 22), colour=theme.INK_SOFT,
                   valign="middle")
        self.draw_widgets(surface)

    def _text_plan(self, size: tuple[int, int], text_r: Rect) -> tuple[list[tuple[str, str]], list[Rect], int, bool]:
        """The deck's two parts (heading, text), the boxes of their texts in text_r (one under the other, or side
        by side at a larger text size), the one size they share, and whether they fit whole at it."""
        pad_x, pad_y = theme.px(size, 28), theme.px(size, 10 if self.big else 22)
        inner = layout.inset(text_r, pad_x, pad_y)
        head_h = self._head_h(size)
        gap = theme.px(size, 18)
        parts = [(word(f"consent_{key}", self.lang), self._text(key)) for key in ("saved", "seen")]
        if self.big:
            boxes = [Rect(c.x, c.y + head_h, c.w, c.h - head_h) for c in layout.cols(inner, [1, 1], gap * 2)]
        else:
            each = (inner.h - 2 * head_h - gap) // 2
            boxes = [Rect(inner.x, inner.y + head_h, inner.w, each), Rect(inner.x, 0, inner.w, each)]
        px = theme.tpx(size, 28)
        while px > theme.small_px(size) and not self._fits(parts, boxes, px):
            px -= 1
        return parts, boxes, px, self._fits(parts, boxes, px)

    def _head_h(self, size: tuple[int, int]) -> int:
        return max(theme.px(size, 40), theme.font(theme.tpx(size, 22 if self.big else 28), True).get_height())

    @staticmethod
    def _fits(parts: list[tuple[str, str]], boxes: list[Rect], px: int) -> bool:
        return all(theme.fit(t, b.w, b.h, px, px).fits for (_, t), b in zip(parts, boxes, strict=True))

    def _draw_text(self, surface: pygame.Surface) -> None:
        """The deck's two parts (what is saved, who can see it), each under its heading, in one size."""
        size = surface.get_size()
        parts, boxes, px, _ = self._text_plan(size, self.text_r)
        head_px, head_h, gap = theme.tpx(size, 22 if self.big else 28), self._head_h(size), theme.px(size, 18)
        heights = [theme.fit(t, b.w, b.h, px, px).height for (_, t), b in zip(parts, boxes, strict=True)]
        used = head_h + max(heights) if self.big else 2 * head_h + gap + sum(heights)
        pad_y = boxes[0].y - head_h - self.text_r.y
        panel = Rect(self.text_r.x, self.text_r.y, self.text_r.w, 2 * pad_y + used)
        theme.panel(surface, panel.clip(self.text_r), radius=theme.px(size, 16))  # as high as its text
        y = boxes[0].y - head_h
        for (head, body), box, h in zip(parts, boxes, heights, strict=True):
            top = box.y - head_h if self.big else y
            theme.text(surface, head, Rect(box.x, top, box.w, head_h), head_px, bold=True, valign="middle")
            theme.text(surface, body, Rect(box.x, top + head_h, box.w, box.h), px, min_px=px)
            y += head_h + h + gap

    def spoken(self) -> str:
        """The title, the deck's two parts under their headings, the question, and each choice with its line."""
        lang = self.lang
        parts = [self._text("title") or ui("keep_save", lang), ui("consent_sub", lang)]
        for key in ("saved", "seen"):
            parts += [word(f"consent_{key}", lang), self._text(key)]
        parts.append(ui("consent_choose", lang))
        for n, keep in enumerate(CHOICES, 1):
            parts += [f"{n}: {ui(f'keep_{keep.value}', lang)}", ui(f"keep_{keep.value}_line", lang)]
        return spoken.words(*parts)

    # --- input ---------------------------------------------------------------------------------
    def activate(self, widget_id: str) -> bool:
        kind, _, arg = widget_id.partition(":")
        if kind == "keep":
            self.chosen(Keep(arg))
            return True
        if widget_id == "back":
            return self.back()
        return super().activate(widget_id)

    def confirm(self) -> bool:
        return self.activate(self.focus if self.focus and self.focus.startswith("keep:") else "keep:save")

    def back(self) -> bool:
        self.app.pop(self)
        return True

    def key(self, inp: Input) -> bool:
        if inp.key == Key.DIGIT and 1 <= inp.value <= len(CHOICES):
            return self.activate(f"keep:{CHOICES[inp.value - 1].value}")
        if inp.key in (Key.UP, Key.DOWN, Key.LEFT, Key.RIGHT):
            ids = [f"keep:{k.value}" for k in CHOICES]
            step = 1 if inp.key in (Key.DOWN, Key.RIGHT) else -1
            at = ids.index(self.focus) if self.focus in ids else (-1 if step > 0 else 0)
            self.focus = ids[(at + step) % len(ids)]
            return True
        return False

