"""Helpers for the PDF tests: load the fixture deck, read a PDF's pages and text with pypdf."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from game.content.decks import load_decks
from game.model.cards import Card

pytest.importorskip("fpdf")
pypdf = pytest.importorskip("pypdf")

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"


def squash(text: str) -> str:
    """Text without any whitespace, so a phrase is found however the PDF broke its lines."""
    return re.sub(r"\s+", "", text)


class Pdf:
    def __init__(self, path: Path) -> None:
        self.path = path
        self.reader = pypdf.PdfReader(str(path))
        self.pages = [page.extract_text() or "" for page in self.reader.pages]

    @property
    def page_count(self) -> int:
        return len(self.pages)

    @property
    def text(self) -> str:
        return "\n".join(self.pages)

    def has(self, phrase: str, page: int | None = None) -> bool:
        haystack = self.pages[page] if page is not None else self.text
        return squash(phrase) in squash(haystack)


@pytest.fixture
def read_pdf():
    return Pdf


@pytest.fixture(scope="session")
def fixture_cards() -> list[Card]:
    loaded = load_decks([FIXTURES / "good_deck.yaml"])
    assert loaded.ok, loaded.errors
    return loaded.cards


@pytest.fixture(scope="session")
def swedish_card(fixture_cards: list[Card]) -> Card:
    """A fixture card rewritten in Swedish (with å, ä, ö), independent of the shipped decks."""
    card = fixture_cards[0]
    return card.model_copy(
        update={
            "setup": "Du är 12 år och spelar fotboll på nätet. En spelare börjar skriva till dig.",
            "takeaway": "Gåvor för en bild är en varningsflagga. Spara, blockera, anmäl, berätta.",
            "red_flag": "Mynt för en bild, och löftet om hemlighet",
        }
    )
