"""For every reader: high contrast (7:1, thicker focus rings, feature colours kept apart), the "Lezen en zien"
dialog from the start screen and the menu, and the settings kept between runs."""

from __future__ import annotations

import itertools
import json
import os

import pygame
import pytest
from test_layout import LONG_NOTE, texts_inside

from game import settings
from game.engine import Phase
from game.i18n import ui
from game.ui import theme
from game.ui.scenes.access import AccessScene
from game.ui.scenes.start import StartScene
from game.ui.voice import Voice
from game.ui.widgets import Button


@pytest.fixture(autouse=True)
def normal_colours_after():
    yield
    theme.set_contrast(False)


def contrast(a: tuple[int, ...], b: tuple[int, ...]) -> float:
    """The WCAG contrast ratio of two colours."""

    def lum(c: tuple[int, ...]) -> float:
        ch = [v / 255 for v in c[:3]]
        ch = [v / 12.92 if v <= 0.03928 else ((v + 0.055) / 1.055) ** 2.4 for v in ch]
        return 0.2126 * ch[0] + 0.7152 * ch[1] + 0.0722 * ch[2]

    hi, lo = sorted((lum(a), lum(b)), reverse=True)
    return (hi + 0.05) / (lo + 0.05)


def test_high_contrast_raises_every_text_and_control_to_7_to_1():
    theme.set_contrast(True)
    t = theme
    pairs = {
        "text on a panel": (t.INK, t.PANEL), "text on the table": (t.INK, t.TABLE),
        "soft text on a panel": (t.INK_SOFT, t.PANEL), "soft text on the table": (t.INK_SOFT, t.TABLE),
        "a button's text": (t.INK, t.BUTTON), "a hovered button's text": (t.INK, t.BUTTON_HOVER),
        "the main button's text": (t.WHITE, t.PRIMARY), "hovered": (t.WHITE, t.PRIMARY_HOVER),
        "a chosen option's text": (t.WHITE, t.SELECTED), "a disabled button's text": (t.DISABLED_INK, t.DISABLED_FILL),
        "a button's edge": (t.PANEL_EDGE, t.BUTTON), "a panel's edge on the table": (t.PANEL_EDGE, t.TABLE),
        "the main button on the table": (t.PRIMARY, t.TABLE), "the focus ring": (t.FOCUS, t.TABLE),
    }
    low = {k: round(contrast(a, b), 2) for k, (a, b) in pairs.items() if contrast(a, b) < 7}
    assert not low
    theme.set_contrast(False)
    assert contrast(theme.PANEL_EDGE, theme.BUTTON) < 7  # the normal set is unchanged (softer edges)


def test_the_feature_colours_stay_distinguishable(deck):
    theme.set_contrast(True)
    colours = [theme.rgb(f.colour) for f in deck.features]
    for a, b in itertools.combinations(colours, 2):
        assert sum((x - y) ** 2 for x, y in zip(a, b, strict=True)) ** 0.5 > 60, (a, b)


def ring_pixels(high: bool) -> int:
    theme.set_contrast(high)
    surface = pygame.Surface((300, 160))
    surface.fill(theme.TABLE)
    button = Button("b", "Verder", pygame.Rect(50, 40, 200, 64))
    button.draw(surface, hover=False, focus=True)
    return sum(1 for x in range(300) for y in range(0, 40) if surface.get_at((x, y))[:3] == theme.FOCUS)


def test_focus_rings_are_thicker_in_high_contrast():
    pygame.font.init()
    assert ring_pixels(True) >= 1.8 * ring_pixels(False)


def test_the_dialog_turns_contrast_and_reading_on_and_keeps_them(make_app, data_dir):
    d = make_app()
    d.app.voice = Voice(enabled=True)
    d.click("more")
    d.click("access")
    assert isinstance(d.top, AccessScene)
    before = d.frame().get_at((5, 5))
    d.click("high_contrast")
    assert d.app.settings.high_contrast and theme.high_contrast
    assert d.frame().get_at((5, 5)) != before  # the screen is drawn in the new colours at once
    d.click("read_aloud")
    d.enter()  # Enter on the focused button turns it back
    assert d.app.settings.read_aloud is False
    d.click("read_aloud")
    d.click("done")
    assert isinstance(d.top, StartScene)
    path = data_dir / settings.FILE
    assert json.loads(path.read_text()) == {"read_aloud": True, "high_contrast": True, "text_size": 100}
    assert os.stat(path).st_mode & 0o777 == 0o600
    again = make_app()  # the next run
    assert again.app.settings.read_aloud and again.app.settings.high_contrast and theme.high_contrast


