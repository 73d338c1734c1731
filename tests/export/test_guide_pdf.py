"""The facilitator guide: session plan, ground rules, safeguarding, card notes, help."""

from __future__ import annotations

from game.content.help import load_region
from game.export.guide_pdf import render_guide


def test_guide_has_the_plan_rules_safeguarding_notes_and_help(tmp_path, read_pdf, fixture_cards):
    region = load_region("gb")
    pdf = read_pdf(render_guide(fixture_cards, "en", region, tmp_path / "guide.pdf"))
    assert 3 <= pdf.page_count <= 8
    for phrase in (
        "Facilitator guide",
        "How to run a session (30 to 60 minutes)",
        "Before",
        "During",
        "After",
        "No personal stories",
        "No names",
        "You may pass",
        "Safeguarding",
        "If a young person tells you something",
        "Stay calm",
        "Thank them for telling you.",
        "Don't promise to keep it secret",
        "Don't blame them",
        "Follow your safeguarding procedure",
        "Save the chat — never the picture",
        "Block and report",
        "Tell someone you trust",
        "Notes on each card",
    ):
        assert pdf.has(phrase), phrase
    for card in fixture_cards:
        assert pdf.has(card.id), card.id
        assert pdf.has(card.red_flag)
        assert pdf.has(card.takeaway)
        for prompt in card.discuss:
            assert pdf.has(prompt)
    assert pdf.has(fixture_cards[0].facilitator_tip)
    # the help page comes last, on its own page
    last = pdf.page_count - 1
    assert pdf.has("Where to get help: United Kingdom", last)
    for service in region.services:
        assert pdf.has(service.contact.split("·")[0].strip(), last)
    assert pdf.has("In danger right now? Call 999", last)
    assert pdf.has("checked 21 November 2026", last)


def test_swedish_guide_prints_swedish_cards_and_help(tmp_path, read_pdf, swedish_card):
    region = load_region("se")
    pdf = read_pdf(render_guide([swedish_card], "sv", region, tmp_path / "guide-sv.pdf"))
    assert pdf.has("Mynt för en bild, och löftet om hemlighet")
    assert pdf.has("Gåvor för en bild")
    assert pdf.has("Sverige")
    assert pdf.has("För alla under 18")
    assert pdf.has("21 november 2026")
