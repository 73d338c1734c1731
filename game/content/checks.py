"""Content checks beyond the schema: lengths, the word lint, source references, option balance,
where the red flag is (`flag_at`), the player's age in the setup, and emoji the fonts lack.

These are the rules of the content guide that a machine can check. `redflags validate` shows
them as warnings (an author's own deck may have good reasons to differ); the tests for the
shipped decks treat them as errors. `deck_findings` gives all of them for one deck file, each
naming the file, the line, the card and the field.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

from game.content.decks import DeckError, is_shipped
from game.content.glyphs import EMOTICONS, font_characters, is_pictograph
from game.content.paths import ASSETS
from game.content.yaml_source import Lines, YamlProblem, parse, parse_with_lines, read_text_file
from game.model.cards import AgeBand, Card, Deck, Rating, Sender

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
    loc: tuple[str | int, ...] = ()  # the path inside the card, for the line number

    def __str__(self) -> str:
        return f"card `{self.card_id}`, {self.field}: {self.message}"


@dataclass(frozen=True)
class Piece:
    """One piece of a card's text, with whether it is a deliberate wrong answer or a quote."""

    field: str
    kind: str
    text: str
    voiced: bool  # a distractor, a myth or the other person's words: may contain bad ideas
    loc: tuple[str | int, ...] = ()


def pieces(card: Card) -> Iterator[Piece]:
    yield Piece("setup", "setup", card.setup, False, ("setup",))
    for i, msg in enumerate(card.chat):
        voiced = msg.sender is not Sender.YOU
        yield Piece(f"chat message {i + 1}", "chat", msg.text, voiced, ("chat", i, "text"))
    yield Piece("question", "question", card.question, False, ("question",))
    for i, r in enumerate(card.responses):
        loc = ("responses", i)
        unsafe = r.rating is not Rating.SAFE
        yield Piece(f"response {i + 1}", "response", r.text, unsafe, loc + ("text",))
        yield Piece(
            f"response {i + 1}, feedback", "feedback", r.feedback, False, loc + ("feedback",)
        )
    for i, why in enumerate(card.reasons):
        loc = ("reasons", i)
        yield Piece(f"reason {i + 1}", "reason", why.text, not why.right, loc + ("text",))
        yield Piece(
            f"reason {i + 1}, feedback", "feedback", why.feedback, False, loc + ("feedback",)
        )
    yield Piece("takeaway", "takeaway", card.takeaway, False, ("takeaway",))
    yield Piece("red flag", "red_flag", card.red_flag, False, ("red_flag",))
    for i, d in enumerate(card.discuss):
        yield Piece(f"discussion prompt {i + 1}", "discuss", d, False, ("discuss", i))


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
            message = f"{n} words; keep it to {limit} or fewer"
            found.append(Finding(card.id, p.field, message, p.loc))
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
        Finding(card.id, p.field, message, p.loc)
        for p in pieces(card)
        for message in lint_text(p.text, language, p.voiced)
    ]


@cache
def source_index() -> dict[str, Any]:
    data: Any = parse((ASSETS / "sources.yaml").read_text(encoding="utf-8"))
    return dict(data)


def source_findings(card: Card) -> list[Finding]:
    """The game's own decks cite the project's sources (other decks may cite their own)."""
    if card.source is None:
        return [Finding(card.id, "source", "a card of the game's own decks names its `source`")]
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


def card_findings(card: Card, language: str, shipped: bool = True) -> list[Finding]:
    """What `validate` reports about a card; `shipped`: one of the game's own decks."""
    findings = lint_findings(card, language) + (source_findings(card) if shipped else [])
    if language == "en":
        findings += length_findings(card)
    findings += flag_findings(card) + age_findings(card, language) + emoji_findings(card)
    return findings


# --- where the red flag is ---------------------------------------------------------------------


def flag_findings(card: Card) -> list[Finding]:
    """A player card without `flag_at` skips the "Where is the red flag?" step: say so."""
    if card.flag_at is not None or AgeBand.ADULTS in card.age_bands:
        return []
    n = len(card.chat)
    return [
        Finding(
            card.id,
            "flag_at",
            "the card does not say where the red flag is, so the 'Where is the red flag?' step "
            f"is skipped; add `flag_at: [N]` with the number of the chat message (1 to {n}) "
            "that shows it, or `flag_at: setup` when it is in the setup line",
            ("id",),
        )
    ]


# --- the player's age in the setup -------------------------------------------------------------

# "You're 12.", "You are Nora, 11." / "Du är 12 år.", "Du är Nora, 11 år."
AGE_PATTERNS = {
    "en": re.compile(r"\byou(?:'|’| a)re\s+(?:[\w-]+,\s*)?(\d{1,2})\b", re.IGNORECASE),
    "sv": re.compile(r"\bdu är\s+(?:[\w-]+,\s*)?(\d{1,2})\b", re.IGNORECASE),
}
BAND_AGES = {
    AgeBand.KIDS: range(10, 13),
    AgeBand.YOUNG_TEENS: range(13, 16),
    AgeBand.OLDER_TEENS: range(16, 19),
}


def setup_age(setup: str, language: str) -> int | None:
    """The player's age as the setup names it ("You're 12", "Du är Nora, 11 år"), or None."""
    pattern = AGE_PATTERNS.get(language, AGE_PATTERNS["en"])
    match = pattern.search(setup)
    return int(match.group(1)) if match else None


