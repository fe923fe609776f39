"""The conversation table as a person sees it (issue 12): the folded start screen, a reveal whose emphasis grows
with the gap, hints that fit, the conversation card read aloud at full size, one quit question, the Enter hint on
the focused button, no internal ids, a scroll bar on the rules, smooth smileys, a window that fits the desktop."""

from __future__ import annotations

import pygame
import pytest

from game.design import icons
from game.design.primitives import Drawing
from game.engine import Phase
from game.i18n import ui
from game.ui import render, theme
from game.ui.cardview import CardArt, deck_ids
from game.ui.scenes.overlays import PauseScene, QuitScene
from game.ui.scenes.rules import RulesScene
from game.ui.scenes.start import StartScene
from game.ui.scenes.table import TableScene
from game.ui.window import fit_to_desktop


def shown(d) -> list[str]:
    d.frame()
    return [t for t, _, _ in theme.LOG.entries]


def to_reveal(d, client: int | None, pro: int | None) -> None:
    """From the deal of a round to its reveal; None: that player skips."""
    d.enter(2)
    for i, value in enumerate((client, pro)):
        if value is None:
            d.click("pass")
        else:
            d.digit(value)
            d.enter()
        if i == 0:
            d.enter()  # hand over
    assert d.app.table.phase == Phase.REVEAL


# --- the start screen ------------------------------------------------------------------------------


def test_the_start_screen_opens_with_one_action_and_the_choices_folded_away(make_app, data_dir):
    d = make_app()
    assert set(d.rects()) == {"start", "more", "access", "quit", "rules"}  # and the text size, to find first
    assert ui("new_conversation", "nl") in shown(d)
    d.key(pygame.K_TAB)
    d.key(pygame.K_TAB)  # the keyboard reaches "More choices" …
    assert d.top.focus == "more"
    d.enter()  # … and opens it
    form = set(d.rects())
    assert {"mode:team", "name0", "role0", "feat:binding", "len:full", "lang:en", "guess:on", "code"} <= form
    d.esc()  # Esc folds them away again
    assert set(d.rects()) == {"start", "more", "access", "quit", "rules"}
    d.click("more")  # and so does the mouse
    d.click("len:full")
    d.click("more")  # "Fewer choices": what was chosen stays
    assert d.top.quick is False and ui("full", "nl") in " ".join(shown(d))
    d.enter(2)  # start, and save (the consent screen)
    assert isinstance(d.top, TableScene) and d.app.table.state.setup.quick is False


@pytest.mark.parametrize("field", ["name0", "name1", "code"])
def test_enter_in_an_empty_text_field_starts_at_once(make_app, field):
    d = make_app()
    d.click("more")
    d.click(field)
    assert d.top.focused_field() is not None and not d.top.focused_field().value
    d.enter()
    assert not isinstance(d.top, StartScene)  # on to the consent screen
    d.enter()
    assert isinstance(d.top, TableScene)


def test_team_mode_from_the_command_line_says_so_on_the_one_button(make_app):
    from game.ui.command import start_with

    d = make_app(lang="en")
    start_with(d.app.prefs, "team", 6)
    d.app.reset(StartScene(d.app))
    text = " ".join(shown(d))
    assert ui("start_team", "en") in text and "6 players" in text


# --- the reveal ----------------------------------------------------------------------------------------


def yellow(surface: pygame.Surface) -> int:
    """How many pixels have the highlight colour (the bar and the badge of a far-apart reveal)."""
    return pygame.mask.from_threshold(surface, (*theme.HIGHLIGHT, 255), (1, 1, 1, 255)).count()


def test_the_emphasis_grows_with_the_gap_and_the_hint_follows_the_cards(make_app):
    d = make_app()
    d.click("more")
    d.click("len:full")  # eight rounds: room for every case
    d.enter(2)
    seen = {}
    cases = [(3, 3, "talk_same"), (3, 4, "talk_close"), (2, 4, "talk_apart"), (1, 4, "talk_far"),
             (1, 5, "talk_far"), (None, 4, "talk_passed"), (None, None, "talk_all_passed")]
    for client, pro, hint in cases:
        to_reveal(d, client, pro)
        text = shown(d)
        assert ui(hint, "nl") in text, (client, pro, text)
        assert ui("talk_about_it", "nl") not in text
        seen[(client, pro)] = yellow(d.frame())
        d.enter(4)
    assert seen[(3, 3)] == seen[(3, 4)] == seen[(None, 4)] == 0  # the same and one apart stay calm
    assert 0 < seen[(2, 4)] < seen[(1, 4)] < seen[(1, 5)]  # 4 apart looks bigger than 3, and 3 than 2
    assert seen[(1, 5)] / 4 > seen[(1, 4)] / 3 > seen[(2, 4)] / 2  # and not only longer: thicker, louder


def test_the_conversation_card_is_as_large_as_the_cards_read_at_the_deal(make_app):
    d = make_app()
    d.enter(2)  # start, and save (the consent screen)
    d.frame()
    deal = max((box for t, _, box in theme.LOG.entries if t == "question"), key=lambda b: b.w)
    to_reveal(d, 5, 1)
    d.enter()
    assert d.app.table.phase == Phase.DISCUSS
    text = shown(d)
    assert ui("read_aloud", "nl") in text
    starters = [box for t, _, box in theme.LOG.entries if t == "starter"]
    assert starters and all(box.size == deal.size for box in starters)


