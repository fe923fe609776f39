"""The table: the feature stacks, the dealt card, the reveal, the conversation starter, reflection, agreement.

The scene shows the engine's state (Table.view) and sends it actions; the hidden estimates are placed in
EstimateScene, each behind a HandOverScene. In team training and practice a TeamBoard (scenes/team.py) shows
the case card, the question in the chosen perspective and the team's board after the reveal.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import pygame

from game.engine import AddNote, Continue, Phase, SwapCard
from game.i18n import ui
from game.model.session import MAX_NOTE
from game.readaloud import table_text
from game.ui import cardview, chrome, layout, scale, theme
from game.ui.cardview import ASPECT, ease, lerp_rect
from game.ui.input import Input
from game.ui.scene import Anim, Scene
from game.ui.widgets import Button, TextField

if TYPE_CHECKING:
    from game.ui.app import App

Rect = pygame.Rect
DEAL_SECONDS = 0.4
FLIP_SECONDS = 0.35


class TableScene(Scene):
    def __init__(self, app: App):
        super().__init__(app)
        assert app.table is not None
        self.table = app.table
        self.note = TextField("note", max_len=MAX_NOTE, multiline=True)
        self.deal_anim: Anim | None = None
        self.flip_anim: Anim | None = None
        self.dealt: tuple[int, str] | None = None
        self.revealed: int | None = None
        self.stack_rects: dict[str, Rect] = {}
        self.refresh()
        self.board = None
        if self.view.setup.uses_case:
            from game.ui.scenes.team import TeamBoard

            self.board = TeamBoard(self)

    # --- state ----------------------------------------------------------------------------------
    @property
    def lang(self) -> str:
        return self.table.state.setup.language

    def refresh(self) -> None:
        self.view = self.table.view(None)
        self.can_swap = self.table.phase == Phase.DEAL and self.table.can(SwapCard())

    def entered(self) -> None:
        self.refresh()
        self.sync()

    def act(self, action) -> bool:
        ok = self.app.do(action)
        self.refresh()
        self.sync()
        return ok

    def sync(self) -> None:
        """Start what the new phase needs: a deal, the next hand-over, the reveal, the summary."""
        phase = self.table.phase
        if phase == Phase.DONE:
            from game.ui.scenes.summary import SummaryScene

            self.app.reset(SummaryScene(self.app))
            return
        cur = self.view.current
        if phase == Phase.DEAL and cur is not None and self.dealt != (self.view.round_number, cur.question):
            self.dealt = (self.view.round_number, cur.question)
            self.note.value = ""
            self.deal_anim = self.animate(DEAL_SECONDS, tracked=True)
        elif phase == Phase.ESTIMATE and self.app.top is self and self.app.phones and self.app.phones.waiting():
            from game.ui.scenes.phones import PhoneWaitScene

            self.app.push(PhoneWaitScene(self.app, self.app.phones.host))
        elif phase == Phase.ESTIMATE and self.app.top is self and self.view.waiting_for:
            from game.ui.scenes.estimate import EstimateScene, HandOverScene

            who = self.view.waiting_for[0]
            alone = len(self.view.setup.players) == 1  # practice alone: no one to hand the laptop to
            self.app.push(EstimateScene(self.app, who) if alone else HandOverScene(self.app, who))
        elif phase == Phase.REVEAL and self.revealed != self.view.round_number:
            self.revealed = self.view.round_number
            self.flip_anim = self.animate(FLIP_SECONDS, tracked=True)
        if phase == Phase.AGREE:
            self.focus = "note"
        elif self.focus == "note":
            self.focus = None
        self._card_changed()

    def spoken(self) -> str:
        return table_text(self.app.deck, self.view, self.lang, [r for r, _ in self._roles()])

    def _card_changed(self) -> None:
        """A new card on the table stops the old speech; with "Voorlezen" on, the new card is read aloud."""
        text = self.spoken()
        if text == getattr(self, "_last_spoken", None):
            return
        self._last_spoken = text
        if self.app.settings.read_aloud and text:
            self.app.read_aloud(text)
        else:
            self.app.voice.stop()

    def flush(self) -> None:
        """Keep an agreement that was typed but not yet saved (before quitting or ending)."""
        text = self.note.value.strip()
        if self.table.phase == Phase.AGREE and text:
            self.app.do(AddNote(text=text))
            self.note.value = ""
            self.refresh()

    # --- layout ---------------------------------------------------------------------------------
    def layout(self, size: tuple[int, int]) -> None:
        lang = self.lang
        f = chrome.frame(size)
        self.f = f
        corner = chrome.corner_buttons(size, f.top, lang)
        self.title_rect = Rect(f.top.x, f.top.y, min(b.rect.x for b in corner) - f.gap - f.top.x, f.top.h)
        side, centre = layout.cols(f.body, [0.17, 0.83], f.gap * 2)
        if self.big and self.table.phase not in (Phase.DEAL, Phase.ESTIMATE):
            side, centre = Rect(f.body.x, f.body.y, 0, f.body.h), f.body  # larger text: room for the words
        if self.board is not None:  # team training: the whole width for the case and the board
            side, centre = Rect(f.body.x, f.body.y, 0, f.body.h), f.body
        self.side, self.centre = side, centre
        feats = self.view.setup.features if self.board is None and side.w else []
        cells = layout.grid(side, len(feats), 1 if len(feats) <= 2 else 2, f.gap)
        if len(feats) > 2:
            cells = layout.grid(
                Rect(side.x, side.y, side.w, min(side.h, round(side.w / ASPECT))), len(feats), 2, f.gap
            )
        self.stack_rects = {fid: layout.fit_aspect(c, ASPECT) for fid, c in zip(feats, cells, strict=True)}

        phase = self.table.phase
        buttons: list[Button] = []
        if phase == Phase.AGREE:
            has_text = bool(self.note.value.strip())
            buttons.append(
                Button("save", ui("save" if has_text else "continue", lang), primary=True, hint="Enter")
            )
        elif phase != Phase.ESTIMATE:
            buttons.append(Button("continue", ui("continue", lang), primary=True, hint="Enter"))
        if phase == Phase.DEAL:
            buttons.append(Button("swap", ui("swap", lang), enabled=self.can_swap))
        if self.app.voice.enabled and self.spoken():  # the speaker button: only with the [speech] extra
            buttons.append(Button("speak", ui("speak", lang), hint="V"))
        chrome.buttons_right(size, f.bottom, buttons)
        self.hint_rect = chrome.left_of(buttons, f.bottom, f.gap)
        self.moved_hint = ""  # at a larger text size a hint that does not fit beside the buttons moves up
        self.hint_band: Rect | None = None  # … to a line of its own (else it goes with the reveal's words)
        hint = self._hint() if self.board is None else ""
        small = theme.small_px(size)
        if self.big and hint and not theme.fit(hint, self.hint_rect.w, self.hint_rect.h, small, small).fits:
            self.moved_hint = hint
        self.widgets = [*buttons, *corner]
        if phase == Phase.AGREE:
            self.widgets.insert(0, self.note)
        self._content_layout(size)

    @property
    def big(self) -> bool:
        """Text larger than normal: the cards to read become readable panels and reminders are left off (the
        turned estimate cards, whose numbers the scale shows; the scale and the words once they were talked
        about; the question beside the conversation card)."""
        return theme.text_scale > 1

    def _content_layout(self, size: tuple[int, int]) -> None:
        f = self.f
        c = self.centre
        phase = self.table.phase
        if self.board is not None:
            self.board.layout(size, c, f.gap)
            return
        self.upper, self.lower = c, Rect(c.x, c.bottom, c.w, 0)
        self.strip_rect = self.words_rect = None
        if self.big:
            self._big_layout(size)
            return
        if phase in (Phase.REVEAL, Phase.DISCUSS, Phase.CASE_VIEW, Phase.REFLECT, Phase.AGREE):
            self.upper, self.lower = layout.rows(c, [0.6, 0.4], f.gap)
            self.strip_rect, self.words_rect = layout.cols(self.lower, [0.65, 0.35], f.gap)
        if phase == Phase.DISCUSS:  # the conversation card is read aloud: as large as the cards read at the deal
            big, labels = self._labelled_cards(c, 2)
            self.starter_label = Rect(c.x, labels[0].y, big[0].w, labels[0].h)
            self.starter_card = Rect(c.x, big[0].y, big[0].w, big[0].h)
            right = Rect(self.starter_card.right + f.gap * 2, c.y, c.right - self.starter_card.right - f.gap * 2, c.h)
            top, self.strip_rect = layout.rows(right, [0.6, 0.4], f.gap)
            self.question_card, self.words_rect = layout.cols(top, [0.5, 0.5], f.gap)
        if phase == Phase.AGREE:
            self.agree_card, panel_r = layout.cols(self.upper, [0.3, 0.7], f.gap * 2)
            self._agree_layout(size, panel_r)

    def _big_layout(self, size: tuple[int, int]) -> None:
        """At a larger text size: what is read on this screen gets the room (see big)."""
        f, c, phase = self.f, self.centre, self.table.phase
        if phase in (Phase.REVEAL, Phase.DISCUSS):
            left, right = layout.cols(c, [0.45, 0.55], f.gap * 2)
            self.question_card = left
            if phase == Phase.DISCUSS:
                label_h = self._label_h()
                self.starter_label = Rect(left.x, left.y, left.w, label_h - 4)
                self.starter_card = Rect(left.x, left.y + label_h, left.w, left.h - label_h)
            elif self.moved_hint:  # under the question when there is room, else with the words
                parts = [(ui(f"role_{r}", self.lang), self.app.deck.card(self.view.current.question).text(r, self.lang))
                         for r, _ in self._roles()]
                hint_h = theme.fit(self.moved_hint, left.w, left.h, theme.small_px(size), theme.small_px(size)).height
                if cardview.readable_height(size, left.w, parts) + f.gap + hint_h <= left.h:
                    self.question_card, self.hint_band = layout.rows(left, [1, hint_h], f.gap)
            self.words_rect, self.strip_rect = layout.rows(right, [0.5, 0.5], f.gap)
            main, notes = self._words()
            need = scale.words_height(size, right.w, main, notes)
            if need > self.words_rect.h:  # many notes (guess the other): the scale gives up room
                self.words_rect, self.strip_rect = layout.rows(right, [min(need, right.h * 2 // 3), 1], f.gap)
        if phase in (Phase.REFLECT, Phase.AGREE) and self.moved_hint:  # a line of its own under the panels
            fitted = theme.fit(self.moved_hint, c.w, c.h, theme.tpx(size, 24), theme.small_px(size))
            self.upper, self.hint_band = layout.rows(c, [1, fitted.height], f.gap)
        if phase == Phase.AGREE:
            self._agree_layout(size, self.upper)

    def _agree_layout(self, size: tuple[int, int], panel_r: Rect) -> None:
        """The agreement's panel: a title, a hint, the text field and the agreements saved before."""
        self.agree_panel = panel_r
        inner = layout.inset(panel_r, theme.px(size, 18))
        notes_share = 0.28 if self.view.current and self.view.current.notes else 0.0
        weights: list[float] = [0.16, 0.14, 0.7 - notes_share, notes_share]
        if self.big:  # the title and the hint as high as their text needs
            small = theme.small_px(size)
            hint = theme.fit(ui("agree_hint", self.lang), inner.w, inner.h, theme.tpx(size, 22), small)
            weights[:2] = [theme.font(theme.tpx(size, 32), True).get_height(),
                           hint.height]
            weights[2] = 1 - notes_share
        title_r, hint_r, field_r, notes_r = layout.rows(inner, weights, theme.px(size, 8))
        self.agree_title, self.agree_hint, self.agree_notes = title_r, hint_r, notes_r
        self.note.rect = field_r

    # --- drawing --------------------------------------------------------------------------------
    def draw(self, surface: pygame.Surface) -> None:
        size = surface.get_size()
        v = self.view
        cur = v.current
        lang = self.lang
        phase = self.table.phase
        if self.static:
            surface.blit(theme.table_surface(size), (0, 0))
            feature = self.app.deck.feature(cur.feature) if cur else None
            head = ui("round", lang, n=v.round_number, total=v.rounds_total)
            if feature is not None:
                head = f"{head} · {feature.name[lang]}"
            sub, hint = self._phase_title(), self._hint()
            if self.board is not None:
                head, sub = self.board.title(head, sub)
                hint = self.board.hint(hint)
            if self.big and not chrome.sub_fits(size, self.title_rect, sub):
                sub = ""  # at a larger text size: the labels over the cards say it
            chrome.title(surface, self.title_rect, head, sub)
            self._draw_stacks(surface)
            if self.moved_hint:
                hint = ""
                if self.hint_band is not None:
                    theme.text(surface, self.moved_hint, self.hint_band, theme.tpx(size, 24),
                               align="left" if phase == Phase.REVEAL else "center")
            theme.text(surface, hint, self.hint_rect, theme.tpx(size, 24), valign="middle", min_px=11)
        if phase == Phase.CASE and self.board is not None:
            if self.static:
                self.board.draw_case(surface, self.centre, self.f.gap)
        elif cur is not None:
            if phase == Phase.DEAL:
                if self.moving:
                    self._draw_deal(surface)
            elif phase == Phase.ESTIMATE:
                if self.static:
                    self._draw_waiting(surface)
            else:
                self._draw_revealed(surface)
        if self.static:
            self.draw_widgets(surface)  # last: the agreement's text field lies on its panel

    def _phase_title(self) -> str:
        lang = self.lang
        return {
            Phase.DEAL: ui("deal_title", lang),
            Phase.ESTIMATE: ui("deal_title", lang),
            Phase.REVEAL: ui("reveal_title", lang),
            Phase.DISCUSS: ui("discuss_title", lang),
            Phase.REFLECT: ui("reflect_title", lang),
            Phase.AGREE: ui("agree_title", lang),
        }.get(self.table.phase, "")

    def _hint(self) -> str:
        lang = self.lang
        return {
            Phase.DEAL: ui("deal_hint", lang) if self.can_swap else "",
            Phase.REVEAL: scale.talk_hint(self._marks(), lang),
            Phase.DISCUSS: ui("discuss_hint", lang),
            Phase.REFLECT: ui("reflect_hint", lang),
            Phase.AGREE: ui("agree_note", lang),
        }.get(self.table.phase, "")

    def _words(self) -> tuple[list[str], list[str]]:
        """What the reveal says in words (scale.sentences); with the hint when it has no place of its own."""
        main, notes = scale.sentences(self.app.deck, self.view.setup, self.view.current.feature, self._marks(),
                                      self.lang)
        if self.moved_hint and self.table.phase == Phase.REVEAL and self.hint_band is None:
            notes.append(self.moved_hint)
        return main, notes

    def _marks(self) -> list[scale.Mark]:
        cur = self.view.current
        return scale.marks(self.view.setup, cur.estimates) if cur is not None else []

    def _draw_question(self, surface: pygame.Surface, rect: Rect) -> None:
        cur = self.view.current
        self.question_rect = Rect(rect)  # (for the layout tests)
        cardview.question_panel(surface, rect, self.app.deck, cur.question, [r for r, _ in self._roles()], self.lang)

    def _draw_stacks(self, surface: pygame.Surface) -> None:
        cur = self.view.current
        art = self.app.art
        for fid, rect in self.stack_rects.items():
            depth = max(2, rect.w // 40)
            for k in (2, 1):
                r = rect.move(depth * k, depth * k)
                pygame.draw.rect(surface, (226, 218, 204), r, border_radius=max(4, rect.w // 20))
                pygame.draw.rect(surface, theme.PANEL_EDGE, r, width=1, border_radius=max(4, rect.w // 20))
            art.draw(surface, rect, ("back", fid, self.lang), shadow=False)
            if cur is not None and cur.feature == fid:
                pygame.draw.rect(
                    surface, theme.INK, rect.inflate(10, 10), width=4, border_radius=max(6, rect.w // 16)
                )

    def _roles(self) -> list[tuple[str, list[str]]]:
        """Each side of the card once, with the names of who reads it (seating order)."""
        out: dict[str, list[str]] = {}
        for p in self.view.setup.players:
            out.setdefault(p.role.value, []).append(p.name)
        return list(out.items())

    def _label_h(self) -> int:
        """The height of a label line above a card ("Cliënt leest:")."""
        size = self.app.screen.get_size()
        grown = theme.font(theme.tpx(size, 26), True).get_height() - theme.font(theme.px(size, 26), True).get_height()
        return theme.px(size, 34) + grown

    def _labelled_cards(self, area: Rect, n: int, panels: bool = False) -> tuple[list[Rect], list[Rect]]:
        """n cards side by side with a label line above each (panels: as wide as there is room)."""
        size = self.app.screen.get_size()
        label_h = self._label_h()
        cards_area = Rect(area.x, area.y + label_h, area.w, area.h - label_h)
        gap = theme.px(size, 28)
        cards = layout.cols(cards_area, [1] * n, gap) if panels else layout.row_of(cards_area, n, ASPECT, gap)
        labels = [Rect(c.x - gap // 2, c.y - label_h, c.w + gap, label_h - 4) for c in cards]
        return cards, labels

    def _draw_deal(self, surface: pygame.Surface) -> None:
        cur = self.view.current
        size = surface.get_size()
        t = self.deal_anim.t if self.deal_anim and not self.deal_anim.finished else 1.0
        if self.board is not None:
            self.board.draw_deal(surface, self.centre, t)
            return
        roles = self._roles()
        cards, labels = self._labelled_cards(self.centre, len(roles), panels=self.big)
        start = self.stack_rects.get(cur.feature, cards[0])
        back = ("back", cur.feature, self.lang)
        for (role, names), place, label_r in zip(roles, cards, labels, strict=True):
            card_r = layout.fit_aspect(place, ASPECT) if self.big else place  # a panel is turned over as a card
            front = ("question", cur.question, self.lang, role)
            if t < 0.5:
                moving = lerp_rect(start, card_r, ease(t * 2))
                self.app.art.draw_moving(surface, moving, back, card_r)
                self.track(moving.inflate(moving.w // 10, moving.h // 10))
            elif t < 1.0 or not self.big:
                self.app.art.draw_flip(surface, card_r, back, front, (t - 0.5) * 2, read=True)
                self.track(card_r.inflate(card_r.w // 10, card_r.h // 8))
            else:
                cardview.question_panel(surface, place, self.app.deck, cur.question, [role], self.lang,
                                        theme.tpx(size, 30))
                self.track(place.inflate(place.w // 10, place.h // 8))
            if t >= 1.0:
                theme.one_line(surface, ui("reads", self.lang, name=" & ".join(names)), label_r,
                               theme.tpx(size, 26), bold=True, least=theme.body_px(size))
                self.track(label_r)

    def _draw_waiting(self, surface: pygame.Surface) -> None:
        """Between hand-overs (normally hidden under them): face-down cards of who placed, nothing more."""
        self._draw_player_cards(surface, self.centre, face_up=False)

    def _draw_player_cards(self, surface: pygame.Surface, area: Rect, face_up: bool, t: float = 1.0) -> None:
        v = self.view
        size = surface.get_size()
        players = v.setup.players
        cards, labels = self._labelled_cards(area, len(players))
        back = ("back", None, self.lang)
        for i, (p, card_r, label_r) in enumerate(zip(players, cards, labels, strict=True)):
            est = v.current.estimates.get(p.id) if v.current else None
            colour = theme.player_colour(i)
            chip = Rect(label_r.x, 0, label_r.h * 2 // 3, label_r.h * 2 // 3)
            chip.centery = label_r.centery
            name_r = Rect(chip.right + 6, label_r.y, label_r.w - chip.w - 6, label_r.h)
            pygame.draw.aacircle(surface, theme.rgb(colour), chip.center, chip.w // 2)
            theme.one_line(surface, p.name, name_r, theme.tpx(size, 26), bold=True, align="left",
                           least=theme.body_px(size))
            self.track(label_r)  # drawn again in each frame of the reveal: sent again too
            if not v.current or not v.current.placed.get(p.id):
                pygame.draw.rect(
                    surface, theme.PANEL_EDGE, card_r, width=3, border_radius=max(6, card_r.w // 16)
                )
                theme.text(
                    surface,
                    ui("not_yet", self.lang),
                    layout.inset(card_r, card_r.w // 8),
                    theme.tpx(size, 22),
                    colour=theme.INK_SOFT,
                    align="center",
                    valign="middle",
                )
            elif not face_up or est is None:
                self.app.art.draw(surface, card_r, back)
            elif est.value is None:  # skipped: an empty place with the word, no card
                radius = max(6, card_r.w // 16)
                pygame.draw.rect(surface, theme.PANEL, card_r, border_radius=radius)
                pygame.draw.rect(surface, theme.PANEL_EDGE, card_r, width=3, border_radius=radius)
                theme.one_line(  # one word: smaller rather than broken in two
                    surface,
                    ui("skipped", self.lang),
                    layout.inset(card_r, card_r.w // 20),
                    theme.tpx(size, 24),
                    bold=True,
                    colour=theme.INK_SOFT,
                )
                self.track(card_r.inflate(card_r.w // 10, card_r.h // 8))
            else:
                polarity = self.app.deck.feature(v.current.feature).polarity.value
                front = ("estimate", est.value, self.lang, colour, polarity, v.current.question)
                self.app.art.draw_flip(surface, card_r, back, front, t)
                self.track(card_r.inflate(card_r.w // 10, card_r.h // 8))

    def _draw_revealed(self, surface: pygame.Surface) -> None:
        v = self.view
        cur = v.current
        size = surface.get_size()
        phase = self.table.phase
        lang = self.lang
        art = self.app.art
        t = self.flip_anim.t if self.flip_anim and not self.flip_anim.finished else 1.0
        if self.board is not None:
            self.board.draw_board(surface, t)
            return
        gap = self.f.gap * 2
        if phase == Phase.REVEAL:
            if self.big:
                if self.static:
                    self._draw_question(surface, self.question_card)
            else:
                q_area, p_area = layout.cols(self.upper, [0.3, 0.7], gap)
                if self.static:
                    self._draw_question(surface, q_area)
                if self.moving:
                    self._draw_player_cards(surface, p_area, face_up=True, t=ease(t))
        elif not self.static:
            pass
        elif phase == Phase.DISCUSS:
            if not self.big:
                self._draw_question(surface, self.question_card)
            starter = self.starter_card
            theme.one_line(surface, ui("read_aloud", lang), self.starter_label, theme.tpx(size, 26), bold=True)
            if cur.starter and self.big:
                cardview.starter_panel(surface, starter, self.app.deck, cur.starter, lang, theme.tpx(size, 30))
            elif cur.starter:
                art.draw(surface, starter, ("starter", cur.starter, lang), read=True)
            else:
                theme.panel(surface, starter)
                theme.text(
                    surface,
                    ui("no_starter", lang),
                    layout.inset(starter, starter.w // 10),
                    theme.tpx(size, 34),
                    align="center",
                    valign="middle",
                )
        elif phase == Phase.REFLECT and cur.reflection:
            roles = self._roles()
            cards, labels = self._labelled_cards(self.upper, len(roles), panels=self.big)
            for (role, names), card_r, label_r in zip(roles, cards, labels, strict=True):
                if self.big:
                    cardview.question_panel(surface, card_r, self.app.deck, cur.reflection, [role], lang,
                                            theme.tpx(size, 30))
                else:
                    art.draw(surface, card_r, ("reflection", cur.reflection, lang, role), read=True)
                theme.one_line(surface, ui("reads", lang, name=" & ".join(names)), label_r, theme.tpx(size, 26),
                               bold=True, least=theme.body_px(size))
        elif phase == Phase.AGREE:
            if not self.big:
                self._draw_question(surface, self.agree_card)
            theme.panel(surface, self.agree_panel, radius=theme.px(size, 14))
            theme.text(
                surface,
                ui("agree_title", lang),
                self.agree_title,
                theme.tpx(size, 32),
                bold=True,
                valign="middle",
            )
            theme.text(
                surface,
                ui("agree_hint", lang),
                self.agree_hint,
                theme.tpx(size, 22),
                colour=theme.INK_SOFT,
                valign="middle",
            )
            if cur.notes:
                body = ui("saved_notes", lang) + "\n" + "\n".join(f"– {n}" for n in cur.notes)
                theme.text(surface, body, self.agree_notes, theme.tpx(size, 22), min_px=10)
        if not self.moving or self.strip_rect is None:
            return
        ms = self._marks()
        labels = self.app.deck.labels(lang, cur.question)
        self.track(scale.draw(surface, self.strip_rect, labels, ms, lang, progress=t))
        main, notes = self._words() if t >= 1.0 else ([], [])
        if self.flip_anim is not None:
            self.track(self.words_rect)  # the words appear when the cards have turned
        scale.draw_words(surface, self.words_rect, main, notes, scale.emphasis(scale.spread_of(ms)))

    # --- input ------------------------------------------------------------------------------------
    def activate(self, widget_id: str) -> bool:
        if widget_id == "continue":
            return self.act(Continue())
        if widget_id == "save":
            return self.confirm()
        if widget_id == "swap":
            return self.act(SwapCard())
        if widget_id == "speak":
            self.app.read_aloud(self.spoken())
            return True
        return super().activate(widget_id)

    def confirm(self) -> bool:
        phase = self.table.phase
        if phase == Phase.AGREE:
            self.flush()
            return self.act(Continue())
        if phase in (Phase.DEAL, Phase.REVEAL, Phase.DISCUSS, Phase.CASE, Phase.CASE_VIEW, Phase.REFLECT):
            return self.act(Continue())
        return False

    def field_done(self, field_: TextField) -> bool:
        return self.confirm()

    def back(self) -> bool:
        return self.pause()

    def key(self, inp: Input) -> bool:
        return False  # a digit or arrow asks nothing on the table

