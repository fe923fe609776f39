"""The start screen folded: one big button for the common case (a new conversation, Enter), the choices it
starts with said in one line, and "More choices" for the rest (scenes/start.py)."""

from __future__ import annotations

from typing import TYPE_CHECKING

import pygame

from game.i18n import ui
from game.kinds import Mode, clean_text
from game.ui import layout, theme
from game.ui.widgets import Button

if TYPE_CHECKING:
    from game.ui.scenes.start import StartScene

Rect = pygame.Rect


def place(scene: StartScene, size: tuple[int, int]) -> None:
    """Folded: one big button for the common case, the choices in words, and "More choices"."""
    f = scene.frame
    w = min(f.body.w, max(theme.px(size, 620), theme.MIN_TARGET * 9))
    words_w = min(f.body.w, max(theme.px(size, 1000), w))
    big_h, more_h = theme.target(size, 104), theme.target(size, 64)
    words_h, hint_h, gap = theme.px(size, 76), theme.px(size, 60), theme.px(size, 18)
    h = big_h + words_h + more_h + hint_h + 3 * gap
    col = Rect(f.body.centerx - w // 2, f.body.y + max(0, (f.body.h - h) * 2 // 5), w, h)
    big_r, words_r, more_r, hint_r = layout.rows(col, [big_h, words_h, more_h, hint_h], gap)
    label = {Mode.TEAM: "start_team", Mode.PRACTICE: "start_practice"}.get(scene.mode, "new_conversation")
    start = Button("start", ui(label, scene.lang), big_r, primary=True, hint="Enter")
    more_w = min(w, max(theme.px(size, 360), theme.MIN_TARGET * 5))
    more = Button("more", ui("more_choices", scene.lang), Rect(0, more_r.y, more_w, more_r.h))
    more.rect.centerx = col.centerx
    scene.front = (Rect(col.centerx - words_w // 2, words_r.y, words_w, words_r.h), hint_r)
    scene.error_rect = Rect(f.bottom)
    scene.widgets += [start, more]


def choices_in_words(scene: StartScene) -> str:
    """What Enter starts, said in one line: who, how many topics, how long, the language, …"""
    from game.ui.scenes.start import LANGUAGE_NAMES, default_name

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
        people = ui("front_player" if scene.count == 1 else "front_players", lang, n=scene.count)
        head = f"{ui(f'mode_{scene.mode.value}', lang)}: {people}"
    return " · ".join([head, *parts])


def draw(scene: StartScene, surface: pygame.Surface) -> None:
    """The choices in words under the big button, and what "More choices" holds."""
    size = surface.get_size()
    words_r, hint_r = scene.front
    theme.text(surface, choices_in_words(scene), words_r, theme.px(size, 26), align="center", valign="middle",
               min_px=theme.body_px(size))
    theme.text(surface, ui("front_more", scene.lang), hint_r, theme.px(size, 22), colour=theme.INK_SOFT,
               align="center", valign="top", min_px=theme.small_px(size))
