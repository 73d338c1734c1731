"""The one-page help handout: one page for every region, every number on it."""

from __future__ import annotations

import re

import pytest

from game.content.help import load_region, region_ids
from game.export.help_pdf import render_help

REGIONS = region_ids() or ["elsewhere"]


def digits(text: str) -> str:
    return re.sub(r"\D", "", text)


@pytest.mark.slow  # a PDF per region
@pytest.mark.parametrize("region_id", REGIONS)
def test_help_handout_is_one_page_with_every_contact(tmp_path, read_pdf, region_id):
    region = load_region(region_id)
    pdf = read_pdf(render_help(region, "en", tmp_path / f"help-{region_id}.pdf"))
    assert pdf.page_count == 1
    assert pdf.has("Where to get help")
    assert pdf.has("It is never your fault — you can always tell someone.")
    for move in (
        "Stop",
        "Save the chat — never the picture",
        "Block and report",
        "Tell someone you trust",
        "Get help",
    ):
        assert pdf.has(move), move
    for service in region.services:
        assert pdf.has(service.name), service.name
        for part in service.contact.split("·"):
            assert pdf.has(part.strip()), part
        number = digits(service.contact)
        if number:
            assert number in digits(pdf.text)
    if region.emergency:
        assert pdf.has(f"In danger right now? Call {region.emergency}")
    else:
        assert pdf.has("Call your local emergency number")
    assert pdf.has("checked 21 November 2026") or pdf.has("checked")


def test_swedish_handout_keeps_swedish_letters(tmp_path, read_pdf):
    region = load_region("se")
    pdf = read_pdf(render_help(region, "sv", tmp_path / "help-sv.pdf"))
    assert pdf.page_count == 1
    assert pdf.has(region.name_in("sv"))  # Sverige
    for service in region.services:
        assert pdf.has(service.about_in("sv"))
    assert any(ch in pdf.text for ch in "åäö")
    assert pdf.has("116 111") and pdf.has("112")


@pytest.mark.slow  # a PDF render
def test_a_region_with_many_services_still_fits_one_page(tmp_path, read_pdf):
    region = load_region("gb")
    many = region.model_copy(update={"services": list(region.services) * 3})
    pdf = read_pdf(render_help(many, "en", tmp_path / "many.pdf"))
    assert pdf.page_count == 1
    assert pdf.has("ceop.police.uk/Safety-Centre")


def test_a_service_named_by_its_number_is_printed_once(tmp_path, read_pdf, fixture_cards):
    """ "116 111" is the name and the contact of the helpline outside the listed countries: the
    handout and the guide say it once, as the screens and the Markdown summary do."""
    from game.export.guide_pdf import render_guide

    region = load_region("elsewhere")
    assert any(s.contact == s.name for s in region.services)
    handout = read_pdf(render_help(region, "en", tmp_path / "help.pdf"))
    guide = read_pdf(render_guide(fixture_cards, "en", region, tmp_path / "guide.pdf"))
    assert handout.text.count("116 111") == 1, handout.text
    assert guide.pages[-1].count("116 111") == 1, guide.pages[-1]
