"""RGB pixels -> PDQ, through the ``pdqhash`` binding of Meta's C++ reference."""

from __future__ import annotations

import numpy as np
import pdqhash

from unshared.signals import Pdq


def _pack(bits: np.ndarray) -> Pdq:
    # pdqhash gives 256 bits, most significant first, in the order of the reference hex.
    return Pdq(np.packbits(np.asarray(bits, dtype=np.uint8)).tobytes())


def pdq_of_pixels(rgb: np.ndarray) -> tuple[Pdq, int]:
    """PDQ hash and quality (0-100) of an ``(h, w, 3)`` uint8 array."""
    bits, quality = pdqhash.compute(np.ascontiguousarray(rgb))
    return _pack(bits), int(quality)


def pdq_dihedral_of_pixels(rgb: np.ndarray) -> tuple[tuple[Pdq, ...], int]:
    """The PDQ hashes of the 8 rotations and flips, from one DCT, and the quality.

    Order (as Pillow's ``Image.Transpose`` names them): original, ROTATE_90 (anticlockwise),
    ROTATE_180, ROTATE_270, FLIP_TOP_BOTTOM, FLIP_LEFT_RIGHT, TRANSPOSE, TRANSVERSE.
    """
    all_bits, quality = pdqhash.compute_dihedral(np.ascontiguousarray(rgb))
    return tuple(_pack(bits) for bits in all_bits), int(quality)
