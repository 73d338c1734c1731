"""The glossary (assets/glossary/<lang>.yaml): the one home of the words for the tactics, the
safe moves, the ratings and the scoring, per language, and of the facilitator's ground rules and
safeguarding steps, which the checklist screen and the printed guide both show.

`load_glossary(language)` validates the file (pydantic) and raises `GlossaryError` in plain words
naming the file, the line and the entry; `glossary(language)` is the cached, forgiving door the
game uses: a language without a glossary gets the English one.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path
from typing import Annotated, Any

from pydantic import (
    BaseModel,
    ConfigDict,
    Field,
    StringConstraints,
    ValidationError,
    model_validator,
)

from game.content.paths import ASSETS
from game.content.yaml_source import LineFinder, YamlProblem, parse
from game.model.kinds import AgeBand, Rating, SafeMove, Tag
from game.model.session import StepCounts

GLOSSARY_DIR = ASSETS / "glossary"
FALLBACK = "en"
MAX_NAME_WORDS = 8
MAX_LINE_WORDS = 25
WORDS = (
    "spot_question",
    "spot_hint",
    "name_question",
    "trick",
    "where",
    "message",
    "in_setup",
    "steps",
    "spot_count",
    "name_count",
    "move_count",
    "why_count",
    "missed_most",
    "nothing_missed",
    "practise",
    "you_were_right",
    "flag_was",
    "trick_right",
    "trick_was",
    "scoring_heading",
    "teams_spot_hint",
    "teams_name_hint",
    "steps_row",
    "steps_both",
    "steps_spot",
    "steps_name",
    "steps_off",
    "tricks_page",
    "tricks_heading",
    "and",
    "flag_in_setup",
    "never_your_fault",
)

Line = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=300)]


class _Strict(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")


class Tactic(_Strict):
    name: Line = Field(description="A short tactic name, shown in the 'What trick is this?' step.")
    explain: dict[AgeBand, Line] = Field(
        description="One plain line per age band: 10-12, 13-15, 16-18 and adults."
    )
    confused_with: list[Tag] = Field(
        min_length=2, description="Tags a careless reader might pick instead of this one."
    )

    @model_validator(mode="after")
    def _every_band(self) -> Tactic:
        missing = [b.value for b in AgeBand if b not in self.explain]
        if missing:
            raise ValueError(
                "explain needs a line for every age band; missing " + ", ".join(missing)
            )
        return self


class Move(_Strict):
    name: Line
    short: Line = Field(description="One short line (handouts, the help screen).")
    detail: Line = Field(description="The longer line (the facilitator guide).")


class RatingWords(_Strict):
    word: Line = Field(description="The word shown next to the rating's icon.")
    meaning: Line = Field(description="What the rating means, in one line.")


class GroundRule(_Strict):
    name: Line = Field(description="The rule in a few words.")
    detail: Line = Field(description="What it means, in one line.")


class Facilitator(_Strict):
    ground_rules: list[GroundRule] = Field(
        min_length=1, description="The rules agreed with the group at the start."
    )
    if_someone_tells: list[Line] = Field(
        min_length=1, description="What to do if a young person tells you something, in order."
    )


class Glossary(_Strict):
    language: str = Field(pattern=r"^[a-z]{2,3}$")
    tactics: dict[Tag, Tactic]
    safe_moves: dict[SafeMove, Move]
    ratings: dict[Rating, RatingWords]
    words: dict[str, Line]
    scoring: dict[str, Line]
    facilitator: Facilitator

    @model_validator(mode="after")
    def _complete(self) -> Glossary:
        missing = [f"tactic `{t.value}`" for t in Tag if t not in self.tactics]
        missing += [f"safe move `{m.value}`" for m in SafeMove if m not in self.safe_moves]
        missing += [f"rating `{r.value}`" for r in Rating if r not in self.ratings]
        if missing:
            raise ValueError("the glossary has no entry for " + ", ".join(missing))
        lacking = [k for k in WORDS if k not in self.words]
        if lacking:
            raise ValueError("the glossary's words have no " + ", ".join(lacking))
        for tag, tactic in self.tactics.items():
            if tag in tactic.confused_with:
                raise ValueError(f"tactic `{tag.value}` lists itself in confused_with")
        return self

    # -- the words, looked up ------------------------------------------------------------

    def tactic_name(self, tag: Tag) -> str:
        return self.tactics[tag].name

    def explain(self, tag: Tag, band: AgeBand | None) -> str:
        """The tactic's line for `band` (no band: the 13–15 line, the middle of the players)."""
        return self.tactics[tag].explain[band or AgeBand.YOUNG_TEENS]

    def confusions(self) -> dict[Tag, list[Tag]]:
        """For the session's NAME step: per tag, the tags a careless reader might pick."""
        return {tag: list(t.confused_with) for tag, t in self.tactics.items()}

    def move(self, move: SafeMove) -> Move:
        return self.safe_moves[move]

    def rating_word(self, rating: Rating) -> str:
        return self.ratings[rating].word

    def word(self, key: str, **values: object) -> str:
        """A label from `words`, with {placeholders} filled in."""
        text = self.words.get(key, key)
        for name, value in values.items():
            text = text.replace("{" + name + "}", str(value))
        return text

    def where(self, flag_at: list[int] | str | None) -> str:
        """Where the red flag shows: "Message 2", "Message 2, Message 3", "In the setup line"."""
        if flag_at == "setup":
            return self.word("in_setup")
        if isinstance(flag_at, list):
            return ", ".join(self.word("message", n=n) for n in flag_at)
        return ""

    def step_lines(self, counts: StepCounts) -> list[str]:
        """The summary's count per step ("Spotted the red flag: 3 of 5"), steps played only."""
        out = []
        for key in ("spot", "name", "move", "why"):
            right, n = getattr(counts, key)
            if n:
                out.append(self.word(f"{key}_count", right=right, n=n))
        return out

    def missed_lines(self, missed: list[tuple[Tag, int]], limit: int = 3) -> list[str]:
        """The tactics missed most, by name, with how many cards: "A threat to share (2)"."""
        return [f"{self.tactic_name(tag)} ({n})" for tag, n in missed[:limit]]

    def scoring_line(self, key: str, points: int, english: str = "") -> str:
        """One line of the scoring (game.model.session.scoring_rules) in this language."""
        return self.scoring.get(key, english).replace("{points}", str(points))


