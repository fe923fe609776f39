"""Content that a careless or hostile author can write never crashes or freezes the program (issue 13).

Reproduced first: a card text of only zero-width characters and a feature name of one zero-width space passed
`check-deck` and crashed the renderer ("Text has zero width"); one 10 000-letter word passed the word limits and
froze drawing for minutes; a 100 000-character text in a hand-edited summary kept `report` busy for over ten
minutes. Now the loader refuses such a deck in one line naming file, card and field, the summary is refused in
one line, and below the loaders the design and the renderer draw even such text at once (defence in depth: a
summary or an autosave carries text that no deck check has seen).
"""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path

import pytest
from draw_helpers import draw_deck, report_and_history, within
from play_helpers import T1, conversation_setup, play

from game.cli import main
from game.decks import DEFAULT_DECK, DeckError, load_deck
from game.design import fonts
from game.engine import build_summary
from game.model import Deck
from game.model.session import SessionSummary
from game.store import StoreError, load_summary

ZERO_WIDTH = "\u200b\u200d\u2060"
LONG_WORD = "a" * 10_000
BOUND = 20.0  # seconds: a hang guard (each of these takes well under a second; before the fix, minutes)


def deck_with(tmp_path: Path, file: str, old: str, new: str) -> Path:
    """A copy of the default deck with one piece of TOML replaced."""
    folder = tmp_path / "deck"
    shutil.copytree(DEFAULT_DECK, folder)
    path = folder / file
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    return folder


# the quoted Dutch client text of card vt-q1, as it stands in the file
FIRST_CARD = re.search(r'id = "vt-q1"[^\[]*?client = \{ nl = ("(?:[^"\\]|\\.)*")',
                       (DEFAULT_DECK / "vertrouwen.toml").read_text(encoding="utf-8"))[1]

HOSTILE = {
    "zero-width card text": ("vertrouwen.toml", FIRST_CARD, '"\\u200b\\u200d"',
                             ["vertrouwen.toml: card vt-q1: client.nl: has no visible character"]),
    "zero-width feature name": ("vertrouwen.toml", 'name = { nl = "Vertrouwen"', 'name = { nl = "\\u200b"',
                                ["vertrouwen.toml: name.nl: has no visible character"]),
    "a lone accent": ("vertrouwen.toml", FIRST_CARD, '" \\u0301 "',
                      ["vertrouwen.toml: card vt-q1: client.nl: has no visible character"]),
    "a 10 000-letter word": ("vertrouwen.toml", FIRST_CARD, f'"{LONG_WORD}"', [
        "vertrouwen.toml: card vt-q1: client.nl: 10000 characters, at most 250",
        "vertrouwen.toml: card vt-q1: client.nl: a word of 10000 characters ('aaaaaaaaaaaaaaaaaaaa…'), at most 30",
    ]),
    "100 000 characters in short words": ("vertrouwen.toml", FIRST_CARD, '"' + "ja. " * 25_000 + '"', [
        "vertrouwen.toml: card vt-q1: client.nl: 99999 characters, at most 250",
        "vertrouwen.toml: card vt-q1: client.nl: 25000 words, at most 25 (B1)",
    ]),
    "a long id": ("vertrouwen.toml", 'id = "vt-q1"', 'id = "' + "q" * 41 + '"',
                  ["vertrouwen.toml: card " + "q" * 41 + ": id: string should have at most 40 characters"]),
    "a long scale label": ("deck.toml", '"Helemaal niet"', '"' + "heel " * 20 + '"',
                           ["deck.toml: scale.nl.0: 99 characters, at most 50"]),
    "a long word in a case": ("cases.toml", 'title = { nl = "', 'title = { nl = "' + "x" * 31 + " ",
                              ["cases.toml: case "]),
}


@pytest.mark.parametrize("kind", HOSTILE)
def test_a_hostile_deck_is_refused_with_one_line_naming_file_card_and_field(tmp_path, kind):
    file, old, new, expected = HOSTILE[kind]
    folder = deck_with(tmp_path, file, old, new)
    with within(BOUND, f"loading a deck with {kind}"), pytest.raises(DeckError) as caught:
        load_deck(folder)
    lines = caught.value.problems
    assert all("\n" not in line and len(line) < 400 for line in lines), lines
    for want in expected:
        assert any(line.startswith(f"{folder}/{want}") for line in lines), (want, lines)


def test_check_deck_exits_1_with_the_line_for_a_zero_width_card(tmp_path, capsys):
    file, old, new, _ = HOSTILE["zero-width card text"]
    assert main(["check-deck", str(deck_with(tmp_path, file, old, new))]) == 1
    out = capsys.readouterr()
    assert "card vt-q1: client.nl: has no visible character" in out.out + out.err
    assert "Traceback" not in out.out + out.err


def test_the_default_deck_keeps_within_every_cap():
    deck = load_deck()
    texts = [v for c in deck.cards for side in (c.client, c.professional) for v in side.values()]
    assert max(len(w) for t in texts for w in t.split()) <= 30


