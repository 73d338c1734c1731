"""Headless tests of group play on screen: team turns with a steal, all teams entering and
revealing, together without scores, the facilitator's keys (awards and undo, notes, skip, back),
ending early, the timer, resuming after a crash and saving the summary."""

from __future__ import annotations

import os
from pathlib import Path

import pygame
import pytest

from game.model.cards import Rating
from game.model.session import Mode, Steal
from game.ui.app import GameSetup

from .conftest import SIZES
from .driver import Driver
from .test_screens import check_layout


def letter(d: Driver, ch: str) -> None:
    d.app.feed(
        pygame.event.Event(
            pygame.KEYDOWN, key=getattr(pygame, f"K_{ch}"), mod=0, unicode=ch, scancode=0
        )
    )
    d.frame()
    d.settle()


def start(d: Driver, mode: Mode, teams: int = 3, count: int = 3, timer: int = 0) -> None:
    if d.top == "content-note":
        d.press("enter")
    record_toasts(d)
    setup = GameSetup(mode=mode, teams=teams, count=count, seed=1, timer=timer)
    assert d.app.start_game(setup) is None
    d.settle()
    assert d.top == "facilitator-intro"
    d.press("enter")
    assert d.top in ("card", "enter-choices")


def record_toasts(d: Driver) -> None:
    """Keep every toast's text (the driver lets them run out before the next check)."""
    shown: list[str] = []
    original = d.app.show_toast

    def show(text: str, *args: object, **kwargs: object) -> None:
        shown.append(text)
        original(text, *args, **kwargs)  # type: ignore[arg-type]

    d.app.show_toast = show  # type: ignore[method-assign]
    d.toasts = shown  # type: ignore[attr-defined]


def toast(d: Driver) -> str:
    return d.toasts[-1] if d.toasts else ""  # type: ignore[attr-defined]


def unsafe_option(d: Driver) -> int:
    card = d.app.play.session.state.card
    return next(i for i, r in enumerate(card.responses) if r.rating is not Rating.SAFE)


# -- the three ways to play ----------------------------------------------------------------


def test_team_turns_steal_then_award_and_undo_with_keys(make_driver) -> None:
    d = make_driver((1280, 720))
    start(d, Mode.TEAMS)
    d.press("enter")
    d.press(str(unsafe_option(d) + 1))
    assert d.top == "steal"
    letter(d, "c")  # team C steals, by its letter
    d.press(str(d.app.play.session.state.card.best_response_index + 1))
    # the steal showed the safe answer: no "why" for team A after it, straight to feedback
    assert d.top == "feedback"
    letter(d, "b")  # two teams could get the point: which one?
    assert d.top == "award"
    letter(d, "c")
    session = d.app.play.session
    assert [a.team for a in session.state.awards] == [2]
    assert toast(d) == "+1 Wolves (C)"
    letter(d, "u")
    assert session.state.awards == () and toast(d) == "Award taken back"
    assert d.top == "feedback" and d.shows("Team C stole with")
    assert d.shows("Team A Foxes:")  # the answering team's points, not the thief's
    # every award went through the session: replaying the history gives the same state
    from game.model.session import replay

    assert replay(session.start_state, session.history) == session.state


def test_all_teams_enter_each_team_then_reveal_with_three_teams(make_driver) -> None:
    d = make_driver((1280, 720))
    start(d, Mode.ALL_TEAMS)
    assert d.top == "enter-choices"
    d.press("enter")  # the whole chat
    session = d.app.play.session
    d.press("2")  # team A (first without an entry)
    letter(d, "c")
    d.press("1")
    texts = " ".join(r.text for r in d.texts())
    assert "Foxes" in texts and "Wolves" in texts
    d.press("enter")  # team B has not decided: no reveal, a calm note
    assert d.phase == "choose" and "Waiting for: B Owls" in toast(d)
    letter(d, "a")
    d.press("3")  # a team changes its mind
    letter(d, "b")
    d.press("4")
    assert session.state.entries == (2, 3, 0)
    d.press("enter")
    assert d.top == "enter-reasons" and d.phase == "explain"
    assert session.state.team_choices == (2, 3, 0)
    d.press("1", "2", "1", "enter")
    assert d.top == "team-feedback"
    results = session.state.card_results
    assert [(r.team, r.response, r.reason) for r in results] == [(0, 2, 0), (1, 3, 1), (2, 0, 0)]
    card = session.state.card
    for picked in {0, 1}:  # the answer to each wrong reason a team picked is on screen
        reason = card.reasons[picked]
        if not reason.right:
            assert d.shows(reason.feedback[:40]), reason.feedback
    unpicked = card.reasons[2]
    assert unpicked.right or not d.shows(unpicked.feedback[:40])
    letter(d, "b")
    assert d.top == "award"
    letter(d, "b")
    assert [a.team for a in session.state.awards] == [1] and toast(d) == "+1 Owls (B)"
    letter(d, "u")
    assert session.state.awards == ()
    d.press("enter")
    assert d.top == "enter-choices" and session.state.index == 1


