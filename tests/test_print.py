"""Print-and-play: the PDF is read back with pypdf and checked as a person with scissors would need it."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

import pytest
from pypdf import PdfReader
from pypdf.generic import ContentStream

from game import cli, printing
from game.decks import load_deck
from game.model.deck import CardKind
from game.paper import flow

DECK = load_deck()
PT = 72 / 25.4  # points per mm
CARD_W, CARD_H = 63.0, 88.0
TOL = 0.2
PAGE_SIZES = {"a4": (210.0, 297.0), "letter": (215.9, 279.4)}
LINE_GREY = (200, 200, 200)  # the hairline on the cut line of every front (palette.LINE)


@dataclass
class Page:
    """What a page draws, in mm from the top-left corner of the page."""

    height: float
    rects: list[tuple[str, tuple[int, ...] | None, float, float, float, float]] = field(default_factory=list)
    lines: list[tuple[tuple[int, ...] | None, float, float, float, float]] = field(default_factory=list)
    texts: list[tuple[str, float, float]] = field(default_factory=list)


def _mul(a: list[float], b: list[float]) -> list[float]:
    """Product of two PDF matrices [a b c d e f] (a applied first)."""
    return [
        a[0] * b[0] + a[1] * b[2], a[0] * b[1] + a[1] * b[3],
        a[2] * b[0] + a[3] * b[2], a[2] * b[1] + a[3] * b[3],
        a[4] * b[0] + a[5] * b[2] + b[4], a[4] * b[1] + a[5] * b[3] + b[5],
    ]


def _rgb(operands) -> tuple[int, ...]:
    return tuple(round(float(v) * 255) for v in operands)


def read_pages(path: Path) -> tuple[PdfReader, list[Page]]:
    """Per page: rectangles (and how they were painted), two-point stroked lines and text positions."""
    reader = PdfReader(path)
    pages = []
    for pdf_page in reader.pages:
        height = float(pdf_page.mediabox.height) / PT
        page = Page(height)

        def to_mm(x: float, y: float, m: list[float], h: float = height) -> tuple[float, float]:
            px, py = x * m[0] + y * m[2] + m[4], x * m[1] + y * m[3] + m[5]
            return px / PT, h - py / PT

        ctm = [1.0, 0, 0, 1.0, 0, 0]
        stack: list[tuple[list[float], tuple | None, tuple | None]] = []
        fill: tuple[int, ...] | None = (0, 0, 0)
        stroke: tuple[int, ...] | None = (0, 0, 0)
        path: list[tuple[str, list[float]]] = []
        for operands, op in ContentStream(pdf_page.get_contents(), reader).operations:
            op = op.decode() if isinstance(op, bytes) else op
            if op == "q":
                stack.append((ctm, fill, stroke))
            elif op == "Q":
                ctm, fill, stroke = stack.pop()
            elif op == "cm":
                ctm = _mul([float(v) for v in operands], ctm)
            elif op == "rg":
                fill = _rgb(operands)
            elif op == "RG":
                stroke = _rgb(operands)
            elif op in ("re", "m", "l", "c", "h"):
                path.append((op, [float(v) for v in operands]))
            elif op in ("S", "s", "f", "F", "f*", "B", "B*", "b", "b*", "n"):
                painted = "stroke" if op in ("S", "s") else "fill" if op.startswith(("f", "F")) else op
                for kind, args in path:
                    if kind == "re":
                        x, y, w, h = args
                        (x1, y1), (x2, y2) = to_mm(x, y, ctm), to_mm(x + w, y + h, ctm)
                        colour = stroke if painted == "stroke" else fill
                        box = (min(x1, x2), min(y1, y2), abs(x2 - x1), abs(y2 - y1))
                        page.rects.append((painted, colour, *box))
                if painted == "stroke" and [k for k, _ in path] == ["m", "l"]:
                    (x1, y1), (x2, y2) = to_mm(*path[0][1], ctm), to_mm(*path[1][1], ctm)
                    page.lines.append((stroke, x1, y1, x2, y2))
                path = []

        def visit(text, cm, tm, font_dict, font_size, page=page, to_mm=to_mm):
            if text.strip():
                x, y = to_mm(tm[4], tm[5], cm)
                page.texts.append((text.strip(), x, y))

        pdf_page.extract_text(visitor_text=visit)
        pages.append(page)
    return reader, pages


def card_boxes(page: Page) -> list[tuple[float, float, float, float]]:
    """The hairline boxes on a front page: one per card."""
    return [(x, y, w, h) for kind, c, x, y, w, h in page.rects if kind == "stroke" and c == LINE_GREY]


def back_boxes(page: Page, min_w: float = 50) -> list[tuple[tuple[int, ...], float, float, float, float]]:
    """Filled rectangles of card size on a back page: one background per card."""
    return [(c, x, y, w, h) for kind, c, x, y, w, h in page.rects if kind == "fill" and w > min_w and h > 70]


def inside(px: float, py: float, box: tuple[float, float, float, float], margin: float = 0.0) -> bool:
    x, y, w, h = box
    return x - margin <= px <= x + w + margin and y - margin <= py <= y + h + margin


def squash(text: str) -> str:
    """Text without white space, to compare across line breaks."""
    return re.sub(r"\s+", "", text)


def make(tmp_path: Path, *args: str, name: str = "deck.pdf") -> Path:
    out = tmp_path / name
    assert cli.main(["print", "--out", str(out), *args]) == 0
    return out


@pytest.fixture(scope="module")
def printed(tmp_path_factory) -> dict[str, tuple[Path, PdfReader, list[Page]]]:
    out = {}
    for lang in DECK.languages:
        path = make(tmp_path_factory.mktemp(lang), "--lang", lang)
        out[lang] = (path, *read_pages(path))
    return out


def card_pages(pages: list[Page]) -> list[tuple[Page, Page]]:
    """(front, back) pages: the pages after the first one that shows card boxes, in pairs."""
    first = next(i for i, p in enumerate(pages) if card_boxes(p))
    assert first % 2 == 0, "the cards must start on the front of a sheet"
    rest = pages[first:]
    assert len(rest) % 2 == 0
    return [(rest[i], rest[i + 1]) for i in range(0, len(rest), 2)]


def expected_count(features: list[str] | None = None, quick: bool = False) -> int:
    chosen = features or [f.id for f in DECK.features]
    cards = [c for c in DECK.cards if c.feature in chosen and (c.quick or not quick)]
    starters = [s for s in DECK.starters if s.feature in chosen]
    cases = DECK.cases if not features else []
    # a case and its client-view card; two players' estimate cards and pass card; the reference and consent card
    return len(cards) + len(starters) + 2 * len(cases) + 2 * 6 + 2


# --- the sheets -------------------------------------------------------------------------------------------


@pytest.mark.parametrize("lang", DECK.languages)
def test_a4_pages_and_every_card_box_is_63_by_88_mm(printed, lang: str) -> None:
    _, reader, pages = printed[lang]
    for p in reader.pages:
        assert abs(float(p.mediabox.width) / PT - 210.0) < 0.1
        assert abs(float(p.mediabox.height) / PT - 297.0) < 0.1
    sheets = card_pages(pages)
    boxes = [b for front, _ in sheets for b in card_boxes(front)]
    assert len(boxes) == expected_count()
    for _x, _y, w, h in boxes:
        assert abs(w - CARD_W) <= TOL and abs(h - CARD_H) <= TOL, (w, h)
    for front, _ in sheets:
        assert len(card_boxes(front)) <= 9


def _grid(page_w: float, page_h: float, boxes, pitch_x: float = CARD_W, pitch_y: float = CARD_H) -> None:
    """The boxes sit on a 3×3 grid whose full extent is centred on the page."""
    xs = sorted({round(x, 2) for x, *_ in boxes})
    ys = sorted({round(y, 2) for _, y, *_ in boxes})
    assert len(xs) <= 3 and len(ys) <= 3
    full_cols = round((page_w - 10) // pitch_x) if pitch_x > CARD_W else 3
    full_rows = round((page_h - 10) // pitch_y) if pitch_y > CARD_H else 3
    for a, b in zip(xs, xs[1:], strict=False):
        assert abs(b - a - pitch_x) <= TOL
    for a, b in zip(ys, ys[1:], strict=False):
        assert abs(b - a - pitch_y) <= TOL
    if len(xs) == min(3, full_cols):
        assert abs(xs[0] - (page_w - (xs[-1] + CARD_W))) <= TOL, "grid centred across"
    if len(ys) == min(3, full_rows):
        assert abs(ys[0] - (page_h - (ys[-1] + CARD_H))) <= TOL, "grid centred top to bottom"


@pytest.mark.parametrize("paper", ["a4", "letter"])
def test_grid_is_centred_on_the_paper(tmp_path: Path, paper: str) -> None:
    _, pages = read_pages(make(tmp_path, "--paper", paper, "--features", "binding", "--quick"))
    page_w, page_h = PAGE_SIZES[paper]
    for front, _ in card_pages(pages):
        assert abs(front.height - page_h) < 0.1
        _grid(page_w, page_h, card_boxes(front))
    full = card_pages(pages)[0][0]
    assert len(card_boxes(full)) == 9


def _back_colour(card: printing.PrintCard) -> str:
    return card.back.shapes[0].fill.lower()


@pytest.mark.parametrize("lang", DECK.languages)
def test_each_back_lands_behind_its_front_under_a_long_edge_flip(printed, lang: str) -> None:
    """A long-edge flip maps x to page width − x: the back's box must be the mirror of its front's box, and
    show the colour of that card's pile."""
    _, reader, pages = printed[lang]
    page_w = float(reader.pages[0].mediabox.width) / PT
    cards = printing.print_cards(DECK, lang)
    seen = 0
    for (front, back), group in zip(card_pages(pages), [cards[i:i + 9] for i in range(0, len(cards), 9)],
                                    strict=True):
        backs = back_boxes(back)
        fronts = card_boxes(front)
        assert len(backs) == len(fronts) == len(group)
        for box, card in zip(sorted(fronts, key=lambda b: (round(b[1]), b[0])), group, strict=True):
            x, y, w, h = box
            mirrored = [b for b in backs if abs(b[1] - (page_w - x - w)) <= TOL and abs(b[2] - y) <= TOL]
            assert len(mirrored) == 1, f"no back behind the card at {x:.1f}, {y:.1f}"
            colour = mirrored[0][0]
            assert abs(mirrored[0][3] - w) <= TOL and abs(mirrored[0][4] - h) <= TOL
            assert "#{:02x}{:02x}{:02x}".format(*colour) == _back_colour(card), card.name
            seen += 1
    assert seen == expected_count()


