"""Scripts the bundled fonts cannot draw (issue 17, item 6): a deck in Hebrew or Arabic is
refused naming the characters, instead of showing boxes in the game and vanishing from PDFs;
emoji in a chat are only a warning (the game shows some as emoticons)."""

from __future__ import annotations

from pathlib import Path

import pytest

from game.cli import main
from game.content.decks import load_deck_text
from game.content.glyphs import ALWAYS_DRAWN, font_characters, undrawable

GOOD = Path(__file__).resolve().parents[1] / "fixtures" / "good_deck.yaml"
CHAT = "ur so good!! how old r u?"


def deck_with_chat(text: str) -> str:
    return GOOD.read_text(encoding="utf-8").replace(CHAT, text)


def test_latin_1_is_in_every_bundled_font() -> None:
    have = font_characters()
    assert have is not None
    assert all(c in have for c in range(0x20, ALWAYS_DRAWN + 1) if chr(c).isprintable())


@pytest.mark.parametrize(
    ("text", "script"),
    [("שלום, אני דני", "Hebrew"), ("مرحبا كيف حالك", "Arabic"), ("สวัสดีครับ", "Thai")],
)
def test_a_deck_in_a_script_the_fonts_lack_is_refused_naming_it(text: str, script: str) -> None:
    deck, errors = load_deck_text(deck_with_chat(text), "script.yaml")
    assert deck is None and len(errors) == 1
    message = str(errors[0])
    assert f"({script})" in message and text[0] in message
    assert "chat message 1" in message and errors[0].line == 14


def test_a_title_in_such_a_script_is_refused_too() -> None:
    text = GOOD.read_text(encoding="utf-8").replace("title: Test deck", "title: Привет")
    deck, errors = load_deck_text(text, "title.yaml")
    assert deck is None and "deck, title" in str(errors[0]) and "(Cyrillic)" in str(errors[0])


@pytest.mark.parametrize("text", ["Hej på dig, Åsa!", "Ça va? Ñandú, Größe", "ok ⏰ 😊 💎 🦄"])
def test_latin_text_and_emoji_load(text: str) -> None:
    deck, errors = load_deck_text(deck_with_chat(text), "fine.yaml")
    assert errors == [] and deck is not None


def test_validate_warns_about_emoji_the_game_cannot_show(tmp_path: Path, capsys) -> None:
    path = tmp_path / "emoji.yaml"
    path.write_text(deck_with_chat("gems 💎 for you"), encoding="utf-8")
    assert main(["validate", str(path)]) == 0
    out = capsys.readouterr().out
    assert "💎 will not show on screen" in out


def test_validate_names_the_characters_of_a_refused_deck(tmp_path: Path, capsys) -> None:
    path = tmp_path / "hebrew.yaml"
    path.write_text(deck_with_chat("שלום"), encoding="utf-8")
    assert main(["validate", str(path)]) == 1
    err = capsys.readouterr().err
    assert "cannot draw ש ל ו ם (Hebrew)" in err


def test_undrawable_skips_emoji_and_counts_each_character_once() -> None:
    assert undrawable("abc 😊 ⏰ åäö") == []
    assert undrawable("אאבב") == ["א", "ב"]
