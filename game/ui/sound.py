"""Short sounds (choose, reveal, next, safe, gentle) from assets/sounds, if present.

Sound is a nicety: a missing mixer, a missing file or a disabled setting all mean silence,
never an error, so a classroom PC without audio runs the game all the same.
"""

from __future__ import annotations

import sys
from pathlib import Path

import pygame

NAMES = ("choose", "reveal", "next", "safe", "gentle")


class Sound:
    def __init__(self, folder: Path, enabled: bool, volume: float) -> None:
        self.enabled = enabled
        self._sounds: dict[str, pygame.mixer.Sound] = {}
        if not enabled:
            return
        try:
            if not pygame.mixer.get_init():
                pygame.mixer.init()
        except pygame.error as exc:
            print(f"redflags: no sound ({exc})", file=sys.stderr)
            self.enabled = False
            return
        for name in NAMES:
            path = folder / f"{name}.wav"
            if path.is_file():
                try:
                    snd = pygame.mixer.Sound(path)
                    snd.set_volume(max(0.0, min(1.0, volume)))
                    self._sounds[name] = snd
                except pygame.error:
                    continue

    def play(self, name: str) -> None:
        if self.enabled and name in self._sounds:
            self._sounds[name].play()
