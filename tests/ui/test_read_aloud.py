"""Read-aloud: with the setting on, the card, the reasons and the feedback are spoken in reading
order through the App's one Speaker (a RecordingSpeaker here), a moved focus is spoken, and R
repeats the last full reading. With no voice installed the game goes on silently."""

from __future__ import annotations

import pytest

from game.model.cards import Rating, Sender
from game.model.session import Mode
from game.speech import NullSpeaker, RecordingSpeaker
from game.ui.app import GameSetup
from game.ui.voice import reading
from tests.ui.driver import answer


def card_reading(card) -> list[str]:
    chat = []
    for msg in card.chat:
        if msg.sender is Sender.THEM:
            chat.append(f"{msg.name} says: {msg.text}")
        elif msg.sender is Sender.YOU:
            chat.append(f"You say: {msg.text}")
        else:
            chat.append(msg.text)
    options = [f"{i + 1}: {r.text}" for i, r in enumerate(card.responses)]
    return [card.setup, *chat, card.question, *options]


def clean(texts: list[str]) -> list[str]:
    from game.ui.voice import speakable

    return [speakable(t) for t in texts]


def start(make_driver, **kw):
    speaker = RecordingSpeaker()
    d = make_driver((1280, 720), speaker=speaker, read_aloud=True, **kw)
    d.press("enter")  # the content note
    assert d.app.start_game(GameSetup(count=3, seed=1)) is None  # no time passes yet
    return d, speaker


def test_the_card_is_read_in_order_each_message_as_it_appears(make_driver) -> None:
    d, speaker = start(make_driver)
    card = d.app.play.session.state.card
    expected = clean(card_reading(card))
    n_chat = len(card.chat)
    d.app.update(0.05)
    assert speaker.spoken[-1] == expected[0]  # the setup first
    d.app.update(0.45)  # the first message has appeared, the second not yet
    assert speaker.spoken[-1] == expected[1]
    assert expected[2] not in speaker.spoken
    d.settle()  # the rest of the chat, then the question and the options
    said = [s for s in speaker.spoken if s in expected]
    assert said == expected, said
    assert len(expected) == 1 + n_chat + 1 + len(card.responses)
    assert expected[1].startswith("jess.x says: ")


def test_moving_the_focus_speaks_the_focused_option_and_r_repeats_everything(
    make_driver,
) -> None:
    d, speaker = start(make_driver)
    card = d.app.play.session.state.card
    d.press("enter")  # the whole chat and the options at once
    speaker.spoken.clear()
    d.press("tab")
    assert speaker.spoken == [f"1: {card.responses[0].text}"]
    d.press("tab")
    assert speaker.spoken[-1] == f"2: {card.responses[1].text}"
    speaker.spoken.clear()
    stops = speaker.stops
    d.press("r")
    assert speaker.spoken == clean(card_reading(card))
    assert speaker.stops > stops  # a repeat cuts off what was being said


def test_the_reasons_and_the_feedback_are_read_after_a_pick(make_driver) -> None:
    d, speaker = start(make_driver)
    card = d.app.play.session.state.card
    d.press("enter")
    unsafe = next(i for i, r in enumerate(card.responses) if r.rating is not Rating.SAFE)
    speaker.spoken.clear()
    d.press(str(unsafe + 1))
    assert d.top == "explain"
    reasons = ["Why is the safe choice right?"] + [
        f"{i + 1}: {r.text}" for i, r in enumerate(card.reasons)
    ]
    assert clean(reasons) == speaker.spoken[-len(reasons) :]
    d.press("enter")  # leave the own-words box
    wrong = next(i for i, r in enumerate(card.reasons) if not r.right)
    speaker.spoken.clear()
    d.press(str(wrong + 1))
    assert d.top == "feedback"
    chosen = card.responses[unsafe]
    best = card.responses[card.best_response_index]
    right = card.reasons[card.right_reason_index]
    # what the feedback shows, both pages, in reading order (labels are read as they show)
    expected = clean(
        [
            {Rating.RISKY: "Risky", Rating.HARMFUL: "Harmful"}[chosen.rating],
            "You chose",
            chosen.text,
            chosen.feedback,
            "The safest choice",
            best.text,
            best.feedback,
            "Your reason",
            card.reasons[wrong].text,
            "Not quite",
            card.reasons[wrong].feedback,
            "The right reason",
            right.text,
            card.takeaway,
            f"Red flag: {card.red_flag}",
        ]
    )
    said = speaker.spoken[speaker.spoken.index(expected[0]) :]
    assert [s for s in said if s in expected] == expected
    parts = list(reading(d.app.top).parts)
    assert said == [*parts, reading(d.app.top).focus]  # the screen, then the focused button
    speaker.spoken.clear()
    d.press("r")
    assert speaker.spoken == parts


