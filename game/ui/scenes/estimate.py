"""The hidden estimate: a hand-over screen, then one player alone picks a card from 1 to 5 (and may guess).

Nothing of another player's choice is on these screens: they are built from Table.view(player) only.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

import pygame

from game.design import cards as design
from game.design import icons
from game.design.primitives import Circle, Drawing
from game.engine import Pass, PlaceEstimate
from game.i18n import ui
from game.ui import cardview, chrome, layout, theme
from game.ui.cardview import ASPECT, CardArt, Spec, ease, lerp_rect
from game.ui.input import Input, Key
from game.ui.scene import Anim, Scene
from game.ui.widgets import Button, focus_ring

if TYPE_CHECKING:
    from game.ui.app import App

Rect = pygame.Rect
PLACE_SECONDS = 0.35
HANDOVER_BG = (31, 52, 80)


def _player(app: App, player_id: str):
    setup = app.table.state.setup
    index = next(i for i, p in enumerate(setup.players) if p.id == player_id)
    return index, setup.players[index]


class HandOverScene(Scene):
    """ "Hand the laptop to …": nothing of the previous choice is on it."""

    def __init__(self, app: App, player_id: str):
        super().__init__(app)
        self.player_id = player_id
        self.index, self.player = _player(app, player_id)

    @property
    def lang(self) -> str:
        return self.app.table.state.setup.language

    def layout(self, size: tuple[int, int]) -> None:
        f = chrome.frame(size)
        self.f = f
        corner = chrome.corner_buttons(size, f.top, self.lang)
        body = f.body
        weights: list[float] = [0.34, 0.26, 0.16, 0.24]
        if theme.text_scale > 1:  # larger text: the line under the title as high as it needs
            weights[2] = theme.fit(self._sub(), body.w, body.h, theme.tpx(size, 28), theme.small_px(size)).height
        self.icon_r, self.title_r, self.sub_r, btn_r = layout.rows(body, weights, f.gap)
        w = min(body.w, max(theme.px(size, 520), theme.MIN_TARGET * 6))
        h = min(btn_r.h, theme.target(size, 84))
        go = Button(
            "ready", ui("handover_btn", self.lang, name=self.player.name), Rect(0, 0, w, h), hint="Enter"
        )
        go.rect.center = btn_r.center
        self.widgets = [go, *corner]

    def draw(self, surface: pygame.Surface) -> None:
        size = surface.get_size()
        surface.fill(HANDOVER_BG)
        colour = theme.player_colour(self.index)
        d = min(self.icon_r.h, self.icon_r.w)
        # the white disc is part of the drawing: the head's white ring then lies on white, not on a see-through
        # surface (whose anti-aliased edge would show as a grey halo)
        icon = Drawing(20, 20, (Circle(10, 10, 10, fill="#ffffff"), *icons.person(10, 10, 14, colour, "#ffffff")))
        circle = Rect(0, 0, d, d)
        circle.center = self.icon_r.center
        from game.ui import render

        render.draw(surface, icon, circle)
        white = theme.WHITE
        theme.text(
            surface,
            ui("handover_title", self.lang, name=self.player.name),
            self.title_r,
            theme.tpx(size, 60),
            bold=True,
            colour=white,
            align="center",
            valign="middle",
            min_px=16,
        )
        theme.text(
            surface,
            self._sub(),
            self.sub_r,
            theme.tpx(size, 28),
            colour=(220, 228, 238),
            align="center",
            valign="middle",
            min_px=12,
        )
        self.draw_widgets(surface)

    def _sub(self) -> str:
        team = self.app.table.state.setup.uses_case
        return ui("handover_team" if team else "handover_sub", self.lang)

    def spoken(self) -> str:
        from game.ui import spoken

        return spoken.words(ui("handover_title", self.lang, name=self.player.name), self._sub())

    def confirm(self) -> bool:
        self.app.replace(EstimateScene(self.app, self.player_id))
        return True

    def activate(self, widget_id: str) -> bool:
        if widget_id == "ready":
            return self.confirm()
        return super().activate(widget_id)

    def back(self) -> bool:
        return self.pause()


@dataclass
class CardButton:
    """An estimate card to tap; lifted and outlined when chosen. With a word (a larger text size) it is drawn as
    a tile of any shape in readable type: the number, the face and the word, which a card this small would
    print too small."""

    id: str
    art: CardArt
    spec: Spec
    selected: bool = False
    rect: Rect = field(default_factory=lambda: Rect(0, 0, 0, 0))
    word: str = ""

    focusable = True
    primary = False
    enabled = True

    def hit(self, pos: tuple[int, int]) -> bool:
        return self.rect.collidepoint(pos)

    def draw(self, surface: pygame.Surface, hover: bool, focus: bool) -> None:
        r = self.rect.move(0, -self.rect.h // 14) if self.selected else self.rect
        if focus:  # the keyboard's ring, outside the outline of a chosen card
            focus_ring(surface, r.inflate(14, 14), max(8, r.w // 12), 3)
        if self.selected:
            pygame.draw.rect(surface, theme.INK, r.inflate(14, 14), width=5, border_radius=max(8, r.w // 12))
        elif hover:
            pygame.draw.rect(
                surface, theme.PANEL_EDGE, r.inflate(10, 10), width=3, border_radius=max(8, r.w // 12)
            )
        if self.word:
            _, value, _, colour, polarity, *_ = self.spec
            estimate_tile(surface, r, value, self.word, colour, polarity)
        else:
            self.art.draw(surface, r, self.spec)


def estimate_tile(surface: pygame.Surface, rect: Rect, value: int, word: str, colour: str, polarity: str | None
                  ) -> None:
    """An estimate card as a tile in readable type: the number, the face (its mood as on the card) and the word."""
    size = surface.get_size()
    radius = max(8, rect.w // 12)
    pygame.draw.rect(surface, theme.WHITE, rect, border_radius=radius)
    pygame.draw.rect(surface, theme.rgb(colour), rect, width=max(3, theme.px(size, 6)), border_radius=radius)
    inner = layout.inset(rect, theme.px(size, 10))
    small = theme.small_px(size)
    word_h = theme.fit("x\nx", 100, 1000, small, small, True).height  # two lines
    num_px = theme.tpx(size, 36)
    num_h = min(theme.font(num_px, True).get_height(), inner.h - word_h - theme.px(size, 8))  # a low tile: the
    num_r, face_r, word_r = layout.rows(inner, [max(2, num_h), 1, word_h], theme.px(size, 4))  # digit gives way
    theme.one_line(surface, str(value), num_r, num_px, bold=True)
    mood = value if polarity != "hinders" else 6 - value
    d = min(face_r.w, face_r.h)
    if d > 8:
        from game.ui import render

        render.draw(surface, Drawing(20, 20, icons.smiley(10, 10, 9.5, mood, colour, "#1a1a1a")),
                    Rect(face_r.centerx - d // 2, face_r.centery - d // 2, d, d))
    theme.text(surface, word, word_r, small, bold=True, align="center",
               valign="middle", min_px=small)


class EstimateScene(Scene):
    """One player picks 1–5 (and in "guess the other" also guesses); the card then goes face down."""

    def __init__(self, app: App, player_id: str):
        super().__init__(app)
        self.table = app.table
        self.player_id = player_id
        self.index, self.player = _player(app, player_id)
        setup = self.table.state.setup
        others = [(i, p) for i, p in enumerate(setup.players) if p.id != player_id]
        self.other = others[0] if setup.guess_other and len(others) == 1 else None
        self.step = "value"
        self.value: int | None = None
        self.guess: int | None = None
        self.placing: Anim | None = None
        self._panels: dict[tuple, Drawing] = {}
        self.view = self.table.view(player_id)

    @property
    def lang(self) -> str:
        return self.table.state.setup.language

    @property
    def chosen(self) -> int | None:
        return self.value if self.step == "value" else self.guess

    def _colour(self) -> str:
        if self.step == "guess" and self.other is not None:
            return theme.player_colour(self.other[0])
        return theme.player_colour(self.index)

    # --- layout -----------------------------------------------------------------------------------
    def layout(self, size: tuple[int, int]) -> None:
        lang = self.lang
        f = chrome.frame(size)
        self.f = f
        corner = chrome.corner_buttons(size, f.top, lang)
        self.title_rect = Rect(f.top.x, f.top.y, min(b.rect.x for b in corner) - f.gap - f.top.x, f.top.h)
        big = theme.text_scale > 1  # larger text: the cards as tiles in readable type, as wide as there is room
        self.question_r, cards_r = layout.rows(f.body, [0.36 if big else 0.3, 0.64 if big else 0.7], f.gap)
        if big:  # a long question gets the room it needs from the cards
            need = cardview.readable_height(size, f.body.w, [("", self._question())])
            if need > self.question_r.h:
                self.question_r, cards_r = layout.rows(f.body, [need, 1], f.gap)
        cards_r = layout.inset(cards_r, 0, theme.px(size, 14))
        if big:
            self.card_rects = layout.cols(layout.inset(cards_r, theme.px(size, 8), 0), [1] * 5, f.gap * 2)
        else:
            self.card_rects = layout.row_of(cards_r, 5, ASPECT, f.gap * 2)
        colour = self._colour()
        polarity = self._polarity()
        card_id = self._card_id()
        words = self.app.deck.labels(lang, card_id) if big else [""] * 5
        cards = [
            CardButton(
                f"v{v}",
                self.app.art,
                ("estimate", v, lang, colour, polarity, card_id),
                selected=self.chosen == v,
                rect=r,
                word=word,
            )
            for v, r, word in zip(range(1, 6), self.card_rects, words, strict=True)
        ]
        done = Button(
            "confirm", ui("confirm", lang), primary=True, hint="Enter", enabled=self.chosen is not None
        )
        skip = Button("pass", ui("pass", lang))
        narrow = max(theme.room(size, 200), theme.MIN_TARGET * 4) if big else None  # room for the hint
        bar = [done, skip, *chrome.speak_button(self.app.voice.enabled, lang)]
        chrome.buttons_right(size, f.bottom, bar, width=narrow)
        self.hint_rect = chrome.left_of(bar, f.bottom, f.gap)
        self.widgets = [*cards, *bar, *corner]

    def _polarity(self) -> str:
        """Whether a high number is good news for this feature (it sets the smileys' mood)."""
        return self.app.deck.feature(self.view.current.feature).polarity.value

    def _card_id(self) -> str:
        """The question card being estimated: its own scale words go on the estimate cards."""
        return self.view.current.question

    def _panel(self, w: int, h: int, size: tuple[int, int]) -> Drawing:
        """The question in this player's own words, as a wide panel of the card design."""
        cur = self.view.current
        k = 4.0 * theme.unit(size)  # px per mm: the text as large as on a card held in the hand
        key = (cur.question, self.lang, w, h, k)
        drawing = self._panels.get(key)
        if drawing is None:
            card = self.app.deck.card(cur.question)
            feature = self.app.deck.feature(cur.feature)
            drawing = design.text_panel(
                w / k,
                h / k,
                card.text(self._side(), self.lang),
                title=feature.name[self.lang],
                colour=feature.colour,
                max_pt=24.0,
            )
            self._panels = {key: drawing}
        return drawing

    def _question(self) -> str:
        """The question in this player's own words."""
        return self.app.deck.card(self.view.current.question).text(self._side(), self.lang)

    def _side(self) -> str:
        """The phrasing this player reads: their own role's, or in team training the chosen perspective's."""
        from game.engine.views import card_side

        return card_side(self.table.state.setup, self.player.id)

    # --- drawing ----------------------------------------------------------------------------------
    def draw(self, surface: pygame.Surface) -> None:
        size = surface.get_size()
        lang = self.lang
        if self.static:
            surface.blit(theme.table_surface(size), (0, 0))
            head, sub = self._heading()
            chrome.title(surface, self.title_rect, head, sub)  # (the sub only when it fits: the tiles say it too)
            q = self.question_r
            if theme.text_scale > 1:  # the question as read at the deal, in this player's own words
                feature = self.app.deck.feature(self.view.current.feature)
                cardview.readable_panel(surface, q, feature.colour, feature.name[lang], [("", self._question())],
                                        theme.tpx(size, 30), middle=True)
            else:
                from game.ui import render

                for line in render.draw_lines(surface, self._panel(q.w, q.h, size), q):  # words to read: checked
                    theme.LOG.add("panel", line.rect, q, None if line.fine else line.px, line.text.endswith("…"))
        if self.placing is not None:
            if self.moving:
                self._draw_placing(surface)
            return
        theme.text(surface, self._secret_hint(), self.hint_rect, theme.tpx(size, 24), valign="middle", min_px=11)
        self.draw_widgets(surface)

    def _heading(self) -> tuple[str, str]:
        """The title (who estimates what) and the line under it."""
        lang = self.lang
        if self.step == "guess" and self.other is not None:
            return ui("guess_title", lang, name=self.other[1].name), ui("your_choice", lang, value=self.value)
        if self.table.state.setup.uses_case:  # team: the question in the chosen perspective
            from game.ui.team_words import alone, question_prompt

            setup = self.table.state.setup
            question = question_prompt(setup, lang)
            head = question if alone(setup) else ui("q_name", lang, name=self.player.name, question=question)
            return head, ui("estimate_hint", lang)
        return ui("estimate_title", lang, name=self.player.name), ui("estimate_hint", lang)

    def _secret_hint(self) -> str:
        alone = len(self.table.state.setup.players) == 1  # practising alone: no one to turn over with
        return ui("secret_hint_one" if alone else "secret_hint", self.lang)

    def spoken(self) -> str:
        """Who estimates, the question in this player's words, the five cards with their words, the hint."""
        from game.ui import spoken

        cur = self.view.current
        head, sub = self._heading()
        feature = self.app.deck.feature(cur.feature).name[self.lang]
        question = self.app.deck.card(cur.question).text(self._side(), self.lang)
        cards = [f"{v}: {label}" for v, label in enumerate(self.app.deck.labels(self.lang, cur.question), 1)]
        return spoken.words(head, feature, question, *cards, sub, self._secret_hint())

    def _draw_placing(self, surface: pygame.Surface) -> None:
        """The chosen card turns face down and goes to the table."""
        t = self.placing.t
        if self.value is None:
            return
        start = self.card_rects[self.value - 1]
        front = ("estimate", self.value, self.lang, theme.player_colour(self.index), self._polarity(), self._card_id())
        back = ("back", None, self.lang)
        if t < 0.5:
            self.app.art.draw_flip(surface, start, front, back, t * 2)
            self.track(start.inflate(start.w // 10, start.h // 8))
        else:
            size = surface.get_size()
            end = Rect(0, 0, start.w // 2, start.h // 2)
            end.midtop = (size[0] // 2, size[1])
            moving = lerp_rect(start, end, ease((t - 0.5) * 2))
            self.app.art.draw_moving(surface, moving, back, start)
            self.track(moving.inflate(moving.w // 10, moving.h // 10))

    # --- input ------------------------------------------------------------------------------------
    def choose(self, value: int) -> bool:
        if self.placing is not None or not 1 <= value <= 5:
            return False
        if self.step == "value":
            self.value = value
        else:
            self.guess = value
        return True

    def handle(self, inp: Input) -> bool:
        """Enter on a focused card chooses it and moves on to Done, where Enter then confirms."""
        if inp.key == Key.CONFIRM and self.focus is not None and self.focus.startswith("v"):
            chose = self.choose(int(self.focus[1:]))
            if chose:
                self.focus = "confirm"
            return chose
        return super().handle(inp)

    def key(self, inp: Input) -> bool:
        if inp.key == Key.DIGIT:
            return self.choose(inp.value)  # 0 and 6–9 ask nothing: no harm
        if inp.key in (Key.LEFT, Key.RIGHT):
            current = self.chosen or 3
            step = -1 if inp.key == Key.LEFT else 1
            return self.choose(min(5, max(1, current + step)) if self.chosen else 3)
        return False

    def confirm(self) -> bool:
        if self.placing is not None or self.chosen is None:
            return False
        if self.step == "value" and self.other is not None:
            self.step = "guess"
            return True
        return self._place(PlaceEstimate(player=self.player_id, value=self.value, guess=self.guess))

    def activate(self, widget_id: str) -> bool:
        if widget_id.startswith("v") and widget_id[1:].isdigit():
            return self.choose(int(widget_id[1:]))
        if widget_id == "confirm":
            return self.confirm()
        if widget_id == "pass":
            if self.step == "guess":  # no guess: place the estimate without one
                return self._place(PlaceEstimate(player=self.player_id, value=self.value))
            self.value = None
            return self._place(Pass(player=self.player_id))
        return super().activate(widget_id)

    def back(self) -> bool:
        if self.placing is not None:
            return False
        if self.step == "guess":
            self.step, self.guess = "value", None
            return True
        if self.value is not None:
            self.value = None
            return True
        return self.pause()

    def _place(self, action) -> bool:
        if not self.app.do(action):
            return False
        self.focus = None
        self.placing = self.animate(PLACE_SECONDS, lambda: self.app.pop(self), tracked=True)
        return True
