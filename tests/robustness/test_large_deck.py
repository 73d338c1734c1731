"""A huge valid deck loads once, near-linearly, in bounded memory (issue 17, item 4), and
`redflags bench` reports the 20,000-card figure beside the 1,000-card one."""

from __future__ import annotations

import time
from pathlib import Path

import pytest

from game.bench import SCENES, checks, generated_large_deck, measure_large_load
from game.content.decks import load_deck_text


def test_the_bench_reports_the_large_deck_beside_the_small_one() -> None:
    fake = {
        "startup_s": 0.3,
        "startup_floor_s": 0.2,
        "frame_ms": {s: {} for s in SCENES},
        "full_frame_ms": {s: {} for s in SCENES},
        "blank_frame_ms": {},
        "idle_cpu_share": 0.01,
        "idle_seconds": 5.0,
        "load_1000_cards_s": 0.2,
        "load_20000_cards_s": 1.5,
        "load_20000_cards_rss_mb": 160.0,
        "peak_rss_mb": 90.0,
    }
    rows = {c["figure"]: c for c in checks(fake)}
    large = rows["load + validate 20,000 cards (a file, fresh process)"]
    assert large["pass"] and "1500 ms" in large["value"] and "160 MB" in large["value"]
    names = list(rows)
    assert names.index("load + validate 20,000 cards (a file, fresh process)") == (
        names.index("load + validate 1,000 cards") + 1
    )


def test_a_large_deck_loads_in_a_fresh_process(tmp_path: Path) -> None:
    """How long it takes is the bench's figure (a shared machine makes timed asserts flaky)."""
    seconds, peak = measure_large_load(str(tmp_path), trials=1, cards=2_000)
    assert seconds > 0 and peak < 200


def test_loading_grows_near_linearly() -> None:
    """4 times the cards take well under 16 times as long (quadratic would)."""
    times = []
    for n in (1_000, 4_000):
        text = generated_large_deck(n)
        start = time.perf_counter()
        deck, errors = load_deck_text(text, "large.yaml")
        times.append(time.perf_counter() - start)
        assert errors == [] and deck is not None and len(deck.cards) == n
    assert times[1] < 8 * times[0]


@pytest.mark.slow
def test_twenty_thousand_cards_in_bounded_memory(tmp_path: Path) -> None:
    seconds, peak = measure_large_load(str(tmp_path), trials=1)
    print(f"20,000 cards: {seconds:.2f} s, peak {peak:.0f} MB")
    assert peak <= 200
