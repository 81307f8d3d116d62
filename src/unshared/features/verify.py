"""Two images' features -> how many matched keypoints agree on one similarity transform."""

from __future__ import annotations

from dataclasses import dataclass

import cv2
import numpy as np

from unshared.features.extract import Features

#: Inliers needed for a match. Chosen by measurement (docs/accuracy.md): unrelated photo
#: pairs stay far below it, transformed copies far above.
MIN_INLIERS = 15
#: The inliers must also be spread out: the convex hull of their places in the candidate covers
#: at least this share of the square on its longer side. Chance agreements pile up on one spot
#: (many keypoints of one blob, at several scales); a true copy's spread over the picture.
MIN_SPREAD = 0.01
#: ...or, when at least ``STRONG_MUTUAL`` of them are mutual best matches, this tenth of it. A
#: body-swap fake keeps only the top of the photo, and there its inliers often sit on the one
#: textured part (a face, a patterned top): 20-130 inliers, nearly all mutual, over 0.1-0.9% of
#: the square. Chance fits never come near so many mutual matches (at most 8, docs/accuracy.md),
#: wherever they lie, and a pile on one spot covers next to nothing.
MIN_SPREAD_STRONG = 0.001
#: And that many of the inliers must be mutual best matches: the query keypoint's nearest
#: candidate descriptor is that candidate keypoint's nearest query descriptor too. A true copy's
#: inliers nearly all are (at 15-30 inliers, 10 to 30 of them); a chance fit's are not (0 to 7,
#: over every unrelated fit of 8 inliers or more in docs/accuracy.md's study), whatever its size.
MIN_MUTUAL = 10
#: Mutual best matches that let the inliers lie closer together (``MIN_SPREAD_STRONG``).
STRONG_MUTUAL = 2 * MIN_MUTUAL
#: Lowe's ratio test: the best descriptor match must be clearly better than the second best.
RATIO = 0.8
#: RANSAC reprojection error, in units of the longer image side (about 4 px at 400 px).
REPROJECTION = 0.01
#: A copy is not shrunk or enlarged more than this against its original.
MAX_SCALE = 4.0


def ratio_matches(query: Features, candidate: Features, ratio: float = RATIO) -> np.ndarray:
    """(m, 2) index pairs (query, candidate) of descriptor matches passing the ratio test."""
    if len(query) < 2 or len(candidate) < 2:
        return np.zeros((0, 2), np.int64)
    matcher = cv2.BFMatcher(cv2.NORM_HAMMING)
    pairs = []
    for best in matcher.knnMatch(query.descriptors, candidate.descriptors, k=2):
        if len(best) == 2 and best[0].distance < ratio * best[1].distance:
            pairs.append((best[0].queryIdx, best[0].trainIdx))
    return np.array(pairs, dtype=np.int64).reshape(-1, 2)


def mutual(query: Features, candidate: Features, pairs: np.ndarray) -> np.ndarray:
    """Whether each (query, candidate) pair is also the candidate keypoint's best match among
    all of the query's: only the pairs are searched back, not the whole candidate."""
    if not len(pairs):
        return np.zeros(0, bool)
    matcher = cv2.BFMatcher(cv2.NORM_HAMMING)
    back = matcher.match(candidate.descriptors[pairs[:, 1]], query.descriptors)
    best = np.full(len(pairs), -1, np.int64)
    for found in back:
        best[found.queryIdx] = found.trainIdx
    same: np.ndarray = best == pairs[:, 0]
    return same


@dataclass(frozen=True, slots=True)
class Fit:
    """The similarity RANSAC found from a candidate's keypoints to a query's, and its evidence:
    ``pairs`` ratio-test matches, ``inliers`` of them agreeing on the transform, ``mutual`` of
    those being mutual best matches, the ``spread`` of the inliers (convex hull area in the
    candidate, in units of its longer side squared), the ``scale`` and the ``angle`` in degrees."""

    pairs: int = 0
    inliers: int = 0
    mutual: int = 0
    spread: float = 0.0
    scale: float = 0.0
    angle: float = 0.0

    @property
    def plausible(self) -> bool:
        """Everything but the inlier count says "a copy"."""
        return (
            1 / MAX_SCALE <= self.scale <= MAX_SCALE
            and self.mutual >= MIN_MUTUAL
            and (
                self.spread >= MIN_SPREAD
                or (self.mutual >= STRONG_MUTUAL and self.spread >= MIN_SPREAD_STRONG)
            )
        )


def fit(query: Features, candidate: Features) -> Fit:
    """The best similarity (rotation, uniform scale, shift) from ``candidate`` to ``query``."""
    pairs = ratio_matches(query, candidate)
    if len(pairs) < 4:
        return Fit(pairs=len(pairs))
    src = candidate.points[pairs[:, 1]]
    dst = query.points[pairs[:, 0]]
    transform, mask = cv2.estimateAffinePartial2D(
        src,
        dst,
        method=cv2.RANSAC,
        ransacReprojThreshold=REPROJECTION,
        maxIters=2000,
        confidence=0.99,
    )
    if transform is None or mask is None:
        return Fit(pairs=len(pairs))
    agree = mask.ravel().astype(bool)
    inliers = src[agree]
    return Fit(
        pairs=len(pairs),
        inliers=len(inliers),
        mutual=int(np.count_nonzero(mutual(query, candidate, pairs[agree]))),
        spread=float(cv2.contourArea(cv2.convexHull(inliers))) if len(inliers) >= 3 else 0.0,
        scale=float(np.hypot(transform[0, 0], transform[1, 0])),
        angle=float(np.degrees(np.arctan2(transform[1, 0], transform[0, 0]))),
    )


def verify(query: Features, candidate: Features) -> int:
    """The inliers of ``fit``; 0 when the fit is implausible: a scale no copy has, inliers
    mostly not mutual best matches, or huddled on one spot."""
    found = fit(query, candidate)
    return found.inliers if found.plausible else 0
