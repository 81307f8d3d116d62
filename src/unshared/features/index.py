"""Many images' ORB descriptors -> candidate images for a query's descriptors, by votes.

Exact 2-NN search over every stored descriptor with faiss's ``IndexBinaryFlat`` (a SIMD Hamming
scan). At 500 descriptors per photo that is fine up to a few million descriptors (several
thousand protected photos, a few ms per query); past that, an IVF binary index would take over
behind the same methods.

The index holds each image's features (points and descriptors), because verification needs the
candidate's keypoint positions; it is saved as one ``.npz`` file, written to a temporary file
and moved into place, so a crash never leaves half an index.
"""

from __future__ import annotations

import os
import tempfile
from collections import Counter
from pathlib import Path

import faiss
import numpy as np

from unshared.features.extract import Features
from unshared.features.verify import MIN_INLIERS, RATIO, verify

#: Candidates (by votes) verified geometrically per query; each costs a few ms.
MAX_CANDIDATES = 5
#: A descriptor match farther than this (of 256 bits) is noise, whatever the ratio test says.
MAX_DISTANCE = 64
FILE_NAME = "features.npz"


class FeatureIndex:
    def __init__(self) -> None:
        self._features: dict[int, Features] = {}
        self._faiss: faiss.IndexBinaryFlat | None = None
        self._owners = np.zeros(0, np.int64)  # image id of each row of the faiss index

    def __len__(self) -> int:
        return len(self._features)

    def __contains__(self, image_id: object) -> bool:
        return image_id in self._features

    def ids(self) -> list[int]:
        return sorted(self._features)

    def get(self, image_id: int) -> Features:
        return self._features[image_id]

    def add(self, image_id: int, features: Features) -> None:
        """Add (or replace) one image's features."""
        if image_id in self._features:
            self.remove(image_id)
        self._features[image_id] = features
        if self._faiss is not None and len(features):
            self._faiss.add(features.descriptors)
            owners = np.full(len(features), image_id, np.int64)
            self._owners = np.concatenate([self._owners, owners])

    def remove(self, image_id: int) -> None:
        if self._features.pop(image_id, None) is not None:
            self._faiss = None  # rebuilt on the next query; removals are rare

    def query(self, features: Features, *, ratio: float = RATIO) -> list[tuple[int, int]]:
        """``(image id, votes)`` for every image holding at least one of the query's
        descriptors' ratio-test nearest neighbours, most votes first."""
        index = self._built()
        if len(features) == 0 or index.ntotal < 2:
            return []
        distances, rows = index.search(features.descriptors, 2)
        good = (distances[:, 0] <= MAX_DISTANCE) & (distances[:, 0] < ratio * distances[:, 1])
        votes = Counter(self._owners[rows[good, 0]].tolist())
        return sorted(votes.items(), key=lambda kv: (-kv[1], kv[0]))

    def matches(
        self,
        features: Features,
        *,
        min_inliers: int = MIN_INLIERS,
        max_candidates: int = MAX_CANDIDATES,
    ) -> list[tuple[int, int]]:
        """``(image id, inliers)`` of the images ``features`` verifiably shows, most first."""
        out = []
        for image_id, _ in self.query(features)[:max_candidates]:
            inliers = verify(features, self._features[image_id])
            if inliers >= min_inliers:
                out.append((image_id, inliers))
        return sorted(out, key=lambda kv: (-kv[1], kv[0]))

    def _built(self) -> faiss.IndexBinaryFlat:
        if self._faiss is None:
            index = faiss.IndexBinaryFlat(256)
            items = [(i, f) for i, f in self._features.items() if len(f)]
            if items:
                index.add(np.concatenate([f.descriptors for _, f in items]))
                self._owners = np.concatenate([np.full(len(f), i, np.int64) for i, f in items])
            else:
                self._owners = np.zeros(0, np.int64)
            self._faiss = index
        return self._faiss

    # -- persistence ------------------------------------------------------------------------

    def save(self, folder: Path) -> None:
        folder.mkdir(parents=True, exist_ok=True)
        ids = np.array(sorted(self._features), np.int64)
        items = [self._features[int(i)] for i in ids]
        counts = np.array([len(f) for f in items], np.int64)
        points = np.concatenate([f.points for f in items]) if items else np.zeros((0, 2))
        descriptors = np.concatenate([f.descriptors for f in items]) if items else np.zeros((0, 32))
        fd, tmp = tempfile.mkstemp(dir=folder, prefix=".features-", suffix=".npz")
        try:
            with os.fdopen(fd, "wb") as out:
                np.savez(
                    out,
                    ids=ids,
                    counts=counts,
                    points=points.astype(np.float32),
                    descriptors=descriptors.astype(np.uint8),
                )
                out.flush()
                os.fsync(out.fileno())
            os.replace(tmp, folder / FILE_NAME)
        except BaseException:
            Path(tmp).unlink(missing_ok=True)
            raise

    @classmethod
    def load(cls, folder: Path) -> FeatureIndex:
        """The index saved in ``folder``; empty when there is none."""
        index = cls()
        path = folder / FILE_NAME
        if not path.exists():
            return index
        with np.load(path, allow_pickle=False) as data:
            ids, counts = data["ids"], data["counts"]
            points, descriptors = data["points"], data["descriptors"]
        starts = np.concatenate([[0], np.cumsum(counts)])
        for image_id, start, end in zip(ids.tolist(), starts[:-1], starts[1:], strict=True):
            index._features[int(image_id)] = Features(
                np.ascontiguousarray(points[start:end]),
                np.ascontiguousarray(descriptors[start:end]),
            )
        return index
