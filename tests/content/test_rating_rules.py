"""The content guide's rules that a machine can check, on every shipped deck (issue 12).

- Rating rules: a response that sends a picture, pays, moves to another or private app, or strikes
  a deal with someone who threatens (promises silence or "anything", pleads no money) is
  rated harmful, never safe or risky.
- "Not the picture" beside screenshot advice in a thread that holds a picture.
- No removal promised where no service reaches ("online is not forever").
- One name, one role: a name is on one card only, unless it is a listed recurring character.

The phrase lists are data (assets/lint/rating-rules.yaml, assets/lint/names.yaml), so a new
language or a new phrasing is added there, not here. Each test runs once per deck file, so a
failure names the file, the card and the option.
"""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass
from functools import cache
from typing import Any

import pytest

from game.content.decks import default_deck_paths, languages, load_decks
from game.content.paths import ASSETS
from game.content.yaml_source import parse
from game.model.cards import Card, Rating, Sender, Tag

LINT = ASSETS / "lint"


@dataclass(frozen=True)
class Rules:
    negation: re.Pattern[str]
    acts: dict[str, tuple[re.Pattern[str], ...]]
    screenshot: tuple[re.Pattern[str], ...]
    not_the_picture: tuple[re.Pattern[str], ...]
    picture_in_thread: tuple[re.Pattern[str], ...]
    removal_promise: tuple[re.Pattern[str], ...]


def _compile(patterns: list[str]) -> tuple[re.Pattern[str], ...]:
    return tuple(re.compile(rf"(?<!\w)(?:{p})(?!\w)", re.IGNORECASE) for p in patterns)


@cache
def rules() -> dict[str, Rules]:
    data: Any = parse((LINT / "rating-rules.yaml").read_text(encoding="utf-8"))
    out = {}
    for lang, d in data.items():
        negs = "|".join(re.escape(n) for n in d["negations"])
        out[lang] = Rules(
            negation=re.compile(rf"(?<!\w)(?:{negs})(?!\w)|n't\b", re.IGNORECASE),
            acts={act: _compile(p) for act, p in d["never_safe_or_risky"].items()},
            screenshot=_compile(d["screenshot"]),
            not_the_picture=_compile(d["not_the_picture"]),
            picture_in_thread=_compile(d["picture_in_thread"]),
            removal_promise=_compile(d["removal_promise"]),
        )
    return out


def _norm(text: str) -> str:
    return text.replace("’", "'").replace("”", '"').replace("“", '"')


def _negated(text: str, start: int, negation: re.Pattern[str]) -> bool:
    sentence_start = max(text.rfind(mark, 0, start) for mark in ".!?;") + 1
    return bool(negation.search(text[sentence_start:start]))


def _hits(text: str, patterns: tuple[re.Pattern[str], ...], negation=None) -> list[str]:
    text = _norm(text)
    out = []
    for p in patterns:
        for m in p.finditer(text):
            if negation is not None and _negated(text, m.start(), negation):
                continue
            out.append(m.group(0))
    return out


def _deck_files() -> list[tuple[str, str]]:
    return [(lang, str(p)) for lang in languages() for p in default_deck_paths(lang)]


DECK_FILES = _deck_files()
IDS = [f"{lang}/{path.split('/')[-1]}" for lang, path in DECK_FILES]


@cache
def _cards(path: str) -> tuple[Card, ...]:
    result = load_decks([path])
    assert result.ok, "\n".join(str(e) for e in result.errors)
    return tuple(result.cards)


def _where(lang: str, path: str, card: Card) -> str:
    return f"{lang}/{path.split('/')[-1]}, card `{card.id}`"


# --- rating rules ------------------------------------------------------------------------------


