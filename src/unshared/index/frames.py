"""The index of a ``frames`` signal type (vPDQ): every frame of every video, by Hamming distance.

Each frame's PDQ goes into one ``MihIndex`` under the id ``entry_id << FRAME_BITS | k`` (``k``:
the frame's place in its video's value), so a frame hit leads back to its video's entry, and a
video is removed with its frames. A query gives, for each queried video, the entries with any
frame within the radius, at the smallest frame distance: the candidates. Whether a candidate
matches (the share of frames each way) is the type's ``judge``, per bank, in the match policy.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

import numpy as np

from unshared.errors import Conflict
from unshared.index import load_hamming_index
from unshared.index.base import HammingIndex, Hits, PathLike
from unshared.index.bits import CODE_BYTES, IdArray
from unshared.index.mih import MihIndex
from unshared.index.typed import SignalIndex
from unshared.signals import Signal

#: Low bits of a frame's id that number it within its video (so at most 2**13 frames a video).
FRAME_BITS = 13
_FRAME_MASK = (1 << FRAME_BITS) - 1


class ByFrames(SignalIndex):
    def __init__(self, signal_type: type[Signal], index: HammingIndex | None = None) -> None:
        super().__init__(signal_type)
        if signal_type.nbytes != CODE_BYTES:
            raise ValueError(f"{signal_type.name}: frames are {CODE_BYTES}-byte codes")
        self.index = index if index is not None else MihIndex()
        # Frames per video entry: what ``remove`` takes out.
        self._frames: dict[int, int] = {}
        if len(self.index):
            ids, counts = np.unique(self.index.ids() >> FRAME_BITS, return_counts=True)
            self._frames = dict(zip(ids.tolist(), counts.tolist(), strict=True))

    def add(self, ids: IdArray, values: Sequence[bytes]) -> None:
        taken = [int(i) for i in ids if int(i) in self._frames]
        if taken:
            raise Conflict("entry ids already in the index", ids=taken[:10])
        frame_ids: list[np.ndarray] = []
        for entry_id, value in zip(ids, values, strict=True):
            n = len(value) // CODE_BYTES
            if n > _FRAME_MASK + 1:
                raise ValueError(f"a {self.signal_type.name} value of {n} frames is too long")
            frame_ids.append((int(entry_id) << FRAME_BITS) + np.arange(n, dtype=np.int64))
        if not frame_ids:
            return
        codes = np.frombuffer(b"".join(values), np.uint8).reshape(-1, CODE_BYTES)
        self.index.add(np.concatenate(frame_ids), codes)
        for entry_id, value in zip(ids, values, strict=True):
            self._frames[int(entry_id)] = len(value) // CODE_BYTES

    def remove(self, ids: IdArray) -> int:
        gone = [int(i) for i in ids if int(i) in self._frames]
        if not gone:
            return 0
        self.index.remove(
            np.concatenate(
                [(i << FRAME_BITS) + np.arange(self._frames[i], dtype=np.int64) for i in gone]
            )
        )
        for i in gone:
            del self._frames[i]
        return len(gone)

    def query(self, values: Sequence[bytes], radius: int) -> list[Hits]:
        out = []
        for value in values:
            codes = np.frombuffer(value, np.uint8).reshape(-1, CODE_BYTES)
            per_frame = self.index.query(codes, radius)
            ids = np.concatenate([h.ids for h in per_frame]) >> FRAME_BITS
            distances = np.concatenate([h.distances for h in per_frame])
            order = np.lexsort((distances, ids))
            ids, distances = ids[order], distances[order]
            first = np.ones(len(ids), dtype=bool)
            first[1:] = ids[1:] != ids[:-1]
            out.append(Hits(ids[first], distances[first].astype(np.int32)))
        return out

    def warm(self) -> None:
        super().warm()
        if isinstance(self.index, MihIndex):
            self.index.warm()

    def __len__(self) -> int:
        return len(self._frames)

    def save(self, path: PathLike, meta: Mapping[str, Any]) -> None:
        self.index.save(path, meta)

    @classmethod
    def load(cls, signal_type: type[Signal], path: PathLike) -> tuple[ByFrames, dict[str, Any]]:
        index, meta = load_hamming_index(path)
        return cls(signal_type, index), meta


__all__ = ["FRAME_BITS", "ByFrames"]
