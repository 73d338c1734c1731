"""Over-long words never freeze the game: word wrap is near-linear in the text's length.

The example of issue 17: a 2,000-character web address in a chat message took 34 s to wrap,
because an over-long word was cut one character shorter at a time. Now a binary search finds
each cut, so even far longer words wrap in a few milliseconds' worth of measurements.
"""

from __future__ import annotations

import time
from pathlib import Path

import pygame
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from game.ui.text import FontBook, wrap

FONTS = Path(__file__).resolve().parents[2] / "assets" / "fonts"


@pytest.fixture(scope="module")
def font() -> pygame.font.Font:
    pygame.font.init()
    return FontBook(FONTS).get("body", 24)


class Counting:
    """A font that counts how many characters it was asked to measure."""

    def __init__(self, font: pygame.font.Font) -> None:
        self.font = font
        self.chars = 0

    def size(self, text: str) -> tuple[int, int]:
        self.chars += len(text)
        return self.font.size(text)


def _check(font: pygame.font.Font, text: str, width: int) -> list[str]:
    lines = wrap(font, text, width)
    assert all(font.size(line)[0] <= width for line in lines)
    joined = "".join(line.removesuffix("-") for line in lines)
    assert joined.replace(" ", "") == text.replace(" ", "")
    return lines


def test_a_2000_character_address_wraps_fast(font: pygame.font.Font) -> None:
    url = "https://example.com/" + "a" * 1980  # the example: one word, no break
    start = time.perf_counter()
    lines = _check(font, url, 400)
    assert time.perf_counter() - start < 0.5
    assert len(lines) > 10


def test_measuring_grows_near_linearly(font: pygame.font.Font) -> None:
    """Doubling the word about doubles the characters measured (not quadruples)."""
    counts = []
    for n in (2_000, 4_000, 8_000):
        counting = Counting(font)
        wrap(counting, "x" * n, 300)  # type: ignore[arg-type]
        counts.append(counting.chars)
    assert counts[2] < 3 * counts[1] < 9 * counts[0]


def test_long_words_among_short_ones_and_dots(font: pygame.font.Font) -> None:
    """A variant: several long words, some with dots and slashes, between ordinary ones."""
    text = "see " + "ab.cd/" * 300 + " and then " + "Ö" * 1500 + " ok"
    start = time.perf_counter()
    lines = wrap(font, text, 250)
    assert time.perf_counter() - start < 0.5
    assert all(font.size(line)[0] <= 250 for line in lines)
    assert lines[0] == "see" and lines[-1].endswith("ok")


_WORD = st.text(
    alphabet=st.sampled_from("abcdefghijklmnopqrstuvwxyzåäöÅÄÖ./_0123456789WMil"),
    min_size=1,
    max_size=600,
)


@settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    words=st.lists(_WORD, min_size=1, max_size=6), width=st.integers(min_value=40, max_value=900)
)
def test_any_words_wrap_inside_the_width_keeping_every_character(
    font: pygame.font.Font, words: list[str], width: int
) -> None:
    """Fuzzing: over-long words among short ones, any width; every line fits (unless a single
    character is wider than the line), and no character is lost."""
    text = " ".join(words)
    lines = wrap(font, text, width)
    for line in lines:
        assert font.size(line)[0] <= width or len(line.removesuffix("-")) <= 1
    joined = "".join(line.removesuffix("-") for line in lines)  # a break's hyphen
    assert joined.replace(" ", "") == text.replace(" ", "")