def rating_findings(lang: str, path: str) -> list[str]:
    r = rules().get(lang)
    if r is None:
        return []
    out = []
    for card in _cards(path):
        for i, resp in enumerate(card.responses, 1):
            if resp.rating is Rating.HARMFUL:
                continue
            for act, patterns in r.acts.items():
                hits = _hits(resp.text, patterns, r.negation)
                if hits:
                    out.append(
                        f"{_where(lang, path, card)}, response {i} “{resp.text}” is rated "
                        f"{resp.rating.value}, but it {act} (“{hits[0]}”): the rating rules "
                        "in content-guide.md rate that harmful"
                    )
    return out


def _holds_a_picture(card: Card, r: Rules) -> bool:
    if {Tag.ALREADY_SENT, Tag.FAKE_IMAGE} & set(card.tags):
        return True
    thread = [card.setup] + [m.text for m in card.chat]
    return any(_hits(t, r.picture_in_thread) for t in thread)


def not_the_picture_findings(lang: str, path: str) -> list[str]:
    r = rules().get(lang)
    if r is None:
        return []
    out = []
    for card in _cards(path):
        if not _holds_a_picture(card, r):
            continue
        texts = [
            (f"response {i}", resp.text)
            for i, resp in enumerate(card.responses, 1)
            if resp.rating is Rating.SAFE
        ] + [("takeaway", card.takeaway)]
        for field, text in texts:
            if _hits(text, r.screenshot) and not _hits(text, r.not_the_picture):
                out.append(
                    f"{_where(lang, path, card)}, {field} “{text}” tells the player to save "
                    "the messages in a thread that holds a picture, but does not say "
                    "“not the picture” (never copy a nude, not even as proof)"
                )
    return out


def _all_texts(card: Card) -> list[tuple[str, str]]:
    out = [("setup", card.setup)]
    out += [(f"chat message {i}", m.text) for i, m in enumerate(card.chat, 1)]
    for i, resp in enumerate(card.responses, 1):
        out += [(f"response {i}", resp.text), (f"response {i}, feedback", resp.feedback)]
    for i, reason in enumerate(card.reasons, 1):
        out += [(f"reason {i}", reason.text), (f"reason {i}, feedback", reason.feedback)]
    out += [("takeaway", card.takeaway)] + [
        (f"discuss {i}", d) for i, d in enumerate(card.discuss, 1)
    ]
    if card.facilitator_tip:
        out.append(("facilitator_tip", card.facilitator_tip))
    return out


def removal_findings(lang: str, path: str) -> list[str]:
    r = rules().get(lang)
    if r is None:
        return []
    out = []
    for card in _cards(path):
        for field, text in _all_texts(card):
            hits = _hits(text, r.removal_promise, r.negation)
            if hits:
                out.append(
                    f"{_where(lang, path, card)}, {field}: “{hits[0]}” promises a removal no "
                    "service can promise (say what Take It Down / a report can do, content guide)"
                )
    return out


# --- names -------------------------------------------------------------------------------------

NAME_WORD = re.compile(r"(?<![\w@#])([A-ZÅÄÖÉ][a-zåäöéü]+)(?![\w])")
SENTENCE_START = re.compile(r"(^|[.!?:…]\s+|[\"”“'(]\s*)$")
PLAYER = re.compile(r"(?:You're|You are|Du är) ([A-ZÅÄÖÉ][a-zåäöéü]+)")


@cache
def names_data() -> dict[str, Any]:
    data: Any = parse((LINT / "names.yaml").read_text(encoding="utf-8"))
    return dict(data)


def _prose(card: Card) -> list[str]:
    return [_norm(t) for _, t in _all_texts(card)]


@cache
def _lowercase_words(lang: str) -> frozenset[str]:
    words: set[str] = set()
    for _, path in [d for d in DECK_FILES if d[0] == lang]:
        for card in _cards(path):
            for t in _prose(card):
                words.update(re.findall(r"\b[a-zåäöéü]+\b", t))
    return frozenset(words)


