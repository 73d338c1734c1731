"""Where to get help, against the content guide ("Help resources"): every region lists a
children's helpline, a way to report, a way to get a picture taken down, an emergency number
and a service for adults; and every kind of service a card sends the player to exists in every
region's list, so a card never promises help that the player's help screen does not hold."""

from __future__ import annotations

import re

import pytest

from game.content.help import FALLBACK_REGION, HELP_DIR, Kind, read_region, region_ids

# How a card names a kind of service, in English and Swedish.
KIND_WORDS: dict[Kind, str] = {
    Kind.HELPLINE: r"\bhelplines?\b|\bBRIS\b|\bChildline\b|\bstödlinj",
    Kind.REPORT: r"\bhotlines?\b|\bpolice\b|\bpolis|\bCEOP\b|\bCyberTipline\b",
    Kind.REMOVAL: r"Take It Down|Report Remove|\bremoval services?\b|borttagning",
    Kind.EMERGENCY: r"\bemergency\b|\bnödnummer|\b(112|999|911|000)\b",
    Kind.ADULT: r"Vuxenstöd|\bNSPCC\b|\bElterntelefon\b|\bLifeline\b",
}

# Services a card may name; each must be in at least one region's list.
NAMED_SERVICES = ["Take It Down", "Report Remove", "BRIS", "Childline", "ECPAT Hotline", "CEOP"]


def _regions():
    return {rid: read_region(HELP_DIR / f"{rid}.yaml") for rid in region_ids()}


def _card_texts(card) -> list[str]:
    texts = [card.setup, card.question, card.takeaway, card.facilitator_tip or ""]
    texts += [m.text for m in card.chat]
    texts += [r.text for r in card.responses] + [r.feedback for r in card.responses]
    texts += [r.text for r in card.reasons] + [r.feedback or "" for r in card.reasons]
    texts += list(card.discuss)
    return texts


def test_every_region_has_every_kind_of_help() -> None:
    missing = []
    for rid, region in _regions().items():
        kinds = set(region.kinds)
        if rid == FALLBACK_REGION and region.emergency is None:
            # no number is right for every country: the screens say "call your local
            # emergency number" instead (services.emergency_line)
            kinds.add(Kind.EMERGENCY)
        missing += [f"{rid}.yaml: no {kind.value}" for kind in Kind if kind not in kinds]
    assert not missing, "\n".join(missing)


def test_sweden_lists_take_it_down_and_ecpat_vuxenstod() -> None:
    names = {s.name for s in _regions()["se"].services}
    assert {"Take It Down", "ECPAT Vuxenstöd", "BRIS", "ECPAT Hotline"} <= names


def test_no_english_label_in_a_contact() -> None:
    # the contact line is shown as it is in every language: no "chat:" beside BRIS
    for rid, region in _regions().items():
        for s in region.services:
            assert not re.search(r"\bchat:", s.contact), f"{rid}.yaml: {s.id}: {s.contact}"


@pytest.mark.parametrize("kind", [Kind.ADULT], ids=lambda k: k.value)
def test_a_kind_can_be_served_by_a_service_of_another_kind(kind) -> None:
    us = _regions()["us"]
    assert us.by_kind(kind), "the CyberTipline serves adults too (content guide)"


def test_every_kind_of_service_a_card_names_is_in_every_regions_list(shipped) -> None:
    regions = _regions()
    kinds_named: dict[Kind, str] = {}
    for result in shipped.values():
        for card in result.cards:
            text = "\n".join(_card_texts(card))
            for kind, pattern in KIND_WORDS.items():
                if kind not in kinds_named and re.search(pattern, text, re.IGNORECASE):
                    kinds_named[kind] = card.id
    assert Kind.REMOVAL in kinds_named and Kind.HELPLINE in kinds_named  # the check bites
    gaps = []
    for rid, region in regions.items():
        kinds = set(region.kinds) | ({Kind.EMERGENCY} if rid == FALLBACK_REGION else set())
        gaps += [
            f"{rid}.yaml has no {kind.value} service, but card `{card_id}` sends players to one"
            for kind, card_id in kinds_named.items()
            if kind not in kinds
        ]
    assert not gaps, "\n".join(gaps)


def test_every_service_a_card_names_is_in_some_regions_list(shipped) -> None:
    listed = {s.name for region in _regions().values() for s in region.services}
    for result in shipped.values():
        for card in result.cards:
            text = "\n".join(_card_texts(card))
            for name in NAMED_SERVICES:
                if name in text:
                    assert name in listed or any(name in n for n in listed), (card.id, name)
