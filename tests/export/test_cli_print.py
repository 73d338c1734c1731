"""`redflags print ...` through cmd_print: files written, clear exit codes."""

from __future__ import annotations

from game.export.cli_print import cmd_print


def test_print_cards_guide_and_help(tmp_path, read_pdf, good_deck_path, capsys):
    cards = tmp_path / "cards.pdf"
    rc = cmd_print(
        [
            "cards",
            "--deck",
            str(good_deck_path),
            "--age",
            "13-15",
            "--lang",
            "en",
            "--out",
            str(cards),
        ]
    )
    assert rc == 0 and read_pdf(cards).page_count == 2  # two cards fit 13-15
    guide = tmp_path / "guide.pdf"
    rc = cmd_print(
        [
            "guide",
            "--deck",
            str(good_deck_path),
            "--lang",
            "en",
            "--region",
            "gb",
            "--out",
            str(guide),
        ]
    )
    assert rc == 0 and read_pdf(guide).has("0800 1111")
    help_pdf = tmp_path / "help.pdf"
    assert cmd_print(["help", "--region", "se", "--lang", "sv", "--out", str(help_pdf)]) == 0
    assert read_pdf(help_pdf).page_count == 1
    assert "Wrote" in capsys.readouterr().out


def test_print_errors_are_sentences(tmp_path, good_deck_path, capsys):
    out = str(tmp_path / "x.pdf")
    assert cmd_print(["help", "--region", "atlantis", "--out", out]) == 1
    assert "Unknown region" in capsys.readouterr().err
    assert cmd_print(["cards", "--deck", str(good_deck_path), "--age", "adults", "--out", out]) == 1
    assert "no cards for age band adults" in capsys.readouterr().err
    assert cmd_print(["cards", "--deck", str(tmp_path / "missing.yaml"), "--out", out]) == 1
    assert "no such file" in capsys.readouterr().err
    assert cmd_print(["poster"]) == 2
