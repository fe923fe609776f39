"""After a crash the next start offers the open session (Enter resumes), never starts over it; a damaged
autosave is explained in one line and the game still starts; the start screen shows nobody's name."""

from __future__ import annotations

import json

import pygame

from game.engine import Phase
from game.store import progress_path
from game.ui import theme
from game.ui.app import App
from game.ui.scenes.estimate import HandOverScene
from game.ui.scenes.resume import DiscardScene, NoticeScene, ResumeScene
from game.ui.scenes.start import StartScene
from game.ui.scenes.summary import SummaryScene
from game.ui.scenes.table import TableScene
from tests.ui.conftest import saved_summaries

NAMES = ("Samira", "Noor")
NOTE = "Volgende keer bellen we eerst."


def values(saved: dict) -> list[tuple]:
    return [tuple(e["value"] for e in r["estimates"]) for r in saved["rounds"]]


def shown_text(d) -> str:
    d.frame()
    return " ".join(t for t, _, _ in theme.LOG.entries)


def round_with_keys(d, client: int, pro: int, note: str = "") -> None:
    d.enter()  # the card is read
    d.enter()  # "I am …"
    d.digit(client)
    d.enter()
    d.enter()
    d.digit(pro)
    d.enter()
    d.enter(3)  # reveal → starter → reflection → agreement
    if note:
        d.type(note)
    d.enter()


def crashed_session(make_app) -> dict:
    """Names and a pair code typed, round 1 with a note, round 2 with the client's estimate placed; then the
    program is gone without a word (no quit, no summary): what is on disk is what a crash leaves."""
    d = make_app()
    d.click("more")  # the choices are folded away at first
    for field, name in zip(("name0", "name1"), NAMES, strict=True):
        d.click(field)
        d.type(name)
    d.click("code")
    d.type("SN01")
    d.click("start")
    d.click("keep:save")
    round_with_keys(d, 4, 2, NOTE)
    d.enter(2)
    d.digit(5)
    d.enter()  # the client's hidden estimate of round 2 is placed
    assert isinstance(d.top, HandOverScene) and d.top.player_id == "p2"
    state = json.loads(progress_path(d.app.data_dir).read_text(encoding="utf-8"))
    pygame.display.quit()
    return state


def test_the_next_start_offers_the_open_session_and_enter_resumes_it_to_the_same_end(make_app, data_dir):
    before = crashed_session(make_app)
    d = make_app()
    assert isinstance(d.top, ResumeScene)
    text = shown_text(d)
    assert "kaart 2 van 4" in text and "Begonnen op" in text
    for private in (*NAMES, "SN01", NOTE):  # another pair may sit at the screen: no names, no answers
        assert private not in text
    assert progress_path(data_dir).exists() and saved_summaries(data_dir) == []
    d.enter()  # resume is the default
    assert isinstance(d.top, HandOverScene) and d.top.player_id == "p2"  # where it stopped: the professional
    d.enter()
    d.digit(1)
    d.enter()
    d.enter(4)
    round_with_keys(d, 3, 3)
    round_with_keys(d, 2, 5, "Zeg het als iets niet klopt.")
    assert isinstance(d.top, SummaryScene)
    [saved] = saved_summaries(data_dir)
    assert saved["session_id"] == before["session_id"]
    assert saved["started_at"].replace("Z", "+00:00") == before["started_at"].replace("Z", "+00:00")
    assert [p["name"] for p in saved["players"]] == list(NAMES) and saved["pair_code"] == "SN01"
    assert values(saved) == [(4, 2), (5, 1), (3, 3), (2, 5)]
    assert [a["text"] for a in saved["agreements"]] == [NOTE, "Zeg het als iets niet klopt."]
    assert not progress_path(data_dir).exists()


def test_a_new_session_never_starts_over_an_open_one(make_app, data_dir):
    before = crashed_session(make_app)
    d = make_app()
    d.close_window()  # closing at the question keeps everything as it was
    assert not d.app.running
    assert json.loads(progress_path(data_dir).read_text(encoding="utf-8")) == before
    d = make_app()
    assert isinstance(d.top, ResumeScene) and d.app.table is None


def test_finish_and_save_keeps_the_revealed_rounds_and_shows_no_summary(make_app, data_dir):
    before = crashed_session(make_app)
    d = make_app()
    d.click("end")
    assert isinstance(d.top, NoticeScene)
    text = shown_text(d)
    assert "opgeslagen" in text and not any(name in text for name in NAMES)
    [saved] = saved_summaries(data_dir)
    assert saved["session_id"] == before["session_id"] and saved["ended_early"]
    assert values(saved) == [(4, 2)]  # round 2 was still hidden
    assert [a["text"] for a in saved["agreements"]] == [NOTE]
    assert not progress_path(data_dir).exists()
    d.enter()
    assert isinstance(d.top, StartScene) and all(f.value == "" for f in d.top.names)


