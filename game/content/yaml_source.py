"""Reading YAML safely, and finding the line of any value for error messages.

Valid decks take the fast path (libyaml's C loader, no line bookkeeping). Only when a deck has
errors is the file composed again into nodes, so each error can name the line it is on.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

import yaml

try:
    _Loader: type = yaml.CSafeLoader
except AttributeError:  # pragma: no cover - PyYAML built without libyaml
    _Loader = yaml.SafeLoader

MAX_FILE_BYTES = 8 * 1024 * 1024
MAX_NODES = 2_000_000


class YamlProblem(Exception):
    """A file that is not readable YAML; `line` is 1-based or None."""

    def __init__(self, message: str, line: int | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.line = line


@dataclass(frozen=True)
class Located:
    data: Any
    text: str


def parse(text: str) -> Any:
    """Parse YAML text into plain Python data, or raise YamlProblem in plain words."""
    if len(text.encode("utf-8", "surrogatepass")) > MAX_FILE_BYTES:
        raise YamlProblem(f"the file is larger than {MAX_FILE_BYTES // (1024 * 1024)} MB")
    try:
        return _fast_load(text)
    except _NotSimple:
        pass  # anything unusual takes the full path below, with its checks and messages
    try:
        data = yaml.load(text, Loader=_Loader)  # noqa: S506 - a safe loader
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = mark.line + 1 if mark is not None else None
        what = (exc.problem or exc.context or "unreadable YAML").strip()
        raise YamlProblem(f"this is not valid YAML ({what})", line) from None
    except yaml.YAMLError as exc:
        raise YamlProblem(f"this is not valid YAML ({exc})") from None
    except RecursionError:
        raise YamlProblem("the file is nested too deeply to read") from None
    _check_no_shared_nodes(data)
    return data


class _NotSimple(Exception):
    """The fast loader met something it leaves to PyYAML (aliases, tags, errors, depth)."""


_SCALARS = yaml.constructor.SafeConstructor()
_BUILD = {
    "tag:yaml.org,2002:bool": _SCALARS.construct_yaml_bool,
    "tag:yaml.org,2002:int": _SCALARS.construct_yaml_int,
    "tag:yaml.org,2002:float": _SCALARS.construct_yaml_float,
    "tag:yaml.org,2002:null": _SCALARS.construct_yaml_null,
    "tag:yaml.org,2002:timestamp": _SCALARS.construct_yaml_timestamp,
}
_RESOLVERS: dict[Any, list[tuple[str, Any]]] = _Loader.yaml_implicit_resolvers
_MAX_FAST_DEPTH = 100


def _plain_scalar(value: str) -> Any:
    """A plain (unquoted) scalar as YAML 1.1 reads it: mostly text, else bool/int/null/..."""
    for tag, regexp in _RESOLVERS.get(value[0] if value else "", ()):
        if regexp.match(value):
            build = _BUILD.get(tag)
            if build is None:
                raise _NotSimple
            return build(yaml.ScalarNode(tag, value))
    return value


def _fast_load(text: str) -> Any:
    """Build the data straight from libyaml's events, skipping the node tree and the generic
    constructor: about 4x faster on a 1,000-card deck. Gives exactly what `yaml.load` gives for
    plain documents; raises `_NotSimple` for anything else (anchors and aliases, explicit tags,
    several documents, complex keys, deep nesting, any YAML error)."""
    stack: list[Any] = []  # open containers
    keys: list[Any] = []  # for each open mapping: its pending key (or _NO_KEY)
    root: Any = None
    docs = 0
    nodes = 0
    no_key = keys  # a sentinel no key can be equal to

    def add(value: Any) -> None:
        nonlocal root
        if not stack:
            root = value
            return
        top = stack[-1]
        if isinstance(top, list):
            top.append(value)
        elif keys[-1] is no_key:
            if isinstance(value, (list, dict)):
                raise _NotSimple
            keys[-1] = value
        else:
            top[keys[-1]] = value
            keys[-1] = no_key

    try:
        for event in yaml.parse(text, Loader=_Loader):
            kind = type(event)
            if kind is yaml.ScalarEvent:
                if event.anchor is not None or event.tag not in (None, "!"):
                    raise _NotSimple
                if event.implicit[0] and event.tag is None:
                    add(_plain_scalar(event.value))
                else:
                    add(event.value)
            elif kind is yaml.MappingStartEvent or kind is yaml.SequenceStartEvent:
                if event.anchor is not None or event.tag not in (None, "!"):
                    raise _NotSimple
                nodes += 1
                if len(stack) >= _MAX_FAST_DEPTH or nodes > MAX_NODES:
                    raise _NotSimple
                container: Any = {} if kind is yaml.MappingStartEvent else []
                add(container)
                stack.append(container)
                keys.append(no_key)
            elif kind is yaml.MappingEndEvent or kind is yaml.SequenceEndEvent:
                stack.pop()
                keys.pop()
            elif kind is yaml.DocumentStartEvent:
                docs += 1
                if docs > 1:
                    raise _NotSimple
            elif kind is yaml.AliasEvent:
                raise _NotSimple
    except (yaml.YAMLError, RecursionError, TypeError, ValueError) as exc:
        raise _NotSimple from exc
    return root


def _check_no_shared_nodes(data: Any) -> None:
    """Refuse YAML aliases: they can make a small file expand into a huge one."""
    seen: set[int] = set()
    stack = [data]
    count = 0
    while stack:
        item = stack.pop()
        if isinstance(item, (dict, list)):
            if id(item) in seen:
                raise YamlProblem("YAML anchors and aliases (& and *) are not allowed in decks")
            seen.add(id(item))
            count += 1
            if count > MAX_NODES:
                raise YamlProblem("the file has too many entries to be a deck")
            stack.extend(item.values() if isinstance(item, dict) else item)
            if isinstance(item, dict):
                stack.extend(k for k in item if isinstance(k, (dict, list)))


class LineFinder:
    """Maps a path of keys and indexes (as pydantic reports it) to a 1-based line number."""

    def __init__(self, text: str) -> None:
        try:
            self._root: yaml.Node | None = yaml.compose(text, Loader=_Loader)
        except (yaml.YAMLError, RecursionError):
            self._root = None

    def line_of(self, path: Sequence[str | int]) -> int | None:
        node = self._root
        line = node.start_mark.line + 1 if node is not None else None
        for step in path:
            found = _child(node, step)
            if found is None:
                break
            node, line = found
        return line


def _child(node: yaml.Node | None, step: str | int) -> tuple[yaml.Node, int] | None:
    """The child node and the line that names it (a key's own line, or an item's line)."""
    if isinstance(node, yaml.MappingNode):
        for key, value in node.value:
            if isinstance(key, yaml.ScalarNode) and key.value == str(step):
                return value, key.start_mark.line + 1
        return None
    if isinstance(node, yaml.SequenceNode) and isinstance(step, int):
        if 0 <= step < len(node.value):
            child: yaml.Node = node.value[step]
            return child, child.start_mark.line + 1
    return None