def test_all_teams_clicks_enter_choices_and_reveal(make_driver) -> None:
    d = make_driver((1024, 768))
    start(d, Mode.ALL_TEAMS, teams=2)
    d.press("enter")
    scene = d.app.top
    d.click(scene.strip.buttons[0][1].rect.center)
    d.click(scene.strip.buttons[1][0].rect.center)
    assert d.app.play.session.state.entries == (1, 0)
    d.click(scene.strip.reveal_btn.rect.center)
    assert d.top == "enter-reasons"


def test_together_shows_no_scores_anywhere(make_driver) -> None:
    d = make_driver((1280, 720))
    start(d, Mode.TOGETHER)
    seen = []
    while d.phase != "summary":
        texts = " ".join(r.text for r in d.texts())
        assert "points" not in texts and "pts" not in texts, texts
        seen.append(d.top)
        if d.phase == "explain":
            letter(d, "b")
            assert "No points" in toast(d)
            assert d.app.play.session.state.awards == ()
        if d.phase == "choose" or d.phase == "explain":
            d.press("1")
        else:
            d.press("enter")
    texts = " ".join(r.text for r in d.texts())
    assert "pts" not in texts and "points" not in texts and "Score" not in texts
    assert "No scores" in texts and "Your score" not in texts and "Together" in texts
    assert not any(r.lines[0].startswith("—") for r in d.texts() if r.lines), texts
    assert {"card", "explain", "feedback"} <= set(seen)


# -- notes, skip, back, early end, timer ----------------------------------------------------


def test_notes_never_show_while_answers_are_open_then_toggle(make_driver) -> None:
    """The notes name the safe move: on the class screen N opens them only once the answers
    are in (feedback); before that it says why not, and nothing of them is drawn."""
    d = make_driver((1280, 720))
    start(d, Mode.TEAMS)
    d.press("enter")
    card = d.app.play.session.state.card
    assert not d.shows(card.red_flag) and not d.shows("Facilitator notes")
    letter(d, "n")
    assert not d.shows("Facilitator notes") and not d.shows(card.discuss[0])
    assert "once the answers are in" in toast(d)
    d.press("1")
    if d.top == "steal":
        d.press("enter")
    letter(d, "n")  # on the explain screen: the reasons are open
    assert d.top == "explain" and not d.shows("Facilitator notes")
    d.press("1")
    d.settle()
    assert d.top == "feedback"
    letter(d, "n")
    assert d.shows("Facilitator notes") and d.shows(card.discuss[0])
    check_layout([r for r in d.texts() if r.layer == 0.5], (1280, 720))
    letter(d, "n")
    assert not d.shows("Facilitator notes")


def test_skip_asks_once_then_skips(make_driver) -> None:
    d = make_driver((1280, 720))
    start(d, Mode.TEAMS)
    session = d.app.play.session
    first = session.state.card.id
    letter(d, "s")
    assert session.state.index == 0 and "Press S again" in toast(d)
    letter(d, "s")
    assert session.state.index == 1 and session.state.skipped == (first,)
    assert toast(d) == "Card skipped"


