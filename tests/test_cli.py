from __future__ import annotations

import json
from pathlib import Path

from game.cli import main

BROKEN = Path(__file__).parent / "model" / "broken_decks"


def test_validate_says_all_good_and_exits_zero_for_a_good_deck(good_deck_path, capsys) -> None:
    assert main(["validate", str(good_deck_path)]) == 0
    assert "All good: 1 deck(s), 3 card(s)." in capsys.readouterr().out


def test_validate_lists_every_problem_and_exits_one(capsys) -> None:
    assert main(["validate", str(BROKEN)]) == 1
    err = capsys.readouterr().err
    assert "a card needs exactly one right reason; this one has 2" in err
    assert "Traceback" not in err


def test_validate_without_a_path_is_a_usage_error_not_a_traceback(capsys) -> None:
    try:
        main(["validate"])
    except SystemExit as exit_:
        assert exit_.code == 2
    assert "Traceback" not in capsys.readouterr().err


def test_schema_prints_json_schema_with_descriptions(capsys) -> None:
    assert main(["schema"]) == 0
    schema = json.loads(capsys.readouterr().out)
    card = schema["$defs"]["Card"]
    assert all("description" in p for p in card["properties"].values())


def test_decks_lists_cards_per_band_and_tag(good_deck_path, capsys) -> None:
    assert main(["decks", "--deck", str(good_deck_path)]) == 0
    out = capsys.readouterr().out
    assert "Test deck" in out and "13-15: 2" in out and "secrecy: 2" in out


def test_decks_coverage_prints_the_tag_by_band_table(good_deck_path, capsys) -> None:
    assert main(["decks", "--deck", str(good_deck_path), "--coverage"]) == 0
    out = capsys.readouterr().out
    assert "red flag" in out and "compensation" in out and "16-18" in out


def test_play_with_a_broken_deck_lists_problems_and_does_not_open_a_window(capsys) -> None:
    assert main(["--deck", str(BROKEN / "unknown-tag.yaml")]) == 1
    assert "bribery" in capsys.readouterr().err


def test_bad_play_options_get_a_clear_message(capsys) -> None:
    for args in (
        ["--windowed", "big"],
        ["--age", "9-11"],
        ["--cards", "0"],
        ["--cards", "3"],
        ["--cards", "13"],
    ):
        try:
            main(args)
        except SystemExit as exit_:
            assert exit_.code == 2
    assert "Traceback" not in capsys.readouterr().err
