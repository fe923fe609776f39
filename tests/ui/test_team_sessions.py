"""Team training and practice in the window, driven by posted events: what was pressed is what is saved."""

from __future__ import annotations

import pygame

from game.design.primitives import Text
from game.engine import Phase
from game.store import clear_progress
from game.ui import theme
from game.ui.command import start_with
from game.ui.scenes.estimate import EstimateScene, HandOverScene
from game.ui.scenes.start import StartScene
from game.ui.scenes.summary import SummaryScene
from game.ui.scenes.table import TableScene
from tests.ui.conftest import saved_summaries

FEATURES = ["richting_en_kader", "vertrouwen", "binding", "stroefheid"]
TEAM_OF_5 = [[1, 3, 3, 5, 2], [4, 4, 4, 4, 4], [2, 5, 1, 3, 3], [5, 1, 2, 2, 4]]  # per round, per player


def start_in(d, mode: str, players: int | None = None) -> None:
    """The start screen as `play --mode MODE --players N` opens it."""
    start_with(d.app.prefs, mode, players)
    d.app.reset(StartScene(d.app))


def shown(d) -> str:
    d.frame()
    return " | ".join(t for t, _, _ in theme.LOG.entries)


def keyboard_team_round(d, values: list[int]) -> None:
    """One round of a team with Enter and digits only: the question, each player in turn, the talk."""
    assert d.app.table.phase == Phase.DEAL
    d.enter()  # everyone has read the question
    for k, value in enumerate(values):
        assert isinstance(d.top, HandOverScene) and d.top.player_id == f"p{k + 1}"
        d.enter()  # "I am …"
        assert isinstance(d.top, EstimateScene)
        d.digit(value)
        d.enter()
    assert d.app.table.phase == Phase.REVEAL
    d.enter()  # → the conversation starter
    assert d.app.table.phase == Phase.DISCUSS
    d.enter()  # → the case client's own view
    assert d.app.table.phase == Phase.CASE_VIEW
    d.enter()  # → reflection
    d.enter()  # → agreement
    assert d.app.table.phase == Phase.AGREE
    d.enter()  # nothing typed: on


def test_digits_and_enter_alone_play_a_team_of_five_to_the_saved_summary(make_app, data_dir, deck):
    d = make_app()
    start_in(d, "team")
    d.digit(5)  # five play
    d.enter()  # start with every default
    assert isinstance(d.top, TableScene) and d.app.table.phase == Phase.CASE
    case = deck.case(d.app.table.state.case_id)
    assert case.title["nl"] in shown(d)  # the case is on the screen to be read aloud
    d.enter()  # the case is read
    for values in TEAM_OF_5:
        keyboard_team_round(d, values)
    assert isinstance(d.top, SummaryScene)
    [saved] = saved_summaries(data_dir)
    assert saved["mode"] == "team" and saved["perspective"] == "client_view" and saved["trainer"] is None
    assert [p["name"] for p in saved["players"]] == [f"Collega {i}" for i in range(1, 6)]
    assert {p["role"] for p in saved["players"]} == {"professional"}
    assert saved["case"]["id"] == case.id
    assert [r["feature"] for r in saved["rounds"]] == FEATURES
    assert [[e["value"] for e in r["estimates"]] for r in saved["rounds"]] == TEAM_OF_5
    assert [r["spread"] for r in saved["rounds"]] == [4, 0, 4, 4]
    assert [r["case_view"] for r in saved["rounds"]] == [case.client_view[f] for f in FEATURES]
    text = shown(d)
    assert d.app.table.saved_to.name[:8] in text and case.title["nl"] in text


def test_a_team_of_five_with_the_mouse_names_a_trainer_own_view_and_a_note(make_app, data_dir, deck):
    d = make_app(lang="en")
    d.click("more")  # the choices are folded away at first
    d.click("mode:team")
    assert d.top.count == 4
    d.click("players:more")
    assert d.top.count == 5 and d.top.widget("team4") is not None
    d.click("team0")
    d.type("Ans")
    d.click("team4")
    d.type("Bo")
    d.click("trainer")
    d.type("Kim")
    d.click("persp:own_view")
    d.click("start")
    assert d.app.table.phase == Phase.CASE
    d.click("continue")
    note = "We ask the client first what helps."
    for r, values in enumerate(TEAM_OF_5):
        d.click("continue")  # the question was read
        for value in values:
            d.click("ready")
            if r == 0:  # the question in the professional's own words, and the prompt says so
                scene = d.top
                card = deck.card(d.app.table.state.current.question)
                size = d.app.screen.get_size()
                panel = scene._panel(scene.question_r.w, scene.question_r.h, size)
                words = " ".join(" ".join(s.lines) for s in panel.shapes if isinstance(s, Text))
                assert words.endswith(card.professional["en"].split()[-1])
                assert "How do you, as professional, see it?" in shown(d)
            d.click(f"v{value}")
            d.click("confirm")
        d.click("continue")  # reveal → starter
        d.click("continue")  # → the client's view
        d.click("continue")  # → reflection
        d.click("continue")  # → agreement
        if r == 1:
            d.click("note")
            d.type(note)
        d.click("save")
    assert isinstance(d.top, SummaryScene)
    [saved] = saved_summaries(data_dir)
    assert [p["name"] for p in saved["players"]] == ["Ans", "Colleague 2", "Colleague 3", "Colleague 4", "Bo"]
    assert saved["trainer"] == "Kim" and saved["perspective"] == "own_view" and saved["language"] == "en"
    assert [[e["value"] for e in r["estimates"]] for r in saved["rounds"]] == TEAM_OF_5
    assert saved["agreements"] == [{"feature": "vertrouwen", "text": note}]
    assert note in shown(d)
    d.click("again")
    assert isinstance(d.top, StartScene) and d.top.mode.value == "team" and d.top.count == 5


