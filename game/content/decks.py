"""Loading deck files: every error collected, each in words a teacher understands.

An error names the file, the line, the card id and the field, e.g.
``offers.yaml, line 14, card `gift-card-offer`, reasons: a card needs exactly one right
reason; this one has 2``. Loading never raises for bad content; it returns the errors, at most
`MAX_ERRORS_PER_FILE` per file and then one line saying how many more there are.

Only regular files are read (a FIFO or a device is refused by name), up to a stated size. A
deck's language is its header's `language:`; inside `assets/decks/<lang>/` the folder name is
the default, elsewhere English (and `validate` asks the author to state it). A language the game
has no decks and checks for is an error. Printed names and keys are escaped: a file name or a
key holding terminal control codes or line breaks prints as `\x1b[31m`, never raw.
"""

from __future__ import annotations

import contextlib
import gc
import os
import unicodedata
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, NamedTuple

from pydantic import ValidationError

from game.content.glyphs import describe, undrawable
from game.content.paths import ASSETS
from game.content.yaml_source import Lines, YamlProblem, parse_with_lines, read_text_file
from game.model.cards import (
    AgeBand,
    Card,
    Deck,
    DeckFile,
    Rating,
    RuleError,
    SafeMove,
    Tag,
    response_problem,
    right_reason_problem,
)

DECKS_DIR = ASSETS / "decks"
DECK_SUFFIXES = (".yaml", ".yml")
DEFAULT_LANGUAGE = "en"
MAX_ERRORS_PER_FILE = 10


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
        return printable(", ".join(parts) + ": " + self.message)


def printable(text: str) -> str:
    """Text safe for a terminal: control and format characters (ANSI escapes, line breaks,
    right-to-left overrides) are shown escaped, like `\\x1b` or `\\n`."""
    if text.isprintable():
        return text
    return "".join(
        ch.encode("unicode_escape").decode("ascii")
        if unicodedata.category(ch) in ("Cc", "Cf", "Cs", "Zl", "Zp")
        else ch
        for ch in text
    )


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
            try:
                found = sorted(p for p in path.rglob("*") if p.suffix in DECK_SUFFIXES)
                readable = os.access(path, os.R_OK | os.X_OK)
            except OSError as exc:
                found, readable = [], False
                reason = exc.strerror or str(exc)
            else:
                reason = "permission denied"
            if not readable:
                errors.append(DeckError(str(path), f"this folder cannot be read ({reason})"))
            elif not found:
                errors.append(DeckError(str(path), "this folder has no .yaml deck files"))
            files.extend(found)
        elif path.exists() or path.is_symlink():
            files.append(path)
        else:
            errors.append(DeckError(str(path), "there is no such file or folder"))
    return files, errors


def folder_language(path: Path) -> str | None:
    """Inside assets/decks/<lang>/ the folder names the language; elsewhere nothing does."""
    try:
        relative = path.resolve().relative_to(DECKS_DIR.resolve())
    except (ValueError, OSError):
        return None
    return relative.parts[0] if len(relative.parts) >= 2 else None


def is_shipped(deck: Deck) -> bool:
    """One of the game's own decks (under assets/decks/)."""
    return bool(deck.path) and folder_language(Path(deck.path)) is not None


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
    """One deck file, read once: loading the same unchanged file again (the command line
    checks `--deck` before the window opens, the game then plays it; a resumed session; a
    language switch back) gives the first result instead of parsing it again."""
    name = str(path)
    try:
        info = os.stat(path)
        signature = (info.st_mtime_ns, info.st_size, info.st_ino)
    except OSError:
        signature = None
    remembered = _loaded.get(name)
    if signature is not None and remembered is not None and remembered[0] == signature:
        deck, errors = remembered[1]
        return deck, list(errors)
    try:
        text = read_text_file(path)
    except YamlProblem as problem:
        return None, [DeckError(name, problem.message)]
    result = load_deck_text(text, name, folder_language(path))
    _loaded.pop(name, None)
    if signature is not None:
        if len(_loaded) >= MAX_REMEMBERED_FILES:
            _loaded.pop(next(iter(_loaded)))  # the oldest: memory stays bounded
        _loaded[name] = (signature, result)
    return result


MAX_REMEMBERED_FILES = 32
_loaded: dict[str, tuple[tuple[int, int, int], tuple[Deck | None, list[DeckError]]]] = {}


def load_deck_text(
    text: str, name: str, language: str | None = None
) -> tuple[Deck | None, list[DeckError]]:
    """Parse and validate one deck; `language` is the default when the header states none."""
    with _collector_paused():
        return _load_deck_text(text, name, language)


