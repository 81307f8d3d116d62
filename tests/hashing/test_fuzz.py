"""Fuzzing ``hash_bytes`` with damaged files of every accepted format (issue 10).

Whatever the damage, the answer is signals or a typed ``UnsharedError``, never another
exception, and quickly. 14,000 inputs in all, in about 20 s; ``benchmarks/fuzz.py``
runs the same mutations for as long as it is given, each in a worker process, to catch crashes
and hangs too.
"""

from __future__ import annotations

import contextlib
import time
from datetime import timedelta

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.fuzzing import EDIT_KINDS, Edit, mutate, seeds
from unshared.errors import UnsharedError
from unshared.hashing import hash_bytes

SEEDS = seeds()

edits = st.lists(
    st.tuples(
        st.sampled_from(EDIT_KINDS),
        st.floats(0, 1, allow_nan=False, exclude_max=True),
        st.booleans(),
        st.integers(0, (1 << 16) - 1),
    ),
    min_size=1,
    max_size=4,
)


@pytest.mark.parametrize("name", sorted(SEEDS))
@settings(
    max_examples=1000,
    deadline=timedelta(seconds=3),
    suppress_health_check=[HealthCheck.too_slow],
)
@given(edits=edits)
def test_damaged_files_give_signals_or_a_typed_error(name: str, edits: list[Edit]) -> None:
    data = mutate(SEEDS[name], edits)
    start = time.monotonic()
    with contextlib.suppress(UnsharedError):
        hash_bytes(data, min_quality=0, dihedral=True)
    assert time.monotonic() - start < 3
