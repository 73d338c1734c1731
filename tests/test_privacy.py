"""Privacy: in normal play the game opens no network connection, and it writes nothing but the
settings, the resumable session and crash reports."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
GOOD = ROOT / "tests" / "fixtures" / "good_deck.yaml"

PLAY = r"""
import os, sys
from pathlib import Path
sys.path.insert(0, os.getcwd())
from game.model.session import Mode
from tests.ui.driver import Driver, answer

def whole_game(d, mode):
    d.start_game(mode=mode, count=3)
    for _ in range(60):
        if d.phase == "summary":
            break
        if d.app.top is not None and d.app.top.name not in ("card", "explain", "feedback", "steal"):
            d.press("enter")  # group screens: the facilitator's checklist and entries
            continue
        answer(d)
    assert d.phase == "summary", (d.phase, d.names)

d = Driver()
d.press("enter")
whole_game(d, Mode.SOLO)
whole_game(d, Mode.TEAMS)
d.start_game(mode=Mode.TEAMS, count=3)  # a group session left open: saved to resume
answer(d)
try:
    from game.ui import prefs
    prefs.change(d.app, theme="projector")  # a changed setting is saved
except Exception as exc:
    print("no settings change:", exc, file=sys.stderr)
d.app.crash(RuntimeError("privacy test"))  # a crash report
import pygame
pygame.quit()
print("played")
"""


class NetworkUsed(AssertionError):
    pass


@pytest.fixture
def no_network(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    calls: list[str] = []

    class NoSocket(socket.socket):
        def __init__(self, *args: object, **kwargs: object) -> None:
            calls.append(f"socket.socket{args}")
            raise NetworkUsed("the game tried to open a socket")

    def no_connection(*args: object, **kwargs: object) -> None:
        calls.append(f"create_connection{args}")
        raise NetworkUsed("the game tried to connect")

    monkeypatch.setattr(socket, "socket", NoSocket)
    monkeypatch.setattr(socket, "create_connection", no_connection)
    return calls


def test_a_whole_game_and_the_cli_open_no_connection(no_network: list[str], capsys) -> None:
    os.environ.setdefault("SDL_VIDEODRIVER", "dummy")
    import pygame

    from game.cli import main
    from game.model.session import Mode

    from .ui.driver import Driver, answer

    try:
        d = Driver()
        d.press("enter")
        for mode in (Mode.SOLO, Mode.TEAMS):
            d.start_game(mode=mode, count=3)
            for _ in range(60):
                if d.phase == "summary":
                    break
                if d.top not in ("card", "explain", "feedback", "steal"):
                    d.press("enter")
                    continue
                answer(d)
            assert d.phase == "summary"
    finally:
        pygame.quit()
    assert main(["validate", str(GOOD)]) == 0
    assert main(["decks"]) in (0, 1)
    assert main(["decks", "--coverage", "--lang", "sv"]) in (0, 1)
    assert no_network == []


def test_only_settings_session_and_crash_reports_are_written(tmp_path: Path) -> None:
    home = tmp_path / "home"
    home.mkdir()
    env = {
        k: v
        for k, v in os.environ.items()
        if not k.startswith(("REDFLAGS_", "XDG_")) and k not in ("HOME", "TMPDIR")
    }
    env.update(
        HOME=str(home),
        XDG_CONFIG_HOME=str(home / ".config"),
        XDG_DATA_HOME=str(home / ".local" / "share"),
        XDG_CACHE_HOME=str(home / ".cache"),
        XDG_STATE_HOME=str(home / ".local" / "state"),
        XDG_RUNTIME_DIR=str(tmp_path / "run"),
        TMPDIR=str(tmp_path / "tmp"),
        SDL_VIDEODRIVER="dummy",
        SDL_AUDIODRIVER="dummy",
        PYGAME_HIDE_SUPPORT_PROMPT="1",
        PYTHONDONTWRITEBYTECODE="1",
    )
    (tmp_path / "tmp").mkdir()
    proc = subprocess.run(
        [sys.executable, "-c", PLAY], cwd=ROOT, env=env, capture_output=True, text=True, timeout=120
    )
    assert proc.returncode == 0, proc.stderr
    assert "played" in proc.stdout
    written = sorted(str(p.relative_to(tmp_path)) for p in tmp_path.rglob("*") if p.is_file())
    config = Path("home/.config/redflags")
    data = Path("home/.local/share/redflags")
    allowed = {str(config / "settings.json"), str(data / "session.json")}
    reports = [
        w for w in written if w.startswith(str(data / "crash-reports")) and w.endswith(".txt")
    ]
    assert len(reports) == 1, written
    assert set(written) - set(reports) <= allowed, written
    assert str(data / "session.json") in written
