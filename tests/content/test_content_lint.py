"""No graphic, blaming or shaming words; the lint itself is tested on known phrases."""

from __future__ import annotations

import pytest

from game.content.checks import lint_findings, lint_text


@pytest.mark.parametrize(
    ("text", "language", "flagged"),
    [
        ("It's your fault for sending it.", "en", True),
        ("It is not your fault.", "en", False),
        ("Sending it doesn't make it your fault.", "en", False),
        ("You shouldn't have sent it.", "en", True),
        ("That was so stupid.", "en", True),
        ("How could you help a friend?", "en", False),
        ("Det är ditt fel.", "sv", True),
        ("Det är inte ditt fel.", "sv", False),
        ("Skyll dig själv.", "sv", True),
    ],
)
def test_the_lint_flags_blame_but_not_its_negation(text, language, flagged) -> None:
    assert bool(lint_text(text, language)) is flagged


def test_graphic_words_are_flagged_even_in_a_quote() -> None:
    assert lint_text("send porn", "en", voiced=True)


def test_no_shipped_card_has_graphic_blaming_or_shaming_wording(shipped) -> None:
    findings = [
        f"{deck.path}: {f}"
        for lang, result in shipped.items()
        for deck in result.decks
        for card in deck.cards
        for f in lint_findings(card, lang)
    ]
    assert not findings, "\n".join(findings)
