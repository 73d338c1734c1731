"""The session: the one place where the rules of a round live.

A session is an immutable `SessionState` plus a history. Every player or facilitator action is a
small command object; `apply(state, action)` is a pure function that returns the next state or
raises `IllegalAction`. Because actions are data, a session can be replayed, undone and fuzzed.
Scenes call the `Session` methods and never change state themselves.

A card is played in up to four steps: SPOT ("Where is the red flag?"), NAME ("What trick is
this?"), CHOOSE (the move) and EXPLAIN (why). The first two are set-up options (`Options`) and
are skipped where they do not fit (see `spots` and `names`). The points of every step are
decided in one place, the "scoring" section below, and `scoring_rules` says them in words.
"""

from __future__ import annotations

import random
from collections import Counter
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from typing import TYPE_CHECKING, Any

from game.model.kinds import AgeBand, Mode, Phase, Rating, Tag

if TYPE_CHECKING:
    from game.model.cards import Card

MIN_TEAMS, MAX_TEAMS = 2, 6

# --- scoring: the one place where points are decided -----------------------------------------
#
# The rules, in the words `scoring_rules` gives the help screen:
#   - Spot the red flag (the right chat message): 1 point.
#   - Name the trick (the card's tactic): 1 point.
#   - The move: safe 3, risky 1, harmful 0.
#   - Why (the right reason): 1 point.
#   - A steal (team turns) scores 3 when the stolen answer is safe, else 0; after a steal the
#     first team does not answer "why" (the steal has shown the safe answer): the card goes
#     straight to the feedback, and the why-step never comes after the safe option was shown.
# Why these numbers: an unsafe move with the right reason (1 + 1) still earns less than a safe
# move with a wrong one (3), so no rule lets an unsafe pick earn as much as a safe one; and with
# everything else the same, a safe move always scores more than any other.

SPOT_POINTS = 1
NAME_POINTS = 1
MOVE_POINTS = {Rating.SAFE: 3, Rating.RISKY: 1, Rating.HARMFUL: 0}
WHY_POINTS = 1
STEAL_POINTS = {Rating.SAFE: 3, Rating.RISKY: 0, Rating.HARMFUL: 0}
POINTS = MOVE_POINTS  # the older names, kept for code that reads them
RIGHT_REASON_BONUS = WHY_POINTS


@dataclass(frozen=True)
class ScoringRule:
    """One line of the scoring in plain words: `text` is English with `{points}` in it; the
    glossary (assets/glossary/<lang>.yaml, key `scoring`) has the same lines per language."""

    key: str
    points: int
    text: str


def scoring_rules(spot: bool = True, name: bool = True, teams: bool = False) -> list[ScoringRule]:
    """The scoring as the help screen shows it, only the steps that are on."""
    rules = []
    if spot:
        rules.append(
            ScoringRule("spot", SPOT_POINTS, "Spot the red flag (the right message): {points}")
        )
    if name:
        rules.append(ScoringRule("name", NAME_POINTS, "Name the trick: {points}"))
    rules += [
        ScoringRule("safe", MOVE_POINTS[Rating.SAFE], "A safe move: {points}"),
        ScoringRule("risky", MOVE_POINTS[Rating.RISKY], "A risky move: {points}"),
        ScoringRule("harmful", MOVE_POINTS[Rating.HARMFUL], "A harmful move: {points}"),
        ScoringRule("why", WHY_POINTS, "The right reason why: {points}"),
        ScoringRule(
            "never",
            0,
            "An unsafe move never earns as much as a safe one, even with the right reason.",
        ),
    ]
    if teams:
        rules.append(
            ScoringRule(
                "steal",
                STEAL_POINTS[Rating.SAFE],
                "A steal with the safe move: {points}; after a steal the first team does not "
                "answer why.",
            )
        )
    return rules


def result_points(result: CardResult) -> int:
    """The points one result earns (see the rules above)."""
    points = (SPOT_POINTS if result.spot_right else 0) + (NAME_POINTS if result.name_right else 0)
    if result.stolen:
        return points + STEAL_POINTS[result.rating]
    return points + MOVE_POINTS[result.rating] + (WHY_POINTS if result.reason_right else 0)


