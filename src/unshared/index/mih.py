"""The PDQ index for real banks: multi-index hashing over numpy arrays, updated in place.

Layout at 10 million codes (12 tables of 21-bit substrings; 0.98 GB in all)::

    codes      (n, 32) uint8   the packed codes, rows in ascending id order          320 MB
    ids        (n,) int64      row -> id; ascending, so id -> row is a binary search   80 MB
    tables     (12, n) uint32 row numbers by bucket, (12, 2**21 + 1) bucket starts    581 MB
               (12, n) uint16 beside each row number, 16 bits of its next substring     240 MB
    dead       removed rows, sorted; skipped by queries until the next renumbering
    pending    codes added since the last merge, at most ``delta_max``; scanned

The number and width of the substrings follow the count (``tables.choose_layout``): 16 of 16
bits up to about a million codes, fewer and longer ones beyond. A query reads the buckets
``tables.plan`` picks and checks each candidate's full distance, so the answer is exact; when
reading buckets would cost more than a scan (radius past about 60 bits) it scans.

Every ``delta_max`` adds, ``merge`` appends the pending rows and splices them into the tables in
O(n), without sorting again. When removed rows reach a sixteenth, or an added id is below a
stored one, the merge renumbers the rows instead (also O(n), slower). Only when the count has
doubled or fallen to a quarter since the last build, or moved by an eighth across a boundary of
``choose_layout``, are the tables built again, sized anew.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from concurrent.futures import ThreadPoolExecutor
from typing import Any, Final, Self

import numpy as np
import numpy.typing as npt

from unshared.errors import InvalidInput
from unshared.index.base import (
    HammingIndex,
    Hits,
    PathLike,
    group_hits,
    refuse_taken,
    rows_of,
)
from unshared.index.bits import (
    CODE_BITS,
    CODE_BYTES,
    CodeArray,
    IdArray,
    as_codes,
    as_entries,
    as_ids,
    check_radius,
    words,
)
from unshared.index.brute import Matches, scan
from unshared.index.dead import DeadRows
from unshared.index.files import CorruptIndex, read_index_file, write_index_file
from unshared.index.tables import (
    Probes,
    SubstringTables,
    choose_layout,
    next_bits,
    substring_bits,
)

# Rough costs on one core (ns; measured at 1M codes): reading a bucket, checking a candidate,
# scanning a row. They only decide between probing and scanning, at large radii.
_NS_PROBE: Final = 20.0
_NS_CANDIDATE: Final = 40.0
_NS_SCAN_ROW: Final = 6.5
# Buckets plus candidates per unit of work, the grain of batch threading: small enough that its
# temporaries (about 10 MB) stay in cache, large enough to amortise numpy's per-call cost.
_WORK_PER_CHUNK = 1 << 18
_EMPTY: Final = (np.empty(0, np.int64), np.empty(0, np.int64), np.empty(0, np.uint32))
_NONE: Final[IdArray] = np.empty(0, dtype=np.int64)


def available_cpus() -> int:
    return len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1


class MihIndex(HammingIndex):
    """Exact Hamming-radius search through ``tables`` substring hash tables."""

    kind = "mih"

    def __init__(
        self, *, tables: int | None = None, delta_max: int = 4096, threads: int | None = None
    ) -> None:
        if (tables is not None and not 2 <= tables <= CODE_BITS // 8) or delta_max < 1:
            raise InvalidInput("tables must be 2 to 32 and delta_max positive")
        # None: chosen for the number of codes at each build (see ``tables.choose_layout``).
        self._fixed_tables, self._delta_max = tables, delta_max
        #: Threads for batch queries and merges; any value from 1 up, changeable at any time.
        self.threads = threads or available_cpus()
        self._n = 0
        self._ids: IdArray = np.empty(0, dtype=np.int64)
        self._codes: CodeArray = np.empty((0, CODE_BYTES), dtype=np.uint8)
        self._dead = DeadRows()
        self._tables: SubstringTables | None = None
        self._built_n = 0
        self._new_ids: IdArray = np.empty(0, dtype=np.int64)
        self._new_codes: CodeArray = np.empty((0, CODE_BYTES), dtype=np.uint8)

    def add(self, ids: npt.ArrayLike, codes: npt.ArrayLike) -> None:
        new_ids, new_codes = as_entries(ids, codes)
        refuse_taken(
            new_ids,
            (rows_of(self._ids[: self._n], self._dead, new_ids) >= 0)
            | np.isin(new_ids, self._new_ids),
        )
        self._new_ids = np.concatenate([self._new_ids, new_ids])
        self._new_codes = np.concatenate([self._new_codes, new_codes])
        if len(self._new_ids) >= self._delta_max:
            self.merge()

    def remove(self, ids: npt.ArrayLike) -> int:
        gone = np.unique(as_ids(ids))
        rows = rows_of(self._ids[: self._n], self._dead, gone)
        rows = rows[rows >= 0]
        self._dead.add(rows)
        pending = np.isin(self._new_ids, gone)
        if pending.any():
            self._new_ids, self._new_codes = self._new_ids[~pending], self._new_codes[~pending]
        if self._dead.count > self._dead_max():
            self.merge()
        return int(rows.size + pending.sum())

    def query(self, codes: npt.ArrayLike, radius: int) -> list[Hits]:
        queries = as_codes(codes)
        r = check_radius(radius)
        labels, rows, distances = self._query_main(queries, r)
        found_ids = self._ids[rows]
        if len(self._new_ids):
            more_labels, more_rows, more_distances = self._scan_pending(queries, r)
            labels = np.concatenate([labels, more_labels])
            found_ids = np.concatenate([found_ids, self._new_ids[more_rows]])
            distances = np.concatenate([distances, more_distances])
        return group_hits(len(queries), labels, found_ids, distances)

    def ids(self) -> IdArray:
        live = np.delete(self._ids[: self._n], self._dead.rows())
        return np.union1d(live, self._new_ids)

    def __len__(self) -> int:
        return self._n - self._dead.count + len(self._new_ids)

    @property
    def nbytes(self) -> int:
        tables = self._tables.nbytes if self._tables else 0
        return (
            tables
            + self._ids.nbytes
            + self._codes.nbytes
            + self._dead.nbytes
            + self._new_ids.nbytes
            + self._new_codes.nbytes
        )

    def merge(self) -> None:
        """Fold pending adds into the tables (done on its own every ``delta_max`` adds).

        Removed rows stay in the tables, skipped by queries, until they are a sixteenth of
        them; then, or when a new id is below a stored one, rows are renumbered in one pass.
        """
        new_ids, new_codes = _by_id(self._new_ids, self._new_codes)
        n, dead = self._n, self._dead.rows()
        live = n - len(dead) + len(new_ids)
        in_order = n == 0 or len(new_ids) == 0 or new_ids[0] > self._ids[n - 1]
        if self._tables is None or self._resize_for(live):
            keep = np.delete(np.arange(n), dead)
            self._install(
                np.concatenate([self._ids[keep], new_ids]),
                np.concatenate([self._codes[keep], new_codes]),
            )
        elif in_order and len(dead) <= self._dead_max():
            # The usual case: ids above every stored one; the rows are appended.
            total = n + len(new_ids)
            rows = np.arange(n, total, dtype=np.uint32)
            self._tables.merge(self._codes[:n], _NONE, None, new_codes, rows, self.threads)
            self._reserve(total)
            self._ids[n:total], self._codes[n:total] = new_ids, new_codes
            self._n = total
        else:
            kept = np.delete(np.arange(n), dead)
            kept_ids = self._ids[kept]
            remap = np.zeros(n, dtype=np.uint32)
            remap[kept] = np.arange(len(kept)) + np.searchsorted(new_ids, kept_ids)
            rows = (np.arange(len(new_ids)) + np.searchsorted(kept_ids, new_ids)).astype(np.uint32)
            self._tables.merge(self._codes[:n], dead, remap, new_codes, rows, self.threads)
            ids, codes = _empty_rows(_with_slack(live))
            ids[remap[kept]], codes[remap[kept]] = kept_ids, self._codes[kept]
            ids[rows], codes[rows] = new_ids, new_codes
            self._ids, self._codes, self._n = ids, codes, live
            self._dead = DeadRows()
        # Fresh arrays: empty slices would keep the merged arrays alive.
        self._new_ids = np.empty(0, dtype=np.int64)
        self._new_codes = np.empty((0, CODE_BYTES), dtype=np.uint8)

    def save(self, path: PathLike, meta: Mapping[str, Any] | None = None) -> None:
        n, tables = self._n, self._tables
        arrays: dict[str, npt.NDArray[Any]] = {
            "ids": self._ids[:n],
            "codes": self._codes[:n],
            "dead": self._dead.rows(),
            "new_ids": self._new_ids,
            "new_codes": self._new_codes,
        }
        if tables is not None:
            arrays["offsets"] = tables.offsets
            arrays["positions"] = tables.positions[:, :n]
            arrays["nexts"] = tables.nexts[:, :n]
        params = {
            "tables": self._fixed_tables,
            "bits": tables.b if tables else 0,
            "delta_max": self._delta_max,
            "built_n": self._built_n,
        }
        write_index_file(path, self.kind, params, arrays, meta)

    @classmethod
    def load(cls, path: PathLike, *, threads: int | None = None) -> tuple[Self, dict[str, Any]]:
        params, arrays, meta = read_index_file(path, cls.kind)
        _check(path, params, arrays)
        index = cls(tables=params["tables"], delta_max=params["delta_max"], threads=threads)
        index._ids, index._codes, index._n = arrays["ids"], arrays["codes"], len(arrays["ids"])
        index._dead = DeadRows.of(arrays["dead"], index._n)
        index._new_ids, index._new_codes = arrays["new_ids"], arrays["new_codes"]
        index._built_n = params["built_n"]
        if "offsets" in arrays:
            offsets, positions = arrays["offsets"], arrays["positions"]
            b, m = params["bits"], len(offsets)
            # A file from before the tables kept them: made here, once, from the codes.
            nexts = arrays.get("nexts")
            if nexts is None:
                nexts = next_bits(index._codes, positions, m, b, index.threads)
            index._tables = SubstringTables(b, offsets, positions, nexts, index._n)
        return index, meta

    # Internals.

    def _install(self, ids: IdArray, codes: CodeArray) -> None:
        ids, codes = _by_id(ids, codes)
        n = len(ids)
        self._ids, self._codes = _empty_rows(n + (1 << 14))
        self._ids[:n], self._codes[:n] = ids, codes
        m, b = self._layout_for(n)
        self._tables = SubstringTables.build(self._codes[:n], m, b, len(self._ids), self.threads)
        self._n, self._built_n, self._dead = n, n, DeadRows()

    def _layout_for(self, n: int) -> tuple[int, int]:
        if self._fixed_tables is None:
            return choose_layout(n)
        return self._fixed_tables, substring_bits(n, self._fixed_tables)

    def _resize_for(self, live: int) -> bool:
        """Build the tables again for ``live`` rows: when the count has doubled or fallen to a
        quarter since the last build, or when it has moved by an eighth and another layout now
        reads less. Without the last rule a bank grown from 5M to 10M in batches kept the
        layout of 5M and read twice the candidates a query."""
        built = self._built_n
        if live > 2 * built or 4 * live < built:
            return True
        tables = self._tables
        assert tables is not None
        moved = 8 * abs(live - built) > built
        return moved and self._layout_for(live) != (tables.m, tables.b)

    def _dead_max(self) -> int:
        return max(self._delta_max, self._n // 16)

    def _reserve(self, n: int) -> None:
        if n > len(self._ids):
            ids, codes = _empty_rows(_with_slack(n))
            ids[: self._n], codes[: self._n] = self._ids[: self._n], self._codes[: self._n]
            self._ids, self._codes = ids, codes

    def _query_main(self, queries: CodeArray, radius: int) -> Matches:
        n, tables = self._n, self._tables
        if n == 0 or tables is None or len(queries) == 0:
            return _EMPTY
        probes = self._probes(tables, radius)
        if probes is None:
            labels, rows, distances = scan(words(queries), words(self._codes[:n]), radius)
        else:
            per_query = len(probes) * (1 + n / (1 << tables.b))
            step = max(1, int(_WORK_PER_CHUNK // per_query))
            starts = range(0, len(queries), step)

            def one(start: int) -> Matches:
                return self._probe(queries[start : start + step], start, probes, radius)

            if self.threads > 1 and len(starts) > 1:
                with ThreadPoolExecutor(self.threads) as pool:
                    parts = list(pool.map(one, starts))
            else:
                parts = [one(s) for s in starts]
            labels, rows, distances = (np.concatenate(p) for p in zip(*parts, strict=True))
        if self._dead.count:
            live = ~self._dead.contains(rows)
            labels, rows, distances = labels[live], rows[live], distances[live]
        return labels, rows, distances

    def _scan_pending(self, queries: CodeArray, radius: int) -> Matches:
        """The pending adds within ``radius`` of each query. A live index nearly always has a
        few (the feed's adds since the last merge): once the index has tables, they are scanned
        by compiled code, which costs a few microseconds where numpy's loop over the queries
        costs as much as the probe. An index too small for tables keeps numpy's scan, so a short
        command over a small bank does not load numba."""
        if self._tables is None:
            return scan(words(queries), words(self._new_codes), radius)
        from unshared.index import kernel

        return kernel.scan(words(queries), words(self._new_codes), radius)

    def warm(self) -> None:
        """Load the compiled loops a query of this index may run (``kernel``)."""
        if self._tables is not None:
            from unshared.index import kernel

            kernel.warm()

    def _probes(self, tables: SubstringTables, radius: int) -> Probes | None:
        count = tables.probe_count(radius)
        if count is None:
            return None
        per_bucket = self._n / (1 << tables.b)
        probing = count * (_NS_PROBE + _NS_CANDIDATE * per_bucket)
        return tables.probes(radius) if probing < _NS_SCAN_ROW * self._n else None

    def _probe(self, queries: CodeArray, first: int, probes: Probes, radius: int) -> Matches:
        # Imported here: numba takes 0.15 s to import, which commands that never query (most
        # of the CLI) should not pay.
        from unshared.index import kernel

        tables = self._tables
        assert tables is not None
        labels, rows, distances = kernel.probe(
            tables.layout,
            tables.b,
            probes.table,
            probes.mask,
            probes.limit,
            tables.offsets,
            tables.positions,
            tables.nexts,
            words(self._codes),
            words(queries),
            radius,
        )
        return labels + first, rows, distances


def _by_id(ids: IdArray, codes: CodeArray) -> tuple[IdArray, CodeArray]:
    """Rows in ascending id order; copied only if they are not already (bank ids usually are)."""
    if bool(np.all(ids[1:] > ids[:-1])):
        return ids, codes
    order = np.argsort(ids)
    return ids[order], codes[order]


def _with_slack(n: int) -> int:
    return n + max(n // 32, 1 << 14)


def _empty_rows(capacity: int) -> tuple[IdArray, CodeArray]:
    return np.empty(capacity, dtype=np.int64), np.empty((capacity, CODE_BYTES), dtype=np.uint8)


def _check(path: PathLike, params: dict[str, Any], arrays: dict[str, npt.NDArray[Any]]) -> None:
    """Refuse a file whose arrays do not fit together (the CRCs already caught damage)."""
    try:
        ids, codes, dead = arrays["ids"], arrays["codes"], arrays["dead"]
        new_ids, new_codes = arrays["new_ids"], arrays["new_codes"]
        n, b = len(ids), int(params["bits"])
        ok = (
            ids.dtype == dead.dtype == new_ids.dtype == np.int64
            and codes.dtype == new_codes.dtype == np.uint8
            and codes.shape == (n, CODE_BYTES)
            and new_codes.shape == (len(new_ids), CODE_BYTES)
            and bool(np.all(ids[1:] > ids[:-1]))
            and bool(np.all(dead[1:] > dead[:-1]))
            and (len(dead) == 0 or 0 <= dead[0] <= dead[-1] < n)
            and len(np.unique(new_ids)) == len(new_ids)
            and int(params["delta_max"]) >= 1
            and (params["tables"] is None or 2 <= int(params["tables"]) <= 32)
        )
        if ok and ("offsets" in arrays or n):
            offsets, positions = arrays["offsets"], arrays["positions"]
            m = len(offsets)
            ok = (
                2 <= m <= 32
                and 8 <= b <= 24
                and m * b <= CODE_BITS
                and offsets.dtype == positions.dtype == np.uint32
                and offsets.shape == (m, (1 << b) + 1)
                and positions.shape == (m, n)
                and bool(np.all(offsets[:, 0] == 0) and np.all(offsets[:, -1] == n))
                and bool(np.all(offsets[:, 1:] >= offsets[:, :-1]))
                and (n == 0 or int(positions.max()) < n)
                and ("nexts" not in arrays or arrays["nexts"].shape == positions.shape)
                and ("nexts" not in arrays or arrays["nexts"].dtype == np.uint16)
            )
    except (KeyError, TypeError, ValueError):
        ok = False
    if not ok:
        raise CorruptIndex(f"the index at {path} has inconsistent arrays", path=str(path))
