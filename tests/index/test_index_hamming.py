"""Every PDQ index answers exactly what the brute-force oracle answers.

The oracle (``BruteForceIndex``) is itself checked against Python integers; then each fast index
is checked against the oracle on seeded random codes, on codes at every exact distance 0-256 from
a query, on duplicates, on clustered codes, empty, after a save and load, and after interleaved
adds and removes (Hypothesis).
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tests.index.codes import (
    assert_same_hits,
    clustered_codes,
    distance,
    flipped,
    near,
    random_codes,
)
from unshared.errors import Conflict, InvalidInput
from unshared.index import (
    BRUTE_FORCE_MAX,
    BruteForceIndex,
    HammingIndex,
    MihIndex,
    load_hamming_index,
    make_hamming_index,
    pack,
)
from unshared.index.tables import plan
from unshared.signals import Pdq

Factory = Callable[[], HammingIndex]

# A small delta_max makes merges happen inside the tests, not only pending adds.
FAST: dict[str, Factory] = {
    "mih": lambda: MihIndex(delta_max=50),
    "mih-16-tables": lambda: MihIndex(tables=16, delta_max=7),
    "mih-4-tables": lambda: MihIndex(tables=4, delta_max=1000, threads=1),
}
ALL: dict[str, Factory] = {"brute": BruteForceIndex, **FAST}
RADII = [0, 1, 8, 16, 31, 32, 47, 64, 100, 256]


@pytest.fixture(params=list(ALL), ids=list(ALL))
def make(request: pytest.FixtureRequest) -> Factory:
    return ALL[request.param]


@pytest.fixture(params=list(FAST), ids=list(FAST))
def make_fast(request: pytest.FixtureRequest) -> Factory:
    return FAST[request.param]


def filled(make: Factory, ids: np.ndarray, codes: np.ndarray, batches: int = 3) -> HammingIndex:
    index = make()
    for part_ids, part_codes in zip(
        np.array_split(ids, batches), np.array_split(codes, batches), strict=True
    ):
        index.add(part_ids, part_codes)
    return index


def oracle(ids: np.ndarray, codes: np.ndarray) -> BruteForceIndex:
    index = BruteForceIndex()
    index.add(ids, codes)
    return index


def test_the_oracle_agrees_with_python_integers() -> None:
    rng = np.random.default_rng(1)
    codes = random_codes(rng, 300)
    codes[1::7] = codes[0]
    queries = np.stack([near(rng, codes[i], int(d)) for i, d in enumerate(rng.integers(0, 60, 20))])
    index = oracle(np.arange(300) * 3, codes)
    for radius in (0, 31, 120, 256):
        for q, hits in zip(queries, index.query(queries, radius), strict=True):
            want = sorted(
                (distance(q, c), 3 * i) for i, c in enumerate(codes) if distance(q, c) <= radius
            )
            assert list(zip(hits.distances.tolist(), hits.ids.tolist(), strict=True)) == want


def test_seeded_random_codes(make_fast: Factory) -> None:
    rng = np.random.default_rng(20260514)
    codes = random_codes(rng, 3000)
    ids = rng.permutation(10**6)[:3000].astype(np.int64)
    picked = codes[rng.integers(0, 3000, 30)]
    queries = np.concatenate(
        [
            np.stack(
                [near(rng, c, int(d)) for c, d in zip(picked, rng.integers(0, 40, 30), strict=True)]
            ),
            random_codes(rng, 10),
        ]
    )
    index, want = filled(make_fast, ids, codes), oracle(ids, codes)
    for radius in RADII:
        assert_same_hits(index.query(queries, radius), want.query(queries, radius))


def test_codes_at_every_exact_distance(make: Factory) -> None:
    rng = np.random.default_rng(7)
    query = random_codes(rng, 1)[0]
    order = rng.permutation(256)
    # Row d is exactly d bits from the query: 0..256, and again in another bit order.
    codes = np.stack(
        [flipped(query, order[:d]) for d in range(257)] + [near(rng, query, d) for d in range(257)]
    )
    ids = np.arange(len(codes), dtype=np.int64)
    index = filled(make, ids, codes)
    for radius in [*RADII, 2, 30, 128, 255]:
        (hits,) = index.query(query[None, :], radius)
        within = np.arange(radius + 1)
        np.testing.assert_array_equal(hits.distances, np.repeat(within, 2))
        np.testing.assert_array_equal(hits.ids, np.stack([within, 257 + within], axis=1).ravel())


def test_duplicate_codes_under_many_ids(make: Factory) -> None:
    rng = np.random.default_rng(3)
    base = random_codes(rng, 40)
    codes = base[rng.integers(0, 40, 400)]
    ids = rng.permutation(400).astype(np.int64) + 1000
    index = filled(make, ids, codes)
    for radius in (0, 5, 31):
        assert_same_hits(index.query(base, radius), oracle(ids, codes).query(base, radius))
    (hits,) = index.query(base[:1], 0)
    np.testing.assert_array_equal(np.sort(hits.ids), np.sort(ids[(codes == base[0]).all(axis=1)]))


def test_clustered_codes(make_fast: Factory) -> None:
    rng = np.random.default_rng(11)
    codes = clustered_codes(rng, 3000, centres=25)
    ids = np.arange(3000, dtype=np.int64) * 2
    queries = np.concatenate([clustered_codes(rng, 20, centres=25), random_codes(rng, 5)])
    index, want = filled(make_fast, ids, codes), oracle(ids, codes)
    for radius in (0, 10, 31, 64):
        assert_same_hits(index.query(queries, radius), want.query(queries, radius))


def test_empty_index(make: Factory) -> None:
    rng = np.random.default_rng(0)
    index = make()
    assert len(index) == 0 and index.ids().size == 0
    for radius in (0, 31, 256):
        hits = index.query(random_codes(rng, 3), radius)
        assert [h.ids.size for h in hits] == [0, 0, 0]
    assert index.query(np.empty((0, 32), np.uint8), 31) == []
    assert index.remove([1, 2]) == 0


def test_remove_unknown_and_known_ids(make: Factory) -> None:
    rng = np.random.default_rng(5)
    codes = random_codes(rng, 500)
    ids = np.arange(500, dtype=np.int64)
    index = filled(make, ids, codes)
    assert index.remove([10**9, -1, 600]) == 0
    assert len(index) == 500
    assert index.remove([3, 3, 4, 10**9]) == 2
    assert index.remove([3]) == 0
    assert len(index) == 498
    (hits,) = index.query(codes[3:4], 0)
    assert hits.ids.size == 0
    index.add([3], codes[3:4])
    (hits,) = index.query(codes[3:4], 0)
    assert hits.ids.tolist() == [3]


def test_refuses_malformed_input(make: Factory) -> None:
    index = make()
    codes = np.zeros((2, 32), np.uint8)
    index.add([1, 2], codes)
    with pytest.raises(Conflict):
        index.add([2, 3], codes)
    assert len(index) == 2  # nothing of the refused call was added
    with pytest.raises(InvalidInput):
        index.add([4, 4], codes)
    with pytest.raises(InvalidInput):
        index.add([4], codes)
    with pytest.raises(InvalidInput):
        index.add([4, 5], codes.astype(np.float32))
    with pytest.raises(InvalidInput):
        index.add([4, 5], np.zeros((2, 31), np.uint8))
    with pytest.raises(InvalidInput):
        index.add([4.0, 5.0], codes)
    for radius in (-1, 257, 3.0, True):
        with pytest.raises(InvalidInput):
            index.query(codes, radius)  # type: ignore[arg-type]


def test_save_and_load_round_trip(make: Factory, tmp_path: Path) -> None:
    rng = np.random.default_rng(9)
    codes = clustered_codes(rng, 1200, centres=30)
    ids = rng.permutation(5000)[:1200].astype(np.int64)
    index = filled(make, ids, codes, batches=5)
    index.remove(ids[::9])
    path = tmp_path / "pdq.idx"
    index.save(path, {"feed_seq": 41, "bank": "b-1"})
    loaded, meta = type(index).load(path)
    assert meta == {"feed_seq": 41, "bank": "b-1"}
    again, _ = load_hamming_index(path)
    assert type(again) is type(index)
    queries = np.concatenate([codes[:20], random_codes(rng, 5)])
    for radius in (0, 31, 90):
        assert_same_hits(loaded.query(queries, radius), index.query(queries, radius))
    np.testing.assert_array_equal(loaded.ids(), index.ids())
    # The loaded index keeps working: adds and removes after a load.
    loaded.add([10**7], codes[:1])
    loaded.remove(ids[1:4])
    index.add([10**7], codes[:1])
    index.remove(ids[1:4])
    assert_same_hits(loaded.query(queries, 31), index.query(queries, 31))


OPS = st.lists(
    st.one_of(
        st.tuples(st.just("add"), st.integers(1, 80), st.integers(0, 2**32 - 1)),
        st.tuples(st.just("remove"), st.integers(1, 40), st.integers(0, 2**32 - 1)),
        st.tuples(st.just("merge"), st.just(0), st.just(0)),
    ),
    min_size=1,
    max_size=25,
)


@settings(max_examples=60, deadline=None)
@given(ops=OPS, tables=st.sampled_from([4, 8, 12, 16]), delta_max=st.integers(1, 100))
def test_interleaved_adds_and_removes(
    ops: list[tuple[str, int, int]], tables: int, delta_max: int
) -> None:
    rng = np.random.default_rng(0)
    centres = random_codes(rng, 8)
    index, want = MihIndex(tables=tables, delta_max=delta_max), BruteForceIndex()
    next_id = 0
    for op, count, seed in ops:
        r = np.random.default_rng(seed)
        if op == "add":
            # New ids, now and then below stored ones (re-adding removed ids) to force re-sorts.
            free = np.setdiff1d(np.arange(next_id), want.ids())
            if r.random() < 0.3 and free.size:
                ids = r.permutation(free)[:count].astype(np.int64)
            else:
                ids = np.arange(next_id, next_id + count, dtype=np.int64)
                next_id += count
            codes = np.stack([near(r, centres[r.integers(8)], int(r.integers(0, 40))) for _ in ids])
            index.add(ids, codes)
            want.add(ids, codes)
        elif op == "remove":
            gone = r.integers(-5, next_id + 5, size=count)
            assert index.remove(gone) == want.remove(gone)
        elif isinstance(index, MihIndex):
            index.merge()
        assert len(index) == len(want)
        np.testing.assert_array_equal(index.ids(), want.ids())
    queries = np.concatenate([centres, random_codes(rng, 2)])
    for radius in (0, 20, 31, 50):
        assert_same_hits(index.query(queries, radius), want.query(queries, radius))


@pytest.mark.parametrize("probe", [True, False], ids=["tables", "scan"])
def test_mih_tables_and_scan_agree_at_large_radii(
    probe: bool, monkeypatch: pytest.MonkeyPatch
) -> None:
    # The index scans when probing would cost more; force each way and check both.
    monkeypatch.setattr("unshared.index.mih._NS_SCAN_ROW", 1e12 if probe else 0.0)
    rng = np.random.default_rng(4)
    codes = clustered_codes(rng, 2000, centres=40, max_flips=40)
    ids = np.arange(2000, dtype=np.int64)
    index = filled(lambda: MihIndex(tables=16, delta_max=300), ids, codes)
    queries = clustered_codes(rng, 10, centres=40)
    for radius in (0, 31, 40, 56):
        assert_same_hits(index.query(queries, radius), oracle(ids, codes).query(queries, radius))


def test_batches_split_across_threads_agree() -> None:
    rng = np.random.default_rng(8)
    codes = clustered_codes(rng, 5000, centres=100)
    ids = np.arange(5000, dtype=np.int64)
    queries = np.concatenate([clustered_codes(rng, 300, centres=100), random_codes(rng, 100)])
    one, two = MihIndex(threads=1), MihIndex(threads=2)
    one.add(ids, codes)
    two.add(ids, codes)
    want = oracle(ids, codes).query(queries, 31)
    assert_same_hits(one.query(queries, 31), want)
    assert_same_hits(two.query(queries, 31), want)


def test_a_loaded_brute_force_index_that_outgrew_its_kind_comes_back_faster(
    tmp_path: Path,
) -> None:
    rng = np.random.default_rng(6)
    codes = random_codes(rng, BRUTE_FORCE_MAX + 1)
    ids = np.arange(len(codes), dtype=np.int64)
    grown = oracle(ids, codes)
    grown.save(tmp_path / "pdq.idx", {"feed_seq": 2})
    index, meta = load_hamming_index(tmp_path / "pdq.idx")
    assert isinstance(index, MihIndex) and meta == {"feed_seq": 2}
    assert_same_hits(index.query(codes[:5], 31), grown.query(codes[:5], 31))


def test_make_hamming_index_and_pack() -> None:
    assert isinstance(make_hamming_index(100), BruteForceIndex)
    assert isinstance(make_hamming_index(5_000_000), MihIndex)
    pdqs = [Pdq(bytes([i]) * 32) for i in range(3)]
    packed = pack(pdqs)
    assert packed.shape == (3, 32) and packed.dtype == np.uint8
    assert bytes(packed[2]) == pdqs[2].value
    index = make_hamming_index(10)
    index.add([7, 8, 9], packed)
    (hits,) = index.query(pack([pdqs[1]]), 0)
    assert hits.ids.tolist() == [8]
    assert hits.distances.tolist() == [0]


def test_eight_variants_in_one_batch_agree_with_the_oracle() -> None:
    """The matcher's call: the 8 dihedral variants of one photo as the rows of one query, some
    near stored codes, some at exactly the radius and one past it, several near the same row."""
    rng = np.random.default_rng(11)
    codes = random_codes(rng, 30_000)
    ids = rng.choice(10**9, size=len(codes), replace=False).astype(np.int64)
    index = MihIndex(threads=1)
    index.add(ids, codes)
    index.merge()
    variants = np.stack(
        [near(rng, codes[7], d) for d in (0, 5, 31, 32)]
        + [near(rng, codes[9], 20), near(rng, codes[9], 31)]
        + list(random_codes(rng, 2))
    )
    want = oracle(ids, codes).query(variants, 31)
    got = index.query(variants, 31)
    assert_same_hits(got, want)
    assert [len(h.ids) for h in got][:6] == [1, 1, 1, 0, 1, 1]


def test_more_hits_than_the_first_guess_are_all_returned() -> None:
    """Thousands of copies of one code within the radius: far past the buffer a batch starts
    with, so the probe must grow it and run again, losing none."""
    rng = np.random.default_rng(12)
    base = random_codes(rng, 1)[0]
    codes = np.stack([near(rng, base, int(d)) for d in rng.integers(0, 12, size=3000)])
    ids = np.arange(len(codes), dtype=np.int64)
    index = MihIndex(threads=1)
    index.add(ids, codes)
    index.merge()
    queries = np.stack([base, near(rng, base, 10)])
    got = index.query(queries, 31)
    assert_same_hits(got, oracle(ids, codes).query(queries, 31))
    assert len(got[0].ids) == 3000


def test_a_query_with_more_candidates_than_the_scratch_buffer() -> None:
    """100,000 copies of one code, each with one of its first 5 bits flipped: every table
    puts them in a handful of buckets, over a million candidates for one query."""
    rng = np.random.default_rng(13)
    base = random_codes(rng, 1)
    codes = np.repeat(base, 100_000, axis=0)
    codes[np.arange(len(codes)), rng.integers(0, 5, size=len(codes))] ^= np.uint8(1)
    ids = np.arange(len(codes), dtype=np.int64)
    index = MihIndex(threads=1)
    index.add(ids, codes)
    index.merge()
    queries = np.concatenate([base, random_codes(rng, 1)])
    got = index.query(queries, 31)
    assert_same_hits(got, oracle(ids, codes).query(queries, 31))
    assert len(got[0].ids) == len(codes) and set(got[0].distances.tolist()) == {1}
    assert len(got[1].ids) == 0


@pytest.mark.parametrize(("tables", "radius"), [(16, 31), (12, 31), (16, 10), (8, 31), (5, 40)])
def test_codes_whose_distance_is_piled_on_a_few_substrings_are_all_found(
    tables: int, radius: int
) -> None:
    """A bucket keeps only the rows whose next substring is close enough to the query's
    (``tables.SubstringTables.nexts``). Codes at exactly the radius that only one table finds,
    with the next substring as far as it may be (the bound met exactly), and codes with their
    flipped bits piled on a few substrings at random, must all be found."""
    rng = np.random.default_rng(14)
    index = MihIndex(tables=tables, delta_max=10_000, threads=1)
    b = index._layout_for(6_000)[1]
    units = [t + 1 for t in plan(radius, tables, b)]  # the probe plan's u_j (0: not probed)
    query = random_codes(rng, 1)[0]

    def at(per: list[int]) -> np.ndarray:
        bits = [j * b + rng.choice(b, size=k, replace=False) for j, k in enumerate(per) if k]
        spare = np.arange(tables * b, 256)  # bits in no substring take the rest, if any
        rest = min(radius - sum(per), len(spare))
        bits.append(rng.choice(spare, size=rest, replace=False))
        return flipped(query, np.concatenate(bits))

    codes = []
    for start in (j for j in range(tables) if units[j]):
        for _ in range(20):
            # Found in table ``start`` alone: every later substring one flip past its probes.
            per, left = [0] * tables, radius
            per[start] = int(rng.integers(0, units[start]))
            left -= per[start]
            for k in range(1, tables):
                j = (start + k) % tables
                per[j] = min(units[j], b, left)
                left -= per[j]
            codes.append(at(per))
    for _ in range(600):
        weights = rng.dirichlet(np.full(tables, float(rng.choice([0.05, 0.3, 1.0, 5.0]))))
        per = list(np.minimum(np.floor(weights * (radius + 1)).astype(int), b))
        while sum(per) > radius:
            per[int(np.argmax(per))] -= 1
        codes.append(at(per))
    near_ones = np.stack(codes)
    codes_all = np.concatenate([random_codes(rng, 5_000), near_ones])
    ids = np.arange(len(codes_all), dtype=np.int64)
    index.add(ids, codes_all)
    index.merge()
    got = index.query(query[None], radius)
    assert_same_hits(got, oracle(ids, codes_all).query(query[None], radius))
    assert len(got[0].ids) >= len(near_ones)
