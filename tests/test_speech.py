"""Speech (the optional [speech] extra): every card of the default deck becomes audible audio in nl and en."""

from __future__ import annotations

import array
import time

import pytest

from game import speech
from game.readaloud import deck_texts

pytestmark = pytest.mark.skipif(not speech.available(), reason="the optional [speech] extra is not installed")


def loudness(pcm: speech.Pcm) -> float:
    """The root mean square of the samples (0 = silence, 32767 = full scale)."""
    samples = array.array("h", pcm.samples)
    return (sum(s * s for s in samples[::8]) / max(1, len(samples[::8]))) ** 0.5


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_every_card_of_the_deck_is_spoken_and_longer_text_takes_longer(deck, lang):
    start = time.perf_counter()
    results = [(len(text.split()), speech.synthesize(text, lang)) for _, _, text in deck_texts(deck, lang)]
    took = time.perf_counter() - start
    assert len(results) == len(deck.cards) + len(deck.starters) + len(deck.cases)
    for words, pcm in results:
        assert pcm.rate > 8000
        assert pcm.seconds > 0.1 * words, (words, pcm.seconds)
        assert loudness(pcm) > 300  # clearly not silence
    # length grows with the word count: fewer words never take much longer than more words
    by_words = sorted(results, key=lambda r: r[0])
    short, long_ = by_words[: len(by_words) // 4], by_words[-len(by_words) // 4 :]
    assert max(p.seconds for _, p in short) < min(p.seconds for _, p in long_) * 1.5
    assert sum(p.seconds for _, p in long_) / len(long_) > 2 * sum(p.seconds for _, p in short) / len(short)
    assert took < 30, f"{took:.1f} s for {len(results)} cards"  # ~2 s here; a bound against a hang, not a benchmark


def test_the_same_text_grows_with_each_added_sentence():
    one = speech.synthesize("Ik weet waarom wij praten.", "nl")
    two = speech.synthesize("Ik weet waarom wij praten. Ik weet ook wat de regels zijn.", "nl")
    assert two.seconds > one.seconds * 1.5


def test_stop_cuts_the_speech_short():
    text = "Dit is een lange zin die heel lang doorgaat. " * 20
    full = speech.synthesize(text, "nl")
    cut = speech.synthesize(text, "nl", stop=lambda: True)
    assert cut.seconds < full.seconds / 4


def test_wav_bytes_are_a_wave_file():
    import io
    import wave

    pcm = speech.synthesize("Hello.", "en")
    with wave.open(io.BytesIO(pcm.wav())) as w:
        assert (w.getnchannels(), w.getsampwidth(), w.getframerate()) == (1, 2, pcm.rate)
        assert w.getnframes() == len(pcm.samples) // 2
