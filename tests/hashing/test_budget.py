"""The decoding budget: what the header shows is refused before decoding; what passes is shrunk
before it is copied, so thin and 16-bit pictures hash quickly and like their 8-bit selves."""

from __future__ import annotations

import random

import numpy as np
import pytest
from PIL import Image

from tests.hostile import png_of_zeros
from tests.imaging import encode, sample_photo
from unshared.errors import CorruptImage, ImageTooLarge, UnsharedError
from unshared.hashing import Limits, hash_bytes
from unshared.hashing.decode import MAX_LONG_SIDE, decode_for_pdq


def test_long_side_limit_is_exact() -> None:
    data = png_of_zeros(1000, 600)
    with pytest.raises(ImageTooLarge) as caught:
        decode_for_pdq(data, Limits(max_side=999))
    assert caught.value.detail == {"width": 1000, "height": 600, "limit": 999}
    assert decode_for_pdq(data, Limits(max_side=1000)).shape[:2] == (600, 1000)


def test_aspect_limit_applies_to_long_pictures_only() -> None:
    with pytest.raises(ImageTooLarge, match="times longer"):
        decode_for_pdq(png_of_zeros(100, 5001), Limits(max_aspect=50))
    decode_for_pdq(png_of_zeros(100, 5000), Limits(max_aspect=50))
    # A thin banner short of MAX_LONG_SIDE costs nothing, whatever its shape.
    decode_for_pdq(png_of_zeros(2, MAX_LONG_SIDE), Limits(max_aspect=50))


@pytest.mark.parametrize(
    ("mode", "per_pixel"), [("L", 1), ("P", 1), ("RGB", 4), ("RGBA", 4), ("I;16", 2)]
)
def test_decode_bytes_are_counted_in_the_mode_decoded(mode: str, per_pixel: int) -> None:
    data = encode(Image.new(mode, (300, 200)), "PNG")
    need = 300 * 200 * per_pixel
    with pytest.raises(ImageTooLarge) as caught:
        decode_for_pdq(data, Limits(max_decode_bytes=need - 1))
    assert caught.value.detail["limit"] == need - 1
    decode_for_pdq(data, Limits(max_decode_bytes=need))


def test_jpeg_counts_at_the_size_it_decodes_at() -> None:
    photo = sample_photo().resize((2048, 1536))
    data = encode(photo, "JPEG", quality=90)
    # Drafted to 1/2 (1024 x 768): 3,145,728 bytes, not the 12.6 MB of the full picture.
    decode_for_pdq(data, Limits(max_decode_bytes=1024 * 768 * 4))
    with pytest.raises(ImageTooLarge):
        decode_for_pdq(data, Limits(max_decode_bytes=1024 * 768 * 4 - 1))


def test_a_thin_picture_within_limits_is_squeezed_before_hashing() -> None:
    rows, cols = np.ogrid[:40_000, :900]
    waves = 127 + 120 * np.sin(rows / 2000) * np.cos(cols / 150)
    data = encode(Image.fromarray(waves.astype(np.uint8)), "PNG")
    rgb = decode_for_pdq(data)
    assert rgb.shape[0] <= MAX_LONG_SIDE
    hashed = hash_bytes(data, min_quality=0, dihedral=True)
    assert len(hashed.pdq_dihedral) == 8


def test_16bit_pictures_hash_like_their_8bit_selves() -> None:
    grey = np.asarray(sample_photo().convert("L").resize((1400, 1000)), dtype=np.uint16)
    as16 = encode(Image.fromarray(grey * 257).convert("I;16"), "PNG")
    as8 = encode(Image.fromarray(grey.astype(np.uint8)), "PNG")
    assert hash_bytes(as16).pdq.distance(hash_bytes(as8).pdq) <= 4


def test_every_decoder_failure_is_a_corrupt_image() -> None:
    """Pillow's AVIF decoder raises RuntimeError on some damaged files (found by fuzzing): they
    are CorruptImage like any other decoder failure."""
    data = encode(sample_photo().resize((200, 150)), "AVIF")
    causes = set()
    for seed in range(100):
        damaged = bytearray(data)
        rng = random.Random(seed)
        for _ in range(4):
            damaged[rng.randrange(len(damaged))] = rng.randrange(256)
        try:
            hash_bytes(bytes(damaged), min_quality=0)
        except CorruptImage as exc:
            causes.add(type(exc.__cause__))
        except UnsharedError:
            pass
    assert RuntimeError in causes
