"""The commands on the edges: only the store writes inside the data folder (print and report refuse targets
there), output to a closed pipe or a full device ends without a traceback, a --deck that is not there is a bad
argument (exit 2), and a very long argument is never echoed in full."""

from __future__ import annotations

import errno
import io
import subprocess
import sys
from pathlib import Path

import pytest
from play_helpers import conversation_setup

from game.cli import main
from game.engine import Continue, PlaceEstimate
from game.store import ENV_DATA_DIR
from game.table import Table

ROOT = Path(__file__).resolve().parents[1]
LONG = "x" * 5000


@pytest.fixture
def data(tmp_path, deck, monkeypatch) -> Path:
    """A data folder with one saved summary, which is also the usual data folder ($WERKALLIANTIE_DATA_DIR)."""
    root = tmp_path / "data"
    table = Table.start(deck, conversation_setup(features=["binding"], pair_code="AB12"), root)
    for action in [Continue(), PlaceEstimate(player="p1", value=4), PlaceEstimate(player="p2", value=2),
                   *[Continue()] * 4]:
        table.do(action)
    assert table.saved_to is not None
    monkeypatch.setenv(ENV_DATA_DIR, str(root))
    return root


def summary_of(data: Path) -> Path:
    return next((data / "sessions").glob("*.json"))


def test_print_refuses_to_write_inside_the_data_folder(data, capsys):
    summary = summary_of(data)
    before = summary.read_bytes()
    assert main(["print", "--out", str(summary)]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "inside the data folder" in err
    assert summary.read_bytes() == before, "a saved summary is never replaced by a PDF"
    assert main(["print", "--out", str(data / "x.pdf"), "--png", "/tmp/never-made-i13"]) == 2
    assert main(["print", "--out", str(data.parent / "cards.pdf"), "--png", str(data / "png")]) == 2
    assert not (data / "png").exists() and not (data / "x.pdf").exists()


def test_report_refuses_to_write_inside_the_data_folder(data, tmp_path, capsys, monkeypatch):
    summary = summary_of(data)
    assert main(["report", str(summary), "--out", str(data / "sessions" / "page.pdf")]) == 2
    assert "inside the data folder" in capsys.readouterr().err
    monkeypatch.chdir(data)  # the default name lands in the current folder: here that is the data folder
    assert main(["report", str(summary)]) == 2
    monkeypatch.delenv(ENV_DATA_DIR)  # the data folder the summary lies in counts too
    monkeypatch.chdir(tmp_path)
    assert main(["report", str(summary), "--out", str(data / "page.pdf"), "--data-dir", str(tmp_path / "o")]) == 2
    assert sorted(p.name for p in data.iterdir()) == ["in-progress", "sessions"]


class ClosedPipe(io.StringIO):
    def write(self, text: str) -> int:
        raise BrokenPipeError(errno.EPIPE, "Broken pipe")


def test_a_reader_that_stops_early_ends_without_a_traceback(data, monkeypatch, capsys):
    """`history | head -1`: the pipe closes after one line."""
    monkeypatch.setattr(sys, "stdout", ClosedPipe())
    assert main(["history", "AB12"]) == 0
    monkeypatch.undo()
    assert capsys.readouterr().err == ""


def test_output_to_a_full_device_is_one_line_and_exit_1(data, tmp_path):
    with open("/dev/full", "w") as full:
        done = subprocess.run([sys.executable, "main.py", "history", "AB12", "--data-dir", str(data)], cwd=ROOT,
                              stdout=full, stderr=subprocess.PIPE, text=True, timeout=60)
    assert done.returncode == 1
    assert done.stderr == "main.py: cannot write the output: No space left on device\n"


@pytest.mark.parametrize("command", ["print", "play"])
def test_a_deck_folder_that_is_not_there_is_a_bad_argument(command, capsys):
    with pytest.raises(SystemExit) as info:
        main([command, "--deck", "/nonexistent"])
    assert info.value.code == 2
    assert capsys.readouterr().err == "--deck /nonexistent: no such folder\n"


def test_check_deck_of_a_folder_that_is_not_there_is_a_bad_argument(capsys):
    with pytest.raises(SystemExit) as info:
        main(["check-deck", "/nonexistent"])
    assert info.value.code == 2
    assert capsys.readouterr().err == "/nonexistent: no such folder\n"


@pytest.mark.parametrize("argv", [
    ["print", "--paper", LONG],
    ["play", "--lang", LONG],
    ["play", "--size", LONG],
    ["forget", LONG],
    ["report", f"/tmp/{LONG}.json"],
    ["print", "--deck", f"/tmp/{LONG}"],
    ["history", "--lang", LONG],
])
def test_a_very_long_argument_is_never_echoed_in_full(argv, capsys):
    try:
        code = main(argv)
    except SystemExit as exc:  # argparse's own errors, and a deck that is not there
        code = exc.code
    assert code in (1, 2)
    err = capsys.readouterr().err
    last = err.strip().splitlines()[-1]
    assert len(last) < 400 and "…" in last, last
    assert "Traceback" not in err