def test_an_overlay_does_not_restart_the_reading_below_it(make_driver) -> None:
    d, speaker = start(make_driver)
    d.press("enter")
    card = reading(d.app.top).parts
    d.press("h")
    count = len(speaker.spoken)  # the help reads itself
    d.press("esc")  # back on the card: nothing is read again by itself
    assert not set(speaker.spoken[count:]) & set(card)


def test_read_aloud_off_says_nothing_and_r_explains_why(make_driver) -> None:
    speaker = RecordingSpeaker()
    d = make_driver((1280, 720), speaker=speaker)
    d.start_game()
    d.press("enter", "tab")
    d.key("r")
    assert speaker.spoken == []
    assert d.shows("Read-aloud is off")


def test_a_settings_change_sets_up_speech_only_when_read_aloud_is_on(make_driver) -> None:
    from game.ui import prefs

    speaker = RecordingSpeaker()
    d = make_driver((1280, 720), speaker=speaker)
    d.press("enter")  # the content note
    prefs.change(d.app, text_scale=1.4)
    assert d.app.voice_if_made is None  # finding a speech engine is slow: not for a text size
    prefs.change(d.app, read_aloud=True)
    d.advance(0.5)
    assert d.app.voice_if_made is not None and speaker.spoken  # on: the screen is read


def test_without_a_voice_the_game_goes_on_silently(make_driver) -> None:
    d = make_driver((1280, 720), speaker=NullSpeaker(), read_aloud=True)
    d.start_game()
    d.press("enter", "1", "enter", "1", "r")
    assert d.top == "feedback"


def test_other_screens_speak_their_focused_button(make_driver) -> None:
    speaker = RecordingSpeaker()
    d = make_driver((1280, 720), speaker=speaker, read_aloud=True)
    d.press("enter")  # the content note
    assert d.top == "title"
    assert speaker.spoken[-3:] == ["Red Flags", "Spot the tricks. Choose the safe move.", "Play"]
    d.press("down")
    assert speaker.spoken[-1] == "How to play & help"
    assert reading(d.app.top).focus == "How to play & help"


def test_a_new_step_on_the_card_is_read_without_reading_the_chat_again(make_driver) -> None:
    """Spot, then name, then choose happen on one card screen: each new step's question, how
    the step before went and its choices are read; the setup and the chat are not read again."""
    speaker = RecordingSpeaker()
    d = make_driver((1280, 720), speaker=speaker, read_aloud=True)
    d.press("enter")  # the content note
    setup = GameSetup(count=3, seed=1, spot=True, name=True)
    assert d.app.start_game(setup) is None
    d.press("enter")  # the whole chat and the first step
    st = d.app.play.session.state
    card = st.card
    chat = set(clean(card_reading(card)[: 1 + len(card.chat)]))
    steps = []
    for _ in range(3):
        phase = d.phase
        parts = reading(d.app.top).parts
        assert parts[: len(chat)] and set(parts[: len(chat)]) == chat, parts
        steps.append((phase, parts))
        if phase == "choose":
            break
        speaker.spoken.clear()
        st = d.app.play.session.state
        pick = st.flag_messages[0] + 1 if phase == "spot" else 1
        if phase == "name":
            pick = 1 + next(i for i, tag in enumerate(st.name_options) if tag in st.card.tags[:1])
        d.press(str(pick))
        assert d.phase != phase
        now = reading(d.app.top)
        fresh = list(now.parts[len(chat) :])
        said = speaker.spoken
        assert not set(said) & chat, said  # the chat is not read again
        assert fresh[0] in said, (said, fresh)  # the picked choice may be said first
        start = said.index(fresh[0])
        assert said[start : start + len(fresh)] == fresh, said  # the new step, in order
        assert said[start + len(fresh) :] in ([], [now.focus]), said
    assert [p for p, _ in steps] == ["spot", "name", "choose"]
    assert card.question in steps[-1][1]
    assert clean([f"1: {card.responses[0].text}"])[0] in steps[-1][1]


