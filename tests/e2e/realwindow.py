"""Driving the real program in a real X window: a private Xvfb, the running game, its log of
scene changes (REDFLAGS_DEBUG_SCENES=1), xdotool key presses, and window screenshots that are
checked to be non-blank and, where tesseract is installed, read back with OCR."""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
PYTHON = Path(sys.executable)  # the interpreter running the tests, in any checkout
MISSING = [tool for tool in ("Xvfb", "xdotool", "import") if shutil.which(tool) is None]


def private_xserver(screen: str = "1920x1080x24") -> Iterator[str]:
    """A private Xvfb on a free display number (-displayfd), so tests never share a screen."""
    read, write = os.pipe()
    proc = subprocess.Popen(
        ["Xvfb", "-displayfd", str(write), "-screen", "0", screen, "-nolisten", "tcp"],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        pass_fds=(write,),
    )
    os.close(write)
    number = b""
    deadline = time.time() + 10
    while time.time() < deadline and not number.endswith(b"\n"):
        chunk = os.read(read, 16)
        if not chunk:
            break
        number += chunk
    os.close(read)
    if not number.strip():
        proc.kill()
        pytest.skip("Xvfb did not start")
    yield f":{number.decode().strip()}"
    proc.terminate()
    proc.wait(timeout=5)


class Game:
    """The running program in its own folders (settings, data, documents never the real ones)."""

    def __init__(
        self,
        display: str,
        folder: Path,
        size: str = "1280x720",
        run: int = 1,
        extra: tuple[str, ...] = (),
        env: dict[str, str] | None = None,
    ) -> None:
        self.env = {
            **os.environ,
            "DISPLAY": display,
            "SDL_VIDEODRIVER": "x11",
            "SDL_AUDIODRIVER": "dummy",
            "SDL_FRAMEBUFFER_ACCELERATION": "0",
            "REDFLAGS_DEBUG_SCENES": "1",
            "XDG_CONFIG_HOME": str(folder / "config"),
            "REDFLAGS_CONFIG_DIR": str(folder / "config"),
            "REDFLAGS_DATA_DIR": str(folder / "data"),
            "REDFLAGS_DOCUMENTS_DIR": str(folder / "documents"),
        }
        self.env.pop("SDL_VIDEO_X11_WMCLASS", None)  # the game names its own window class
        # a locale with a country: with none (C.UTF-8) setup first asks where the players are
        if "_" not in self.env.get("LC_ALL", "") + self.env.get("LANG", ""):
            self.env.pop("LC_ALL", None)
            self.env["LANG"] = "en_GB.UTF-8"
        self.env.update(env or {})
        self.folder = folder
        self.log_path = folder / f"stderr-{run}.log"
        self.log = self.log_path.open("w")
        cmd = [str(PYTHON), "-m", "game", "--seed", "1", "--cards", "4", "--windowed", size]
        cmd += list(extra)
        self.proc = subprocess.Popen(
            cmd, cwd=ROOT, env=self.env, stdout=subprocess.DEVNULL, stderr=self.log
        )
        self.window = self._find_window()

    def windows(self) -> list[str]:
        """The game's windows (the class window, and the presenter window when open)."""
        return subprocess.run(
            ["xdotool", "search", "--class", "redflags"],
            env=self.env,
            capture_output=True,
            text=True,
        ).stdout.split()

    def window_named(self, name: str) -> str:
        for window in self.windows():
            title = subprocess.run(
                ["xdotool", "getwindowname", window], env=self.env, capture_output=True, text=True
            ).stdout.strip()
            if title == name:
                return window
        raise AssertionError(f"no window named {name!r}")

    def _find_window(self) -> str:
        deadline = time.time() + 20
        while time.time() < deadline:
            out = self.windows()
            if out:
                return out[-1]
            if self.proc.poll() is not None:
                break
            time.sleep(0.2)
        raise AssertionError("the game window did not appear:\n" + self.log_path.read_text())

    def scenes(self) -> list[str]:
        lines = self.log_path.read_text().splitlines()
        return [ln.split("scene=")[1].split()[0] for ln in lines if "scene=" in ln]

    def phases(self) -> list[str]:
        """The session's phases as the game logged them (steps within one screen too)."""
        lines = self.log_path.read_text().splitlines()
        return [
            ln.split("phase=")[1].split()[0] for ln in lines if ln.startswith("[redflags] phase=")
        ]

    def wait_for_phase(self, phase: str, count: int = 1, timeout: float = 10) -> None:
        deadline = time.time() + timeout
        while time.time() < deadline:
            if self.phases().count(phase) >= count:
                time.sleep(0.6)  # the step's buttons fade in
                return
            time.sleep(0.05)
        raise AssertionError(f"never reached phase {phase} #{count}; phases: {self.phases()}")

    def next_phase(self, seen: int, timeout: float = 10) -> str:
        """Wait until more than `seen` phases were logged; the latest one."""
        deadline = time.time() + timeout
        while time.time() < deadline:
            phases = self.phases()
            if len(phases) > seen:
                time.sleep(0.6)
                return self.phases()[-1]
            time.sleep(0.05)
        raise AssertionError(f"no phase after {seen}: {self.phases()}")

    def wait_for(self, scene: str, count: int = 1, timeout: float = 10) -> None:
        deadline = time.time() + timeout
        while time.time() < deadline:
            if self.scenes().count(scene) >= count:
                time.sleep(0.6)  # let the fade finish before a screenshot
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

    def capture(self, name: str, window: str | None = None) -> Path:
        """A screenshot of the game window (or another of its windows); fails the test when it
        is blank."""
        time.sleep(0.3)
        path = self.folder / f"{name}.png"
        subprocess.run(
            ["import", "-window", window or self.window, str(path)], env=self.env, check=True
        )
        assert_not_blank(path)
        return path

    def crash(self) -> None:
        self.proc.send_signal(signal.SIGKILL)  # no clean exit: like a flat battery
        self.proc.wait(timeout=10)
        self.log.close()

    def close(self) -> None:
        if self.proc.poll() is None:
            self.proc.terminate()
            self.proc.wait(timeout=10)
        self.log.close()


def assert_not_blank(path: Path) -> None:
    from PIL import Image, ImageStat

    with Image.open(path) as img:
        spread = sum(ImageStat.Stat(img.convert("RGB")).stddev) / 3
    assert spread > 8, f"{path.name} looks blank (pixel spread {spread:.1f})"


def ocr(path: Path) -> str:
    """The text tesseract reads on a screenshot, lower case, spaces squeezed ('' without it).

    It reads the picture twice, in colour and in grey: tesseract's threshold drops a light
    label on a mid-blue button in one or the other depending on the background around it,
    and a check that passes on one reading and fails on the next is a flaky test."""
    if shutil.which("tesseract") is None:
        return ""
    from PIL import Image

    grey = path.with_name(path.stem + "-grey.png")
    with Image.open(path) as img:
        img.convert("L").save(grey)
    readings = [
        subprocess.run(
            ["tesseract", str(p), "-", "--psm", "11"], capture_output=True, text=True
        ).stdout
        for p in (path, grey)
    ]
    grey.unlink()
    return " ".join(" ".join(readings).lower().split())


def assert_text(path: Path, *phrases: str) -> None:
    """OCR the screenshot and check each phrase is on it (case and spacing ignored)."""
    if shutil.which("tesseract") is None:
        return
    seen = ocr(path)
    for phrase in phrases:
        assert phrase.lower() in seen, f"{path.name}: “{phrase}” not found by OCR in: {seen[:400]}"
