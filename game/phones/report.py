"""How the class answered, as plain text for the saved summary: counts only, never an id.

Pure (no pygame, no files). The words are English; a caller that wants another language passes
`translate` (the message ids are marked and translated where the UI defines its own strings;
they are not extracted from here).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from typing import Any

from game.phones.room import PULSE_CHOICES, PULSE_STATEMENTS, StepResult

Translate = Callable[[str], str]

KIND_TITLES = {
    "spot": "Where is the red flag?",
    "name": "What trick is this?",
    "option": "What do you do?",
    "reason": "Why is the safe choice right?",
}
PULSE_WORDS = {"agree": "Agree", "unsure": "Not sure", "disagree": "Disagree"}


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


def pulse_table(
    before: StepResult | None, after: StepResult | None, translate: Translate = _same
) -> list[str]:
    """Markdown rows: each statement with agree/unsure/disagree before -> after."""
    if before is None and after is None:
        return []
    words = [translate(PULSE_WORDS[c]) for c in PULSE_CHOICES]
    lines = [
        "| " + translate("Statement") + " | " + " | ".join(words) + " |",
        "|---|" + "---|" * len(words),
    ]
    for q, (_, statement) in enumerate(PULSE_STATEMENTS):
        cells = []
        for c in range(len(PULSE_CHOICES)):
            b = before.counts[q][c] if before is not None else None
            a = after.counts[q][c] if after is not None else None
            cells.append(f"{'–' if b is None else b} → {'–' if a is None else a}")
        lines.append(f"| {translate(statement)} | " + " | ".join(cells) + " |")
    n_before = before.answered if before else 0
    n_after = after.answered if after else 0
    lines.append("")
    lines.append(
        translate("Answered: {before} before, {after} after.").format(
            before=n_before, after=n_after
        )
    )
    return lines


def summary_markdown(
    results: Sequence[StepResult],
    translate: Translate = _same,
    card_titles: Mapping[str, str] | None = None,
) -> str:
    """The section for the saved summary: the pulse, then each card's class steps."""
    if not results:
        return ""
    out = ["## " + translate("How the class answered (phones, anonymous)"), ""]
    found = {r.key: r for r in results}
    pulse = pulse_table(found.get("pulse:before"), found.get("pulse:after"), translate)
    if pulse:
        out += ["### " + translate("Pulse before and after"), ""] + pulse + [""]
    card = None
    for r in results:
        if r.kind == "pulse":
            continue
        if r.card_id != card:
            card = r.card_id
            number = r.key.split(":", 1)[0]
            title = (card_titles or {}).get(card or "", card or "")
            out += ["### " + translate("Card {number}").format(number=number) + f": {title}", ""]
        out.append(f"**{translate(KIND_TITLES.get(r.kind, r.kind))}** ({r.answered})")
        for text, count, total in distribution(r):
            out.append(f"- {count} ({share(count, total)}): {text}")
        out.append("")
    return "\n".join(out).rstrip() + "\n"


def right_positions(result: StepResult, card: Any, state: Any = None) -> set[int]:
    """The shown positions of the right (or safe) answers of a card's class step."""
    from game.model.kinds import Rating
    from game.model.session import flag_messages, name_options

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
