"""From a session's state to the step the phones answer (pure: the model and the room only).

The phones answer the class steps of a card: the move (the options, while the session is in
`choose`), the reason (in `explain`), and the spot and name steps when the session has them.
Between these the phones wait. The choices are the card's texts in the order the session shows
them, so a count's index is the card's option index.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from game.model.kinds import Phase
from game.phones.room import Question, Step

if TYPE_CHECKING:
    from game.content.help import Region
    from game.model.cards import Card
    from game.model.session import SessionState

KINDS = {"choose": "option", "explain": "reason", "spot": "spot", "name": "name"}


def card_json(card: Card) -> dict[str, Any]:
    """The whole card for a phone whose owner cannot see the screen (no ratings, no answers)."""
    return {
        "setup": card.setup,
        "chat": [{"from": m.sender.value, "name": m.name, "text": m.text} for m in card.chat],
        "question": card.question,
    }


def questions_for(card: Card, kind: str, state: SessionState | None = None) -> tuple[Question, ...]:
    if kind == "option":
        return (Question(card.question, tuple(r.text for r in card.responses)),)
    if kind == "reason":
        return (Question("", tuple(r.text for r in card.reasons)),)
    if kind == "spot":
        return (Question("", tuple(m.text for m in card.chat)),)
    if kind == "name":
        names = tuple(getattr(state, "name_options", ()) or ())
        return (Question("", tuple(str(n) for n in names)),) if len(names) >= 2 else ()
    return ()


def step_for(state: SessionState, *, whole_card: bool = True) -> Step | None:
    """The step the phones answer in this state, or None (they wait)."""
    if state.phase in (Phase.SUMMARY, Phase.SCENARIO, Phase.FEEDBACK, Phase.STEAL):
        return None
    kind = KINDS.get(state.phase.value)
    if kind is None:
        return None
    card = state.card
    questions = questions_for(card, kind, state)
    if not questions:
        return None
    return Step(
        key=f"{state.index + 1}:{kind}",
        kind=kind,
        questions=questions,
        card_id=card.id,
        number=state.index + 1,
        of=len(state.cards),
        card=card_json(card) if whole_card else None,
    )


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
