"""What happens with the answers: the deck's consent text (loaded, checked, printed) and the pair's choice to save
the summary or only show it (recorded, never written under sessions/ with "show", refused by `report`)."""

from __future__ import annotations

import json
import os
import shutil
from pathlib import Path

import pytest
from play_helpers import conversation_setup
from pypdf import PdfReader

from game import printing
from game.cli import main
from game.decks import DEFAULT_DECK, MAX_CONSENT_WORDS, load_deck, program_consent
from game.design import cards as C
from game.design.primitives import Text
from game.engine import Continue, Phase, PlaceEstimate
from game.model.deck import Consent
from game.model.session import SCHEMA_VERSION, Keep
from game.store import PROGRESS, SESSIONS, StoreError, load_summary, progress_path
from game.table import Table
from tests.test_decks import edit, problems

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture
def deck_dir(tmp_path: Path) -> Path:
    target = tmp_path / "deck"
    shutil.copytree(DEFAULT_DECK, target)
    return target


def problems_with(folder: Path, old: str, new: str) -> list[str]:
    edit(folder / "consent.toml", old, new)
    return problems(folder)


# --- the text in the deck -----------------------------------------------------------------------------------


def test_the_default_deck_says_what_is_saved_and_who_can_see_it_in_both_languages(deck):
    consent = deck.consent
    assert consent is not None
    for field in (consent.title, consent.saved, consent.seen):
        assert set(field) == {"nl", "en"} and field["nl"] != field["en"]
    assert "computer" in consent.saved["nl"] and "internet" in consent.saved["nl"]
    assert "dossier" in consent.seen["nl"] and "begeleider" in consent.seen["nl"]


SEEN_NL = "Iedereen die met dit account op deze computer werkt, kan de samenvatting openen."


@pytest.mark.parametrize(
    ("old", "new", "expected"),
    [
        ('en = "What happens to your answers?"', "", "consent.toml: title: missing translation 'en'"),
        ("[seen]", "[seen_by]", "consent.toml: seen_by: unknown key"),
        ('[title]\nnl = "Wat gebeurt er met jullie antwoorden?"', '[title]\nnl = "  "', "consent.toml: title.nl:"),
        ("[seen]", "[seen]\nde = \"Wer kann es sehen?\"", "consent.toml: seen: unknown language 'de'"),
        ('nl = "Wat gebeurt er', 'nl = "Wat gebeurt er nu en later en morgen en overmorgen precies', "at most 12"),
        ("Spreek samen af of dat gebeurt.", "Spreek samen af. " + "Dat is goed. " * 5,
         f"consent.toml: seen.nl: 42 words, at most {MAX_CONSENT_WORDS} (B1)"),
        (SEEN_NL, SEEN_NL.replace(".", " en ook iedereen die hier later werkt."),
         "consent.toml: seen.nl: a sentence of 20 words, at most 15 (B1)"),
        ("[saved]", "[saved\n", "consent.toml: syntax error"),
    ],
    ids=["translation", "unknown-key", "empty", "language", "long-title", "too-long", "long-sentence", "syntax"],
)
def test_a_damaged_consent_text_is_named_in_one_line(deck_dir, old, new, expected):
    lines = problems_with(deck_dir, old, new)
    assert any(expected in line for line in lines), lines
    assert all(line.startswith(str(deck_dir / "consent.toml")) for line in lines), lines


def test_a_missing_part_is_named(deck_dir):
    path = deck_dir / "consent.toml"
    text = path.read_text(encoding="utf-8")
    path.write_text(text[: text.index("[seen]")], encoding="utf-8")
    assert problems(deck_dir) == [f"{path}: seen: missing"]


def test_a_deck_without_its_own_text_gets_the_programs_and_check_deck_says_ok(deck_dir, deck, capsys):
    (deck_dir / "consent.toml").unlink()
    assert load_deck(deck_dir).consent == deck.consent
    assert main(["check-deck", str(deck_dir)]) == 0
    assert program_consent(["nl"]) == Consent(title={"nl": deck.consent.title["nl"]},
                                               saved={"nl": deck.consent.saved["nl"]},
                                               seen={"nl": deck.consent.seen["nl"]})
    assert program_consent(["nl", "de"]) is None  # a deck in German must write its own


def test_a_broken_link_is_named_not_skipped(deck_dir):
    (deck_dir / "consent.toml").unlink()
    (deck_dir / "consent.toml").symlink_to("nowhere.toml")
    assert [line.split(": ")[0] for line in problems(deck_dir)] == [str(deck_dir / "consent.toml")]


# --- the choice in the session ------------------------------------------------------------------------------


def play_to_the_end(table: Table) -> None:
    while table.phase != Phase.DONE:
        if table.phase == Phase.ESTIMATE:
            table.do(PlaceEstimate(player=table.state.waiting_for()[0], value=3))
        else:
            table.do(Continue())


def test_only_show_writes_nothing_under_sessions_and_leaves_no_autosave_nor_temporary_copy(deck, tmp_path):
    data = tmp_path / "data"
    table = Table.start(deck, conversation_setup(seed=3, keep=Keep.SHOW), data)
    assert progress_path(data).exists()  # while playing, the autosave keeps the session safe from a crash
    leftover = data / PROGRESS / ".session.json.x1y2z3.tmp"  # what a write killed halfway leaves
    leftover.write_text("{", encoding="utf-8")
    play_to_the_end(table)
    assert table.summary is not None and table.summary.keep == Keep.SHOW and table.saved_to is None
    assert not (data / SESSIONS).exists()
    assert list((data / PROGRESS).iterdir()) == []


