"""Broken-but-parseable decks, derived from a valid deck by mutations: the loader answers with
its own DeckError list — never another exception, never a hang — and thousands of cards load
in a few seconds. (Random text and random trees are in tests/model/test_loader.py.)"""

from __future__ import annotations

import copy
import math
import threading
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from game.content.decks import DeckError, load_deck_text, load_decks
from game.content.yaml_source import YamlProblem, parse

GOOD = Path(__file__).resolve().parents[1] / "fixtures" / "good_deck.yaml"
BASE: dict[str, Any] = parse(GOOD.read_text(encoding="utf-8"))
ODD_TEXT = [
    "\u202eevil RTL override\u202c",
    "שלום עולם",  # Hebrew, right to left
    "مرحبا",
    "e\u0301\u0301\u0301\u0301 combining marks" + "\u0336" * 50,
    "NUL\x00inside",
    "\ud800 lone surrogate",
    "\udfff",
    "\ufeff BOM inside",
    "zero\u200bwidth\u200djoiners",
    "😊" * 200,
    "\t\r\n",
    "",
    " ",
]
WRONG_VALUES: list[Any] = [None, True, 0, -1, 3.5, [], {}, [1, 2], {"x": 1}, "", "x" * 300]


def dump(data: Any, fast: bool = False) -> str:
    """YAML text with odd characters (NUL, lone surrogates...) escaped in double quotes."""
    dumper = yaml.CSafeDumper if fast else yaml.SafeDumper
    return yaml.dump(data, Dumper=dumper, allow_unicode=False, sort_keys=False)


def with_timeout(seconds: float, fn: Callable[[], Any]) -> Any:
    """Run `fn` in a thread; fail (instead of hanging the suite) when it takes too long."""
    out: dict[str, Any] = {}

    def target() -> None:
        try:
            out["value"] = fn()
        except BaseException as exc:  # handed to the test thread
            out["error"] = exc

    thread = threading.Thread(target=target, daemon=True)
    thread.start()
    thread.join(seconds)
    assert not thread.is_alive(), f"the loader took more than {seconds} s"
    if "error" in out:
        raise out["error"]
    return out["value"]


def check_answer(text: str, name: str = "fuzz.yaml") -> tuple[Any, list[DeckError]]:
    deck, errors = load_deck_text(text, name)
    assert (deck is None) == bool(errors)
    for error in errors:
        assert isinstance(error, DeckError)
        rendered = str(error)
        assert rendered.startswith(name)
        assert len(rendered) < 2_000, "an error message must stay readable"
    return deck, errors


# --- mutations of a valid deck ----------------------------------------------------------------


