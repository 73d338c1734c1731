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


def test_the_presenter_shows_the_card_timer_and_the_time_per_card_and_lesson(
    make_driver,
) -> None:
    """The same clock as the class screen's timer pill: the countdown as it shows there, this
    card's time (of the plan's minutes per card) and the lesson's (of the plan's minutes);
    a new card starts its time again, the lesson's runs on and stops at the results."""
    clock = [1000.0]
    d: Driver = make_driver((1024, 768), presenter=True, now=lambda: clock[0])
    d.app.decks = services.load_decks(default_deck_paths("en")).decks
    plan = load_plans(plan_paths("en"), [c for x in d.app.decks for c in x.cards]).plans[0]
    if d.top == "content-note":
        d.press("enter")
    d.app.choose_plan(plan)
    setup = GameSetup(mode=Mode.TEAMS, teams=2, seed=1, plan=plan, presenter=True, timer=60)
    assert d.app.start_game(setup) is None
    d.settle()
    d.press("enter")  # the facilitator's intro
    presenter = d.app.presenter
    assert presenter is not None
    presenter.ui.log.enabled = True
    session = d.app.play.session

    def on_presenter() -> list[str]:
        d.frame()  # the App's update follows the clock and marks the window for a redraw
        if presenter.dirty:
            presenter.draw()
        return [r.text for r in presenter.ui.log.records]

    d.press("enter")  # the options: the card timer runs
    assert session.state.phase is Phase.CHOOSE
    clock[0] += 15
    texts = on_presenter()
    assert "Card timer: 0:45" in texts, texts
    assert d.shows("0:45")  # the class screen's pill shows the same time
    card_line = f"This card: 0:15 of {plan.minutes_per_card} min"
    assert card_line in texts or f"This card: 0:16 of {plan.minutes_per_card} min" in texts
    assert any(t.startswith("Lesson: 0:1") and t.endswith(f"of {plan.minutes} min") for t in texts)
    check_layout(presenter.ui.log.records, presenter.window.size)
    d.app.update(0.01)
    assert not presenter.dirty  # no time shown has changed: nothing to redraw
    clock[0] += 1
    d.app.update(0.01)
    assert presenter.dirty  # a second later it is redrawn (the idle loop wakes every second)
    # the next card: its own time starts again, the lesson's runs on
    index = session.state.index
    while session.state.index == index and session.state.phase is not Phase.SUMMARY:
        d.press({Phase.CHOOSE: "2", Phase.EXPLAIN: "1"}.get(session.state.phase, "enter"))
    clock[0] += 120
    texts = on_presenter()
    assert f"This card: 2:00 of {plan.minutes_per_card} min" in texts, texts
    assert any(t.startswith("Lesson: 2:1") for t in texts), texts
    # the results: the lesson's time stops
    session.end_early()
    d.app.follow_session()
    d.settle()
    texts = on_presenter()
    lesson = [t for t in texts if t.startswith("Lesson: ")]
    clock[0] += 300
    assert [t for t in on_presenter() if t.startswith("Lesson: ")] == lesson
    assert not any(t.startswith("This card: ") for t in texts)


def test_the_presenter_takes_a_settings_change_made_while_it_is_open(make_driver) -> None:
    """Theme, text size, line spacing and language changed while the presenter window is open
    reach it too, at its own size (it kept the look it opened with)."""
    from game.ui import prefs

    d: Driver = make_driver((1024, 768), presenter=True)
    if d.top == "content-note":
        d.press("enter")
    assert d.app.start_game(GameSetup(mode=Mode.TEAMS, teams=3, seed=1, presenter=True)) is None
    d.settle()
    presenter = d.app.presenter
    presenter.window.size = (900, 700)
    presenter.feed(pygame.event.Event(pygame.WINDOWSIZECHANGED, window=presenter.window))
    before = presenter.ui.m.body
    try:
        prefs.change(d.app, theme="projector", text_scale=1.65, line_spacing=1.5, language="sv")
        d.frame()
        ui = presenter.ui
        assert (ui.theme.name, ui.m.projector, ui.m.text_scale) == ("projector", True, 1.65)
        assert ui.engine.line_spacing == 1.5 and ui.m.body > before
        assert (ui.m.w, ui.m.h) == presenter.window.size == (900, 700)
        presenter.draw()
        records = list(ui.log.records)
        assert shown(records, "Lärarvy")  # the heading, in Swedish
        check_layout(records, presenter.window.size)
    finally:
        services.set_language("en")  # the language is process-wide
