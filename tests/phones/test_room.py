"""The room rules on their own: codes, ids, steps, changing answers, late joiners, teams, pulse."""

from __future__ import annotations

import random
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from game.content.decks import load_decks
from game.model.kinds import AgeBand, Mode, Phase
from game.model.session import Name, Session, Spot
from game.phones.room import (
    CODE_ALPHABET,
    CODE_LENGTH,
    PULSE_CHOICES,
    Question,
    Refused,
    Room,
    Step,
    new_code,
    normalize_code,
    pulse_step,
)
from game.phones.steps import most_chosen, step_for, team_choices

FIXTURE = Path(__file__).resolve().parents[1] / "fixtures" / "good_deck.yaml"
ROOT = Path(__file__).resolve().parents[2]
A, B, C = "a" * 20, "b" * 20, "c" * 20


def step(key: str = "1:option", card: str = "c1", choices: int = 4, questions: int = 1) -> Step:
    qs = tuple(Question(f"q{i}", tuple(f"o{j}" for j in range(choices))) for i in range(questions))
    return Step(key=key, kind="option", questions=qs, card_id=card)


def test_codes_have_no_look_alikes_and_are_random() -> None:
    for bad in "0O1IL2Z5S8B6GUV":
        assert bad not in CODE_ALPHABET
    codes = {new_code() for _ in range(200)}
    assert len(codes) > 190
    assert all(len(c) == CODE_LENGTH and set(c) <= set(CODE_ALPHABET) for c in codes)
    assert new_code(random.Random(1)) == new_code(random.Random(1))


def test_code_is_typed_in_any_case_with_spaces() -> None:
    room = Room("ACDEF")
    assert room.accepts("acdef") and room.accepts(" ac-def ") and room.accepts("AC DEF")
    assert not room.accepts("ACDEX") and not room.accepts("") and not room.accepts(None)
    assert not room.accepts(12345) and not room.accepts("A" * 5000)
    assert normalize_code(["ACDEF"]) == ""
    with pytest.raises(ValueError):
        Room("ABCDE")  # B is a look-alike, never made


def test_phone_ids_are_random_strings_never_names() -> None:
    room = Room()
    room.join(A)
    for bad in ("short", "a b c d e f g h i j k", "Ünïcödé" * 4, 123, None, "x" * 65, "a/" * 10):
        with pytest.raises(Refused) as info:
            room.join(bad)
        assert info.value.reason == "id"
    assert room.phones == 1


def test_the_room_fills_up() -> None:
    room = Room(max_phones=2)
    room.join(A)
    room.join(B)
    room.join(A)  # a reload is not a new phone
    with pytest.raises(Refused, match="full"):
        room.join(C)


def test_answers_change_until_reveal_and_counts_follow() -> None:
    room = Room()
    for p in (A, B, C):
        room.join(p)
    room.open(step())
    room.answer(A, "1:option", 0, 2)
    room.answer(B, "1:option", 0, 2)
    room.answer(C, "1:option", 0, 1)
    assert room.counts().counts == ((0, 1, 2, 0),)
    room.answer(A, "1:option", 0, 3)  # changed their mind
    room.answer(A, "1:option", 0, 3)  # the same again: nothing changes
    assert room.counts().counts == ((0, 1, 1, 1),)
    assert room.counts().answered == 3
    result = room.reveal()
    assert result.counts == ((0, 1, 1, 1),) and result.revealed
    with pytest.raises(Refused, match="closed"):
        room.answer(B, "1:option", 0, 0)
    assert room.reveal().counts == ((0, 1, 1, 1),)


def test_a_cleared_answer_is_not_counted() -> None:
    room = Room()
    room.join(A)
    room.open(step())
    room.answer(A, "1:option", 0, 1)
    room.answer(A, "1:option", 0, None)
    assert room.counts().counts == ((0, 0, 0, 0),) and room.counts().answered == 0


