"""What a query costs when it matches nothing: the usual upload on a platform.

The accuracy benchmark's queries are all copies of registered photos, so a protect bank's
second look (the upload's mirror image, taken only when the upload itself verifies nothing) is
seldom paid there. This registers a seeded half of the photos under ``--photos`` in a bank of
each kind and matches the other half against it (every one of them a non-match), then the
registered half's own files (every one a match), timing ``Unshared.match_image_signals`` in CPU
time, one process and one thread, beside python-threatexchange's plain PDQ hashing of the same
bytes. Prints a markdown table. See docs/accuracy.md.

    .venv/bin/python benchmarks/unmatched.py [--photos DIR] [--limit N] [--seed 20240601]
"""

from __future__ import annotations

import argparse
import tempfile
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
from unshared.config import Settings
from unshared.service import Unshared

T = TypeVar("T")

PHOTOS = Path(__file__).resolve().parent.parent.parent / "shared" / "data" / "photos"


def cpu_ms(run: Callable[[], T]) -> tuple[float, T]:
    """What ``run`` returns, and the milliseconds of this process's CPU it took."""
    started = time.process_time()
    out = run()
    return 1000 * (time.process_time() - started), out


def row(what: str, times: list[float], matched: int) -> str:
    t = np.array(times)
    return (
        f"| {what} | {len(t):,} | {matched:,} | {t.mean():.1f} | {np.median(t):.1f} |"
        f" {np.percentile(t, 95):.1f} |"
    )


def measure(kind: str, registered: list[bytes], unrelated: list[bytes]) -> list[str]:
    with tempfile.TemporaryDirectory(prefix="unshared-unmatched-") as home:
        app = Unshared(Settings.load(env={}, home=Path(home)))
        try:
            app.create_bank(kind, kind)
            with progress_bar(stderr()) as bar:
                task = bar.add_task(f"registering in a {kind} bank", total=len(registered))
                for data in registered:
                    app.register_image(kind, data)
                    bar.advance(task)
            app.warm()
            app.match_image_signals(unrelated[0])  # every path run once before the clock
            rows = []
            for what, uploads in (
                ("matches nothing", unrelated),
                ("a registered photo", registered),
            ):
                times, matched = [], 0
                for data in uploads:
                    ms, (_, verdict) = cpu_ms(lambda data=data: app.match_image_signals(data))
                    times.append(ms)
                    matched += verdict.matched
                rows.append(row(f"Unshared, {kind} bank: {what}", times, matched))
            return rows
        finally:
            app.close()


def main() -> None:
    parser = argparse.ArgumentParser(description=(__doc__ or "").split("\n\n")[0])
    parser.add_argument("--photos", type=Path, default=PHOTOS)
    parser.add_argument("--limit", type=int, help="a seeded sample of this many photos")
    parser.add_argument("--seed", type=int, default=DEFAULT_SEED)
    args = parser.parse_args()
    paths = find_photos(args.photos, args.limit, args.seed)
    if len(paths) < 4:
        parser.error(f"need at least 4 photos under {args.photos}")
    faiss.omp_set_num_threads(1)  # one thread, as each of the server's requests
    cv2.setNumThreads(1)
    order = np.random.default_rng(args.seed).permutation(len(paths))
    half = len(paths) // 2
    registered = [paths[i].read_bytes() for i in sorted(order[:half])]
    unrelated = [paths[i].read_bytes() for i in sorted(order[half:])]

    from threatexchange.signal_type.pdq.pdq_hasher import pdq_from_bytes

    pdq_from_bytes(unrelated[0])
    baseline = [cpu_ms(lambda data=data: pdq_from_bytes(data))[0] for data in unrelated]
    lines = [
        f"{len(registered):,} photos registered, {len(unrelated):,} others as uploads;"
        " CPU milliseconds a query, one thread.",
        "",
        "| query | uploads | matched | CPU mean | CPU median | CPU 95th percentile |",
        "|---|---:|---:|---:|---:|---:|",
        *measure("ncii", registered, unrelated),
        *measure("protect", registered, unrelated),
        row("PDQ hash alone (python-threatexchange), the same uploads", baseline, 0),
    ]
    print("\n".join(lines))


if __name__ == "__main__":
    main()
