"""Fuzzing the loaders: any deck folder, summary or autosave either loads or gives one-line errors naming the file.

Inputs start from the real files (cards/, summaries and autosaves made by the engine) and are mutated: odd
Unicode, huge strings and numbers, deep nesting, wrong types, missing and extra keys, random bytes.
What loads must also draw, within a time bound: every card of a deck by the window's renderer and into a PDF,
every summary through `report` and `history`.
"""

from __future__ import annotations

import json
import math
import os
import re
import shutil
import tempfile
import tomllib
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from draw_helpers import draw_deck, report_and_history, within
from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st
from hypothesis.errors import InvalidArgument
from play_helpers import T0, T1, conversation_setup, play, team_setup

from game.decks import DEFAULT_DECK, DeckError, load_deck
from game.engine import AddNote, Continue, EndSession, Phase, PlaceEstimate, apply, build_summary, new_session
from game.model import Deck, Player, Role, SessionSummary, Setup
from game.model.session import clean_text
from game.store import (
    DamagedProgress,
    StoreError,
    list_summaries,
    load_summary,
    progress_path,
    save_summary,
)
from game.table import Table

FUZZ = settings(
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large, HealthCheck.large_base_example],
)
DECK_FILES = sorted(p.name for p in DEFAULT_DECK.glob("*.toml"))
ORIGINAL = {name: (DEFAULT_DECK / name).read_text(encoding="utf-8") for name in DECK_FILES}
DECK = load_deck()  # not the fixture: a failing example should not print the whole deck
DRAW_BOUND = 15.0  # seconds to draw what one example changed, or to run `report` and `history` on a summary:
# a hang guard for a busy machine (drawing a changed card takes well under a second; a freeze took minutes)
_DRAWN: set = set()


def drawn_before():
    """The drawings of the default deck, drawn once (window renderer and PDF): a fuzzed deck draws what differs."""
    if not _DRAWN:
        with within(4 * DRAW_BOUND, "drawing the default deck"):
            draw_deck(DECK, _DRAWN)
    return _DRAWN


# --- building odd documents ------------------------------------------------------------------------------


@dataclass(frozen=True)
class Raw:
    """Text put into the file as it is: nesting too deep or numbers too long to build as Python objects."""

    json: str
    toml: str


def deep(depth: int, table: bool) -> Raw:
    if table:
        return Raw('{"a": ' * depth + "1" + "}" * depth, "{a = " * depth + "1" + "}" * depth)
    return Raw("[" * depth + "]" * depth, "[" * depth + "]" * depth)


ODD = [
    "", " ", "\u202eomgekeerd\u202c", "\ufeffbom", "nul\x00byte", "regel\nregel\r\n", "e\u0301\u0301\u0301",
    "🙂" * 5, "𝔘𝔫𝔦𝔠𝔬𝔡𝔢", "\U0010ffff", "İß", "\u200b", "\t", "#009E73", "vertrouwen", "question", "client_higher",
    "<b>&amp;</b>", "'\"\\", "null", "1e999",
]
odd_text = st.one_of(st.sampled_from(ODD), st.text(max_size=30))
huge_text = st.integers(1_000, 600_000).map(lambda n: "ä" * n)  # up to 1.2 MB, over the 1 MB limit
scalars = st.one_of(
    odd_text, odd_text, huge_text,
    st.integers(-(2**70), 2**70), st.sampled_from([0, -1, 5, 6, 2**63, -(2**63) - 1]),
    st.floats(allow_nan=True, allow_infinity=True), st.booleans(),
    st.integers(4300, 6000).map(lambda n: Raw("9" * n, "9" * n)),  # more digits than Python converts
    st.builds(deep, st.integers(1, 4000), st.booleans()),
)
values = st.recursive(
    scalars, lambda inner: st.one_of(st.lists(inner, max_size=4), st.dictionaries(odd_text, inner, max_size=4)),
    max_leaves=8,
)


def same_type(node: Any) -> st.SearchStrategy:
    if isinstance(node, bool):
        return st.booleans()
    if isinstance(node, int):
        return st.integers(-1, 6)
    if isinstance(node, float):
        return st.floats()
    if isinstance(node, str):
        return odd_text
    if isinstance(node, list):
        return st.permutations(node).map(list)
    return st.just(node)


def paths(node: Any, prefix: tuple = ()) -> list[tuple]:
    found = [prefix]
    if isinstance(node, dict):
        for key, value in node.items():
            found += paths(value, (*prefix, key))
    elif isinstance(node, list):
        for i, value in enumerate(node):
            found += paths(value, (*prefix, i))
    return found


