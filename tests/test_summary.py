"""The session summary: saved atomically and privately, loaded back exactly, damaged files named."""

from __future__ import annotations

import json
import os
import stat
import subprocess
import sys
from pathlib import Path

import pytest
from play_helpers import T1, conversation_setup, play

from game.engine import AddNote, Continue, PlaceEstimate, build_summary
from game.model import SCHEMA_VERSION, SessionSummary
from game.store import (
    ENV_DATA_DIR,
    SESSIONS,
    StoreError,
    data_dir,
    list_summaries,
    load_summary,
    save_summary,
)
from game.table import Table

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture
def summary(deck) -> SessionSummary:
    state = play(deck, conversation_setup(seed=5), value=lambda r, p: {"p1": 2, "p2": 5}[p])
    return build_summary(state, deck, T1)


def test_the_summary_holds_what_the_issue_names(summary):
    data = json.loads(summary.model_dump_json())
    for key in ("schema_version", "session_id", "started_at", "ended_at", "mode", "language", "deck", "players",
                "rounds", "signals"):
        assert key in data
    assert data["schema_version"] == SCHEMA_VERSION
    assert data["started_at"].endswith("+00:00") or data["started_at"].endswith("Z")
    rnd = data["rounds"][0]
    for key in ("feature", "cards", "estimates", "spread", "highlighted", "starters", "notes"):
        assert key in rnd
    assert rnd["estimates"][0].keys() >= {"player", "value"}
    assert {c["kind"] for c in rnd["cards"]} == {"question", "reflection"}
    assert data["players"][0] == {"id": "p1", "name": "Sam", "role": "client"}


def test_the_summary_names_the_program_version_and_older_files_without_it_still_load(summary, tmp_path):
    from game import __version__

    assert summary.app_version == __version__
    path = save_summary(summary, tmp_path)
    assert json.loads(path.read_text(encoding="utf-8"))["app_version"] == __version__
    older = json.loads(summary.model_dump_json(exclude={"app_version"}))
    (tmp_path / "older.json").write_text(json.dumps(older), encoding="utf-8")
    assert load_summary(tmp_path / "older.json").app_version is None


def test_round_trip_through_a_file(summary, tmp_path):
    path = save_summary(summary, tmp_path)
    assert path.parent == tmp_path / SESSIONS
    assert load_summary(path) == summary


def test_files_are_private(summary, tmp_path):
    path = save_summary(summary, tmp_path / "data")
    assert stat.S_IMODE(os.stat(path).st_mode) == 0o600
    assert stat.S_IMODE(os.stat(path.parent).st_mode) == 0o700
    assert stat.S_IMODE(os.stat(tmp_path / "data").st_mode) == 0o700


def test_saving_leaves_no_temporary_files_and_never_overwrites(summary, tmp_path):
    first = save_summary(summary, tmp_path)
    before = first.read_bytes()
    second = save_summary(summary, tmp_path)
    assert first != second and first.read_bytes() == before
    assert sorted(p.name for p in (tmp_path / SESSIONS).iterdir()) == sorted([first.name, second.name])


@pytest.mark.parametrize(
    ("content", "expected"),
    [
        ("{not json", "damaged JSON"),
        ("[]", "not a session summary"),
        ('{"schema_version": 1}', "session_id"),
        ('{"schema_version": 99}', "newer than this program"),
        ("", "damaged JSON"),
    ],
)
def test_a_damaged_summary_gives_one_line_naming_the_file(tmp_path, content, expected):
    path = tmp_path / "kapot.json"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(StoreError) as info:
        load_summary(path)
    message = str(info.value)
    assert message.startswith(str(path)) and expected in message and "\n" not in message
    assert path.read_text(encoding="utf-8") == content, "a damaged file is never changed"


def test_list_summaries_skips_damaged_files_and_names_them(summary, tmp_path):
    good = save_summary(summary, tmp_path)
    bad = tmp_path / SESSIONS / "oud.json"
    bad.write_text("{", encoding="utf-8")
    found, unreadable = list_summaries(tmp_path)
    assert [p for p, _ in found] == [good]
    assert len(unreadable) == 1 and unreadable[0].startswith(str(bad))
    assert bad.exists()


def test_data_dir_order_flag_then_environment_then_platform(monkeypatch, tmp_path):
    monkeypatch.setenv(ENV_DATA_DIR, str(tmp_path / "env"))
    assert data_dir(tmp_path / "flag") == tmp_path / "flag"
    assert data_dir(None) == tmp_path / "env"
    monkeypatch.delenv(ENV_DATA_DIR)
    assert "werkalliantie" in str(data_dir(None)).lower()


def test_a_session_in_progress_is_never_in_sessions(deck, tmp_path):
    table = Table.start(deck, conversation_setup(features=["binding"]), tmp_path)
    table.do(Continue())
    table.do(PlaceEstimate(player="p1", value=4))
    assert not list((tmp_path / SESSIONS).glob("*.json")) if (tmp_path / SESSIONS).exists() else True
    assert (tmp_path / "in-progress" / "session.json").exists()
    table.do(PlaceEstimate(player="p2", value=1))
    for _ in range(3):
        table.do(Continue())
    table.do(AddNote(text="Samen het plan lezen"))
    table.do(Continue())
    assert table.saved_to is not None and table.saved_to.parent == tmp_path / SESSIONS
    assert not (tmp_path / "in-progress" / "session.json").exists()
    saved = load_summary(table.saved_to)
    assert [(e.player, e.value) for e in saved.rounds[0].estimates] == [("p1", 4), ("p2", 1)]
    assert saved.rounds[0].notes == ["Samen het plan lezen"]


def test_schema_command_prints_the_json_schema():
    result = subprocess.run([sys.executable, "main.py", "schema"], cwd=ROOT, capture_output=True, text=True,
                            timeout=60)
    assert result.returncode == 0
    schema = json.loads(result.stdout)
    assert schema["title"] == "SessionSummary"
    assert {"session_id", "rounds", "signals", "started_at"} <= set(schema["properties"])
