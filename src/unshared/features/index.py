"""Many images' ORB descriptors -> candidate images for a query's descriptors, by votes.

2-NN search over every stored descriptor with faiss: an exact Hamming scan
(``IndexBinaryFlat``) while the index is small, and an inverted file (``IndexBinaryIVF``,
trained on a seeded sample of the descriptors, probing ``NPROBE`` lists) past ``EXACT_LIMIT``
descriptors. On the 1,012 benchmark photos (about 500,000 descriptors) the exact scan takes
about 0.9 s per query of 1,000 descriptors on one core and the inverted file about 15 ms, with
the same candidates (``benchmarks/features.py``, docs/accuracy.md). The votes of a few hundred
descriptors make the candidates, so a neighbour the inverted file misses now and then changes
nothing.

The index holds each image's features (points and descriptors), because verification needs the
candidate's keypoint positions; it is saved as one ``.npz`` file, written to a temporary file
and moved into place, so a crash never leaves half an index. The faiss part is rebuilt from it
on the first query after a load (``warm()`` does it ahead of time).
"""

from __future__ import annotations

import math
import os
import tempfile
import threading
from collections import Counter
from pathlib import Path

import faiss
import numpy as np

from unshared.features.extract import Features
from unshared.features.verify import MIN_INLIERS, RATIO, verify

#: Candidates (by votes) verified geometrically per query; each costs a few ms.
MAX_CANDIDATES = 5
#: ...and only those with at least this many votes. An unrelated upload's best candidate has 1-4
#: (1.4 on average, 3 at the 99th percentile, over 100 unrelated photos against 800 protected);
#: every copy that verified, of 600 of the hardest kinds (60% replaced, replaced and then
#: screenshotted, cropped to 60%), had 4 or more. Verifying costs 5-6 ms a candidate, so an
#: upload that matches nothing, the usual one, mostly skips it.
MIN_VOTES = 3
#: A query's first pass searches this many descriptors of each of its views (the upload, the
#: photo inside its frame, its mirror image): the first, which a query's features put in rounds
#: over the grid, the strongest of each cell first...
FIRST_PASS = 300
#: ...and a view's other descriptors are searched only when a photo got this many votes from
#: those. Over 100 photos matching nothing (912 protected), 16% of the uploads and 13% of their
#: mirror images reach it; of 1,000 hard copies (60% replaced, replaced and screenshotted,
#: cropped to 60%, mirrored and cropped) against 1,012 protected photos, every one of the 934
#: that the full search verifies does so through a view with 3 or more (docs/accuracy.md).
FIRST_VOTES = 2
#: A descriptor match farther than this (of 256 bits) is noise, whatever the ratio test says.
MAX_DISTANCE = 64
#: Up to this many descriptors the search is exact; past it, an inverted file.
EXACT_LIMIT = 1 << 15
#: Inverted lists searched per query descriptor. 4 rather than 8 found the same photos for 800
#: of the hardest copies (60% replaced, replaced and screenshotted, cropped to 60%) against all
#: 1,012 benchmark photos, and took the matching of an upload that matches nothing from 39 to
#: 23 ms of CPU (``benchmarks/nprobe.py``, docs/accuracy.md): a copy's votes come from hundreds
#: of descriptors, and the few whose neighbour sits in a fifth to eighth list change no candidate.
NPROBE = 4
#: The inverted file is retrained once the index has grown this many times past its training.
RETRAIN_GROWTH = 4
FILE_NAME = "features.npz"


