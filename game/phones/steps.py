"""From a session's state to the step the phones answer (pure: the model and the room only).

The phones answer the class steps of a card: spot (which chat message shows the red flag), name
(which trick it is), the move (the options, while the session is in `choose`) and the reason (in
`explain`). Between these the phones wait. The choices are listed in the order the projector
shows them (the session may shuffle responses and reasons), and `Step.order` maps a choice's
position back to the index in the card file, which is what the session's actions take.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from game.model.kinds import Phase, Tag
from game.phones.room import Question, Step, StepResult

if TYPE_CHECKING:
    from game.content.help import Region
    from game.model.cards import Card
    from game.model.session import SessionState

KINDS = {"spot": "spot", "name": "name", "choose": "option", "explain": "reason"}


def card_json(card: Card) -> dict[str, Any]:
    """The whole card for a phone whose owner cannot see the screen (no ratings, no answers)."""
    return {
        "setup": card.setup,
        "chat": [{"from": m.sender.value, "name": m.name, "text": m.text} for m in card.chat],
        "question": card.question,
    }


def _tag_words(tag: Tag) -> str:
    return tag.value.replace("-", " ").capitalize()


def _order(state: SessionState, what: str, count: int) -> tuple[int, ...]:
    order = getattr(state, what, None)
    return tuple(order) if order is not None and len(order) == count else tuple(range(count))


def step_for(
    state: SessionState,
    *,
    whole_card: bool = True,
    tactic_name: Callable[[Tag], str] | None = None,
) -> Step | None:
    """The step the phones answer in this state, or None (they wait).

    `tactic_name` gives the NAME step's words (the glossary's tactic names in the deck's
    language); without it the tag itself is shown."""
    kind = KINDS.get(state.phase.value)
    if kind is None or state.phase is Phase.SUMMARY:
        return None
    card = state.card
    if kind == "option":
        order = _order(state, "response_order", len(card.responses))
        question = Question(card.question, tuple(card.responses[i].text for i in order))
    elif kind == "reason":
        order = _order(state, "reason_order", len(card.reasons))
        question = Question("", tuple(card.reasons[i].text for i in order))
    elif kind == "spot":
        order = tuple(range(len(card.chat)))
        if len(order) < 2:
            return None
        question = Question("", tuple(m.text for m in card.chat))
    else:
        tags = tuple(getattr(state, "name_options", ()) or ())
        if len(tags) < 2:
            return None
        order = tuple(range(len(tags)))
        words = tactic_name or _tag_words
        question = Question("", tuple(words(t) for t in tags))
    return Step(
        key=f"{state.index + 1}:{kind}",
        kind=kind,
        questions=(question,),
        card_id=card.id,
        number=state.index + 1,
        of=len(state.cards),
        card=card_json(card) if whole_card else None,
        order=order,
    )


def most_chosen(result: StepResult, order: tuple[int, ...] = ()) -> int | None:
    """The class's most chosen option of the first question, as the session's index (the card
    file's, through `order`), or None when nobody answered. A tie goes to the first shown."""
    counts = result.counts[0] if result.counts else ()
    if not counts or max(counts) == 0:
        return None
    position = counts.index(max(counts))
    return order[position] if order and position < len(order) else position


def team_choices(result: StepResult, order: tuple[int, ...] = ()) -> tuple[int | None, ...]:
    """All teams: each team's most chosen option (session index), None where nobody answered."""
    out: list[int | None] = []
    for team in result.team_counts:
        counts = team[0] if team else ()
        if not counts or max(counts) == 0:
            out.append(None)
            continue
        position = counts.index(max(counts))
        out.append(order[position] if order and position < len(order) else position)
    return tuple(out)


def help_data(region: Region) -> dict[str, Any]:
    """The region's help list for the phone page (served as /help.json, kept by the page)."""
    return {
        "region": region.id,
        "name": dict(region.name),
        "emergency": region.emergency,
        "services": [
            {"name": s.name, "contact": s.contact, "about": dict(s.about)} for s in region.services
        ],
    }
