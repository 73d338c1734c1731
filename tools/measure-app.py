"""Size and first-frame time of the app build beside a venv install, for the README.

    .venv/bin/python tools/measure-app.py            after tools/build-app.sh

The venv is the one play.sh makes (lock/runtime.txt and the game), built fresh in a temporary
folder so test tools do not count. First frame: the wall time from starting the program to the
first frame it reports drawing (REDFLAGS_EXIT_AFTER_FIRST_FRAME=1, as `redflags bench` measures
start-up), headless (dummy video driver), 1280x720, median of interleaved runs after a warm-up.
"""

from __future__ import annotations

import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
TRIALS = 9


def folder_mb(path: Path) -> float:
    return (
        sum(p.stat().st_size for p in path.rglob("*") if p.is_file() and not p.is_symlink()) / 1e6
    )


def first_frame(cmd: list[str], env: dict[str, str]) -> float:
    start = time.time()
    proc = subprocess.run(cmd, env=env, capture_output=True, text=True, timeout=60, cwd=env["HOME"])
    for line in proc.stdout.splitlines():
        if line.startswith("first-frame-at "):
            return float(line.split()[1]) - start
    raise RuntimeError(f"{cmd[0]} drew no frame: {proc.stderr[-400:]}")


def main() -> int:
    program = ROOT / (ROOT / "dist" / "app-program.txt").read_text().strip()
    app_folder = program.parent if ".app" not in str(program) else program.parents[2]
    zips = sorted((ROOT / "dist").glob("RedFlags-*.zip"))
    with tempfile.TemporaryDirectory(prefix="redflags-measure-") as tmp:
        venv = Path(tmp) / "venv"
        subprocess.run([sys.executable, "-m", "venv", str(venv)], check=True)
        py = venv / ("Scripts" if os.name == "nt" else "bin") / "python"
        pip = [str(py), "-m", "pip", "install", "-q", "--disable-pip-version-check"]
        subprocess.run(
            [*pip, "--require-hashes", "-r", str(ROOT / "lock" / "runtime.txt")], check=True
        )
        subprocess.run([*pip, "--no-deps", "--no-build-isolation", str(ROOT)], check=True, cwd=tmp)
        for leftover in ("build/lib", "build/bdist.linux-x86_64", "redflags.egg-info"):
            shutil.rmtree(ROOT / leftover, ignore_errors=True)
        home = Path(tmp) / "home"
        home.mkdir()
        env = {
            **{k: v for k, v in os.environ.items() if not k.startswith(("REDFLAGS_", "PYTHON"))},
            "HOME": str(home),
            "XDG_CONFIG_HOME": str(home / ".config"),
            "XDG_DATA_HOME": str(home / ".local" / "share"),
            "SDL_VIDEODRIVER": "dummy",
            "SDL_AUDIODRIVER": "dummy",
            "PYGAME_HIDE_SUPPORT_PROMPT": "1",
            "REDFLAGS_EXIT_AFTER_FIRST_FRAME": "1",
        }
        venv_cmd = [str(venv / "bin" / "redflags"), "--windowed", "1280x720"]
        app_cmd = [str(program), "--windowed", "1280x720"]
        first_frame(venv_cmd, env)  # warm-up: bytecode written, files cached
        first_frame(app_cmd, env)
        venv_times, app_times = [], []
        for _ in range(TRIALS):
            venv_times.append(first_frame(venv_cmd, env))
            app_times.append(first_frame(app_cmd, env))
        venv_mb = folder_mb(venv)
    print(f"| | size | first frame (median of {TRIALS}) |")
    print("| --- | --- | --- |")
    zipped = f", {zips[0].stat().st_size / 1e6:.0f} MB zipped" if zips else ""
    print(
        f"| app folder ({app_folder.name}) | {folder_mb(app_folder):.0f} MB{zipped} "
        f"| {statistics.median(app_times) * 1000:.0f} ms |"
    )
    print(
        f"| venv (play.sh, runtime only) | {venv_mb:.0f} MB | {statistics.median(venv_times) * 1000:.0f} ms |"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
