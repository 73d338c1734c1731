"""The scene contract (game/ui/scene.py): scenes that navigate only through the App, read-aloud
on every scene of every mode, and the App following the session. (No import cycle in game.ui:
tests/test_code_quality.py.)"""

from __future__ import annotations

import ast
import importlib
import inspect
import sys

import grimp
import pytest

from game.model.session import Mode
from game.ui.scene import Scene

from .driver import answer

MODES = (Mode.SOLO, Mode.TEAMS, Mode.ALL_TEAMS, Mode.TOGETHER)


@pytest.fixture(scope="module")
def graph() -> grimp.ImportGraph:
    # imports under `if TYPE_CHECKING:` never run: they are annotations, not dependencies
    return grimp.build_graph("game", exclude_type_checking_imports=True, cache_dir=None)


def test_scenes_never_import_the_app(graph) -> None:
    scenes = [m for m in graph.modules if m.startswith("game.ui.scenes")]
    assert scenes
    for module in scenes:
        assert "game.ui.app" not in graph.find_modules_directly_imported_by(module), module


def test_scenes_import_other_scenes_only_to_build_on_them(graph) -> None:
    """Navigation goes through the App; a scene module imports another only for its base
    class (the play screens' bar, the card and the reasons under the All-teams ones, the
    dialogs' `Modal`)."""
    bases = {
        "game.ui.scenes.common",
        "game.ui.scenes.card",
        "game.ui.scenes.explain",
        "game.ui.scenes.modal",
        "game.ui.scenes.feedback",
    }
    for module in (m for m in graph.modules if m.startswith("game.ui.scenes.")):
        imported = graph.find_modules_directly_imported_by(module)
        others = {m for m in imported if m.startswith("game.ui.scenes.")} - bases
        assert not others, (module, others)


def _is_scene(value: object) -> bool:
    return isinstance(value, type) and issubclass(value, Scene)


def scene_classes_used(name: str) -> tuple[set[str], set[str]]:
    """In module `name`: the scene classes it imports from elsewhere (also inside a function)
    but builds nothing on, and the scenes it makes itself (by name or as `module.Class`)."""
    module = importlib.import_module(name)
    tree = ast.parse(inspect.getsource(module))
    found = dict(vars(module))
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom) and node.module and not node.level:
            source = importlib.import_module(node.module)
            found.update({a.asname or a.name: getattr(source, a.name, None) for a in node.names})

    def resolve(node: ast.expr) -> object:
        if isinstance(node, ast.Attribute):
            return getattr(resolve(node.value), node.attr, None)
        return found.get(node.id) if isinstance(node, ast.Name) else None

    classes = [node for node in ast.walk(tree) if isinstance(node, ast.ClassDef)]
    bases = {resolve(base) for node in classes for base in node.bases}
    imported = {
        key
        for key, value in found.items()
        if _is_scene(value) and value.__module__ != name and value not in bases
    }
    calls = (node for node in ast.walk(tree) if isinstance(node, ast.Call))
    made = {ast.unparse(call.func) for call in calls if _is_scene(resolve(call.func))}
    return imported, made


NAVIGATING = ("game.ui.phones", "game.ui.facilitator")  # the phones' keys, the facilitator's


def test_screens_open_other_screens_only_through_the_app(graph) -> None:
    """A scene module, the phones' screens and the facilitator's keys make no scene and import
    none but to build on it: they ask the App (`app.open_phones_summary()`...). Only the App
    and `flow` (which play scene shows the session) make scenes."""
    modules = sorted(m for m in graph.modules if m.startswith("game.ui.scenes."))
    for module in [*modules, *NAVIGATING]:
        assert scene_classes_used(module) == (set(), set()), module


def test_the_screen_check_finds_a_scene_opened_by_hand(tmp_path, monkeypatch) -> None:
    (tmp_path / "opener.py").write_text(
        "from game.ui.scene import Scene\n"
        "class Base(Scene):\n    pass\n"
        "def go(app):\n"
        "    from game.ui.scenes.pause import PauseScene\n"
        "    app.push(PauseScene(app))\n"
        "    app.push(Base(app))\n",
        encoding="utf-8",
    )
    monkeypatch.syspath_prepend(str(tmp_path))
    assert scene_classes_used("opener") == ({"PauseScene"}, {"PauseScene", "Base"})


def test_app_calls_only_hooks_the_scene_declares() -> None:
    """Every hook the App and the narrator call is declared on `Scene` with a default."""
    for hook in (
        "on_enter",
        "on_exit",
        "on_pause",
        "on_resume",
        "layout",
        "handle",
        "update",
        "update_after",
        "draw",
        "draw_after",
        "reading",
        "texts",
        "spoken_focus",
        "animating",
        "play_key",
        "static_layer",
        "opaque",
        "wants_text",
        "group",
        "name",
    ):
        assert hook in vars(Scene) or hook in Scene.__init__.__code__.co_names, hook
    source = (sys.modules["game.ui.app"].__file__ or "").replace(".pyc", ".py")
    with open(source, encoding="utf-8") as f:
        assert "getattr(" not in f.read()


