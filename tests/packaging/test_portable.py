"""Portable mode: with portable.txt beside the app, settings, the resumable session, saved
summaries and crash reports live in "Red Flags data" beside it, never in the user's profile."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from game import savegame, settings
from game.model.record import SessionRecord


@pytest.fixture
def profile(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """An empty user profile: home, XDG and Documents folders all inside it, no overrides."""
    home = tmp_path / "home"
    home.mkdir()
    for var in ("REDFLAGS_CONFIG_DIR", "REDFLAGS_DATA_DIR", "REDFLAGS_DOCUMENTS_DIR"):
        monkeypatch.delenv(var, raising=False)
    monkeypatch.setenv("HOME", str(home))
    monkeypatch.setenv("USERPROFILE", str(home))
    for var, sub in (
        ("XDG_CONFIG_HOME", ".config"),
        ("XDG_DATA_HOME", ".local/share"),
        ("XDG_DOCUMENTS_DIR", "Documents"),
    ):
        monkeypatch.setenv(var, str(home / sub))
    return home


def frozen_app(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, portable: bool) -> Path:
    """Pretend to be the PyInstaller app in tmp_path/RedFlags (sys.frozen, sys.executable)."""
    folder = tmp_path / "USB stick" / "RedFlags"
    folder.mkdir(parents=True)
    if portable:
        (folder / "portable.txt").write_text("", encoding="utf-8")
    monkeypatch.setattr(sys, "frozen", True, raising=False)
    monkeypatch.setattr(sys, "executable", str(folder / "redflags"))
    return folder


def test_portable_app_keeps_everything_beside_it(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, profile: Path
) -> None:
    from game.export.summary import summary_folder
    from game.ui.crash import reports_dir

    folder = frozen_app(tmp_path, monkeypatch, portable=True)
    beside = folder / "Red Flags data"
    assert settings.portable_dir() == beside
    assert settings.config_dir() == beside
    assert savegame.data_dir() == beside
    assert summary_folder() == beside / "Summaries"
    assert reports_dir().parent == beside

    assert settings.save_settings(settings.Settings(text_scale=1.4)) is None
    record = SessionRecord("teams", 2, "en", (), ("a",), ())
    assert savegame.save_session(record)
    assert settings.load_settings().settings.text_scale == 1.4
    assert savegame.load_saved_session() == record
    assert sorted(p.name for p in beside.iterdir()) == ["session.json", "settings.json"]
    assert not any(profile.rglob("*")), "portable mode wrote into the user's profile"


def test_without_portable_txt_the_profile_is_used(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, profile: Path
) -> None:
    folder = frozen_app(tmp_path, monkeypatch, portable=False)
    assert settings.portable_dir() is None
    assert profile in settings.config_dir().parents
    assert profile in savegame.data_dir().parents
    assert settings.save_settings(settings.Settings(text_scale=1.4)) is None
    assert sorted(p.name for p in folder.iterdir()) == []


def test_macos_app_bundle_looks_beside_the_bundle(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    stick = tmp_path / "stick"
    exe = stick / "Red Flags.app" / "Contents" / "MacOS" / "redflags"
    exe.parent.mkdir(parents=True)
    (stick / "portable.txt").write_text("", encoding="utf-8")
    monkeypatch.setattr(sys, "frozen", True, raising=False)
    monkeypatch.setattr(sys, "executable", str(exe))
    assert settings.portable_dir() == stick / "Red Flags data"


def test_source_checkout_is_portable_with_portable_txt_at_its_top(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """A source checkout's folder is the one with pyproject.toml and play.sh (README: Portable)."""
    monkeypatch.delattr(sys, "frozen", raising=False)
    checkout = Path(settings.__file__).resolve().parents[1]
    assert settings.app_folder() == checkout
    exists = Path.is_file

    def fake_is_file(self: Path) -> bool:
        return self == checkout / "portable.txt" or exists(self)

    monkeypatch.setattr(Path, "is_file", fake_is_file)
    assert settings.portable_dir() == checkout / "Red Flags data"
