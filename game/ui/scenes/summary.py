"""The end of a session: both estimates per topic side by side, a chart, the signals as questions,
the agreements, and where the summary was saved. "Again" goes back to the start.

Team training and practice show, instead of the two players' table and chart, per topic the team's spread and
distance to the case client's view, and per person each estimate (scenes/team_summary.py)."""

from __future__ import annotations

from statistics import mean

import pygame

from game.design.palette import text_on
from game.i18n import ui
from game.model.deck import Polarity
from game.model.session import Mode, SessionSummary
from game.ui import chart, chrome, layout, theme
from game.ui.app import App, Scene
from game.ui.widgets import Button

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
        left, right = layout.cols(f.body, [0.52, 0.48], f.gap)
        self.table_r, self.agree_r = layout.rows(left, [0.64, 0.36], f.gap)
        self.chart_r, self.signals_r = layout.rows(right, [0.56, 0.44], f.gap)
        if self.team:  # the two tables side by side, as high as they can be
            left, right = layout.cols(f.body, [0.5, 0.5], f.gap)
            self.table_r, self.agree_r = layout.rows(left, [0.66, 0.34], f.gap)
            self.chart_r, self.signals_r = layout.rows(right, [0.66, 0.34], f.gap)
        self.widgets = [again, close, *corner]

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
        self._draw_list(
            surface,
            self.signals_r,
            ui("signals_title", lang),
            [s.question for s in self.summary.signals],
            ui("no_signals", lang),
        )
        legend = [(p.name, theme.player_colour(i)) for i, p in enumerate(self.players)]
        chart.draw(surface, self.chart_r, self._groups(), ui("chart_title", lang), legend)
        if self.saved_to is not None:
            saved = ui("saved_in", lang, path=str(self.saved_to))
        else:
            saved = ui("not_saved", lang) + (f" {self.app.save_error}" if self.app.save_error else "")
        theme.text(surface, saved, self.saved_rect, theme.px(size, 20), valign="middle", min_px=9)
        self.draw_widgets(surface)

    def _draw_team(self, surface: pygame.Surface) -> None:
        """Team training or practice: per topic, per person, what the team takes away, questions."""
        from game.ui.scenes import team_summary

        lang = self.lang
        deck = self.app.deck
        chrome.title(surface, self.title_rect, ui("summary_title", lang), team_summary.subtitle(self.summary, lang))
        team_summary.draw_topics(surface, self.table_r, self.summary, deck, lang)
        team_summary.draw_people(surface, self.chart_r, self.summary, deck, lang)
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
        lang = self.lang
        if self.saved_to is not None:
            saved = ui("saved_in", lang, path=str(self.saved_to))
        else:
            saved = ui("not_saved", lang) + (f" {self.app.save_error}" if self.app.save_error else "")
        theme.text(surface, saved, self.saved_rect, theme.px(surface.get_size(), 20), valign="middle", min_px=9)

    def _draw_rounds(self, surface: pygame.Surface) -> None:
        """A table: topic | each player's estimate | the difference (a yellow badge from 2 apart)."""
        size = surface.get_size()
        lang = self.lang
        deck = self.app.deck
        panel = self.table_r
        theme.panel(surface, panel, radius=theme.px(size, 14))
        inner = layout.inset(panel, theme.px(size, 14), theme.px(size, 10))
        rounds = self.summary.rounds
        n = len(self.players)
        if not rounds:
            theme.text(
                surface, ui("no_rounds", lang), inner, theme.px(size, 26), align="center", valign="middle"
            )
            return
        row_h = min(theme.px(size, 56), inner.h // (len(rounds) + 1))
        weights = [0.36] + [0.48 / n] * n + [0.16]
        header = Rect(inner.x, inner.y, inner.w, row_h)
        cells = layout.cols(header, weights, theme.px(size, 8))
        heads = [ui("topic", lang), *[p.name for p in self.players], ui("difference", lang)]
        for text, cell in zip(heads, cells, strict=True):  # one line each, made smaller rather than broken
            theme.one_line(
                surface,
                text,
                cell,
                theme.px(size, 22),
                bold=True,
                align="center" if cell is not cells[0] else "left",
            )
        for k, rnd in enumerate(rounds):
            row = Rect(inner.x, inner.y + (k + 1) * row_h, inner.w, row_h)
            if k % 2 == 0:
                pygame.draw.rect(surface, (243, 238, 230), row, border_radius=6)
            cells = layout.cols(row, weights, theme.px(size, 8))
            feature = deck.feature(rnd.feature)
            chip = Rect(cells[0].x, 0, max(8, row_h // 4), row_h * 3 // 5)
            chip.centery = row.centery
            pygame.draw.rect(surface, theme.rgb(feature.colour), chip, border_radius=3)
            name_r = Rect(chip.right + 8, row.y, cells[0].w - chip.w - 8, row.h)
            theme.text(surface, feature.name[lang], name_r, theme.px(size, 22), valign="middle", min_px=9)
            by_player = {e.player: e for e in rnd.estimates}
            for i, p in enumerate(self.players):
                cell = cells[1 + i]
                est = by_player.get(p.id)
                if est is None or est.value is None:
                    theme.text(
                        surface,
                        ui("skipped", lang),
                        cell,
                        theme.px(size, 18),
                        colour=theme.INK_SOFT,
                        align="center",
                        valign="middle",
                        min_px=8,
                    )
                    continue
                colour = theme.player_colour(i)
                r = max(8, min(cell.w, row.h) * 2 // 5)
                pygame.draw.circle(surface, theme.rgb(colour), cell.center, r)
                pygame.draw.circle(surface, theme.INK, cell.center, r, width=2)
                box = Rect(0, 0, r * 3 // 2, r * 3 // 2)
                box.center = cell.center
                theme.one_line(
                    surface, str(est.value), box, round(r * 1.3), bold=True, colour=theme.rgb(text_on(colour))
                )
            diff = cells[-1]
            if rnd.spread is not None:
                label = str(rnd.spread)
                if rnd.highlighted:
                    badge = diff.inflate(-diff.w // 8, -row.h // 5)
                    pygame.draw.rect(surface, theme.HIGHLIGHT, badge, border_radius=badge.h // 2)
                    pygame.draw.rect(surface, theme.INK, badge, width=2, border_radius=badge.h // 2)
                    theme.one_line(surface, label, badge.inflate(-6, -4), theme.px(size, 22), bold=True)
                else:
                    theme.one_line(surface, label, diff, theme.px(size, 22))

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
        all_fit = theme.plan_bullets(items, body_r, theme.px(size, 22), 11)[0] == len(items)
        if all_fit:
            theme.bullets(surface, items, body_r, theme.px(size, 22), 11)
            return
        list_r, more_r = layout.rows(body_r, [1, theme.px(size, 26)])  # a line left for "and n more"
        shown = theme.bullets(surface, items, list_r, theme.px(size, 22), 11)
        theme.text(
            surface,
            ui("more", self.lang, n=len(items) - shown),
            more_r,
            theme.px(size, 20),
            colour=theme.INK_SOFT,
            valign="middle",
            min_px=9,
        )

    def _groups(self) -> list[chart.Group]:
        deck = self.app.deck
        lang = self.lang
        by_feature: dict[str, list] = {}
        for rnd in self.summary.rounds:
            by_feature.setdefault(rnd.feature, []).extend(rnd.estimates)
        groups = []
        for fid, estimates in by_feature.items():
            feature = deck.feature(fid)
            bars = []
            for i, p in enumerate(self.players):
                vals = [e.value for e in estimates if e.player == p.id and e.value is not None]
                bars.append((mean(vals) if vals else None, theme.player_colour(i)))
            note = ui("lower_better_short", lang) if feature.polarity == Polarity.HINDERS else ""
            groups.append(chart.Group(feature.name[lang], feature.colour, tuple(bars), note))
        return groups

    # --- input -----------------------------------------------------------------------------------
    def confirm(self) -> bool:
        return self.activate("again")

    def activate(self, widget_id: str) -> bool:
        if widget_id == "again":
            from game.ui.scenes.start import StartScene

            self.app.table = None
            self.app.save_error = ""
            self.app.reset(StartScene(self.app))
        elif widget_id == "close":
            self.app.quit()
        elif widget_id == "rules":
            self.app.show_rules()
        return True
