"""The feedback after a not-safe answer comes in two pages (the choices: yours and the safest,
each with why; then the reasons and the takeaway), so nothing is left out or shrunk to the floor
on a projector. Enter, Right, a click on the button or on the pager go on; Backspace, Left and
Back go back; nobody gets to the next card without having been shown the last page."""

from __future__ import annotations

import pygame
import pytest

from game.model.cards import Rating
from game.model.session import Mode
from game.ui.services import tr

from .card_walk import REGIONS, Shot, missing, plain, play_card, shipped_decks
from .conftest import SIZES
from .driver import Driver
from .test_screens import check_layout


def _not_safe_feedback(d, mode: Mode = Mode.SOLO) -> None:  # type: ignore[no-untyped-def]
    d.start_game(mode=mode)
    d.press("enter")
    card = d.app.play.session.state.card
    unsafe = next(i for i, r in enumerate(card.responses) if r.rating is not Rating.SAFE)
    d.press(str(unsafe + 1))
    if d.top == "steal":
        d.press("enter")  # no steal
    if d.app.top.wants_text:
        d.press("enter")
    wrong = next(i for i, r in enumerate(card.reasons) if not r.right)
    d.press(str(wrong + 1))
    assert d.top == "feedback"


def _shows(d, text: str) -> bool:  # type: ignore[no-untyped-def]
    return any(plain(text) == plain(r.text) for r in d.texts())


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
def test_a_not_safe_answer_shows_the_choices_then_the_reasons(make_driver, size) -> None:
    d = make_driver(size)
    _not_safe_feedback(d)
    st = d.app.play.session.state
    card = st.card
    best = card.responses[card.best_response_index]
    scene = d.app.top
    assert len(scene.pages) == 2 and scene.pager.index == 0
    # page 1: both choices and why, the red flag; the button says what comes next
    assert _shows(d, best.feedback) and _shows(d, card.responses[st.choice].feedback)
    assert d.shows("Red flag:")
    assert d.shows("Why the safe choice is right")
    assert not _shows(d, card.takeaway)
    check_layout(d.texts(), size)
    index = st.index
    d.press("enter")  # the next page, not the next card
    assert d.top == "feedback" and scene.pager.index == 1 and st.index == index
    assert _shows(d, card.reasons[st.reason].feedback) and _shows(d, card.takeaway)
    check_layout(d.texts(), size)
    d.press("backspace")
    assert scene.pager.index == 0
    d.press("right")
    assert scene.pager.index == 1
    d.press("left")
    assert scene.pager.index == 0
    d.press("2")  # the pager's number
    assert scene.pager.index == 1
    d.press("right")  # no page after the last: Right does not leave the card
    assert d.top == "feedback" and scene.pager.index == 1
    d.press("enter")
    assert d.app.play.session.state.index == index + 1


def test_the_mouse_and_touch_turn_the_pages(make_driver) -> None:
    d = make_driver((1024, 768))
    _not_safe_feedback(d)
    scene = d.app.top
    index = d.app.play.session.state.index
    d.click(d.button("next").center)
    assert scene.pager.index == 1
    d.click(d.button("back").center)
    assert scene.pager.index == 0
    d.tap(scene.pager.pips[1].center)
    assert scene.pager.index == 1
    d.tap(scene.pager.pips[0].center)
    assert scene.pager.index == 0
    d.click(d.button("next").center)
    d.click(d.button("next").center)
    assert d.app.play.session.state.index == index + 1


def test_in_a_group_backspace_turns_back_a_page_before_it_goes_back_a_step(make_driver) -> None:
    d = make_driver((1280, 720))
    _not_safe_feedback(d, Mode.TEAMS)
    scene = d.app.top
    state = d.app.play.session.state
    d.press("enter")
    assert scene.pager.index == 1
    d.press("backspace")
    assert d.app.top is scene and scene.pager.index == 0 and d.app.play.session.state == state
    d.press("backspace")  # now the facilitator's step back: out of the feedback
    assert d.top != "feedback" or d.app.top is not scene


def test_read_aloud_says_the_page_with_the_focused_button(make_driver) -> None:
    d = make_driver((1280, 720))
    _not_safe_feedback(d)
    scene = d.app.top
    assert scene.spoken_focus() == "Why the safe choice is right. Page 1 of 2"
    d.press("enter")
    assert scene.spoken_focus() == "Next card. Page 2 of 2"


