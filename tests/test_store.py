"""Where files live and how they are written: atomic, never overwritten, one clear line for a bad file."""

from __future__ import annotations

import json
import os
import signal
from pathlib import Path

import pytest
from play_helpers import T1, conversation_setup, play

from game.engine import build_summary
from game.model import SessionSummary
from game.store import (
    ENV_DATA_DIR,
    SESSIONS,
    StoreError,
    atomic_write,
    data_dir,
    list_summaries,
    load_summary,
    one_line,
    save_summary,
    set_aside,
)


@pytest.fixture
def summary(deck) -> SessionSummary:
    return build_summary(play(deck, conversation_setup(pair_code="AB12")), deck, T1)


@pytest.fixture(autouse=True)
def no_hang():
    """A pipe or a device must give an error at once, never block: fail the test after 10 s instead of hanging."""
    def stop(signum, frame):
        raise TimeoutError("blocked reading a file")

    old = signal.signal(signal.SIGALRM, stop)
    signal.alarm(10)
    yield
    signal.alarm(0)
    signal.signal(signal.SIGALRM, old)


def test_the_data_dir_is_the_option_else_the_environment_else_the_user_data_folder(tmp_path, monkeypatch):
    monkeypatch.setenv(ENV_DATA_DIR, str(tmp_path / "env"))
    assert data_dir(tmp_path / "opt") == tmp_path / "opt"
    assert data_dir() == tmp_path / "env"
    monkeypatch.delenv(ENV_DATA_DIR)
    assert data_dir().name == "werkalliantie"


def test_a_saved_summary_loads_back_the_same(tmp_path, summary):
    path = save_summary(summary, tmp_path)
    assert path.parent == tmp_path / SESSIONS
    assert load_summary(path) == summary


def test_a_summary_is_never_overwritten(tmp_path, summary):
    first = save_summary(summary, tmp_path)
    before = first.read_bytes()
    second = save_summary(summary.model_copy(update={"pair_code": "ZZ99"}), tmp_path)
    assert second != first and first.read_bytes() == before
    assert load_summary(second).pair_code == "ZZ99"


def test_atomic_write_with_replace_false_refuses_an_existing_file(tmp_path):
    path = tmp_path / "a.json"
    path.write_text("old")
    with pytest.raises(StoreError, match="already exists"):
        atomic_write(path, b"new", replace=False)
    assert path.read_text() == "old"
    assert list(tmp_path.iterdir()) == [path], "no temporary file left behind"


def test_a_failed_write_leaves_the_old_file_and_no_temporary_file(tmp_path, monkeypatch):
    path = tmp_path / "a.json"
    atomic_write(path, b"old")

    def full_disk(fd):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "fsync", full_disk)
    with pytest.raises(StoreError, match="No space left") as info:  # never a plain OSError
        atomic_write(path, b"new")
    assert info.value.errno == 28
    assert path.read_bytes() == b"old"
    assert list(tmp_path.iterdir()) == [path]


def _bad(tmp_path: Path, name: str, data: bytes | str) -> Path:
    path = tmp_path / name
    path.write_bytes(data.encode() if isinstance(data, str) else data)
    return path


def _one_line_error(path: Path) -> str:
    with pytest.raises(StoreError) as info:
        load_summary(path)
    text = str(info.value)
    assert "\n" not in text and text.startswith(f"{path}: ")
    return text


