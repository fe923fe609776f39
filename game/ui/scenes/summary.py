"""The end of a session: card by card the question, each player's estimate on a 1–5 track (in their colour,
the number inside) and the spread, yellow from 2 apart (game.record); the signals as questions, the agreements,
and where the summary was saved. "Again" goes back to the start.

Team training and practice show, instead of the two players' table and chart, a strip per card with every name
on the value it chose and the case client's own view (scenes/team_summary.py)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

import pygame

from game.i18n import ui
from game.model.session import Keep, Mode, SessionSummary
from game.record import CardRow, card_rows, signals
from game.ui import chrome, layout, paged, theme
from game.ui.scene import Scene
from game.ui.scenes import summary_rows, team_pages
from game.ui.scenes.team_pages import TeamPages
from game.ui.widgets import Button

if TYPE_CHECKING:
    from game.ui.app import App

Rect = pygame.Rect


@dataclass(frozen=True)
class Page:
    """The card rows first..last-1 of a page; with larger text, a page may hold the questions and agreements."""

    first: int
    last: int
    talk: tuple[paged.Block, ...] = ()


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
        self.page = 0  # the page of card rows shown (rows that do not fit at the readable size are paged)
        self.pages: list[Page] = [Page(0, len(self.rows))]
        self.plans: list[summary_rows.Wide] = []
        # what the last frame showed: (card, values, spread, highlighted, the spread's cell)
        self.drawn_rows: list[tuple[int, tuple[int | None, ...], int | None, bool, Rect]] = []

    @property
    def lang(self) -> str:
        return self.summary.language

    @property
    def wide(self) -> bool:
        """Larger text: each card row over the whole width with its whole question (else: beside the lists)."""
        return theme.text_scale > 1 and not self.team

    @property
    def saved_to(self):
        """Where the summary is now (it may be saved later: "Save again" or another folder)."""
        return self.table.saved_to

    # --- layout --------------------------------------------------------------------------------
    def layout(self, size: tuple[int, int]) -> None:
        lang = self.lang
        f = chrome.frame(size)
        self.f = f
        corner = chrome.corner_buttons(size, f.top, lang, menu=False, speak=self.app.voice.enabled)
        self.title_rect = Rect(f.top.x, f.top.y, min(b.rect.x for b in corner) - f.gap - f.top.x, f.top.h)
        again = Button("again", ui("again", lang), primary=True, hint="Enter")
        close = Button("close", ui("close_app", lang))
        chrome.buttons_right(size, f.bottom, [again, close], width=(theme.room if self.wide else theme.px)(size, 230))
        self.saved_rect = chrome.left_of([again, close], f.bottom, f.gap)
        self.table_r, right = layout.cols(f.body, [0.6, 0.4], f.gap)
        self.signals_r, self.agree_r = layout.rows(right, [0.55, 0.45], f.gap)
        if self.wide:  # larger text: the rows over the whole width, the questions and agreements on pages after
            self.table_r = Rect(f.body)
        if self.team:  # a strip per card, as high as the names need; the notes and questions below
            from game.ui.scenes import team_summary

            self.table_r, self.agree_r, self.signals_r = team_summary.split(f.body, f.gap, self.summary, size)
            if team_pages.wanted():
                self.table_r, self.agree_r, self.signals_r = self.team_pages.layout(size, f.body, f.gap, lang,
                                                                                     self._saved_line())
        self.widgets = [again, close, *corner]
        if self.team and team_pages.wanted():
            self.widgets = [*self.team_pages.buttons, *self.widgets]
        if not self.team:
            self._place_rows(size)

    def _place_rows(self, size: tuple[int, int]) -> None:
        """The pages of card rows. At normal text size, beside the questions and agreements: as many rows as fit
        with each text at the window's small size. With larger text: rows over the whole width, each as high as
        its whole question needs, then the questions, agreements and where it was saved on pages of their own.
        Previous / Next under the rows; nothing is left out."""
        inner = layout.inset(self.table_r, theme.px(size, 14), theme.px(size, 10))
        self.rows_r = inner
        self.pager = []
        if self.wide:
            self._wide_pages(size, inner)
        else:
            self._side_pages(size, inner)
        self.page = max(0, min(self.page, len(self.pages) - 1))
        if len(self.pages) > 1:
            self._place_pager(size, inner)

    def _bar_h(self, size: tuple[int, int]) -> int:
        """Previous / Next: as high as a label at the readable size needs."""
        return theme.target(size, 60 if self.wide else 52)

    def _pager_room(self, size: tuple[int, int], inner: Rect) -> Rect:
        return Rect(inner.x, inner.y, inner.w, inner.h - self._bar_h(size) - theme.px(size, 8))

    def _side_pages(self, size: tuple[int, int], inner: Rect) -> None:
        small = theme.small_px(size)
        least = theme.font(small, True).get_height() + theme.font(small).get_height() + 4  # name + question
        n = max(1, len(self.rows))
        self.row_h = min(theme.px(size, 64), inner.h // (n + 1))
        per_page = n
        if self.row_h < least:
            self.rows_r = self._pager_room(size, inner)
            per_page = max(1, self.rows_r.h // least - 1)
            self.row_h = min(theme.px(size, 64), self.rows_r.h // (per_page + 1))
        self.pages = [Page(i, min(i + per_page, len(self.rows))) for i in range(0, max(1, len(self.rows)), per_page)]

    def _wide_pages(self, size: tuple[int, int], inner: Rect) -> None:
        self.rows_r = self._pager_room(size, inner)
        self.head_px = max(theme.small_px(size), theme.tpx(size, 16))
        self.head_h = theme.font(self.head_px, True).get_height() + theme.px(size, 8)
        room = self.rows_r.h - self.head_h
        self.plans = [summary_rows.plan_wide(row, self.rows_r.w, size, self.lang, room) for row in self.rows]
        self.pages = []
        first, used = 0, self.head_h
        for i, plan in enumerate(self.plans):
            if i > first and used + plan.height > self.rows_r.h:
                self.pages.append(Page(first, i))
                first, used = i, self.head_h
            used += plan.height
        if self.plans:
            self.pages.append(Page(first, len(self.plans)))
        talk = paged.blocks(self._talk(size), self.rows_r.w, size, self.rows_r.h)
        self.pages += [Page(len(self.rows), len(self.rows), tuple(part))
                       for part in paged.pages(talk, self.rows_r.h)]

    def _sub(self) -> str:
        """Under the title: who played, the date, and whether the session ended early."""
        names = " & ".join(p.name for p in self.players)
        sub = f"{names} · {self.summary.started_at:%d-%m-%Y}"
        return sub + (" · " + ui("ended_early", self.lang) if self.summary.ended_early else "")

    def _talk(self, size: tuple[int, int]) -> list[tuple[str, list[str], str]]:
        """What the side panels show at normal size: (title, items, what stands when there are none); then
        where the summary was saved. A sub line the title bar has no room for (a low window) comes first."""
        lang = self.lang
        out = [] if self.rows else [("", [], ui("no_rounds", lang))]
        if not chrome.title_fits(size, self.title_rect, ui("summary_title", lang), self._sub()):
            out.insert(0, ("", [], self._sub()))
        out += [(ui("signals_title", lang), self.questions, ui("no_signals", lang)),
                (ui("agreements", lang), [a.text for a in self.summary.agreements], ui("no_agreements", lang))]
        if not self._saved_fits(size):  # left of the buttons it stands in short: here in full
            out.append(("", [], self._saved_line()))
        return out

    def _place_pager(self, size: tuple[int, int], inner: Rect) -> None:
        lang = self.lang
        bar_h = self._bar_h(size)
        bar = Rect(inner.x, inner.bottom - bar_h, inner.w, bar_h)
        prev = Button("rows_prev", "‹ " + ui("rows_prev", lang), enabled=self.page > 0)
        nxt = Button("rows_next", ui("rows_next", lang) + " ›", enabled=self.page + 1 < len(self.pages))
        bw = min(theme.room(size, 190), bar.w // 3)
        prev.rect = Rect(bar.x, bar.y, bw, bar.h)
        nxt.rect = Rect(bar.right - bw, bar.y, bw, bar.h)
        self.page_r = Rect(prev.rect.right + 8, bar.y, nxt.rect.x - prev.rect.right - 16, bar.h)
        self.pager = [prev, nxt]
        for b, other in ((prev, nxt), (nxt, prev)):  # a button that can do nothing more hands on its focus
            if self.focus == b.id and not b.enabled:
                self.focus = other.id if other.enabled else None
        self.widgets = [*self.pager, *self.widgets]

    def turn(self, step: int) -> bool:
        """Show the next (step 1) or previous (-1) page; False when there is none."""
        if self.team and team_pages.wanted():
            return self.team_pages.turn(step)
        page = max(0, min(self.page + step, len(self.pages) - 1))
        if page == self.page:
            return False
        self.page = page
        return True

    # --- drawing -------------------------------------------------------------------------------
    def draw(self, surface: pygame.Surface) -> None:
        size = surface.get_size()
        lang = self.lang
        surface.blit(theme.table_surface(size), (0, 0))
        sub = self._sub()
        if self.team:
            self._draw_team(surface)
            return
        chrome.title(surface, self.title_rect, ui("summary_title", lang), sub)
        self._draw_rounds(surface)
        if not self.wide:
            self._draw_lists(surface)
        self._draw_saved(surface)
        self.draw_widgets(surface)

    def _draw_lists(self, surface: pygame.Surface) -> None:
        """Beside the rows: the questions to talk about and the agreements."""
        lang = self.lang
        self._draw_list(
            surface,
            self.agree_r,
            ui("agreements", lang),
            [a.text for a in self.summary.agreements],
            ui("no_agreements", lang),
        )
        self._draw_list(surface, self.signals_r, ui("signals_title", lang), self.questions, ui("no_signals", lang))

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

    def _saved_line(self, short: bool = False) -> str:
        """Where the summary was saved; with "only show": that nothing was saved (and no path). Short: without
        the path or the reason (the last page says it in full)."""
        lang = self.lang
        error = f" {self.app.save_error}" if self.app.save_error and not short else ""
        if self.summary.keep == Keep.SHOW:
            return ui("kept_nothing_short" if short else "kept_nothing", lang) + error
        if self.saved_to is not None:
            return ui("saved_short", lang) if short else ui("saved_in", lang, path=str(self.saved_to))
        return ui("not_saved", lang) + error

    def _draw_saved(self, surface: pygame.Surface) -> None:
        """Left of the buttons: where the summary was saved (with larger text, in short when it does not fit)."""
        size = surface.get_size()
        saved = self._saved_line(short=theme.text_scale > 1 and not self._saved_fits(size))
        theme.text(surface, saved, self.saved_rect, theme.tpx(size, 20), valign="middle", min_px=9)

    def _saved_fits(self, size: tuple[int, int]) -> bool:
        """Whether the whole line of where it was saved fits left of the buttons at a readable size."""
        box = self.saved_rect
        return theme.fit(self._saved_line(), box.w, box.h, theme.tpx(size, 20), theme.small_px(size)).fits

    def spoken(self) -> str:
        """The cards on the page shown, each with its question, each player's number and the difference; then,
        where they are on the screen, the questions, the agreements, where it was saved (never a path), and the
        choices."""
        from game.ui import spoken

        lang = self.lang
        summary = self.summary
        paged_team = self.team and team_pages.wanted()
        if self.team:
            rows = card_rows(summary, self.app.deck)
            if paged_team:  # a card a page, then the notes and questions
                rows = rows[self.team_pages.page : self.team_pages.page + 1]
            lists_shown = not paged_team or self.team_pages.last
        else:
            page = self.pages[self.page]
            rows = self.rows[page.first : page.last]
            lists_shown = not self.wide or bool(page.talk)
        lower = f" ({ui('lower_better_short', lang)})"
        cards = [spoken.card_said(r.index + 1, r.feature_name + ("" if r.helps else lower), r.question,
                                 [(m.player.name, m.value) for m in r.marks], r.spread, lang) for r in rows]
        where = ""
        if not self.team and len(self.pages) > 1 and rows:
            where = ui("rows_page", lang, first=rows[0].index + 1, last=rows[-1].index + 1, n=len(self.rows))
        questions = ([s.question for s in summary.signals] if self.team else self.questions) if lists_shown else []
        agreements = [a.text for a in summary.agreements] if lists_shown else []
        saved = self.saved_to is not None and summary.keep != Keep.SHOW
        saved_said = ui("keep_save_line", lang) if saved else self._saved_line(short=True)
        return spoken.words(
            ui("summary_title", lang), where, *cards,
            ui("team_signals" if self.team else "signals_title", lang) if questions else "", *questions,
            (ui("agreements", lang) if agreements else ui("no_agreements", lang)) if lists_shown else "",
            *agreements, saved_said, spoken.choices(spoken.button_labels(self.widgets), lang),
        )

    def _draw_rounds(self, surface: pygame.Surface) -> None:
        """Card by card: topic and question | each player's number on a 1–5 track | the spread (a yellow badge
        from 2 apart: the one highlight rule); with larger text a page may hold the questions and agreements."""
        size = surface.get_size()
        lang = self.lang
        theme.panel(surface, self.table_r, radius=theme.px(size, 14))
        inner = layout.inset(self.table_r, theme.px(size, 14), theme.px(size, 10))
        self.drawn_rows = []
        page = self.pages[self.page]
        if not self.rows and not page.talk:
            theme.text(surface, ui("no_rounds", lang), inner, theme.tpx(size, 26), align="center", valign="middle")
        elif page.talk:
            paged.draw(surface, page.talk, self.rows_r)
        elif self.wide:
            self._draw_wide_rows(surface, page)
        else:
            self._draw_rows(surface, page)
        if self.pager:
            label = ui("summary_talk", lang) if page.talk else ui(
                "rows_page", lang, first=page.first + 1, last=page.last, n=len(self.rows))
            theme.one_line(surface, label, self.page_r, theme.body_px(size), bold=True)

    def _head(self, surface: pygame.Surface, cells: list[Rect], px: int) -> None:
        """Over the rows: "Topic", each player's colour and name, "Difference"."""
        lang = self.lang
        topic = theme.one_line(surface, ui("topic", lang), cells[0], px, bold=True, align="left")
        left = min(cells[1].x, topic.right + theme.px(surface.get_size(), 16))  # the header's free room too
        summary_rows.legend(surface, self.players, Rect(left, cells[1].y, cells[1].right - left, cells[1].h), px)
        theme.one_line(surface, ui("difference", lang), cells[2], px, bold=True)

    def _draw_rows(self, surface: pygame.Surface, page: Page) -> None:
        """The overview: rows of one height, each question on one line."""
        size = surface.get_size()
        inner, row_h = self.rows_r, self.row_h
        weights = [0.5, 0.36, 0.14]
        gap = theme.px(size, 10)
        self._head(surface, layout.cols(Rect(inner.x, inner.y, inner.w, row_h), weights, gap), theme.tpx(size, 20))
        for k, row in enumerate(self.rows[page.first : page.last]):
            rect = Rect(inner.x, inner.y + (k + 1) * row_h, inner.w, row_h)
            summary_rows.draw_row(surface, row, rect, layout.cols(rect, weights, gap), k, self.app.deck, self.lang)
            self._drawn(row, layout.cols(rect, weights, gap)[2])

    def _draw_wide_rows(self, surface: pygame.Surface, page: Page) -> None:
        """Larger text: each row over the whole width, as high as its question needs."""
        size = surface.get_size()
        inner = self.rows_r
        head = Rect(inner.x, inner.y, inner.w, self.head_h)
        self._head(surface, summary_rows.wide_cells(head, size)[2], self.head_px)
        y = head.bottom
        for k, plan in enumerate(self.plans[page.first : page.last]):
            rect = Rect(inner.x, y, inner.w, plan.height)
            summary_rows.draw_wide(surface, plan, rect, k, self.app.deck, self.lang)
            line = Rect(rect.x, rect.y + theme.px(size, 8), rect.w, plan.line_h)
            self._drawn(plan.row, summary_rows.wide_cells(line, size)[2][2])
            y = rect.bottom

    def _drawn(self, row: CardRow, cell: Rect) -> None:
        self.drawn_rows.append((row.index, tuple(m.value for m in row.marks), row.spread, row.highlighted, cell))

    def _draw_list(
        self, surface: pygame.Surface, rect: Rect, title: str, items: list[str], empty: str
    ) -> None:
        size = surface.get_size()
        theme.panel(surface, rect, radius=theme.px(size, 14))
        inner = layout.inset(rect, theme.px(size, 14), theme.px(size, 10))
        title_r, body_r = layout.rows(inner, [theme.room(size, 32), 1], theme.px(size, 4))
        theme.text(surface, title, title_r, theme.tpx(size, 24), bold=True, valign="middle", min_px=10)
        if not items:
            theme.text(surface, empty, body_r, theme.tpx(size, 22), colour=theme.INK_SOFT, min_px=9)
            return
        small = theme.small_px(size)
        all_fit = theme.plan_bullets(items, body_r, theme.tpx(size, 22), small)[0] == len(items)
        if all_fit:
            theme.bullets(surface, items, body_r, theme.tpx(size, 22), small)
            return
        more_h = max(theme.room(size, 26), theme.font(small).get_height())  # a line left for "and n more"
        list_r, more_r = layout.rows(body_r, [1, more_h])
        shown = theme.bullets(surface, items, list_r, theme.tpx(size, 22), small)
        theme.text(
            surface,
            ui("more", self.lang, n=len(items) - shown),
            more_r,
            theme.tpx(size, 20),
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
                return self.turn(-len(self.pages))
            case Key.END:
                return self.turn(len(self.pages))
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
        else:
            return super().activate(widget_id)
        return True
