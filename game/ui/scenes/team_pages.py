"""The end of a team training or practice session at larger text: one card a page (Vorige / Volgende), drawn
like the board during play: the card's topic, question and spread at the left, every name on the value it chose
in rows at the right (dotrows), the case client's own view outlined. The last page holds what the team takes
away and the questions (SummaryScene draws those lists). At 100 % text the strips of team_summary are used."""

from __future__ import annotations

import pygame

from game.i18n import ui
from game.model.deck import CardKind, Deck
from game.model.session import RoundSummary, SessionSummary
from game.record import question_of
from game.ui import dotrows, layout, textstack, theme
from game.ui.scale import Mark
from game.ui.scenes import team_summary
from game.ui.widgets import Button

Rect = pygame.Rect


def wanted() -> bool:
    """Pages instead of strips: at larger text a strip has no room for every name at the body size."""
    return theme.text_scale > 1


class TeamPages:
    """Which page is shown, where the page and its buttons go, and drawing a card's page."""

    def __init__(self, summary: SessionSummary):
        self.summary = summary
        self.page = 0
        self.buttons: list[Button] = []
        self.label_r = Rect(0, 0, 0, 0)
        self.saved_r = Rect(0, 0, 0, 0)
        self.saved = ""

    @property
    def count(self) -> int:
        return len(self.summary.rounds) + 1  # the cards, then the notes and the questions

    @property
    def last(self) -> bool:
        return self.page == self.count - 1

    def turn(self, step: int) -> bool:
        page = max(0, min(self.count - 1, self.page + step))
        changed, self.page = page != self.page, page
        return changed

    def layout(
        self, size: tuple[int, int], body: Rect, gap: int, lang: str, saved: str = ""
    ) -> tuple[Rect, Rect, Rect]:
        """The card's panel (or, on the last page, the notes and the questions, and where the summary was saved
        in full: the bottom bar may only have room for it in short) and the buttons under it."""
        main, bar = layout.rows(body, [1, theme.target(size, 60)], gap)
        bw = min(theme.room(size, 190), bar.w // 3)
        prev = Button("team_prev", "‹ " + ui("rows_prev", lang), Rect(bar.x, bar.y, bw, bar.h), enabled=self.page > 0)
        nxt = Button("team_next", ui("rows_next", lang) + " ›", Rect(bar.right - bw, bar.y, bw, bar.h),
                     enabled=not self.last)
        self.buttons = [prev, nxt]
        self.label_r = Rect(prev.rect.right + gap, bar.y, nxt.rect.x - prev.rect.right - 2 * gap, bar.h)
        nothing = Rect(main.x, main.bottom, 0, 0)
        if self.last:  # the lists, and under them where the summary was saved, in full
            small = theme.small_px(size)
            self.saved = saved
            fitted = theme.fit(saved, main.w, main.h // 3, small, small)
            need = fitted.height if saved else 0
            lists, self.saved_r = layout.rows(main, [1, need], gap) if need else (main, Rect(main.x, main.bottom, 0, 0))
            notes, questions = layout.cols(lists, [0.5, 0.5], gap)
            return nothing, notes, questions
        return main, nothing, nothing

    def draw(self, surface: pygame.Surface, panel: Rect, deck: Deck, lang: str) -> None:
        """The page's number between the buttons and, on a card's page, the card; on the last page where the
        summary was saved."""
        size = surface.get_size()
        said = ui("summary_page", lang, n=self.page + 1, total=self.count)
        theme.one_line(surface, said, self.label_r, theme.body_px(size), colour=theme.INK_SOFT)
        if self.last:
            theme.text(surface, self.saved, self.saved_r, theme.small_px(size), colour=theme.INK_SOFT, valign="middle")
            return
        rnd = self.summary.rounds[self.page]
        theme.panel(surface, panel, radius=theme.px(size, 14))
        inner = layout.inset(panel, theme.px(size, 14), theme.px(size, 10))
        words_r, plot_r = layout.cols(inner, [0.38, 0.62], theme.px(size, 16))
        marks = self._marks(rnd, lang)
        labels = _scale(rnd, deck, lang)
        plot = dotrows.plan(plot_r, size, marks, rnd.case_view, lang, labels)
        dotrows.draw(surface, plot, labels, lang, case_view=rnd.case_view)
        also = [ui("also_on", lang, value=v, names=", ".join(m.player.name for m in ms))
                for v, ms in dotrows.hidden(plot, marks)]
        self._draw_words(surface, words_r, rnd, deck, lang, also)

    def _marks(self, rnd: RoundSummary, lang: str) -> list[Mark]:
        alone = len(self.summary.players) == 1
        out = []
        for i, p in enumerate(self.summary.players):
            value = next((e.value for e in rnd.estimates if e.player == p.id), None)
            if alone:
                p = p.model_copy(update={"name": ui("you_name", lang)})
            out.append(Mark(p, theme.player_colour(i), value))
        return out

    def _draw_words(
        self, surface: pygame.Surface, box: Rect, rnd: RoundSummary, deck: Deck, lang: str, also: list[str]
    ) -> None:
        """The card's number and topic, its question whole, the spread (yellow from 2 apart), who skipped, and
        who has no chip of their own (a full row's "+n")."""
        size = surface.get_size()
        feature = deck.feature(rnd.feature)
        bar = Rect(box.x, box.y, max(6, theme.px(size, 8)), box.h)
        pygame.draw.rect(surface, theme.rgb(feature.colour), bar, border_radius=3)
        text_r = Rect(bar.right + theme.px(size, 10), box.y, box.right - bar.right - theme.px(size, 10), box.h)
        badge_h = theme.font(theme.body_px(size), True).get_height() + 8
        blocks = [textstack.Block(f"{self.page + 1}. {feature.name[lang]}", 24, bold=True),
                  textstack.Block(f"“{question_of(self.summary, rnd, deck, lang)}”", 20)]
        passed = [p.name for p in self.summary.players for e in rnd.estimates if e.player == p.id and e.value is None]
        if passed and len(self.summary.players) > 1:
            blocks.append(textstack.Block(ui("skipped_by", lang, names=", ".join(passed)), 20, colour=theme.INK_SOFT))
        blocks += [textstack.Block(line, 20) for line in also]
        words_r = Rect(text_r.x, text_r.y, text_r.w, text_r.h - badge_h - theme.px(size, 8))
        textstack.draw(surface, blocks, words_r, theme.small_px(size), theme.px(size, 8))
        badge_r = Rect(text_r.x, text_r.bottom - badge_h, text_r.w, badge_h)
        text, far = team_summary.spread_words(self.summary, rnd, lang)
        if text:
            team_summary.badge(surface, badge_r, text, far, theme.body_px(size))


def _scale(rnd: RoundSummary, deck: Deck, lang: str) -> list[str]:
    """The words of the scale the round's question was rated on (the feature's when the card is unknown)."""
    rated = [c.id for c in rnd.cards if c.kind == CardKind.QUESTION and not c.swapped]
    try:
        return deck.labels(lang, card_id=rated[-1]) if rated else deck.labels(lang, feature_id=rnd.feature)
    except KeyError:
        return deck.labels(lang, feature_id=rnd.feature)