def best_points(card: Card, options: Options) -> int:
    """The most one card can earn with these options."""
    return (
        (SPOT_POINTS if spots(card, options) else 0)
        + (NAME_POINTS if names(card, options) else 0)
        + MOVE_POINTS[Rating.SAFE]
        + WHY_POINTS
    )


# --- set-up options and what follows from them per card --------------------------------------


@dataclass(frozen=True)
class Options:
    """What was chosen at set-up. Spot and name are off by default: the UI turns them on (and
    the facilitator may turn them off). `shuffle` shows responses and reasons in an order drawn
    from `seed` for each card; printed cards keep the file order."""

    spot: bool = False
    name: bool = False
    shuffle: bool = False
    seed: int = 0


NAME_CHOICES = 4  # tactic names offered in the NAME step (3 when too few fit)


def spots(card: Card, options: Options) -> bool:
    """Whether the SPOT step is played on this card: on, the card says which message(s), and it
    is not a card for adults (their deck names the tactic and chooses the move only)."""
    return (
        options.spot
        and isinstance(card.flag_at, list)
        and bool(card.flag_at)
        and AgeBand.ADULTS not in card.age_bands
    )


def names(card: Card, options: Options) -> bool:
    return options.name


def flag_messages(card: Card) -> tuple[int, ...]:
    """The 0-based indexes of the chat messages where the red flag shows ( () for `setup`)."""
    return tuple(n - 1 for n in card.flag_at) if isinstance(card.flag_at, list) else ()


def _rng(options: Options, card: Card, what: str) -> random.Random:
    return random.Random(f"{options.seed}/{card.id}/{what}")


def response_order(card: Card, options: Options) -> tuple[int, ...]:
    """Display position -> the response's index in the file (the identity when not shuffled)."""
    order = list(range(len(card.responses)))
    if options.shuffle:
        _rng(options, card, "responses").shuffle(order)
    return tuple(order)


def reason_order(card: Card, options: Options) -> tuple[int, ...]:
    order = list(range(len(card.reasons)))
    if options.shuffle:
        _rng(options, card, "reasons").shuffle(order)
    return tuple(order)


Confusions = Mapping[Tag, Sequence[Tag]]


def name_options(
    card: Card, options: Options, confusions: Confusions | None = None
) -> tuple[Tag, ...]:
    """The tactics offered in the NAME step: the card's first tag (the one it teaches; its other
    tags are never offered, so exactly one answer is right) and three others a careless reader
    might pick (the glossary's `confused_with`), filled up from the other tags, in an order drawn
    from the seed."""
    rng = _rng(options, card, "names")
    own = [card.tags[0]]
    adults = AgeBand.ADULTS in card.age_bands
    allowed = [t for t in Tag if t not in card.tags and (adults or t is not Tag.ADULT_RESPONSE)]
    confused = []
    for tag in card.tags:
        for other in (confusions or {}).get(tag, ()):
            if other in allowed and other not in confused:
                confused.append(other)
    wanted = NAME_CHOICES - len(own)
    rng.shuffle(confused)
    picked = confused[:wanted]
    rest = [t for t in allowed if t not in picked]
    rng.shuffle(rest)
    picked += rest[: wanted - len(picked)]
    offered = own + picked
    rng.shuffle(offered)
    return tuple(offered)


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
class Spot:
    """Where is the red flag? `message` is the 0-based index of a chat message."""

    message: int


@dataclass(frozen=True)
class Name:
    """What trick is this? `option` indexes `state.name_options`."""

    option: int


@dataclass(frozen=True)
class Choose:
    """`response` is the response's index in the card file (see `state.response_order`)."""

    response: int


@dataclass(frozen=True)
class Explain:
    """`reason` is the reason's index in the card file (see `state.reason_order`)."""

    reason: int


@dataclass(frozen=True)
class Next:
    """Leave the feedback for the next card, or for the summary after the last one."""


@dataclass(frozen=True)
class EndEarly:
    """Go to the summary now; unplayed cards are not counted."""


@dataclass(frozen=True)
class Enter:
    """All-teams mode: the facilitator enters one team's choice (a message when spotting, a
    tactic when naming, a response, or a reason)."""

    team: int
    option: int


