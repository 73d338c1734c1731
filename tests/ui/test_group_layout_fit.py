"""A six-team game with the timer on, at 1024×768, in English and Swedish, at the default and
the largest text size: the setup's deck chips, the whose-turn chip of the top bar and the score
chips of the all-teams feedback keep their text inside their boxes, whole words and all."""

from __future__ import annotations

from collections.abc import Iterator

import pygame
import pytest

from game import i18n
from game.model.session import DEFAULT_TEAMS, Mode
from game.settings import TEXT_SCALES
from game.ui import prefs
from game.ui.services import tr
from tests.i18n.conftest import LangDriver
from tests.i18n.test_layout_sv import broken_words
from tests.ui.test_screens import check_layout

pytestmark = pytest.mark.slow  # screen walks at every size and text size

SIZE = (1024, 768)


@pytest.fixture
def driver() -> Iterator[type[LangDriver]]:
    yield LangDriver
    i18n.set_language("en")
    pygame.quit()


def inside(d: LangDriver, boxes: list[pygame.Rect], only: set[str] | None = None) -> list[str]:
    """Texts (of `only`, if given) centred in one of `boxes` but spilling out of it."""
    out = []
    for r in d.texts():
        if only is not None and r.text not in only:
            continue
        for box in boxes:
            if box.collidepoint(r.rect.center) and not box.contains(r.rect):
                out.append(f"{r.text!r} {r.rect} leaves {box}")
    return out


def to_setup(d: LangDriver, mode: Mode):  # noqa: ANN201
    if d.top == "content-note":
        d.press("enter")
    d.app.top.group.focus_id("play")
    d.press("enter")
    setup = d.app.top
    setup.choose("mode", mode)
    setup.choose("teams", 6)
    setup.choose("timer", 90)
    d.settle()
    return setup


@pytest.mark.parametrize("scale", [1.0, TEXT_SCALES[-1]], ids=["default", "largest"])
@pytest.mark.parametrize("language", ["en", "sv"])
def test_group_chips_keep_their_text_inside(driver, language, scale, tmp_path, monkeypatch) -> None:
    d = driver(SIZE, language=language, region="se" if language == "sv" else "gb", text_scale=scale)
    setup = to_setup(d, Mode.TEAMS)
    decks = next(r for r in setup.rows if r.key == "deck_id").chips
    problems = inside(d, [c.rect for c in decks])
    problems += broken_words(r for r in d.texts() if r.text in {c.text for c in decks})
    d.press("enter")  # Start: the facilitator's checklist, then the first card
    if d.top == "facilitator-intro":
        d.press("enter")
    d.press("enter")  # the whole chat: the timer runs, the top bar names the team
    scene = d.app.top
    assert scene.timer_shown()
    chip = scene.turn_chip()
    turn = [r for r in d.texts() if r.rect.colliderect(chip)]
    assert turn, "the whose-turn chip shows no text"
    problems += inside(d, [chip, scene.bar])
    problems += [f"{r.text!r} wraps to {r.lines!r}" for r in turn if len(r.lines) > 1]
    check_layout([r for r in d.texts() if r.rect.colliderect(scene.bar)], SIZE)
    i18n.set_language("en")
    pygame.quit()
    monkeypatch.setenv("REDFLAGS_DATA_DIR", str(tmp_path / "fresh"))  # no game to resume

    d = driver(SIZE, language=language, region="se" if language == "sv" else "gb", text_scale=scale)
    to_setup(d, Mode.ALL_TEAMS)
    # Start; on the checklist the steps off (4) and go; the whole chat
    d.press("enter", "4", "enter", "enter")
    d.press("1", "2", "3", "4", "1", "2", "enter")  # each team's choice
    d.press("1", "2", "3", "1", "2", "3", "enter")  # each team's reason
    assert d.top == "team-feedback"
    chips = d.app.top.chips
    teams = d.app.play.session.state.teams
    names = [tr(t.name) for t in teams]
    chip_texts = [
        r
        for r in d.texts()
        if any(c.collidepoint(r.rect.center) for c in chips)
        and (r.text in {t.letter for t in teams} or any(r.text.startswith(n) for n in names))
    ]
    assert len(chip_texts) == 2 * len(chips)  # the letter in the badge and the points
    problems += inside(d, chips, {r.text for r in chip_texts})
    problems += broken_words(chip_texts)
    check_layout(chip_texts, SIZE)
    assert not problems, "\n".join(problems)


