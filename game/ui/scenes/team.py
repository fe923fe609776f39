"""The table in team training and practice: the case card, the question in the chosen perspective, and the
board after the reveal (every name on the value it chose, the words, the starter, the case client's own view
with each person's distance to it by name, the reflection, the agreement). TableScene hands these phases to a
TeamBoard; the case screen is in team_case.py, the words in ui/team_words.py.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import pygame

from game.design import cards as design
from game.design.palette import text_on
from game.design.primitives import Drawing
from game.engine import Phase
from game.engine.views import card_side
from game.i18n import ui
from game.model.deck import Polarity
from game.ui import dotplot, dotrows, layout, render, textstack, theme
from game.ui.cardview import ASPECT
from game.ui.scale import Mark, marks
from game.ui.scenes import team_case, team_large
from game.ui.scenes.team_distances import plan_distances
from game.ui.team_words import alone, distances, question_prompt, reveal_words, shown_name, words

if TYPE_CHECKING:
    from game.ui.scenes.table import TableScene

Rect = pygame.Rect
BOARD = (Phase.REVEAL, Phase.DISCUSS, Phase.CASE_VIEW, Phase.REFLECT, Phase.AGREE)


def least(size: tuple[int, int]) -> int:
    """The smallest text on the board (18 px at 1280×720, scaled, never below the window's small size)."""
    return max(theme.small_px(size), theme.tpx(size, 18))


class TeamBoard:
    """Layout and drawing of the team phases; reads everything from the TableScene it belongs to."""

    def __init__(self, scene: TableScene):
        self.scene = scene
        self._case_drawing: Drawing | None = None
        self.plot: dotplot.Plot | None = None

    # --- what it shows ------------------------------------------------------------------------------
    @property
    def setup(self):
        return self.scene.view.setup

    @property
    def lang(self) -> str:
        return self.scene.lang

    @property
    def deck(self):
        return self.scene.app.deck

    def case(self):
        case_id = self.scene.view.case_id
        return self.deck.case(case_id) if case_id else None

    def case_drawing(self) -> Drawing | None:
        case = self.case()
        if case is None:
            return None
        if self._case_drawing is None:
            self._case_drawing = design.case_card(self.deck, case, self.lang)
        return self._case_drawing

    def labels(self) -> list[str]:
        """The words of the scale the current question card is rated on."""
        return self.deck.labels(self.lang, self.scene.view.current.question)

    def marks(self) -> list[Mark]:
        """Everyone's estimate of this card; one person practising alone is called "jij"/"you"."""
        cur = self.scene.view.current
        ms = marks(self.setup, cur.estimates) if cur else []
        if alone(self.setup):
            ms = [
                Mark(m.player.model_copy(update={"name": shown_name(self.setup, m.player, self.lang)}), m.colour,
                     m.value, m.guess)
                for m in ms
            ]
        return ms

    def title(self, default_head: str, default_sub: str) -> tuple[str, str]:
        """The top bar: the case's title while it is read; later the card, the phase and the case."""
        phase = self.scene.table.phase
        case = self.case()
        case_line = ui("case_head", self.lang, title=case.title[self.lang]) if case else ""
        setup = self.setup
        if phase == Phase.CASE:
            return case_line, ui(words(setup, "case_read", "case_read_one"), self.lang)
        sub = {
            Phase.DEAL: words(setup, "team_deal_title", "deal_title_one"),
            Phase.ESTIMATE: words(setup, "team_deal_title", "deal_title_one"),
            Phase.REVEAL: words(setup, "team_reveal_title", "practice_reveal_title", "reveal_title"),
            Phase.DISCUSS: words(setup, "discuss_title", "think_title"),
            Phase.CASE_VIEW: "case_view_title",
            Phase.REFLECT: words(setup, "reflect_title", "think_title"),
            Phase.AGREE: words(setup, "team_agree_title", "practice_agree_title"),
        }.get(phase)
        sub = ui(sub, self.lang) if sub else default_sub
        both = " · ".join(t for t in (sub, case_line) if t)
        room = getattr(self.scene, "title_rect", None)
        size = self.scene.app.screen.get_size() if self.scene.app.screen else (theme.BASE_W, theme.BASE_H)
        if room is not None and theme.text_scale > 1 and theme.font(theme.small_px(size)).size(both)[0] > room.w:
            return default_head, sub  # larger text: the case's name is on the case card, not on one cut line
        return default_head, both

    def hint(self, default: str) -> str:
        """The bottom bar's hint; at larger text one that does not fit there moves into the board (moved_hint)."""
        text = self._hint_text(default)
        return "" if text and text == self.moved_hint else text

    def _hint_text(self, default: str) -> str:
        setup = self.setup
        key = {
            Phase.CASE: words(setup, "case_hint", "case_hint_one"),
            Phase.REVEAL: words(setup, "talk_about_it", "think_hint"),
            Phase.DISCUSS: words(setup, "team_discuss_hint", "think_hint"),
            Phase.CASE_VIEW: "case_view_hint",
            Phase.REFLECT: words(setup, "reflect_hint", "think_hint"),
        }.get(self.scene.table.phase)
        return ui(key, self.lang) if key else default

    # --- layout ---------------------------------------------------------------------------------------
    def layout(self, size: tuple[int, int], area: Rect, gap: int) -> None:
        """The board: the question on top, the scale with every token at the left, a panel at the right."""
        phase = self.scene.table.phase
        self.plot = None
        self.moved_hint = ""
        bar = getattr(self.scene, "hint_rect", None)
        text = self._hint_text(self.scene._hint())
        small = theme.small_px(size)
        if theme.text_scale > 1 and bar is not None and text and not theme.fit(text, bar.w, bar.h, small, small).fits:
            self.moved_hint = text  # drawn in the side panel, or over the card, where there is room
        if phase not in BOARD:
            return
        self.question_r, rest = layout.rows(area, [self._question_h(size, area.w), 1], gap)
        self.plot_r, self.side_r = layout.cols(rest, [0.68, 0.32], gap * 2)
        cur = self.scene.view.current
        case_view = cur.case_view if cur else None
        if dotrows.wanted():  # larger text: in rows
            self.plot_r, self.side_r = layout.cols(rest, [0.6, 0.4], gap * 2)
            self.plot = dotrows.plan(self.plot_r, size, self.marks(), case_view, self.lang, self.labels())
        else:
            self.plot = dotplot.plan(self.plot_r, size, self.marks(), case_view, self.lang)
        if phase == Phase.AGREE:
            inner = layout.inset(self.side_r, theme.px(size, 16))
            notes_share = 0.3 if cur and cur.notes else 0.0
            self.agree_title, self.agree_hint, field_r, self.agree_notes = layout.rows(
                inner, [0.14, 0.16, 0.7 - notes_share, notes_share], theme.px(size, 8)
            )
            floor = least(size)
            self.agree_boxes = [(b, r, floor) for b, r in zip(self._agree_blocks(), (self.agree_title, self.agree_hint),
                                                              strict=False)]
            if theme.text_scale > 1:  # larger text: the title and the hint as high as their lines need
                gap = theme.px(size, 8)
                field_least = theme.font(theme.body_px(size)).get_height() + theme.px(size, 40)  # a line to type in
                band = Rect(inner.x, inner.y, inner.w, max(inner.h // 2, inner.h - field_least - gap))
                top = textstack.plan(self._agree_blocks(), band, size, theme.small_px(size), gap)
                self.agree_boxes = top
                bottom = top[-1][1].bottom
                rest = Rect(inner.x, bottom + gap, inner.w, inner.bottom - bottom - gap)
                field_r, self.agree_notes = layout.rows(rest, [1 - notes_share, notes_share], gap)
            self.scene.note.rect = layout.inset(field_r, theme.px(size, 6))  # room for the focus ring

    # --- drawing ----------------------------------------------------------------------------------------
    def draw_case(self, surface: pygame.Surface, area: Rect, gap: int) -> None:
        team_case.draw_case(surface, area, gap, self.case(), self.setup, self.lang)

    def _draw_card(self, surface: pygame.Surface, rect: Rect, drawing: Drawing) -> None:
        off = max(2, rect.w // 40)
        pygame.draw.rect(surface, (196, 184, 166), rect.move(off, off), border_radius=max(4, rect.w // 20))
        for r in render.draw(surface, drawing, rect):
            theme.LOG.add("case", r, rect)

    def draw_deal(self, surface: pygame.Surface, area: Rect, t: float) -> None:
        """The case card and the question card in the chosen perspective, side by side; the question turns."""
        scene = self.scene
        cur = scene.view.current
        size = surface.get_size()
        cards, labels = scene._labelled_cards(area, 2)
        if theme.text_scale > 1:  # larger text: labels as high as the prompt needs over a card's width
            cards, labels = team_large.labelled(self, area, size)
        drawing = self.case_drawing()
        if drawing is not None:
            self._draw_card(surface, cards[0], drawing)
        front = ("question", cur.question, self.lang, card_side(self.setup))
        back = ("back", cur.feature, self.lang)
        scene.app.art.draw_flip(surface, cards[1], back, front, t)
        scene.track(cards[1].inflate(cards[1].w // 10, cards[1].h // 8))
        case = self.case()
        label_px = theme.tpx(size, 26)
        prompt = question_prompt(self.setup, self.lang)
        if theme.text_scale > 1:  # on two lines rather than cut, both labels at one size
            label_px = theme.fit(prompt, labels[1].w, labels[1].h, label_px, theme.small_px(size), True).size_px
            for word, box in ((design.word("case", self.lang) if case else "", labels[0]), (prompt, labels[1])):
                theme.text(surface, word, box, label_px, bold=True, align="center", valign="bottom", min_px=label_px)
        else:
            if case is not None:
                theme.one_line(surface, design.word("case", self.lang), labels[0], label_px, bold=True)
            theme.one_line(surface, prompt, labels[1], label_px, bold=True)
        scene.track(labels[0].union(labels[1]))
        scene.track(cards[0])

    def draw_board(self, surface: pygame.Surface, t: float) -> None:
        """From the reveal to the agreement: the question, the scale with all tokens, and the side panel."""
        scene = self.scene
        if self.plot is None:
            return
        if scene.static:
            self._draw_question(surface)
        # only while the tokens turn over is the board a moving part (drawn over a kept copy of the rest)
        turning = scene.flip_anim is not None and not scene.flip_anim.finished
        if not (scene.moving if turning else scene.static):
            return
        cur = scene.view.current
        shown = cur.case_view if cur else None
        draw = dotrows.draw if self.plot.rows else dotplot.draw
        draw(surface, self.plot, self.labels(), self.lang, progress=t, case_view=shown)
        scene.track(self.plot.panel)
        phase = scene.table.phase
        if phase == Phase.REVEAL:
            self._draw_words(surface, t)
        elif phase == Phase.DISCUSS:
            self._draw_starter(surface)
        elif phase == Phase.CASE_VIEW:
            self._draw_case_view(surface)
        elif phase == Phase.REFLECT:
            self._draw_reflection(surface)
        elif phase == Phase.AGREE:
            self._draw_agree(surface)
        scene.track(self.side_r)

    def _question_parts(self, r: Rect, size: tuple[int, int]) -> tuple[Rect, Rect, Rect]:
        """The question row's feature stripe, the prompt and the card's words."""
        stripe = Rect(r.x, r.y, max(8, theme.px(size, 14)), r.h)
        inner = layout.inset(Rect(stripe.right, r.y, r.right - stripe.right, r.h), theme.px(size, 14), 4)
        prompt_r, text_r = layout.cols(inner, [0.36, 0.64], theme.px(size, 14))
        return stripe, prompt_r, text_r

    def _question_words(self) -> tuple[str, str]:
        cur = self.scene.view.current
        text = self.deck.card(cur.question).text(card_side(self.setup), self.lang)
        return question_prompt(self.setup, self.lang), f"“{text}”"

    def _question_h(self, size: tuple[int, int], w: int) -> int:
        """The question row: as at 100 %, or higher when its words need more lines at the board's least size."""
        base = theme.px(size, 64)
        if theme.text_scale <= 1:
            return base
        _, prompt_r, text_r = self._question_parts(Rect(0, 0, w, base), size)
        need = 0
        for said, box, bold in zip(self._question_words(), (prompt_r, text_r), (True, False), strict=True):
            fitted = theme.fit(said, box.w, 10_000, least(size), least(size), bold)
            need = max(need, fitted.height)
        return max(base, need + 8)

    def _draw_question(self, surface: pygame.Surface) -> None:
        size = surface.get_size()
        cur = self.scene.view.current
        feature = self.deck.feature(cur.feature)
        r = self.question_r
        theme.panel(surface, r, radius=theme.px(size, 12))
        stripe, prompt_r, text_r = self._question_parts(r, size)
        prompt, text = self._question_words()
        pygame.draw.rect(
            surface,
            theme.rgb(feature.colour),
            stripe,
            border_top_left_radius=theme.px(size, 12),
            border_bottom_left_radius=theme.px(size, 12),
        )
        theme.text(
            surface,
            prompt,
            prompt_r,
            theme.tpx(size, 24),
            bold=True,
            valign="middle",
            min_px=least(size),
        )
        theme.text(surface, text, text_r, theme.tpx(size, 22), valign="middle", min_px=least(size))

    def _side_panel(self, surface: pygame.Surface) -> Rect:
        size = surface.get_size()
        theme.panel(surface, self.side_r, radius=theme.px(size, 14))
        return layout.inset(self.side_r, theme.px(size, 18), theme.px(size, 16))

    def _draw_words(self, surface: pygame.Surface, t: float) -> None:
        size = surface.get_size()
        inner = self._side_panel(surface)
        if t < 1.0:
            return  # the words appear when every token is there
        cur = self.scene.view.current
        helps = self.deck.feature(cur.feature).polarity == Polarity.HELPS
        head, first, notes = reveal_words(self.marks(), self.lang, helps, self.labels())
        if theme.text_scale > 1:  # larger text: each block as high as its lines need
            team_large.stack_words(self, surface, inner, head, first, notes)
            return
        head_r, first_r, notes_r = layout.rows(inner, [0.24, 0.4, 0.36], theme.px(size, 10))
        theme.text(surface, head, head_r, theme.tpx(size, 28), bold=True, valign="top", min_px=least(size))
        if first:
            label_r, lines_r = layout.rows(first_r, [theme.room(size, 32), 1], theme.px(size, 4))
            theme.text(surface, first[0], label_r, theme.tpx(size, 24), bold=True, valign="bottom", min_px=least(size))
            theme.text(surface, "\n".join(first[1:]), lines_r, theme.tpx(size, 24), min_px=least(size))
        theme.text(
            surface,
            "\n".join(notes),
            notes_r if first else first_r.union(notes_r),
            theme.tpx(size, 22),
            colour=theme.INK_SOFT,
            min_px=least(size),
        )

    def _draw_starter(self, surface: pygame.Surface) -> None:
        cur = self.scene.view.current
        size = surface.get_size()
        if cur.starter and theme.text_scale > 1:  # larger text: the card's words at the body size or larger
            room = team_large.over_card(self, surface, [])
            team_large.card_words(self, surface, room, "starter", self.deck.starter(cur.starter).text[self.lang])
            return
        if cur.starter:
            card = layout.fit_aspect(self.side_r, ASPECT)
            self.scene.app.art.draw(surface, card, ("starter", cur.starter, self.lang))
            return
        inner = self._side_panel(surface)
        text = ui(words(self.setup, "no_starter", "think_alone"), self.lang)
        theme.text(surface, text, inner, theme.tpx(size, 28), align="center", valign="middle")

    def _draw_case_view(self, surface: pygame.Surface) -> None:
        """The case client's own view, and by name how far each person's estimate lies from it."""
        size = surface.get_size()
        lang = self.lang
        inner = self._side_panel(surface)
        cur = self.scene.view.current
        value = cur.case_view
        title = ui("case_view_title", lang)
        scale = self.deck.labels(lang, feature_id=cur.feature)  # the case view is given per feature
        said = ui("case_view_value", lang, value=value, label=scale[value - 1]) if value is not None else ""
        head = ui("distance_head", lang)
        question = ui(words(self.setup, "case_view_q", "case_view_q_one"), lang)
        if theme.text_scale > 1:  # larger text: the words as high as they need; the names by distance if room
            team_large.stack_case_view(self, surface, inner, title, said, head, question)
            return
        title_r, value_r, head_r, rest = layout.rows(inner, [0.12, 0.13, 0.09, 0.66], theme.px(size, 6))
        theme.text(surface, title, title_r, theme.tpx(size, 28), bold=True, valign="middle", min_px=least(size))
        if value is None:
            return
        theme.text(surface, said, value_r, theme.tpx(size, 26), valign="middle", min_px=least(size))
        theme.text(surface, head, head_r, theme.tpx(size, 22), bold=True, valign="bottom", min_px=least(size))
        used = self._draw_distances(surface, rest, distances(self.marks(), value))
        q_r = Rect(rest.x, used + theme.px(size, 8), rest.w, rest.bottom - used - theme.px(size, 8))
        if q_r.h > 0 and theme.fit(question, q_r.w, q_r.h, theme.tpx(size, 22), least(size)).fits:
            theme.text(  # only when there is room left under the names
                surface, question, q_r, theme.tpx(size, 22), colour=theme.INK_SOFT, valign="bottom", min_px=least(size)
            )

    def _draw_distances(self, surface: pygame.Surface, box: Rect, groups: list[tuple[int, list[Mark]]]) -> int:
        """One row per distance: a badge with the number, then the names (on chips in their colours) of who is
        that far from the client; highlighted from 2 apart. Returns the bottom of what was drawn."""
        size = surface.get_size()
        self.distance_boxes: list[tuple[str, Rect]] = []
        if not groups:
            return box.y
        px, chips = plan_distances(size, box, groups)
        font = theme.font(px, True)
        for kind, rect, label, colour in chips:
            if kind.startswith("distance"):
                far = int(label) >= 2
                radius = rect.h // 4
                pygame.draw.rect(surface, theme.HIGHLIGHT if far else (232, 226, 214), rect, border_radius=radius)
                pygame.draw.rect(surface, theme.INK, rect, width=2, border_radius=radius)
                theme.one_line(surface, label, rect, px, bold=True)
            else:
                pygame.draw.rect(surface, theme.rgb(colour), rect, border_radius=rect.h // 2)
                pygame.draw.rect(surface, theme.INK, rect, width=max(1, theme.px(size, 2)), border_radius=rect.h // 2)
                ink = theme.rgb(text_on(colour))
                theme.one_line(surface, label, rect.inflate(-(rect.w - font.size(label)[0]), 0), px, bold=True,
                               colour=ink)
            self.distance_boxes.append((kind, rect))
        return max(r.bottom for _, r, _, _ in chips)

    def _draw_reflection(self, surface: pygame.Surface) -> None:
        cur = self.scene.view.current
        if not cur.reflection:
            return
        size = surface.get_size()
        label = ui(words(self.setup, "team_reads", "think_about"), self.lang)
        if theme.text_scale > 1:  # larger text: the card's words at the body size or larger
            room = team_large.over_card(self, surface, [textstack.Block(label, 26, bold=True)])
            words_of = self.deck.card(cur.reflection).text("professional", self.lang)
            team_large.card_words(self, surface, room, "reflection", words_of)
            return
        else:
            label_h = theme.room(size, 34)
            label_r, card_r = layout.rows(self.side_r, [label_h, 1], 4)
            card = layout.fit_aspect(card_r, ASPECT)
            label_r = Rect(self.side_r.x, label_r.y, self.side_r.w, label_r.h)
            theme.one_line(surface, label, label_r, theme.tpx(size, 26), bold=True)
        self.scene.app.art.draw(surface, card, ("reflection", cur.reflection, self.lang, "professional"))

    def _agree_blocks(self) -> list[textstack.Block]:
        """The agreement panel's title, hint, and a hint moved from the bottom bar. At larger text the title is
        left out: the top bar says the same words."""
        title = ui(words(self.setup, "team_agree_title", "practice_agree_title"), self.lang)
        return [textstack.Block("" if theme.text_scale > 1 else title, 30, bold=True),
                textstack.Block(ui("agree_hint", self.lang), 20, colour=theme.INK_SOFT),
                textstack.Block(self.moved_hint, 20, colour=theme.INK_SOFT, optional=True)]

    def _draw_agree(self, surface: pygame.Surface) -> None:
        size = surface.get_size()
        lang = self.lang
        self._side_panel(surface)
        cur = self.scene.view.current
        floor = theme.small_px(size) if theme.text_scale > 1 else least(size)
        for block, box, px in self.agree_boxes:
            theme.text(surface, block.text, box, theme.tpx(size, block.base), bold=block.bold, colour=block.colour,
                       valign="middle", min_px=px)
        if cur.notes:
            body = ui("saved_notes", lang) + "\n" + "\n".join(f"– {n}" for n in cur.notes)
            theme.text(surface, body, self.agree_notes, theme.tpx(size, 20), min_px=floor)
