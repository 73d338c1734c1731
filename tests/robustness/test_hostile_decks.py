"""Hostile deck files (issue 17, items 4, 5, 7 and 8): refused quickly and by name, never a hang.

Each example of the issue is here, with a variant: a FIFO and /dev/zero as a deck; 16,000
unknown keys; duplicate keys; a language guessed from a folder name; terminal escapes in keys
and file names; a syntax error at the very end of a file.
"""

from __future__ import annotations

import os
import time
from pathlib import Path

import pytest
import yaml

from game.content.decks import (
    DECKS_DIR,
    MAX_ERRORS_PER_FILE,
    load_deck_file,
    load_deck_text,
    load_decks,
)
from game.content.yaml_source import MAX_FILE_BYTES, parse

GOOD = Path(__file__).resolve().parents[1] / "fixtures" / "good_deck.yaml"


def good_text() -> str:
    return GOOD.read_text(encoding="utf-8")


# --- only regular files, of a stated size ------------------------------------------------------


def test_a_fifo_as_a_deck_is_refused_by_name_without_hanging(tmp_path: Path) -> None:
    fifo = tmp_path / "pipe.yaml"
    os.mkfifo(fifo)
    start = time.perf_counter()
    result = load_decks([fifo])
    assert time.perf_counter() - start < 2
    assert not result.decks and len(result.errors) == 1
    assert str(fifo) in str(result.errors[0]) and "not a regular file" in str(result.errors[0])


def test_a_fifo_inside_a_deck_folder_is_refused_and_the_others_load(tmp_path: Path) -> None:
    os.mkfifo(tmp_path / "a-pipe.yaml")
    (tmp_path / "good.yaml").write_text(good_text(), encoding="utf-8")
    result = load_decks([tmp_path])
    assert [d.id for d in result.decks] == ["test-deck"]
    assert [Path(e.file).name for e in result.errors] == ["a-pipe.yaml"]


@pytest.mark.parametrize("device", ["/dev/zero", "/dev/null", "/dev/urandom"])
def test_a_device_is_refused_by_name(device: str) -> None:
    if not os.path.exists(device):
        pytest.skip(f"no {device} here")
    result = load_decks([Path(device)])
    assert result.errors[0].file == device and "not a regular file" in result.errors[0].message


def test_a_file_over_the_limit_is_refused_with_the_limit_stated(tmp_path: Path) -> None:
    big = tmp_path / "big.yaml"
    with big.open("wb") as handle:
        handle.truncate(MAX_FILE_BYTES + 1)  # sparse: no disk used
    start = time.perf_counter()
    deck, errors = load_deck_file(big)
    assert time.perf_counter() - start < 1
    assert deck is None and f"{MAX_FILE_BYTES // 2**20} MB" in errors[0].message


# --- many errors: capped, and explained in linear time -----------------------------------------


def _unknown_keys(n: int) -> str:
    lines = good_text().splitlines()
    at = next(i for i, line in enumerate(lines) if line.strip().startswith("question:"))
    extra = [f"    unknown-key-{i}: x" for i in range(n)]
    return "\n".join(lines[:at] + extra + lines[at:]) + "\n"


def test_sixteen_thousand_unknown_keys_are_capped_and_quick() -> None:
    text = _unknown_keys(16_000)  # the example: about 150 KB, took 12 s
    start = time.perf_counter()
    deck, errors = load_deck_text(text, "keys.yaml")
    took = time.perf_counter() - start
    assert deck is None and len(errors) == MAX_ERRORS_PER_FILE + 1
    assert errors[-1].message.startswith("and 15,990 more")
    assert all(e.line for e in errors[:-1]) and errors[0].line < errors[1].line
    assert took < 3, took


def test_explaining_errors_grows_linearly() -> None:
    """A variant: 8 times the errors take well under 8 squared times as long."""
    times = []
    for n in (2_000, 16_000):
        text = _unknown_keys(n)
        start = time.perf_counter()
        load_deck_text(text, "keys.yaml")
        times.append(time.perf_counter() - start)
    assert times[1] < 8 * 4 * max(times[0], 0.01)


# --- duplicate keys ----------------------------------------------------------------------------


