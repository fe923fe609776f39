"""The wheel works when installed: built from this repository, installed into a new virtual environment outside
it, and run from an empty folder with a fresh HOME, it does what the clone does (the deck, the rules, the font
and the icon travel inside the wheel).

The dependencies are installed without the network from a wheelhouse beside this venv (<venv>/wheelhouse); it is
filled once with `pip wheel` (from pip's cache or PyPI) and skipped only when that cannot be done offline.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import venv
from importlib.metadata import requires
from pathlib import Path

import pytest
from pypdf import PdfReader
from xwindow import NEEDS_X, ROUNDS, play_to_summary, xvfb

from game import __version__

ROOT = Path(__file__).resolve().parents[2]
WHEELHOUSE = Path(sys.prefix) / "wheelhouse"


def pip(*args: str, python: str = sys.executable) -> subprocess.CompletedProcess:
    return subprocess.run([python, "-m", "pip", "-q", *args], capture_output=True, text=True, timeout=300)


def fill_wheelhouse() -> None:
    """Wheels of every dependency, so the new venv installs offline; from pip's cache or PyPI the first time."""
    deps = [r for r in requires("werkalliantie") or [] if "extra ==" not in r]
    done = pip("wheel", "--no-index", "--find-links", str(WHEELHOUSE), "-w", str(WHEELHOUSE), *deps)
    if done.returncode != 0:
        done = pip("wheel", "--find-links", str(WHEELHOUSE), "-w", str(WHEELHOUSE), *deps)
        if done.returncode != 0:
            pytest.skip(f"the dependencies' wheels cannot be had (no network to PyPI?): {done.stderr[-300:]}")


@pytest.fixture(scope="module")
def installed(tmp_path_factory) -> dict:
    """The werkalliantie command of a fresh venv with the wheel built from this repository, and its env."""
    tmp = tmp_path_factory.mktemp("installed")
    built = pip("wheel", "--no-deps", "--no-build-isolation", "-w", str(tmp / "dist"), str(ROOT))
    assert built.returncode == 0, built.stderr
    (wheel,) = (tmp / "dist").glob("werkalliantie-*.whl")
    fill_wheelhouse()
    venv.create(tmp / "venv", with_pip=True)
    python = str(tmp / "venv" / "bin" / "python")
    done = pip("install", "--no-index", "--find-links", str(WHEELHOUSE), str(wheel), python=python)
    assert done.returncode == 0, done.stderr
    home, work = tmp / "home", tmp / "work"
    home.mkdir()
    work.mkdir()
    env = {"HOME": str(home), "PATH": "/usr/bin:/bin", "SDL_AUDIODRIVER": "dummy", "LANG": "C.UTF-8"}
    return {"exe": str(tmp / "venv" / "bin" / "werkalliantie"), "python": python, "env": env, "cwd": work}


def run(installed: dict, *args: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [installed["exe"], *args], cwd=installed["cwd"], env=installed["env"], capture_output=True, text=True,
        timeout=120,
    )


def test_the_installed_package_is_not_the_repository(installed):
    where = subprocess.run(
        [installed["python"], "-c", "import game.paths as p; print(p.__file__); print(p.DEFAULT_DECK)"],
        cwd=installed["cwd"], env=installed["env"], capture_output=True, text=True, check=True,
    ).stdout.split()
    assert all(not Path(w).is_relative_to(ROOT) for w in where), where
    assert where[1].endswith(os.path.join("game", "_data", "cards"))


def test_version_check_deck_and_schema(installed):
    assert run(installed, "--version").stdout.strip() == f"werkalliantie {__version__}"
    check = run(installed, "check-deck")
    assert check.returncode == 0 and check.stdout.rstrip().endswith("OK"), check.stdout + check.stderr
    schema = run(installed, "schema")
    assert schema.returncode == 0 and '"SessionSummary"' in schema.stdout


def test_print_makes_a_valid_pdf_with_the_rules(installed):
    done = run(installed, "print", "--lang", "en", "--out", "deck.pdf")
    assert done.returncode == 0, done.stderr
    reader = PdfReader(installed["cwd"] / "deck.pdf")
    first = reader.pages[0].extract_text() + reader.pages[1].extract_text()
    assert len(reader.pages) > 10 and f"werkalliantie {__version__}" in first
    assert "How to play on paper" in first  # the rules for paper (rules.md is the window's, checked on F1)


@NEEDS_X
def test_a_session_in_a_window_is_saved_then_reported(installed):
    data = installed["cwd"] / "data"
    with xvfb(250, 350) as display:
        env = dict(installed["env"], DISPLAY=display)
        argv = [installed["exe"], "play", "--data-dir", str(data)]
        summary = play_to_summary(argv, installed["cwd"], env, data, "werkalliantie")
    assert [tuple(e["value"] for e in r["estimates"]) for r in summary["rounds"]] == ROUNDS
    assert summary["app_version"] == __version__
    if shutil.which("xprop"):
        assert summary["_icon"] == (64, 64), "the icon travels inside the wheel"
    (saved,) = (data / "sessions").glob("*.json")
    report = run(installed, "report", str(saved), "--out", "report.pdf")
    assert report.returncode == 0, report.stderr
    assert PdfReader(installed["cwd"] / "report.pdf").pages
