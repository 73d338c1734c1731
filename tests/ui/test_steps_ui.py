"""The spot and name steps on screen (issue 11): "Where is the red flag?" (a number key, a
click on a bubble or on its button), "What trick is this?" (tactic names from the glossary),
the flag message marked in the phone with a line in words, the options in the session's
shuffled order with keys following the screen, the class steps in All teams (enter or reveal),
and the set-up's defaults (on)."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from game.model.session import Mode

from .driver import Driver

SIZES = [(1024, 768), (1280, 720), (1920, 1080)]
SHOTS = os.environ.get("REDFLAGS_SHOTS")  # a folder: save screenshots of the new screens there


def through_setup(d: Driver, mode: Mode = Mode.SOLO) -> None:
    d.press("enter")  # the content note
    d.press("enter")  # Play
    assert d.top == "setup"
    if mode is not Mode.SOLO:
        d.app.top.choose("mode", mode)
        d.settle()
    d.press("enter")  # Start
    if d.top == "facilitator-intro":
        d.press("enter")


def to_phase(d: Driver, phase: str) -> None:
    """Play forward (first options, right reasons) until `phase` shows on a card."""
    for _ in range(40):
        if d.phase == phase:
            return
        if d.phase == "scenario":
            d.press("enter")
        elif d.phase in ("spot", "name", "choose", "explain", "feedback", "steal"):
            from .driver import answer

            answer(d)
        else:
            break
    raise AssertionError(f"never reached {phase}; at {d.phase}")


def shot(d: Driver, name: str) -> None:
    if SHOTS:
        w, h = d.app.screen.get_size()
        d.screenshot(Path(SHOTS) / f"{name}-{w}x{h}.png")


def test_the_game_starts_with_the_steps_on_and_plays_them_by_keyboard(make_driver) -> None:
    d = make_driver((1280, 720))
    through_setup(d)
    d.press("enter")  # the whole chat
    st = d.app.play.session.state
    assert st.options.spot and st.options.name and st.options.shuffle
    to_phase(d, "spot")  # a card whose flag is in a message
    st = d.app.play.session.state
    assert d.shows("Where is the red flag?")
    flag = st.flag_messages[0]
    d.press(str(flag + 1))
    assert d.phase == "name" and d.top == "card"
    assert d.shows("What trick is this?")
    assert d.shows(f"Right! The red flag is in message {flag + 1}.")
    names = [d.app.glossary.tactic_name(t) for t in st.name_options]
    assert all(d.shows(n) for n in names)
    right = next(i for i, t in enumerate(st.name_options) if t in st.card.tags)
    d.press(str(right + 1))
    assert d.phase == "choose"
    assert d.shows("Right! The trick is: " + d.app.glossary.tactic_name(st.card.tags[0]))
    # the options in the drawn order; key 1 picks what is first on screen
    order = d.app.play.session.state.response_order
    buttons = d.app.top.options
    assert [b.label for b in buttons] == [st.card.responses[i].text for i in order]
    d.press("1")
    assert d.app.play.session.state.choice == order[0]
    result = None
    while d.phase != "feedback":
        from .driver import answer

        answer(d)
    result = d.app.play.session.state.results[-1]
    assert result.spot_right is True and result.name_right is True


def test_a_wrong_spot_says_where_the_flag_was_and_a_bubble_can_be_clicked(make_driver) -> None:
    d = make_driver((1024, 768))
    through_setup(d)
    to_phase(d, "spot")
    st = d.app.play.session.state
    wrong = next(i for i in range(len(st.card.chat)) if i not in st.flag_messages)
    scene = d.app.top
    bubble = scene.bubbles[wrong].rect.move(scene.chat_area.x, scene.chat_area.y)
    d.click(bubble.center)
    assert d.phase == "name"
    shown = [str(i + 1) for i in st.flag_messages]
    numbers = " and ".join(filter(None, [", ".join(shown[:-1]), shown[-1]]))
    assert d.shows(f"The red flag is in message {numbers}.")
    assert not d.shows("Right! The red flag")
    assert d.app.play.session.state.spot_right(0) is False


def test_the_buttons_of_the_spot_step_can_be_clicked_too(make_driver) -> None:
    d = make_driver((1280, 720))
    through_setup(d)
    to_phase(d, "spot")
    d.click(d.button("message0").center)
    assert d.phase == "name"
    d.click(d.button("tactic0").center)
    assert d.phase == "choose"


def test_all_teams_point_and_the_facilitator_reveals(make_driver) -> None:
    d = make_driver((1280, 720))
    through_setup(d, Mode.ALL_TEAMS)
    assert d.top == "enter-choices"
    to_phase_all_teams(d, "spot")
    assert d.shows("Where is the red flag?")
    st = d.app.play.session.state
    d.press(str(st.flag_messages[0] + 1))  # team A points at the flag
    d.press("enter")  # reveal: the other teams entered nothing
    assert d.phase == "name"
    d.press("enter")  # reveal the trick without entries
    assert d.phase == "choose"
    assert d.shows("The trick is: ")


def to_phase_all_teams(d: Driver, phase: str) -> None:
    for _ in range(60):
        if d.phase == phase:
            return
        if d.phase in ("scenario", "spot", "name", "feedback"):
            d.press("enter")
        elif d.phase in ("choose", "explain"):
            teams = len(d.app.play.session.state.teams)
            d.press(*["1"] * teams, "enter")
        else:
            break
    raise AssertionError(f"never reached {phase}; at {d.phase}")


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
def test_the_step_screens_fit_at_every_size(make_driver, size) -> None:
    from .test_screens import check_layout

    d = make_driver(size)
    through_setup(d)
    to_phase(d, "spot")
    check_layout(d.texts(), size)
    shot(d, "spot")
    d.press(str(d.app.play.session.state.flag_messages[0] + 1))
    check_layout(d.texts(), size)
    shot(d, "name")
    d.press("1")
    check_layout(d.texts(), size)
    shot(d, "choose-after-steps")


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
def test_setup_turns_the_steps_off_for_a_short_lesson(make_driver, size) -> None:
    from .test_screens import check_layout

    d = make_driver(size)
    d.press("enter", "enter")
    assert d.top == "setup"
    assert d.shows("Spot + name") and d.shows("Move + why")
    check_layout(d.texts(), size)
    shot(d, "setup")
    d.click(d.button("steps:3").center)  # Move + why
    assert (d.app.top.setup.spot, d.app.top.setup.name) == (False, False)
    d.press("enter") if d.app.top.focus == len(d.app.top.rows) else d.click(
        d.button("start").center
    )
    if d.top == "setup":
        d.click(d.button("start").center)
    d.press("enter")  # the whole chat
    assert d.phase == "choose"
    st = d.app.play.session.state
    assert not st.options.spot and not st.options.name and st.options.shuffle


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
def test_help_shows_the_points_and_the_glossary_of_tricks(make_driver, size) -> None:
    from game.model.kinds import Tag
    from game.model.session import scoring_rules

    from .test_screens import check_layout

    d = make_driver(size)
    through_setup(d)
    d.press("h")
    assert d.top == "help"
    words = d.app.glossary
    band = d.app.play.setup.band
    seen: list[str] = []
    d.press("g")
    pages = 0
    while d.app.top.page[0] == "tricks":
        pages += 1
        check_layout(d.texts(), size)
        seen += [r.text for r in d.texts()]
        shot(d, f"help-tricks-{pages}")
        d.press("g")
    assert d.app.top.page == ("help", 0) and 1 <= pages <= 3
    text = " ".join(seen)
    for rule in scoring_rules(spot=True, name=True):
        assert words.scoring_line(rule.key, rule.points, rule.text) in text, rule.key
    for tag in Tag:  # every trick by name, with its line for the age group played
        assert words.tactic_name(tag) in seen, tag
        assert words.explain(tag, band).split()[0] in text, tag
    # the top button: the services' own pages first, when they have them, and how to play's,
    # then the tricks
    for _ in range(1 + sum(k in ("services", "play") for k, _ in d.app.top.pages)):
        d.click(d.button("pages").center)
    assert d.app.top.page == ("tricks", 0) and d.shows(words.tactic_name(Tag.COMPENSATION))


def play_to_summary(d: Driver, good: bool) -> None:
    """Play every card: the right answers when `good`, else a wrong spot and a wrong trick."""
    for _ in range(80):
        if d.phase == "summary":
            return
        st = d.app.play.session.state
        if d.phase == "scenario":
            d.press("enter")
        elif d.phase == "spot":
            right = st.flag_messages[0]
            wrong = next((i for i in range(len(st.card.chat)) if i not in st.flag_messages), right)
            d.press(str((right if good else wrong) + 1))
        elif d.phase == "name":
            pick = next(i for i, t in enumerate(st.name_options) if (t in st.card.tags) == good)
            d.press(str(pick + 1))
        elif d.phase == "choose":
            order = st.response_order
            safe = [k for k, i in enumerate(order) if st.card.responses[i].rating.value == "safe"]
            unsafe = [k for k in range(len(order)) if k not in safe]
            d.press(str((safe if good else unsafe)[0] + 1))
        elif d.phase == "explain":
            if d.app.top.wants_text:
                d.press("enter")
            order = st.reason_order
            k = order.index(st.card.right_reason_index)
            d.press(str((k if good else (k + 1) % len(order)) + 1))
        else:
            d.press("enter")
    raise AssertionError(f"stuck at {d.phase}")


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
def test_the_solo_summary_counts_each_step_and_offers_practice(make_driver, size) -> None:
    from .test_screens import check_layout

    d = make_driver(size)
    through_setup(d)
    play_to_summary(d, good=False)
    assert d.top == "summary"
    st = d.app.play.session.state
    from game.model.session import step_counts

    right, n = step_counts(st).spot
    assert n and d.shows(f"Spotted the red flag: {right} of {n}")
    assert d.shows("Named the trick: 0 of 3") and d.shows("Safe moves: 0 of 3")
    assert d.shows("Right reasons: 0 of 3") and d.shows("Tricks missed most")
    assert d.shows(f"{st.scores[0]} of {st.best_score} points")
    check_layout(d.texts(), size)
    shot(d, "summary")
    played = {c.id for c in st.cards}
    d.click(d.button("practise").center)
    assert d.top == "card"
    again = d.app.play.session.state
    missed = {t for c in st.cards for t in c.tags}
    assert again.cards and all(set(c.tags) & missed for c in again.cards)
    assert not {c.id for c in again.cards} & played or len(again.cards) <= len(played)


def test_a_perfect_solo_game_has_nothing_to_practise(make_driver) -> None:
    d = make_driver((1280, 720))
    through_setup(d)
    play_to_summary(d, good=True)
    assert d.shows("No trick was missed.")
    scene = d.app.top
    assert scene.practise_btn not in scene.group.buttons
    st = d.app.play.session.state
    assert st.scores[0] == st.best_score


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
def test_the_facilitator_chooses_the_steps_on_the_checklist(make_driver, size) -> None:
    from .test_screens import check_layout

    d = make_driver(size)
    d.press("enter", "enter")
    setup = d.app.top
    setup.choose("mode", Mode.ALL_TEAMS)
    d.settle()
    assert not any(r.key == "steps" for r in setup.rows)  # group games: on the checklist
    d.press("enter")
    assert d.top == "facilitator-intro"
    assert d.shows("Spot + name") and d.shows("Move + why")
    check_layout(d.texts(), size)
    shot(d, "facilitator-intro")
    cards = [c.id for c in d.app.play.session.state.cards]
    d.press("4")  # the move and why only: a short lesson
    st = d.app.play.session.state
    assert (st.options.spot, st.options.name) == (False, False)
    assert [c.id for c in st.cards] == cards and st.results == ()
    d.click(d.button("steps:1").center)  # spot only
    assert d.app.play.session.state.options.spot and not d.app.play.session.state.options.name
    d.press("enter")  # the first card: its chat runs in, then the spot step
    if d.phase == "scenario":
        d.press("enter")
    assert d.phase == "spot"


def test_team_turns_the_answering_team_spots_and_names(make_driver) -> None:
    d = make_driver((1280, 720))
    through_setup(d, Mode.TEAMS)
    to_phase(d, "spot")
    st = d.app.play.session.state
    assert d.shows("Team A")  # the top bar names the team answering
    d.press(str(st.flag_messages[0] + 1))
    assert d.phase == "name" and d.shows("Right! The red flag is in message")
    d.press("1")
    assert d.phase == "choose"


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
def test_the_steps_in_swedish(lang_driver_sv, size) -> None:
    from .test_screens import check_layout

    d = lang_driver_sv(size)
    through_setup(d)
    to_phase(d, "spot")
    assert d.shows("Var är den röda flaggan?")
    check_layout(d.texts(), size)
    shot(d, "sv-spot")
    d.press(str(d.app.play.session.state.flag_messages[0] + 1))
    assert d.shows("Vilket knep är det här?") and d.shows("Rätt! Den röda flaggan finns")
    check_layout(d.texts(), size)
    shot(d, "sv-name")


@pytest.fixture
def lang_driver_sv():
    from tests.i18n.conftest import LangDriver

    def make(size):
        return LangDriver(size, language="sv", region="se")

    yield make


def test_a_card_whose_flag_is_in_the_setup_says_so_and_skips_the_spot(make_driver) -> None:
    d = make_driver((1280, 720))
    through_setup(d)
    session = d.app.play.session
    from game.model.session import Session, new_state

    st = session.state
    card = st.cards[0].model_copy(update={"flag_at": "setup"})
    confusions = {tag: list(others) for tag, others in st.confusions}
    from game.ui.flow import scene_for_play

    d.app.play.session = Session(new_state([card], st.mode, 2, st.options, confusions))
    d.app.reset(scene_for_play(d.app, d.app.play))
    d.settle()
    to_phase(d, "name")
    assert d.shows("The red flag is in the setup line, not in a message.")
    assert "spot" not in [a.__class__.__name__.lower() for a in d.app.play.session.history]
