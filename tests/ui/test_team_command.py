"""`play --mode team|practice --players N`: the options, and one clear line for a number that does not fit."""

from __future__ import annotations

import pytest

from game import cli
from game.ui.command import start_with
from game.ui.prefs import Prefs


def test_play_offers_mode_and_players(capsys):
    with pytest.raises(SystemExit) as exit_:
        cli.main(["play", "--help"])
    assert exit_.value.code == 0
    out = capsys.readouterr().out
    assert "--mode" in out and "--players" in out and "team" in out and "practice" in out


@pytest.mark.parametrize(
    "argv, words",
    [
        (["--mode", "team", "--players", "9"], "3 to 8"),
        (["--mode", "team", "--players", "2"], "3 to 8"),
        (["--mode", "practice", "--players", "3"], "1 to 2"),
        (["--players", "4"], "--mode team"),
    ],
)
def test_a_number_of_players_that_does_not_fit_is_one_clear_line(tmp_path, capsys, argv, words):
    code = cli.main(["play", *argv, "--data-dir", str(tmp_path)])
    assert code == 2
    err = capsys.readouterr().err
    assert words in err and "Traceback" not in err and len(err.strip().splitlines()) == 1


def test_an_unknown_mode_is_refused_by_the_parser(capsys):
    with pytest.raises(SystemExit) as exit_:
        cli.main(["play", "--mode", "solo"])
    assert exit_.value.code == 2
    assert "solo" in capsys.readouterr().err


def test_a_deck_without_cases_cannot_start_team_training(tmp_path, capsys):
    import shutil

    deck = tmp_path / "deck"
    shutil.copytree(cli.DEFAULT_DECK, deck)
    (deck / "cases.toml").unlink()
    try:
        code = cli.main(["play", "--mode", "team", "--deck", str(deck), "--data-dir", str(tmp_path / "data")])
    finally:
        import pygame

        pygame.display.quit()  # the window opens before the deck is read: close it for the next tests
    assert code == 2
    assert "no case cards" in capsys.readouterr().err


def test_mode_and_players_are_what_the_start_screen_shows_first():
    prefs = Prefs()
    start_with(prefs, "team", 6)
    assert (prefs.mode, prefs.team_size, prefs.practice_size) == ("team", 6, 1)
    start_with(prefs, "practice", 2)
    assert (prefs.mode, prefs.practice_size) == ("practice", 2)
    start_with(prefs, "conversation", None)
    assert prefs.mode == "conversation"
