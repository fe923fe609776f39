"""`report SUMMARY.json`: one A4 page for the client's file, read back from the PDF."""

from __future__ import annotations

import os
import re
from datetime import timedelta
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from pypdf import PdfReader
from test_history import T0, make_summary, same

from game.cli import main
from game.decks import load_deck
from game.design.primitives import Box, Circle, Shape, Text
from game.design.primitives import Path as Line
from game.history import build_history
from game.i18n import signal_question
from game.model import FEATURE_IDS
from game.model.session import Mode, Signal, SignalKind
from game.report import FOOTER_Y, MARGIN, PAGE_W, build_page
from game.store import save_summary

STARTER = "Wat zou jou helpen om meer te vertellen?"
AGREEMENT = "Noor belt terug binnen twee werkdagen."


def pdf_text(path: Path) -> str:
    reader = PdfReader(str(path))
    assert len(reader.pages) == 1
    return " ".join(reader.pages[0].extract_text().split())


def card_row(text: str, client: object, pro: object, spread: object) -> bool:
    """A card's row as the PDF reads back: the client's number, the professional's, the spread."""
    return re.search(rf"(?<![\d,]) ?{client} {pro} {spread}(?![\d,])", text) is not None


def pair_sessions(root: Path, lang: str = "nl") -> list[Path]:
    """Four sessions of pair JD-0042, three weeks apart; the last one has a starter, notes and a signal."""
    series = [
        {"richting_en_kader": (3, 4), "vertrouwen": (2, 4), "binding": (3, 3), "stroefheid": (4, 3)},
        {"richting_en_kader": (3, 4), "vertrouwen": (3, 4), "binding": (3, 4), "stroefheid": (4, 2)},
        {"richting_en_kader": (4, 4), "vertrouwen": (3, 3), "binding": (4, 4), "stroefheid": (3, 2)},
        {"richting_en_kader": (4, 4), "vertrouwen": (2, 5), "binding": (4, 3), "stroefheid": (2, 2)},
    ]
    paths = []
    for i, values in enumerate(series):
        last = i == len(series) - 1
        s = make_summary("JD-0042", T0 + timedelta(days=21 * i), values, lang=lang,
                         starters={"vertrouwen": [STARTER]} if last else None,
                         notes={"vertrouwen": [AGREEMENT]} if last else None)
        if last:
            kind = SignalKind.PROFESSIONAL_MORE_POSITIVE
            s = s.model_copy(update={"signals": [Signal(kind=kind, lane="alliance", features=["vertrouwen"],
                                                        question=signal_question(kind, lang))]})
        paths.append(save_summary(s, root))
    return paths


