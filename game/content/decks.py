"""Loading deck files: every error collected, each in words a teacher understands.

An error names the file, the line, the card id and the field, e.g.
``offers.yaml, line 14, card `gift-card-offer`, reasons: a card needs exactly one right
reason; this one has 2``. Loading never raises for bad content; it returns the errors.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from game.content.paths import ASSETS
from game.content.yaml_source import LineFinder, YamlProblem, parse
from game.model.cards import AgeBand, Card, Deck, DeckFile, Rating, SafeMove, Tag

DECKS_DIR = ASSETS / "decks"
DECK_SUFFIXES = (".yaml", ".yml")


@dataclass(frozen=True)
class DeckError:
    file: str
    message: str
    line: int | None = None
    card_id: str | None = None
    field: str | None = None

    def __str__(self) -> str:
        parts = [self.file]
        if self.line is not None:
            parts.append(f"line {self.line}")
        if self.card_id:
            parts.append(f"card `{self.card_id}`")
        if self.field:
            parts.append(self.field)
        return ", ".join(parts) + ": " + self.message


@dataclass
class LoadResult:
    decks: list[Deck] = field(default_factory=list)
    errors: list[DeckError] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.errors

    @property
    def cards(self) -> list[Card]:
        return [card for deck in self.decks for card in deck.cards]


def languages() -> list[str]:
    """The languages that ship decks, from the folder names under assets/decks/."""
    if not DECKS_DIR.is_dir():
        return []
    return sorted(p.name for p in DECKS_DIR.iterdir() if p.is_dir())


def default_deck_paths(language: str) -> list[Path]:
    """The shipped deck files of a language, in a stable order."""
    folder = DECKS_DIR / language
    if not folder.is_dir():
        return []
    return sorted(p for p in folder.iterdir() if p.suffix in DECK_SUFFIXES)


def expand_paths(paths: Iterable[Path | str]) -> tuple[list[Path], list[DeckError]]:
    """Files stay files; folders give their deck files (recursively)."""
    files: list[Path] = []
    errors: list[DeckError] = []
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            found = sorted(p for p in path.rglob("*") if p.suffix in DECK_SUFFIXES)
            if not found:
                errors.append(DeckError(str(path), "this folder has no .yaml deck files"))
            files.extend(found)
        elif path.exists():
            files.append(path)
        else:
            errors.append(DeckError(str(path), "there is no such file or folder"))
    return files, errors


def language_of(path: Path) -> str:
    """A deck's language is the name of its folder when that looks like a language code."""
    name = path.parent.name
    return name if 2 <= len(name) <= 5 and name.replace("_", "").isalpha() else "en"


def load_decks(paths: Iterable[Path | str]) -> LoadResult:
    """Load and validate deck files; also check ids are unique across them."""
    files, errors = expand_paths(paths)
    result = LoadResult(errors=errors)
    for path in files:
        deck, file_errors = load_deck_file(path)
        result.errors.extend(file_errors)
        if deck is not None:
            result.decks.append(deck)
    result.errors.extend(_duplicate_ids(result.decks))
    return result


def load_deck_file(path: Path) -> tuple[Deck | None, list[DeckError]]:
    name = str(path)
    try:
        text = path.read_text(encoding="utf-8")
    except UnicodeDecodeError:
        return None, [DeckError(name, "the file is not UTF-8 text; save it as UTF-8")]
    except OSError as exc:
        return None, [DeckError(name, f"the file cannot be read ({exc.strerror or exc})")]
    return load_deck_text(text, name, language_of(path))


def load_deck_text(
    text: str, name: str, language: str = "en"
) -> tuple[Deck | None, list[DeckError]]:
    try:
        data = parse(text)
    except YamlProblem as problem:
        return None, [DeckError(name, problem.message, line=problem.line)]
    if not isinstance(data, dict):
        return None, [
            DeckError(
                name, "a deck file starts with `deck:` and `cards:`", line=1 if text else None
            )
        ]
    try:
        deck_file = DeckFile.model_validate(data)
    except ValidationError as exc:
        return None, _explain(exc, data, text, name)
    except RecursionError:
        return None, [DeckError(name, "the file is nested too deeply to be a deck")]
    deck = Deck(info=deck_file.deck, language=language, cards=tuple(deck_file.cards), path=name)
    return deck, []