@dataclass(frozen=True)
class Reveal:
    """All-teams mode: every team has decided; show the answer (or go on to feedback). In the
    spot and name steps of any group game it also lets the facilitator show the answer and go
    on, with points only for the teams whose answer was entered."""


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
    | Spot
    | Name
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
    """How one team answered one card. A steal scores only when the stolen answer is safe.
    `spot_right` and `name_right` are None when that step was not played (off, skipped for the
    card, or revealed without this team's answer counted as wrong: False)."""

    card_id: str
    team: int
    response: int
    rating: Rating
    reason: int | None
    reason_right: bool
    stolen: bool = False
    spot: int | None = None
    spot_right: bool | None = None
    name: Tag | None = None
    name_right: bool | None = None

    @property
    def points(self) -> int:
        return result_points(self)

    @property
    def missed(self) -> bool:
        """Something on this card went wrong: the spot, the name, the move or the why."""
        if self.spot_right is False or self.name_right is False:
            return True
        if self.stolen:
            return False
        return self.rating is not Rating.SAFE or (self.reason is not None and not self.reason_right)


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
    options: Options = field(default=Options())
    confusions: tuple[tuple[Tag, tuple[Tag, ...]], ...] = field(default=())
    spot_picks: tuple[int | None, ...] = field(default=())  # this card, per team
    name_picks: tuple[int | None, ...] = field(default=())  # this card, per team

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
    def can_award(self) -> bool:
        """Whether a point for a good spoken explanation may be given now (see `_award`)."""
        return (
            self.mode.is_group
            and self.mode.keeps_score
            and self.phase in (Phase.EXPLAIN, Phase.FEEDBACK)
        )

    @property
    def award_candidates(self) -> tuple[int, ...]:
        """The teams that answered the card (and a team that stole it): who may get the point
        (`_award` refuses any other team)."""
        if self.steal is not None and self.steal.team not in self.answering:
            return (*self.answering, self.steal.team)
        return self.answering

    def card_points(self, team: int) -> int:
        """What `team` earned on the card on screen: its answer and any award for explaining."""
        answered = sum(r.points for r in self.card_results if r.team == team)
        awarded = (a.points for a in self.awards if a.card_id == self.card.id and a.team == team)
        return answered + sum(awarded)

    @property
    def best_score(self) -> int:
        """The most one team could have earned on the cards it played (the summary's "of N")."""
        played = {r.card_id for r in self.results}
        by_id = {c.id: c for c in self.cards}
        return sum(best_points(by_id[i], self.options) for i in played if i in by_id)

    @property
    def response_order(self) -> tuple[int, ...]:
        """The order the current card's responses are shown in: display position -> index in the
        file. Keys 1–4 follow the display order; actions take the file index."""
        return response_order(self.card, self.options)

    @property
    def reason_order(self) -> tuple[int, ...]:
        return reason_order(self.card, self.options)

    @property
    def name_options(self) -> tuple[Tag, ...]:
        """The tactics offered in the NAME step for the current card (display order)."""
        return name_options(self.card, self.options, dict(self.confusions))

    @property
    def flag_messages(self) -> tuple[int, ...]:
        """0-based indexes of the current card's flag messages ( () when it is in the setup)."""
        return flag_messages(self.card)

    @property
    def spots(self) -> bool:
        """Whether the current card has a SPOT step."""
        return spots(self.card, self.options)

    @property
    def names(self) -> bool:
        return names(self.card, self.options)

    def spot_right(self, team: int) -> bool | None:
        """Whether `team` spotted the flag on this card (None: not asked or not answered)."""
        pick = self.spot_picks[team] if team < len(self.spot_picks) else None
        return None if pick is None else pick in self.flag_messages

    def name_right(self, team: int) -> bool | None:
        pick = self.name_picks[team] if team < len(self.name_picks) else None
        return None if pick is None else self.name_options[pick] in self.card.tags

    @property
    def last_result(self) -> CardResult | None:
        return self.results[-1] if self.results else None

    @property
    def is_last_card(self) -> bool:
        return self.index >= len(self.cards) - 1


