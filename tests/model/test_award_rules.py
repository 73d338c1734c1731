"""Who may get a point for a good spoken explanation, and when: the session says (the UI asks)."""

from __future__ import annotations

import pytest

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
