"""Packed PDQ codes for the index tests: random, perturbed, at exact distances; and comparison."""

from __future__ import annotations

import numpy as np
import numpy.typing as npt

from unshared.index import Hits

Codes = npt.NDArray[np.uint8]


def random_codes(rng: np.random.Generator, n: int) -> Codes:
    return rng.integers(0, 256, size=(n, 32), dtype=np.uint8)


def flipped(code: Codes, bits: npt.ArrayLike) -> Codes:
    """``code`` (32 bytes) with the given bit positions (0-255) inverted."""
    out = code.copy()
    for bit in np.asarray(bits, dtype=np.int64).ravel():
        out[bit // 8] ^= np.uint8(1 << (bit % 8))
    return out


def near(rng: np.random.Generator, code: Codes, distance: int) -> Codes:
    """A code exactly ``distance`` bits from ``code``."""
    return flipped(code, rng.choice(256, size=distance, replace=False))


def clustered_codes(rng: np.random.Generator, n: int, centres: int, max_flips: int = 16) -> Codes:
    """Near-duplicates round a few random centres, like the PDQ hashes of edited copies."""
    base = random_codes(rng, centres)
    out = base[rng.integers(0, centres, size=n)].copy()
    for row in out:
        row[:] = near(rng, row, int(rng.integers(0, max_flips + 1)))
    return out


def distance(a: Codes, b: Codes) -> int:
    """Hamming distance by Python integers: independent of everything under test."""
    return (int.from_bytes(a.tobytes(), "big") ^ int.from_bytes(b.tobytes(), "big")).bit_count()


def assert_same_hits(got: list[Hits], want: list[Hits]) -> None:
    assert len(got) == len(want)
    for i, (g, w) in enumerate(zip(got, want, strict=True)):
        assert g.ids.dtype == np.int64 and g.distances.dtype == np.int32, i
        np.testing.assert_array_equal(g.ids, w.ids, err_msg=f"ids of query {i}")
        np.testing.assert_array_equal(g.distances, w.distances, err_msg=f"distances of query {i}")
