"""`python main.py forget PAIRCODE`: every file of that pair goes after a yes, nothing of anyone else ever."""

from __future__ import annotations

import io
import json
import subprocess
import sys
from pathlib import Path

import pytest
from play_helpers import conversation_setup

from game.cli import main
from game.engine import Continue, EndSession, PlaceEstimate
from game.store import SESSIONS, clear_progress, list_summaries, progress_path
from game.table import Table

ROOT = Path(__file__).resolve().parent.parent


def finished(deck, root: Path, pair: str | None, seed: int) -> Path:
    table = Table.start(deck, conversation_setup(pair_code=pair, seed=seed), root)
    for action in [Continue(), PlaceEstimate(player="p1", value=2), PlaceEstimate(player="p2", value=4),
                   EndSession()]:
        assert table.do(action)
    return table.saved_to


def in_progress(deck, root: Path, pair: str | None, seed: int, keep: bool = False) -> bytes:
    """The autosave of a session one round in; kept on disk (as a crash leaves it) or only returned."""
    table = Table.start(deck, conversation_setup(pair_code=pair, seed=seed), root)
    assert table.do(Continue())
    data = table.slot.path.read_bytes()
    if not keep:
        clear_progress(root, table.slot.n)
    table.release()
    return data


OWNERS: dict[str, str | None] = {}  # file (relative to the data dir) -> the pair it belongs to


@pytest.fixture
def data(tmp_path, deck) -> Path:
    """Files of pairs AB12, CD34 and ab12 (another pair: codes are case-sensitive), one without a pair, one junk."""
    root = tmp_path / "data"
    OWNERS.clear()
    for seed, pair in enumerate(["AB12", "CD34", "AB12", "ab12", None]):
        OWNERS[str(finished(deck, root, pair, seed).relative_to(root))] = pair
    folder = progress_path(root).parent
    (folder / "session.json.damaged").write_bytes(in_progress(deck, root, "CD34", 20))
    (folder / "session.json.damaged-2").write_bytes(in_progress(deck, root, "AB12", 21)[:400])  # cut off
    damaged = json.loads(in_progress(deck, root, "AB12", 22))
    damaged["phase"] = "lunch"  # invalid, but it still says whose it is
    (folder / "session.json.damaged-3").write_text(json.dumps(damaged))
    (folder / ".session.json.x1y2.tmp").write_bytes(in_progress(deck, root, "AB12", 23))  # left by a crash
    in_progress(deck, root, "AB12", 24, keep=True)  # the autosave itself
    (root / SESSIONS / "junk.json").write_bytes(b"\x00\xffnot json")
    OWNERS.update({
        "in-progress/session.json.damaged": "CD34", "in-progress/session.json.damaged-2": "AB12",
        "in-progress/session.json.damaged-3": "AB12", "in-progress/.session.json.x1y2.tmp": "AB12",
        "in-progress/session.json": "AB12", "sessions/junk.json": None,
    })
    assert set(OWNERS) == set(snapshot(root))
    return root


def snapshot(root: Path) -> dict[str, bytes]:
    return {str(p.relative_to(root)): p.read_bytes() for p in sorted(root.rglob("*")) if p.is_file()}


def files_of(pair: str | None) -> set[str]:
    return {name for name, owner in OWNERS.items() if owner == pair}


def run(monkeypatch, capsys, answer: str | None, *args: str) -> tuple[int, str, str]:
    if answer is None:
        class NoInput(io.StringIO):
            def readline(self, *a):
                raise AssertionError("asked for a confirmation")
        monkeypatch.setattr(sys, "stdin", NoInput())
    else:
        monkeypatch.setattr(sys, "stdin", io.StringIO(answer))
    code = main(["forget", *args])
    out, err = capsys.readouterr()
    return code, out, err


@pytest.mark.parametrize("answer", ["no\n", "nee\n", "\n", "", "yes please\n"])
def test_a_declined_confirmation_removes_nothing(data, monkeypatch, capsys, answer):
    before = snapshot(data)
    code, out, err = run(monkeypatch, capsys, answer, "AB12", "--data-dir", str(data))
    assert code == 1
    assert snapshot(data) == before
    assert "Remove them?" in out and out.rstrip().endswith("Nothing removed.")


