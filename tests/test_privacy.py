"""Nothing leaves the machine, nothing is readable by other users, and no names are needed.

The promise is "no network socket: no AF_INET or AF_INET6". Python code makes no socket at all (checked here, also
under an audit hook); SDL's own local sockets (AF_UNIX to the display, AF_NETLINK) are made in C, which only a
look from outside sees: tests/e2e/test_no_network_strace.py runs a real window under strace for that."""

from __future__ import annotations

import ast
import getpass
import json
import os
import socket
import stat
import subprocess
import sys
from pathlib import Path

import pytest
from play_helpers import conversation_setup, team_setup

from game.cli import PLUGIN_COMMANDS
from game.cli import main as cli_main
from game.decks import load_deck
from game.engine import AddNote, Continue, Pass, Phase, PlaceEstimate
from game.model import Player, Role, Setup
from game.store import DamagedProgress, list_summaries, load_progress, load_summary, progress_path
from game.table import Table

ROOT = Path(__file__).resolve().parent.parent
GAME = ROOT / "game"
NETWORK_MODULES = {
    "socket", "socketserver", "ssl", "urllib", "urllib3", "http", "requests", "httpx", "aiohttp", "asyncio",
    "ftplib", "smtplib", "poplib", "imaplib", "telnetlib", "xmlrpc", "webbrowser", "websocket", "websockets",
}


def play_session(table: Table, note: str = "Afspraak: samen de brief lezen.") -> None:
    """Every player estimates, one note per round, to the end."""
    while table.phase != Phase.DONE:
        if table.phase == Phase.ESTIMATE:
            pid = table.state.waiting_for()[0]
            action = Pass(player=pid) if pid == "p3" else PlaceEstimate(player=pid, value=2 + len(pid) % 3)
        elif table.phase == Phase.AGREE and not table.state.current.notes:
            action = AddNote(text=note)
        else:
            action = Continue()
        assert table.do(action)


def modes(root: Path) -> dict[str, int]:
    found = {".": stat.S_IMODE(root.stat().st_mode)}
    for dirpath, dirnames, filenames in os.walk(root):
        for name in dirnames + filenames:
            path = Path(dirpath, name)
            found[str(path.relative_to(root))] = stat.S_IMODE(path.lstat().st_mode)
    return found


def test_files_are_0600_and_folders_0700_even_with_an_open_umask(tmp_path, deck):
    root = tmp_path / "new" / "data"
    old = os.umask(0)
    try:
        play_session(Table.start(deck, conversation_setup(pair_code="AB12"), root))
        table = Table.start(deck, conversation_setup(seed=9), root)
        assert table.do(Continue())
        path = progress_path(root)
        path.write_bytes(path.read_bytes()[:50])  # damaged: it is kept aside, still private
        table.release()  # the window is gone (as after a crash)
        with pytest.raises(DamagedProgress):
            load_progress(root, deck)
        Table.start(deck, conversation_setup(seed=10), root)
    finally:
        os.umask(old)
    assert stat.S_IMODE((tmp_path / "new").stat().st_mode) == 0o700, "a parent the program made is private too"
    found = modes(root)
    assert set(found) >= {".", "sessions", "in-progress", "in-progress/session.json",
                          "in-progress/session.json.damaged"}
    assert any(name.startswith("sessions/") for name in found)
    for name, mode in found.items():
        is_dir = name == "." or (root / name).is_dir()
        assert mode == (0o700 if is_dir else 0o600), f"{name}: {oct(mode)}"


def test_an_existing_data_dir_open_to_others_is_closed(tmp_path, deck):
    root = tmp_path / "data"
    root.mkdir(mode=0o755)
    os.chmod(root, 0o755)
    Table.start(deck, conversation_setup(), root)
    assert stat.S_IMODE(root.stat().st_mode) == 0o700


@pytest.fixture
def no_network(monkeypatch):
    """Any attempt to make a socket or look up a host fails the test and is recorded."""
    attempts: list[str] = []

    def refuse(name):
        def fail(*args, **kwargs):
            attempts.append(name)
            raise AssertionError(f"network use: socket.{name}{args!r}")
        return fail

    for name in ("socket", "create_connection", "create_server", "socketpair", "fromfd", "getaddrinfo",
                 "gethostbyname", "gethostbyname_ex"):
        monkeypatch.setattr(socket, name, refuse(name))
    return attempts


def test_no_socket_is_made_through_python_during_whole_sessions(tmp_path, no_network, capsys, monkeypatch):
    deck = load_deck()
    root = tmp_path / "data"
    play_session(Table.start(deck, conversation_setup(pair_code="AB12", guess_other=False), root))
    table = Table.start(deck, team_setup(3, seed=4), root)
    assert table.do(Continue()) and table.do(Continue())
    del table
    resumed = Table.resume(deck, root)
    play_session(resumed)
    good, bad = list_summaries(root)
    assert len(good) == 2 and bad == []
    assert cli_main(["check-deck"]) == 0
    assert cli_main(["forget", "AB12", "--data-dir", str(root), "--yes"]) == 0
    assert no_network == []


