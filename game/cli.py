"""The command line: play (the default), validate, decks, schema.

Every path out of here is an exit code and a plain sentence; a teacher never sees a traceback.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from game.i18n import normalise
from game.model.kinds import PLAN_CARDS, PLAYER_BANDS, AgeBand, Tag

if TYPE_CHECKING:
    from game.content.decks import LoadResult

# The deck tools (pydantic, YAML) are imported inside the commands that use them, so that
# `redflags` opens its window without loading them first.

SUBCOMMANDS = ("play", "validate", "decks", "schema", "print", "bench")


def _size(text: str) -> tuple[int, int]:
    try:
        w, h = (int(v) for v in text.lower().split("x"))
    except ValueError:
        raise argparse.ArgumentTypeError(
            f"give the size as WIDTHxHEIGHT, like 1280x720, not {text}"
        ) from None
    if not (320 <= w <= 10000 and 240 <= h <= 10000):
        raise argparse.ArgumentTypeError(
            f"the window size must be from 320x240 to 10000x10000, not {printable(text)}"
        )
    return w, h


def printable(text: str) -> str:
    """Text safe for a terminal (see game.content.decks.printable; that module is heavy)."""
    return "".join(ch if ch.isprintable() else ch.encode("unicode_escape").decode() for ch in text)


def _band(text: str) -> AgeBand:
    try:
        return AgeBand(text)
    except ValueError:
        choices = ", ".join(b.value for b in AgeBand)
        raise argparse.ArgumentTypeError(f"unknown age band {text}; use {choices}") from None


def _positive(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text} is not a whole number") from None
    if value < 1:
        raise argparse.ArgumentTypeError("give a number of 1 or more")
    return value


def _card_count(text: str) -> int:
    """4 to 12 cards, as a lesson plan holds (game/model/plans.py)."""
    value = _positive(text)
    low, high = PLAN_CARDS
    if not low <= value <= high:
        raise argparse.ArgumentTypeError(
            f"a game has {low} to {high} cards; {value} is outside that"
        )
    return value


def _play_parser(prog: str = "redflags") -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog=prog,
        description="Red Flags: a quiz game about staying safe from online pressure and "
        "blackmail. Run without a command to play. Other commands: validate, decks, schema, "
        "print.",
    )
    parser.add_argument(
        "--deck",
        action="append",
        type=Path,
        metavar="PATH",
        help="play your own deck file or folder (may be given more than once)",
    )
    parser.add_argument(
        "--age", type=_band, metavar="BAND", help="age band: 10-12, 13-15, 16-18 or adults"
    )
    parser.add_argument("--lang", metavar="CODE", help="language, e.g. en or sv")
    parser.add_argument(
        "--region",
        metavar="ID",
        help="where the players live, for the help numbers: se, gb, us, au, de, elsewhere",
    )
    parser.add_argument(
        "--cards", type=_card_count, metavar="N", help="number of cards to play, 4 to 12"
    )
    parser.add_argument("--seed", type=int, metavar="N", help="seed for the card draw")
    parser.add_argument(
        "--plan",
        metavar="ID",
        help="a lesson plan's id (shipped or your own) to choose in setup: its cards in order",
    )
    parser.add_argument(
        "--presenter",
        choices=("auto", "on", "off"),
        default="auto",
        help="the presenter window (notes, scores, keys) on a second screen: offered in setup "
        "when two displays are connected (auto), always offered and chosen (on), or never (off)",
    )
    screen = parser.add_mutually_exclusive_group()
    screen.add_argument("--fullscreen", action="store_true", help="start in fullscreen")
    screen.add_argument(
        "--windowed",
        type=_size,
        metavar="WxH",
        help="start in a window of this size, e.g. 1280x720",
    )
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    args = list(sys.argv[1:] if argv is None else argv)
    try:
        if args and args[0] in SUBCOMMANDS:
            command, rest = args[0], args[1:]
        else:
            command, rest = "play", args
        if command == "validate":
            return cmd_validate(rest)
        if command == "decks":
            return cmd_decks(rest)
        if command == "schema":
            return cmd_schema(rest)
        if command == "bench":
            from game.bench import main as bench_main  # pygame and the UI: only to measure

            return bench_main(rest)
        if command == "print":
            from game.export.cli_print import cmd_print  # fpdf2 (~100 ms): only to print

            return cmd_print(rest)
        return cmd_play(rest)
    except KeyboardInterrupt:
        return 130
    except Exception as exc:  # noqa: BLE001 - the last line of defence against tracebacks
        print(
            f"Red Flags stopped because of an unexpected problem: {exc.__class__.__name__}: {exc}",
            file=sys.stderr,
        )
        return 2


def cmd_play(argv: Sequence[str]) -> int:
    options = _play_parser().parse_args(list(argv))
    if options.lang and not options.deck:
        from game.content.decks import languages

        known = languages()
        if normalise(options.lang) not in known:
            print(
                f"There are no decks in the language {printable(options.lang)!r}. "
                f"Languages: {', '.join(known)} (e.g. --lang {known[0] if known else 'en'}).",
                file=sys.stderr,
            )
            return 2
        options.lang = normalise(options.lang)
    if options.deck:
        from game.content.decks import load_decks

        loaded = load_decks(options.deck)
        if not loaded.ok:
            _print_errors(loaded)
            print(
                "Fix these and try again, or run without --deck to play the shipped decks.",
                file=sys.stderr,
            )
            return 1
    # pygame and the UI: not for the commands that only read decks
    from game.ui.app import run
    from game.ui.options import RunOptions

    return run(
        RunOptions(
            deck_paths=options.deck,
            age_band=options.age,
            language=options.lang,
            cards=options.cards,
            seed=options.seed,
            fullscreen=options.fullscreen,
            window_size=options.windowed,
            region=options.region,
            plan=options.plan,
            presenter={"auto": None, "on": True, "off": False}[options.presenter],
        )
    )


def cmd_validate(argv: Sequence[str]) -> int:
    parser = argparse.ArgumentParser(
        prog="redflags validate",
        description="Check deck files or folders. Exit 0 when all are valid, 1 otherwise.",
    )
    parser.add_argument("paths", nargs="+", type=Path, metavar="PATH")
    options = parser.parse_args(list(argv))
    from game.content.decks import load_decks

    loaded = load_decks(options.paths)
    problems = [str(e) for e in loaded.errors] + twin_differences(loaded)
    warnings = content_warnings(loaded)
    if warnings:
        print(f"{len(warnings)} suggestion(s) from the content guide:")
        for warning in warnings:
            print(f"  - {warning}")
    if not problems:
        cards = sum(len(d.cards) for d in loaded.decks)
        print(f"All good: {len(loaded.decks)} deck(s), {cards} card(s).")
        return 0
    count = len(problems)
    print(f"Found {count} problem{'s' if count != 1 else ''}:", file=sys.stderr)
    for problem in problems:
        print(f"  - {problem}", file=sys.stderr)
    return 1


def content_warnings(loaded: LoadResult) -> list[str]:
    """The content guide's suggestions (lengths, wording, sources, option balance, flag_at, the
    player's age, emoji), each naming the file, the line, the card and the field."""
    from game.content.checks import deck_findings

    return [str(f) for deck in loaded.decks for f in deck_findings(deck)]


