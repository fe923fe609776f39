"""The rules screen shows rules.md in the language played, and something useful when the file is missing."""

from __future__ import annotations

from pathlib import Path

from game.ui.scenes.rules import Block, load, parse

ROOT = Path(__file__).resolve().parents[2]

SAMPLE = """# Het spel

## Zo gaat het
1. **Kaart**: lees de vraag.
   Iedereen leest zijn eigen kant.
2. Kies een getal.

- een punt
  dat doorloopt

---

# The game (English)

## How it goes
Read the card.
"""


def test_markdown_becomes_titles_paragraphs_and_list_items():
    blocks = parse(SAMPLE)
    assert blocks[:5] == [
        Block("Het spel", 1),
        Block("Zo gaat het", 2),
        Block("Kaart: lees de vraag. Iedereen leest zijn eigen kant.", 0, "1."),
        Block("Kies een getal.", 0, "2."),
        Block("een punt dat doorloopt", 0, "•"),
    ]
    assert all("---" not in b.text and "**" not in b.text for b in blocks)


def test_each_language_gets_its_own_part(tmp_path):
    path = tmp_path / "rules.md"
    path.write_text(SAMPLE, encoding="utf-8")
    assert [b.text for b in load(path, "nl")][0] == "Het spel"
    assert "Read the card." in [b.text for b in load(path, "en")]
    assert "Kies een getal." not in [b.text for b in load(path, "en")]


def test_without_rules_md_a_short_explanation_is_shown(tmp_path):
    blocks = load(tmp_path / "missing.md", "nl")
    assert blocks[0].text == "Spelregels" and "1 tot 5" in blocks[1].text


def test_the_real_rules_file_has_both_languages():
    if not (ROOT / "rules.md").exists():
        return
    assert load(ROOT / "rules.md", "nl")[0].text != load(ROOT / "rules.md", "en")[0].text