def _candidates(card: Card) -> tuple[set[str], set[str], set[str]]:
    """(capitalised words inside sentences, sure names, first words of handles) on one card.

    Sure names are the player's ("You're Liam", "Du är Liam") and a one-word chat name.
    """
    named, sure = set(), set()
    for t in _prose(card):
        sure.update(PLAYER.findall(t))
        for m in NAME_WORD.finditer(t):
            if not SENTENCE_START.search(t[: m.start()]):
                named.add(m.group(1))
    handles = set()
    for msg in card.chat:
        if msg.sender is Sender.THEM and msg.name:
            words = re.findall(r"[A-Za-zÅÄÖåäöé]+", msg.name)
            if len(words) == 1 and msg.name.strip()[0].isupper() and len(words[0]) > 1:
                sure.add(words[0].capitalize())
            elif words:
                handles.add(re.split(r"(?<=[a-z])(?=[A-Z])", words[0])[0].capitalize())
    named |= sure
    # A Swedish genitive ("Hannas") is the name itself when the name is on the card.
    named = {n[:-1] if n.endswith("s") and n[:-1] in named else n for n in named}
    return named, sure, handles


@cache
def _all_candidates() -> dict[str, dict[tuple[str, str], tuple[set[str], set[str], set[str]]]]:
    return {
        lang: {
            (path, card.id): _candidates(card)
            for _, path in [d for d in DECK_FILES if d[0] == lang]
            for card in _cards(path)
        }
        for lang in languages()
    }


@cache
def all_names() -> frozenset[str]:
    """Every word the decks use as a person's name, in any language.

    A capitalised word inside a sentence is a name when its lowercase form is nowhere in that
    language's decks ("Ida" is, "Take" is not). Sure names count whatever the language, so
    "Liv" and "Ville" stay names in Swedish, where "liv" and "ville" are also words.
    """
    data = names_data()
    out: set[str] = set()
    for lang, per_card in _all_candidates().items():
        stop = set(data.get("not_names", {}).get(lang, []))
        lower = _lowercase_words(lang)
        for named, sure, _ in per_card.values():
            out |= {n for n in named if n.lower() not in lower and n not in stop}
            out |= sure - stop
    return frozenset(out)


@cache
def names_by_card(lang: str) -> dict[str, dict[str, set[str]]]:
    """name -> card id -> deck files, for one language."""
    known = all_names()
    out: dict[str, dict[str, set[str]]] = defaultdict(lambda: defaultdict(set))
    for (path, card_id), (named, _, handles) in _all_candidates()[lang].items():
        for n in (named | handles) & known:
            out[n][card_id].add(path.split("/")[-1])
    return out


def _names_on(lang: str) -> dict[str, set[str]]:
    """card id -> the names on it, for one language."""
    out: dict[str, set[str]] = defaultdict(set)
    for name, cards in names_by_card(lang).items():
        for card_id in cards:
            out[card_id].add(name)
    return out


def name_findings(lang: str) -> list[str]:
    recurring = names_data().get("recurring") or {}
    out = []
    for name, cards in sorted(names_by_card(lang).items()):
        if len(cards) > 1 and name not in recurring:
            where = ", ".join(f"`{c}` ({'/'.join(sorted(f))})" for c, f in sorted(cards.items()))
            out.append(
                f"{lang}: the name {name} is on {len(cards)} cards: {where}. One name, one "
                "role: rename all but one (claim names in /work/coord/names.md), or list the "
                "character under `recurring` in assets/lint/names.yaml if it is the same person"
            )
    return out


# --- the tests ---------------------------------------------------------------------------------

# Findings in deck files whose owners have not landed their fixes yet. Each entry is a deck file
# (lang/file); its tests are expected to fail until the owner lands, then the entry goes. To see
# every finding for a file, delete its entry here and run this file.
# Keys: "lang/file" for the per-file tests, "lang/names" for the names test.
PENDING: dict[str, str] = {}


def _check(findings: list[str], key: str) -> None:
    if findings and key in PENDING:
        pytest.xfail(
            f"{key}: {len(findings)} finding(s), waiting for {PENDING[key]}; first: {findings[0]}"
        )
    assert not findings, "\n".join(findings)


