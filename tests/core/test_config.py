"""Settings: overrides > environment > file > default, and every setting documented."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest

from tests.imaging import REPO
from unshared.config import Settings
from unshared.errors import InvalidInput


def test_every_setting_is_documented() -> None:
    doc = (REPO / "docs" / "configuration.md").read_text()
    for field in dataclasses.fields(Settings):
        assert f"| `{field.name}` |" in doc, field.name


def test_precedence(tmp_path: Path) -> None:
    (tmp_path / "unshared.toml").write_text("max_pixels = 1000\npdq_min_quality = 60\n")
    env = {"UNSHARED_HOME": str(tmp_path), "UNSHARED_PDQ_MIN_QUALITY": "70"}
    settings = Settings.load(env=env)
    assert settings.home == tmp_path
    assert settings.max_pixels == 1000  # file
    assert settings.pdq_min_quality == 70  # environment beats file
    assert Settings.load(env=env, pdq_min_quality=80).pdq_min_quality == 80  # override beats all
    assert settings.max_file_bytes == Settings().max_file_bytes  # default
    assert settings.resolved_store_url == f"sqlite:///{tmp_path / 'unshared.db'}"


def test_bad_values_are_clear_errors(tmp_path: Path) -> None:
    with pytest.raises(InvalidInput, match="max_pixels"):
        Settings.load(env={"UNSHARED_HOME": str(tmp_path), "UNSHARED_MAX_PIXELS": "many"})
    (tmp_path / "unshared.toml").write_text("max_pixles = 3\n")
    with pytest.raises(InvalidInput, match="max_pixles"):
        Settings.load(env={"UNSHARED_HOME": str(tmp_path)})
    (tmp_path / "unshared.toml").write_text("not toml [")
    with pytest.raises(InvalidInput, match="not valid TOML"):
        Settings.load(env={"UNSHARED_HOME": str(tmp_path)})


def test_settings_travel_to_worker_processes_whole(tmp_path: Path) -> None:
    """``unshared serve --workers N`` hands its settings to each process in the environment."""
    given = Settings.load(
        env={},
        home=tmp_path,
        store_url="postgresql://u@h/db",
        public_metrics=True,
        feed_poll=0.5,
        smtp_starttls=False,
        decode_workers=0,
    )
    assert Settings.load(env=given.environment()) == given
