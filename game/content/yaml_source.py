"""Reading YAML safely, with the line of every value for error messages.

One loader, `DeckLoader`: PyYAML's safe loader on libyaml's C parser when present (else the pure
Python one), building plain data straight from the parser's events. While it builds, it

- refuses a key given twice in one mapping (naming both lines: a second `rating:` must not
  silently win), anchors and aliases (a small file could expand into a huge one), explicit tags
  other than YAML's own, keys that are lists or mappings, and nesting deeper than 100;
- can keep `Lines`: for every mapping key and list item, the line it starts on, so an error found
  later (by the schema) names its line. Looking a line up costs one step per level: a file with
  16,000 errors is as quick to explain as a file with one.

Files are read by `read_text_file`: only regular files (a FIFO or a device such as /dev/zero is
refused with its name), at most `MAX_FILE_BYTES`, UTF-8.
"""

from __future__ import annotations

import os
import stat
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import yaml

try:
    _Base: type = yaml.CSafeLoader
except AttributeError:  # pragma: no cover - PyYAML built without libyaml
    _Base = yaml.SafeLoader

MAX_FILE_BYTES = 16 * 1024 * 1024
MAX_NODES = 2_000_000
MAX_DEPTH = 100
_STR = "tag:yaml.org,2002:str"
_YAML = "tag:yaml.org,2002:"
_SCALAR_TAGS = {_YAML + t for t in ("str", "int", "float", "bool", "null", "timestamp")}


class YamlProblem(Exception):
    """A file that is not readable YAML; `line` is 1-based or None."""

    def __init__(self, message: str, line: int | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.line = line


def read_text_file(path: Path, limit: int = MAX_FILE_BYTES) -> str:
    """The text of a regular file of at most `limit` bytes; YamlProblem in plain words else.

    A FIFO would block forever and /dev/zero never ends, so anything but a regular file is
    refused before it is opened (and checked again on the open file)."""
    try:
        if not stat.S_ISREG(os.stat(path).st_mode):
            raise YamlProblem(_not_regular(path))
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))
    except OSError as exc:
        raise YamlProblem(f"the file cannot be read ({exc.strerror or exc})") from None
    with os.fdopen(fd, "rb") as handle:
        info = os.fstat(handle.fileno())
        if not stat.S_ISREG(info.st_mode):
            raise YamlProblem(_not_regular(path))
        if info.st_size > limit:
            raise YamlProblem(_too_large(limit))
        data = handle.read(limit + 1)
    if len(data) > limit:
        raise YamlProblem(_too_large(limit))
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        raise YamlProblem("the file is not UTF-8 text; save it as UTF-8") from None


def _not_regular(path: Path) -> str:
    return (
        "this is not a regular file (a device, a pipe or a socket); give the path of a .yaml file"
    )


def _too_large(limit: int) -> str:
    return f"the file is larger than {limit // (1024 * 1024)} MB, the most a deck file may be"


class Lines:
    """The line of each key and list item: `line_of(('cards', 3, 'responses'))` -> 57."""

    def __init__(self, root_line: int, root: Any) -> None:
        self._root_line = root_line
        self._root = root  # for a mapping {key: (line, child)}, for a list [(line, child)]

    def line_of(self, path: Sequence[str | int]) -> int:
        line, node = self._root_line, self._root
        for step in path:
            found = None
            if isinstance(node, dict):
                found = node.get(str(step))
            elif isinstance(node, list) and isinstance(step, int) and 0 <= step < len(node):
                found = node[step]
            if found is None:
                break
            line, node = found
        return line


class LineFinder:
    """The lines of a YAML text's keys and items, for errors found after parsing (None when the
    text is not readable YAML)."""

    def __init__(self, text: str) -> None:
        try:
            self._lines = parse_with_lines(text, keep_lines=True)[1]
        except YamlProblem:
            self._lines = None

    def line_of(self, path: Sequence[str | int]) -> int | None:
        return self._lines.line_of(path) if self._lines is not None else None


_Scalar, _SeqStart, _SeqEnd = yaml.ScalarEvent, yaml.SequenceStartEvent, yaml.SequenceEndEvent
_MapStart, _MapEnd, _Alias = yaml.MappingStartEvent, yaml.MappingEndEvent, yaml.AliasEvent


_MISSING = object()


class _Again(Exception):
    """A duplicate key found without line bookkeeping: read again with lines to name both."""


