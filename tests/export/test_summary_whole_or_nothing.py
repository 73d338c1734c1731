"""A session summary is saved whole or not at all (issue 17, item 8): on a full disk the PDF
is not left half-written, and an earlier summary of the same name stays as it was."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from game.content.help import load_region
from game.export.summary import render_summary_pdf
from game.model.session import Mode, Session
from game.settings import atomic_write_bytes


def _full_disk(fd: int) -> None:
    raise OSError(28, "No space left on device")


def test_a_summary_pdf_on_a_full_disk_leaves_no_file(tmp_path: Path, fixture_cards, monkeypatch):
    state = Session.start(fixture_cards[:1], mode=Mode.SOLO).state
    monkeypatch.setattr(os, "fsync", _full_disk)
    with pytest.raises(OSError):
        render_summary_pdf(state, "en", load_region("us"), tmp_path / "s.pdf")
    assert os.listdir(tmp_path) == []


def test_a_failed_write_keeps_the_earlier_file(tmp_path: Path, monkeypatch) -> None:
    path = tmp_path / "summary.pdf"
    atomic_write_bytes(path, b"%PDF earlier")
    monkeypatch.setattr(os, "fsync", _full_disk)
    with pytest.raises(OSError):
        atomic_write_bytes(path, b"%PDF later, half written")
    assert path.read_bytes() == b"%PDF earlier" and os.listdir(tmp_path) == ["summary.pdf"]
