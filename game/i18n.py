"""UI strings through gettext catalogues (assets/locale/<lang>/LC_MESSAGES/redflags.po).

Catalogues are read with Babel when a language is first used, so nothing compiled goes stale in
the repository. Widgets keep the English message id and call `_()` when they lay out text, so
`set_language()` changes every screen at once, even in the middle of a session.
"""

from __future__ import annotations

import locale
import os
from functools import cache
from pathlib import Path

from game.content.paths import ASSETS

DOMAIN = "redflags"
LOCALE_DIR = ASSETS / "locale"
SOURCE_LANGUAGE = "en"

_current = SOURCE_LANGUAGE


def N_(message: str) -> str:  # noqa: N802 - the gettext convention
    """Mark a string for extraction without translating it yet."""
    return message


def _(message: str) -> str:
    """The message in the current language, or the English message id when there is none."""
    if _current == SOURCE_LANGUAGE or not message:
        return message
    return catalogue(_current).get(message) or message


def set_language(code: str) -> None:
    global _current
    _current = normalise(code) or SOURCE_LANGUAGE


def current_language() -> str:
    return _current


def normalise(code: str | None) -> str:
    """'sv_SE.UTF-8' -> 'sv'; unknown or empty -> ''."""
    if not code:
        return ""
    return code.split(".")[0].split("@")[0].split("_")[0].split("-")[0].lower()


def available_languages() -> list[str]:
    found = {SOURCE_LANGUAGE}
    if LOCALE_DIR.is_dir():
        found.update(p.name for p in LOCALE_DIR.iterdir() if (p / "LC_MESSAGES").is_dir())
    return sorted(found)


def system_locale() -> str:
    """The user's locale such as 'sv_SE', from the environment; '' when unknown."""
    for var in ("LC_ALL", "LC_MESSAGES", "LANG", "LANGUAGE"):
        value = os.environ.get(var, "")
        if value in ("C", "POSIX") or value.startswith("C."):
            # A locale that names no country: Python would report it as en_US, and the help
            # screens would then show US numbers. No country means the `elsewhere` region.
            return ""
        if value:
            return value.split(":")[0].split(".")[0]
    try:
        value = locale.getlocale()[0] or ""
    except ValueError:
        value = ""
    return value


def system_language() -> str:
    code = normalise(system_locale())
    return code if code in available_languages() else SOURCE_LANGUAGE


@cache
def catalogue(language: str) -> dict[str, str]:
    """msgid -> msgstr for one language; empty when the catalogue is missing or unreadable."""
    path = LOCALE_DIR / language / "LC_MESSAGES" / f"{DOMAIN}.po"
    return read_catalogue(path)


def read_catalogue(path: Path) -> dict[str, str]:
    from babel.messages.pofile import read_po

    try:
        with path.open("rb") as handle:
            cat = read_po(handle, locale=None)
    except (OSError, ValueError):
        return {}
    result: dict[str, str] = {}
    for message in cat:
        if not message.id or message.fuzzy or not isinstance(message.id, str):
            continue
        if isinstance(message.string, str) and message.string:
            result[message.id] = message.string
    return result
