"""The wheel is the whole game: built from a copy of the project, installed into a fresh venv
outside the checkout (dependencies from lock/runtime.txt with --require-hashes), and run there:
`redflags decks`, `validate`, `print help`, and one headless frame of the title. And `pipx
install .` gives a working `redflags` (slow: pipx resolves the dependencies itself).

Needs the package index (PyPI) or pip's cache for the dependencies, as ./test.sh does.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
BIN = "Scripts" if os.name == "nt" else "bin"


def run(cmd: list[str], cwd: Path, timeout: float = 600, **env: str) -> str:
    """Run outside the checkout with none of the test run's overrides; fail with its output."""
    clean = {k: v for k, v in os.environ.items() if not k.startswith(("REDFLAGS_", "PYTHON"))}
    clean.update(SDL_VIDEODRIVER="dummy", SDL_AUDIODRIVER="dummy", PYGAME_HIDE_SUPPORT_PROMPT="1")
    clean.update(env)
    proc = subprocess.run(
        cmd, cwd=cwd, env=clean, capture_output=True, text=True, timeout=timeout, check=False
    )
    assert proc.returncode == 0, f"{cmd} exited {proc.returncode}\n{proc.stdout}\n{proc.stderr}"
    return proc.stdout + proc.stderr


def project_copy(dest: Path) -> Path:
    """What a fresh clone holds for building: pyproject, README, game/, assets/ (no caches)."""
    ignore = shutil.ignore_patterns("__pycache__", "*.pyc", "*.mo")
    for name in ("game", "assets"):
        shutil.copytree(ROOT / name, dest / name, ignore=ignore)
    for name in ("pyproject.toml", "README.md"):
        shutil.copy2(ROOT / name, dest / name)
    return dest


@pytest.fixture(scope="module")
def wheel(tmp_path_factory: pytest.TempPathFactory) -> Path:
    src = project_copy(tmp_path_factory.mktemp("src"))
    out = tmp_path_factory.mktemp("dist")
    # The locked setuptools of this venv (lock/dev.txt), no download of a build backend.
    run(
        [
            sys.executable,
            "-m",
            "pip",
            "wheel",
            "-q",
            "--no-deps",
            "--no-build-isolation",
            "-w",
            str(out),
            str(src),
        ],
        cwd=out,
    )
    (found,) = out.glob("redflags-*.whl")
    return found


def test_every_code_folder_is_packaged() -> None:
    """pyproject.toml lists the packages (game.assets is mapped from assets/): a new folder of
    code under game/ must be added there, or the wheel and the app would lack it."""
    text = (ROOT / "pyproject.toml").read_text(encoding="utf-8")
    block = re.search(r"^packages = \[(.*?)\]", text, re.S | re.M)
    assert block, "pyproject.toml: [tool.setuptools] packages = [...] not found"
    listed = set(re.findall(r'"([\w.]+)"', block.group(1)))
    folders = {
        ".".join(p.parent.relative_to(ROOT).parts)
        for p in (ROOT / "game").rglob("__init__.py")
        if "__pycache__" not in p.parts
    }
    assert folders | {"game.assets"} == listed


@pytest.mark.slow  # builds the wheel
def test_the_wheel_holds_all_code_and_all_assets(wheel: Path) -> None:
    names = set(zipfile.ZipFile(wheel).namelist())
    on_disk = [
        p.relative_to(ROOT).as_posix()
        for d in ("game", "assets")
        for p in (ROOT / d).rglob("*")
        if p.is_file() and "__pycache__" not in p.parts and p.suffix not in (".pyc", ".mo")
    ]
    installed = {f: "game/" + f if f.startswith("assets/") else f for f in on_disk}
    missing = sorted(f for f, name in installed.items() if name not in names)
    assert not missing, f"not in the wheel: {missing[:10]}"
    assert not any(n.startswith(("tests/", "assets/")) for n in names)
    size = wheel.stat().st_size
    print(f"wheel: {wheel.name} {size / 1e6:.1f} MB")
    assert size < 20e6


@pytest.mark.slow  # a fresh venv from the wheel
def test_the_wheel_runs_from_a_fresh_venv_outside_the_checkout(wheel: Path, tmp_path: Path) -> None:
    venv = tmp_path / "venv"
    run([sys.executable, "-m", "venv", str(venv)], cwd=tmp_path)
    py = str(venv / BIN / "python")
    pip = [py, "-m", "pip", "--disable-pip-version-check", "--no-input", "install", "-q"]
    run([*pip, "--require-hashes", "-r", str(ROOT / "lock" / "runtime.txt")], cwd=tmp_path)
    run([*pip, "--no-deps", str(wheel)], cwd=tmp_path)
    redflags = str(venv / BIN / "redflags")
    home = {
        "HOME": str(tmp_path / "home"),
        "XDG_CONFIG_HOME": str(tmp_path / "home" / ".config"),
        "XDG_DATA_HOME": str(tmp_path / "home" / ".local" / "share"),
    }

    assets = Path(
        run(
            [py, "-c", "from game.content.paths import ASSETS; print(ASSETS)"], cwd=tmp_path
        ).strip()
    )
    assert venv in assets.parents, f"assets found outside the venv: {assets}"
    assert ROOT not in assets.parents

    decks = run([redflags, "decks"], cwd=tmp_path, **home)
    assert re.search(r"\[\S+, en\]\s+\d+ cards", decks), decks
    assert "No decks" not in decks
    shipped = sorted((assets / "decks" / "en").glob("*.yaml"))
    assert shipped
    own = tmp_path / "our-deck.yaml"
    shutil.copy2(ROOT / "tests" / "fixtures" / "good_deck.yaml", own)
    run([redflags, "validate", str(shipped[0]), str(own)], cwd=tmp_path, **home)

    pdf = tmp_path / "help.pdf"
    run([redflags, "print", "help", "--region", "gb", "--out", str(pdf)], cwd=tmp_path, **home)
    assert pdf.read_bytes().startswith(b"%PDF")

    out = run(
        [redflags, "--windowed", "1280x720"],
        cwd=tmp_path,
        timeout=120,
        REDFLAGS_EXIT_AFTER_FIRST_FRAME="1",
        **home,
    )
    assert "first-frame-at" in out, out


@pytest.mark.slow
def test_pipx_install_gives_a_working_redflags(tmp_path: Path) -> None:
    """`pipx install .` as the README says (pipx from the lock; it resolves the game's
    dependencies from pyproject.toml's ranges itself)."""
    src = project_copy(tmp_path / "src")
    pipx_env = {
        "PIPX_HOME": str(tmp_path / "pipx"),
        "PIPX_BIN_DIR": str(tmp_path / "bin"),
        "PIPX_MAN_DIR": str(tmp_path / "man"),
        "HOME": str(tmp_path / "home"),
    }
    run([sys.executable, "-m", "pipx", "install", "."], cwd=src, **pipx_env)
    out = run([str(tmp_path / "bin" / "redflags"), "decks"], cwd=tmp_path, **pipx_env)
    assert "No decks" not in out and " en]" in out, out
