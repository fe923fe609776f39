"""The record screens hold at every text size (issue 16): the summary (a short and a full session, every page), the
history of a pair with four sessions, the list of pair codes and the look-back, at 125–200 %, in nl and en, at
1024×600, 1280×720 and 1920×1080, and at 200 % in high contrast. A record never hides a difference: every card's
question is shown whole, each player's number (or the pass) and the spread; the trend words and the changes since
last time stand whole too. Screenshots: WERKALLIANTIE_SHOTS=DIR."""

from __future__ import annotations

import os
from datetime import timedelta
from pathlib import Path
from types import SimpleNamespace

import pygame
import pytest
from holds import MATRIX as HOLDS_MATRIX
from holds import holds, ids
from record_sessions import play_answers

from game.history import gap_words, last_agreements_in, trend_words
from game.i18n import record_word, ui
from game.model import FEATURE_IDS
from game.record import card_rows, signals, word
from game.ui import theme
from game.ui.scenes.history import HistoryScene
from game.ui.scenes.lookback import LookBackScene
from game.ui.scenes.pairs import PairPickScene
from game.ui.scenes.summary import SummaryScene
from tests.ui.test_history_ui import JD12, NOTES, T0, played

MATRIX = [*HOLDS_MATRIX, ((1024, 600), "en", 125, False), ((1920, 1080), "en", 150, False)]
IDS = ids(MATRIX)
TYPED = ("Sam", "Noor")
SHOTS = os.environ.get("WERKALLIANTIE_SHOTS")


def text_now(d) -> str:  # type: ignore[no-untyped-def]
    """Every line drawn in the last frame, joined (wrapped lines join again with a space)."""
    return " ".join(" ".join(t for t, _, _ in theme.LOG.entries).split())


def check(d, where: str) -> str:  # type: ignore[no-untyped-def]
    """The screen holds; what it shows (and, when asked, its screenshot)."""
    holds(d, where, typed=TYPED)
    if SHOTS:
        Path(SHOTS).mkdir(parents=True, exist_ok=True)
        name = f"{where}-{d.app.screen.get_width()}x{d.app.screen.get_height()}-{round(theme.text_scale * 100)}"
        pygame.image.save(d.app.screen, str(Path(SHOTS) / f"{name}{'-hc' if theme.high_contrast else ''}.png"))
    return text_now(d)


def norm(text: str) -> str:
    return " ".join(text.split())


@pytest.mark.parametrize(("size", "lang", "ts", "hc"), MATRIX, ids=IDS)
def test_the_summary_shows_every_card_whole_on_its_pages(make_app, deck, size, lang, ts, hc):
    d = make_app(size=size, lang=lang, text_size=ts, high_contrast=hc)
    notes = ["We bellen elke week even.", "", "Sam kiest zelf het tijdstip."]
    short = play_answers(deck, [(2, 4), (3, 3), (5, 1), (4, None)], features=list(FEATURE_IDS), quick=True,
                         lang=lang, notes=notes)
    full = play_answers(deck, [(1, 5), (5, 1), (None, 3), (4, 3)], features=list(FEATURE_IDS), cards=2, lang=lang,
                        notes=notes)
    assert len(full.rounds) == 8
    for kind, summary in (("short", short), ("full", full)):
        d.app.table = SimpleNamespace(summary=summary, saved_to=Path("/tmp/werk/sessions/x.json"), problem=None)
        d.app.reset(SummaryScene(d.app))
        rows = card_rows(summary, deck)
        seen, shown = [], ""
        for page in range(1, 20):
            text = check(d, f"summary-{kind}-p{page}")
            for index, values, spread, _hl, _cell in d.top.drawn_rows:
                row = rows[index]
                seen.append((index, values, spread))
                assert norm(row.question) in text, (kind, page, row.question)  # whole, never cut with "…"
                for m in row.marks:
                    assert (str(m.value) if m.value is not None else f"{m.player.name}: {word('passed', lang)}") \
                        in text, (kind, page, m)
            shown += " " + text
            if "rows_next" not in d.rects():
                break
            d.click("rows_next")
        assert seen == [(r.index, tuple(m.value for m in r.marks), r.spread) for r in rows], kind  # once, in order
        for item in [s.question for s in signals(summary, deck)] + [a.text for a in summary.agreements]:
            assert norm(item) in shown, item  # the questions and agreements on a page of their own
        assert ui("saved_short", lang) in shown or "x.json" in shown


