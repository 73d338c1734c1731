"""Reading lesson plans (assets/plans/<language>/*.yaml and a teacher's own folder).

A plan is checked against the decks of its language: every card must exist and fit the plan's
age band. Problems come back as plain sentences naming the file, as for decks.
"""

from __future__ import annotations

import contextlib
import os
import re
import tempfile
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

import yaml
from pydantic import ValidationError

from game.content.paths import ASSETS
from game.content.yaml_source import YamlProblem, parse
from game.model.cards import Card, Deck
from game.model.kinds import PLAN_CARDS, AgeBand, Tag
from game.model.plans import Activity, LessonPlan, PlanFile

PLANS_DIR = ASSETS / "plans"


@dataclass
class PlansResult:
    plans: list[LessonPlan] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)

    def find(self, plan_id: str) -> LessonPlan | None:
        return next((p for p in self.plans if p.id == plan_id), None)


def plan_paths(language: str, extra: Iterable[Path] = ()) -> list[Path]:
    """The shipped plans of a language, then any in the extra folders (a teacher's own)."""
    folders = [PLANS_DIR / language, *extra]
    return [
        p
        for folder in folders
        if folder.is_dir()
        for p in sorted(folder.iterdir())
        if p.suffix in (".yaml", ".yml") and p.is_file()
    ]


def load_plans(paths: Iterable[Path], cards: Sequence[Card]) -> PlansResult:
    """Read and check plans; a plan with a problem is left out and the problem reported."""
    by_id = {card.id: card for card in cards}
    result = PlansResult()
    for path in paths:
        plan, problems = _read(path)
        if plan is not None:
            problems += fit_problems(plan, by_id)
        if problems:
            result.errors += [f"{path.name}: {p}" for p in problems]
        elif plan is not None and result.find(plan.id) is None:
            result.plans.append(plan)
    return result


def fit_problems(plan: LessonPlan, cards_by_id: dict[str, Card]) -> list[str]:
    """The plan's cards that are missing from the decks or written for another age band."""
    problems = []
    for card_id in plan.cards:
        card = cards_by_id.get(card_id)
        if card is None:
            problems.append(f"plan `{plan.id}`: there is no card `{card_id}` in these decks")
        elif plan.age_band not in card.age_bands:
            bands = ", ".join(b.value for b in card.age_bands)
            problems.append(
                f"plan `{plan.id}`: card `{card_id}` is written for {bands}, "
                f"not {plan.age_band.value}"
            )
    return problems


def _read(path: Path) -> tuple[LessonPlan | None, list[str]]:
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        return None, [f"could not be read ({exc})"]
    try:
        data = parse(text)
    except YamlProblem as exc:
        return None, [str(exc)]
    try:
        return PlanFile.model_validate(data).plan, []
    except ValidationError as exc:
        return None, [
            f"{'.'.join(str(part) for part in err['loc'])}: {err['msg']}" for err in exc.errors()
        ]


# --- the card browser's pure part: filtering the decks, building and saving a plan ----------


@dataclass(frozen=True)
class CardFilter:
    """What the card browser shows: every card, or those of one band, tag and/or deck."""

    band: AgeBand | None = None
    tag: Tag | None = None
    deck: str | None = None  # a deck id

    def matches(self, deck: Deck, card: Card) -> bool:
        return (
            (self.band is None or self.band in card.age_bands)
            and (self.tag is None or self.tag in card.tags)
            and (self.deck is None or deck.id == self.deck)
        )


@dataclass(frozen=True)
class Listed:
    """One card in the browser's list, with the deck it comes from."""

    deck: Deck
    card: Card


def browse(decks: Sequence[Deck], where: CardFilter = CardFilter()) -> list[Listed]:
    """The decks' cards that pass the filter, deck by deck in file order (a card id once)."""
    seen: set[str] = set()
    listed = []
    for deck in decks:
        for card in deck.cards:
            if card.id not in seen and where.matches(deck, card):
                seen.add(card.id)
                listed.append(Listed(deck, card))
    return listed


def tags_in(decks: Sequence[Deck], band: AgeBand | None = None) -> list[Tag]:
    """The tags the decks' cards carry (of one band), in the order of the tag list."""
    found = {
        tag
        for deck in decks
        for card in deck.cards
        if band is None or band in card.age_bands
        for tag in card.tags
    }
    return [tag for tag in Tag if tag in found]


def bands_in(decks: Sequence[Deck]) -> list[AgeBand]:
    found = {band for deck in decks for card in deck.cards for band in card.age_bands}
    return [band for band in AgeBand if band in found]


class PlanFull(ValueError):
    """A plan already has the most cards it may have."""


class PlanMismatch(ValueError):
    """A card not written for the plan's age band."""


