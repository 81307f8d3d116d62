"""Multi-index hashing tables: where to look for codes near a query without reading them all.

Each of ``m`` tables keys every row by one ``b``-bit substring of its code; the substrings are
disjoint. If a stored code is within ``r`` of the query, it is within ``t_j`` of the query on at
least one substring ``j`` whenever ``sum(t_j + 1) > r`` (pigeonhole: otherwise every substring
would differ by ``t_j + 1`` or more, ``r + 1`` or more in all). So probing, in each table, the
buckets within ``t_j`` flips of the query's substring finds every match; the candidates are then
checked against the full code. ``plan`` picks the ``t_j`` that probe the fewest buckets.

A table is a bucketed array (CSR): ``positions[j]`` holds row numbers grouped by key, and
``offsets[j][key] .. offsets[j][key + 1]`` is the key's slice. Row numbers are uint32, so a table
costs 4 bytes a row plus 4 bytes a bucket. Rows can be inserted and dropped in place, without
sorting again (``merge``).

Beside each row number, ``nexts[j]`` keeps 16 bits of the row's *next* substring (``j + 1``,
cyclically), so most candidates are turned away inside the bucket, before their code is read.
That is exact, by the cycle lemma: let ``u_j = t_j + 1`` (0 for a table not probed); the plan
makes ``sum(u_j) > r``, so for a code within ``r`` the numbers ``u_j - d_j`` (``d_j`` its
distance on substring ``j``) sum to at least 1, and some rotation of them has every partial sum
at least 1 (start just after the last minimum of the prefix sums). The code is found in that
rotation's first table ``j`` (``d_j <= t_j``) and there also ``d_j + d_{j+1} <= u_j + u_{j+1} - 1``:
the bucket probed at ``d_j`` flips keeps only rows whose next 16 bits are within
``u_j + u_{j+1} - 1 - d_j`` of the query's (``Probes.limit``). A random candidate passes about
1 time in 390 at 1M codes; the 16 bits cost 2 bytes a row a table.
"""

from __future__ import annotations

import math
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from functools import cache
from typing import Final

import numpy as np
import numpy.typing as npt

from unshared.index.bits import CODE_BITS, CodeArray, flip_masks, substring

RowArray = npt.NDArray[np.uint32]
_ALL: Final = np.uint64(0xFFFF_FFFF_FFFF_FFFF)


@dataclass(frozen=True, slots=True)
class Probes:
    """The buckets to read for one radius, the same for every query: table, flip mask, base."""

    table: npt.NDArray[np.intp]
    mask: npt.NDArray[np.uint64]
    #: The most a candidate's next 16 bits may differ from the query's (module docstring).
    limit: npt.NDArray[np.uint64]

    def __len__(self) -> int:
        return len(self.table)


@cache
def plan(radius: int, m: int, b: int) -> tuple[int, ...] | None:
    """Flips per table (-1: skip the table) that cover ``radius`` with the fewest probes.

    ``None`` if no choice covers it: the tables cannot help and the caller must scan.
    """
    need = radius + 1
    # best[i][u]: the fewest probes using i tables that give at least u units of (t + 1).
    inf = math.inf
    best = [[0.0] + [inf] * need]
    choice: list[list[int]] = [[-1] * (need + 1)]
    for _ in range(m):
        prev, row, picked = best[-1], [inf] * (need + 1), [-1] * (need + 1)
        for u in range(need + 1):
            row[u], picked[u] = prev[u], -1
            for t in range(min(b, u - 1) + 1 if u else 0):
                cost = prev[max(0, u - t - 1)] + bucket_count(b, t)
                if cost < row[u]:
                    row[u], picked[u] = cost, t
        best.append(row)
        choice.append(picked)
    if best[m][need] == inf:
        return None
    flips, u = [], need
    for i in range(m, 0, -1):
        t = choice[i][u]
        flips.append(t)
        u = max(0, u - t - 1) if t >= 0 else u
    return tuple(sorted(flips, reverse=True))


