"""Issue 13 over every shipped card, not only the one of test_readable: with the projector
theme every body text of a card's screens (the setup, every page of the chat, the question, the
options, the explain screen, every page of both feedback screens) is at least 1/24 of the text
height, and at either theme a larger text size never draws one of the card's texts smaller than
the next smaller size does. At 1024×768, where the room is least, in English and in Swedish
(the longer texts); tools/measure_text_sizes.py measures 1920×1080 too."""

from __future__ import annotations

import math

import pytest

from game.settings import TEXT_SCALES
from tests.ui.card_walk import measure_every_card

pytestmark = pytest.mark.slow  # every screen of every card at five text sizes

SIZE = (1024, 768)


@pytest.mark.parametrize("lang", ["en", "sv"])
@pytest.mark.parametrize("theme", ["default", "projector"])
def test_every_card_reads_larger_or_equal_at_each_larger_text_size(
    make_driver, theme, lang
) -> None:
    sizes = {s: measure_every_card(SIZE, theme, s, lang) for s in TEXT_SCALES}
    floor = math.ceil(min(SIZE[1], round(SIZE[0] * 0.75)) / 24)
    problems = []
    for small, large in zip(TEXT_SCALES, TEXT_SCALES[1:], strict=False):
        for screen, found in sizes[large].items():
            for text, px in found.items():
                old = sizes[small].get(screen, {}).get(text)
                if old is not None and px < old:
                    problems.append(f"{screen} x{small}->x{large}: {old} -> {px} px: {text[:40]!r}")
    if theme == "projector":
        problems += [
            f"{screen} x{scale}: {px} px < {floor}: {text[:40]!r}"
            for scale in TEXT_SCALES
            for screen, found in sizes[scale].items()
            for text, px in found.items()
            if px < floor
        ]
    assert sizes[TEXT_SCALES[0]], "no card measured"
    assert not problems, f"{len(problems)} cases:\n" + "\n".join(problems[:40])
