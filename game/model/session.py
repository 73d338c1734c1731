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
from typing import TYPE_CHECKING

from game.model.kinds import AgeBand, Mode, Phase, Rating

if TYPE_CHECKING:
    from game.model.cards import Card

POINTS = {Rating.SAFE: 2, Rating.RISKY: 1, Rating.HARMFUL: 0}
RIGHT_REASON_BONUS = 1
MIN_TEAMS, MAX_TEAMS = 2, 6


class IllegalAction(Exception):
    """An action that the rules do not allow in the current phase."""


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
EVERYONE = Team("Everyone", "★", "star", "team_a")


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


@dataclass(frozen=True)
class Enter:
    """All-teams mode: the facilitator enters one team's choice (a response, or a reason)."""

    team: int
    option: int


@dataclass(frozen=True)
class Reveal:
    """All-teams mode: every team has decided; show the answer (or go on to feedback)."""


@dataclass(frozen=True)
class Steal:
    """Team turns: after a not-safe answer, another team takes the card with its own choice."""

    team: int
    response: int


@dataclass(frozen=True)
class NoSteal:
    """Team turns: nobody steals; go on to explain."""


@dataclass(frozen=True)
class Award:
    """The facilitator gives points for a good spoken explanation (a Command, so undoable)."""

    team: int
    points: int = 1


@dataclass(frozen=True)
class UndoAward:
    """Take back the last award."""


@dataclass(frozen=True)
class Skip:
    """Leave this card unplayed and go to the next (or to the summary after the last)."""


Action = (
    ShowOptions
    | Choose
    | Explain
    | Next
    | EndEarly
    | Enter
    | Reveal
    | Steal
    | NoSteal
    | Award
    | UndoAward
    | Skip
)
MAX_AWARD = 3


# --- state -----------------------------------------------------------------------------------


@dataclass(frozen=True)
class CardResult:
    """How one team answered one card. A steal scores only when the stolen answer is safe."""

    card_id: str
    team: int
    response: int
    rating: Rating
    reason: int | None
    reason_right: bool
    stolen: bool = False

    @property
    def points(self) -> int:
        if self.stolen:
            return POINTS[Rating.SAFE] if self.rating is Rating.SAFE else 0
        return POINTS[self.rating] + (RIGHT_REASON_BONUS if self.reason_right else 0)


@dataclass(frozen=True)
class AwardGiven:
    card_id: str
    team: int
    points: int


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
    entries: tuple[int | None, ...] = field(default=())  # all-teams: this phase's team entries
    team_choices: tuple[int | None, ...] = field(default=())  # all-teams: responses entered
    steal: Steal | None = None
    awards: tuple[AwardGiven, ...] = field(default=())
    skipped: tuple[str, ...] = field(default=())

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
        for a in self.awards:
            totals[a.team] += a.points
        return tuple(totals)

    @property
    def card_results(self) -> tuple[CardResult, ...]:
        """The results for the card on screen (one per team in all-teams mode)."""
        return tuple(r for r in self.results if r.card_id == self.card.id)

    @property
    def answering(self) -> tuple[int, ...]:
        """The teams answering the current card."""
        if self.mode is Mode.ALL_TEAMS:
            return tuple(range(len(self.teams)))
        return (self.turn,)

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
    if mode is Mode.SOLO:
        team_list: tuple[Team, ...] = (SOLO_PLAYER,)
    elif mode is Mode.TOGETHER:
        team_list = (EVERYONE,)
    else:
        team_list = default_teams(teams)
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
        return _choose(state, action)
    if isinstance(action, Explain):
        return _explain(state, action)
    if isinstance(action, Enter):
        return _enter(state, action)
    if isinstance(action, Reveal):
        return _reveal(state)
    if isinstance(action, Steal):
        return _steal(state, action)
    if isinstance(action, NoSteal):
        _require(state, Phase.STEAL, action="pass on the steal")
        return replace(state, phase=Phase.EXPLAIN)
    if isinstance(action, Next):
        _require(state, Phase.FEEDBACK, action="go on")
        return _advance(state)
    if isinstance(action, Skip):
        _require(state, Phase.SCENARIO, Phase.CHOOSE, action="skip a card")
        return _advance(replace(state, skipped=state.skipped + (state.card.id,)))
    if isinstance(action, EndEarly):
        if state.phase is Phase.SUMMARY:
            raise IllegalAction("the session is already over")
        return replace(state, phase=Phase.SUMMARY)
    if isinstance(action, Award):
        return _award(state, action)
    if isinstance(action, UndoAward):
        if not state.awards:
            raise IllegalAction("there is no award to take back")
        return replace(state, awards=state.awards[:-1])
    raise IllegalAction(f"unknown action {action!r}")


def _single_answer(state: SessionState, what: str) -> None:
    if state.mode is Mode.ALL_TEAMS:
        raise IllegalAction(f"in all-teams mode the facilitator enters each team's {what}")


def _check_option(index: int, count: int, noun: str) -> None:
    if not 0 <= index < count:
        raise IllegalAction(f"there is no {noun} {index + 1} on this card")


def _check_team(state: SessionState, team: int) -> None:
    if not 0 <= team < len(state.teams):
        raise IllegalAction(f"there is no team {team + 1}")