def test_backspace_goes_back_exactly_one_step(make_driver) -> None:
    d = make_driver((1280, 720))
    start(d, Mode.TEAMS)
    session = d.app.play.session
    d.press("enter")
    choose_state = session.state
    d.press(str(session.state.card.best_response_index + 1))
    assert d.top == "explain"
    d.press("backspace")
    assert session.state == choose_state and d.top == "card" and d.phase == "choose"
    assert d.app.top.chat_done  # the chat is there at once, not replayed
    d.press(str(session.state.card.best_response_index + 1), "1")
    feedback_state = session.state
    d.press("enter")
    assert session.state.index == 1
    d.press("backspace")  # from the next card's chat back to the feedback
    assert session.state == feedback_state and d.top == "feedback"


def test_end_early_from_pause_asks_then_shows_the_summary(make_driver) -> None:
    d = make_driver((1280, 720))
    start(d, Mode.TEAMS)
    d.press("enter", "1")
    d.press("esc")
    assert d.top == "pause"
    assert d.shows("Take a break — you can step out")
    assert d.shows(d.app.help.services[0].contact)
    d.click(d.button("end").center)
    assert d.top == "end-session"
    d.press("esc")  # changed our mind
    assert d.top == "pause"
    d.click(d.button("end").center)
    d.click(d.button("endnow").center)
    assert d.top == "summary" and d.phase == "summary"


def test_timer_counts_down_calmly_pauses_and_never_answers(make_driver) -> None:
    clock = [1000.0]
    d = make_driver((1280, 720), now=lambda: clock[0])
    start(d, Mode.TEAMS, timer=60)
    assert d.shows("1:00")  # shown, not yet running while the chat arrives
    d.press("enter")
    clock[0] += 10
    d.frame()
    assert d.shows("0:50")
    d.press("esc")  # pause holds the timer
    clock[0] += 30
    d.frame()
    d.press("esc")
    assert d.shows("0:50")
    letter(d, "t")  # T stops it too
    clock[0] += 20
    d.frame()
    assert d.shows("0:50 paused")
    letter(d, "t")
    clock[0] += 100
    d.frame()
    assert d.shows("Time to decide")
    assert d.phase == "choose" and d.app.play.session.state.results == ()  # nothing answered
    check_layout(d.texts(), (1280, 720))


# -- resume and summary --------------------------------------------------------------------


def test_resume_after_a_crash_lands_on_the_same_phase_and_card(make_driver) -> None:
    d = make_driver((1280, 720))
    start(d, Mode.ALL_TEAMS)
    d.press("enter", "1", "2", "3", "enter")  # card 1: choices in, revealed
    d.press("1", "1", "1", "enter")
    d.press("enter")  # card 2
    d.press("enter", "2", "2")  # two teams entered
    session = d.app.play.session
    before = (session.state.index, session.state.phase, session.state.entries)
    # the "crash": a new App, as after a restart
    d2 = make_driver((1280, 720))
    d2.press("enter")  # the content note first
    assert d2.top == "resume"
    assert d2.shows("Resume the session from") and d2.shows("(card 2 of 3)")
    d2.press("enter")
    s2 = d2.app.play.session
    assert (s2.state.index, s2.state.phase, s2.state.entries) == before
    assert d2.top == "enter-choices"
    assert s2.history == session.history
    # finishing clears the save: the next start offers nothing
    while d2.phase != "summary":
        d2.press("1", "2", "3", "enter")
        if d2.phase == "feedback":
            d2.press("enter")
    d2.settle()
    d3 = make_driver((1280, 720))
    d3.press("enter")
    assert d3.top == "title"


def test_start_fresh_forgets_the_saved_session(make_driver) -> None:
    d = make_driver((1280, 720))
    start(d, Mode.TEAMS)
    d.press("enter", "1")
    d2 = make_driver((1280, 720))
    d2.press("enter")
    assert d2.top == "resume"
    d2.click(d2.button("fresh").center)
    assert d2.top == "title"
    d3 = make_driver((1280, 720))
    d3.press("enter")
    assert d3.top == "title"


def test_a_solo_game_is_never_saved(make_driver) -> None:
    d = make_driver((1280, 720))
    d.start_game(mode=Mode.SOLO)
    d.press("enter", "1")
    assert not (Path(os.environ["REDFLAGS_DATA_DIR"]) / "session.json").exists()


