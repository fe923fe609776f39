"""Text to speech, offline: a text in nl or en becomes 16-bit mono PCM (and WAV bytes).

It drives eSpeak NG from the optional package `espeakng-loader` (the `[speech]` extra; eSpeak NG is
GPL-3.0, so the MIT game does not depend on it) through ctypes, with synchronous output and a synth callback.
No pygame here: the window plays the PCM (game/ui/voice.py), `audio` writes it as WAV files.
The library is one global engine: every call takes the module's lock, and callers run it off the main thread.
"""

from __future__ import annotations

import ctypes
import io
import threading
import wave
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

INSTALL_HINT = "speech needs the optional package: pip install 'werkalliantie[speech]' (or espeakng-loader)"
VOICES = {"nl": "nl", "en": "en"}
WORDS_PER_MINUTE = 150  # a calm pace for readers of B1 Dutch

_AUDIO_OUTPUT_SYNCHRONOUS = 2
_CHARS_UTF8 = 1
_RATE = 1  # espeakRATE
_CALLBACK = ctypes.CFUNCTYPE(ctypes.c_int, ctypes.POINTER(ctypes.c_short), ctypes.c_int, ctypes.c_void_p)

_lock = threading.Lock()
_engine: _Engine | None = None


class SpeechUnavailable(RuntimeError):
    """The optional speech package is not installed (or its library does not load)."""


@dataclass(frozen=True)
class Pcm:
    """Signed 16-bit mono samples at `rate` Hz."""

    samples: bytes
    rate: int

    @property
    def seconds(self) -> float:
        return len(self.samples) / 2 / self.rate if self.rate else 0.0

    def wav(self) -> bytes:
        """The samples as a WAV file."""
        buf = io.BytesIO()
        with wave.open(buf, "wb") as w:
            w.setnchannels(1)
            w.setsampwidth(2)
            w.setframerate(self.rate)
            w.writeframes(self.samples)
        return buf.getvalue()


def available() -> bool:
    """True when the optional speech package is installed (its library is not loaded yet)."""
    import importlib.util

    return importlib.util.find_spec("espeakng_loader") is not None


class _Engine:
    """The loaded library, set up once for synchronous synthesis into a buffer."""

    def __init__(self) -> None:
        try:
            import espeakng_loader
        except ImportError as exc:
            raise SpeechUnavailable(INSTALL_HINT) from exc
        try:
            lib = ctypes.CDLL(espeakng_loader.get_library_path())
            data = Path(espeakng_loader.get_data_path())
        except (OSError, RuntimeError) as exc:
            raise SpeechUnavailable(f"speech library does not load: {exc}") from exc
        lib.espeak_Initialize.restype = ctypes.c_int
        lib.espeak_Initialize.argtypes = [ctypes.c_int, ctypes.c_int, ctypes.c_char_p, ctypes.c_int]
        lib.espeak_SetSynthCallback.argtypes = [_CALLBACK]
        lib.espeak_SetVoiceByName.argtypes = [ctypes.c_char_p]
        lib.espeak_SetParameter.argtypes = [ctypes.c_int, ctypes.c_int, ctypes.c_int]
        lib.espeak_Synth.argtypes = [
            ctypes.c_char_p, ctypes.c_size_t, ctypes.c_uint, ctypes.c_int, ctypes.c_uint, ctypes.c_uint,
            ctypes.c_void_p, ctypes.c_void_p,
        ]
        rate = lib.espeak_Initialize(_AUDIO_OUTPUT_SYNCHRONOUS, 0, str(data.parent).encode(), 0)
        if rate <= 0:
            raise SpeechUnavailable(f"speech library did not start (data in {data})")
        self.lib = lib
        self.rate = rate
        self.chunks: list[bytes] = []
        self.stop: Callable[[], bool] = lambda: False
        self.callback = _CALLBACK(self._collect)  # kept alive as long as the engine
        lib.espeak_SetSynthCallback(self.callback)
        self.voice = ""

    def _collect(self, wav, count: int, _events) -> int:
        if count > 0 and wav:
            self.chunks.append(ctypes.string_at(wav, count * 2))
        return 1 if self.stop() else 0  # 1 asks eSpeak to stop

    def synth(self, text: str, lang: str, stop: Callable[[], bool]) -> Pcm:
        voice = VOICES.get(lang, "en")
        if voice != self.voice:
            if self.lib.espeak_SetVoiceByName(voice.encode()) != 0:
                raise SpeechUnavailable(f"no voice for language {lang!r}")
            self.lib.espeak_SetParameter(_RATE, WORDS_PER_MINUTE, 0)
            self.voice = voice
        self.chunks, self.stop = [], stop
        data = text.encode("utf-8")
        self.lib.espeak_Synth(data, len(data) + 1, 0, 0, 0, _CHARS_UTF8, None, None)
        samples, self.chunks = b"".join(self.chunks), []
        return Pcm(samples, self.rate)


def synthesize(text: str, lang: str, stop: Callable[[], bool] | None = None) -> Pcm:
    """Speak `text` in `lang` (nl/en) into PCM; `stop()` returning True cuts it short. Blocks: not for the
    window's main thread. Raises SpeechUnavailable without the optional package."""
    global _engine
    with _lock:
        if _engine is None:
            _engine = _Engine()
        return _engine.synth(text, lang, stop or (lambda: False))