@pytest.mark.parametrize(
    ("key", "question", "choice", "reason"),
    [
        ("2:option", 0, 1, "step"),  # an old or future step
        ("1:option", 1, 1, "choice"),  # no such question
        ("1:option", 0, 4, "choice"),  # no such option
        ("1:option", 0, -1, "choice"),
        ("1:option", 0, True, "choice"),
        ("1:option", "0", 1, "choice"),
        ("1:option", 0, 1.0, "choice"),
        (None, 0, 1, "step"),
    ],
)
def test_bad_answers_are_refused(
    key: object, question: object, choice: object, reason: str
) -> None:
    room = Room()
    room.join(A)
    room.open(step())
    with pytest.raises(Refused) as info:
        room.answer(A, key, question, choice)
    assert info.value.reason == reason
    assert room.counts().answered == 0


def test_a_phone_that_never_joined_cannot_answer() -> None:
    room = Room()
    room.open(step())
    with pytest.raises(Refused, match="id"):
        room.answer(A, "1:option", 0, 1)


def test_no_step_no_answers_and_the_phone_waits() -> None:
    room = Room()
    room.join(A)
    with pytest.raises(Refused, match="step"):
        room.answer(A, "1:option", 0, 1)
    view = room.view(A)
    assert view["step"] is None and view["mine"] is None


def test_late_joiner_and_reload_land_on_the_current_step_with_their_answer() -> None:
    room = Room()
    room.join(A)
    room.open(step("1:option"))
    room.answer(A, "1:option", 0, 2)
    room.open(step("1:reason", choices=3))
    room.answer(A, "1:reason", 0, 1)
    # A reloads (joins again with the id kept in the browser); B arrives late.
    room.join(A)
    room.join(B)
    assert room.view(A)["step"]["key"] == "1:reason"
    assert room.view(A)["mine"] == [1]
    assert room.view(B)["mine"] is None
    assert room.view(B)["step"]["key"] == "1:reason"


def test_going_back_keeps_the_answers_a_new_card_drops_them() -> None:
    room = Room()
    room.join(A)
    room.open(step("1:option"))
    room.answer(A, "1:option", 0, 2)
    room.open(step("1:reason", choices=3))
    room.open(step("1:option"))  # the facilitator went back
    assert room.mine(A) == [2]
    room.wait()
    room.open(step("2:option", card="c2"))
    assert room.mine(A) is None
    room.open(step("1:option"))  # a new card with that key would be a new step
    assert room.mine(A) is None


def test_results_are_counts_only_in_order_and_hold_no_ids() -> None:
    room = Room(teams=("Foxes", "Owls"))
    for p in (A, B):
        room.join(p)
    room.pick_team(A, 0)
    room.open(step("1:option"))
    room.answer(A, "1:option", 0, 0)
    room.answer(B, "1:option", 0, 1)
    room.reveal()
    room.open(step("1:reason", choices=3))
    room.answer(A, "1:reason", 0, 2)
    room.wait()
    keys = [r.key for r in room.results]
    assert keys == ["1:option", "1:reason"]
    text = repr([r.to_json() for r in room.results])
    assert A not in text and B not in text
    assert room.results[0].counts == ((1, 1, 0, 0),)
    assert room.results[0].revealed and not room.results[1].revealed
    room.finish()
    assert room.phones == 0 and room.view(None)["over"]
    with pytest.raises(Refused, match="id"):
        room.answer(A, "1:option", 0, 0)
    with pytest.raises(Refused, match="over"):
        room.open(step("2:option", card="c2"))


def test_teams_count_per_team_and_a_team_change_moves_the_answer() -> None:
    room = Room(teams=("Foxes", "Owls", "Wolves"))
    for p in (A, B, C):
        room.join(p)
    room.open(step())
    room.answer(A, "1:option", 0, 1)  # no team yet: only in the class totals
    room.pick_team(A, 0)
    room.pick_team(B, 1)
    room.answer(B, "1:option", 0, 3)
    result = room.counts()
    assert result.team_counts[0] == ((0, 1, 0, 0),)
    assert result.team_counts[1] == ((0, 0, 0, 1),)
    room.pick_team(A, 2)
    result = room.counts()
    assert result.team_counts[0] == ((0, 0, 0, 0),)
    assert result.team_counts[2] == ((0, 1, 0, 0),)
    assert result.counts == ((0, 1, 0, 1),)
    for bad in (3, -1, "1", True, None):
        with pytest.raises(Refused, match="team"):
            room.pick_team(C, bad)
    assert room.view(A)["team"] == 2 and room.view(A)["teams"] == ["Foxes", "Owls", "Wolves"]


