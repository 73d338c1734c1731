"""The facilitator's checklist screen and the printed guide give the same ground rules and the
same steps for when a young person tells you something: one home, the glossary of the language
(assets/glossary/<lang>.yaml), in English and in Swedish."""

from __future__ import annotations

from collections.abc import Iterator

import pygame
import pytest

from game import i18n
from game.content.glossary import glossary
from game.content.help import load_region
from game.export.guide_pdf import render_guide
from game.model.kinds import Mode
from game.ui.app import GameSetup
from tests.export.conftest import Pdf, squash
from tests.i18n.conftest import LangDriver


@pytest.fixture
def checklist() -> Iterator[object]:
    def make(language: str) -> str:
        """Every page of the checklist screen's words, in `language`."""
        d = LangDriver((1280, 720), language=language, region="se" if language == "sv" else "gb")
        if d.top == "content-note":
            d.press("enter")
        assert d.app.start_game(GameSetup(mode=Mode.TEAMS, teams=3, count=3, seed=1)) is None
        d.settle()
        assert d.top == "facilitator-intro"
        said = []
        for _page in d.app.top.pages:  # type: ignore[union-attr]
            said += d.app.top.texts()  # type: ignore[union-attr]
            d.press("right")
            d.settle()
        return " ".join(said)

    yield make
    i18n.set_language("en")
    pygame.quit()


@pytest.mark.parametrize("language", ["en", "sv"])
def test_the_checklist_screen_and_the_guide_give_the_same_rules_and_steps(
    checklist, tmp_path, language
) -> None:
    pytest.importorskip("pypdf")
    screen = squash(checklist(language))
    words = glossary(language).facilitator
    region = load_region("se" if language == "sv" else "gb")
    guide = Pdf(render_guide([], language, region, tmp_path / "guide.pdf"))
    sentences = [s for r in words.ground_rules for s in (r.name, r.detail)]
    sentences += words.if_someone_tells
    for sentence in sentences:
        assert squash(sentence) in screen, sentence
        assert guide.has(sentence), sentence
