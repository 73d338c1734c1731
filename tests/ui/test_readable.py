"""Readable from the back of the room: with the projector theme every body text of a play
screen (the setup line, the chat, the question, the options, the reasons, the feedback, the
takeaway, the red flags of the results) is drawn at least 1/24 of the text height (32 px at
768) at every text size, the screens paging rather than shrinking it; and at any theme a larger
text size never draws a text smaller than a smaller size does.

The sizes are the ones the render log records for each text drawn (`TextRecord.size`)."""

from __future__ import annotations

import math

import pytest

from game.model.session import Mode
from game.settings import TEXT_SCALES
from tests.ui.card_walk import body_texts
from tests.ui.driver import Driver, answer

SIZES = [(1024, 768), (1920, 1080)]


def walk(size: tuple[int, int], scale: float, theme: str) -> dict[str, dict[str, int]]:
    """Solo and team play through the screens of a card; per screen, each body text's size
    (the smallest when a text is drawn more than once)."""
    shots: dict[str, dict[str, int]] = {}

    def shot(name: str, d: Driver) -> None:
        card = d.app.play.session.state.card if d.app.play else None
        bodies = body_texts(card) if card else set()
        found: dict[str, int] = {}
        for r in d.texts():
            if r.text in bodies or r.text.strip('“”"') in bodies:
                found[r.text] = min(r.size, found.get(r.text, 10_000))
        # a screen in pages: every page's texts
        scene = d.app.top
        pages = len(getattr(scene, "pages", []) or [])
        for _ in range(max(0, pages - 1)):
            d.press("right")
            for r in d.texts():
                if r.text in bodies:
                    found[r.text] = min(r.size, found.get(r.text, 10_000))
        shots[name] = found

    d = Driver(size, text_scale=scale, theme=theme, reduced_motion=True)
    d.start_game(mode=Mode.SOLO)
    d.press("enter")
    shot("card", d)
    d.press("2")
    d.key("esc")
    shot("explain", d)
    d.press("2")
    d.settle()
    shot("feedback", d)
    return shots


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
def test_projector_body_text_is_at_least_a_24th_of_the_height(make_driver, size) -> None:
    floor = math.ceil(min(size[1], size[0] * 0.75) / 24)
    problems = []
    for scale in TEXT_SCALES:
        for screen, found in walk(size, scale, "projector").items():
            assert found, f"{screen}: no body text found"
            problems += [
                f"{screen} at text x{scale}: {px} px < {floor}: {text[:40]!r}"
                for text, px in found.items()
                if px < floor
            ]
    assert not problems, "\n".join(problems)


@pytest.mark.parametrize("theme", ["default", "projector"])
def test_a_larger_text_size_never_makes_a_text_smaller(make_driver, theme) -> None:
    size = (1024, 768)
    before = walk(size, TEXT_SCALES[0], theme)
    problems = []
    for scale in TEXT_SCALES[1:]:
        now = walk(size, scale, theme)
        for screen, found in now.items():
            for text, px in found.items():
                old = before[screen].get(text)
                if old is not None and px < old:
                    problems.append(f"{screen} at x{scale}: {px} px < {old}: {text[:40]!r}")
        before = now
    assert not problems, "\n".join(problems)


def group_walk(scale: float) -> dict[str, dict[str, int]]:
    """Team turns (a steal, the results) and All teams (the feedback, every page) with the
    projector theme: per screen, each of the card's body texts and its smallest size."""
    shots: dict[str, dict[str, int]] = {}

    def shot(name: str, d: Driver, bodies: set[str]) -> None:
        found = shots.setdefault(name, {})
        for r in d.texts():
            if r.text in bodies:
                found[r.text] = min(r.size, found.get(r.text, 10_000))

    d = Driver((1024, 768), text_scale=scale, theme="projector", reduced_motion=True)
    d.start_game(mode=Mode.TEAMS, teams=6)
    d.press("enter")
    card = d.app.play.session.state.card
    d.press(str(next(i for i, r in enumerate(card.responses) if r.rating.value != "safe") + 1))
    assert d.top == "steal"
    d.press("1")  # team B steals: its options
    shot("steal", d, {r.text for r in card.responses})
    d.press("esc")  # back to the teams: no steal, then play on to the results
    for _ in range(60):
        if d.top == "summary":
            break
        answer(d)
    st = d.app.play.session.state
    flags = {c.red_flag for c in st.cards} | {c.takeaway for c in st.cards}
    for _ in range(d.app.top.pager.count):  # the red flags met, every page
        shot("results", d, flags)
        d.press("right")
    d = Driver((1024, 768), text_scale=scale, theme="projector", reduced_motion=True)
    d.start_game(mode=Mode.ALL_TEAMS, teams=6)
    d.press("enter", *"123412", "enter", *"123123", "enter")
    assert d.top == "team-feedback"
    card = d.app.play.session.state.card
    for _ in range(d.app.top.pager.count):
        shot("team-feedback", d, body_texts(card) - {card.question, card.setup})
        d.press("right")
    return shots


@pytest.mark.parametrize("scale", TEXT_SCALES, ids=str)
def test_group_screens_keep_the_reading_size_on_a_projector(make_driver, scale) -> None:
    floor = math.ceil(768 / 24)
    shots = group_walk(scale)
    assert all(shots.values()), {screen: len(found) for screen, found in shots.items()}
    problems = [
        f"{screen}: {px} px < {floor}: {text[:40]!r}"
        for screen, found in shots.items()
        for text, px in found.items()
        if px < floor
    ]
    assert not problems, "\n".join(problems)
