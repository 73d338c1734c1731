"""Which play screen shows the session: `scene_for_play` maps the session's phase (and mode) to
the scene showing it, so the flow of a game is driven by `state.phase` and never by the scenes
themselves: the App follows the session (game/ui/app.py) and asks here which scene to show."""

from __future__ import annotations

from typing import TYPE_CHECKING

from game.model.kinds import Mode, Phase
from game.ui.scenes.card import CardScene
from game.ui.scenes.common import PlayScene
from game.ui.scenes.enter_choices import AllTeamsCardScene, AllTeamsExplainScene
from game.ui.scenes.explain import ExplainScene
from game.ui.scenes.feedback import FeedbackScene
from game.ui.scenes.steal import StealScene
from game.ui.scenes.summary import SummaryScene
from game.ui.scenes.team_feedback import AllTeamsFeedbackScene

if TYPE_CHECKING:
    from game.ui.app import App
    from game.ui.play import PlayContext

_KINDS = {
    Phase.SCENARIO: "card",
    Phase.CHOOSE: "card",
    Phase.STEAL: "steal",
    Phase.EXPLAIN: "explain",
    Phase.FEEDBACK: "feedback",
    Phase.SUMMARY: "summary",
}

SCENES: dict[str, type[PlayScene]] = {
    "card": CardScene,
    "explain": ExplainScene,
    "feedback": FeedbackScene,
    "steal": StealScene,
    "summary": SummaryScene,
}
# in All teams the facilitator enters every team's choice
ALL_TEAMS_SCENES: dict[str, type[PlayScene]] = {
    "card": AllTeamsCardScene,
    "explain": AllTeamsExplainScene,
    "feedback": AllTeamsFeedbackScene,
}


def wanted_key(play: PlayContext) -> tuple[str, int]:
    """Which screen the session wants: the kind plus the card index (a new card, a new scene).
    Unknown phases (group play adds some later) show the card screen until they get one."""
    kind = _KINDS.get(play.session.phase, "card")
    return kind, (-1 if kind == "summary" else play.session.state.index)


def scene_for_play(app: App, play: PlayContext) -> PlayScene:
    kind, _ = wanted_key(play)
    cls = SCENES[kind]
    if play.session.state.mode is Mode.ALL_TEAMS:
        cls = ALL_TEAMS_SCENES.get(kind, cls)
    return cls(app, play)
