"""Backlog scans on Ray Data: images read, decoded, hashed and matched on Ray workers.

    ray.init()  ->  dataset of images  ->  map_batches(_Matching) on an actor pool  ->  results

The bank snapshot goes into Ray's object store once (``ray.put``) and every actor builds its
matcher from it (``matching.SnapshotMatcher``): the workers never reach the store. A folder's
files are listed here and each worker reads its own (under the upload limits, refused before
reading when too large), so the folder must be at the same path on every host (a shared
filesystem); any other source Ray Data reads (``s3://...``, ``gs://...``, ``file://...``) is
read by Ray's ``read_binary_files`` and the bytes are checked against the same limits before
decoding. Lines come back to this process as they are done and go into the results file, which
is also the list of what is done (``results``): a scan started again skips it.

Where Ray runs: ``address`` if given; else the cluster ``ray start`` made on this host (or
``RAY_ADDRESS``); else a local instance of ``cpus`` CPUs, with no dashboard and no usage report
sent to Ray's makers, that ends with the scan.
"""

from __future__ import annotations

import logging
import os
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np
import ray
import ray.data

from unshared.bank.snapshot import BankSnapshot
from unshared.config import Settings
from unshared.hashing import Limits
from unshared.hashing.batch import find_images
from unshared.scale.matching import SnapshotMatcher
from unshared.scale.results import ResultsFile

#: Images per call of a worker: small, so lines come back (and are saved) steadily.
BATCH = 4
#: The object store of a local instance, in bytes: the snapshot and images in flight.
LOCAL_OBJECT_STORE = 512 * 1024 * 1024


@dataclass(frozen=True)
class ScanSummary:
    """What one run did, and what the results file holds after it."""

    #: Images listed in the sources (for a Ray Data source: those not done before, once read).
    found: int
    #: Images done by an earlier run, skipped.
    skipped: int
    #: Images done by this run.
    scanned: int
    #: Over the whole results file: images matched, and images that could not be hashed.
    matched: int
    failed: int
    seconds: float
    workers: int

    @property
    def per_second(self) -> float:
        return self.scanned / self.seconds if self.seconds > 0 else 0.0


class _Matching:
    """One Ray actor: its matcher made once from the snapshot, then batches of images."""

    def __init__(self, snapshot: Any, limits: Limits, quality: int, done: Any) -> None:
        # Passed by reference (one copy per host), or inline when small.
        if isinstance(snapshot, ray.ObjectRef):
            snapshot = ray.get(snapshot)
        self.done = ray.get(done) if isinstance(done, ray.ObjectRef) else done
        self.matcher = SnapshotMatcher(snapshot, limits, quality)

    def __call__(self, batch: dict[str, np.ndarray]) -> dict[str, np.ndarray]:
        import json

        if "bytes" in batch:  # a Ray Data source's: read before it could be skipped
            lines = [
                self.matcher.match_data(str(p), bytes(b))
                for p, b in zip(batch["path"], batch["bytes"], strict=True)
                if str(p) not in self.done
            ]
        else:
            lines = [self.matcher.match_file(str(p)) for p in batch["path"]]
        return {
            "path": np.array([line["path"] for line in lines], dtype=object),
            "line": np.array([json.dumps(line) for line in lines], dtype=object),
        }


def start_ray(address: str | None, cpus: int) -> int:
    """Connect to ``address``, else to a running cluster, else start a local instance of
    ``cpus`` CPUs; the CPUs Ray has."""
    if not ray.is_initialized():
        os.environ.setdefault("RAY_BACKEND_LOG_LEVEL", "error")  # no C++ notes on the terminal
        os.environ.setdefault("RAY_USAGE_STATS_ENABLED", "0")  # Ray reports usage otherwise
        quiet = {"include_dashboard": False, "log_to_driver": False, "logging_level": "warning"}
        try:
            ray.init(address=address or "auto", **quiet)  # type: ignore[arg-type]
        except ConnectionError:
            if address:
                raise
            ray.init(num_cpus=cpus, object_store_memory=LOCAL_OBJECT_STORE, **quiet)  # type: ignore[arg-type]
    context = ray.data.DataContext.get_current()
    context.enable_progress_bars = False  # the CLI draws its own
    context.print_on_execution_start = False
    for name in ("ray", "ray.data"):
        logging.getLogger(name).setLevel(logging.ERROR)
    resources: dict[str, float] = ray.cluster_resources()  # type: ignore[no-untyped-call]
    return int(resources.get("CPU", 1))


def scan(
    snapshot: BankSnapshot,
    settings: Settings,
    sources: list[str],
    results: Path,
    *,
    workers: int | None = None,
    address: str | None = None,
    on_start: Callable[[int | None, int], None] | None = None,
    on_done: Callable[[int], None] | None = None,
) -> ScanSummary:
    """Match every image in ``sources`` (folders or files here, or Ray Data URIs) against
    ``snapshot`` on Ray, appending ``unshared match --json`` lines to ``results`` and skipping
    the images already there. ``workers`` actors (default: one per CPU Ray has);
    ``on_start(total or None, skipped)`` once the work is known, ``on_done(n)`` as lines come."""
    started = time.monotonic()
    cpus = start_ray(address, workers or os.cpu_count() or 1)
    workers = workers or cpus
    with ResultsFile(results) as out:
        done = frozenset(out.done)
        local = [s for s in sources if "://" not in s]
        remote = [s for s in sources if "://" in s]
        files = [str(p) for p in find_images(Path(s) for s in local)]
        todo = [f for f in files if f not in done]
        skipped = len(files) - len(todo)
        datasets: list[ray.data.Dataset] = []
        if todo:
            datasets.append(ray.data.from_items([{"path": f} for f in todo]))
        if remote:
            # Reading waits on storage, not on a core; asking for none keeps the reads from
            # waiting forever behind actors that hold every CPU.
            read = ray.data.read_binary_files(remote, include_paths=True, num_cpus=0)
            datasets.append(read)
        if on_start:
            on_start(None if remote else len(todo), skipped)
        scanned = 0
        if datasets:
            dataset = datasets[0] if len(datasets) == 1 else datasets[0].union(*datasets[1:])
            matched = dataset.map_batches(
                _Matching,
                fn_constructor_args=(
                    ray.put(snapshot),
                    Limits.of(settings),
                    0,
                    ray.put(done if remote else frozenset()),
                ),
                batch_size=BATCH,
                batch_format="numpy",
                concurrency=workers,
                num_cpus=1,
            )
            for batch in matched.iter_batches(batch_size=BATCH, batch_format="numpy"):
                rows = [_loads(line) for line in batch["line"]]
                out.write(rows)
                scanned += len(rows)
                if on_done:
                    on_done(len(rows))
        return ScanSummary(
            found=len(files) + (scanned if remote else 0),
            skipped=skipped,
            scanned=scanned,
            matched=out.matched,
            failed=out.failed,
            seconds=time.monotonic() - started,
            workers=workers,
        )


def _loads(line: str) -> dict[str, Any]:
    import json

    row: dict[str, Any] = json.loads(line)
    return row
