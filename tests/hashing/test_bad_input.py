"""Bad input gets a clear, typed error: never a crash, a hang or an empty hash."""

from __future__ import annotations

import struct
import zlib

import pytest
from PIL import Image

from tests.imaging import encode
from unshared.errors import (
    CorruptImage,
    EmptyFile,
    FileTooLarge,
    ImageTooLarge,
    LowQuality,
    NotAnImage,
    UnsupportedFormat,
)
from unshared.hashing import Limits, hash_bytes


def png_claiming(width: int, height: int) -> bytes:
    """A tiny PNG whose header claims the given size: the shape of a decompression bomb."""

    def chunk(kind: bytes, body: bytes) -> bytes:
        crc = zlib.crc32(kind + body) & 0xFFFFFFFF
        return struct.pack(">I", len(body)) + kind + body + struct.pack(">I", crc)

    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    pixels = zlib.compress(b"\0" * 64)
    return (
        b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", pixels) + chunk(b"IEND", b"")
    )


def test_empty_file() -> None:
    with pytest.raises(EmptyFile):
        hash_bytes(b"")


@pytest.mark.parametrize("data", [b"hello, world", b"\x00" * 1000, b"<html></html>", b"\xff\xd8"])
def test_not_an_image(data: bytes) -> None:
    with pytest.raises(NotAnImage):
        hash_bytes(data)


@pytest.mark.parametrize(
    ("data", "name"),
    [
        (b"%!PS-Adobe-3.0 EPSF-3.0\n", "PostScript"),
        (b"%PDF-1.7\n", "PDF"),
        (b"8BPS\x00\x01", "Photoshop"),
    ],
)
def test_formats_refused_on_purpose(data: bytes, name: str) -> None:
    with pytest.raises(UnsupportedFormat, match=name):
        hash_bytes(data)


@pytest.mark.parametrize("fmt", ["JPEG", "PNG", "WEBP", "GIF", "TIFF", "HEIF"])
def test_truncated_file(photo: Image.Image, fmt: str) -> None:
    data = encode(photo, fmt)
    with pytest.raises(NotAnImage):
        hash_bytes(data[: len(data) // 2])


def test_corrupted_bytes_in_the_middle(photo: Image.Image) -> None:
    data = bytearray(encode(photo, "PNG"))
    data[len(data) // 2 : len(data) // 2 + 64] = b"\xff" * 64
    with pytest.raises(CorruptImage):
        hash_bytes(bytes(data))


def test_decompression_bomb_is_refused_before_decoding() -> None:
    with pytest.raises(ImageTooLarge) as caught:
        hash_bytes(png_claiming(100_000, 100_000))
    assert caught.value.detail["width"] == 100_000
    assert caught.value.status == 413


def test_pixel_limit_is_a_setting(photo: Image.Image) -> None:
    data = encode(photo, "PNG")
    with pytest.raises(ImageTooLarge):
        hash_bytes(data, limits=Limits(max_pixels=photo.width * photo.height - 1))
    hash_bytes(data, limits=Limits(max_pixels=photo.width * photo.height))


def test_file_size_limit(photo: Image.Image) -> None:
    data = encode(photo, "PNG")
    with pytest.raises(FileTooLarge):
        hash_bytes(data, limits=Limits(max_file_bytes=len(data) - 1))


def test_low_quality_is_an_error_that_carries_the_quality() -> None:
    flat = encode(Image.new("RGB", (300, 200), (120, 120, 120)), "PNG")
    with pytest.raises(LowQuality) as caught:
        hash_bytes(flat)
    assert caught.value.quality < 50
    assert caught.value.detail["quality"] == caught.value.quality
    assert len(caught.value.detail["sha256"]) == 64
    assert caught.value.to_dict()["error"]["code"] == "low_quality"
    assert hash_bytes(flat, min_quality=0).quality == caught.value.quality


def test_zero_sized_claims_are_refused() -> None:
    with pytest.raises(NotAnImage):
        hash_bytes(png_claiming(0, 10))