@contextlib.contextmanager
def _collector_paused() -> Iterator[None]:
    """No garbage collection while a deck is built: building a 20,000-card deck makes half a
    million objects that stay (the cards) and no reference cycles, and the collector would walk
    them all several times (measured: 2.3 s of CPU instead of 2.1 s, where `redflags bench` aims
    at 2 s). Turned back on (if it was on) when the deck is built."""
    was_on = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_on:
            gc.enable()


def _load_deck_text(
    text: str, name: str, language: str | None
) -> tuple[Deck | None, list[DeckError]]:
    try:
        data, _ = parse_with_lines(text, keep_lines=False)
    except YamlProblem as problem:
        return None, [DeckError(name, problem.message, line=problem.line)]
    if not isinstance(data, dict):
        return None, [
            DeckError(
                name, "a deck file starts with `deck:` and `cards:`", line=1 if text else None
            )
        ]
    if not text.isascii():  # a script no bundled font has: refused before anything else
        lost = _undrawable_texts(data, text, name)
        if lost:
            return None, capped(lost, name)
    try:
        deck_file = _validate(data)
    except ValidationError:
        # Only now find where each error is: read again, with lines, and validate the whole
        # file at once, so every error of the file is reported (up to the cap).
        try:
            DeckFile.model_validate(data)  # all of the file's errors (valid cards are models)
        except ValidationError as exc:
            upto = _cards_shown(exc)
            _, lines = parse_with_lines(text, keep_lines=True, item_limit=upto)
            assert lines is not None
            errors, more = _explain(exc, data, lines, name, upto)
            return None, capped(errors, name, more)
        raise  # pragma: no cover - a card valid alone is valid in its deck
    except RecursionError:
        return None, [DeckError(name, "the file is nested too deeply to be a deck")]
    stated = deck_file.deck.language
    chosen = stated or language or DEFAULT_LANGUAGE
    known = languages() or [DEFAULT_LANGUAGE]
    if chosen not in known:
        _, lines = parse_with_lines(text, keep_lines=True)
        line = lines.line_of(("deck", "language")) if lines else None
        message = f"`{chosen}` is not a language the game has decks for; use " + _or(known)
        return None, [DeckError(name, message, line=line, field="deck, language")]
    # its parts are validated already (checking 20,000 cards again would take 60 ms)
    deck = Deck.model_construct(
        info=deck_file.deck, language=chosen, cards=tuple(deck_file.cards), path=name
    )
    return deck, []


def _undrawable_texts(data: dict[str, Any], text: str, name: str) -> list[DeckError]:
    """Texts with letters no bundled font has (a deck in Arabic, Hebrew...): refused, naming
    the characters, so nothing shows as boxes in the game or vanishes from a PDF."""
    found: list[tuple[tuple[str | int, ...], list[str]]] = []
    stack: list[tuple[tuple[str | int, ...], Any]] = [((), data)]
    while stack:
        loc, value = stack.pop()
        if isinstance(value, str):
            chars = undrawable(value)
            if chars:
                found.append((loc, chars))
        elif isinstance(value, dict):
            stack.extend(((*loc, str(k)), v) for k, v in value.items())
        elif isinstance(value, list):
            stack.extend(((*loc, i), v) for i, v in enumerate(value))
    if not found:
        return []
    _, lines = parse_with_lines(text, keep_lines=True)
    assert lines is not None
    errors = [
        DeckError(
            name,
            f"the game's fonts cannot draw {describe(chars)}: this text would show as boxes or "
            "vanish; a deck in this script needs a font the game does not have yet",
            line=lines.line_of(loc),
            card_id=_card_id(data, loc),
            field=_field_words(loc) or None,
        )
        for loc, chars in found
    ]
    return sorted(errors, key=lambda e: e.line or 0)


def _validate(data: dict[str, Any]) -> DeckFile:
    """Validate a deck card by card, letting go of each card's raw data once its model is
    built (a 20,000-card deck never holds both copies); then the rest of the file (header,
    unknown keys) with its first card, and the deck gets all its ready cards without checking
    them again. Raises ValidationError at the first card that is wrong, with `data` ready for
    the report of every error: the cards before it as their models, the others as read."""
    raw = data.get("cards")
    if isinstance(raw, list) and raw:
        cards: list[Any] = []
        for i in range(len(raw)):
            try:
                cards.append(Card.model_validate(raw[i]))
            except ValidationError:
                raw[:i] = cards  # the cards before are valid: as models, for the full report
                raise
            raw[i] = None
        try:
            checked = DeckFile.model_validate({**data, "cards": cards[:1]})
        except ValidationError:
            raw[:] = cards  # every card is valid: the header is not
            raise
        return checked.model_copy(update={"cards": cards})
    return DeckFile.model_validate(data)


