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
    ``inner`` (a view of the photo inside ``rgb``'s frame), that view's too. A query's (with
    either) come in rounds over the grid (``_in_rounds``), for the index's first pass."""
    query = mirror or inner is not None
    orb = cv2.ORB.create(nfeatures=OVERSAMPLE * max_keypoints, fastThreshold=FAST_THRESHOLD)
    grey, keypoints, features = _orb(orb, rgb, max_keypoints, query)
    if not query:
        return features
    return Features(
        features.points,
        features.descriptors,
        _mirrored(orb, grey, keypoints) if mirror else None,
        _orb(orb, inner, max_keypoints, True)[2] if inner is not None else None,
    )


def _orb(
    orb: cv2.ORB, rgb: np.ndarray, max_keypoints: int, rounds: bool
) -> tuple[np.ndarray, Sequence[cv2.KeyPoint], Features]:
    """The grey picture ORB saw, its keypoints and its features (in rounds with ``rounds``)."""
    grey = _sized(cv2.cvtColor(np.ascontiguousarray(rgb), cv2.COLOR_RGB2GRAY))
    found, described = orb.compute(grey, _detected(orb, grey, max_keypoints))
    keypoints: Sequence[cv2.KeyPoint] = found
    descriptors: np.ndarray | None = None if described is None else np.asarray(described)
    if rounds:
        keypoints, descriptors = _in_rounds(keypoints, descriptors, grey.shape)
    return grey, keypoints, _features(keypoints, descriptors, grey.shape)


def _sized(grey: np.ndarray) -> np.ndarray:
    """``grey`` with its longer side brought within ``MIN_SIDE`` to ``MAX_SIDE``."""
    side = max(grey.shape)
    if MIN_SIDE <= side <= MAX_SIDE:
        return grey
    scale = min(max(side, MIN_SIDE), MAX_SIDE) / side
    size = (max(1, round(grey.shape[1] * scale)), max(1, round(grey.shape[0] * scale)))
    shrink = scale < 1
    return cv2.resize(grey, size, interpolation=cv2.INTER_AREA if shrink else cv2.INTER_LINEAR)


def _detected(orb: cv2.ORB, grey: np.ndarray, max_keypoints: int) -> list[cv2.KeyPoint]:
    """The keypoints ORB detects, at most ``max_keypoints`` of them spread over the grid."""
    detected = orb.detect(grey, None)
    if not detected:
        return []
    xy = _places(detected)
    octave = np.array([k.octave for k in detected])
    # In one fixed order: the detector's depends on its C++ library (the browser's OpenCV, built
    # with another, finds the same keypoints in another order), and the grid breaks ties by it.
    order = np.lexsort((xy[:, 0], xy[:, 1], octave))
    response = np.array([k.response for k in detected], np.float32)[order]
    kept = _spread_order(xy[order], response, grey.shape, max_keypoints)
    return [detected[i] for i in order[kept].tolist()]


def _in_rounds(
    keypoints: Sequence[cv2.KeyPoint], descriptors: np.ndarray | None, shape: tuple[int, ...]
) -> tuple[Sequence[cv2.KeyPoint], np.ndarray | None]:
    """``keypoints`` and their descriptors in rounds: the strongest of each grid cell, then the
    second strongest of each, and so on; so that the first of them, whatever their number, are
    spread over the picture and are its strongest there (a query's first pass searches those)."""
    if descriptors is None or not keypoints:
        return keypoints, descriptors
    response = np.array([k.response for k in keypoints], np.float32)
    cell, rank = _cell_ranks(_places(keypoints), response, shape)
    rounds = np.lexsort((cell, rank))
    return [keypoints[i] for i in rounds.tolist()], descriptors[rounds]


