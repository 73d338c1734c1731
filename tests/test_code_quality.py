"""The layering contract, the import-cycle check, the linter and the type checker, run as tests so
they cannot silently erode (issue 16)."""

from __future__ import annotations

import shutil
import subprocess
import sys
from graphlib import CycleError, TopologicalSorter
from pathlib import Path

import grimp

ROOT = Path(__file__).resolve().parents[1]
BIN = Path(sys.executable).parent


def _tool(name: str) -> str:
    found = BIN / name
    return str(found) if found.exists() else (shutil.which(name) or name)


def test_layers_hold_the_model_never_imports_pygame_or_the_ui() -> None:
    run = subprocess.run([_tool("lint-imports")], cwd=ROOT, capture_output=True, text=True)
    assert run.returncode == 0, run.stdout + run.stderr


def import_cycle(graph: grimp.ImportGraph, prefix: str) -> list[str]:
    """An import cycle among the modules under `prefix`, as a path back to its start; [] when
    there is none."""
    inside = {m for m in graph.modules if m.startswith(prefix)}
    imports = {m: graph.find_modules_directly_imported_by(m) & inside for m in inside}
    try:
        TopologicalSorter(imports).prepare()
    except CycleError as cycle:
        return list(cycle.args[1])
    return []


def test_game_ui_has_no_import_cycle() -> None:
    """Scenes navigate through the App, not by importing each other (no cycle hidden by imports
    inside functions: those count too; annotations under TYPE_CHECKING never run)."""
    graph = grimp.build_graph("game", exclude_type_checking_imports=True, cache_dir=None)
    assert import_cycle(graph, "game.ui") == []


def test_the_cycle_check_finds_a_cycle() -> None:
    class Graph:  # a stand-in with just what `import_cycle` reads
        modules = {"game.ui.a", "game.ui.b", "game.ui.c"}

        @staticmethod
        def find_modules_directly_imported_by(m: str) -> set[str]:
            return {"game.ui.a": {"game.ui.b"}, "game.ui.b": {"game.ui.a"}}.get(m, set())

    assert sorted(set(import_cycle(Graph(), "game.ui"))) == ["game.ui.a", "game.ui.b"]  # type: ignore[arg-type]


def test_ruff_finds_nothing() -> None:
    run = subprocess.run(
        [_tool("ruff"), "check", "game", "tests", "tools"], cwd=ROOT, capture_output=True, text=True
    )
    assert run.returncode == 0, run.stdout + run.stderr


def test_the_game_is_formatted_by_ruff() -> None:
    """One layout of code for everyone (and line counts that mean something: issue 16)."""
    run = subprocess.run(
        [_tool("ruff"), "format", "--check", "game"], cwd=ROOT, capture_output=True, text=True
    )
    assert run.returncode == 0, run.stdout + run.stderr


def test_mypy_strict_finds_nothing_in_the_model_and_the_content() -> None:
    """The model and the content loader are typed strictly (PyYAML through types-PyYAML)."""
    run = subprocess.run(
        [sys.executable, "-m", "mypy", "--strict", "game/model", "game/content"],
        cwd=ROOT,
        capture_output=True,
        text=True,
    )
    assert run.returncode == 0, run.stdout + run.stderr


def test_mypy_finds_nothing_in_the_game() -> None:
    """All of game passes mypy's default checks (configured in pyproject.toml's [tool.mypy])."""
    run = subprocess.run(
        [sys.executable, "-m", "mypy", "game"], cwd=ROOT, capture_output=True, text=True
    )
    assert run.returncode == 0, run.stdout + run.stderr
