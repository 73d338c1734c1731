"""The kinds of things a card is made of (age bands, red-flag tags, ratings, safe moves), and
the modes and phases of a session.

Plain enums with no dependencies, so the session, the command line and the title screen can use
them without loading the deck schema (pydantic) first.
"""

from __future__ import annotations

from enum import Enum


class AgeBand(str, Enum):
    """Who a card is written for. The adults band is a separate deck for parents and staff."""

    KIDS = "10-12"
    YOUNG_TEENS = "13-15"
    OLDER_TEENS = "16-18"
    ADULTS = "adults"


PLAYER_BANDS: tuple[AgeBand, ...] = (AgeBand.KIDS, AgeBand.YOUNG_TEENS, AgeBand.OLDER_TEENS)

PLAN_CARDS = (4, 12)  # the fewest and most cards a game or a lesson plan has


class Tag(str, Enum):
    """The red flags (tactics) of the content guide. Every card carries at least one."""

    COMPENSATION = "compensation"
    FLATTERY = "flattery"
    SECRECY = "secrecy"
    PLATFORM_SWITCH = "platform-switch"
    FAKE_PROFILE = "fake-profile"
    THREAT_TO_SHARE = "threat-to-share"
    MONEY_DEMAND = "money-demand"
    THREAT_TO_HARM = "threat-to-harm"
    TIME_PRESSURE = "time-pressure"
    GENDER_PRESSURE = "gender-pressure"
    RELATIONSHIP_PRESSURE = "relationship-pressure"
    PEER_SHARING = "peer-sharing"
    KNOWN_PERSON = "known-person"
    FAKE_IMAGE = "fake-image"
    ALREADY_SENT = "already-sent"
    TELLING = "telling"
    ADULT_RESPONSE = "adult-response"


class Rating(str, Enum):
    """How safe a response is. Scoring and the feedback icon both follow from it."""

    SAFE = "safe"
    RISKY = "risky"
    HARMFUL = "harmful"


class SafeMove(str, Enum):
    """The one safe move a card teaches (content guide, "Safe moves")."""

    STOP = "stop"
    SAVE = "save"
    BLOCK_REPORT = "block-report"
    TELL = "tell"
    GET_HELP = "get-help"
    SUPPORT = "support"
    LISTEN = "listen"  # the adults' deck: listen, stay calm, take away the shame, report


class Sender(str, Enum):
    """Where a chat bubble sits: the other person (left), the player (right), or a note."""

    THEM = "them"
    YOU = "you"
    NOTE = "note"


class Mode(str, Enum):
    SOLO = "solo"
    TEAMS = "teams"  # team turns: one team answers each card; others may steal a wrong answer
    ALL_TEAMS = "all-teams"  # every team decides; the facilitator enters each team's choice
    TOGETHER = "together"  # the whole group as one, no scores: discussion only

    @property
    def is_group(self) -> bool:
        return self is not Mode.SOLO

    @property
    def keeps_score(self) -> bool:
        return self is not Mode.TOGETHER


class Phase(str, Enum):
    SCENARIO = "scenario"  # the setup and chat are being shown
    SPOT = "spot"  # "Where is the red flag?": the number of the chat message that shows it
    NAME = "name"  # "What trick is this?": one of 3–4 tactic names
    CHOOSE = "choose"  # the options are shown; waiting for a choice
    STEAL = "steal"  # team turns: the answer was not the safest; another team may steal
    EXPLAIN = "explain"  # pick the reason why the safe response is right
    FEEDBACK = "feedback"
    SUMMARY = "summary"
