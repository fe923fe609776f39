"""Reading aloud in the window: V and the speaker button, never on the main thread, a new card stops the old."""

from __future__ import annotations

import threading
import time

import pygame
import pytest

from game import speech
from game.ui import voice as voice_module
from game.ui.voice import Voice


@pytest.fixture
def slow_speech(monkeypatch):
    """Synthesis that takes a while (like a long card) and notes its thread and whether it was stopped."""
    calls: list[dict] = []

    def synthesize(text, lang, stop=None):
        call = {"text": text, "lang": lang, "thread": threading.current_thread(), "stopped": False}
        calls.append(call)
        for _ in range(40):  # up to 0.4 s, asking stop() as eSpeak's callback does
            if stop is not None and stop():
                call["stopped"] = True
                break
            time.sleep(0.01)
        return speech.Pcm(b"\x00\x10" * 2205, 22050)

    monkeypatch.setattr(voice_module.speech, "synthesize", synthesize)
    return calls


def table(make_app, enabled: bool = True):
    d = make_app()
    d.app.voice = Voice(enabled=enabled)
    d.enter(2)  # the start screen, then the consent: the first card is dealt
    d.frame()
    return d


def test_v_reads_the_card_on_the_table_off_the_main_thread(make_app, slow_speech):
    d = table(make_app)
    d.key(pygame.K_v)
    assert d.app.voice.idle()
    assert len(slow_speech) == 1
    call = slow_speech[0]
    assert call["thread"] is not threading.main_thread()
    question = d.app.deck.card(d.app.top.view.current.question)
    assert question.client["nl"] in call["text"] and question.professional["nl"] in call["text"]
    assert d.app.voice.spoken and d.app.voice.spoken[-1][1] == "nl"


def test_the_speaker_button_reads_aloud_and_is_hidden_without_the_package(make_app, slow_speech):
    d = table(make_app)
    assert "speak" in d.rects()
    d.click("speak")
    assert d.app.voice.idle()
    assert len(slow_speech) == 1
    d.app.voice.close()

    d.app.voice = Voice(enabled=False)
    assert "speak" not in d.rects()
    d.key(pygame.K_v)  # nothing happens, nothing breaks
    d.enter()
    assert slow_speech[1:] == []


def test_every_screen_to_read_is_spoken_off_the_main_thread(make_app, slow_speech):
    d = make_app()
    d.app.voice = Voice(enabled=True)
    d.enter()  # the consent
    d.key(pygame.K_v)
    assert d.app.voice.idle()
    d.key(pygame.K_F1)  # the rules over it
    d.key(pygame.K_v)
    assert d.app.voice.idle()
    assert len(slow_speech) == 2 and all(c["thread"] is not threading.main_thread() for c in slow_speech)
    assert "Bewaren" in slow_speech[0]["text"] and d.top.blocks[0].text in slow_speech[1]["text"]
    d.app.voice.close()


def test_a_new_card_stops_the_old_speech(make_app, slow_speech):
    d = table(make_app)
    d.key(pygame.K_v)
    time.sleep(0.05)  # the worker is speaking now
    d.enter()  # on to the next screen: the card changes
    assert d.app.voice.idle()
    assert slow_speech[0]["stopped"]


def test_read_aloud_setting_reads_each_new_card(make_app, slow_speech):
    d = make_app()
    d.app.voice = Voice(enabled=True)
    d.app.settings.read_aloud = True
    d.enter(2)  # the consent is read when it appears; choosing it deals the first card, which is read
    assert d.app.voice.idle()
    question = d.app.deck.card(d.app.top.view.current.question)
    assert slow_speech and question.client["nl"] in slow_speech[-1]["text"]
    assert all(call["thread"] is not threading.main_thread() for call in slow_speech)


def test_the_window_handles_an_event_within_a_frame_while_speaking(make_app, slow_speech):
    d = table(make_app)
    d.key(pygame.K_v)
    time.sleep(0.05)
    assert d.app.voice._thread.is_alive() and slow_speech and not slow_speech[0]["stopped"]
    pygame.event.post(pygame.event.Event(pygame.KEYDOWN, key=pygame.K_F1, mod=0, unicode="", scancode=0))
    start = time.perf_counter()
    d.app.step(0.0)
    took = time.perf_counter() - start
    from game.ui.scenes.rules import RulesScene

    assert isinstance(d.app.top, RulesScene)  # the event was handled in that one turn of the loop
    assert took < 1 / 30 * 3, f"{took * 1000:.0f} ms"  # a frame at the idle rate, with room for a busy CI machine
    d.app.voice.close()


@pytest.mark.skipif(not speech.available(), reason="the optional [speech] extra is not installed")
def test_real_speech_plays_through_the_mixer(make_app, monkeypatch):
    threads: list[threading.Thread] = []
    real = speech.synthesize

    def synthesize(text, lang, stop=None):  # the real engine, noting the thread it runs on
        threads.append(threading.current_thread())
        return real(text, lang, stop)

    monkeypatch.setattr(voice_module.speech, "synthesize", synthesize)
    d = table(make_app)
    assert d.app.voice.enabled
    d.key(pygame.K_v)
    assert d.app.voice.idle(10)
    assert d.app.voice.error == "" and len(d.app.voice.spoken) == 1
    d.app.voice.say(" ".join([d.app.top.spoken()] * 5), "nl")  # a long text: speaking while the window works
    deadline = time.perf_counter() + 10
    while not (d.app.voice._channel is not None and d.app.voice._channel.get_busy()):
        assert time.perf_counter() < deadline, "the long text never started to play"
        time.sleep(0.005)
    pygame.event.post(pygame.event.Event(pygame.KEYDOWN, key=pygame.K_F1, mod=0, unicode="", scancode=0))
    start = time.perf_counter()
    d.app.step(0.0)
    took = time.perf_counter() - start
    from game.ui.scenes.rules import RulesScene

    assert isinstance(d.app.top, RulesScene)  # handled in the one turn of the loop, while the sound plays
    assert d.app.voice._channel is not None and d.app.voice._channel.get_busy()
    assert took < 1 / 30 * 3, f"{took * 1000:.0f} ms"
    assert d.app.voice.idle(10) and len(d.app.voice.spoken) == 2
    assert len(threads) == 2 and threading.main_thread() not in threads  # never on the window's thread
    d.app.voice.close()


def test_without_the_package_the_game_runs_and_hides_the_button(make_app, monkeypatch):
    monkeypatch.setattr(voice_module.speech, "available", lambda: False)
    d = make_app()
    assert not d.app.voice.enabled
    d.enter(2)
    assert "speak" not in d.rects()
    d.key(pygame.K_v)
    d.enter()
    assert d.app.running