def age_findings(card: Card, language: str) -> list[Finding]:
    """A card's setup that names the player's age names one inside the card's age bands."""
    bands = [b for b in card.age_bands if b in BAND_AGES]
    age = setup_age(card.setup, language)
    if age is None or not bands or any(age in BAND_AGES[b] for b in bands):
        return []
    names = " and ".join(b.value for b in bands)
    return [
        Finding(
            card.id,
            "setup",
            f"the setup makes the player {age}, but the card is for ages {names}; "
            "give an age inside the card's bands, or change its age_bands",
            ("setup",),
        )
    ]


# --- emoji the fonts lack ------------------------------------------------------------------------


def missing_glyphs(text: str) -> list[str]:
    """The characters of `text` that would vanish on screen, each once, in order."""
    for emoji in sorted(EMOTICONS, key=len, reverse=True):
        text = text.replace(emoji, "")
    have = font_characters()
    out: list[str] = []
    for ch in text:
        if ord(ch) < 0x2000 or ch in out or ch in "\u200d":
            continue
        if is_pictograph(ch) or (have is not None and ord(ch) not in have):
            out.append(ch)
    return out


def emoji_findings(card: Card) -> list[Finding]:
    found = []
    for i, msg in enumerate(card.chat):
        lost = missing_glyphs(msg.text)
        if lost:
            shown = " ".join(lost)
            found.append(
                Finding(
                    card.id,
                    f"chat message {i + 1}",
                    f"{shown} will not show on screen: the game's fonts do not have "
                    f"{'it' if len(lost) == 1 else 'them'}; use words, or one of "
                    "😊 😉 😂 😢 😡 👍 ❤ (the game shows these as :) ;) xD :( >:( (y) <3)",
                    ("chat", i, "text"),
                )
            )
    return found


# --- option balance (per deck file) --------------------------------------------------------------

BALANCE_SHARE = 0.40  # PLAN rule 4: no pattern on more than 40 % of a deck's cards
MIN_BALANCE_CARDS = 5  # below this a share says nothing (one card is always "100 %")


def _longest_is(options: list[Any], good: Any) -> bool:
    """Whether an option with the most characters is a good one (ties count against)."""
    longest = max(len(o.text.strip()) for o in options)
    return any(good(o) for o in options if len(o.text.strip()) == longest)


def balance_problems(cards: list[Card]) -> list[tuple[str, str, list[str]]]:
    """(field, message, the card ids behind it) for each pattern above 40 % of the cards."""
    n = len(cards)
    limit = int(BALANCE_SHARE * n + 1e-9)
    out: list[tuple[str, str, list[str]]] = []
    if n < MIN_BALANCE_CARDS:
        return out

    def over(ids: list[str], field: str, what: str, fix: str) -> None:
        if len(ids) > limit:
            share = round(100 * len(ids) / n)
            out.append(
                (
                    field,
                    f"{what} on {len(ids)} of {n} cards ({share} %); keep it to {limit} or fewer "
                    f"(40 %), so a player cannot score by guessing: {fix}",
                    ids,
                )
            )

    safe_long = [c.id for c in cards if _longest_is(c.responses, lambda r: r.rating is Rating.SAFE)]
    over(
        safe_long,
        "responses",
        "the longest response is the safe one",
        "make a wrong response as long and as specific, or the safe one shorter",
    )
    right_long = [c.id for c in cards if _longest_is(c.reasons, lambda r: r.right)]
    over(
        right_long,
        "reasons",
        "the longest reason is the right one",
        "make a wrong reason as long, or the right one shorter",
    )
    for i in range(4):
        at = [c.id for c in cards if c.best_response_index == i]
        over(
            at,
            "responses",
            f"the first safe response is response {i + 1}",
            "move the safe response to another place on some cards",
        )
    for i in range(3):
        at = [c.id for c in cards if c.right_reason_index == i]
        over(
            at,
            "reasons",
            f"the right reason is reason {i + 1}",
            "move the right reason to another place on some cards",
        )
    return out


# --- everything for one deck file, with lines ----------------------------------------------------


def _line_finder(deck: Deck) -> Lines | None:
    try:
        return parse_with_lines(read_text_file(Path(deck.path)))[1]
    except (YamlProblem, ValueError):
        return None


def deck_findings(deck: Deck) -> list[DeckError]:
    """Every content suggestion for one deck file, each naming file, line, card and field."""
    finder = _line_finder(deck)
    index = {c.id: i for i, c in enumerate(deck.cards)}

    def line(card_id: str | None, loc: tuple[str | int, ...]) -> int | None:
        if finder is None:
            return None
        if card_id is None:
            return finder.line_of(("cards",))
        return finder.line_of(("cards", index.get(card_id, 0), *loc))

    out: list[DeckError] = []
    for field, message, ids in balance_problems(list(deck.cards)):
        cards = ", ".join(f"`{i}` (line {line(i, (field,))})" for i in ids)
        out.append(
            DeckError(deck.path, f"{message}. The cards: {cards}", line(None, ()), None, field)
        )
    shipped = is_shipped(deck)
    if deck.info.language is None and not shipped:
        out.append(
            DeckError(
                deck.path,
                f"say which language the deck is in: add `language: {deck.language}` under "
                f"`deck:` (it was checked as `{deck.language}`)",
                finder.line_of(("deck",)) if finder else None,
                None,
                "deck",
            )
        )
    for card in deck.cards:
        for f in card_findings(card, deck.language, shipped=shipped):
            out.append(DeckError(deck.path, f.message, line(card.id, f.loc), card.id, f.field))
    return out


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
