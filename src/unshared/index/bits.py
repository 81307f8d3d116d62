"""Packed PDQ codes as numpy arrays, and the bit arithmetic the indexes share.

A code is 32 bytes (256 bits), held as a row of a ``(n, 32)`` uint8 array. For arithmetic the same
memory is viewed as four uint64 words per row: XOR then popcount gives the Hamming distance.
Nothing here ever turns a code into floats.
"""

from __future__ import annotations

from collections.abc import Iterable
from itertools import combinations
from typing import Any, Final

import numpy as np
import numpy.typing as npt

from unshared.errors import InvalidInput
from unshared.signals import Pdq

CODE_BYTES: Final = 32
CODE_BITS: Final = 8 * CODE_BYTES
WORDS: Final = CODE_BYTES // 8

IdArray = npt.NDArray[np.int64]
CodeArray = npt.NDArray[np.uint8]
WordArray = npt.NDArray[np.uint64]


def pack(pdqs: Iterable[Pdq]) -> CodeArray:
    """PDQ value objects as a ``(n, 32)`` uint8 array, in order."""
    joined = b"".join(p.value for p in pdqs)
    return np.frombuffer(joined, dtype=np.uint8).reshape(-1, CODE_BYTES).copy()


def as_ids(ids: npt.ArrayLike) -> IdArray:
    """A 1-D int64 array of ids; anything else is refused rather than cast."""
    array = np.asarray(ids)
    if array.size == 0:
        return np.empty(0, dtype=np.int64)
    if array.ndim != 1 or array.dtype.kind not in "iu":
        raise InvalidInput("ids must be a 1-D array of integers", shape=list(array.shape))
    if array.dtype == np.uint64 and int(array.max()) > np.iinfo(np.int64).max:
        raise InvalidInput("ids must fit in int64")
    return np.ascontiguousarray(array, dtype=np.int64)


def as_codes(codes: npt.ArrayLike) -> CodeArray:
    """A C-contiguous ``(n, 32)`` uint8 array of packed codes."""
    array = np.asarray(codes)
    if array.dtype != np.uint8 or array.ndim != 2 or array.shape[1] != CODE_BYTES:
        raise InvalidInput(
            f"codes must be a (n, {CODE_BYTES}) uint8 array",
            dtype=str(array.dtype),
            shape=list(array.shape),
        )
    return np.ascontiguousarray(array)


def as_entries(ids: npt.ArrayLike, codes: npt.ArrayLike) -> tuple[IdArray, CodeArray]:
    """Validated ``(ids, codes)`` for an add: as many ids as codes, no id twice."""
    id_array, code_array = as_ids(ids), as_codes(codes)
    if len(id_array) != len(code_array):
        raise InvalidInput(
            "ids and codes differ in length", ids=len(id_array), codes=len(code_array)
        )
    check_unique(id_array)
    return id_array, code_array


def check_radius(radius: Any) -> int:
    if isinstance(radius, bool) or not isinstance(radius, int | np.integer):
        raise InvalidInput("radius must be an integer")
    if not 0 <= radius <= CODE_BITS:
        raise InvalidInput(f"radius must be between 0 and {CODE_BITS}", radius=int(radius))
    return int(radius)


def check_unique(ids: IdArray) -> None:
    if ids.size > 1:
        ordered = np.sort(ids)
        repeated = ordered[1:][ordered[1:] == ordered[:-1]]
        if repeated.size:
            raise InvalidInput("ids repeat within one call", ids=repeated[:10].tolist())


def words(codes: CodeArray) -> WordArray:
    """The ``(n, 4)`` uint64 view of ``(n, 32)`` codes (no copy)."""
    return codes.view(np.uint64)


def popcount_rows(x: WordArray) -> npt.NDArray[np.uint32]:
    """Set bits per row of a ``(..., 4)`` uint64 array: the Hamming distance when x is an XOR."""
    counts = np.bitwise_count(x)  # (..., 4) uint8, each at most 64
    # Summing four bytes through a uint32 view is several times faster than .sum(axis=-1) on
    # short rows. Pairs first, so the largest total (256) never overflows a byte lane.
    v = np.ascontiguousarray(counts).view(np.uint32)[..., 0]
    v = (v & 0x00FF00FF) + ((v >> 8) & 0x00FF00FF)
    return (v & 0xFFFF) + (v >> 16)


def substring(codes: CodeArray, start: int, nbits: int) -> npt.NDArray[np.uint64]:
    """Bits ``start .. start + nbits`` of each code, as integers below ``2**nbits``.

    Bit ``k`` of a code is bit ``k % 64`` of its little-endian 64-bit word ``k // 64``; any fixed
    numbering would do, as long as substrings are disjoint and the same for codes and queries.
    """
    assert 0 < nbits <= 32 and start + nbits <= CODE_BITS
    w = codes.view("<u8")
    word, shift = divmod(start, 64)
    mask = np.uint64((1 << nbits) - 1)
    value = w[:, word] >> np.uint64(shift)
    if shift + nbits > 64:
        value = value | (w[:, word + 1] << np.uint64(64 - shift))
    return value & mask


_FLIP_MASKS: dict[tuple[int, int], npt.NDArray[np.uint64]] = {}


def flip_masks(nbits: int, flips: int) -> npt.NDArray[np.uint64]:
    """Every ``nbits``-bit mask with at most ``flips`` bits set, fewest bits first."""
    key = (nbits, flips)
    if key not in _FLIP_MASKS:
        masks = [
            sum(1 << b for b in chosen)
            for k in range(flips + 1)
            for chosen in combinations(range(nbits), k)
        ]
        _FLIP_MASKS[key] = np.array(masks, dtype=np.uint64)
    return _FLIP_MASKS[key]
