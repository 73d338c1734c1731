"""Swedish words are longer: every screen, in Swedish with the shipped Swedish decks and the
Swedish help services, at 1024×768 (the smallest classroom projector), goes through the layout
checks of tests/ui — no text box outside the window, none overlapping another, none below the
size floor."""

from __future__ import annotations

import pytest

from game.model.session import Mode
from tests.ui.driver import answer
from tests.ui.test_screens import check_layout, visit_every_screen

SIZE = (1024, 768)


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