def test_bad_summary_files_give_one_line_naming_the_file(tmp_path, summary):
    good = json.loads(summary.model_dump_json())
    cases = {
        "missing.json": None,
        "empty.json": "",
        "cut.json": summary.model_dump_json()[:100],
        "latin1.json": "\xe9t\xe9".encode("latin-1"),
        "list.json": "[]",
        "digits.json": '{"schema_version": ' + "7" * 5000 + "}",
        "deep.json": "[" * 50_000 + "]" * 50_000,
        "newer.json": json.dumps({**good, "schema_version": 99}),
        "noversion.json": json.dumps({k: v for k, v in good.items() if k != "schema_version"}),
        "badvalue.json": json.dumps({**good, "mode": "boxing"}),
        "newline-key.json": json.dumps({**good, "a\nb\rc": 1}),
        "times.json": json.dumps({**good, "ended_at": "2000-01-01T00:00:00+00:00"}),
    }
    expected = {
        "missing.json": "no such file", "empty.json": "damaged JSON", "cut.json": "damaged JSON",
        "latin1.json": "not UTF-8", "list.json": "expected a JSON object", "digits.json": "damaged JSON",
        "deep.json": "damaged JSON", "newer.json": "newer than this program",
        "noversion.json": "schema_version: missing", "badvalue.json": "mode:",
        "newline-key.json": "a\\nb\\rc", "times.json": "ended_at is before started_at",
    }
    for name, data in cases.items():
        path = tmp_path / name if data is None else _bad(tmp_path, name, data)
        assert expected[name] in _one_line_error(path), name


def test_odd_files_give_one_line_at_once(tmp_path):
    folder = tmp_path / "folder.json"
    folder.mkdir()
    assert "is a folder" in _one_line_error(folder)
    fifo = tmp_path / "pipe.json"
    os.mkfifo(fifo)
    assert "not a regular file" in _one_line_error(fifo)
    zero = tmp_path / "zero.json"
    os.symlink("/dev/zero", zero)
    assert "not a regular file" in _one_line_error(zero)
    loop = tmp_path / "loop.json"
    os.symlink("loop.json", loop)
    assert "cannot be read" in _one_line_error(loop)
    big = _bad(tmp_path, "big.json", b" " * 5_000_001)
    assert "larger than" in _one_line_error(big)


def test_unreadable_summaries_are_listed_and_left_exactly_as_they_were(tmp_path, summary):
    save_summary(summary, tmp_path)
    folder = tmp_path / SESSIONS
    bad = _bad(folder, "20260101-000000-deadbeef.json", '{"schema_version": 2, "rounds": "')
    (folder / "zz.json").mkdir()
    before = sorted(p.name for p in folder.iterdir())
    good, problems = list_summaries(tmp_path)
    assert [s for _, s in good] == [summary]
    assert len(problems) == 2 and all("\n" not in line for line in problems)
    assert problems[0].startswith(str(bad)) and problems[1].startswith(str(folder / "zz.json"))
    assert sorted(p.name for p in folder.iterdir()) == before, "summaries are never moved or deleted"
    assert bad.read_text() == '{"schema_version": 2, "rounds": "'


def test_summaries_come_oldest_first(tmp_path, summary):
    later = summary.model_copy(update={"started_at": summary.started_at.replace(year=2027),
                                       "ended_at": summary.ended_at.replace(year=2027)})
    save_summary(later, tmp_path)
    save_summary(summary, tmp_path)
    assert [s.started_at.year for _, s in list_summaries(tmp_path)[0]] == [2026, 2027]


def test_a_version_1_summary_is_lifted_to_the_current_version(tmp_path, summary):
    raw = json.loads(summary.model_dump_json())
    raw["schema_version"] = 1
    raw.pop("agreements", None)
    raw["rounds"][0]["notes"] = ["Afspraak: bellen"]
    loaded = load_summary(_bad(tmp_path, "v1.json", json.dumps(raw)))
    assert [a.text for a in loaded.agreements] == ["Afspraak: bellen"]


def test_set_aside_never_overwrites(tmp_path):
    names = []
    for i in range(3):
        path = _bad(tmp_path, "x.json", f"copy {i}")
        names.append(set_aside(path).name)
        assert not path.exists()
    assert names == ["x.json.damaged", "x.json.damaged-2", "x.json.damaged-3"]
    assert [(tmp_path / n).read_text() for n in names] == ["copy 0", "copy 1", "copy 2"]


def test_one_line_escapes_control_characters_and_caps_the_length():
    assert one_line("a\nb\tc\x00") == "a\\nb\\tc\\x00"
    assert len(one_line("x" * 10_000)) == 300
    assert one_line("héllo 🙂 ‘ok’") == "héllo 🙂 ‘ok’"
