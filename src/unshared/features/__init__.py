"""Pixels -> local features -> candidates -> geometric verification: the second matching stage.

Only ``protect`` banks (a person's ordinary photos) use it. PDQ is one 256-bit sign pattern of a
16x16 DCT of the whole picture; it cannot survive a crop, a frame or a rotation. ORB keypoints
(generic corners, content-agnostic) and their 256-bit binary descriptors do, because each describes
a small patch at a known place, and a geometric check (one similarity transform shared by many
matched patches) separates a true copy from chance agreements.

That richness is why these features stay on the bank server: they are not entries, never go into
the feed to platforms, and are kept only for ``protect`` banks.

    features = extract(rgb)                     # ORB on the reduced decode, in memory only
    index.add(entry_id, features)               # keyed by the image's PDQ entry
    for image_id, votes in index.query(features):
        if verify(features, index.get(image_id)) >= MIN_INLIERS: ...

A person can also protect photos from the page, which makes the same features on their device
(``web/static/features.js``, the server's OpenCV compiled to WebAssembly) and sends them in
place of the photo; ``features_from_hex`` checks them (``wire``).

An upload's features carry its mirror image's too (``extract(rgb, QUERY_KEYPOINTS, mirror=True)``),
since descriptors do not survive a mirror; ``index.matches`` looks at them only when the upload
itself verifies nothing. A query's keypoints come in rounds over the grid, so that the index's
first pass can search only the first few hundred of each view's descriptors.
"""

from __future__ import annotations

from unshared.features.extract import MAX_KEYPOINTS, QUERY_KEYPOINTS, Features, extract
from unshared.features.index import FeatureIndex
from unshared.features.verify import MIN_INLIERS, MIN_MUTUAL, Fit, fit, verify
from unshared.features.wire import MIN_KEYPOINTS, features_from_hex, features_to_hex

__all__ = [
    "MAX_KEYPOINTS",
    "MIN_INLIERS",
    "MIN_KEYPOINTS",
    "MIN_MUTUAL",
    "QUERY_KEYPOINTS",
    "FeatureIndex",
    "Features",
    "Fit",
    "extract",
    "features_from_hex",
    "features_to_hex",
    "fit",
    "verify",
]
