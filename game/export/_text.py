"""Words shared by the exports: the safe moves, the emergency line, the dates checked.

The safe moves, the tactics' names, the ground rules and what to do when a child tells have one
home, the glossary of the language printed (game.content.glossary), which the game reads too.
The rest are English msgids passed through `_()` when they are used, so call these functions
while the export's language is set.
"""

from __future__ import annotations

import datetime as dt

from babel.dates import format_date

from game.content.glossary import Move, glossary
from game.content.help import Region
from game.i18n import _
from game.model.kinds import SafeMove


def safe_moves(language: str, *, with_support: bool = False) -> list[tuple[SafeMove, Move]]:
    """The young person's safe moves in the glossary's words (the help screen says the same),
    with the bystander's `support` move for a deck about others' pictures; each with its key
    for the icon."""
    left_out = {SafeMove.LISTEN} if with_support else {SafeMove.LISTEN, SafeMove.SUPPORT}
    words = glossary(language)
    return [(move, words.move(move)) for move in SafeMove if move not in left_out]


def moves_order_note() -> str:
    return _(
        "When the moves pull different ways: save the evidence, then block and report, then tell."
    )


def emergency_line(region: Region) -> str:
    if region.emergency:
        return _("In danger right now? Call {number}").format(number=region.emergency)
    return _("In danger right now? Call your local emergency number")


def long_date(day: dt.date, language: str) -> str:
    """'21 November 2026' in the language; the ISO date if Babel cannot say it."""
    try:
        return format_date(day, format="d MMMM y", locale=language or "en")
    except Exception:  # noqa: BLE001 - an unknown locale must never stop a printout
        return day.isoformat()


def checked_line(region: Region, language: str) -> str:
    return _("Help details checked {date}").format(date=long_date(region.checked, language))


def service_checked(day: dt.date, language: str) -> str:
    return _("checked {date}").format(date=long_date(day, language))
