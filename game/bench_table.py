"""The results of `redflags bench` and `redflags bench --phones N`: each figure beside its target,
as a Markdown table (the README's bench table is pasted from it) or as one JSON object."""

from __future__ import annotations

import json
from collections.abc import Sequence
from typing import Any

Check = dict[str, Any]  # {"figure", "value", "target", "pass"}


def check(figure: str, value: str, target: str, ok: bool) -> Check:
    """One row: what was measured, the measured value, the target, and whether it was met."""
    return {"figure": figure, "value": value, "target": target, "pass": bool(ok)}


def table(checks: Sequence[Check]) -> str:
    """The checks as a Markdown table with aligned columns."""
    rows = [("figure", "measured", "target", "")]
    rows += [
        (c["figure"], c["value"], c["target"], "PASS" if c["pass"] else "MISS") for c in checks
    ]
    widths = [max(len(row[i]) for row in rows) for i in range(4)]
    lines = []
    for i, row in enumerate(rows):
        lines.append("| " + " | ".join(cell.ljust(widths[j]) for j, cell in enumerate(row)) + " |")
        if i == 0:
            lines.append("|" + "|".join("-" * (w + 2) for w in widths) + "|")
    return "\n".join(lines)


def print_result(result: dict[str, Any], as_json: bool) -> None:
    """Print `result` (its "checks" included) as JSON, or as the table and how many were met."""
    if as_json:
        print(json.dumps(result, indent=2))
        return
    checks = result["checks"]
    print(table(checks))
    missed = sum(not c["pass"] for c in checks)
    print(f"{len(checks) - missed} of {len(checks)} targets met.")