def test_a_duplicate_rating_is_an_error_naming_both_lines() -> None:
    text = good_text().replace(
        "- {text: Send one picture for the coins., rating: harmful,",
        "- {text: Send one picture for the coins., rating: harmful, rating: safe,",
    )
    assert text != good_text()
    deck, errors = load_deck_text(text, "dup.yaml")
    line = next(i for i, t in enumerate(text.splitlines(), 1) if "rating: safe, feedback: The" in t)
    assert deck is None
    assert str(errors[0]) == (
        f"dup.yaml, line {line}: `rating` is given twice in the same place "
        f"(lines {line} and {line}); keep one"
    )


def test_a_duplicate_top_level_key_is_an_error() -> None:
    """A variant: a second `cards:` would silently replace the first."""
    text = good_text() + "cards:\n  - id: other\n"
    deck, errors = load_deck_text(text, "dup.yaml")
    assert deck is None and "`cards` is given twice" in errors[0].message


def test_an_unreadable_folder_is_not_called_empty(tmp_path: Path, monkeypatch) -> None:
    (tmp_path / "deck.yaml").write_text(good_text(), encoding="utf-8")
    monkeypatch.setattr(os, "access", lambda *args, **kwargs: False)  # tests may run as root
    result = load_decks([tmp_path])
    assert [e.message for e in result.errors] == ["this folder cannot be read (permission denied)"]


# --- a deck's language ---------------------------------------------------------------------------


@pytest.mark.parametrize("folder", ["tmp", "usb", "anna", "sv"])
def test_a_folder_outside_the_shipped_decks_names_no_language(tmp_path: Path, folder: str) -> None:
    path = tmp_path / folder / "deck.yaml"
    path.parent.mkdir()
    path.write_text(good_text(), encoding="utf-8")
    deck, errors = load_deck_file(path)
    assert errors == [] and deck is not None and deck.language == "en"


def test_the_stated_language_wins_and_an_unknown_one_is_an_error(tmp_path: Path) -> None:
    stated = good_text().replace("title: Test deck", "title: Test deck\n  language: sv")
    deck, errors = load_deck_text(stated, "sv.yaml")
    assert deck is not None and deck.language == "sv"
    deck, errors = load_deck_text(stated.replace("language: sv", "language: xx"), "xx.yaml")
    assert deck is None and errors[0].message.startswith("`xx` is not a language")
    assert errors[0].line == 4


def test_inside_the_shipped_decks_the_folder_is_the_default() -> None:
    path = sorted((DECKS_DIR / "sv").glob("*.yaml"))[0]
    deck, errors = load_deck_file(path)
    assert errors == [] and deck is not None and deck.language == "sv"


# --- authoring: source is optional outside the shipped decks -----------------------------------


def test_an_outside_deck_may_cite_its_own_source_or_none() -> None:
    own = good_text().replace('source: "003_b733acf1146b1839.txt"', "source: Our school's policy")
    none = "\n".join(
        line for line in good_text().splitlines() if not line.strip().startswith("source:")
    )
    for text in (own, none):
        deck, errors = load_deck_text(text, "own.yaml")
        assert errors == [] and deck is not None


# --- printed names and keys are escaped ----------------------------------------------------------


def test_terminal_escapes_in_a_key_are_printed_escaped() -> None:
    data = parse(good_text())
    data["cards"][0]["\x1b[2J\x1b[31mred"] = "x"
    deck, errors = load_deck_text(yaml.safe_dump(data, allow_unicode=True), "esc.yaml")
    printed = "\n".join(str(e) for e in errors)
    assert "\x1b" not in printed and "\\x1b[2J" in printed


def test_a_file_name_with_a_newline_and_escape_is_printed_escaped(tmp_path: Path) -> None:
    path = tmp_path / "evil\n\x1b[31m.yaml"
    path.write_text("deck: [", encoding="utf-8")
    result = load_decks([path])
    printed = str(result.errors[0])
    assert "\n" not in printed and "\x1b" not in printed and "\\n\\x1b[31m.yaml" in printed


# --- syntax errors point at a line of the file ------------------------------------------------


@pytest.mark.parametrize(
    "text", ["deck:\n  id: x\n  title: 'open", "deck: [a, b", "deck: {a: b", "a: b\n- c\n"]
)
def test_a_syntax_error_never_points_past_the_end(text: str) -> None:
    deck, errors = load_deck_text(text, "end.yaml")
    assert deck is None and errors[0].line is not None
    assert 1 <= errors[0].line <= len(text.splitlines())
