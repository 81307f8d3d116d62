"""The exhaustive scan: the oracle every fast index is tested against, and enough for tiny banks."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Final, Self

import numpy as np
import numpy.typing as npt

from unshared.index.base import HammingIndex, Hits, PathLike, group_hits, refuse_taken
from unshared.index.bits import (
    CODE_BYTES,
    CodeArray,
    IdArray,
    WordArray,
    as_codes,
    as_entries,
    as_ids,
    check_radius,
    popcount_rows,
    words,
)
from unshared.index.files import CorruptIndex, read_index_file, write_index_file

# Rows per block: the XOR temporary (32 bytes a row) stays in the L2 cache.
_ROWS_PER_BLOCK: Final = 1 << 14

Matches = tuple[npt.NDArray[np.int64], npt.NDArray[np.int64], npt.NDArray[np.uint32]]


def scan(queries: WordArray, codes: WordArray, radius: int) -> Matches:
    """Every ``(query row, code row, distance)`` with distance ``<= radius``, by XOR and popcount.

    ``queries`` and ``codes`` are ``(q, 4)`` and ``(n, 4)`` uint64 word views. Matches come in
    query order, then row order.
    """
    n = len(codes)
    block = max(1, min(n, _ROWS_PER_BLOCK))
    flat = codes.reshape(-1)
    xor = np.empty(4 * block, dtype=np.uint64)
    found: list[Matches] = []
    for label, query in enumerate(queries):
        # XOR over flat, equally long arrays: numpy's fast path; (n, 4) ^ (4,) is several times
        # slower, looping over rows of four.
        pattern = np.tile(query, block)
        for c0 in range(0, n, block):
            k = min(block, n - c0)
            np.bitwise_xor(flat[4 * c0 : 4 * (c0 + k)], pattern[: 4 * k], out=xor[: 4 * k])
            distances = popcount_rows(xor[: 4 * k].reshape(k, 4))
            rows = np.flatnonzero(distances <= radius)
            if rows.size:
                found.append((np.full(rows.size, label), rows + c0, distances[rows]))
    if not found:
        return np.empty(0, np.int64), np.empty(0, np.int64), np.empty(0, np.uint32)
    return (
        np.concatenate([f[0] for f in found]),
        np.concatenate([f[1] for f in found]),
        np.concatenate([f[2] for f in found]),
    )


class BruteForceIndex(HammingIndex):
    """Codes in one array, compared with every query. O(n) a query; exact by construction."""

    kind = "brute"

    def __init__(self) -> None:
        self._ids: IdArray = np.empty(0, dtype=np.int64)
        self._codes: CodeArray = np.empty((0, CODE_BYTES), dtype=np.uint8)
        self._n = 0

    def add(self, ids: npt.ArrayLike, codes: npt.ArrayLike) -> None:
        new_ids, new_codes = as_entries(ids, codes)
        refuse_taken(new_ids, np.isin(new_ids, self._ids[: self._n]))
        end = self._n + len(new_ids)
        if end > len(self._ids):
            capacity = max(end, 2 * len(self._ids), 64)
            self._ids = _grown(self._ids, self._n, capacity)
            self._codes = _grown(self._codes, self._n, capacity)
        self._ids[self._n : end] = new_ids
        self._codes[self._n : end] = new_codes
        self._n = end

    def remove(self, ids: npt.ArrayLike) -> int:
        gone = np.isin(self._ids[: self._n], as_ids(ids))
        removed = int(gone.sum())
        if removed:
            keep = ~gone
            n = self._n - removed
            self._ids[:n] = self._ids[: self._n][keep]
            self._codes[:n] = self._codes[: self._n][keep]
            self._n = n
        return removed

    def query(self, codes: npt.ArrayLike, radius: int) -> list[Hits]:
        queries = as_codes(codes)
        r = check_radius(radius)
        labels, rows, distances = scan(words(queries), words(self._codes[: self._n]), r)
        return group_hits(len(queries), labels, self._ids[rows], distances)

    def ids(self) -> IdArray:
        return np.sort(self._ids[: self._n])

    def entries(self) -> tuple[IdArray, CodeArray]:
        """Every stored ``(id, code)``, in the order they were added."""
        return self._ids[: self._n].copy(), self._codes[: self._n].copy()

    def __len__(self) -> int:
        return self._n

    @property
    def nbytes(self) -> int:
        return self._ids.nbytes + self._codes.nbytes

    def save(self, path: PathLike, meta: Mapping[str, Any] | None = None) -> None:
        arrays: dict[str, npt.NDArray[Any]] = {
            "ids": self._ids[: self._n],
            "codes": self._codes[: self._n],
        }
        write_index_file(path, self.kind, {}, arrays, meta)

    @classmethod
    def load(cls, path: PathLike) -> tuple[Self, dict[str, Any]]:
        _, arrays, meta = read_index_file(path, cls.kind)
        ids, codes = arrays.get("ids"), arrays.get("codes")
        if (
            ids is None
            or codes is None
            or ids.dtype != np.int64
            or ids.ndim != 1
            or codes.dtype != np.uint8
            or codes.shape != (len(ids), CODE_BYTES)
            or len(np.unique(ids)) != len(ids)
        ):
            raise CorruptIndex(f"the index at {path} has inconsistent arrays", path=str(path))
        index = cls()
        index._ids, index._codes, index._n = ids, codes, len(ids)
        return index, meta


def _grown(a: npt.NDArray[Any], used: int, capacity: int) -> npt.NDArray[Any]:
    bigger = np.empty((capacity, *a.shape[1:]), dtype=a.dtype)
    bigger[:used] = a[:used]
    return bigger
