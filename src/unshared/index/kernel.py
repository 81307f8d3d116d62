"""The probe loop of ``MihIndex`` in compiled code (numba): buckets read, candidates checked.

A query at radius 31 against 1M codes reads 272 buckets holding about 4,100 candidates (35,000
for the 8 variants of a photo). Reading each candidate's code is a cache miss in 32 MB of codes;
so each is first judged by the 16 bits of its next substring kept beside its row number in the
bucket (``tables.SubstringTables.nexts``, exact by the cycle lemma), read in order with the
bucket, and only the 1 in about 390 that pass (at 1M codes) have their code read, rejected on
its first 128 bits. Reads are prefetched ahead (an LLVM intrinsic), so the core keeps many
misses in flight. The answers are exact; the oracle tests compare them with a brute-force scan.

Compiled on first use (most of a second), then cached on disk; ``nogil``, so batch threads
run side by side.
"""

from __future__ import annotations

import threading
from typing import Any

import numba
import numpy as np
import numpy.typing as npt
from llvmlite import ir
from numba import types
from numba.core import cgutils as typed_cgutils
from numba.extending import intrinsic

from unshared.index.bits import WordArray

# numba's code generation helpers carry no annotations.
cgutils: Any = typed_cgutils


def _ctpop(typingctx: Any, x: Any) -> Any:
    """Set bits of a uint64: LLVM's ctpop, one instruction on CPUs that have it."""

    def codegen(context: Any, builder: Any, signature: Any, args: Any) -> Any:
        return builder.ctpop(args[0])

    return types.uint64(types.uint64), codegen


def _prefetch_item(typingctx: Any, array: Any, i: Any, j: Any) -> Any:
    """Asks the CPU to start loading ``array[i, j]`` into the cache, and does not wait."""

    def codegen(context: Any, builder: Any, signature: Any, args: Any) -> Any:
        array_type, i_type, j_type = signature.args
        array = context.make_array(array_type)(context, builder, args[0])
        index = [
            context.cast(builder, args[1], i_type, types.intp),
            context.cast(builder, args[2], j_type, types.intp),
        ]
        pointer = cgutils.get_item_pointer(context, builder, array_type, array, index)
        byte_pointer, i32 = ir.IntType(8).as_pointer(), ir.IntType(32)
        prefetch = cgutils.get_or_insert_function(
            builder.module,
            ir.FunctionType(ir.VoidType(), [byte_pointer, i32, i32, i32]),
            "llvm.prefetch.p0i8",
        )
        # A read, kept in every cache level, of data (not instructions).
        builder.call(prefetch, [builder.bitcast(pointer, byte_pointer), i32(0), i32(3), i32(1)])
        return context.get_dummy_value()

    return types.void(array, i, j), codegen


# Typed as Any: they are only called from compiled code, where numba gives them signatures.
_popcount: Any = intrinsic(_ctpop)
_prefetch: Any = intrinsic(_prefetch_item)
# How many buckets, and candidates, ahead of the one being read the prefetches run: about as
# many cache misses as a core keeps in flight, with room for the memory's latency.
_BUCKETS_AHEAD = 16
_ROWS_AHEAD = 64  # best at 1M codes of (8, 32), (16, 32), (16, 64) and (32, 64)


