"""A pytest plugin for CI (`.ci/run` loads it with -p): a skipped test fails the run.

On a developer's machine a test may skip when, say, Xvfb or chromium is missing. In CI the same
skip would turn a missing install step into a green run, so there a skip counts as a failure.
Only skips that no CI machine could ever run are allowed (CI runs as root on Linux), listed here
by their reason. Expected failures (xfail) are not skips and stay allowed.
"""

from __future__ import annotations

from typing import Any

import pytest

ALLOWED_REASONS = (
    "root writes anywhere",  # a read-only folder cannot stop root: CI runs as root
    "POSIX signals",  # Windows only
    "reads /proc",  # not Linux
    "the real-window part runs on Linux (Xvfb)",  # not Linux
)


def _reason(report: Any) -> str:
    longrepr = report.longrepr
    if isinstance(longrepr, tuple) and len(longrepr) == 3:
        return str(longrepr[2]).removeprefix("Skipped: ")
    return str(longrepr)


def _unexpected(stats: dict[str, list[Any]]) -> list[str]:
    return [
        f"{r.nodeid}: {_reason(r)}"
        for r in stats.get("skipped", [])
        if _reason(r) not in ALLOWED_REASONS
    ]


def pytest_sessionfinish(session: pytest.Session, exitstatus: int) -> None:
    if hasattr(session.config, "workerinput"):  # an xdist worker: the controller decides
        return
    reporter = session.config.pluginmanager.get_plugin("terminalreporter")
    if reporter and _unexpected(reporter.stats) and exitstatus == pytest.ExitCode.OK:
        session.exitstatus = pytest.ExitCode.TESTS_FAILED


def pytest_terminal_summary(terminalreporter: Any) -> None:
    unexpected = _unexpected(terminalreporter.stats)
    if unexpected:
        terminalreporter.write_line(
            f"CI: {len(unexpected)} skipped test(s) count as failures here "
            "(tests/packaging/ci_strict.py):",
            red=True,
        )
        for line in unexpected:
            terminalreporter.write_line(f"  {line}", red=True)
