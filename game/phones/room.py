"""The room: who may answer, what they answer now, and the counts the projector shows.

Pure rules, no network and no pygame, so they are tested on their own and the server is a thin
shell around them. One `Room` lives for one session, in the memory of the server's thread only:

- a room code of 5 characters from an alphabet without look-alikes (no 0/O, 1/I/L, 2/Z, 5/S,
  8/B, 6/G, U/V), typed in any case;
- phone ids are random strings the browser makes and keeps (never a name); they are only keys
  in memory, dropped with the room, and never in a result;
- one step is open at a time (the card's option, reason, spot or name step, or a pulse); a phone
  answers each question of the step and may change its answer until the step is revealed;
- a late joiner or a reloaded page gets the current step with its own earlier answer;
- in All-teams mode a phone picks its team, and the counts are kept per team too;
- what is kept after a step is only its counts (`StepResult`): how many chose what.
"""

from __future__ import annotations

import re
import secrets
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from game.i18n import N_

CODE_ALPHABET = "ACDEFHJKMNPRTWXY3479"
CODE_LENGTH = 5
PHONE_ID = re.compile(r"^[A-Za-z0-9_-]{16,64}$")
MAX_PHONES = 2000  # distinct phone ids one room remembers (a hall of 300 with room to spare)
MAX_CHOICES = 12

# The pulse: the same few statements before the first card and after the last. The page shows
# its own translation of each statement by id (assets/phone/strings.js); the projector and the
# saved summary translate the English message id with the game's catalogue.
PULSE_CHOICES = ("agree", "unsure", "disagree")
PULSE_STATEMENTS: tuple[tuple[str, str], ...] = (
    (
        "know-what-to-do",
        N_("If someone threatened to share a picture of me, I would know what to do."),
    ),
    ("could-tell", N_("I know an adult I could tell if something went wrong online.")),
    ("not-their-fault", N_("If someone is tricked into sending a picture, it is not their fault.")),
)


