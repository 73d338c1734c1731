"""Lesson plans: the shipped ones fit their decks in both languages, and print as guide pages."""

from __future__ import annotations

from pathlib import Path

import pytest
from pydantic import ValidationError

from game.content.decks import default_deck_paths, load_decks
from game.content.plans import load_plans, plan_paths
from game.export.cli_print import cmd_print
from game.model.plans import LessonPlan, PlanFile

LANGUAGES = ("en", "sv")


def _loaded(language: str):
    decks = load_decks(default_deck_paths(language))
    return load_plans(plan_paths(language), decks.cards)


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_shipped_plan_fits_its_decks(language: str) -> None:
    loaded = _loaded(language)
    assert loaded.errors == []
    assert {p.age_band.value for p in loaded.plans} == {"10-12", "13-15", "16-18", "adults"}
    for plan in loaded.plans:
        assert 5 <= len(plan.cards) <= 6, plan.id
        assert plan.planned_minutes <= plan.minutes


def test_the_plans_are_the_same_lessons_in_every_language() -> None:
    english = {p.id: p.cards for p in _loaded("en").plans}
    for language in LANGUAGES[1:]:
        assert {p.id: p.cards for p in _loaded(language).plans} == english


def _plan(**changes) -> dict:
    plan = {
        "id": "my-lesson",
        "title": "My lesson",
        "age_band": "13-15",
        "minutes": 45,
        "objectives": ["Spot a red flag."],
        "opening": {"minutes": 5, "what": "Ground rules."},
        "cards": ["a", "b", "c", "d"],
        "minutes_per_card": 5,
        "closing": {"minutes": 5, "what": "Help list."},
    }
    plan.update(changes)
    return plan


def test_a_plan_has_four_to_twelve_different_cards_and_fits_its_time() -> None:
    assert LessonPlan.model_validate(_plan()).planned_minutes == 30
    for bad in (
        {"cards": ["a", "b", "c"]},
        {"cards": [f"c{i}" for i in range(13)]},
        {"cards": ["a", "b", "c", "a"]},
        {"minutes_per_card": 10},
    ):
        with pytest.raises(ValidationError):
            LessonPlan.model_validate(_plan(**bad))


def test_a_plan_naming_a_missing_or_unfitting_card_is_reported(tmp_path: Path) -> None:
    english = load_decks(default_deck_paths("en")).cards
    first = _loaded("en").plans[0]
    grown_up = next(c.id for c in english if c.age_bands[0].value == "adults")
    data = {**first.model_dump(mode="json"), "id": "mine", "cards": [*first.cards[:4], "nope"]}
    data["cards"][0] = grown_up
    path = tmp_path / "mine.yaml"
    import yaml

    path.write_text(yaml.safe_dump(PlanFile.model_validate({"plan": data}).model_dump(mode="json")))
    loaded = load_plans([path], english)
    assert loaded.plans == []
    assert any("no card `nope`" in e for e in loaded.errors)
    assert any(f"card `{grown_up}` is written for adults" in e for e in loaded.errors)


def test_print_guide_with_a_plan_prints_its_objectives_timings_and_cards(
    tmp_path: Path, read_pdf, capsys
) -> None:
    out = tmp_path / "plan.pdf"
    assert (
        cmd_print(
            [
                "guide",
                "--plan",
                "money-and-threats-13-15",
                "--lang",
                "en",
                "--region",
                "gb",
                "--out",
                str(out),
            ]
        )
        == 0
    )
    pdf = read_pdf(out)
    assert pdf.has("Learning objectives") and pdf.has("Timings")
    assert pdf.has("Money and threats, ages 13–15")
    assert pdf.has("Card 6:")
    sv = tmp_path / "plan-sv.pdf"
    assert (
        cmd_print(
            [
                "guide",
                "--plan",
                "first-lesson-10-12",
                "--lang",
                "sv",
                "--region",
                "se",
                "--out",
                str(sv),
            ]
        )
        == 0
    )
    assert read_pdf(sv).has("Lärandemål")


def test_an_unknown_plan_lists_the_plans_there_are(tmp_path: Path, capsys) -> None:
    assert cmd_print(["guide", "--plan", "nope", "--lang", "en", "--out", str(tmp_path / "x")]) == 1
    err = capsys.readouterr().err
    assert "No lesson plan 'nope'" in err and "first-lesson-10-12" in err
