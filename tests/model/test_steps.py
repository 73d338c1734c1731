"""The four steps of a card (spot the red flag, name the trick, choose the move, explain why),
their scoring, the shuffled display order, the summary's counts, "Practise the ones you missed",
and saves that keep the options (old saves still load)."""

from __future__ import annotations

import itertools
from pathlib import Path

import pytest

from game.content.decks import load_decks
from game.model.cards import AgeBand, Card, Rating, Tag
from game.model.record import SessionRecord, rebuild, record_of
from game.model.session import (
    MOVE_POINTS,
    NAME_POINTS,
    SPOT_POINTS,
    STEAL_POINTS,
    WHY_POINTS,
    CardResult,
    IllegalAction,
    Mode,
    Name,
    Options,
    Phase,
    Session,
    ShowOptions,
    Spot,
    apply,
    best_points,
    missed_tactics,
    name_options,
    new_state,
    practice_cards,
    response_order,
    scoring_rules,
    step_counts,
)

FIXTURE = Path(__file__).resolve().parents[1] / "fixtures" / "good_deck.yaml"
ALL_ON = Options(spot=True, name=True, shuffle=True, seed=7)


@pytest.fixture(scope="module")
def plain() -> list[Card]:
    return load_decks([FIXTURE]).cards


@pytest.fixture(scope="module")
def cards(plain) -> list[Card]:
    """The fixture's cards with a flag message each (the third card: in the setup)."""
    flags: list = [[3], [3], "setup"]
    return [c.model_copy(update={"flag_at": f}) for c, f in zip(plain, flags)]


def adult(card: Card) -> Card:
    return card.model_copy(update={"age_bands": [AgeBand.ADULTS], "id": card.id + "-adults"})


def right_name(state) -> int:
    return next(i for i, t in enumerate(state.name_options) if t in state.card.tags)


def wrong_name(state) -> int:
    return next(i for i, t in enumerate(state.name_options) if t not in state.card.tags)


# --- the steps ---------------------------------------------------------------------------


def test_by_default_spot_and_name_are_off_so_todays_screens_keep_working(cards) -> None:
    s = Session.start(cards, seed=3)
    assert s.state.options.spot is False and s.state.options.name is False
    s.show_options()
    assert s.phase is Phase.CHOOSE
    assert s.state.response_order == tuple(range(len(s.state.card.responses)))


def test_all_four_steps_in_order_and_a_perfect_card_earns_the_most(cards) -> None:
    s = Session(new_state(cards[:1], options=ALL_ON))
    s.show_options()
    assert s.phase is Phase.SPOT
    assert s.state.flag_messages == (2,)
    s.spot(2)
    assert s.phase is Phase.NAME
    assert s.state.spot_right(0) is True
    s.name(right_name(s.state))
    assert s.phase is Phase.CHOOSE and s.state.name_right(0) is True
    s.choose(s.state.card.best_response_index)
    s.explain(s.state.card.right_reason_index)
    result = s.state.results[-1]
    assert (result.spot_right, result.name_right, result.reason_right) == (True, True, True)
    assert result.points == best_points(cards[0], ALL_ON) == 6 == s.state.best_score


def test_a_wrong_spot_and_name_earn_nothing_and_are_remembered(cards) -> None:
    s = Session(new_state(cards[:1], options=ALL_ON))
    s.show_options()
    s.spot(0)
    wrong = wrong_name(s.state)
    s.name(wrong)
    s.choose(s.state.card.best_response_index)
    s.explain(s.state.card.right_reason_index)
    r = s.state.results[-1]
    assert r.spot == 0 and r.spot_right is False and r.name_right is False
    assert r.name == s.state.name_options[wrong]
    assert r.points == MOVE_POINTS[Rating.SAFE] + WHY_POINTS and r.missed


