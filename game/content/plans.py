"""Reading lesson plans (assets/plans/<language>/*.yaml and a teacher's own folder).

A plan is checked against the decks of its language: every card must exist and fit the plan's
age band. Problems come back as plain sentences naming the file, as for decks.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from pydantic import ValidationError

from game.content.paths import ASSETS
from game.content.yaml_source import YamlProblem, parse
from game.model.cards import Card
from game.model.plans import LessonPlan, PlanFile

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
