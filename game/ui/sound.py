"""Short sounds (choose, reveal, next, safe, gentle) from assets/sounds, if present.

Sound is a nicety: a missing mixer, a missing file or a disabled setting all mean silence,
never an error, so a classroom PC without audio runs the game all the same. There is no
background music. The mixer is opened only when sound is first wanted (opening the audio device
can take a tenth of a second, after the title is up), so a game started with sound off never
touches the audio device; M (or the settings screen) turns it on later.

When the cues play (the scenes call `play`):
- choose: an option or a reason is picked
- reveal, then safe or gentle by the rating: the feedback screen opens
- next: a game starts or the next card comes
"""

from __future__ import annotations

import sys
from collections import deque
from pathlib import Path

import pygame

NAMES = ("choose", "reveal", "next", "safe", "gentle")


class Sound:
    def __init__(self, folder: Path, enabled: bool, volume: float) -> None:
        self.folder = folder
        self.enabled = enabled
        self.volume = max(0.0, min(1.0, volume))
        self.broken = False  # the mixer could not open: stay silent for the rest of the run
        self._sounds: dict[str, pygame.mixer.Sound] = {}
        self._loaded = False
        self._later: list[tuple[float, str]] = []  # (seconds left, name)
        self.history: deque[str] = deque(maxlen=64)  # what actually played, for tests

    def _load(self) -> None:
        if self._loaded or self.broken:
            return
        self._loaded = True
        try:
            if not pygame.mixer.get_init():
                pygame.mixer.init()
        except pygame.error as exc:
            print(f"redflags: no sound ({exc})", file=sys.stderr)
            self.broken = True
            return
        for name in NAMES:
            path = self.folder / f"{name}.wav"
            if path.is_file():
                try:
                    snd = pygame.mixer.Sound(path)
                except pygame.error:
                    continue
                snd.set_volume(self.volume)
                self._sounds[name] = snd

    @property
    def audible(self) -> bool:
        return self.enabled and not self.broken and self.volume > 0

    def set_enabled(self, enabled: bool) -> None:
        self.enabled = enabled
        if enabled:
            self._load()
        else:
            self._later.clear()
            if pygame.mixer.get_init():
                pygame.mixer.stop()

    def set_volume(self, volume: float) -> None:
        self.volume = max(0.0, min(1.0, volume))
        for snd in self._sounds.values():
            snd.set_volume(self.volume)

    def play(self, name: str, delay: float = 0.0) -> None:
        """Play a cue now, or after `delay` seconds (so two cues do not sound as one chord)."""
        if not self.audible:
            return
        if delay > 0:
            self._later.append((delay, name))
            return
        self._load()
        snd = self._sounds.get(name)
        if snd is None:
            return
        try:
            snd.play()
        except pygame.error:
            return
        self.history.append(name)

    @property
    def pending(self) -> bool:
        """True while a delayed cue waits (the App keeps ticking until it has played)."""
        return bool(self._later)

    def update(self, dt: float) -> None:
        if not self._later:
            return
        due = [name for left, name in self._later if left - dt <= 0]
        self._later = [(left - dt, name) for left, name in self._later if left - dt > 0]
        for name in due:
            self.play(name)