# --- below the loader: the design and the renderer ---------------------------------------------------------


def hostile(deck: Deck, text: str) -> Deck:
    """The deck with every card text, starter and case made `text`, and every feature name its first 1000
    characters, past the loader's checks (as a summary or an autosave could carry them). A name is also flowed into
    the print guide's sentences, which are fitted whole: the loader's cap of 250 keeps that quick."""
    def loc(d: dict[str, str], most: int | None = None) -> dict[str, str]:
        return {lang: text[:most] for lang in d}

    return deck.model_copy(update={
        "cards": [c.model_copy(update={"client": loc(c.client), "professional": loc(c.professional)})
                  for c in deck.cards],
        "features": [f.model_copy(update={"name": loc(f.name, 1000)}) for f in deck.features],
        "starters": [s.model_copy(update={"text": loc(s.text)}) for s in deck.starters],
        "cases": [c.model_copy(update={"title": loc(c.title), "text": loc(c.text)}) for c in deck.cases],
    })


@pytest.mark.parametrize("text", [ZERO_WIDTH, LONG_WORD, "woord " * 20_000], ids=["zero-width", "long word",
                                                                                 "120 000 characters"])
def test_every_card_draws_at_once_in_the_window_renderer_and_the_pdf_even_with_text_no_loader_allows(deck, text):
    with within(BOUND, "drawing every card"):
        assert draw_deck(hostile(deck, text)) > 100


def test_breaking_a_long_word_into_lines_stays_linear():
    with within(BOUND, "wrapping a 100 000-letter word"):
        lines = fonts.wrap("a" * 100_000, 9.0, 53.0)
    assert len(lines) > 1000 and all(line.endswith("-") for line in lines[:-1])
    assert all(fonts.text_width_mm(line, 9.0) <= 53.0 for line in lines)
    assert "".join(line.rstrip("-") for line in lines) == "a" * 100_000
    with within(BOUND, "fitting a 1 000 000-letter word in a card's box"):
        fitted = fonts.fit_text("a" * 1_000_000, 53.0, 30.0, 14.0, 7.0)
    assert not fitted.fits and len(fitted.lines) <= fonts.lines_for(30.0, fitted.line_height_mm)


# --- summaries ---------------------------------------------------------------------------------------------


def saved_summary(root: Path, deck: Deck, change) -> Path:  # noqa: ANN001
    summary = build_summary(play(deck, conversation_setup(pair_code="AB12", seed=5)), deck, T1)
    doc = json.loads(summary.model_dump_json())
    change(doc)
    path = root / "sessions" / "20261129-100000-abcdef12.json"
    path.parent.mkdir(parents=True)
    path.write_text(json.dumps(doc), encoding="utf-8")
    return path


def _huge_starters(doc: dict) -> None:
    for r in doc["rounds"]:
        for s in r["starters"]:
            s["text"] = "x" * 100_000


def test_a_summary_with_a_100_000_character_text_is_refused_in_one_line_by_report_and_history(
        deck, tmp_path, capsys):
    path = saved_summary(tmp_path, deck, _huge_starters)
    with pytest.raises(StoreError) as caught:
        load_summary(path)
    assert str(caught.value).startswith(f"{path}: rounds.0.starters.0.text: ")
    with within(BOUND, "report and history of a summary with 100 000 characters"):
        assert main(["report", str(path), "--out", str(tmp_path / "r.pdf")]) == 1
        assert main(["history", "AB12", "--data-dir", str(tmp_path)]) == 1
    err = capsys.readouterr().err
    assert "at most 1000 characters" in err and "Traceback" not in err
    assert not (tmp_path / "r.pdf").exists()


def test_a_summary_at_its_caps_goes_through_report_and_history_at_once(deck, tmp_path):
    def at_caps(doc: dict) -> None:
        for r in doc["rounds"]:
            for s in r["starters"]:
                s["text"] = "x" * 1000
        doc["agreements"] = [{"feature": None, "text": "y" * 500}] * 20

    path = saved_summary(tmp_path, deck, at_caps)
    summary = load_summary(path)
    with within(BOUND, "report and history of a summary at its caps"):
        report_and_history(path, summary)


def test_the_report_page_of_a_summary_past_every_cap_is_still_made_at_once(deck):
    """model_construct skips validation: text no loader lets through reaches the page builder."""
    from game.report import build_page, pdf_bytes

    summary = build_summary(play(deck, conversation_setup(pair_code="AB12", seed=5)), deck, T1)
    rounds = [r.model_copy(update={"starters": [s.model_copy(update={"text": "x" * 100_000}) for s in r.starters]})
              for r in summary.rounds]
    huge = SessionSummary.model_construct(**{**dict(summary), "rounds": rounds})
    with within(BOUND, "the report page of a summary with 100 000-letter words"):
        assert pdf_bytes(build_page(huge, deck), "t").startswith(b"%PDF")
