"""The presenter view: notes, the safe move, scores and keys in a second window; the class
window never shows the notes. With one display (no presenter) the notes stay behind N and are
never drawn while answers are open (see test_group_play_ui)."""

from __future__ import annotations

import pygame
import pytest

from game.content.decks import default_deck_paths
from game.content.plans import load_plans, plan_paths
from game.model.session import Mode, Phase
from game.ui import services
from game.ui.app import GameSetup
from tests.ui.driver import Driver
from tests.ui.test_screens import check_layout


def letter(d: Driver, ch: str) -> None:
    d.app.feed(
        pygame.event.Event(
            pygame.KEYDOWN, key=getattr(pygame, f"K_{ch}"), mod=0, unicode=ch, scancode=0
        )
    )
    d.frame()
    d.settle()


def note_texts(card) -> list[str]:
    """What only the facilitator may see before the answers are in."""
    texts = [*card.discuss, "Facilitator notes", "Ask the group"]
    if card.facilitator_tip:
        texts.append(card.facilitator_tip)
    return [t[:40] for t in texts]


def shown(records, fragment: str) -> bool:
    return any(fragment in r.text for r in records)


@pytest.fixture
def planned(make_driver):
    """A 6-card Team-turns lesson from a shipped plan, with the presenter window forced on."""
    d: Driver = make_driver((1024, 768), presenter=True)
    d.app.decks = services.load_decks(default_deck_paths("en")).decks
    plan = load_plans(plan_paths("en"), [c for x in d.app.decks for c in x.cards]).plans[0]
    if d.top == "content-note":
        d.press("enter")
    d.app.choose_plan(plan)
    setup = GameSetup(mode=Mode.TEAMS, teams=3, seed=1, plan=plan, presenter=True)
    assert d.app.start_game(setup) is None
    d.settle()
    assert d.top == "facilitator-intro"
    d.press("enter")
    return d, plan


def test_a_planned_lesson_plays_its_cards_in_order_with_notes_only_in_the_presenter(
    planned,
) -> None:
    d, plan = planned
    presenter = d.app.presenter
    assert presenter is not None
    presenter.ui.log.enabled = True
    session = d.app.play.session
    assert [c.id for c in session.state.cards] == plan.cards
    seen = set()
    while session.state.phase is not Phase.SUMMARY:
        card = session.state.card
        letter(d, "n")  # N never opens them on the class screen while the presenter is open
        presenter.draw()
        on_class = d.texts()
        on_presenter = list(presenter.ui.log.records)
        for text in note_texts(card):
            assert not shown(on_class, text), (d.top, text)
        assert shown(on_presenter, card.discuss[0][:40]), d.top
        assert shown(on_presenter, "Safe move")
        check_layout(on_presenter, presenter.window.size)
        seen.add(d.top)
        if session.state.phase is Phase.SCENARIO:
            d.press("enter")
        elif session.state.phase is Phase.CHOOSE:
            d.press("2")
        elif session.state.phase is Phase.STEAL:
            d.press("enter")
        elif session.state.phase is Phase.EXPLAIN:
            d.press("1")
        else:
            d.press("enter")
        d.settle()
    assert {"card", "explain", "feedback"} <= seen
    assert len(session.state.results) >= 6
    presenter.draw()
    assert shown(presenter.ui.log.records, plan.title)


def test_presenter_keys_work_and_clicks_are_not_passed_on(planned) -> None:
    d, _ = planned
    window = d.app.presenter.window
    d.app.feed(
        pygame.event.Event(
            pygame.KEYDOWN, key=pygame.K_RETURN, mod=0, unicode="\r", scancode=0, window=window
        )
    )
    d.settle()
    assert d.app.play.session.state.phase is Phase.CHOOSE
    d.app.feed(
        pygame.event.Event(
            pygame.MOUSEBUTTONDOWN, pos=(10, 10), button=1, touch=False, window=window
        )
    )
    d.settle()
    assert d.app.play.session.state.phase is Phase.CHOOSE
    d.app.feed(pygame.event.Event(pygame.WINDOWCLOSE, window=window))
    assert d.app.presenter is None and d.app.running


def test_presenter_is_offered_only_with_two_displays_or_the_option(make_driver) -> None:
    d = make_driver((1024, 768), presenter=None)
    assert pygame.display.get_num_displays() == 1
    assert not d.app.presenter_offered
    d.app.options.presenter = True
    assert d.app.presenter_offered