@pytest.mark.parametrize(("lang", "path"), DECK_FILES, ids=IDS)
def test_sending_paying_or_moving_app_is_never_rated_safe_or_risky(lang, path) -> None:
    _check(rating_findings(lang, path), f"{lang}/{path.split('/')[-1]}")


@pytest.mark.parametrize(("lang", "path"), DECK_FILES, ids=IDS)
def test_screenshot_advice_says_not_the_picture_where_a_thread_holds_one(lang, path) -> None:
    _check(not_the_picture_findings(lang, path), f"{lang}/{path.split('/')[-1]}")


@pytest.mark.parametrize(("lang", "path"), DECK_FILES, ids=IDS)
def test_no_card_promises_a_removal_no_service_can_make(lang, path) -> None:
    _check(removal_findings(lang, path), f"{lang}/{path.split('/')[-1]}")


@pytest.mark.parametrize("lang", languages())
def test_one_name_one_role_across_all_decks(lang) -> None:
    findings = name_findings(lang)
    if findings and f"{lang}/names" in PENDING:
        pytest.xfail(f"{len(findings)} name(s) on more than one card; first: {findings[0]}")
    assert not findings, "\n".join(findings)


@pytest.mark.parametrize("lang", [lang for lang in languages() if lang != "en"])
def test_a_card_keeps_its_names_in_every_language(lang) -> None:
    english, other = _names_on("en"), _names_on(lang)
    differ = [
        f"`{card_id}`: English {sorted(english.get(card_id, set()))}, "
        f"{lang} {sorted(other.get(card_id, set()))}"
        for card_id in sorted(set(english) | set(other))
        if english.get(card_id, set()) != other.get(card_id, set())
    ]
    assert not differ, (
        "the same card keeps the same names in every language (PLAN rule 6):\n" + "\n".join(differ)
    )


# --- the checks themselves, on known phrases ---------------------------------------------------


@pytest.mark.parametrize(
    ("text", "lang", "act"),
    [
        ("Send one more so she stops.", "en", "sends a picture"),
        ("Pay once. If she deletes it, nobody needs to know.", "en", "pays"),
        ("Offer a smaller amount and ask for more time.", "en", "pays"),
        (
            "Go to the other app, it's more private.",
            "en",
            "moves to another or a private app, or gives a number",
        ),
        ("Send one on an app where pictures disappear.", "en", "sends a picture"),
        ("Don't reply or pay. Keep the e-mail.", "en", None),
        ("Ask how he would pay, just to see if it's real.", "en", None),
        ("Send a shirtless pic instead, to keep her happy.", "en", "sends a picture"),
        ("Sluta betala och sluta svara.", "sv", None),
        ("Stop replying and don't send anything.", "en", None),
        ("Skicka en till så att hon slutar.", "sv", "sends a picture"),
        ("Betala en gång.", "sv", "pays"),
        ("Betala inte och sluta svara.", "sv", None),
        ("Svara inte och skicka inget.", "sv", None),
        (
            "Beg them to delete it, and promise you won't tell anyone.",
            "en",
            "strikes a deal with someone who threatens",
        ),
        (
            "Tell her you have no more money and ask her to stop.",
            "en",
            "strikes a deal with someone who threatens",
        ),
        ("Don't promise anything. Tell an adult.", "en", None),
        (
            "Be dem radera den, och lova att du aldrig säger något.",
            "sv",
            "strikes a deal with someone who threatens",
        ),
        ("Säg att du inte har några pengar.", "sv", "strikes a deal with someone who threatens"),
    ],
)
def test_the_rating_phrases_catch_the_act_but_not_its_negation(text, lang, act) -> None:
    r = rules()[lang]
    found = [a for a, patterns in r.acts.items() if _hits(text, patterns, r.negation)]
    assert (found[0] if found else None) == act, found


def test_removal_promises_are_caught() -> None:
    assert _hits("'Forever' is a myth.", rules()["en"].removal_promise)
    assert _hits("Online is not forever.", rules()["en"].removal_promise)
    assert not _hits("Take It Down can help on apps that take part.", rules()["en"].removal_promise)
