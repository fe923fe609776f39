"""Loading decks: every kind of bad input gives one clear line, all problems at once."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from game.decks import DEFAULT_DECK, MAX_CARD_WORDS, MAX_SENTENCE_WORDS, DeckError, load_deck
from game.model import FEATURE_IDS, CardKind, Situation

ROOT = Path(__file__).resolve().parent.parent
LINE = re.compile(r"^\S+\.toml: (?:(?:card|starter|case) \S+: )?(?:[\w.]+: )?\S.*$")


@pytest.fixture
def deck_dir(tmp_path: Path) -> Path:
    target = tmp_path / "deck"
    shutil.copytree(DEFAULT_DECK, target)
    return target


def edit(path: Path, old: str, new: str, count: int = 1) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, f"{old!r} not in {path.name}"
    path.write_text(text.replace(old, new, count), encoding="utf-8")


def problems(folder: Path) -> list[str]:
    with pytest.raises(DeckError) as info:
        load_deck(folder)
    for line in info.value.problems:
        assert "\n" not in line and "Traceback" not in line
    return info.value.problems


def test_the_default_deck_loads(deck):
    assert len(deck.features) == 4


def test_the_default_deck_is_big_enough_for_every_feature(deck):
    for fid in FEATURE_IDS:
        assert len(deck.cards_of(fid, CardKind.QUESTION)) >= 8
        assert len(deck.cards_of(fid, CardKind.REFLECTION)) >= 5
        assert deck.cards_of(fid, CardKind.QUESTION, quick_only=True)
        for situation in Situation:
            assert len(deck.starters_for(fid, situation)) >= 2


def test_dutch_and_english_hold_the_same_cards(deck):
    for card in deck.cards:
        for side in (card.client, card.professional):
            assert set(side) == {"nl", "en"}
            assert side["nl"] != side["en"]
    for starter in deck.starters:
        assert set(starter.text) == {"nl", "en"}
    for case in deck.cases:
        assert set(case.text) == set(case.title) == {"nl", "en"}
    assert set(deck.scale) == {"nl", "en"}


def test_every_text_keeps_to_b1_limits(deck):
    from game.decks import longest_sentence, word_count

    for card in deck.cards:
        for text in [*card.client.values(), *card.professional.values()]:
            assert word_count(text) <= MAX_CARD_WORDS and longest_sentence(text) <= MAX_SENTENCE_WORDS


def test_there_are_case_cards_for_every_field(deck):
    fields = {c.field.value for c in deck.cases}
    assert fields == {"probation", "youth_protection", "debt_counselling", "labour_integration", "shelter"}
    assert len(deck.cases) >= 20
    for field in fields:
        assert sum(c.field.value == field for c in deck.cases) >= 4


def test_syntax_error(deck_dir):
    (deck_dir / "binding.toml").write_text("id = 'binding\n", encoding="utf-8")
    lines = problems(deck_dir)
    assert any(line.startswith(f"{deck_dir / 'binding.toml'}: syntax error") for line in lines)


def test_unknown_key(deck_dir):
    edit(deck_dir / "vertrouwen.toml", 'kind = "question"', 'kind = "question"\ncolor = "red"')
    assert f"{deck_dir / 'vertrouwen.toml'}: card vt-q1: color: unknown key" in problems(deck_dir)


def test_missing_translation(deck_dir):
    path = deck_dir / "binding.toml"
    text = path.read_text(encoding="utf-8")
    start = text.index("[[card]]")
    client = text.index("client = {", start)
    end = text.index("\n", client)
    line = text[client:end]
    path.write_text(text[:client] + line[: line.index(", en =")] + " }" + text[end:], encoding="utf-8")
    assert any(": card bi-q1: client: missing translation 'en'" in x for x in problems(deck_dir))


def test_missing_perspective(deck_dir):
    path = deck_dir / "stroefheid.toml"
    text = path.read_text(encoding="utf-8")
    start = text.index("[[card]]")
    pro = text.index("professional = {", start)
    end = text.index("\n", pro)
    path.write_text(text[:pro] + text[end + 1:], encoding="utf-8")
    assert f"{path}: card st-q1: professional: missing" in problems(deck_dir)


def test_duplicate_card_ids(deck_dir):
    edit(deck_dir / "binding.toml", 'id = "bi-q2"', 'id = "bi-q1"')
    assert any("card bi-q1: id: duplicate id" in x for x in problems(deck_dir))


def test_duplicate_ids_across_files(deck_dir):
    edit(deck_dir / "binding.toml", 'id = "bi-q2"', 'id = "vt-q1"')
    assert any("card vt-q1: id: duplicate id (also in vertrouwen.toml)" in x for x in problems(deck_dir))


def test_unknown_feature_id_as_a_file(deck_dir):
    shutil.copy(deck_dir / "binding.toml", deck_dir / "geduld.toml")
    assert any(x.startswith(f"{deck_dir / 'geduld.toml'}: unknown feature id 'geduld'") for x in problems(deck_dir))


def test_unknown_feature_id_in_a_case(deck_dir):
    edit(deck_dir / "cases.toml", "binding = ", "bonding = ")
    lines = problems(deck_dir)
    assert any(": client_view: unknown feature id 'bonding'" in x for x in lines)
    assert any(": client_view.binding: missing" in x for x in lines)


def test_a_feature_file_that_is_missing(deck_dir):
    (deck_dir / "vertrouwen.toml").unlink()
    assert f"{deck_dir / 'vertrouwen.toml'}: file is missing" in problems(deck_dir)


def test_empty_text(deck_dir):
    edit(deck_dir / "richting_en_kader.toml", 'id = "rk-q1"', 'id = "rk-q1"\nquick = true', 0)
    path = deck_dir / "richting_en_kader.toml"
    text = path.read_text(encoding="utf-8")
    i = text.index("client = { nl = ", text.index('id = "rk-q1"')) + len("client = { nl = ")
    j = text.index('"', i + 1)
    path.write_text(text[:i] + '"  ' + text[j:], encoding="utf-8")
    assert any(": card rk-q1: client.nl: string should have at least 1 character" in x for x in problems(deck_dir))


def test_wrong_type(deck_dir):
    edit(deck_dir / "binding.toml", "quick = true", 'quick = "ja"')
    assert any(": card bi-q1: quick: input should be a valid boolean" in x for x in problems(deck_dir))


def test_wrong_value_for_a_kind(deck_dir):
    edit(deck_dir / "binding.toml", 'kind = "question"', 'kind = "vraag"')
    assert any(": card bi-q1: kind: input should be 'question' or 'reflection'" in x for x in problems(deck_dir))


def test_too_many_words_on_a_card(deck_dir):
    long = " ".join(["Ik"] + ["weet het echt."] * 9)
    edit(deck_dir / "binding.toml", 'nl = "Ik voel me bij mijn begeleider gerespecteerd als mens."', f'nl = "{long}"')
    assert any(": card bi-q1: client.nl: 28 words, at most 25 (B1)" in x for x in problems(deck_dir))


def test_too_long_a_sentence(deck_dir):
    long = "Ik voel me bij mijn begeleider heel erg goed en ook echt gerespecteerd als mens en als vader"
    edit(deck_dir / "binding.toml", 'nl = "Ik voel me bij mijn begeleider gerespecteerd als mens."', f'nl = "{long}."')
    assert any(": card bi-q1: client.nl: a sentence of 18 words, at most 15 (B1)" in x for x in problems(deck_dir))


def test_too_few_starters_for_a_situation(deck_dir):
    path = deck_dir / "vertrouwen.toml"
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace('situation = "both_low"', 'situation = "both_middle"'), encoding="utf-8")
    assert f"{path}: starter: 0 starters for both_low, at least 2" in problems(deck_dir)


def test_missing_deck_metadata(deck_dir):
    (deck_dir / "deck.toml").unlink()
    assert f"{deck_dir / 'deck.toml'}: file is missing" in problems(deck_dir)


def test_a_folder_that_does_not_exist(tmp_path):
    assert problems(tmp_path / "nergens") == [f"{tmp_path / 'nergens'}: no such deck folder"]


def test_all_problems_are_reported_at_once(deck_dir):
    edit(deck_dir / "binding.toml", 'kind = "question"', 'kind = "vraag"')
    edit(deck_dir / "stroefheid.toml", 'kind = "question"', 'kind = "question"\nextra = 1')
    lines = problems(deck_dir)
    assert any("binding.toml" in x for x in lines) and any("stroefheid.toml" in x for x in lines)
    for line in lines:
        assert LINE.match(line.replace(str(deck_dir) + "/", "")), line


def run_cli(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "main.py", *args], cwd=ROOT, capture_output=True, text=True, timeout=60)


def test_check_deck_prints_counts_for_a_good_deck():
    result = run_cli("check-deck", "cards")
    assert result.returncode == 0
    assert result.stdout.count("\n") == 1 and "OK" in result.stdout
    assert "41 question cards" in result.stdout and "20 cases" in result.stdout


def test_check_deck_lists_problems_and_exits_1(deck_dir):
    edit(deck_dir / "binding.toml", 'kind = "question"', 'kind = "vraag"')
    result = run_cli("check-deck", str(deck_dir))
    assert result.returncode == 1
    assert "Traceback" not in result.stderr + result.stdout
    assert "card bi-q1: kind:" in result.stdout


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(cut=st.integers(0, 20_000), junk=st.text(max_size=20))
def test_a_damaged_feature_file_gives_lines_never_a_traceback(deck_dir, cut, junk):
    path = deck_dir / "binding.toml"
    original = (DEFAULT_DECK / "binding.toml").read_text(encoding="utf-8")
    cut = min(cut, len(original))
    path.write_text(original[:cut] + junk + original[cut:], encoding="utf-8")
    try:
        load_deck(deck_dir)
    except DeckError as exc:
        assert exc.problems and all(line.startswith(str(deck_dir)) for line in exc.problems)


def test_text_with_a_control_character_is_refused(deck_dir):
    edit(deck_dir / "binding.toml", 'nl = "Mijn begeleider luistert goed naar mij."', 'nl = "\\u001f"')
    assert any(": card bi-q2: client.nl: contains a control character" in x for x in problems(deck_dir))


# --- scales of their own, and the one-line feature description ---------------------------------------


def test_a_feature_or_a_card_can_have_its_own_scale(deck):
    often = deck.scales["often"]["nl"]
    assert deck.labels("nl", "st-q2") == often  # stroefheid: the whole feature is rated never … always
    assert deck.labels("nl", "vt-q5") == often  # one card of a feature on the main scale
    assert deck.labels("nl", "vt-q1") == deck.scale["nl"]
    assert deck.labels("nl", feature_id="stroefheid") == often
    assert "Grotendeels" not in deck.scale["nl"]


def test_a_scale_name_that_the_deck_does_not_have(deck_dir):
    edit(deck_dir / "vertrouwen.toml", 'scale = "often"', 'scale = "vaak"')
    line = f"{deck_dir / 'vertrouwen.toml'}: card vt-q5: scale: no scale 'vaak' in deck.toml (known: often)"
    assert line in problems(deck_dir)


def test_a_description_with_two_sides_is_named_once(deck_dir):
    path = deck_dir / "binding.toml"
    edit(path, "description = { nl =", '[description]\nprofessional = { nl = "Ik steun." }\nclient = { nl =')
    lines = [x for x in problems(deck_dir) if "binding.toml" in x]
    assert lines == [f"{path}: description: one line per language (nl = \"...\"), not a client and a professional side"]


def test_a_case_without_a_client_view(deck_dir):
    view = "[case.client_view]\nrichting_en_kader = 5\nvertrouwen = 2\nbinding = 2\nstroefheid = 4\n"
    edit(deck_dir / "cases.toml", view, "")
    assert f"{deck_dir / 'cases.toml'}: case case-probation-1: client_view: missing" in problems(deck_dir)


# --- warnings: listed by check-deck, failing only with --strict ------------------------------------


def warnings_of(folder: Path) -> list[str]:
    from game.deckstyle import deck_warnings

    found = deck_warnings(load_deck(folder), folder)
    for line in found:
        assert LINE.match(line.replace(str(folder) + "/", "")), line
    return found


def test_the_default_deck_has_no_warnings(deck):
    from game.deckstyle import deck_warnings

    assert deck_warnings(deck, DEFAULT_DECK) == []


DAMAGED = {  # one damaged deck per warning: (file, old text, new text, the start of the line expected)
    "negation": ("binding.toml", "Mijn begeleider luistert goed naar mij.", "Mijn begeleider luistert niet slecht.",
                 "card bi-q2: client.nl: warning: 'niet' is a negation: 'Helemaal niet' then says no twice; ask it "
                 "the positive way"),
    "frequency": ("binding.toml", "The professional really listens to me.", "The professional often listens to me.",
                  "card bi-q2: client.en: warning: 'often' says how often, but the scale already runs 'Not at all' "
                  "to 'Completely'"),
    "same sides": ("stroefheid.toml", "De gesprekken met mijn cliënt gaan stroef.", "Onze gesprekken gaan stroef.",
                   "card st-q2: professional.nl: warning: the same words as the client side; write it from the "
                   "professional's side"),
    "jargon": ("binding.toml", "Ik heb iets aan onze gesprekken.", "Ik heb iets aan mijn traject.",
               "card bi-q11: client.nl: warning: 'traject' is on the jargon list in deck.toml; use an everyday word"),
    "speaks to": ("binding.toml", "Mijn begeleider luistert goed naar mij.", "Jij luistert goed naar mij.",
                  "card bi-q2: client.nl: warning: 'jij' speaks to the other person"),
    "names": ("binding.toml", "Ik voel me gesteund door mijn begeleider.", "Mijn cliënt voelt zich gesteund.",
              "card bi-q3: client.nl: warning: 'mijn cliënt' is how the professional side names the other person; "
              "the client side says 'mijn begeleider'"),
}


@pytest.mark.parametrize("name", DAMAGED)
def test_each_warning_on_a_damaged_deck(deck_dir, name):
    file, old, new, expected = DAMAGED[name]
    edit(deck_dir / file, old, new)
    lines = warnings_of(deck_dir)
    assert any(x.startswith(f"{deck_dir / file}: {expected}") for x in lines), lines


def test_a_trainer_adds_a_word_to_the_jargon_list(deck_dir):
    edit(deck_dir / "deck.toml", 'nl = ["traject",', 'nl = ["gesprek", "traject",')
    assert any(": starter bi-s6: text.nl: warning: 'gesprek' is on the jargon list" in x for x in warnings_of(deck_dir))


def test_check_deck_lists_warnings_and_fails_on_them_only_with_strict(deck_dir):
    edit(deck_dir / "binding.toml", "Mijn begeleider luistert goed naar mij.", "Mijn begeleider luistert niet slecht.")
    plain = run_cli("check-deck", str(deck_dir))
    assert plain.returncode == 0 and "card bi-q2: client.nl: warning: 'niet'" in plain.stdout
    assert plain.stdout.strip().endswith("OK, 1 warning(s)")
    strict = run_cli("check-deck", "--strict", str(deck_dir))
    assert strict.returncode == 1 and "Traceback" not in strict.stderr
    assert run_cli("check-deck", "--strict", "cards").returncode == 0
