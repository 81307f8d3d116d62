"""Our fast PDQ stays within 16 bits of the reference pipeline on pictures full of fine detail.

The reference (python-threatexchange's ``pdq_from_file``) decodes the whole picture and gives it
to ``pdqhash``; we shrink first (``decode.py`` says how and why). On smooth or upscaled photos any
shrink agrees with the reference; fine, regular detail (windows, railings, text) is where a
shrink too coarse drifts, and where a PNG and its own JPEG copy drifted apart. So these pictures
are built to hold it: a mosaic of scikit-image's photos at their native resolution (no resampling
blur), overlaid with stripes a few pixels apart. With the short side shrunk to 256 as before,
the 1280 x 1024 ones were up to 20 bits from the reference; ``benchmarks/fidelity.py`` measures
the same on the shared photos.
"""

from __future__ import annotations

import io
import random
from functools import cache

import numpy as np
import pdqhash
import pytest
import skimage.data
from PIL import Image

from unshared.hashing import hash_bytes
from unshared.hashing.decode import decode_for_pdq
from unshared.signals import Pdq

BOUND = 16  # bits from the reference, the issue's bound
TILE = 256
PHOTOS = (
    "brick",
    "grass",
    "gravel",
    "camera",
    "astronaut",
    "coffee",
    "chelsea",
    "rocket",
    "coins",
    "moon",
)
FORMATS = {
    "PNG": {"compress_level": 1},
    "JPEG": {"quality": 90},
    "WEBP": {"quality": 90},
    "HEIF": {"quality": 90},
}


@cache
def sources() -> tuple[Image.Image, ...]:
    return tuple(Image.fromarray(getattr(skimage.data, name)()).convert("RGB") for name in PHOTOS)


def detailed(seed: int, cols: int, rows: int) -> Image.Image:
    """Native-resolution crops of the sample photos in a grid, each overlaid with square-wave
    stripes of a random period (2.5 to 9 pixels), angle and contrast."""
    pick = random.Random(seed)
    mosaic = Image.new("RGB", (cols * TILE, rows * TILE))
    for j in range(rows):
        for i in range(cols):
            photo = pick.choice(sources())
            x = pick.randrange(photo.width - TILE + 1)
            y = pick.randrange(photo.height - TILE + 1)
            mosaic.paste(photo.crop((x, y, x + TILE, y + TILE)), (i * TILE, j * TILE))
    rng = np.random.default_rng(seed)
    yy, xx = np.mgrid[0:TILE, 0:TILE]
    stripes = np.zeros((rows * TILE, cols * TILE), np.float32)
    for j in range(rows):
        for i in range(cols):
            period, angle = rng.uniform(2.5, 9), rng.uniform(0, np.pi)
            phase = (xx * np.cos(angle) + yy * np.sin(angle)) * 2 * np.pi / period
            wave = np.sign(np.sin(phase)) * rng.uniform(20, 60)
            stripes[j * TILE : (j + 1) * TILE, i * TILE : (i + 1) * TILE] = wave
    pixels = np.asarray(mosaic, dtype=np.float32) + stripes[..., None]
    return Image.fromarray(np.clip(pixels, 0, 255).astype(np.uint8))


def encode(image: Image.Image, fmt: str) -> bytes:
    buffer = io.BytesIO()
    image.save(buffer, fmt, **FORMATS[fmt])
    return buffer.getvalue()


def reference(data: bytes) -> Pdq:
    """What python-threatexchange computes: the full decode, in RGB, given to pdqhash."""
    with Image.open(io.BytesIO(data)) as image:
        rgb = np.asarray(image.convert("RGB"))
    bits, _ = pdqhash.compute(rgb)
    return Pdq(np.packbits(np.asarray(bits, dtype=np.uint8)).tobytes())


def ours(data: bytes) -> Pdq:
    return hash_bytes(data, min_quality=0).pdq


# (seed, columns, rows): 1280 x 1024 pictures are shrunk by 2; shrunk to a short side of 256, as
# before, these four were 18 to 22 bits from the reference. 3072 x 2304 is shrunk by 4, JPEG through
# its DCT scaling. HEIF is slow to encode, so it is checked on one picture.
PICTURES = [(1, 5, 4), (3, 5, 4), (7, 5, 4), (9, 5, 4), (2, 12, 9)]
CASES = [(*picture, fmt) for picture in PICTURES for fmt in FORMATS if fmt != "HEIF"]


@pytest.mark.parametrize(("seed", "cols", "rows", "fmt"), [*CASES, (9, 5, 4, "HEIF")])
def test_every_format_stays_near_the_reference(seed: int, cols: int, rows: int, fmt: str) -> None:
    data = encode(detailed(seed, cols, rows), fmt)
    distance = ours(data).distance(reference(data))
    assert distance <= BOUND, f"{cols * TILE}x{rows * TILE} {fmt}: {distance} bits off"


@pytest.mark.parametrize("size", [(1024, 768), (1600, 1200), (2048, 1536), (4032, 3024)])
def test_every_format_is_shrunk_alike(size: tuple[int, int]) -> None:
    # A 1024 x 768 PNG was box-reduced by 3 and its JPEG copy DCT-scaled by 2: they aliased
    # differently, and a photo and its own recompression could land far apart.
    picture = detailed(0, 16, 12).crop((0, 0, *size))
    shapes = {fmt: decode_for_pdq(encode(picture, fmt)).shape for fmt in ("PNG", "JPEG", "WEBP")}
    assert len(set(shapes.values())) == 1, shapes


def test_a_photo_and_its_jpeg_copy_stay_together() -> None:
    picture = detailed(1, 4, 3)
    png, jpeg = encode(picture, "PNG"), encode(picture, "JPEG")
    theirs = reference(png).distance(reference(jpeg))
    assert ours(png).distance(ours(jpeg)) <= theirs + 4
