"""Removed rows not yet dropped from an index's arrays: one bit a row.

A removal flags its row in O(1) and queries test their few survivors against the flags; the
rows themselves go at the next renumbering merge. A bitset keeps that O(1) however many pile
up, for 1.25 MB at 10M rows.
"""

from __future__ import annotations

from typing import Any

import numpy as np
import numpy.typing as npt

from unshared.index.bits import IdArray


class DeadRows:
    def __init__(self, capacity: int = 0) -> None:
        self._bits = np.zeros(_bytes_for(capacity), dtype=np.uint8)
        self.count = 0

    @classmethod
    def of(cls, rows: IdArray, capacity: int) -> DeadRows:
        dead = cls(capacity)
        dead.add(rows)
        return dead

    def add(self, rows: IdArray) -> None:
        """Flag ``rows``, which must be distinct and not flagged yet."""
        if len(rows):
            self.reserve(int(rows.max()) + 1)
            # .at, not fancy assignment: two rows may share a byte.
            np.bitwise_or.at(self._bits, rows >> 3, np.left_shift(1, rows & 7).astype(np.uint8))
            self.count += len(rows)

    def contains(self, rows: npt.NDArray[np.integer[Any]]) -> npt.NDArray[np.bool_]:
        found = np.zeros(len(rows), dtype=bool)
        if self.count:
            at = rows.astype(np.int64, copy=False)
            inside = np.flatnonzero(at < 8 * len(self._bits))
            at = at[inside]
            found[inside] = (self._bits[at >> 3] >> (at & 7).astype(np.uint8)) & 1 == 1
        return found

    def rows(self) -> IdArray:
        """The flagged rows, ascending."""
        if self.count == 0:
            return np.empty(0, dtype=np.int64)
        return np.flatnonzero(np.unpackbits(self._bits, bitorder="little")).astype(np.int64)

    def reserve(self, capacity: int) -> None:
        if _bytes_for(capacity) > len(self._bits):
            grown = np.zeros(_bytes_for(capacity), dtype=np.uint8)
            grown[: len(self._bits)] = self._bits
            self._bits = grown

    @property
    def nbytes(self) -> int:
        return self._bits.nbytes


def _bytes_for(rows: int) -> int:
    return (rows + 7) // 8