def test_the_client_view_perspective_shows_the_clients_words(make_app, deck):
    d = make_app()
    start_in(d, "team", 3)
    d.enter(3)  # start, case read, question read
    scene = d.top
    assert isinstance(scene, HandOverScene)
    d.enter()
    scene = d.top
    card = deck.card(d.app.table.state.current.question)
    panel = scene._panel(scene.question_r.w, scene.question_r.h, d.app.screen.get_size())
    words = " ".join(" ".join(s.lines) for s in panel.shapes if isinstance(s, Text))
    assert card.client["nl"].split()[0] in words and "Hoe ziet deze cliënt het?" in shown(d)


def test_practice_alone_needs_no_hand_over_and_shows_how_close_each_guess_was(make_app, data_dir, deck):
    d = make_app()
    d.click("more")  # the choices are folded away at first
    d.click("mode:practice")
    assert d.top.count == 1
    d.enter()
    assert d.app.table.state.setup.mode.value == "practice"
    d.enter()  # the case
    guesses = [2, 3, 4, 5]
    for guess in guesses:
        d.enter()  # the question
        assert isinstance(d.top, EstimateScene)  # alone: straight to the cards
        d.digit(guess)
        d.enter()
        d.enter(5)  # reveal, starter, the client's view, reflection, agreement
    assert isinstance(d.top, SummaryScene)
    [saved] = saved_summaries(data_dir)
    case = deck.case(saved["case"]["id"])
    assert saved["mode"] == "practice" and len(saved["players"]) == 1
    assert [r["estimates"][0]["value"] for r in saved["rounds"]] == guesses
    text = shown(d)
    assert "Kaart voor kaart: jij en de cliënt" in text
    for rnd, guess in zip(saved["rounds"], guesses, strict=True):  # each card: your guess and the client's view
        assert f"jij {guess} · cliënt {case.client_view[rnd['feature']]}" in text
    for word in ("hardop", "Iedereen", "jullie", "team", "Team", "Collega"):  # words for one person
        assert word not in text, word


def test_practice_for_two_hands_over_between_them(make_app, data_dir):
    d = make_app()
    start_in(d, "practice", 2)
    d.enter(3)
    assert isinstance(d.top, HandOverScene) and d.top.player_id == "p1"
    d.enter()
    d.digit(4)
    d.enter()
    assert isinstance(d.top, HandOverScene) and d.top.player_id == "p2"
    d.esc()
    d.click("end")  # finish and save early
    [saved] = saved_summaries(data_dir)
    assert saved["mode"] == "practice" and saved["ended_early"] and saved["rounds"] == []


def test_the_start_screen_sets_three_to_eight_players_with_buttons_digits_and_keys(make_app):
    d = make_app()
    assert d.top.mode.value == "conversation" and "players:more" not in d.rects()
    d.digit(5)  # in a conversation a digit asks nothing
    d.click("more")  # the choices are folded away at first
    d.click("mode:team")
    scene = d.top
    fields = lambda: sorted(w for w in d.rects() if w.startswith("team"))  # noqa: E731
    assert scene.count == 4 and fields() == ["team0", "team1", "team2", "team3"]
    for key, expected in ((pygame.K_8, 8), (pygame.K_9, 8), (pygame.K_2, 8), (pygame.K_3, 3)):
        d.key(key)
        assert scene.count == expected
    assert "players:less" not in d.rects()  # 3 is the least: the button is off
    d.key(pygame.K_MINUS)
    assert scene.count == 3
    d.key(pygame.K_PLUS)
    d.key(pygame.K_KP_PLUS)
    d.key(pygame.K_UP)
    assert scene.count == 6
    d.key(pygame.K_DOWN)
    d.click("players:less")
    assert scene.count == 4 and len(fields()) == 4
    while "players:more" in d.rects():
        d.click("players:more")
    assert scene.count == 8 and len(fields()) == 8 and "players:more" not in d.rects()
    d.click("team7")
    d.type("Jan-Piet")  # + and − typed in a name are letters, not a change of the team
    assert scene.count == 8 and scene.team[7].value == "Jan-Piet"
    d.click("mode:practice")
    assert scene.count == 1
    d.digit(2)
    assert scene.count == 2
    d.click("mode:conversation")
    d.enter(2)  # start, and save the summary
    assert d.app.table.state.setup.mode.value == "conversation"  # Enter after choosing it: a conversation


