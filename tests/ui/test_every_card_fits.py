"""Every card of the shipped English and Swedish decks, at 1024×768 and 1280×720: the card with
the whole chat, the explain screen and both feedback screens (safe answer + right reason, the
fullest not-safe answer + a wrong reason), every page of them, go through the layout checks of
test_screens — no text box outside the window, none overlapping another, none below height/40.
And no feedback leaves anything out: every explanation (above all why the safest choice is
safe), the takeaway and the red flag show on one of its pages. One App per language and size
plays a whole deck, card by card, without sleeping (tests/ui/card_walk.py)."""

from __future__ import annotations

from collections.abc import Iterator

import pygame
import pytest

from game import i18n

from .card_walk import (
    LANGUAGES,
    SCREENS,
    Shot,
    deck,
    deck_files,
    language_driver,
    missing,
    play_deck,
)
from .test_screens import check_layout

pytestmark = pytest.mark.slow  # every screen of every shipped card, in both languages

SIZES = [(1024, 768), (1280, 720)]
CASES = [(lang, stem) for lang in LANGUAGES for stem in deck_files(lang)]


@pytest.fixture(autouse=True)
def _back_to_english() -> Iterator[None]:
    """The language is process-wide: never leak Swedish into the next test."""
    yield
    i18n.set_language("en")
    pygame.quit()


def test_both_languages_ship_the_same_deck_files() -> None:
    assert deck_files("en") == deck_files("sv")
    assert len(deck_files("en")) >= 7


@pytest.mark.parametrize(("lang", "stem"), CASES, ids=[f"{lang}-{stem}" for lang, stem in CASES])
def test_every_screen_of_every_card_fits(lang: str, stem: str) -> None:
    the_deck = deck(lang, stem)
    for size in SIZES:
        d = language_driver(size, lang)
        seen: dict[str, set[str]] = {}
        pages: list[Shot] = []
        dropped: list[str] = []
        for shot in play_deck(d, the_deck):
            try:
                check_layout(shot.records, size)
            except AssertionError as exc:
                raise AssertionError(f"{lang} {stem} {shot.card.id} {shot.screen}: {exc}") from None
            seen.setdefault(shot.card.id, set()).add(shot.screen)
            if shot.feedback:
                pages = [*pages, shot] if shot.page > 1 else [shot]
                if shot.page == shot.pages:
                    where = f"{lang} {size[0]}x{size[1]} {shot.card.id} {shot.feedback}"
                    dropped += [f"{where}: {what}" for what in missing(pages)]
        assert not dropped, "left out of the feedback:\n" + "\n".join(dropped)
        assert list(seen) == [c.id for c in the_deck.cards]
        assert all(set(SCREENS) <= screens for screens in seen.values()), seen
