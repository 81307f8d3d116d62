"""Images the tests make themselves, and the optional shared data folder."""

from __future__ import annotations

import io
from pathlib import Path
from typing import Any

import numpy as np
import pillow_heif
from PIL import Image
from skimage import data as skdata

REPO = Path(__file__).resolve().parent.parent
SHARED_DATA = REPO.parent / "shared" / "data"


def encode(image: Image.Image, fmt: str, **params: Any) -> bytes:
    """An image saved to bytes in the given format."""
    if fmt.upper() == "HEIF":
        # Pillow loads its own plugins when saving, never pillow-heif's.
        pillow_heif.register_heif_opener()
    buffer = io.BytesIO()
    image.save(buffer, format=fmt, **params)
    return buffer.getvalue()


def sample_photo(name: str = "chelsea") -> Image.Image:
    """One of scikit-image's bundled photos (shipped with the package; nothing is downloaded)."""
    return Image.fromarray(getattr(skdata, name)()).convert("RGB")


def noise_image(seed: int, size: tuple[int, int] = (64, 48)) -> Image.Image:
    rng = np.random.default_rng(seed)
    return Image.fromarray(rng.integers(0, 256, (size[1], size[0], 3), dtype=np.uint8))
