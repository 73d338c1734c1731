"""The glossary: every tag, safe move and rating has an entry in every language; the lines are
short, plain and pass the content lint; the loader explains a broken file in plain words."""

from __future__ import annotations

from pathlib import Path

import pytest

from game.content.checks import lint_text, word_count
from game.content.decks import languages as deck_languages
from game.content.glossary import (
    MAX_LINE_WORDS,
    MAX_NAME_WORDS,
    GlossaryError,
    glossary,
    languages,
    load_glossary,
)
from game.model.kinds import AgeBand, Rating, SafeMove, Tag
from game.model.session import scoring_rules

LANGUAGES = ["en", "sv"]


def test_every_deck_language_has_a_glossary() -> None:
    assert set(deck_languages()) <= set(languages())
    assert set(LANGUAGES) <= set(languages())


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_tag_safe_move_and_rating_has_an_entry(language) -> None:
    g = load_glossary(language)
    assert set(g.tactics) == set(Tag)
    assert set(g.safe_moves) == set(SafeMove)
    assert set(g.ratings) == set(Rating)
    for tag in Tag:
        assert set(g.tactics[tag].explain) == set(AgeBand), tag
        assert g.tactic_name(tag) and g.explain(tag, None)


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_scoring_rule_has_its_words(language) -> None:
    g = load_glossary(language)
    for rule in scoring_rules(spot=True, name=True, teams=True):
        assert rule.key in g.scoring, rule.key
        line = g.scoring_line(rule.key, rule.points)
        assert ("{points}" in rule.text) == (str(rule.points) in line), line


@pytest.mark.parametrize("language", LANGUAGES)
def test_names_are_short_and_different_and_lines_are_one_plain_line(language) -> None:
    g = load_glossary(language)
    names = [g.tactic_name(t) for t in Tag]
    assert len(set(names)) == len(names)
    for tag in Tag:
        assert word_count(g.tactic_name(tag)) <= MAX_NAME_WORDS, tag
        for band, line in g.tactics[tag].explain.items():
            assert word_count(line) <= MAX_LINE_WORDS, (tag, band, line)
            assert "\n" not in line
            assert not lint_text(line, language), (tag, band, lint_text(line, language))


def test_every_language_confuses_the_same_tags() -> None:
    """confused_with decides the NAME step's options: the same in every language, so a class
    playing in Swedish gets the same question as one playing in English."""
    en = load_glossary("en").confusions()
    for language in LANGUAGES:
        assert load_glossary(language).confusions() == en, language


def test_a_language_without_a_glossary_gets_the_english_one() -> None:
    assert glossary("xx").language == "en"


def test_a_broken_glossary_is_explained_in_plain_words(tmp_path: Path) -> None:
    text = Path(load_glossary.__code__.co_filename).parents[2] / "assets" / "glossary" / "en.yaml"
    broken = text.read_text(encoding="utf-8").replace("  flattery:\n", "  flatery:\n", 1)
    path = tmp_path / "en.yaml"
    path.write_text(broken, encoding="utf-8")
    with pytest.raises(GlossaryError) as info:
        load_glossary("en", path)
    message = str(info.value)
    assert "en.yaml" in message and "line" in message and "flatery" in message
    path.write_text("tactics: [", encoding="utf-8")
    with pytest.raises(GlossaryError, match="not valid YAML"):
        load_glossary("en", path)
    path.write_text(text.read_text(encoding="utf-8"), encoding="utf-8")
    with pytest.raises(GlossaryError, match="language: en"):
        load_glossary("sv", path)


@pytest.mark.parametrize("language", LANGUAGES)
def test_tactic_names_are_of_similar_length_so_the_longest_gives_nothing_away(language) -> None:
    lengths = [len(load_glossary(language).tactic_name(t)) for t in Tag]
    assert max(lengths) <= 1.6 * min(lengths), lengths
