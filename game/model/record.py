"""A session as plain data: what was set up and which actions followed.

Saving the actions instead of the state means a resumed session is rebuilt by the same rules
that built it, and an old save can never smuggle in a state the rules would not allow. Team
names are the only names it holds.

Besides the rules' own set-up (mode, teams, cards) a record keeps the per-card timer the
facilitator chose, so a resumed session counts down as before. Saves written before the timer
was recorded have no `timer` field: they resume with the timer off, like a damaged value does —
a wrong timer is never a reason to lose the session.

Likewise the set-up options of the spot and name steps, the shuffle and its seed (`spot`,
`name`, `shuffle`, `seed`): saves from before them have none, and resume as they were played
then — without those steps and in the file order.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import asdict, dataclass, fields
from typing import TYPE_CHECKING, Any, get_args

from game.model.kinds import Mode, Phase
from game.model.session import (
    Action,
    Explain,
    IllegalAction,
    Options,
    Session,
    Steal,
    new_state,
)

if TYPE_CHECKING:
    from game.model.cards import Card
    from game.model.session import Confusions

FORMAT_VERSION = 1  # `timer` was added later as an optional field: old saves still load
TIMER_OFF = 0
MAX_TIMER = 60 * 60  # seconds; anything longer is not a setting the game offers
# Every action of the rules, by the name a save writes (the Action union is the one list).
ACTIONS: dict[str, type] = {cls.__name__: cls for cls in get_args(Action)}


class RecordError(Exception):
    """A saved session that cannot be rebuilt (changed decks, damaged file...)."""


@dataclass(frozen=True)
class SessionRecord:
    mode: str
    teams: int
    language: str
    deck_ids: tuple[str, ...]  # the decks by id, never by path (a path can hold a user's name)
    card_ids: tuple[str, ...]
    actions: tuple[dict[str, Any], ...]
    saved_at: str = ""
    timer: int = TIMER_OFF  # seconds per card for the optional countdown; 0: off
    band: str = ""  # the age band chosen at set-up, so "Play again" repeats it; "": unknown
    deck: str = ""  # the deck chosen at set-up; "": all decks
    spot: bool = False  # the "Where is the red flag?" step was on
    name: bool = False  # the "What trick is this?" step was on
    shuffle: bool = False  # responses and reasons shown in an order drawn from `seed`
    seed: int = 0
    version: int = FORMAT_VERSION

    @property
    def options(self) -> Options:
        return Options(spot=self.spot, name=self.name, shuffle=self.shuffle, seed=self.seed)

    @property
    def deck_paths(self) -> tuple[str, ...]:
        """Saves no longer keep paths (see `deck_ids`); kept for callers that still ask."""
        return ()

    def to_dict(self) -> dict[str, Any]:
        data = asdict(self)
        data["deck_ids"] = list(self.deck_ids)
        data["card_ids"] = list(self.card_ids)
        data["actions"] = list(self.actions)
        return data

    @classmethod
    def from_dict(cls, data: Any) -> SessionRecord:
        """Read a save back, checking every value's type and size: a hand-edited, damaged or
        hostile file (numbers like 1e999, huge lists, long strings) is a RecordError, never a
        crash or a freeze later on."""
        if not isinstance(data, dict):
            raise RecordError("the saved session is not a set of fields")
        version = data.get("version")
        if type(version) is not int or version != FORMAT_VERSION:
            raise RecordError("the saved session is from another version")
        try:
            actions = _items(data["actions"], MAX_ACTIONS, "actions")
            return cls(
                mode=_text(data["mode"], 20, "mode"),
                teams=_count(data["teams"], MAX_TEAMS_SAVED, "teams"),
                language=_text(data["language"], 20, "language"),
                # saves before deck ids kept `deck_paths`: read as no decks (the game's own)
                deck_ids=tuple(
                    _text(d, 80, "deck id") for d in _items(data.get("deck_ids", []), 1000, "decks")
                ),
                card_ids=tuple(
                    _text(c, 80, "card id") for c in _items(data["card_ids"], 10_000, "cards")
                ),
                actions=tuple(_action_fields(a) for a in actions),
                saved_at=_short_text(data.get("saved_at", "")),
                timer=saved_timer(data.get("timer", TIMER_OFF)),
                band=_short_text(data.get("band")),
                deck=_short_text(data.get("deck")),
                spot=data.get("spot") is True,
                name=data.get("name") is True,
                shuffle=data.get("shuffle") is True,
                seed=_seed(data.get("seed")),
            )
        except (KeyError, TypeError, ValueError, OverflowError) as exc:
            raise RecordError(f"the saved session is damaged ({exc})") from None


MAX_ACTIONS = 100_000
MAX_TEAMS_SAVED = 99


def _text(raw: Any, limit: int, what: str) -> str:
    if not isinstance(raw, str) or len(raw) > limit:
        raise ValueError(f"{what} is not a short text")
    return raw


def _count(raw: Any, limit: int, what: str) -> int:
    if type(raw) is not int or not 0 <= raw <= limit:
        raise ValueError(f"{what} is not a number from 0 to {limit}")
    return raw


def _items(raw: Any, limit: int, what: str) -> list[Any]:
    if not isinstance(raw, list) or len(raw) > limit:
        raise ValueError(f"{what} is not a list of at most {limit}")
    return raw


def _action_fields(raw: Any) -> dict[str, Any]:
    if not isinstance(raw, dict) or len(raw) > 10:
        raise ValueError("an action is not a small set of fields")
    return dict(raw)


def _short_text(raw: Any) -> str:
    """A set-up choice or the time of a save (an age band, a deck id, an ISO time); anything odd
    or long is "" (not known): a 2,000-character `saved_at` must not reach the screen."""
    return raw if isinstance(raw, str) and len(raw) <= 80 else ""


def _seed(raw: Any) -> int:
    """A saved seed; anything but a whole number is 0 (the order is then another, not lost)."""
    return raw if isinstance(raw, int) and not isinstance(raw, bool) and 0 <= raw < 1 << 63 else 0


def saved_timer(raw: Any) -> int:
    """The timer of a save as whole seconds; missing, damaged or odd values mean off (0)."""
    if isinstance(raw, bool) or not isinstance(raw, int) or not 0 <= raw <= MAX_TIMER:
        return TIMER_OFF
    return raw


def action_to_dict(action: Action) -> dict[str, Any]:
    return {"type": type(action).__name__, **asdict(action)}


def action_from_dict(data: dict[str, Any]) -> Action:
    cls = ACTIONS.get(str(data.get("type")))
    if cls is None:
        raise RecordError(f"unknown action {data.get('type')!r}")
    names = {f.name for f in fields(cls)}
    args = {k: v for k, v in data.items() if k in names}
    if any(not isinstance(v, int) or isinstance(v, bool) for v in args.values()):
        raise RecordError("an action in the saved session is damaged")
    try:
        action: Action = cls(**args)
    except TypeError as exc:
        raise RecordError(f"an action in the saved session is damaged ({exc})") from None
    return action


def record_of(
    session: Session,
    language: str,
    deck_ids: Sequence[str],
    saved_at: str = "",
    timer: int = TIMER_OFF,
    band: str = "",
    deck: str = "",
) -> SessionRecord:
    start = session.start_state
    options = start.options
    return SessionRecord(
        mode=start.mode.value,
        teams=len(start.teams),
        language=language,
        deck_ids=tuple(deck_ids),
        card_ids=tuple(c.id for c in start.cards),
        actions=tuple(action_to_dict(a) for a in session.history),
        saved_at=saved_at,
        timer=saved_timer(timer),
        band=_short_text(band),
        deck=_short_text(deck),
        spot=options.spot,
        name=options.name,
        shuffle=options.shuffle,
        seed=options.seed,
    )


def _answered_after_steal(session: Session, action: Action) -> bool:
    """An old save's "why" right after a steal: the rules now go from a steal to the feedback
    (the steal showed the safe answer), so that Explain is left out and the save still loads."""
    return (
        isinstance(action, Explain)
        and session.state.phase is Phase.FEEDBACK
        and bool(session.history)
        and isinstance(session.history[-1], Steal)
    )


def rebuild(
    record: SessionRecord, available: Sequence[Card], confusions: Confusions | None = None
) -> Session:
    """Replay a record against the cards now loaded; RecordError if that is impossible.
    `confusions` (the glossary's `confused_with`) must be the same as when it was played for the
    tactic names to be offered as before."""
    by_id = {c.id: c for c in available}
    missing = [i for i in record.card_ids if i not in by_id]
    if missing:
        raise RecordError(f"the saved session uses cards that are gone: {', '.join(missing)}")
    try:
        mode = Mode(record.mode)
        cards = [by_id[i] for i in record.card_ids]
        session = Session(new_state(cards, mode, record.teams, record.options, confusions))
        for raw in record.actions:
            action = action_from_dict(raw)
            if _answered_after_steal(session, action):
                continue  # saved when the first team still answered "why" after a steal
            session.do(action)
    except (IllegalAction, ValueError, TypeError, IndexError, OverflowError) as exc:
        raise RecordError(f"the saved session does not fit the decks any more ({exc})") from None
    return session
