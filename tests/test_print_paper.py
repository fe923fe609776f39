"""Print-and-play for a trainer at a real printer, read back from the PDF: one back per pile, no ids on the
fronts, a guide that counts what is printed, rules for paper on a page of their own, every mark and all ink
at least 5 mm inside Letter and A4 (with and without bleed), and an --out that never overwrites."""

from __future__ import annotations

import re
import shutil
import subprocess
from collections import defaultdict
from pathlib import Path

import pytest
from pypdf import PdfReader

from game import cli, printing
from game.decks import load_deck
from game.design import cards as C
from game.paper.piles import TEAM_SITUATIONS
from tests.test_print import PAGE_SIZES, back_boxes, card_boxes, inside, read_pages, squash

DECK = load_deck()
SAFE = 5.0


def make(tmp_path: Path, *args: str, name: str = "deck.pdf") -> Path:
    out = tmp_path / name
    assert cli.main(["print", "--out", str(out), *args]) == 0
    return out


@pytest.fixture(scope="module")
def printed(tmp_path_factory) -> dict[str, tuple[PdfReader, list]]:
    out = {}
    for lang in DECK.languages:
        reader, pages = read_pages(make(tmp_path_factory.mktemp(lang), "--lang", lang))
        out[lang] = (reader, pages)
    return out


def _sheets(pages: list) -> list[tuple]:
    first = next(i for i, p in enumerate(pages) if card_boxes(p))
    return [(pages[i], pages[i + 1]) for i in range(first, len(pages), 2)]


# --- one back per pile ------------------------------------------------------------------------------------


@pytest.mark.parametrize("lang", DECK.languages)
def test_each_piles_back_differs_from_every_other_piles_back(printed, lang: str) -> None:
    """Read back from the PDF: behind every card, the colour and the words of its back. Within a pile they are
    the same; no two piles share them."""
    reader, pages = printed[lang]
    page_w = float(reader.pages[0].mediabox.width) / (72 / 25.4)
    cards = printing.print_cards(DECK, lang)
    looks: dict[str, set[tuple]] = defaultdict(set)
    n = 0
    for front, back in _sheets(pages):
        fronts = sorted(card_boxes(front), key=lambda b: (round(b[1]), b[0]))
        backs = back_boxes(back)
        for x, y, w, _h in fronts:
            mirror = page_w - x - w
            colour, bx, by, bw, bh = next(b for b in backs if abs(b[1] - mirror) < 0.2 and abs(b[2] - y) < 0.2)
            words = " ".join(t for t, tx, ty in back.texts if inside(tx, ty, (bx, by, bw, bh)))
            looks[cards[n].pile.key].add((colour, squash(words)))
            n += 1
    assert n == len(cards)
    for pile, seen in looks.items():
        assert len(seen) == 1, f"{pile}: its cards have different backs: {seen}"
    all_looks = [next(iter(seen)) for seen in looks.values()]
    assert len(set(all_looks)) == len(all_looks), "two piles share a back"
    assert len({colour for colour, _ in all_looks}) == len(all_looks), "two piles share a colour"
    # the three piles of a feature differ in colour too, not only in words
    for feature in DECK.features:
        colours = {next(iter(looks[f"{kind}:{feature.id}"]))[0] for kind in ("question", "reflection", "starter",
                                                                              "team_starter")}
        assert len(colours) == 4, feature.id
    expected_piles = {"case", "case_view", "reference", "consent", "estimate"}
    assert expected_piles <= set(looks)


@pytest.mark.parametrize("lang", DECK.languages)
def test_backs_name_their_pile_and_team_cards_never_get_the_pair_back(lang: str) -> None:
    cards = printing.print_cards(DECK, lang)
    by_name = {c.name: c for c in cards}
    for starter in DECK.starters:
        card = by_name[starter.id]
        team = starter.situation in TEAM_SITUATIONS
        assert card.pile.kind == ("team_starter" if team else "starter"), starter.id
        words = " ".join(line for t in card.back.texts() for line in t.lines)
        assert ("team" in words.lower()) == team, words
        assert DECK.feature(starter.feature).name[lang] in words and C.word("starter", lang) in words
    for card in cards:
        words = " ".join(line for t in card.back.texts() for line in t.lines)
        if card.pile.kind in ("question", "reflection"):
            assert C.word(card.pile.kind, lang) in words and DECK.feature(card.pile.feature).name[lang] in words
    ref, consent = by_name["reference"], by_name["consent"]
    estimate = by_name["estimate-p1-1"]
    assert len({ref.back, consent.back, estimate.back}) == 3
    assert by_name["pass-p1"].back == estimate.back, "a pass card hides among the estimate cards"


