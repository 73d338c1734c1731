"""How the class answered, as plain text for the saved summary: counts only, never an id.

Pure (no pygame, no files). The words are English; a caller that wants another language passes
`translate` (the message ids are marked and translated where the UI defines its own strings;
they are not extracted from here).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence

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
