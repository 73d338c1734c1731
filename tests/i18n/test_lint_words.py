"""The content lint speaks Swedish: assets/lint/words.yaml flags Swedish blaming, graphic and
shaming wording, and lets the negations through that the game is built to say."""

from __future__ import annotations

import pytest

from game.content.checks import lint_rules, lint_text

BLAMING_SV = [
    "Det är ditt fel.",
    "Det var ditt eget fel att den spreds.",
    "Du borde ha vetat bättre.",
    "Du borde inte ha skickat den.",
    "Hur kunde du skicka en sån bild?",
    "Hur kunde du vara så naiv?",
    "Skyll dig själv.",
    "Vad tänkte du på?",
    "Nu får du skylla dig själv, okej?",
    "Det var så dumt av dig.",
    "Du bad om det.",
]

NOT_BLAMING_SV = [
    "Det är inte ditt fel.",
    "Det är aldrig ditt fel.",
    "Det var inte ditt fel, och det är inte för sent att berätta.",
    "Ingen kan säga att det är ditt fel.",
    "Att du skickade en bild gör det inte till ditt fel.",
    "Det är inget fel att be om hjälp.",
    "Hur kan du hjälpa en kompis?",
    "Vad tänker du göra nu?",
    "Det var inte dumt av dig att berätta.",
    "Ingen ska säga att du bad om det.",
]

GRAPHIC_OR_SHAMING_SV = [
    "Han ville ha porr.",
    "Skicka en kukbild.",
    "Du är en idiot.",
    "Vilken slampa.",
    "Så patetiskt.",
]


def test_the_word_list_has_a_swedish_section() -> None:
    rules = lint_rules()
    assert {"en", "sv"} <= set(rules)
    assert rules["sv"].negation is not None


@pytest.mark.parametrize("text", BLAMING_SV)
def test_swedish_blaming_is_flagged(text) -> None:
    assert lint_text(text, "sv"), text


@pytest.mark.parametrize("text", NOT_BLAMING_SV)
def test_swedish_negations_and_harmless_look_alikes_pass(text) -> None:
    assert not lint_text(text, "sv"), (text, lint_text(text, "sv"))


@pytest.mark.parametrize("text", GRAPHIC_OR_SHAMING_SV)
def test_swedish_graphic_and_shaming_words_are_flagged(text) -> None:
    assert lint_text(text, "sv"), text


def test_a_negation_in_the_previous_sentence_does_not_excuse_blame() -> None:
    assert lint_text("Det är inte lätt. Men det är ditt fel.", "sv")


def test_english_rules_do_not_leak_into_swedish() -> None:
    assert not lint_text("It's your fault.", "sv")
    assert lint_text("It's your fault.", "en")
