"""The lock files stay in step with pyproject.toml: every dependency (runtime, test, app) is
pinned with hashes, inside its range. After adding or changing a dependency in pyproject.toml,
run tools/lock.sh (README: "Reproducible installs")."""

from __future__ import annotations

import re
import sys
from pathlib import Path

import pytest
from packaging.markers import default_environment
from packaging.requirements import Requirement
from packaging.utils import canonicalize_name

if sys.version_info >= (3, 11):
    import tomllib
else:  # pytest brings tomli on Python 3.10
    import tomli as tomllib

ROOT = Path(__file__).resolve().parents[2]
HINT = "pyproject.toml changed without the lock: run tools/lock.sh and commit lock/"


def pyproject_requirements() -> dict[str, list[Requirement]]:
    data = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    groups = {"dependencies": data["dependencies"], **data["optional-dependencies"]}
    return {name: [Requirement(r) for r in reqs] for name, reqs in groups.items()}


def pins(lock: str) -> dict[str, list[tuple[str, str]]]:
    """name -> [(version, marker)] from a uv/pip-compile lock with hashes."""
    text = (ROOT / "lock" / lock).read_text(encoding="utf-8")
    found: dict[str, list[tuple[str, str]]] = {}
    for m in re.finditer(
        r"^([A-Za-z0-9._-]+)==([^\s;\\]+)(?: ; ([^\\\n]+))? \\\n\s+--hash=sha256:", text, re.M
    ):
        found.setdefault(canonicalize_name(m.group(1)), []).append(
            (m.group(2), (m.group(3) or "").strip())
        )
    return found


def check(lock: str, requirements: list[Requirement]) -> None:
    pinned = pins(lock)
    here = default_environment()
    for req in requirements:
        name = canonicalize_name(req.name)
        assert name in pinned, f"{req.name} is not in lock/{lock}. {HINT}"
        for version, marker in pinned[name]:
            if marker and not Requirement(f"x; {marker}").marker.evaluate(here):  # type: ignore[union-attr]
                continue
            assert req.specifier.contains(version, prereleases=True), (
                f"lock/{lock} pins {req.name}=={version}, outside {req.specifier}. {HINT}"
            )


def test_the_runtime_lock_pins_every_dependency() -> None:
    check("runtime.txt", pyproject_requirements()["dependencies"])


@pytest.mark.parametrize("extra", ["test", "app"])
def test_the_dev_lock_pins_every_dependency_and_extra(extra: str) -> None:
    groups = pyproject_requirements()
    check("dev.txt", groups["dependencies"] + groups[extra])


def test_runtime_and_dev_locks_agree() -> None:
    dev = pins("dev.txt")
    for name, versions in pins("runtime.txt").items():
        assert set(versions) <= set(dev.get(name, [])), (
            f"{name}: runtime.txt and dev.txt differ. {HINT}"
        )