AUDIT = r"""
import importlib, os, pkgutil, sys
from pathlib import Path

def hook(event, args):
    if event.startswith("socket.") or event in ("urllib.Request", "http.client.connect", "ftplib.connect",
                                                "smtplib.connect", "webbrowser.open"):
        sys.stderr.write(f"NETWORK: {event} {args!r}\n")
        os._exit(3)

sys.addaudithook(hook)
if sys.argv[2:] == ["bait"]:
    import socket
    socket.socket()
sys.path.insert(0, "tests")
import game
for mod in pkgutil.walk_packages(game.__path__, "game."):
    importlib.import_module(mod.name)  # every module, the window's too (headless: SDL dummy drivers)
from play_helpers import conversation_setup
from game.cli import main
from game.decks import load_deck
from game.engine import Continue, PlaceEstimate, Phase
from game.table import Table
deck = load_deck()
root = Path(sys.argv[1])
table = Table.start(deck, conversation_setup(pair_code="XY1"), root)
while table.phase != Phase.DONE:
    waiting = table.state.waiting_for()
    table.do(PlaceEstimate(player=waiting[0], value=3) if waiting else Continue())
assert main(["check-deck"]) == 0
if "window" in sys.argv[2:]:  # the window through a whole session: look-back, quit, resume, history
    import pygame
    from game.ui.app import App
    from game.ui.scenes.history import HistoryScene
    from game.ui.scenes.summary import SummaryScene
    from tests.ui.conftest import Driver
    def window():
        app = App(deck, root, seed=5)
        app.open()
        return Driver(app)
    d = window()
    d.click("more")  # the choices are folded away at first
    d.click("name0"); d.type("Sam"); d.click("code"); d.type("XY1"); d.click("start"); d.click("keep:save")
    d.enter()  # the look-back at the agreements of the session above
    d.enter(2); d.digit(4); d.enter(2); d.digit(2); d.enter(4)  # round 1 with keys, to the agreement
    d.type("Samen bellen"); d.enter()
    d.app.quit()  # closed mid-session: kept in the autosave
    d = window()
    d.enter()  # resume
    while not isinstance(d.top, SummaryScene):
        d.enter(2); d.digit(3); d.enter(2); d.digit(4); d.enter(5)
    d.click("again"); d.click("more"); d.click("pairs:pick"); d.enter(); d.key(pygame.K_h)
    assert isinstance(d.top, HistoryScene) and len(d.top.history.sessions) == 2
    d.frame(); d.esc(); d.resize(1024, 600); d.frame()
    print("window played")
assert main(["forget", "XY1", "--data-dir", str(root), "--yes"]) == 0
print("no network")
"""


def test_a_fresh_program_makes_no_python_socket_from_import_to_forget(tmp_path):
    """An audit hook sees every socket made through Python's socket module, by our code or any Python package
    (not the ones C libraries such as SDL make themselves: see tests/e2e/test_no_network_strace.py); the window
    is driven through a session too (names, pair code, look-back, quit, resume, history)."""
    env = {**os.environ, "SDL_VIDEODRIVER": "dummy", "SDL_AUDIODRIVER": "dummy"}
    result = subprocess.run(
        [sys.executable, "-c", AUDIT, str(tmp_path / "data"), "window"], cwd=ROOT, capture_output=True,
        text=True, timeout=120, env=env,
    )
    assert result.returncode == 0, result.stderr[-2000:]
    assert "window played" in result.stdout and result.stdout.strip().endswith("no network")
    bait = subprocess.run([sys.executable, "-c", AUDIT, str(tmp_path / "x"), "bait"], cwd=ROOT,
                          capture_output=True, text=True, timeout=120)
    assert bait.returncode == 3 and "NETWORK: socket.__new__" in bait.stderr, "the hook sees a socket"


