"""Image bytes -> signals. Runs on a person's own device and in every platform's upload path.

Pillow, numpy and pdqhash only: no paths in the core (callers read files), no network.
"""

from __future__ import annotations

import numpy as np

from unshared.errors import LowQuality
from unshared.hashing.decode import FORMATS, Limits, decode_for_pdq
from unshared.hashing.pdq import pdq_dihedral_of_pixels, pdq_of_pixels
from unshared.signals import Md5, Pdq, Sha256, SignalSet

__all__ = ["FORMATS", "Limits", "hash_bytes", "hash_pixels"]


def hash_bytes(
    data: bytes,
    *,
    limits: Limits = Limits(),
    min_quality: int = Pdq.DEFAULT_MIN_QUALITY,
    dihedral: bool = False,
) -> SignalSet:
    """PDQ (with quality), MD5 and SHA-256 of one image file's bytes.

    Raises ``LowQuality`` (carrying the quality and the exact hashes) when the PDQ quality is under
    ``min_quality``; pass ``min_quality=0`` to get every hash regardless.
    With ``dihedral=True`` the result also holds the PDQ of the 8 rotations and flips.
    """
    return hash_pixels(
        data, decode_for_pdq(data, limits), min_quality=min_quality, dihedral=dihedral
    )


def hash_pixels(
    data: bytes,
    rgb: np.ndarray,
    *,
    min_quality: int = Pdq.DEFAULT_MIN_QUALITY,
    dihedral: bool = False,
) -> SignalSet:
    """``hash_bytes`` for a caller that also needs the pixels: ``rgb`` is ``data`` decoded by
    ``decode_for_pdq``."""
    if dihedral:
        variants, quality = pdq_dihedral_of_pixels(rgb)
        pdq = variants[0]
    else:
        (pdq, quality), variants = pdq_of_pixels(rgb), ()
    md5, sha256 = Md5.of(data), Sha256.of(data)
    if quality < min_quality:
        raise LowQuality(
            f"the picture is too plain for a reliable perceptual hash"
            f" (PDQ quality {quality}, at least {min_quality} needed)",
            quality=quality,
            threshold=min_quality,
            pdq=pdq.hex,
            md5=md5.hex,
            sha256=sha256.hex,
        )
    return SignalSet(pdq=pdq, quality=quality, md5=md5, sha256=sha256, pdq_dihedral=variants)
