"""`redflags bench --phones N` runs and reports its figures (the full runs are in the README)."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

pytestmark = pytest.mark.slow  # runs the phones benchmark with simulated phones

ROOT = Path(__file__).resolve().parents[2]


def test_bench_phones_quick_reports_latency_cpu_and_memory() -> None:
    run = subprocess.run(
        [sys.executable, "-m", "game", "bench", "--phones", "12", "--quick", "--json"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=180,
    )
    assert run.returncode == 0, run.stderr
    result = json.loads(run.stdout[run.stdout.index("{") :])
    assert result["phones"] == 12 and result["answers"] == 24
    assert 0 <= result["latency_median_ms"] <= result["latency_p99_ms"] < 2000
    assert 0 <= result["cpu_idle_share"] < 0.5 and result["cpu_busy_share"] >= 0
    assert result["rss_with_phones_mb"] > 0 and result["stop_ms"] < 1000
    assert {c["figure"].split(",")[0] for c in result["checks"]} >= {"answer -> projector"}