@pytest.fixture
def history_dir(deck, data_dir) -> Path:
    """JD-12: four sessions with agreements and changes since the one before; 13 more pairs for the code list."""
    for i, (values, notes) in enumerate(zip(JD12, NOTES, strict=True)):
        played(deck, data_dir, "JD-12", T0 + timedelta(weeks=3 * i), values, notes)
    for k in range(13):
        played(deck, data_dir, f"PAIR-{k:02d}", T0 - timedelta(weeks=k + 1), {"binding": (3, 3)})
    return data_dir


@pytest.mark.parametrize(("size", "lang", "ts", "hc"), MATRIX, ids=IDS)
def test_the_history_shows_each_topic_its_trend_words_and_every_agreement(make_app, history_dir, size, lang, ts,
                                                                         hc):
    d = make_app(size=size, lang=lang, text_size=ts, high_contrast=hc)
    d.app.push(HistoryScene(d.app, "JD-12", lang))
    scene = d.top
    history = scene.history
    topics = ""
    for k in range(len(history.features)):  # one topic at a time: Next walks them all
        text = check(d, f"history-topic{k + 1}")
        fh = history.features[scene.big]
        assert gap_words(fh.gap_trend, lang) in text
        for role in ("client", "professional"):
            assert f"{record_word(role, lang)}: {trend_words(getattr(fh, f'{role}_trend'), lang)}" in text
        topics += text
        d.click("topic_next")
    assert scene.big == 0  # round the end
    for name in ("Richting en kader", "Vertrouwen", "Binding", "Stroefheid") if lang == "nl" else ():
        assert name in topics
    side = ""
    for page in range(1, 20):  # the agreements panel, page by page
        side += " " + check(d, f"history-side{page}")
        if "older" not in d.rects():
            break
        d.click("older")
    assert scene.change_questions()
    for item in scene.change_questions():
        assert norm(item) in side, item
    for notes in NOTES:
        for text in notes.values():
            assert text in side, text
    assert ui("no_agreements", lang) in side


@pytest.mark.parametrize(("size", "lang", "ts", "hc"), MATRIX, ids=IDS)
def test_the_code_list_and_the_look_back_hold(make_app, history_dir, size, lang, ts, hc):
    d = make_app(size=size, lang=lang, text_size=ts, high_contrast=hc)
    d.app.push(PairPickScene(d.app, d.top))
    codes = set()
    for page in range(1, 20):
        check(d, f"pairs-p{page}")
        codes |= {w.label for w in d.top.widgets if w.id.startswith("pair:")}
        if "next" not in d.rects():
            break
        d.click("next")
    assert codes == {"JD-12", *(f"PAIR-{k:02d}" for k in range(13))}
    d.esc()
    last = last_agreements_in(history_dir, "JD-12")
    d.app.push(LookBackScene(d.app, last, "JD-12", lang))
    text = check(d, "lookback")
    assert "Sam mag zelf de agenda maken." in text


def test_who_when_and_ended_early_stay_on_a_page_when_the_title_bar_has_no_room(make_app):
    """1024×520 at 200 %: the title bar holds only "Samenvatting"; the line under it goes to the pages."""
    d = make_app(size=(1024, 520), text_size=200)
    d.enter(2)
    d.enter(2)
    d.digit(1)
    d.enter(2)
    d.digit(5)
    d.enter()
    d.esc()
    d.click("end")
    assert isinstance(d.top, SummaryScene)
    seen = []
    for _ in range(len(d.top.pages)):
        holds(d, "summary page")
        seen += [t for t, _, _ in theme.LOG.entries]
        d.key(pygame.K_PAGEDOWN)
    day = f"{d.top.summary.started_at:%d-%m-%Y}"
    assert any(day in t for t in seen) and any("Eerder gestopt" in t for t in seen), seen
