"""Regions: every help file speaks every shipped language; the region comes from --region, the
settings or the system locale; and the help, pause and results screens (and the printed help
handout) show the chosen region's services in the chosen language."""

from __future__ import annotations

import pytest

from game import cli
from game.content.glossary import glossary
from game.content.help import HELP_DIR, load_region, read_region, region_for_locale, region_ids
from game.export.help_pdf import render_help
from game.model.kinds import SafeMove
from game.model.session import Mode
from game.ui import services
from game.ui.options import RunOptions
from tests.ui.driver import answer

from .conftest import read_catalogue

LANGUAGES = ["en", "sv"]  # every language the game ships; a new one is added here


def sv(msgid: str) -> str:
    return read_catalogue("sv").get(msgid).string


def test_every_region_file_has_every_text_in_every_language() -> None:
    assert {"se", "gb", "us", "au", "de", "elsewhere"} <= set(region_ids())
    missing = []
    for rid in region_ids():
        region = read_region(HELP_DIR / f"{rid}.yaml")  # strict: no fallback to elsewhere
        for lang in LANGUAGES:
            if not region.name.get(lang, "").strip():
                missing.append(f"{rid}.yaml: name.{lang}")
            for s in region.services:
                if not s.about.get(lang, "").strip():
                    missing.append(f"{rid}.yaml: {s.id}.about.{lang}")
    assert not missing, "\n".join(missing)


@pytest.mark.parametrize(
    ("locale", "region"),
    [
        ("sv_SE", "se"),
        ("sv_SE.UTF-8", "se"),
        ("en_GB", "gb"),
        ("cy_GB", "gb"),
        ("en_US", "us"),
        ("en_AU", "au"),
        ("de_DE", "de"),
        ("sv_FI", "elsewhere"),
        ("fr_FR", "elsewhere"),
        ("", "elsewhere"),
    ],
)
def test_region_for_locale(locale, region) -> None:
    assert region_for_locale(locale) == region


@pytest.mark.parametrize(
    ("lang_env", "language", "region"),
    [
        ("sv_SE.UTF-8", "sv", "se"),
        ("en_GB.UTF-8", "en", "gb"),
        ("C", "en", "elsewhere"),
        ("C.UTF-8", "en", "elsewhere"),
        ("POSIX", "en", "elsewhere"),
    ],
)
def test_an_empty_setting_follows_the_system_locale(monkeypatch, lang_env, language, region):
    for var in ("LC_ALL", "LC_MESSAGES", "LANGUAGE"):
        monkeypatch.delenv(var, raising=False)
    monkeypatch.setenv("LANG", lang_env)
    # Python reports a locale that names no country (C, C.UTF-8) as en_US: that must not
    # decide the region, or every help screen would say "Call 911".
    monkeypatch.setattr("locale.getlocale", lambda *a: ("en_US", "UTF-8"))
    assert services.resolve_region("") == region
    assert services.resolve_language("") == language
    assert services.resolve_region("gb") == "gb"  # a chosen region always wins


def test_the_command_line_hands_language_and_region_to_the_game(monkeypatch) -> None:
    seen: list[RunOptions] = []
    monkeypatch.setattr("game.ui.app.run", lambda options: seen.append(options) or 0)
    assert cli.main(["--lang", "sv", "--region", "gb"]) == 0
    assert (seen[0].language, seen[0].region) == ("sv", "gb")


# --- the screens -----------------------------------------------------------------------------

CASES = [("sv", "se"), ("en", "gb"), ("sv", "gb")]


def _expect(language: str, region_id: str) -> tuple[str, list[tuple[str, str, str]], str]:
    region = load_region(region_id)
    services_ = [(s.name, s.contact, s.about_in(language)) for s in region.services]
    danger = "In danger right now? Call {number}"
    line = (sv(danger) if language == "sv" else danger).format(number=region.emergency)
    return region.name_in(language), services_, line


def _texts(d) -> str:
    return "\n".join(r.text for r in d.texts())


@pytest.mark.parametrize(("language", "region_id"), CASES, ids=lambda v: v)
def test_help_shows_the_regions_services_in_the_language(lang_driver, language, region_id):
    # a large window: at small sizes the help leaves the service descriptions out to fit
    d = lang_driver((1920, 1080), language=language, region=region_id)
    d.start_game(mode=Mode.SOLO)
    d.press("h")
    assert d.top == "help"
    name, services_, danger = _expect(language, region_id)
    shown = " ".join(_texts(d).split())
    assert name in shown and danger in shown
    assert (sv("Where to get help") if language == "sv" else "Where to get help") in shown
    for service, contact, _about in services_:
        assert service in shown and contact in shown, service
    # descriptions are left out when a region lists many services (every region lists five
    # kinds since issue 12); when one is shown, it is in the chosen language (below)
    other = "en" if language == "sv" else "sv"
    for s in load_region(region_id).services:
        assert " ".join(s.about_in(other).split()) not in shown


@pytest.mark.parametrize(("language", "region_id"), CASES, ids=lambda v: v)
def test_pause_shows_the_regions_emergency_number(lang_driver, language, region_id):
    d = lang_driver((1280, 720), language=language, region=region_id)
    d.start_game(mode=Mode.SOLO)
    d.press("esc")
    assert d.top == "pause"
    _, services_, danger = _expect(language, region_id)
    shown = _texts(d)
    assert danger in shown
    assert (sv("Resume") if language == "sv" else "Resume") in shown
    other = "116 123" if region_id != "gb" else "BRIS"  # nothing from another region
    assert other not in shown


@pytest.mark.parametrize(("language", "region_id"), CASES, ids=lambda v: v)
def test_the_summary_shows_the_regions_services(lang_driver, language, region_id):
    d = lang_driver((1280, 720), language=language, region=region_id)
    d.start_game(mode=Mode.SOLO, count=3)
    while d.phase != "summary":
        answer(d, "1", "1")
    d.settle()
    _, services_, danger = _expect(language, region_id)
    shown = " ".join(_texts(d).split())
    assert danger in shown
    for service, contact, _ in services_[:3]:
        assert f"{service}: {contact}" in shown
    assert glossary(language).word("never_your_fault") in shown


# --- the printed handout ---------------------------------------------------------------------


@pytest.mark.slow  # a PDF per region
@pytest.mark.parametrize(("language", "region_id"), CASES, ids=lambda v: v)
def test_the_help_handout_is_in_the_language_with_the_regions_services(
    tmp_path, language, region_id
) -> None:
    pypdf = pytest.importorskip("pypdf")
    region = load_region(region_id)
    path = render_help(region, language, tmp_path / f"help-{language}-{region_id}.pdf")
    text = "".join(
        "".join(p.extract_text() or "" for p in pypdf.PdfReader(str(path)).pages).split()
    )

    def has(phrase: str) -> bool:
        return "".join(phrase.split()) in text

    for msgid in ("Where to get help", "The safe moves"):
        assert has(sv(msgid) if language == "sv" else msgid), msgid
    assert has(glossary(language).move(SafeMove.BLOCK_REPORT).name)
    assert has(region.name_in(language))
    for s in region.services:
        assert has(s.name) and has(s.about_in(language)), s.id
