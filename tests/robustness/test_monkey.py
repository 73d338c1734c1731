"""Monkey tests: thousands of random events through every scene and mode must never raise, and
keys alone must always lead back to the title. A failure prints the seed, the scene stack and
the last events, so it can be replayed with `run_monkey(seed, n)`.

Quit requests are not confirmed: see tests/robustness/monkey.py for why and how the monkey
carries on after one.
"""

from __future__ import annotations

import time

import pygame
import pytest

from game.model.session import Mode

from .monkey import MODES, Monkey, run_monkey

pytestmark = pytest.mark.slow  # a soak: thousands of random events in every scene and mode


@pytest.fixture(autouse=True)
def _quit_pygame():
    yield
    pygame.quit()


def offered_modes() -> list[Mode]:
    m = Monkey(0)
    try:
        return m.offered_modes()
    finally:
        pygame.quit()


@pytest.mark.parametrize("seed", [11, 23, 47])
def test_random_events_never_crash_or_get_stuck(seed: int) -> None:
    m = run_monkey(seed, 1_500)
    assert {Mode.SOLO.value, Mode.TEAMS.value} <= m.modes_started


@pytest.mark.parametrize("mode", MODES, ids=lambda m: m.value)
def test_random_events_in_each_mode(mode: Mode) -> None:
    """Sessions in every mode of the model, also those the setup screen does not offer yet."""
    try:
        run_monkey(100 + MODES.index(mode), 1_000, modes=(mode,))
    except AssertionError:
        if mode not in offered_modes():
            pytest.xfail(f"{mode.value}: not on the setup screen yet; its scenes are in progress")
        raise


def test_twenty_thousand_events_through_every_scene_and_mode() -> None:
    start = time.perf_counter()
    m = run_monkey(20_251, 20_000)
    took = time.perf_counter() - start
    print(f"monkey: {m.events} events in {took:.1f}s; scenes {sorted(m.scenes_seen)}")
    assert {mode.value for mode in m.offered_modes()} == m.modes_started
    for scene in ("title", "setup", "card", "explain", "feedback", "summary", "pause", "help"):
        assert scene in m.scenes_seen, (scene, sorted(m.scenes_seen))
