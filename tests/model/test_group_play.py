"""Group modes: team turns with steals, all-teams entry, together, awards and undo, skips."""

from __future__ import annotations

from pathlib import Path

import pytest

from game.content.decks import load_decks
from game.model.cards import Rating
from game.model.record import (
    RecordError,
    SessionRecord,
    action_from_dict,
    rebuild,
    record_of,
)
from game.model.session import IllegalAction, Mode, Phase, Session, new_state

FIXTURE = Path(__file__).resolve().parents[1] / "fixtures" / "good_deck.yaml"


@pytest.fixture(scope="module")
def cards():
    return load_decks([FIXTURE]).cards


def unsafe(card) -> int:
    return next(i for i, r in enumerate(card.responses) if r.rating is not Rating.SAFE)


def test_a_wrong_team_answer_opens_a_steal_and_a_safe_steal_scores_three(cards) -> None:
    s = Session(new_state(cards, Mode.TEAMS, teams=3))
    s.show_options()
    s.choose(unsafe(s.state.card))
    assert s.phase is Phase.STEAL
    with pytest.raises(IllegalAction, match="own card"):
        s.steal(0, 0)
    s.steal(2, s.state.card.best_response_index)
    # the steal showed the safe answer: the first team does not answer "why" after it
    assert s.phase is Phase.FEEDBACK
    with pytest.raises(IllegalAction):
        s.explain(s.state.card.right_reason_index)
    assert s.state.scores[2] == 3
    assert s.state.scores[0] in (0, 1)  # never as much as the safe steal
    first = s.state.card_results[0]
    assert first.team == 0 and first.reason is None and not first.reason_right


def test_a_safe_team_answer_goes_straight_to_explain(cards) -> None:
    s = Session(new_state(cards, Mode.TEAMS, teams=2))
    s.show_options()
    s.choose(s.state.card.best_response_index)
    assert s.phase is Phase.EXPLAIN


def test_nobody_stealing_goes_on_to_explain(cards) -> None:
    s = Session(new_state(cards, Mode.TEAMS, teams=2))
    s.show_options()
    s.choose(unsafe(s.state.card))
    s.no_steal()
    assert s.phase is Phase.EXPLAIN


def test_all_teams_enter_their_choices_then_reveal(cards) -> None:
    s = Session(new_state(cards, Mode.ALL_TEAMS, teams=3))
    s.show_options()
    with pytest.raises(IllegalAction, match="enters each team"):
        s.choose(0)
    s.enter(0, 0)
    s.enter(1, 2)
    with pytest.raises(IllegalAction, match="waiting for the choice of team C"):
        s.reveal()
    s.enter(2, 1)
    s.enter(2, 2)  # a team may change its mind before the reveal
    s.reveal()
    assert s.phase is Phase.EXPLAIN
    s.enter(1, s.state.card.right_reason_index)
    s.reveal()
    assert s.phase is Phase.FEEDBACK
    results = s.state.card_results
    assert [r.response for r in results] == [0, 2, 2]
    assert [r.reason_right for r in results] == [False, True, False]


def test_together_mode_has_one_group_and_no_awards(cards) -> None:
    s = Session(new_state(cards, Mode.TOGETHER))
    assert [t.name for t in s.state.teams] == ["Everyone"]
    assert not Mode.TOGETHER.keeps_score
    s.show_options()
    s.choose(0)
    with pytest.raises(IllegalAction):
        s.award(0)


def test_awards_add_points_and_undo_takes_back_only_the_last(cards) -> None:
    s = Session(new_state(cards, Mode.TEAMS, teams=2))
    s.show_options()
    s.choose(unsafe(s.state.card))
    s.steal(1, s.state.card.best_response_index)  # team 2 stole: both may get a point
    before = s.state.scores
    s.award(0)
    s.award(1, 2)
    assert s.state.scores == (before[0] + 1, before[1] + 2)
    s.undo_award()
    assert s.state.scores == (before[0] + 1, before[1])
    s.undo_award()
    with pytest.raises(IllegalAction, match="no award"):
        s.undo_award()


def test_awards_are_refused_outside_explain_and_feedback(cards) -> None:
    s = Session(new_state(cards, Mode.TEAMS, teams=2))
    with pytest.raises(IllegalAction):
        s.award(0)


def test_skipping_moves_on_without_scoring_and_the_last_skip_ends(cards) -> None:
    s = Session(new_state(cards, Mode.TEAMS, teams=2))
    s.skip()
    assert s.state.index == 1 and not s.state.results
    s.show_options()
    s.skip()
    s.skip()
    assert s.phase is Phase.SUMMARY
    assert s.state.skipped == tuple(c.id for c in cards)


def test_back_returns_exactly_the_previous_state(cards) -> None:
    s = Session(new_state(cards, Mode.TEAMS, teams=2))
    s.show_options()
    before = s.state
    s.choose(0)
    s.back()
    assert s.state == before and s.phase is Phase.CHOOSE
    with pytest.raises(IllegalAction):
        Session(new_state(cards)).back()


def test_end_early_goes_to_the_summary_in_any_mode(cards) -> None:
    for mode in Mode:
        s = Session(new_state(cards, mode, teams=2))
        s.end_early()
        assert s.phase is Phase.SUMMARY


def test_a_session_record_replays_to_the_same_state(cards) -> None:
    s = Session(new_state(cards, Mode.TEAMS, teams=3))
    s.show_options()
    s.choose(unsafe(s.state.card))
    s.steal(1, s.state.card.best_response_index)
    s.award(1)
    record = record_of(s, "en", ["x.yaml"])
    again = rebuild(SessionRecord.from_dict(record.to_dict()), cards)
    assert again.state == s.state


def test_a_damaged_record_is_an_error_not_a_crash(cards) -> None:
    with pytest.raises(RecordError):
        SessionRecord.from_dict({"version": 1})
    with pytest.raises(RecordError):
        action_from_dict({"type": "os.system", "cmd": "x"})
    with pytest.raises(RecordError):
        action_from_dict({"type": "Choose", "response": "1"})
    record = SessionRecord("teams", 2, "en", (), ("gone",), ())
    with pytest.raises(RecordError, match="gone"):
        rebuild(record, cards)


def test_an_old_save_with_a_why_after_a_steal_still_loads(cards) -> None:
    s = Session(new_state(cards, Mode.TEAMS, teams=3))
    s.show_options()
    s.choose(unsafe(s.state.card))
    s.steal(1, s.state.card.best_response_index)
    data = record_of(s, "en", ["x.yaml"]).to_dict()
    steal_at = next(i for i, a in enumerate(data["actions"]) if a["type"] == "Steal")
    data["actions"].insert(steal_at + 1, {"type": "Explain", "reason": 0})  # the old rules
    again = rebuild(SessionRecord.from_dict(data), cards)
    assert again.state == s.state
