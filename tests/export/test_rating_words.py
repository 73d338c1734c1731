"""The rating words of the exports come from the glossary of the language they print in (one
home with the screens: assets/glossary/<lang>.yaml `ratings.<rating>.word`)."""

from __future__ import annotations

import datetime as dt

import pytest

from game.content.glossary import Glossary, glossary
from game.content.help import load_region
from game.export.cards_pdf import render_cards
from game.export.summary import render_summary_pdf, summary_markdown
from game.model.cards import Rating
from game.model.session import Mode, Session

from .test_summary import play

DAY = dt.date(2026, 11, 21)


@pytest.fixture
def marked_words(monkeypatch):
    """Every rating word as the glossary would give it, marked so that no catalogue has it."""
    monkeypatch.setattr(Glossary, "rating_word", lambda self, rating: f"Gl{rating.value}")


def test_the_summary_prints_the_glossary_words(marked_words, tmp_path, read_pdf, fixture_cards):
    session = Session.start(fixture_cards[:1], mode=Mode.SOLO)
    play(session, 0, 1)  # the harmful option
    md = summary_markdown(session.state, "en", load_region("gb"), today=DAY)
    assert "| 1 | Send one picture for the coins. | Glharmful | 1 |" in md
    assert "Glharmful option picked; wrong reason picked" in md
    pdf = read_pdf(
        render_summary_pdf(session.state, "en", load_region("gb"), tmp_path / "s.pdf", today=DAY)
    )
    assert pdf.has("Glharmful") and pdf.has("Glsafe")


def test_the_card_backs_print_the_glossary_words(marked_words, tmp_path, read_pdf, fixture_cards):
    pdf = read_pdf(render_cards(fixture_cards[:1], "en", tmp_path / "cards.pdf", title="Deck"))
    for rating in Rating:
        assert pdf.has(f"Gl{rating.value}", 1), rating


def test_a_swedish_summary_has_the_swedish_glossary_words(fixture_cards) -> None:
    session = Session.start(fixture_cards, mode=Mode.TEAMS, teams=2, seed=4)
    for _ in range(2):
        play(session, 0, 1)  # a harmful option (the fixture cards' first) twice
    md = summary_markdown(session.state, "sv", load_region("se"), today=DAY)
    words = glossary("sv")
    assert f"| {words.rating_word(Rating.SAFE)} |" in md
    assert f"{words.rating_word(Rating.HARMFUL)} alternativ valt" in md