def test_spot_is_skipped_for_a_flag_in_the_setup_a_missing_flag_and_adults(plain, cards) -> None:
    for card in (cards[2], plain[0], adult(cards[0])):
        s = Session(new_state([card], options=ALL_ON))
        s.show_options()
        assert s.phase is Phase.NAME, card.id
        assert best_points(card, ALL_ON) == 5
    s = Session(new_state([cards[0]], options=Options(spot=True)))
    s.show_options()
    assert s.phase is Phase.SPOT
    s.spot(2)
    assert s.phase is Phase.CHOOSE  # name is off


def test_out_of_range_and_out_of_phase_spots_and_names_are_refused(cards) -> None:
    state = apply(new_state(cards[:1], options=ALL_ON), ShowOptions())
    with pytest.raises(IllegalAction, match="no message 4"):
        apply(state, Spot(3))
    with pytest.raises(IllegalAction):
        apply(state, Name(0))
    with pytest.raises(IllegalAction, match="no tactic 5"):
        apply(apply(state, Spot(0)), Name(4))
    with pytest.raises(IllegalAction):
        apply(new_state(cards[:1], options=ALL_ON), Spot(0))


def test_a_card_can_be_skipped_during_spot_and_name(cards) -> None:
    s = Session(new_state(cards, options=ALL_ON))
    s.show_options()
    s.skip()
    assert s.state.index == 1 and s.phase is Phase.SCENARIO and s.state.spot_picks == ()


# --- the tactic names ----------------------------------------------------------------------


def test_name_options_hold_the_cards_first_tag_only_and_fill_up_to_four(cards) -> None:
    for card in cards + [adult(cards[0])]:
        offered = name_options(card, ALL_ON)
        assert len(offered) == 4 and len(set(offered)) == 4
        assert [t for t in offered if t in card.tags] == [card.tags[0]]  # one right answer
        if AgeBand.ADULTS not in card.age_bands:
            assert Tag.ADULT_RESPONSE not in offered


def test_name_options_prefer_the_tactics_the_glossary_says_are_confused(cards) -> None:
    card = cards[1]  # secrecy only
    confused = {Tag.SECRECY: [Tag.FLATTERY, Tag.PLATFORM_SWITCH, Tag.TELLING]}
    offered = name_options(card, ALL_ON, confused)
    assert set(offered) == {Tag.SECRECY, Tag.FLATTERY, Tag.PLATFORM_SWITCH, Tag.TELLING}


def test_name_options_are_drawn_from_the_seed(cards) -> None:
    card = cards[1]
    assert name_options(card, ALL_ON) == name_options(card, ALL_ON)
    orders = {name_options(card, Options(name=True, seed=seed)) for seed in range(20)}
    assert len(orders) > 1
    positions = {
        name_options(card, Options(name=True, seed=seed)).index(Tag.SECRECY) for seed in range(40)
    }
    assert positions == {0, 1, 2, 3}


# --- shuffling -----------------------------------------------------------------------------


def test_shuffle_is_a_permutation_drawn_from_the_seed_and_off_keeps_file_order(cards) -> None:
    card = cards[0]
    n = len(card.responses)
    assert response_order(card, Options()) == tuple(range(n))
    orders = {response_order(card, Options(shuffle=True, seed=seed)) for seed in range(30)}
    assert all(sorted(o) == list(range(n)) for o in orders) and len(orders) > 2
    assert response_order(card, ALL_ON) == response_order(card, ALL_ON)


def test_actions_take_the_file_index_whatever_the_display_order(cards) -> None:
    s = Session(new_state(cards[:1], options=Options(shuffle=True, seed=11)))
    s.show_options()
    shown_first = s.state.response_order[0]
    s.choose(shown_first)
    assert s.state.choice == shown_first
    assert sorted(s.state.reason_order) == [0, 1, 2]


def test_session_start_keeps_the_seed_it_drew_even_without_one(cards) -> None:
    a = Session.start(cards, shuffle=True)
    assert a.state.options.shuffle and isinstance(a.state.options.seed, int)
    b = Session.start(cards, shuffle=True, seed=a.state.options.seed)
    assert [c.id for c in a.state.cards] == [c.id for c in b.state.cards]


# --- scoring -------------------------------------------------------------------------------


