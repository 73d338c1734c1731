"""The Linux app build, smoke-tested as a teacher would use it (slow: the build takes 1-2 min).

tools/build-app.sh makes the PyInstaller one-folder app; then, from a folder outside the
checkout and with an empty home folder: the game starts in a real window under Xvfb, its title is
read back by OCR; with portable.txt beside the app a changed setting lands in "Red Flags data"
beside it and nothing in the home folder; `RedFlags validate` checks a deck and `RedFlags print
help` writes a PDF. The same steps run on each release runner (.github/workflows/release.yml
runs this file with REDFLAGS_APP set to the built program, where the window part is Linux-only).
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def app() -> Path:
    """The built program: REDFLAGS_APP when given (release.yml builds first), else built here."""
    given = os.environ.get("REDFLAGS_APP")
    if given:
        return Path(given).resolve()
    start = time.perf_counter()
    proc = subprocess.run(
        ["bash", str(ROOT / "tools" / "build-app.sh")],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=1200,
        check=False,
    )
    assert proc.returncode == 0, proc.stdout + proc.stderr
    print(f"build-app.sh: {time.perf_counter() - start:.0f} s; {proc.stdout.strip()}")
    return (ROOT / (ROOT / "dist" / "app-program.txt").read_text().strip()).resolve()


def folder_of(program: Path) -> Path:
    """Where portable.txt goes: beside the program, or beside Red Flags.app on macOS."""
    bundle = next((p for p in program.parents if p.suffix == ".app"), None)
    return bundle.parent if bundle else program.parent


@pytest.fixture
def home(tmp_path: Path) -> Path:
    path = tmp_path / "home"
    path.mkdir()
    return path


def env_for(home: Path, **extra: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("REDFLAGS_", "PYTHON", "XDG_"))}
    env.update(
        HOME=str(home),
        USERPROFILE=str(home),
        APPDATA=str(home / "AppData" / "Roaming"),
        LOCALAPPDATA=str(home / "AppData" / "Local"),
        SDL_AUDIODRIVER="dummy",
    )
    env.update(extra)
    return env


def run(cmd: list[str], home: Path, cwd: Path, **extra: str) -> str:
    proc = subprocess.run(
        cmd,
        cwd=cwd,
        env=env_for(home, **extra),
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert proc.returncode == 0, f"{cmd}: exit {proc.returncode}\n{proc.stdout}\n{proc.stderr}"
    return proc.stdout + proc.stderr


def test_the_app_validates_a_deck_and_prints_a_pdf(app: Path, home: Path, tmp_path: Path) -> None:
    deck = tmp_path / "our deck.yaml"
    shutil.copy2(ROOT / "tests" / "fixtures" / "good_deck.yaml", deck)
    out = run([str(app), "validate", str(deck)], home, tmp_path)
    assert "valid" in out.lower() or "ok" in out.lower(), out
    bad = tmp_path / "broken.yaml"
    bad.write_text("cards: [\n", encoding="utf-8")
    proc = subprocess.run(
        [str(app), "validate", str(bad)],
        cwd=tmp_path,
        env=env_for(home),
        capture_output=True,
        timeout=120,
        check=False,
    )
    assert proc.returncode == 1, proc

    assert "[adults, en]" in run([str(app), "decks"], home, tmp_path)
    pdf = tmp_path / "hjälp.pdf"
    run(
        [str(app), "print", "help", "--lang", "sv", "--region", "se", "--out", str(pdf)],
        home,
        tmp_path,
    )
    assert pdf.read_bytes().startswith(b"%PDF")
    if shutil.which("pdftotext"):
        text = subprocess.run(
            ["pdftotext", str(pdf), "-"], capture_output=True, text=True, check=True
        ).stdout
        assert len(text.split()) > 30, text
    assert not any(home.rglob("*")), "the app wrote into the home folder"


def test_a_headless_first_frame(app: Path, home: Path, tmp_path: Path) -> None:
    out = run(
        [str(app), "--windowed", "1280x720"],
        home,
        tmp_path,
        SDL_VIDEODRIVER="dummy",
        REDFLAGS_EXIT_AFTER_FIRST_FRAME="1",
    )
    assert "first-frame-at" in out, out


@pytest.fixture
def xserver() -> Iterator[str]:
    if not sys.platform.startswith("linux"):
        pytest.skip("the real-window part runs on Linux (Xvfb)")
    from tests.e2e.realwindow import MISSING, private_xserver

    assert not MISSING, f"needs {MISSING} (./test.sh installs them)"
    yield from private_xserver()


def test_the_app_opens_its_title_in_a_window_and_is_portable(
    app: Path, home: Path, tmp_path: Path, xserver: str
) -> None:
    from tests.e2e.realwindow import assert_not_blank, assert_text

    marker = folder_of(app) / "portable.txt"
    data = folder_of(app) / "Red Flags data"
    shutil.rmtree(data, ignore_errors=True)
    marker.write_text("Settings and saved sessions stay in 'Red Flags data' beside the app.\n")
    log_path = tmp_path / "stderr.log"
    env = env_for(
        home,
        DISPLAY=xserver,
        SDL_VIDEODRIVER="x11",
        REDFLAGS_DEBUG_SCENES="1",
        SDL_FRAMEBUFFER_ACCELERATION="0",
    )
    env.pop("SDL_VIDEO_X11_WMCLASS", None)
    with log_path.open("w") as log:
        proc = subprocess.Popen(
            [str(app), "--windowed", "1280x720"],
            cwd=tmp_path,
            env=env,
            stdout=subprocess.DEVNULL,
            stderr=log,
        )
    try:
        window = find_window(env, proc, log_path)

        def scenes() -> list[str]:
            lines = log_path.read_text().splitlines()
            return [ln.split("scene=")[1].split()[0] for ln in lines if "scene=" in ln]

        def wait_for(scene: str, count: int = 1) -> None:
            deadline = time.time() + 20
            while time.time() < deadline:
                if scenes().count(scene) >= count:
                    time.sleep(0.6)
                    return
                time.sleep(0.05)
            raise AssertionError(
                f"never reached {scene}; scenes: {scenes()}\n{log_path.read_text()}"
            )

        def key(*names: str) -> None:
            for name in names:
                subprocess.run(
                    ["xdotool", "windowfocus", "--sync", window], env=env, capture_output=True
                )
                subprocess.run(["xdotool", "key", "--window", window, name], env=env, check=True)
                time.sleep(0.25)

        wait_for("content-note")
        key("Return")
        wait_for("title")
        shot = tmp_path / "title.png"
        subprocess.run(["import", "-window", window, str(shot)], env=env, check=True)
        assert_not_blank(shot)
        assert_text(shot, "Red Flags", "Play")
        assert shutil.which("tesseract"), "tesseract reads the title back (./test.sh installs it)"

        # Change a setting: it is saved beside the app, not in the home folder.
        key("s")
        if "settings" not in scenes():
            key("Down", "Down", "Return")
        wait_for("settings")
        key("Right", "Escape")
        deadline = time.time() + 10
        while time.time() < deadline and not (data / "settings.json").exists():
            time.sleep(0.1)
        assert (data / "settings.json").exists(), f"no settings beside the app; scenes {scenes()}"
        assert not any(home.rglob("*")), sorted(home.rglob("*"))
    finally:
        proc.terminate()
        proc.wait(timeout=10)
        marker.unlink(missing_ok=True)
        shutil.rmtree(data, ignore_errors=True)


def find_window(env: dict[str, str], proc: subprocess.Popen[bytes], log: Path) -> str:
    deadline = time.time() + 30
    while time.time() < deadline:
        out = subprocess.run(
            ["xdotool", "search", "--class", "redflags"], env=env, capture_output=True, text=True
        ).stdout.split()
        if out:
            return out[-1]
        if proc.poll() is not None:
            break
        time.sleep(0.2)
    raise AssertionError("the app's window did not appear:\n" + log.read_text())
