"""RGB pixels -> ORB keypoints and descriptors, through OpenCV."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import cv2
import numpy as np

#: Most keypoints kept per registered image.
MAX_KEYPOINTS = 500
#: Most keypoints taken from a query: twice a registration's, so that a copy whose most textured
#: part was replaced (an edit pasting in another picture) still shows enough of the rest.
QUERY_KEYPOINTS = 1000
#: Keypoints are spread over a GRID x GRID grid of the picture, the strongest of each cell first:
#: left to itself ORB spends them all on the busiest part of the picture, which an edit may
#: replace or a crop cut away (docs/accuracy.md measures both).
GRID = 4
#: Candidates detected per keypoint kept, for the grid to choose from.
OVERSAMPLE = 3
#: The longer side is brought to at most this many pixels first: the decode is already reduced
#: (short side 512-1023 for a large photo); this bounds ORB's cost, whatever the photo's size.
MAX_SIDE = 640
#: ...and to at least this many: ORB's patches are 31 pixels across, so a thumbnail (a
#: quarter-size copy of a 500-pixel photo is 125 pixels) is enlarged for it to find its corners.
MIN_SIDE = 400
#: FAST's corner threshold (OpenCV's default is 20); the page's extraction (web/static/features.js)
#: sets the same, with every other constant here.
FAST_THRESHOLD = 10


@dataclass(frozen=True, slots=True, eq=False)
class Features:
    """``points``: (n, 2) float32 keypoint positions divided by the image's longer side (one
    scale for both axes, so a similarity stays a similarity); ``descriptors``: (n, 32) uint8.
    A query's may carry the features of its mirror image too (``mirror``): ORB descriptors do
    not survive a mirror, and no similarity maps a picture onto its mirror image. And those of
    the photo inside it (``inner``), when the frame trimmer found one: in a phone screenshot the
    photo is a third of the screen, and ORB on the whole screen gives it too few keypoints."""

    points: np.ndarray
    descriptors: np.ndarray
    mirror: Features | None = None
    inner: Features | None = None

    def __post_init__(self) -> None:
        if self.points.shape != (len(self.descriptors), 2) or self.descriptors.shape[1:] != (32,):
            raise ValueError("points must be (n, 2) and descriptors (n, 32)")

    def __len__(self) -> int:
        return len(self.descriptors)


def extract(
    rgb: np.ndarray,
    max_keypoints: int = MAX_KEYPOINTS,
    *,
    mirror: bool = False,
    inner: np.ndarray | None = None,
) -> Features:
    """ORB features of an ``(h, w, 3)`` uint8 array; empty for a featureless picture. With
    ``mirror``, those of its mirror image too (a query's, to catch mirrored copies); with
    ``inner`` (a view of the photo inside ``rgb``'s frame), that view's too."""
    grey = cv2.cvtColor(np.ascontiguousarray(rgb), cv2.COLOR_RGB2GRAY)
    features = _orb(grey, max_keypoints)
    if not mirror and inner is None:
        return features
    return Features(
        features.points,
        features.descriptors,
        _orb(cv2.flip(grey, 1), max_keypoints) if mirror else None,
        extract(inner, max_keypoints) if inner is not None else None,
    )


def _orb(grey: np.ndarray, max_keypoints: int) -> Features:
    side = max(grey.shape)
    if not MIN_SIDE <= side <= MAX_SIDE:
        scale = min(max(side, MIN_SIDE), MAX_SIDE) / side
        size = (max(1, round(grey.shape[1] * scale)), max(1, round(grey.shape[0] * scale)))
        shrink = scale < 1
        grey = cv2.resize(grey, size, interpolation=cv2.INTER_AREA if shrink else cv2.INTER_LINEAR)
        side = max(grey.shape)
    orb = cv2.ORB.create(nfeatures=OVERSAMPLE * max_keypoints, fastThreshold=FAST_THRESHOLD)
    # In one fixed order: the detector's depends on its C++ library (the browser's OpenCV, built
    # with another, finds the same keypoints in another order), and the grid breaks ties by it.
    detected = sorted(orb.detect(grey, None), key=lambda k: (k.octave, k.pt[1], k.pt[0]))
    chosen = _spread(detected, grey.shape, max_keypoints)
    keypoints, descriptors = orb.compute(grey, chosen)
    if descriptors is None or not keypoints:
        return Features(np.zeros((0, 2), np.float32), np.zeros((0, 32), np.uint8))
    points = np.array([k.pt for k in keypoints], dtype=np.float32) / np.float32(side)
    return Features(points, np.ascontiguousarray(descriptors, dtype=np.uint8))


def _spread(
    keypoints: Sequence[cv2.KeyPoint], shape: tuple[int, ...], count: int
) -> list[cv2.KeyPoint]:
    """At most ``count`` of ``keypoints``: the strongest ``count / GRID**2`` of each grid cell,
    then the strongest of the rest until ``count``."""
    if len(keypoints) <= count:
        return list(keypoints)
    height, width = shape[:2]
    xy = np.array([k.pt for k in keypoints], dtype=np.float64)
    response = np.array([k.response for k in keypoints])
    col = np.minimum((xy[:, 0] * GRID / width).astype(np.int64), GRID - 1)
    row = np.minimum((xy[:, 1] * GRID / height).astype(np.int64), GRID - 1)
    cell = row * GRID + col
    order = np.lexsort((-response, cell))  # by cell, strongest first within each
    starts = np.searchsorted(cell[order], np.arange(GRID * GRID))
    rank = np.arange(len(order)) - starts[cell[order]]
    chosen = order[rank < count // (GRID * GRID)]
    rest = np.setdiff1d(np.arange(len(keypoints)), chosen)
    rest = rest[np.argsort(-response[rest], kind="stable")][: count - len(chosen)]
    return [keypoints[i] for i in np.sort(np.concatenate([chosen, rest]))]
