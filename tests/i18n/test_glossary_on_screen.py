"""The rating words on the feedback screens come from the glossary of the game's language
(assets/glossary/<lang>.yaml `ratings.<rating>.word`), the one home the exports read too."""

from __future__ import annotations

import pygame
import pytest

from game.content.glossary import Glossary, glossary
from game.model.kinds import Rating
from game.model.session import Mode
from tests.ui.driver import answer


def letter(d, ch: str) -> None:
    d.app.feed(
        pygame.event.Event(
            pygame.KEYDOWN, key=getattr(pygame, f"K_{ch}"), mod=0, unicode=ch, scancode=0
        )
    )
    d.frame()
    d.settle()


def key_for(d, safe: bool) -> str:
    """The number key of the card's first safe (or first not-safe) option."""
    st = d.app.play.session.state
    order = st.response_order or range(len(st.card.responses))
    rated = [st.card.responses[i].rating is Rating.SAFE for i in order]
    return str(rated.index(safe) + 1)


def shown(d) -> str:
    return " | ".join(r.text for r in d.texts())


@pytest.fixture
def marked_words(monkeypatch):
    monkeypatch.setattr(Glossary, "rating_word", lambda self, rating: f"Gl{rating.value}")


def test_team_turns_feedback_says_the_glossary_words(lang_driver, marked_words) -> None:
    d = lang_driver((1280, 720), language="en", region="gb")
    d.start_game(mode=Mode.TEAMS, teams=3, count=3)
    while d.phase != "choose":
        answer(d)
    d.press(key_for(d, safe=False))
    assert d.top == "steal"
    letter(d, "c")  # team C steals with the safe option
    d.press(key_for(d, safe=True))
    while d.phase != "feedback":
        answer(d)
    rating = d.app.play.session.state.card_results[0].rating
    texts = shown(d)
    assert f"Gl{rating.value}" in texts and "(Glsafe)" in texts, texts
    assert d.app.top.reading().parts[0] == f"Gl{rating.value}"


def test_all_teams_feedback_says_the_glossary_words(lang_driver, marked_words) -> None:
    d = lang_driver((1280, 720), language="en", region="gb")
    d.start_game(mode=Mode.ALL_TEAMS, teams=3, count=3)
    d.press("enter")  # the whole chat
    d.press(key_for(d, safe=False), key_for(d, safe=True), key_for(d, safe=True), "enter")
    d.press("1", "2", "1", "enter")
    assert d.top == "team-feedback"
    texts = shown(d)
    card = d.app.play.session.state.card
    for rating in {r.rating for r in card.responses}:
        assert f"Gl{rating.value}" in texts, (rating, texts)


def test_swedish_feedback_says_the_swedish_glossary_word(lang_driver) -> None:
    d = lang_driver((1280, 720), language="sv", region="se")
    d.start_game(mode=Mode.TEAMS, teams=2, count=3)
    while d.phase != "choose":
        answer(d)
    d.press(key_for(d, safe=True))
    while d.phase != "feedback":
        answer(d)
    assert glossary("sv").rating_word(Rating.SAFE) in shown(d)