def test_no_teams_no_team_pick() -> None:
    room = Room()
    room.join(A)
    with pytest.raises(Refused, match="team"):
        room.pick_team(A, 0)


def test_pulse_before_and_after_has_three_statements_answered_separately() -> None:
    room = Room()
    room.join(A)
    room.join(B)
    before = pulse_step("before")
    assert len(before.questions) == 3
    assert all(q.choices == PULSE_CHOICES and q.id for q in before.questions)
    room.open(before)
    room.answer(A, "pulse:before", 0, 0)
    room.answer(A, "pulse:before", 2, 1)
    room.answer(B, "pulse:before", 0, 2)
    result = room.reveal()
    assert result.counts == ((1, 0, 1), (0, 0, 0), (0, 1, 0))
    assert result.answered == 2
    room.open(pulse_step("after"))
    assert room.mine(A) is None
    with pytest.raises(ValueError):
        pulse_step("during")


@settings(max_examples=60, deadline=None)
@given(
    st.lists(
        st.tuples(
            st.integers(0, 5),  # phone
            st.sampled_from(["answer", "team", "clear"]),
            st.integers(0, 1),  # question
            st.integers(0, 3),  # choice or team
        ),
        max_size=80,
    )
)
def test_counts_always_equal_a_recount(moves: list[tuple[int, str, int, int]]) -> None:
    phones = [chr(ord("a") + i) * 20 for i in range(6)]
    room = Room(teams=("A", "B", "C", "D"))
    for p in phones:
        room.join(p)
    room.open(step(questions=2))
    for phone, what, q, n in moves:
        p = phones[phone]
        if what == "team":
            room.pick_team(p, n)
        else:
            room.answer(p, "1:option", q, None if what == "clear" else n)
    live = room.counts()
    mine = {p: room.mine(p) for p in phones}
    for q in range(2):
        for c in range(4):
            assert live.counts[q][c] == sum(1 for m in mine.values() if m and m[q] == c)
            for t in range(4):
                expect = sum(1 for p, m in mine.items() if m and m[q] == c and room.team_of(p) == t)
                assert live.team_counts[t][q][c] == expect
    assert live.answered == sum(1 for m in mine.values() if m and any(x is not None for x in m))


def test_steps_follow_the_session() -> None:
    cards = load_decks([FIXTURE]).cards
    session = Session.start(cards, mode=Mode.TOGETHER, count=2, seed=3)
    assert step_for(session.state) is None  # the chat is being read
    session.show_options()
    option = step_for(session.state)
    card = session.state.card
    assert option is not None and option.key == "1:option" and option.kind == "option"
    assert option.questions[0].choices == tuple(r.text for r in card.responses)
    assert option.number == 1 and option.of == 2
    assert option.card is not None and option.card["setup"] == card.setup
    assert "rating" not in repr(option.to_json())
    session.choose(0)
    reason = step_for(session.state, whole_card=False)
    assert reason is not None and reason.key == "1:reason" and reason.card is None
    assert reason.questions[0].choices == tuple(r.text for r in card.reasons)
    session.explain(0)
    assert session.phase is Phase.FEEDBACK and step_for(session.state) is None


def test_solo_play_never_loads_the_phones_libraries() -> None:
    import subprocess
    import sys

    code = (
        "import sys, game.cli, game.ui.app, game.phones, game.phones.room, game.phones.steps; "
        "print(sorted(m for m in ('websockets', 'segno', 'game.phones.server') if m in sys.modules))"
    )
    root = Path(__file__).resolve().parents[2]
    run = subprocess.run([sys.executable, "-c", code], cwd=root, capture_output=True, text=True)
    assert run.returncode == 0, run.stderr
    assert run.stdout.strip().splitlines()[-1] == "[]"


