from __future__ import annotations

import random
from pathlib import Path

import pytest

from game.content.decks import load_decks
from game.model.cards import AgeBand, Card, Rating
from game.model.session import (
    Choose,
    Explain,
    IllegalAction,
    Mode,
    Next,
    Phase,
    Session,
    ShowOptions,
    apply,
    draw_cards,
    new_state,
)

FIXTURE = Path(__file__).resolve().parents[1] / "fixtures" / "good_deck.yaml"


@pytest.fixture(scope="module")
def cards() -> list[Card]:
    return load_decks([FIXTURE]).cards


def play_card(session: Session, response: int, reason: int) -> None:
    session.show_options()
    session.choose(response)
    session.explain(reason)


def test_a_solo_game_goes_scenario_choose_explain_feedback_then_summary(cards) -> None:
    session = Session.start(cards, seed=1)
    phases = [session.phase]
    for _ in cards:
        session.show_options()
        phases.append(session.phase)
        session.choose(0)
        phases.append(session.phase)
        session.explain(0)
        phases.append(session.phase)
        session.next()
        phases.append(session.phase)
    assert phases[:5] == [
        Phase.SCENARIO,
        Phase.CHOOSE,
        Phase.EXPLAIN,
        Phase.FEEDBACK,
        Phase.SCENARIO,
    ]
    assert phases[-1] is Phase.SUMMARY


def test_scoring_is_three_one_zero_plus_one_for_the_right_reason(cards) -> None:
    card = cards[0]  # harmful, risky, safe; right reason is the first
    session = Session(new_state([card, card, card]))
    for response, reason in [(2, 0), (1, 1), (0, 0)]:
        play_card(session, response, reason)
        session.next()
    points = [r.points for r in session.state.results]
    assert points == [4, 1, 1]
    assert session.state.scores == (6,)


def test_teams_take_cards_in_turn_and_score_separately(cards) -> None:
    session = Session(new_state(cards, Mode.TEAMS, teams=2))
    turns = []
    for _ in cards:
        turns.append(session.state.turn)
        play_card(session, session.state.card.best_response_index, 0)
        session.next()
    assert turns == [0, 1, 0]
    assert len(session.state.scores) == 2


def test_team_count_outside_two_to_six_is_refused(cards) -> None:
    with pytest.raises(IllegalAction):
        new_state(cards, Mode.TEAMS, teams=7)
    with pytest.raises(IllegalAction):
        new_state(cards, Mode.TEAMS, teams=1)


def test_default_teams_have_letters_and_shapes_not_only_colours(cards) -> None:
    state = new_state(cards, Mode.TEAMS, teams=6)
    assert len({t.letter for t in state.teams}) == 6
    assert len({t.shape for t in state.teams}) == 6


def test_the_age_band_filter_and_count_and_seed_decide_the_draw(cards) -> None:
    a = draw_cards(cards, AgeBand.YOUNG_TEENS, 2, random.Random(5))
    b = draw_cards(cards, AgeBand.YOUNG_TEENS, 2, random.Random(5))
    assert a == b
    assert all(AgeBand.YOUNG_TEENS in c.age_bands for c in a)
    assert len(draw_cards(cards, None, None, random.Random(1))) == len(cards)
    with pytest.raises(IllegalAction):
        draw_cards(cards, AgeBand.ADULTS, None, random.Random(1))


@pytest.mark.parametrize("action", [Choose(0), Explain(0), Next()])
def test_actions_out_of_phase_are_rejected_with_an_error(cards, action) -> None:
    with pytest.raises(IllegalAction):
        apply(new_state(cards), action)


def test_choosing_a_response_that_does_not_exist_is_rejected(cards) -> None:
    state = apply(new_state(cards), ShowOptions())
    with pytest.raises(IllegalAction, match="no response 9"):
        apply(state, Choose(8))


def test_ending_early_goes_to_the_summary_and_counts_only_played_cards(cards) -> None:
    session = Session(new_state(cards))
    play_card(session, 0, 0)
    session.end_early()
    assert session.phase is Phase.SUMMARY and len(session.state.results) == 1
    with pytest.raises(IllegalAction):
        session.end_early()


def test_the_first_safe_response_is_the_best(cards) -> None:
    for card in cards:
        assert card.responses[card.best_response_index].rating is Rating.SAFE


# The property tests (random sequences of every action) are in test_properties.py.