def test_a_safe_answer_keeps_one_page(make_driver) -> None:
    d = make_driver((1280, 720))
    d.start_game()
    d.press("enter")
    card = d.app.play.session.state.card
    d.press(str(card.best_response_index + 1))
    if d.app.top.wants_text:
        d.press("enter")
    d.press(str(card.right_reason_index + 1))
    scene = d.app.top
    assert len(scene.pages) == 1 and scene.pager.pips == []
    assert _shows(d, card.takeaway) and d.shows("Red flag:")
    index = d.app.play.session.state.index
    d.press("enter")
    assert d.app.play.session.state.index == index + 1


def test_a_new_layout_keeps_the_page_shown(make_driver) -> None:
    d = make_driver((1280, 720))
    _not_safe_feedback(d)
    d.press("enter")
    scene = d.app.top
    scene.layout((1280, 720))  # what a resize or a changed setting does
    assert scene.pager.index == 1 and len(scene.pages) == 2
    assert d.button("back").w > 0


def test_a_left_out_explanation_is_reported(make_driver) -> None:
    """The check test_every_card_fits relies on: an explanation on no page is found."""
    d = make_driver((1024, 768))
    _not_safe_feedback(d)
    scene = d.app.top
    card = scene.state.card
    best = card.responses[card.best_response_index]
    shots = []
    for n in (1, 2):
        shots.append(Shot(card, "feedback-unsafe", d.texts(), scene, page=n, pages=2))
        d.press("right")
    assert missing(shots) == []
    for shot in shots:
        shot.records = [r for r in shot.records if plain(r.text) != plain(best.feedback)]
    assert missing(shots) == ["safest-feedback"]
    assert isinstance(shots[0].records[0].rect, pygame.Rect)


def test_one_point_is_a_point(make_driver) -> None:
    """ "+1 points" never appears: exactly one point has its own message."""
    seen = set()
    for option in ("1", "2", "3", "4"):
        for reason in ("1", "2", "3"):
            d = make_driver((1280, 720))
            d.start_game()
            d.press("enter")  # the whole chat and the options
            if d.phase != "choose":
                continue
            d.press(option)
            if d.app.top is not None and d.app.top.wants_text:
                d.press("enter")
            d.press(reason)
            texts = [r.text for r in d.texts()]
            assert not any("+1 points" in t for t in texts), texts
            seen.update(t for t in texts if t.startswith("+"))
    assert {"+1 point", "+2 points"} <= seen, seen


@pytest.mark.parametrize("lang", ["en", "sv"])
@pytest.mark.parametrize("size", [(1024, 768), (1920, 1080)], ids=lambda s: f"{s[0]}x{s[1]}")
def test_projector_pages_are_filled_labelled_and_announced(size, lang) -> None:
    """With the projector theme the feedback pages at the reading size, but each page but the
    last is at least a third full, every page starts with a label (an explanation whose label
    was on the page before repeats it), and the button names what the next page shows: the
    label of its one part, "Why the safe choice is right" before the reasons, else "Next"."""
    d = Driver(size, theme="projector", language=lang, region=REGIONS[lang], reduced_motion=True)
    for card in shipped_decks(lang)[0].cards[:3]:
        seen = []  # per page: the button's text, the page's labels, how full it is
        for shot in play_card(d, card):
            if not shot.screen.startswith("feedback-unsafe"):
                continue
            scene = shot.scene
            page = scene.pages[scene.pager.index]  # type: ignore[attr-defined]
            labels = [b.text for b in page.columns[0] if b.colour == "accent"]
            assert page.columns[0][0].colour == "accent", f"{card.id} p{shot.page}: no label"
            full = max(f.h for f in page.fits) / max(r.h for r in page.inner)
            seen.append((scene.next_btn.text, labels, full))  # type: ignore[attr-defined]
        for n, ((button, _, full), (_, labels, _)) in enumerate(zip(seen, seen[1:])):
            where = f"{card.id} page {n + 1} of {len(seen)}"
            assert full >= 0.33, f"{where}: {full:.0%} full"
            if button == tr("Why the safe choice is right"):
                assert labels[0] == tr("Your reason") and tr("The right reason") in labels, where
            elif button != tr("Next"):
                assert labels[0] == button, f"{where}: {button!r} before {labels}"