def _cards_shown(exc: ValidationError) -> int:
    """The last card index among the errors that can be shown (pydantic reports them card by
    card, in file order); their lines are all that is looked up."""
    shown = [
        e["loc"][1]
        for e in exc.errors(include_url=False)[: MAX_ERRORS_PER_FILE * 3]
        if len(e["loc"]) >= 2 and e["loc"][0] == "cards" and isinstance(e["loc"][1], int)
    ]
    return max(shown, default=0) + 1


def capped(errors: list[DeckError], name: str, uncounted: int = 0) -> list[DeckError]:
    """The first `MAX_ERRORS_PER_FILE` errors of a file, then how many more there are
    (`uncounted`: errors further on that were counted but not explained)."""
    if len(errors) + uncounted <= MAX_ERRORS_PER_FILE:
        return errors
    more = len(errors) + uncounted - MAX_ERRORS_PER_FILE
    errors = sorted(errors, key=lambda e: e.line or 0)
    return errors[:MAX_ERRORS_PER_FILE] + [
        DeckError(name, f"and {more:,} more; fix these first, then check the file again")
    ]


def _or(values: Sequence[str]) -> str:
    shown = [f"`{v}`" for v in values]
    return shown[0] if len(shown) == 1 else ", ".join(shown[:-1]) + " or " + shown[-1]


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
        counts = Counter(c.id for c in deck.cards)
        for card_id in sorted(i for i, n in counts.items() if n > 1):
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


def _explain(
    exc: ValidationError, data: dict[str, Any], lines: Lines, name: str, upto: int | None = None
) -> tuple[list[DeckError], int]:
    """Each error in plain words with its line, for cards up to index `upto` (all without it);
    and how many errors lie beyond (counted, not explained)."""
    errors = []
    beyond = 0
    said_beyond: set[tuple[int, str]] = set()
    for err in exc.errors(include_url=False):
        loc = tuple(err["loc"])
        if upto is not None and _card_index(loc) > upto:
            beyond += 1
            if err["type"] == "value_error":
                said_beyond.add((_card_index(loc), _message(err, loc)))
            continue
        card_id = _card_id(data, loc)
        if err["type"] == "extra_forbidden" and " " in str(loc[-1]).strip():
            loc = loc[:-1]  # the "key" is a piece of text split off by a comma
        rule = (err.get("ctx") or {}).get("error")
        if isinstance(rule, RuleError):  # a card rule names the field it is about
            loc = loc + (rule.field,)
        errors.append(
            DeckError(
                name,
                _message(err, tuple(err["loc"])),
                line=lines.line_of(loc),
                card_id=card_id,
                field=_field_words(loc) or None,
            )
        )
    hidden, hidden_beyond = _rules_hidden_by_field_errors(
        data, errors, lines, name, upto, said_beyond
    )
    errors.extend(hidden)
    unique = list(dict.fromkeys(errors))
    return sorted(unique, key=lambda e: e.line or 0), beyond + hidden_beyond


def _card_index(loc: tuple[Any, ...]) -> int:
    """The card an error is in (-1: the deck header or the file)."""
    if len(loc) >= 2 and loc[0] == "cards" and isinstance(loc[1], int):
        return loc[1]
    return -1


def _rules_hidden_by_field_errors(
    data: dict[str, Any],
    found: list[DeckError],
    lines: Lines,
    name: str,
    upto: int | None = None,
    said_beyond: set[tuple[int, str]] | None = None,
) -> tuple[list[DeckError], int]:
    """Pydantic skips a card's cross-field rules when a field is wrong; report them anyway, by
    running the model's own rules on the raw values (beyond card `upto`: only counted)."""
    cards = data.get("cards")
    if not isinstance(cards, list):
        return [], 0
    reported = {(e.card_id, e.message) for e in found}
    extra = []
    beyond = 0
    for index, raw in enumerate(cards):
        if not isinstance(raw, dict):
            continue
        problems = []
        reasons = raw.get("reasons")
        if isinstance(reasons, list) and all(isinstance(r, dict) for r in reasons):
            problems.append(right_reason_problem([r.get("right") for r in reasons]))
        responses = raw.get("responses")
        if isinstance(responses, list) and all(isinstance(r, dict) for r in responses):
            ratings = [str(r.get("rating")) for r in responses]
            problem = response_problem(ratings)
            if responses and problem and Rating.SAFE.value not in ratings:
                problems.append(problem)  # "not safe" needs every rating known: left out
        if upto is not None and index > upto:
            said = said_beyond or set()
            beyond += sum(1 for p in problems if p and (index, str(p)) not in said)
            continue
        card_id = _card_id(data, ("cards", index))
        for problem in problems:
            if problem is None or (card_id, str(problem)) in reported:
                continue
            line = lines.line_of(("cards", index, problem.field))
            extra.append(DeckError(name, str(problem), line, card_id, problem.field))
    return extra, beyond


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


