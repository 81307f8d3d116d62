"""The one interface every PDQ (Hamming) index keeps, and the shape of its answers."""

from __future__ import annotations

import abc
import os
from collections.abc import Mapping
from typing import Any, ClassVar, NamedTuple, Self

import numpy as np
import numpy.typing as npt

from unshared.errors import Conflict
from unshared.index.bits import IdArray
from unshared.index.dead import DeadRows

PathLike = str | os.PathLike[str]


class Hits(NamedTuple):
    """What one query found: ids and their distances, nearest first, equal distances by id."""

    ids: IdArray
    distances: npt.NDArray[np.int32]


class HammingIndex(abc.ABC):
    """Packed 256-bit codes stored under int64 ids and found by Hamming radius.

    Ids are unique within an index; one code may be stored under many ids. Every implementation
    answers exactly: all stored codes within the radius, and nothing else. Adds and removes change
    the live index in place. Queries may run together; a write must not overlap anything else.
    """

    #: Names the implementation in saved files, so a file is loaded by the class that wrote it.
    kind: ClassVar[str]

    @abc.abstractmethod
    def add(self, ids: npt.ArrayLike, codes: npt.ArrayLike) -> None:
        """Store ``codes`` (a ``(n, 32)`` uint8 array) under ``ids`` (n int64).

        Raises ``InvalidInput`` for malformed arrays or ids repeated in the call, and ``Conflict``
        (adding nothing) when an id is already stored.
        """

    @abc.abstractmethod
    def remove(self, ids: npt.ArrayLike) -> int:
        """Forget ``ids``; ids not stored are skipped. Returns how many were removed."""

    @abc.abstractmethod
    def query(self, codes: npt.ArrayLike, radius: int) -> list[Hits]:
        """For each query code, every stored code at Hamming distance ``<= radius`` (0-256)."""

    @abc.abstractmethod
    def ids(self) -> IdArray:
        """Every stored id, ascending."""

    @abc.abstractmethod
    def __len__(self) -> int: ...

    @property
    @abc.abstractmethod
    def nbytes(self) -> int:
        """Bytes held by the index's arrays."""

    @abc.abstractmethod
    def save(self, path: PathLike, meta: Mapping[str, Any] | None = None) -> None:
        """Write the index and ``meta`` (plain JSON, e.g. the bank's feed sequence) atomically."""

    @classmethod
    @abc.abstractmethod
    def load(cls, path: PathLike) -> tuple[Self, dict[str, Any]]:
        """The index and its ``meta`` from ``save``; ``CorruptIndex`` if the file is unusable."""


def group_hits(
    n_queries: int,
    labels: npt.NDArray[np.integer[Any]],
    ids: IdArray,
    distances: npt.NDArray[np.integer[Any]],
) -> list[Hits]:
    """Split flat ``(query label, id, distance)`` matches into one sorted ``Hits`` per query."""
    if n_queries == 0:
        return []
    if len(labels) == 0:  # most queries: an upload that matches nothing
        none = Hits(ids[:0], distances[:0].astype(np.int32))
        return [none] * n_queries
    order = np.lexsort((ids, distances, labels))
    labels = labels[order]
    cuts = np.searchsorted(labels, np.arange(1, n_queries))
    split_ids = np.split(ids[order], cuts)
    split_distances = np.split(distances[order].astype(np.int32), cuts)
    return [Hits(i, d) for i, d in zip(split_ids, split_distances, strict=True)]


def refuse_taken(ids: IdArray, taken: npt.NDArray[np.bool_]) -> None:
    """Raise ``Conflict`` naming the ids flagged in ``taken``, if any."""
    if taken.any():
        raise Conflict("ids are already in the index", ids=ids[taken][:10].tolist())


def rows_of(stored: IdArray, dead: DeadRows, ids: IdArray) -> IdArray:
    """The row of each id in ``stored`` (ascending ids) unless the row is ``dead``; else -1."""
    n = len(stored)
    if n == 0:
        return np.full(len(ids), -1, dtype=np.int64)
    at = np.minimum(np.searchsorted(stored, ids), n - 1)
    found = stored[at] == ids
    found &= ~dead.contains(at)
    return np.where(found, at, -1)