def twin_differences(loaded: LoadResult) -> list[str]:
    """A translated deck must keep the structure of its English twin (same file name)."""
    from game.content.checks import structure_differences
    from game.content.decks import DECKS_DIR, load_deck_file

    out: list[str] = []
    for deck in loaded.decks:
        if deck.language == "en":
            continue
        twin_path = DECKS_DIR / "en" / Path(deck.path).name
        if not twin_path.is_file():
            continue
        twin, errors = load_deck_file(twin_path)
        if twin is not None:
            out.extend(f"{deck.path}, {d}" for d in structure_differences(deck, twin))
    return out


def _print_errors(loaded: LoadResult) -> None:
    count = len(loaded.errors)
    print(f"Found {count} problem{'s' if count != 1 else ''}:", file=sys.stderr)
    for error in loaded.errors:
        print(f"  - {error}", file=sys.stderr)


def cmd_decks(argv: Sequence[str]) -> int:
    parser = argparse.ArgumentParser(
        prog="redflags decks", description="List the decks with cards per age band and tag."
    )
    parser.add_argument("--lang", default="en", help="language of the shipped decks (default en)")
    parser.add_argument(
        "--deck",
        action="append",
        type=Path,
        metavar="PATH",
        help="list these deck files or folders instead of the shipped ones",
    )
    parser.add_argument(
        "--coverage",
        action="store_true",
        help="print a table of red flags by age band with card counts",
    )
    options = parser.parse_args(list(argv))
    from game.content.decks import default_deck_paths, languages, load_decks

    paths = options.deck or default_deck_paths(options.lang)
    if not paths:
        print(
            f"No decks for language {options.lang!r}. Languages: {', '.join(languages())}",
            file=sys.stderr,
        )
        return 1
    loaded = load_decks(paths)
    if not loaded.ok:
        _print_errors(loaded)
    if options.coverage:
        print(coverage_table(loaded))
    else:
        print(deck_listing(loaded))
    return 0 if loaded.ok else 1