def _mirrored(orb: cv2.ORB, grey: np.ndarray, keypoints: Sequence[cv2.KeyPoint]) -> Features:
    """The features of ``grey``'s mirror image at the mirror images of ``keypoints``.

    What ORB would detect there: FAST and the Harris score are the same on a mirrored patch,
    each pyramid level of the flipped picture is the flipped level (OpenCV's resize maps pixel
    centres, symmetrically), and the patch's orientation (the direction of its intensity
    centroid) is mirrored, 180 degrees less it. Only the descriptors are computed again: 2-3 ms,
    where detecting again took 11 (docs/accuracy.md)."""
    if not keypoints:
        return _features([], None, grey.shape)
    # A keypoint is found at whole pixels of its level and kept at level-0 coordinates.
    scale = orb.getScaleFactor() ** np.array([k.octave for k in keypoints], np.float64)
    level_width = np.round(grey.shape[1] / scale)
    x = (level_width - 1) * scale - _places(keypoints)[:, 0]
    angle = (180.0 - np.array([k.angle for k in keypoints], np.float64)) % 360.0
    for keypoint, at, towards in zip(keypoints, x.tolist(), angle.tolist(), strict=True):
        keypoint.pt = (at, keypoint.pt[1])  # in place: made for this query, read no more
        keypoint.angle = towards
    mirrored, descriptors = orb.compute(cv2.flip(grey, 1), keypoints)
    described = None if descriptors is None else np.asarray(descriptors)
    return _features(*_in_rounds(mirrored, described, grey.shape), grey.shape)


def _places(keypoints: Sequence[cv2.KeyPoint]) -> np.ndarray:
    """(n, 2) float32 places of ``keypoints``, in one call."""
    return np.asarray(cv2.KeyPoint.convert(keypoints), np.float32).reshape(-1, 2)


def _features(
    keypoints: Sequence[cv2.KeyPoint], descriptors: np.ndarray | None, shape: tuple[int, ...]
) -> Features:
    if descriptors is None or not keypoints:
        return Features(np.zeros((0, 2), np.float32), np.zeros((0, 32), np.uint8))
    points = _places(keypoints) / np.float32(max(shape))
    return Features(points, np.ascontiguousarray(descriptors, dtype=np.uint8))


def _spread(
    keypoints: Sequence[cv2.KeyPoint], shape: tuple[int, ...], count: int
) -> list[cv2.KeyPoint]:
    """At most ``count`` of ``keypoints``: the strongest ``count / GRID**2`` of each grid cell,
    then the strongest of the rest until ``count``."""
    if len(keypoints) <= count:
        return list(keypoints)
    xy = np.array([k.pt for k in keypoints], dtype=np.float32)
    response = np.array([k.response for k in keypoints], np.float32)
    return [keypoints[i] for i in _spread_order(xy, response, shape, count)]


def _spread_order(
    xy: np.ndarray, response: np.ndarray, shape: tuple[int, ...], count: int
) -> np.ndarray:
    """``_spread`` on the keypoints' places and responses: the indices of those kept, in order."""
    if len(xy) <= count:
        return np.arange(len(xy))
    _, rank = _cell_ranks(xy, response, shape)
    taken = rank < count // (GRID * GRID)
    rest = np.flatnonzero(~taken)
    taken[rest[np.argsort(-response[rest], kind="stable")][: count - np.count_nonzero(taken)]] = (
        True
    )
    kept: np.ndarray = np.flatnonzero(taken)
    return kept


def _cell_ranks(
    xy: np.ndarray, response: np.ndarray, shape: tuple[int, ...]
) -> tuple[np.ndarray, np.ndarray]:
    """Each keypoint's grid cell, and its rank there by response (0: the strongest; ties to the
    earlier keypoint)."""
    height, width = shape[:2]
    places = xy.astype(np.float64)
    col = np.minimum((places[:, 0] * GRID / width).astype(np.int64), GRID - 1)
    row = np.minimum((places[:, 1] * GRID / height).astype(np.int64), GRID - 1)
    cell = row * GRID + col
    order = np.lexsort((-response, cell))  # by cell, strongest first within each
    starts = np.searchsorted(cell[order], np.arange(GRID * GRID))
    rank = np.empty(len(order), np.int64)
    rank[order] = np.arange(len(order)) - starts[cell[order]]
    return cell, rank
