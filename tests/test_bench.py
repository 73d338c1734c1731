"""`redflags bench --quick --json` runs and reports every figure. Benchmark figures, not timed
tests: only the keys and types are checked here, never the timings."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

pytestmark = pytest.mark.slow  # runs the benchmark in child processes

ROOT = Path(__file__).resolve().parents[1]


def test_bench_quick_json_has_every_figure(tmp_path: Path) -> None:
    env = {
        **os.environ,
        "REDFLAGS_CONFIG_DIR": str(tmp_path / "c"),
        "REDFLAGS_DATA_DIR": str(tmp_path / "d"),
    }
    proc = subprocess.run(
        [sys.executable, "-m", "game", "bench", "--quick", "--json"],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert proc.returncode == 0, proc.stderr
    assert "Traceback" not in proc.stderr
    data = json.loads(proc.stdout)
    for key in (
        "startup_s",
        "startup_floor_s",
        "idle_cpu_share",
        "load_1000_cards_s",
        "peak_rss_mb",
    ):
        assert isinstance(data[key], float), key
    sizes = {"1280x720", "1920x1080"}
    assert set(data["blank_frame_ms"]) == sizes
    assert all(isinstance(v, float) for v in data["blank_frame_ms"].values())
    assert set(data["frame_ms"]) == {"title", "card", "feedback", "summary"}
    for per_size in data["frame_ms"].values():
        assert set(per_size) == sizes
        for figures in per_size.values():
            assert set(figures) == {"median", "p99"}
            assert all(isinstance(v, float) for v in figures.values())
    assert not list(tmp_path.glob("*/crash-reports/*"))


def test_bench_table_names_each_target() -> None:
    from game.bench import checks
    from game.bench_table import table

    fake = {
        "startup_s": 0.3,
        "startup_floor_s": 0.2,
        "frame_ms": {
            s: {"1280x720": {"median": 0.3, "p99": 0.9}}
            for s in ("title", "card", "feedback", "summary")
        },
        "full_frame_ms": {
            s: {"1280x720": {"median": 0.6, "p99": 0.9}}
            for s in ("title", "card", "feedback", "summary")
        },
        "idle_frame_ms": {s: {"1280x720": 0.001} for s in ("title", "card", "feedback", "summary")},
        "blank_frame_ms": {"1280x720": 0.2},
        "idle_cpu_share": 0.01,
        "idle_seconds": 5.0,
        "load_1000_cards_s": 0.6,
        "peak_rss_mb": 90.0,
    }
    fake["checks"] = checks(fake)
    text = table(fake["checks"])
    assert "PASS" in text and "MISS" in text  # start-up passes; 1,000 cards at 0.6 s misses
    assert text.count("\n") == len(fake["checks"]) + 1
