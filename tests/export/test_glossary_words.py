"""One home per sentence: the printouts say the safe moves, the tactics' names, the ground rules,
the safeguarding steps and "never your fault" in the words of the glossary of the language they
print in (assets/glossary/<lang>.yaml), the words the game's screens use too."""

from __future__ import annotations

import datetime as dt

import pytest

from game.content.glossary import glossary
from game.content.help import load_region
from game.export._pdf import language
from game.export.guide_pdf import render_guide
from game.export.help_pdf import render_help
from game.export.summary import render_summary_pdf, summary_markdown
from game.i18n import _
from game.model.kinds import SafeMove
from game.model.session import Mode, Session
from tests.export.test_summary import play

LANGUAGES = ("en", "sv")
REGION = {"en": "gb", "sv": "se"}
# the moves a young person makes; `support` is the bystander's (the guide), `listen` the adults'
YOUNG = [m for m in SafeMove if m not in (SafeMove.SUPPORT, SafeMove.LISTEN)]


@pytest.mark.parametrize("lang", LANGUAGES)
def test_the_help_handout_says_the_safe_moves_in_the_glossarys_words(tmp_path, read_pdf, lang):
    words = glossary(lang)
    pdf = read_pdf(render_help(load_region(REGION[lang]), lang, tmp_path / "help.pdf"))
    assert pdf.has(words.word("never_your_fault"))
    for move in YOUNG:
        assert pdf.has(words.move(move).name), move
        assert pdf.has(words.move(move).short), move


@pytest.mark.parametrize("lang", LANGUAGES)
def test_the_guide_says_the_moves_rules_and_safeguarding_in_the_glossarys_words(
    tmp_path, read_pdf, fixture_cards, lang
):
    words = glossary(lang)
    region = load_region(REGION[lang])
    pdf = read_pdf(render_guide(fixture_cards, lang, region, tmp_path / "guide.pdf"))
    for move in [*YOUNG, SafeMove.SUPPORT]:
        assert pdf.has(words.move(move).name), move
        assert pdf.has(words.move(move).detail), move
    for rule in words.facilitator.ground_rules:
        assert pdf.has(rule.name) and pdf.has(rule.detail), rule
    for step in words.facilitator.if_someone_tells:
        assert pdf.has(step), step
    assert pdf.has(words.word("never_your_fault"), pdf.page_count - 1)


@pytest.mark.parametrize("lang", LANGUAGES)
def test_the_summary_names_the_tactics_and_says_never_your_fault_in_the_glossarys_words(
    tmp_path, read_pdf, fixture_cards, lang
):
    words = glossary(lang)
    session = Session.start(fixture_cards, mode=Mode.SOLO, seed=1)
    for _card in fixture_cards:
        play(session, 0, 0)
    state, region, day = session.state, load_region(REGION[lang]), dt.date(2026, 11, 21)
    tags = list(dict.fromkeys(tag for card in fixture_cards for tag in card.tags))
    md = summary_markdown(state, lang, region, today=day)
    with language(lang):
        heading = _("Red flags covered")
    section = md.split(f"## {heading}\n", 1)[1].split("\n## ", 1)[0]
    names = {line.removeprefix("- ") for line in section.splitlines() if line.startswith("- ")}
    assert names == {words.tactic_name(tag) for tag in tags}
    assert words.word("never_your_fault") in md
    pdf = read_pdf(render_summary_pdf(state, lang, region, tmp_path / "summary.pdf", today=day))
    for tag in tags:
        assert pdf.has(words.tactic_name(tag)), tag
    assert pdf.has(words.word("never_your_fault"))