def _result(rating: Rating, spot, name, why, stolen=False) -> CardResult:
    return CardResult(
        "x",
        0,
        0,
        rating,
        None if why is None else 0,
        bool(why),
        stolen=stolen,
        spot_right=spot,
        name_right=name,
    )


OUTCOMES = [None, False, True]


@pytest.mark.parametrize("unsafe", [Rating.RISKY, Rating.HARMFUL])
def test_no_rule_lets_an_unsafe_pick_earn_as_much_as_a_safe_one(unsafe) -> None:
    for spot, name, why in itertools.product(OUTCOMES, OUTCOMES, [False, True]):
        safe = _result(Rating.SAFE, spot, name, why).points
        assert _result(unsafe, spot, name, why).points < safe
        # even with the right reason, an unsafe move is below a safe move with a wrong reason
        assert (
            _result(unsafe, spot, name, True).points
            < _result(Rating.SAFE, spot, name, False).points
        )
    # a steal: the safe steal earns more than the unsafe answer it took over
    assert STEAL_POINTS[Rating.SAFE] > MOVE_POINTS[unsafe] + WHY_POINTS
    assert _result(unsafe, None, None, None, stolen=True).points == 0


def test_the_scoring_in_words_uses_the_same_numbers() -> None:
    rules = {r.key: r for r in scoring_rules(spot=True, name=True, teams=True)}
    assert rules["spot"].points == SPOT_POINTS and rules["name"].points == NAME_POINTS
    assert rules["safe"].points == MOVE_POINTS[Rating.SAFE]
    assert rules["why"].points == WHY_POINTS and "steal" in rules
    assert all("{points}" in r.text for r in rules.values() if r.key != "never")
    assert not {"spot", "name", "steal"} & {r.key for r in scoring_rules(False, False)}


# --- group steps -----------------------------------------------------------------------------


def test_all_teams_enter_spot_and_name_and_the_facilitator_may_reveal_with_some_missing(
    cards,
) -> None:
    s = Session(new_state(cards[:1], Mode.ALL_TEAMS, teams=3, options=ALL_ON))
    s.show_options()
    assert s.phase is Phase.SPOT
    with pytest.raises(IllegalAction, match="enters each team"):
        s.spot(2)
    s.enter(0, 2)
    s.enter(1, 0)
    s.reveal()  # team C did not point
    assert s.phase is Phase.NAME and s.state.spot_picks == (2, 0, None)
    s.enter(2, right_name(s.state))
    s.reveal()
    assert s.phase is Phase.CHOOSE
    for team in range(3):
        s.enter(team, s.state.card.best_response_index)
    s.reveal()
    for team in range(3):
        s.enter(team, s.state.card.right_reason_index)
    s.reveal()
    rs = s.state.card_results
    assert [r.spot_right for r in rs] == [True, False, False]
    assert [r.name_right for r in rs] == [False, False, True]
    assert [r.points for r in rs] == [5, 4, 5]


def test_team_turns_the_answering_team_spots_or_the_facilitator_reveals(cards) -> None:
    s = Session(new_state(cards, Mode.TEAMS, teams=2, options=ALL_ON))
    s.show_options()
    s.reveal()  # the facilitator shows the flag: nobody scores the spot
    assert s.phase is Phase.NAME and s.state.spot_right(0) is None
    s.name(right_name(s.state))
    s.choose(s.state.card.best_response_index)
    s.explain(0)
    assert s.state.results[-1].spot_right is False and s.state.results[-1].name_right is True
    solo = Session(new_state(cards, options=ALL_ON))
    solo.show_options()
    with pytest.raises(IllegalAction):
        solo.reveal()


def test_a_steal_gets_no_spot_or_name_points(cards) -> None:
    s = Session(new_state(cards, Mode.TEAMS, teams=2, options=ALL_ON))
    s.show_options()
    s.spot(2)
    s.name(right_name(s.state))
    card = s.state.card
    s.choose(next(i for i, r in enumerate(card.responses) if r.rating is not Rating.SAFE))
    s.steal(1, card.best_response_index)
    assert s.phase is Phase.FEEDBACK  # no why after a steal
    thief = s.state.results[-1]
    assert thief.stolen and thief.spot_right is None and thief.name_right is None
    assert thief.points == STEAL_POINTS[Rating.SAFE]


