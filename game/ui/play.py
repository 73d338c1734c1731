"""A running game as the UI holds it: the session, the set-up it came from, and what lives only
on screen (the player's own words, the notes panel, the timer, a pending skip, the last save)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from game.model.kinds import PLAN_CARDS, AgeBand, Mode, Phase
from game.model.session import Session
from game.ui.timer import CardTimer, LessonClock

if TYPE_CHECKING:
    from game.model.plans import LessonPlan
    from game.phones.controller import Phones
    from game.phones.room import StepResult
    from game.ui.app import App

CARD_COUNTS = tuple(range(PLAN_CARDS[0], PLAN_CARDS[1] + 1))  # as a lesson plan holds


@dataclass
class GameSetup:
    """The choices on the setup screen; kept so "Play again" repeats them."""

    mode: Mode = Mode.SOLO
    teams: int = 2
    band: AgeBand = AgeBand.YOUNG_TEENS
    deck_id: str | None = None  # None: all decks
    count: int = 5
    seed: int | None = None
    timer: int = 0  # seconds per card for the optional calm countdown; 0: off
    phones: bool = False  # Students' phones (Together and All teams; game/ui/phones.py)
    phones_host: str | None = None  # the laptop's local address the phones reach
    pulse: bool = True  # with Students' phones: the pulse questions before and after
    # the "Where is the red flag?" and "What trick is this?" steps, and responses and reasons in
    # a shuffled order; on in the game (the facilitator may turn the steps off in setup), off by
    # default here so a set-up made in code plays the move and the why only
    spot: bool = False
    name: bool = False
    shuffle: bool = False
    plan: LessonPlan | None = None  # a lesson plan: its cards in its order (band, deck, count)
    presenter: bool = False  # notes, scores and keys in a second window (two displays)


def step_choices(app: App) -> list[tuple[tuple[bool, bool], str]]:
    """(spot, name) with its label in the glossary's words: both steps, one of them, or the
    move and why only."""
    words = app.glossary
    return [
        ((True, True), words.word("steps_both")),
        ((True, False), words.word("steps_spot")),
        ((False, True), words.word("steps_name")),
        ((False, False), words.word("steps_off")),
    ]


@dataclass
class PlayContext:
    """A running game: the session plus what lives only on screen. It outlives the scenes of
    one card, so the notes stay open and the timer runs on from the card to its reasons.

    `own_words` is the player's own reason for the current card. It is never written to disk
    or into the session; it is dropped when the next card starts.
    """

    session: Session
    setup: GameSetup
    own_words: str = ""
    notes_for: int | None = None  # the card whose notes panel is open
    timer: CardTimer | None = None  # the current card's countdown (group games with a timer)
    timer_label: str = ""  # what the timer showed last (a new label needs a new frame)
    clock: LessonClock | None = None  # the lesson's and the card's time (the presenter shows it)
    skip_armed: tuple[int, Phase] | None = None  # S pressed once on this card and phase...
    skip_until: float = 0.0  # ...until this time on the App's clock
    saved: tuple[object, ...] | None = None  # the history last saved for resuming
    save_warned: bool = False  # "cannot save" was said once
    phones: Phones | None = None  # Students' phones while they are on (game/ui/phones.py)
    phones_results: tuple[StepResult, ...] = ()  # what the phones answered, once they stopped
