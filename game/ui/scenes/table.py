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
from game.ui.scenes.table_after import AfterTurn
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
        self.after = AfterTurn(self)
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
            buttons += chrome.speak_button(True, lang)
        chrome.buttons_right(size, f.bottom, buttons)
        self.hint_rect = chrome.left_of(buttons, f.bottom, f.gap)
        self.moved_hint = ""  # at a larger text size a hint that does not fit beside the buttons moves up
        hint = self._hint() if self.board is None else ""
        small = theme.small_px(size)
        if self.big and hint and not theme.fit(hint, self.hint_rect.w, self.hint_rect.h, small, small).fits:
            self.moved_hint = hint
        self.widgets = [*buttons, *corner]
        if phase == Phase.AGREE:
            self.widgets.insert(0, self.note)
        if self.board is not None:
            self.board.layout(size, self.centre, f.gap)
        else:
            self.after.layout(size, self.centre, f.gap, self.big)

    @property
    def big(self) -> bool:
        """Text larger than normal: the cards to read become readable panels, reminders are left off (see
        scenes/table_after.py) and the stacks too once the card is dealt."""
        return theme.text_scale > 1

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
            chrome.title(surface, self.title_rect, head, sub)  # (the sub only when it fits: the labels say it too)
            self._draw_stacks(surface)
            if self.moved_hint:
                hint = ""
                if self.board is None and self.after.hint_band is not None:
                    theme.text(surface, self.moved_hint, self.after.hint_band, theme.tpx(size, 24),
                               align="left" if phase == Phase.REVEAL else "center")
            theme.text(surface, hint, self.hint_rect, theme.tpx(size, 24), valign="middle", min_px=11)
        clip = surface.get_clip()  # the cards and their shadows stay in the body: a moving card never covers a
        surface.set_clip(self.f.body.clip(clip))  # button's focus ring (drawn with the still parts)
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
        surface.set_clip(clip)
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

    def _label_h(self, size: tuple[int, int]) -> int:
        """The height of a label line above a card ("Cliënt leest:")."""
        grown = theme.font(theme.tpx(size, 26), True).get_height() - theme.font(theme.px(size, 26), True).get_height()
        return theme.px(size, 34) + grown

    def _labelled_cards(self, area: Rect, n: int, panels: bool = False) -> tuple[list[Rect], list[Rect]]:
        """n cards side by side with a label line above each (panels: as wide as there is room)."""
        size = self.app.screen.get_size() if self.app.screen else (area.w, area.h)
        label_h = self._label_h(size)
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
                                        theme.tpx(size, 30), middle=True)
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
        t = self.flip_anim.t if self.flip_anim and not self.flip_anim.finished else 1.0
        if self.board is not None:
            self.board.draw_board(surface, t)
        else:
            self.after.draw(surface, t, self.big)

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

