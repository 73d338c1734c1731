"""Read-aloud: what each screen says, in reading order, through the App's one `Speaker`.

Scenes stay thin: they do not call the voice. Each update the `Narrator` looks at the top scene
and asks its `reading()` (game/ui/scene.py) for the utterances it shows so far, built from what
it draws, plus the focused item. New utterances are queued behind what is being said; a focus
move interrupts (as a screen reader does). When a part already read changes within one screen
(the card's step moves on from "Where is the red flag?" to the choice), the reading goes on from
the first changed part: the chat is not read again. R repeats the last full reading. The
Narrator remembers per scene how far it has read, so closing Help or Pause does not start the
card over.
"""

from __future__ import annotations

import sys
import weakref
from dataclasses import dataclass, field

from game.speech import Speaker
from game.ui.scene import Reading, Scene


def speakable(text: str) -> str:
    """Drop emoji and symbols a voice would spell out, and squeeze whitespace."""
    kept = [ch for ch in text if ord(ch) < 0x2190 or 0x3000 <= ord(ch) < 0x1F000]
    return " ".join("".join(kept).split())


def reading(scene: Scene) -> Reading:
    """What `scene` shows, as speakable utterances in reading order, and its focused item."""
    now = scene.reading()
    return Reading(tuple(speakable(p) for p in now.parts if p), now.focus)


# --- the narrator -------------------------------------------------------------------------------


@dataclass
class _Seen:
    """What of the current screen's reading has been queued or said, and what had focus."""

    parts: tuple[str, ...] = ()  # what has been queued or said of it so far
    focus: str | None = None


@dataclass
class Narrator:
    """Turns what the top scene shows into speech: queued readings, spoken focus, R repeats."""

    speaker: Speaker
    enabled: bool = False
    language: str = "en"
    last_full: tuple[str, ...] = ()
    _queue: list[str] = field(default_factory=list)
    _seen: weakref.WeakKeyDictionary[Scene, _Seen] = field(
        default_factory=weakref.WeakKeyDictionary
    )
    _failed: bool = False

    def set_enabled(self, enabled: bool) -> None:
        if enabled == self.enabled:
            return
        self.enabled = enabled
        self._seen = weakref.WeakKeyDictionary()  # turned on: read the current screen afresh
        if not enabled:
            self.stop()

    def stop(self) -> None:
        self._queue.clear()
        self.speaker.stop()

    def repeat(self) -> None:
        """R: say the last full reading again from the start."""
        if not self.last_full:
            return
        self.stop()
        self._queue = list(self.last_full)
        self.pump()

    def observe(self, scene: Scene | None) -> None:
        """Called every update with the top scene: queue what is new, speak a moved focus."""
        if not self.enabled or scene is None:
            return
        try:
            now = reading(scene)
        except Exception as exc:  # read-aloud must never stop a lesson
            if not self._failed:  # said once a run
                print(f"redflags: read-aloud skipped a screen ({exc!r})", file=sys.stderr)
                self._failed = True
            return
        seen = self._seen.get(scene)
        new = seen is None
        if seen is None:  # a new screen: what it shows, then what has the focus
            seen = self._seen[scene] = _Seen(focus=now.focus)
            self.stop()
        if now.parts:
            self.last_full = now.parts
        changed = self._follow(seen, now.parts)
        if new or changed:  # a new screen or a new step: its focus after what it shows
            seen.focus = now.focus
            if now.focus:
                self._queue.append(now.focus)
        elif now.focus != seen.focus:
            seen.focus = now.focus
            if now.focus:  # interrupt what is said and queued
                self._queue.clear()
                self.speaker.say(now.focus, self.language)
        self.pump()

    def _follow(self, seen: _Seen, parts: tuple[str, ...]) -> bool:
        """Queue what the screen shows beyond what was read of it. When a part already read
        has changed (the card's step moved on: spot, then name, then the choice), what was
        queued from there on is dropped, the voice stops if it was saying it, and the reading
        goes on from the first changed part. True when a part already read changed."""
        same = 0
        for old, now in zip(seen.parts, parts):
            if old != now:
                break
            same += 1
        changed = same < len(seen.parts) and same < len(parts)
        if same < len(seen.parts):  # something read or queued is no longer shown
            stale = set(seen.parts[same:])
            queued = sum(1 for q in self._queue if q in seen.parts)
            if len(seen.parts) - queued > same:  # the voice may be saying a stale part
                self.speaker.stop()
            self._queue = [q for q in self._queue if q not in stale]
        self._queue += parts[same:]
        seen.parts = parts
        return changed

    def pump(self) -> None:
        """Hand the next queued utterance to the voice once it has finished the last one."""
        # only a voice that can tell (espeak-ng) says when it is busy
        while self._queue and getattr(self.speaker, "speaking", False) is not True:
            self.speaker.say(self._queue.pop(0), self.language)
