"""End to end: the real program in a real X window (Xvfb), played with real key presses
(xdotool), each screen captured from the X server (ImageMagick `import`), checked to be
non-blank and, where tesseract is installed, read back with OCR so the expected words are
really on screen; the scene changes the game logs (REDFLAGS_DEBUG_SCENES=1) are checked too."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

pytestmark = pytest.mark.e2e

ROOT = Path(__file__).resolve().parents[2]
PYTHON = ROOT / ".venv" / "bin" / "python"
DISPLAY = ":97"
FIXTURE_DECKS = ROOT / "tests" / "ui" / "fixtures" / "offers.yaml"

missing = [tool for tool in ("Xvfb", "xdotool") if shutil.which(tool) is None]
if missing:
    pytest.skip(
        f"needs {' and '.join(missing)} installed for a real window", allow_module_level=True
    )


@pytest.fixture(scope="module")
def xserver() -> Iterator[str]:
    proc = subprocess.Popen(
        ["Xvfb", DISPLAY, "-screen", "0", "1920x1080x24", "-nolisten", "tcp"],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    env = {**os.environ, "DISPLAY": DISPLAY}
    for _ in range(50):
        if (
            subprocess.run(["xdotool", "getmouselocation"], env=env, capture_output=True).returncode
            == 0
        ):
            break
        time.sleep(0.1)
    else:
        proc.kill()
        pytest.skip("Xvfb did not start")
    yield DISPLAY
    proc.terminate()
    proc.wait(timeout=5)


class Game:
    """The running program, its log of scene changes, and the X tools to drive and see it."""

    def __init__(self, display: str, shots: Path) -> None:
        self.env = {
            **os.environ,
            "DISPLAY": display,
            "SDL_VIDEODRIVER": "x11",
            "SDL_AUDIODRIVER": "dummy",
            "SDL_FRAMEBUFFER_ACCELERATION": "0",
            "SDL_VIDEO_X11_WMCLASS": "redflags",
            "REDFLAGS_DEBUG_SCENES": "1",
            "XDG_CONFIG_HOME": str(shots / "config"),  # never touch the real settings
            "REDFLAGS_DATA_DIR": str(shots / "data"),  # nor a real resumable session
        }
        self.shots = shots
        self.log_path = shots / "stderr.log"
        self.log = self.log_path.open("w")
        cmd = [str(PYTHON), "-m", "game", "--seed", "1", "--cards", "3", "--windowed", "1280x720"]
        if not (ROOT / "game" / "__main__.py").exists():  # before the CLI existed
            cmd = [
                str(PYTHON),
                "-c",
                "from pathlib import Path; from game.ui.app import run; "
                "from game.ui.options import RunOptions; "
                f"raise SystemExit(run(RunOptions(deck_paths=[Path({str(FIXTURE_DECKS)!r})],"
                " seed=1, cards=3, window_size=(1280, 720))))",
            ]
        self.proc = subprocess.Popen(
            cmd, cwd=ROOT, env=self.env, stdout=subprocess.DEVNULL, stderr=self.log
        )
        self.window = self._find_window()

    def _find_window(self) -> str:
        deadline = time.time() + 20
        while time.time() < deadline:
            out = subprocess.run(
                ["xdotool", "search", "--class", "redflags"],
                env=self.env,
                capture_output=True,
                text=True,
            ).stdout.split()
            if out:
                return out[-1]
            if self.proc.poll() is not None:
                break
            time.sleep(0.2)
        raise AssertionError("the game window did not appear:\n" + self.log_path.read_text())

    def scenes(self) -> list[str]:
        lines = self.log_path.read_text().splitlines()
        return [ln.split("scene=")[1].split()[0] for ln in lines if "scene=" in ln]

    def wait_for(self, scene: str, count: int = 1, timeout: float = 10) -> None:
        deadline = time.time() + timeout
        while time.time() < deadline:
            if self.scenes().count(scene) >= count:
                time.sleep(0.5)  # let the fade finish before a screenshot
                return
            time.sleep(0.05)
        raise AssertionError(f"never reached {scene} #{count}; scenes: {self.scenes()}")

    def key(self, *keys: str) -> None:
        for key in keys:
            subprocess.run(
                ["xdotool", "windowfocus", "--sync", self.window], env=self.env, capture_output=True
            )
            subprocess.run(
                ["xdotool", "key", "--window", self.window, key], env=self.env, check=True
            )
            time.sleep(0.25)

    def capture(self, name: str) -> Path:
        path = self.shots / f"{name}.png"
        if shutil.which("import"):
            subprocess.run(["import", "-window", self.window, str(path)], env=self.env, check=True)
        else:
            with subprocess.Popen(
                ["xwd", "-root", "-silent"], env=self.env, stdout=subprocess.PIPE
            ) as xwd:
                subprocess.run(["convert", "xwd:-", str(path)], stdin=xwd.stdout, check=True)
        return path

    def close(self) -> int:
        if self.proc.poll() is None:
            self.proc.terminate()
        code = self.proc.wait(timeout=10)
        self.log.close()
        return code


def assert_not_blank(path: Path) -> None:
    from PIL import Image, ImageStat

    with Image.open(path) as img:
        crop = img.convert("RGB").crop((0, 0, 1280, 720))
        spread = sum(ImageStat.Stat(crop).stddev) / 3
    assert spread > 8, f"{path.name} looks blank (pixel spread {spread:.1f})"


def assert_text(path: Path, *phrases: str) -> None:
    """OCR the screenshot and check each phrase is on it (case and spacing ignored)."""
    if shutil.which("tesseract") is None:
        return
    out = subprocess.run(
        ["tesseract", str(path), "-", "--psm", "11"], capture_output=True, text=True
    ).stdout
    seen = " ".join(out.lower().split())
    for phrase in phrases:
        assert phrase.lower() in seen, f"{path.name}: “{phrase}” not found by OCR in: {seen[:400]}"


def test_a_whole_solo_game_in_a_real_window(xserver: str) -> None:
    shots = Path(tempfile.mkdtemp(prefix="redflags-e2e-"))
    game = Game(xserver, shots)
    try:
        game.wait_for("content-note")
        shot = game.capture("01-content-note")
        assert_not_blank(shot)
        assert_text(shot, "Before we start", "Esc")
        game.key("Return")
        game.wait_for("title")
        shot = game.capture("02-title")
        assert_not_blank(shot)
        assert_text(shot, "Red Flags", "Play")
        game.key("Return")
        game.wait_for("setup")
        assert_not_blank(game.capture("03-setup"))
        game.key("Return")  # Start has the focus
        for n in range(1, 4):
            game.wait_for("card", n)
            game.key("Return")  # show the whole chat and the choices
            time.sleep(0.5)
            shot = game.capture(f"{n}-1-card")
            assert_not_blank(shot)
            assert_text(shot, "Card", "Get help")
            game.key("1")
            game.wait_for("explain", n)
            game.key("Return")  # skip the own-words box
            shot = game.capture(f"{n}-2-explain")
            assert_not_blank(shot)
            assert_text(shot, "Why")
            game.key("1")
            game.wait_for("feedback", n)
            shot = game.capture(f"{n}-3-feedback")
            assert_not_blank(shot)
            assert_text(shot, "Red flag", "points")
            if n == 1:
                game.key("h")
                game.wait_for("help")
                shot = game.capture("1-4-help")
                assert_not_blank(shot)
                assert_text(shot, "Block and report")
                game.key("Escape")
                game.key("Escape")
                game.wait_for("pause")
                shot = game.capture("1-5-pause")
                assert_not_blank(shot)
                assert_text(shot, "Take a break", "Back to title")
                game.key("Escape")
                time.sleep(0.3)
            game.key("Return")
        game.wait_for("summary")
        shot = game.capture("4-summary")
        assert_not_blank(shot)
        assert_text(shot, "never your fault")
        expected = ["content-note", "title", "setup", "card", "explain", "feedback"]
        seen = game.scenes()
        assert seen[: len(expected)] == expected, seen
        assert seen[-1] == "summary"
        print(f"screenshots in {shots}", file=sys.stderr)
    finally:
        game.close()
