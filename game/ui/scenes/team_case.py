"""The case in team training and practice, large (a trainer reads it aloud, often on a projector; one person
practising reads it alone), and what comes after it."""

from __future__ import annotations

import pygame

from game.design import cards as design
from game.design import icons
from game.design.palette import NEUTRAL
from game.design.primitives import Drawing
from game.i18n import ui
from game.model.deck import Case
from game.model.session import Setup
from game.ui import layout, render, textstack, theme
from game.ui.team_words import question_prompt, words

Rect = pygame.Rect
CASE_BAND = theme.rgb(NEUTRAL)  # the band of a case card
PERSON = Drawing(20, 20, icons.person(10, 10, 14, NEUTRAL, "#ffffff"))


def draw_case(
    surface: pygame.Surface, area: Rect, gap: int, case: Case | None, setup: Setup, lang: str
) -> None:
    """The case at the left; at the right how a round goes and the question that is asked each time."""
    size = surface.get_size()
    read = ui(words(setup, "case_read", "case_read_one"), lang)
    then = ui(words(setup, "case_then", "case_then_one"), lang)
    label = ui("case_question", lang)
    prompt = question_prompt(setup, lang)
    last = ui(words(setup, "case_last", "case_last_one"), lang)
    blocks = [
        textstack.Block(read, 26, bold=True),
        textstack.Block(then, 22),
        textstack.Block(label, 20, colour=theme.INK_SOFT),
        textstack.Block(prompt, 28, bold=True, align="center", pad=theme.px(size, 10)),
        textstack.Block(last, 22),
    ]
    case_r, info_r = layout.cols(area, [0.63, 0.37], gap * 2)
    if theme.text_scale > 1:  # larger text: the right panel as wide as its words need at the small size
        for share in (0.57, 0.53, 0.49, 0.45):
            case_r, info_r = layout.cols(area, [share, 1 - share], gap * 2)
            if textstack.fits(blocks, _info_inner(info_r, size), theme.small_px(size), theme.px(size, 8)):
                break
    if case is not None and theme.text_scale > 1 and not story_fits(size, case_r, case, lang):
        case_r = area  # a low window: the story whole first; how a round goes is in the rules and said later
        info_r = None
    if case is not None:
        draw_case_panel(surface, case_r, case, lang)
    if info_r is None:
        return
    theme.panel(surface, info_r, radius=theme.px(size, 14))
    inner = _info_inner(info_r, size)
    if theme.text_scale > 1:  # larger text: each block as high as its lines need
        textstack.draw(surface, blocks, inner, theme.small_px(size), theme.px(size, 8))
        return
    read_r, then_r, q_label_r, q_r, last_r = layout.rows(inner, [0.14, 0.3, 0.1, 0.2, 0.26], theme.px(size, 8))
    theme.text(surface, read, read_r, theme.tpx(size, 26), bold=True, valign="middle")
    theme.text(surface, then, then_r, theme.tpx(size, 22), valign="middle")
    theme.text(surface, label, q_label_r, theme.tpx(size, 20), colour=theme.INK_SOFT, valign="bottom")
    pygame.draw.rect(surface, (243, 238, 230), q_r, border_radius=theme.px(size, 10))
    pygame.draw.rect(surface, theme.INK, q_r, width=2, border_radius=theme.px(size, 10))
    prompt_r = layout.inset(q_r, theme.px(size, 12), 4)
    theme.text(surface, prompt, prompt_r, theme.tpx(size, 28), bold=True, align="center", valign="middle")
    theme.text(surface, last, last_r, theme.tpx(size, 22), valign="middle")


def _info_inner(info_r: Rect, size: tuple[int, int]) -> Rect:
    return layout.inset(info_r, theme.px(size, 20), theme.px(size, 18 if theme.text_scale <= 1 else 12))


def _panel_rects(size: tuple[int, int], rect: Rect, case: Case, lang: str) -> tuple[Rect, Rect, Rect, Rect]:
    """The case panel's inner rect, its band, title and story."""
    inner = layout.inset(rect, theme.px(size, 12))
    title_h = theme.px(size, 56)
    if theme.text_scale > 1:  # larger text: a long title on two lines rather than cut
        small = theme.small_px(size)
        title_h = max(title_h, textstack.height(textstack.Block(case.title[lang], 0, bold=True),
                                                inner.w - 2 * theme.px(size, 14), small))
    band, title_r, story_r = layout.rows(inner, [theme.px(size, 64), title_h, 1], theme.px(size, 10))
    text_r = layout.inset(Rect(inner.x, title_r.y, inner.w, story_r.bottom - title_r.y), theme.px(size, 14), 0)
    title_r = Rect(text_r.x, title_r.y, text_r.w, title_r.h)
    story_r = Rect(text_r.x, story_r.y, text_r.w, story_r.h - theme.px(size, 8))
    return inner, band, title_r, story_r


def story_fits(size: tuple[int, int], rect: Rect, case: Case, lang: str) -> bool:
    """Whether the case's story is read whole in a panel of rect at the window's smallest text size."""
    story_r = _panel_rects(size, rect, case, lang)[3]
    least = theme.small_px(size)
    return story_r.w > 0 and story_r.h > 0 and theme.fit(case.text[lang], story_r.w, story_r.h, least, least).fits


def draw_case_panel(surface: pygame.Surface, rect: Rect, case: Case, lang: str) -> None:
    """The case as a wide card: the work field in a dark band, the title, and the story in large text."""
    size = surface.get_size()
    radius = theme.px(size, 14)
    off = max(2, theme.px(size, 6))
    pygame.draw.rect(surface, (196, 184, 166), rect.move(off, off), border_radius=radius)
    theme.panel(surface, rect, fill=theme.WHITE, radius=radius)
    _, band, title_r, story_r = _panel_rects(size, rect, case, lang)
    pygame.draw.rect(surface, CASE_BAND, band, border_radius=theme.px(size, 10))
    d = band.h - theme.px(size, 14)
    circle = Rect(band.x + theme.px(size, 10), band.centery - d // 2, d, d)
    pygame.draw.circle(surface, theme.WHITE, circle.center, d // 2)
    render.draw(surface, PERSON, circle)
    field_r = Rect(circle.right + theme.px(size, 12), band.y, band.right - circle.right - theme.px(size, 24), band.h)
    field = design.word(case.field.value, lang)
    theme.one_line(surface, field, field_r, theme.tpx(size, 30), bold=True, colour=theme.WHITE, align="left")
    theme.text(surface, case.title[lang], title_r, theme.tpx(size, 34), bold=True, valign="middle", min_px=12)
    theme.text(surface, case.text[lang], story_r, theme.tpx(size, 34), valign="top", min_px=11)