# --- fronts -----------------------------------------------------------------------------------------------


def _ids() -> set[str]:
    ids = {c.id for c in DECK.cards} | {s.id for s in DECK.starters} | {c.id for c in DECK.cases}
    return ids | {f"{c.id}-view" for c in DECK.cases}


@pytest.mark.parametrize("lang", DECK.languages)
def test_no_card_id_is_printed_on_a_front(printed, lang: str) -> None:
    reader, pages = printed[lang]
    first = next(i for i, p in enumerate(pages) if card_boxes(p))
    text = " ".join(reader.pages[i].extract_text() for i in range(first, len(pages)))
    words = set(re.findall(r"[\w-]+", text))
    assert not words & _ids()
    assert not re.search(r"\b[a-z]{2}-[qrs]\d+\b", text)


def test_ids_are_printed_only_when_asked(tmp_path: Path) -> None:
    reader = PdfReader(make(tmp_path, "--features", "binding", "--quick", "--ids"))
    text = " ".join(p.extract_text() for p in reader.pages)
    binding = [c.id for c in DECK.cards if c.feature == "binding" and c.quick]
    assert binding and all(i in text for i in binding)


@pytest.mark.parametrize("lang", DECK.languages)
def test_a_high_number_on_stroefheid_means_much_friction_on_its_cards_and_the_estimate_cards(lang: str) -> None:
    hinders = [f for f in DECK.features if f.polarity.value == "hinders"]
    assert hinders
    cards = printing.print_cards(DECK, lang)
    for feature in hinders:
        note = C.high_means(DECK, feature.id, lang)
        assert note.startswith("5 = ") and feature.name[lang].lower() in note
        for card in cards:
            front = " ".join(line for t in card.front.texts() for line in t.lines)
            if card.pile.feature == feature.id or card.name.startswith("estimate-"):
                assert note in front, card.name
            elif card.pile.feature:
                assert note not in front, card.name


# --- the guide and the rules for paper --------------------------------------------------------------------


@pytest.mark.parametrize("lang", DECK.languages)
def test_the_guides_counts_add_up_to_the_cards_printed(printed, lang: str) -> None:
    reader, pages = printed[lang]
    sheets = _sheets(pages)
    printed_cards = sum(len(card_boxes(front)) for front, _ in sheets)
    guide = " ".join(reader.pages[0].extract_text().split())
    section = guide.split({"nl": "In deze set", "en": "In this set"}[lang], 1)[1]
    items, total = section.split({"nl": "Samen:", "en": "Together:"}[lang], 1)
    counts = [int(n) for n in re.findall(r"(?:^|[:,•]\s*)(\d+) ", " " + items.strip())]
    assert sum(counts) == printed_cards, (counts, items)
    assert re.match(rf"\s*{printed_cards} \w+ \w+ {len(sheets)} ", total), total
    assert ({"nl": "eigen kaart", "en": "card of its own"}[lang]) in guide
    assert "op de achterkant" not in guide and "on the back" not in guide.replace("by their back", "")