# --- the summary and practice ----------------------------------------------------------------


def test_the_summary_counts_each_step_and_names_the_tactics_missed_most(cards) -> None:
    s = Session(new_state(cards, options=Options(spot=True, name=True, seed=2)))
    # card 1: all right; card 2: wrong spot; card 3 (setup flag): unsafe move
    s.show_options()
    s.spot(2)
    s.name(right_name(s.state))
    s.choose(s.state.card.best_response_index)
    s.explain(s.state.card.right_reason_index)
    s.next()
    s.show_options()
    s.spot(0)
    s.name(right_name(s.state))
    s.choose(s.state.card.best_response_index)
    s.explain(s.state.card.right_reason_index)
    s.next()
    s.show_options()
    s.name(right_name(s.state))
    card = s.state.card
    s.choose(next(i for i, r in enumerate(card.responses) if r.rating is not Rating.SAFE))
    s.explain((card.right_reason_index + 1) % 3)
    counts = step_counts(s.state)
    assert counts.spot == (1, 2) and counts.name == (3, 3)
    assert counts.move == (2, 3) and counts.why == (2, 3)
    missed = dict(missed_tactics(s.state))
    assert missed == {Tag.SECRECY: 1, Tag.MONEY_DEMAND: 1, Tag.ALREADY_SENT: 1}
    assert missed_tactics(s.state)[0][0] is Tag.SECRECY  # ties: in the order of the tag list


def test_practise_the_ones_you_missed_gives_other_cards_with_those_tags(cards) -> None:
    extra = [
        cards[1].model_copy(update={"id": "another-secret"}),
        cards[0].model_copy(update={"id": "other-tags", "tags": [Tag.FLATTERY]}),
    ]
    s = Session(new_state(cards[1:2], options=Options(seed=1)))
    s.show_options()
    card = s.state.card
    s.choose(next(i for i, r in enumerate(card.responses) if r.rating is not Rating.SAFE))
    s.explain(card.right_reason_index)
    s.end_early()
    picked = practice_cards(s.state, cards + extra)
    assert [c.id for c in picked] == ["coins-for-a-picture", "another-secret"]
    # nothing other left: the missed card itself
    assert [c.id for c in practice_cards(s.state, cards[1:2])] == [cards[1].id]
    # nothing missed: nothing to practise
    ok = Session(new_state(cards[1:2]))
    ok.show_options()
    ok.choose(ok.state.card.best_response_index)
    ok.explain(ok.state.card.right_reason_index)
    assert practice_cards(ok.state, cards + extra) == []
    practice = Session.start(picked, seed=5)
    assert practice.state.cards


# --- saves ---------------------------------------------------------------------------------


def test_a_save_keeps_the_options_and_the_shuffle(cards) -> None:
    s = Session(new_state(cards, options=ALL_ON))
    s.show_options()
    s.spot(2)
    s.name(1)
    record = SessionRecord.from_dict(record_of(s, "en", ["x.yaml"]).to_dict())
    assert record.options == ALL_ON
    again = rebuild(record, cards)
    assert again.state == s.state and again.state.response_order == s.state.response_order


def test_an_old_save_without_the_options_resumes_without_the_new_steps(cards) -> None:
    s = Session(new_state(cards))
    s.show_options()
    s.choose(0)
    data = record_of(s, "en", ["x.yaml"]).to_dict()
    for key in ("spot", "name", "shuffle", "seed"):
        data.pop(key)
    again = rebuild(SessionRecord.from_dict(data), cards)
    assert again.state == s.state and again.state.options == Options()


@pytest.mark.parametrize("bad", ["7", -1, True, 1.5, None, [1]])
def test_a_damaged_seed_is_zero_and_keeps_the_session(cards, bad) -> None:
    data = record_of(Session(new_state(cards)), "en", ["x.yaml"]).to_dict()
    data["seed"] = bad
    assert SessionRecord.from_dict(data).seed == 0