class DeckLoader(_Base):  # type: ignore[misc, valid-type, unused-ignore]
    """PyYAML's safe loader, building data from events: duplicate keys refused, lines kept.

    Each event is looked at once (about 85 per card); plain scalars are resolved through a
    small cache, since a deck repeats the same short values (`safe`, `13-15`, `them`)."""

    def __init__(self, text: str, keep_lines: bool = False, item_limit: int | None = None) -> None:
        super().__init__(text)
        self.keep_lines = keep_lines
        self.item_limit = item_limit  # lines only for items 0..item_limit of top-level lists
        self.nodes = 0
        self._plain: dict[str, Any] = {}

    def build(self) -> tuple[Any, Lines | None]:
        self.get_event()  # StreamStart
        if self.check_event(yaml.StreamEndEvent):
            return None, Lines(1, None) if self.keep_lines else None
        self.get_event()  # DocumentStart
        first = self.get_event()
        data, where = self._value(first, 0)
        self.get_event()  # DocumentEnd
        if not self.check_event(yaml.StreamEndEvent):
            extra = self.peek_event().start_mark.line + 1
            raise YamlProblem(
                "a deck file holds one YAML document, but a `---` line starts a second one",
                extra,
            )
        root_line = first.start_mark.line + 1
        return data, Lines(root_line, where) if self.keep_lines else None

    def _value(self, event: Any, depth: int) -> tuple[Any, Any]:
        kind = type(event)
        if kind is _Scalar:
            if event.anchor is None and event.tag is None:
                return self._plain_or_quoted(event), None
            return self._tagged_scalar(event), None
        line = event.start_mark.line + 1
        if kind is _Alias or event.anchor is not None:
            raise YamlProblem("YAML anchors and aliases (& and *) are not allowed in decks", line)
        if event.tag not in (None, "!", _YAML + ("seq" if kind is _SeqStart else "map")):
            raise YamlProblem(f"the YAML tag `{_short(event.tag)}` is not allowed here", line)
        self.nodes += 1
        if depth >= MAX_DEPTH:
            raise YamlProblem("the file is nested too deeply to be a deck", line)
        if self.nodes > MAX_NODES:
            raise YamlProblem("the file has too many entries to be a deck", line)
        if kind is _SeqStart:
            return self._sequence(depth + 1)
        return self._mapping(depth + 1)

    def _plain_or_quoted(self, event: yaml.ScalarEvent) -> Any:
        value = event.value
        if not event.implicit[0]:
            return value  # quoted: always text
        if len(value) > 32:  # long plain text: only numbers and dates need a look
            if value[0] not in "+-.0123456789":
                return value
            return self._resolved(event)
        try:
            return self._plain[value]
        except KeyError:
            pass
        result = self._resolved(event)
        if not isinstance(result, (list, dict)):
            self._plain[value] = result
        return result

    def _resolved(self, event: yaml.ScalarEvent) -> Any:
        tag = self.resolve(yaml.ScalarNode, event.value, event.implicit)
        return self._construct(tag, event)

    def _tagged_scalar(self, event: yaml.ScalarEvent) -> Any:
        line = event.start_mark.line + 1 if event.start_mark is not None else 0
        if event.anchor is not None:
            raise YamlProblem("YAML anchors and aliases (& and *) are not allowed in decks", line)
        tag = event.tag
        if tag == "!":
            tag = self.resolve(yaml.ScalarNode, event.value, event.implicit)
        elif tag not in _SCALAR_TAGS:
            raise YamlProblem(f"the YAML tag `{_short(tag)}` is not allowed here", line)
        return self._construct(tag, event)

    def _construct(self, tag: str, event: yaml.ScalarEvent) -> Any:
        if tag == _STR:
            return event.value
        construct = self.yaml_constructors.get(tag) if tag in _SCALAR_TAGS else None
        if construct is None:  # `<<` and `=` (merge and value keys) stay plain text
            return event.value
        node = yaml.ScalarNode(
            tag,
            event.value,
            event.start_mark,  # type: ignore[arg-type]  # the C parser's Mark: same fields
            event.end_mark,  # type: ignore[arg-type]
            event.style,
        )
        return construct(self, node)

    def _item(self, event: Any, depth: int) -> tuple[Any, Any]:
        """A value: plain and quoted text straight away (most of a deck), anything else by
        `_value`."""
        if type(event) is _Scalar and event.anchor is None and event.tag is None:
            if not event.implicit[0]:
                return event.value, None  # quoted: always text
            value = self._plain.get(event.value, _MISSING)
            if value is not _MISSING:
                return value, None
            return self._plain_or_quoted(event), None
        return self._value(event, depth)

    def _sequence(self, depth: int) -> tuple[list[Any], Any]:
        items: list[Any] = []
        get, item = self.get_event, self._item
        if not self.keep_lines:
            while True:
                event = get()
                if type(event) is _SeqEnd:
                    return items, None
                items.append(item(event, depth)[0])
        where: list[Any] = []
        limit = self.item_limit if depth == 2 else None  # a list at the top: `cards`
        while True:
            event = get()
            if type(event) is _SeqEnd:
                return items, where
            if limit is not None and len(items) > limit:
                self.keep_lines = False  # past the items asked about: no line bookkeeping
                try:
                    items.append(item(event, depth)[0])
                finally:
                    self.keep_lines = True
                continue
            value, inner = item(event, depth)
            items.append(value)
            where.append((event.start_mark.line + 1, inner))

    def _mapping(self, depth: int) -> tuple[dict[Any, Any], Any]:
        mapping: dict[Any, Any] = {}
        where: dict[str, Any] | None = {} if self.keep_lines else None
        get, item = self.get_event, self._item
        while True:
            event = get()
            kind = type(event)
            if kind is _MapEnd:
                return mapping, where
            if kind is not _Scalar:
                raise YamlProblem(
                    "a key must be a plain name, not a list or a mapping",
                    event.start_mark.line + 1,
                )
            if event.value == "<<" and event.implicit[0] and event.tag is None:
                raise YamlProblem(  # PyYAML would merge the value in: anchors' companion
                    "`<<` (a YAML merge key) is not allowed in decks; write the fields out",
                    event.start_mark.line + 1,
                )
            key = item(event, depth)[0]
            if key in mapping:
                if where is None:
                    raise _Again
                first = where[str(key)][0]
                line = event.start_mark.line + 1
                raise YamlProblem(
                    f"`{_short(key)}` is given twice in the same place (lines {first} and "
                    f"{line}); keep one",
                    line,
                )
            value, inner = item(get(), depth)
            mapping[key] = value
            if where is not None:
                where[str(key)] = (event.start_mark.line + 1, inner)


