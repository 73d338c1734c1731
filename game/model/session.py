"""The session: the one place where the rules of a round live.

A session is an immutable `SessionState` plus a history. Every player or facilitator action is a
small command object; `apply(state, action)` is a pure function that returns the next state or
raises `IllegalAction`. Because actions are data, a session can be replayed, undone and fuzzed.
Scenes call the `Session` methods and never change state themselves.
"""

from __future__ import annotations

import random
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from enum import Enum

from game.model.cards import AgeBand, Card, Rating

POINTS = {Rating.SAFE: 2, Rating.RISKY: 1, Rating.HARMFUL: 0}
RIGHT_REASON_BONUS = 1
MIN_TEAMS, MAX_TEAMS = 2, 6


class IllegalAction(Exception):
    """An action that the rules do not allow in the current phase."""


class Mode(str, Enum):
    SOLO = "solo"
    TEAMS = "teams"


class Phase(str, Enum):
    SCENARIO = "scenario"  # the setup and chat are being shown
    CHOOSE = "choose"  # the options are shown; waiting for a choice
    EXPLAIN = "explain"  # pick the reason why the safe response is right
    FEEDBACK = "feedback"
    SUMMARY = "summary"


@dataclass(frozen=True)
class Team:
    """A team is a name, a letter and a shape, so it is never told apart by colour alone."""

    name: str
    letter: str
    shape: str
    colour: str


DEFAULT_TEAMS: tuple[Team, ...] = (
    Team("Foxes", "A", "circle", "team_a"),
    Team("Owls", "B", "square", "team_b"),
    Team("Wolves", "C", "triangle", "team_c"),
    Team("Otters", "D", "diamond", "team_d"),
    Team("Hawks", "E", "star", "team_e"),
    Team("Bears", "F", "hexagon", "team_f"),
)
SOLO_PLAYER = Team("You", "★", "star", "team_a")


def default_teams(count: int) -> tuple[Team, ...]:
    if not MIN_TEAMS <= count <= MAX_TEAMS:
        raise IllegalAction(f"a team game needs {MIN_TEAMS} to {MAX_TEAMS} teams, not {count}")
    return DEFAULT_TEAMS[:count]


def draw_cards(
    cards: Sequence[Card], band: AgeBand | None, count: int | None, rng: random.Random
) -> tuple[Card, ...]:
    """Pick the cards for a session: those fitting the band, shuffled by the seeded rng."""
    pool = [c for c in cards if band is None or band in c.age_bands]
    rng.shuffle(pool)
    if count is not None:
        if count < 1:
            raise IllegalAction("a session needs at least one card")
        pool = pool[:count]
    if not pool:
        raise IllegalAction("no cards fit this age band")
    return tuple(pool)


# --- actions ---------------------------------------------------------------------------------


@dataclass(frozen=True)
class ShowOptions:
    """The chat has been read; show the options."""


@dataclass(frozen=True)
class Choose:
    response: int


@dataclass(frozen=True)
class Explain:
    reason: int


@dataclass(frozen=True)
class Next:
    """Leave the feedback for the next card, or for the summary after the last one."""


@dataclass(frozen=True)
class EndEarly:
    """Go to the summary now; unplayed cards are not counted."""


Action = ShowOptions | Choose | Explain | Next | EndEarly


# --- state -----------------------------------------------------------------------------------


@dataclass(frozen=True)
class CardResult:
    card_id: str
    team: int
    response: int
    rating: Rating
    reason: int
    reason_right: bool

    @property
    def points(self) -> int:
        return POINTS[self.rating] + (RIGHT_REASON_BONUS if self.reason_right else 0)


