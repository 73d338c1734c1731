"""The smaller items of issue 17 (item 8) that the loader and the command line own, each with
the issue's example and a variant."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

import game.content.decks as decks_module
from game.cli import main
from game.content.decks import load_decks

GOOD = Path(__file__).resolve().parents[1] / "fixtures" / "good_deck.yaml"


def _count_parses(monkeypatch) -> list[str]:
    calls: list[str] = []
    real = decks_module.load_deck_text

    def counting(text: str, name: str, language: str | None = None):  # type: ignore[no-untyped-def]
        calls.append(name)
        return real(text, name, language)

    monkeypatch.setattr(decks_module, "load_deck_text", counting)
    return calls


def test_a_deck_is_loaded_once_when_the_command_line_and_the_game_both_ask(
    tmp_path: Path, monkeypatch
) -> None:
    path = tmp_path / "deck.yaml"
    path.write_text(GOOD.read_text(encoding="utf-8"), encoding="utf-8")
    calls = _count_parses(monkeypatch)
    first = load_decks([path])  # `redflags --deck` checks it before the window opens
    second = load_decks([path])  # ... and the game plays it
    assert calls == [str(path)]
    assert first.decks == second.decks and second.ok


def test_a_changed_deck_is_read_again(tmp_path: Path, monkeypatch) -> None:
    path = tmp_path / "deck.yaml"
    path.write_text(GOOD.read_text(encoding="utf-8"), encoding="utf-8")
    calls = _count_parses(monkeypatch)
    load_decks([path])
    path.write_text(GOOD.read_text(encoding="utf-8").replace("Test deck", "Changed"), "utf-8")
    os.utime(path, ns=(1, 1))  # a different time even on a coarse clock
    result = load_decks([path])
    assert len(calls) == 2 and result.decks[0].info.title == "Changed"


@pytest.mark.parametrize(
    ("size", "words"),
    [("99999x99999", "from 320x240 to 10000x10000, not 99999x99999"), ("100x50", "from 320x240")],
)
def test_a_window_size_out_of_range_says_the_range(size: str, words: str, capsys) -> None:
    with pytest.raises(SystemExit):
        main(["--windowed", size])
    err = capsys.readouterr().err
    assert words in err and "at least 320x240\n" not in err


@pytest.mark.parametrize("lang", ["xx", "\x1b[31mzz"])
def test_an_unknown_language_lists_the_languages(lang: str, capsys) -> None:
    assert main(["--lang", lang]) == 2
    err = capsys.readouterr().err
    assert "Languages: en, sv" in err and "\x1b" not in err
