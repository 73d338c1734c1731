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

# A phase's kind of screen, its scene, and its scene in All teams (where the facilitator enters
# every team's choice); the card's steps (spot, name, choose) show the card.
Screen = tuple[str, type[PlayScene], type[PlayScene]]
CARD: Screen = ("card", CardScene, AllTeamsCardScene)
SCREENS: dict[Phase, Screen] = {
    Phase.STEAL: ("steal", StealScene, StealScene),
    Phase.EXPLAIN: ("explain", ExplainScene, AllTeamsExplainScene),
    Phase.FEEDBACK: ("feedback", FeedbackScene, AllTeamsFeedbackScene),
    Phase.SUMMARY: ("summary", SummaryScene, SummaryScene),
}


def wanted_key(play: PlayContext) -> tuple[str, int]:
    """Which screen the session wants: the kind plus the card index (a new card, a new scene)."""
    kind = SCREENS.get(play.session.phase, CARD)[0]
    return kind, (-1 if kind == "summary" else play.session.state.index)


def scene_for_play(app: App, play: PlayContext) -> PlayScene:
    _, usual, all_teams = SCREENS.get(play.session.phase, CARD)
    return (all_teams if play.session.state.mode is Mode.ALL_TEAMS else usual)(app, play)
