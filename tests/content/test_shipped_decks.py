"""The shipped decks against the content guide: validity, coverage, structure, balance."""

from __future__ import annotations

from collections import Counter

import pytest

from game.content.checks import length_findings, source_findings, structure_differences
from game.content.decks import LoadResult
from game.model.cards import PLAYER_BANDS, AgeBand, Rating, Tag


def test_every_shipped_deck_validates(shipped: dict[str, LoadResult]) -> None:
    assert "en" in shipped
    for lang, result in shipped.items():
        assert result.ok, "\n".join(str(e) for e in result.errors)
        assert result.decks, f"no decks for {lang}"


def _player_cards(result: LoadResult):
    return [c for c in result.cards if AgeBand.ADULTS not in c.age_bands]


def test_every_red_flag_is_on_two_cards_in_every_player_band(shipped) -> None:
    counts = Counter((t, b) for c in shipped["en"].cards for t in c.tags for b in c.age_bands)
    missing = [
        f"{tag.value} × {band.value}: {counts[(tag, band)]}"
        for tag in Tag
        if tag is not Tag.ADULT_RESPONSE
        for band in PLAYER_BANDS
        if counts[(tag, band)] < 2
    ]
    assert not missing, "fewer than 2 cards: " + ", ".join(missing)


def test_there_are_at_least_48_player_cards_and_10_adult_cards(shipped) -> None:
    cards = shipped["en"].cards
    assert len(_player_cards(shipped["en"])) >= 48
    adults = [c for c in cards if AgeBand.ADULTS in c.age_bands]
    assert len(adults) >= 10
    assert all(Tag.ADULT_RESPONSE in c.tags for c in adults)


def test_at_least_six_cards_walk_through_an_already_sent_path(shipped) -> None:
    assert sum(Tag.ALREADY_SENT in c.tags for c in _player_cards(shipped["en"])) >= 6


def test_every_card_has_a_safe_and_an_unsafe_response_and_one_right_reason(shipped) -> None:
    for result in shipped.values():
        for card in result.cards:
            ratings = [r.rating for r in card.responses]
            assert Rating.SAFE in ratings and any(r is not Rating.SAFE for r in ratings), card.id
            assert sum(r.right for r in card.reasons) == 1, card.id
            assert len(card.reasons) == 3 and 3 <= len(card.responses) <= 4, card.id
            assert card.discuss and card.takeaway, card.id


def test_the_safe_response_is_not_always_in_the_same_place(shipped) -> None:
    positions = Counter(c.best_response_index for c in shipped["en"].cards)
    assert max(positions.values()) <= 0.6 * sum(positions.values()), positions


def test_english_texts_keep_to_the_guide_lengths(shipped) -> None:
    findings = [str(f) for c in shipped["en"].cards for f in length_findings(c)]
    assert not findings, "\n".join(findings)


def test_every_source_points_at_a_real_article_point_or_facts_section(shipped) -> None:
    findings = [str(f) for r in shipped.values() for c in r.cards for f in source_findings(c)]
    assert not findings, "\n".join(findings)


@pytest.mark.parametrize("lang", ["sv"])
def test_every_english_card_has_a_twin_with_the_same_structure(shipped, lang) -> None:
    if lang not in shipped:
        pytest.fail(f"no {lang} decks")
    english = {d.path.split("/")[-1]: d for d in shipped["en"].decks}
    other = {d.path.split("/")[-1]: d for d in shipped[lang].decks}
    assert sorted(other) == sorted(english), "deck files differ"
    problems = []
    for name, deck in other.items():
        problems += [f"{name}: {p}" for p in structure_differences(deck, english[name])]
    assert not problems, "\n".join(problems)


def test_card_ids_are_unique_per_language(shipped) -> None:
    for result in shipped.values():
        ids = [c.id for c in result.cards]
        assert len(ids) == len(set(ids))