@dataclass(frozen=True)
class PlanDraft:
    """A plan being built in the card browser: its cards in order, then a title on saving.

    Immutable like the session: each change returns a new draft. The band follows the first
    card chosen (a plan is for one band), unless it was set; `to_plan` makes the checked
    `LessonPlan` once it has 4 to 12 cards.
    """

    cards: tuple[str, ...] = ()
    band: AgeBand | None = None

    @property
    def ready(self) -> bool:
        return PLAN_CARDS[0] <= len(self.cards) <= PLAN_CARDS[1]

    @property
    def missing(self) -> int:
        """How many more cards the plan needs before it can be saved."""
        return max(0, PLAN_CARDS[0] - len(self.cards))

    def has(self, card_id: str) -> bool:
        return card_id in self.cards

    def add(self, card: Card, prefer: AgeBand | None = None) -> PlanDraft:
        """The draft with the card last. A plan is for one band: the first card sets it (the
        `prefer`red band, e.g. the browser's band filter, when the card fits it); a card of
        another band is refused (PlanMismatch), as is a thirteenth card (PlanFull)."""
        if card.id in self.cards:
            return self
        if len(self.cards) >= PLAN_CARDS[1]:
            raise PlanFull(f"a plan has at most {PLAN_CARDS[1]} cards")
        band = self.band if self.cards else None
        if band is None:
            band = prefer if prefer in card.age_bands else (self.band or card.age_bands[0])
            if band not in card.age_bands:
                band = card.age_bands[0]
        if band not in card.age_bands:
            raise PlanMismatch(f"card `{card.id}` is not written for {band.value}")
        return PlanDraft((*self.cards, card.id), band)

    def remove(self, card_id: str) -> PlanDraft:
        cards = tuple(c for c in self.cards if c != card_id)
        return PlanDraft(cards, self.band)

    def toggle(self, card: Card, prefer: AgeBand | None = None) -> PlanDraft:
        return self.remove(card.id) if self.has(card.id) else self.add(card, prefer)

    def move(self, card_id: str, by: int) -> PlanDraft:
        """Move a card earlier (by < 0) or later in the order; the ends stop it."""
        if card_id not in self.cards:
            return self
        order = list(self.cards)
        i = order.index(card_id)
        j = max(0, min(len(order) - 1, i + by))
        order.insert(j, order.pop(i))
        return PlanDraft(tuple(order), self.band)

    def to_plan(
        self,
        title: str,
        *,
        objectives: Sequence[str],
        opening: str,
        closing: str,
        taken: Iterable[str] = (),
        minutes_per_card: int = 5,
    ) -> LessonPlan:
        """The checked plan (raises ValueError when it is not ready). The lesson's length is
        the parts' minutes rounded up to 5; `taken` are plan ids already in use."""
        if not self.ready:
            raise ValueError(
                f"a plan needs {PLAN_CARDS[0]} to {PLAN_CARDS[1]} cards, not {len(self.cards)}"
            )
        opening_minutes, closing_minutes = 5, 5
        planned = opening_minutes + closing_minutes + len(self.cards) * minutes_per_card
        minutes = min(120, max(20, -(-planned // 5) * 5))
        return LessonPlan(
            id=plan_id(title, taken),
            title=title.strip() or "My lesson",
            age_band=self.band or AgeBand.KIDS,
            minutes=minutes,
            objectives=[o for o in objectives if o.strip()][:4] or ["-"],
            opening=Activity(minutes=opening_minutes, what=opening),
            cards=list(self.cards),
            minutes_per_card=minutes_per_card,
            closing=Activity(minutes=closing_minutes, what=closing),
        )

    @classmethod
    def of(cls, plan: LessonPlan) -> PlanDraft:
        """A draft to change an existing plan."""
        return cls(tuple(plan.cards), plan.age_band)


def plan_id(title: str, taken: Iterable[str] = ()) -> str:
    """An id from a title ('Year 7, Tuesday' -> 'year-7-tuesday'), made unique among `taken`."""
    plain = unicodedata.normalize("NFKD", title.lower()).encode("ascii", "ignore").decode()
    base = "-".join(re.findall(r"[a-z0-9]+", plain))[:60].strip("-") or "my-plan"
    used = set(taken)
    candidate, n = base, 2
    while candidate in used:
        candidate, n = f"{base}-{n}", n + 1
    return candidate


def plan_yaml(plan: LessonPlan) -> str:
    """A plan as the YAML file the loader reads (the shipped plans' format)."""
    return yaml.safe_dump(
        PlanFile(plan=plan).model_dump(mode="json"),
        allow_unicode=True,
        sort_keys=False,
        width=100,
    )


def save_plan(plan: LessonPlan, folder: Path) -> Path:
    """Write a plan to `<folder>/<id>.yaml` atomically (a temporary file, then a rename)."""
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / f"{plan.id}.yaml"
    fd, tmp = tempfile.mkstemp(dir=folder, prefix=f".{plan.id}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as handle:
            handle.write(plan_yaml(plan))
        os.replace(tmp, path)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise
    return path


def own_plans(folder: Path, cards: Sequence[Card]) -> PlansResult:
    """A teacher's own plans in `folder` that fit these cards (problems reported, not raised)."""
    if not folder.is_dir():
        return PlansResult()
    paths = sorted(p for p in folder.iterdir() if p.suffix in (".yaml", ".yml") and p.is_file())
    return load_plans(paths, cards)
