"""Swedish typography in the Swedish decks: quotations use ” on both sides (U+201D), and ’ is
the apostrophe or a quote inside a quote. Straight quotes, “ „ ‘ and « » never appear in the
text (the YAML's own quoting is not text and is not checked)."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
import yaml

from game.content.decks import default_deck_paths

WRONG_MARKS = {
    '"': "straight double quote",
    "'": "straight single quote",
    "\u201c": "“ (English opening quote)",
    "\u201e": "„ (German opening quote)",
    "\u2018": "‘ (English opening single quote)",
    "«": "«",
    "»": "»",
}


def strings(node: Any, where: str = "") -> Iterator[tuple[str, str]]:
    if isinstance(node, dict):
        for key, value in node.items():
            yield from strings(value, f"{where}.{key}" if where else str(key))
    elif isinstance(node, list):
        for i, value in enumerate(node):
            yield from strings(value, f"{where}[{i}]")
    elif isinstance(node, str):
        yield where, node


SV_DECKS = default_deck_paths("sv")


def test_there_are_swedish_decks() -> None:
    assert SV_DECKS


@pytest.mark.parametrize("path", SV_DECKS, ids=lambda p: p.name)
def test_swedish_text_uses_swedish_quote_marks(path) -> None:
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    problems = []
    for where, text in strings(data):
        for mark, name in WRONG_MARKS.items():
            if mark in text:
                problems.append(f"{where}: {name} in {text!r}")
        if text.count("\u201d") % 2:
            problems.append(f"{where}: an unpaired ” in {text!r}")
    assert not problems, "\n".join(problems)
