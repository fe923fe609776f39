"""The projector's side of the phones: the join screen (QR code, short code, address, who joined) and the wait
while phones choose (who has chosen, never what)."""

from __future__ import annotations

import io
from typing import TYPE_CHECKING

import pygame
import segno

from game.engine import Phase
from game.i18n import ui
from game.ui import chrome, layout, textstack, theme
from game.ui.scene import Scene
from game.ui.widgets import Button

if TYPE_CHECKING:
    from game.phones.host import PhoneHost
    from game.ui.app import App

Rect = pygame.Rect
GOOD = (46, 125, 50)


def qr_surface(url: str) -> pygame.Surface:
    """The QR code of url as a pygame surface, one pixel per module (scale it with nearest neighbour)."""
    buf = io.BytesIO()
    segno.make(url, error="m").save(buf, kind="png", scale=1, border=4)
    buf.seek(0)
    return pygame.image.load(buf, "qr.png")


def spaced(code: str) -> str:
    return f"{code[:3]} {code[3:]}"


class _PhonesScene(Scene):
    """Redraws when who joined or who chose changes."""

    def __init__(self, app: App, host: PhoneHost):
        super().__init__(app)
        self.host = host
        self._seen = (-1, -1)
        self.joined = host.room.joined()  # a copy taken on this thread: the server's thread changes the room

    @property
    def lang(self) -> str:
        return self.host.lang

    def update(self, dt: float) -> bool:
        changed = super().update(dt)
        now = (self.host.room.version, self.host.version)
        if now != self._seen:
            self._seen = now
            self.joined = self.host.room.joined()
            changed = True
        return changed

    def back(self) -> bool:
        return self.pause()

    def _backdrop(self, surface: pygame.Surface, title_key: str) -> tuple[int, int]:
        """The table and the screen's title left of its two buttons (both screens have this layout)."""
        size = surface.get_size()
        surface.blit(theme.table_surface(size), (0, 0))
        chrome.title(surface, chrome.left_of(self.widgets[2:], self.f.top, self.f.gap), ui(title_key, self.lang))
        return size

    def remove_button(self) -> Button:
        """ "Remove a phone": opens the choice of which (enabled while a phone holds a seat)."""
        return Button("remove", ui("phones_remove", self.lang), enabled=bool(self.joined))

    def activate(self, widget_id: str) -> bool:
        if widget_id == "remove":
            self.app.push(RemoveScene(self.app, self.host))
            return True
        return super().activate(widget_id)

    def _people(self, surface: pygame.Surface, box: Rect, state: dict[str, str], seats_only: bool = False) -> None:
        """One row per player (seats_only: per seat a phone may take): the name and a word (joined, away,
        chosen, still choosing)."""
        size = surface.get_size()
        players = [p for p in self.host.table.state.setup.players if not seats_only or p.id in self.host.room.seats]
        gap = theme.px(size, 6)
        rows = layout.rows(box, [1] * max(len(players), 5), gap)
        name_px, word_px = theme.tpx(size, 26), theme.tpx(size, 24)
        if theme.text_scale > 1:  # larger text: all at the body size, two columns when one has no room
            name_px = word_px = theme.body_px(size)
            gap = theme.px(size, 4)
            line = theme.font(name_px).get_height()
            columns = 2 if len(players) * (line + gap) > box.h + gap else 1
            lines = -(-len(players) // columns)
            rows = layout.grid(Rect(box.x, box.y, box.w, min(box.h, lines * (line + gap) * 5 // 4)),
                               len(players), columns, gap)
            rows = [rows[(i % lines) * columns + i // lines] for i in range(len(players))]  # down, then across
        for player, row in zip(players, rows, strict=False):
            word = state.get(player.id, "")
            name_r, word_r = layout.cols(row, [0.6, 0.4], theme.px(size, 8))
            theme.one_line(surface, player.name, name_r, name_px, align="left", least=theme.body_px(size))
            good = word in (ui("join_here", self.lang), ui("phones_chosen", self.lang))
            theme.one_line(surface, word, word_r, word_px, bold=good,
                           colour=GOOD if good else theme.INK_SOFT, align="left")


class JoinScene(_PhonesScene):
    """Scan the QR code or type the code; the trainer starts when the team is in (the room then locks)."""

    def __init__(self, app: App, host: PhoneHost):
        super().__init__(app, host)
        self.qr = qr_surface(host.join_url)

    def layout(self, size: tuple[int, int]) -> None:
        f = chrome.frame(size)
        self.f = f
        start = Button("start", ui("join_start", self.lang), primary=True, hint="Enter")
        buttons = [start, self.remove_button()]
        chrome.buttons_right(size, f.bottom, buttons)
        self.widgets = [*buttons, *chrome.corner_buttons(size, f.top, self.lang)]
        self.qr_r, self.info_r = layout.cols(f.body, [0.42, 0.58], f.gap * 2)

    def draw(self, surface: pygame.Surface) -> None:
        if not self.static:
            return  # nothing here moves
        size = self._backdrop(surface, "join_title")
        lang = self.lang
        theme.panel(surface, self.qr_r, fill=theme.WHITE, radius=theme.px(size, 14))
        inner = layout.inset(self.qr_r, theme.px(size, 16))
        if theme.text_scale > 1:  # larger text: the hint moves under the code, where there is room
            self._draw_large(surface, inner)
            return
        scan_r, code_r = layout.rows(inner, [theme.px(size, 40), 1], theme.px(size, 8))
        theme.one_line(surface, ui("join_scan", lang), scan_r, theme.tpx(size, 24), bold=True)
        side = min(code_r.w, code_r.h) // self.qr.get_width() * self.qr.get_width()
        qr = pygame.transform.scale(self.qr, (side, side))  # whole pixels per module: a sharp code
        surface.blit(qr, qr.get_rect(center=code_r.center))
        theme.panel(surface, self.info_r, radius=theme.px(size, 14))
        inner = layout.inset(self.info_r, theme.px(size, 20), theme.px(size, 16))
        or_r, code_r, who_r, people_r, hint_r = layout.rows(inner, [0.12, 0.18, 0.08, 0.47, 0.15],
                                                             theme.px(size, 6))
        theme.text(surface, ui("join_or", lang, address=self.host.url), or_r, theme.tpx(size, 24), valign="middle")
        theme.one_line(surface, spaced(self.host.room.code), code_r, theme.tpx(size, 72), bold=True, align="left")
        theme.one_line(surface, ui("join_who", lang), who_r, theme.tpx(size, 24), bold=True, align="left")
        word = {True: ui("join_here", lang), False: ui("join_away", lang)}
        self._people(surface, people_r, {pid: word[on] for pid, on in self.joined.items()}, True)
        theme.text(surface, ui("join_hint", lang), hint_r, theme.tpx(size, 20), colour=theme.INK_SOFT,
                   valign="bottom")
        self.draw_widgets(surface)

    def _draw_large(self, surface: pygame.Surface, inner: Rect) -> None:
        """The join screen at larger text: the words wrap at the body size, the hint is under the QR code, the
        code is a little smaller, the people in two columns when eight do not fit in one."""
        size = surface.get_size()
        lang = self.lang
        body, small, gap = theme.body_px(size), theme.small_px(size), theme.px(size, 8)
        scan_r = self._words(surface, ui("join_scan", lang), inner, body, True, "center")
        hint_h = textstack.height(textstack.Block(ui("join_hint", lang), 0), inner.w, small)
        hint_r = self._words(surface, ui("join_hint", lang), Rect(inner.x, inner.bottom - hint_h, inner.w, hint_h),
                             small, False, "center", theme.INK_SOFT)
        code_r = Rect(inner.x, scan_r.bottom + gap, inner.w, hint_r.y - scan_r.bottom - 2 * gap)
        side = min(code_r.w, code_r.h) // self.qr.get_width() * self.qr.get_width()
        qr = pygame.transform.scale(self.qr, (side, side))
        surface.blit(qr, qr.get_rect(center=code_r.center))
        theme.panel(surface, self.info_r, radius=theme.px(size, 14))
        inner = layout.inset(self.info_r, theme.px(size, 20), theme.px(size, 16))
        or_r = self._words(surface, ui("join_or", lang, address=self.host.url), inner, small)
        code_px = max(small, round(body * 1.6))
        code_r = Rect(inner.x, or_r.bottom + gap, inner.w, theme.font(code_px, True).get_height())
        theme.one_line(surface, spaced(self.host.room.code), code_r, code_px, bold=True, align="left")
        who_r = self._words(surface, ui("join_who", lang), Rect(inner.x, code_r.bottom + gap, inner.w, inner.h),
                            body, True)
        people_r = Rect(inner.x, who_r.bottom + gap, inner.w, inner.bottom - who_r.bottom - gap)
        word = {True: ui("join_here", lang), False: ui("join_away", lang)}
        self._people(surface, people_r, {pid: word[on] for pid, on in self.joined.items()}, True)
        self.draw_widgets(surface)

    @staticmethod
    def _words(surface, text: str, box: Rect, px: int, bold: bool = False, align: str = "left", colour=None) -> Rect:
        """text wrapped at px from the top of box; the rectangle its lines take."""
        h = textstack.height(textstack.Block(text, 0, bold=bold), box.w, px)
        r = Rect(box.x, box.y, box.w, min(h, box.h))
        theme.text(surface, text, r, px, bold=bold, align=align, colour=colour, min_px=px)
        return r

    def activate(self, widget_id: str) -> bool:
        if widget_id == "start":
            return self.confirm()
        return super().activate(widget_id)

    def confirm(self) -> bool:
        self.host.room.lock()
        self.app.pop(self)
        return True


class PhoneWaitScene(_PhonesScene):
    """While the phones choose: who has chosen and who still chooses; the laptop can take over at any moment."""

    def layout(self, size: tuple[int, int]) -> None:
        f = chrome.frame(size)
        self.f = f
        laptop = Button("laptop", ui("phones_laptop", self.lang))
        buttons = [laptop, self.remove_button()]
        chrome.buttons_right(size, f.bottom, buttons)
        self.widgets = [*buttons, *chrome.corner_buttons(size, f.top, self.lang)]
        w = min(f.body.w, theme.room(size, 760))
        self.box = Rect(0, 0, w, f.body.h)
        self.box.center = f.body.center
        self.box_pad = theme.px(size, 18 if theme.text_scale <= 1 else 8)

    def update(self, dt: float) -> bool:
        if self.host.table.phase != Phase.ESTIMATE or not self.host.waiting_phones():
            self.app.pop(self)  # every phone chose (the reveal follows), or the session moved on
            return True
        return super().update(dt)

    def draw(self, surface: pygame.Surface) -> None:
        if not self.static:
            return  # nothing here moves
        size = self._backdrop(surface, "phones_choose")
        lang = self.lang
        theme.panel(surface, self.box, radius=theme.px(size, 14))
        inner = layout.inset(self.box, theme.px(size, 24), self.box_pad)
        word = {True: ui("phones_chosen", lang), False: ui("phones_waiting", lang)}
        state = dict.fromkeys(self.host.table.state.waiting_for(), ui("phones_no_phone", lang))
        state.update({pid: word[done] for pid, done in self.host.chosen().items()})
        self._people(surface, inner, state)
        self.draw_widgets(surface)

    def activate(self, widget_id: str) -> bool:
        if widget_id == "laptop":
            self.host.to_laptop()
            self.app.pop(self)  # the table hands the laptop to whoever has not chosen yet
            return True
        return super().activate(widget_id)


class RemoveScene(_PhonesScene):
    """Which phone does the host take out? One button per phone that holds a seat; that player then chooses on
    the laptop. Esc or "Terug" goes back."""

    opaque = False

    def layout(self, size: tuple[int, int]) -> None:
        names = {p.id: p.name for p in self.host.table.state.setup.players}
        seats = [pid for pid in names if pid in self.joined]
        row, gap, pad = theme.target(size, 64), theme.px(size, 14), theme.px(size, 28)
        lines = max(1, -(-len(seats) // 2))
        title_h, body_h = theme.room(size, 56), theme.room(size, 40)
        w = min(size[0] - 2 * theme.px(size, 24), max(theme.room(size, 760), 440))
        h = min(size[1] - 2 * theme.px(size, 16), title_h + body_h + (lines + 1) * row + (lines + 3) * gap + 2 * pad)
        self.panel = Rect(0, 0, w, h)
        self.panel.center = (size[0] // 2, size[1] // 2)
        inner = layout.inset(self.panel, pad)
        self.title_r, self.body_r, grid_r, back_r = layout.rows(
            inner, [title_h, body_h, lines * row + (lines - 1) * gap, row], gap
        )
        cells = layout.grid(grid_r, len(seats), 2, gap)
        self.widgets = [Button(f"remove:{pid}", names[pid], cell) for pid, cell in zip(seats, cells, strict=True)]
        back = Button("back", ui("back", self.lang), Rect(0, back_r.y, cells[0].w if cells else back_r.w, row),
                      hint="Esc")
        back.rect.right = back_r.right
        self.widgets.append(back)

    def draw(self, surface: pygame.Surface) -> None:
        size = surface.get_size()
        theme.dim(surface)
        theme.panel(surface, self.panel, radius=theme.px(size, 18), width=3)
        theme.text(surface, ui("phones_remove_title", self.lang), self.title_r, theme.tpx(size, 34), bold=True,
                   align="center", valign="middle", min_px=14)
        theme.text(surface, ui("phones_remove_body", self.lang), self.body_r, theme.tpx(size, 24), align="center",
                   valign="middle", colour=theme.INK_SOFT, min_px=12)
        self.draw_widgets(surface)

    def back(self) -> bool:
        self.app.pop(self)
        return True

    def activate(self, widget_id: str) -> bool:
        kind, _, seat = widget_id.partition(":")
        if kind == "remove" and seat in self.host.room.joined():
            self.host.remove(seat)
            self.app.pop(self)
            return True
        if widget_id == "back":
            return self.back()
        return super().activate(widget_id)