def test_the_list_shows_exactly_the_files_of_that_pair(data, monkeypatch, capsys):
    code, out, err = run(monkeypatch, capsys, "no\n", "AB12", "--data-dir", str(data))
    listed = {line.split()[0] for line in out.splitlines() if line.startswith("  ")}
    assert listed == files_of("AB12") and len(listed) == 6
    assert "To be removed from" in out and "(6 files of pair 'AB12')" in out
    assert "junk.json" in err and "not checked" in err


@pytest.mark.parametrize("answer", ["yes\n", "y\n", "ja\n", " J \n"])
def test_an_accepted_confirmation_removes_every_file_of_that_pair_and_nothing_else(
    data, monkeypatch, capsys, deck, answer
):
    before = snapshot(data)
    code, out, err = run(monkeypatch, capsys, answer, "AB12", "--data-dir", str(data))
    assert code == 0
    after = snapshot(data)
    assert after == {n: c for n, c in before.items() if n not in files_of("AB12")}, "the rest is kept byte for byte"
    assert "Removed 6 files of pair 'AB12' (2 finished sessions, 4 sessions in progress)." in out
    assert sorted(s.pair_code or "-" for _, s in list_summaries(data)[0]) == ["-", "CD34", "ab12"]
    assert Table.resume(deck, data) is None, "the pair's session in progress is gone"


def test_yes_removes_without_asking(data, monkeypatch, capsys):
    code, out, err = run(monkeypatch, capsys, None, "CD34", "--data-dir", str(data), "--yes")
    assert code == 0
    assert "Removed 2 files of pair 'CD34' (1 finished session, 1 session in progress)." in out
    assert set(snapshot(data)) == set(OWNERS) - files_of("CD34")
    assert progress_path(data).exists(), "the autosave of AB12 is not touched"


def test_an_unknown_pair_gives_one_line_and_exit_1(data, monkeypatch, capsys):
    before = snapshot(data)
    code, out, err = run(monkeypatch, capsys, None, "ZZ99", "--data-dir", str(data))
    assert code == 1 and out == ""
    assert err.count("\n") == 1
    assert err.startswith(f"no files of pair 'ZZ99' in {data}") and "1 file could not be read" in err
    assert snapshot(data) == before


def test_codes_are_case_sensitive_with_a_hint(data, monkeypatch, capsys):
    code, out, err = run(monkeypatch, capsys, None, "Ab12", "--data-dir", str(data))
    assert code == 1 and err.count("\n") == 1
    assert "there are files of pair AB12, ab12" in err


def test_a_data_dir_that_does_not_exist_is_not_created(tmp_path, monkeypatch, capsys):
    code, out, err = run(monkeypatch, capsys, None, "AB12", "--data-dir", str(tmp_path / "none"))
    assert code == 1 and err.count("\n") == 1
    assert not (tmp_path / "none").exists()


@pytest.mark.parametrize("bad", ["a b", "", "x" * 33, "../AB12", "AB12;rm"])
def test_something_that_is_not_a_pair_code_is_a_usage_error(data, monkeypatch, capsys, bad):
    code, out, err = run(monkeypatch, capsys, None, bad, "--data-dir", str(data))
    assert code == 2 and err.count("\n") == 1 and "is not a pair code" in err


def test_forget_from_the_command_line_in_dutch(data):
    result = subprocess.run(
        [sys.executable, "main.py", "forget", "AB12", "--data-dir", str(data), "--lang", "nl"],
        cwd=ROOT, input="ja\n", capture_output=True, text=True, timeout=60,
    )
    assert result.returncode == 0, result.stderr
    assert "Verwijderen? Typ ja om te verwijderen" in result.stdout
    assert "Verwijderd: 6 bestanden van koppel 'AB12' (2 afgeronde sessies, 4 open sessies)." in result.stdout
    assert "Traceback" not in result.stderr
    assert set(snapshot(data)) == set(OWNERS) - files_of("AB12")


def test_help_names_the_command():
    result = subprocess.run([sys.executable, "main.py", "forget", "--help"], cwd=ROOT, capture_output=True,
                            text=True, timeout=60)
    assert result.returncode == 0 and "PAIRCODE" in result.stdout and "--yes" in result.stdout