def paths(node: Any, prefix: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    out = [prefix]
    if isinstance(node, dict):
        for k, v in node.items():
            out += paths(v, prefix + (k,))
    elif isinstance(node, list):
        for i, v in enumerate(node):
            out += paths(v, prefix + (i,))
    return out


ALL_PATHS = [p for p in paths(BASE) if p]


def mutate(data: Any, path: tuple[Any, ...], how: str, value: Any) -> Any:
    data = copy.deepcopy(data)
    parent = data
    for step in path[:-1]:
        parent = parent[step]
    last = path[-1]
    if how == "delete":
        del parent[last]
    elif how == "replace":
        parent[last] = value
    elif how == "wrap":  # deep nesting in place of the value
        for _ in range(value):
            parent[last] = [parent[last]]
    elif how == "dup" and isinstance(parent, list):
        parent.insert(last, copy.deepcopy(parent[last]))
    elif how == "extra" and isinstance(parent, dict):
        parent[f"extra_{value}"] = "unexpected"
    return data


_mutation = st.tuples(
    st.sampled_from(ALL_PATHS),
    st.sampled_from(["delete", "replace", "replace", "wrap", "dup", "extra"]),
    st.one_of(
        st.sampled_from(WRONG_VALUES),
        st.sampled_from(ODD_TEXT),
        st.integers(1, 60),
        st.text(max_size=40),
    ),
)


@pytest.mark.slow  # fuzzing: hundreds of examples
@settings(max_examples=250, suppress_health_check=[HealthCheck.too_slow], deadline=None)
@given(st.lists(_mutation, min_size=1, max_size=4))
def test_mutated_decks_give_plain_errors_or_a_deck(mutations: list[Any]) -> None:
    data: Any = BASE
    for path, how, value in mutations:
        try:
            data = mutate(data, path, how, value)
        except (KeyError, IndexError, TypeError):
            continue  # an earlier mutation removed this path
    check_answer(dump(data))


@pytest.mark.parametrize("text", ODD_TEXT, ids=range(len(ODD_TEXT)))
@pytest.mark.parametrize("field", ["title", "setup", "chat", "id", "question"])
def test_odd_unicode_in_any_text_field(field: str, text: str) -> None:
    data = copy.deepcopy(BASE)
    card = data["cards"][0]
    if field == "title":
        data["deck"]["title"] = text
    elif field == "chat":
        card["chat"][0]["text"] = text
    else:
        card[field] = text
    deck, errors = check_answer(dump(data))
    if deck is not None:  # a deck that loads must also survive being shown as text
        for error in errors:
            str(error).encode("utf-8", "surrogatepass")


def test_escaped_surrogates_and_nul_in_yaml_source() -> None:
    text = GOOD.read_text(encoding="utf-8").replace(
        "title: Test deck", 'title: "\\ud800\\x00\\u202e deck \\udfff"'
    )
    check_answer(text)


@pytest.mark.parametrize("where", ["deck-title", "setup", "chat", "key"])
def test_a_one_megabyte_string(where: str) -> None:
    huge = "ä" * 1_000_000
    data = copy.deepcopy(BASE)
    if where == "deck-title":
        data["deck"]["title"] = huge
    elif where == "setup":
        data["cards"][1]["setup"] = huge
    elif where == "chat":
        data["cards"][2]["chat"] = [{"from": "them", "text": huge}] * 3
    else:
        data["cards"][0][huge] = "x"
    deck, errors = with_timeout(60, lambda: check_answer(dump(data, fast=True)))
    assert deck is None and errors


@pytest.mark.parametrize("depth", [50, 99, 100, 101, 500, 3000])
def test_deep_nesting_in_a_card(depth: int) -> None:
    data = mutate(BASE, ("cards", 0, "chat"), "wrap", depth)
    with_timeout(60, lambda: check_answer(dump(data) if depth < 500 else _deep(depth)))


def _deep(depth: int) -> str:
    text = GOOD.read_text(encoding="utf-8")
    return text.replace("question: What do you do?", "question: " + "[" * depth + "]" * depth, 1)


def many_cards(n: int, broken: bool) -> str:
    card = BASE["cards"][0]
    cards = []
    for i in range(n):
        c = copy.deepcopy(card)
        c["id"] = f"card-{i}"
        if broken:
            c["responses"][i % 3]["rating"] = "maybe"
            c.pop("question")
            c["tags"] = i
        cards.append(c)
    return dump({"deck": BASE["deck"], "cards": cards}, fast=True)


@pytest.mark.slow  # a big deck
def test_five_thousand_valid_cards_load() -> None:
    text = many_cards(5_000, broken=False)
    deck, errors = with_timeout(120, lambda: check_answer(text, "big.yaml"))
    assert errors == [] and len(deck.cards) == 5_000


@pytest.mark.slow  # a big deck
def test_five_thousand_broken_cards_report_errors_without_hanging() -> None:
    text = many_cards(5_000, broken=True)
    deck, errors = with_timeout(120, lambda: check_answer(text, "big.yaml"))
    assert deck is None
    assert len(errors) == 11 and errors[-1].message.startswith("and 16,656 more")
    assert errors[0].card_id == "card-0"
    assert all(e.line for e in errors[:-1])


def test_a_broken_shipped_style_folder_keeps_the_good_decks(tmp_path: Path) -> None:
    (tmp_path / "good.yaml").write_text(GOOD.read_text(encoding="utf-8"), encoding="utf-8")
    (tmp_path / "bad.yaml").write_bytes(b"deck: [\xff\xfe")
    (tmp_path / "worse.yaml").write_text(dump({"deck": 1, "cards": "x"}), encoding="utf-8")
    result = load_decks([tmp_path])
    assert [d.id for d in result.decks] == ["test-deck"]
    assert {Path(e.file).name for e in result.errors} == {"bad.yaml", "worse.yaml"}


# --- the deck loader reads exactly what PyYAML reads ----------------------------------------------

_plain = st.sampled_from(
    [
        "yes",
        "No",
        "on",
        "OFF",
        "true",
        "~",
        "null",
        "",
        "0x1F",
        "0o17",
        "017",
        "1_000",
        "-3",
        "+4.5",
        "1e3",
        ".inf",
        "-.Inf",
        ".NaN",
        "2024-01-31",
        "2024-01-31 10:00:00",
        "12:30",
        "1:20:30",
        "a: b",
        "- x",
        "#",
        "'",
        '"',
        "=",
        "<<",
        "!",
        "&a",
        "*a",
        "%",
        "@",
        "`",
    ]
)
_scalar = st.one_of(
    st.none(), st.booleans(), st.integers(), st.floats(allow_nan=False), _plain, st.text()
)
_tree = st.recursive(
    _scalar,
    lambda kids: st.one_of(
        st.lists(kids, max_size=4), st.dictionaries(st.one_of(_plain, st.text()), kids, max_size=4)
    ),
    max_leaves=25,
)


def _same(a: Any, b: Any) -> bool:
    if isinstance(a, float) and isinstance(b, float) and math.isnan(a) and math.isnan(b):
        return True
    if isinstance(a, dict) and isinstance(b, dict):
        return list(a) == list(b) and all(_same(a[k], b[k]) for k in a)
    if isinstance(a, list) and isinstance(b, list):
        return len(a) == len(b) and all(_same(x, y) for x, y in zip(a, b))
    return type(a) is type(b) and a == b


@pytest.mark.slow  # fuzzing: hundreds of examples
@settings(max_examples=300, suppress_health_check=[HealthCheck.too_slow], deadline=None)
@given(_tree, st.booleans(), st.booleans())
def test_the_deck_reader_agrees_with_pyyaml(data: Any, flow: bool, unicode: bool) -> None:
    """The deck loader builds the same data as PyYAML's own safe loader, or refuses in words
    (a duplicate key, which PyYAML lets pass silently)."""
    text = yaml.dump(data, default_flow_style=flow, allow_unicode=unicode)
    text = text.replace("'", "") if flow and unicode else text  # plain scalars of all kinds
    try:
        want = yaml.load(text, Loader=yaml.CSafeLoader)
    except yaml.YAMLError:
        return
    try:
        got = parse(text)
    except YamlProblem as problem:
        refusals = ("twice", "key must be", "anchors and aliases", "merge key")
        assert any(r in problem.message for r in refusals), problem.message
        return
    assert _same(got, want), (text, got, want)
