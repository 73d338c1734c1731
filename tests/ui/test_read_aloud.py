"""Read-aloud: with the setting on, the card, the reasons and the feedback are spoken in reading
order through the App's one Speaker (a RecordingSpeaker here), a moved focus is spoken, and R
repeats the last full reading. With no voice installed the game goes on silently."""

from __future__ import annotations

from game.model.cards import Rating, Sender
from game.speech import NullSpeaker, RecordingSpeaker
from game.ui.app import GameSetup
from game.ui.voice import reading


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