def new_state(
    cards: Sequence[Card],
    mode: Mode = Mode.SOLO,
    teams: int = 2,
    options: Options | None = None,
    confusions: Confusions | None = None,
) -> SessionState:
    if not cards:
        raise IllegalAction("a session needs at least one card")
    if mode is Mode.SOLO:
        team_list: tuple[Team, ...] = (SOLO_PLAYER,)
    elif mode is Mode.TOGETHER:
        team_list = (EVERYONE,)
    else:
        team_list = default_teams(teams)
    return SessionState(
        mode=mode,
        teams=team_list,
        cards=tuple(cards),
        options=options or Options(),
        confusions=_frozen_confusions(confusions),
    )


def _frozen_confusions(confusions: Confusions | None) -> tuple[tuple[Tag, tuple[Tag, ...]], ...]:
    if not confusions:
        return ()
    return tuple((Tag(k), tuple(Tag(v) for v in vs)) for k, vs in sorted(confusions.items()))


def _require(state: SessionState, *phases: Phase, action: str) -> None:
    if state.phase not in phases:
        wanted = " or ".join(p.value for p in phases)
        raise IllegalAction(f"cannot {action} during {state.phase.value}; only during {wanted}")


def apply(state: SessionState, action: Action) -> SessionState:
    """Return the state after `action`, or raise IllegalAction. Never mutates `state`."""
    rule = _RULES.get(type(action))
    if rule is None:
        raise IllegalAction(f"unknown action {action!r}")
    return rule(state, action)


def _show_options(state: SessionState, action: ShowOptions) -> SessionState:
    _require(state, Phase.SCENARIO, action="show the options")
    return replace(state, phase=_step_after(state, Phase.SCENARIO))


def _no_steal(state: SessionState, action: NoSteal) -> SessionState:
    _require(state, Phase.STEAL, action="pass on the steal")
    return replace(state, phase=Phase.EXPLAIN)


def _next(state: SessionState, action: Next) -> SessionState:
    _require(state, Phase.FEEDBACK, action="go on")
    return _advance(state)


def _skip(state: SessionState, action: Skip) -> SessionState:
    _require(state, Phase.SCENARIO, Phase.SPOT, Phase.NAME, Phase.CHOOSE, action="skip a card")
    return _advance(replace(state, skipped=state.skipped + (state.card.id,)))


def _end_early(state: SessionState, action: EndEarly) -> SessionState:
    if state.phase is Phase.SUMMARY:
        raise IllegalAction("the session is already over")
    return replace(state, phase=Phase.SUMMARY)


def _undo_award(state: SessionState, action: UndoAward) -> SessionState:
    if not state.awards:
        raise IllegalAction("there is no award to take back")
    return replace(state, awards=state.awards[:-1])


def _single_answer(state: SessionState, what: str) -> None:
    if state.mode is Mode.ALL_TEAMS:
        raise IllegalAction(f"in all-teams mode the facilitator enters each team's {what}")


def _check_option(index: int, count: int, noun: str) -> None:
    if not 0 <= index < count:
        raise IllegalAction(f"there is no {noun} {index + 1} on this card")


def _check_team(state: SessionState, team: int) -> None:
    if not 0 <= team < len(state.teams):
        raise IllegalAction(f"there is no team {team + 1}")


def _step_after(state: SessionState, phase: Phase) -> Phase:
    """The step that follows `phase` before the move: SPOT, NAME, then CHOOSE."""
    steps = [Phase.SCENARIO, Phase.SPOT, Phase.NAME, Phase.CHOOSE]
    for step in steps[steps.index(phase) + 1 :]:
        if step is Phase.SPOT and not state.spots:
            continue
        if step is Phase.NAME and not state.names:
            continue
        return step
    return Phase.CHOOSE


def _picks(
    picks: tuple[int | None, ...], teams: int, team: int, value: int
) -> tuple[int | None, ...]:
    out: list[int | None] = list(picks or (None,) * teams)
    out[team] = value
    return tuple(out)


