"""The page's MD5 (``web/static/md5.js``) agrees with RFC 1321 and with Python's hashlib."""

from __future__ import annotations

import hashlib
import random

import pytest

from tests.imaging import encode, sample_photo
from tests.web.harness import NODE, SKIP_REASON, Job, run

if NODE is None:
    pytest.skip(SKIP_REASON, allow_module_level=True)

# The test suite of RFC 1321, appendix A.5.
RFC_1321 = {
    b"": "d41d8cd98f00b204e9800998ecf8427e",
    b"a": "0cc175b9c0f1b6a831c399e269772661",
    b"abc": "900150983cd24fb0d6963f7d28e17f72",
    b"message digest": "f96b697d7cb7938d525a2f31aaf161d0",
    b"abcdefghijklmnopqrstuvwxyz": "c3fcd3d76192e4007dfb496cca67e13b",
    b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789": (
        "d174ab98d277d9f5a5611c2c9f419d9f"
    ),
    b"1234567890" * 8: "57edf4a22be3c955ac49da2e2107b67a",
}


def md5_js(*blobs: bytes) -> list[str]:
    return [result["hash"] for result in run([Job("md5", blob) for blob in blobs])]


def test_rfc_1321_suite() -> None:
    assert md5_js(*RFC_1321) == list(RFC_1321.values())


def test_every_length_around_the_padding_edges() -> None:
    """Lengths 0-200 cross the 55/56/64-byte edges where padding takes one block or two."""
    rng = random.Random(1)
    blobs = [rng.randbytes(n) for n in range(201)]
    assert md5_js(*blobs) == [hashlib.md5(b).hexdigest() for b in blobs]


def test_random_data_and_an_image_file() -> None:
    rng = random.Random(2)
    blobs = [rng.randbytes(rng.randrange(1, 300_000)) for _ in range(20)]
    blobs += [bytes(1_000_000), b"\xff" * 4096, encode(sample_photo("coffee"), "JPEG", quality=90)]
    assert md5_js(*blobs) == [hashlib.md5(b).hexdigest() for b in blobs]


def test_a_photo_sized_file_in_reasonable_time() -> None:
    blob = random.Random(3).randbytes(8 * 1024 * 1024)
    (result,) = run([Job("md5", blob, repeat=3)])
    print(f"\nMD5 of 8 MiB: {result['ms']:.0f} ms (median of 3, node)")
    assert result["hash"] == hashlib.md5(blob).hexdigest()
    assert result["ms"] < 2000
