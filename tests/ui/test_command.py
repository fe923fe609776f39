"""`python main.py play`: its options, and clear one-line errors instead of a window or a traceback."""

from __future__ import annotations

import pytest

from game import cli


def test_play_is_a_command_with_window_options(capsys):
    with pytest.raises(SystemExit) as exit_:
        cli.main(["play", "--help"])
    assert exit_.value.code == 0
    out = capsys.readouterr().out
    for option in ("--lang", "--deck", "--data-dir", "--fullscreen", "--size"):
        assert option in out


def test_a_bad_window_size_is_one_clear_line(capsys):
    with pytest.raises(SystemExit) as exit_:
        cli.main(["play", "--size", "big"])
    assert exit_.value.code == 2
    assert "1280x720" in capsys.readouterr().err


def test_a_missing_deck_says_so_without_opening_a_window(tmp_path, capsys):
    import pygame

    with pytest.raises(SystemExit) as exit_:
        cli.main(["play", "--deck", str(tmp_path / "nowhere"), "--data-dir", str(tmp_path)])
    assert exit_.value.code == 2  # a folder that is not there is a bad argument (issue 13)
    err = capsys.readouterr().err
    assert "nowhere" in err and "Traceback" not in err
    assert not pygame.display.get_init() or pygame.display.get_surface() is None
