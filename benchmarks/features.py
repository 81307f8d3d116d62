"""The protect banks' feature index: an exact scan against the inverted file, on real photos.

Extracts the ORB features of every photo under ``--photos`` (as ``register_image`` does), builds
the same ``FeatureIndex`` twice, exact (``IndexBinaryFlat``) and inverted (``IndexBinaryIVF``),
and queries both with seeded edited copies of a sample of the photos (as ``match_image_signals``
does). Reports the build time, the search time per query (votes only, one thread), how often
the copy's own photo is among the candidates that get verified, and the verified matches.
See docs/accuracy.md.

    .venv/bin/python benchmarks/features.py [--photos DIR] [--queries 100] [--seed 20240601]
"""

from __future__ import annotations

import argparse
import time
from pathlib import Path

import faiss
from PIL import Image

from bench.accuracy import DEFAULT_SEED, donor_index, encode_copy, find_photos
from bench.transforms import TRANSFORMS, rng_for
from unshared.cli import stderr
from unshared.cli.hash import progress_bar
from unshared.features import (
    MIN_INLIERS,
    QUERY_KEYPOINTS,
    FeatureIndex,
    Features,
    extract,
    verify,
)
from unshared.features.index import MAX_CANDIDATES
from unshared.hashing.decode import decode_for_pdq

PHOTOS = Path(__file__).resolve().parent.parent.parent / "shared" / "data" / "photos"
EDITS = ("original", "crop_center_80", "rotate_10", "border_blurred_25", "edit_donor_35")


def main() -> None:
    parser = argparse.ArgumentParser(description=(__doc__ or "").split("\n\n")[0])
    parser.add_argument("--photos", type=Path, default=PHOTOS)
    parser.add_argument("--queries", type=int, default=100, help="photos whose copies query")
    parser.add_argument("--seed", type=int, default=DEFAULT_SEED)
    args = parser.parse_args()
    faiss.omp_set_num_threads(1)  # as the server: one search thread per request
    paths = find_photos(args.photos)
    images = [Image.open(p).convert("RGB") for p in paths]
    with progress_bar(stderr()) as bar:
        task = bar.add_task("features", total=len(images))
        features = []
        for image in images:
            features.append(extract(decode_for_pdq(encode_copy(image))))
            bar.advance(task)
    indexes = {"exact": FeatureIndex(exact_limit=1 << 62), "inverted": FeatureIndex(exact_limit=0)}
    print(f"{len(images)} photos, {sum(len(f) for f in features):,} descriptors")
    print("| index | build s | transform | search ms/query | own photo a candidate | verified |")
    print("|---|---:|---|---:|---:|---:|")
    sample = find_photos(args.photos, args.queries, args.seed)
    picked = [paths.index(p) for p in sample]
    queries: dict[str, list[tuple[int, Features]]] = {name: [] for name in EDITS}
    for i in picked:
        donor_at = donor_index(args.seed, i, len(images))
        donor = images[donor_at] if donor_at is not None else None
        for name in EDITS:
            copy = images[i]
            if name != "original":
                copy = TRANSFORMS[name].apply(images[i], rng_for(args.seed, name, i), donor)
            rgb = decode_for_pdq(encode_copy(copy))
            queries[name].append((i, extract(rgb, QUERY_KEYPOINTS)))
    for label, index in indexes.items():
        start = time.perf_counter()
        for image_id, f in enumerate(features):
            index.add(image_id, f)
        index.warm()
        build = time.perf_counter() - start
        for name, items in queries.items():
            seconds, candidate, verified = 0.0, 0, 0
            for own, query in items:
                start = time.perf_counter()
                found = index.query(query)[:MAX_CANDIDATES]
                seconds += time.perf_counter() - start
                if own in {image_id for image_id, _ in found}:  # what index.matches verifies
                    candidate += 1
                    verified += verify(query, index.get(own)) >= MIN_INLIERS
            n = len(items)
            print(
                f"| {label} | {build:.1f} | {name} | {1000 * seconds / n:.1f} |"
                f" {100 * candidate / n:.1f}% | {100 * verified / n:.1f}% |",
                flush=True,
            )


if __name__ == "__main__":
    main()
