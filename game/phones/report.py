"""How the class answered, as plain text for the saved summary: counts only, never an id.

Pure (no pygame, no files). Every sentence here is an English message id marked with N_, so the
catalogue has it from here; `translate` (the UI passes `tr`) gives it in the game's language.
The projector's phones screens (game/ui/phones.py) draw the same ids.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from game.i18n import N_
from game.model.kinds import Rating
from game.model.session import flag_messages, name_options
from game.phones.room import PULSE_CHOICES, PULSE_STATEMENTS, StepResult

Translate = Callable[[str], str]

KIND_TITLES = {
    "spot": N_("Where is the red flag?"),
    "name": N_("What trick is this?"),
    "option": N_("What do you do?"),
    "reason": N_("Why is the safe choice right?"),
}
PULSE_WORDS = {"agree": N_("Agree"), "unsure": N_("Not sure"), "disagree": N_("Disagree")}
CARD_HEADING = N_("Card {number}: {flag}")
# a card's class step in a line: how many chose a right or safe answer (`card_scores`)
CARD_LINES = {
    "spot": N_("Spot: {n} of {total} found the red flag"),
    "name": N_("Name: {n} of {total} named the trick"),
    "option": N_("Move: {n} of {total} chose a safe option"),
    "reason": N_("Why: {n} of {total} chose the right reason"),
}


def _same(text: str) -> str:
    return text


def share(count: int, total: int) -> str:
    return f"{round(100 * count / total)} %" if total else "0 %"


def distribution(result: StepResult, question: int = 0) -> list[tuple[str, int, int]]:
    """(choice text, count, answered) per choice, in the order the projector showed them."""
    q = result.questions[question]
    counts = result.counts[question]
    total = sum(counts)
    return [(text, counts[i], total) for i, text in enumerate(q.choices)]


@dataclass(frozen=True)
class StepSection:
    """One class step of a card: its question, how many answered, and per choice (in the order
    the projector showed them) its text, its count and its share ("40 %")."""

    title: str
    answered: int
    rows: tuple[tuple[str, int, str], ...]


@dataclass(frozen=True)
class CardSection:
    heading: str  # "Card 2: <its red flag>"
    steps: tuple[StepSection, ...]


@dataclass(frozen=True)
class PulseSection:
    """The pulse: per statement, per choice "before → after" (a dash where nothing was asked)."""

    heading: str
    columns: tuple[str, ...]  # "Statement", then the choices' words
    rows: tuple[tuple[str, tuple[str, ...]], ...]
    answered: str  # "Answered: 12 before, 14 after."


@dataclass(frozen=True)
class ClassReport:
    """How the class answered, with every sentence already in the summary's language: the one
    home of these words for the Markdown below and the PDF (game/export/summary.py)."""

    heading: str
    pulse: PulseSection | None
    cards: tuple[CardSection, ...]


def pulse_section(
    before: StepResult | None, after: StepResult | None, translate: Translate = _same
) -> PulseSection | None:
    """Each statement with agree/unsure/disagree before -> after."""
    if before is None and after is None:
        return None
    words = tuple(translate(PULSE_WORDS[c]) for c in PULSE_CHOICES)
    rows = tuple(
        (translate(statement), tuple(f"{_or_dash(b)} → {_or_dash(a)}" for b, a in counts))
        for (_, statement), counts in zip(PULSE_STATEMENTS, pulse_counts(before, after))
    )
    return PulseSection(
        translate(N_("Pulse before and after")),
        (translate(N_("Statement")), *words),
        rows,
        answered_line(before, after, translate),
    )


def _or_dash(count: int | None) -> str:
    return "–" if count is None else str(count)


def pulse_counts(
    before: StepResult | None, after: StepResult | None
) -> list[list[tuple[int | None, int | None]]]:
    """Per statement, per answer: how many chose it before and after (None: not asked)."""

    def count(result: StepResult | None, q: int, c: int) -> int | None:
        return result.counts[q][c] if result is not None else None

    return [
        [(count(before, q, c), count(after, q, c)) for c in range(len(PULSE_CHOICES))]
        for q in range(len(PULSE_STATEMENTS))
    ]


def answered_line(
    before: StepResult | None, after: StepResult | None, translate: Translate = _same
) -> str:
    """How many phones answered each pulse ("Answered: 12 before, 14 after.")."""
    return translate(N_("Answered: {before} before, {after} after.")).format(
        before=before.answered if before else 0, after=after.answered if after else 0
    )


def class_report(
    results: Sequence[StepResult],
    translate: Translate = _same,
    card_titles: Mapping[str, str] | None = None,
) -> ClassReport | None:
    """The pulse, then each card's class steps; None when the phones answered nothing."""
    if not results:
        return None
    found = {r.key: r for r in results}
    pulse = pulse_section(found.get("pulse:before"), found.get("pulse:after"), translate)
    cards: list[CardSection] = []
    card: str | None = None
    for r in results:
        if r.kind == "pulse":
            continue
        if r.card_id != card or not cards:
            card = r.card_id
            number = r.key.split(":", 1)[0]
            title = (card_titles or {}).get(card or "", card or "")
            heading = translate(CARD_HEADING).format(number=number, flag=title)
            cards.append(CardSection(heading, ()))
        rows = tuple((text, count, share(count, total)) for text, count, total in distribution(r))
        step_ = StepSection(translate(KIND_TITLES.get(r.kind, r.kind)), r.answered, rows)
        cards[-1] = CardSection(cards[-1].heading, (*cards[-1].steps, step_))
    heading = translate(N_("How the class answered (phones, anonymous)"))
    return ClassReport(heading, pulse, tuple(cards))


def right_positions(result: StepResult, card: Any, state: Any = None) -> set[int]:
    """The shown positions of the right (or safe) answers of a card's class step."""
    order = result.order or tuple(range(len(result.questions[0].choices)))
    if result.kind == "option":
        return {p for p, i in enumerate(order) if card.responses[i].rating is Rating.SAFE}
    if result.kind == "reason":
        return {p for p, i in enumerate(order) if card.reasons[i].right}
    if result.kind == "spot":
        return set(flag_messages(card))
    if result.kind == "name" and state is not None:
        offered = name_options(card, state.options, dict(state.confusions))
        return {p for p, tag in enumerate(offered) if tag in card.tags[:1]}
    return set()


def card_scores(
    results: Sequence[StepResult], cards: Mapping[str, Any], state: Any = None
) -> list[tuple[str, str, list[tuple[str, int, int]]]]:
    """Per card (in order): its number, its red flag, and per class step (kind, how many chose
    a right or safe answer, how many answered)."""
    out: list[tuple[str, str, list[tuple[str, int, int]]]] = []
    for r in results:
        card = cards.get(r.card_id or "")
        if r.kind == "pulse" or card is None or not r.counts:
            continue
        number = r.key.split(":", 1)[0]
        if not out or out[-1][0] != number:
            out.append((number, card.red_flag, []))
        right = right_positions(r, card, state)
        counts = r.counts[0]
        out[-1][2].append((r.kind, sum(counts[p] for p in right if p < len(counts)), sum(counts)))
    return out