def _duplicate_ids(decks: Sequence[Deck]) -> list[DeckError]:
    errors: list[DeckError] = []
    seen_cards: dict[tuple[str, str], str] = {}
    seen_decks: dict[tuple[str, str], str] = {}
    for deck in decks:
        key = (deck.language, deck.id)
        if key in seen_decks:
            errors.append(
                DeckError(deck.path, f"the deck id `{deck.id}` is also used by {seen_decks[key]}")
            )
        seen_decks[key] = deck.path
        for card in deck.cards:
            ckey = (deck.language, card.id)
            if seen_cards.get(ckey) == deck.path:
                continue  # reported by _duplicates_within
            if ckey in seen_cards:
                errors.append(
                    DeckError(
                        deck.path,
                        f"this card id is already used in {seen_cards[ckey]}; ids must be unique",
                        card_id=card.id,
                        field="id",
                    )
                )
            else:
                seen_cards[ckey] = deck.path
    errors.extend(_duplicates_within(decks))
    return errors


def _duplicates_within(decks: Sequence[Deck]) -> list[DeckError]:
    errors = []
    for deck in decks:
        ids = [c.id for c in deck.cards]
        for card_id in sorted({i for i in ids if ids.count(i) > 1}):
            errors.append(
                DeckError(deck.path, "two cards in this file share this id", card_id=card_id)
            )
    return errors


# --- turning pydantic's errors into plain words ----------------------------------------------

_FIELD_WORDS = {
    "age_bands": "age bands",
    "red_flag": "red flag",
    "safe_move": "safe move",
    "facilitator_tip": "facilitator tip",
    "from": "from",
}


def _explain(exc: ValidationError, data: dict[str, Any], text: str, name: str) -> list[DeckError]:
    finder = LineFinder(text)
    errors = []
    for err in exc.errors(include_url=False):
        loc = tuple(err["loc"])
        card_id = _card_id(data, loc)
        line = finder.line_of(loc)
        if err["type"] == "extra_forbidden" and " " in str(loc[-1]).strip():
            loc = loc[:-1]  # the "key" is a piece of text split off by a comma
        if err["type"] == "value_error":
            loc = loc + _rule_field(str(err["msg"]))
            line = finder.line_of(loc)
        errors.append(
            DeckError(
                name,
                _message(err, tuple(err["loc"])),
                line=line,
                card_id=card_id,
                field=_field_words(loc) or None,
            )
        )
    errors.extend(_rules_hidden_by_field_errors(data, errors, finder, name))
    unique = list(dict.fromkeys(errors))
    return sorted(unique, key=lambda e: e.line or 0)


def _rule_field(message: str) -> tuple[str, ...]:
    """Point a card-level rule at the field it is about, so the line is the right one."""
    if "reason" in message:
        return ("reasons",)
    if "response" in message:
        return ("responses",)
    if "age band" in message:
        return ("age_bands",)
    if "tag" in message:
        return ("tags",)
    return ()


def _rules_hidden_by_field_errors(
    data: dict[str, Any], found: list[DeckError], finder: LineFinder, name: str
) -> list[DeckError]:
    """Pydantic skips a card's cross-field rules when a field is wrong; report them anyway."""
    cards = data.get("cards")
    if not isinstance(cards, list):
        return []
    extra = []
    for index, raw in enumerate(cards):
        if not isinstance(raw, dict):
            continue
        reasons = raw.get("reasons")
        if isinstance(reasons, list) and all(isinstance(r, dict) for r in reasons):
            right = sum(1 for r in reasons if r.get("right") is True)
            message = f"a card needs exactly one right reason; this one has {right}"
            if right != 1 and not any(e.message == message for e in found):
                card_id = _card_id(data, ("cards", index))
                line = finder.line_of(("cards", index, "reasons"))
                extra.append(DeckError(name, message, line, card_id, "reasons"))
        responses = raw.get("responses")
        if isinstance(responses, list) and all(isinstance(r, dict) for r in responses):
            if responses and not any(r.get("rating") == "safe" for r in responses):
                card_id = _card_id(data, ("cards", index))
                line = finder.line_of(("cards", index, "responses"))
                message = "a card needs at least one response rated safe; this one has none"
                if not any(e.message == message and e.card_id == card_id for e in found):
                    extra.append(DeckError(name, message, line, card_id, "responses"))
    return extra


def _card_id(data: dict[str, Any], loc: tuple[Any, ...]) -> str | None:
    if len(loc) >= 2 and loc[0] == "cards" and isinstance(loc[1], int):
        cards = data.get("cards")
        if isinstance(cards, list) and 0 <= loc[1] < len(cards) and isinstance(cards[loc[1]], dict):
            raw = cards[loc[1]].get("id")
            if isinstance(raw, str) and raw.strip():
                return raw.strip()[:80]
            return f"number {loc[1] + 1}"
    return None


