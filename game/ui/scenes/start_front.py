"""The start screen folded: one big button for the common case (a new conversation, Enter), the choices it
starts with said in one line, and "More choices" for the rest (scenes/start.py)."""

from __future__ import annotations

from typing import TYPE_CHECKING

import pygame

from game.i18n import ui
from game.kinds import Mode, clean_text
from game.ui import layout, measure, theme
from game.ui.widgets import Button

if TYPE_CHECKING:
    from game.ui.scenes.start import StartScene

Rect = pygame.Rect


def place(scene: StartScene, size: tuple[int, int], access: Button) -> None:
    """Folded: one big button for the common case, the choices in words, "More choices" with "Reading and
    seeing" beside it, and what More choices holds. At a larger text size the sub line (no room under the title)
    comes first, and the column may take the bottom bar's room too."""
    f = scene.frame
    lang = scene.lang
    w = min(f.body.w, max(theme.room(size, 620), theme.MIN_TARGET * 9))
    words_w = min(f.body.w, max(theme.px(size, 1000), w))
    big_h, more_h, gap = theme.target(size, 104), theme.target(size, 64), theme.px(size, 18)
    intro = "" if scene.sub else ui(scene._sub_key("start_sub"), lang)
    texts = [(intro, theme.tpx(size, 22), theme.small_px(size), 0),
             (choices_in_words(scene), theme.tpx(size, 26), theme.body_px(size), theme.px(size, 76)),
             (ui("front_more", lang), theme.tpx(size, 22), theme.small_px(size), theme.px(size, 60))]
    area = f.body
    heights = [max(least, measure.height(t, words_w, px)) if t else 0 for t, px, _, least in texts]
    for step in range(4):  # too high: the bottom bar's room, a lower big button, smaller text, no sub line
        if sum(heights) + big_h + more_h + (2 + sum(1 for h in heights if h)) * gap <= area.h:
            break
        if step == 0:
            area = Rect(f.body.x, f.body.y, f.body.w, f.bottom.bottom - f.body.y)
        elif step == 1:
            big_h = theme.target(size, 64)
        elif step == 2:
            heights = [measure.height(t, words_w, floor) if t else 0 for t, _, floor, _ in texts]
        else:
            heights[0] = 0
    intro_h, words_h, hint_h = heights
    weights = [h for h in (intro_h, big_h, words_h, more_h, hint_h) if h]
    h = sum(weights) + (len(weights) - 1) * gap
    col = Rect(area.centerx - w // 2, area.y + max(0, (area.h - h) * 2 // 5), w, h)
    cells = layout.rows(col, weights, gap)
    intro_r = cells.pop(0) if intro_h else None
    big_r, words_r, more_r, hint_r = cells
    label = {Mode.TEAM: "start_team", Mode.PRACTICE: "start_practice"}.get(scene.mode, "new_conversation")
    start = Button("start", ui(label, lang), big_r, primary=True, hint="Enter")
    more_w = max(theme.room(size, 360), theme.MIN_TARGET * 5)
    row_w = min(f.body.w, 2 * more_w + gap)
    more_cell, access_cell = layout.cols(Rect(col.centerx - row_w // 2, more_r.y, row_w, more_r.h), [1, 1], gap)
    more = Button("more", ui("more_choices", lang), more_cell)
    access.rect = access_cell
    words_r = Rect(col.centerx - words_w // 2, words_r.y, words_w, words_r.h)
    scene.front = (words_r, hint_r, intro_r and Rect(words_r.x, intro_r.y, words_w, intro_r.h), intro)
    if area.bottom > f.body.bottom:  # the bottom bar is the column's: a fault is said in place of the words
        scene.error_rect, scene.kept_rect = words_r, None
    scene.widgets += [start, more, access]


def choices_in_words(scene: StartScene) -> str:
    """What Enter starts, said in one line: who, how many topics, how long, the language, …"""
    from game.ui.scenes.start_choices import LANGUAGE_NAMES
    from game.ui.scenes.start_setup import default_name

    lang = scene.lang
    n = len(scene.features)
    parts = [ui("front_topic" if n == 1 else "front_topics", lang, n=n)]
    parts.append(ui("quick" if scene.quick else "full", lang))
    parts.append(LANGUAGE_NAMES.get(lang, lang))
    if scene.mode == Mode.CONVERSATION:
        names = [clean_text(fd.value) or default_name(r, lang)
                 for fd, r in zip(scene.names, scene.roles, strict=True)]
        head = f" {ui('and', lang)} ".join(names)
        if scene.guess:
            parts.append(ui("guess_other", lang).lower())
        if scene.code.value.strip():
            parts.append(f"{ui('pair_code_short', lang)} {scene.code.value.strip()}")
    else:
        people = ui("front_alone" if scene.alone else "front_players", lang, n=scene.count)
        head = f"{ui(f'mode_{scene.mode.value}', lang)}: {people}"
    return " · ".join([head, *parts])


def draw(scene: StartScene, surface: pygame.Surface) -> None:
    """The sub line (when the title bar has no room for it), the choices in words under the big button, and
    what "More choices" holds."""
    size = surface.get_size()
    words_r, hint_r, intro_r, intro = scene.front
    if intro_r is not None:
        theme.text(surface, intro, intro_r, theme.tpx(size, 22), colour=theme.INK_SOFT, align="center",
                   valign="middle")
    if not (scene.error and scene.error_rect == words_r):
        theme.text(surface, choices_in_words(scene), words_r, theme.tpx(size, 26), align="center",
                   valign="middle", min_px=theme.body_px(size))
    theme.text(surface, ui("front_more", scene.lang), hint_r, theme.tpx(size, 22), colour=theme.INK_SOFT,
               align="center", valign="top", min_px=theme.small_px(size))
