"""Checks of the shipped data assets: help resources, sound cues, fonts (no pygame)."""

from __future__ import annotations

import datetime
import math
import re
import struct
import wave
from pathlib import Path

import pytest
import yaml

ROOT = Path(__file__).resolve().parents[1]
HELP = ROOT / "assets" / "help"
REGIONS = ["se", "gb", "us", "au", "de", "elsewhere"]
KINDS = {"helpline", "report", "removal", "emergency", "adult"}
CHECKED = datetime.date(2026, 11, 21)
GUIDE_CANDIDATES = [
    ROOT.parent / "shared" / "design" / "content-guide.md",  # CI: shared/ beside the clone
    Path("/work/shared/design/content-guide.md"),
]
NUMBER = re.compile(r"\d[\d -]*\d|\d")  # a phone number like "116 111" or "1-800-843-5678"


def digits(s: str) -> str:
    return re.sub(r"\D", "", s)


def load(region: str) -> dict:
    return yaml.safe_load((HELP / f"{region}.yaml").read_text(encoding="utf-8"))


def numbers_in(data: dict) -> set[str]:
    texts = [s["contact"] for s in data["services"]]
    if data.get("emergency"):
        texts.append(data["emergency"])
    return {digits(m) for t in texts for m in NUMBER.findall(t)}


def test_exactly_the_expected_region_files():
    assert sorted(p.stem for p in HELP.glob("*.yaml")) == sorted(REGIONS)


@pytest.mark.parametrize("region", REGIONS)
def test_region_file_is_well_formed(region):
    data = load(region)
    assert set(data) == {"id", "name", "locales", "emergency", "services"}
    assert data["id"] == region
    assert set(data["name"]) == {"en", "sv"}
    assert all(re.fullmatch(r"[a-z]{2,3}_[A-Z]{2}", loc) for loc in data["locales"])
    assert (data["locales"] == []) == (region == "elsewhere")
    ids = [s["id"] for s in data["services"]]
    assert ids and len(ids) == len(set(ids))
    for s in data["services"]:
        assert set(s) - {"also"} == {"id", "name", "kind", "contact", "about", "checked"}, s["id"]
        assert s["kind"] in KINDS, s["id"]
        assert set(s.get("also", [])) <= KINDS - {s["kind"]}, s["id"]
        assert isinstance(s["name"], str) and isinstance(s["contact"], str) and s["contact"]
        assert set(s["about"]) == {"en", "sv"}, s["id"]
        for text in s["about"].values():
            words = [w for w in text.split() if re.search(r"\w", w)]
            assert 0 < len(words) <= 14, (s["id"], text)
        assert s["checked"] == CHECKED, s["id"]
    # "in danger right now": an emergency number, or exactly one emergency entry
    n_emergency = sum(s["kind"] == "emergency" for s in data["services"])
    assert n_emergency <= 1
    if region == "elsewhere":
        # no verified number: the game says "call your local emergency number"
        assert data["emergency"] is None
    else:
        assert n_emergency == 1 or re.fullmatch(r"\d{3}", str(data["emergency"]))
        assert isinstance(data["emergency"], str)


def test_no_locale_in_two_regions():
    seen: dict[str, str] = {}
    for region in REGIONS:
        for loc in load(region)["locales"]:
            assert loc not in seen, f"{loc} in {seen.get(loc)} and {region}"
            seen[loc] = region


def test_every_number_is_in_the_content_guide():
    guide = next((p for p in GUIDE_CANDIDATES if p.is_file()), None)
    if guide is None:
        pytest.skip("shared/design/content-guide.md not found")
    text = guide.read_text(encoding="utf-8")
    table = text.split("## Help resources", 1)[1].split("\n## ", 1)[0]
    allowed = {digits(m) for m in NUMBER.findall(table)}
    for region in REGIONS:
        unknown = numbers_in(load(region)) - allowed
        assert not unknown, f"{region}: numbers not in the content guide: {unknown}"


SOUNDS = ["choose", "reveal", "next", "safe", "gentle"]


@pytest.mark.parametrize("name", SOUNDS)
def test_sound_cue_format(name):
    with wave.open(str(ROOT / "assets" / "sounds" / f"{name}.wav")) as w:
        assert (w.getframerate(), w.getnchannels(), w.getsampwidth()) == (22050, 1, 2)
        n = w.getnframes()
        assert 0 < n <= 0.4 * 22050
        samples = struct.unpack(f"<{n}h", w.readframes(n))
    assert 20 * math.log10(max(map(abs, samples)) / 32768) <= -12.0
    assert abs(samples[0]) < 200 and abs(samples[-1]) < 200  # faded in and out


def test_every_font_has_its_licence():
    fonts = ROOT / "assets" / "fonts"
    for family, licence in {
        "Andika": "OFL-Andika.txt",
        "Lexend": "OFL-Lexend.txt",
        "AtkinsonHyperlegible": "OFL-AtkinsonHyperlegible.txt",
        "OpenDyslexic": "LICENSE-OpenDyslexic.txt",
    }.items():
        assert list(fonts.glob(f"{family}-Regular.*")) or family == "Lexend"
        assert list(fonts.glob(f"{family}-Bold.*")), family
        assert (fonts / licence).is_file(), licence