def test_a_fresh_start_screen_still_starts_a_conversation_on_enter(make_app):
    d = make_app()
    d.enter(2)  # start, and save the summary
    setup = d.app.table.state.setup
    assert setup.mode.value == "conversation" and [p.role.value for p in setup.players] == [
        "client",
        "professional",
    ]


def test_the_next_team_member_sees_the_same_screens_whatever_the_others_chose(make_app):
    def screens(first: int, second: int) -> list[bytes]:
        d = make_app()
        start_in(d, "team", 4)
        d.enter(3)
        for value in (first, second):
            d.enter()
            d.digit(value)
            d.enter()
        shots = [pygame.image.tobytes(d.frame(), "RGB")]
        assert isinstance(d.top, HandOverScene) and d.top.player_id == "p3"
        d.enter()
        assert d.top.view.current.estimates == {}
        shots.append(pygame.image.tobytes(d.frame(), "RGB"))
        clear_progress(d.app.data_dir)  # the next window starts a new session (not the resume question)
        pygame.display.quit()
        return shots

    assert screens(1, 1) == screens(5, 3)


def test_the_reveal_names_the_lowest_and_highest_and_the_client_view_each_distance(make_app, deck):
    d = make_app()
    start_in(d, "team", 5)
    d.enter(3)
    for value in TEAM_OF_5[0]:  # 1, 3, 3, 5, 2
        d.enter()
        d.digit(value)
        d.enter()
    text = shown(d)
    assert "Jullie liggen 4 uit elkaar." in text
    assert "laagst (1): Collega 1" in text and "hoogst (5): Collega 4" in text
    plot = d.top.board.plot
    assert {p.mark.player.name for p in plot.placed} == {f"Collega {i}" for i in range(1, 6)}
    assert plot.client is None  # the client comes last
    d.enter(2)
    assert d.app.table.phase == Phase.CASE_VIEW
    client = deck.case(d.app.table.state.case_id).client_view["richting_en_kader"]
    text = shown(d)
    assert d.top.board.plot.client is not None
    for k in range(5):
        assert f"Collega {k + 1}" in text
    distances = {abs(v - client) for v in TEAM_OF_5[0]}
    for dist in distances:
        assert str(dist) in [t for t, _, _ in theme.LOG.entries]


def test_a_team_session_goes_on_after_a_resize(make_app, data_dir):
    d = make_app(size=(1920, 1080))
    start_in(d, "team", 8)
    d.enter(3)
    for value in (1, 1, 2, 3, 3, 3, 5, 5):
        d.enter()
        d.digit(value)
        d.enter()
    d.frame()
    big = d.top.board.plot
    d.resize(1024, 600)
    d.frame()
    small = d.top.board.plot
    assert small.panel.w < big.panel.w and small.panel.bottom <= 600
    assert [p.mark.player.id for p in small.placed] == [p.mark.player.id for p in big.placed]


def test_a_team_session_left_open_resumes_at_the_next_team_member(make_app, data_dir):
    from game.ui.scenes.resume import ResumeScene

    d = make_app()
    start_in(d, "team", 4)
    d.enter(2)  # start, the case
    keyboard_team_round(d, [2, 2, 4, 5])
    d.enter()  # the next question is read
    for value in (1, 3):
        d.enter()
        d.digit(value)
        d.enter()
    assert isinstance(d.top, HandOverScene) and d.top.player_id == "p3"
    pygame.display.quit()  # gone without a word, as after a crash
    d = make_app()
    assert isinstance(d.top, ResumeScene)
    d.enter()
    assert isinstance(d.top, HandOverScene) and d.top.player_id == "p3"
    for value in (1, 5):
        d.enter()
        d.digit(value)
        d.enter()
    assert d.app.table.phase == Phase.REVEAL
    text = shown(d)  # the team board, as before the crash
    assert "laagst (1): Collega 1 en" in text and "hoogst (5): Collega 4" in text
    assert len(d.top.board.plot.placed) == 4
    d.esc()
    d.click("end")
    [saved] = saved_summaries(data_dir)
    assert saved["mode"] == "team"
    assert [[e["value"] for e in r["estimates"]] for r in saved["rounds"]] == [[2, 2, 4, 5], [1, 3, 1, 5]]
