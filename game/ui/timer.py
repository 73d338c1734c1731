"""The optional card timer: a calm countdown the facilitator turns on in setup (60/90/120 s).

It runs while a card is being decided (choose, steal, explain), stops on the feedback, holds
while the game is paused (Esc) or when the facilitator presses T, and when it runs out it only
says "Time to decide" — it never answers for anyone. Time is read from a clock (the App's, a
monotonic one; not frame times, because an idle game sleeps between frames); tests give the App a
fake clock.
"""

from __future__ import annotations

import time
from collections.abc import Callable

from game.model.kinds import Phase
from game.ui.services import tr

TIMER_CHOICES = (0, 60, 90, 120)
RUNNING_PHASES = (Phase.SPOT, Phase.NAME, Phase.CHOOSE, Phase.STEAL, Phase.EXPLAIN)
SHOWN_PHASES = (Phase.SCENARIO, Phase.SPOT, Phase.NAME, Phase.CHOOSE, Phase.STEAL, Phase.EXPLAIN)


class CardTimer:
    """The countdown of one card. `holds` are the reasons it is stopped: the card's step (until
    the choices show, and once the card is decided), the pause, the facilitator."""

    def __init__(self, seconds: int, index: int, now: Callable[[], float] = time.monotonic) -> None:
        self.now = now
        self.seconds = seconds
        self.index = index
        self.holds = {"phase"}
        self.used = 0.0  # seconds it ran until `since`
        self.since = now()

    def hold(self, reason: str, held: bool = True) -> None:
        """Stop for `reason` (held), or take that reason away; the time run so far is banked."""
        t = self.now()
        if not self.holds:
            self.used += t - self.since
        self.since = t
        if held:
            self.holds.add(reason)
        else:
            self.holds.discard(reason)

    def toggle(self) -> bool:
        """T: stop or go on; returns True when the timer is now held by the facilitator."""
        held = "facilitator" not in self.holds
        self.hold("facilitator", held)
        return held

    @property
    def remaining(self) -> float:
        run = self.now() - self.since if not self.holds else 0.0
        return max(0.0, self.seconds - self.used - run)

    @property
    def expired(self) -> bool:
        return self.remaining <= 0

    def follow(self, phase: Phase) -> None:
        """Run while the card is being decided."""
        self.hold("phase", phase not in RUNNING_PHASES)

    def label(self) -> str:
        if self.expired:
            return tr("Time to decide")
        clock = clock_text(self.remaining + 0.999)  # whole seconds, rounded up
        if "facilitator" in self.holds:
            return tr("{clock} paused").format(clock=clock)
        return clock


def clock_text(seconds: float) -> str:
    """Whole seconds as m:ss (h:mm:ss past an hour)."""
    s = max(0, int(seconds))
    if s >= 3600:
        return f"{s // 3600}:{s // 60 % 60:02d}:{s % 60:02d}"
    return f"{s // 60}:{s % 60:02d}"


class LessonClock:
    """How long the lesson and its current card have run, on the App's clock (the one the
    card timer uses). Wall time: a pause is part of the lesson. It stops at the results."""

    def __init__(self, now: Callable[[], float] = time.monotonic) -> None:
        self.now = now
        self.start = now()
        self.card_index: int | None = None
        self.card_start = self.start
        self.end: float | None = None

    def follow(self, index: int, over: bool = False) -> None:
        """A new card index restarts the card's time; `over` stops both (the results)."""
        if over:
            if self.end is None:
                self.end = self.now()
            return
        self.end = None
        if index != self.card_index:
            self.card_index = index
            self.card_start = self.now()

    @property
    def lesson_seconds(self) -> float:
        return (self.end if self.end is not None else self.now()) - self.start

    @property
    def card_seconds(self) -> float:
        return (self.end if self.end is not None else self.now()) - self.card_start