def _field_words(loc: tuple[Any, ...]) -> str:
    """('cards', 3, 'responses', 1, 'rating') -> 'response 2, rating'."""
    rest = loc[2:] if len(loc) >= 2 and loc[0] == "cards" and isinstance(loc[1], int) else loc
    words: list[str] = []
    for step in rest:
        if isinstance(step, int) and words:
            words[-1] = f"{_singular(words[-1])} {step + 1}"
        else:
            words.append(_FIELD_WORDS.get(str(step), _short(step)))
    return ", ".join(words)


def _singular(word: str) -> str:
    return {
        "responses": "response",
        "reasons": "reason",
        "chat": "chat message",
        "discuss": "discussion prompt",
        "age bands": "age band",
        "tags": "tag",
        "cards": "card",
    }.get(word, word)


def _choices(enum: Iterable[Any]) -> str:
    values = [f"`{e.value}`" for e in enum]
    return ", ".join(values[:-1]) + " or " + values[-1]


def _message(err: dict[str, Any], loc: tuple[Any, ...]) -> str:
    kind = err["type"]
    ctx = err.get("ctx") or {}
    value = err.get("input")
    last = loc[-1] if loc else ""
    parent = next((s for s in reversed(loc) if isinstance(s, str)), "")
    if kind == "missing":
        return f"the field `{last}` is missing"
    if kind == "extra_forbidden":
        if " " in str(last).strip():
            return "a comma inside text that is not in quotes splits it; put the text in quotes"
        return f"`{_short(last)}` is not a field a card knows; check the spelling"
    if kind == "enum":
        shown = _short(value)
        if parent == "tags":
            return f"`{shown}` is not a known tag; use one of {_choices(Tag)}"
        if parent == "age_bands":
            return f"`{shown}` is not a known age band; use {_choices(AgeBand)}"
        if parent == "rating":
            return f"`{shown}` is not a rating; use {_choices(Rating)}"
        if parent == "safe_move":
            return f"`{shown}` is not a safe move; use {_choices(SafeMove)}"
        return (
            f"`{shown}` is not allowed here; use {ctx.get('expected', 'one of the listed values')}"
        )
    if kind == "string_too_short":
        return "the text is empty"
    if kind == "string_too_long":
        return f"the text is too long (at most {ctx.get('max_length')} characters)"
    if kind == "string_type":
        return f"this should be text, not {_kind_of(value)} (put it in quotes)"
    if kind == "string_pattern_mismatch":
        return "an id is lowercase words joined by hyphens, like `gift-card-offer`"
    if kind in ("list_type", "tuple_type"):
        return f"this should be a list (lines starting with `-`), not {_kind_of(value)}"
    if kind in ("model_type", "dict_type", "model_attributes_type"):
        return f"this should be a set of `name: value` fields, not {_kind_of(value)}"
    if kind in ("bool_type", "bool_parsing"):
        return "this should be `true` or `false`"
    if kind == "too_short":
        return _count_message(parent, ctx, value, "at least", ctx.get("min_length"))
    if kind == "too_long":
        return _count_message(parent, ctx, value, "at most", ctx.get("max_length"))
    if kind == "value_error":
        return str(ctx.get("error") or err["msg"]).removeprefix("Value error, ")
    return str(err["msg"])


def _count_message(parent: str, ctx: dict[str, Any], value: Any, bound: str, n: Any) -> str:
    if parent == "cards":
        return "a deck needs at least one card"
    have = len(value) if isinstance(value, (list, tuple, dict, str)) else ctx.get("actual_length")
    noun = {
        "responses": "responses",
        "reasons": "reasons",
        "chat": "chat messages",
        "discuss": "discussion prompts",
        "age_bands": "age bands",
        "tags": "tags",
        "cards": "cards",
    }.get(parent, "entries")
    return f"a card needs {bound} {n} {noun}; this one has {have}"


def _kind_of(value: Any) -> str:
    if value is None:
        return "nothing"
    if isinstance(value, bool):
        return "yes/no"
    if isinstance(value, (int, float)):
        return "a number"
    if isinstance(value, list):
        return "a list"
    if isinstance(value, dict):
        return "a set of fields"
    if isinstance(value, str):
        return "a single value"
    return "that"


def _short(value: Any) -> str:
    text = str(value)
    return text if len(text) <= 40 else text[:37] + "…"