def _imported_modules(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    names: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names |= {alias.name for alias in node.names}
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names.add(node.module)
        elif isinstance(node, ast.Call) and getattr(node.func, "attr", getattr(node.func, "id", "")) in (
            "import_module", "__import__"
        ):
            names |= {a.value for a in node.args if isinstance(a, ast.Constant) and isinstance(a.value, str)}
    return names


PHONES = GAME / "phones"  # the one place with network code: only `play --phones` imports it
PHONES_USERS = {"game/ui/command.py", "game/ui/scenes/phones.py", "game/ui/scenes/start_phones.py"}


def test_the_code_base_has_no_network_code():
    files = sorted(GAME.rglob("*.py")) + [ROOT / "main.py"]
    assert len(files) > 10
    for path in files:
        if PHONES in path.parents:
            continue
        rel = str(path.relative_to(ROOT))
        for name in _imported_modules(path):
            assert name.split(".")[0] not in NETWORK_MODULES, f"{rel} imports {name}"
            assert not name.startswith("game.phones") or rel in PHONES_USERS, f"{rel} imports {name}"
    assert all(module.startswith("game.") for module, _help in PLUGIN_COMMANDS.values())
    # the play command and the start screen import the phones only inside the function that the choice calls
    for rel in ("ui/command.py", "ui/scenes/start_phones.py"):
        top = ast.parse((GAME / rel).read_text(encoding="utf-8")).body
        assert not any(isinstance(n, ast.Import | ast.ImportFrom) and "game.phones" in ast.dump(n) for n in top)


TEAM_WITHOUT_PHONES = r"""
import os, sys
from pathlib import Path

def hook(event, args):
    if event.startswith("socket."):
        sys.stderr.write(f"NETWORK: {event} {args!r}\n")
        os._exit(3)

sys.addaudithook(hook)
sys.path.insert(0, "tests")
from game.decks import load_deck
from game.ui.app import App
from game.ui.command import start_with
from tests.ui.conftest import Driver
app = App(load_deck(), Path(sys.argv[1]), seed=3)
start_with(app.prefs, "team", 3)
app.open()
d = Driver(app)
d.click("more")
from game.ui.scenes.start_phones import missing
assert ("phones:off" in d.rects()) == (missing() is None)  # the choice is offered (and off) when installed
d.click("start")
for _ in range(5):
    d.enter()
assert app.table is not None and app.phones is None
loaded = sorted(m for m in sys.modules if m.startswith("game.phones") or m.split(".")[0] in ("aiohttp", "segno"))
print("loaded:", loaded)
"""


def test_a_team_session_without_the_phones_choice_loads_no_phone_code(tmp_path):
    env = {**os.environ, "SDL_VIDEODRIVER": "dummy", "SDL_AUDIODRIVER": "dummy"}
    result = subprocess.run([sys.executable, "-c", TEAM_WITHOUT_PHONES, str(tmp_path / "data")], cwd=ROOT,
                            capture_output=True, text=True, timeout=120, env=env)
    assert result.returncode == 0, result.stderr[-2000:]
    assert result.stdout.strip().endswith("loaded: []")


@pytest.mark.parametrize(
    ("args", "says"),
    [
        (["--mode", "practice", "--phones"], "--phones is for --mode team or conversation"),
        (["--mode", "team", "--phones-host", "127.0.0.1"], "--phones-host is for --phones"),
        (["--mode", "team", "--phones", "--phones-host", "my-laptop"], "not an IP address"),
        (["--mode", "team", "--phones", "--phones-host", "203.0.113.7"], "not an address of this computer"),
    ],
)
def test_phones_only_when_asked_and_only_for_a_team(args, says, capsys):
    assert cli_main(["play", *args]) == 2
    err = capsys.readouterr().err.strip()
    assert len(err.splitlines()) == 1 and says in err


def test_the_no_network_check_would_catch_an_import(tmp_path):
    bad = tmp_path / "bad.py"
    bad.write_text("import urllib.request\nfrom http import client\nimportlib.import_module('socket')\n")
    assert _imported_modules(bad) >= {"urllib.request", "http", "socket"}


ALIASES = [Player(id="p1", name="Cliënt", role=Role.CLIENT), Player(id="p2", name="Begeleider", role=Role.PROFESSIONAL)]


def _strings(value) -> list[str]:
    if isinstance(value, dict):
        return [s for k, v in value.items() for s in [k, *_strings(v)]]
    if isinstance(value, list):
        return [s for v in value for s in _strings(v)]
    return [value] if isinstance(value, str) else []


@pytest.mark.parametrize("pair_code", ["K12", None])
def test_aliases_alone_work_end_to_end_and_nothing_about_the_machine_is_saved(tmp_path, deck, pair_code):
    setup = Setup(players=ALIASES, features=["vertrouwen", "stroefheid"], pair_code=pair_code)
    root = tmp_path / "data"
    table = Table.start(deck, setup, root)
    play_session(table, note="Volgende keer samen naar het loket.")
    summary = load_summary(table.saved_to)
    assert [p.name for p in summary.players] == ["Cliënt", "Begeleider"]
    assert summary.pair_code == pair_code and summary.trainer is None
    assert [n for r in summary.rounds for n in r.notes] == ["Volgende keer samen naar het loket."] * 2
    text = table.saved_to.read_text(encoding="utf-8")
    private = {getpass.getuser(), socket.gethostname(), str(tmp_path), str(Path.home())}
    assert not private & set(_strings(json.loads(text)))
    assert str(tmp_path) not in text and str(Path.home()) + "/" not in text


def test_a_team_of_numbered_colleagues_needs_no_names(tmp_path, deck):
    table = Table.start(deck, team_setup(3, features=["binding"]), tmp_path)
    play_session(table)
    assert [p.name for p in load_summary(table.saved_to).players] == ["Collega 1", "Collega 2", "Collega 3"]
