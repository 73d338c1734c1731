"""The content checks `redflags validate` suggests (issue 11): option balance per deck, a player
card without `flag_at`, a setup age outside the card's bands, emoji the fonts lack — each in
plain words naming the file, the line, the card and the field."""

from __future__ import annotations

import copy
from pathlib import Path
from typing import Any

import pytest
import yaml

from game.cli import main
from game.content.checks import (
    age_findings,
    balance_problems,
    deck_findings,
    emoji_findings,
    flag_findings,
    missing_glyphs,
    setup_age,
)
from game.content.decks import load_deck_file
from game.content.yaml_source import parse
from game.model.kinds import AgeBand

FIXTURE = Path(__file__).resolve().parents[1] / "fixtures" / "good_deck.yaml"


def fixture_data() -> dict[str, Any]:
    return parse(FIXTURE.read_text(encoding="utf-8"))


def write(tmp_path: Path, data: dict[str, Any], name: str = "deck.yaml") -> Path:
    path = tmp_path / "en" / name
    path.parent.mkdir(exist_ok=True)
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return path


def balanced(data: dict[str, Any], cards: int = 5) -> dict[str, Any]:
    """A deck of `cards` copies of the first card, rotated so no pattern passes 40 %."""
    base = data["cards"][0]
    out = []
    for i in range(cards):
        card = copy.deepcopy(base)
        card["id"] = f"card-{i}"
        card["flag_at"] = [3]
        k = i % 3
        card["responses"] = card["responses"][k:] + card["responses"][:k]
        card["reasons"] = card["reasons"][k:] + card["reasons"][:k]
        # the safe response and the right reason are the shortest on every card
        for r in card["responses"]:
            r["text"] = "Short safe." if r["rating"] == "safe" else r["text"] + " A longer one."
        for r in card["reasons"]:
            r["text"] = "Short right." if r.get("right") else r["text"] + " Longer still."
        out.append(card)
    return {"deck": data["deck"], "cards": out}


def test_a_deck_where_the_safe_answer_is_longest_is_reported_with_file_line_and_cards(
    tmp_path,
) -> None:
    data = balanced(fixture_data())
    for card in data["cards"]:
        for r in card["responses"]:
            if r["rating"] == "safe":
                r["text"] = (
                    "Screenshot the chat and the name, block and report them, and tell an adult."
                )
    path = write(tmp_path, data)
    deck, errors = load_deck_file(path)
    assert deck is not None and not errors
    found = [f for f in deck_findings(deck) if "longest response" in f.message]
    assert len(found) == 1
    text = str(found[0])
    assert text.startswith(str(path) + ", line ")
    assert "5 of 5 cards (100 %)" in text and "keep it to 2 or fewer" in text
    assert "`card-0` (line " in text and found[0].field == "responses"


def test_a_balanced_deck_has_no_balance_findings(tmp_path) -> None:
    deck, _ = load_deck_file(write(tmp_path, balanced(fixture_data())))
    assert deck is not None
    assert balance_problems(list(deck.cards)) == []


def test_the_position_of_the_safe_answer_and_the_right_reason_is_checked(tmp_path) -> None:
    data = balanced(fixture_data())
    for card in data["cards"]:  # the safe response first everywhere
        card["responses"].sort(key=lambda r: r["rating"] != "safe")
        card["reasons"].sort(key=lambda r: not r.get("right"))
    deck, _ = load_deck_file(write(tmp_path, data))
    assert deck is not None
    messages = [m for _, m, _ in balance_problems(list(deck.cards))]
    assert any("first safe response is response 1 on 5 of 5" in m for m in messages)
    assert any("right reason is reason 1 on 5 of 5" in m for m in messages)


def test_forty_percent_is_allowed_and_one_more_is_not(tmp_path) -> None:
    data = balanced(fixture_data(), cards=5)
    for card in data["cards"][:2]:
        for r in card["responses"]:
            if r["rating"] == "safe":
                r["text"] = "x" * 200
    deck, _ = load_deck_file(write(tmp_path, data))
    assert deck is not None and not balance_problems(list(deck.cards))  # 2 of 5 = 40 %
    data["cards"][2]["responses"] = [
        dict(r, text="x" * 200) if r["rating"] == "safe" else r
        for r in data["cards"][2]["responses"]
    ]
    deck, _ = load_deck_file(write(tmp_path, data))
    assert deck is not None and balance_problems(list(deck.cards))


