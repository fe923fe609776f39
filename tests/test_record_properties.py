"""The record tells the truth: random sessions played with the game's own engine (several cards per feature,
opposite answers, passes, sessions ended early) are shown card by card on the summary screen, in the report (read
back with pypdf) and in the history (command and screen), with one highlight rule and trend words that agree."""

from __future__ import annotations

import os
import re
from datetime import timedelta
from io import BytesIO
from pathlib import Path

os.environ.setdefault("SDL_VIDEODRIVER", "dummy")
os.environ.setdefault("SDL_AUDIODRIVER", "dummy")
os.environ.setdefault("PYGAME_HIDE_SUPPORT_PROMPT", "1")

import pygame  # noqa: E402
import pytest  # noqa: E402
from hypothesis import HealthCheck, given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402
from pypdf import PdfReader  # noqa: E402
from record_sessions import T0, play_answers  # noqa: E402

from game.decks import load_deck  # noqa: E402
from game.design.palette import HIGHLIGHT, INK  # noqa: E402
from game.design.primitives import Box, Text  # noqa: E402
from game.engine.signals import HELPING, highlighted  # noqa: E402
from game.history import Trend, build_history, headline, trend_words  # noqa: E402
from game.history_command import format_table  # noqa: E402
from game.model import FEATURE_IDS  # noqa: E402
from game.model.session import SignalKind  # noqa: E402
from game.record import card_rows, role_colours, signals, word  # noqa: E402
from game.record_shapes import TEXT_PT, TICK_PT, look, trend_panel  # noqa: E402
from game.report import build_page, pdf_bytes  # noqa: E402

value = st.one_of(st.integers(1, 5), st.none())  # None: a pass
answer = st.tuples(value, value).filter(lambda a: a != (None, None))


@st.composite
def sessions(draw: st.DrawFn) -> dict:
    """The answers of a session: some random, and pairs of opposite answers (a vs b, then b vs a)."""
    features = draw(st.lists(st.sampled_from(FEATURE_IDS), min_size=1, max_size=4, unique=True))
    cards = draw(st.integers(1, 3))
    answers = draw(st.lists(answer, min_size=1, max_size=6))
    if draw(st.booleans()):
        a, b = draw(st.integers(1, 5)), draw(st.integers(1, 5))
        answers = [(a, b), (b, a), *answers]
    n = len(features) * cards
    end_after = draw(st.one_of(st.none(), st.integers(1, max(1, n - 1))))
    return {"answers": answers, "features": features, "cards": cards, "end_after": end_after,
            "lang": draw(st.sampled_from(("nl", "en"))), "seed": draw(st.integers(0, 50))}


def play(deck, spec: dict, days: int = 0):  # type: ignore[no-untyped-def]
    return play_answers(deck, spec["answers"], features=spec["features"], cards=spec["cards"], lang=spec["lang"],
                        seed=spec["seed"], end_after=spec["end_after"], started=T0 + timedelta(days=days))


def norm(text: str) -> str:
    return " ".join(text.split())


DECK = load_deck(Path(__file__).resolve().parents[1] / "cards")


@pytest.fixture(scope="module")
def window():  # type: ignore[no-untyped-def]
    from game.ui.app import App

    app = App(DECK, Path("/nonexistent-data-dir"), lang="nl", size=(1024, 600), animations=False, seed=7)
    app.open()
    yield app
    pygame.display.quit()