def _spot(state: SessionState, action: Spot) -> SessionState:
    _require(state, Phase.SPOT, action="point at a message")
    _single_answer(state, "message")
    _check_option(action.message, len(state.card.chat), "message")
    picks = _picks(state.spot_picks, len(state.teams), state.turn, action.message)
    return replace(state, phase=_step_after(state, Phase.SPOT), spot_picks=picks)


def _name(state: SessionState, action: Name) -> SessionState:
    _require(state, Phase.NAME, action="name the trick")
    _single_answer(state, "tactic")
    _check_option(action.option, len(state.name_options), "tactic")
    picks = _picks(state.name_picks, len(state.teams), state.turn, action.option)
    return replace(state, phase=Phase.CHOOSE, name_picks=picks)


def _result(
    state: SessionState, team: int, response: int, reason: int | None, stolen: bool = False
) -> CardResult:
    card = state.card
    spot = state.spot_picks[team] if team < len(state.spot_picks) else None
    name = state.name_picks[team] if team < len(state.name_picks) else None
    return CardResult(
        card_id=card.id,
        team=team,
        response=response,
        rating=card.responses[response].rating,
        reason=reason,
        reason_right=reason is not None and card.reasons[reason].right,
        stolen=stolen,
        spot=None if stolen else spot,
        spot_right=None if stolen or not state.spots else spot in state.flag_messages,
        name=None if stolen or name is None else state.name_options[name],
        name_right=(
            None
            if stolen or not state.names
            else name is not None and state.name_options[name] in card.tags
        ),
    )


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
    results = state.results + (_result(state, state.turn, state.choice, action.reason),)
    return replace(state, phase=Phase.FEEDBACK, reason=action.reason, results=results)


def _steal(state: SessionState, action: Steal) -> SessionState:
    """A steal shows the safe answer to everyone, so the first team does not answer "why"
    after it (a free point on an answer already shown): both results, then the feedback."""
    _require(state, Phase.STEAL, action="steal")
    _check_team(state, action.team)
    if action.team == state.turn:
        raise IllegalAction("a team cannot steal its own card")
    _check_option(action.response, len(state.card.responses), "response")
    assert state.choice is not None
    stolen = replace(state, steal=action)
    results = state.results + (
        _result(stolen, state.turn, state.choice, None),
        _result(stolen, action.team, action.response, None, stolen=True),
    )
    return replace(stolen, phase=Phase.FEEDBACK, reason=None, results=results)


def _enter(state: SessionState, action: Enter) -> SessionState:
    if state.mode is not Mode.ALL_TEAMS:
        raise IllegalAction("only in all-teams mode are team choices entered one by one")
    _require(
        state, Phase.SPOT, Phase.NAME, Phase.CHOOSE, Phase.EXPLAIN, action="enter a team's choice"
    )
    _check_team(state, action.team)
    count, noun = {
        Phase.SPOT: (len(state.card.chat), "message"),
        Phase.NAME: (len(state.name_options), "tactic"),
        Phase.CHOOSE: (len(state.card.responses), "response"),
        Phase.EXPLAIN: (len(state.card.reasons), "reason"),
    }[state.phase]
    _check_option(action.option, count, noun)
    entries = list(state.entries or (None,) * len(state.teams))
    entries[action.team] = action.option
    return replace(state, entries=tuple(entries))


def _reveal(state: SessionState, action: Reveal) -> SessionState:
    if state.phase in (Phase.SPOT, Phase.NAME) and state.mode.is_group:
        entries = state.entries or (None,) * len(state.teams)
        if state.phase is Phase.SPOT:
            return replace(
                state, phase=_step_after(state, Phase.SPOT), spot_picks=entries, entries=()
            )
        return replace(state, phase=Phase.CHOOSE, name_picks=entries, entries=())
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
    reasons = state.entries or (None,) * len(state.teams)
    new = tuple(
        _result(state, team, response, reason)
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
        spot_picks=(),
        name_picks=(),
    )