@dataclass(frozen=True)
class SessionState:
    mode: Mode
    teams: tuple[Team, ...]
    cards: tuple[Card, ...]
    index: int = 0
    phase: Phase = Phase.SCENARIO
    choice: int | None = None
    reason: int | None = None
    results: tuple[CardResult, ...] = field(default=())

    @property
    def card(self) -> Card:
        return self.cards[min(self.index, len(self.cards) - 1)]

    @property
    def turn(self) -> int:
        """The team answering the current card: teams take cards in rotation."""
        return self.index % len(self.teams)

    @property
    def scores(self) -> tuple[int, ...]:
        totals = [0] * len(self.teams)
        for r in self.results:
            totals[r.team] += r.points
        return tuple(totals)

    @property
    def max_score_per_card(self) -> int:
        return POINTS[Rating.SAFE] + RIGHT_REASON_BONUS

    @property
    def last_result(self) -> CardResult | None:
        return self.results[-1] if self.results else None

    @property
    def is_last_card(self) -> bool:
        return self.index >= len(self.cards) - 1


def new_state(cards: Sequence[Card], mode: Mode = Mode.SOLO, teams: int = 2) -> SessionState:
    if not cards:
        raise IllegalAction("a session needs at least one card")
    team_list = (SOLO_PLAYER,) if mode is Mode.SOLO else default_teams(teams)
    return SessionState(mode=mode, teams=team_list, cards=tuple(cards))


def _require(state: SessionState, *phases: Phase, action: str) -> None:
    if state.phase not in phases:
        wanted = " or ".join(p.value for p in phases)
        raise IllegalAction(f"cannot {action} during {state.phase.value}; only during {wanted}")


def apply(state: SessionState, action: Action) -> SessionState:
    """Return the state after `action`, or raise IllegalAction. Never mutates `state`."""
    if isinstance(action, ShowOptions):
        _require(state, Phase.SCENARIO, action="show the options")
        return replace(state, phase=Phase.CHOOSE)
    if isinstance(action, Choose):
        _require(state, Phase.CHOOSE, action="choose a response")
        if not 0 <= action.response < len(state.card.responses):
            raise IllegalAction(f"there is no response {action.response + 1} on this card")
        return replace(state, phase=Phase.EXPLAIN, choice=action.response)
    if isinstance(action, Explain):
        _require(state, Phase.EXPLAIN, action="pick a reason")
        if not 0 <= action.reason < len(state.card.reasons):
            raise IllegalAction(f"there is no reason {action.reason + 1} on this card")
        assert state.choice is not None
        card = state.card
        result = CardResult(
            card_id=card.id,
            team=state.turn,
            response=state.choice,
            rating=card.responses[state.choice].rating,
            reason=action.reason,
            reason_right=card.reasons[action.reason].right,
        )
        return replace(
            state, phase=Phase.FEEDBACK, reason=action.reason, results=state.results + (result,)
        )
    if isinstance(action, Next):
        _require(state, Phase.FEEDBACK, action="go on")
        if state.is_last_card:
            return replace(state, phase=Phase.SUMMARY)
        return replace(state, index=state.index + 1, phase=Phase.SCENARIO, choice=None, reason=None)
    if isinstance(action, EndEarly):
        if state.phase is Phase.SUMMARY:
            raise IllegalAction("the session is already over")
        return replace(state, phase=Phase.SUMMARY)
    raise IllegalAction(f"unknown action {action!r}")


class Session:
    """A session with its history; the object scenes hold and call."""

    def __init__(self, state: SessionState) -> None:
        self.state = state
        self.history: list[Action] = []

    @classmethod
    def start(
        cls,
        cards: Sequence[Card],
        *,
        mode: Mode = Mode.SOLO,
        teams: int = 2,
        band: AgeBand | None = None,
        count: int | None = None,
        seed: int | None = None,
    ) -> Session:
        rng = random.Random(seed)
        return cls(new_state(draw_cards(cards, band, count, rng), mode, teams))

    def do(self, action: Action) -> SessionState:
        self.state = apply(self.state, action)
        self.history.append(action)
        return self.state

    def show_options(self) -> SessionState:
        return self.do(ShowOptions())

    def choose(self, response: int) -> SessionState:
        return self.do(Choose(response))

    def explain(self, reason: int) -> SessionState:
        return self.do(Explain(reason))

    def next(self) -> SessionState:
        return self.do(Next())

    def end_early(self) -> SessionState:
        return self.do(EndEarly())

    @property
    def phase(self) -> Phase:
        return self.state.phase