def substring_bits(n: int, m: int) -> int:
    """About log2(n) bits, so a bucket holds about one row and the bucket starts cost no more
    than the row numbers; at most what ``m`` disjoint substrings of 256 bits allow."""
    return max(8, min(CODE_BITS // m, 24, max(n, 1).bit_length() - 1))


def choose_layout(n: int, radius: int = 31) -> tuple[int, int]:
    """``(m, b)`` for ``n`` rows: the fewest expected memory reads a query at ``radius``, with
    row numbers and bucket starts costing at most 60 bytes a row (plus 16 MB); the next 16 bits
    beside each row number add 2 bytes a row a table.

    A probe reads a bucket start and the bucket's slice of row numbers; each row in it is a
    candidate whose code is read. Many short substrings mean few probes but crowded buckets;
    few long ones the opposite, and long ones cost memory in bucket starts.
    """
    best: tuple[float, int, int] | None = None
    for m in range(8, 17):
        b = substring_bits(n, m)
        flips = plan(radius, m, b)
        if flips is None or m * (4 * n + 4 * (1 << b)) > 60 * n + (16 << 20):
            continue
        probes = sum(bucket_count(b, t) for t in flips if t >= 0)
        reads = probes * (2 + n / (1 << b))
        if best is None or reads < best[0]:
            best = (reads, m, b)
    assert best is not None
    return best[1], best[2]


@cache
def bucket_count(b: int, t: int) -> int:
    """How many ``b``-bit keys lie within ``t`` flips of a key."""
    return sum(math.comb(b, k) for k in range(t + 1))


NextArray = npt.NDArray[np.uint16]
#: Bits of the next substring kept beside each row number.
NEXT_BITS: Final = 16


class SubstringTables:
    """``m`` bucketed tables over disjoint ``b``-bit substrings of the codes, rows ``0 .. n``."""

    def __init__(
        self, b: int, offsets: RowArray, positions: RowArray, nexts: NextArray, n: int
    ) -> None:
        m = offsets.shape[0]
        assert 0 < b <= 32 and m * b <= CODE_BITS
        assert offsets.shape == (m, (1 << b) + 1) and positions.shape[0] == m
        assert nexts.shape == positions.shape
        self.b, self.m, self.n = b, m, n
        self.offsets = offsets
        self.positions = positions
        self.nexts = nexts
        self._probes: dict[int, Probes] = {}
        self._counts: dict[int, int | None] = {}

    @classmethod
    def build(
        cls, codes: CodeArray, m: int, b: int, capacity: int, threads: int
    ) -> SubstringTables:
        n = len(codes)
        offsets = np.empty((m, (1 << b) + 1), dtype=np.uint32)
        positions = np.empty((m, capacity), dtype=np.uint32)

        def fill(j: int) -> None:
            keys = substring(codes, j * b, b).astype(np.uint32)
            positions[j, :n] = np.argsort(keys)
            offsets[j, 0] = 0
            offsets[j, 1:] = np.cumsum(np.bincount(keys, minlength=1 << b))

        with ThreadPoolExecutor(max(1, threads)) as pool:
            list(pool.map(fill, range(m)))
        return cls(b, offsets, positions, next_bits(codes, positions, m, b, threads), n)

    @property
    def nbytes(self) -> int:
        return self.offsets.nbytes + self.positions.nbytes + self.nexts.nbytes

    @property
    def layout(self) -> npt.NDArray[np.uint64]:
        """Where each table's substring lies in a code (``bits.substring``), as numbers for
        compiled code: per table (columns), the word it starts in, the shift, the word of its
        high bits, their shift and mask."""
        return _layout_array(self.m, self.b)

    def probe_count(self, radius: int) -> int | None:
        """Buckets a query reads at ``radius``, or ``None`` if the tables cannot cover it."""
        if radius not in self._counts:
            flips = plan(radius, self.m, self.b)
            count = None if flips is None else sum(bucket_count(self.b, t) for t in flips if t >= 0)
            self._counts[radius] = count
        return self._counts[radius]

    def probes(self, radius: int) -> Probes | None:
        """The buckets that cover ``radius``, or ``None`` if the tables cannot."""
        if radius not in self._probes:
            flips = plan(radius, self.m, self.b)
            if flips is None:
                return None
            used = [(j, t) for j, t in enumerate(flips) if t >= 0]
            masks = [flip_masks(self.b, t) for _, t in used]
            table = np.concatenate(
                [np.full(len(k), j, dtype=np.intp) for (j, _), k in zip(used, masks, strict=True)]
            )
            mask = np.concatenate(masks)
            units = np.array(flips, dtype=np.int64) + 1  # u_j: 0 for a table not probed
            pair = units[table] + units[(table + 1) % self.m] - 1
            flipped = np.unpackbits(mask.view(np.uint8).reshape(-1, 8), axis=1).sum(axis=1)
            self._probes[radius] = Probes(
                table=table, mask=mask, limit=(pair - flipped).astype(np.uint64)
            )
        return self._probes[radius]

    def merge(
        self,
        old_codes: CodeArray,
        dead: npt.NDArray[np.int64],
        remap: RowArray | None,
        new_codes: CodeArray,
        new_rows: RowArray,
        threads: int,
    ) -> None:
        """Drop rows ``dead``, renumber the rest by ``remap``, and insert ``new_codes`` as rows
        ``new_rows``; O(n) a table, no sorting of old rows. ``old_codes`` are rows ``0 .. n``."""
        n_after = self.n - len(dead) + len(new_codes)
        if n_after > self.positions.shape[1]:
            capacity = n_after + max(n_after // 32, 1 << 14)
            grown = np.empty((self.m, capacity), dtype=np.uint32)
            grown[:, : self.n] = self.positions[:, : self.n]
            self.positions = grown
            grown_nexts = np.empty((self.m, capacity), dtype=np.uint16)
            grown_nexts[:, : self.n] = self.nexts[:, : self.n]
            self.nexts = grown_nexts
        alive = None
        if len(dead):
            alive = np.ones(self.n, dtype=bool)
            alive[dead] = False
        dead_codes = old_codes[dead]

        def one(j: int) -> None:
            b, offsets = self.b, self.offsets[j]
            row, after = self.positions[j, : self.n], self.nexts[j, : self.n]
            if alive is not None:
                kept = alive[row]
                row, after = row[kept], after[kept]
                offsets -= _starts_shift(substring(dead_codes, j * b, b), b)
            if remap is not None:
                row = remap[row]
            if len(new_codes):
                keys = substring(new_codes, j * b, b)
                order = np.argsort(keys, kind="stable")
                at = offsets[keys[order].astype(np.intp) + 1].astype(np.intp)
                row = np.insert(row, at, new_rows[order])
                after = np.insert(after, at, _next_of(new_codes, j, self.m, b)[order])
                offsets += _starts_shift(keys, b)
            self.positions[j, :n_after] = row
            self.nexts[j, :n_after] = after

        with ThreadPoolExecutor(max(1, threads)) as pool:
            list(pool.map(one, range(self.m)))
        self.n = n_after


def next_bits(codes: CodeArray, positions: RowArray, m: int, b: int, threads: int) -> NextArray:
    """``nexts`` for tables whose ``positions`` are known: beside each row number, 16 bits of
    that row's next substring (for an index file written before they were kept)."""
    n = len(codes)
    nexts = np.empty(positions.shape, dtype=np.uint16)

    def fill(j: int) -> None:
        nexts[j, :n] = _next_of(codes, j, m, b)[positions[j, :n]]

    with ThreadPoolExecutor(max(1, threads)) as pool:
        list(pool.map(fill, range(m)))
    return nexts


def _next_of(codes: CodeArray, j: int, m: int, b: int) -> NextArray:
    following = substring(codes, ((j + 1) % m) * b, b)
    return (following & np.uint64((1 << NEXT_BITS) - 1)).astype(np.uint16)


def _starts_shift(keys: npt.NDArray[np.uint64], b: int) -> RowArray:
    """How far each bucket start moves when rows with ``keys`` enter (or leave) the table."""
    counts = np.bincount(keys.astype(np.intp), minlength=1 << b)
    shift = np.zeros((1 << b) + 1, dtype=np.uint32)
    shift[1:] = np.cumsum(counts)
    return shift


@cache
def _layout_array(m: int, b: int) -> npt.NDArray[np.uint64]:
    lo_word, shift, hi_word, hi_shift, hi_mask = _layout(m, b)
    return np.stack(
        [lo_word.astype(np.uint64), shift, hi_word.astype(np.uint64), hi_shift, hi_mask]
    )


@cache
def _layout(
    m: int, b: int
) -> tuple[
    npt.NDArray[np.intp],
    npt.NDArray[np.uint64],
    npt.NDArray[np.intp],
    npt.NDArray[np.uint64],
    npt.NDArray[np.uint64],
]:
    """Per table: the word its substring starts in and the shifts that extract it (see
    ``bits.substring``); a substring that spills into the next word takes its high bits there."""
    start = np.arange(m) * b
    lo_word, shift = np.divmod(start, 64)
    spills = shift + b > 64
    hi_word = np.where(spills, lo_word + 1, lo_word)
    hi_shift = np.where(spills, 64 - shift, 0).astype(np.uint64)
    hi_mask = np.where(spills, _ALL, np.uint64(0)).astype(np.uint64)
    return lo_word, shift.astype(np.uint64), hi_word, hi_shift, hi_mask