def summary_screen(app, summary, texts: list[str] | None = None):  # type: ignore[no-untyped-def]
    """Draw the summary screen of this session page by page ("Next" until there is none); what it showed row by
    row, each with whether its spread cell was drawn yellow (and in texts: each page's words, lines joined)."""
    from types import SimpleNamespace

    from game.ui import theme
    from game.ui.scenes.summary import SummaryScene

    app.table = SimpleNamespace(summary=summary, saved_to=None)
    scene = SummaryScene(app)
    shown = []
    while True:
        theme.LOG.entries.clear()
        scene.layout(app.screen.get_size())
        scene.draw(app.screen)
        if texts is not None:
            texts.append(norm(" ".join(t for t, _, _ in theme.LOG.entries)))
            assert not any(cut for *_, cut in theme.LOG.sized()), [e for e in theme.LOG.sized() if e[-1]]
        for *row, cell in scene.drawn_rows:
            probe = app.screen.get_at((cell.x + cell.w // 12 + 6, cell.centery))[:3]
            shown.append((*row, probe == pygame.Color(HIGHLIGHT)[:3]))
        if not scene.turn(1):
            return shown


@settings(max_examples=20, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(now=sessions(), before=sessions())
def test_every_card_is_shown_with_its_values_spread_and_one_highlight_rule(window, now, before) -> None:  # type: ignore[no-untyped-def]
    deck = DECK
    before = {**before, "lang": now["lang"], "seed": now["seed"] + 100}  # another session of the same pair
    previous = play(deck, before)
    summary = play(deck, now, days=14)
    lang = summary.language
    rows = card_rows(summary, deck)
    assert len(rows) == len(summary.rounds)
    for r, rnd in zip(rows, summary.rounds, strict=True):
        vals = [e.value for e in rnd.estimates if e.value is not None]
        assert r.spread == (max(vals) - min(vals) if len(vals) == 2 else None)
        assert r.highlighted == (r.spread is not None and r.spread >= 2)
        if any(e.value is None for e in rnd.estimates):
            assert rnd.situation is None and not rnd.starters  # a pass is a pass

    # the summary screen: every row drawn with its values and spread; a yellow badge exactly from 2 apart
    shown = summary_screen(window, summary)
    drawn = [(i, v, s, h) for i, v, s, h, _ in shown]
    assert drawn == [(r.index, tuple(m.value for m in r.marks), r.spread, r.highlighted) for r in rows]
    for *_, hl, yellow in shown:
        assert yellow == hl

    # the report: per card the numbers and the spread in order, highlighted exactly from 2 apart
    history = build_history("AB-1", [previous, summary], until=summary.started_at)
    page = build_page(summary, deck, history)
    text = norm(PdfReader(BytesIO(pdf_bytes(page, "t"))).pages[0].extract_text())
    passed = word("passed", lang)
    pattern = ".*?".join(
        rf"(?<![\d,]){' '.join(str(m.value) if m.value is not None else passed for m in r.marks)} "
        rf"{r.spread if r.spread is not None else '–'}(?![\d,])"
        for r in rows)
    assert re.search(pattern, text, re.S), (pattern, text)
    badges = [s for s in page.shapes if isinstance(s, Box) and s.fill == HIGHLIGHT and s.stroke == INK]
    assert len(badges) == 2 * sum(r.highlighted for r in rows)  # the band on the track and the badge
    for t in page.shapes:
        if isinstance(t, Text):
            assert t.size_pt >= TEXT_PT or (t.size_pt >= TICK_PT and all(x.isdigit() for x in t.lines)), t
    questions = [s for s in signals(summary, deck)]
    for fid in {r.feature for r in rows}:  # a gap read card by card is named in both languages
        gap = any(r.feature == fid and len(r.marks) == 2 and None not in (v := [m.value for m in r.marks])
                  and ((v[1] - v[0]) if fid in HELPING else (v[0] - v[1])) >= 2 for r in rows)
        named = any(s.kind == SignalKind.PROFESSIONAL_MORE_POSITIVE and fid in s.features for s in questions)
        assert gap == named, fid
        if named:
            assert any(s.question.startswith(look(deck, fid, lang).name) or ":" in s.question for s in questions)

    # the history: command and screen show every card; the headline agrees with each side's own label
    names = {f.id: f.name[lang] for f in deck.features}
    table = format_table(history, names, lang)
    colours = role_colours(list(history.players))
    for fh in history.features:
        words = headline(fh, lang)
        if words == trend_words(Trend.STABLE, lang):
            assert fh.client_trend == fh.professional_trend == Trend.STABLE
        for side in (fh.client_trend, fh.professional_trend):
            if side is not None and side != Trend.STABLE:
                assert trend_words(side, lang) in words
        assert words in table and words in text
        shapes = trend_panel(fh, look(deck, fh.feature, lang), 0, 0, 90, 52, lang, colours)
        bands = [s for s in shapes if isinstance(s, Box) and s.fill == HIGHLIGHT]
        assert len(bands) == sum(c.highlighted and None not in (c.client, c.professional)
                                 for p in fh.points for c in p.cards)
    for r in rows:
        cells = [str(m.value) if m.value is not None else "–" for m in r.marks]
        mark = " !" if highlighted(r.spread) else ""
        spread = "–" if r.spread is None else str(r.spread)
        assert re.search(rf"{' +'.join(cells)} +{spread}{mark}\s*$", table, re.M), (cells, spread, table)


@settings(max_examples=15, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(now=sessions())
def test_at_200_percent_every_card_is_on_a_page_whole_with_its_values_and_spread(window, now) -> None:  # type: ignore[no-untyped-def]
    """Larger text pages the rows: still each card once, in order, its question whole (nothing cut with "…"), its
    numbers or the pass, its spread, yellow exactly from 2 apart."""
    from game.ui import theme

    summary = play(DECK, now)
    rows = card_rows(summary, DECK)
    texts: list[str] = []
    theme.set_text_size(200)
    try:
        shown = summary_screen(window, summary, texts)
    finally:
        theme.set_text_size(100)
    assert [(i, v, s, h) for i, v, s, h, _ in shown] == [
        (r.index, tuple(m.value for m in r.marks), r.spread, r.highlighted) for r in rows]
    assert all(yellow == hl for *_, hl, yellow in shown)
    words = " ".join(texts)
    passed = word("passed", summary.language)
    for r in rows:
        assert norm(r.question) in words, r.question
        for m in r.marks:
            assert (f"{m.player.name}: {passed}" if m.value is None else str(m.value)) in words
    for s in signals(summary, DECK):
        assert norm(s.question) in words, s.question


def test_a_version_2_summary_saved_before_this_rule_loads_and_reports_card_by_card(tmp_path: Path) -> None:
    """A file of the current schema written by the earlier program: means hid the gap (no signal), a passed round
    had a situation. It loads unchanged and the report reads it again card by card."""
    import json

    from game.cli import main

    def rnd(card: str, client: int, pro: int | None, situation: str) -> dict:
        vals = [v for v in (client, pro) if v is not None]
        spread = max(vals) - min(vals) if len(vals) == 2 else None
        return {"feature": "vertrouwen", "cards": [{"id": card, "kind": "question", "swapped": False}],
                "estimates": [{"player": "p1", "value": client, "guess": None},
                              {"player": "p2", "value": pro, "guess": None}],
                "spread": spread, "highlighted": spread is not None and spread >= 2, "situation": situation,
                "starters": [], "notes": [], "case_view": None}

    raw = {
        "schema_version": 2, "session_id": "0" * 31 + "1", "started_at": "2026-03-02T10:00:00+01:00",
        "ended_at": "2026-03-02T10:40:00+01:00", "mode": "conversation", "language": "nl",
        "deck": {"id": "werkalliantie", "version": "1.0"},
        "players": [{"id": "p1", "name": "Sam", "role": "client"},
                    {"id": "p2", "name": "Noor", "role": "professional"}],
        "pair_code": "V2-1", "trainer": None, "perspective": None, "case": None, "guess_other": False, "quick": False,
        "ended_early": False,
        "rounds": [rnd("vt-q1", 1, 5, "professional_higher"), rnd("vt-q2", 5, 1, "client_higher"),
                   rnd("vt-q3", 3, None, "both_middle")],
        "signals": [], "agreements": [],
    }
    path = tmp_path / "data" / "sessions" / "v2.json"
    path.parent.mkdir(parents=True)
    path.write_text(json.dumps(raw), encoding="utf-8")
    out = tmp_path / "v2.pdf"
    assert main(["report", str(path), "--out", str(out), "--data-dir", str(tmp_path / "data")]) == 0
    text = norm(PdfReader(str(out)).pages[0].extract_text())
    assert re.search(r"1 5 4 .*?5 1 4 .*?3 sloeg over –", text), text
    assert "Vertrouwen: De begeleider ziet dit positiever dan de cliënt. Wat kan de begeleider anders doen?" in text
    # the file names deck version 1.0: the card ids now hold other questions (deck 2.0), so a note stands instead
    assert "een vraag uit een andere versie van de kaartset" in text
    assert "Ik weet wat mijn begeleider doet met wat ik vertel." not in text


def test_the_question_is_saved_and_another_deck_version_never_lends_its_text() -> None:
    """A new summary keeps each rated question's text; an old one from another deck version gets a note, not the
    text that the same card id has in this deck."""
    summary = play_answers(DECK, [(2, 4)], features=["vertrouwen"])
    rnd = summary.rounds[0]
    rated = [c.id for c in rnd.cards if not c.swapped][0]
    assert rnd.question == DECK.card(rated).client["nl"]
    assert card_rows(summary, DECK)[0].question == rnd.question
    old = summary.model_copy(update={"rounds": [rnd.model_copy(update={"question": None})],
                                     "deck": summary.deck.model_copy(update={"version": "0.9"})})
    assert card_rows(old, DECK)[0].question == word("unknown_card", "nl")
