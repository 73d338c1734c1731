"""Issue 11 on paper: a card's back names the tactic (from the glossary) and where the red flag
shows (the message quoted); `print cards` without --lang uses the deck's language."""

from __future__ import annotations

from pathlib import Path

from game.content.glossary import load_glossary
from game.export.cards_pdf import flag_lines, render_cards
from game.export.cli_print import cmd_print
from game.model.cards import Tag

DECKS = Path(__file__).resolve().parents[2] / "assets" / "decks"


def test_the_back_names_the_tactic_and_quotes_the_flag_message(tmp_path, read_pdf, fixture_cards):
    card = fixture_cards[0].model_copy(update={"flag_at": [3]})
    en = load_glossary("en")
    lines = flag_lines(card, en)
    assert lines[0] == card.red_flag
    assert lines[1] == "The trick: Gifts for a picture / Keep it secret"
    assert lines[2].startswith("Where it shows: Message 3 “I'll give you 2000 coins")
    pdf = read_pdf(render_cards([card], "en", tmp_path / "cards.pdf"))
    assert pdf.has("The trick: Gifts for a picture", 1)
    assert pdf.has("Where it shows: Message 3", 1)
    assert not pdf.has("The trick", 0)  # nothing on the front gives it away


def test_a_flag_in_the_setup_and_a_card_without_flag_at(fixture_cards) -> None:
    en = load_glossary("en")
    setup = fixture_cards[1].model_copy(update={"flag_at": "setup"})
    assert flag_lines(setup, en)[-1] == "Where it shows: In the setup line"
    plain = fixture_cards[1].model_copy(update={"flag_at": None})
    assert len(flag_lines(plain, en)) == 2  # the red flag and the trick, no "where"


def test_the_back_speaks_the_decks_language(tmp_path, read_pdf, fixture_cards) -> None:
    card = fixture_cards[1].model_copy(update={"flag_at": [3], "tags": [Tag.SECRECY]})
    pdf = read_pdf(render_cards([card], "sv", tmp_path / "kort.pdf"))
    assert pdf.has("Knepet: Håll det hemligt", 1)
    assert pdf.has("Där det syns: Meddelande 3", 1)


def test_print_cards_without_lang_uses_the_decks_language(tmp_path, read_pdf, monkeypatch):
    monkeypatch.setenv("LANGUAGE", "en")
    monkeypatch.setenv("LANG", "en_GB.UTF-8")
    out = tmp_path / "sv.pdf"
    deck = DECKS / "sv" / "telling.yaml"
    assert cmd_print(["cards", "--deck", str(deck), "--out", str(out)]) == 0
    pdf = read_pdf(out)
    assert "Fronts" not in pdf.pages[0] and "Backs" not in pdf.pages[1]
    assert "Scenario cards" not in pdf.pages[0]
    assert pdf.has("Röd flagga", 1) or pdf.has("RÖD FLAGGA", 1)
    # a header's `language:` wins over the folder it sits in
    moved = tmp_path / "en" / "my-deck.yaml"
    moved.parent.mkdir()
    text = deck.read_text(encoding="utf-8")
    if "language:" not in text.split("cards:")[0]:
        text = text.replace("deck:\n", "deck:\n  language: sv\n", 1)
    moved.write_text(text, encoding="utf-8")
    out2 = tmp_path / "moved.pdf"
    assert cmd_print(["cards", "--deck", str(moved), "--out", str(out2)]) == 0
    assert "Fronts" not in read_pdf(out2).pages[0]
