"""The layering contract and the linter, run as tests so they cannot silently erode."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
BIN = Path(sys.executable).parent


def _tool(name: str) -> str:
    found = BIN / name
    return str(found) if found.exists() else (shutil.which(name) or name)


def test_layers_hold_the_model_never_imports_pygame_or_the_ui() -> None:
    run = subprocess.run([_tool("lint-imports")], cwd=ROOT, capture_output=True, text=True)
    assert run.returncode == 0, run.stdout + run.stderr


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