def test_every_class_step_in_the_order_the_projector_shows() -> None:
    cards = [c for c in load_decks(sorted((ROOT / "assets/decks/en").glob("*.yaml"))).cards]
    cards = [
        c
        for c in cards
        if isinstance(c.flag_at, list) and len(c.chat) >= 2 and AgeBand.ADULTS not in c.age_bands
    ][:3]
    session = Session.start(
        cards, mode=Mode.TOGETHER, count=3, seed=9, spot=True, name=True, shuffle=True
    )
    state = session.state
    assert step_for(state) is None
    session.show_options()
    spot = step_for(session.state)
    card = session.state.card
    assert spot is not None and spot.kind == "spot" and spot.key == "1:spot"
    assert spot.questions[0].choices == tuple(m.text for m in card.chat)
    session.do(Spot(0))
    name = step_for(session.state, tactic_name=lambda t: "T:" + t.value)
    assert name is not None and name.kind == "name"
    assert name.questions[0].choices == tuple("T:" + t.value for t in session.state.name_options)
    session.do(Name(0))
    option = step_for(session.state)
    order = session.state.response_order
    assert option.order == order
    assert option.questions[0].choices == tuple(card.responses[i].text for i in order)
    # The class picks what is shown second: the session gets that response's file index.
    room = Room()
    room.join(A)
    room.open(option)
    room.answer(A, option.key, 0, 1)
    result = room.reveal()
    assert result.order == order and most_chosen(result, result.order) == order[1]
    session.choose(most_chosen(result, result.order))
    reason = step_for(session.state)
    assert reason.questions[0].choices == tuple(
        card.reasons[i].text for i in session.state.reason_order
    )


def test_most_chosen_and_each_teams_choice() -> None:
    room = Room(teams=("A", "B", "C"))
    for p in (A, B, C):
        room.join(p)
    room.pick_team(A, 0)
    room.pick_team(B, 0)
    room.pick_team(C, 2)
    s = Step("1:option", "option", (Question("q", ("w", "x", "y", "z")),), order=(3, 2, 1, 0))
    room.open(s)
    assert most_chosen(room.counts(), s.order) is None
    room.answer(A, s.key, 0, 1)
    room.answer(B, s.key, 0, 1)
    room.answer(C, s.key, 0, 0)
    result = room.reveal()
    assert most_chosen(result, result.order) == 2
    assert team_choices(result, result.order) == (2, None, 3)


def test_the_summary_text_has_counts_and_the_pulse_and_no_ids() -> None:
    from game.export.summary import phones_markdown
    from game.phones.report import class_report

    room = Room()
    for p in (A, B):
        room.join(p)
    room.open(pulse_step("before"))
    room.answer(A, "pulse:before", 0, 1)
    room.open(step("1:option", card="c1"))
    room.answer(A, "1:option", 0, 2)
    room.answer(B, "1:option", 0, 2)
    room.reveal()
    room.open(pulse_step("after"))
    room.answer(A, "pulse:after", 0, 0)
    room.answer(B, "pulse:after", 0, 0)
    report = class_report(room.results, card_titles={"c1": "The first card"})
    assert report is not None
    text = "\n".join(phones_markdown(report))
    assert "Pulse before and after" in text
    assert "| 0 → 2 | 1 → 0 | 0 → 0 |" in text
    assert "Answered: 1 before, 2 after." in text
    assert "### Card 1: The first card" in text
    assert "- 2 (100 %): o2" in text and "- 0 (0 %): o0" in text
    assert A not in text and B not in text
    assert class_report(()) is None


def test_the_local_addresses_are_private_and_never_loopback() -> None:
    import ipaddress

    from game.phones.net import lan_addresses

    for address in lan_addresses():
        ip = ipaddress.ip_address(address)
        assert ip.is_private and not ip.is_loopback and not ip.is_unspecified


def test_card_scores_count_the_safe_and_right_answers_in_the_shown_order() -> None:
    from game.phones.report import card_scores

    cards = load_decks([FIXTURE]).cards
    session = Session.start(cards, mode=Mode.TOGETHER, count=1, seed=2, shuffle=True)
    session.show_options()
    option = step_for(session.state)
    room = Room()
    for p in (A, B, C):
        room.join(p)
    room.open(option)
    card = session.state.card
    safe = [p for p, i in enumerate(option.order) if card.responses[i].rating.value == "safe"]
    other = next(p for p in range(len(option.order)) if p not in safe)
    room.answer(A, option.key, 0, safe[0])
    room.answer(B, option.key, 0, safe[0])
    room.answer(C, option.key, 0, other)
    room.reveal()
    ((number, flag, steps),) = card_scores(room.results, {card.id: card}, session.state)
    assert number == "1" and flag == card.red_flag and steps == [("option", 2, 3)]
