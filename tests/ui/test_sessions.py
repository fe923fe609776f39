"""Whole sessions in the window, driven by posted events: what was pressed is exactly what is saved."""

from __future__ import annotations

import json

import pygame

from game.engine import Phase
from game.store import progress_path
from game.ui.scenes.estimate import EstimateScene, HandOverScene
from game.ui.scenes.overlays import PauseScene, QuitScene
from game.ui.scenes.rules import RulesScene
from game.ui.scenes.start import StartScene
from game.ui.scenes.summary import SummaryScene
from game.ui.scenes.table import TableScene
from tests.ui.conftest import saved_summaries

FEATURES = ["richting_en_kader", "vertrouwen", "binding", "stroefheid"]
CHOICES = [(4, 1), (2, 2), (5, 3), (1, 5)]  # (client, professional) per round


def keyboard_round(d, client: int, professional: int, stray: bool = False) -> None:
    """One round with digits and Enter only; with stray=True a digit is pressed wherever none is asked."""
    if stray:
        d.digit(7)
    d.enter()  # the card is read: estimate
    assert isinstance(d.top, HandOverScene)
    if stray:
        d.digit(3)  # on the hand-over: asks nothing
    d.enter()  # "I am …"
    assert isinstance(d.top, EstimateScene)
    if stray:
        d.digit(0)
        d.digit(9)
        d.enter()  # nothing chosen yet: Enter does nothing
        assert isinstance(d.top, EstimateScene) and d.top.value is None
    d.digit(client)
    d.enter()
    assert isinstance(d.top, HandOverScene)
    d.enter()
    d.digit(professional)
    d.enter()
    if stray:
        d.digit(2)  # on the reveal: asks nothing
    d.enter()  # reveal → starter
    d.enter()  # starter → reflection
    d.enter()  # reflection → agreement
    d.enter()  # empty agreement: skip


def test_digits_and_enter_alone_play_a_default_session_to_the_saved_summary(make_app, data_dir):
    d = make_app()
    d.digit(5)  # a digit on the start screen does no harm
    d.enter()  # Enter starts at once with the defaults
    d.enter()  # consent: Enter saves the summary, as before
    assert isinstance(d.top, TableScene)
    setup = d.app.table.state.setup
    assert [p.role.value for p in setup.players] == ["client", "professional"]
    assert setup.features == FEATURES and not setup.guess_other
    for client, pro in CHOICES:
        keyboard_round(d, client, pro, stray=True)
    assert isinstance(d.top, SummaryScene)
    [saved] = saved_summaries(data_dir)
    assert [r["feature"] for r in saved["rounds"]] == FEATURES
    got = [tuple(e["value"] for e in r["estimates"]) for r in saved["rounds"]]
    assert got == CHOICES
    assert [[e["player"] for e in r["estimates"]] for r in saved["rounds"]] == [["p1", "p2"]] * 4
    assert saved["agreements"] == [] and not saved["ended_early"]
    assert d.app.table.saved_to is not None and d.app.table.saved_to.exists()
    assert not progress_path(data_dir).exists()  # the autosave is gone once the summary is saved
    # the summary screen says where the file is
    d.frame()
    from game.ui import theme

    shown = " ".join(t for t, _, _ in theme.LOG.entries)
    assert d.app.table.saved_to.name[:8] in shown


def test_mouse_only_session_with_typed_agreements(make_app, data_dir):
    d = make_app()
    d.click("start")
    d.click("keep:save")
    notes = {0: "Volgende keer bellen we eerst.", 2: "Zeg het als iets niet klopt: ë é ï ’ “ok”"}
    for i, (client, pro) in enumerate(CHOICES):
        d.click("continue")
        d.click("ready")
        d.click(f"v{client}")
        assert d.top.value == client
        d.click("confirm")
        d.click("ready")
        d.click(f"v{pro}")
        d.click("confirm")
        d.click("continue")  # reveal → starter
        d.click("continue")  # → reflection
        d.click("continue")  # → agreement
        assert d.app.table.phase == Phase.AGREE
        if i in notes:
            d.click("note")
            d.type(notes[i])
            d.click("save")
        else:
            d.click("save")  # empty: goes on without a note
    assert isinstance(d.top, SummaryScene)
    [saved] = saved_summaries(data_dir)
    assert [tuple(e["value"] for e in r["estimates"]) for r in saved["rounds"]] == CHOICES
    assert [r["notes"] for r in saved["rounds"]] == [[notes[0]], [], [notes[2]], []]
    assert [(a["feature"], a["text"]) for a in saved["agreements"]] == [
        ("richting_en_kader", notes[0]),
        ("binding", notes[2]),
    ]
    d.click("again")
    assert isinstance(d.top, StartScene) and d.app.table is None