def _probe_loop(
    layout: Any,
    bits: int,
    table: Any,
    mask: Any,
    limit: Any,
    offsets: Any,
    positions: Any,
    nexts: Any,
    codes: Any,
    queries: Any,
    radius: int,
    labels: Any,
    rows: Any,
    distances: Any,
    scratch: Any,
) -> int:
    """Hits of every query within ``radius``, written from the start of the output arrays;
    returns how many there are (a row may repeat, once per table it was found in). If that is
    more than the arrays hold, the rest are counted but not written: the caller grows them.
    A query with more candidates than ``scratch`` holds returns minus their number instead."""
    count = 0
    capacity = rows.shape[0]
    r = np.uint64(radius)
    probes = table.shape[0]
    bounds = np.empty((probes, 2), dtype=np.int64)
    m = layout.shape[1]
    keys = np.empty(m, dtype=np.uint64)
    after = np.empty(m, dtype=np.uint64)
    key_mask = np.uint64((1 << bits) - 1)
    for i in range(queries.shape[0]):
        q0, q1, q2, q3 = queries[i, 0], queries[i, 1], queries[i, 2], queries[i, 3]
        # The query's substring in each table (``tables.SubstringTables.layout``), and the
        # 16 bits of the next one that the rows' ``nexts`` are compared with.
        for j in range(m):
            low = queries[i, layout[0, j]] >> layout[1, j]
            high = (queries[i, layout[2, j]] << layout[3, j]) & layout[4, j]
            keys[j] = (low | high) & key_mask
        for j in range(m):
            after[j] = keys[(j + 1) % m] & np.uint64(0xFFFF)
        # The bucket bounds first, then the row numbers, then the codes, each step prefetching
        # what it reads a few steps ahead: nearly every read misses the cache, and one at a time
        # (a bucket's end is a mispredicted branch) they would cost 3 times as long.
        total = 0
        for p in range(probes):
            j = table[p]
            key = keys[j] ^ mask[p]
            bounds[p, 0], bounds[p, 1] = offsets[j, key], offsets[j, key + 1]
        for p in range(probes):
            total += bounds[p, 1] - bounds[p, 0]
        if total > scratch.shape[0]:
            return -total
        for p in range(min(probes, _BUCKETS_AHEAD)):
            _prefetch(nexts, table[p], bounds[p, 0])
        seen = 0
        for p in range(probes):
            j = table[p]
            if p + _BUCKETS_AHEAD < probes:
                ahead = p + _BUCKETS_AHEAD
                _prefetch(nexts, table[ahead], bounds[ahead, 0])
            wanted, most = after[j], limit[p]
            for k in range(bounds[p, 0], bounds[p, 1]):
                if _popcount(np.uint64(nexts[j, k]) ^ wanted) <= most:
                    scratch[seen] = positions[j, k]
                    seen += 1
        for c in range(min(seen, _ROWS_AHEAD)):
            _prefetch(codes, scratch[c], 0)
        for c in range(seen):
            if c + _ROWS_AHEAD < seen:
                _prefetch(codes, scratch[c + _ROWS_AHEAD], 0)
            row = scratch[c]
            d = _popcount(codes[row, 0] ^ q0) + _popcount(codes[row, 1] ^ q1)
            if d > r:
                continue
            d += _popcount(codes[row, 2] ^ q2) + _popcount(codes[row, 3] ^ q3)
            if d > r:
                continue
            if count < capacity:
                labels[count], rows[count], distances[count] = i, row, d
            count += 1
    return int(count)


try:
    # Compiled once per machine, not once per process: a CLI command that queries the index
    # would otherwise spend most of a second compiling. Without a writable cache directory
    # numba refuses to cache at all, and compiling in each process is the way left.
    _probe = numba.njit(nogil=True, cache=True)(_probe_loop)
except RuntimeError:  # pragma: no cover - only where no cache directory can be written
    _probe = numba.njit(nogil=True)(_probe_loop)


def _scan_loop(
    codes: Any, queries: Any, radius: int, labels: Any, rows: Any, distances: Any
) -> int:
    """Every (query, row) within ``radius``, in query order then row order, written from the
    start of the output arrays; returns how many there are (past the arrays' end, counted only)."""
    count = 0
    capacity = rows.shape[0]
    r = np.uint64(radius)
    for i in range(queries.shape[0]):
        q0, q1, q2, q3 = queries[i, 0], queries[i, 1], queries[i, 2], queries[i, 3]
        for row in range(codes.shape[0]):
            d = _popcount(codes[row, 0] ^ q0) + _popcount(codes[row, 1] ^ q1)
            if d > r:
                continue
            d += _popcount(codes[row, 2] ^ q2) + _popcount(codes[row, 3] ^ q3)
            if d > r:
                continue
            if count < capacity:
                labels[count], rows[count], distances[count] = i, row, d
            count += 1
    return int(count)


