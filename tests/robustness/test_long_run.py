"""Memory stays flat in long, heavy use (issue 17, item 8): the monkey's random keys, clicks and
resizes for a long time, resident memory sampled after a warm-up.

What grew was the font book: every (role, size) the layouts asked for stayed open, and window
resizes with shrink-to-fit ask for many sizes (224 open fonts after 2,000 events, 350 MB in
long use). It now keeps the 48 most recently used.
"""

from __future__ import annotations

import gc
import os

import pygame
import pytest

from game.ui.text import FontBook

from .monkey import Monkey


def _rss_mb() -> float:
    with open("/proc/self/status", encoding="ascii") as status:
        for line in status:
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    return 0.0


def _run(events: int, samples: int = 20) -> list[float]:
    monkey = Monkey(20_260)
    monkey.check_partial_frame = lambda: None  # type: ignore[method-assign]
    out = []
    try:
        for i in range(events):
            monkey.random_event()
            monkey.tick()
            if i % max(1, events // samples) == 0:
                gc.collect()
                out.append(_rss_mb())
                assert monkey.app.ui.engine.fonts.get.cache_info().currsize <= FontBook.MAX_FONTS
    finally:
        pygame.quit()
    return out


@pytest.mark.slow  # a soak
@pytest.mark.skipif(not os.path.exists("/proc/self/status"), reason="reads /proc")
def test_open_fonts_stay_bounded_in_a_short_run() -> None:
    _run(1_500, samples=5)


@pytest.mark.slow
@pytest.mark.skipif(not os.path.exists("/proc/self/status"), reason="reads /proc")
def test_memory_is_flat_after_warm_up_in_a_long_run() -> None:
    """20,000 events in the suite (a few minutes); the full soak of 200,000 events takes about
    half an hour on two cores, so it runs on request:
    REDFLAGS_LONG_RUN_EVENTS=200000 ./test.sh -m slow -k long_run"""
    events = int(os.environ.get("REDFLAGS_LONG_RUN_EVENTS", "20000"))
    rss = _run(events)
    # warm-up: until the bounded caches (fonts, layouts, rendered texts) are full, which random
    # resizes take about 8,000 events to reach: the first 10,000 events, half of a suite run
    warm_samples = len(rss) * min(events // 2, 10_000) // events
    warm, later = rss[:warm_samples], rss[warm_samples:]
    print(f"resident memory, MB: {[round(x) for x in rss]}")
    assert max(later) <= max(warm) + 40, (warm, later)
    # no absolute bound: in the suite this runs in a test worker whose memory already holds
    # what earlier tests left (about 400 MB seen); growth after warm-up is what matters
