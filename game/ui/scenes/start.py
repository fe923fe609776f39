"""The start screen: one clear action (a new conversation, Enter) and the choices folded away behind
"More choices": how you play (a conversation, team training or practice), who plays, the language, the topics,
short or long, "guess the other", a pair code; for a team the perspective and a trainer.

Every choice has a default, so Enter starts at once (also from a text field).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import pygame

from game.i18n import LANGUAGES, ui
from game.kinds import MAX_NAME, Mode, Perspective, Role, clean_text
from game.ui import chrome, layout, theme
from game.ui.input import Input, Key
from game.ui.scene import Scene
from game.ui.scenes import pairs, start_front, start_phones
from game.ui.widgets import Button, TextField

if TYPE_CHECKING:
    from game.ui.app import App

if TYPE_CHECKING:  # the models load after the start screen is drawn (game.kinds has what it shows)
    from game.model.session import Keep, Setup

Rect = pygame.Rect
LANGUAGE_NAMES = {"nl": "Nederlands", "en": "English"}
FULL_CARDS_PER_FEATURE = 2
MODES = (Mode.CONVERSATION, Mode.TEAM, Mode.PRACTICE)
PLAYER_RANGE = {Mode.TEAM: (3, 8), Mode.PRACTICE: (1, 2)}  # the engine accepts 2–8; a team is 3 or more
MAX_TEAM = 8


def default_name(role: str, lang: str) -> str:
    return ui(f"role_{role}", lang)


def colleague(index: int, lang: str) -> str:
    """The name of a team member who typed none: "Collega 1", "Collega 2", …"""
    return ui("colleague", lang, n=index + 1)


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
        self.front: tuple[Rect, Rect] | None = None  # folded: where the choices are said in words, and the hint

    # --- layout --------------------------------------------------------------------------------
    def layout(self, size: tuple[int, int]) -> None:
        lang = self.lang
        f = chrome.frame(size)
        self.frame = f
        self.widgets = []
        row_h = theme.target(size, 56)
        gap = theme.px(size, 12)
        corner = chrome.corner_buttons(size, f.top, lang, menu=False)
        quit_b = Button("quit", ui("quit", lang), Rect(0, 0, 0, 0))
        q = corner[-1].rect
        quit_b.rect = Rect(q.x - theme.px(size, 12) - q.w, q.y, q.w, q.h)
        self.title_rect = Rect(f.top.x, f.top.y, quit_b.rect.x - gap - f.top.x, f.top.h)
        self.labels: list[tuple[str, Rect]] = []
        self.team_labels = []
        self.front = None
        if not self.more:
            start_front.place(self, size)
            self.widgets += [quit_b, *corner]
            return
        left, right = layout.cols(f.body, [0.5, 0.5], f.gap * 2)
        self.left, self.right = left, right
        label_h = theme.px(size, 36)

        # first of all: how you play (a conversation, team training, practice)
        modes = layout.cols(Rect(left.x, left.y, left.w, row_h), [1] * len(MODES), gap)
        for mode, cell in zip(MODES, modes, strict=True):
            self.widgets.append(
                Button(f"mode:{mode.value}", ui(f"mode_{mode.value}", lang), cell, selected=mode == self.mode)
            )
        y = left.y + row_h + gap
        if self.mode != Mode.CONVERSATION:
            self._team_layout(size, y, row_h, gap, label_h)
        else:
            self._conversation_layout(size, y, row_h, gap, label_h)

        start = Button("start", ui("start", lang), primary=True, hint="Enter")
        fold = Button("more", ui("fewer_choices", lang), hint="Esc")
        chrome.buttons_right(size, f.bottom, [start, fold], width=theme.px(size, 300))
        self.error_rect = chrome.left_of([start, fold], f.bottom, f.gap)
        # read aloud and high contrast (scenes/access.py): in the top bar, beside Quit
        access = Button("access", ui("access_title", lang), Rect(0, 0, 0, 0))
        access.rect = quit_b.rect.move(-(quit_b.rect.w + theme.px(size, 12)), 0)
        self.title_rect.w = access.rect.x - gap - self.title_rect.x
        self.widgets += [start, fold, access, quit_b, *corner]

    def _conversation_layout(self, size: tuple[int, int], y: int, row_h: int, gap: int, label_h: int) -> None:
        """Left: the players with their roles, then the topics; right: language, length, guess, pair code."""
        lang = self.lang
        left, right = self.left, self.right
        self.labels.append((ui("who_plays", lang), Rect(left.x, y, left.w, label_h)))
        y += label_h + gap // 2
        for i, name_field in enumerate(self.names):
            name_r, role_r = layout.cols(Rect(left.x, y, left.w, row_h), [0.6, 0.4], gap)
            name_field.rect = name_r
            name_field.placeholder = ui("name_hint", lang)  # the role is on the button beside it
            role = Button(f"role{i}", ui(f"role_{self.roles[i]}", lang), role_r, hint=ui("switch", lang))
            self.widgets += [name_field, role]
            y += row_h + gap
        y += gap
        self._topics(Rect(left.x, y, left.w, 0), row_h, gap, label_h)

        # right: language, length, guess the other, pair code (label above its choices)
        y = right.y
        groups = [
            self._language_group(),
            self._length_row(),
            (
                "guess_other",
                [("guess:off", ui("off", lang), not self.guess), ("guess:on", ui("on", lang), self.guess)],
            ),
        ]
        y = self._groups(groups, right, y, row_h, gap, label_h)
        self.labels.append((ui("pair_code", lang), Rect(right.x, y, right.w, label_h)))
        y += label_h + gap // 2
        self.code.placeholder = ui("pair_code_hint", lang)
        self.widgets += pairs.code_row(self, Rect(right.x, y, right.w, row_h), gap)  # field, Choose, History

    def _team_layout(self, size: tuple[int, int], y: int, row_h: int, gap: int, label_h: int) -> None:
        """Left: how many, their names (two a row), a trainer; right: language, length, perspective, topics."""
        lang = self.lang
        left, right = self.left, self.right
        n = self.count
        low, high = PLAYER_RANGE[self.mode]
        step_w = max(theme.MIN_TARGET + 8, theme.px(size, 84))
        head = Rect(left.x, y, left.w, row_h)
        more_r = Rect(head.right - step_w, y, step_w, row_h)
        less_r = Rect(more_r.x - gap - step_w, y, step_w, row_h)
        self.team_labels.append(
            (ui("players_n", lang, n=n), Rect(left.x, y, less_r.x - gap - left.x, row_h), True)
        )
        self.widgets += [
            Button("players:less", "", less_r, enabled=n > low),
            Button("players:more", "", more_r, enabled=n < high),
        ]
        y += row_h + gap
        lines = -(-n // 2)
        grid_r = Rect(left.x, y, left.w, lines * row_h + (lines - 1) * gap)
        for i, cell in enumerate(layout.grid(grid_r, n, 2, gap)):
            name_field = self.team[i]
            name_field.rect = cell
            name_field.placeholder = colleague(i, lang)
            self.widgets.append(name_field)
        y = grid_r.bottom + gap
        label_r, self.trainer.rect = layout.cols(Rect(left.x, y, left.w, row_h), [0.3, 0.7], gap)
        self.team_labels.append((ui("trainer", lang), label_r, True))
        self.trainer.placeholder = ui("trainer_hint", lang)
        self.widgets.append(self.trainer)

        groups = [self._language_group(), self._length_row()]
        if self.mode == Mode.TEAM:
            groups.append(
                (
                    "perspective",
                    [
                        (f"persp:{p.value}", ui(f"persp_{p.value}", lang), p == self.perspective)
                        for p in (Perspective.CLIENT_VIEW, Perspective.OWN_VIEW)
                    ],
                )
            )
        y = self._groups(groups, right, right.y, row_h, gap, label_h)
        y = self._topics(Rect(right.x, y, right.w, 0), row_h, gap, label_h)
        if self.mode == Mode.PRACTICE:
            self.team_labels.append(
                (ui("practice_hint", lang), Rect(right.x, y, right.w, right.bottom - y), False)
            )

    def _language_group(self) -> tuple[str, list[tuple[str, str, bool]]]:
        lang = self.lang
        return (
            "language",
            [(f"lang:{code}", LANGUAGE_NAMES.get(code, code), code == lang) for code in self._langs()],
        )

    def _length_group(self) -> tuple[str, list[tuple[str, str, bool]]]:
        lang = self.lang
        return (
            "length",
            [("len:quick", ui("quick", lang), self.quick), ("len:full", ui("full", lang), not self.quick)],
        )

    def _groups(self, groups, column: Rect, y: int, row_h: int, gap: int, label_h: int) -> int:
        """Each group: its label, then its choices side by side (a list of groups shares one row); options
        given as text is a line instead of buttons. Returns the y below the last."""
        for item in groups:
            row = item if isinstance(item, list) else [item]
            weights = [0.64, 0.36] if len(row) == 2 else [1] * len(row)  # the second is short (Uit, Aan)
            for (key, options), cell in zip(row, layout.cols(Rect(column.x, y, column.w, 1), weights, gap * 2),
                                            strict=True):
                self.labels.append((ui(key, self.lang), Rect(cell.x, y, cell.w, label_h)))
                at = Rect(cell.x, y + label_h + gap // 2, cell.w, row_h)
                if isinstance(options, str):  # e.g. what to install first
                    self.team_labels.append((options, at, False))
                    continue
                for (wid, label, sel), button_r in zip(
                    options, layout.cols(at, [1] * len(options), gap), strict=True
                ):
                    self.widgets.append(Button(wid, label, button_r, selected=sel))
            y += label_h + gap // 2 + row_h + gap
        return y

    def _length_row(self) -> list | tuple:
        """Length, with the phones choice beside it in a conversation and in team training."""
        if self.mode not in start_phones.PHONE_MODES:
            return self._length_group()
        return [self._length_group(), start_phones.group(self.mode, self.phones, self.lang)]

    def _topics(self, at: Rect, row_h: int, gap: int, label_h: int) -> int:
        """The topics label and a 2×2 grid of topic toggles from at.topleft; returns the y below it."""
        lang = self.lang
        y = at.y
        self.labels.append((ui("topics", lang), Rect(at.x, y, at.w, label_h)))
        y += label_h + gap // 2
        feats = sorted(self.app.info.features, key=lambda ft: ft.order)
        grid_h = 2 * row_h + gap
        for ft, cell in zip(feats, layout.grid(Rect(at.x, y, at.w, grid_h), len(feats), 2, gap), strict=True):
            self.widgets.append(
                Button(
                    f"feat:{ft.id}", ft.name[lang], cell, selected=ft.id in self.features, colour=ft.colour
                )
            )
        return y + grid_h + gap

    @property
    def count(self) -> int:
        """How many play in team training or practice."""
        low, high = PLAYER_RANGE.get(self.mode, (2, 2))
        return min(high, max(low, self.counts.get(self.mode, low)))

    def _langs(self) -> list[str]:
        return [code for code in LANGUAGES if code in self.app.info.languages]

    # --- drawing --------------------------------------------------------------------------------
    def draw(self, surface: pygame.Surface) -> None:
        size = surface.get_size()
        surface.blit(theme.table_surface(size), (0, 0))
        sub = {Mode.TEAM: "start_sub_team", Mode.PRACTICE: "start_sub_practice"}.get(self.mode, "start_sub")
        chrome.title(surface, self.title_rect, ui("app_title", self.lang), ui(sub, self.lang))
        if self.front is not None:
            start_front.draw(self, surface)
        for text, rect in self.labels:
            theme.text(surface, text, rect, theme.px(size, 24), bold=True, valign="bottom", min_px=11)
        for text, rect, heading in self.team_labels:  # how many play, "Trainer", the practice hint
            theme.text(
                surface,
                text,
                rect,
                theme.px(size, 24 if heading else 22),
                bold=heading,
                colour=theme.INK if heading else theme.INK_SOFT,
                valign="middle" if heading else "top",
                min_px=11,
            )
        if self.error:
            theme.text(
                surface,
                self.error,
                self.error_rect,
                theme.px(size, 24),
                bold=True,
                valign="middle",
                colour=(150, 30, 0),
            )
        elif self.mode != Mode.CONVERSATION:  # names are optional, and what is kept
            theme.text(surface, ui("team_kept", self.lang), self.error_rect, theme.px(size, 22),
                       valign="middle", colour=theme.INK_SOFT, min_px=11)
        self.draw_widgets(surface)
        self._draw_steps(surface)

    def _draw_steps(self, surface: pygame.Surface) -> None:
        """A bold minus and plus on the buttons that change how many play (the font's are thin)."""
        for wid, plus in (("players:less", False), ("players:more", True)):
            b = self.widget(wid)
            if b is None:
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

        In a conversation digits ask nothing here; H shows the pair's history (pairs.key)."""
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
        if self.focus is not None and self.focus.startswith("team") and int(self.focus[4:]) >= n:
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
        from game.model.session import Player, Setup

        if self.mode != Mode.CONVERSATION:
            return self.team_setup()
        players = [
            Player(
                id=f"p{i + 1}",
                name=clean_text(field_.value) or default_name(self.roles[i], self.lang),
                role=Role(self.roles[i]),
            )
            for i, field_ in enumerate(self.names)
        ]
        return Setup(
            mode=Mode.CONVERSATION,
            players=players,
            guess_other=self.guess and len(players) == 2,
            pair_code=self.code.value.strip() or None,
            **self._game_choices(),
        )

    def team_setup(self) -> Setup:
        """Team training or practice: professionals only, named "Collega n" when nobody typed a name."""
        from game.model.session import Player, Setup

        players = [
            Player(
                id=f"p{i + 1}", name=clean_text(self.team[i].value) or colleague(i, self.lang), role=Role.PROFESSIONAL
            )
            for i in range(self.count)
        ]
        return Setup(
            mode=self.mode,
            players=players,
            perspective=self.perspective if self.mode == Mode.TEAM else Perspective.CLIENT_VIEW,
            trainer=clean_text(self.trainer.value) or None,
            **self._game_choices(),
        )

    def _game_choices(self) -> dict:
        """What every mode takes from the screen: features in table order, length, language, a fresh seed."""
        order = {f.id: f.order for f in self.app.deck.features}
        return {
            "features": sorted(self.features, key=lambda f: order[f]),
            "cards_per_feature": 1 if self.quick else FULL_CARDS_PER_FEATURE,
            "quick": self.quick,
            "language": self.lang,
            "seed": self.app.rng.randrange(2**31),
        }

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
        prefs = self.app.prefs
        prefs.names = [f.value for f in self.names]
        prefs.roles = list(self.roles)
        prefs.features = list(self.features)
        prefs.quick, prefs.guess_other, prefs.pair_code = self.quick, self.guess, self.code.value
        prefs.mode, prefs.perspective = self.mode.value, self.perspective.value
        prefs.team_size, prefs.practice_size = self.counts[Mode.TEAM], self.counts[Mode.PRACTICE]
        prefs.team_names, prefs.trainer = [f.value for f in self.team], self.trainer.value
        prefs.phones = self.phones
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