def mutate(doc: dict, data) -> None:
    """One change somewhere in the tree: replace, delete, add a key or item, duplicate an item, wrap in a list."""
    path = data.draw(st.sampled_from(paths(doc)), label="path")
    op = data.draw(st.sampled_from(["same type"] * 4 + ["replace", "delete", "add", "duplicate", "wrap"]), label="op")
    if not path:  # the top: only additions
        doc[data.draw(odd_text, label="key")] = data.draw(values, label="value")
        return
    parent = doc
    for step in path[:-1]:
        parent = parent[step]
    last = path[-1]
    node = parent[last]
    if op == "same type":  # often still valid: then the odd value must come through loading and playing
        parent[last] = data.draw(same_type(node), label="value")
    elif op == "replace":
        parent[last] = data.draw(values, label="value")
    elif op == "delete":
        del parent[last]
    elif op == "add" and isinstance(node, dict):
        node[data.draw(odd_text, label="key")] = data.draw(values, label="value")
    elif op == "add" and isinstance(node, list):
        node.insert(data.draw(st.integers(0, len(node))), data.draw(values, label="value"))
    elif op == "duplicate" and isinstance(parent, list):
        parent.insert(last, json.loads(json.dumps(node, default=str)))
    else:
        parent[last] = [node]


TOML_ESCAPES = {ord('"'): '\\"', ord("\\"): "\\\\", **{c: f"\\u{c:04x}" for c in [*range(0x20), 0x7F]}}


def toml_str(text: str) -> str:
    return '"' + text.translate(TOML_ESCAPES) + '"'


def to_toml_value(value: Any) -> str:
    if isinstance(value, Raw):
        return value.toml
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int):
        return str(value)
    if isinstance(value, float):
        if math.isnan(value):
            return "nan"
        return ("inf" if value > 0 else "-inf") if math.isinf(value) else repr(value)
    if isinstance(value, str):
        return toml_str(value)
    if isinstance(value, list):
        return "[" + ", ".join(to_toml_value(v) for v in value) + "]"
    if isinstance(value, dict):
        return "{" + ", ".join(f"{toml_str(k)} = {to_toml_value(v)}" for k, v in value.items()) + "}"
    raise TypeError(type(value))


def to_toml(doc: dict) -> str:
    """Every key at the top, every table inline: plain but valid TOML for any tree of TOML values."""
    return "\n".join(f"{toml_str(k)} = {to_toml_value(v)}" for k, v in doc.items()) + "\n"


def to_json(value: Any) -> str:
    if isinstance(value, Raw):
        return value.json
    if isinstance(value, dict):
        return "{" + ", ".join(f"{json.dumps(k, ensure_ascii=False)}: {to_json(v)}" for k, v in value.items()) + "}"
    if isinstance(value, list):
        return "[" + ", ".join(to_json(v) for v in value) + "]"
    return json.dumps(value, ensure_ascii=False)


def mutate_bytes(data, original: bytes) -> bytes:
    """Random damage to a file: cut, insert random or odd bytes, delete or duplicate a stretch."""
    content = bytearray(original)
    for _ in range(data.draw(st.integers(1, 4), label="edits")):
        at = data.draw(st.integers(0, len(content)), label="at")
        op = data.draw(st.sampled_from(["cut", "insert", "odd", "delete", "duplicate"]), label="byte op")
        if op == "cut":
            del content[at:]
        elif op == "insert":
            content[at:at] = data.draw(st.binary(min_size=1, max_size=40), label="bytes")
        elif op == "odd":
            content[at:at] = data.draw(st.sampled_from(ODD), label="odd").encode("utf-8")
        elif op == "delete":
            del content[at:at + data.draw(st.integers(1, 200))]
        else:
            content[at:at] = content[at:at + data.draw(st.integers(1, 500))]
    return bytes(content)


# --- decks -----------------------------------------------------------------------------------------------

FILE_LINE = re.compile(r"^(?P<file>[^:]+?\.toml|[^:]+): \S")


def outcome(what: str) -> None:
    """Counted in `pytest --hypothesis-show-statistics`, so one can see both paths are travelled."""
    try:
        event(what)
    except InvalidArgument:  # called from a plain (not hypothesis) test
        pass