def _award(state: SessionState, action: Award) -> SessionState:
    if not state.mode.is_group or not state.mode.keeps_score:
        raise IllegalAction("awards are for team games")
    _require(state, Phase.EXPLAIN, Phase.FEEDBACK, action="award points")  # so: state.can_award
    _check_team(state, action.team)
    if action.team not in state.award_candidates:
        raise IllegalAction(f"team {action.team + 1} did not answer this card")
    if not 1 <= action.points <= MAX_AWARD:
        raise IllegalAction(f"an award is 1 to {MAX_AWARD} points")
    given = AwardGiven(state.card.id, action.team, action.points)
    return replace(state, awards=state.awards + (given,))


# The rules: each action's type and the function that applies it (`apply` looks it up).
_RULES: dict[type, Callable[[SessionState, Any], SessionState]] = {
    ShowOptions: _show_options,
    Spot: _spot,
    Name: _name,
    Choose: _choose,
    Explain: _explain,
    Next: _next,
    EndEarly: _end_early,
    Enter: _enter,
    Reveal: _reveal,
    Steal: _steal,
    NoSteal: _no_steal,
    Award: _award,
    UndoAward: _undo_award,
    Skip: _skip,
}


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
        spot: bool = False,
        name: bool = False,
        shuffle: bool = False,
        confusions: Confusions | None = None,
    ) -> Session:
        """A new session. `spot` and `name` turn those steps on, `shuffle` shows responses and
        reasons in an order drawn from the seed (kept, so a resumed session shows the same)."""
        if seed is None:
            seed = random.SystemRandom().randrange(1 << 31)
        rng = random.Random(seed)
        options = Options(spot=spot, name=name, shuffle=shuffle, seed=seed)
        drawn = draw_cards(cards, band, count, rng)
        return cls(new_state(drawn, mode, teams, options, confusions))

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

    def spot(self, message: int) -> SessionState:
        return self.do(Spot(message))

    def name(self, option: int) -> SessionState:
        return self.do(Name(option))

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


# --- the summary: each step counted on its own, and the tactics missed most -----------------


@dataclass(frozen=True)
class StepCounts:
    """How one team did, step by step: right answers out of the times the step was played."""

    spot: tuple[int, int] = (0, 0)
    name: tuple[int, int] = (0, 0)
    move: tuple[int, int] = (0, 0)  # safe moves
    why: tuple[int, int] = (0, 0)


def step_counts(state: SessionState, team: int = 0) -> StepCounts:
    spot = name = move = why = (0, 0)

    def add(pair: tuple[int, int], right: bool) -> tuple[int, int]:
        return (pair[0] + right, pair[1] + 1)

    for r in state.results:
        if r.team != team:
            continue
        if r.spot_right is not None:
            spot = add(spot, r.spot_right)
        if r.name_right is not None:
            name = add(name, r.name_right)
        move = add(move, r.rating is Rating.SAFE)
        if r.reason is not None:
            why = add(why, r.reason_right)
    return StepCounts(spot, name, move, why)


def missed_tactics(state: SessionState, team: int | None = None) -> list[tuple[Tag, int]]:
    """The tactics of the cards where something went wrong, most missed first (ties: in the
    order of the tag list). `team` None counts every team (a class summary)."""
    by_id = {c.id: c for c in state.cards}
    counts: Counter[Tag] = Counter()
    for r in state.results:
        if (team is None or r.team == team) and r.missed and r.card_id in by_id:
            counts.update(by_id[r.card_id].tags)
    order = list(Tag)
    return sorted(counts.items(), key=lambda kv: (-kv[1], order.index(kv[0])))


def practice_cards(state: SessionState, available: Sequence[Card], team: int = 0) -> list[Card]:
    """ "Practise the ones you missed": other cards (not played in this session) with the tags
    the player got wrong, most-missed tags first. When no other card has them, the missed cards
    themselves. Empty when nothing was missed."""
    missed = [tag for tag, _ in missed_tactics(state, team)]
    if not missed:
        return []
    played = {c.id for c in state.cards}
    rank = {tag: i for i, tag in enumerate(missed)}

    def best_rank(card: Card) -> int:
        return min(rank.get(t, len(rank)) for t in card.tags)

    others = [c for c in available if c.id not in played and any(t in rank for t in c.tags)]
    if not others:
        wrong = {r.card_id for r in state.results if r.team == team and r.missed}
        others = [c for c in state.cards if c.id in wrong]
    return sorted(others, key=best_rank)