class GlossaryError(Exception):
    """A glossary file that cannot be used; the message names the file, line and entry."""


def glossary_path(language: str) -> Path:
    return GLOSSARY_DIR / f"{language}.yaml"


def languages() -> list[str]:
    return sorted(p.stem for p in GLOSSARY_DIR.glob("*.yaml")) if GLOSSARY_DIR.is_dir() else []


def load_glossary(language: str, path: Path | None = None) -> Glossary:
    """Read and validate one glossary; GlossaryError in plain words when it is wrong."""
    path = path or glossary_path(language)
    name = path.name
    try:
        text = path.read_text(encoding="utf-8")
    except OSError as exc:
        raise GlossaryError(f"{name}: the file cannot be read ({exc.strerror or exc})") from None
    try:
        data: Any = parse(text)
    except YamlProblem as problem:
        where = f", line {problem.line}" if problem.line else ""
        raise GlossaryError(f"{name}{where}: {problem.message}") from None
    try:
        found = Glossary.model_validate(data)
    except ValidationError as exc:
        finder = LineFinder(text)
        lines = []
        for err in exc.errors(include_url=False):
            loc = tuple(err["loc"])
            line = finder.line_of(loc) if isinstance(data, dict) else None
            where = f", line {line}" if line else ""
            entry = " › ".join(str(p) for p in loc) or "the file"
            message = str(err["msg"]).removeprefix("Value error, ")
            lines.append(f"{name}{where}, {entry}: {message}")
        raise GlossaryError("\n".join(lines)) from None
    if found.language != language:
        raise GlossaryError(f"{name}: says `language: {found.language}`, not `{language}`")
    return found


@cache
def glossary(language: str) -> Glossary:
    """The glossary for `language`, or the English one when that language has none."""
    if glossary_path(language).is_file():
        return load_glossary(language)
    return load_glossary(FALLBACK)