def _walk(d, mode: Mode) -> list[tuple[str, str, tuple[str, ...]]]:
    """Play a game in `mode` with the keyboard; the reading of each screen on the way."""
    d.start_game(mode, teams=3, count=2)
    seen: list[tuple[str, str, tuple[str, ...]]] = []
    for _ in range(40):
        top = d.app.top
        assert top is not None
        seen.append((top.name, d.phase, top.reading().parts))
        if d.phase == "summary":
            break
        if top.name == "enter-choices" and d.phase == "choose":
            d.press("1", "2", "3", "enter")  # each team's choice, then reveal
        elif top.name == "enter-reasons":
            d.press("1", "2", "3", "enter")
        else:
            answer(d, "2", "1")
    return seen


@pytest.mark.parametrize("mode", MODES, ids=lambda m: m.value)
def test_read_aloud_reads_every_play_scene_in_every_mode(make_driver, mode) -> None:
    d = make_driver((1280, 720))
    seen = _walk(d, mode)
    assert seen[-1][1] == "summary"
    names = {name for name, _, _ in seen}
    expected = {"card", "explain", "feedback", "summary"}
    if mode is Mode.ALL_TEAMS:
        expected = {"enter-choices", "enter-reasons", "team-feedback", "summary"}
    assert expected <= names, names
    for name, phase, parts in seen:
        assert parts, f"{mode.value}: {name} ({phase}) reads nothing"
        assert all(isinstance(p, str) and p.strip() for p in parts), (name, parts)


def test_the_steal_screen_reads_its_question_and_choices(make_driver) -> None:
    d = make_driver((1280, 720))
    d.start_game(Mode.TEAMS, teams=3, count=3)
    for _ in range(12):
        if d.phase == "steal":
            break
        answer(d, "1" if d.phase == "choose" else "1", "1")
        if d.phase == "choose":
            d.press("1")
    if d.phase != "steal":
        pytest.skip("no card here leads to a steal with option 1")
    parts = d.app.top.reading().parts
    assert parts[0] == "Not the safest choice. Can another team steal this card?"
    assert any(p.startswith("1: ") for p in parts)


def test_the_card_reads_what_it_shows(make_driver) -> None:
    d = make_driver((1280, 720))
    d.start_game(Mode.ALL_TEAMS, teams=3)
    d.press("enter")  # the whole chat and the options
    card = d.app.play.session.state.card
    parts = d.app.top.reading().parts
    assert parts[0] == card.setup
    assert card.question in parts
    drawn = {r.text for r in d.texts()}
    assert card.setup in drawn and card.question in drawn
    assert [p for p in parts if p[:3] in ("1: ", "2: ")] == [
        f"{i + 1}: {r.text}" for i, r in enumerate(card.responses[:2])
    ]


def test_overlays_read_their_heading_and_text(make_driver) -> None:
    d = make_driver((1280, 720))
    d.start_game(Mode.SOLO)
    d.press("esc")
    assert d.top == "pause"
    assert d.app.top.reading().parts[0] == "Paused"
    d.press("h")
    assert d.top == "help"
    assert d.app.top.reading().parts[0] == "Help"


def test_the_app_follows_the_session_after_an_action(make_driver) -> None:
    d = make_driver((1280, 720))
    d.start_game(Mode.SOLO)
    d.press("enter")
    assert d.top == "card"
    d.app.play.session.choose(0)  # an action from anywhere: the App shows what follows
    d.frame()
    d.settle()
    assert d.top in ("explain", "feedback")


def test_play_scenes_keep_no_copy_of_the_session_state(make_driver) -> None:
    """`state` is the session's state now, also under an overlay and before any frame: no
    scene refreshes a copy by hand (issue 16)."""
    d = make_driver((1280, 720))
    d.start_game(Mode.TEAMS, teams=2)
    card = d.app.top
    d.press("esc")  # the pause over the card: the card gets no update
    session = d.app.play.session
    session.choose(0)  # from anywhere, no frame since
    assert card is not d.app.top and card.state is session.state
    with pytest.raises(AttributeError):
        card.state = session.state  # read-only


def test_going_back_gets_a_fresh_screen(make_driver) -> None:
    d = make_driver((1280, 720))
    d.start_game(Mode.TEAMS, teams=2)
    d.press("enter", "1")
    before = d.app.top
    d.press("backspace")
    assert d.app.top is not before
    assert d.phase in ("choose", "scenario")


def test_lifecycle_hooks_come_in_order(make_driver) -> None:
    d = make_driver((1280, 720))
    calls: list[str] = []

    class Recorder(Scene):
        name = "recorder"
        opaque = False

        def on_enter(self) -> None:
            calls.append("enter")

        def on_pause(self) -> None:
            calls.append("pause")

        def on_resume(self) -> None:
            calls.append("resume")

        def on_exit(self) -> None:
            calls.append("exit")

    app = d.app
    app.push(Recorder(app))
    app.open_help()
    app.pop()
    app.pop()
    assert calls == ["enter", "pause", "resume", "exit"]
