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
