"""A pair's history in the window: per topic the client's and the professional's line over the sessions, the
spread between them, the trend in words, and per session its agreements.

The charts are the record's shapes (game.record_shapes.trend_panel, in mm) drawn by game.ui.render, so screen
and paper show the same thing. Files are only read; an unreadable one is listed by name and left alone.
Keys: 1–4 (or a click) shows one topic large, ←/→ the next topic, ↑/↓ (or the wheel) the agreements,
Esc goes back.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

import pygame

from game.design.primitives import Drawing
from game.history import PairHistory, SessionEntry, load_history
from game.i18n import local, long_date, record_word, short_date, ui
from game.model.session import Role
from game.store import StoreError
from game.ui import chrome, layout, render, spoken, theme
from game.ui.input import Input, Key
from game.ui.scene import Scene
from game.ui.scenes import history_chart
from game.ui.scenes.history_wide import LargeText
from game.ui.widgets import Button, focus_ring

if TYPE_CHECKING:
    from game.ui.app import App

Rect = pygame.Rect
# A chart is the report's panel drawn as large as its cell allows: its fixed parts (name, trend, dates, the
# two trend lines) need about 28 mm of height, its plot some width (in mm, so the text scales with it).
CHART_MM = (48.0, 39.0)  # the smallest chart (w, h) in mm in the overview: at 1280×720 labels ≈ 15 px
BIG_CHART_MM = (90.0, 52.0)  # one topic large


@dataclass
class Spot:
    """A chart to click or reach with Tab (Enter shows it large); it draws only its focus ring."""

    id: str
    rect: Rect = field(default_factory=lambda: Rect(0, 0, 0, 0))
    enabled: bool = True
    focusable = True
    primary = False

    def hit(self, pos: tuple[int, int]) -> bool:
        return self.rect.collidepoint(pos)

    def draw(self, surface: pygame.Surface, hover: bool, focus: bool) -> None:
        radius = max(8, self.rect.h // 20)
        if focus:
            focus_ring(surface, self.rect, radius, max(3, self.rect.h // 60))
        elif hover:
            ring = max(3, self.rect.h // 60)
            pygame.draw.rect(surface, theme.PANEL_EDGE, self.rect.inflate(2 * ring, 2 * ring), width=ring,
                             border_radius=radius)


def read_history(root: Path | None, code: str) -> tuple[PairHistory, str]:
    """The pair's history, or an empty one and one line when the data directory cannot be read."""
    if root is None:
        return PairHistory(code, (), ()), ""
    try:
        return load_history(root, code), ""
    except (StoreError, OSError) as exc:
        return PairHistory(code, (), ()), str(exc).splitlines()[0] if str(exc) else type(exc).__name__


