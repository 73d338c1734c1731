"""Fairness across the answers: on the All-teams card (every step with options) and on the steal
screen (the teams, then the stealing team's options), every label of one screen is drawn at one
size, for every card of the shipped English and Swedish decks. An answer drawn larger than the
rest (the one short enough for one line, often the safe one) is an answer given away. And the
steal screen uses the width: the teams span it as their options do, and the team's choice is
quoted at the answers' size in a box no wider than its lines."""

from __future__ import annotations

from collections.abc import Iterator

import pygame
import pytest

from game import i18n
from game.model.cards import Card, Rating
from game.model.session import Mode, Options, Phase, Session, new_state
from game.ui.app import GameSetup, PlayContext
from game.ui.flow import scene_for_play

from .card_walk import LANGUAGES, REGIONS, plain, shipped_decks
from .driver import Driver
from .test_group_play_ui import letter

# the projector at the largest text size on the usual projector, and the default theme at 720p
LOOKS = [((1024, 768), "projector", 1.65), ((1280, 720), "default", 1.0)]
CASES = [(lang, *look) for lang in LANGUAGES for look in LOOKS]


@pytest.fixture(autouse=True)
def _back_to_english() -> Iterator[None]:
    """The language is process-wide: never leak Swedish into the next test."""
    yield
    i18n.set_language("en")
    pygame.quit()


def _open(d: Driver, card: Card, mode: Mode, options: Options) -> None:
    """A session of `card` alone in `mode`, three teams, at its card."""
    session = Session(new_state([card], mode, teams=3, options=options))
    d.app.play = PlayContext(session, GameSetup(mode=mode, teams=3, count=1, seed=1))
    d.app.reset(scene_for_play(d.app, d.app.play), fade=False)
    d.settle()


def _sizes(d: Driver, buttons: list) -> set[int]:
    """The sizes the labels of `buttons` are drawn at (each label seen once at least)."""
    labels = {plain(b.text) for b in buttons}
    drawn = [r for r in d.texts() if plain(r.text) in labels]
    assert {plain(r.text) for r in drawn} == labels, (labels, [r.text for r in d.texts()])
    return {r.size for r in drawn}


def _unsafe(card: Card) -> int:
    return next(i for i, r in enumerate(card.responses) if r.rating is not Rating.SAFE)


def one_size_cases(d: Driver, card: Card) -> Iterator[tuple[str, set[int]]]:
    """(screen, the sizes its labels are drawn at) for the All-teams card's steps with options
    and the steal screen's two views."""
    _open(d, card, Mode.ALL_TEAMS, Options(spot=True, name=True))  # every class step
    d.press("enter")  # the whole chat
    steps = []
    while d.top == "enter-choices" and len(steps) < 4:
        steps.append(d.phase)
        yield f"all-teams {d.phase}", _sizes(d, d.app.top.options)
        d.press("1", "1", "1", "enter")  # every team enters, then reveal
    assert steps[-1] == Phase.CHOOSE.value, (card.id, steps)
    _open(d, card, Mode.TEAMS, Options())
    d.press("enter")
    d.press(str(d.app.play.session.state.response_order.index(_unsafe(card)) + 1))
    assert d.top == "steal", (card.id, d.top)
    scene = d.app.top
    yield "steal teams", _sizes(d, scene.team_btns)
    letter(d, "c")  # team C steals
    yield "steal options", _sizes(d, scene.option_btns)


@pytest.mark.slow  # every shipped card, in both languages
@pytest.mark.parametrize(
    ("lang", "size", "theme", "scale"),
    CASES,
    ids=[f"{lang}-{s[0]}x{s[1]}-{theme}-x{scale}" for lang, s, theme, scale in CASES],
)
def test_every_answer_of_a_screen_is_drawn_at_one_size(lang, size, theme, scale) -> None:
    d = Driver(
        size,
        language=lang,
        region=REGIONS[lang],
        reduced_motion=True,
        theme=theme,
        text_scale=scale,
    )
    singled_out = [
        f"{card.id} {screen}: {sorted(sizes)}"
        for a_deck in shipped_decks(lang)
        for card in a_deck.cards
        for screen, sizes in one_size_cases(d, card)
        if len(sizes) != 1
    ]
    assert not singled_out, "labels of one screen at different sizes:\n" + "\n".join(singled_out)


@pytest.mark.parametrize("look", LOOKS, ids=lambda look: f"{look[0][0]}x{look[0][1]}-{look[1]}")
def test_the_steal_screen_uses_the_width(look) -> None:
    size, theme, scale = look
    d = Driver(size, reduced_motion=True, theme=theme, text_scale=scale)
    card = shipped_decks("en")[0].cards[0]
    _open(d, card, Mode.TEAMS, Options())
    d.press("enter")
    d.press(str(d.app.play.session.state.response_order.index(_unsafe(card)) + 1))
    scene = d.app.top
    widths = {b.rect.w for b in scene.team_btns + [scene.no_btn]}
    letter(d, "c")
    assert widths == {b.rect.w for b in scene.option_btns}, "the teams as wide as the options"
    said = next(r for r in d.texts() if r.text == scene.chosen_line())
    assert said.size == scene.option_btns[0].size, "the choice at the answers' size"
    assert scene.chosen.w - said.rect.w <= 2 * scene.ui.m.unit * 1.8 + 2, "its box hugs its lines"
