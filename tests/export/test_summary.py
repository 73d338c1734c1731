"""The session summary: counts per option and reason, most missed, prompts, help; no names."""

from __future__ import annotations

import datetime as dt

import pytest

from game.content.help import load_region
from game.export.summary import played_cards, render_summary_pdf, summary_markdown
from game.model.session import Mode, Phase, Session

DAY = dt.date(2026, 11, 21)


def play(session: Session, response: int, reason: int) -> None:
    session.show_options()
    session.choose(response)
    if session.state.phase is Phase.STEAL:
        from game.model.session import NoSteal

        session.do(NoSteal())
    session.explain(reason)
    session.next()


@pytest.fixture
def solo_state(fixture_cards):
    session = Session.start(fixture_cards, mode=Mode.SOLO, seed=1)
    order = [c.id for c in session.state.cards]
    for card_id in order[:2]:
        card = next(c for c in fixture_cards if c.id == card_id)
        if card.id == "coins-for-a-picture":
            play(session, 0, 1)  # harmful option, wrong reason
        else:
            play(session, card.best_response_index, card.right_reason_index)
    if session.state.phase is not Phase.SUMMARY:
        session.end_early()
    return session.state


def test_played_cards_count_options_and_reasons(solo_state):
    played = played_cards(solo_state)
    assert len(played) == len(solo_state.results) == 2
    for p in played:
        assert sum(p.option_counts) == 1
        assert sum(p.reason_counts) == 1


def test_markdown_summary(solo_state, fixture_cards):
    md = summary_markdown(solo_state, "en", load_region("se"), today=DAY)
    assert md.startswith("# Red Flags: Session summary")
    assert "21 November 2026" in md
    assert "**Cards played:** 2 of 3" in md
    played = played_cards(solo_state)
    for p in played:
        assert f"(`{p.card.id}`)" in md
        assert p.card.takeaway in md
        for prompt in p.card.discuss:
            assert prompt in md
    missed = [p for p in played if p.missed]
    section = md.split("## Most missed", 1)[1].split("##", 1)[0]
    for p in missed:
        assert p.card.id in section
    for p in played:
        if not p.missed:
            assert p.card.id not in section
    assert "## Red flags covered" in md
    assert "116 111" in md and "Call 112" in md
    # no names beyond the team names: solo play names nobody
    assert "Teams" not in md and "Foxes" not in md


def test_coins_card_counts_in_markdown(fixture_cards):
    session = Session.start(fixture_cards[:1], mode=Mode.SOLO)
    play(session, 0, 1)
    md = summary_markdown(session.state, "en", load_region("gb"), today=DAY)
    assert "| 1 | Send one picture for the coins. | Harmful | 1 |" in md
    assert "| 3 | Screenshot the chat, block and report, tell an adult. | Safe | 0 |" in md
    assert "| B | You would get in trouble. |  | 1 |" in md
    assert "Harmful option picked; wrong reason picked" in md


def test_team_summary_names_only_teams(tmp_path, read_pdf, fixture_cards):
    session = Session.start(fixture_cards, mode=Mode.TEAMS, teams=2, seed=4)
    while session.state.phase is not Phase.SUMMARY:
        play(session, 0, 0)
    state = session.state
    md = summary_markdown(state, "en", load_region("us"), today=DAY)
    assert "## Scores" in md
    for team, score in zip(state.teams, state.scores):
        assert f"| {team.name} | {score} |" in md
    pdf = read_pdf(
        render_summary_pdf(state, "en", load_region("us"), tmp_path / "s.pdf", today=DAY)
    )
    assert pdf.page_count >= 1
    for phrase in (
        "Session summary",
        "How the group answered",
        "Red flags covered",
        "Most missed",
        "Questions to follow up",
        "Call 911",
        "1-800-843-5678",
    ):
        assert pdf.has(phrase), phrase
    for card in state.cards:
        assert pdf.has(card.id)


def test_a_session_with_no_answers(tmp_path, read_pdf, fixture_cards):
    session = Session.start(fixture_cards, mode=Mode.SOLO)
    session.end_early()
    md = summary_markdown(session.state, "en", load_region("elsewhere"), today=DAY)
    assert "No cards were answered in this session." in md
    assert "your local emergency number" in md
    pdf = read_pdf(
        render_summary_pdf(session.state, "en", load_region("elsewhere"), tmp_path / "e.pdf")
    )
    assert pdf.has("No cards were answered in this session.")


def test_the_summary_names_the_lesson_plan_and_its_objectives(solo_state, tmp_path) -> None:
    from game.content.decks import default_deck_paths, load_decks
    from game.content.plans import load_plans, plan_paths

    plan = load_plans(plan_paths("en"), load_decks(default_deck_paths("en")).cards).plans[0]
    md = summary_markdown(solo_state, "en", load_region("se"), today=DAY, plan=plan)
    assert f"**Lesson plan:** {plan.title}" in md
    assert "## Learning objectives" in md
    for line in plan.objectives:
        assert f"- {line}" in md
    assert "Lesson plan" not in summary_markdown(solo_state, "en", load_region("se"), today=DAY)
    sv = summary_markdown(solo_state, "sv", load_region("se"), today=DAY, plan=plan)
    assert "**Lektionsplan:**" in sv and "## Lärandemål" in sv
    from tests.export.conftest import Pdf

    pdf = Pdf(
        render_summary_pdf(solo_state, "en", load_region("se"), tmp_path / "s.pdf", plan=plan)
    )
    assert pdf.has(f"Lesson plan: {plan.title}", page=0)
    assert pdf.has("Learning objectives", page=0)
    assert pdf.has(plan.objectives[0])


def test_a_service_named_by_its_number_is_listed_once(solo_state):
    md = summary_markdown(solo_state, "en", load_region("elsewhere"))
    line = next(x for x in md.splitlines() if x.startswith("- **116 111**"))
    assert line.count("116 111") == 1, line
    assert "- **Child Helpline International**: childhelplineinternational.org - " in md


def test_a_swedish_summary_names_the_teams_in_swedish(tmp_path, read_pdf, fixture_cards):
    """The team names are messages (Team:1 in babel.cfg): the screens say "Rävar", and so do
    the saved summary's scores, answers and steps."""
    session = Session.start(fixture_cards, mode=Mode.TEAMS, teams=2, seed=4)
    play(session, 0, 1)
    md = summary_markdown(session.state, "sv", load_region("se"), today=DAY)
    pdf = read_pdf(
        render_summary_pdf(session.state, "sv", load_region("se"), tmp_path / "s.pdf", today=DAY)
    )
    for text in (md, pdf.text):
        assert "Rävar" in text and "Foxes" not in text, text
