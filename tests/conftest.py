"""Shared test set-up: no real config folder, no sound device, no window unless a test asks."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

os.environ.setdefault("SDL_VIDEODRIVER", "dummy")
os.environ.setdefault("SDL_AUDIODRIVER", "dummy")

ROOT = Path(__file__).resolve().parents[1]
FIXTURES = ROOT / "tests" / "fixtures"


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Tests that start real programs (a window under Xvfb, chromium) are slow as well, so the
    inner loop `pytest -m "not slow"` leaves them out; ./test.sh and .ci/run run everything."""
    for item in items:
        if item.get_closest_marker("e2e") or item.get_closest_marker("browser"):
            item.add_marker(pytest.mark.slow)


@pytest.fixture(autouse=True)
def _private_config_dir(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch):
    """Tests never read or write the real user's settings or saved sessions."""
    home = tmp_path_factory.mktemp("config")
    monkeypatch.setenv("REDFLAGS_CONFIG_DIR", str(home / "config"))
    monkeypatch.setenv("REDFLAGS_DATA_DIR", str(home / "data"))


@pytest.fixture(autouse=True)
def _no_system_voice(monkeypatch: pytest.MonkeyPatch):
    """The game reads aloud with espeak-ng when the computer has it. Tests must not depend on
    what this machine happens to have installed: with espeak-ng present (as on the machine that
    ran CI) the monkey test took other paths and passed, while it failed on a fresh machine. So
    in-process tests get the voice of a computer without one; tests of speech bring their own."""
    from game import speech

    monkeypatch.setattr(speech, "find_speaker", speech.NullSpeaker)


@pytest.fixture
def good_deck_path() -> Path:
    return FIXTURES / "good_deck.yaml"