class FeatureIndex:
    def __init__(self, exact_limit: int = EXACT_LIMIT) -> None:
        self.exact_limit = exact_limit
        self._features: dict[int, Features] = {}
        self._faiss: faiss.IndexBinary | None = None
        self._owners = np.zeros(0, np.int64)  # image id of each faiss row id (-1: removed)
        self._rows: dict[int, np.ndarray] = {}  # image id -> its faiss row ids
        self._descriptors = 0
        self._trained_on = 0  # descriptors in the index when the inverted file was trained
        # One lock over the faiss part: request threads query while an operator adds or removes.
        self._lock = threading.Lock()

    def __len__(self) -> int:
        return len(self._features)

    def __contains__(self, image_id: object) -> bool:
        return image_id in self._features

    def ids(self) -> list[int]:
        return sorted(self._features)

    def get(self, image_id: int) -> Features:
        return self._features[image_id]

    @property
    def descriptors(self) -> int:
        """Descriptors held, over every image."""
        return self._descriptors

    def add(self, image_id: int, features: Features) -> None:
        """Add (or replace) one image's features."""
        with self._lock:
            self._remove(image_id)
            self._features[image_id] = features
            self._descriptors += len(features)
            self._index_added(image_id, features)

    def _index_added(self, image_id: int, features: Features) -> None:
        index = self._faiss
        if index is None or not len(features):
            return
        if isinstance(index, faiss.IndexBinaryFlat):
            if index.ntotal + len(features) > self.exact_limit:
                self._faiss = None  # time for an inverted file
                return
        elif self.descriptors > RETRAIN_GROWTH * self._trained_on:
            self._faiss = None  # grown far past what its lists were trained on
            return
        self._append(image_id, features)

    def remove(self, image_id: int) -> None:
        with self._lock:
            self._remove(image_id)

    def _remove(self, image_id: int) -> None:
        features = self._features.pop(image_id, None)
        if features is None:
            return
        self._descriptors -= len(features)
        rows = self._rows.pop(image_id, None)
        if isinstance(self._faiss, faiss.IndexBinaryIVF) and rows is not None:
            self._faiss.remove_ids(rows)
            self._owners[rows] = -1
        else:
            self._faiss = None  # an exact scan is small: rebuilt on the next query

    def warm(self) -> None:
        """Build the faiss index now rather than on the first query."""
        with self._lock:
            self._built()

    def query(self, features: Features, *, ratio: float = RATIO) -> list[tuple[int, int]]:
        """``(image id, votes)`` for every image holding at least one of the query's
        descriptors' ratio-test nearest neighbours, most votes first."""
        (owners,) = self._nearest([features.descriptors], ratio)
        return _votes(owners)

    def _nearest(self, descriptors: list[np.ndarray], ratio: float = RATIO) -> list[np.ndarray]:
        """For each array of descriptors, the image owning each one's nearest neighbour when it
        passes the ratio test (-1 when it does not), searched in one call."""
        sizes = [len(d) for d in descriptors]
        with self._lock:
            index = self._built()
            if not sum(sizes) or index.ntotal < 2:
                return [np.full(size, -1, np.int64) for size in sizes]
            # One thread (this request's): faiss's default, a thread per core, took 2-3 times
            # the CPU for a query's few hundred descriptors (docs/accuracy.md). OpenMP keeps the
            # setting per calling thread.
            faiss.omp_set_num_threads(1)
            distances, rows = index.search(np.concatenate(descriptors), 2)
            owners = self._owners[rows[:, 0]]
        good = (
            (rows[:, 1] >= 0)
            & (distances[:, 0] <= MAX_DISTANCE)
            & (distances[:, 0] < ratio * distances[:, 1])
        )
        owners = np.where(good, owners, -1)
        return np.split(owners, np.cumsum(sizes)[:-1])

    def matches(
        self,
        features: Features,
        *,
        min_inliers: int = MIN_INLIERS,
        max_candidates: int = MAX_CANDIDATES,
    ) -> list[tuple[int, int]]:
        """``(image id, inliers)`` of the images ``features`` verifiably shows, most first; when
        none, those the photo inside its frame shows, then those its mirror image shows, as far
        as it carries them.

        A first pass searches only the first ``FIRST_PASS`` descriptors of each of them (a
        query's come in rounds over the picture's grid, the strongest of each cell first), all
        in one call; the rest of a view's are searched only when some photo got
        ``FIRST_VOTES`` votes from those. An upload that shows no protected photo, the usual
        one, mostly stops there."""
        views = [v for v in (features, features.inner, features.mirror) if v is not None]
        first = self._nearest([v.descriptors[:FIRST_PASS] for v in views])
        for view, owners in zip(views, first, strict=True):
            votes = _votes(owners)
            if not votes or votes[0][1] < FIRST_VOTES:
                continue
            if len(view) > FIRST_PASS:
                (rest,) = self._nearest([view.descriptors[FIRST_PASS:]])
                votes = _votes(np.concatenate([owners, rest]))
            found = self._verified(view, votes, min_inliers, max_candidates)
            if found:
                return found
        return []

    def _verified(
        self,
        features: Features,
        votes: list[tuple[int, int]],
        min_inliers: int,
        max_candidates: int,
    ) -> list[tuple[int, int]]:
        out = []
        for image_id, count in votes[:max_candidates]:
            if count < MIN_VOTES:
                break  # most votes first
            candidate = self._features.get(image_id)  # None if removed meanwhile
            inliers = verify(features, candidate) if candidate is not None else 0
            if inliers >= min_inliers:
                out.append((image_id, inliers))
        return sorted(out, key=lambda kv: (-kv[1], kv[0]))

    def _built(self) -> faiss.IndexBinary:
        if self._faiss is not None:
            return self._faiss
        items = [(i, f) for i, f in self._features.items() if len(f)]
        self._owners = np.zeros(0, np.int64)
        self._rows = {}
        if not items:
            self._faiss = faiss.IndexBinaryFlat(256)
            return self._faiss
        # All at once: appended one image at a time, the owners were copied once per image
        # (hours at 100,000 photos).
        descriptors = np.concatenate([f.descriptors for _, f in items])
        rows = np.arange(len(descriptors), dtype=np.int64)
        if self._descriptors <= self.exact_limit:
            self._faiss = faiss.IndexBinaryFlat(256)
            self._faiss.add(descriptors)  # a flat scan numbers its rows in order
        else:
            self._faiss = self._trained(descriptors)
            self._faiss.add_with_ids(descriptors, rows)
        self._owners = np.concatenate([np.full(len(f), i, np.int64) for i, f in items])
        starts = np.cumsum([0] + [len(f) for _, f in items])
        for (image_id, _), start, end in zip(items, starts[:-1], starts[1:], strict=True):
            self._rows[image_id] = rows[start:end]
        return self._faiss

    def _trained(self, descriptors: np.ndarray) -> faiss.IndexBinaryIVF:
        """An empty inverted file, its lists trained on a seeded sample of ``descriptors``."""
        lists = 1 << max(6, math.ceil(math.log2(math.sqrt(len(descriptors)))))
        quantiser = faiss.IndexBinaryFlat(256)
        index = faiss.IndexBinaryIVF(quantiser, 256, lists)
        # faiss's Python wrapper keeps the quantiser alive as long as the index.
        sample = np.random.default_rng(0).choice(
            len(descriptors), min(len(descriptors), 64 * lists), replace=False
        )
        index.train(descriptors[np.sort(sample)])
        index.nprobe = NPROBE
        self._trained_on = len(descriptors)
        return index

    def _append(self, image_id: int, features: Features) -> None:
        assert self._faiss is not None
        rows = np.arange(len(self._owners), len(self._owners) + len(features), dtype=np.int64)
        if isinstance(self._faiss, faiss.IndexBinaryIVF):
            self._faiss.add_with_ids(features.descriptors, rows)
        else:
            self._faiss.add(features.descriptors)  # a flat scan numbers its rows in order
        self._owners = np.concatenate([self._owners, np.full(len(features), image_id, np.int64)])
        self._rows[image_id] = rows

    # -- persistence ------------------------------------------------------------------------

    def save(self, folder: Path) -> None:
        folder.mkdir(parents=True, exist_ok=True)
        with self._lock:
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
        index._descriptors = int(counts.sum())
        return index


def _votes(owners: np.ndarray) -> list[tuple[int, int]]:
    """``(image id, votes)`` from the owners of matched descriptors (-1: none), most first."""
    votes = Counter(owners[owners >= 0].tolist())
    return sorted(votes.items(), key=lambda kv: (-kv[1], kv[0]))
