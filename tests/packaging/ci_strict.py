"""A pytest plugin for CI (`.ci/run` loads it with -p): a skipped test fails the run.

On a developer's machine a test may skip when, say, Xvfb is missing. In CI the same skip would
turn a missing install step into a green run, so there every skip counts as a failure. Expected
failures (xfail) are not skips and stay allowed.
"""

from __future__ import annotations

import pytest


def pytest_sessionfinish(session: pytest.Session, exitstatus: int) -> None:
    if hasattr(session.config, "workerinput"):  # an xdist worker: the controller decides
        return
    reporter = session.config.pluginmanager.get_plugin("terminalreporter")
    skipped = reporter.stats.get("skipped", []) if reporter else []
    if skipped and exitstatus == pytest.ExitCode.OK:
        session.exitstatus = pytest.ExitCode.TESTS_FAILED


def pytest_terminal_summary(terminalreporter) -> None:  # type: ignore[no-untyped-def]
    skipped = terminalreporter.stats.get("skipped", [])
    if skipped:
        terminalreporter.write_line(
            f"CI: {len(skipped)} skipped test(s) count as failures here (tests/packaging/ci_strict.py)",
            red=True,
        )
