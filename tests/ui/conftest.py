"""Headless pygame for the UI tests: the dummy video and audio drivers are set before pygame
is imported anywhere, so the tests run on machines without a display or sound card."""

from __future__ import annotations

import os

os.environ["SDL_VIDEODRIVER"] = "dummy"
os.environ["SDL_AUDIODRIVER"] = "dummy"

from collections.abc import Iterator  # noqa: E402

import pygame  # noqa: E402
import pytest  # noqa: E402

from .driver import Driver  # noqa: E402

SIZES = [(640, 480), (746, 902), (1024, 768), (1280, 720), (1920, 1080)]  # smallest, portrait, usual


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """A test marked `sweep(*ids)` runs every case in CI, but only the cases with those ids in
    the inner loop (`-m "not slow"`): the rest of the sweep is marked slow."""
    for item in items:
        sweep = item.get_closest_marker("sweep")
        callspec = getattr(item, "callspec", None)
        if sweep is not None and callspec is not None and callspec.id not in sweep.args:
            item.add_marker(pytest.mark.slow)


@pytest.fixture(autouse=True)
def _own_data_folders(tmp_path_factory, monkeypatch) -> None:
    """Resumable saves and session summaries go to a fresh folder per test, never the real
    ones (a group game saves after every step, and the title offers to resume it)."""
    base = tmp_path_factory.mktemp("redflags-data")
    monkeypatch.setenv("REDFLAGS_DATA_DIR", str(base / "data"))
    monkeypatch.setenv("REDFLAGS_DOCUMENTS_DIR", str(base / "documents"))


@pytest.fixture
def make_driver() -> Iterator[type[Driver]]:
    created: list[Driver] = []

    def factory(*args: object, **kwargs: object) -> Driver:
        d = Driver(*args, **kwargs)  # type: ignore[arg-type]
        created.append(d)
        return d

    yield factory  # type: ignore[misc]
    pygame.quit()
