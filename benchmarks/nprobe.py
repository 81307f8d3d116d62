"""Does probing fewer inverted lists find the same photos? ``NPROBE`` against another value.

Registers the ORB features of every photo under ``--photos`` (as a protect bank does, so the
feature index is an inverted file past 32,768 descriptors), then matches each query twice in one
process, with ``--nprobe`` lists probed and with ``--against``, timing ``FeatureIndex.matches``
in CPU time on one thread:

- copies of a seeded ``--sample`` of the photos by ``--transforms`` (as the accuracy benchmark
  makes them): how many find their own photo, are lost or gained, and find another photo;
- with ``--unmatched``, the seeded half split of ``benchmarks/unmatched.py`` instead: the other
  half's own files against the registered half, every one a non-match.

Prints a markdown table. See docs/accuracy.md.

    .venv/bin/python benchmarks/nprobe.py [--photos DIR] [--sample 200] [--transforms a,b]
        [--nprobe 4] [--against 8] [--unmatched] [--seed 20240601] [--exact-limit N]
"""

from __future__ import annotations

import argparse
import random
import time
from pathlib import Path

import cv2
import faiss
import numpy as np
from PIL import Image

from bench.accuracy import DEFAULT_SEED, donor_index, encode_copy, find_photos
from bench.transforms import TRANSFORMS, rng_for
from unshared.features import QUERY_KEYPOINTS, FeatureIndex, Features, extract
from unshared.features.index import EXACT_LIMIT
from unshared.hashing.batch import Views, views_of
from unshared.hashing.decode import decode_for_pdq

PHOTOS = Path(__file__).resolve().parent.parent.parent / "shared" / "data" / "photos"
HARD = "bodyswap_fill_60,bodyswap_donor_60,bodyswap_donor_40_screenshot,crop_center_60"
QUERY_VIEWS = Views(trimmed=True, keypoints=QUERY_KEYPOINTS, mirrored=True)


def _open(path: Path) -> Image.Image:
    with Image.open(path) as image:
        return image.convert("RGB")


def _query(rgb: np.ndarray) -> Features:
    _, features = views_of(rgb, QUERY_VIEWS)
    assert features is not None
    return features


def _matched(index: FeatureIndex, query: Features, probes: int) -> tuple[float, set[int]]:
    faiss_index = index._built()  # the benchmark sets the index's own knob, nothing else
    assert isinstance(faiss_index, faiss.IndexBinaryIVF), "too few photos for an inverted file"
    faiss_index.nprobe = probes
    started = time.process_time()
    found = {image for image, _ in index.matches(query)}
    return 1000 * (time.process_time() - started), found


def main() -> None:
    parser = argparse.ArgumentParser(description=(__doc__ or "").split("\n\n")[0])
    parser.add_argument("--photos", type=Path, default=PHOTOS)
    parser.add_argument("--sample", type=int, default=200)
    parser.add_argument("--transforms", default=HARD)
    parser.add_argument("--nprobe", type=int, default=4)
    parser.add_argument("--against", type=int, default=8)
    parser.add_argument("--unmatched", action="store_true")
    parser.add_argument("--seed", type=int, default=DEFAULT_SEED)
    parser.add_argument(
        "--exact-limit", type=int, default=EXACT_LIMIT, help="an inverted file past this many"
    )
    args = parser.parse_args()
    faiss.omp_set_num_threads(1)
    cv2.setNumThreads(1)
    paths = find_photos(args.photos)
    probes = (args.nprobe, args.against)
    index = FeatureIndex(args.exact_limit)
    if args.unmatched:
        order = np.random.default_rng(args.seed).permutation(len(paths))
        registered = sorted(int(i) for i in order[: len(paths) // 2])
        queries = [(-1, "unrelated", i) for i in sorted(int(i) for i in order[len(paths) // 2 :])]
    else:
        registered = list(range(len(paths)))
        chosen = sorted(random.Random(args.seed).sample(registered, args.sample))
        queries = [(i, name, i) for i in chosen for name in args.transforms.split(",")]
    for i in registered:
        index.add(i, extract(decode_for_pdq(paths[i].read_bytes())))
    index.warm()
    times: dict[int, list[float]] = {p: [] for p in probes}
    own = {p: 0 for p in probes}
    other = {p: 0 for p in probes}
    changed = 0
    for photo, name, i in queries:
        if photo < 0:
            query = _query(decode_for_pdq(paths[i].read_bytes()))
        else:
            donor_at = donor_index(args.seed, i, len(paths))
            donor = _open(paths[donor_at]) if donor_at is not None else None
            copy = TRANSFORMS[name].apply(_open(paths[i]), rng_for(args.seed, name, i), donor)
            query = _query(decode_for_pdq(encode_copy(copy)))
        found = {}
        for p in probes:
            ms, found[p] = _matched(index, query, p)
            times[p].append(ms)
            own[p] += photo in found[p]
            other[p] += bool(found[p] - {photo})
        changed += found[args.nprobe] != found[args.against]
    print(
        f"{len(registered):,} photos registered ({index.descriptors:,} descriptors),"
        f" {len(queries):,} queries; {changed} found other photos with {args.nprobe} lists"
        f" than with {args.against}. CPU milliseconds of FeatureIndex.matches, one thread.\n"
    )
    print(
        "| lists probed | own photo found | another photo found | CPU mean | median | 95th pct. |"
    )
    print("|---:|---:|---:|---:|---:|---:|")
    for p in probes:
        t = np.array(times[p])
        print(
            f"| {p} | {own[p]:,} | {other[p]:,} | {t.mean():.1f} | {np.median(t):.1f} |"
            f" {np.percentile(t, 95):.1f} |"
        )


if __name__ == "__main__":
    main()
