"""The pieces under the PDQ indexes: bit extraction, popcount, probe plans, input checks."""

from __future__ import annotations

import itertools

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tests.index.codes import distance, near, random_codes
from unshared.errors import InvalidInput
from unshared.index.bits import as_ids, flip_masks, popcount_rows, substring, words
from unshared.index.tables import bucket_count, plan


@given(start=st.integers(0, 255), nbits=st.integers(1, 32), seed=st.integers(0, 2**32 - 1))
def test_substring_matches_python_integers(start: int, nbits: int, seed: int) -> None:
    nbits = min(nbits, 256 - start)
    codes = random_codes(np.random.default_rng(seed), 5)
    got = substring(codes, start, nbits)
    for code, value in zip(codes, got, strict=True):
        # Bit k is bit k % 64 of little-endian word k // 64: the little-endian 256-bit integer.
        whole = int.from_bytes(code.tobytes(), "little")
        assert int(value) == (whole >> start) & ((1 << nbits) - 1)


def test_popcount_rows_is_the_hamming_distance_up_to_256() -> None:
    rng = np.random.default_rng(2)
    a, b = random_codes(rng, 200), random_codes(rng, 200)
    b[0] = ~a[0]  # all 256 bits differ: must not wrap to 0
    b[1] = a[1]
    got = popcount_rows(words(a) ^ words(b))
    assert got[0] == 256 and got[1] == 0
    assert got.tolist() == [distance(x, y) for x, y in zip(a, b, strict=True)]


def test_flip_masks() -> None:
    masks = flip_masks(10, 2)
    assert len(masks) == bucket_count(10, 2) == 1 + 10 + 45
    assert len(set(masks.tolist())) == len(masks)
    assert all(int(m).bit_count() <= 2 for m in masks)


@given(radius=st.integers(0, 256), m=st.integers(2, 32), b=st.integers(1, 24))
def test_plan_covers_the_radius(radius: int, m: int, b: int) -> None:
    flips = plan(radius, m, b)
    if m * (b + 1) < radius + 1:
        assert flips is None  # even reading every bucket of every table is not enough
        return
    assert flips is not None and len(flips) == m
    assert all(-1 <= t <= b for t in flips)
    # Pigeonhole: a code more than t_j away on every substring is more than radius away.
    assert sum(t + 1 for t in flips) >= radius + 1


@pytest.mark.parametrize(("m", "b"), [(3, 4), (4, 6), (5, 5)])
def test_plan_is_the_cheapest_cover(m: int, b: int) -> None:
    for radius in range(m * (b + 1)):
        best = min(
            sum(bucket_count(b, t) for t in ts if t >= 0)
            for ts in itertools.product(range(-1, b + 1), repeat=m)
            if sum(t + 1 for t in ts) >= radius + 1
        )
        flips = plan(radius, m, b)
        assert flips is not None
        assert sum(bucket_count(b, t) for t in flips if t >= 0) == best


def test_ids_must_be_integers() -> None:
    assert as_ids([1, 2]).dtype == np.int64
    assert as_ids(np.array([], dtype=np.float64)).size == 0
    with pytest.raises(InvalidInput):
        as_ids(np.array([2**63], dtype=np.uint64))
    with pytest.raises(InvalidInput):
        as_ids([[1, 2]])


# No deadline: the first example loads (or compiles) the loop.
@settings(deadline=None)
@given(seed=st.integers(0, 2**32 - 1), n=st.integers(0, 300), q=st.integers(0, 9))
def test_compiled_scan_is_the_numpy_scan(seed: int, n: int, q: int) -> None:
    # MihIndex scans its pending adds with the compiled loop: the same answers in the same
    # order as the oracle's scan, at every distance up to the radius and just past it.
    from unshared.index import kernel
    from unshared.index.brute import scan

    rng = np.random.default_rng(seed)
    codes = random_codes(rng, n)
    queries = random_codes(rng, q)
    for i in range(min(n, q)):  # some codes at exact distances from the queries
        codes[rng.integers(n)] = near(rng, queries[i], int(rng.integers(0, 40)))
    for radius in (0, 16, 31, 32, 256):
        want = scan(words(queries), words(codes), radius)
        got = kernel.scan(words(queries), words(codes), radius)
        for w, g in zip(want, got, strict=True):
            np.testing.assert_array_equal(w, g)


def test_an_index_grown_past_a_layout_boundary_takes_the_layout_of_its_size() -> None:
    """A bank that grows by less than double (built at 40,000 codes, then 70,000) must not keep
    the substrings chosen for its old size: at 10M a bank built in batches kept the layout of 5M
    (13 tables of 19 bits where 12 of 21 were right) and read twice the candidates a query."""
    from unshared.index.mih import MihIndex
    from unshared.index.tables import choose_layout

    rng = np.random.default_rng(7)
    codes = random_codes(rng, 70_000)
    ids = np.arange(1, 70_001)
    index = MihIndex(delta_max=50_000)
    index.add(ids[:40_000], codes[:40_000])
    index.merge()
    assert choose_layout(40_000) != choose_layout(70_000)
    index.add(ids[40_000:], codes[40_000:])
    index.merge()
    tables = index._tables
    assert tables is not None and (tables.m, tables.b) == choose_layout(70_000)
    probe = near(rng, codes[65_432], 20)
    [hits] = index.query(probe[None, :], 31)
    assert 65_433 in hits.ids.tolist()
