"""Hypothesis strategies for the session's actions: every action of the rules, group ones too.

`action_strategies` has one entry per type in the `Action` union (a test checks), so a new action
cannot be left out of the property tests. Indexes run one past both ends (-1, and one past the
last team or option) so refusals are generated as well as legal moves.
"""

from __future__ import annotations

from hypothesis import strategies as st

from game.model.session import (
    MAX_AWARD,
    Award,
    Choose,
    EndEarly,
    Enter,
    Explain,
    Name,
    Next,
    NoSteal,
    Reveal,
    ShowOptions,
    Skip,
    Spot,
    Steal,
    UndoAward,
)

OPTIONS = 5  # no card has more chat messages, tactic names, responses or reasons to pick from


def action_strategies(teams: int) -> dict[type, st.SearchStrategy]:
    """For each action type, its values in a game of `teams` teams."""
    team = st.integers(-1, teams)
    option = st.integers(-1, OPTIONS)
    return {
        ShowOptions: st.just(ShowOptions()),
        Spot: st.builds(Spot, option),
        Name: st.builds(Name, option),
        Choose: st.builds(Choose, option),
        Explain: st.builds(Explain, option),
        Next: st.just(Next()),
        EndEarly: st.just(EndEarly()),
        Enter: st.builds(Enter, team, option),
        Reveal: st.just(Reveal()),
        Steal: st.builds(Steal, team, option),
        NoSteal: st.just(NoSteal()),
        Award: st.builds(Award, team, st.integers(0, MAX_AWARD + 1)),
        UndoAward: st.just(UndoAward()),
        Skip: st.just(Skip()),
    }


# How often each type comes up, against 10 for the rest: ending and skipping end a session
# early, in All teams every team's Enter comes before a Reveal, and a steal has one chance.
_WEIGHTS = {EndEarly: 1, Skip: 2, Enter: 40, Steal: 25}


def actions(teams: int, min_size: int = 60, max_size: int = 240) -> st.SearchStrategy:
    """A list of actions of every type, for a game of `teams` teams: long enough to play a
    few cards (hypothesis keeps most lists short unless told)."""
    weighted = [s for t, s in action_strategies(teams).items() for _ in range(_WEIGHTS.get(t, 10))]
    return st.lists(
        st.sampled_from(weighted).flatmap(lambda s: s), min_size=min_size, max_size=max_size
    )