# --- every screen of every mode is read ---------------------------------------------------------

MODES = (Mode.SOLO, Mode.TEAMS, Mode.ALL_TEAMS, Mode.TOGETHER)
PLAY_SCENES = {
    Mode.SOLO: {"card", "explain", "feedback", "summary"},
    Mode.TEAMS: {"facilitator-intro", "card", "explain", "feedback", "steal", "award", "summary"},
    Mode.ALL_TEAMS: {  # the card and its steps are on the teams' entry screen
        "facilitator-intro",
        "enter-choices",
        "enter-reasons",
        "team-feedback",
        "award",
        "summary",
    },
    Mode.TOGETHER: {"facilitator-intro", "card", "explain", "feedback", "summary"},
}
OVERLAYS = {"pause", "help", "end-session", "confirm"}


def letter(d, ch: str) -> None:
    import pygame

    key = getattr(pygame, f"K_{ch}")
    d.app.feed(pygame.event.Event(pygame.KEYDOWN, key=key, mod=0, unicode=ch, scancode=0))
    d.frame()
    d.settle()


class Heard:
    """Checks that the top screen's reading has been spoken, and notes which screens were."""

    def __init__(self, d, speaker) -> None:
        self.d, self.speaker, self.scenes = d, speaker, set()

    def check(self) -> None:
        d = self.d
        d.frame()  # an update: the narrator looks at the top screen
        d.settle()
        top = d.app.top
        now = reading(top)
        assert now.parts, f"{top.name} ({d.phase}) reads nothing"
        missing = [p for p in now.parts if p not in self.speaker.spoken]
        assert not missing, (top.name, d.phase, missing)
        self.scenes.add(top.name)


def overlays(d, heard: Heard) -> None:
    """Pause, help over it, 'End the session now?' and 'Back to the title?': each is read."""
    d.press("esc")
    heard.check()
    d.press("h")
    heard.check()
    d.press("esc")
    for open_ in (d.app.open_end_session, d.app.open_leave_confirm):
        open_()
        heard.check()
        d.press("esc")
    d.press("esc")  # the pause closes: back on the card
    assert d.app.top is not None and d.app.top.name not in OVERLAYS


def step_key(d) -> str:
    """The key of the right answer on a spot or name step (a wrong one is tried again)."""
    st = d.app.play.session.state
    if d.phase == "spot" and st.flag_messages:
        return str(st.flag_messages[0] + 1)
    if d.phase == "name":
        return str(1 + next(i for i, tag in enumerate(st.name_options) if tag in st.card.tags[:1]))
    return "1"


def unsafe_option(d) -> str:
    """A key that picks a not-safe option on the card screen (a steal follows in Team turns)."""
    from game.model.session import response_order

    st = d.app.play.session.state
    for pos, i in enumerate(response_order(st.card, st.options)):
        if st.card.responses[i].rating is not Rating.SAFE:
            return str(pos + 1)
    return "1"


@pytest.mark.parametrize("mode", MODES, ids=lambda m: m.value)
def test_every_screen_of_a_game_is_read_aloud_in_every_mode(make_driver, mode) -> None:
    """A whole game with the spot and name steps on, read aloud: every screen on the way (and
    the overlays over the card) reads what it shows, and it is spoken."""
    speaker = RecordingSpeaker()
    d = make_driver((1280, 720), speaker=speaker, read_aloud=True)
    heard = Heard(d, speaker)
    heard.check()
    d.press("enter")  # the content note
    heard.check()  # the title
    setup = GameSetup(mode=mode, teams=3, count=2, seed=1, spot=True, name=True)
    assert d.app.start_game(setup) is None
    heard.check()
    if d.top == "facilitator-intro":
        d.press("enter")
    first = True
    for _ in range(60):
        heard.check()
        if d.phase == "summary":
            break
        top = d.app.top.name
        if first and top in ("card", "enter-choices"):
            overlays(d, heard)
            first = False
        if top in ("enter-choices", "enter-reasons"):
            d.press("1", "2", "3", "enter")  # each team's choice, then reveal
        elif d.phase in ("spot", "name") and top == "card":
            d.press(step_key(d))
        elif d.phase == "choose" and top == "card":
            d.press(unsafe_option(d))
        elif (
            d.phase in ("explain", "feedback")
            and "award" in PLAY_SCENES[mode]
            and "award" not in heard.scenes
        ):
            if d.phase == "feedback" or top == "enter-reasons":
                letter(d, "b")
                if d.top != "award":  # one team could get it: open the choice by hand
                    d.app.open_award([0, 1])
                heard.check()
                d.press("esc")
            answer(d, "2", "1")
        else:
            answer(d, "2", "1")
    assert d.phase == "summary"
    expected = PLAY_SCENES[mode] | OVERLAYS | {"content-note", "title"}
    assert expected <= heard.scenes, expected - heard.scenes