def test_without_speech_the_dialog_offers_only_contrast(make_app):
    d = make_app()
    d.app.voice = Voice(enabled=False)
    d.click("more")
    d.click("access")
    assert "read_aloud" not in d.rects() and "high_contrast" in d.rects()


def test_the_menu_opens_the_dialog_and_done_goes_back_to_the_game(make_app):
    d = make_app()
    d.enter(2)
    d.esc()
    d.click("access")
    assert isinstance(d.top, AccessScene)
    d.enter()
    assert d.app.table.phase == Phase.DEAL and not isinstance(d.top, AccessScene)


@pytest.mark.parametrize("text", ["{not json", "[]", '{"high_contrast": "yes", "read_aloud": 1}', "",
                                  '{"text_size": 300}', '{"text_size": true}', '{"text_size": "200"}',
                                  '{"text_size": 150.0}', '{"high_contrast": 200, "text_size": false}'])
def test_a_damaged_settings_file_gives_the_defaults(tmp_path, text):
    (tmp_path / settings.FILE).write_text(text)
    assert settings.load(tmp_path) == settings.Settings()


def test_a_data_folder_that_cannot_be_written_keeps_the_window_up_and_says_so(make_app, data_dir):
    data_dir.write_text("a file where the data folder should be")
    d = make_app()
    d.click("more")
    d.click("access")
    d.click("high_contrast")
    assert d.app.settings.high_contrast and d.app.running
    assert str(data_dir) in d.app.settings_error
    d.frame()
    assert ui("settings_not_kept", "nl") in " ".join(t for t, _, _ in theme.LOG.entries)  # wrapped in lines


@pytest.mark.parametrize("size,lang", [((1024, 600), "nl"), ((1024, 600), "en"), ((1920, 1080), "nl")])
def test_every_screen_keeps_its_text_inside_in_high_contrast(make_app, data_dir, size, lang):
    data_dir.mkdir(parents=True, exist_ok=True)
    (data_dir / settings.FILE).write_text('{"high_contrast": true}')
    d = make_app(size=size, lang=lang)
    assert theme.high_contrast
    texts_inside(d, "start")
    d.click("more")
    texts_inside(d, "more choices")
    d.click("access")
    texts_inside(d, "reading and seeing")
    d.enter()  # "Klaar"
    for step in "EEEE5EE1E":  # start, consent, the card, hand-over, 5, place, hand-over, 1, place: the reveal
        d.enter() if step == "E" else d.digit(int(step))
    assert d.app.table.phase == Phase.REVEAL
    for where in ("reveal", "starter", "reflection", "agreement"):
        if where != "reveal":
            d.enter()
        texts_inside(d, where)
    d.type(LONG_NOTE[:300])
    texts_inside(d, "a long agreement")
    d.esc()
    texts_inside(d, "pause")
    d.click("access")
    texts_inside(d, "reading and seeing over the table")
    d.enter()
    d.esc()
    d.click("end")
    texts_inside(d, "summary")


def test_the_text_size_is_kept_and_cycles_through_the_four_sizes(tmp_path):
    assert settings.load(tmp_path).text_size == 100
    sizes = [100]
    for _ in range(4):
        sizes.append(settings.next_text_size(sizes[-1]))
    assert sizes == [100, 125, 150, 200, 100]
    assert settings.save(settings.Settings(text_size=150), tmp_path) == ""
    assert settings.load(tmp_path).text_size == 150


def test_in_high_contrast_text_on_a_feature_or_player_colour_reaches_7_to_1(deck):
    """Labels on feature bands and players' chips: the colour is made darker or lighter, the text stays."""
    from game.design.palette import SEAT_COLOURS, text_on

    theme.set_contrast(True)
    colours = [f.colour for f in deck.features] + list(SEAT_COLOURS)
    low = {c: round(contrast(theme.rgb(c), theme.rgb(text_on(c))), 2) for c in colours
           if contrast(theme.rgb(c), theme.rgb(text_on(c))) < 7}
    assert not low
    theme.set_contrast(False)
    assert any(contrast(theme.rgb(c), theme.rgb(text_on(c))) < 7 for c in colours)  # the normal colours stay
