"""Words shared by the exports: the safe moves, the ground rules, what to do when a child tells.

All of it comes from the content guide (shared/design/content-guide.md: "Safe moves" and "For
the facilitator"). Every string is an English msgid passed through `_()` when it is used, so
call these functions while the export's language is set.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from babel.dates import format_date

from game.content.help import Region
from game.i18n import _
from game.model.cards import Tag


@dataclass(frozen=True)
class Move:
    key: str  # the icon to draw: stop, save, block, tell, help, support
    title: str
    short: str  # for the one-page handout
    detail: str  # for the guide


def safe_moves(*, with_support: bool = False) -> list[Move]:
    moves = [
        Move(
            "stop",
            _("Stop"),
            _("Stop replying. Don't send, don't pay."),
            _(
                "Stop replying. Don't send, don't pay, don't negotiate. If you already did, stop now."
            ),
        ),
        Move(
            "save",
            _("Save the chat, never the picture"),
            _("Screenshot the chat and their username. Never save the picture."),
            _(
                "Screenshot the messages, usernames, threats and payment demands. Never save, "
                "forward or show a nude image, yours or anyone's."
            ),
        ),
        Move(
            "block",
            _("Block and report"),
            _("Block them and report them in the app."),
            _("After saving, block the account and report it on the platform."),
        ),
        Move(
            "tell",
            _("Tell someone you trust"),
            _("You won't be in trouble for asking for help."),
            _("Tell a trusted adult. You will not be in trouble for asking for help."),
        ),
        Move(
            "help",
            _("Get help"),
            _("Call or chat with a helpline. Pictures can often be removed."),
            _(
                "Helplines, the police, and services that can get a picture removed, such as "
                "Take It Down."
            ),
        ),
    ]
    if with_support:
        moves.append(
            Move(
                "support",
                _("Support"),
                _("Don't forward it. Support the person."),
                _(
                    "As a bystander: don't forward, don't join in, delete it, support the person, "
                    "and tell."
                ),
            )
        )
    return moves


def moves_order_note() -> str:
    return _(
        "When the moves pull different ways: save the evidence, then block and report, then tell."
    )


def ground_rules() -> list[tuple[str, str]]:
    return [
        (
            _("No personal stories"),
            _("We talk about the people on the cards, not about ourselves or anyone we know."),
        ),
        (_("No names"), _("Nobody names a real person, in the room or outside it.")),
        (_("You may pass"), _("Anyone can stay quiet or step out, without having to explain.")),
    ]


def if_someone_tells() -> list[str]:
    return [
        _("Listen. Let them tell it their way, without interrupting."),
        _("Stay calm, whatever you hear."),
        _("Thank them for telling you."),
        _("Don't promise to keep it secret; say who you will need to tell, and why."),
        _("Don't blame them, and don't take their phone away."),
        _("Follow your safeguarding procedure, the same day."),
    ]


def never_your_fault() -> str:
    return _("It is never your fault. You can always tell someone.")


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


def tag_name(tag: Tag) -> str:
    """The red flag (tactic tag) in plain words."""
    names = {
        Tag.COMPENSATION: _("Gifts or money offered for a picture"),
        Tag.FLATTERY: _("Flattery and lots of attention"),
        Tag.SECRECY: _("Keeping it secret"),
        Tag.PLATFORM_SWITCH: _("Moving to another app"),
        Tag.FAKE_PROFILE: _("A fake profile"),
        Tag.THREAT_TO_SHARE: _("A threat to share a picture"),
        Tag.MONEY_DEMAND: _("A demand for money"),
        Tag.THREAT_TO_HARM: _("A threat to hurt someone"),
        Tag.TIME_PRESSURE: _("Time pressure"),
        Tag.GENDER_PRESSURE: _("Pressure about being a 'real' boy or girl"),
        Tag.RELATIONSHIP_PRESSURE: _("Pressure from a boyfriend or girlfriend"),
        Tag.PEER_SHARING: _("A picture passed around"),
        Tag.KNOWN_PERSON: _("Pressure from someone you know"),
        Tag.FAKE_IMAGE: _("A fake or edited picture"),
        Tag.ALREADY_SENT: _("When a picture was already sent"),
        Tag.TELLING: _("Telling someone"),
        Tag.ADULT_RESPONSE: _("How adults respond"),
    }
    return names.get(tag, tag.value)
