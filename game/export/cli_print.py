"""`redflags print cards|guide|help`: the printable exports from the command line.

Every way out is an exit code and a plain sentence: 0 when the PDF was written, 1 when the
input was wrong (a broken deck, no cards for that age band, no fpdf2), 2 for a usage error.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from pathlib import Path

from game.content.decks import default_deck_paths, languages, load_decks
from game.content.help import load_region, region_for_locale, region_ids
from game.content.plans import load_plans, plan_paths
from game.i18n import system_language, system_locale
from game.model.cards import AgeBand, Card
from game.model.plans import LessonPlan
from game.settings import own_plans_dir

KINDS = ("cards", "guide", "help")
DEFAULT_OUT = {
    "cards": "redflags-cards.pdf",
    "guide": "redflags-guide.pdf",
    "help": "redflags-help.pdf",
}


def _band(text: str) -> AgeBand:
    try:
        return AgeBand(text)
    except ValueError:
        choices = ", ".join(b.value for b in AgeBand)
        raise argparse.ArgumentTypeError(f"unknown age band {text}; use {choices}") from None


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="redflags print",
        description="Make printable PDFs: a card set for offline play, the facilitator guide, "
        "or the one-page 'Where to get help' handout.",
    )
    parser.add_argument("kind", choices=KINDS, help="what to print: cards, guide or help")
    parser.add_argument(
        "--deck",
        action="append",
        type=Path,
        metavar="PATH",
        help="deck file or folder (may be given more than once); default: the shipped decks",
    )
    parser.add_argument(
        "--age",
        type=_band,
        metavar="BAND",
        help="only cards for this age band: 10-12, 13-15, 16-18 or adults",
    )
    parser.add_argument("--lang", metavar="CODE", help="language, e.g. en or sv")
    parser.add_argument(
        "--region",
        metavar="ID",
        help="help resources for: " + ", ".join(region_ids() or ["elsewhere"]),
    )
    parser.add_argument(
        "--plan",
        metavar="NAME",
        help="a lesson plan's id or file (guide only): its objectives, timings and cards",
    )
    parser.add_argument("--title", help="a title for the card set (cards only)")
    parser.add_argument("--out", type=Path, metavar="FILE", help="where to write the PDF")
    return parser


def cmd_print(argv: Sequence[str]) -> int:
    try:
        options = _parser().parse_args(list(argv))
    except SystemExit as exit_:  # argparse has printed the usage or the help
        return int(exit_.code or 0)
    try:
        import fpdf  # noqa: F401 - only to give a clear message when it is missing
    except ImportError:
        print(
            "Printing needs the fpdf2 package. Install it with: pip install 'redflags[pdf]'",
            file=sys.stderr,
        )
        return 1

    language = (options.lang or _deck_language(options.deck) or system_language() or "en").lower()
    region_id = options.region or region_for_locale(system_locale())
    if options.region and options.region not in region_ids():
        print(
            f"Unknown region {options.region!r}; use one of: {', '.join(region_ids())}",
            file=sys.stderr,
        )
        return 1
    region = load_region(region_id)
    out = options.out or Path(DEFAULT_OUT[options.kind])

    if options.kind == "help":
        from game.export.help_pdf import render_help  # after the check for fpdf2 above

        try:
            path = render_help(region, language, out)
        except OSError as exc:
            return _not_written(out, exc)
        return _written(path, "help handout")

    cards = _cards(options.deck, language, options.age)
    if cards is None:
        return 1
    if options.kind == "cards":
        from game.export.cards_pdf import pages_for, render_cards  # after the fpdf2 check

        try:
            path = render_cards(cards, language, out, title=options.title)
        except OSError as exc:
            return _not_written(out, exc)
        return _written(path, f"{len(cards)} cards on {pages_for(len(cards))} pages")
    from game.export.guide_pdf import render_guide  # after the check for fpdf2 above

    plan = None
    if options.plan:
        found = _plan(options.plan, language, cards)
        if found is None:
            return 1
        plan, cards = found
    try:
        path = render_guide(cards, language, region, out, plan=plan)
    except OSError as exc:
        return _not_written(out, exc)
    return _written(path, "facilitator guide")


def _deck_language(decks: list[Path] | None) -> str | None:
    """Without --lang, the decks given with --deck decide the language of the headings: the
    language their header states (or their folder's), when they all share one."""
    if not decks:
        return None
    found = {d.language for d in load_decks(decks).decks}
    return found.pop() if len(found) == 1 else None


def _cards(decks: list[Path] | None, language: str, band: AgeBand | None) -> list[Card] | None:
    paths = decks or default_deck_paths(language)
    if not paths:
        known = ", ".join(languages()) or "none"
        print(f"No decks for language {language!r}. Languages with decks: {known}", file=sys.stderr)
        return None
    loaded = load_decks(paths)
    if not loaded.ok:
        count = len(loaded.errors)
        print(f"Found {count} problem{'s' if count != 1 else ''}:", file=sys.stderr)
        for error in loaded.errors:
            print(f"  - {error}", file=sys.stderr)
        print("Fix these and try again.", file=sys.stderr)
        return None
    cards = [c for c in loaded.cards if band is None or band in c.age_bands]
    if not cards:
        which = f" for age band {band.value}" if band else ""
        print(f"There are no cards{which} in these decks.", file=sys.stderr)
        return None
    return cards


def _plan(name: str, language: str, cards: list[Card]) -> tuple[LessonPlan, list[Card]] | None:
    """The plan named by id (shipped or the teacher's own) or by file, and its cards in order."""
    path = Path(name)
    paths = [path] if path.suffix in (".yaml", ".yml") else plan_paths(language, [own_plans_dir()])
    loaded = load_plans(paths, cards)
    plan = loaded.plans[0] if path.suffix in (".yaml", ".yml") and loaded.plans else None
    plan = plan or loaded.find(name)
    if plan is None:
        for error in loaded.errors:
            print(f"  - {error}", file=sys.stderr)
        known = ", ".join(p.id for p in loaded.plans) or "none"
        print(f"No lesson plan {name!r} in {language!r}. Plans: {known}", file=sys.stderr)
        return None
    by_id = {card.id: card for card in cards}
    return plan, [by_id[card_id] for card_id in plan.cards]


def _written(path: Path, what: str) -> int:
    print(f"Wrote {path} ({what}).")
    return 0


def _not_written(path: Path, exc: OSError) -> int:
    print(f"Could not write {path}: {exc.strerror or exc}", file=sys.stderr)
    return 1
