"""Shared fixtures."""

from __future__ import annotations

from pathlib import Path

import pillow_heif
import pytest
from PIL import Image

from tests.imaging import SHARED_DATA, sample_photo

# Tests save HEIC pictures; the library registers pillow-heif only when a file it decodes is one.
pillow_heif.register_heif_opener()


@pytest.fixture(scope="session")
def photo() -> Image.Image:
    return sample_photo("chelsea")


@pytest.fixture(scope="session")
def photos() -> list[Image.Image]:
    return [sample_photo(n) for n in ("chelsea", "coffee", "rocket", "hubble_deep_field", "retina")]


@pytest.fixture(scope="session")
def shared_data() -> Path:
    if not SHARED_DATA.is_dir():
        pytest.skip(f"the shared test data is not at {SHARED_DATA}")
    return SHARED_DATA
