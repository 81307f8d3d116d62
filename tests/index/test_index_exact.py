"""The MD5 / SHA-256 index answers what a plain dict answers."""

from __future__ import annotations

import hashlib
from pathlib import Path

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from unshared.errors import Conflict, InvalidInput
from unshared.index import CorruptIndex, ExactIndex


class DictOracle:
    def __init__(self) -> None:
        self.by_id: dict[int, bytes] = {}

    def query(self, value: bytes) -> list[int]:
        return sorted(i for i, v in self.by_id.items() if v == value)


def sha(i: int) -> bytes:
    return hashlib.sha256(str(i).encode()).digest()


OPS = st.lists(
    st.one_of(
        st.tuples(st.just("add"), st.integers(1, 60), st.integers(0, 2**32 - 1)),
        st.tuples(st.just("remove"), st.integers(1, 30), st.integers(0, 2**32 - 1)),
        st.tuples(st.just("merge"), st.just(0), st.just(0)),
    ),
    max_size=25,
)


@settings(max_examples=60, deadline=None)
@given(ops=OPS, delta_max=st.integers(1, 80))
def test_interleaved_adds_and_removes(ops: list[tuple[str, int, int]], delta_max: int) -> None:
    index, want = ExactIndex(32, delta_max=delta_max), DictOracle()
    # Few distinct values (several ids each), two of them sharing their first 8 bytes.
    values = [sha(i) for i in range(12)]
    values[1] = values[0][:8] + values[1][8:]
    next_id = 0
    for op, count, seed in ops:
        r = np.random.default_rng(seed)
        if op == "add":
            free = sorted(set(range(next_id)) - set(want.by_id))
            if r.random() < 0.3 and free:
                ids = [int(i) for i in r.permutation(free)[:count]]
            else:
                ids = list(range(next_id, next_id + count))
                next_id += count
            chosen = [values[int(k)] for k in r.integers(0, len(values), len(ids))]
            index.add(ids, chosen)
            want.by_id.update(zip(ids, chosen, strict=True))
        elif op == "remove":
            gone = {int(i) for i in r.integers(-3, next_id + 3, count)}
            assert index.remove(list(gone)) == len(gone & set(want.by_id))
            for i in gone:
                want.by_id.pop(i, None)
        else:
            index.merge()
        assert len(index) == len(want.by_id)
        assert index.ids().tolist() == sorted(want.by_id)
    for v in [*values, sha(999)]:
        assert index.query(v).tolist() == want.query(v)


def test_md5_width_and_bad_input() -> None:
    index = ExactIndex(16)
    md5 = hashlib.md5(b"x").digest()
    index.add([5, 6], [md5, md5])
    assert index.query(md5).tolist() == [5, 6]
    assert index.query(bytes(16)).tolist() == []
    with pytest.raises(Conflict):
        index.add([6], [md5])
    with pytest.raises(InvalidInput):
        index.add([7], [bytes(32)])
    with pytest.raises(InvalidInput):
        index.add([7, 8], [md5])
    with pytest.raises(InvalidInput):
        index.query(bytes(32))
    assert index.remove([99]) == 0


def test_save_and_load(tmp_path: Path) -> None:
    index = ExactIndex(32, delta_max=10)
    index.add(range(25), [sha(i % 7) for i in range(25)])
    index.remove([3, 4, 100])
    path = tmp_path / "sha256.idx"
    index.save(path, {"feed_seq": 3})
    loaded, meta = ExactIndex.load(path)
    assert meta == {"feed_seq": 3}
    assert loaded.width == 32 and len(loaded) == 23
    for v in range(8):
        assert loaded.query(sha(v)).tolist() == index.query(sha(v)).tolist()
    with pytest.raises(CorruptIndex):
        from unshared.index import MihIndex

        MihIndex.load(path)
