"""Play single cards of the shipped decks headless: the card with the whole chat shown, the
explain screen and the feedback screen, once with the safe answer and the right reason and once
with a not-safe answer and a wrong reason. Shared by tests/ui/test_every_card_fits.py and
tools/render_every_card.py (which also saves the screens and lists the squeezed text boxes).

A session of one card is started straight from the card (no setup screen, no drawing of cards),
so every card of a deck is visited exactly once, in deck order, in one App.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from game.content.decks import default_deck_paths, load_decks
from game.model.cards import Card, Deck, Rating
from game.model.session import Mode, Session, new_state
from game.ui.app import GameSetup, PlayContext
from game.ui.context import TextRecord
from game.ui.scene import Scene
from game.ui.scenes import scene_for_play

from .driver import Driver

LANGUAGES = ("en", "sv")
REGIONS = {"en": "gb", "sv": "se"}
# the screens of one card, in the order they are shown
SCREENS = ("card", "explain", "feedback-safe", "explain-unsafe", "feedback-unsafe")


@cache
def shipped_decks(language: str) -> tuple[Deck, ...]:
    result = load_decks(default_deck_paths(language))
    assert result.ok, "\n".join(str(e) for e in result.errors)
    return tuple(result.decks)


def deck_files(language: str) -> list[str]:
    return sorted(Path(d.path).stem for d in shipped_decks(language))


def deck(language: str, stem: str) -> Deck:
    return next(d for d in shipped_decks(language) if Path(d.path).stem == stem)


def language_driver(size: tuple[int, int], language: str) -> Driver:
    """A driver whose UI speaks `language` (the card texts come from the decks we play)."""
    return Driver(size, language=language, region=REGIONS[language], reduced_motion=True)


def unsafe_choice(card: Card) -> int:
    """The not-safe response that fills the feedback screen most: harmful before risky, then
    the longest text and explanation (the hardest case for the layout)."""
    unsafe = [i for i, r in enumerate(card.responses) if r.rating is not Rating.SAFE]
    return max(
        unsafe,
        key=lambda i: (
            card.responses[i].rating is Rating.HARMFUL,
            len(card.responses[i].text) + len(card.responses[i].feedback),
        ),
    )


def wrong_reason(card: Card) -> int:
    """The wrong reason with the most text (the fuller feedback screen)."""
    wrong = [i for i, r in enumerate(card.reasons) if not r.right]
    return max(wrong, key=lambda i: len(card.reasons[i].text) + len(card.reasons[i].feedback))


@dataclass
class Shot:
    card: Card
    screen: str  # one of SCREENS
    records: list[TextRecord]
    scene: Scene  # the scene drawn, for its boxes (the chat area, the option buttons…)


def _open(d: Driver, card: Card) -> None:
    app = d.app
    session = Session(new_state([card], Mode.SOLO))
    app.play = PlayContext(session, GameSetup(mode=Mode.SOLO, count=1, seed=1))
    app.reset(scene_for_play(app, app.play), fade=False)
    d.settle()


def _shot(d: Driver, card: Card, screen: str) -> Shot:
    d.settle()
    assert d.top == screen.split("-")[0], (card.id, screen, d.top)
    return Shot(card, screen, d.texts(), d.app.top)


def play_card(d: Driver, card: Card) -> Iterator[Shot]:
    """Yield the screens of one card; the driver's surface shows the screen while it is yielded."""
    for choice, reason, suffix in (
        (card.best_response_index, card.right_reason_index, "safe"),
        (unsafe_choice(card), wrong_reason(card), "unsafe"),
    ):
        _open(d, card)
        d.press("enter")  # the whole chat, and the options
        if suffix == "safe":
            yield _shot(d, card, "card")
        d.press(str(choice + 1))
        yield _shot(d, card, "explain" if suffix == "safe" else "explain-unsafe")
        if d.app.top is not None and d.app.top.wants_text:
            d.press("enter")  # leave the own-words box empty
        d.press(str(reason + 1))
        yield _shot(d, card, f"feedback-{suffix}")


def play_deck(d: Driver, the_deck: Deck) -> Iterator[Shot]:
    for card in the_deck.cards:
        yield from play_card(d, card)