def check_deck(folder: Path) -> Deck | None:
    """Loads, or DeckError whose every line is one line naming a file in the folder. A loaded deck is playable."""
    try:
        deck = load_deck(folder)
    except DeckError as exc:
        outcome("deck refused with one-line problems")
        assert exc.problems
        for line in exc.problems:
            assert "\n" not in line and "\r" not in line, line
            assert line.startswith(f"{folder}/") or line.startswith(f"{folder}: "), line
            assert len(line) <= 300 + len(str(folder)) + 100
        return None
    outcome("deck loads, plays and draws")
    state = new_session(conversation_setup(quick=True), deck, T0)
    while state.phase != Phase.DONE:
        waiting = state.waiting_for()
        state = apply(state, PlaceEstimate(player=waiting[0], value=3) if waiting else Continue(), deck)
    build_summary(state, deck, T1)
    known = drawn_before()
    with within(DRAW_BOUND, f"drawing the cards of {folder}"):
        if draw_deck(deck, known):
            outcome("a changed card was drawn")
    return deck


def deck_copy(tmp: str) -> Path:
    folder = Path(tmp) / "deck"
    shutil.copytree(DEFAULT_DECK, folder)
    return folder


@pytest.fixture(scope="module")
def one_deck(tmp_path_factory) -> Path:
    """A copy of cards/ whose files the fuzz tests change one at a time (and put back)."""
    return deck_copy(str(tmp_path_factory.mktemp("fuzz")))


def check_changed_file(folder: Path, name: str, content: bytes) -> None:
    path = folder / name
    path.write_bytes(content)
    try:
        check_deck(folder)
    finally:
        path.write_text(ORIGINAL[name], encoding="utf-8")


def test_the_toml_writer_keeps_the_real_deck_as_it_is(tmp_path):
    folder = deck_copy(str(tmp_path))
    for name in DECK_FILES:
        (folder / name).write_text(to_toml(tomllib.loads(ORIGINAL[name])), encoding="utf-8")
    assert load_deck(folder) == load_deck(DEFAULT_DECK)


@settings(FUZZ, max_examples=100)
@given(data=st.data(), name=st.sampled_from(DECK_FILES))
def test_a_deck_with_changed_keys_values_and_types_loads_or_gives_one_line_per_problem(one_deck, data, name):
    doc = tomllib.loads(ORIGINAL[name])
    for _ in range(data.draw(st.integers(1, 3), label="changes")):
        mutate(doc, data)
    check_changed_file(one_deck, name, to_toml(doc).encode("utf-8"))


@settings(FUZZ, max_examples=100)
@given(data=st.data(), name=st.sampled_from(DECK_FILES))
def test_a_deck_file_with_damaged_bytes_loads_or_gives_one_line_per_problem(one_deck, data, name):
    check_changed_file(one_deck, name, mutate_bytes(data, ORIGINAL[name].encode("utf-8")))


@settings(FUZZ, max_examples=40)
@given(text=st.text(min_size=1, max_size=60), name=st.sampled_from(DECK_FILES))
def test_odd_unicode_in_a_card_text_still_loads_or_is_named(one_deck, text, name):
    doc = tomllib.loads(ORIGINAL[name])
    target = (doc["card"][0]["client"] if "card" in doc else doc["name"] if "name" in doc
              else doc["saved"] if "saved" in doc else doc["case"][0]["text"])  # consent.toml: what is saved
    target["nl"] = text
    path = one_deck / name
    path.write_text(to_toml(doc), encoding="utf-8")
    try:
        deck = check_deck(one_deck)
    finally:
        path.write_text(ORIGINAL[name], encoding="utf-8")
    if deck is not None and "card" in doc:
        assert deck.card(doc["card"][0]["id"]).client["nl"].strip() == text.strip()


def _make_odd(path: Path, kind: str) -> None:
    if path.exists():
        path.unlink()
    if kind == "folder":
        path.mkdir()
    elif kind == "pipe":
        os.mkfifo(path)
    elif kind == "symlink loop":
        os.symlink(path.name, path)
    elif kind == "endless device":
        os.symlink("/dev/zero", path)
    elif kind == "dangling symlink":
        os.symlink("nowhere.toml", path)
    elif kind == "empty":
        path.write_bytes(b"")
    elif kind == "too big":
        path.write_bytes(b"# " + b"x" * 1_000_000 + b"\n")
    elif kind == "binary":
        path.write_bytes(bytes(range(256)) * 20)
    elif kind == "utf-16":
        path.write_text(ORIGINAL.get(path.name, 'id = "x"'), encoding="utf-16")


ODD_KINDS = ["folder", "pipe", "symlink loop", "endless device", "dangling symlink", "empty", "too big", "binary",
             "utf-16", "missing"]