@pytest.mark.parametrize("lang", DECK.languages)
def test_cut_marks_lie_outside_the_cards_and_inside_the_printable_margin(printed, lang: str) -> None:
    _, reader, pages = printed[lang]
    page_w = float(reader.pages[0].mediabox.width) / PT
    for front, back in card_pages(pages):
        boxes = card_boxes(front)
        marks = [m for m in front.lines if m[0] == (0, 0, 0)]
        assert marks, "every front page has cut marks"
        assert not [m for m in back.lines if m[0] == (0, 0, 0)], "backs have no marks to show through"
        edges_x = {round(x + dx, 1) for x, _, w, _ in boxes for dx in (0, w)}
        edges_y = {round(y + dy, 1) for _, y, _, h in boxes for dy in (0, h)}
        marked_x, marked_y = set(), set()
        for _, x1, y1, x2, y2 in marks:
            for px, py in ((x1, y1), (x2, y2), ((x1 + x2) / 2, (y1 + y2) / 2)):
                assert printing.MARK_END_MM - 0.01 <= px <= page_w - printing.MARK_END_MM + 0.01
                assert printing.MARK_END_MM - 0.01 <= py <= front.height - printing.MARK_END_MM + 0.01
                for x, y, w, h in boxes:
                    assert not (x + 0.5 < px < x + w - 0.5 and y + 0.5 < py < y + h - 0.5), "a mark on a card"
            if abs(x1 - x2) < 1e-6:
                marked_x.add(round(x1, 1))
            else:
                assert abs(y1 - y2) < 1e-6, "marks are straight"
                marked_y.add(round(y1, 1))
        assert edges_x <= marked_x and edges_y <= marked_y, "every cut line is marked"
        assert marked_x <= {round(e, 1) for e in _all_grid_edges(page_w, front.height, 0)[0]}