def test_discard_asks_first_then_removes_only_the_open_session(make_app, data_dir):
    crashed_session(make_app)
    d = make_app()
    d.click("discard")
    assert isinstance(d.top, DiscardScene)
    d.enter()  # the default is "no, go back"
    assert isinstance(d.top, ResumeScene) and progress_path(data_dir).exists()
    d.click("discard")
    d.esc()  # Esc too
    assert isinstance(d.top, ResumeScene)
    d.click("discard")
    d.click("yes")
    assert isinstance(d.top, StartScene)
    assert not progress_path(data_dir).exists() and saved_summaries(data_dir) == []
    d.enter(2)  # and a new session starts as usual (the summary to be saved)
    assert isinstance(d.top, TableScene) and d.app.table.state.rounds[0].estimates == {}


def test_a_damaged_autosave_is_explained_in_one_line_and_kept_and_the_game_starts(make_app, data_dir):
    crashed_session(make_app)
    path = progress_path(data_dir)
    damaged = path.read_bytes()[:120]
    path.write_bytes(damaged)
    d = make_app(lang="en")
    assert isinstance(d.top, NoticeScene)
    text = shown_text(d)
    assert "session.json.damaged" in text and "cannot go on" in text
    kept = path.with_name("session.json.damaged")
    assert kept.read_bytes() == damaged and not path.exists()
    d.enter()  # OK
    assert isinstance(d.top, StartScene)
    d.enter(2)  # start, and save the summary
    assert isinstance(d.top, TableScene) and kept.read_bytes() == damaged  # never overwritten


def test_a_session_that_had_reached_its_end_is_saved_at_the_next_start(make_app, data_dir):
    d = make_app()
    d.enter(2)  # with the consent: save the summary
    for client, pro in [(4, 2), (3, 3), (5, 1)]:
        round_with_keys(d, client, pro)
    d.enter(2)
    d.digit(2)
    d.enter()
    d.enter()
    d.digit(4)
    d.enter()
    state = d.app.table.state.model_copy(update={"phase": Phase.DONE})  # as if killed before the summary
    progress_path(data_dir).write_text(state.model_dump_json(), encoding="utf-8")
    pygame.display.quit()
    d = make_app()
    assert isinstance(d.top, NoticeScene) and "opgeslagen" in shown_text(d)
    [saved] = saved_summaries(data_dir)
    assert saved["session_id"] == state.session_id and len(saved["rounds"]) == 4
    assert not progress_path(data_dir).exists()
    d.enter()
    assert isinstance(d.top, StartScene)


def test_the_start_screen_shows_nobody_after_a_session_or_at_the_next_start(make_app, data_dir):
    d = make_app()
    d.click("more")  # the choices are folded away at first
    for field, name in zip(("name0", "name1"), NAMES, strict=True):
        d.click(field)
        d.type(name)
    d.click("code")
    d.type("SN01")
    d.click("start")
    d.click("keep:save")
    for client, pro in [(4, 2), (3, 3), (5, 1), (2, 4)]:
        round_with_keys(d, client, pro)
    assert isinstance(d.top, SummaryScene)
    d.click("again")
    assert isinstance(d.top, StartScene)
    assert [f.value for f in d.top.names] == ["", ""] and d.top.code.value == ""
    text = shown_text(d)
    assert not any(private in text for private in (*NAMES, "SN01"))
    assert d.app.prefs.names == ["", ""] and d.app.prefs.pair_code == ""
    pygame.display.quit()
    d = make_app()  # the next start
    assert isinstance(d.top, StartScene)
    text = shown_text(d)
    assert not any(private in text for private in (*NAMES, "SN01"))


def test_a_second_window_asks_instead_of_starting_over_the_session_of_the_first(make_app, data_dir):
    first = make_app()
    second_app = App(first.app.deck, data_dir, seed=8)  # opened before the first began
    second_app.open()
    first.enter(2)  # the first window starts a session (autosaved), saving the summary
    first.enter(2)
    first.digit(3)
    first.enter()
    before = progress_path(data_dir).read_bytes()
    assert isinstance(second_app.top, StartScene)
    second_app.top.begin()  # Enter on the second window's start screen
    assert isinstance(second_app.top, ResumeScene) and second_app.table is None
    assert progress_path(data_dir).read_bytes() == before  # nothing started over it
