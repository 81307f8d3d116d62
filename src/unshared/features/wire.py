"""Local features as a client sends them, checked before anything keeps them.

    {"keypoints": n, "points": hex, "descriptors": hex}

``points`` is the hex of n x 2 little-endian float32 (each keypoint's x, y divided by the longer
side of the picture ORB saw, as ``extract`` makes them: each within [0, 1]); ``descriptors`` the
hex of n x 32 bytes. Hex, like every hash the service takes. The page makes them on the person's
device with the server's own OpenCV (``web/static/features.js``).
"""

from __future__ import annotations

import binascii

import numpy as np

from unshared.errors import MalformedFeatures
from unshared.features.extract import MAX_KEYPOINTS, Features
from unshared.features.verify import MIN_INLIERS

#: Fewer keypoints could never verify a copy (``verify`` needs ``MIN_INLIERS`` of them).
MIN_KEYPOINTS = MIN_INLIERS
_POINT_BYTES = 8
_DESCRIPTOR_BYTES = 32


def features_from_hex(keypoints: int, points: str, descriptors: str) -> Features:
    """The features a client sent, or ``MalformedFeatures`` saying what is wrong with them."""
    if not MIN_KEYPOINTS <= keypoints <= MAX_KEYPOINTS:
        raise MalformedFeatures(
            f"a photo's features hold {MIN_KEYPOINTS} to {MAX_KEYPOINTS} keypoints,"
            f" not {keypoints}",
            keypoints=keypoints,
            least=MIN_KEYPOINTS,
            most=MAX_KEYPOINTS,
        )
    xy = _bytes("points", points, keypoints * _POINT_BYTES)
    bits = _bytes("descriptors", descriptors, keypoints * _DESCRIPTOR_BYTES)
    places = np.frombuffer(xy, dtype="<f4").astype(np.float32).reshape(keypoints, 2)
    if not (np.isfinite(places).all() and (places >= 0).all() and (places <= 1).all()):
        raise MalformedFeatures(
            "every point is a keypoint's x and y divided by the picture's longer side:"
            " a number from 0 to 1"
        )
    described = np.frombuffer(bits, dtype=np.uint8).reshape(keypoints, _DESCRIPTOR_BYTES)
    return Features(places, described.copy())


def features_to_hex(features: Features) -> dict[str, int | str]:
    """``features`` as a client sends them (for tests, and any client written in Python)."""
    return {
        "keypoints": len(features),
        "points": features.points.astype("<f4").tobytes().hex(),
        "descriptors": features.descriptors.tobytes().hex(),
    }


def _bytes(name: str, text: str, size: int) -> bytes:
    if len(text) != 2 * size:
        raise MalformedFeatures(
            f"{name} must be {2 * size} hex digits for these keypoints, not {len(text)}",
            field=name,
            expected=2 * size,
            got=len(text),
        )
    try:
        return binascii.unhexlify(text)
    except (binascii.Error, ValueError):
        raise MalformedFeatures(f"{name} must be hex digits", field=name) from None