def test_the_summary_saves_markdown_and_pdf_and_shows_where(make_driver) -> None:
    d = make_driver((1280, 720))
    start(d, Mode.ALL_TEAMS, count=3)
    while d.phase != "summary":
        d.press("enter", "1", "2", "3", "enter")
        if d.phase == "feedback":
            d.press("enter")
    assert d.top == "summary"
    letter(d, "s")
    folder = Path(os.environ["REDFLAGS_DOCUMENTS_DIR"]) / "Red Flags"
    mds = list(folder.glob("*.md"))
    pdfs = list(folder.glob("*.pdf"))
    assert len(mds) == 1 and len(pdfs) == 1
    assert d.shows("Saved as Markdown and PDF") and d.shows("Red Flags")
    text = mds[0].read_text(encoding="utf-8")
    assert "Foxes" in text and "Owls" in text and "Wolves" in text
    assert pdfs[0].read_bytes().startswith(b"%PDF")
    check_layout(d.texts(), (1280, 720))


def test_the_summary_says_so_when_the_folder_is_not_writable(make_driver, monkeypatch, tmp_path):
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder")
    monkeypatch.setenv("REDFLAGS_DOCUMENTS_DIR", str(blocker))
    d = make_driver((1280, 720))
    start(d, Mode.TEAMS, count=3)
    d.press("esc")
    d.click(d.button("end").center)
    d.click(d.button("endnow").center)
    letter(d, "s")
    assert d.shows("Could not save")


# -- every new screen fits ----------------------------------------------------------------


@pytest.mark.slow  # a screen walk per size
@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
def test_group_screens_fit_the_window_without_overlaps(make_driver, size) -> None:
    d = make_driver(size)
    d.press("enter", "enter")  # content note, title
    scene = d.app.top
    scene.choose("mode", Mode.ALL_TEAMS)
    scene.choose("teams", 6)
    scene.choose("timer", 90)
    d.settle()
    check_layout(d.texts(), size)
    d.press("enter")
    # Start is focused
    assert d.top == "facilitator-intro"
    check_layout(d.texts(), size)
    d.press("enter", "enter")
    if d.phase == "spot":  # the class steps (on by default): teams point, then reveal
        d.press("1", "2")
        check_layout(d.texts(), size)
        d.press("enter")
    if d.phase == "name":
        d.press("1", "2")
        check_layout(d.texts(), size)
        d.press("enter")
    for key in ("1", "2", "3", "4", "1", "2"):
        d.press(key)
    check_layout(d.texts(), size)
    d.press("enter")
    d.press("1", "2", "3", "1", "2", "3")
    check_layout(d.texts(), size)
    d.press("enter")
    assert d.top == "team-feedback"
    check_layout(d.texts(), size)
    letter(d, "b")
    check_layout([r for r in d.texts() if r.layer == 1], size)
    d.press("esc", "esc")
    assert d.top == "pause"
    check_layout([r for r in d.texts() if r.layer == 1], size)


def test_the_steal_shows_the_options_in_the_order_the_card_showed_them(make_driver) -> None:
    d = make_driver((1280, 720))
    if d.top == "content-note":
        d.press("enter")
    setup = GameSetup(mode=Mode.TEAMS, teams=3, count=3, seed=3, shuffle=True)
    assert d.app.start_game(setup) is None
    d.settle()
    d.press("enter")  # the facilitator's checklist
    session = d.app.play.session
    card, order = session.state.card, session.state.response_order
    assert order != tuple(range(len(order))), "pick a seed that shuffles this card"
    d.press("enter")  # the whole chat
    wrong = next(p for p, i in enumerate(order) if card.responses[i].rating is not Rating.SAFE)
    d.press(str(wrong + 1))
    assert d.top == "steal"
    scene = d.app.stack[-1]
    assert [session.state.teams[i].letter for i in scene.team_ids] == ["B", "C"]
    letter(d, "b")  # team B steals, by its letter (B is also the facilitator's bonus key)
    assert [b.text for b in scene.option_btns] == [card.responses[i].text for i in order]
    d.press(str(order.index(card.best_response_index) + 1))  # the number the card showed
    assert d.top == "feedback"
    assert session.state.steal == Steal(team=1, response=card.best_response_index)
