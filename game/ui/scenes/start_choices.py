"""The start screen unfolded ("More choices"): where each choice goes, for a conversation and for team training
or practice (scenes/start.py). Everything stays in the body, above the bottom bar, on a 1024×520 laptop with a
team of eight: names then go three a row and the language stands beside its label."""

from __future__ import annotations

from typing import TYPE_CHECKING

import pygame

from game.i18n import LANGUAGES, ui
from game.kinds import Mode, Perspective
from game.ui import layout, measure, theme
from game.ui.scenes import pairs, start_phones
from game.ui.scenes.start_setup import colleague
from game.ui.widgets import Button, ring_reach

if TYPE_CHECKING:
    from game.ui.scenes.start import StartScene

Rect = pygame.Rect
LANGUAGE_NAMES = {"nl": "Nederlands", "en": "English"}
UNBOUNDED = 100_000  # the height of a column that scrolls: it takes what it needs
Group = tuple[str, list[tuple[str, str, bool]] | str]  # a label key and its buttons (id, text, selected), or a line


class Rows:
    """The heights of one screen size: a row of buttons, the gap, a label above a group."""

    def __init__(self, size: tuple[int, int]):
        self.size = size
        self.row_h = theme.target(size, 56)
        self.gap = theme.px(size, 12)
        self.label_h = max(theme.px(size, 36), theme.font(theme.tpx(size, 24), True).get_height())

    @property
    def under(self) -> int:
        """Between a label and its row: room for the row's focus ring."""
        return max(self.gap // 2, ring_reach())

    @property
    def group_h(self) -> int:
        """A label and its row of buttons, with the gap below."""
        return self.label_h + self.under + self.row_h + self.gap

    @property
    def topics_h(self) -> int:
        """The topics' label and their two rows (no gap below)."""
        return self.label_h + self.under + 2 * self.row_h + self.gap

    def tight(self) -> Rows:
        """The same rows with smaller gaps, for a low screen."""
        tight = Rows.__new__(Rows)
        tight.size, tight.row_h, tight.label_h = self.size, self.row_h, self.label_h
        tight.gap = max(4, self.gap * 2 // 3)
        return tight


def conversation_people(scene: StartScene, col: Rect, r: Rows, y: int) -> int:
    """The players with their roles, then the topics; returns the y below them."""
    lang = scene.lang
    scene.labels.append((ui("who_plays", lang), Rect(col.x, y, col.w, r.label_h)))
    y += r.label_h + r.under
    for i, name_field in enumerate(scene.names):
        name_r, role_r = layout.cols(Rect(col.x, y, col.w, r.row_h), [0.6, 0.4], r.gap)
        name_field.rect = name_r
        name_field.placeholder = ui("name_hint", lang)  # the role is on the button beside it
        role = Button(f"role{i}", ui(f"role_{scene.roles[i]}", lang), role_r, hint=ui("switch", lang))
        scene.widgets += [name_field, role]
        y += r.row_h + r.gap
    return topics(scene, Rect(col.x, y + r.gap, col.w, 0), r)


def conversation_settings(scene: StartScene, col: Rect, r: Rows, y: int) -> int:
    """Language, length, guess, pair code; returns the y below them."""
    lang = scene.lang
    on = scene.guess
    guess = ("guess_other", [("guess:off", ui("off", lang), not on), ("guess:on", ui("on", lang), on)])
    y = groups(scene, [language(scene), length_row(scene), guess], col, y, r)
    scene.labels.append((ui("pair_code", lang), Rect(col.x, y, col.w, r.label_h)))
    y += r.label_h + r.under
    scene.code.placeholder = ui("pair_code_hint", lang)
    scene.widgets += pairs.code_row(scene, Rect(col.x, y, col.w, r.row_h), r.gap)  # field, Choose, History
    return y + r.row_h + r.gap


def team_people(scene: StartScene, col: Rect, r: Rows, y: int) -> int:
    """How many, their names, a trainer (one practising alone: neither); returns the y below them."""
    lang = scene.lang
    n, gap, row_h = scene.count, r.gap, r.row_h
    low, high = scene.player_range
    step_w = max(theme.MIN_TARGET + 8, theme.px(r.size, 84))
    more_r = Rect(col.right - step_w, y, step_w, row_h)
    less_r = Rect(more_r.x - gap - step_w, y, step_w, row_h)
    head = ui("players_alone", lang) if scene.alone else ui("players_n", lang, n=n)
    scene.team_labels.append((head, Rect(col.x, y, less_r.x - gap - col.x, row_h), True))
    scene.widgets += [
        Button("players:less", "", less_r, enabled=n > low),
        Button("players:more", "", more_r, enabled=n < high),
    ]
    y += row_h + gap
    if scene.alone:  # no names and no trainer: in the game you are "Jij"/"You"
        hint = ui("alone_hint", lang)
        h = max(2 * row_h, measure.height(hint, col.w, theme.tpx(r.size, 22)))
        scene.team_labels.append((hint, Rect(col.x, y, col.w, h), False))
        return y + h + gap
    per_row = 2 if y + (-(-n // 2) + 1) * (row_h + gap) - gap <= col.bottom else 3  # 8 on a low screen: 3
    lines = -(-n // per_row)
    grid_r = Rect(col.x, y, col.w, lines * row_h + (lines - 1) * gap)
    for i, cell in enumerate(layout.grid(grid_r, n, per_row, gap)):
        scene.team[i].rect = cell
        scene.team[i].placeholder = colleague(i, lang)
        scene.widgets.append(scene.team[i])
    y = grid_r.bottom + gap
    label_r, scene.trainer.rect = layout.cols(Rect(col.x, y, col.w, row_h), [0.3, 0.7], gap)
    scene.team_labels.append((ui("trainer", lang), label_r, True))
    scene.trainer.placeholder = ui("trainer_hint", lang)
    scene.widgets.append(scene.trainer)
    return y + row_h + gap


def team_settings(scene: StartScene, col: Rect, r: Rows, y: int) -> int:
    """Language, length, perspective, topics (and practice's hint); returns the y below them."""
    lang = scene.lang
    rows: list = [language(scene), length_row(scene)]
    if scene.mode == Mode.TEAM:
        rows.append(
            (
                "perspective",
                [
                    (f"persp:{p.value}", ui(f"persp_{p.value}", lang), p == scene.perspective)
                    for p in (Perspective.CLIENT_VIEW, Perspective.OWN_VIEW)
                ],
            )
        )
    if y + len(rows) * r.group_h + r.topics_h > col.bottom:  # a low screen: "Taal" beside its choices,
        r = r.tight()  # closer together
        y = inline(scene, rows.pop(0), col, y, r)
    y = groups(scene, rows, col, y, r)
    y = topics(scene, Rect(col.x, y, col.w, 0), r)
    if scene.mode == Mode.PRACTICE:
        hint = ui("practice_hint", lang)
        h = measure.height(hint, col.w, theme.tpx(r.size, 22)) if col.h >= UNBOUNDED else col.bottom - y
        scene.team_labels.append((hint, Rect(col.x, y, col.w, h), False))
        y += h + r.gap
    return y


def language(scene: StartScene) -> Group:
    langs = [code for code in LANGUAGES if code in scene.app.info.languages]
    return "language", [(f"lang:{code}", LANGUAGE_NAMES.get(code, code), code == scene.lang) for code in langs]


def length_row(scene: StartScene) -> list[Group] | Group:
    """Length, with the phones choice beside it in a conversation and in team training."""
    lang = scene.lang
    quick = scene.quick
    length = ("length", [("len:quick", ui("quick", lang), quick), ("len:full", ui("full", lang), not quick)])
    if scene.mode not in start_phones.PHONE_MODES:
        return length
    return [length, start_phones.group(scene.mode, scene.phones, lang)]


def groups(scene: StartScene, rows: list, column: Rect, y: int, r: Rows) -> int:
    """Each group: its label, then its choices side by side (a list of groups shares one row); options given as
    text is a line instead of buttons. Returns the y below the last."""
    gap = r.gap
    for item in rows:
        row = item if isinstance(item, list) else [item]
        weights = [0.7, 0.3] if len(row) == 2 else [1] * len(row)  # the second is short (Uit, Aan)
        for (key, options), cell in zip(row, layout.cols(Rect(column.x, y, column.w, 1), weights, gap * 2),
                                        strict=True):
            scene.labels.append((ui(key, scene.lang), Rect(cell.x, y, cell.w, r.label_h)))
            at = Rect(cell.x, y + r.label_h + r.under, cell.w, r.row_h)
            if isinstance(options, str):  # e.g. what to install first
                scene.team_labels.append((options, at, False))
                continue
            for (wid, label, sel), button_r in zip(options, layout.cols(at, [1] * len(options), gap), strict=True):
                scene.widgets.append(Button(wid, label, button_r, selected=sel))
        y += r.group_h
    return y


def inline(scene: StartScene, group: Group, column: Rect, y: int, r: Rows) -> int:
    """One group on one row: its label on the left, its choices beside it. Returns the y below it."""
    key, options = group
    label_r, at = layout.cols(Rect(column.x, y, column.w, r.row_h), [0.3, 0.7], r.gap)
    scene.team_labels.append((ui(key, scene.lang), label_r, True))
    for (wid, label, sel), button_r in zip(options, layout.cols(at, [1] * len(options), r.gap), strict=True):
        scene.widgets.append(Button(wid, label, button_r, selected=sel))
    return y + r.row_h + r.gap


def topics(scene: StartScene, at: Rect, r: Rows) -> int:
    """The topics label and a 2×2 grid of topic toggles from at.topleft; returns the y below it."""
    lang = scene.lang
    y = at.y
    scene.labels.append((ui("topics", lang), Rect(at.x, y, at.w, r.label_h)))
    y += r.label_h + r.under
    feats = sorted(scene.app.info.features, key=lambda ft: ft.order)
    grid_h = 2 * r.row_h + r.gap
    for ft, cell in zip(feats, layout.grid(Rect(at.x, y, at.w, grid_h), len(feats), 2, r.gap), strict=True):
        scene.widgets.append(
            Button(f"feat:{ft.id}", ft.name[lang], cell, selected=ft.id in scene.features, colour=ft.colour)
        )
    return y + grid_h + r.gap
