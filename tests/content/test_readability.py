"""Readability per age band: Flesch–Kincaid grade (English, textstat) and LIX (Swedish)."""

from __future__ import annotations

import re
from statistics import mean

import pytest
import textstat

from game.content.checks import player_text
from game.model.cards import PLAYER_BANDS, AgeBand


def _offline_syllables() -> None:
    """textstat >= 0.7.10 downloads the CMU dictionary through nltk on first use. CI has no
    network, so count syllables with pyphen's bundled dictionary — textstat's own fallback for
    words the CMU dictionary lacks."""
    try:
        from textstat.backend.counts import _count_syllables
    except ImportError:  # older textstat counts with pyphen anyway
        return
    _count_syllables.get_cmudict = lambda lang: None


_offline_syllables()

FK_TARGET = {AgeBand.KIDS: 5, AgeBand.YOUNG_TEENS: 7, AgeBand.OLDER_TEENS: 9}
LIX_TARGET = {AgeBand.KIDS: 30, AgeBand.YOUNG_TEENS: 38, AgeBand.OLDER_TEENS: 45}
SINGLE_CARD_SLACK = 2  # grades (FK) above its lowest band; LIX points scale ×4 (≈ one LIX band)


def lix(text: str) -> float:
    words = re.findall(r"[^\W\d_]+", text)
    sentences = max(1, len(re.findall(r"[.!?:]+", text)))
    long_words = sum(1 for w in words if len(w) > 6)
    return len(words) / sentences + 100 * long_words / max(1, len(words))


def fk(text: str) -> float:
    textstat.set_lang("en")
    return float(textstat.flesch_kincaid_grade(text))


def _lowest_band(card) -> AgeBand | None:
    bands = [b for b in PLAYER_BANDS if b in card.age_bands]
    return bands[0] if bands else None


@pytest.mark.parametrize("band", PLAYER_BANDS, ids=lambda b: b.value)
def test_english_mean_grade_per_band_is_on_target(shipped, band) -> None:
    cards = [c for c in shipped["en"].cards if band in c.age_bands]
    assert cards
    grade = mean(fk(player_text(c)) for c in cards)
    assert grade <= FK_TARGET[band], f"{band.value}: mean FK grade {grade:.1f}"


def test_no_english_card_is_more_than_two_grades_above_its_band(shipped) -> None:
    too_hard = []
    for card in shipped["en"].cards:
        band = _lowest_band(card)
        if band is None:
            continue
        grade = fk(player_text(card))
        if grade > FK_TARGET[band] + SINGLE_CARD_SLACK:
            too_hard.append(f"{card.id} ({band.value}): grade {grade:.1f}")
    assert not too_hard, "\n".join(too_hard)


@pytest.mark.parametrize("band", PLAYER_BANDS, ids=lambda b: b.value)
def test_swedish_mean_lix_per_band_is_on_target(shipped, band) -> None:
    if "sv" not in shipped:
        pytest.fail("no Swedish decks")
    cards = [c for c in shipped["sv"].cards if band in c.age_bands]
    assert cards
    score = mean(lix(player_text(c)) for c in cards)
    assert score <= LIX_TARGET[band], f"{band.value}: mean LIX {score:.1f}"


def test_no_swedish_card_is_far_above_its_band(shipped) -> None:
    if "sv" not in shipped:
        pytest.fail("no Swedish decks")
    too_hard = []
    for card in shipped["sv"].cards:
        band = _lowest_band(card)
        if band is None:
            continue
        score = lix(player_text(card))
        if score > LIX_TARGET[band] + 4 * SINGLE_CARD_SLACK:
            too_hard.append(f"{card.id} ({band.value}): LIX {score:.0f}")
    assert not too_hard, "\n".join(too_hard)
