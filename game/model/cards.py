"""The card schema: what a scenario card is, as data.

Every field carries a description because `redflags schema` turns these models into the JSON
Schema that deck authors read. Cross-field rules (exactly one right reason, at least one safe
response) live in validators here so that the loader, the CLI and the tests share them.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field, StringConstraints, model_validator

from game.model.kinds import PLAYER_BANDS, AgeBand, Rating, SafeMove, Sender, Tag

__all__ = [
    "PLAYER_BANDS",
    "AgeBand",
    "Card",
    "ChatMessage",
    "Deck",
    "DeckFile",
    "DeckInfo",
    "Rating",
    "Reason",
    "Response",
    "SafeMove",
    "Sender",
    "Tag",
]

# Length limits for everything a player or facilitator sees (characters). They sit well above
# the longest shipped text (about 2x) and keep a screen readable; they also make sure no single
# field can hold the kind of 100,000-character text that would take seconds to lay out.
MAX_NAME = 40  # a chat name
MAX_LINE = 150  # a title, a red flag, a question, a source
MAX_OPTION = 300  # a response, a reason, a takeaway, a discussion question
MAX_CHAT = 500  # one chat message
MAX_TEXT = 600  # a setup, a feedback, a facilitator tip, a deck description


Name = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=MAX_NAME)]
Line = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=MAX_LINE)]
Option = Annotated[
    str, StringConstraints(strip_whitespace=True, min_length=1, max_length=MAX_OPTION)
]
ChatText = Annotated[
    str, StringConstraints(strip_whitespace=True, min_length=1, max_length=MAX_CHAT)
]
Text = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=MAX_TEXT)]
ID_PATTERN = r"^[a-z0-9]+(-[a-z0-9]+)*$"
CardId = Annotated[str, StringConstraints(strip_whitespace=True, pattern=ID_PATTERN, max_length=80)]


class RuleError(ValueError):
    """A card rule broken, with the field it is about (so an error names that field's line)."""

    def __init__(self, field: str, message: str) -> None:
        super().__init__(message)
        self.field = field


def right_reason_problem(rights: Sequence[bool]) -> RuleError | None:
    """Exactly one reason is the right one."""
    right = sum(1 for r in rights if r is True)
    if right != 1:
        return RuleError("reasons", f"a card needs exactly one right reason; this one has {right}")
    return None


def response_problem(ratings: Sequence[str]) -> RuleError | None:
    """At least one response is safe, and at least one is not."""
    if Rating.SAFE.value not in ratings:
        return RuleError(
            "responses", "a card needs at least one response rated safe; this one has none"
        )
    if all(r == Rating.SAFE.value for r in ratings):
        return RuleError("responses", "a card needs at least one response that is not safe")
    return None


class _Strict(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid", populate_by_name=True)


class ChatMessage(_Strict):
    sender: Sender = Field(
        alias="from",
        description="Who writes it: `them` (the other person), `you` (the player) or `note` "
        "(a line such as 'Two days later').",
    )
    name: Name | None = Field(
        default=None, description="The name shown above the other person's bubbles."
    )
    text: ChatText = Field(description="The message itself, as the person would write it.")


class Response(_Strict):
    text: Option = Field(description="What the player could do, in one short sentence.")
    rating: Rating = Field(description="`safe`, `risky` or `harmful`.")
    feedback: Text = Field(
        description="Why this response is safe, or why it is tempting and what the risk is. "
        "Never blames the player."
    )


class Reason(_Strict):
    text: Option = Field(description="A possible reason why the safe response is right.")
    right: bool = Field(default=False, description="`true` on exactly one reason per card.")
    feedback: Text = Field(
        description="What the player learns after choosing this reason (for a wrong one: "
        "the myth behind it, kindly)."
    )


class Card(_Strict):
    id: CardId = Field(
        description="A unique id: only a-z, 0-9 and hyphens, e.g. `gift-card-offer`."
    )
    age_bands: list[AgeBand] = Field(
        min_length=1, description="The age bands the wording fits: 10-12, 13-15, 16-18, adults."
    )
    tags: list[Tag] = Field(
        min_length=1, max_length=3, description="The red flag(s) this card teaches."
    )
    red_flag: Line = Field(description="The red flag named in a few words, shown on feedback.")
    safe_move: SafeMove = Field(description="The one safe move this card teaches.")
    source: Line | None = Field(
        default=None,
        description="Where the card rests. Optional for your own decks (name your own source, "
        "or none); the game's own decks cite an article point such as "
        "`000_0b9a0b8f083a0cb5.txt#7` or a facts section such as `facts#1.3`.",
    )
    setup: Text = Field(description="Who you are and where you are, in one or two sentences.")
    chat: list[ChatMessage] = Field(
        min_length=1, max_length=6, description="The conversation shown as phone bubbles."
    )
    question: Line = Field(description="The question asked, usually 'What do you do?'.")
    responses: list[Response] = Field(
        min_length=3, max_length=4, description="Three or four responses, each rated."
    )
    reasons: list[Reason] = Field(
        min_length=3, max_length=3, description="Three reasons; exactly one is right."
    )
    takeaway: Option = Field(description="One sentence to remember.")
    discuss: list[Option] = Field(
        min_length=1, max_length=2, description="One or two questions for group discussion."
    )
    facilitator_tip: Text | None = Field(
        default=None, description="A tip for the person leading the discussion."
    )
    flag_at: list[int] | Literal["setup"] | None = Field(
        default=None,
        description="Where the red flag shows: the numbers of the chat messages (counting from "
        "1, as numbered on screen), e.g. `[2]`, or `setup` when it is in the setup line. The "
        "'Where is the red flag?' step asks for one of these; without it that step is skipped.",
    )

    @model_validator(mode="after")
    def _one_right_reason(self) -> Card:
        problem = right_reason_problem([r.right for r in self.reasons])
        if problem:
            raise problem
        return self

    @model_validator(mode="after")
    def _safe_and_unsafe_response(self) -> Card:
        problem = response_problem([r.rating.value for r in self.responses])
        if problem:
            raise problem
        return self

    @model_validator(mode="after")
    def _no_repeated_band_or_tag(self) -> Card:
        if len(set(self.age_bands)) != len(self.age_bands):
            raise RuleError("age_bands", "an age band is listed twice")
        if len(set(self.tags)) != len(self.tags):
            raise RuleError("tags", "a tag is listed twice")
        return self

    @model_validator(mode="after")
    def _flag_in_the_chat(self) -> Card:
        if isinstance(self.flag_at, list):
            if not self.flag_at:
                raise RuleError("flag_at", "flag_at needs at least one message number, or `setup`")
            wrong = [n for n in self.flag_at if not 1 <= n <= len(self.chat)]
            if wrong:
                raise RuleError(
                    "flag_at",
                    f"flag_at names message {wrong[0]}, but the chat has messages 1 to "
                    f"{len(self.chat)}",
                )
        return self

    @property
    def right_reason_index(self) -> int:
        return next(i for i, r in enumerate(self.reasons) if r.right)

    @property
    def best_response_index(self) -> int:
        """The first safe response: what the feedback screen calls 'the safest option'."""
        return next(i for i, r in enumerate(self.responses) if r.rating is Rating.SAFE)


class DeckInfo(_Strict):
    id: CardId = Field(description="The deck's id; the same in every language.")
    title: Line = Field(description="The deck's title, shown in setup.")
    description: Text | None = Field(default=None, description="One line on what it covers.")
    language: str | None = Field(
        default=None,
        pattern=r"^[a-z]{2,3}$",
        description="The deck's language code, e.g. `en` or `sv`. Inside `assets/decks/` the "
        "folder name is the default.",
    )


class DeckFile(_Strict):
    """One YAML deck file: a header and its cards."""

    deck: DeckInfo = Field(description="The deck's id, title and description.")
    cards: list[Card] = Field(min_length=1, description="The scenario cards.")


class Deck(_Strict):
    """A loaded deck: the file's content plus where it came from."""

    info: DeckInfo
    language: str
    cards: tuple[Card, ...]
    path: str = ""

    @property
    def id(self) -> str:
        return self.info.id

    def cards_for(self, band: AgeBand | None) -> list[Card]:
        if band is None:
            return list(self.cards)
        return [c for c in self.cards if band in c.age_bands]