def _all_grid_edges(page_w: float, page_h: float, bleed: float, sheet: printing.Sheet | None = None
                    ) -> tuple[set[float], set[float]]:
    sheet = sheet or printing.Sheet(page_w, page_h, bleed)
    xs, ys = sheet.cut_lines()
    return set(xs), set(ys)


@pytest.mark.parametrize("lang", DECK.languages)
def test_the_text_of_every_card_is_in_the_pdf_as_text(printed, lang: str) -> None:
    _, reader, pages = printed[lang]
    first = next(i for i, p in enumerate(pages) if card_boxes(p))
    cards = printing.print_cards(DECK, lang)
    by_page: dict[int, str] = {}
    for n, card in enumerate(cards):
        index = first + 2 * (n // 9)
        if index not in by_page:
            by_page[index] = squash(reader.pages[index].extract_text())
        for t in card.front.texts():
            assert squash(" ".join(t.lines)) in by_page[index] or squash("".join(t.lines)) in by_page[index]
    everything = squash(" ".join(by_page.values()))
    for c in DECK.cards:
        assert squash(c.client[lang]) in everything and squash(c.professional[lang]) in everything, c.id
    for s in DECK.starters:
        assert squash(s.text[lang]) in everything, s.id
    for case in DECK.cases:
        assert squash(case.text[lang]) in everything, case.id
    for label in DECK.scale[lang]:
        assert squash(label) in everything


@pytest.mark.parametrize("lang", DECK.languages)
def test_every_text_is_drawn_inside_a_card(printed, lang: str) -> None:
    _, _, pages = printed[lang]
    for front, back in card_pages(pages):
        boxes = card_boxes(front)
        for text, x, y in front.texts:
            assert any(inside(x, y, b) for b in boxes), (text, x, y)
        bboxes = [(x, y, w, h) for _, x, y, w, h in back_boxes(back)]
        for text, x, y in back.texts:
            assert any(inside(x, y, b) for b in bboxes), (text, x, y)


def test_the_font_is_embedded(printed) -> None:
    """All text is set in the program's font, embedded in the file: vector text, the same everywhere."""
    _, reader, _ = printed["nl"]
    page = reader.pages[-2]
    fonts = {name: f.get_object() for name, f in page["/Resources"]["/Font"].items()}
    used, current = set(), None
    for ops, op in ContentStream(page.get_contents(), reader).operations:
        if op == b"Tf":
            current = str(ops[0])
        elif op in (b"Tj", b"TJ", b"'", b'"'):
            used.add(current)
    assert used
    for name in used:
        font = fonts[name]
        assert "Atkinson" in str(font["/BaseFont"])
        if "/DescendantFonts" in font:
            font = font["/DescendantFonts"][0].get_object()
        assert "/FontFile2" in font["/FontDescriptor"]


# --- first pages ------------------------------------------------------------------------------------------


def test_first_pages_have_the_guide_and_the_rules_in_the_chosen_language(printed) -> None:
    _, reader, pages = printed["nl"]
    first = next(i for i, p in enumerate(pages) if card_boxes(p))
    intro = " ".join(reader.pages[i].extract_text() for i in range(first))
    assert "ware grootte" in intro and "lange kant" in intro
    assert "Zo speel je op papier" in intro and "How to play on paper" not in intro
    _, reader, pages = printed["en"]
    first = next(i for i, p in enumerate(pages) if card_boxes(p))
    intro = " ".join(reader.pages[i].extract_text() for i in range(first))
    assert "actual size" in intro and "long edge" in intro
    assert "How to play on paper" in intro and "Zo speel je" not in intro


def test_the_first_page_names_the_deck_and_the_program_version(printed) -> None:
    from game import __version__

    words = {"nl": "Kaartset werkalliantie 2.0 · gemaakt met", "en": "Deck werkalliantie 2.0 · made with"}
    for lang in ("nl", "en"):
        _, reader, _ = printed[lang]
        assert f"{words[lang]} werkalliantie {__version__}" in reader.pages[0].extract_text()


def test_pdf_asks_viewers_to_print_at_actual_size_and_long_edge_duplex(printed) -> None:
    _, reader, _ = printed["en"]
    prefs = reader.trailer["/Root"]["/ViewerPreferences"]
    assert prefs["/PrintScaling"] == "/None" and prefs["/Duplex"] == "/DuplexFlipLongEdge"


def test_markdown_subset() -> None:
    blocks = flow.parse_markdown("# Title\n\nOne\nparagraph.\n\n- **Bold**: item\n  goes on\n1. first\n")
    assert [(b.kind, b.text) for b in blocks] == [
        ("h1", "Title"), ("p", "One paragraph."), ("li", "**Bold**: item goes on"), ("li", "first"),
    ]
    assert blocks[3].marker == "1."


# --- choices ----------------------------------------------------------------------------------------------


def test_features_and_quick_choose_the_cards(tmp_path: Path) -> None:
    _, pages = read_pages(make(tmp_path, "--features", "vertrouwen", "stroefheid", "--quick", "--ids"))
    boxes = [b for front, _ in card_pages(pages) for b in card_boxes(front)]
    assert len(boxes) == expected_count(["vertrouwen", "stroefheid"], quick=True)
    text = " ".join(t for front, _ in card_pages(pages) for t, *_ in front.texts)
    assert DECK.feature("binding").name["nl"] not in text
    trust = [c for c in DECK.cards if c.feature == "vertrouwen"]
    quick_q = next(c for c in trust if c.quick and c.kind == CardKind.QUESTION)
    slow_q = next(c for c in DECK.cards if c.feature == "vertrouwen" and not c.quick)
    assert quick_q.id in text and slow_q.id not in text
    assert not any(c.id in text for c in DECK.cases), "case cards only with all features"


@pytest.mark.parametrize("paper", ["a4", "letter"])
def test_bleed_adds_3_mm_around_every_back(tmp_path: Path, paper: str) -> None:
    reader, pages = read_pages(make(tmp_path, "--bleed", "--paper", paper, "--features", "richting_en_kader"))
    page_w, page_h = PAGE_SIZES[paper]
    for front, back in card_pages_bleed(pages):
        backs = back_boxes(back, min_w=60)
        assert backs
        for _, _x, _y, w, h in backs:
            assert abs(w - (CARD_W + 6)) <= TOL and abs(h - (CARD_H + 6)) <= TOL
        trims = [(page_w - (x + 3) - CARD_W, y + 3, CARD_W, CARD_H) for _, x, y, w, h in backs]
        _grid(page_w, page_h, trims, CARD_W + 6, CARD_H + 6)
        marks = [m for m in front.lines if m[0] == (0, 0, 0)]
        xs, ys = _all_grid_edges(page_w, page_h, 3.0, printing.sheet_for(paper, True))
        for _, x1, y1, x2, y2 in marks:
            for px, py in ((x1, y1), (x2, y2)):
                for tx, ty, tw, th in trims:
                    mx = page_w - tx - tw  # the trim box on the front page
                    assert not (mx + 0.5 < px < mx + tw - 0.5 and ty + 0.5 < py < ty + th - 0.5)
            assert any(abs(x1 - v) < 0.01 for v in xs) or any(abs(y1 - v) < 0.01 for v in ys)


def card_pages_bleed(pages: list[Page]) -> list[tuple[Page, Page]]:
    """With bleed the fronts have no hairline: the card sheets are the last pages with big filled boxes."""
    first = next(i for i, p in enumerate(pages) if back_boxes(p, min_w=60)) - 1
    return [(pages[i], pages[i + 1]) for i in range(first, len(pages) - 1, 2)]


def test_png_writes_every_card_at_300_dpi(tmp_path: Path) -> None:
    folder = tmp_path / "png"
    make(tmp_path, "--features", "binding", "--quick", "--png", str(folder))
    cards = printing.print_cards(DECK, "nl", ["binding"], quick=True)
    files = sorted(folder.glob("*.png"))
    fronts = [f for f in files if not f.name.startswith("back-")]
    assert len(fronts) == len(cards)
    assert len(files) - len(fronts) == len({c.pile for c in cards})  # each pile's back once
    data = fronts[0].read_bytes()
    width, height = int.from_bytes(data[16:20], "big"), int.from_bytes(data[20:24], "big")
    assert (width, height) == (round(63 / 25.4 * 300), round(round(63 / 25.4 * 300) * 88 / 63))
    assert b"pHYs" in data[:100]
    assert not list(folder.glob(".*")), "no temporary files left"
    assert fronts[0].stat().st_mode & 0o777 == out_mode(tmp_path / "deck.pdf"), "PNGs are as readable as the PDF"


# --- bad arguments ----------------------------------------------------------------------------------------


@pytest.mark.parametrize("args, words", [
    (["--features", "vertrouwen", "geduld"], "unknown feature 'geduld'"),
    (["--paper", "a5"], "unknown paper size 'a5'"),
])
def test_bad_arguments_give_one_line_and_exit_2(tmp_path: Path, capsys, args: list[str], words: str) -> None:
    out = tmp_path / "x.pdf"
    assert cli.main(["print", "--out", str(out), *args]) == 2
    err = capsys.readouterr().err
    assert words in err and err.count("\n") == 1
    assert not out.exists() and not list(tmp_path.iterdir())


def test_unwritable_out_gives_one_line_and_exit_2(tmp_path: Path, capsys) -> None:
    blocker = tmp_path / "a-file"
    blocker.write_text("x")
    for out in (blocker / "x.pdf", tmp_path / "missing" / "x.pdf", tmp_path):
        assert cli.main(["print", "--out", str(out)]) == 2
        err = capsys.readouterr().err
        assert err.startswith("main.py print: --out") and err.count("\n") == 1, err
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a-file"]


def test_a_failure_while_writing_leaves_no_half_written_file(tmp_path: Path, capsys, monkeypatch) -> None:
    out = tmp_path / "deck.pdf"
    out.write_bytes(b"the old, complete file")

    def broken(target, *args, **kwargs):
        Path(target).write_bytes(b"%PDF-1.4 half")
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(printing, "write_pdf", broken)
    assert cli.main(["print", "--out", str(out), "--force"]) == 2
    assert "No space left on device" in capsys.readouterr().err
    assert out.read_bytes() == b"the old, complete file"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["deck.pdf"]


def test_default_output_name_is_in_the_current_folder(tmp_path: Path, monkeypatch) -> None:
    monkeypatch.chdir(tmp_path)
    assert cli.main(["print", "--lang", "en", "--features", "binding", "--quick"]) == 0
    assert (tmp_path / "werkalliantie-en.pdf").stat().st_size > 10_000
    assert sorted(p.name for p in tmp_path.iterdir()) == ["werkalliantie-en.pdf"]


@pytest.mark.parametrize("lang", DECK.languages)
def test_the_case_card_back_shows_nothing_of_the_answer(lang: str) -> None:
    """The trainer reads a case aloud with its back to the team: the client's own view is a card of its own."""
    from game.printing import print_cards

    cards = {c.name: c for c in print_cards(DECK, lang)}
    for case in DECK.cases:
        back_text = " ".join(line for t in cards[case.id].back.texts() for line in t.lines)
        assert not any(ch.isdigit() for ch in back_text), back_text
        view = cards[f"{case.id}-view"]
        view_text = " ".join(line for t in view.front.texts() for line in t.lines)
        for feature in DECK.features:
            assert feature.name[lang] in view_text
        values = [line for t in view.front.texts() for line in t.lines if line.isdigit()]
        assert values == [str(case.client_view[f.id]) for f in DECK.features]


def out_mode(path: Path) -> int:
    return path.stat().st_mode & 0o777
