"""Reading aloud in the window: synthesis and playback in one worker thread, never on the main thread.

`say(text, lang)` returns at once; a newer `say` or `stop` cuts the speech before it short (its synthesis
is stopped through eSpeak's callback and its sound is halted). Without the optional speech package
`Voice.enabled` is False: the window hides the speaker button and `say` does nothing.
"""

from __future__ import annotations

import io
import queue
import threading

from game import speech

_HALT = "halt"  # a job: stop the sound that is playing


class Voice:
    """One speaker for the window."""

    def __init__(self, enabled: bool | None = None):
        self.enabled = speech.available() if enabled is None else enabled
        self._generation = 0
        self._jobs: queue.Queue[tuple[int, str, str] | threading.Event | str | None] = queue.Queue()
        self._thread: threading.Thread | None = None
        self._channel = None
        self.spoken: list[tuple[str, str]] = []  # what was played (text, lang), for tests
        self.error = ""  # the last problem in one line (no sound device, …); speech then stays quiet

    # --- called from the window (main thread) ------------------------------------------------------
    def say(self, text: str, lang: str) -> bool:
        """Read `text` aloud in the background, stopping what is being read now."""
        if not self.enabled or not text.strip():
            return False
        self._generation += 1
        self._start()
        self._jobs.put((self._generation, text, lang))
        return True

    def stop(self) -> None:
        """Stop the speech now being made or played. The worker halts the sound: the main thread never waits
        for the audio device."""
        self._generation += 1
        if self._thread is not None:
            self._jobs.put(_HALT)

    def close(self) -> None:
        self.stop()
        if self._thread is not None:
            self._jobs.put(None)
            self._thread.join(timeout=2)
            self._thread = None

    def idle(self, timeout: float = 5.0) -> bool:
        """Wait until every request so far has been handled (for tests)."""
        if self._thread is None:
            return True
        done = threading.Event()
        self._jobs.put(done)  # the worker sets it when it gets there
        return done.wait(timeout)

    # --- the worker thread -------------------------------------------------------------------------
    def _start(self) -> None:
        if self._thread is None or not self._thread.is_alive():
            self._thread = threading.Thread(target=self._work, name="voice", daemon=True)
            self._thread.start()

    def _work(self) -> None:
        while True:
            job = self._jobs.get()
            if job is None:
                return
            if isinstance(job, threading.Event):
                job.set()
                continue
            if job is _HALT:
                self._halt()
                continue
            generation, text, lang = job
            if generation != self._generation:
                continue  # a newer request came in: skip this one
            try:
                pcm = speech.synthesize(text, lang, stop=lambda g=generation: g != self._generation)
                if generation == self._generation and pcm.samples:
                    self._play(pcm)
                    self.spoken.append((text, lang))
            except speech.SpeechUnavailable as exc:
                self.enabled = False
                self.error = str(exc)
            except Exception as exc:  # a sound device that is missing or busy: stay quiet, keep the window up
                self.error = str(exc).splitlines()[0] if str(exc) else type(exc).__name__

    def _halt(self) -> None:
        channel, self._channel = self._channel, None
        if channel is not None:
            try:
                channel.stop()
            except Exception:  # the mixer may be gone when the window closes
                pass

    def _play(self, pcm: speech.Pcm) -> None:
        import pygame

        if not pygame.mixer.get_init():
            pygame.mixer.init()
        self._halt()
        sound = pygame.mixer.Sound(file=io.BytesIO(pcm.wav()))  # converted to the device's format
        self._channel = sound.play()