def deck_listing(loaded: LoadResult) -> str:
    lines = []
    for deck in loaded.decks:
        bands = Counter(b.value for c in deck.cards for b in c.age_bands)
        tags = Counter(t.value for c in deck.cards for t in c.tags)
        lines.append(f"{deck.info.title}  [{deck.id}, {deck.language}]  {len(deck.cards)} cards")
        lines.append(
            "  age bands: "
            + ", ".join(f"{b.value}: {bands[b.value]}" for b in AgeBand if bands[b.value])
        )
        lines.append("  tags:      " + ", ".join(f"{t}: {n}" for t, n in sorted(tags.items())))
    total = sum(len(d.cards) for d in loaded.decks)
    lines.append(f"{len(loaded.decks)} decks, {total} cards")
    return "\n".join(lines)


def coverage_table(loaded: LoadResult) -> str:
    bands = [*PLAYER_BANDS, AgeBand.ADULTS]
    counts: Counter[tuple[str, str]] = Counter()
    for card in loaded.cards:
        for tag in card.tags:
            for band in card.age_bands:
                counts[(tag.value, band.value)] += 1
    width = max(len(t.value) for t in Tag) + 2
    header = "red flag".ljust(width) + "".join(b.value.rjust(8) for b in bands)
    rows = [header, "-" * len(header)]
    for tag in Tag:
        cells = []
        for band in bands:
            n = counts[(tag.value, band.value)]
            low = band in PLAYER_BANDS and tag is not Tag.ADULT_RESPONSE and n < 2
            cells.append((f"{n}!" if low else str(n)).rjust(8))
        rows.append(tag.value.ljust(width) + "".join(cells))
    rows.append("-" * len(header))
    totals = Counter(b.value for c in loaded.cards for b in c.age_bands)
    rows.append("cards".ljust(width) + "".join(str(totals[b.value]).rjust(8) for b in bands))
    rows.append("(! = fewer than 2 cards for a player age band)")
    return "\n".join(rows)


def cmd_schema(argv: Sequence[str]) -> int:
    parser = argparse.ArgumentParser(
        prog="redflags schema", description="Print the JSON Schema of a deck file."
    )
    parser.parse_args(list(argv))
    from game.model.cards import DeckFile

    schema = DeckFile.model_json_schema(by_alias=True)
    schema["title"] = "Red Flags deck file"
    print(json.dumps(schema, indent=2, ensure_ascii=False))
    return 0