class _Problem(NamedTuple):
    """One pydantic error, with what its sentence needs: the value, the field and its parent."""

    kind: str
    ctx: dict[str, Any]
    value: Any
    field: Any  # the last step of the location: a field name or a list index
    parent: str  # the nearest field name of the location (for a list item: the list's)
    msg: str


def _message(err: Mapping[str, Any], loc: tuple[Any, ...]) -> str:
    """pydantic's error as a plain sentence for whoever wrote the deck."""
    problem = _Problem(
        kind=err["type"],
        ctx=err.get("ctx") or {},
        value=err.get("input"),
        field=loc[-1] if loc else "",
        parent=next((s for s in reversed(loc) if isinstance(s, str)), ""),
        msg=str(err["msg"]),
    )
    sentence = _SENTENCES.get(problem.kind)
    return sentence(problem) if sentence is not None else problem.msg


def _extra_field(p: _Problem) -> str:
    if " " in str(p.field).strip():
        return "a comma inside text that is not in quotes splits it; put the text in quotes"
    return f"`{_short(p.field)}` is not a field a card knows; check the spelling"


# The fields with a fixed set of values: what a wrong value is not, and the values to use.
_ENUM_FIELDS: dict[str, tuple[str, str, Iterable[Any]]] = {
    "tags": ("a known tag", "one of ", Tag),
    "age_bands": ("a known age band", "", AgeBand),
    "rating": ("a rating", "", Rating),
    "safe_move": ("a safe move", "", SafeMove),
}


def _not_in_enum(p: _Problem) -> str:
    shown = _short(p.value)
    if p.parent in _ENUM_FIELDS:
        what, one_of, values = _ENUM_FIELDS[p.parent]
        return f"`{shown}` is not {what}; use {one_of}{_choices(values)}"
    return f"`{shown}` is not allowed here; use {p.ctx.get('expected', 'one of the listed values')}"


def _pattern_mismatch(p: _Problem) -> str:
    if p.parent == "language":
        return f"`{_short(p.value)}` is not a language code; use a code such as `en` or `sv`"
    return (
        f"`{_short(p.value)}` cannot be an id: use only a-z, 0-9 and hyphens "
        "(no spaces, capitals or letters like å, ä, ö), like `gift-card-offer`"
    )


def _not_a_list(p: _Problem) -> str:
    return f"this should be a list (lines starting with `-`), not {_kind_of(p.value)}"


def _not_fields(p: _Problem) -> str:
    return f"this should be a set of `name: value` fields, not {_kind_of(p.value)}"


# pydantic's error types and the sentence for each; any other type keeps pydantic's message.
_SENTENCES: dict[str, Callable[[_Problem], str]] = {
    "missing": lambda p: f"the field `{p.field}` is missing",
    "extra_forbidden": _extra_field,
    "enum": _not_in_enum,
    "string_too_short": lambda p: "the text is empty",
    "string_too_long": lambda p: (
        f"the text is too long (at most {p.ctx.get('max_length')} characters)"
    ),
    "string_type": lambda p: f"this should be text, not {_kind_of(p.value)} (put it in quotes)",
    "string_pattern_mismatch": _pattern_mismatch,
    "list_type": _not_a_list,
    "tuple_type": _not_a_list,
    "model_type": _not_fields,
    "dict_type": _not_fields,
    "model_attributes_type": _not_fields,
    "bool_type": lambda p: "this should be `true` or `false`",
    "bool_parsing": lambda p: "this should be `true` or `false`",
    "too_short": lambda p: _count_message(
        p.parent, p.ctx, p.value, "at least", p.ctx.get("min_length")
    ),
    "too_long": lambda p: _count_message(
        p.parent, p.ctx, p.value, "at most", p.ctx.get("max_length")
    ),
    "value_error": lambda p: str(p.ctx.get("error") or p.msg).removeprefix("Value error, "),
}


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
    text = printable(str(value))
    return text if len(text) <= 40 else text[:37] + "…"