def test_a_player_card_without_flag_at_gets_a_warning_an_adult_card_does_not(tmp_path) -> None:
    data = fixture_data()
    path = write(tmp_path, data)
    deck, _ = load_deck_file(path)
    assert deck is not None
    card = deck.cards[0]
    assert card.flag_at is None
    (finding,) = flag_findings(card)
    assert finding.field == "flag_at" and "flag_at: [N]" in finding.message
    assert "flag_at: setup" in finding.message
    adult = card.model_copy(update={"age_bands": [AgeBand.ADULTS]})
    assert flag_findings(adult) == []
    assert flag_findings(card.model_copy(update={"flag_at": "setup"})) == []
    lines = [f for f in deck_findings(deck) if f.field == "flag_at" and f.card_id == card.id]
    assert lines[0].line == 6  # the card's `- id:` line


@pytest.mark.parametrize(
    ("setup", "language", "age"),
    [
        ("You're 12. You play a game.", "en", 12),
        ("You're Nora, 11. In a game chat…", "en", 11),
        ("You are 15 and at a party.", "en", 15),
        ("You’re 16. Someone posted…", "en", 16),
        ("Du är Nora, 11 år. I en spelchatt…", "sv", 11),
        ("Du är 14. En kille…", "sv", 14),
        ("You're a parent. Your son Oskar, 12, comes home.", "en", None),
        ("Your friend Sami, 13, is on your team.", "en", None),
        ("A 25-year-old messages you.", "en", None),
    ],
)
def test_the_players_age_is_read_from_the_setup(setup, language, age) -> None:
    assert setup_age(setup, language) == age


def test_a_setup_age_outside_the_cards_bands_is_reported(tmp_path) -> None:
    deck, _ = load_deck_file(write(tmp_path, fixture_data()))
    assert deck is not None
    card = deck.cards[0]  # 10-12 and 13-15, "You're 12."
    assert age_findings(card, "en") == []
    older = card.model_copy(update={"age_bands": [AgeBand.YOUNG_TEENS]})
    (finding,) = age_findings(older, "en")
    assert finding.field == "setup"
    assert "makes the player 12, but the card is for ages 13-15" in finding.message


def test_emoji_the_fonts_lack_are_named_and_emoticon_emoji_are_not(tmp_path) -> None:
    assert missing_glyphs("nice 😊 ;) ’ – …") == []
    assert missing_glyphs("gems 💎💎 for you 🦄") == ["💎", "🦄"]
    data = fixture_data()
    data["cards"][0]["chat"][0]["text"] = "free gems 💎 for you 😊"
    path = write(tmp_path, data)
    deck, _ = load_deck_file(path)
    assert deck is not None
    (finding,) = emoji_findings(deck.cards[0])
    assert finding.field == "chat message 1" and finding.message.startswith("💎 will not show")
    located = [f for f in deck_findings(deck) if f.field == "chat message 1"]
    assert located[0].line is not None and located[0].line > 6


def test_validate_prints_the_suggestions_with_file_line_card_and_field(tmp_path, capsys) -> None:
    data = fixture_data()
    data["cards"][0]["chat"][0]["text"] = "free gems 💎"
    path = write(tmp_path, data)
    assert main(["validate", str(path)]) == 0
    out = capsys.readouterr().out
    assert f"{path}, line " in out
    assert "card `coins-for-a-picture`, flag_at:" in out
    assert "card `coins-for-a-picture`, chat message 1: 💎 will not show" in out


def test_an_outside_deck_may_cite_its_own_source_or_none(tmp_path) -> None:
    from game.content.checks import source_findings

    data = fixture_data()
    data["cards"][0]["source"] = "https://example.org/a-report-on-grooming"
    del data["cards"][1]["source"]
    deck, errors = load_deck_file(write(tmp_path, data))
    assert deck is not None and not errors
    assert [f for f in deck_findings(deck) if f.field == "source"] == []
    # the shipped decks are held to the project's own sources
    assert source_findings(deck.cards[0]) and source_findings(deck.cards[1])


def test_a_deck_of_fewer_than_five_cards_is_not_measured_for_balance(tmp_path) -> None:
    deck, _ = load_deck_file(write(tmp_path, balanced(fixture_data(), cards=4)))
    assert deck is not None
    for card in deck.cards:  # the safe response first and longest on all four
        assert card is not None
    assert balance_problems(list(deck.cards)[:1]) == []
