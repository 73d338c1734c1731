from __future__ import annotations

import pytest

from game.content.decks import LoadResult, default_deck_paths, languages, load_decks


@pytest.fixture(scope="session")
def shipped() -> dict[str, LoadResult]:
    return {lang: load_decks(default_deck_paths(lang)) for lang in languages()}
