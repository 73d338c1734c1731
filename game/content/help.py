"""Help resources per region (assets/help/<region>.yaml): helplines, report and removal services.

The numbers are data, taken only from the verified list in the content guide, so a region can
be added without touching code. A broken region file falls back to the `elsewhere` file.
"""

from __future__ import annotations

import datetime as dt
from enum import Enum
from functools import cache
from pathlib import Path

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from game.content.paths import ASSETS
from game.content.yaml_source import YamlProblem, parse

HELP_DIR = ASSETS / "help"
FALLBACK_REGION = "elsewhere"


class Kind(str, Enum):
    HELPLINE = "helpline"
    REPORT = "report"
    REMOVAL = "removal"
    EMERGENCY = "emergency"
    ADULT = "adult"  # a service for adults worried about a child


class _Frozen(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")


class Service(_Frozen):
    id: str = Field(description="A short id for the service.")
    name: str = Field(description="The service's own name.")
    kind: Kind = Field(description="helpline, report, removal, emergency or adult.")
    also: list[Kind] = Field(
        default_factory=list,
        description="Other kinds this service serves too, e.g. `[adult]` for a report line "
        "that adults use as well.",
    )
    contact: str = Field(description="Phone number and/or web address, as the service states it.")
    about: dict[str, str] = Field(description="Who it is for, one short sentence per language.")
    checked: dt.date = Field(description="The day these details were last checked.")

    def about_in(self, language: str) -> str:
        return self.about.get(language) or self.about.get("en") or ""

    @property
    def shown_contact(self) -> str:
        """The contact to show beside the name: "" when it is the name ("116 111"), said once."""
        return "" if self.contact == self.name else self.contact


class Region(_Frozen):
    id: str = Field(description="The region id, e.g. `se`, `gb`, `elsewhere`.")
    name: dict[str, str] = Field(description="The region's name per language.")
    locales: list[str] = Field(default_factory=list, description="System locales mapped here.")
    emergency: str | None = Field(
        default=None, description="The number to call when someone is in danger now."
    )
    services: list[Service] = Field(min_length=1, description="The services, most useful first.")

    def name_in(self, language: str) -> str:
        return self.name.get(language) or self.name.get("en") or self.id

    def by_kind(self, *kinds: Kind) -> list[Service]:
        return [s for s in self.services if s.kind in kinds or set(s.also) & set(kinds)]

    @property
    def kinds(self) -> set[Kind]:
        """Every kind of help the region offers; the `emergency` number counts as EMERGENCY."""
        found = {s.kind for s in self.services} | {k for s in self.services for k in s.also}
        if self.emergency:
            found.add(Kind.EMERGENCY)
        return found

    @property
    def checked(self) -> dt.date:
        return max(s.checked for s in self.services)


class RegionError(Exception):
    pass


def region_ids() -> list[str]:
    if not HELP_DIR.is_dir():
        return []
    return sorted(p.stem for p in HELP_DIR.glob("*.yaml"))


def read_region(path: Path) -> Region:
    try:
        data = parse(path.read_text(encoding="utf-8"))
        return Region.model_validate(data)
    except (OSError, UnicodeDecodeError) as exc:
        raise RegionError(f"{path.name}: cannot be read ({exc})") from None
    except YamlProblem as exc:
        raise RegionError(f"{path.name}: {exc.message}") from None
    except ValidationError as exc:
        first = exc.errors(include_url=False)[0]
        where = ".".join(str(s) for s in first["loc"])
        raise RegionError(f"{path.name}: {where}: {first['msg']}") from None


_BUILT_IN = Region(
    id=FALLBACK_REGION,
    name={"en": "Elsewhere", "sv": "Annat land"},
    emergency="112",
    services=[
        Service(
            id="116111",
            name="116 111",
            kind=Kind.HELPLINE,
            contact="116 111",
            about={
                "en": "Child helpline in many European countries; check your own country.",
                "sv": "Stödlinje för barn i många länder i Europa; kolla vad som gäller där du bor.",
            },
            checked=dt.date(2026, 11, 21),
        )
    ],
)


@cache
def load_region(region_id: str) -> Region:
    """The region's resources; an unknown or broken region gives the fallback, never an error."""
    for candidate in (region_id, FALLBACK_REGION):
        path = HELP_DIR / f"{candidate}.yaml"
        if path.is_file():
            try:
                return read_region(path)
            except RegionError:
                continue
    return _BUILT_IN


def region_for_locale(locale_code: str) -> str:
    """'sv_SE' -> 'se' using each region file's `locales` list; else the fallback."""
    code = locale_code.split(".")[0].replace("-", "_")
    for rid in region_ids():
        region = load_region(rid)
        if code in region.locales:
            return rid
    territory = code.split("_")[1].lower() if "_" in code else ""
    if territory == "uk":
        territory = "gb"
    return territory if territory in region_ids() else FALLBACK_REGION