# --- quitting, Enter, ids, rules, pause ---------------------------------------------------------------------


def test_the_pause_menu_asks_the_same_quit_question_as_the_close_button(make_app):
    d = make_app()
    d.enter(2)  # start, and save (the consent screen)
    d.esc()
    d.click("quit")
    assert isinstance(d.top, QuitScene) and d.app.running
    d.enter()  # "No, go on"
    assert isinstance(d.top, TableScene)
    d.close_window()
    assert isinstance(d.top, QuitScene)
    d.click("quit")
    assert not d.app.running


def test_the_enter_hint_sits_on_the_focused_button_and_enter_does_that(make_app):
    d = make_app()
    d.enter(2)  # start, and save (the consent screen)
    first = d.app.table.state.current.question
    d.key(pygame.K_TAB)
    d.key(pygame.K_TAB)
    assert d.top.focus == "swap"
    d.frame()
    swap = d.rects()["swap"]
    enters = [r for t, r, _ in theme.LOG.entries if t == "Enter"]
    assert len(enters) == 1 and swap.contains(enters[0])
    d.enter()
    assert d.app.table.state.current.question != first  # Enter swapped, as shown
    d.esc()
    d.key(pygame.K_DOWN)
    d.key(pygame.K_DOWN)  # in the pause menu the hint moves with the arrows too
    assert d.top.focus == "rules"
    d.app.full = True
    d.frame()
    enters = [r for t, r, _ in theme.LOG.entries if t == "Enter"][1:]  # the first: the table's, dimmed below
    assert len(enters) == 1 and d.rects()["rules"].contains(enters[0])


def test_enter_on_a_focused_estimate_card_chooses_it_and_then_confirms(make_app):
    d = make_app()
    d.enter(4)
    d.key(pygame.K_TAB)
    assert d.top.focus == "v1"
    d.enter()
    assert d.top.value == 1 and d.top.focus == "confirm"
    d.enter()
    assert "p1" in d.app.table.state.current.estimates


def test_no_internal_id_is_shown_in_the_window(make_app, deck):
    ids = deck_ids(deck)
    art = CardArt(deck)
    specs = [("question", c.id, lang, "both") for c in deck.cards for lang in deck.languages]
    specs += [("starter", s.id, lang) for s in deck.starters for lang in deck.languages]
    specs += [("case", c.id, lang) for c in deck.cases for lang in deck.languages]
    for spec in specs:
        on_paper = [line for t in art.drawing(spec).texts() for line in t.lines]
        on_screen = [line for t in render.for_screen(art.drawing(spec)).texts() for line in t.lines]
        assert not {line.rstrip("…") for line in on_paper} & ids, spec  # ids only with `print --ids`
        assert on_screen and not {line.rstrip("…") for line in on_screen} & ids, spec
    d = make_app()
    seen = set(shown(d))
    d.enter(2)
    to_reveal(d, 4, 1)
    for _ in range(4):
        seen |= set(shown(d))
        d.enter()
    assert not seen & ids


def test_the_rules_have_a_scroll_bar_that_follows_and_pages(make_app):
    d = make_app(size=(1024, 600))
    d.key(pygame.K_F1)
    rules = d.top
    assert isinstance(rules, RulesScene) and rules.max_scroll > 0
    d.frame()
    top = rules.thumb()
    assert rules.bar_rect.contains(top) and top.y == rules.bar_rect.y
    d.click_at((rules.bar_rect.centerx, rules.bar_rect.bottom - 2))  # below the thumb: a page down
    assert rules.scroll == rules.page
    assert rules.thumb().y > top.y
    d.key(pygame.K_END)
    assert rules.thumb().bottom == rules.bar_rect.bottom


def test_the_pause_menu_dims_what_is_behind_it(make_app):
    d = make_app()
    d.enter(2)  # start, and save (the consent screen)
    corner = (d.app.screen.get_width() // 2, d.app.screen.get_height() - 8)
    before = d.frame().get_at(corner)
    d.esc()
    assert isinstance(d.top, PauseScene)
    after = d.frame().get_at(corner)
    assert sum(after[:3]) < sum(before[:3]) * 0.6


# --- drawing and the window --------------------------------------------------------------------------------


@pytest.mark.parametrize("px", [28, 64, 160])
def test_a_smileys_mouth_is_drawn_smooth_at_every_size(make_app, px):
    make_app()
    face, ink = "#56B4E9", "#111111"
    surf = pygame.Surface((px, px))
    surf.fill(theme.rgb(face))
    render.draw(surf, Drawing(20, 20, icons.smiley(10, 10, 9, 1, face, ink)), surf.get_rect())
    mouth = pygame.Rect(round(px * 0.3), round(px * 0.55), round(px * 0.4), round(px * 0.2))
    colours = {tuple(surf.get_at((x, y)))[:3] for x in range(mouth.left, mouth.right)
               for y in range(mouth.top, mouth.bottom)}
    blends = colours - {theme.rgb(face), theme.rgb(ink)}
    assert any(sum(c) < 120 for c in colours) and len(blends) >= 3  # edges blend into the face: no jagged steps


@pytest.mark.parametrize(
    ("desktop", "expected"),
    [((1024, 600), (1024, 520)), ((1366, 768), (1280, 688)), ((1920, 1080), (1280, 720)), (None, (1280, 720))],
)
def test_the_default_window_fits_the_desktop_with_room_for_a_taskbar(desktop, expected):
    assert fit_to_desktop((1280, 720), desktop) == expected