def test_every_button_is_big_enough_for_a_finger(make_app):
    d = make_app(size=(1024, 600))
    seen = set()

    def check():
        for wid, r in d.rects().items():
            assert r.w >= 48 and r.h >= 48, (type(d.top).__name__, wid, r)
            seen.add(type(d.top).__name__)

    check()
    d.enter()
    check()
    d.enter()  # consent: save the summary
    check()
    d.enter()
    check()
    d.enter()
    check()
    d.digit(3)
    d.enter()
    d.enter()
    d.digit(3)
    d.enter()
    check()
    d.esc()
    check()
    assert {"StartScene", "ConsentScene", "TableScene", "HandOverScene", "EstimateScene", "PauseScene"} <= seen


def test_resize_in_the_middle_lays_out_again_and_keeps_the_session(make_app, data_dir):
    d = make_app()
    d.enter(2)  # with the consent: save the summary
    keyboard_round(d, 3, 4)
    d.enter()
    d.enter()
    big = d.rects()["v5"]
    d.resize(1024, 600)
    assert d.app.screen.get_size() == (1024, 600)
    small = d.rects()["v5"]
    assert small.w < big.w and small.right <= 1024 and small.bottom <= 600
    d.click("v5")  # a click on the new place works
    d.click("confirm")
    d.resize(1600, 900)
    d.enter()
    d.digit(1)
    d.enter()
    d.enter(4)
    for client, pro in CHOICES[2:]:
        keyboard_round(d, client, pro)
    [saved] = saved_summaries(data_dir)
    assert [tuple(e["value"] for e in r["estimates"]) for r in saved["rounds"]] == [
        (3, 4),
        (5, 1),
        *CHOICES[2:],
    ]


def test_pause_menu_resume_rules_and_back(make_app):
    d = make_app()
    d.enter(2)  # start, and save the summary
    d.esc()
    assert isinstance(d.top, PauseScene)
    d.enter()  # Enter: resume
    assert isinstance(d.top, TableScene)
    d.esc()
    d.click("rules")
    assert isinstance(d.top, RulesScene)
    d.key(pygame.K_PAGEDOWN)
    assert d.top.scroll > 0
    d.esc()
    assert isinstance(d.top, PauseScene)
    d.esc()  # Esc in the pause menu: resume
    assert isinstance(d.top, TableScene)
    d.key(pygame.K_F1)
    assert isinstance(d.top, RulesScene)
    d.click("back")
    assert isinstance(d.top, TableScene)
    # in the estimate, Esc first takes back a choice, then pauses
    d.enter(2)
    d.digit(4)
    d.esc()
    assert isinstance(d.top, EstimateScene) and d.top.value is None
    d.esc()
    assert isinstance(d.top, PauseScene)
    d.click("resume")
    assert isinstance(d.top, EstimateScene)


def test_end_early_keeps_only_revealed_rounds(make_app, data_dir):
    d = make_app()
    d.enter(2)  # with the consent: save the summary
    keyboard_round(d, 2, 5)
    d.enter(2)
    d.digit(4)
    d.enter()  # the client has placed in round 2, the professional not yet
    d.esc()
    d.click("end")
    assert isinstance(d.top, SummaryScene)
    [saved] = saved_summaries(data_dir)
    assert saved["ended_early"] is True
    assert [tuple(e["value"] for e in r["estimates"]) for r in saved["rounds"]] == [(2, 5)]


def test_closing_the_window_asks_first_and_quitting_keeps_the_autosave(make_app, data_dir):
    d = make_app()
    d.enter(2)  # with the consent: save the summary
    keyboard_round(d, 3, 3)
    d.enter(2)
    d.digit(2)
    d.enter()
    d.close_window()
    assert isinstance(d.top, QuitScene) and d.app.running
    d.enter()  # "No, go on"
    assert isinstance(d.top, HandOverScene) and d.app.running
    d.close_window()
    d.click("quit")
    assert not d.app.running
    assert saved_summaries(data_dir) == [] if (data_dir / "sessions").exists() else True
    state = json.loads(progress_path(data_dir).read_text(encoding="utf-8"))
    assert state["rounds"][0]["estimates"]["p1"]["value"] == 3
    assert state["rounds"][1]["estimates"] == {"p1": {"player": "p1", "value": 2, "guess": None}}


