"""One index per signal type, made from what the type declares (``Signal.index_kind``).

    SignalIndex      a type's values under entry ids: add, remove, query -> Hits, save, load
    ├── ByDistance   ``hamming`` types: a ``MihIndex``; values narrower than 256 bits are
    │                zero-padded, which keeps every distance (the padded bits always agree)
    ├── ByValue      ``exact`` types: an ``ExactIndex``; every hit is at distance 0
    └── ByFrames     ``frames`` types (vPDQ): each frame in a ``MihIndex`` (``index.frames``)

``index_for`` and ``load_index_for`` pick the class from the type, so the live index and the
matcher hold one per registered type and never name one (docs/index.md, "Adding a signal type").
"""

from __future__ import annotations

import abc
from collections.abc import Mapping, Sequence
from typing import Any

import numpy as np

from unshared.index import CorruptIndex, load_hamming_index
from unshared.index.base import HammingIndex, Hits, PathLike
from unshared.index.bits import CODE_BITS, CODE_BYTES, CodeArray, IdArray
from unshared.index.exact import ExactIndex
from unshared.index.mih import MihIndex
from unshared.signals import Signal

_NO_IDS = np.empty(0, dtype=np.int64)
_NO_DISTANCES = np.empty(0, dtype=np.int32)


class SignalIndex(abc.ABC):
    """The values of one signal type, stored under entry ids."""

    def __init__(self, signal_type: type[Signal]) -> None:
        self.signal_type = signal_type

    @abc.abstractmethod
    def add(self, ids: IdArray, values: Sequence[bytes]) -> None:
        """Store ``values`` under ``ids``; ``Conflict`` (adding nothing) if an id is stored."""

    @abc.abstractmethod
    def remove(self, ids: IdArray) -> int: ...

    @abc.abstractmethod
    def query(self, values: Sequence[bytes], radius: int) -> list[Hits]:
        """For each value, the stored ones within ``radius`` (ignored by exact types)."""

    @abc.abstractmethod
    def __len__(self) -> int: ...

    @abc.abstractmethod
    def save(self, path: PathLike, meta: Mapping[str, Any]) -> None: ...

    def warm(self) -> None:
        """Run one query, so what a first query would load or compile is ready."""
        self.query([bytes(self.signal_type.nbytes)], self.signal_type.DEFAULT_THRESHOLD)


class ByDistance(SignalIndex):
    def __init__(self, signal_type: type[Signal], index: HammingIndex | None = None) -> None:
        super().__init__(signal_type)
        if signal_type.nbytes > CODE_BYTES:
            raise ValueError(
                f"{signal_type.name}: Hamming indexes hold up to {CODE_BITS} bits,"
                f" not {signal_type.bits()}"
            )
        # MihIndex scans while it is small and builds its tables as it grows from the feed.
        self.index = index if index is not None else MihIndex()
        self._padding = bytes(CODE_BYTES - signal_type.nbytes)

    def _codes(self, values: Sequence[bytes]) -> CodeArray:
        joined = b"".join(v + self._padding for v in values)
        return np.frombuffer(joined, np.uint8).reshape(-1, CODE_BYTES)

    def add(self, ids: IdArray, values: Sequence[bytes]) -> None:
        self.index.add(ids, self._codes(values))

    def remove(self, ids: IdArray) -> int:
        return self.index.remove(ids)

    def query(self, values: Sequence[bytes], radius: int) -> list[Hits]:
        return self.index.query(self._codes(values), radius)

    def warm(self) -> None:
        super().warm()
        if isinstance(self.index, MihIndex):
            self.index.warm()

    def __len__(self) -> int:
        return len(self.index)

    def save(self, path: PathLike, meta: Mapping[str, Any]) -> None:
        self.index.save(path, meta)


class ByValue(SignalIndex):
    def __init__(self, signal_type: type[Signal], index: ExactIndex | None = None) -> None:
        super().__init__(signal_type)
        self.index = index if index is not None else ExactIndex(signal_type.nbytes)

    def add(self, ids: IdArray, values: Sequence[bytes]) -> None:
        self.index.add(ids, values)

    def remove(self, ids: IdArray) -> int:
        return self.index.remove(ids)

    def query(self, values: Sequence[bytes], radius: int) -> list[Hits]:
        if not len(self.index):
            return [Hits(_NO_IDS, _NO_DISTANCES) for _ in values]
        out = []
        for value in values:
            ids = self.index.query(value)
            out.append(Hits(ids, np.zeros(len(ids), dtype=np.int32)))
        return out

    def __len__(self) -> int:
        return len(self.index)

    def save(self, path: PathLike, meta: Mapping[str, Any]) -> None:
        self.index.save(path, meta)


def index_for(signal_type: type[Signal]) -> SignalIndex:
    """An empty index of the kind ``signal_type`` declares."""
    if signal_type.index_kind == "hamming":
        return ByDistance(signal_type)
    if signal_type.index_kind == "frames":
        from unshared.index.frames import ByFrames  # it builds on this module

        return ByFrames(signal_type)
    return ByValue(signal_type)


def load_index_for(signal_type: type[Signal], path: PathLike) -> tuple[SignalIndex, dict[str, Any]]:
    """The index of ``signal_type`` saved at ``path``, and its meta; ``CorruptIndex`` or
    ``NotFound`` if it cannot be used."""
    if signal_type.index_kind == "hamming":
        hamming, meta = load_hamming_index(path)
        return ByDistance(signal_type, hamming), meta
    if signal_type.index_kind == "frames":
        from unshared.index.frames import ByFrames

        return ByFrames.load(signal_type, path)
    exact, meta = ExactIndex.load(path)
    if exact.width != signal_type.nbytes:
        raise CorruptIndex(f"the index at {path} is not of {signal_type.name} values")
    return ByValue(signal_type, exact), meta
