"""Shared pieces of the translation tests: Babel extraction with the project's own babel.cfg (the
same messages `tools/i18n.sh extract` collects), the Swedish catalogue, and a UI driver that starts
the game in a chosen language and region. Every test leaves the language as English."""

from __future__ import annotations

import os

os.environ["SDL_VIDEODRIVER"] = "dummy"
os.environ["SDL_AUDIODRIVER"] = "dummy"

import re  # noqa: E402
import string  # noqa: E402
from collections.abc import Iterator  # noqa: E402
from functools import cache  # noqa: E402
from pathlib import Path  # noqa: E402

import pygame  # noqa: E402
import pytest  # noqa: E402
from babel.messages.catalog import Catalog  # noqa: E402
from babel.messages.extract import extract_from_dir  # noqa: E402
from babel.messages.frontend import parse_keywords, parse_mapping_cfg  # noqa: E402
from babel.messages.pofile import read_po  # noqa: E402

from game import i18n  # noqa: E402
from game.model.cards import AgeBand  # noqa: E402
from game.settings import Settings as FallbackSettings  # noqa: E402
from game.ui.app import App  # noqa: E402
from game.ui.options import RunOptions  # noqa: E402
from tests.ui.driver import DECKS, Driver  # noqa: E402

ROOT = Path(__file__).resolve().parents[2]
LOCALE = ROOT / "assets" / "locale"
# every language with a catalogue must be complete (sv is the first)
TRANSLATED = [lang for lang in i18n.available_languages() if lang != i18n.SOURCE_LANGUAGE]
SHIPPED_DECKS = {
    lang: sorted((ROOT / "assets" / "decks" / lang).glob("*.yaml")) for lang in ("en", "sv")
}


def extracted() -> dict[str, list[tuple[str, int]]]:
    """msgid -> [(file, line)] for every message Babel extracts from game/, with babel.cfg."""
    return _extraction()[0]


def extracted_plurals() -> dict[str, str]:
    """msgid -> msgid_plural for every message extracted from an ngettext() call."""
    return _extraction()[1]


@cache
def _extraction() -> tuple[dict[str, list[tuple[str, int]]], dict[str, str]]:
    with (ROOT / "babel.cfg").open() as handle:
        method_map, options_map = parse_mapping_cfg(handle, "babel.cfg")
    keywords: dict[str, object] = {}
    for options in options_map.values():
        # parsed by Babel >= 2.17; older versions leave the string, as the tool's -k flags do
        found = options.get("keywords")
        keywords.update(parse_keywords(found.split()) if isinstance(found, str) else found or {})
    from babel.messages.extract import DEFAULT_KEYWORDS

    out: dict[str, list[tuple[str, int]]] = {}
    plurals: dict[str, str] = {}
    for filename, lineno, message, _comments, _context in extract_from_dir(
        str(ROOT / "game"), method_map, options_map, keywords={**DEFAULT_KEYWORDS, **keywords}
    ):
        msgid = message if isinstance(message, str) else message[0]
        if msgid:
            out.setdefault(msgid, []).append((f"game/{filename}", lineno))
        if isinstance(message, tuple) and len(message) > 1 and message[1]:
            plurals[msgid] = message[1]
    return out, plurals


def po_path(language: str) -> Path:
    return LOCALE / language / "LC_MESSAGES" / "redflags.po"


@cache
def read_catalogue(language: str) -> Catalog:
    with po_path(language).open("rb") as handle:
        return read_po(handle, locale=language)


def placeholders(text: str) -> set[str]:
    """The `{name}` fields of a str.format message (`{{` is a literal brace)."""
    return {field for _, field, _, _ in string.Formatter().parse(text) if field is not None}


NUMBERS = {"n", "total", "played", "points", "score", "best", "safe", "right", "page"}


def as_pattern(msgid: str) -> re.Pattern[str]:
    """A regex that matches the message once its placeholders are filled in."""
    parts = []
    for literal, field, _, _ in string.Formatter().parse(msgid):
        parts.append(re.escape(literal))
        if field in NUMBERS:
            parts.append(r"\d+")
        elif field == "letter":
            parts.append(r"\S")
        elif field is not None:
            parts.append(".{1,40}?")  # a name, a date: not a whole sentence
    return re.compile("".join(parts), re.S)


@pytest.fixture(autouse=True)
def _back_to_english() -> Iterator[None]:
    """The language is process-wide: never leak Swedish into the next test."""
    yield
    i18n.set_language("en")


class LangDriver(Driver):
    """The tests/ui driver, started with a language, a region and (by default) the shipped decks
    of that language, the way `redflags --lang sv --region se` starts."""

    def __init__(
        self,
        size: tuple[int, int] = (1024, 768),
        *,
        language: str = "sv",
        region: str = "se",
        decks: list[Path] | None = None,
        seed: int = 1,
        cards: int = 3,
        band: AgeBand = AgeBand.YOUNG_TEENS,
        text_scale: float = 1.0,
    ) -> None:
        settings = FallbackSettings(
            sound=False, language=language, region=region, text_scale=text_scale
        )
        options = RunOptions(
            deck_paths=list(decks if decks is not None else SHIPPED_DECKS.get(language) or DECKS),
            window_size=size,
            seed=seed,
            cards=cards,
            age_band=band,
            language=language,
            region=region,
        )
        self.app = App(options, settings=settings)
        self.app.ui.log.enabled = True
        self.app.start()
        self.frame()


@pytest.fixture
def lang_driver() -> Iterator[type[LangDriver]]:
    yield LangDriver
    pygame.quit()
