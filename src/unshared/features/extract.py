"""RGB pixels -> ORB keypoints and descriptors, through OpenCV."""

from __future__ import annotations

from dataclasses import dataclass

import cv2
import numpy as np

#: Most keypoints kept per image: enough for a 20% crop to keep ~100 of them.
MAX_KEYPOINTS = 500
#: The longer side is brought to at most this many pixels first: the decode is already reduced
#: (short side 256-511), this only bounds the cost of odd aspect ratios.
MAX_SIDE = 640


@dataclass(frozen=True, slots=True, eq=False)
class Features:
    """``points``: (n, 2) float32 keypoint positions divided by the image's longer side (one
    scale for both axes, so a similarity stays a similarity); ``descriptors``: (n, 32) uint8."""

    points: np.ndarray
    descriptors: np.ndarray

    def __post_init__(self) -> None:
        if self.points.shape != (len(self.descriptors), 2) or self.descriptors.shape[1:] != (32,):
            raise ValueError("points must be (n, 2) and descriptors (n, 32)")

    def __len__(self) -> int:
        return len(self.descriptors)


def extract(rgb: np.ndarray, max_keypoints: int = MAX_KEYPOINTS) -> Features:
    """ORB features of an ``(h, w, 3)`` uint8 array; empty for a featureless picture."""
    grey = cv2.cvtColor(np.ascontiguousarray(rgb), cv2.COLOR_RGB2GRAY)
    side = max(grey.shape)
    if side > MAX_SIDE:
        scale = MAX_SIDE / side
        size = (max(1, round(grey.shape[1] * scale)), max(1, round(grey.shape[0] * scale)))
        grey = cv2.resize(grey, size, interpolation=cv2.INTER_AREA)
        side = max(grey.shape)
    orb = cv2.ORB.create(nfeatures=max_keypoints, fastThreshold=10)
    keypoints, descriptors = orb.detectAndCompute(grey, None)
    if descriptors is None or not keypoints:
        return Features(np.zeros((0, 2), np.float32), np.zeros((0, 32), np.uint8))
    points = np.array([k.pt for k in keypoints], dtype=np.float32) / np.float32(side)
    return Features(points, np.ascontiguousarray(descriptors, dtype=np.uint8))