@pytest.mark.parametrize("kind", ODD_KINDS)
@pytest.mark.parametrize("name", DECK_FILES)
def test_an_odd_file_in_a_deck_folder_gives_one_line_never_a_traceback_or_a_hang(tmp_path, name, kind):
    folder = deck_copy(str(tmp_path))
    _make_odd(folder / name, kind)
    deck = check_deck(folder)
    if deck is not None:
        optional = (name == "cases.toml" and kind in ("empty", "missing")) or (
            name == "consent.toml" and kind == "missing"
        )
        assert optional, "cases.toml is optional, and consent.toml (the program's own text), nothing else"


@pytest.mark.parametrize("kind", ["no folder", "a file", "symlink loop", "empty folder", "odd names", "unreadable"])
def test_an_odd_deck_folder_gives_one_line(tmp_path, kind, monkeypatch):
    folder = tmp_path / "deck"
    if kind == "a file":
        folder.write_text("not a folder")
    elif kind == "symlink loop":
        os.symlink("deck", folder)
    elif kind == "empty folder":
        folder.mkdir()
    elif kind == "odd names":
        folder = deck_copy(str(tmp_path))
        (folder / "new\nline.toml").write_text("")
        (folder / "\u202eevil.toml").write_text("")
    elif kind == "unreadable":  # tests run as root here, so simulate what a normal user gets
        folder = deck_copy(str(tmp_path))
        real = Path.read_text

        def denied(self, *args, **kwargs):
            if self.parent == folder:
                raise PermissionError(13, "Permission denied", str(self))
            return real(self, *args, **kwargs)

        monkeypatch.setattr(Path, "read_text", denied)
    assert check_deck(folder) is None


# --- summaries -------------------------------------------------------------------------------------------


def _summaries() -> list[SessionSummary]:
    deck = DECK
    made = [build_summary(play(deck, conversation_setup(pair_code="AB12", guess_other=True, seed=5),
                                    value=lambda r, p: 1 + (r * 2 + int(p[1])) % 5), deck, T1)]
    state = new_session(team_setup(4, seed=2), deck, T0)
    for action in [Continue(), Continue(), *[PlaceEstimate(player=f"p{i}", value=i) for i in range(1, 5)],
                   Continue(), AddNote(text="Afspraak 🙂"), EndSession()]:
        state = apply(state, action, deck)
    made.append(build_summary(state, deck, T1))
    return made


SUMMARIES = _summaries()


def check_summary(path: Path) -> SessionSummary | None:
    try:
        summary = load_summary(path)
    except StoreError as exc:
        outcome("summary refused with one line")
        text = str(exc)
        assert "\n" not in text and "\r" not in text and text.startswith(f"{path}: "), text
        return None
    outcome("summary loads and goes through report and history")
    if path.parent.name == "sessions":
        with within(DRAW_BOUND, f"report and history of {path}"):
            report_and_history(path, summary)
    return summary


names = st.text(min_size=1, max_size=40).filter(lambda s: clean_text(s) and len(clean_text(s)) <= 40)


@settings(FUZZ, max_examples=40)
@given(
    client=names, professional=names, note=st.text(min_size=1, max_size=500),
    pair=st.from_regex(r"\A[A-Za-z0-9_-]{1,32}\Z"), values=st.lists(st.integers(1, 5), min_size=8, max_size=8),
)
def test_a_valid_summary_with_odd_text_loads_back_the_same(client, professional, note, pair, values):
    setup = Setup(players=[Player(id="p1", name=client, role=Role.CLIENT),
                           Player(id="p2", name=professional, role=Role.PROFESSIONAL)],
                  features=["vertrouwen", "stroefheid"], pair_code=pair, cards_per_feature=2)
    table = Table.start(DECK, setup, None)
    vals = iter(values)
    while table.phase != Phase.DONE:
        waiting = table.state.waiting_for()
        if waiting:
            assert table.do(PlaceEstimate(player=waiting[0], value=next(vals)))
        else:
            if table.phase == Phase.AGREE:
                # a note with nothing visible in it is refused at once, never at the end
                assert table.do(AddNote(text=note)) == bool(clean_text(note))
            assert table.do(Continue())
    with tempfile.TemporaryDirectory() as tmp:
        path = save_summary(table.summary, Path(tmp))
        assert check_summary(path) == table.summary


