"""The consent screen before every conversation: the deck's text, and the pair's choice by keyboard or mouse.
"Only show" plays a whole session in the window and leaves nothing under sessions/ and no autosave."""

from __future__ import annotations

import pygame
import pytest

from game.design.cards import word
from game.engine import Phase
from game.i18n import ui
from game.model.session import Keep
from game.store import PROGRESS, SESSIONS, progress_path
from game.ui import theme
from game.ui.scenes.consent import ConsentScene
from game.ui.scenes.overlays import PauseScene
from game.ui.scenes.start import StartScene
from game.ui.scenes.summary import SummaryScene
from game.ui.scenes.table import TableScene
from tests.ui.conftest import saved_summaries
from tests.ui.test_sessions import CHOICES, keyboard_round


def shown(d) -> str:
    d.frame()
    return " ".join(t for t, _, _ in theme.LOG.entries)


def left_behind(data_dir) -> list[str]:
    """Every file under sessions/ and in-progress/ (temporary copies included)."""
    return sorted(str(p.relative_to(data_dir)) for sub in (SESSIONS, PROGRESS) for p in (data_dir / sub).rglob("*")
                  if p.is_file())


def assert_nothing_kept(d, data_dir) -> None:
    assert isinstance(d.top, SummaryScene) and d.app.table.summary.keep == Keep.SHOW
    assert left_behind(data_dir) == [] and not (data_dir / SESSIONS).exists()
    text = shown(d)
    assert ui("kept_nothing", "nl") in text  # the end says plainly that nothing was saved …
    assert "Opgeslagen in" not in text and str(data_dir) not in text  # … and shows no path


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_the_screen_shows_the_decks_text_and_both_choices(make_app, deck, lang):
    d = make_app(lang=lang)
    d.enter()
    assert isinstance(d.top, ConsentScene) and d.app.table is None  # nothing has started yet
    text = shown(d)
    consent = deck.consent
    for part in (consent.title[lang], word("consent_saved", lang), word("consent_seen", lang)):
        assert part in text
    for first_words in (consent.saved[lang].split()[:3], consent.seen[lang].split()[:3]):
        assert " ".join(first_words) in text
    for key in ("keep_save", "keep_show", "keep_save_line", "consent_choose"):
        assert ui(key, lang) in text
    assert not theme.LOG.outside()


def test_only_show_by_keyboard_plays_a_whole_session_and_keeps_nothing(make_app, data_dir):
    d = make_app()
    d.enter()  # start with the defaults
    d.key(pygame.K_DOWN)  # from "Save" to "Only show"
    assert d.top.focus == "keep:show"
    d.enter()
    assert isinstance(d.top, TableScene) and d.app.table.only_show
    assert progress_path(data_dir).exists()  # while playing the autosave keeps the session safe
    for client, pro in CHOICES:
        keyboard_round(d, client, pro)
    assert [tuple(e.value for e in r.estimates) for r in d.app.table.summary.rounds] == CHOICES
    assert_nothing_kept(d, data_dir)
    d.enter()  # "Again": the summary is gone
    assert isinstance(d.top, StartScene) and d.app.table is None and left_behind(data_dir) == []


def test_only_show_by_mouse_plays_a_whole_session_and_keeps_nothing(make_app, data_dir):
    d = make_app()
    d.click("start")
    d.click("keep:show")
    for client, pro in CHOICES:
        d.click("continue")
        d.click("ready")
        d.click(f"v{client}")
        d.click("confirm")
        d.click("ready")
        d.click(f"v{pro}")
        d.click("confirm")
        for _ in range(3):  # reveal → starter → reflection → agreement
            d.click("continue")
        assert d.app.table.phase == Phase.AGREE
        d.click("note")
        d.type("Volgende keer eerst bellen.")
        d.click("save")
    assert [a.text for a in d.app.table.summary.agreements] == ["Volgende keer eerst bellen."] * 4
    assert_nothing_kept(d, data_dir)


