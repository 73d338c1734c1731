"""The session summary counts the four steps separately (spot, name, move, why) and names the
tricks missed most, per team and for the class, in the glossary's words (issue 11)."""

from __future__ import annotations

import datetime as dt

from game.content.help import load_region
from game.export.summary import render_summary_pdf, step_summary, summary_markdown
from game.model.cards import Rating
from game.model.session import Mode, Options, Session, new_state

DAY = dt.date(2026, 11, 21)
ON = Options(spot=True, name=True, shuffle=True, seed=4)


def flagged(cards):
    return [c.model_copy(update={"flag_at": [3]}) for c in cards[:2]]


def play(session: Session, good: bool) -> None:
    st = session.state
    session.show_options()
    if session.state.spots:
        session.spot(2 if good else 0)
    names = session.state.name_options
    session.name(next(i for i, t in enumerate(names) if (t in st.card.tags) == good))
    card = session.state.card
    if good:
        session.choose(card.best_response_index)
    else:
        session.choose(next(i for i, r in enumerate(card.responses) if r.rating is not Rating.SAFE))
    if session.state.phase.value == "steal":
        session.no_steal()
    session.explain(card.right_reason_index if good else (card.right_reason_index + 1) % 3)
    session.next()


def test_a_solo_summary_counts_each_step_and_names_the_tricks_missed(fixture_cards) -> None:
    cards = flagged(fixture_cards)
    s = Session(new_state(cards, options=ON))
    play(s, True)
    play(s, False)
    (entry,) = step_summary(s.state, "en")
    name, lines = entry
    assert name == ""
    assert lines[:4] == [
        "Spotted the red flag: 1 of 2",
        "Named the trick: 1 of 2",
        "Safe moves: 1 of 2",
        "Right reasons: 1 of 2",
    ]
    missed_card = s.state.cards[1]
    assert lines[4].startswith("Tricks missed most: ")
    assert missed_card.tags[0].value not in lines[4]  # names, not tag ids
    md = summary_markdown(s.state, "en", load_region("gb"), today=DAY)
    assert "## Step by step" in md and "- Spotted the red flag: 1 of 2" in md


def test_a_team_summary_has_each_team_and_the_class(fixture_cards, tmp_path, read_pdf) -> None:
    cards = flagged(fixture_cards)
    s = Session(new_state(cards, Mode.TEAMS, teams=2, options=ON))
    play(s, True)
    play(s, False)
    entries = step_summary(s.state, "sv")
    assert [n for n, _ in entries] == ["Foxes", "Owls", "Knep som missades oftast"]
    assert entries[0][1][0] == "Hittade den röda flaggan: 1 av 1"
    pdf = read_pdf(render_summary_pdf(s.state, "sv", load_region("se"), tmp_path / "s.pdf"))
    assert pdf.has("Steg för steg") and pdf.has("Satte namn på knepet: 0 av 1")


def test_without_the_new_steps_only_the_move_and_why_are_counted(fixture_cards) -> None:
    s = Session(new_state(fixture_cards[:1]))
    s.show_options()
    s.choose(s.state.card.best_response_index)
    s.explain(s.state.card.right_reason_index)
    ((_, lines),) = step_summary(s.state, "en")
    assert lines == ["Safe moves: 1 of 1", "Right reasons: 1 of 1"]