@pytest.mark.parametrize("paper", ["a4", "letter"])
@pytest.mark.parametrize("lang", ["nl", "en"])
def test_the_rules_for_paper_fill_one_page_after_the_guide(tmp_path: Path, paper: str, lang: str) -> None:
    reader, pages = read_pages(make(tmp_path, "--paper", paper, "--lang", lang, "--features", "binding", "--quick"))
    first = next(i for i, p in enumerate(pages) if card_boxes(p))
    assert first == 2, "guide on page 1, rules on page 2, no blank page"
    rules = " ".join(reader.pages[1].extract_text().split())
    must = {
        "nl": ["Zo speel je op papier", "dicht", "tegelijk", "Ik pas", "veel stroefheid", "Afspraken opschrijven",
               "Allebei laag", "Begeleider kiest hoger"],
        "en": ["How to play on paper", "face down", "at the same time", "I pass", "a lot of friction",
               "Writing down agreements", "Both low", "Professional chose higher"],
    }[lang]
    for words in must:
        assert words in rules, words
    for app_words in ("kleurt het spel", "colours the difference", "aan het eind zien jullie"):
        assert app_words not in rules


# --- the sheet: every mark and all ink inside the paper ---------------------------------------------------


def _pgm(path: Path) -> tuple[int, int, bytes]:
    data = path.read_bytes()
    parts = data.split(maxsplit=4)  # P5, width, height, maxval, pixels
    return int(parts[1]), int(parts[2]), parts[4][-int(parts[1]) * int(parts[2]):]


@pytest.mark.skipif(shutil.which("pdftoppm") is None, reason="needs pdftoppm (poppler-utils)")
@pytest.mark.parametrize("bleed", [False, True])
@pytest.mark.parametrize("paper", ["a4", "letter"])
def test_every_cut_mark_and_all_ink_stay_5_mm_inside_the_sheet(tmp_path: Path, paper: str, bleed: bool) -> None:
    args = ["--paper", paper, "--features", "stroefheid", "--quick"] + (["--bleed"] if bleed else [])
    pdf = make(tmp_path, *args)
    _, pages = read_pages(pdf)
    page_w, page_h = PAGE_SIZES[paper]
    for page in pages:  # the geometry: every line and rectangle
        for _, x1, y1, x2, y2 in page.lines:
            assert min(x1, x2) >= SAFE and max(x1, x2) <= page_w - SAFE, (x1, x2)
            assert min(y1, y2) >= SAFE and max(y1, y2) <= page_h - SAFE, (y1, y2)
        for _, _, x, y, w, h in page.rects:
            assert x >= SAFE - 0.01 and y >= SAFE - 0.01 and x + w <= page_w - SAFE + 0.01
            assert y + h <= page_h - SAFE + 0.01
    sheets = [(f, b) for f, b in zip(pages[2::2], pages[3::2], strict=False)]
    assert sheets and all(card_boxes(f) or bleed for f, _ in sheets)
    dpi = 50  # the pixels: a 5 mm strip around every page is blank paper
    subprocess.run(["pdftoppm", "-r", str(dpi), "-gray", str(pdf), str(tmp_path / "p")], check=True)
    strip = int(SAFE / 25.4 * dpi) - 1
    files = sorted(tmp_path.glob("p-*.pgm"))
    assert len(files) == len(pages)
    for f in files:
        w, h, px = _pgm(f)
        rows = [px[r * w:(r + 1) * w] for r in range(h)]
        border = [v for r in (*rows[:strip], *rows[h - strip:]) for v in r]
        border += [v for r in rows for v in (*r[:strip], *r[w - strip:])]
        assert min(border) >= 250, f"ink within {SAFE} mm of the edge on {f.name}"


@pytest.mark.parametrize(("paper", "bleed", "per_sheet"), [("a4", False, 9), ("letter", False, 9), ("a4", True, 6),
                                                            ("letter", True, 4)])
def test_each_paper_gets_a_layout_that_fits(paper: str, bleed: bool, per_sheet: int) -> None:
    sheet = printing.sheet_for(paper, bleed)
    assert isinstance(sheet, printing.Sheet) and sheet.per_sheet == per_sheet and sheet.fits()


def test_a_back_offset_beyond_reason_is_refused_in_one_line(tmp_path: Path, capsys) -> None:
    for offset in ("9,0", "x,1", "1"):
        assert cli.main(["print", "--back-offset", offset, "--out", str(tmp_path / "x.pdf")]) == 2
        err = capsys.readouterr().err
        assert "--back-offset" in err and err.count("\n") == 1
    assert not list(tmp_path.iterdir())