def _choose(state: SessionState, action: Choose) -> SessionState:
    _require(state, Phase.CHOOSE, action="choose a response")
    _single_answer(state, "choice")
    _check_option(action.response, len(state.card.responses), "response")
    safe = state.card.responses[action.response].rating is Rating.SAFE
    stealable = state.mode is Mode.TEAMS and not safe and len(state.teams) > 1
    return replace(state, phase=Phase.STEAL if stealable else Phase.EXPLAIN, choice=action.response)


def _explain(state: SessionState, action: Explain) -> SessionState:
    _require(state, Phase.EXPLAIN, action="pick a reason")
    _single_answer(state, "reason")
    _check_option(action.reason, len(state.card.reasons), "reason")
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
    results = state.results + (result,)
    if state.steal is not None:
        stolen = state.steal
        results += (
            CardResult(
                card_id=card.id,
                team=stolen.team,
                response=stolen.response,
                rating=card.responses[stolen.response].rating,
                reason=None,
                reason_right=False,
                stolen=True,
            ),
        )
    return replace(state, phase=Phase.FEEDBACK, reason=action.reason, results=results)


def _steal(state: SessionState, action: Steal) -> SessionState:
    _require(state, Phase.STEAL, action="steal")
    _check_team(state, action.team)
    if action.team == state.turn:
        raise IllegalAction("a team cannot steal its own card")
    _check_option(action.response, len(state.card.responses), "response")
    return replace(state, phase=Phase.EXPLAIN, steal=action)


def _enter(state: SessionState, action: Enter) -> SessionState:
    if state.mode is not Mode.ALL_TEAMS:
        raise IllegalAction("only in all-teams mode are team choices entered one by one")
    _require(state, Phase.CHOOSE, Phase.EXPLAIN, action="enter a team's choice")
    _check_team(state, action.team)
    count = len(state.card.responses if state.phase is Phase.CHOOSE else state.card.reasons)
    _check_option(action.option, count, "response" if state.phase is Phase.CHOOSE else "reason")
    entries = list(state.entries or (None,) * len(state.teams))
    entries[action.team] = action.option
    return replace(state, entries=tuple(entries))


def _reveal(state: SessionState) -> SessionState:
    if state.mode is not Mode.ALL_TEAMS:
        raise IllegalAction("reveal is for all-teams mode")
    _require(state, Phase.CHOOSE, Phase.EXPLAIN, action="reveal")
    if state.phase is Phase.CHOOSE:
        if not state.entries or None in state.entries:
            waiting = [
                t.letter for t, e in zip(state.teams, state.entries or (None,) * 9) if e is None
            ]
            raise IllegalAction("waiting for the choice of team " + ", ".join(waiting))
        return replace(state, phase=Phase.EXPLAIN, team_choices=state.entries, entries=())
    card = state.card
    reasons = state.entries or (None,) * len(state.teams)
    new = tuple(
        CardResult(
            card_id=card.id,
            team=team,
            response=response,
            rating=card.responses[response].rating,
            reason=reason,
            reason_right=reason is not None and card.reasons[reason].right,
        )
        for team, (response, reason) in enumerate(zip(state.team_choices, reasons))
        if response is not None
    )
    return replace(state, phase=Phase.FEEDBACK, results=state.results + new, entries=())


def _advance(state: SessionState) -> SessionState:
    if state.is_last_card:
        return replace(state, phase=Phase.SUMMARY)
    return replace(
        state,
        index=state.index + 1,
        phase=Phase.SCENARIO,
        choice=None,
        reason=None,
        entries=(),
        team_choices=(),
        steal=None,
    )


def _award(state: SessionState, action: Award) -> SessionState:
    if not state.mode.is_group or not state.mode.keeps_score:
        raise IllegalAction("awards are for team games")
    _require(state, Phase.EXPLAIN, Phase.FEEDBACK, action="award points")
    _check_team(state, action.team)
    if not 1 <= action.points <= MAX_AWARD:
        raise IllegalAction(f"an award is 1 to {MAX_AWARD} points")
    given = AwardGiven(state.card.id, action.team, action.points)
    return replace(state, awards=state.awards + (given,))


def replay(start: SessionState, actions: Sequence[Action]) -> SessionState:
    """The state after replaying `actions` from `start` (used to resume and in tests)."""
    state = start
    for action in actions:
        state = apply(state, action)
    return state


class Session:
    """A session with its history; the object scenes hold and call."""

    def __init__(self, state: SessionState) -> None:
        self.start_state = state
        self.state = state
        self.history: list[Action] = []
        self._past: list[SessionState] = []

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
        new = apply(self.state, action)
        self._past.append(self.state)
        self.state = new
        self.history.append(action)
        return self.state

    def back(self) -> SessionState:
        """Go back one step (the facilitator's 'oops'): the previous state, exactly."""
        if not self._past:
            raise IllegalAction("there is nothing to go back to")
        self.state = self._past.pop()
        self.history.pop()
        return self.state

    @property
    def can_go_back(self) -> bool:
        return bool(self._past)

    def enter(self, team: int, option: int) -> SessionState:
        return self.do(Enter(team, option))

    def reveal(self) -> SessionState:
        return self.do(Reveal())

    def steal(self, team: int, response: int) -> SessionState:
        return self.do(Steal(team, response))

    def no_steal(self) -> SessionState:
        return self.do(NoSteal())

    def award(self, team: int, points: int = 1) -> SessionState:
        return self.do(Award(team, points))

    def undo_award(self) -> SessionState:
        return self.do(UndoAward())

    def skip(self) -> SessionState:
        return self.do(Skip())

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
