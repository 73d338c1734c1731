"""Property tests: random sequences of every action of the rules (group ones too), in every mode
and with every step on or off, keep the rules' invariants.

A refused action leaves the state as it was; an accepted one gives a state where no score is
negative, scores add up, the steps of a card come in order, a card is scored once per team, and
each action changes only what it is about. `apply` is pure (its input is untouched and the same
call gives the same state), and the history replays, saves and goes back to the same states.
"""

from __future__ import annotations

import pickle
from dataclasses import fields, replace
from pathlib import Path
from typing import get_args

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from game.content.decks import load_decks
from game.model.cards import Card
from game.model.kinds import Mode, Phase
from game.model.record import SessionRecord, rebuild, record_of
from game.model.session import (
    MAX_AWARD,
    Action,
    Award,
    Enter,
    IllegalAction,
    Options,
    Session,
    SessionState,
    UndoAward,
    apply,
    best_points,
    new_state,
    replay,
)

from .actions import action_strategies, actions

FIXTURE = Path(__file__).resolve().parents[1] / "fixtures" / "good_deck.yaml"
# The order of a card's steps; a card only moves forward through them.
STEPS = list(Phase)


@pytest.fixture(scope="module")
def cards() -> list[Card]:
    """Nine cards: the fixture's three, three times over with their own ids; the first two
    copies have the flag in the last message (a spot step), the third in the setup (none)."""
    base = load_decks([FIXTURE]).cards
    return [
        c.model_copy(update={"id": f"{c.id}-{i}", "flag_at": [len(c.chat)] if i < 2 else "setup"})
        for i in range(3)
        for c in base
    ]


def test_the_strategies_generate_every_action_of_the_rules() -> None:
    assert set(action_strategies(2)) == set(get_args(Action))


def test_apply_has_a_rule_for_every_action(cards) -> None:
    state = new_state(cards, Mode.ALL_TEAMS, 3)
    for kind in get_args(Action):
        action = kind(*(0 for _ in fields(kind)))
        try:
            apply(state, action)
        except IllegalAction as refused:
            assert "unknown action" not in str(refused), kind


def check_step(before: SessionState, action: Action, after: SessionState) -> None:
    """What every accepted action keeps true."""
    # scores: never negative, and the sum of what the results and the awards give
    assert all(score >= 0 for score in after.scores)
    assert sum(after.scores) == sum(r.points for r in after.results) + sum(
        a.points for a in after.awards
    )
    # results are only added, one per team and card, for cards dealt so far, within the card's best
    assert after.results[: len(before.results)] == before.results
    assert len({(r.card_id, r.team) for r in after.results}) == len(after.results)
    dealt = {c.id: c for c in after.cards[: after.index + 1]}
    for r in after.results:
        assert r.card_id in dealt and 0 <= r.team < len(after.teams)
        assert 0 <= r.points <= best_points(dealt[r.card_id], after.options)
        assert r.spot_right is None or after.options.spot
        assert r.name_right is None or after.options.name
    # awards: 1 to MAX_AWARD points to a team that exists, one at a time, only by Award/UndoAward
    assert all(1 <= a.points <= MAX_AWARD and 0 <= a.team < len(after.teams) for a in after.awards)
    if isinstance(action, Award):  # only a team that answered the card (or stole it)
        assert before.can_award and action.team in before.award_candidates
    if isinstance(action, (Award, UndoAward)):
        assert replace(after, awards=before.awards) == before
        assert abs(len(after.awards) - len(before.awards)) == 1
    else:
        assert after.awards == before.awards
    if isinstance(action, Enter):  # an entry changes the entries and nothing else
        assert replace(after, entries=before.entries) == before
    # the steps: forward within a card, then the next card from its start; the summary is the
    # end (the rules still take an award back there; the UI offers it only during a card)
    if before.phase is Phase.SUMMARY:
        assert isinstance(action, UndoAward), f"{action} was accepted after the summary"
    if after.index == before.index:
        assert STEPS.index(after.phase) >= STEPS.index(before.phase)
    else:
        assert after.index == before.index + 1
        assert after.phase is Phase.SCENARIO
    # what each step needs
    if after.phase is Phase.SCENARIO:
        assert after.choice is None and after.reason is None and after.entries == ()
        assert after.steal is None
    if after.phase is Phase.SPOT:
        assert after.options.spot and after.spots
    if after.phase is Phase.NAME:
        assert after.options.name and after.names
    if after.phase is Phase.STEAL:
        assert after.mode is Mode.TEAMS and after.choice is not None
    if after.phase is Phase.EXPLAIN:
        assert after.choice is not None or after.team_choices
    if after.phase is Phase.FEEDBACK:
        assert after.card_results


# Games of up to 240 actions take a while to draw on a busy machine, and a few run past
# hypothesis's data budget (those are dropped): neither is a failure of the rules.
_LONG_GAMES = [HealthCheck.too_slow, HealthCheck.data_too_large]
_GAMES = {
    "data": st.data(),
    "mode": st.sampled_from(list(Mode)),
    "teams": st.integers(2, 6),
    "spot": st.booleans(),
    "name": st.booleans(),
    "shuffle": st.booleans(),
}


@settings(max_examples=40, deadline=None, suppress_health_check=_LONG_GAMES)
@given(**_GAMES)
def test_random_play_of_every_action_keeps_the_invariants(
    cards, data, mode, teams, spot, name, shuffle
) -> None:
    """The inner loop's share; the slow test below plays ten times as many games."""
    play_randomly(cards, data, mode, teams, spot, name, shuffle)


@pytest.mark.slow  # 400 games of up to 240 actions
@settings(max_examples=400, deadline=None, suppress_health_check=_LONG_GAMES)
@given(**_GAMES)
def test_many_random_games_of_every_action_keep_the_invariants(
    cards, data, mode, teams, spot, name, shuffle
) -> None:
    play_randomly(cards, data, mode, teams, spot, name, shuffle)


def play_randomly(
    cards: list[Card],
    data: st.DataObject,
    mode: Mode,
    teams: int,
    spot: bool,
    name: bool,
    shuffle: bool,
) -> None:
    start = new_state(cards, mode, teams, Options(spot=spot, name=name, shuffle=shuffle, seed=5))
    session = Session(start)
    states = [start]
    for action in data.draw(actions(teams)):
        before = session.state
        frozen = pickle.dumps(before)
        try:
            after = apply(before, action)
        except IllegalAction:
            assert pickle.dumps(before) == frozen  # refused: nothing changed
            continue
        assert pickle.dumps(before) == frozen  # apply never changes its input...
        assert apply(before, action) == after  # ...and gives the same state every time
        check_step(before, action, after)
        assert session.do(action) == after
        states.append(after)
    # the history rebuilds the state: replayed, and saved and read back as a player resumes it
    assert replay(start, session.history) == session.state
    record = SessionRecord.from_dict(record_of(session, "en", ["test-deck"]).to_dict())
    assert rebuild(record, cards).state == session.state
    # and the facilitator's "oops" goes back through every state to the start
    for expected in reversed(states[:-1]):
        assert session.back() == expected
    assert not session.can_go_back
