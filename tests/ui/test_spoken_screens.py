"""V reads every screen a person must read: the rules, the consent, the summary, the history and the look-back,
the resume question and the dialogs; each says its words once, in the game's language (issue 16)."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path
from types import SimpleNamespace

import pygame
import pytest
from record_sessions import play_answers
from test_history_ui import JD12, NOTES, T0, played

from game.engine import Phase
from game.history import trend_words
from game.i18n import record_word, ui
from game.model import FEATURE_IDS
from game.record import card_rows
from game.ui.scenes.consent import ConsentScene
from game.ui.scenes.elsewhere import ElsewhereScene
from game.ui.scenes.history import HistoryScene
from game.ui.scenes.lookback import LookBackScene
from game.ui.scenes.overlays import PauseScene, QuitScene
from game.ui.scenes.pairs import PairPickScene
from game.ui.scenes.resume import ResumeScene
from game.ui.scenes.rules import RulesScene
from game.ui.scenes.summary import SummaryScene
from game.ui.scenes.table import TableScene
from game.ui.scenes.unsaved import UnsavedQuitScene
from game.ui.voice import Voice

LANGS = ["nl", "en"]


class Recorder(Voice):
    """A voice that notes what it is asked to say (no thread, no sound)."""

    def __init__(self) -> None:
        super().__init__(enabled=True)
        self.said: list[tuple[str, str]] = []
        self.stops = 0

    def say(self, text: str, lang: str) -> bool:
        self.said.append((text, lang))
        return True

    def stop(self) -> None:
        self.stops += 1


def window(make_app, lang: str, **kw):  # type: ignore[no-untyped-def]
    d = make_app(lang=lang, **kw)
    d.app.voice = Recorder()
    return d


def heard(d, lang: str) -> str:  # type: ignore[no-untyped-def]
    """Press V; what the window asked the voice to say (once, in the screen's language)."""
    d.app.voice.said.clear()
    d.key(pygame.K_v)
    assert len(d.app.voice.said) == 1, d.app.voice.said
    text, said_lang = d.app.voice.said[0]
    assert said_lang == lang and text.strip()
    return text


def once(text: str, *labels: str) -> None:
    for label in labels:
        assert text.count(label) == 1, (label, text)


@pytest.mark.parametrize("lang", LANGS)
def test_the_consent_is_read_with_both_choices_and_the_speaker_button_is_there(make_app, deck, lang):
    d = window(make_app, lang)
    d.enter()
    assert isinstance(d.top, ConsentScene)
    text = heard(d, lang)
    consent = deck.consent
    for part in (consent.title, consent.saved, consent.seen):
        assert part[lang].split(".")[0] in text
    once(text, ui("keep_save_line", lang), ui("keep_show_line", lang), ui("keep_show", lang))
    assert text.index(ui("keep_save_line", lang)) < text.index(ui("keep_show_line", lang))  # reading order
    d.click("speak")
    assert d.app.voice.said[-1][0] == text


@pytest.mark.parametrize("lang", LANGS)
def test_with_read_aloud_on_the_consent_is_read_when_it_appears(make_app, lang):
    d = window(make_app, lang)
    d.app.settings.read_aloud = True
    d.enter()
    assert isinstance(d.top, ConsentScene)
    assert d.app.voice.said and ui("keep_show_line", lang) in d.app.voice.said[-1][0]
    d.app.settings.read_aloud = False
    d.esc()
    d.app.voice.said.clear()
    d.enter()
    assert d.app.voice.said == []  # off: nothing is read by itself


@pytest.mark.parametrize("lang", LANGS)
def test_the_rules_read_what_is_in_view(make_app, lang):
    d = window(make_app, lang)
    d.key(pygame.K_F1)
    scene = d.top
    assert isinstance(scene, RulesScene)
    first = heard(d, lang)
    assert first.startswith(scene.blocks[0].text)
    assert "speak" in d.rects()
    d.key(pygame.K_PAGEDOWN)
    top_line = next(t for t, *_ in scene.lines[scene.scroll :] if t).split("\t")[-1]
    later = heard(d, lang)
    assert later != first and later.startswith(top_line.rstrip(".?!:")[:20])
    assert len(later) < len(" ".join(b.text for b in scene.blocks))  # the part in view, not all of it
    stops = d.app.voice.stops
    d.esc()
    assert d.app.voice.stops == stops + 1  # closing the rules stops their speech
    d.key(pygame.K_F1)
    d.esc()
    assert d.app.voice.stops == stops + 1  # (nothing was being read)


def open_summary(make_app, deck, lang: str, size=(1280, 720), cards: int = 1, **kw):  # type: ignore[no-untyped-def]
    d = window(make_app, lang, size=size, **kw)
    summary = play_answers(deck, [(2, 4), (3, 3), (5, 1), (4, None)], features=list(FEATURE_IDS), cards=cards,
                           lang=lang, notes=["Samen bellen."], quick=cards == 1)
    d.app.table = SimpleNamespace(summary=summary, saved_to=Path("/tmp/werk/sessions/x.json"), problem=None)
    d.app.reset(SummaryScene(d.app))
    return d, summary


@pytest.mark.parametrize("lang", LANGS)
def test_the_summary_reads_each_card_with_each_number_a_pass_and_the_difference(make_app, deck, lang):
    d, summary = open_summary(make_app, deck, lang)
    text = heard(d, lang)
    for row in card_rows(summary, deck):
        assert row.question in text
    assert f"Sam: 2, Noor: 4. {ui('spoken_spread', lang, n=2)}" in text
    assert f"Noor {record_word('passed', lang)}" in text
    assert "Samen bellen." in text and ui("keep_save_line", lang) in text and "/tmp" not in text  # no path
    once(text, ui("again", lang))


def test_a_paged_summary_reads_the_page_shown(make_app, deck):
    d, summary = open_summary(make_app, deck, "nl", size=(1024, 520), cards=3)
    rows = card_rows(summary, deck)
    first = heard(d, "nl")
    scene = d.top
    per_page = scene.pages[0].last
    assert scene.pager and 0 < per_page < len(rows)
    assert all(f"Kaart {r.index + 1}:" in first for r in rows[:per_page])
    assert f"Kaart {per_page + 1}:" not in first
    d.key(pygame.K_PAGEDOWN)
    second = heard(d, "nl")
    assert f"Kaart {per_page + 1}:" in second and "Kaart 1:" not in second


@pytest.mark.parametrize("kind", ["conversation", "team"])
def test_at_larger_text_the_summary_reads_the_page_shown(make_app, deck, kind):
    if kind == "conversation":
        d, summary = open_summary(make_app, deck, "nl", cards=3, text_size=200)
    else:
        d = window(make_app, "nl", text_size=200)
        d.click("more")
        d.click("mode:team")
        d.digit(3)
        d.enter()
        while d.app.table.phase != Phase.REVEAL:
            if d.app.table.phase == Phase.ESTIMATE and not isinstance(d.top, TableScene):
                d.enter()
                d.digit(4)
            d.enter()
        d.esc()
        d.click("end")
    first = heard(d, "nl")
    n = len(d.top.summary.rounds)
    assert "Kaart 1:" in first and (n == 1 or f"Kaart {n}:" not in first)
    while any(w.id.endswith("next") and w.enabled for w in d.top.widgets):
        d.key(pygame.K_PAGEDOWN)
    last = heard(d, "nl")
    assert "Kaart 1:" not in last and ui("no_agreements" if kind == "team" else "agreements", "nl") in last


@pytest.mark.parametrize("lang", LANGS)
def test_the_history_and_the_look_back_are_read(make_app, deck, data_dir, lang):
    for i, (values, notes) in enumerate(zip(JD12, NOTES, strict=True)):
        played(deck, data_dir, "JD-12", T0 + timedelta(weeks=3 * i), values, notes)
    d = window(make_app, lang)
    d.app.push(PairPickScene(d.app, d.top))
    text = heard(d, lang)
    assert ui("pair_pick_title", lang) in text and "JD-12" in text
    d.app.pop()
    d.app.push(HistoryScene(d.app, "JD-12", lang))
    text = heard(d, lang)
    scene = d.top
    assert "JD-12" in text
    for fh in scene.history.features:
        assert f"{record_word('client', lang)}: {trend_words(fh.client_trend, lang)}" in text
    assert "Sam mag zelf de agenda maken." in text
    from game.history import last_agreements_in

    d.app.push(LookBackScene(d.app, last_agreements_in(data_dir, "JD-12"), "JD-12", lang))
    text = heard(d, lang)
    assert ui("lookback_title", lang) in text and "Sam mag zelf de agenda maken." in text
    assert "speak" in d.rects()


@pytest.mark.parametrize("lang", LANGS)
def test_the_resume_question_and_the_dialogs_are_read_with_their_choices_once(make_app, lang):
    d = window(make_app, lang)
    d.enter(2)  # a session on the table
    table = d.app.table
    screens = [
        (ResumeScene(d.app, table), ["resume_title", "resume", "discard"]),
        (PauseScene(d.app), ["pause_title", "resume", "end_save", "quit"]),
        (QuitScene(d.app), ["quit_title", "quit_body", "go_on", "quit"]),
        (UnsavedQuitScene(d.app), ["unsaved_title", "unsaved_body", "save_again", "unsaved_quit"]),
        (ElsewhereScene(d.app, table), ["elsewhere_title", "elsewhere_body", "elsewhere_home"]),
    ]
    for scene, keys in screens:
        d.app.push(scene)
        text = heard(d, lang)
        for key in keys:
            assert text.count(ui(key, lang)) >= 1, (type(scene).__name__, key, text)
        assert text.count(ui(keys[-1], lang)) == 1  # each choice said once
        d.click("speak")  # the speaker button in the title row says the same
        assert d.app.voice.said[-1][0] == text and d.top is scene
        d.app.pop(scene)


@pytest.mark.parametrize("lang", LANGS)
def test_the_team_summary_reads_each_card_with_every_name(make_app, lang):
    d = window(make_app, lang)
    d.click("more")
    d.click("mode:team")
    d.digit(3)
    d.enter()  # the case, then the first card
    while d.app.table.phase != Phase.REVEAL:
        if d.app.table.phase == Phase.ESTIMATE and not isinstance(d.top, TableScene):
            d.enter()  # the hand-over
            d.digit(4)
        d.enter()
    d.esc()
    d.click("end")
    assert isinstance(d.top, SummaryScene) and d.top.team
    text = heard(d, lang)
    for p in d.top.summary.players:
        assert f"{p.name}: 4" in text
    assert card_rows(d.top.summary, d.app.deck)[0].question in text


@pytest.mark.parametrize("lang", LANGS)
def test_the_hand_over_and_the_secret_estimate_are_read(make_app, deck, lang):
    d = window(make_app, lang)
    d.enter(3)  # start, consent, the card is read: the laptop goes to Sam
    assert ui("handover_title", lang, name=d.app.table.state.setup.players[0].name) in heard(d, lang)
    d.enter()
    text = heard(d, lang)
    card = deck.card(d.app.table.view(None).current.question)
    assert card.client[lang] in text and card.professional[lang] not in text  # only what this player reads
    for v, label in enumerate(deck.labels(lang, card.id), 1):
        assert f"{v}: {label}" in text
    assert "speak" in d.rects()


def test_without_speech_no_screen_shows_the_speaker_button(make_app, deck):
    d = make_app()
    d.app.voice = Voice(enabled=False)
    d.enter()  # the consent
    assert "speak" not in d.rects()
    d.key(pygame.K_F1)
    assert "speak" not in d.rects()
    d.esc()
    d.enter(3)  # the table, the hand-over, the secret estimate
    assert "speak" not in d.rects()
    d.app.push(QuitScene(d.app))
    assert "speak" not in d.rects()
    d2, _ = open_summary(make_app, deck, "nl")
    d2.app.voice = Voice(enabled=False)
    assert "speak" not in d2.rects()


@pytest.mark.parametrize("lang", LANGS)
def test_the_start_screen_says_what_enter_starts(make_app, lang):
    d = window(make_app, lang)
    text = heard(d, lang)
    assert ui("app_title", lang) in text and ui("new_conversation", lang) in text and ui("more_choices", lang) in text


def test_at_larger_text_the_history_reads_the_topic_and_the_page_shown(make_app, deck, data_dir):
    for i, (values, notes) in enumerate(zip(JD12, NOTES, strict=True)):
        played(deck, data_dir, "JD-12", T0 + timedelta(weeks=3 * i), values, notes)
    d = window(make_app, "nl", text_size=200)
    d.app.push(HistoryScene(d.app, "JD-12", "nl"))
    text = heard(d, "nl")
    names = [deck.feature(fh.feature).name["nl"] for fh in d.top.history.features]
    assert names[0] in text and names[1] not in text  # one topic at a time
    assert ui("history_agreements", "nl") in text
    d.click("topic_next")
    assert names[1] in heard(d, "nl")
