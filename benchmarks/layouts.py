"""The index's layouts side by side: the same codes in ``MihIndex(tables=m)`` for several ``m``,
their 8-variant queries timed in turn, so every layout sees the same noise.

    .venv/bin/python benchmarks/layouts.py --size 10000000 --tables 12,13,16

Codes are random; every other query is a stored code with about 5% of its bits flipped (a
near copy), the rest random. Each round times 250 calls of 8 queries (radius 31) on each
layout in turn, in CPU time; the table gives each layout's median over the rounds. Each layout
holds its own copy of the tables: about 1 GB each at 10M codes.
"""

from __future__ import annotations

import argparse
import statistics
import time

import numpy as np

from unshared.index import MihIndex


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--size", type=int, default=10_000_000)
    parser.add_argument("--tables", default="12,13,16", help="table counts, comma-separated")
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--seed", type=int, default=5)
    args = parser.parse_args()
    rng = np.random.default_rng(args.seed)
    codes = rng.integers(0, 256, size=(args.size, 32), dtype=np.uint8)
    ids = np.arange(args.size, dtype=np.int64)
    queries = rng.integers(0, 256, size=(2000, 32), dtype=np.uint8)
    stored = codes[rng.integers(0, args.size, 1000)]
    queries[::2] = stored ^ (rng.random((1000, 32)) < 0.05).astype(np.uint8)
    indexes: dict[int, MihIndex] = {}
    for m in (int(x) for x in args.tables.split(",")):
        started = time.monotonic()
        index = MihIndex(tables=m)
        index.add(ids, codes)
        index.merge()
        index.query(queries[:8], 31)  # the compiled probe loaded
        indexes[m] = index
        tables = index._tables
        assert tables is not None
        print(f"{m} tables of {tables.b} bits: built in {time.monotonic() - started:.0f} s")
    times: dict[int, list[float]] = {m: [] for m in indexes}
    for _ in range(args.rounds):
        for m, index in indexes.items():
            started = time.process_time()
            for k in range(0, len(queries), 8):
                index.query(queries[k : k + 8], 31)
            times[m].append((time.process_time() - started) / (len(queries) / 8) * 1e3)
    print(f"\n{args.size:,} random codes, {args.rounds} rounds; 8-variant query, CPU ms\n")
    print("| tables | bits | median | rounds | tables MB |")
    print("|--:|--:|--:|---|--:|")
    for m, index in indexes.items():
        tables = index._tables
        assert tables is not None
        rounds = ", ".join(f"{t:.2f}" for t in times[m])
        median = statistics.median(times[m])
        print(f"| {m} | {tables.b} | {median:.3f} | {rounds} | {tables.nbytes / 1e6:.0f} |")


if __name__ == "__main__":
    main()
