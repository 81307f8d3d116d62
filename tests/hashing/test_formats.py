"""Every kind of photo people have hashes, and hashes like the same picture in JPEG."""

from __future__ import annotations

import io

import numpy as np
import pytest
from PIL import Image

from tests.imaging import encode
from unshared.hashing import hash_bytes
from unshared.hashing.pdq import TURN_PIXELS_BELOW
from unshared.signals import Md5, Sha256


@pytest.mark.parametrize(
    ("fmt", "mode", "params"),
    [
        ("JPEG", "RGB", {"quality": 90}),
        ("JPEG", "L", {}),
        ("JPEG", "CMYK", {}),
        ("PNG", "RGB", {}),
        ("PNG", "RGBA", {}),
        ("PNG", "P", {}),
        ("PNG", "L", {}),
        ("PNG", "LA", {}),
        ("PNG", "1", {}),
        ("WEBP", "RGB", {"quality": 90}),
        ("WEBP", "RGBA", {"lossless": True}),
        ("GIF", "P", {}),
        ("BMP", "RGB", {}),
        ("TIFF", "RGB", {}),
        ("TIFF", "CMYK", {}),
        ("HEIF", "RGB", {"quality": 90}),
        ("AVIF", "RGB", {"quality": 90}),
    ],
)
def test_formats_and_modes(
    photo: Image.Image, fmt: str, mode: str, params: dict[str, object]
) -> None:
    data = encode(photo.convert(mode), fmt, **params)
    signals = hash_bytes(data)
    expected = hash_bytes(encode(photo, "PNG"))
    # Palette and 1-bit images lose detail by design; the rest are near-identical.
    assert signals.pdq.distance(expected.pdq) <= (40 if mode in ("P", "1") else 16)
    assert signals.md5 == Md5.of(data)
    assert signals.sha256 == Sha256.of(data)


def test_png_16_bit_grey(photo: Image.Image) -> None:
    grey = np.asarray(photo.convert("L")).astype(np.uint16) * 257
    data = encode(Image.fromarray(grey), "PNG")
    assert Image.open(io.BytesIO(data)).mode.startswith("I")
    assert hash_bytes(data).pdq.distance(hash_bytes(encode(photo.convert("L"), "PNG")).pdq) <= 4


def test_transparent_png_keeps_the_colour_under_the_alpha(photo: Image.Image) -> None:
    rgba = photo.convert("RGBA")
    rgba.putalpha(Image.linear_gradient("L").resize(photo.size))
    assert hash_bytes(encode(rgba, "PNG")).pdq == hash_bytes(encode(photo, "PNG")).pdq


def test_gif_takes_the_first_frame(photos: list[Image.Image]) -> None:
    first, second = (p.resize((320, 240)) for p in photos[:2])
    data = encode(first, "GIF", save_all=True, append_images=[second], duration=100)
    animated = hash_bytes(data).pdq
    assert animated.distance(hash_bytes(encode(first, "GIF")).pdq) <= 4
    assert animated.distance(hash_bytes(encode(second, "GIF")).pdq) > 64


@pytest.mark.parametrize(("orientation", "turn"), [(3, 180), (6, 90), (8, 270)])
def test_jpeg_exif_orientation(photo: Image.Image, orientation: int, turn: int) -> None:
    """A phone stores the sensor's pixels and a tag saying how to turn them for display."""
    stored = photo.rotate(turn, expand=True)
    exif = Image.Exif()
    exif[0x0112] = orientation
    tagged = hash_bytes(encode(stored, "JPEG", quality=95, exif=exif.tobytes()))
    upright = hash_bytes(encode(photo, "JPEG", quality=95))
    assert tagged.pdq.distance(upright.pdq) <= 16
    assert hash_bytes(encode(stored, "JPEG", quality=95)).pdq.distance(upright.pdq) > 64


def test_large_jpeg_is_decoded_small_and_stays_faithful(photo: Image.Image) -> None:
    big = photo.resize((photo.width * 8, photo.height * 8), Image.Resampling.BICUBIC)
    data = encode(big, "JPEG", quality=90)
    full = hash_bytes(encode(big, "PNG"))
    assert hash_bytes(data).pdq.distance(full.pdq) <= 12


def test_small_pictures_hash_their_variants_from_turned_pixels(photo: Image.Image) -> None:
    # Under TURN_PIXELS_BELOW the DCT-derived variants drift (see hashing/pdq.py); turned
    # pixels give each variant exactly the hash of the turned file.
    small = photo.resize((220, 160))
    assert min(small.size) < TURN_PIXELS_BELOW
    signals = hash_bytes(encode(small, "PNG"), dihedral=True)
    t = Image.Transpose
    order = [t.ROTATE_90, t.ROTATE_180, t.ROTATE_270, t.FLIP_TOP_BOTTOM, t.FLIP_LEFT_RIGHT]
    assert signals.pdq_dihedral[0] == signals.pdq
    assert signals.quality == hash_bytes(encode(small, "PNG")).quality
    for i, transpose in enumerate([*order, t.TRANSPOSE, t.TRANSVERSE], start=1):
        assert hash_bytes(encode(small.transpose(transpose), "PNG")).pdq == signals.pdq_dihedral[i]


def test_dihedral_variants_of_generated_image(photo: Image.Image) -> None:
    variants = hash_bytes(encode(photo, "PNG"), dihedral=True).pdq_dihedral
    t = Image.Transpose
    order = [t.ROTATE_90, t.ROTATE_180, t.ROTATE_270, t.FLIP_TOP_BOTTOM, t.FLIP_LEFT_RIGHT]
    for i, transpose in enumerate([*order, t.TRANSPOSE, t.TRANSVERSE], start=1):
        pdq = hash_bytes(encode(photo.transpose(transpose), "PNG")).pdq
        assert pdq.distance(variants[i]) <= 12, transpose.name
        assert min(pdq.distance(v) for j, v in enumerate(variants) if j != i) > 64