def parse(text: str) -> Any:
    """Parse YAML text into plain Python data, or raise YamlProblem in plain words."""
    return parse_with_lines(text, keep_lines=False)[0]


def parse_with_lines(
    text: str, keep_lines: bool = True, item_limit: int | None = None
) -> tuple[Any, Lines | None]:
    """Parse YAML text into plain data and (when asked) the line of every key and item; with
    `item_limit`, only of the first items of top-level lists (the cards an error is shown for:
    20,000 broken cards need the lines of the first few, not a table of millions)."""
    if len(text) > MAX_FILE_BYTES or len(text.encode("utf-8", "surrogatepass")) > MAX_FILE_BYTES:
        raise YamlProblem(_too_large(MAX_FILE_BYTES))
    loader = DeckLoader(text, keep_lines, item_limit)
    try:
        return loader.build()
    except _Again:
        return parse_with_lines(text, keep_lines=True)
    except yaml.MarkedYAMLError as exc:
        raise _explain(exc, text) from None
    except yaml.YAMLError as exc:
        raise YamlProblem(f"this is not valid YAML ({_short(exc)})") from None
    except RecursionError:
        raise YamlProblem("the file is nested too deeply to read") from None
    except (ValueError, TypeError, OverflowError) as exc:  # a scalar its constructor refuses
        raise YamlProblem(f"this is not valid YAML ({_short(exc)})") from None
    finally:
        loader.dispose()


def _explain(exc: yaml.MarkedYAMLError, text: str) -> YamlProblem:
    """PyYAML's error in plain words, with the fix when the usual cause is known."""
    mark = exc.problem_mark or exc.context_mark
    last = text.count("\n") + (0 if text.endswith("\n") or not text else 1)
    line = min(mark.line + 1, max(last, 1)) if mark is not None else None  # never past the end
    problem = (exc.problem or exc.context or "unreadable YAML").strip()
    if "mapping values are not allowed" in problem:
        return YamlProblem(
            "a colon followed by a space inside text that is not in quotes; "
            'put the text in quotes ("...")',
            line,
        )
    if exc.context == "while scanning a quoted scalar" and exc.context_mark is not None:
        return YamlProblem(
            "a quote opened on this line is never closed; add the closing quote",
            exc.context_mark.line + 1,
        )
    if problem.startswith("found character that cannot start any token"):
        return YamlProblem(
            "text that starts with `@`, `` ` `` or `%` needs quotes; put the text in quotes", line
        )
    here = _line_text(text, line)
    if "\t" in here[: len(here) - len(here.lstrip())]:
        return YamlProblem("a tab is used to indent this line; use spaces", line)
    if problem in _INDENT_PROBLEMS:
        return YamlProblem(
            "this line is not lined up with the fields around it; give it the same indent "
            "(number of spaces) as the other fields at its level",
            line,
        )
    if "could not find expected ':'" in problem:
        return YamlProblem(
            "a line of text is missing its `name:` (or continues text that needs quotes); "
            "check this line and the one above",
            line,
        )
    if "found undefined tag handle" in problem or "could not determine a constructor" in problem:
        return YamlProblem(
            "text that starts with `!`, `&`, `*`, `%` or `@` needs quotes; put the text in quotes",
            line,
        )
    return YamlProblem(f"this is not valid YAML ({_short(problem)})", line)


_INDENT_PROBLEMS = {
    "did not find expected key",
    "did not find expected '-' indicator",
    "expected <block end>, but found '<block mapping start>'",
    "expected <block end>, but found '<block sequence start>'",
    "expected <block end>, but found '-'",
}


def _line_text(text: str, line: int | None) -> str:
    if line is None:
        return ""
    lines = text.splitlines()
    return lines[line - 1] if 0 < line <= len(lines) else ""


def _short(value: Any) -> str:
    text = str(value)
    return text if len(text) <= 60 else text[:57] + "…"
