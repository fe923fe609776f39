"""At the start of a session with a known pair code: first the agreements of the last session, to look back on
together. Enter continues to the table; H opens the pair's history."""

from __future__ import annotations

from typing import TYPE_CHECKING

import pygame

from game.history import SessionEntry, last_agreements_in
from game.i18n import local, long_date, ui
from game.store import StoreError
from game.ui import chrome, layout, measure, spoken, theme
from game.ui.input import Input, Key
from game.ui.scene import Scene
from game.ui.widgets import Button

if TYPE_CHECKING:
    from game.ui.app import App

Rect = pygame.Rect


def look_back(app: App) -> None:
    """Show the last session's agreements over the table when the session's pair code has met before."""
    table = app.table
    if table is None or app.data_dir is None:
        return
    setup = table.state.setup
    if setup.pair_code is None or table.state.rounds[1:]:
        return
    try:
        last = last_agreements_in(app.data_dir, setup.pair_code)
    except (StoreError, OSError):
        return
    if last is not None and last.session_id != table.state.session_id:
        app.push(LookBackScene(app, last, setup.pair_code, setup.language))


class LookBackScene(Scene):
    def __init__(self, app: App, last: SessionEntry, pair_code: str, lang: str):
        super().__init__(app)
        self.last = last
        self.pair_code = pair_code
        self.view_lang = lang

    @property
    def lang(self) -> str:
        return self.view_lang

    def layout(self, size: tuple[int, int]) -> None:
        lang = self.lang
        f = chrome.frame(size)
        corner = chrome.corner_buttons(size, f.top, lang, menu=False)
        self.title_rect = Rect(f.top.x, f.top.y, min(b.rect.x for b in corner) - f.gap - f.top.x, f.top.h)
        go = Button("continue", ui("continue", lang), primary=True, hint="Enter")
        history = Button("history", ui("history", lang), hint="H")
        width = max(theme.room(size, 260), *(measure.button_width(size, b.label, f.bottom.h, b.hint, b.primary)
                                             for b in (go, history)))
        bar = [go, history, *chrome.speak_button(self.app.voice.enabled, lang)]
        chrome.buttons_right(size, f.bottom, bar, width=width)
        self.widgets = [*bar, *corner]
        # a panel as high as its content: the heading, each agreement with its topic's colour, the question
        w = min(f.body.w, max(theme.room(size, 900), 600))
        pad = theme.px(size, 28)
        gap = theme.px(size, 12)
        self.item_px = theme.tpx(size, 28)
        self.chip = theme.room(size, 18)
        text_w = w - 2 * pad - self.chip - gap
        head = ui("lookback_agreed" if self.last.agreements else "lookback_none", lang)
        self.head_px, self.ask_px, self.more_px = theme.tpx(size, 30), theme.tpx(size, 24), theme.tpx(size, 22)
        head_h = max(theme.px(size, 44), measure.height(head, w - 2 * pad, self.head_px, True))
        ask_h = max(theme.px(size, 72), measure.height(ui("lookback_ask", lang), w - 2 * pad, self.ask_px))
        self.more_h = max(theme.px(size, 30), theme.font(self.more_px).get_height())
        room = f.body.h - 2 * pad - head_h - ask_h - 3 * gap
        self.rows: list[tuple[str | None, str, int]] = []  # (colour, text, height)
        used = 0
        items = self._items()
        for i, (colour, text) in enumerate(items):
            fitted = theme.fit(text, text_w, 100_000, self.item_px, self.item_px)
            h = fitted.height
            more_h = 0 if i == len(items) - 1 else self.more_h  # room for "and n more"
            if used + h + more_h > room and self.rows:
                break
            self.rows.append((colour, text, h))
            used += h + gap
        self.hidden = len(items) - len(self.rows)
        list_h = max(used - gap, theme.px(size, 30)) + (self.more_h + gap if self.hidden else 0)
        h = min(f.body.h, 2 * pad + head_h + list_h + ask_h + 2 * gap)
        self.panel = Rect(f.body.x + (f.body.w - w) // 2, f.body.y + (f.body.h - h) // 3, w, h)
        inner = layout.inset(self.panel, pad)
        self.head_r, self.list_r, self.ask_r = layout.rows(inner, [head_h, 1, ask_h], gap)
        self.gap = gap

    def _items(self) -> list[tuple[str | None, str]]:
        """(the topic's colour, "Topic: agreement") for each agreement of the last session."""
        features = {f.id: f for f in self.app.deck.features}
        out = []
        for a in self.last.agreements:
            feature = features.get(a.feature) if a.feature else None
            if feature is None:
                out.append((None, a.text))
            else:
                name = feature.name.get(self.lang, next(iter(feature.name.values())))
                out.append((feature.colour, f"{name}: {a.text}"))
        return out

    def draw(self, surface: pygame.Surface) -> None:
        size = surface.get_size()
        lang = self.lang
        surface.blit(theme.table_surface(size), (0, 0))
        day = long_date(local(self.last.started_at).date(), lang)
        chrome.title(surface, self.title_rect, ui("lookback_title", lang), ui("lookback_sub", lang, date=day))
        theme.panel(surface, self.panel, radius=theme.px(size, 16))
        head = "lookback_agreed" if self.rows else "lookback_none"
        theme.text(surface, ui(head, lang), self.head_r, self.head_px, bold=True, valign="middle", min_px=12)
        y = self.list_r.y
        for colour, text, h in self.rows:
            line_h = theme.font(self.item_px).get_height()
            chip = Rect(self.list_r.x, y + (line_h - self.chip) // 2, self.chip, self.chip)
            pygame.draw.rect(surface, theme.rgb(colour) if colour else theme.NEUTRAL_BAR, chip,
                             border_radius=max(3, self.chip // 4))
            box = Rect(chip.right + self.gap, y, self.list_r.right - chip.right - self.gap, h)
            theme.text(surface, text, box, self.item_px, min_px=self.item_px)
            y += h + self.gap
        if self.hidden:
            more = Rect(self.list_r.x, y, self.list_r.w, self.more_h)
            theme.text(surface, ui("more", lang, n=self.hidden), more, self.more_px,
                       colour=theme.INK_SOFT, valign="middle", min_px=10)
        theme.text(surface, ui("lookback_ask", lang), self.ask_r, self.ask_px, colour=theme.INK_SOFT,
                   valign="bottom", min_px=10)
        self.draw_widgets(surface)

    def spoken(self) -> str:
        lang = self.lang
        day = long_date(local(self.last.started_at).date(), lang)
        items = [text for _, text in self._items()]
        head = ui("lookback_agreed" if items else "lookback_none", lang)
        return spoken.words(ui("lookback_title", lang), ui("lookback_sub", lang, date=day), head, *items,
                            ui("lookback_ask", lang), spoken.choices(spoken.button_labels(self.widgets), lang))

    def confirm(self) -> bool:
        self.app.pop(self)
        return True

    def back(self) -> bool:
        return self.confirm()

    def activate(self, widget_id: str) -> bool:
        if widget_id == "continue":
            return self.confirm()
        if widget_id == "history":
            return self._history()
        return super().activate(widget_id)

    def _history(self) -> bool:
        from game.ui.scenes.history import HistoryScene

        self.app.push(HistoryScene(self.app, self.pair_code, self.lang))
        return True

    def key(self, inp: Input) -> bool:
        if inp.key == Key.LETTER and inp.text == "h":
            return self._history()
        return False
