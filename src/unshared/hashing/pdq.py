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


#: Below this short side (in pixels) the 8 variants are hashed from turned pixels rather than
#: derived from one DCT. For small pictures the derived ones drift: on the 97 photos of
#: ../shared/data/photos with a short side under 256, the closest variant of a quarter-turned
#: copy was a median 22 bits from the original's hash and over 31 for 16%, a half-turned one 30
#: bits and 44%; hashed from turned pixels, 0 bits and none. Eight hashes of a small picture
#: cost about 20 ms.
TURN_PIXELS_BELOW = 256


def pdq_dihedral_of_pixels(rgb: np.ndarray) -> tuple[tuple[Pdq, ...], int]:
    """The PDQ hashes of the 8 rotations and flips, and the quality of the picture as it is.

    Order (as Pillow's ``Image.Transpose`` names them): original, ROTATE_90 (anticlockwise),
    ROTATE_180, ROTATE_270, FLIP_TOP_BOTTOM, FLIP_LEFT_RIGHT, TRANSPOSE, TRANSVERSE.
    """
    if min(rgb.shape[:2]) < TURN_PIXELS_BELOW:
        hashed = [pdq_of_pixels(np.ascontiguousarray(view)) for view in _dihedral_views(rgb)]
        return tuple(pdq for pdq, _ in hashed), hashed[0][1]
    return pdq_dihedral_of_dct(rgb)


def pdq_dihedral_of_dct(rgb: np.ndarray) -> tuple[tuple[Pdq, ...], int]:
    """The 8 variants as the reference derives them from one DCT, at any size (what
    ``pdqhash.compute_dihedral`` and the page's ``pdq.js`` compute), and the quality."""
    all_bits, quality = pdqhash.compute_dihedral(np.ascontiguousarray(rgb))
    return tuple(_pack(bits) for bits in all_bits), int(quality)


def _dihedral_views(rgb: np.ndarray) -> tuple[np.ndarray, ...]:
    """The 8 rotations and flips of ``rgb``, in ``pdq_dihedral_of_pixels``'s order."""
    half = np.rot90(rgb, 2)
    return (
        rgb,
        np.rot90(rgb, 1),
        half,
        np.rot90(rgb, 3),
        rgb[::-1],
        rgb[:, ::-1],
        rgb.transpose(1, 0, 2),
        half.transpose(1, 0, 2),
    )
