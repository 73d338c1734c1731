"""Every button's label lies inside its button with a padding beside it, in the dialogs and
menus (pause, leave, end the session, settings, about, setup, the content note, the region
question, the award, the resume offer): at 1280×720, 1024×768, 640×480 and 746×902, in the
default and projector themes, at text size ×1.0, ×1.4 and ×1.65 (and in Swedish, whose labels
are longer, at ×1.65). A label too long for its button
at the dialog's size must get room (its own row, two lines in a taller button), not be squeezed
until it touches the button's edges (the render log: what was drawn, where)."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from game import i18n
from game.model.record import record_of
from game.model.session import Mode
from game.ui.scenes.region_ask import RegionAskScene
from game.ui.scenes.resume import ResumeScene
from game.ui.scenes.setup import SetupScene
from game.ui.widgets import Button
from tests.ui.driver import Driver

SIZES = [(1280, 720), (1024, 768), (640, 480), (746, 902)]
LOOKS = [
    (size, theme, scale, lang)
    for size in SIZES
    for theme in ("default", "projector")
    for scale, langs in ((1.0, ["en"]), (1.4, ["en"]), (1.65, ["en", "sv"]))
    for lang in langs
]


def buttons(d: Driver) -> list[Button]:
    scene = d.app.top
    found = scene.clickable() if hasattr(scene, "clickable") else scene.group.buttons
    return [b for b in found if b.text.strip()]


def padded(d: Driver, where: str) -> list[str]:
    """One line per button of the top scene whose label is missing, outside it, or closer
    than one unit (1 % of the window's smaller side) or 0.3 of its size to its left or right
    edge."""
    d.settle()
    records, pad = d.texts(), round(d.app.ui.m.unit)
    bad = []
    for b in buttons(d):
        drawn = [r for r in records if r.box is not None and b.rect.contains(r.box)]
        label = next((r for r in drawn if r.text == b.text), None)
        if label is None:
            bad.append(f"{where}: {b.text!r} not drawn in its button {tuple(b.rect)}")
            continue
        # the padding grows with the label (widgets.label_pad): large text keeps clear too
        room = b.rect.inflate(-2 * max(pad, round(0.3 * label.size)), 0)
        if not (room.left <= label.rect.left and label.rect.right <= room.right):
            bad.append(f"{where}: {b.text!r} at {tuple(label.rect)} in {tuple(b.rect)}")
        elif not (b.rect.top <= label.rect.top and label.rect.bottom <= b.rect.bottom):
            bad.append(f"{where}: {b.text!r} at {tuple(label.rect)} over {tuple(b.rect)}")
    return bad


@pytest.fixture(autouse=True)
def _english_after() -> Iterator[None]:
    yield
    i18n.set_language("en")


@pytest.mark.sweep(
    "1024x768-projector-1.65-sv", "640x480-default-1.4-en", "746x902-projector-1.0-en"
)
@pytest.mark.parametrize(
    ("size", "theme", "scale", "lang"),
    LOOKS,
    ids=[f"{w}x{h}-{theme}-{scale}-{lang}" for (w, h), theme, scale, lang in LOOKS],
)
def test_every_label_has_room_in_its_button(make_driver, size, theme, scale, lang) -> None:
    d = make_driver(size, theme=theme, text_scale=scale, language=lang)
    bad = padded(d, "content note")
    d.press("enter")
    d.app.push(SetupScene(d.app))
    bad += padded(d, "setup")
    d.press("esc")
    d.app.push(RegionAskScene(d.app))
    bad += padded(d, "region question")
    d.press("esc")
    d.app.open_settings()
    bad += padded(d, "settings")
    d.app.open_about()
    bad += padded(d, "about")
    d.press("esc", "esc")
    d.start_game(mode=Mode.TEAMS, teams=6, count=3)
    d.press("esc")
    bad += padded(d, "pause")
    for name, opener in (("end", d.app.open_end_session), ("leave", d.app.open_leave_confirm)):
        opener()
        bad += padded(d, name)
        d.press("esc")
    d.press("esc")
    d.app.open_award(list(range(6)))
    bad += padded(d, "award")
    d.press("esc")
    session = d.app.play.session
    record = record_of(session, "en", [], "2026-12-06T07:00")
    d.app.push(ResumeScene(d.app, record, session))
    bad += padded(d, "resume")
    assert not bad, "\n".join(bad)
