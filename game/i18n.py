"""UI strings through gettext catalogues (assets/locale/<lang>/LC_MESSAGES/redflags.po).

Catalogues are read with Babel when a language is first used, so nothing compiled goes stale in
the repository. Widgets keep the English message id and call `_()` when they lay out text, so
`set_language()` changes every screen at once, even in the middle of a session. A message with a
number in it goes through `ngettext()`, which picks the form the language needs for that number
(its catalogue's Plural-Forms rule).
"""

from __future__ import annotations

import gettext
import locale
import os
from collections.abc import Callable
from dataclasses import dataclass, field
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
    return catalogue(_current).gettext(message)


def ngettext(singular: str, plural: str, n: int) -> str:
    """The form of a message for the number `n` ("+{points} point" for 1, else "+{points}
    points" in English); the caller fills the number in with .format(). English when the
    language has no translation of it."""
    if _current == SOURCE_LANGUAGE:
        return singular if n == 1 else plural
    return catalogue(_current).ngettext(singular, plural, n)


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


def _english_plural(n: int) -> int:
    return 0 if n == 1 else 1


@dataclass(frozen=True)
class Catalogue:
    """One language's translations: msgid -> msgstr, and for a message with a plural, msgid (the
    singular) -> its forms. `plural` is the catalogue's Plural-Forms rule: n -> which form."""

    messages: dict[str, str | tuple[str, ...]] = field(default_factory=dict)
    plural: Callable[[int], int] = _english_plural

    def gettext(self, message: str) -> str:
        found = self.messages.get(message)
        return found if isinstance(found, str) else message

    def ngettext(self, singular: str, plural: str, n: int) -> str:
        forms = self.messages.get(singular)
        if isinstance(forms, tuple) and 0 <= (index := self.plural(n)) < len(forms):
            return forms[index]
        return singular if n == 1 else plural


@cache
def catalogue(language: str) -> Catalogue:
    """One language's translations; empty when the catalogue is missing or unreadable."""
    path = LOCALE_DIR / language / "LC_MESSAGES" / f"{DOMAIN}.po"
    return read_catalogue(path)


def read_catalogue(path: Path) -> Catalogue:
    from babel.messages.pofile import read_po

    try:
        with path.open("rb") as handle:
            cat = read_po(handle, locale=None)
    except (OSError, ValueError):
        return Catalogue()
    messages: dict[str, str | tuple[str, ...]] = {}
    for message in cat:
        if not message.id or message.fuzzy:
            continue
        if isinstance(message.id, str) and isinstance(message.string, str) and message.string:
            messages[message.id] = message.string
        elif isinstance(message.id, tuple) and isinstance(message.string, tuple):
            if all(message.string):  # a form missing: the English pair, not a mix
                messages[message.id[0]] = tuple(message.string)
    # the "Plural-Forms" header's C expression, compiled by the standard library's gettext
    # (Babel gives English's "(n != 1)" when the header is missing)
    return Catalogue(messages, gettext.c2py(cat.plural_expr))
