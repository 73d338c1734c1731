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


# --- the card browser's pure part and a teacher's own plans ---------------------------------

from game.content.plans import (  # noqa: E402
    CardFilter,
    PlanDraft,
    PlanFull,
    PlanMismatch,
    bands_in,
    browse,
    own_plans,
    plan_id,
    save_plan,
    tags_in,
)
from game.model.kinds import AgeBand, Tag  # noqa: E402


@pytest.fixture(scope="module")
def english_decks():
    return load_decks(default_deck_paths("en")).decks


def test_the_browser_filters_by_band_tag_and_deck(english_decks) -> None:
    everything = browse(english_decks)
    assert len(everything) == sum(len(d.cards) for d in english_decks)
    kids = browse(english_decks, CardFilter(band=AgeBand.KIDS))
    assert kids and all(AgeBand.KIDS in item.card.age_bands for item in kids)
    threats = browse(english_decks, CardFilter(tag=Tag.THREAT_TO_SHARE))
    assert threats and all(Tag.THREAT_TO_SHARE in item.card.tags for item in threats)
    one = english_decks[0].id
    only = browse(english_decks, CardFilter(deck=one))
    assert [i.card.id for i in only] == [c.id for c in english_decks[0].cards]
    both = browse(english_decks, CardFilter(band=AgeBand.KIDS, tag=Tag.THREAT_TO_SHARE))
    assert {i.card.id for i in both} == {i.card.id for i in kids} & {i.card.id for i in threats}
    assert bands_in(english_decks) == list(AgeBand)
    assert set(tags_in(english_decks, AgeBand.KIDS)) <= set(Tag)
    assert Tag.ADULT_RESPONSE not in tags_in(english_decks, AgeBand.KIDS)


def _kids_cards(decks, n):
    return [i.card for i in browse(decks, CardFilter(band=AgeBand.KIDS))][:n]


def test_a_draft_takes_four_to_twelve_cards_of_one_band_in_order(english_decks) -> None:
    cards = _kids_cards(english_decks, 13)
    draft = PlanDraft()
    for card in cards[:3]:
        draft = draft.add(card, prefer=AgeBand.KIDS)
    assert draft.band is AgeBand.KIDS and not draft.ready and draft.missing == 1
    assert draft.add(cards[0]) == draft  # twice is once
    draft = draft.add(cards[3])
    assert draft.ready
    for card in cards[4:12]:
        draft = draft.add(card)
    assert len(draft.cards) == 12
    with pytest.raises(PlanFull):
        draft.add(cards[12])
    adult = next(i.card for i in browse(english_decks, CardFilter(band=AgeBand.ADULTS)))
    with pytest.raises(PlanMismatch):
        PlanDraft().add(cards[0], prefer=AgeBand.KIDS).add(adult)
    moved = draft.move(cards[2].id, -5)
    assert moved.cards[0] == cards[2].id and len(moved.cards) == 12
    assert draft.move(cards[11].id, 3) == draft
    assert draft.toggle(cards[5]).cards == tuple(c.id for c in cards[:12] if c is not cards[5])
    # the band preferred (the browser's filter) wins when the first card fits it
    shared = next(c for c in cards if len(c.age_bands) > 1)
    assert PlanDraft().add(shared, prefer=shared.age_bands[1]).band is shared.age_bands[1]


def test_a_built_plan_saves_as_yaml_and_loads_back_checked(english_decks, tmp_path) -> None:
    cards = _kids_cards(english_decks, 6)
    draft = PlanDraft()
    for card in cards:
        draft = draft.add(card, prefer=AgeBand.KIDS)
    with pytest.raises(ValueError):
        PlanDraft(draft.cards[:3], AgeBand.KIDS).to_plan(
            "x", objectives=["o"], opening="a", closing="b"
        )
    plan = draft.to_plan(
        "Year 7, Tuesday – ÅÄÖ",
        objectives=["Spot a red flag.", "  "],
        opening="Ground rules.",
        closing="The help list.",
        taken=["year-7-tuesday-aao"],
    )
    assert plan.id == "year-7-tuesday-aao-2"
    assert plan.objectives == ["Spot a red flag."]
    assert plan.cards == [c.id for c in cards]
    assert plan.minutes == 40 and plan.planned_minutes <= plan.minutes
    path = save_plan(plan, tmp_path / "plans")
    assert path.name == "year-7-tuesday-aao-2.yaml"
    assert "ÅÄÖ" in path.read_text(encoding="utf-8")
    assert [p.name for p in (tmp_path / "plans").iterdir()] == [path.name]  # no temp left
    all_cards = [c for d in english_decks for c in d.cards]
    loaded = own_plans(tmp_path / "plans", all_cards)
    assert loaded.errors == [] and loaded.plans == [plan]
    # shipped and own plans together, as setup and `print guide --plan` read them
    together = load_plans(plan_paths("en", [tmp_path / "plans"]), all_cards)
    assert together.find(plan.id) == plan and len(together.plans) == 5
    assert PlanDraft.of(plan).cards == draft.cards
    assert own_plans(tmp_path / "nowhere", all_cards).plans == []


def test_plan_ids_are_plain_and_unique() -> None:
    assert plan_id("Year 7, Tuesday") == "year-7-tuesday"
    assert plan_id("Åk 8 – hot") == "ak-8-hot"
    assert plan_id("!!!") == "my-plan"
    assert plan_id("a", ["a", "a-2"]) == "a-3"