def test_digit_one_saves_and_the_saved_summary_records_the_choice(make_app, data_dir):
    d = make_app()
    d.enter()
    d.digit(1)
    assert isinstance(d.top, TableScene) and not d.app.table.only_show
    for client, pro in CHOICES:
        keyboard_round(d, client, pro)
    [saved] = saved_summaries(data_dir)
    assert saved["keep"] == "save"
    assert d.app.table.saved_to.name[:8] in shown(d)  # the end says where it is (the path wraps)


def test_digit_two_only_shows_and_ending_early_from_the_menu_keeps_nothing(make_app, data_dir):
    d = make_app(lang="en")
    d.enter()
    d.digit(2)
    keyboard_round(d, 4, 2)
    d.esc()
    assert isinstance(d.top, PauseScene)
    assert ui("end_show", "en") in shown(d) and ui("end_save", "en") not in shown(d)
    d.click("end")
    assert isinstance(d.top, SummaryScene) and d.app.table.summary.ended_early
    assert left_behind(data_dir) == [] and ui("kept_nothing", "en") in shown(d)


def test_tab_and_arrows_move_between_the_choices_and_esc_goes_back_without_starting(make_app, data_dir):
    d = make_app()
    d.enter()
    assert d.top.focus == "keep:save"
    d.key(pygame.K_RIGHT)
    assert d.top.focus == "keep:show"
    d.key(pygame.K_UP)
    assert d.top.focus == "keep:save"
    d.key(pygame.K_TAB)
    assert d.top.focus == "keep:show"
    d.esc()
    assert isinstance(d.top, StartScene) and d.app.table is None
    assert not progress_path(data_dir).exists()
    d.enter()
    d.click("back")  # the mouse too
    assert isinstance(d.top, StartScene) and d.app.table is None


@pytest.mark.parametrize("size", [(1024, 600), (1280, 720), (1920, 1080)])
def test_every_target_is_big_enough_and_inside_the_window(make_app, size):
    d = make_app(size=size)
    d.enter()
    for wid, r in d.rects().items():
        assert r.w >= 48 and r.h >= 48 and d.app.screen.get_rect().contains(r), (wid, r)
    shown(d)
    assert not theme.LOG.outside()


@pytest.mark.parametrize("mode", ["team", "practice"])
def test_team_and_practice_say_that_names_are_optional_and_what_is_kept(make_app, mode):
    d = make_app(size=(1024, 600))
    d.click("more")  # the choices are folded away at first
    d.click(f"mode:{mode}")
    assert ui("team_kept", "nl") in shown(d)
    d.enter()
    assert not isinstance(d.top, ConsentScene)  # training keeps its summary, as before: no question


def test_an_only_show_session_left_open_is_finished_at_the_next_start_without_saving(make_app, data_dir):
    d = make_app()
    d.enter()
    d.digit(2)
    keyboard_round(d, 4, 2)
    d.app.quit()  # closed mid-session: the autosave keeps it, as in any session
    assert progress_path(data_dir).exists()
    pygame.display.quit()
    d = make_app()
    text = shown(d)
    assert ui("end_show", "nl") in text and ui("end_save", "nl") not in text
    d.click("end")
    assert ui("finished_show_title", "nl") in shown(d) and "niets bewaard" in shown(d)
    assert left_behind(data_dir) == []


def test_a_session_started_in_another_window_while_the_consent_was_open_is_offered_not_overwritten(
    make_app, data_dir
):
    from game.ui.app import App
    from game.ui.scenes.resume import ResumeScene

    first = make_app()
    second = App(first.app.deck, data_dir, seed=8)
    second.open()
    second.top.begin()  # the second window shows the consent …
    assert isinstance(second.top, ConsentScene)
    first.enter(2)  # … while the first starts a session (autosaved)
    before = progress_path(data_dir).read_bytes()
    second.top.activate("keep:show")
    assert isinstance(second.top, ResumeScene) and second.table is None
    assert progress_path(data_dir).read_bytes() == before