def test_every_screen_outside_a_game_is_read_aloud(make_driver) -> None:
    """Title, setup, the card browser, settings, about, help, the region question, the resume
    offer and the crash screen each read what they show."""
    from game.ui.scenes.region_ask import RegionAskScene

    speaker = RecordingSpeaker()
    d = make_driver((1280, 720), speaker=speaker, read_aloud=True)
    heard = Heard(d, speaker)
    d.press("enter")  # the content note
    heard.check()
    for open_ in (d.app.open_help, d.app.open_settings, d.app.open_about):
        open_()
        heard.check()
        d.press("esc")
    d.app.open_setup()
    heard.check()
    d.press("down", "down")  # the first row: its name and chosen value are spoken
    assert speaker.spoken[-1].startswith("Who plays: Solo. One player")
    d.app.open_browser(None)
    heard.check()
    d.press("esc")
    d.app.push(RegionAskScene(d.app))
    heard.check()
    d.press("esc")
    d.start_game(Mode.TEAMS)  # a group game is saved after a step: the resume offer
    d.press("enter")
    again = make_driver((1280, 720), speaker=speaker, read_aloud=True)  # the next start
    again.press("enter")  # the content note, then the offer
    Heard(again, speaker).check()
    assert again.top == "resume"
    heard.scenes.add("resume")
    d.app.crash(RuntimeError("a test"))  # the way the crash screen comes
    heard.check()
    assert {"title", "help", "settings", "about", "setup", "browser", "region-ask"} <= heard.scenes
    assert {"resume", "crash"} <= heard.scenes


@pytest.mark.parametrize("mode", (Mode.TOGETHER, Mode.ALL_TEAMS), ids=lambda m: m.value)
def test_the_phones_screens_are_read_aloud(make_driver, mode) -> None:
    """Students' phones: how to join, the class's answers as bars, and the pulse before and
    after at the summary are read (counts with the option text, never who)."""
    speaker = RecordingSpeaker()
    d = make_driver((1280, 720), speaker=speaker, read_aloud=True)
    heard = Heard(d, speaker)
    d.press("enter")
    setup = GameSetup(mode=mode, teams=2, count=2, seed=1, phones=True, phones_host="127.0.0.1")
    assert d.app.start_game(setup) is None
    phones = d.app.play.phones
    try:
        heard.check()
        assert d.top == "phones-join"
        assert any(" ".join(phones.code) in s for s in speaker.spoken)
        d.press("enter")
        if d.top == "facilitator-intro":
            d.press("enter")
        for _ in range(6):
            if phones.step is not None and phones.step.kind != "pulse":
                break
            d.press("enter")
        letter(d, "v")
        assert d.top == "phones-reveal"
        heard.check()
        assert any(s.startswith("1: ") and "(0 %)" in s for s in speaker.spoken)
        d.press("esc")
        d.app.play.session.end_early()
        d.app.follow_session()
        d.settle()
        letter(d, "v")
        assert d.top == "phones-summary"
        heard.check()
        d.press("tab")  # the other page: each card, read as it shows
        heard.check()
        assert "How the class answered" in speaker.spoken
    finally:
        d.app.to_title()
    assert {"phones-join", "phones-reveal", "phones-summary"} <= heard.scenes


def test_the_results_read_the_help_they_show(make_driver) -> None:
    """The results screen reads "never your fault" and the helpline it draws, not only the
    scores and the red flags."""
    d, speaker = start(make_driver)
    for _ in range(40):
        if d.phase == "summary":
            break
        answer(d)
        d.settle()
    assert d.phase == "summary"
    said = " ".join(speaker.spoken)
    assert "It is never your fault" in said
    help_first = d.app.help.services[0]
    assert help_first.name in said
