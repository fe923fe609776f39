"""The history with larger text: one topic at a time (history_chart.py) with ‹ Previous / Next › under it, and
beside it, in pages (Newer / Older), the changes since last time, the agreements per session, the files that could
not be read and how to read the lines: every word at the readable size, nothing cut.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

import pygame

from game.i18n import local, record_word, short_date, ui
from game.ui import layout, measure, paged, theme
from game.ui.scenes import history_chart
from game.ui.widgets import Button, label_px

if TYPE_CHECKING:
    from game.ui.scenes.history import HistoryScene

Rect = pygame.Rect


class LargeText:
    """The larger-text layout of a history screen: where things go, what the agreements pages hold."""

    def __init__(self, scene: HistoryScene):
        self.scene = scene
        self.page = 0  # the page of the agreements panel
        self.pages: list[list[paged.Block]] = [[]]
        self.chart_r = self.topic_r = self.side_r = self.body_r = Rect(0, 0, 0, 0)

    def layout(self, size: tuple[int, int], charts: Rect, side: Rect) -> list[Button]:
        """Place the topic and the agreements panel; the buttons of both."""
        scene, lang = self.scene, self.scene.lang
        n = len(scene.history.features)
        scene.big = min(scene.big or 0, max(0, n - 1))
        gap = theme.px(size, 16)
        self.chart_r, nav = layout.rows(charts, [1, theme.target(size, 60)], theme.px(size, 8))
        prev = Button("topic_prev", "‹ " + ui("rows_prev", lang), enabled=n > 1)
        nxt = Button("topic_next", ui("rows_next", lang) + " ›", enabled=n > 1)
        least = max(theme.room(size, 150), *(measure.button_width(size, b.label, nav.h) for b in (prev, nxt)))
        whole = max(measure.button_width(size, b.label, nav.h, px=label_px(nav.h)) for b in (prev, nxt))
        short = theme.font(theme.body_px(size), True).size(ui("topic_of_short", lang, k=n, n=n))[0]
        w = max(least, min(whole, (nav.w - short - 2 * gap) // 2))  # both as wide: their words at one size
        prev.rect = Rect(nav.x, nav.y, w, nav.h)
        nxt.rect = Rect(nav.right - w, nav.y, w, nav.h)
        self.topic_r = Rect(prev.rect.right + gap, nav.y, nxt.rect.x - prev.rect.right - 2 * gap, nav.h)
        self.side_r = side
        inner = layout.inset(side, theme.px(size, 14), theme.px(size, 10))
        self.body_r, nav_r = layout.rows(inner, [1, theme.target(size, 60)], theme.px(size, 8))
        body = self.body_r
        self.pages = paged.pages(paged.blocks(self.groups(), body.w, size, body.h), body.h)
        self.page = min(self.page, len(self.pages) - 1)
        newer_r, older_r = layout.cols(nav_r, [0.5, 0.5], theme.px(size, 10))
        newer = Button("newer", ui("newer", lang), newer_r, enabled=self.page > 0)
        older = Button("older", ui("older", lang), older_r, enabled=self.page + 1 < len(self.pages))
        return [*([prev, nxt] if n else []), newer, older]

    def groups(self) -> list[tuple[str, list[str], str]]:
        """The agreements panel: (title, items, what stands when there are none)."""
        scene, lang = self.scene, self.scene.lang
        out = [(ui("history_agreements", lang), [], "")]
        if questions := scene.change_questions():
            out.append((record_word("since_last", lang), questions, ""))
        for entry in scene.sessions:
            day = short_date(local(entry.started_at).date(), lang)
            if entry.ended_early:
                day += f" · {record_word('ended_early', lang)}"
            out.append((day, scene.agreement_lines(entry), ui("no_agreements", lang)))
        if bad := scene.unreadable_names():
            out.append((ui("history_unreadable", lang), bad, ""))
        if scene.history.features:
            out.append((ui("trend_how_title", lang), re.split(r"(?<=\.)\s+", scene.how()), ""))  # a line a rule
        return out

    def turn(self, step: int) -> bool:
        """The next (1) or previous (-1) page of the agreements panel; False when there is none."""
        page = max(0, min(self.page + step, len(self.pages) - 1))
        changed, self.page = page != self.page, page
        return changed

    def draw(self, surface: pygame.Surface) -> None:
        """The topic shown, which of how many, the agreements page, the key to the marks."""
        from game.record import role_colours
        from game.record_shapes import look

        scene, lang = self.scene, self.scene.lang
        size = surface.get_size()
        features = scene.history.features
        if features and scene.big is not None:
            fh = features[scene.big]
            history_chart.draw(surface, fh, look(scene.app.deck, fh.feature, lang), self.chart_r, lang,
                               role_colours(list(scene.history.players)))
            px = theme.body_px(size)
            label = ui("topic_of", lang, k=scene.big + 1, n=len(features))
            if theme.font(px, True).size(label)[0] > self.topic_r.w:
                label = ui("topic_of_short", lang, k=scene.big + 1, n=len(features))
            theme.one_line(surface, label, self.topic_r, px, bold=True)
        theme.panel(surface, self.side_r, radius=theme.px(size, 14))
        paged.draw(surface, tuple(self.pages[self.page]), self.body_r)
        history_chart.key(surface, scene.legend_rect, list(scene.history.players), lang)
