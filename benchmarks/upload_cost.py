"""Where the CPU of a protect-bank upload that matches nothing goes, stage by stage.

Registers the ORB features of a seeded ``--registered`` of the photos under ``--photos`` (as a
protect bank does: an inverted file past 32,768 descriptors), then takes each of the other photos
(``--uploads`` of them, none registered, so every one a non-match) through what the service does
to an upload, timing each stage in CPU time on one thread:

- decoding, and the upload's own hashes (MD5, SHA-256, PDQ in 8 orientations): every bank's;
- the protect bank's views: trimming, the trimmed views' PDQ, ORB of the upload, of its mirror
  image and of its smallest trimmed view (``views_of``, what the decode pool runs);
- the matching: ``FeatureIndex.matches`` (the searches and any verification);
- and, for the record, one full search of the upload's descriptors and one of its mirror image's
  (``FeatureIndex.query``), and ORB of the upload alone.

With ``--grow N``, the bank is first padded to N photos with synthetic ones: each a registered
photo's keypoints with every descriptor's bits flipped at ``--flip`` random places (48 of 256 by
default, about the distance of an unrelated photo's nearest descriptor), so that the index has
the size and the lists of a larger bank; they verify nothing.

Prints medians (and means) in CPU milliseconds. See docs/accuracy.md.

    .venv/bin/python benchmarks/upload_cost.py [--photos DIR] [--registered 912] [--uploads 100]
        [--grow 10000] [--flip 48] [--seed 20240601]
"""

from __future__ import annotations

import argparse
import time
from collections.abc import Callable
from pathlib import Path
from typing import TypeVar

import cv2
import faiss
import numpy as np

from bench.accuracy import DEFAULT_SEED, find_photos
from unshared.cli import stderr
from unshared.cli.hash import progress_bar
from unshared.features import QUERY_KEYPOINTS, FeatureIndex, Features, extract
from unshared.hashing import hash_pixels
from unshared.hashing.batch import Views, views_of
from unshared.hashing.decode import decode_for_pdq
from unshared.hashing.normalise import trimmed_views
from unshared.hashing.pdq import pdq_dihedral_of_pixels

T = TypeVar("T")

PHOTOS = Path(__file__).resolve().parent.parent.parent / "shared" / "data" / "photos"
QUERY_VIEWS = Views(trimmed=True, keypoints=QUERY_KEYPOINTS, mirrored=True)


def cpu_ms(run: Callable[[], T]) -> tuple[float, T]:
    started = time.process_time()
    out = run()
    return 1000 * (time.process_time() - started), out


def synthetic(source: Features, flips: int, rng: np.random.Generator) -> Features:
    """``source``'s keypoints with each descriptor's bits flipped at ``flips`` random places."""
    bits = np.unpackbits(source.descriptors, axis=1)
    order = rng.random(bits.shape).argsort(axis=1)[:, :flips]
    np.put_along_axis(bits, order, 1 - np.take_along_axis(bits, order, axis=1), axis=1)
    return Features(source.points.copy(), np.packbits(bits, axis=1))


def main() -> None:
    parser = argparse.ArgumentParser(description=(__doc__ or "").split("\n\n")[0])
    parser.add_argument("--photos", type=Path, default=PHOTOS)
    parser.add_argument("--registered", type=int, default=912)
    parser.add_argument("--uploads", type=int, default=100)
    parser.add_argument("--grow", type=int, default=0, help="pad the bank to this many photos")
    parser.add_argument("--flip", type=int, default=48)
    parser.add_argument("--seed", type=int, default=DEFAULT_SEED)
    args = parser.parse_args()
    faiss.omp_set_num_threads(1)  # one thread, as each of the server's requests
    cv2.setNumThreads(1)
    paths = find_photos(args.photos)
    order = np.random.default_rng(args.seed).permutation(len(paths))
    registered = sorted(int(i) for i in order[: args.registered])
    uploads = sorted(int(i) for i in order[args.registered :][: args.uploads])
    index = FeatureIndex()
    kept = []
    with progress_bar(stderr()) as bar:
        task = bar.add_task("registering", total=len(registered))
        for i in registered:
            features = extract(decode_for_pdq(paths[i].read_bytes()))
            index.add(i, features)
            kept.append(features)
            bar.advance(task)
    rng = np.random.default_rng(args.seed)
    if args.grow > len(registered):
        with progress_bar(stderr()) as bar:
            task = bar.add_task("synthetic photos", total=args.grow - len(registered))
            for n in range(args.grow - len(registered)):
                index.add(len(paths) + n, synthetic(kept[n % len(kept)], args.flip, rng))
                bar.advance(task)
    build_ms, _ = cpu_ms(index.warm)
    stages: dict[str, list[float]] = {}

    def timed(name: str, run: Callable[[], T]) -> T:
        ms, out = cpu_ms(run)
        stages.setdefault(name, []).append(ms)
        return out

    def upload(data: bytes) -> bool:
        """One upload through every stage; whether it matched anything."""
        rgb = timed("decode", lambda: decode_for_pdq(data))
        timed("upload's hashes", lambda: hash_pixels(data, rgb, min_quality=0, dihedral=True))
        inner = timed("trimming", lambda: trimmed_views(rgb))
        timed("trimmed views' PDQ", lambda: [pdq_dihedral_of_pixels(v) for v in inner])
        timed("ORB of the upload alone", lambda: extract(rgb, QUERY_KEYPOINTS))
        _, features = timed(
            "views (all of the above but hashes)", lambda: views_of(rgb, QUERY_VIEWS)
        )
        assert features is not None and features.mirror is not None
        mirror = features.mirror
        hits = timed("matching (FeatureIndex.matches)", lambda: index.matches(features))
        timed("one full search: the upload", lambda: index.query(features))
        timed("one full search: its mirror image", lambda: index.query(mirror))
        return bool(hits)

    upload(paths[uploads[0]].read_bytes())  # every path run once before the clock
    stages.clear()
    found = sum(upload(paths[i].read_bytes()) for i in uploads)
    totals = np.add(
        stages["views (all of the above but hashes)"], stages["matching (FeatureIndex.matches)"]
    )
    print(
        f"{len(index):,} photos registered ({index.descriptors:,} descriptors;"
        f" {len(index) - len(registered):,} synthetic), index built in {build_ms / 1000:.1f} s"
        f" of CPU; {len(uploads)} uploads matching nothing ({found} matched something)."
        " CPU milliseconds, one thread.\n"
    )
    print("| stage | median | mean | 95th pct. |\n|---|---:|---:|---:|")
    for name, times in [*stages.items(), ("**views + matching**", list(totals))]:
        t = np.array(times)
        print(f"| {name} | {np.median(t):.1f} | {t.mean():.1f} | {np.percentile(t, 95):.1f} |")


if __name__ == "__main__":
    main()
