"""Content checks beyond the schema: lengths, the word lint, and source references.

These are the rules of the content guide that a machine can check. `redflags validate` shows
them as warnings (an author's own deck may have good reasons to differ); the tests for the
shipped decks treat them as errors.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache
from typing import Any

from game.content.paths import ASSETS
from game.content.yaml_source import parse
from game.model.cards import Card, Deck, Rating, Sender

# English word limits from the content guide (rule 7), plus two of our own.
WORD_LIMITS = {
    "setup": 40,
    "chat": 25,
    "response": 18,
    "feedback": 45,
    "reason": 18,
    "takeaway": 20,
    "red_flag": 10,
    "discuss": 25,
}


@dataclass(frozen=True)
class Finding:
    card_id: str
    field: str
    message: str

    def __str__(self) -> str:
        return f"card `{self.card_id}`, {self.field}: {self.message}"


@dataclass(frozen=True)
class Piece:
    """One piece of a card's text, with whether it is a deliberate wrong answer or a quote."""

    field: str
    kind: str
    text: str
    voiced: bool  # a distractor, a myth or the other person's words: may contain bad ideas


def pieces(card: Card) -> Iterator[Piece]:
    yield Piece("setup", "setup", card.setup, False)
    for i, msg in enumerate(card.chat, 1):
        yield Piece(f"chat message {i}", "chat", msg.text, msg.sender is not Sender.YOU)
    yield Piece("question", "question", card.question, False)
    for i, r in enumerate(card.responses, 1):
        yield Piece(f"response {i}", "response", r.text, r.rating is not Rating.SAFE)
        yield Piece(f"response {i}, feedback", "feedback", r.feedback, False)
    for i, r in enumerate(card.reasons, 1):
        yield Piece(f"reason {i}", "reason", r.text, not r.right)
        yield Piece(f"reason {i}, feedback", "feedback", r.feedback, False)
    yield Piece("takeaway", "takeaway", card.takeaway, False)
    yield Piece("red flag", "red_flag", card.red_flag, False)
    for i, d in enumerate(card.discuss, 1):
        yield Piece(f"discussion prompt {i}", "discuss", d, False)


def player_text(card: Card) -> str:
    """The text a player reads on screen, for readability scores."""
    kinds = {"setup", "chat", "question", "response", "feedback", "reason", "takeaway"}
    parts = []
    for p in pieces(card):
        if p.kind in kinds:
            text = p.text.strip()
            parts.append(text if text[-1:] in ".!?" else text + ".")
    return " ".join(parts)


def word_count(text: str) -> int:
    return len(re.findall(r"[\w’'-]+", text))


def length_findings(card: Card) -> list[Finding]:
    found = []
    for p in pieces(card):
        limit = WORD_LIMITS.get(p.kind)
        n = word_count(p.text)
        if limit is not None and n > limit:
            found.append(Finding(card.id, p.field, f"{n} words; keep it to {limit} or fewer"))
    return found


@dataclass(frozen=True)
class LintRules:
    groups: dict[str, tuple[re.Pattern[str], ...]]
    negation: re.Pattern[str] | None


@cache
def lint_rules() -> dict[str, LintRules]:
    data: Any = parse((ASSETS / "lint" / "words.yaml").read_text(encoding="utf-8"))
    rules = {}
    for language, groups in data.items():
        negations = groups.pop("negations", [])
        # "n't" is glued to its verb ("doesn't"), so it needs no word boundary before it.
        alternatives = [re.escape(n) if "'" in n else rf"\b{re.escape(n)}" for n in negations]
        negation = re.compile(rf"(?:{'|'.join(alternatives)})\b", re.I) if negations else None
        compiled = {
            group: tuple(re.compile(rf"(?<!\w)(?:{p})(?!\w)", re.IGNORECASE) for p in patterns)
            for group, patterns in groups.items()
        }
        rules[language] = LintRules(compiled, negation)
    return rules


def _negated(text: str, start: int, negation: re.Pattern[str] | None) -> bool:
    sentence_start = max(text.rfind(mark, 0, start) for mark in ".!?") + 1
    return negation is not None and bool(negation.search(text[sentence_start:start]))


def lint_text(text: str, language: str, voiced: bool = False) -> list[str]:
    """The lint's complaints about one piece of text, e.g. ['graphic wording: “…”']."""
    rules = lint_rules().get(language)
    if rules is None:
        return []
    text = text.replace("’", "'")
    out = []
    for group, patterns in rules.groups.items():
        if voiced and group != "graphic":
            continue
        for pattern in patterns:
            for match in pattern.finditer(text):
                if group == "blaming" and _negated(text, match.start(), rules.negation):
                    continue
                out.append(f"{group} wording: “{match.group(0)}”")
                break
    return out


def lint_findings(card: Card, language: str) -> list[Finding]:
    """Graphic words anywhere; blaming and shaming words except in voiced pieces."""
    return [
        Finding(card.id, p.field, message)
        for p in pieces(card)
        for message in lint_text(p.text, language, p.voiced)
    ]


@cache
def source_index() -> dict[str, Any]:
    data: Any = parse((ASSETS / "sources.yaml").read_text(encoding="utf-8"))
    return dict(data)


def source_findings(card: Card) -> list[Finding]:
    index = source_index()
    ref = card.source.strip()
    article, _, point = ref.partition("#")
    if article == "facts":
        if point in {str(k) for k in index["facts"]}:
            return []
        return [Finding(card.id, "source", f"there is no facts section `{point}`")]
    articles = index["articles"]
    if article not in articles:
        return [Finding(card.id, "source", f"`{article}` is not one of the source articles")]
    points = articles[article]["points"]
    if point and (not point.isdigit() or int(point) not in points):
        return [Finding(card.id, "source", f"`{article}` has no point `{point}`")]
    return []


def card_findings(card: Card, language: str) -> list[Finding]:
    findings = lint_findings(card, language) + source_findings(card)
    if language == "en":
        findings += length_findings(card)
    return findings


def structure_differences(deck: Deck, twin: Deck) -> list[str]:
    """Where a translated deck's structure differs from its English twin (ids, ratings...)."""
    out = []
    ids, twin_ids = [c.id for c in deck.cards], [c.id for c in twin.cards]
    for missing in [i for i in twin_ids if i not in ids]:
        out.append(f"card `{missing}` is in the English deck but not in this one")
    for extra in [i for i in ids if i not in twin_ids]:
        out.append(f"card `{extra}` is not in the English deck")
    by_id = {c.id: c for c in twin.cards}
    for card in deck.cards:
        other = by_id.get(card.id)
        if other is None:
            continue
        checks = [
            ("number of chat messages", len(card.chat), len(other.chat)),
            ("number of responses", len(card.responses), len(other.responses)),
            (
                "ratings",
                [r.rating.value for r in card.responses],
                [r.rating.value for r in other.responses],
            ),
            ("right reason", card.right_reason_index + 1, other.right_reason_index + 1),
            (
                "age bands",
                sorted(b.value for b in card.age_bands),
                sorted(b.value for b in other.age_bands),
            ),
            ("tags", sorted(t.value for t in card.tags), sorted(t.value for t in other.tags)),
            ("safe move", card.safe_move.value, other.safe_move.value),
        ]
        for what, mine, theirs in checks:
            if mine != theirs:
                out.append(f"card `{card.id}`: {what} differ from English ({mine} vs {theirs})")
    return out
