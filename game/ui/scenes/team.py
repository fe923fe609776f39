"""The table in team training and practice: the case card, the question in the chosen perspective, and the
board after the reveal (every estimate on the scale, the words, the starter, the case client's own view,
the reflection, the agreement). TableScene hands these phases to a TeamBoard.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import pygame

from game.design import cards as design
from game.design import icons
from game.design.palette import NEUTRAL, text_on
from game.design.primitives import Drawing
from game.engine import Phase
from game.i18n import ui
from game.model.deck import Polarity
from game.model.session import Mode, Perspective
from game.ui import dotplot, layout, render, theme
from game.ui.cardview import ASPECT
from game.ui.scale import Mark, marks, spread_of

if TYPE_CHECKING:
    from game.ui.scenes.table import TableScene

Rect = pygame.Rect
BOARD = (Phase.REVEAL, Phase.DISCUSS, Phase.CASE_VIEW, Phase.REFLECT, Phase.AGREE)
CASE_BAND = theme.rgb(NEUTRAL)  # the band of a case card
PERSON = Drawing(20, 20, icons.person(10, 10, 14, NEUTRAL, "#ffffff"))


def card_side(setup) -> str:
    """Which phrasing of a question card the team reads: the client's, or the professional's own."""
    if setup.mode == Mode.PRACTICE or setup.perspective == Perspective.CLIENT_VIEW:
        return "client"
    return "professional"


def question_prompt(setup, lang: str) -> str:
    """The question every estimate answers: "How would this client see it?" or "How do you see it?"."""
    if setup.mode == Mode.PRACTICE:
        return ui("q_practice", lang)
    return ui("q_client_view" if setup.perspective == Perspective.CLIENT_VIEW else "q_own_view", lang)


def names(ms: list[Mark], lang: str) -> str:
    """ "A", "A en B", "A, B en C"."""
    parts = [m.player.name for m in ms]
    if len(parts) <= 1:
        return "".join(parts)
    return f"{', '.join(parts[:-1])} {ui('and', lang)} {parts[-1]}"


def reveal_words(
    ms: list[Mark], lang: str, helps: bool, scale: list[str]
) -> tuple[str, list[str], list[str]]:
    """What the reveal says: how far apart (one line), who speaks first (the lowest and the highest), and
    smaller notes (a question, who skipped, what a high number means for friction). Practising alone: the
    estimate in words and a question to think about."""
    head = ""
    first: list[str] = []
    notes: list[str] = []
    s = spread_of(ms)
    if len(ms) == 1 and ms[0].value is not None:
        head = ui("your_pick", lang, value=ms[0].value, label=scale[ms[0].value - 1])
        notes += [ui("why_this", lang), ui("client_later", lang)]
    elif s == 0:
        head = ui("team_same", lang)
        notes.append(ui("same_q", lang))
    elif s is not None:
        head = ui("team_apart", lang, n=s) if s >= 2 else ui("close", lang)
        low, high = dotplot.extremes(ms)
        first = [
            ui("speak_first", lang),
            ui("lowest", lang, value=low[0].value, names=names(low, lang)),
            ui("highest", lang, value=high[0].value, names=names(high, lang)),
        ]
        notes.append(ui("speak_first_q", lang))
    notes += [ui("passed", lang, name=m.player.name) for m in ms if m.value is None]
    if not helps:
        notes.append(ui("higher_more_friction", lang))
    return head, first, notes


def distances(ms: list[Mark], case_view: int) -> list[tuple[int, list[Mark]]]:
    """Each distance to the case client's view (smallest first) with who is that far away."""
    out: dict[int, list[Mark]] = {}
    for m in ms:
        if m.value is not None:
            out.setdefault(abs(m.value - case_view), []).append(m)
    return sorted(out.items())


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
        cur = self.scene.view.current
        return marks(self.setup, cur.estimates) if cur else []

    def seats(self) -> dict[str, int]:
        return {p.id: i + 1 for i, p in enumerate(self.setup.players)}

    def title(self, default_head: str, default_sub: str) -> tuple[str, str]:
        """The top bar: the case's title while it is read; later the card, the phase and the case."""
        phase = self.scene.table.phase
        case = self.case()
        case_line = ui("case_head", self.lang, title=case.title[self.lang]) if case else ""
        if phase == Phase.CASE:
            return case_line, ui("case_read", self.lang)
        sub = {
            Phase.DEAL: ui("team_deal_title", self.lang),
            Phase.ESTIMATE: ui("team_deal_title", self.lang),
            Phase.REVEAL: ui(
                self._words("team_reveal_title", "reveal_title", "practice_reveal_title"), self.lang
            ),
            Phase.CASE_VIEW: ui("case_view_title", self.lang),
            Phase.AGREE: ui(
                self._words("team_agree_title", "team_agree_title", "practice_agree_title"), self.lang
            ),
        }.get(phase, default_sub)
        return default_head, " · ".join(t for t in (sub, case_line) if t)

    def _words(self, team: str, two: str, one: str) -> str:
        """The key of the words for a team, for two practising together, or for one practising alone."""
        n = len(self.setup.players)
        return one if n == 1 else two if n == 2 else team

    def hint(self, default: str) -> str:
        return {
            Phase.CASE: ui("case_hint", self.lang),
            Phase.DISCUSS: ui("team_discuss_hint", self.lang),
            Phase.CASE_VIEW: ui("case_view_hint", self.lang),
        }.get(self.scene.table.phase, default)

    # --- layout ---------------------------------------------------------------------------------------
    def layout(self, size: tuple[int, int], area: Rect, gap: int) -> None:
        """The board: the question on top, the scale with every token at the left, a panel at the right."""
        phase = self.scene.table.phase
        self.plot = None
        if phase not in BOARD:
            return
        self.question_r, rest = layout.rows(area, [theme.px(size, 64), 1], gap)
        self.plot_r, self.side_r = layout.cols(rest, [0.68, 0.32], gap * 2)
        cur = self.scene.view.current
        self.plot = dotplot.plan(
            self.plot_r,
            size,
            self.marks(),
            self.seats(),
            cur.case_view if cur else None,
            self.lang,
        )
        if phase == Phase.AGREE:
            inner = layout.inset(self.side_r, theme.px(size, 16))
            notes_share = 0.3 if cur and cur.notes else 0.0
            self.agree_title, self.agree_hint, field_r, self.agree_notes = layout.rows(
                inner, [0.14, 0.16, 0.7 - notes_share, notes_share], theme.px(size, 8)
            )
            self.scene.note.rect = layout.inset(field_r, theme.px(size, 6))  # room for the focus ring

    # --- drawing ----------------------------------------------------------------------------------------
    def draw_case(self, surface: pygame.Surface, area: Rect, gap: int) -> None:
        """The case, large (a trainer reads it aloud, often on a projector), and what comes next."""
        size = surface.get_size()
        lang = self.lang
        case = self.case()
        case_r, info_r = layout.cols(area, [0.63, 0.37], gap * 2)
        if case is not None:
            self._draw_case_panel(surface, case_r, case)
        theme.panel(surface, info_r, radius=theme.px(size, 14))
        inner = layout.inset(info_r, theme.px(size, 20), theme.px(size, 18))
        read_r, then_r, q_label_r, q_r, last_r = layout.rows(
            inner, [0.14, 0.3, 0.1, 0.2, 0.26], theme.px(size, 8)
        )
        theme.text(surface, ui("case_read", lang), read_r, theme.px(size, 26), bold=True, valign="middle")
        theme.text(surface, ui("case_then", lang), then_r, theme.px(size, 22), valign="middle")
        theme.text(
            surface,
            ui("case_question", lang),
            q_label_r,
            theme.px(size, 20),
            colour=theme.INK_SOFT,
            valign="bottom",
        )
        pygame.draw.rect(surface, (243, 238, 230), q_r, border_radius=theme.px(size, 10))
        pygame.draw.rect(surface, theme.INK, q_r, width=2, border_radius=theme.px(size, 10))
        theme.text(
            surface,
            question_prompt(self.setup, lang),
            layout.inset(q_r, theme.px(size, 12), 4),
            theme.px(size, 28),
            bold=True,
            align="center",
            valign="middle",
        )
        theme.text(surface, ui("case_last", lang), last_r, theme.px(size, 22), valign="middle")

    def _draw_case_panel(self, surface: pygame.Surface, rect: Rect, case) -> None:
        """The case as a wide card: the work field in a dark band, the title, and the story in large text."""
        size = surface.get_size()
        lang = self.lang
        radius = theme.px(size, 14)
        off = max(2, theme.px(size, 6))
        pygame.draw.rect(surface, (196, 184, 166), rect.move(off, off), border_radius=radius)
        theme.panel(surface, rect, fill=theme.WHITE, radius=radius)
        inner = layout.inset(rect, theme.px(size, 12))
        band, title_r, story_r = layout.rows(
            inner, [theme.px(size, 64), theme.px(size, 56), 1], theme.px(size, 10)
        )
        pygame.draw.rect(surface, CASE_BAND, band, border_radius=theme.px(size, 10))
        d = band.h - theme.px(size, 14)
        circle = Rect(band.x + theme.px(size, 10), band.centery - d // 2, d, d)
        pygame.draw.circle(surface, theme.WHITE, circle.center, d // 2)
        render.draw(surface, PERSON, circle)
        theme.one_line(
            surface,
            design.word(case.field.value, lang),
            Rect(
                circle.right + theme.px(size, 12),
                band.y,
                band.right - circle.right - theme.px(size, 24),
                band.h,
            ),
            theme.px(size, 30),
            bold=True,
            colour=theme.WHITE,
            align="left",
        )
        text_r = layout.inset(
            Rect(inner.x, title_r.y, inner.w, story_r.bottom - title_r.y), theme.px(size, 14), 0
        )
        title_r = Rect(text_r.x, title_r.y, text_r.w, title_r.h)
        story_r = Rect(text_r.x, story_r.y, text_r.w, story_r.h - theme.px(size, 8))
        theme.text(
            surface, case.title[lang], title_r, theme.px(size, 34), bold=True, valign="middle", min_px=12
        )
        theme.text(surface, case.text[lang], story_r, theme.px(size, 34), valign="top", min_px=11)

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
        drawing = self.case_drawing()
        if drawing is not None:
            self._draw_card(surface, cards[0], drawing)
        front = ("question", cur.question, self.lang, card_side(self.setup))
        back = ("back", cur.feature, self.lang)
        scene.app.art.draw_flip(surface, cards[1], back, front, t)
        scene.track(cards[1].inflate(cards[1].w // 10, cards[1].h // 8))
        case = self.case()
        label_px = theme.px(size, 26)
        if case is not None:
            theme.one_line(surface, design.word("case", self.lang), labels[0], label_px, bold=True)
        theme.one_line(surface, question_prompt(self.setup, self.lang), labels[1], label_px, bold=True)
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
        dotplot.draw(surface, self.plot, self.labels(), self.lang, progress=t, case_view=shown)
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

    def _draw_question(self, surface: pygame.Surface) -> None:
        size = surface.get_size()
        cur = self.scene.view.current
        feature = self.deck.feature(cur.feature)
        r = self.question_r
        theme.panel(surface, r, radius=theme.px(size, 12))
        stripe = Rect(r.x, r.y, max(8, theme.px(size, 14)), r.h)
        pygame.draw.rect(
            surface,
            theme.rgb(feature.colour),
            stripe,
            border_top_left_radius=theme.px(size, 12),
            border_bottom_left_radius=theme.px(size, 12),
        )
        inner = layout.inset(Rect(stripe.right, r.y, r.right - stripe.right, r.h), theme.px(size, 14), 4)
        prompt_r, text_r = layout.cols(inner, [0.36, 0.64], theme.px(size, 14))
        theme.text(
            surface,
            question_prompt(self.setup, self.lang),
            prompt_r,
            theme.px(size, 24),
            bold=True,
            valign="middle",
            min_px=10,
        )
        text = self.deck.card(cur.question).text(card_side(self.setup), self.lang)
        theme.text(surface, f"“{text}”", text_r, theme.px(size, 22), valign="middle", min_px=9)

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
        head_r, first_r, notes_r = layout.rows(inner, [0.24, 0.4, 0.36], theme.px(size, 10))
        theme.text(surface, head, head_r, theme.px(size, 28), bold=True, valign="top", min_px=11)
        if first:
            label_r, lines_r = layout.rows(first_r, [theme.px(size, 32), 1], theme.px(size, 4))
            theme.text(surface, first[0], label_r, theme.px(size, 24), bold=True, valign="bottom", min_px=10)
            theme.text(surface, "\n".join(first[1:]), lines_r, theme.px(size, 24), min_px=9)
        theme.text(
            surface,
            "\n".join(notes),
            notes_r if first else first_r.union(notes_r),
            theme.px(size, 22),
            colour=theme.INK_SOFT,
            min_px=9,
        )

    def _draw_starter(self, surface: pygame.Surface) -> None:
        cur = self.scene.view.current
        size = surface.get_size()
        if cur.starter:
            self.scene.app.art.draw(
                surface, layout.fit_aspect(self.side_r, ASPECT), ("starter", cur.starter, self.lang)
            )
            return
        inner = self._side_panel(surface)
        theme.text(
            surface, ui("no_starter", self.lang), inner, theme.px(size, 28), align="center", valign="middle"
        )

    def _draw_case_view(self, surface: pygame.Surface) -> None:
        """The case client's own view, and how far each player's estimate lies from it."""
        size = surface.get_size()
        lang = self.lang
        inner = self._side_panel(surface)
        cur = self.scene.view.current
        value = cur.case_view
        title_r, value_r, head_r, list_r, q_r = layout.rows(
            inner, [0.13, 0.15, 0.1, 0.42, 0.2], theme.px(size, 6)
        )
        theme.text(
            surface,
            ui("case_view_title", lang),
            title_r,
            theme.px(size, 28),
            bold=True,
            valign="middle",
            min_px=11,
        )
        if value is None:
            return
        scale = self.deck.labels(lang, feature_id=cur.feature)  # the case view is given per feature
        theme.text(
            surface,
            ui("case_view_value", lang, value=value, label=scale[value - 1]),
            value_r,
            theme.px(size, 26),
            valign="middle",
            min_px=10,
        )
        theme.text(
            surface,
            ui("distance_head", lang),
            head_r,
            theme.px(size, 22),
            bold=True,
            valign="bottom",
            min_px=10,
        )
        self._draw_distances(surface, list_r, distances(self.marks(), value))
        question = "case_view_q_one" if len(self.setup.players) == 1 else "case_view_q"
        theme.text(
            surface,
            ui(question, lang),
            q_r,
            theme.px(size, 22),
            colour=theme.INK_SOFT,
            valign="bottom",
            min_px=10,
        )

    def _draw_distances(
        self, surface: pygame.Surface, box: Rect, groups: list[tuple[int, list[Mark]]]
    ) -> None:
        """One row per distance: a badge with the number, then the tokens (seat numbers, as on the scale) of
        who is that far from the client. Tokens wrap to a new line; all are one size, the largest that fits."""
        if not groups:
            return
        size = surface.get_size()
        seats = self.seats()
        gap = max(2, theme.px(size, 6))
        for d_px in range(theme.px(size, 36), 9, -1):
            room = box.w - d_px - 2 * gap
            per_line = max(1, (room + gap) // (d_px + gap))
            heights = [-(-len(ms) // per_line) * (d_px + gap) - gap for _, ms in groups]
            if sum(heights) + 2 * gap * (len(groups) - 1) <= box.h:
                break
        self.distance_boxes: list[tuple[str, Rect]] = []
        y = box.y
        for (dist, ms), h in zip(groups, heights, strict=True):
            badge = Rect(box.x, y, d_px, d_px)
            pygame.draw.rect(
                surface, theme.HIGHLIGHT if dist >= 2 else (232, 226, 214), badge, border_radius=d_px // 4
            )
            pygame.draw.rect(surface, theme.INK, badge, width=2, border_radius=d_px // 4)
            theme.one_line(
                surface, str(dist), badge.inflate(-d_px // 4, -d_px // 4), d_px * 2 // 3, bold=True
            )
            self.distance_boxes.append((f"distance {dist}", badge))
            for k, m in enumerate(ms):
                line, col = divmod(k, per_line)
                token = Rect(badge.right + 2 * gap + col * (d_px + gap), y + line * (d_px + gap), d_px, d_px)
                pygame.draw.circle(surface, theme.rgb(m.colour), token.center, d_px // 2)
                pygame.draw.circle(surface, theme.INK, token.center, d_px // 2, width=max(1, d_px // 12))
                theme.one_line(
                    surface,
                    str(seats.get(m.player.id, 0)),
                    token.inflate(-d_px // 4, -d_px // 4),
                    round(d_px * 0.62),
                    bold=True,
                    colour=theme.rgb(text_on(m.colour)),
                )
                self.distance_boxes.append((f"token {m.player.id}", token))
            y += h + 2 * gap

    def _draw_reflection(self, surface: pygame.Surface) -> None:
        cur = self.scene.view.current
        if not cur.reflection:
            return
        size = surface.get_size()
        label_h = theme.px(size, 34)
        label_r, card_r = layout.rows(self.side_r, [label_h, 1], 4)
        card = layout.fit_aspect(card_r, ASPECT)
        theme.one_line(
            surface,
            ui("team_reads", self.lang),
            Rect(self.side_r.x, label_r.y, self.side_r.w, label_r.h),
            theme.px(size, 26),
            bold=True,
        )
        self.scene.app.art.draw(surface, card, ("reflection", cur.reflection, self.lang, "professional"))

    def _draw_agree(self, surface: pygame.Surface) -> None:
        size = surface.get_size()
        lang = self.lang
        self._side_panel(surface)
        cur = self.scene.view.current
        title = self._words("team_agree_title", "team_agree_title", "practice_agree_title")
        theme.text(
            surface,
            ui(title, lang),
            self.agree_title,
            theme.px(size, 30),
            bold=True,
            valign="middle",
            min_px=11,
        )
        theme.text(
            surface,
            ui("agree_hint", lang),
            self.agree_hint,
            theme.px(size, 20),
            colour=theme.INK_SOFT,
            valign="middle",
            min_px=9,
        )
        if cur.notes:
            body = ui("saved_notes", lang) + "\n" + "\n".join(f"– {n}" for n in cur.notes)
            theme.text(surface, body, self.agree_notes, theme.px(size, 20), min_px=9)
