"""The summary screen keeps every text at the window's readable size: rows that do not fit are paged, never left
out (issues 11 and 12). Short (4 cards) and long (12 cards) sessions, nl and en, from 1024×520 to 1920×1080."""

from __future__ import annotations

from pathlib import Path
from types import SimpleNamespace

import pygame
import pytest
from record_sessions import play_answers
from test_layout import texts_inside

from game.model import FEATURE_IDS
from game.record import card_rows
from game.ui.scenes.summary import SummaryScene

SIZES = [(1024, 520), (1024, 600), (1280, 720), (1920, 1080)]
NOTES = ["We bellen elke week even.", "", "Sam kiest zelf het tijdstip."]


def session(deck, kind: str, lang: str):  # type: ignore[no-untyped-def]
    if kind == "short":
        return play_answers(deck, [(2, 4), (3, 3), (5, 1), (4, None)], features=list(FEATURE_IDS), quick=True,
                            lang=lang, notes=NOTES)
    return play_answers(deck, [(1, 5), (5, 1), (3, None), (4, 3)], features=list(FEATURE_IDS), cards=3,
                        lang=lang, notes=NOTES)


def open_summary(make_app, deck, size, lang, kind):  # type: ignore[no-untyped-def]
    d = make_app(size=size, lang=lang)
    summary = session(deck, kind, lang)
    d.app.table = SimpleNamespace(summary=summary, saved_to=Path("/tmp/werk/sessions/x.json"),
                                  problem=None)
    d.app.reset(SummaryScene(d.app))
    return d, summary


def shown(d) -> list[int]:  # type: ignore[no-untyped-def]
    d.frame()
    return [row[0] for row in d.top.drawn_rows]


@pytest.mark.parametrize("size", SIZES)
@pytest.mark.parametrize("lang", ["nl", "en"])
@pytest.mark.parametrize("kind", ["short", "long"])
def test_every_row_is_reachable_with_every_text_readable(make_app, deck, size, lang, kind):
    d, summary = open_summary(make_app, deck, size, lang, kind)
    everything = [r.index for r in card_rows(summary, deck)]
    assert len(everything) == (4 if kind == "short" else 12)
    seen: list[int] = []
    for page in range(len(everything)):
        texts_inside(d, f"summary {kind} page {page + 1}")
        seen += shown(d)
        if "rows_next" not in d.rects():
            break
        d.key(pygame.K_PAGEDOWN)
    assert seen == everything  # each card once, in order
    if kind == "short":
        assert "rows_next" not in d.rects() and "rows_prev" not in d.rects()  # four rows fit at every size


def test_a_long_session_pages_by_mouse_keys_and_enter_on_the_focused_button(make_app, deck):
    d, summary = open_summary(make_app, deck, (1024, 520), "nl", "long")
    first = shown(d)
    assert 0 < len(first) < 12
    assert "rows_prev" not in d.rects()  # disabled on the first page
    d.click("rows_next")
    second = shown(d)
    assert second[0] == first[-1] + 1
    d.click("rows_prev")
    assert shown(d) == first
    d.key(pygame.K_DOWN)
    assert shown(d) == second
    d.key(pygame.K_UP)
    assert shown(d) == first
    d.key(pygame.K_TAB)  # the first focus: "Next" (the "Enter" hint moves onto it)
    assert d.top.focus == "rows_next"
    d.enter()
    assert shown(d) == second and d.app.table is not None  # Enter pressed "Next", not "Again"
    d.key(pygame.K_END)
    assert shown(d)[-1] == card_rows(summary, deck)[-1].index