class Refused(Exception):
    """A phone's message the rules do not accept. `reason` is a short code the page knows."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


def new_code(rng: Any = None) -> str:
    pick = (rng or secrets.SystemRandom()).choice
    return "".join(pick(CODE_ALPHABET) for _ in range(CODE_LENGTH))


def normalize_code(text: object) -> str:
    """What a person typed, as a code: case and spaces or dashes do not matter."""
    if not isinstance(text, str) or len(text) > 20:
        return ""
    return re.sub(r"[\s-]", "", text).upper()


def valid_phone_id(value: object) -> bool:
    return isinstance(value, str) and PHONE_ID.fullmatch(value) is not None


@dataclass(frozen=True)
class Question:
    """One question of a step: its text and its choices, in the order the projector shows."""

    text: str
    choices: tuple[str, ...]
    id: str | None = None  # pulse statements carry an id, so the page can use its own language

    def __post_init__(self) -> None:
        if not 2 <= len(self.choices) <= MAX_CHOICES:
            raise ValueError(f"a question needs 2 to {MAX_CHOICES} choices")

    def to_json(self) -> dict[str, Any]:
        out: dict[str, Any] = {"text": self.text, "choices": list(self.choices)}
        if self.id is not None:
            out["id"] = self.id
        return out


@dataclass(frozen=True)
class Step:
    """What the phones answer now. `key` is unique per step of a session (e.g. '3:choose')."""

    key: str
    kind: str  # "option", "reason", "spot", "name" or "pulse"
    questions: tuple[Question, ...]
    card_id: str | None = None
    number: int | None = None  # the card's number in the session, from 1
    of: int | None = None  # how many cards the session has
    card: Mapping[str, Any] | None = None  # the whole card, for students who cannot see the screen
    order: tuple[int, ...] = ()  # shown position -> the session's index (not sent to phones)

    def __post_init__(self) -> None:
        if not self.questions:
            raise ValueError("a step needs at least one question")

    def to_json(self) -> dict[str, Any]:
        out: dict[str, Any] = {
            "key": self.key,
            "kind": self.kind,
            "questions": [q.to_json() for q in self.questions],
        }
        if self.number is not None:
            out["number"], out["of"] = self.number, self.of
        if self.card is not None:
            out["card"] = dict(self.card)
        return out


def pulse_step(when: str) -> Step:
    """The pulse before the first card (`when='before'`) or after the last (`'after'`)."""
    if when not in ("before", "after"):
        raise ValueError("a pulse is 'before' or 'after'")
    return Step(
        key=f"pulse:{when}",
        kind="pulse",
        questions=tuple(Question(text, PULSE_CHOICES, id=i) for i, text in PULSE_STATEMENTS),
    )


@dataclass(frozen=True)
class StepResult:
    """How the class answered one step: counts only, never who."""

    key: str
    kind: str
    card_id: str | None
    questions: tuple[Question, ...]
    counts: tuple[tuple[int, ...], ...]  # per question, per choice
    team_counts: tuple[tuple[tuple[int, ...], ...], ...] = ()  # per team, per question, per choice
    answered: int = 0  # phones that answered at least one question
    revealed: bool = False
    order: tuple[int, ...] = ()  # shown position -> the session's index

    def to_json(self) -> dict[str, Any]:
        """The result as plain data for the session summary (no ids: there are none to give)."""
        return {
            "key": self.key,
            "kind": self.kind,
            "card_id": self.card_id,
            "questions": [q.to_json() for q in self.questions],
            "counts": [list(c) for c in self.counts],
            "team_counts": [[list(c) for c in t] for t in self.team_counts],
            "answered": self.answered,
            "order": list(self.order),
        }


@dataclass
class _Open:
    """The live answers of one step (of the current card), in memory only."""

    step: Step
    answers: dict[str, list[int | None]] = field(default_factory=dict)
    counts: list[list[int]] = field(default_factory=list)
    team_counts: list[list[list[int]]] = field(default_factory=list)
    answer_team: dict[str, int | None] = field(default_factory=dict)  # the team counted
    answered: int = 0
    revealed: bool = False


class Room:
    """The rules of one phones session. Only the server's thread calls it."""

    def __init__(
        self,
        code: str | None = None,
        *,
        teams: Sequence[str] = (),
        rng: Any = None,
        max_phones: int = MAX_PHONES,
    ) -> None:
        self.code = normalize_code(code) if code else new_code(rng)
        if len(self.code) != CODE_LENGTH or any(c not in CODE_ALPHABET for c in self.code):
            raise ValueError(f"a room code is {CODE_LENGTH} of {CODE_ALPHABET}")
        self.teams = tuple(teams)
        self.max_phones = max_phones
        self.over = False
        self._known: set[str] = set()
        self._team: dict[str, int] = {}
        self._steps: dict[str, _Open] = {}  # the current card's steps (and the open pulse)
        self._current: _Open | None = None
        self._results: dict[str, StepResult] = {}

    # --- who ------------------------------------------------------------------------------

    def accepts(self, code: object) -> bool:
        return secrets.compare_digest(normalize_code(code).encode(), self.code.encode())

    def join(self, phone_id: object) -> str:
        """Let a phone in (again). Returns its id; raises Refused('id') or Refused('full')."""
        if not valid_phone_id(phone_id):
            raise Refused("id")
        assert isinstance(phone_id, str)
        if phone_id not in self._known:
            if len(self._known) >= self.max_phones:
                raise Refused("full")
            self._known.add(phone_id)
        return phone_id

    @property
    def phones(self) -> int:
        """How many different phones have joined (not who)."""
        return len(self._known)

    def pick_team(self, phone_id: str, team: object) -> None:
        self._require_known(phone_id)
        if not self.teams:
            raise Refused("team")
        if not isinstance(team, int) or isinstance(team, bool) or not 0 <= team < len(self.teams):
            raise Refused("team")
        self._team[phone_id] = team
        live = self._current
        if live is not None and not live.revealed and phone_id in live.answers:
            self._retag(live, phone_id)

    def team_of(self, phone_id: str) -> int | None:
        return self._team.get(phone_id)

    # --- what -----------------------------------------------------------------------------

    @property
    def step(self) -> Step | None:
        return self._current.step if self._current else None

    @property
    def revealed(self) -> bool:
        return bool(self._current and self._current.revealed)

    def open(self, step: Step) -> None:
        """Show a step on the phones. Steps of another card drop the earlier card's answers;
        opening a step again (the facilitator went back) keeps its answers."""
        if self.over:
            raise Refused("over")
        self._close()
        if self._current is None or self._current.step.card_id != step.card_id:
            self._steps = {k: v for k, v in self._steps.items() if v.step.card_id == step.card_id}
        live = self._steps.get(step.key)
        if live is None or live.step != step:
            live = _Open(step)
            live.counts = [[0] * len(q.choices) for q in step.questions]
            live.team_counts = [[[0] * len(q.choices) for q in step.questions] for _ in self.teams]
            self._steps[step.key] = live
        live.revealed = False
        self._current = live

    def reveal(self) -> StepResult:
        """Close the answers of the open step and return its counts."""
        if self._current is None:
            raise Refused("step")
        self._current.revealed = True
        result = self._result(self._current)
        self._results[result.key] = result
        return result

    def wait(self) -> None:
        """Between cards: the phones show 'waiting for the next card'."""
        self._close()
        self._current = None

    def finish(self) -> None:
        """The session is over: close the step, forget every phone id."""
        self.wait()
        self._steps.clear()
        self._known.clear()
        self._team.clear()
        self.over = True

    def _close(self) -> None:
        if self._current is not None:
            result = self._result(self._current)
            self._results[result.key] = result

    def answer(self, phone_id: str, key: object, question: object, choice: object) -> None:
        """A phone's answer to one question of the open step (or a changed answer)."""
        self._require_known(phone_id)
        live = self._current
        if live is None or key != live.step.key:
            raise Refused("step")
        if live.revealed:
            raise Refused("closed")
        questions = live.step.questions
        if not isinstance(question, int) or isinstance(question, bool):
            raise Refused("choice")
        if not 0 <= question < len(questions):
            raise Refused("choice")
        if choice is not None and (
            not isinstance(choice, int)
            or isinstance(choice, bool)
            or not 0 <= choice < len(questions[question].choices)
        ):
            raise Refused("choice")
        mine = live.answers.get(phone_id)
        if mine is None:
            mine = live.answers[phone_id] = [None] * len(questions)
        self._retag(live, phone_id)
        before = any(c is not None for c in mine)
        old = mine[question]
        if old == choice:
            return
        team = live.answer_team.get(phone_id)
        if old is not None:
            live.counts[question][old] -= 1
            if team is not None:
                live.team_counts[team][question][old] -= 1
        if choice is not None:
            live.counts[question][choice] += 1
            if team is not None:
                live.team_counts[team][question][choice] += 1
        mine[question] = choice
        after = any(c is not None for c in mine)
        live.answered += int(after) - int(before)

    def mine(self, phone_id: str) -> list[int | None] | None:
        """This phone's answer to the open step, if it gave one."""
        if self._current is None:
            return None
        found = self._current.answers.get(phone_id)
        return list(found) if found is not None else None

    def counts(self) -> StepResult | None:
        """The open step's counts right now (what the projector shows), or None."""
        return self._result(self._current) if self._current else None

    @property
    def results(self) -> tuple[StepResult, ...]:
        """Every step shown so far, in order, as counts only (for the summary); the open step
        with its counts so far."""
        found = dict(self._results)
        if self._current is not None:
            found[self._current.step.key] = self._result(self._current)
        return tuple(found.values())

    def view(self, phone_id: str | None) -> dict[str, Any]:
        """What one phone is sent: the open step, its own answer, its team."""
        live = self._current
        out: dict[str, Any] = {
            "t": "state",
            "step": live.step.to_json() if live else None,
            "revealed": bool(live and live.revealed),
            "over": self.over,
            "teams": list(self.teams),
            "team": self._team.get(phone_id) if phone_id else None,
            "mine": self.mine(phone_id) if phone_id else None,
        }
        return out

    # --- helpers --------------------------------------------------------------------------

    def _require_known(self, phone_id: str) -> None:
        if phone_id not in self._known:
            raise Refused("id")

    def _retag(self, live: _Open, phone_id: str) -> None:
        """Count this phone's answers in the step under the team it belongs to now."""
        team = self._team.get(phone_id)
        if live.answer_team.get(phone_id) == team:
            return
        old = live.answer_team.get(phone_id)
        live.answer_team[phone_id] = team
        for q, choice in enumerate(live.answers.get(phone_id) or ()):
            if choice is None:
                continue
            if old is not None:
                live.team_counts[old][q][choice] -= 1
            if team is not None:
                live.team_counts[team][q][choice] += 1

    def _result(self, live: _Open) -> StepResult:
        return StepResult(
            key=live.step.key,
            kind=live.step.kind,
            card_id=live.step.card_id,
            questions=live.step.questions,
            counts=tuple(tuple(c) for c in live.counts),
            team_counts=tuple(tuple(tuple(c) for c in t) for t in live.team_counts),
            answered=live.answered,
            revealed=live.revealed,
            order=live.step.order,
        )
