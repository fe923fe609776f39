"""The quick look at a deck that the start screen draws with before the deck is loaded and checked in full."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from game.deckinfo import read_deck_info
from game.paths import DEFAULT_DECK

ROOT = Path(__file__).resolve().parent.parent
ENV = {"SDL_VIDEODRIVER": "dummy", "SDL_AUDIODRIVER": "dummy", "PYGAME_HIDE_SUPPORT_PROMPT": "1", "PATH": "/usr/bin"}


def test_it_says_what_the_full_deck_says(deck):
    info = read_deck_info(DEFAULT_DECK)
    assert info is not None
    assert (info.name, info.languages, info.default_language) == (deck.name, deck.languages, deck.default_language)
    assert info.cases == bool(deck.cases)
    assert [(f.id, f.order, f.name, f.colour) for f in info.features] == [
        (f.id, f.order, f.name, f.colour) for f in deck.features
    ]


def _copy(tmp_path: Path) -> Path:
    return Path(shutil.copytree(DEFAULT_DECK, tmp_path / "deck"))


@pytest.mark.parametrize(
    "damage",
    [
        lambda d: (d / "binding.toml").unlink(),
        lambda d: (d / "deck.toml").write_text("languages = 3\n", encoding="utf-8"),
        lambda d: (d / "vertrouwen.toml").write_text('id = "vertrouwen"\norder = "two"\n', encoding="utf-8"),
        lambda d: (d / "stroefheid.toml").write_bytes(b"\xff\xfe"),
        lambda d: (d / "binding.toml").write_text('id = "binding\n', encoding="utf-8"),
    ],
    ids=["missing feature", "bad languages", "bad order", "not utf-8", "syntax"],
)
def test_an_odd_deck_gives_none_so_the_full_load_names_the_problem(tmp_path, damage):
    folder = _copy(tmp_path)
    damage(folder)
    assert read_deck_info(folder) is None


def test_a_deck_without_case_cards_says_so(tmp_path):
    folder = _copy(tmp_path)
    (folder / "cases.toml").unlink()
    assert read_deck_info(folder).cases is False


def test_the_start_screen_is_drawn_before_pydantic_and_the_deck_load(tmp_path):
    """`play` draws the start screen before the models load; then the whole deck is loaded and checked."""
    probe = f"""
import sys
from game.ui import app
draw = app.App.draw
def first(self):
    draw(self)
    print("at the first frame:", sorted(m for m in ("pydantic", "game.engine", "game.decks") if m in sys.modules))
    app.App.draw = draw
app.App.draw = first
app.App.run = lambda self, seconds=None: print("then the deck:", self._deck is not None) or 0
from game.cli import main
sys.exit(main(["play", "--data-dir", {str(tmp_path)!r}]))
"""
    out = subprocess.run([sys.executable, "-c", probe], cwd=ROOT, env=ENV, capture_output=True, text=True, timeout=60)
    assert out.returncode == 0, out.stderr
    assert out.stdout.splitlines() == ["at the first frame: []", "then the deck: True"]


def test_a_deck_that_loads_badly_after_the_first_frame_exits_with_its_problems(tmp_path):
    folder = _copy(tmp_path)
    text = (folder / "binding.toml").read_text(encoding="utf-8")
    (folder / "binding.toml").write_text(text.replace('kind = "question"', 'kind = "quiz"', 1), encoding="utf-8")
    assert read_deck_info(folder) is not None  # the quick look cannot see it
    out = subprocess.run(
        [sys.executable, "main.py", "play", "--deck", str(folder), "--data-dir", str(tmp_path / "data")],
        cwd=ROOT, env=ENV, capture_output=True, text=True, timeout=60,
    )
    assert out.returncode == 1 and "binding.toml" in out.stderr and "kind" in out.stderr
    assert "Traceback" not in out.stderr