@settings(FUZZ, max_examples=200)
@given(data=st.data(), which=st.sampled_from(range(len(SUMMARIES))))
def test_a_summary_with_changed_keys_values_and_types_loads_or_gives_one_line(data, which):
    doc = json.loads(SUMMARIES[which].model_dump_json())
    for _ in range(data.draw(st.integers(1, 3), label="changes")):
        mutate(doc, data)
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "sessions" / "20261129-100000-abcdef12.json"
        path.parent.mkdir()
        path.write_text(to_json(doc), encoding="utf-8")
        check_summary(path)


@settings(FUZZ, max_examples=150)
@given(data=st.data(), which=st.sampled_from(range(len(SUMMARIES))))
def test_a_summary_with_damaged_bytes_loads_or_gives_one_line(data, which):
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "sessions" / "s.json"
        path.parent.mkdir()
        path.write_bytes(mutate_bytes(data, SUMMARIES[which].model_dump_json(indent=2).encode("utf-8")))
        check_summary(path)


@settings(FUZZ, max_examples=30)
@given(files=st.lists(st.binary(max_size=300) | st.sampled_from([b"", b"{}", b"[]", b"null"]), max_size=6))
def test_a_history_folder_with_damaged_files_lists_every_bad_one_in_one_line(files):
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        path = save_summary(SUMMARIES[0], root)
        for i, content in enumerate(files):
            (path.parent / f"bad-{i}.json").write_bytes(content)
        good, bad = list_summaries(root)
        assert [s for _, s in good] == [SUMMARIES[0]]
        assert len(bad) == len(files) and all("\n" not in line for line in bad)
        assert sorted(p.name for p in path.parent.iterdir()) == sorted(
            [path.name] + [f"bad-{i}.json" for i in range(len(files))]), "nothing moved or removed"


# --- autosaves -------------------------------------------------------------------------------------------


def _autosaves() -> list[str]:
    deck = DECK
    made = []
    for setup, steps in ((conversation_setup(seed=1, guess_other=True), 9), (team_setup(3, seed=4), 6),
                         (conversation_setup(seed=3, features=["binding"], cards_per_feature=3), 30)):
        state = new_session(setup, deck, T0)
        for _ in range(steps):
            if state.phase == Phase.DONE:
                break
            waiting = state.waiting_for()
            state = apply(state, PlaceEstimate(player=waiting[0], value=2) if waiting else Continue(), deck)
            if state.phase == Phase.AGREE:
                state = apply(state, AddNote(text="bewaard"), deck)
        made.append(state.model_dump_json())
    return made


AUTOSAVES = _autosaves()


def check_autosave(deck: Deck, root: Path, content: bytes) -> None:
    """Accepted: the game goes on to the end without an error. Refused: kept aside as it was, a new game starts."""
    path = progress_path(root)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(content)
    try:
        table = Table.resume(deck, root)
    except DamagedProgress as exc:
        outcome("autosave kept aside")
        assert "\n" not in str(exc) and str(exc).startswith(f"{path}: ")
        assert "\n" not in exc.message("nl") and "\n" not in exc.message("en")
        assert exc.kept_as.read_bytes() == content and not path.exists()
        Table.start(deck, conversation_setup(), root)
        assert exc.kept_as.read_bytes() == content
        return
    assert table is not None
    outcome("autosave resumed and played to the end")
    for _ in range(200):
        if table.phase == Phase.DONE:
            break
        waiting = table.state.waiting_for()
        if not table.do(PlaceEstimate(player=waiting[0], value=3) if waiting else Continue()):
            assert table.do(EndSession())
    assert table.phase == Phase.DONE and table.saved_to is not None
    assert load_summary(table.saved_to) == table.summary


@settings(FUZZ, max_examples=150)
@given(data=st.data(), which=st.sampled_from(range(len(AUTOSAVES))))
def test_an_autosave_with_changed_keys_values_and_types_resumes_or_is_kept_aside(data, which):
    doc = json.loads(AUTOSAVES[which])
    for _ in range(data.draw(st.integers(1, 3), label="changes")):
        mutate(doc, data)
    with tempfile.TemporaryDirectory() as tmp:
        check_autosave(DECK, Path(tmp), to_json(doc).encode("utf-8"))


@settings(FUZZ, max_examples=100)
@given(data=st.data(), which=st.sampled_from(range(len(AUTOSAVES))))
def test_an_autosave_with_damaged_bytes_resumes_or_is_kept_aside(data, which):
    with tempfile.TemporaryDirectory() as tmp:
        check_autosave(DECK, Path(tmp), mutate_bytes(data, AUTOSAVES[which].encode("utf-8")))

