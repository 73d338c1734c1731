"""The authoring guide (docs/AUTHORING.md) and the deck format note: an outside author can write a
deck from them alone — the example validates with no problem and no suggestion, every tag, safe
move and rating is explained with the glossary's words, and the numbers are the game's."""

from __future__ import annotations

import re
from pathlib import Path

from game.cli import main
from game.content.glossary import load_glossary
from game.model.kinds import AgeBand, Rating, SafeMove, Tag
from game.model.session import MOVE_POINTS, NAME_POINTS, SPOT_POINTS, WHY_POINTS

ROOT = Path(__file__).resolve().parents[2]
AUTHORING = ROOT / "docs" / "AUTHORING.md"
DECK_FORMAT = ROOT / "notes" / "DECK-FORMAT.md"


def test_the_guides_example_deck_validates_without_problems_or_suggestions(
    tmp_path, capsys
) -> None:
    text = AUTHORING.read_text(encoding="utf-8")
    example = re.search(r"```yaml\n(deck:.*?)```", text, re.S)
    assert example is not None
    path = tmp_path / "my-first-deck.yaml"
    path.write_text(example.group(1), encoding="utf-8")
    assert main(["validate", str(path)]) == 0
    out = capsys.readouterr().out
    assert "suggestion" not in out, out
    assert "All good: 1 deck(s), 1 card(s)." in out


def test_every_tag_safe_move_and_rating_is_explained_with_the_glossarys_words() -> None:
    text = AUTHORING.read_text(encoding="utf-8")
    g = load_glossary("en")
    for tag in Tag:
        row = f"| `{tag.value}` | {g.tactic_name(tag)} | {g.explain(tag, AgeBand.YOUNG_TEENS)} |"
        assert row in text, tag
    for move in SafeMove:
        assert f"| `{move.value}` | {g.move(move).name} | {g.move(move).detail} |" in text, move
    for rating in Rating:
        assert f"| `{rating.value}` | {g.rating_word(rating)} |" in text, rating


def test_the_guide_covers_what_an_author_had_to_guess() -> None:
    text = AUTHORING.read_text(encoding="utf-8")
    for needed in (
        "a–z, digits 0–9 and hyphens",  # ids
        "needs quotes",  # a colon in text
        "flag_at: setup",
        "language: en",
        "40 %",
        "redflags validate",
        "your deck may cite its own",  # source
        "vanishes",  # emoji
    ):
        assert needed in text, needed


def test_the_guides_scoring_is_the_models() -> None:
    text = AUTHORING.read_text(encoding="utf-8")
    line = (
        f"Spot the red flag {SPOT_POINTS}, name the trick {NAME_POINTS}, a safe move "
        f"{MOVE_POINTS[Rating.SAFE]} (risky {MOVE_POINTS[Rating.RISKY]}, harmful "
        f"{MOVE_POINTS[Rating.HARMFUL]}), the right reason {WHY_POINTS}."
    )
    assert line in text


def test_the_deck_format_note_is_current() -> None:
    text = DECK_FORMAT.read_text(encoding="utf-8")
    assert "once the CLI exists" not in text
    assert "flag_at" in text and "`setup`" in text
    assert "language: en" in text
    assert "redflags validate" in text
