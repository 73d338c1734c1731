from __future__ import annotations

from collections.abc import Iterator

import pytest

from tests.e2e.realwindow import MISSING, private_xserver

collect_ignore = ["realwindow.py"]


@pytest.fixture(scope="module")
def xserver() -> Iterator[str]:
    if MISSING:
        pytest.skip(f"needs {', '.join(MISSING)} installed for a real window")
    yield from private_xserver()