class HistoryScene(Scene):
    def __init__(self, app: App, pair_code: str, lang: str | None = None):
        super().__init__(app)
        self.history, self.problem = read_history(app.data_dir, pair_code)
        self.view_lang = lang or app.lang
        self.big: int | None = None  # the topic shown large, or None: all topics
        self.first = 0  # the agreements: the newest session shown first, from this one on
        self.pages: list[int] = []  # where the pages before this one started (Newer goes back to them)
        self.shown = 0  # how many sessions the agreements panel showed in the last frame
        self.large = LargeText(self)  # larger text: one topic at a time, the agreements in pages
        self._charts: dict[tuple[str, int, int, bool], Drawing] = {}
        self.drawn: list[str] = []  # the lines of text in the charts and legend of the last frame

    @property
    def lang(self) -> str:
        return self.view_lang

    @property
    def wide(self) -> bool:
        """Larger text: one topic at a time with its words at the readable size, the agreements in pages."""
        return theme.text_scale > 1

    @property
    def sessions(self) -> list[SessionEntry]:
        """Newest first: what a pair looks back on first."""
        return list(reversed(self.history.sessions))

    # --- layout --------------------------------------------------------------------------------
    def layout(self, size: tuple[int, int]) -> None:
        lang = self.lang
        f = chrome.frame(size)
        self.f = f
        corner = chrome.corner_buttons(size, f.top, lang, menu=False, speak=self.app.voice.enabled)
        self.title_rect = Rect(f.top.x, f.top.y, min(b.rect.x for b in corner) - f.gap - f.top.x, f.top.h)
        back = Button("back", ui("back", lang), primary=True, hint="Esc")
        chrome.buttons_right(size, f.bottom, [back], width=theme.room(size, 260))
        self.legend_rect = chrome.left_of([back], f.bottom, f.gap)
        self.charts_r, side = layout.cols(f.body, [0.56, 0.44] if self.wide else [0.64, 0.36], f.gap)
        if self.wide:
            self.spots = []
            self.widgets = [*self.large.layout(size, self.charts_r, side), back, *corner]
            return
        bad = self.unreadable_names()
        if bad:
            self.agree_r, self.bad_r = layout.rows(side, [0.7, 0.3], f.gap)
        else:
            self.agree_r, self.bad_r = side, Rect(side.x, side.bottom, side.w, 0)
        inner = layout.inset(self.agree_r, theme.px(size, 14), theme.px(size, 10))
        title_h = theme.px(size, 34)
        nav_h = theme.target(size, 52)
        self.agree_title, self.agree_body, nav = layout.rows(inner, [title_h, 1, nav_h], theme.px(size, 8))
        newer_r, older_r = layout.cols(nav, [0.5, 0.5], theme.px(size, 10))
        newer = Button("newer", ui("newer", lang), newer_r, enabled=self.first > 0)
        older = Button("older", ui("older", lang), older_r, enabled=self.has_older)
        self.spots = []
        features = self.history.features
        if features:
            if self.big is None:
                cols = 1 if len(features) == 1 else 2
                cells = layout.grid(self.charts_r, len(features), cols, f.gap)
                self.spots = [Spot(f"chart:{i}", cell) for i, cell in enumerate(cells)]
            else:
                self.spots = [Spot(f"chart:{self.big}", Rect(self.charts_r))]
        self.widgets = [*self.spots, newer, older, back, *corner]

    @property
    def has_older(self) -> bool:
        """Older sessions than the agreements panel shows (as far as the last frame knew)."""
        if self.wide:
            return self.large.page + 1 < len(self.large.pages)
        return self.first + max(1, self.shown) < len(self.sessions)

    def unreadable_names(self) -> list[str]:
        """The file name of each unreadable summary (the store's line starts with the path)."""
        names = []
        for line in self.history.unreadable:
            path = line.split(": ", 1)[0]
            names.append(Path(path).name or path)
        return names

    # --- drawing -------------------------------------------------------------------------------
    def draw(self, surface: pygame.Surface) -> None:
        size = surface.get_size()
        lang = self.lang
        surface.blit(theme.table_surface(size), (0, 0))
        self.drawn = []
        chrome.title(surface, self.title_rect, ui("history_title", lang, code=self.history.pair_code),
                     self._subtitle(size))
        if not self.history.features:
            theme.panel(surface, self.charts_r, radius=theme.px(size, 14))
            theme.text(surface, self.problem or ui("history_none", lang), layout.inset(self.charts_r, 24),
                       theme.tpx(size, 26), align="center", valign="middle", min_px=11)
        if self.wide:
            self.large.draw(surface)
            self.draw_widgets(surface)
            return
        for spot in self.spots:
            self._draw_chart(surface, spot)
        self._draw_agreements(surface)
        older = self.widget("older")
        if older is not None:  # how many sessions fit is known only now: the button says so in this frame
            older.enabled = self.has_older
        self._draw_unreadable(surface)
        if self.legend_rect.w > 0:  # the key to the marks (the report's shapes), then how the trend is read
            key_r, how_r = layout.rows(self.legend_rect, [0.5, 0.5])
            self._render(surface, *history_chart.report_key(key_r, list(self.history.players), self.lang))
            theme.text(surface, self.how(), how_r, theme.tpx(size, 18), colour=theme.INK_SOFT, valign="middle",
                       min_px=9)
        self.draw_widgets(surface)

    def _subtitle(self, size: tuple[int, int]) -> str:
        lang = self.lang
        sessions = self.history.sessions
        if not sessions:
            return ""
        first = long_date(local(sessions[0].started_at).date(), lang)
        last = long_date(local(sessions[-1].started_at).date(), lang)
        line = theme.font(theme.small_px(size)).get_height()
        if self.wide and not theme.fit(ui("history_sub", lang, n=len(sessions), first=first, last=last),
                                       self.title_rect.w, line, theme.tpx(size, 22), theme.small_px(size)).fits:
            first = short_date(local(sessions[0].started_at).date(), lang)  # "7 jan 2025": on one line
            last = short_date(local(sessions[-1].started_at).date(), lang)
        if len(sessions) == 1:
            text = ui("history_sub_one", lang, first=first)
        else:
            text = ui("history_sub", lang, n=len(sessions), first=first, last=last)
        n = len(self.history.features)
        if self.wide:  # the buttons under the topic say how to go on
            return text
        hint = ui("history_hint", lang, n=n) if self.big is None else ui("history_hint_one", lang)
        return f"{text}. {hint}" if n > 1 else text

    def _chart(self, index: int, rect: Rect, size: tuple[int, int]) -> Drawing:
        """The report's trend panel for one topic, in mm chosen so that its text is readable at this size."""
        from game.record import role_colours
        from game.record_shapes import look, trend_panel

        min_w, min_h = CHART_MM if self.big is None else BIG_CHART_MM
        k = max(1.0, min(rect.w / min_w, rect.h / min_h))  # px per mm
        w_mm, h_mm = rect.w / k, rect.h / k
        fh = self.history.features[index]
        key = (fh.feature, rect.w, rect.h, self.big is not None)
        drawing = self._charts.get(key)
        if drawing is None:
            shapes = trend_panel(fh, look(self.app.deck, fh.feature, self.lang), 0, 0, w_mm, h_mm, self.lang,
                                 role_colours(list(self.history.players)))
            drawing = Drawing(w_mm, h_mm, tuple(shapes))
            self._charts[key] = drawing
        return drawing

    def _draw_chart(self, surface: pygame.Surface, spot: Spot) -> None:
        index = int(spot.id.split(":")[1])
        self._render(surface, self._chart(index, spot.rect, surface.get_size()), spot.rect)

    def _render(self, surface: pygame.Surface, drawing: Drawing, rect: Rect) -> None:
        render.draw(surface, drawing, rect)
        self.drawn += [line for t in drawing.texts() for line in t.lines]

    def spoken(self) -> str:
        """The title, each topic shown with its trend in words (as its chart says), then the agreements shown."""
        from game.history import gap_words, trend_words
        from game.record_shapes import look

        lang = self.lang
        parts = [ui("history_title", lang, code=self.history.pair_code), self._subtitle(self.app.screen_size())]
        if not self.history.features:
            parts.append(self.problem or ui("history_none", lang))
        shown = [int(spot.id.split(":")[1]) for spot in self.spots]
        if self.wide and self.history.features:  # larger text: one topic at a time
            shown = [self.big or 0]
        for index in shown:
            fh = self.history.features[index]
            parts += [look(self.app.deck, fh.feature, lang).name, gap_words(fh.gap_trend, lang)]
            parts += [f"{record_word(role.value, lang)}: {trend_words(fh.role_trend(role), lang)}"
                      for role in (Role.CLIENT, Role.PROFESSIONAL)]
        if self.wide:  # the agreements panel's page shown
            parts += [block.text for block in self.large.pages[self.large.page]]
            return spoken.words(*parts)
        parts.append(ui("history_agreements", lang))
        questions = self.change_questions() if self.first == 0 else []
        if questions:
            parts += [record_word("since_last", lang), *questions]
        for entry in self.sessions[self.first : self.first + max(1, self.shown)]:
            parts.append(short_date(local(entry.started_at).date(), lang))
            parts += self.agreement_lines(entry) or [ui("no_agreements", lang)]
        return spoken.words(*parts)

    def agreement_lines(self, entry: SessionEntry) -> list[str]:
        names = {f.id: f.name.get(self.lang, next(iter(f.name.values()))) for f in self.app.deck.features}
        out = []
        for a in entry.agreements:
            label = names.get(a.feature, a.feature) if a.feature else ""
            out.append(f"{label}: {a.text}" if label else a.text)
        return out

    def _draw_agreements(self, surface: pygame.Surface) -> None:
        """Per session (newest first) its date and agreements; what does not fit is paged with Older/Newer."""
        size = surface.get_size()
        lang = self.lang
        theme.panel(surface, self.agree_r, radius=theme.px(size, 14))
        theme.text(surface, ui("history_agreements", lang), self.agree_title, theme.px(size, 24), bold=True,
                   valign="middle", min_px=10)
        body = self.agree_body
        y = body.y
        head_px = theme.px(size, 21)
        item_px = theme.px(size, 20)
        self.shown = 0
        questions = self.change_questions() if self.first == 0 else []
        if questions:  # on the first page: what changed since last time, as questions
            head_h = theme.font(head_px, True).get_height()
            theme.text(surface, record_word("since_last", lang), Rect(body.x, y, body.w, head_h), head_px, bold=True,
                       min_px=10)
            room = Rect(body.x, y + head_h + 2, body.w, body.h // 2 - head_h - 2)
            shown = theme.bullets(surface, questions, room, item_px, min(item_px, 11))
            y = room.y + theme.bullets_height(questions[:shown], room.w, item_px)[0] + theme.px(size, 14)
        for entry in self.sessions[self.first:]:
            day = short_date(local(entry.started_at).date(), lang)
            if entry.ended_early:
                day += f" · {record_word('ended_early', lang)}"
            head_h = theme.font(head_px, True).get_height()
            items = self.agreement_lines(entry) or [ui("no_agreements", lang)]
            room = Rect(body.x, y + head_h + 2, body.w, body.bottom - y - head_h - 2)
            count, _ = theme.plan_bullets(items, room, item_px, item_px) if room.h > 0 else (0, item_px)
            if self.shown and count < len(items):
                break  # the next session starts on the next page (Older)
            theme.text(surface, day, Rect(body.x, y, body.w, head_h), head_px, bold=True, min_px=10)
            if entry.agreements:
                shown = theme.bullets(surface, items, room, item_px, min(item_px, 11))
                bottom = room.y + theme.bullets_height(items[:shown], room.w, item_px)[0] if shown else room.y
            else:
                covered = theme.text(surface, items[0], room, item_px, colour=theme.INK_SOFT, min_px=10)
                bottom = covered.bottom
            self.shown += 1
            y = bottom + theme.px(size, 14)
            if y >= body.bottom:
                break

    def change_questions(self) -> list[str]:
        """The changes since the session before the last one that deserve a question."""
        from game.history import change_question
        from game.record_shapes import look

        return [change_question(c, look(self.app.deck, fh.feature, self.lang).name, self.lang)
                for fh in self.history.features for c in fh.changes()]

    def how(self) -> str:
        """How the trend words are read."""
        how = ui("trend_how", self.lang)
        if any(not fh.helps for fh in self.history.features):
            how += " " + ui("lower_better", self.lang)
        return how

    def _draw_unreadable(self, surface: pygame.Surface) -> None:
        names = self.unreadable_names()
        if not names:
            return
        size = surface.get_size()
        theme.panel(surface, self.bad_r, radius=theme.px(size, 14))
        inner = layout.inset(self.bad_r, theme.px(size, 14), theme.px(size, 10))
        head, rest = layout.rows(inner, [theme.px(size, 28), 1], theme.px(size, 4))
        theme.text(surface, ui("history_unreadable", self.lang), head, theme.px(size, 20), bold=True,
                   valign="middle", min_px=9)
        theme.text(surface, ", ".join(names), rest, theme.px(size, 18), colour=theme.INK_SOFT, min_px=9)

    # --- input -----------------------------------------------------------------------------------
    def back(self) -> bool:
        if self.big is not None and not self.wide:
            self.big = None
            self.focus = None
            return True
        self.app.pop(self)
        return True

    def confirm(self) -> bool:
        return self.back()

    def activate(self, widget_id: str) -> bool:
        kind, _, arg = widget_id.partition(":")
        if kind == "chart":
            self._show(None if self.big is not None else int(arg))
        elif widget_id in ("topic_prev", "topic_next"):
            return self._step_topic(1 if widget_id == "topic_next" else -1)
        elif widget_id == "back":
            self.app.pop(self)
        elif widget_id == "older":
            return self._page(1)
        elif widget_id == "newer":
            return self._page(-1)
        else:
            return super().activate(widget_id)
        return True

    def _show(self, index: int | None) -> None:
        self.big = index
        self.focus = None

    def _step_topic(self, step: int) -> bool:
        """The next (1) or previous (-1) topic, round the end."""
        n = len(self.history.features)
        if self.big is None or n < 2:
            return False
        self.big = (self.big + step) % n
        return True

    def _page(self, step: int) -> bool:
        if self.wide:
            return self.large.turn(step)
        if step > 0:
            nxt = self.first + max(1, self.shown)
            if nxt >= len(self.sessions):
                return False
            self.pages.append(self.first)
            self.first = nxt
        else:
            if self.first == 0:
                return False
            self.first = self.pages.pop() if self.pages else max(0, self.first - 1)
        return True

    def key(self, inp: Input) -> bool:
        n = len(self.history.features)
        match inp.key:
            case Key.DIGIT if 1 <= inp.value <= n:
                self._show(None if self.big == inp.value - 1 and not self.wide else inp.value - 1)
                return True
            case Key.LEFT | Key.RIGHT if self.big is not None and n:
                self._step_topic(1 if inp.key == Key.RIGHT else -1)
                self.focus = None if not self.wide else self.focus
                return True
            case Key.DOWN | Key.PAGE_DOWN:
                return self._page(1)
            case Key.UP | Key.PAGE_UP:
                return self._page(-1)
            case Key.SCROLL:
                return self._page(-inp.value)
            case Key.HOME:
                changed = self.first != 0 or self.large.page != 0
                self.first, self.pages, self.large.page = 0, [], 0
                return changed
        return False
