"""Backlog scan throughput: images per second in one process, in ``unshared match``'s process pool,
and on a local Ray instance with 1, 2, ... workers, on the same cores and the same photos.

A bank of ``--bank`` photos is registered first (a fresh data folder); then ``--photos`` photos
(the bank's among them, so some match) are matched by each way in turn. The Ray figures count
everything ``unshared scan`` does once Ray is up: making the actors and their matchers from the
snapshot, reading, decoding, hashing, matching and writing the results file; scans of half the
photos and of all of them, which pay the same fixed cost, give the rate past it. Photos are taken
in a seeded order from the shared data (``--data``), never copied.

    .venv/bin/python benchmarks/scan.py --photos 300 --bank 100
    .venv/bin/python benchmarks/scan.py --quick          # 60 photos
"""

from __future__ import annotations

import argparse
import os
import random
import tempfile
import time
from pathlib import Path

from unshared.config import Settings
from unshared.hashing.batch import find_images
from unshared.service import Unshared

DATA = Path(__file__).resolve().parents[2] / "shared" / "data" / "photos" / "imagenet-sample-1k"
SEED = 20261201
#: Photos in the scan that measures Ray's fixed cost.
FEW = 8


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--photos", type=int, default=300)
    parser.add_argument("--bank", type=int, default=100)
    parser.add_argument("--cpus", type=int, default=os.cpu_count() or 1)
    parser.add_argument("--data", type=Path, default=DATA)
    parser.add_argument("--seed", type=int, default=SEED)
    parser.add_argument("--quick", action="store_true", help="60 photos, a bank of 20")
    args = parser.parse_args()
    if args.quick:
        args.photos, args.bank = 60, 20
    photos = find_images([args.data])
    random.Random(args.seed).shuffle(photos)
    photos = sorted(photos[: args.photos])
    print(
        f"{len(photos)} photos from {args.data}, bank of {args.bank}, {args.cpus} CPUs, "
        f"seed {args.seed}",
        flush=True,
    )
    rows: list[tuple[str, float, int]] = []
    steady: dict[str, float] = {}
    with tempfile.TemporaryDirectory() as tmp:
        settings = Settings.load(env={}, home=Path(tmp) / "home")
        with Unshared(settings) as app:
            app.create_bank("backlog")
            list(app.add_images("backlog", photos[: args.bank]))
            for label, workers in (
                ("one process", 1),
                ("process pool (unshared match)", args.cpus),
            ):
                start = time.perf_counter()
                matched = sum(
                    bool(v and v.matched) for _, v in app.match_files(photos, workers=workers)
                )
                rows.append((f"{label}, {workers} worker(s)", time.perf_counter() - start, matched))
                print(f"  {rows[-1][0]}: {len(photos) / rows[-1][1]:.1f} images/s", flush=True)
            snapshot = app.snapshot()

        from unshared.scale.scan import scan, start_ray

        start = time.perf_counter()
        start_ray(None, args.cpus)
        print(f"  Ray started in {time.perf_counter() - start:.1f} s", flush=True)
        paths = [str(p) for p in photos]
        half = len(paths) // 2
        for workers in range(1, args.cpus + 1):
            # A scan of a few photos first (Ray starts its worker processes; they stay), then
            # half the photos and all of them: the same fixed cost (actors, matchers, Ray Data's
            # planning) in both, so the difference gives the running rate.
            few = scan(
                snapshot, settings, paths[:FEW], Path(tmp) / f"few-{workers}", workers=workers
            )
            part = scan(
                snapshot, settings, paths[:half], Path(tmp) / f"half-{workers}", workers=workers
            )
            out = Path(tmp) / f"ray-{workers}.jsonl"
            summary = scan(snapshot, settings, paths, out, workers=workers)
            label = f"Ray, {workers} worker(s)"
            rows.append((label, summary.seconds, summary.matched))
            steady[label] = (len(paths) - half) / max(summary.seconds - part.seconds, 1e-9)
            print(
                f"  {label}: {len(photos) / summary.seconds:.1f} images/s in all; first scan of "
                f"{FEW} {few.seconds:.1f} s; {steady[label]:.1f}/s past the fixed cost",
                flush=True,
            )

    base = len(photos) / rows[0][1]
    print("\n| how | seconds | images/s | vs one process | past the fixed cost | matched |")
    print("|---|---:|---:|---:|---:|---:|")
    for label, seconds, matched in rows:
        rate = len(photos) / seconds
        running = f"{steady[label]:.1f}" if label in steady else "-"
        print(
            f"| {label} | {seconds:.1f} | {rate:.1f} | {rate / base:.2f}x | {running} | {matched} |"
        )
    if len({m for _, _, m in rows}) != 1:
        print("\nWARNING: the ways disagree on how many photos matched")


if __name__ == "__main__":
    main()
