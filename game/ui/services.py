"""The UI's one doorway to translation, settings, decks and help resources.

These modules are written in parallel with the UI. Each import is guarded so that the UI keeps
running with a small local stand-in until the real module lands; the stand-ins do nothing
clever, so nothing here needs removing once the real modules exist.
"""

from __future__ import annotations

import sys
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field, fields
from pathlib import Path
from typing import Any

from game.model.cards import Deck

ASSETS_DIR = Path(__file__).resolve().parents[2] / "assets"

# --- translation ---------------------------------------------------------------------------

_translate: Callable[[str], str]
try:
    from game.i18n import _ as _translate  # type: ignore[no-redef]
except Exception:  # the module is not there yet: English message ids are the text

    def _translate(msgid: str) -> str:
        return msgid


try:
    from game.i18n import current_language as _current_language
    from game.i18n import set_language as _set_language
except Exception:
    _LANGUAGE = ["en"]

    def _set_language(code: str) -> None:
        _LANGUAGE[0] = code

    def _current_language() -> str:
        return _LANGUAGE[0]


def tr(msgid: str) -> str:
    """Translate an English message id in the current language (called at draw time)."""
    try:
        return _translate(msgid)
    except Exception:
        return msgid


def N_(msgid: str) -> str:  # noqa: N802 - the gettext convention
    """Mark an English message id for extraction (module constants, labels); it is returned
    unchanged and translated with `tr()` where it is drawn."""
    return msgid


def set_language(code: str) -> None:
    try:
        _set_language(code)
    except Exception as exc:  # an unknown language must not stop a lesson
        print(f"redflags: cannot switch language to {code!r}: {exc}", file=sys.stderr)


def current_language() -> str:
    try:
        return str(_current_language())
    except Exception:
        return "en"


# --- settings ------------------------------------------------------------------------------


@dataclass(frozen=True)
class FallbackSettings:
    """Mirror of `game.settings.Settings`, used only until that module exists."""

    text_scale: float = 1.0
    line_spacing: float = 1.15
    font: str = "default"
    theme: str = "default"
    reduced_motion: bool = False
    sound: bool = True
    volume: float = 0.7
    read_aloud: bool = False
    language: str = "en"
    region: str = "elsewhere"


def load_settings() -> Any:
    """The player's saved settings, or defaults when the module or the file is missing."""
    try:
        from game.settings import load_settings as real_load

        loaded = real_load()
    except Exception:
        return FallbackSettings()
    notice = getattr(loaded, "notice", None)
    if notice:
        print(f"redflags: {notice}", file=sys.stderr)
    return getattr(loaded, "settings", loaded)


def resolve_language(value: str | None) -> str:
    """An empty language setting means "follow the system language"."""
    if value:
        return value
    try:
        from game.i18n import system_language

        return str(system_language())
    except Exception:
        return "en"


def resolve_region(value: str | None) -> str:
    """An empty region setting means "follow the system locale"."""
    if value:
        return value
    try:
        from game.content.help import region_for_locale
        from game.i18n import system_locale

        return str(region_for_locale(system_locale()))
    except Exception:
        return "elsewhere"


def setting(settings: Any, name: str) -> Any:
    """Read a setting with the fallback's default, so a renamed field never crashes a lesson."""
    default = {f.name: f.default for f in fields(FallbackSettings)}[name]
    return getattr(settings, name, default)


# --- decks ---------------------------------------------------------------------------------


@dataclass
class DeckLoad:
    decks: list[Deck] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)


def default_deck_paths(language: str) -> list[Path]:
    try:
        from game.content.decks import default_deck_paths as real

        return list(real(language))
    except Exception:
        folder = ASSETS_DIR / "decks" / language
        return sorted(folder.glob("*.yaml")) if folder.is_dir() else []


def load_decks(paths: Sequence[Path]) -> DeckLoad:
    """Load decks; errors are kept as sentences for the setup screen, never raised."""
    try:
        from game.content.decks import load_decks as real

        result = real(paths)
        return DeckLoad(list(result.decks), [str(e) for e in result.errors])
    except ImportError:
        return _load_decks_locally(paths)


def _load_decks_locally(paths: Sequence[Path]) -> DeckLoad:
    import yaml

    from game.model.cards import DeckFile

    out = DeckLoad()
    for path in paths:
        try:
            data = DeckFile.model_validate(yaml.safe_load(Path(path).read_text("utf-8")))
        except Exception as exc:
            out.errors.append(f"{path}: {exc}")
            continue
        out.decks.append(
            Deck(
                info=data.deck,
                language=Path(path).parent.name,
                cards=tuple(data.cards),
                path=str(path),
            )
        )
    return out


# --- help resources ------------------------------------------------------------------------


@dataclass(frozen=True)
class ServiceInfo:
    name: str
    kind: str
    contact: str
    about: str
    checked: str


@dataclass(frozen=True)
class HelpInfo:
    """Where to get help, already in the current language: what the help screens show."""

    region: str
    emergency: str
    services: tuple[ServiceInfo, ...]


FALLBACK_HELP = HelpInfo(
    region="Elsewhere",
    emergency="112",
    services=(
        ServiceInfo(
            "116 111", "helpline", "116 111", "Child helpline in many European countries.", ""
        ),
    ),
)


def _localised(obj: Any, attr: str, language: str) -> str:
    """Read `name`/`about` whether the model offers `x_in(lang)`, `x(lang)` or a dict."""
    getter = getattr(obj, f"{attr}_in", None)
    if callable(getter):
        return str(getter(language))
    value = getattr(obj, attr, "")
    if callable(value):
        return str(value(language))
    if isinstance(value, dict):
        return str(value.get(language) or value.get("en") or "")
    return str(value)


def load_help(region_id: str, language: str) -> HelpInfo:
    try:
        from game.content.help import load_region

        region = load_region(region_id)
        services = tuple(
            ServiceInfo(
                name=str(s.name),
                kind=str(getattr(s.kind, "value", s.kind)),
                contact=str(s.contact),
                about=_localised(s, "about", language),
                checked=str(getattr(s, "checked", "") or ""),
            )
            for s in region.services
        )
        emergency = str(region.emergency) if getattr(region, "emergency", None) else ""
        return HelpInfo(_localised(region, "name", language), emergency, services)
    except Exception as exc:
        print(f"redflags: help resources unavailable ({exc}); using the fallback", file=sys.stderr)
        return FALLBACK_HELP


def emergency_line(info: HelpInfo) -> str:
    """The "in danger now" sentence; regions without a verified number get the general one."""
    if info.emergency:
        return tr("In danger right now? Call {number}").format(number=info.emergency)
    return tr("In danger right now? Call your local emergency number.")
