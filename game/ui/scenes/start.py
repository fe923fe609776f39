"""The start screen: one clear action (a new conversation, Enter) and the choices folded away behind
"More choices": how you play (a conversation, team training or practice), who plays, the language, the topics,
short or long, "guess the other", a pair code; for a team the perspective and a trainer.

Every choice has a default, so Enter starts at once (also from a text field).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import pygame

from game.i18n import ui
from game.kinds import MAX_NAME, Mode, Perspective
from game.ui import chrome, layout, theme
from game.ui.input import Input, Key
from game.ui.scene import Scene
from game.ui.scenes import pairs, start_choices, start_column, start_front, start_phones, start_setup
from game.ui.scroll import Scroll
from game.ui.widgets import Button, TextField

if TYPE_CHECKING:  # the models load after the start screen is drawn (game.kinds has what it shows)
    from game.model.session import Keep, Setup
    from game.ui.app import App

Rect = pygame.Rect
MODES = (Mode.CONVERSATION, Mode.TEAM, Mode.PRACTICE)
PLAYER_RANGE = {Mode.TEAM: (3, 8), Mode.PRACTICE: (1, 2)}  # the engine accepts 2–8; a team is 3 or more
MAX_TEAM = 8


class StartScene(Scene):
    wants_back = False

    def __init__(self, app: App):
        super().__init__(app)
        prefs = app.prefs
        self.names = [
            TextField(f"name{i}", value=prefs.names[i] if i < len(prefs.names) else "", max_len=MAX_NAME)
            for i in range(len(prefs.roles))
        ]
        self.roles = list(prefs.roles)
        self.features = list(prefs.features)
        self.quick = prefs.quick
        self.guess = prefs.guess_other
        self.code = TextField("code", value=prefs.pair_code, max_len=32, allowed="[A-Za-z0-9_-]")
        self.error = ""
        self.pairs = pairs.known_pairs(app)  # the pair codes in the data directory, to choose from
        # team training and practice
        self.mode = Mode(prefs.mode)
        self.counts = {Mode.TEAM: prefs.team_size, Mode.PRACTICE: prefs.practice_size}
        self.team = [
            TextField(
                f"team{i}", value=prefs.team_names[i] if i < len(prefs.team_names) else "", max_len=MAX_NAME
            )
            for i in range(MAX_TEAM)
        ]
        self.trainer = TextField("trainer", value=prefs.trainer, max_len=MAX_NAME)
        self.perspective = Perspective(prefs.perspective)
        self.phones = prefs.phones  # team members (or the client) choose on their own phone
        self.team_labels: list[tuple[str, Rect, bool]] = []  # (text, where, a heading or a soft hint)
        self.more = False  # the choices are folded away until "More choices" is pressed
        self.front: tuple | None = None  # folded: where the choices in words, the hint and the sub line go
        self.sub = ""  # the sub line under the title ("": it has no room there)
        self.scroll = Scroll()  # larger text: the choices in one column that scrolls (start_column)
        self.seen_focus: str | None = None  # the focus the column last brought into view
        self.bar: Rect | None = None  # where its scroll bar is (None: two columns, no scrolling)

    # --- layout --------------------------------------------------------------------------------
    def layout(self, size: tuple[int, int]) -> None:
        lang = self.lang
        f = chrome.frame(size)
        self.frame = f
        self.widgets = []
        corner = chrome.corner_buttons(size, f.top, lang, menu=False)
        quit_b = Button("quit", ui("quit", lang), Rect(0, 0, 0, 0))
        q = corner[-1].rect
        quit_b.rect = Rect(q.x - theme.px(size, 12) - q.w, q.y, q.w, q.h)
        access = Button("access", ui("access_title", lang), Rect(0, 0, 0, 0))
        self.labels: list[tuple[str, Rect]] = []
        self.team_labels = []
        self.front = None
        self.bar = None
        self.error_rect = Rect(f.bottom)
        self.kept_rect: Rect | None = self.error_rect  # where the line on what is kept goes (None: in the column)
        if not self.more:
            self.title_rect = Rect(f.top.x, f.top.y, quit_b.rect.x - f.gap - f.top.x, f.top.h)
            self.sub = self._sub(size, "start_sub")
            start_front.place(self, size, access)
        elif theme.text_scale > 1:  # larger text: the choices in one column that scrolls
            self.title_rect = Rect(f.top.x, f.top.y, quit_b.rect.x - f.gap - f.top.x, f.top.h)
            self.sub = ""
            self.kept_rect = None
            start_column.place(self, size, access, ui(self._sub_key("start_sub"), lang))
        else:  # two columns, "Lezen en zien" in the top bar beside Quit
            access.rect = quit_b.rect.move(-(quit_b.rect.w + theme.px(size, 12)), 0)
            self.title_rect = Rect(f.top.x, f.top.y, access.rect.x - f.gap - f.top.x, f.top.h)
            self.sub = self._sub(size, "start_sub", "start_short")
            self.left, self.right = layout.cols(f.body, [0.5, 0.5], f.gap * 2)
            rows = start_choices.Rows(size)
            y = start_column.modes(self, self.left, rows, self.left.y)
            people, choices = start_column.parts(self)
            people(self, self.left, rows, y)
            choices(self, self.right, rows, self.right.y)
            self.widgets.append(access)
        if self.more:
            start = Button("start", ui("start", lang), primary=True, hint="Enter")
            fold = Button("more", ui("fewer_choices", lang), hint="Esc")
            chrome.buttons_right(size, f.bottom, [start, fold], width=theme.room(size, 300))
            if self.bar is None:
                self.error_rect = self.kept_rect = chrome.left_of([start, fold], f.bottom, f.gap)
            self.widgets += [start, fold]
        self.widgets += [quit_b, *corner]

    def _sub_key(self, key: str) -> str:
        """The sub line's word key for this mode (key: "start_sub" or "start_short")."""
        return {Mode.TEAM: f"{key}_team", Mode.PRACTICE: f"{key}_practice"}.get(self.mode, key)

    def _sub(self, size: tuple[int, int], *keys: str) -> str:
        """The first sub line (of keys) that fits whole under the title; "" when none does."""
        title = ui("app_title", self.lang)
        for key in keys:
            sub = ui(self._sub_key(key), self.lang)
            if chrome.title_fits(size, self.title_rect, title, sub):
                return sub
        return ""

    @property
    def player_range(self) -> tuple[int, int]:
        return PLAYER_RANGE.get(self.mode, (2, 2))

    @property
    def alone(self) -> bool:
        """One person practising: no names and no trainer are asked; in the game they are "Jij"/"You"."""
        return self.mode == Mode.PRACTICE and self.count == 1

    @property
    def count(self) -> int:
        """How many play in team training or practice."""
        low, high = self.player_range
        return min(high, max(low, self.counts.get(self.mode, low)))

    # --- drawing --------------------------------------------------------------------------------
    def draw(self, surface: pygame.Surface) -> None:
        size = surface.get_size()
        surface.blit(theme.table_surface(size), (0, 0))
        chrome.title(surface, self.title_rect, ui("app_title", self.lang), self.sub)
        if self.front is not None:
            start_front.draw(self, surface)
        for text, rect in self.labels:
            theme.text(surface, text, rect, theme.tpx(size, 24), bold=True, valign="bottom", min_px=11)
        for text, rect, heading in self.team_labels:  # how many play, "Trainer", the practice hint
            theme.text(
                surface,
                text,
                rect,
                theme.tpx(size, 24 if heading else 22),
                bold=heading,
                colour=theme.INK if heading else theme.INK_SOFT,
                valign="middle" if heading else "top",
                min_px=11,
            )
        if self.error:
            theme.text(surface, self.error, self.error_rect, theme.tpx(size, 24), bold=True, valign="middle",
                       colour=(150, 30, 0))
        elif self.mode != Mode.CONVERSATION and self.kept_rect is not None:  # names are optional; what is kept
            kept = ui("alone_kept" if self.alone else "team_kept", self.lang)
            theme.text(surface, kept, self.kept_rect, theme.tpx(size, 22), valign="middle",
                       colour=theme.INK_SOFT, min_px=11)
        if self.bar is not None:
            self.scroll.draw_bar(surface, self.bar)
        self.draw_widgets(surface)
        self._draw_steps(surface)

    def _draw_steps(self, surface: pygame.Surface) -> None:
        """A bold minus and plus on the buttons that change how many play (the font's are thin)."""
        for wid, plus in (("players:less", False), ("players:more", True)):
            b = self.widget(wid)
            if b is None or not b.visible:
                continue
            colour = theme.INK if b.enabled else (150, 146, 140)
            arm = max(6, min(b.rect.w, b.rect.h) // 4)
            thick = max(3, arm // 3)
            c = b.rect.center
            pygame.draw.rect(surface, colour, Rect(c[0] - arm, c[1] - thick // 2, 2 * arm, thick))
            if plus:
                pygame.draw.rect(surface, colour, Rect(c[0] - thick // 2, c[1] - arm, thick, 2 * arm))

    # --- input ------------------------------------------------------------------------------------
    def key(self, inp: Input) -> bool:
        """Team training and practice: a digit sets how many play; + and − (or the arrows up and down) add or
        remove one.

        In a conversation digits ask nothing here; H shows the pair's history (pairs.key). The wheel and Page
        Up/Down scroll the choices at a larger text size (start_column)."""
        if start_column.key(self, inp):
            return True
        if self.mode == Mode.CONVERSATION and pairs.key(self, inp):
            return True
        if self.mode == Mode.CONVERSATION or self.focused_field() is not None:
            return False
        if inp.key == Key.DIGIT:
            low, high = PLAYER_RANGE[self.mode]
            return low <= inp.value <= high and self._set_count(inp.value)
        if inp.key in (Key.UP, Key.DOWN) or (inp.key == Key.LETTER and inp.text in "+-"):
            more = inp.key == Key.UP or inp.text == "+"
            return self._set_count(self.count + (1 if more else -1))
        return False

    def _set_count(self, n: int) -> bool:
        low, high = PLAYER_RANGE[self.mode]
        n = min(high, max(low, n))
        if n == self.count:
            return False
        self.counts[self.mode] = n
        gone = self.focus is not None and self.focus.startswith("team") and int(self.focus[4:]) >= n
        if gone or (self.alone and self.focus == "trainer"):  # a field no longer on the screen
            self.focus = None
        return True

    def back(self) -> bool:
        """Esc: leave a text field; else fold the choices away again."""
        if self.focused_field() is not None:
            self.focus = None
            return True
        if self.more:
            self.more = False
            return True
        if self.focus is not None:
            self.focus = None
            return True
        return False

    def confirm(self) -> bool:
        self.begin()
        return True

    def field_done(self, field_: TextField) -> bool:
        """Enter in a name or code field starts at once, as everywhere on this screen."""
        self.focus = None
        self.begin()
        return True

    def activate(self, widget_id: str) -> bool:
        kind, _, arg = widget_id.partition(":")
        self.error = ""
        if kind == "pairs":
            return pairs.activate(self, widget_id)
        if widget_id == "start":
            self.begin()
        elif widget_id == "access":
            from game.ui.scenes.access import AccessScene

            self.app.push(AccessScene(self.app))
        elif widget_id == "more":
            self.more = not self.more
        elif widget_id == "rules":
            self.app.show_rules()
        elif widget_id == "quit":
            self.app.quit()
        elif kind.startswith("role"):
            self._flip_role(int(kind[4:]))
        elif kind == "feat":
            if arg in self.features:
                self.features.remove(arg)
            else:
                self.features.append(arg)
        elif kind == "lang":
            self.app.lang = arg
            pygame.display.set_caption(self.app.info.name.get(arg, "Werkalliantie"))
        elif kind == "len":
            self.quick = arg == "quick"
        elif kind == "guess":
            self.guess = arg == "on"
        elif kind == "mode":
            self.mode = Mode(arg)
        elif kind == "players":
            self._set_count(self.count + (1 if arg == "more" else -1))
        elif kind == "persp":
            self.perspective = Perspective(arg)
        elif kind == "phones":
            self.phones = arg == "on"
        return True

    def _flip_role(self, i: int) -> None:
        """Change one player's role; with two players the other changes too (one client, one professional)."""
        other = {"client": "professional", "professional": "client"}
        self.roles[i] = other[self.roles[i]]
        if len(self.roles) == 2:
            self.roles[1 - i] = other[self.roles[i]]

    # --- begin ------------------------------------------------------------------------------------
    def setup(self) -> Setup:
        return start_setup.build(self)

    def begin(self) -> None:
        if not self.features:
            self.error = ui("need_topic", self.lang)
            return
        if self.mode != Mode.CONVERSATION and not self.app.deck.cases:
            self.error = ui("need_cases", self.lang)
            return
        if self.mode == Mode.CONVERSATION and self.phones and self.guess and not start_phones.missing():
            self.error = ui("phones_no_guess", self.lang)  # the phone page has no second question (yet)
            return
        if self.app.offer_resume():  # a session is open on disk (another window?): ask, never start over it
            return
        start_setup.keep(self)
        start_phones.use(self.app, self.phones and self.mode in start_phones.PHONE_MODES and not start_phones.missing())
        setup = self.setup()
        if self.mode != Mode.CONVERSATION:
            self._deal(setup)
            return
        from game.ui.scenes.consent import ConsentScene

        # first what happens with the answers: the pair chooses to save the summary or only to show it
        def chosen(keep: Keep) -> None:
            self._deal(setup.model_copy(update={"keep": keep}))

        self.app.push(ConsentScene(self.app, self.app.deck.consent, setup.language, chosen))

    def _deal(self, setup: Setup) -> None:
        """Start the session at the table (and look back first when the pair met before)."""
        if self.app.offer_resume():  # opened meanwhile in another window (the consent may take a while)
            return
        from game.table import Table

        self.app.table = Table.start(self.app.deck, setup, self.app.data_dir)
        from game.ui.scenes.table import TableScene

        self.app.reset(TableScene(self.app))
        from game.ui.scenes.lookback import look_back

        look_back(self.app)  # a pair that met before: first the agreements of last time
