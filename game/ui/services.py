"""The UI's one doorway to translation, settings, decks and help resources.

Scenes import from here rather than from five modules, and every call is safe for a lesson:
a missing region, a broken deck or an unreadable settings file gives a sentence, never an
exception.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, NamedTuple

from game.content.paths import ASSETS as ASSETS_DIR
from game.i18n import N_, current_language, ngettext, set_language, system_language, system_locale
from game.i18n import _ as tr

__all__ = [
    "ASSETS_DIR",
    "N_",
    "DeckLoad",
    "HelpInfo",
    "ServiceInfo",
    "current_language",
    "default_deck_paths",
    "emergency_line",
    "load_decks",
    "load_help",
    "ngettext",
    "resolve_language",
    "resolve_region",
    "set_language",
    "tr",
]

if TYPE_CHECKING:
    from game.model.cards import Deck

# Decks and help files are read with pydantic and YAML; those are imported when first needed,
# so the title screen is drawn before they load.


def resolve_language(value: str | None) -> str:
    """An empty language setting means "follow the system language"."""
    return value or system_language()


def resolve_region(value: str | None) -> str:
    """An empty region setting means "follow the system locale"."""
    from game.content.help import region_for_locale  # pydantic: after the title is up

    return value or region_for_locale(system_locale())


def default_deck_paths(language: str) -> list[Path]:
    from game.content.decks import default_deck_paths as shipped  # pydantic: after the title

    return shipped(language)


class DeckLoad(NamedTuple):
    """The decks that loaded, and a plain sentence for each file that did not."""

    decks: list[Deck]
    errors: list[str]


def load_decks(paths: Sequence[Path]) -> DeckLoad:
    """Load decks; errors are kept as sentences for the setup screen, never raised."""
    from game.content.decks import load_decks as load  # pydantic: after the title is up

    result = load(paths)
    return DeckLoad(list(result.decks), [str(e) for e in result.errors])


class ServiceInfo(NamedTuple):
    """One support service of the region file, as the help screen shows it; `contact` is ""
    when the name is the contact ("116 111")."""

    name: str
    kind: str
    contact: str
    about: str
    checked: str

    @property
    def line(self) -> str:
        """The name and the contact, or the name alone when it is the contact ("116 111")."""
        return f"{self.name}: {self.contact}" if self.contact else self.name


class HelpInfo(NamedTuple):
    """Where to get help, already in the current language: what the help screens show."""

    region: str
    emergency: str
    services: tuple[ServiceInfo, ...]


def load_help(region_id: str, language: str) -> HelpInfo:
    """The region's services in `language`; an unknown region gives the fallback region."""
    from game.content.help import load_region  # pydantic: after the title is up

    region = load_region(region_id)
    services = tuple(
        ServiceInfo(
            name=s.name,
            kind=s.kind.value,
            contact=s.shown_contact,
            about=s.about_in(language),
            checked=s.checked.isoformat(),
        )
        for s in region.services
    )
    return HelpInfo(region.name_in(language), region.emergency or "", services)


def emergency_line(info: HelpInfo) -> str:
    """The "in danger now" sentence; regions without a verified number get the general one."""
    if info.emergency:
        return tr("In danger right now? Call {number}").format(number=info.emergency)
    return tr("In danger right now? Call your local emergency number.")
