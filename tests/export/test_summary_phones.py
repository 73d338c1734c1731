"""The summary PDF's Students' phones section: the same report, and the same sentences, as the
Markdown section (game/phones/report.py); counts and shares only, never a phone id or a name."""

from __future__ import annotations

import datetime as dt

from game.content.help import load_region
from game.export.summary import phones_markdown, render_summary_pdf, summary_markdown
from game.model.session import Mode, Phase, Session
from game.phones.report import class_report
from game.phones.room import Question, Room, Step, pulse_step

DAY = dt.date(2026, 11, 21)
PHONES = ("phone-one-" * 3, "phone-two-" * 3, "phone-three-" * 3)


def phone_results(card_id: str):
    """A pulse before and after, and one card's move and why, answered by three phones."""
    room = Room()
    for p in PHONES:
        room.join(p)
    room.open(pulse_step("before"))
    for p, c in zip(PHONES, (1, 2, 1)):
        room.answer(p, "pulse:before", 0, c)
    move = Step(
        "1:option",
        "option",
        (Question("What do you do?", ("Send it to get the coins.", "Block, screenshot, tell.")),),
        card_id=card_id,
    )
    room.open(move)
    for p, c in zip(PHONES, (1, 1, 0)):
        room.answer(p, move.key, 0, c)
    room.reveal()
    why = Step(
        "1:explain",
        "reason",
        (Question("Why?", ("It is not your fault.", "You would get in trouble.", "Adults know.")),),
        card_id=card_id,
    )
    room.open(why)
    for p in PHONES:
        room.answer(p, why.key, 0, 0)
    room.reveal()
    room.open(pulse_step("after"))
    for p in PHONES:
        room.answer(p, "pulse:after", 0, 0)
    room.reveal()
    return room.results


def played_state(fixture_cards):
    session = Session.start(fixture_cards[:1], mode=Mode.TOGETHER)
    session.show_options()
    session.choose(session.state.card.best_response_index)
    session.explain(session.state.card.right_reason_index)
    session.next()
    assert session.state.phase is Phase.SUMMARY
    return session.state


def test_the_pdf_has_the_phones_section_with_the_markdowns_sentences(
    fixture_cards, tmp_path, read_pdf
) -> None:
    state = played_state(fixture_cards)
    card = state.cards[0]
    report = class_report(phone_results(card.id), card_titles={card.id: card.red_flag})
    assert report is not None
    md = "\n".join(phones_markdown(report))
    pdf = read_pdf(
        render_summary_pdf(state, "en", load_region("gb"), tmp_path / "s.pdf", phones=report)
    )
    # every sentence and figure of the Markdown section is in the PDF (arrows print as ->)
    assert pdf.has("How the class answered (phones, anonymous)")
    assert pdf.has("Pulse before and after")
    assert pdf.has("Answered: 3 before, 3 after.")
    assert pdf.has("If someone threatened to share a picture of me, I would know what to do.")
    assert pdf.has("Agree") and pdf.has("Not sure") and pdf.has("Disagree")
    assert "| 0 → 3 | 2 → 0 | 1 → 0 |" in md
    assert pdf.has("0 -> 3") and pdf.has("2 -> 0") and pdf.has("1 -> 0")
    assert pdf.has(f"Card 1: {card.red_flag}") and f"### Card 1: {card.red_flag}" in md
    for title, answered in (("What do you do?", 3), ("Why is the safe choice right?", 3)):
        assert f"**{title}** ({answered})" in md
        assert pdf.has(f"{title} ({answered})"), title
    for line in ("2 (67 %): Block, screenshot, tell.", "1 (33 %): Send it to get the coins."):
        assert f"- {line}" in md
        figure, text = line.split(": ", 1)
        assert pdf.has(figure) and pdf.has(text), line
    assert pdf.has("3 (100 %)") and pdf.has("0 (0 %)")
    # the section comes before the help list, which stays last
    text = pdf.text
    assert text.index("How the class answered (phones") < text.index("Where to get help")
    # anonymous: no phone id anywhere
    for p in PHONES:
        assert p[:10] not in text and p[:10] not in md


def test_without_phones_the_pdf_has_no_phones_section(fixture_cards, tmp_path, read_pdf) -> None:
    state = played_state(fixture_cards)
    pdf = read_pdf(render_summary_pdf(state, "en", load_region("gb"), tmp_path / "s.pdf"))
    assert not pdf.has("How the class answered (phones")
    assert class_report(()) is None


def test_the_report_is_in_the_summarys_language(fixture_cards, tmp_path, read_pdf) -> None:
    """The UI builds the report once, translated; the PDF lays out exactly those words."""
    from game.export._pdf import language
    from game.i18n import _

    state = played_state(fixture_cards)
    card = state.cards[0]
    with language("sv"):
        report = class_report(phone_results(card.id), _, {card.id: card.red_flag})
    assert report is not None
    assert report.heading != "How the class answered (phones, anonymous)"
    pdf = read_pdf(
        render_summary_pdf(state, "sv", load_region("se"), tmp_path / "s.pdf", phones=report)
    )
    assert pdf.has(report.heading)
    assert report.pulse is not None and pdf.has(report.pulse.answered)
    assert pdf.has(report.cards[0].steps[0].title)


def test_the_markdown_ends_with_the_phones_report(fixture_cards) -> None:
    """The saved Markdown is the summary, then the phones' section."""
    state = played_state(fixture_cards)
    card = state.cards[0]
    report = class_report(phone_results(card.id), card_titles={card.id: card.red_flag})
    assert report is not None
    region = load_region("gb")
    plain = summary_markdown(state, "en", region, today=DAY)
    with_phones = summary_markdown(state, "en", region, today=DAY, phones=report)
    section = "\n".join(phones_markdown(report)).rstrip()
    assert with_phones == plain.rstrip() + "\n\n" + section + "\n"
