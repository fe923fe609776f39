"""The pair code on the start screen: the codes found in the data directory (most recent first) to choose
from, and the pair's history (button or H).

The codes are listed only when asked for (Choose, or ↓ in the field): the start screen itself shows no
earlier pair, since the next pair may already sit at it. Typing a new code works as before.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

import pygame

from game.i18n import local, short_date, ui
from game.paths import SESSIONS
from game.ui import layout, measure, spoken, theme
from game.ui.input import Input, Key
from game.ui.scene import Scene
from game.ui.widgets import Button, TextField, Widget

if TYPE_CHECKING:
    from game.history import PairInfo
    from game.ui.app import App
    from game.ui.scenes.start import StartScene

Rect = pygame.Rect


def known_pairs(app: App) -> list[PairInfo]:
    """The pair codes of the saved sessions, most recent first (nothing when the folder cannot be read)."""
    if app.data_dir is None or not any_saved(app.data_dir):
        return []  # a first start: the summaries' models need not load before the start screen shows
    from game.history import find_pairs
    from game.store import StoreError

    try:
        pairs, _unreadable = find_pairs(app.data_dir)
    except (StoreError, OSError):
        return []
    return pairs


def any_saved(root: Path) -> bool:
    """Whether a summary may be saved in the data directory (a quick look, nothing read)."""
    try:
        return next((root / SESSIONS).glob("*.json"), None) is not None
    except OSError:
        return True  # let the full look say what is wrong


def known(pairs: list[PairInfo], code: str) -> PairInfo | None:
    code = code.strip()
    if not code or not pairs:
        return None
    from game.history import same_pair

    return next((p for p in pairs if same_pair(p.pair_code, code)), None)


def code_row(start: StartScene, row: Rect, gap: int) -> list[Widget]:
    """The code field, and when codes exist: Choose (the list) and History (of the code in the field)."""
    code: TextField = start.code
    pairs: list[PairInfo] = start.pairs
    if not pairs:
        code.rect = Rect(row)
        return [code]
    lang = start.lang
    field_r, pick_r, hist_r = layout.cols(row, [0.46, 0.24, 0.30], gap)
    code.rect = field_r
    pick = Button("pairs:pick", ui("pair_pick", lang), pick_r)
    history = Button("pairs:history", ui("history", lang), hist_r, hint="H",
                     enabled=known(pairs, code.value) is not None)
    return [code, pick, history]


def key(start: StartScene, inp: Input) -> bool:
    """H: the history of the pair in the field; arrow down in the code field: the list of codes."""
    if inp.key == Key.LETTER and inp.text == "h" and start.focused_field() is None:
        return open_history(start)
    if inp.key == Key.DOWN and start.focus == "code" and start.pairs:
        return open_pick(start)
    return False


def activate(start: StartScene, widget_id: str) -> bool:
    if widget_id == "pairs:pick":
        return open_pick(start)
    if widget_id == "pairs:history":
        return open_history(start)
    return False


def open_pick(start: StartScene) -> bool:
    if not start.pairs:
        return False
    start.app.push(PairPickScene(start.app, start))
    return True


def open_history(start: StartScene) -> bool:
    info = known(start.pairs, start.code.value)
    if info is None:
        return False
    from game.ui.scenes.history import HistoryScene

    start.app.push(HistoryScene(start.app, info.pair_code, start.lang))
    return True


class PairPickScene(Scene):
    """The pair codes, most recent first, each with its number of sessions and last date.

    Up/Down (or Tab) move, Enter or a click picks, PageUp/PageDown or the wheel page through, Esc goes back.
    """

    opaque = False

    def __init__(self, app: App, start: StartScene):
        super().__init__(app)
        self.start = start
        self.pairs = list(start.pairs)
        self.first = 0  # the first code on this page
        self.per_page = 1
        self.error = ""
        current = known(self.pairs, start.code.value)
        if current is not None:
            index = self.pairs.index(current)
            self.focus = f"pair:{index}"
        elif self.pairs:
            self.focus = "pair:0"

    @property
    def lang(self) -> str:
        return self.start.lang

    def layout(self, size: tuple[int, int]) -> None:
        lang = self.lang
        pad = theme.px(size, 24)
        w = min(size[0] - 2 * theme.px(size, 24), max(theme.room(size, 720), 460))
        h = size[1] - 2 * theme.px(size, 36)
        self.panel = Rect(0, 0, w, h)
        self.panel.center = (size[0] // 2, size[1] // 2)
        inner = layout.inset(self.panel, pad)
        row = theme.target(size, 56)
        gap = theme.px(size, 10)
        self.title_px, self.sub_px = theme.tpx(size, 34), theme.tpx(size, 22)
        title_h = max(theme.px(size, 46), measure.height(ui("pair_pick_title", lang), inner.w, self.title_px, True))
        sub_h = max(theme.px(size, 30), measure.height(ui("pair_pick_sub", lang), inner.w, self.sub_px))
        self.title_r, self.sub_r, list_r, nav_r = layout.rows(inner, [title_h, sub_h, 1, row], gap)
        self.per_page = max(1, (list_r.h + gap) // (row + gap))
        index = self._focused_index()
        if index is not None:  # the focused code is always on the page
            if index < self.first:
                self.first = index
            elif index >= self.first + self.per_page:
                self.first = index - self.per_page + 1
        self.first = max(0, min(self.first, max(0, len(self.pairs) - self.per_page)))
        self.widgets = []
        y = list_r.y
        for i in range(self.first, min(len(self.pairs), self.first + self.per_page)):
            info = self.pairs[i]
            self.widgets.append(PairButton(f"pair:{i}", info.pair_code, Rect(list_r.x, y, list_r.w, row),
                                           detail=self._detail(info)))
            y += row + gap
        back = Button("back", ui("back", lang), hint="Esc")
        older = Button("next", ui("older", lang), enabled=self.first + self.per_page < len(self.pairs))
        newer = Button("prev", ui("newer", lang), enabled=self.first > 0)
        back.rect, newer.rect, older.rect = layout.cols(nav_r, [0.5, 0.25, 0.25], gap)
        self.widgets += [newer, older, back]

    def _detail(self, info: PairInfo) -> str:
        day = short_date(local(info.last_session).date(), self.lang)
        if info.sessions == 1:
            return ui("pair_row_one", self.lang, date=day)
        return ui("pair_row", self.lang, n=info.sessions, date=day)

    def _focused_index(self) -> int | None:
        if self.focus and self.focus.startswith("pair:"):
            return int(self.focus[5:])
        return None

    def draw(self, surface: pygame.Surface) -> None:
        size = surface.get_size()
        theme.dim(surface)
        theme.panel(surface, self.panel, radius=theme.px(size, 18), width=3)
        theme.text(surface, ui("pair_pick_title", self.lang), self.title_r, self.title_px, bold=True,
                   valign="middle", min_px=14)
        theme.text(surface, ui("pair_pick_sub", self.lang), self.sub_r, self.sub_px,
                   colour=theme.INK_SOFT, valign="middle", min_px=10)
        self.draw_widgets(surface)

    def spoken(self) -> str:
        codes = [f"{w.label}: {w.detail}" for w in self.widgets if isinstance(w, PairButton)]
        return spoken.words(ui("pair_pick_title", self.lang), ui("pair_pick_sub", self.lang), *codes)

    # --- input -------------------------------------------------------------------------------------
    def pick(self, index: int) -> None:
        self.start.code.value = self.pairs[index].pair_code
        self.start.focus = "start"  # Enter now begins
        self.app.pop(self)

    def activate(self, widget_id: str) -> bool:
        kind, _, arg = widget_id.partition(":")
        if kind == "pair":
            self.pick(int(arg))
        elif widget_id == "back":
            self.app.pop(self)
        elif widget_id in ("next", "prev"):
            return self._turn(1 if widget_id == "next" else -1)
        return True

    def _turn(self, step: int) -> bool:
        """Older (1) or Newer (-1) with the mouse: the next page of codes (a focused code off it lets go)."""
        first = max(0, min(self.first + step * self.per_page, len(self.pairs) - self.per_page))
        if first == self.first:
            return False
        self.first = first
        index = self._focused_index()
        if index is not None and not first <= index < first + self.per_page:
            self.focus = None
        return True

    def confirm(self) -> bool:
        index = self._focused_index()
        if index is None:
            return False
        self.pick(index)
        return True

    def back(self) -> bool:
        self.app.pop(self)
        return True

    def _move(self, step: int) -> bool:
        if not self.pairs:
            return False
        index = self._focused_index()
        target = 0 if index is None else min(len(self.pairs) - 1, max(0, index + step))
        if index == target:
            return False
        self.focus = f"pair:{target}"
        return True

    def key(self, inp: Input) -> bool:
        match inp.key:
            case Key.DOWN:
                return self._move(1)
            case Key.UP:
                return self._move(-1)
            case Key.PAGE_DOWN:
                return self._move(self.per_page)
            case Key.PAGE_UP:
                return self._move(-self.per_page)
            case Key.SCROLL:
                return self._move(-inp.value)
            case Key.HOME:
                return self._move(-len(self.pairs))
            case Key.END:
                return self._move(len(self.pairs))
        return False


class PairButton(Button):
    """A code on the left, its sessions and last date on the right."""

    def __init__(self, id: str, label: str, rect: Rect, detail: str):  # noqa: A002 - Button's field name
        super().__init__(id, label, rect)
        self.detail = detail

    def draw(self, surface: pygame.Surface, hover: bool, focus: bool) -> None:
        (label, self.label), (hint, self.hint) = (self.label, ""), (self.hint, "")
        super().draw(surface, hover, focus)
        self.label, self.hint = label, hint
        r = self.rect
        pad = max(8, r.h // 4)
        inner = r.inflate(-2 * pad, -max(6, r.h // 6))
        small = theme.small_px(surface.get_size())
        size = max(12, small, r.h * 42 // 100)
        if hint:  # "Enter" when it has the focus: at the right, the date moves left of it
            hint_px = max(theme.MIN_READABLE, small, size * 3 // 4)
            hint_w = theme.font(hint_px).size(hint)[0]
            theme.one_line(surface, hint, Rect(inner.right - hint_w, inner.y, hint_w, inner.h), hint_px,
                           align="right")
            inner = Rect(inner.x, inner.y, inner.w - hint_w - pad, inner.h)
        code_w = min(theme.font(size, True).size(self.label)[0] + 2, round(inner.w * 0.45))  # the rest: the date
        code_r = Rect(inner.x, inner.y, code_w, inner.h)
        detail_r = Rect(code_r.right + pad, inner.y, inner.right - code_r.right - pad, inner.h)
        theme.one_line(surface, self.label, code_r, size, bold=True, align="left")
        theme.one_line(surface, self.detail, detail_r, max(small, size * 4 // 5), colour=theme.INK_SOFT,
                       align="right")

