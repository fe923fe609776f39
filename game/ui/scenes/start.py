"""The start screen: who plays, the language, the topics, short or long, "guess the other", a pair code.

Every choice has a default, so Enter starts at once.
"""

from __future__ import annotations

import pygame

from game.i18n import LANGUAGES, ui
from game.model.session import MAX_NAME, Mode, Player, Role, Setup
from game.ui import chrome, layout, theme
from game.ui.app import App, Scene
from game.ui.input import Input
from game.ui.widgets import Button, TextField

Rect = pygame.Rect
LANGUAGE_NAMES = {"nl": "Nederlands", "en": "English"}
FULL_CARDS_PER_FEATURE = 2


def default_name(role: str, lang: str) -> str:
    return ui(f"role_{role}", lang)


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
        left, right = layout.cols(f.body, [0.5, 0.5], f.gap * 2)
        self.left, self.right = left, right

        # left: the players, then the topics
        label_h = theme.px(size, 36)
        y = left.y
        self.labels: list[tuple[str, Rect]] = [(ui("who_plays", lang), Rect(left.x, y, left.w, label_h))]
        y += label_h + gap // 2
        for i, name_field in enumerate(self.names):
            name_r, role_r = layout.cols(Rect(left.x, y, left.w, row_h), [0.6, 0.4], gap)
            name_field.rect = name_r
            name_field.placeholder = f"{default_name(self.roles[i], lang)} · {ui('name_hint', lang)}"
            role = Button(f"role{i}", ui(f"role_{self.roles[i]}", lang), role_r, hint=ui("switch", lang))
            self.widgets += [name_field, role]
            y += row_h + gap
        y += gap
        self.labels.append((ui("topics", lang), Rect(left.x, y, left.w, label_h)))
        y += label_h + gap // 2
        feats = sorted(self.app.deck.features, key=lambda ft: ft.order)
        grid_h = 2 * row_h + gap
        for ft, cell in zip(
            feats, layout.grid(Rect(left.x, y, left.w, grid_h), len(feats), 2, gap), strict=True
        ):
            self.widgets.append(
                Button(
                    f"feat:{ft.id}", ft.name[lang], cell, selected=ft.id in self.features, colour=ft.colour
                )
            )

        # right: language, length, guess the other, pair code (label above its choices)
        y = right.y
        groups = [
            (
                "language",
                [(f"lang:{code}", LANGUAGE_NAMES.get(code, code), code == lang) for code in self._langs()],
            ),
            (
                "length",
                [
                    ("len:quick", ui("quick", lang), self.quick),
                    ("len:full", ui("full", lang), not self.quick),
                ],
            ),
            (
                "guess_other",
                [("guess:off", ui("off", lang), not self.guess), ("guess:on", ui("on", lang), self.guess)],
            ),
        ]
        for key, options in groups:
            self.labels.append((ui(key, lang), Rect(right.x, y, right.w, label_h)))
            y += label_h + gap // 2
            for (wid, label, sel), cell in zip(
                options, layout.cols(Rect(right.x, y, right.w, row_h), [1] * len(options), gap), strict=True
            ):
                self.widgets.append(Button(wid, label, cell, selected=sel))
            y += row_h + gap
        self.labels.append((ui("pair_code", lang), Rect(right.x, y, right.w, label_h)))
        y += label_h + gap // 2
        self.code.rect = Rect(right.x, y, right.w, row_h)
        self.code.placeholder = ui("pair_code_hint", lang)
        self.widgets.append(self.code)

        start = Button("start", ui("start", lang), primary=True, hint="Enter")
        chrome.buttons_right(size, f.bottom, [start], width=theme.px(size, 340))
        self.error_rect = chrome.left_of([start], f.bottom, f.gap)
        self.widgets += [start, quit_b, *corner]

    def _langs(self) -> list[str]:
        return [code for code in LANGUAGES if code in self.app.deck.languages]

    # --- drawing --------------------------------------------------------------------------------
    def draw(self, surface: pygame.Surface) -> None:
        size = surface.get_size()
        surface.blit(theme.table_surface(size), (0, 0))
        chrome.title(surface, self.title_rect, ui("app_title", self.lang), ui("start_sub", self.lang))
        for text, rect in self.labels:
            theme.text(surface, text, rect, theme.px(size, 24), bold=True, valign="bottom", min_px=11)
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
        self.draw_widgets(surface)

    # --- input ------------------------------------------------------------------------------------
    def key(self, inp: Input) -> bool:
        return False  # digits and arrows ask nothing here

    def back(self) -> bool:
        if self.focus is not None:
            self.focus = None
            return True
        return False

    def confirm(self) -> bool:
        self.begin()
        return True

    def field_done(self, field_: TextField) -> bool:
        self.focus = "start"
        return True

    def activate(self, widget_id: str) -> bool:
        kind, _, arg = widget_id.partition(":")
        self.error = ""
        if widget_id == "start":
            self.begin()
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
            pygame.display.set_caption(self.app.deck.name.get(arg, "Werkalliantie"))
        elif kind == "len":
            self.quick = arg == "quick"
        elif kind == "guess":
            self.guess = arg == "on"
        return True

    def _flip_role(self, i: int) -> None:
        """Change one player's role; with two players the other changes too (one client, one professional)."""
        other = {"client": "professional", "professional": "client"}
        self.roles[i] = other[self.roles[i]]
        if len(self.roles) == 2:
            self.roles[1 - i] = other[self.roles[i]]

    # --- begin ------------------------------------------------------------------------------------
    def setup(self) -> Setup:
        lang = self.lang
        order = {f.id: f.order for f in self.app.deck.features}
        players = [
            Player(
                id=f"p{i + 1}",
                name=field_.value.strip() or default_name(self.roles[i], lang),
                role=Role(self.roles[i]),
            )
            for i, field_ in enumerate(self.names)
        ]
        return Setup(
            mode=Mode.CONVERSATION,
            players=players,
            features=sorted(self.features, key=lambda f: order[f]),
            cards_per_feature=1 if self.quick else FULL_CARDS_PER_FEATURE,
            quick=self.quick,
            language=lang,
            seed=self.app.rng.randrange(2**31),
            guess_other=self.guess and len(players) == 2,
            pair_code=self.code.value.strip() or None,
        )

    def begin(self) -> None:
        if not self.features:
            self.error = ui("need_topic", self.lang)
            return
        prefs = self.app.prefs
        prefs.names = [f.value for f in self.names]
        prefs.roles = list(self.roles)
        prefs.features = list(self.features)
        prefs.quick, prefs.guess_other, prefs.pair_code = self.quick, self.guess, self.code.value
        from game.table import Table

        self.app.table = Table.start(self.app.deck, self.setup(), self.app.data_dir)
        from game.ui.scenes.table import TableScene

        self.app.reset(TableScene(self.app))
