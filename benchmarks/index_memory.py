"""Memory per hash of the live index at growing sizes, for the 100M projection in docs/scale.md.

Each size is built in a process of its own (so one size's arrays never count in the next's
resident set): a ``MihIndex`` of N random PDQ codes, and beside it the ``ExactIndex`` of N MD5
and of N SHA-256 values, as an image registered in a bank adds one of each. Prints the arrays'
bytes (``nbytes``), the process's resident growth (VmRSS after the inputs are dropped) and the
build time, per hash and per image, and a linear projection to the largest size asked for.

    .venv/bin/python benchmarks/index_memory.py --sizes 1000000,10000000
    .venv/bin/python benchmarks/index_memory.py --quick          # 100k and 300k, seconds
"""

from __future__ import annotations

import argparse
import gc
import json
import subprocess
import sys
import time
from pathlib import Path

import numpy as np

SEED = 20261201


def rss_bytes(field: str = "VmRSS") -> int:
    """The process's resident set (``VmRSS``) or its peak so far (``VmHWM``), in bytes."""
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith(field + ":"):
            return int(line.split()[1]) * 1024
    raise RuntimeError(f"no {field} in /proc/self/status")


def measure(n: int, name: str, seed: int) -> dict[str, float]:
    """Build one index of ``n`` images here; its bytes and build seconds."""
    from unshared.index import ExactIndex, MihIndex

    out: dict[str, float] = {"n": n}
    rng = np.random.default_rng(seed)
    width = {"pdq": 32, "md5": 16, "sha256": 32}[name]
    gc.collect()
    before = rss_bytes()  # before the inputs: they are dropped once the index holds them
    values = rng.integers(0, 256, size=(n, width), dtype=np.uint8)
    ids = np.arange(1, n + 1, dtype=np.int64)
    start = time.perf_counter()
    if name == "pdq":
        mih = MihIndex()
        mih.add(ids, values)
        mih.merge()
        index_bytes = mih.nbytes
        del values, ids
    else:
        exact = ExactIndex(width, delta_max=n + 1)
        raw = [bytes(row) for row in values]
        del values
        exact.add(ids, raw)
        exact.merge()
        del raw, ids
        index_bytes = exact.nbytes
    out[f"{name}_build_s"] = time.perf_counter() - start
    gc.collect()
    out[f"{name}_nbytes"] = index_bytes
    out[f"{name}_rss"] = rss_bytes() - before
    out[f"{name}_peak"] = rss_bytes("VmHWM") - before
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", default="1000000,10000000", help="comma-separated")
    parser.add_argument("--project", type=int, default=100_000_000, help="size projected to")
    parser.add_argument("--seed", type=int, default=SEED)
    parser.add_argument("--quick", action="store_true", help="100k and 300k")
    parser.add_argument("--one", type=int, help=argparse.SUPPRESS)  # a child's size
    parser.add_argument("--kind", default="pdq", help=argparse.SUPPRESS)  # and index
    args = parser.parse_args()
    if args.one:
        print(json.dumps(measure(args.one, args.kind, args.seed)))
        return
    sizes = [100_000, 300_000] if args.quick else [int(s) for s in args.sizes.split(",")]
    print(f"seed {args.seed}; random codes; one process per size and index", flush=True)
    rows = []
    for n in sizes:
        row: dict[str, float] = {}
        for kind in ("pdq", "md5", "sha256"):
            child = [sys.executable, __file__, "--one", str(n), "--kind", kind]
            child += ["--seed", str(args.seed)]
            run = subprocess.run(child, check=True, capture_output=True)
            row |= json.loads(run.stdout)
        rows.append(row)
        r = rows[-1]
        print(
            f"{n:>12,} images: "
            + ", ".join(
                f"{k} {r[f'{k}_nbytes'] / n:.1f} B/hash arrays, {r[f'{k}_rss'] / n:.1f} B/hash "
                f"resident, peak {r[f'{k}_peak'] / n:.1f} B/hash while built in "
                f"{r[f'{k}_build_s']:.1f} s"
                for k in ("pdq", "md5", "sha256")
            ),
            flush=True,
        )
    last, n = rows[-1], rows[-1]["n"]
    for what in ("rss", "nbytes"):
        per_pdq = last[f"pdq_{what}"] / n
        per_image = sum(last[f"{k}_{what}"] for k in ("pdq", "md5", "sha256")) / n
        label = "resident" if what == "rss" else "arrays"
        print(
            f"{label} at {int(n):,}: {per_pdq:.1f} B per PDQ hash, {per_image:.1f} B per image "
            f"(PDQ + MD5 + SHA-256); projected to {args.project:,}: PDQ "
            f"{per_pdq * args.project / 2**30:.1f} GiB, all three "
            f"{per_image * args.project / 2**30:.1f} GiB"
        )


if __name__ == "__main__":
    main()
