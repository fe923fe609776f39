"""The end of a session: card by card the question, each player's estimate on a 1–5 track (in their colour,
the number inside) and the spread, yellow from 2 apart (game.record); the signals as questions, the agreements,
and where the summary was saved. "Again" goes back to the start.

Team training and practice show, instead of the two players' table and chart, a strip per card with every name
on the value it chose and the case client's own view (scenes/team_summary.py)."""

from __future__ import annotations

from typing import TYPE_CHECKING

import pygame

from game.design.palette import text_on
from game.i18n import ui
from game.model.session import Keep, Mode, SessionSummary
from game.record import CardRow, card_rows, signals, word
from game.ui import chrome, layout, theme
from game.ui.scene import Scene
from game.ui.scenes import team_pages
from game.ui.scenes.team_pages import TeamPages
from game.ui.widgets import Button

if TYPE_CHECKING:
    from game.ui.app import App

Rect = pygame.Rect


class SummaryScene(Scene):
    def __init__(self, app: App):
        super().__init__(app)
        table = app.table
        assert table is not None
        if table.summary is None:
            table.finish()
        self.summary: SessionSummary = table.summary
        self.table = table
        self.players = list(self.summary.players)
        self.team = self.summary.mode != Mode.CONVERSATION
        self.team_pages = TeamPages(self.summary)  # team at larger text: a card a page (scenes/team_pages.py)
        self.rows: list[CardRow] = [] if self.team else card_rows(self.summary, app.deck)
        self.questions = [s.question for s in signals(self.summary, app.deck)] if not self.team else []
        self.first = 0  # the first card row shown (rows that do not fit at the readable size are paged)
        self.per_page = max(1, len(self.rows))
        # what the last frame showed: (card, values, spread, highlighted, the spread's cell)
        self.drawn_rows: list[tuple[int, tuple[int | None, ...], int | None, bool, Rect]] = []

    @property
    def lang(self) -> str:
        return self.summary.language

    @property
    def saved_to(self):
        """Where the summary is now (it may be saved later: "Save again" or another folder)."""
        return self.table.saved_to

    # --- layout --------------------------------------------------------------------------------
    def layout(self, size: tuple[int, int]) -> None:
        lang = self.lang
        f = chrome.frame(size)
        self.f = f
        corner = chrome.corner_buttons(size, f.top, lang, menu=False)
        self.title_rect = Rect(f.top.x, f.top.y, min(b.rect.x for b in corner) - f.gap - f.top.x, f.top.h)
        again = Button("again", ui("again", lang), primary=True, hint="Enter")
        close = Button("close", ui("close_app", lang))
        chrome.buttons_right(size, f.bottom, [again, close], width=theme.px(size, 230))
        self.saved_rect = chrome.left_of([again, close], f.bottom, f.gap)
        self.table_r, right = layout.cols(f.body, [0.6, 0.4], f.gap)
        self.signals_r, self.agree_r = layout.rows(right, [0.55, 0.45], f.gap)
        if self.team:  # a strip per card, as high as the names need; the notes and questions below
            from game.ui.scenes import team_summary

            self.table_r, self.agree_r, self.signals_r = team_summary.split(f.body, f.gap, self.summary, size)
            if team_pages.wanted():
                self.table_r, self.agree_r, self.signals_r = self.team_pages.layout(size, f.body, f.gap, lang)
        self.widgets = [again, close, *corner]
        if self.team and team_pages.wanted():
            self.widgets = [*self.team_pages.buttons, *self.widgets]
        if not self.team:
            self._place_rows(size)

    def _place_rows(self, size: tuple[int, int]) -> None:
        """Row height and rows per page: as many rows as fit with each text at the window's small size; the
        others on further pages (Previous / Next under the rows), never left out."""
        lang = self.lang
        small = theme.small_px(size)
        inner = layout.inset(self.table_r, theme.px(size, 14), theme.px(size, 10))
        least = theme.font(small, True).get_height() + theme.font(small).get_height() + 4  # name + question
        n = max(1, len(self.rows))
        self.row_h = min(theme.px(size, 64), inner.h // (n + 1))
        self.rows_r = inner
        self.pager = []
        if self.row_h >= least:
            self.per_page, self.first = n, 0
            return
        bar_h = theme.target(size, 52)
        self.rows_r = Rect(inner.x, inner.y, inner.w, inner.h - bar_h - theme.px(size, 8))
        self.per_page = max(1, self.rows_r.h // least - 1)
        self.row_h = min(theme.px(size, 64), self.rows_r.h // (self.per_page + 1))
        self.first = max(0, min(self.first, (len(self.rows) - 1) // self.per_page * self.per_page))
        bar = Rect(inner.x, inner.bottom - bar_h, inner.w, bar_h)
        prev = Button("rows_prev", "‹ " + ui("rows_prev", lang), enabled=self.first > 0)
        nxt = Button("rows_next", ui("rows_next", lang) + " ›", enabled=self.first + self.per_page < len(self.rows))
        bw = min(theme.px(size, 190), bar.w // 3)
        prev.rect = Rect(bar.x, bar.y, bw, bar.h)
        nxt.rect = Rect(bar.right - bw, bar.y, bw, bar.h)
        self.page_r = Rect(prev.rect.right + 8, bar.y, nxt.rect.x - prev.rect.right - 16, bar.h)
        self.pager = [prev, nxt]
        for b, other in ((prev, nxt), (nxt, prev)):  # a button that can do nothing more hands on its focus
            if self.focus == b.id and not b.enabled:
                self.focus = other.id if other.enabled else None
        self.widgets = [*self.pager, *self.widgets]

    @property
    def pages(self) -> int:
        return -(-len(self.rows) // self.per_page) if self.rows else 1

    def turn(self, step: int) -> bool:
        """Show the next (step 1) or previous (-1) page of card rows; False when there is none."""
        if self.team and team_pages.wanted():
            return self.team_pages.turn(step)
        first = max(0, min(self.first + step * self.per_page, (self.pages - 1) * self.per_page))
        if first == self.first:
            return False
        self.first = first
        return True

    # --- drawing -------------------------------------------------------------------------------
    def draw(self, surface: pygame.Surface) -> None:
        size = surface.get_size()
        lang = self.lang
        surface.blit(theme.table_surface(size), (0, 0))
        names = " & ".join(p.name for p in self.players)
        sub = f"{names} · {self.summary.started_at:%d-%m-%Y}"
        if self.summary.ended_early:
            sub += " · " + ui("ended_early", lang)
        if self.team:
            self._draw_team(surface)
            return
        chrome.title(surface, self.title_rect, ui("summary_title", lang), sub)
        self._draw_rounds(surface)
        self._draw_list(
            surface,
            self.agree_r,
            ui("agreements", lang),
            [a.text for a in self.summary.agreements],
            ui("no_agreements", lang),
        )
        self._draw_list(surface, self.signals_r, ui("signals_title", lang), self.questions, ui("no_signals", lang))
        self._draw_saved(surface)
        self.draw_widgets(surface)

    def _draw_team(self, surface: pygame.Surface) -> None:
        """Team training or practice: per topic, per person, what the team takes away, questions."""
        from game.ui.scenes import team_summary

        lang = self.lang
        deck = self.app.deck
        sub = team_summary.subtitle(self.summary, lang, (self.title_rect.w, surface.get_size()))
        chrome.title(surface, self.title_rect, ui("summary_title", lang), sub)
        if team_pages.wanted():
            self.team_pages.draw(surface, self.table_r, deck, lang)
            if not self.team_pages.last:
                self._draw_saved(surface)
                self.draw_widgets(surface)
                return
        else:
            team_summary.draw(surface, self.table_r, self.summary, deck, lang)
        notes = [f"{deck.feature(a.feature).name[lang]}: {a.text}" if a.feature else a.text
                 for a in self.summary.agreements]
        alone = len(self.players) == 1
        title = ui("practice_notes" if alone else "team_notes", lang)
        self._draw_list(surface, self.agree_r, title, notes, ui("no_team_notes", lang))
        no_signals = ui("practice_no_signals" if alone else "team_no_signals", lang)
        signals = [s.question for s in self.summary.signals] or [no_signals]
        self._draw_list(surface, self.signals_r, ui("team_signals", lang), signals, "")
        self._draw_saved(surface)
        self.draw_widgets(surface)

    def _draw_saved(self, surface: pygame.Surface) -> None:
        """Where the summary was saved; with "only show": that nothing was saved (and no path)."""
        lang = self.lang
        error = f" {self.app.save_error}" if self.app.save_error else ""
        if self.summary.keep == Keep.SHOW:
            saved = ui("kept_nothing", lang) + error
        elif self.saved_to is not None:
            saved = ui("saved_in", lang, path=str(self.saved_to))
        else:
            saved = ui("not_saved", lang) + error
        theme.text(surface, saved, self.saved_rect, theme.px(surface.get_size(), 20), valign="middle", min_px=9)

    def _draw_rounds(self, surface: pygame.Surface) -> None:
        """Card by card: topic and question | each player's number on a 1–5 track | the spread (a yellow badge
        from 2 apart: the one highlight rule)."""
        size = surface.get_size()
        lang = self.lang
        panel = self.table_r
        theme.panel(surface, panel, radius=theme.px(size, 14))
        inner = layout.inset(panel, theme.px(size, 14), theme.px(size, 10))
        self.drawn_rows = []
        if not self.rows:
            theme.text(
                surface, ui("no_rounds", lang), inner, theme.px(size, 26), align="center", valign="middle"
            )
            return
        inner = self.rows_r
        row_h = self.row_h
        weights = [0.5, 0.36, 0.14]
        gap = theme.px(size, 10)
        cells = layout.cols(Rect(inner.x, inner.y, inner.w, row_h), weights, gap)
        head_px = theme.px(size, 20)
        theme.one_line(surface, ui("topic", lang), cells[0], head_px, bold=True, align="left")
        self._draw_legend(surface, cells[1], head_px)
        theme.one_line(surface, ui("difference", lang), cells[2], head_px, bold=True)
        shown = self.rows[self.first : self.first + self.per_page]
        for k, row in enumerate(shown):
            rect = Rect(inner.x, inner.y + (k + 1) * row_h, inner.w, row_h)
            self._draw_row(surface, row, rect, layout.cols(rect, weights, gap), k)
        if self.pager:
            page = ui("rows_page", lang, first=self.first + 1, last=self.first + len(shown), n=len(self.rows))
            theme.one_line(surface, page, self.page_r, theme.body_px(size), bold=True)

    def _draw_legend(self, surface: pygame.Surface, cell: Rect, px: int) -> None:
        """Each player's colour with their name, over the tracks."""
        parts = layout.cols(cell, [1] * len(self.players), theme.px(surface.get_size(), 6))
        for i, (p, part) in enumerate(zip(self.players, parts, strict=True)):
            r = max(5, min(part.h // 3, theme.px(surface.get_size(), 10)))
            centre = (part.x + r + 1, part.centery)
            pygame.draw.circle(surface, theme.rgb(theme.player_colour(i)), centre, r)
            pygame.draw.circle(surface, theme.INK, centre, r, width=1)
            name_r = Rect(part.x + 2 * r + 6, part.y, part.w - 2 * r - 6, part.h)
            theme.one_line(surface, p.name, name_r, px, bold=True, align="left")

    def _draw_row(self, surface: pygame.Surface, row: CardRow, rect: Rect, cells: list[Rect], k: int) -> None:
        size = surface.get_size()
        lang = self.lang
        if k % 2 == 0:
            pygame.draw.rect(surface, (243, 238, 230), rect, border_radius=6)
        feature = self.app.deck.feature(row.feature) if row.feature in {f.id for f in self.app.deck.features} \
            else None
        chip = Rect(cells[0].x, 0, max(6, rect.h // 6), rect.h * 3 // 4)
        chip.centery = rect.centery
        pygame.draw.rect(surface, theme.rgb(feature.colour if feature else "#777777"), chip, border_radius=3)
        text_r = Rect(chip.right + 8, rect.y + 1, cells[0].right - chip.right - 8, rect.h - 2)
        name = row.feature_name + ("" if row.helps else f" ({ui('lower_better_short', lang)})")
        if row.passed and self._pass_place(row, cells[1], size) is None:  # no room on the track: named here
            name += f" · {self._pass_label(row)}"
        name_px = theme.px(size, 19)
        small = theme.small_px(size)
        name_h = max(theme.font(small, True).get_height(), min(text_r.h // 2, theme.font(name_px, True).get_height()))
        top = Rect(text_r.x, text_r.y, text_r.w, name_h)
        bottom = Rect(text_r.x, top.bottom, text_r.w, text_r.h - name_h)
        theme.one_line(surface, name, top, name_px, bold=True, align="left")
        q_px = max(small, min(theme.px(size, 17), bottom.h))  # a long question wraps or is cut with "…"
        if theme.fit(row.question, bottom.w, bottom.h, q_px, q_px).fits:
            theme.text(surface, row.question, bottom, q_px, colour=theme.INK_SOFT, min_px=q_px)
        else:
            question = theme.shorten(row.question, bottom.w, theme.font(q_px))
            theme.one_line(surface, question, bottom, q_px, colour=theme.INK_SOFT, align="left")
        self._draw_track(surface, row, cells[1])
        diff = cells[2]
        if row.spread is None:
            theme.one_line(surface, "–", diff, theme.px(size, 22))
        elif row.highlighted:
            badge = diff.inflate(-diff.w // 6, -rect.h // 4)
            pygame.draw.rect(surface, theme.HIGHLIGHT, badge, border_radius=badge.h // 2)
            pygame.draw.rect(surface, theme.INK, badge, width=2, border_radius=badge.h // 2)
            theme.one_line(surface, str(row.spread), badge.inflate(-6, -4), theme.px(size, 22), bold=True)
        else:
            theme.one_line(surface, str(row.spread), diff, theme.px(size, 22))
        self.drawn_rows.append((row.index, tuple(m.value for m in row.marks), row.spread, row.highlighted, diff))

    def _draw_track(self, surface: pygame.Surface, row: CardRow, cell: Rect) -> None:
        """The 1–5 scale with each player's circle (number inside); yellow between them from 2 apart; a player
        who passed is named beside the circle (or, without room there, on the topic line)."""
        size = surface.get_size()
        r = max(7, min(cell.h * 2 // 5, theme.px(size, 20)))  # as _pass_place
        left, right = cell.x + r + 2, cell.right - r - 2
        y = cell.centery

        def x_of(v: int) -> int:
            return round(left + (v - 1) * (right - left) / 4)

        values = [m.value for m in row.marks if m.value is not None]
        if row.highlighted:
            band = Rect(x_of(min(values)) - r - 2, y - r - 2, x_of(max(values)) - x_of(min(values)) + 2 * r + 4,
                        2 * r + 4)
            pygame.draw.rect(surface, theme.HIGHLIGHT, band, border_radius=band.h // 2)
            pygame.draw.rect(surface, theme.INK, band, width=1, border_radius=band.h // 2)
        if not row.passed:  # a pass leaves room on the track for its name
            pygame.draw.line(surface, theme.NEUTRAL_BAR, (left, y), (right, y), 2)
            for v in range(1, 6):
                pygame.draw.circle(surface, theme.NEUTRAL_BAR, (x_of(v), y), max(2, r // 6))
        seen: dict[int, int] = {}
        for m in row.marks:
            if m.value is None:
                continue
            n = seen.get(m.value, 0)
            seen[m.value] = n + 1
            shift = (n * 2 - 1) * r if values.count(m.value) > 1 else 0  # the same value: side by side
            centre = (x_of(m.value) + shift, y)
            pygame.draw.circle(surface, theme.rgb(m.colour), centre, r)
            pygame.draw.circle(surface, theme.INK, centre, r, width=2)
            box = Rect(0, 0, r * 3 // 2, r * 3 // 2)
            box.center = centre
            theme.one_line(surface, str(m.value), box, round(r * 1.3), bold=True, colour=theme.rgb(text_on(m.colour)))
        if row.passed and (place := self._pass_place(row, cell, size)) is not None:
            free, label_px = place
            theme.one_line(surface, self._pass_label(row), free, label_px, colour=theme.INK_SOFT,
                           align="left" if values and max(values) <= 3 else "right")

    def _pass_label(self, row: CardRow) -> str:
        return f"{', '.join(p.name for p in row.passed)}: {word('passed', self.lang)}"

    def _pass_place(self, row: CardRow, cell: Rect, size: tuple[int, int]) -> tuple[Rect, int] | None:
        """Where on the track a pass is named (where no circle is: right of it, or left), and at which size;
        None when the words do not fit there whole (then the topic line names it)."""
        r = max(7, min(cell.h * 2 // 5, theme.px(size, 20)))
        values = [m.value for m in row.marks if m.value is not None]
        left, right = cell.x + r + 2, cell.right - r - 2
        xs = [round(left + (v - 1) * (right - left) / 4) for v in values]
        if not xs:
            free = Rect(cell)
        elif max(values) <= 3:
            free = Rect(max(xs) + r + 6, cell.y, cell.right - max(xs) - r - 6, cell.h)
        else:
            free = Rect(cell.x, cell.y, min(xs) - r - 6 - cell.x, cell.h)
        label_px = max(theme.small_px(size), theme.px(size, 17))
        return (free, label_px) if theme.font(label_px).size(self._pass_label(row))[0] <= free.w else None

    def _draw_list(
        self, surface: pygame.Surface, rect: Rect, title: str, items: list[str], empty: str
    ) -> None:
        size = surface.get_size()
        theme.panel(surface, rect, radius=theme.px(size, 14))
        inner = layout.inset(rect, theme.px(size, 14), theme.px(size, 10))
        title_r, body_r = layout.rows(inner, [theme.px(size, 32), 1], theme.px(size, 4))
        theme.text(surface, title, title_r, theme.px(size, 24), bold=True, valign="middle", min_px=10)
        if not items:
            theme.text(surface, empty, body_r, theme.px(size, 22), colour=theme.INK_SOFT, min_px=9)
            return
        small = theme.small_px(size)
        all_fit = theme.plan_bullets(items, body_r, theme.px(size, 22), small)[0] == len(items)
        if all_fit:
            theme.bullets(surface, items, body_r, theme.px(size, 22), small)
            return
        more_h = max(theme.px(size, 26), theme.font(small).get_height())  # a line left for "and n more"
        list_r, more_r = layout.rows(body_r, [1, more_h])
        shown = theme.bullets(surface, items, list_r, theme.px(size, 22), small)
        theme.text(
            surface,
            ui("more", self.lang, n=len(items) - shown),
            more_r,
            theme.px(size, 20),
            colour=theme.INK_SOFT,
            valign="middle",
            min_px=9,
        )

    # --- input -----------------------------------------------------------------------------------
    def key(self, inp) -> bool:  # type: ignore[no-untyped-def]
        """PageDown, Down, Right or the wheel: the next page of card rows; PageUp, Up, Left: the previous."""
        from game.ui.input import Key

        match inp.key:
            case Key.PAGE_DOWN | Key.DOWN | Key.RIGHT:
                return self.turn(1)
            case Key.PAGE_UP | Key.UP | Key.LEFT:
                return self.turn(-1)
            case Key.SCROLL:
                return self.turn(-1 if inp.value > 0 else 1)
            case Key.HOME:
                return self.turn(-self.pages)
            case Key.END:
                return self.turn(self.pages)
        return False

    def confirm(self) -> bool:
        return self.activate("again")

    def activate(self, widget_id: str) -> bool:
        if widget_id == "again":
            from game.ui.scenes.start import StartScene

            self.app.table = None
            self.app.save_error = ""
            self.app.reset(StartScene(self.app))
        elif widget_id == "close":
            self.app.ask_quit()  # the one quit route (it closes at once when no session is open)
        elif widget_id in ("rows_prev", "rows_next", "team_prev", "team_next"):
            self.turn(1 if widget_id.endswith("next") else -1)
        elif widget_id == "rules":
            self.app.show_rules()
        return True
