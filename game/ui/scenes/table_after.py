"""The table once the cards are turned: the reveal, the conversation card, the reflection and the agreement.

Where each part goes and how it is drawn, for TableScene (scenes/table.py), as TeamBoard (scenes/team.py) does
for a team. At a larger text size (big) what is read on a screen gets the room: the cards to read become
readable panels, and reminders are left off (the turned estimate cards, whose numbers the scale shows; the scale
and the words once they were talked about; the question beside the conversation card and the agreement).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import pygame

from game.engine import Phase
from game.i18n import ui
from game.ui import cardview, layout, scale, theme
from game.ui.cardview import ease
from game.ui.widgets import ring_reach

if TYPE_CHECKING:
    from game.ui.scenes.table import TableScene

Rect = pygame.Rect
TALK = (Phase.REVEAL, Phase.DISCUSS, Phase.CASE_VIEW, Phase.REFLECT, Phase.AGREE)


class AfterTurn:
    def __init__(self, scene: TableScene):
        self.scene = scene
        self.strip_rect: Rect | None = None
        self.words_rect: Rect | None = None
        self.hint_band: Rect | None = None  # a hint that moved out of the bottom bar (larger text)

    # --- layout ---------------------------------------------------------------------------------
    def layout(self, size: tuple[int, int], c: Rect, gap: int, big: bool) -> None:
        phase = self.scene.table.phase
        self.upper, self.lower = c, Rect(c.x, c.bottom, c.w, 0)
        self.strip_rect = self.words_rect = self.hint_band = None
        if big:
            self._big_layout(size, c, gap)
            return
        if phase in TALK:
            self.upper, self.lower = layout.rows(c, [0.6, 0.4], gap)
            self.strip_rect, self.words_rect = layout.cols(self.lower, [0.65, 0.35], gap)
        if phase == Phase.DISCUSS:  # the conversation card is read aloud: as large as the cards read at the deal
            big_cards, labels = self.scene._labelled_cards(c, 2)
            self.starter_label = Rect(c.x, labels[0].y, big_cards[0].w, labels[0].h)
            self.starter_card = Rect(c.x, big_cards[0].y, big_cards[0].w, big_cards[0].h)
            right = Rect(self.starter_card.right + gap * 2, c.y, c.right - self.starter_card.right - gap * 2, c.h)
            top, self.strip_rect = layout.rows(right, [0.6, 0.4], gap)
            self.question_card, self.words_rect = layout.cols(top, [0.5, 0.5], gap)
        if phase == Phase.AGREE:
            self.agree_card, panel_r = layout.cols(self.upper, [0.3, 0.7], gap * 2)
            self._agree_layout(size, panel_r, big)

    def _big_layout(self, size: tuple[int, int], c: Rect, gap: int) -> None:
        """At a larger text size: the question (or the conversation card) at the left, the words and the scale
        at the right; the reflection's panels and the agreement over the whole width."""
        scene, phase = self.scene, self.scene.table.phase
        moved, small = scene.moved_hint, theme.small_px(size)
        if phase in (Phase.REVEAL, Phase.DISCUSS):
            left, right = self._columns(size, c, gap)
            self.question_card = left
            if phase == Phase.DISCUSS:
                label_h = scene._label_h(size)
                self.starter_label = Rect(left.x, left.y, left.w, label_h - 4)
                self.starter_card = Rect(left.x, left.y + label_h, left.w, left.h - label_h)
            elif moved:  # under the question when there is room, else with the words
                hint_h = theme.fit(moved, left.w, left.h, small, small).height
                if cardview.readable_height(size, left.w, self._question_parts()) + gap + hint_h <= left.h:
                    self.question_card, self.hint_band = layout.rows(left, [1, hint_h], gap)
            self.words_rect, self.strip_rect = layout.rows(right, [0.5, 0.5], gap)
            need = scale.words_height(size, right.w, *self.words())
            if need > self.words_rect.h:  # many notes (guess the other): the scale gives up room
                self.words_rect, self.strip_rect = layout.rows(right, [min(need, right.h * 2 // 3), 1], gap)
        if phase in (Phase.REFLECT, Phase.AGREE) and moved:  # a line of its own under the panels
            fitted = theme.fit(moved, c.w, c.h, theme.tpx(size, 24), small)
            self.upper, self.hint_band = layout.rows(c, [1, fitted.height], gap)
        if phase == Phase.AGREE:
            self._agree_layout(size, self.upper, True)

    def _question_parts(self) -> list[tuple[str, str]]:
        """The question's sides as the reveal's panel shows them: (who reads it, the words)."""
        scene = self.scene
        card = scene.app.deck.card(scene.view.current.question)
        return [(ui(f"role_{r}", scene.lang), card.text(r, scene.lang)) for r, _ in scene._roles()]

    def _columns(self, size: tuple[int, int], c: Rect, gap: int) -> tuple[Rect, Rect]:
        """The left column (the question at the reveal, the conversation card after it) and the right one (the
        words and the scale): the left one wider when its panel needs it (a long text, a low window)."""
        scene = self.scene
        starter = scene.view.current.starter if scene.table.phase == Phase.DISCUSS else None
        parts = cardview.starter_parts(scene.app.deck, starter, scene.lang) if starter else self._question_parts()
        room = c.h - (scene._label_h(size) if starter else 0)
        for share in (0.45, 0.55, 0.65):
            left, right = layout.cols(c, [share, 1 - share], gap * 2)
            if cardview.readable_height(size, left.w, parts) <= room:
                break
        return left, right

    def _agree_layout(self, size: tuple[int, int], panel_r: Rect, big: bool) -> None:
        """The agreement's panel: a title, a hint, the text field and the agreements saved before."""
        scene = self.scene
        self.agree_panel = panel_r
        inner = layout.inset(panel_r, theme.px(size, 18))
        notes_share = 0.28 if scene.view.current and scene.view.current.notes else 0.0
        weights: list[float] = [0.16, 0.14, 0.7 - notes_share, notes_share]
        if big:  # the title and the hint as high as their text needs
            hint = theme.fit(ui("agree_hint", scene.lang), inner.w, inner.h, theme.tpx(size, 22), theme.small_px(size))
            weights[:3] = [theme.font(theme.tpx(size, 32), True).get_height(), hint.height, 1 - notes_share]
        title_r, hint_r, field_r, notes_r = layout.rows(inner, weights, max(theme.px(size, 8), ring_reach()))
        self.agree_title, self.agree_hint, self.agree_notes = title_r, hint_r, notes_r
        scene.note.rect = field_r

    def words(self) -> tuple[list[str], list[str]]:
        """What the reveal says in words (scale.sentences); with the hint when it has no place of its own."""
        scene = self.scene
        main, notes = scale.sentences(scene.app.deck, scene.view.setup, scene.view.current.feature, scene._marks(),
                                      scene.lang)
        if scene.moved_hint and scene.table.phase == Phase.REVEAL and self.hint_band is None:
            notes.append(scene.moved_hint)
        return main, notes

    # --- drawing --------------------------------------------------------------------------------
    def draw(self, surface: pygame.Surface, t: float, big: bool) -> None:
        """The phase's cards and panels (t: how far the cards have turned), then the scale and the words."""
        scene = self.scene
        size = surface.get_size()
        phase = scene.table.phase
        if phase == Phase.REVEAL:
            if big:
                if scene.static:
                    scene._draw_question(surface, self.question_card)
            else:
                q_area, p_area = layout.cols(self.upper, [0.3, 0.7], scene.f.gap * 2)
                if scene.static:
                    scene._draw_question(surface, q_area)
                if scene.moving:
                    scene._draw_player_cards(surface, p_area, face_up=True, t=ease(t))
        elif scene.static and phase == Phase.DISCUSS:
            self._draw_starter(surface, size, big)
        elif scene.static and phase == Phase.REFLECT and scene.view.current.reflection:
            self._draw_reflection(surface, size, big)
        elif scene.static and phase == Phase.AGREE:
            self._draw_agreement(surface, size, big)
        if scene.moving and self.strip_rect is not None:
            self._draw_scale(surface, t)

    def _draw_starter(self, surface: pygame.Surface, size: tuple[int, int], big: bool) -> None:
        scene, lang = self.scene, self.scene.lang
        cur, starter = scene.view.current, self.starter_card
        if not big:
            scene._draw_question(surface, self.question_card)
        theme.one_line(surface, ui("read_aloud", lang), self.starter_label, theme.tpx(size, 26), bold=True)
        if cur.starter and big:
            cardview.starter_panel(surface, starter, scene.app.deck, cur.starter, lang, theme.tpx(size, 30))
        elif cur.starter:
            scene.app.art.draw(surface, starter, ("starter", cur.starter, lang), read=True)
        else:
            theme.panel(surface, starter)
            theme.text(surface, ui("no_starter", lang), layout.inset(starter, starter.w // 10), theme.tpx(size, 34),
                       align="center", valign="middle")

    def _draw_reflection(self, surface: pygame.Surface, size: tuple[int, int], big: bool) -> None:
        scene, lang = self.scene, self.scene.lang
        reflection = scene.view.current.reflection
        roles = scene._roles()
        cards, labels = scene._labelled_cards(self.upper, len(roles), panels=big)
        for (role, names), card_r, label_r in zip(roles, cards, labels, strict=True):
            if big:
                cardview.question_panel(surface, card_r, scene.app.deck, reflection, [role], lang,
                                        theme.tpx(size, 30), middle=True)
            else:
                scene.app.art.draw(surface, card_r, ("reflection", reflection, lang, role), read=True)
            theme.one_line(surface, ui("reads", lang, name=" & ".join(names)), label_r, theme.tpx(size, 26),
                           bold=True, least=theme.body_px(size))

    def _draw_agreement(self, surface: pygame.Surface, size: tuple[int, int], big: bool) -> None:
        scene, lang = self.scene, self.scene.lang
        if not big:
            scene._draw_question(surface, self.agree_card)
        theme.panel(surface, self.agree_panel, radius=theme.px(size, 14))
        theme.text(surface, ui("agree_title", lang), self.agree_title, theme.tpx(size, 32), bold=True,
                   valign="middle")
        theme.text(surface, ui("agree_hint", lang), self.agree_hint, theme.tpx(size, 22), colour=theme.INK_SOFT,
                   valign="middle")
        notes = scene.view.current.notes
        if notes:
            body = ui("saved_notes", lang) + "\n" + "\n".join(f"– {n}" for n in notes)
            theme.text(surface, body, self.agree_notes, theme.tpx(size, 22), min_px=10)

    def _draw_scale(self, surface: pygame.Surface, t: float) -> None:
        """The scale with everyone's token, and the words for it once the cards have turned."""
        scene = self.scene
        ms = scene._marks()
        labels = scene.app.deck.labels(scene.lang, scene.view.current.question)
        scene.track(scale.draw(surface, self.strip_rect, labels, ms, scene.lang, progress=t))
        main, notes = self.words() if t >= 1.0 else ([], [])
        if scene.flip_anim is not None:
            scene.track(self.words_rect)  # the words appear when the cards have turned
        scale.draw_words(surface, self.words_rect, main, notes, scale.emphasis(scale.spread_of(ms)))
