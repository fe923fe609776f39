"""The team's board at larger text (125–200 %): the pieces that replace fixed shares of a panel with blocks as
high as their words need (textstack): the labels over the case and the question card, the reveal's words, the
case client's view, a hint moved from the bottom bar over the side's card, and a card read aloud in large words.
TeamBoard (scenes/team.py) calls them when theme.text_scale > 1."""

from __future__ import annotations

from typing import TYPE_CHECKING

import pygame

from game.design import cards as design
from game.design.palette import text_on
from game.i18n import ui
from game.ui import dotrows, layout, textstack, theme
from game.ui.cardview import ASPECT
from game.ui.scenes.team_distances import plan_fits
from game.ui.team_words import distances, question_prompt

if TYPE_CHECKING:
    from game.ui.scenes.team import TeamBoard

Rect = pygame.Rect


def least(size: tuple[int, int]) -> int:
    from game.ui.scenes.team import least as board_least  # the board's smallest text (team.py imports this)

    return board_least(size)


def labelled(board: TeamBoard, area: Rect, size: tuple[int, int]) -> tuple[list[Rect], list[Rect]]:
    """The case and the question card side by side, with a label over each as high as the question's
    prompt needs (on one or two lines) at the window's small size or larger."""
    gap = theme.px(size, 28)
    small = theme.small_px(size)
    label_h = theme.font(small, True).get_height() + 4
    for _ in range(2):  # the card's width depends on the label's height, and back
        cards = layout.row_of(Rect(area.x, area.y + label_h, area.w, area.h - label_h), 2, ASPECT, gap)
        fitted = theme.fit(question_prompt(board.setup, board.lang), cards[1].w + gap, 10_000, small, small, True)
        label_h = fitted.height + 4
    cards = layout.row_of(Rect(area.x, area.y + label_h, area.w, area.h - label_h), 2, ASPECT, gap)
    labels = [Rect(c.x - gap // 2, c.y - label_h, c.w + gap, label_h - 4) for c in cards]
    return cards, labels


def stack_words(board: TeamBoard, surface: pygame.Surface, inner: Rect, head: str, first: list[str], notes: list[str]):
    """The reveal's words at larger text: who has no chip of their own is named here (a full row's "+n");
    a question or a note on friction, then who speaks first, is left out when there is no room (who skipped
    never)."""
    size = surface.get_size()
    lang = board.lang
    blocks = [textstack.Block(head, 28, bold=True)]
    if first:  # who speaks first: the rows show it too, so on a low window it gives way (after the notes)
        blocks += [textstack.Block(first[0], 24, bold=True, optional=True),
                   textstack.Block("\n".join(first[1:]), 24, optional=True)]
    for value, ms in dotrows.hidden(board.plot, board.marks()):
        blocks.append(textstack.Block(ui("also_on", lang, value=value, names=", ".join(m.player.name for m in ms)),
                                      22))
    skipped = {ui("passed", lang, name=m.player.name) for m in board.marks() if m.value is None}
    blocks += [textstack.Block(n, 22, colour=theme.INK_SOFT, optional=n not in skipped) for n in notes]
    blocks.append(textstack.Block(board.moved_hint, 22, colour=theme.INK_SOFT, optional=True))
    textstack.draw(surface, blocks, inner, theme.small_px(size), theme.px(size, 6))


def stack_case_view(
    board: TeamBoard, surface: pygame.Surface, inner: Rect, title: str, said: str, head: str, question: str
) -> None:
    """The client's view at larger text: the title and the value; below them each person's distance by name
    when the names fit at the body size (the rows of the board show them too), else the question."""
    size = surface.get_size()
    gap = theme.px(size, 6)
    board.distance_boxes = []
    top = [textstack.Block(title, 28, bold=True), textstack.Block(said, 26),
           textstack.Block(board.moved_hint, 22, colour=theme.INK_SOFT)]
    rects = textstack.plan(top, inner, size, least(size), gap)
    bottom = rects[-1][1].bottom + gap if rects else inner.y
    value = board.scene.view.current.case_view
    groups = distances(board.marks(), value) if value is not None else []
    rest = Rect(inner.x, bottom, inner.w, inner.bottom - bottom)
    head_h = theme.font(least(size), True).get_height()
    names_r = Rect(rest.x, rest.y + head_h + gap, rest.w, rest.h - head_h - gap)
    fits = bool(groups) and names_r.h > 0 and plan_fits(size, names_r, groups)
    textstack.draw(surface, top, Rect(inner.x, inner.y, inner.w, bottom - inner.y), least(size), gap)
    if fits:
        theme.text(surface, head, Rect(rest.x, rest.y, rest.w, head_h), least(size), bold=True, min_px=least(size))
        board._draw_distances(surface, names_r, groups)
    elif rest.h > 0:
        textstack.draw(surface, [textstack.Block(question, 22, colour=theme.INK_SOFT, optional=True)], rest,
                       least(size), gap)


def over_card(board: TeamBoard, surface: pygame.Surface, blocks: list[textstack.Block]) -> Rect:
    """At larger text: the blocks (and a hint moved from the bottom bar) over the side's card, as high as
    they need, centred; returns the room left for the card."""
    size = surface.get_size()
    blocks = [*blocks, textstack.Block(board.moved_hint, 22, colour=theme.INK_SOFT, align="center")]
    blocks = [b for b in blocks if b.text]
    if not blocks:
        return board.side_r
    gap = theme.px(size, 4)
    small = theme.small_px(size)
    h = sum(textstack.height(b, board.side_r.w, small) for b in blocks) + gap * len(blocks)
    band = Rect(board.side_r.x, board.side_r.y, board.side_r.w, min(h, board.side_r.h // 3))
    for block, r, px in textstack.plan(blocks, band, size, small, gap):
        theme.text(surface, block.text, r, px, bold=block.bold, colour=block.colour, align="center", min_px=px)
    return Rect(board.side_r.x, band.bottom + gap, board.side_r.w, board.side_r.bottom - band.bottom - gap)

def card_words(board: TeamBoard, surface: pygame.Surface, box: Rect, kind: str, text: str) -> None:
    """A card read aloud at larger text: a panel with the feature's colour band naming the kind of card (the
    top bar names the feature), and
    its words as large as they fit (the card's drawing would show them far below the chosen size)."""
    size = surface.get_size()
    feature = board.deck.feature(board.scene.view.current.feature)
    theme.panel(surface, box, fill=theme.WHITE, radius=theme.px(size, 14))
    small = theme.small_px(size)
    band = Rect(box.x, box.y, box.w, theme.font(small, True).get_height() + theme.px(size, 12))
    colour = theme.rgb(feature.colour)
    pygame.draw.rect(surface, colour, band, border_top_left_radius=theme.px(size, 14),
                     border_top_right_radius=theme.px(size, 14))
    theme.one_line(surface, design.word(kind, board.lang), layout.inset(band, theme.px(size, 12), 0), small,
                   bold=True, colour=theme.rgb(text_on(feature.colour)), align="left")
    inner = layout.inset(Rect(box.x, band.bottom, box.w, box.bottom - band.bottom), theme.px(size, 14))
    theme.text(surface, text, inner, theme.tpx(size, 28), valign="middle")