def test_an_autosave_that_failed_during_an_only_show_session_is_not_due_at_its_end(deck, tmp_path, monkeypatch):
    """The disk filled up on the way (the autosaves fail): at the end nothing is due, so the window offers no save
    (another folder would write the summary the pair chose not to keep)."""
    import game.table

    table = Table.start(deck, conversation_setup(seed=3, keep=Keep.SHOW), tmp_path)

    def full(*_args: object) -> None:
        raise StoreError(f"{progress_path(tmp_path)}: the disk is full")

    monkeypatch.setattr(game.table, "save_progress", full)
    play_to_the_end(table)
    assert table.problem is None and table.saved_to is None and not (tmp_path / SESSIONS).exists()


def test_an_autosave_that_cannot_be_removed_is_one_line_never_a_traceback(deck, tmp_path, monkeypatch):
    unlink = os.unlink

    def refuse(path, *args, **kwargs) -> None:
        if os.fspath(path) == "session.json":  # the autosave, below its folder's descriptor
            raise PermissionError(13, "Permission denied")
        unlink(path, *args, **kwargs)

    table = Table.start(deck, conversation_setup(seed=3, keep=Keep.SHOW), tmp_path)
    monkeypatch.setattr(os, "unlink", refuse)
    with pytest.raises(StoreError) as info:
        play_to_the_end(table)
    assert str(info.value) == f"{progress_path(tmp_path)}: cannot be removed: Permission denied"
    assert not (tmp_path / SESSIONS).exists()


def test_save_records_the_choice_in_the_saved_summary(deck, tmp_path):
    table = Table.start(deck, conversation_setup(seed=3), tmp_path)
    play_to_the_end(table)
    saved = json.loads(table.saved_to.read_text(encoding="utf-8"))
    assert saved["keep"] == "save" and saved["schema_version"] == SCHEMA_VERSION == 3


def test_a_crashed_only_show_session_that_had_ended_is_finished_without_saving(deck, tmp_path):
    table = Table.start(deck, conversation_setup(seed=4, keep=Keep.SHOW), tmp_path)
    play_to_the_end(table)
    progress_path(tmp_path).parent.mkdir(exist_ok=True)  # a crash between the end and the removal
    progress_path(tmp_path).write_text(table.state.model_dump_json(), encoding="utf-8")
    again = Table.resume(deck, tmp_path)
    assert again is not None and again.only_show and again.summary is not None and again.saved_to is None
    assert not progress_path(tmp_path).exists() and not (tmp_path / SESSIONS).exists()


def test_a_version_2_summary_still_loads_as_saved_and_reports(deck, tmp_path, monkeypatch):
    table = Table.start(deck, conversation_setup(seed=5, pair_code="V2-1"), tmp_path)
    play_to_the_end(table)
    raw = json.loads(table.saved_to.read_text(encoding="utf-8"))
    del raw["keep"]
    raw["schema_version"] = 2  # a summary as the previous version saved it
    table.saved_to.write_text(json.dumps(raw), encoding="utf-8")
    loaded = load_summary(table.saved_to)
    assert loaded.keep == Keep.SAVE and loaded.schema_version == SCHEMA_VERSION
    out = tmp_path.parent / f"{tmp_path.name}-report.pdf"  # outside the data folder (only the game writes there)
    assert main(["report", str(table.saved_to), "--out", str(out)]) == 0
    assert "V2-1" in "".join(p.extract_text() for p in PdfReader(out).pages)


def test_report_refuses_an_only_show_summary_in_one_line(deck, tmp_path, capsys):
    table = Table.start(deck, conversation_setup(seed=6, keep=Keep.SHOW), tmp_path / "data")
    play_to_the_end(table)
    path = tmp_path / "shown.json"  # such a file is never written by the game: someone made it
    path.write_text(table.summary.model_dump_json(), encoding="utf-8")
    out = tmp_path / "report.pdf"
    assert main(["report", str(path), "--out", str(out)]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and str(path) in err and "only show" in err
    assert not out.exists()


# --- print --------------------------------------------------------------------------------------------------


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_the_consent_text_is_printed_on_a_card_of_its_own(deck, tmp_path, lang):
    out = tmp_path / f"{lang}.pdf"
    assert main(["print", "--lang", lang, "--out", str(out)]) == 0
    pages = [" ".join(p.extract_text().split()) for p in PdfReader(out).pages]
    consent = deck.consent
    [page] = [p for p in pages if consent.saved[lang] in p]  # the whole text, on one page of cards
    assert consent.seen[lang] in page and C.word("consent_choice", lang) in page
    assert C.word("consent_saved", lang) in page and C.word("consent_seen", lang) in page
    back = pages[pages.index(page) + 1]
    assert C.word("consent", lang) in back  # its back says what it is


def test_the_longest_consent_text_the_loader_allows_fits_the_card_uncut():
    words = ("Zo werkt het bij ons. " * 20).split()[:MAX_CONSENT_WORDS]
    long_text = " ".join(words)
    consent = Consent(title={"nl": "Wat gebeurt er met jullie antwoorden en wie mag ze zien?"},
                      saved={"nl": long_text}, seen={"nl": long_text})
    drawing = C.consent_card(consent, "nl")
    texts = [s for s in drawing.shapes if isinstance(s, Text)]
    assert not any(line.endswith("…") for t in texts for line in t.lines)
    assert all(0 <= t.y and t.y + t.h <= C.CARD_H_MM for t in texts)
    printed = " ".join(" ".join(t.lines) for t in texts)
    assert printed.count("Zo werkt het bij ons.") == 2 * MAX_CONSENT_WORDS // 5
    assert min(t.size_pt for t in texts) >= 6.5


def test_print_places_the_consent_card_with_the_others(deck):
    names = [c.name for c in printing.print_cards(deck, "nl", ["binding"], quick=True)]
    assert names.count("consent") == 1
