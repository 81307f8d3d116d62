"""Indexes: find stored hashes near a query. PDQ by Hamming radius, MD5 and SHA-256 exactly.

    HammingIndex          the interface: add, remove, query, save, load
    ├── BruteForceIndex   a numpy scan; the oracle in tests, and fine for tiny banks
    └── MihIndex          multi-index hashing; exact, in place, 10M codes in under 1 GB
    ExactIndex            MD5 / SHA-256 equality

``make_hamming_index`` picks by expected size; ``load_hamming_index`` reads either back.
"""

from __future__ import annotations

import os
from typing import Any

from unshared.index.base import HammingIndex, Hits
from unshared.index.bits import CODE_BYTES, pack
from unshared.index.brute import BruteForceIndex
from unshared.index.exact import ExactIndex
from unshared.index.files import CorruptIndex, read_index_kind
from unshared.index.mih import MihIndex

#: Up to this many codes a scan takes about 0.1 ms a query and needs no tables.
BRUTE_FORCE_MAX = 20_000

_HAMMING_KINDS: dict[str, type[HammingIndex]] = {
    BruteForceIndex.kind: BruteForceIndex,
    MihIndex.kind: MihIndex,
}


def make_hamming_index(n_expected: int) -> HammingIndex:
    """An empty PDQ index suited to about ``n_expected`` codes.

    A brute-force index does not turn itself into a ``MihIndex`` as it grows (a scan of 1M codes
    takes about 6 ms): for a bank expected to grow, ask for its expected size, or a ``MihIndex``,
    which scans while small anyway. ``load_hamming_index`` swaps one that has outgrown its kind.
    """
    return BruteForceIndex() if n_expected <= BRUTE_FORCE_MAX else MihIndex()


def load_hamming_index(path: str | os.PathLike[str]) -> tuple[HammingIndex, dict[str, Any]]:
    """Whichever PDQ index was saved at ``path``, and its meta; ``CorruptIndex`` if unusable."""
    kind = read_index_kind(path)
    if kind not in _HAMMING_KINDS:
        raise CorruptIndex(
            f"the index at {path} is a {kind!r} index, not a PDQ one", path=str(path)
        )
    index, meta = _HAMMING_KINDS[kind].load(path)
    if isinstance(index, BruteForceIndex) and len(index) > BRUTE_FORCE_MAX:
        grown = MihIndex()
        grown.add(*index.entries())
        return grown, meta
    return index, meta


__all__ = [
    "BRUTE_FORCE_MAX",
    "CODE_BYTES",
    "BruteForceIndex",
    "CorruptIndex",
    "ExactIndex",
    "HammingIndex",
    "Hits",
    "MihIndex",
    "load_hamming_index",
    "make_hamming_index",
    "pack",
]