def team_name_words(d: LangDriver, names: set[str]) -> list[str]:
    """Team names drawn broken inside a word ("Foxe-" / "s")."""
    return broken_words(r for r in d.texts() if r.text.split("\n")[0] in names)


@pytest.mark.parametrize("teams", [3, 6])
@pytest.mark.parametrize("language", ["en", "sv"])
def test_largest_text_group_screens_overlap_nothing(
    driver, language, teams, tmp_path, monkeypatch
) -> None:
    """At the largest text size the setup's team preview keeps each name whole and clear of
    the rows around it, and the all-teams feedback keeps its two result columns (every line
    inside its panel) above the row of team chips, nothing overlapping."""
    monkeypatch.setenv("REDFLAGS_DATA_DIR", str(tmp_path / "fresh"))  # no game to resume
    region = "se" if language == "sv" else "gb"
    d = driver(SIZE, language=language, region=region, text_scale=TEXT_SCALES[-1])
    setup = to_setup(d, Mode.ALL_TEAMS)
    setup.choose("teams", teams)
    d.settle()
    names = {tr(t.name) for t in DEFAULT_TEAMS[:teams]}
    shown = [r for r in d.texts() if r.text in names]
    assert len(shown) == teams, "the setup shows every team's name"
    problems = team_name_words(d, names)
    assert not problems, "\n".join(problems)
    check_layout(d.texts(), SIZE)

    # Start; on the checklist the steps off (4) and go; the whole chat
    d.press("enter", "4", "enter", "enter")
    while d.phase in ("spot", "name"):  # the class steps: the facilitator reveals
        d.press("enter")
    d.press(*"1231231"[:teams], "enter")  # each team's choice
    d.press(*"1212121"[:teams], "enter")  # each team's reason
    assert d.top == "team-feedback"
    scene = d.app.top
    for col, inner, fit in zip(scene.cols, scene.col_inner, scene.fits, strict=True):
        assert not col.colliderect(scene.chip_row), f"a column {col} runs into the chips"
        assert fit.fits, f"the column at {col} does not fit its text"
        inside_col = [r for r in d.texts() if col.collidepoint(r.rect.center)]
        problems += [
            f"{r.text!r} {r.rect} leaves {inner}" for r in inside_col if not col.contains(r.rect)
        ]
    problems += team_name_words(d, names)
    check_layout(d.texts(), SIZE)
    assert not problems, "\n".join(problems)


@pytest.mark.parametrize("language", ["en", "sv"])
def test_all_teams_feedback_pages_instead_of_leaving_answers_out(driver, language) -> None:
    """Six teams, the projector theme and the largest text: the feedback goes on pages at the
    reading size; every answer to a wrong reason a team picked is on one of them."""
    d = driver(SIZE, language=language, region="se" if language == "sv" else "gb")
    old = d.app.settings
    d.app.settings = old._replace(theme="projector", text_scale=TEXT_SCALES[-1])
    prefs.apply(d.app, old, d.app.settings)
    d.start_game(mode=Mode.ALL_TEAMS, teams=6)
    d.press("enter")
    for key in "123412":
        d.press(key)
    d.press("enter")
    for key in "123123":
        d.press(key)
    d.press("enter")
    assert d.top == "team-feedback"
    scene, st = d.app.top, d.app.play.session.state
    wanted = {st.card.reasons[r.reason].feedback for r in st.card_results}
    wanted -= {st.card.reasons[st.card.right_reason_index].feedback}
    seen: set[str] = set()
    floor = d.app.ui.m.reading
    for page in range(scene.pager.count):
        assert scene.pager.index == page
        texts = d.texts()
        check_layout(texts, SIZE)
        seen |= {r.text for r in texts}
        small = [r.text for r in texts if r.text in wanted and r.size < floor]
        assert not small, small
        d.press("enter")
    assert wanted <= seen
    assert d.app.play.session.state.index == 1  # the last page's Enter went on
