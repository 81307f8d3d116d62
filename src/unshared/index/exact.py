"""MD5 and SHA-256: stored values under int64 ids, found by equality.

Rows are held in ascending id order (``ids``, ``values``), so an id is found by binary search;
``keys`` holds the first 8 bytes of every value as an integer, ascending, and ``by_key`` the row
each key came from, so a value is found by binary search on its key and a comparison of the
whole value (two cryptographic hashes sharing 8 bytes is rare, but is handled). 10 million
SHA-256 values take about 520 MB.

Adds wait in a dict (``pending``) until there are ``delta_max``; then, when their ids are above
every stored id (the usual case) they are spliced into the arrays in O(n), otherwise the arrays
are sorted again. Removed rows are flagged and dropped at the next re-sort.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any, Self

import numpy as np
import numpy.typing as npt

from unshared.errors import InvalidInput
from unshared.index.base import PathLike, refuse_taken, rows_of
from unshared.index.bits import IdArray, as_ids, check_unique
from unshared.index.dead import DeadRows
from unshared.index.files import CorruptIndex, read_index_file, write_index_file

_NO_IDS: IdArray = np.empty(0, dtype=np.int64)
_NO_IDS.flags.writeable = False


class ExactIndex:
    """Values of one fixed width (16 bytes for MD5, 32 for SHA-256) stored under unique ids."""

    kind = "exact"

    def __init__(self, width: int, *, delta_max: int = 65536) -> None:
        if not 8 <= width <= 64 or delta_max < 1:
            raise InvalidInput("width must be 8 to 64 bytes and delta_max positive")
        self.width, self._delta_max = width, delta_max
        self._ids: IdArray = np.empty(0, dtype=np.int64)
        self._values = np.empty((0, width), dtype=np.uint8)
        self._keys = np.empty(0, dtype=np.uint64)
        self._by_key = np.empty(0, dtype=np.int64)
        self._dead = DeadRows()
        self._pending: dict[int, bytes] = {}
        self._pending_by_value: dict[bytes, list[int]] = {}

    def add(self, ids: npt.ArrayLike, values: Sequence[bytes]) -> None:
        """Store ``values`` under ``ids``; ``Conflict`` (adding nothing) if an id is stored."""
        new_ids = as_ids(ids)
        if len(new_ids) != len(values):
            raise InvalidInput("ids and values differ in length", ids=len(new_ids))
        if any(not isinstance(v, bytes) or len(v) != self.width for v in values):
            raise InvalidInput(f"values must be {self.width} bytes each")
        check_unique(new_ids)
        pending = np.array([i in self._pending for i in new_ids.tolist()], dtype=bool)
        refuse_taken(new_ids, (rows_of(self._ids, self._dead, new_ids) >= 0) | pending)
        for i, v in zip(new_ids.tolist(), values, strict=True):
            self._pending[i] = v
            self._pending_by_value.setdefault(v, []).append(i)
        if len(self._pending) >= self._delta_max:
            self.merge()

    def remove(self, ids: npt.ArrayLike) -> int:
        """Forget ``ids``; ids not stored are skipped. Returns how many were removed."""
        gone = np.unique(as_ids(ids))
        rows = rows_of(self._ids, self._dead, gone)
        rows = rows[rows >= 0]
        self._dead.add(rows)
        removed = int(rows.size)
        for i in gone.tolist():
            value = self._pending.pop(i, None)
            if value is not None:
                removed += 1
                same = self._pending_by_value[value]
                same.remove(i)
                if not same:
                    del self._pending_by_value[value]
        if self._dead.count > max(self._delta_max, len(self._ids) // 8):
            self.merge()
        return removed

    def query(self, value: bytes) -> IdArray:
        """Ids stored with exactly ``value``, ascending."""
        if not isinstance(value, bytes) or len(value) != self.width:
            raise InvalidInput(f"a value is {self.width} bytes")
        key = np.uint64(int.from_bytes(value[:8], "big"))  # as ``_keys_of``, for one value
        lo = int(np.searchsorted(self._keys, key, side="left"))
        if (lo == len(self._keys) or self._keys[lo] != key) and value not in self._pending_by_value:
            return _NO_IDS  # nearly every upload: nothing stored shares its first 8 bytes
        hi = int(np.searchsorted(self._keys, key, side="right"))
        rows = self._by_key[lo:hi]
        same = np.all(self._values[rows] == np.frombuffer(value, dtype=np.uint8), axis=1)
        rows = rows[same]
        rows = rows[~self._dead.contains(rows)]
        found = [self._ids[rows], np.array(self._pending_by_value.get(value, []), np.int64)]
        return np.sort(np.concatenate(found))

    def ids(self) -> IdArray:
        live = np.delete(self._ids, self._dead.rows())
        return np.union1d(live, np.fromiter(self._pending, dtype=np.int64))

    def __len__(self) -> int:
        return len(self._ids) - self._dead.count + len(self._pending)

    @property
    def nbytes(self) -> int:
        arrays = (self._ids, self._values, self._keys, self._by_key, self._dead)
        return sum(a.nbytes for a in arrays) + len(self._pending) * (self.width + 8)

    def merge(self) -> None:
        """Fold pending adds and removes into the arrays (done on its own as they pile up)."""
        new_ids = np.fromiter(self._pending, dtype=np.int64, count=len(self._pending))
        order = np.argsort(new_ids)
        new_ids = new_ids[order]
        blob = b"".join(self._pending.values())
        new_values = np.frombuffer(blob, dtype=np.uint8).reshape(-1, self.width)[order]
        n = len(self._ids)
        if self._dead.count or (n and len(new_ids) and new_ids[0] <= self._ids[-1]):
            keep = np.delete(np.arange(n), self._dead.rows())
            ids = np.concatenate([self._ids[keep], new_ids])
            values = np.concatenate([self._values[keep], new_values])
            order = np.argsort(ids)
            self._ids, self._values = ids[order], values[order]
            self._keys = _keys_of(self._values)
            self._by_key = np.argsort(self._keys, kind="stable")
            self._keys = self._keys[self._by_key]
        else:
            # Ids above every stored one: append the rows, splice their keys into key order.
            new_keys = _keys_of(new_values)
            key_order = np.argsort(new_keys, kind="stable")
            at = np.searchsorted(self._keys, new_keys[key_order], side="right")
            self._keys = np.insert(self._keys, at, new_keys[key_order])
            self._by_key = np.insert(self._by_key, at, n + key_order)
            self._ids = np.concatenate([self._ids, new_ids])
            self._values = np.concatenate([self._values, new_values])
        self._dead = DeadRows()
        self._pending.clear()
        self._pending_by_value.clear()

    def save(self, path: PathLike, meta: Mapping[str, Any] | None = None) -> None:
        """Write the index and ``meta`` (plain JSON) atomically; merges pending changes first."""
        self.merge()
        arrays: dict[str, npt.NDArray[Any]] = {
            "ids": self._ids,
            "values": self._values,
            "by_key": self._by_key,
        }
        write_index_file(path, self.kind, {"width": self.width}, arrays, meta)

    @classmethod
    def load(cls, path: PathLike) -> tuple[Self, dict[str, Any]]:
        """The index and its ``meta``; ``CorruptIndex`` if the file is unusable."""
        params, arrays, meta = read_index_file(path, cls.kind)
        try:
            index = cls(int(params["width"]))
            ids, values, by_key = arrays["ids"], arrays["values"], arrays["by_key"]
            n = len(ids)
            ok = (
                ids.dtype == by_key.dtype == np.int64
                and values.dtype == np.uint8
                and values.shape == (n, index.width)
                and by_key.shape == (n,)
                and bool(np.all(ids[1:] > ids[:-1]))
                and np.array_equal(np.sort(by_key), np.arange(n))
            )
        except (KeyError, TypeError, ValueError, InvalidInput):
            ok = False
        if not ok:
            raise CorruptIndex(f"the index at {path} has inconsistent arrays", path=str(path))
        index._ids, index._values, index._by_key = ids, values, by_key
        index._keys = _keys_of(values)[by_key]
        if not bool(np.all(index._keys[1:] >= index._keys[:-1])):
            raise CorruptIndex(f"the index at {path} has inconsistent arrays", path=str(path))
        return index, meta


def _keys_of(values: npt.NDArray[np.uint8]) -> npt.NDArray[np.uint64]:
    """The first 8 bytes of each value as an integer (big-endian, so key order is byte order)."""
    return np.ascontiguousarray(values[:, :8]).view(">u8")[:, 0].astype(np.uint64)