def test_a_typed_agreement_is_kept_when_the_window_is_closed(make_app, data_dir):
    d = make_app()
    d.enter(2)  # with the consent: save the summary
    d.enter(2)
    d.digit(3)
    d.enter(2)
    d.digit(3)
    d.enter(4)
    assert d.app.table.phase == Phase.AGREE
    d.type("We bellen vrijdag.")
    d.close_window()
    d.close_window()  # the close button twice: quit
    assert not d.app.running
    state = json.loads(progress_path(data_dir).read_text(encoding="utf-8"))
    assert state["rounds"][0]["notes"] == ["We bellen vrijdag."]


def test_end_and_save_from_the_quit_question(make_app, data_dir):
    d = make_app()
    d.enter(2)  # with the consent: save the summary
    keyboard_round(d, 1, 2)
    d.close_window()
    d.click("end")
    assert isinstance(d.top, SummaryScene)
    [saved] = saved_summaries(data_dir)
    assert saved["ended_early"] and len(saved["rounds"]) == 1


def test_guess_the_other_records_both_estimate_and_guess(make_app, data_dir):
    d = make_app()
    d.click("more")  # the choices are folded away at first
    d.click("guess:on")
    d.enter(2)  # with the consent: save the summary
    assert d.app.table.state.setup.guess_other
    for client, pro in CHOICES:
        d.enter(2)
        d.digit(client)
        d.enter()
        assert d.top.step == "guess"
        d.digit(pro)  # the client guesses right
        d.enter()
        d.enter()
        d.digit(pro)
        d.enter()
        d.digit(3)  # the professional guesses 3
        d.enter()
        d.enter(4)
    [saved] = saved_summaries(data_dir)
    assert saved["guess_other"] is True
    for r, (client, pro) in zip(saved["rounds"], CHOICES, strict=True):
        assert [(e["value"], e["guess"]) for e in r["estimates"]] == [(client, pro), (pro, 3)]


def test_skip_a_question_and_swap_a_card(make_app, data_dir):
    d = make_app()
    d.enter(2)  # with the consent: save the summary
    first = d.app.table.state.current.question
    d.click("swap")
    assert d.app.table.state.current.question != first
    d.enter(2)
    d.click("pass")  # the client skips this one
    d.enter()
    d.digit(4)
    d.enter()
    d.enter(4)
    d.esc()
    d.click("end")
    [saved] = saved_summaries(data_dir)
    rnd = saved["rounds"][0]
    assert [(e["player"], e["value"]) for e in rnd["estimates"]] == [("p1", None), ("p2", 4)]
    assert [c["swapped"] for c in rnd["cards"] if c["kind"] == "question"] == [True, False]


def test_start_screen_choices_make_the_setup(make_app, data_dir):
    d = make_app()
    d.click("more")  # the choices are folded away at first
    d.click("name0")
    d.type("Sam")
    d.key(pygame.K_TAB)  # Tab leaves the field (Enter would start at once)
    assert d.top.focused_field() is None
    d.click("name1")
    d.type("Noor")
    d.click("role0")  # Sam becomes the professional, Noor the client
    d.click("feat:binding")
    d.click("len:full")
    d.click("code")
    d.type("ab 12!?-x")  # only letters, digits, - and _ stay
    d.click("lang:en")
    d.frame()
    from game.ui import theme

    assert "Start" in {t for t, _, _ in theme.LOG.entries}
    d.click("code")
    d.enter()  # Enter in a text field starts at once
    d.click("keep:save")
    setup = d.app.table.state.setup
    assert [(p.name, p.role.value) for p in setup.players] == [("Sam", "professional"), ("Noor", "client")]
    assert setup.features == ["richting_en_kader", "vertrouwen", "stroefheid"]
    assert setup.quick is False and setup.cards_per_feature == 2
    assert setup.pair_code == "ab12-x" and setup.language == "en"


def test_no_topic_chosen_says_so_and_does_not_start(make_app):
    d = make_app()
    d.click("more")  # the choices are folded away at first
    for fid in FEATURES:
        d.click(f"feat:{fid}")
    d.enter()
    assert isinstance(d.top, StartScene) and d.top.error


def test_language_switch_relabels_the_table(make_app):
    d = make_app(lang="en")
    d.enter(2)  # with the consent: save the summary
    d.frame()
    from game.ui import theme

    words = {t for t, _, _ in theme.LOG.entries}
    assert "Continue" in words and "Verder" not in words


def test_typed_agreement_is_visible_while_typing(make_app):
    d = make_app()
    d.enter(4)  # with the consent: save the summary
    d.digit(3)
    d.enter(2)
    d.digit(3)
    d.enter(4)
    d.type("We bellen vrijdag")
    d.frame()
    from game.ui import theme

    assert "We bellen vrijdag" in {t for t, _, _ in theme.LOG.entries}
