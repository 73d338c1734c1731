"""A lesson plan: what a teacher runs in one lesson, as data.

A plan names its age band, its learning objectives, 4 to 12 cards in order and the minutes of
each part (an opening, the cards, a closing), so the facilitator guide can print it and the
game can play exactly those cards. Shipped plans live in `assets/plans/<language>/`; a
teacher's own plans are the same format.
"""

from __future__ import annotations

from typing import Annotated

from pydantic import BaseModel, ConfigDict, Field, StringConstraints, model_validator

from game.model.kinds import PLAN_CARDS, AgeBand

Line = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=400)]
PlanId = Annotated[
    str,
    StringConstraints(strip_whitespace=True, pattern=r"^[a-z0-9]+(-[a-z0-9]+)*$", max_length=80),
]


class _Strict(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")


class Activity(_Strict):
    minutes: int = Field(ge=1, le=30, description="How long it takes.")
    what: Line = Field(description="What the facilitator does, in one or two sentences.")


class LessonPlan(_Strict):
    id: PlanId = Field(description="A unique id in lowercase words joined by hyphens.")
    title: Line = Field(description="The plan's name, shown in setup and on the guide.")
    age_band: AgeBand = Field(description="Who it is for: 10-12, 13-15, 16-18 or adults.")
    minutes: int = Field(ge=20, le=120, description="The length of the lesson.")
    objectives: list[Line] = Field(
        min_length=1, max_length=4, description="What the group will know or be able to do."
    )
    opening: Activity = Field(description="How the lesson starts.")
    cards: list[PlanId] = Field(
        min_length=PLAN_CARDS[0],
        max_length=PLAN_CARDS[1],
        description="The card ids, in the order they are played.",
    )
    minutes_per_card: int = Field(ge=2, le=15, description="Minutes per card, with talk.")
    closing: Activity = Field(description="How the lesson ends (always with the help list).")

    @model_validator(mode="after")
    def _no_card_twice(self) -> LessonPlan:
        seen: set[str] = set()
        for card_id in self.cards:
            if card_id in seen:
                raise ValueError(f"card `{card_id}` is in the plan twice")
            seen.add(card_id)
        return self

    @model_validator(mode="after")
    def _timings_fill_the_lesson(self) -> LessonPlan:
        if self.planned_minutes > self.minutes:
            raise ValueError(
                f"the parts take {self.planned_minutes} minutes, longer than the "
                f"{self.minutes}-minute lesson"
            )
        return self

    @property
    def planned_minutes(self) -> int:
        return self.opening.minutes + len(self.cards) * self.minutes_per_card + self.closing.minutes


class PlanFile(_Strict):
    plan: LessonPlan
