"""Swedish words are longer: every screen, in Swedish with the shipped Swedish decks and the
Swedish help services, at 1024×768 (the smallest classroom projector), goes through the layout
checks of tests/ui — no text box outside the window, none overlapping another, none below the
size floor."""

from __future__ import annotations

import re

import pygame
import pytest

from game.model.session import Mode
from tests.ui.driver import answer
from tests.ui.test_screens import check_layout, visit_every_screen

SIZE = (1024, 768)


@pytest.mark.slow  # a screen walk per mode
@pytest.mark.parametrize("mode", [Mode.SOLO, Mode.TEAMS], ids=lambda m: m.value)
def test_every_swedish_screen_fits_at_1024x768(lang_driver, mode) -> None:
    d = lang_driver(SIZE, language="sv", region="se")
    seen = visit_every_screen(d, SIZE, mode)
    names = {n.split("/")[-1] for n in seen}
    assert {"content-note", "title", "setup", "card", "feedback", "help", "pause"} <= names
    assert names & {"summary", "end-session", "confirm"}


def test_a_swedish_steal_and_its_feedback_fit_at_1024x768(lang_driver) -> None:
    """A steal adds a block to the feedback screen: the fullest screen of a team game."""
    d = lang_driver(SIZE, language="sv", region="se")
    d.start_game(mode=Mode.TEAMS, teams=6, count=3)
    checked = set()
    for _ in range(3):
        d.press("enter")
        card = d.app.play.session.state.card
        unsafe = next(i for i, r in enumerate(card.responses) if r.rating.value != "safe")
        d.press(str(unsafe + 1))
        if d.top != "steal":
            continue
        check_layout(d.texts(), SIZE)
        d.press("1")  # Team B steals
        check_layout(d.texts(), SIZE)
        d.press(str(card.best_response_index + 1))
        while d.phase != "feedback":
            answer(d, "1", "2")
        d.settle()
        check_layout(d.texts(), SIZE)
        checked.add(d.top)
        while d.phase == "feedback":
            answer(d)
        if d.phase == "summary":
            break
    assert checked, "no steal happened"


def broken_words(records) -> list[str]:
    """Texts drawn with a word split over two lines ("Björnarn-" / "a"), as the text engine
    does only when a word is wider than its box at the smallest size. Web addresses, which
    break after a dot or a slash, are left out."""
    out = []
    for r in records:
        if re.search(r"\w[./]\w", r.text):
            continue
        if len(" ".join(r.lines).split()) > len(r.text.split()):
            out.append(f"{r.text!r} drawn as {r.lines!r}")
    return out


def test_swedish_group_screens_break_no_word_at_1024x768(lang_driver) -> None:
    """Swedish team names and the facilitator's labels are longer than the English ones: with
    six teams and a timer every name, chip and button label keeps its words whole."""
    d = lang_driver(SIZE, language="sv", region="se")
    d.press("enter")  # the content note
    d.app.top.group.focus_id("play")
    d.press("enter")
    setup = d.app.top
    setup.choose("mode", Mode.TEAMS)
    setup.choose("teams", 6)
    setup.choose("timer", 90)
    d.settle()
    problems = broken_words(d.texts())
    setup.choose("mode", Mode.ALL_TEAMS)
    d.press("enter")  # Start: the facilitator's checklist
    assert d.top == "facilitator-intro"
    problems += broken_words(d.texts())
    d.press("enter", "enter")  # the first card, the whole chat
    while d.phase in ("spot", "name"):  # the class steps: teams point, the facilitator reveals
        d.press("1", "2")
        problems += broken_words(d.texts())
        d.press("enter")
    options = len(d.app.play.session.state.card.responses)  # 3 or 4: every team enters one
    for i in range(6):
        d.press(str(i % options + 1))
    problems += broken_words(d.texts())
    d.press("enter")
    d.press("1", "2", "3", "1", "2", "3")
    problems += broken_words(d.texts())
    d.press("enter")
    assert d.top == "team-feedback"
    problems += broken_words(d.texts())
    d.app.feed(pygame.event.Event(pygame.KEYDOWN, key=pygame.K_b, mod=0, unicode="b", scancode=0))
    d.settle()
    assert d.top == "award"
    problems += broken_words(d.texts())
    assert not problems, "\n".join(problems)