try:
    _scan = numba.njit(nogil=True, cache=True)(_scan_loop)
except RuntimeError:  # pragma: no cover - as for _probe
    _scan = numba.njit(nogil=True)(_scan_loop)


def scan(
    queries: WordArray, codes: WordArray, radius: int
) -> tuple[npt.NDArray[np.int64], npt.NDArray[np.int64], npt.NDArray[np.uint32]]:
    """``brute.scan`` compiled: the same ``(labels, rows, distances)`` in the same order, for the
    pending codes of ``MihIndex``. Its numpy loop costs tens of microseconds a query however few
    the codes (0.55 ms for 8 variants over 200 pending codes, as much as the probe at 1M); this
    one costs about a nanosecond a code."""
    queries, codes = np.ascontiguousarray(queries), np.ascontiguousarray(codes)
    capacity = 16 * len(queries) + 16
    while True:
        labels = np.empty(capacity, dtype=np.int64)
        rows = np.empty(capacity, dtype=np.int64)
        distances = np.empty(capacity, dtype=np.uint32)
        count = _scan(codes, queries, radius, labels, rows, distances)
        if count <= capacity:
            return labels[:count], rows[:count], distances[:count]
        capacity = count


def warm() -> None:
    """Load (or compile, the first time on a machine) the scan now, not in the first query
    that finds codes pending; a query of the index loads the probe loop."""
    codes = np.zeros((1, 4), dtype=np.uint64)
    scan(codes, codes, 0)


def probe(
    layout: npt.NDArray[np.uint64],
    bits: int,
    table: npt.NDArray[np.intp],
    mask: npt.NDArray[np.uint64],
    limit: npt.NDArray[np.uint64],
    offsets: npt.NDArray[np.uint32],
    positions: npt.NDArray[np.uint32],
    nexts: npt.NDArray[np.uint16],
    codes: WordArray,
    queries: WordArray,
    radius: int,
) -> tuple[npt.NDArray[np.int64], npt.NDArray[np.int64], npt.NDArray[np.uint32]]:
    """``(labels, rows, distances)`` of every (query, row) within ``radius`` found by the
    probes, each pair once; ``layout`` says where each table's ``bits``-bit substring lies in
    a code (``tables.SubstringTables.layout``)."""
    # C-contiguous arguments, whatever their source: each new layout would be compiled anew.
    queries = np.ascontiguousarray(queries)
    capacity = 64 * len(queries) + 64
    scratch = _scratch(1 << 16)
    while True:
        labels = np.empty(capacity, dtype=np.int64)
        rows = np.empty(capacity, dtype=np.int64)
        distances = np.empty(capacity, dtype=np.uint32)
        count = _probe(
            layout,
            bits,
            table,
            mask,
            limit,
            offsets,
            positions,
            nexts,
            codes,
            queries,
            radius,
            labels,
            rows,
            distances,
            scratch,
        )
        if count < 0:
            scratch = _scratch(-count)
            continue
        if count <= capacity:
            break
        capacity = count
    if count == 0:  # nearly every upload
        return labels[:0], rows[:0], distances[:0]
    labels, rows, distances = labels[:count], rows[:count], distances[:count]
    # A row near the query on several substrings was found in several tables: keep one.
    _, once = np.unique(labels * (int(rows.max(initial=0)) + 1) + rows, return_index=True)
    return labels[once], rows[once], distances[once]


_local = threading.local()


def _scratch(size: int) -> npt.NDArray[np.uint32]:
    """A buffer for one query's candidate rows, one per thread, kept between calls."""
    buffer: npt.NDArray[np.uint32] | None = getattr(_local, "scratch", None)
    if buffer is None or len(buffer) < size:
        buffer = np.empty(size, dtype=np.uint32)
        _local.scratch = buffer
    return buffer
