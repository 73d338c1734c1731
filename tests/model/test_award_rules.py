"""Who may get a point for a good spoken explanation, and when: the session says (the UI asks)."""

from __future__ import annotations

import pytest

from game.model.kinds import Rating
from game.model.session import IllegalAction, Mode, Phase, Session

from .test_session import cards  # noqa: F401  (the fixture)


def test_awards_only_in_team_games_once_the_reasons_are_shown(cards) -> None:  # noqa: F811
    solo = Session.start(cards, mode=Mode.SOLO, count=3, seed=1)
    assert not solo.state.can_award
    teams = Session.start(cards, mode=Mode.TEAMS, teams=2, count=3, seed=1)
    assert teams.state.phase is Phase.SCENARIO and not teams.state.can_award
    with pytest.raises(IllegalAction):
        teams.award(0)
    together = Session.start(cards, mode=Mode.TOGETHER, count=3, seed=1)
    assert not together.state.can_award  # no points in a discussion


def test_the_candidates_are_the_teams_answering(cards) -> None:  # noqa: F811
    teams = Session.start(cards, mode=Mode.TEAMS, teams=3, count=3, seed=1)
    assert teams.state.award_candidates == (teams.state.turn,)
    everyone = Session.start(cards, mode=Mode.ALL_TEAMS, teams=3, count=3, seed=1)
    assert everyone.state.award_candidates == (0, 1, 2)


def test_the_model_refuses_an_award_to_a_team_that_did_not_answer(cards) -> None:  # noqa: F811
    """Team turns: only the team whose turn it is may get the point, and a team that stole."""
    teams = Session.start(cards, mode=Mode.TEAMS, teams=3, count=3, seed=1)
    teams.show_options()
    card = teams.state.card
    teams.choose(next(i for i, r in enumerate(card.responses) if r.rating is not Rating.SAFE))
    assert teams.state.phase is Phase.STEAL
    teams.steal(1, card.best_response_index)
    assert teams.state.can_award and teams.state.award_candidates == (0, 1)
    with pytest.raises(IllegalAction, match="team 3 did not answer"):
        teams.award(2)
    assert teams.state.awards == ()
    teams.award(1)
    teams.award(0)
    assert [(a.team, a.points) for a in teams.state.awards] == [(1, 1), (0, 1)]


def test_card_points_add_the_answer_and_the_awards_of_the_card_on_screen(cards) -> None:  # noqa: F811
    everyone = Session.start(cards, mode=Mode.ALL_TEAMS, teams=2, count=3, seed=1)
    everyone.show_options()
    card = everyone.state.card
    for team in (0, 1):
        everyone.enter(team, card.best_response_index)
    everyone.reveal()
    while everyone.state.phase is not Phase.FEEDBACK:
        for team in (0, 1):
            everyone.enter(team, card.right_reason_index)
        everyone.reveal()
    answered = [sum(r.points for r in everyone.state.card_results if r.team == t) for t in (0, 1)]
    everyone.award(1, 2)
    assert [everyone.state.card_points(t) for t in (0, 1)] == [answered[0], answered[1] + 2]
