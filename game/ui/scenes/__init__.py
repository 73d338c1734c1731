"""One module per screen. `scene_for_play` maps the session's phase to the scene showing it,
so the flow of a game is driven by `state.phase` and never by the scenes themselves."""

from __future__ import annotations

from typing import TYPE_CHECKING

from game.model.kinds import Mode, Phase
from game.ui.scene import Scene

if TYPE_CHECKING:
    from game.ui.app import App, PlayContext

_KINDS = {
    Phase.SCENARIO: "card",
    Phase.CHOOSE: "card",
    Phase.STEAL: "steal",
    Phase.EXPLAIN: "explain",
    Phase.FEEDBACK: "feedback",
    Phase.SUMMARY: "summary",
}


def wanted_key(play: PlayContext) -> tuple[str, int]:
    """Which screen the session wants: the kind plus the card index (a new card, a new scene).
    Unknown phases (group play adds some later) show the card screen until they get one."""
    kind = _KINDS.get(play.session.phase, "card")
    return kind, (-1 if kind == "summary" else play.session.state.index)


def scene_for_play(app: App, play: PlayContext) -> Scene:
    from game.ui.scenes.card import CardScene
    from game.ui.scenes.explain import ExplainScene
    from game.ui.scenes.feedback import FeedbackScene
    from game.ui.scenes.steal import StealScene
    from game.ui.scenes.summary import SummaryScene

    kind, _ = wanted_key(play)
    cls = {
        "card": CardScene,
        "explain": ExplainScene,
        "feedback": FeedbackScene,
        "steal": StealScene,
        "summary": SummaryScene,
    }[kind]
    if play.session.state.mode is Mode.ALL_TEAMS:  # the facilitator enters every team's choice
        from game.ui.scenes.enter_choices import ALL_TEAMS_SCENES

        cls = ALL_TEAMS_SCENES.get(kind, cls)
    return cls(app, play)
