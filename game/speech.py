"""Read-aloud: a small speech interface with swappable voices (Ren'Py's self-voicing, simplified).

`Speaker.say()` never blocks the game and always interrupts what is being said, so moving the
focus quickly speaks only the option that ends up focused. The espeak-ng voice runs as a child
process; pyttsx3 is used when it is installed and espeak-ng is not. `RecordingSpeaker` keeps
what would have been said, for tests. With no voice at all, `NullSpeaker` says why once.
"""

from __future__ import annotations

import queue
import shutil
import subprocess
import threading
from typing import Any, Protocol

# espeak-ng voice names per game language.
ESPEAK_VOICES = {"en": "en-gb", "sv": "sv"}


class Speaker(Protocol):
    available: bool
    name: str

    def say(self, text: str, language: str = "en") -> None:
        """Stop whatever is being said and start saying `text`."""

    def stop(self) -> None:
        """Be quiet now."""


class NullSpeaker:
    """No voice is installed: the settings screen says so, and the game goes on silently."""

    available = False
    name = "none"

    def say(self, text: str, language: str = "en") -> None:
        return None

    def stop(self) -> None:
        return None


class RecordingSpeaker:
    """Remembers every utterance in order; for tests of what is read aloud and when."""

    available = True
    name = "recording"

    def __init__(self) -> None:
        self.spoken: list[str] = []
        self.stops = 0

    def say(self, text: str, language: str = "en") -> None:
        self.spoken.append(text)

    def stop(self) -> None:
        self.stops += 1


class EspeakSpeaker:
    """The system voice through espeak-ng, as a child process that can be cut off."""

    available = True
    name = "espeak-ng"

    def __init__(self, executable: str, rate: int = 150) -> None:
        self._exe = executable
        self._rate = rate
        self._process: subprocess.Popen[bytes] | None = None

    def say(self, text: str, language: str = "en") -> None:
        self.stop()
        voice = ESPEAK_VOICES.get(language, language)
        try:
            self._process = subprocess.Popen(
                [self._exe, "-v", voice, "-s", str(self._rate), "--", text],
                stdin=subprocess.DEVNULL,
                stdout=subprocess.DEVNULL,
                stderr=subprocess.DEVNULL,
            )
        except OSError:
            self._process = None

    @property
    def speaking(self) -> bool:
        """True while the voice is still saying the last text (the UI queues behind it)."""
        return self._process is not None and self._process.poll() is None

    def stop(self) -> None:
        if self._process is not None and self._process.poll() is None:
            self._process.terminate()
        self._process = None


def find_speaker() -> Speaker:
    """The best voice this computer has, or a NullSpeaker."""
    exe = shutil.which("espeak-ng") or shutil.which("espeak")
    if exe:
        return EspeakSpeaker(exe)
    try:
        import pyttsx3  # optional; not a dependency (untyped: see [tool.mypy] in pyproject)
    except ImportError:
        return NullSpeaker()
    return _Pyttsx3Speaker(pyttsx3)


class _Pyttsx3Speaker:
    """pyttsx3 blocks while speaking, so it runs on its own thread with its own engine."""

    available = True
    name = "pyttsx3"

    def __init__(self, module: Any) -> None:  # pyttsx3, which has no types
        self._queue: queue.Queue[str | None] = queue.Queue()
        self._module = module
        threading.Thread(target=self._run, daemon=True).start()

    def _run(self) -> None:
        engine = self._module.init()
        while True:
            text = self._queue.get()
            if text is None:
                continue
            engine.say(text)
            engine.runAndWait()

    def say(self, text: str, language: str = "en") -> None:
        self._queue.put(text)

    def stop(self) -> None:
        while not self._queue.empty():
            self._queue.get_nowait()