def test_report_holds_the_session_and_the_trend_on_one_page(tmp_path: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    paths = pair_sessions(tmp_path / "data")
    out = tmp_path / "verslag.pdf"
    assert main(["report", str(paths[-1]), "--out", str(out)]) == 0
    assert capsys.readouterr().out.strip() == str(out)
    text = pdf_text(out)
    for expected in (
        "Werkalliantie: verslag van het gesprek", "Datum 11 maart 2025", "Paarcode JD-0042",
        "Sam (cliënt), Noor (begeleider)", "Het is geen test en geen oordeel",
        "Richting en kader", "Vertrouwen", "Binding", "Stroefheid", "hoger = meer stroefheid",
        "1 = helemaal niet", "1 = nooit · 2 = bijna nooit",  # the main scale, and friction's own (never … always)
        STARTER, AGREEMENT, "Besproken met de cliënt op 11 maart 2025.",
        "Vertrouwen: De begeleider ziet dit positiever dan de cliënt. Wat kan de begeleider anders doen?",
        "Hoe het ging", "4 gesprekken, 7 januari 2025 – 11 maart 2025",
        "cliënt: gaat beter",  # stroefheid went down from 4 to 2 for the client
        "Vertrouwen: jullie liggen verder uit elkaar dan vorige keer (verschil eerst 0, nu 3).",
    ):
        assert expected in text, expected
    assert card_row(text, 2, 5, 3)  # trust, the last session
    for word in ("slecht", "fout", "score", "diagnose", "onvoldoende"):
        assert word not in text.lower()


def test_the_program_font_is_embedded(tmp_path: Path) -> None:
    paths = pair_sessions(tmp_path / "data")
    out = tmp_path / "r.pdf"
    assert main(["report", str(paths[-1]), "--out", str(out)]) == 0
    fonts = [ref.get_object() for ref in PdfReader(str(out)).pages[0]["/Resources"]["/Font"].values()]
    assert sorted(str(f["/BaseFont"]).split("+")[1] for f in fonts) == [
        "AtkinsonHyperlegible-Bold", "AtkinsonHyperlegible-Regular",
    ]  # and nothing else, not even an unused Helvetica
    assert all("/FontFile2" in f["/FontDescriptor"].get_object() for f in fonts)  # embedded


def test_the_trend_only_shows_sessions_up_to_this_one(tmp_path: Path) -> None:
    paths = pair_sessions(tmp_path / "data")
    first, second = tmp_path / "first.pdf", tmp_path / "second.pdf"
    assert main(["report", str(paths[0]), "--out", str(first)]) == 0
    assert main(["report", str(paths[1]), "--out", str(second)]) == 0
    assert "Hoe het ging" not in pdf_text(first)  # no earlier sessions: no trend chart
    assert "2 gesprekken, 7 januari 2025 – 28 januari 2025" in pdf_text(second)


def test_a_summary_outside_the_data_dir_finds_the_pair_with_data_dir(tmp_path: Path) -> None:
    root = tmp_path / "data"
    pair_sessions(root)
    later = make_summary("jd-0042", T0 + timedelta(days=100), same(4))
    elsewhere = tmp_path / "export"
    path = save_summary(later, elsewhere)  # a copy in another folder
    out = tmp_path / "r.pdf"
    assert main(["report", str(path), "--data-dir", str(root), "--out", str(out)]) == 0
    assert "5 gesprekken" in pdf_text(out)


def test_english_summary_gives_an_english_page(tmp_path: Path) -> None:
    paths = pair_sessions(tmp_path / "data", lang="en")
    out = tmp_path / "r.pdf"
    assert main(["report", str(paths[-1]), "--out", str(out)]) == 0
    text = pdf_text(out)
    for expected in ("Working alliance: session report", "Date 11 March 2025", "Pair code JD-0042",
                     "Goals and rules", "Trust", "Bond", "Friction", "difference",
                     "Trust: The professional sees this more positively than the client.", "How it went",
                     "higher = more friction", "not a test", "Discussed with the client on 11 March 2025."):
        assert expected in text, expected
    assert card_row(text, 2, 5, 3)
    assert "verschil" not in text and "Datum" not in text


def test_a_damaged_summary_gives_one_line_naming_it(tmp_path: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    bad = tmp_path / "kapot.json"
    bad.write_text('{"schema_version": 2, "session_id": "x"')
    out = tmp_path / "r.pdf"
    assert main(["report", str(bad), "--out", str(out)]) == 1
    err = capsys.readouterr().err.strip()
    assert len(err.splitlines()) == 1 and str(bad) in err
    assert not out.exists()
    assert main(["report", str(tmp_path / "missing.json"), "--out", str(out)]) == 1
    assert "missing.json" in capsys.readouterr().err


def test_a_team_session_is_not_made_into_a_client_report(tmp_path: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    path = save_summary(make_summary(None, T0, same(3), mode=Mode.TEAM), tmp_path)
    assert main(["report", str(path), "--out", str(tmp_path / "r.pdf")]) == 1
    err = capsys.readouterr().err.strip()
    assert len(err.splitlines()) == 1 and "conversation" in err and str(path) in err


@pytest.mark.parametrize("name", ["nofolder/r.pdf", "r.txt", "existing-folder"])
def test_a_bad_out_gives_one_line_exit_2_and_no_file(tmp_path: Path, capsys, name: str) -> None:  # type: ignore[no-untyped-def]
    path = save_summary(make_summary("A-1", T0, same(3)), tmp_path / "data")
    (tmp_path / "existing-folder").mkdir()
    before = sorted(p.name for p in tmp_path.iterdir())
    assert main(["report", str(path), "--out", str(tmp_path / name)]) == 2
    err = capsys.readouterr().err.strip()
    assert len(err.splitlines()) == 1 and "--out" in err
    assert sorted(p.name for p in tmp_path.iterdir()) == before


@pytest.mark.skipif(os.geteuid() == 0, reason="root may write into a read-only folder")
def test_an_unwritable_out_folder_leaves_no_file(tmp_path: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    path = save_summary(make_summary("A-1", T0, same(3)), tmp_path / "data")
    locked = tmp_path / "locked"
    locked.mkdir()
    locked.chmod(0o500)
    try:
        assert main(["report", str(path), "--out", str(locked / "r.pdf")]) == 2
        assert "--out" in capsys.readouterr().err
        assert list(locked.iterdir()) == []
    finally:
        locked.chmod(0o700)


def test_default_out_is_in_the_current_folder_and_never_overwritten(tmp_path: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    paths = pair_sessions(tmp_path / "data")
    here = tmp_path / "here"
    here.mkdir()
    monkeypatch.chdir(here)
    assert main(["report", str(paths[-1])]) == 0
    assert main(["report", str(paths[-1])]) == 0
    assert sorted(p.name for p in here.iterdir()) == [
        "werkalliantie-report-2025-03-11-JD-0042-2.pdf", "werkalliantie-report-2025-03-11-JD-0042.pdf",
    ]


def test_damaged_files_in_the_data_dir_are_named_and_left_alone(tmp_path: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    paths = pair_sessions(tmp_path / "data")
    broken = tmp_path / "data" / "sessions" / "20250102-kapot.json"
    broken.write_bytes(b"\x00\x01 not json")
    out = tmp_path / "r.pdf"
    assert main(["report", str(paths[-1]), "--out", str(out)]) == 0
    assert "20250102-kapot.json" in capsys.readouterr().err
    assert broken.read_bytes() == b"\x00\x01 not json"
    assert "4 gesprekken" in pdf_text(out)


def test_many_long_notes_still_fit_one_page_and_say_how_many_more(tmp_path: Path) -> None:
    long = "We bellen elkaar als er thuis of op het werk iets verandert, zodat niets een verrassing is. "
    notes = {f: [f"Afspraak {i}: " + long * (1 + i % 4) for i in range(10)] for f in FEATURE_IDS}
    starters = {f: [STARTER, "Wat merk je als dit goed gaat?"] for f in FEATURE_IDS}
    s = make_summary("LONG-1", T0, same(1, 5), notes=notes, starters=starters)
    path = save_summary(s, tmp_path / "data")
    out = tmp_path / "r.pdf"
    assert main(["report", str(path), "--out", str(out)]) == 0
    text = pdf_text(out)
    shown = len(re.findall(r"Afspraak \d+:", text))
    more = re.search(r"en nog (\d+) in het sessiebestand", text)
    assert more and shown + int(more.group(1)) == 40
    # the agreements get the room before the starters, which are counted and kept in the session file
    assert "Afspraken en notities" in text and "Gespreksstarters die jullie gebruikten" in text
    assert STARTER in text or "Deze 8 staan in het sessiebestand." in text


DECK = load_deck()


def bbox(shape: Shape) -> tuple[float, float, float, float]:
    if isinstance(shape, Circle):
        return shape.cx - shape.r, shape.cy - shape.r, shape.cx + shape.r, shape.cy + shape.r
    if isinstance(shape, Line):
        xs, ys = [p[0] for p in shape.points], [p[1] for p in shape.points]
        return min(xs), min(ys), max(xs), max(ys)
    assert isinstance(shape, Box | Text)
    return shape.x, shape.y, shape.x + shape.w, shape.y + shape.h


texts = st.text(alphabet=st.sampled_from("abcdefghij klmnopqrstuvwxyzéëï’"), min_size=1, max_size=300).filter(
    lambda t: t.strip())


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    notes=st.lists(st.tuples(st.sampled_from(FEATURE_IDS), texts), max_size=40),
    starters=st.lists(st.tuples(st.sampled_from(FEATURE_IDS), texts), max_size=8),
    sessions=st.integers(1, 12),
    lang=st.sampled_from(["nl", "en"]),
)
def test_every_shape_stays_on_the_page_above_the_footer(notes, starters, sessions, lang) -> None:  # type: ignore[no-untyped-def]
    deck = DECK
    by_feature: dict[str, list[str]] = {}
    for f, t in notes:
        by_feature.setdefault(f, []).append(t.strip())
    starter_map: dict[str, list[str]] = {}
    for f, t in starters:
        starter_map.setdefault(f, []).append(t)
    history_sessions = [make_summary("H", T0 + timedelta(days=7 * i), same(1 + i % 5, 5 - i % 5), lang=lang)
                        for i in range(sessions - 1)]
    s = make_summary("H", T0 + timedelta(days=7 * sessions), same(2, 4), lang=lang, notes=by_feature,
                     starters=starter_map)
    page = build_page(s, deck, build_history("H", [*history_sessions, s]))
    for shape in page.shapes:
        x0, y0, x1, y1 = bbox(shape)
        assert MARGIN - 0.01 <= x0 <= x1 <= PAGE_W - MARGIN + 0.01, shape
        assert 0 <= y0 <= y1 <= FOOTER_Y + 5, shape
    body = [t for t in page.texts() if t.y < FOOTER_Y - 2]
    assert all(t.y + t.h <= FOOTER_Y - 2 for t in body)
    footer = [t for t in page.texts() if t.y >= FOOTER_Y - 2]
    assert len(footer) == 1
    # no two pieces of text lie on top of each other
    boxes = [(t.x, t.y, t.x + t.w, t.y + t.h) for t in page.texts() if t.lines]
    for i, a in enumerate(boxes):
        for b in boxes[i + 1:]:
            apart = a[2] <= b[0] + 0.01 or b[2] <= a[0] + 0.01 or a[3] <= b[1] + 0.01 or b[3] <= a[1] + 0.01
            assert apart, (a, b)


def test_a_pass_is_shown_as_no_estimate_without_a_difference(tmp_path: Path) -> None:
    s = make_summary("P-1", T0, {"binding": (4, None), "vertrouwen": (3, 3)})
    path = save_summary(s.model_copy(update={"ended_early": True}), tmp_path / "data")
    out = tmp_path / "r.pdf"
    assert main(["report", str(path), "--out", str(out)]) == 0
    text = pdf_text(out)
    assert card_row(text, 4, "sloeg over", "–")  # binding: the professional skipped, no difference
    assert card_row(text, 3, 3, 0)
    assert "Het gesprek is eerder gestopt." in text
    assert "Er is niets opgeschreven." in text


def test_a_failed_write_leaves_no_half_written_file(tmp_path: Path, capsys, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    path = save_summary(make_summary("A-1", T0, same(3)), tmp_path / "data")
    out_dir = tmp_path / "out"
    out_dir.mkdir()

    def disk_full(fd: int) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "fsync", disk_full)
    assert main(["report", str(path), "--out", str(out_dir / "r.pdf")]) == 2
    err = capsys.readouterr().err.strip()
    assert len(err.splitlines()) == 1 and "No space left on device" in err
    assert list(out_dir.iterdir()) == []