# --- --out ------------------------------------------------------------------------------------------------


def test_out_on_an_existing_file_exits_2_and_leaves_it_untouched(tmp_path: Path, capsys) -> None:
    out = tmp_path / "deck.pdf"
    out.write_bytes(b"my own file")
    out.chmod(0o640)
    assert cli.main(["print", "--features", "binding", "--quick", "--out", str(out)]) == 2
    err = capsys.readouterr().err
    assert "exists" in err and "--force" in err and err.count("\n") == 1
    assert out.read_bytes() == b"my own file" and out.stat().st_mode & 0o777 == 0o640
    assert sorted(p.name for p in tmp_path.iterdir()) == ["deck.pdf"]
    assert cli.main(["print", "--features", "binding", "--quick", "--out", str(out), "--force"]) == 0
    assert out.read_bytes().startswith(b"%PDF")


def test_out_never_replaces_what_is_not_a_regular_file(tmp_path: Path, capsys) -> None:
    target = tmp_path / "target.txt"
    target.write_text("kept")
    link = tmp_path / "link.pdf"
    link.symlink_to(target)
    assert cli.main(["print", "--out", str(link), "--force"]) == 2
    assert "not a regular file" in capsys.readouterr().err
    assert link.is_symlink() and target.read_text() == "kept"


# --- the test sheet ---------------------------------------------------------------------------------------


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_the_test_sheet_is_one_sheet_and_its_back_moves_with_the_offset(tmp_path: Path, lang: str) -> None:
    plain = make(tmp_path, "--test-sheet", "--lang", lang, name="plain.pdf")
    moved = make(tmp_path, "--test-sheet", "--lang", lang, "--back-offset", "1.5,-1", name="moved.pdf")
    reader, (front, back) = read_pages(plain)
    assert len(reader.pages) == 2 and "--back-offset" in reader.pages[1].extract_text()
    _, (front2, back2) = read_pages(moved)
    assert front.lines == front2.lines
    shifts = {(round(b[1] - a[1], 2), round(b[2] - a[2], 2)) for a, b in zip(back.lines, back2.lines, strict=True)}
    assert shifts == {(1.5, -1.0)}


@pytest.mark.parametrize("lang", DECK.languages)
def test_every_back_and_pass_card_shows_its_words_whole_inside_the_card(lang: str) -> None:
    drawings = {card.back for card in printing.print_cards(DECK, lang)}
    drawings |= {card.front for card in printing.print_cards(DECK, lang) if card.name.startswith("pass-")}
    for d in drawings:
        texts = list(d.texts())
        assert texts and all(t.lines for t in texts)
        for t in texts:
            assert not any(line.endswith("…") for line in t.lines), t.lines
            assert 0 <= t.x and t.x + t.w <= C.W and 0 <= t.y and t.y + t.h <= C.H


def test_pngs_on_a_full_disk_give_one_line_and_keep_the_pdf(tmp_path: Path, capsys, monkeypatch) -> None:
    from game.paper import pngs

    def full(*args, **kwargs):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(pngs, "_set_png_dpi", full)
    out, folder = tmp_path / "deck.pdf", tmp_path / "png"
    assert cli.main(["print", "--features", "binding", "--quick", "--out", str(out), "--png", str(folder)]) == 1
    err = capsys.readouterr().err
    assert "No space left on device" in err and err.count("\n") == 1
    assert out.read_bytes().startswith(b"%PDF") and not list(folder.iterdir())


def test_ink_saver_keeps_every_pile_apart_with_light_backs(tmp_path: Path) -> None:
    from game.design.palette import luminance

    cards = printing.print_cards(DECK, "nl", ink_saver=True)
    backs = {c.pile: c.back for c in cards}
    assert len(set(backs.values())) == len(backs)
    _, pages = read_pages(make(tmp_path, "--ink-saver", "--features", "stroefheid", "--quick"))
    fills = [colour for _, back in _sheets(pages) for colour, *_ in back_boxes(back)]
    assert fills and all(luminance("#{:02x}{:02x}{:02x}".format(*c)) >= 0.6 for c in fills)
