"""PDQ index benchmark: memory, build, query latency and throughput, add/remove, save/load.

Compares, in one run and on the same codes and queries, Unshared's ``MihIndex``, its brute-force
scan, and python-threatexchange's ``PDQIndex`` (faiss multi-index hashing) and ``PDQIndex2``
(faiss flat L2), the last two at 1M only. Checks that every index returns exactly what a scan
returns within the radius, and says so.

    .venv/bin/python benchmarks/index.py                      # 1M and 10M, ~15 minutes
    .venv/bin/python benchmarks/index.py --sizes 1000000
    .venv/bin/python benchmarks/index.py --quick              # a smoke run, under a minute

Data: "random" codes are uniform; "clustered" codes are near-duplicates round n/4 random centres
(1-16 bits flipped), like the PDQ hashes of re-encoded and edited copies of the same photos.
Queries: half a stored code with 1-8 bits flipped (each must be found), half uniform random.
Memory is the index's arrays (``nbytes``) and the growth of the process's resident set (VmRSS).
"""

from __future__ import annotations

import argparse
import gc
import os
import platform
import shutil
import sys
import tempfile
import time
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import numpy as np

from unshared.index import BruteForceIndex, Hits, MihIndex

RADIUS = 31


@dataclass
class Row:
    n: int
    data: str
    index: str
    build_s: float = float("nan")
    memory_mb: float = float("nan")
    rss_mb: float = float("nan")
    p50_ms: float = float("nan")
    p99_ms: float = float("nan")
    qps: float = float("nan")
    # One call with 8 codes, as the matcher asks for the 8 variants of a photo; 1 thread.
    v8_p50_ms: float = float("nan")
    v8_p99_ms: float = float("nan")
    exact: str = "-"
    extra: dict[str, str] = field(default_factory=dict)


def log(message: str) -> None:
    print(f"[{time.strftime('%H:%M:%S')}] {message}", file=sys.stderr, flush=True)


def rss_mb() -> float:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return float("nan")


@contextmanager
def step(what: str) -> Iterator[None]:
    log(f"{what} ...")
    start = time.perf_counter()
    yield
    log(f"{what}: {time.perf_counter() - start:.1f} s")


# Data.


def flip_bits(rng: np.random.Generator, codes: np.ndarray, low: int, high: int) -> np.ndarray:
    """Each row with ``low..high`` random bits flipped (a bit drawn twice stays: rarely fewer)."""
    out = codes.copy()
    counts = rng.integers(low, high + 1, size=len(out))
    rows = np.arange(len(out))
    for j in range(high):
        bits = rng.integers(0, 256, size=len(out))
        flip = (j < counts).astype(np.uint8) << (bits % 8).astype(np.uint8)
        out[rows, bits // 8] ^= flip
    return out


def make_codes(rng: np.random.Generator, n: int, kind: str) -> np.ndarray:
    if kind == "random":
        return rng.integers(0, 256, size=(n, 32), dtype=np.uint8)
    centres = rng.integers(0, 256, size=(max(1, n // 4), 32), dtype=np.uint8)
    out = np.empty((n, 32), dtype=np.uint8)
    for start in range(0, n, 1 << 20):
        stop = min(n, start + (1 << 20))
        picked = centres[rng.integers(0, len(centres), size=stop - start)]
        out[start:stop] = flip_bits(rng, picked, 1, 16)
    return out


def make_queries(
    rng: np.random.Generator, codes: np.ndarray, count: int
) -> tuple[np.ndarray, np.ndarray]:
    """Queries in random order, and which of them are near a stored code."""
    near = flip_bits(rng, codes[rng.integers(0, len(codes), size=count // 2)], 1, 8)
    far = rng.integers(0, 256, size=(count - count // 2, 32), dtype=np.uint8)
    order = rng.permutation(count)
    return np.concatenate([near, far])[order], (order < count // 2)


# Measurements.


def latencies(query_one: Callable[[Any], object], queries: Sequence[Any]) -> list[float]:
    out = []
    for q in queries:
        start = time.perf_counter()
        query_one(q)
        out.append(time.perf_counter() - start)
    return out


def p(values: list[float], q: float) -> float:
    return float(np.percentile(np.asarray(values) * 1e3, q))


def as_sets(hits: list[Hits]) -> list[set[int]]:
    return [set(h.ids.tolist()) for h in hits]


def compare(got: list[set[int]], want: list[set[int]]) -> str:
    if got == want:
        return f"yes ({sum(map(len, want))} matches)"
    missed = sum(len(w - g) for g, w in zip(got, want, strict=True))
    extra = sum(len(g - w) for g, w in zip(got, want, strict=True))
    return f"NO: {missed} missed, {extra} extra"


def bench_mih(
    n: int, data: str, codes: np.ndarray, queries: np.ndarray, args: argparse.Namespace
) -> tuple[Row, MihIndex]:
    row = Row(n, data, "Unshared MihIndex")
    gc.collect()
    before = rss_mb()
    index = MihIndex(threads=args.threads)
    with step(f"{data} {n:,}: MihIndex build"):
        start = time.perf_counter()
        index.add(np.arange(n, dtype=np.int64), codes)
        row.build_s = time.perf_counter() - start
    row.memory_mb, row.rss_mb = index.nbytes / 1e6, rss_mb() - before
    with step(f"{data} {n:,}: MihIndex queries"):
        single = queries[: args.single]
        times = latencies(lambda q: index.query(q[None, :], RADIUS), single)
        row.p50_ms, row.p99_ms = p(times, 50), p(times, 99)
        start = time.perf_counter()
        index.query(queries, RADIUS)
        row.qps = len(queries) / (time.perf_counter() - start)
        index.threads = 1
        eights = [queries[i : i + 8] for i in range(0, len(queries) - 7, 8)]
        times = latencies(lambda q: index.query(q, RADIUS), eights)
        row.v8_p50_ms, row.v8_p99_ms = p(times, 50), p(times, 99)
        start = time.perf_counter()
        index.query(queries, RADIUS)
        row.extra["batch q/s on 1 thread"] = f"{len(queries) / (time.perf_counter() - start):,.0f}"
        index.threads = args.threads
    return row, index


def bench_brute(
    n: int, data: str, codes: np.ndarray, queries: np.ndarray, count: int
) -> tuple[Row, list[Hits]]:
    row = Row(n, data, "brute-force scan (numpy)")
    gc.collect()
    before = rss_mb()
    index = BruteForceIndex()
    start = time.perf_counter()
    index.add(np.arange(n, dtype=np.int64), codes)
    row.build_s = time.perf_counter() - start
    row.memory_mb, row.rss_mb = index.nbytes / 1e6, rss_mb() - before
    with step(f"{data} {n:,}: brute-force scan of {count} queries"):
        single = queries[: min(count, 200)]
        times = latencies(lambda q: index.query(q[None, :], RADIUS), single)
        row.p50_ms, row.p99_ms = p(times, 50), p(times, 99)
        start = time.perf_counter()
        hits = index.query(queries[:count], RADIUS)
        row.qps = count / (time.perf_counter() - start)
    row.extra["queries"] = str(count)
    return row, hits


def bench_faiss_flat(codes: np.ndarray, queries: np.ndarray) -> list[set[int]]:
    """An independent exhaustive scan (faiss, C++) to check every query at 10M."""
    import faiss

    flat = faiss.IndexBinaryFlat(256)
    flat.add(codes)
    limits, _, labels = flat.range_search(queries, RADIUS + 1)  # faiss: distance < radius
    return [set(labels[limits[i] : limits[i + 1]].tolist()) for i in range(len(queries))]


def bench_threatexchange(
    n: int, data: str, codes: np.ndarray, queries: np.ndarray, which: str, count: int
) -> tuple[Row, list[set[int]]]:
    import faiss
    from threatexchange.signal_type.pdq.pdq_index import PDQIndex
    from threatexchange.signal_type.pdq.pdq_index2 import PDQIndex2

    row = Row(n, data, f"threatexchange {which}")
    hexes = [bytes(c).hex() for c in codes]
    query_hexes = [bytes(q).hex() for q in queries[:count]]
    gc.collect()
    before = rss_mb()
    with step(f"{data} {n:,}: {which} build"):
        start = time.perf_counter()
        kind: Any = PDQIndex if which == "PDQIndex" else PDQIndex2
        index = kind(entries=zip(hexes, range(n), strict=True))
        row.build_s = time.perf_counter() - start
    row.rss_mb = rss_mb() - before
    found: list[set[int]] = []
    with step(f"{data} {n:,}: {which} {count} queries"):
        faiss.omp_set_num_threads(1)  # one query at a time: threads only add overhead
        query = index.query
        times = latencies(lambda h: found.append({m.metadata for m in query(h)}), query_hexes)
        row.p50_ms, row.p99_ms = p(times, 50), p(times, 99)
        faiss.omp_set_num_threads(os.cpu_count() or 1)
        # Their public API takes one hash; time the batch call underneath it.
        start = time.perf_counter()
        if which == "PDQIndex":
            index.index.search_with_distance_in_result(query_hexes, RADIUS)
        else:
            index._index.search(query_hexes, RADIUS)
        row.qps = count / (time.perf_counter() - start)
    row.extra["queries"] = str(count)
    del index
    gc.collect()
    return row, found


def bench_updates(index: MihIndex, codes: np.ndarray, args: argparse.Namespace) -> dict[str, str]:
    """Single-id adds and removes on the live index, then an explicit merge, then save/load."""
    n, rng = len(codes), np.random.default_rng(args.seed + 1)
    count = args.updates
    new_codes = codes[rng.integers(0, n, size=count)]
    add_t, remove_t = [], []
    for i in range(count):
        start = time.perf_counter()
        index.add([n + i], new_codes[i : i + 1])
        add_t.append(time.perf_counter() - start)
    for victim in rng.choice(n, size=count, replace=False):
        start = time.perf_counter()
        index.remove([int(victim)])
        remove_t.append(time.perf_counter() - start)
    index.add(np.arange(n + count, n + count + 100), new_codes[:100])  # pending, for the merge
    start = time.perf_counter()
    index.merge()
    merge_s = time.perf_counter() - start
    # An id below the stored ones makes the next merge renumber every row and drop removed ones.
    index.add([-1], new_codes[:1])
    start = time.perf_counter()
    index.merge()
    renumber_s = time.perf_counter() - start
    folder = Path(tempfile.mkdtemp(prefix="unshared-bench-"))
    try:
        path = folder / "pdq.idx"
        start = time.perf_counter()
        index.save(path, {"feed_seq": 1})
        save_s = time.perf_counter() - start
        size_mb = path.stat().st_size / 1e6
        start = time.perf_counter()
        MihIndex.load(path)
        load_s = time.perf_counter() - start
    finally:
        shutil.rmtree(folder)
    return {
        "add p50/p99/max ms": f"{p(add_t, 50):.3f} / {p(add_t, 99):.2f} / {max(add_t) * 1e3:.0f}",
        "remove p50/p99/max ms": (
            f"{p(remove_t, 50):.3f} / {p(remove_t, 99):.2f} / {max(remove_t) * 1e3:.0f}"
        ),
        "merge (append) s": f"{merge_s:.2f}",
        "merge (renumber) s": f"{renumber_s:.2f}",
        "save (fsync) / load (CRC) s": f"{save_s:.2f} / {load_s:.2f}",
        "file MB": f"{size_mb:.0f}",
    }


def run(args: argparse.Namespace) -> None:
    rows: list[Row] = []
    updates: list[tuple[int, dict[str, str]]] = []
    for n in args.sizes:
        for data in ("random", "clustered"):
            rng = np.random.default_rng([args.seed, n, data == "clustered"])
            with step(f"{data} {n:,}: generate codes and {args.queries} queries"):
                codes = make_codes(rng, n, data)
                queries, is_near = make_queries(rng, codes, args.queries)
            mih_row, mih = bench_mih(n, data, codes, queries, args)
            rows.append(mih_row)
            got = as_sets(mih.query(queries, RADIUS))
            small = n <= args.full_scan_max
            brute_count = len(queries) if small else args.scan_queries
            brute_row, brute_hits = bench_brute(n, data, codes, queries, brute_count)
            rows.append(brute_row)
            want_scan = as_sets(brute_hits)
            check = [f"scan: {compare(got[:brute_count], want_scan)} on {brute_count} queries"]
            if not small:
                with step(f"{data} {n:,}: faiss exhaustive scan of all queries (check only)"):
                    check.append(f"faiss scan: {compare(got, bench_faiss_flat(codes, queries))}")
            mih_row.exact = "; ".join(check)
            near = [s for s, wanted in zip(got, is_near, strict=True) if wanted]
            mih_row.extra["near queries found"] = f"{sum(1 for s in near if s)}/{len(near)}"
            if small and args.threatexchange:
                for which, count in (("PDQIndex", len(queries)), ("PDQIndex2", args.pdq2_queries)):
                    row, found = bench_threatexchange(n, data, codes, queries, which, count)
                    row.exact = compare(found, want_scan[:count])
                    rows.append(row)
            if data == "random":
                with step(f"{data} {n:,}: adds, removes, merge, save, load"):
                    updates.append((n, bench_updates(mih, codes, args)))
            del mih, codes, queries, is_near
            gc.collect()
    report(rows, updates, args)


def report(rows: list[Row], updates: list[tuple[int, dict[str, str]]], a: Any) -> None:
    load = " ".join(Path("/proc/loadavg").read_text().split()[:3])
    print(f"\n## PDQ index benchmark, {datetime.now(UTC):%Y-%m-%d %H:%M} UTC\n")
    print(f"Command: `{' '.join(['.venv/bin/python', *sys.argv])}`  ")
    print(f"Seed {a.seed}; radius {RADIUS}; {a.queries} queries (half near a stored code, half ")
    print(f"random); single-query latency over the first {a.single}; batch threads {a.threads}.  ")
    cpu = platform.processor() or platform.machine()
    print(f"Machine: {os.cpu_count()} CPUs ({cpu}), Python {platform.python_version()}, ")
    print(
        f"numpy {np.__version__}; load average at the start {a.load_at_start}, at the end {load}."
    )
    print("(Other work on the machine shares its 2 cores; the load average shows how much.)\n")
    print("| n | data | index | build s | index MB | RSS growth MB | p50 ms | p99 ms | batch q/s |")
    print("|---|---|---|---:|---:|---:|---:|---:|---:|")
    for r in rows:
        memory = "-" if np.isnan(r.memory_mb) else f"{r.memory_mb:.0f}"
        print(
            f"| {r.n:,} | {r.data} | {r.index} | {r.build_s:.1f} | {memory} | "
            f"{r.rss_mb:.0f} | {r.p50_ms:.3f} | {r.p99_ms:.3f} | {r.qps:,.0f} |"
        )
    print("\n8-variant queries: one call with 8 codes (consecutive queries, so about half near")
    print(f"a stored code), on 1 thread, {a.queries // 8} calls:\n")
    print("| n | data | index | 8-variant p50 ms | 8-variant p99 ms |")
    print("|---|---|---|---:|---:|")
    for r in rows:
        if not np.isnan(r.v8_p50_ms):
            print(f"| {r.n:,} | {r.data} | {r.index} | {r.v8_p50_ms:.3f} | {r.v8_p99_ms:.3f} |")
    print("\nRSS growth reads low when a step reuses memory an earlier one freed (the second data")
    print("set of each size); the index MB column does not depend on that.")
    print("\nExact within the radius (same ids as a scan, for every query):\n")
    for r in rows:
        notes = "; ".join(f"{k} {v}" for k, v in r.extra.items())
        print(f"- {r.n:,} {r.data}, {r.index}: {r.exact}" + (f" ({notes})" if notes else ""))
    for n, u in updates:
        print(f"\nUpdates on the live MihIndex at {n:,} (random codes, {a.updates} each):\n")
        print("| " + " | ".join(u) + " |")
        print("|" + "---|" * len(u))
        print("| " + " | ".join(u.values()) + " |")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", default="1000000,10000000", help="comma-separated")
    parser.add_argument("--queries", type=int, default=2000)
    parser.add_argument("--single", type=int, default=1000, help="queries timed one at a time")
    parser.add_argument("--seed", type=int, default=20260514)
    parser.add_argument("--threads", type=int, default=os.cpu_count() or 1)
    parser.add_argument("--updates", type=int, default=5000, help="single adds and removes")
    parser.add_argument("--full-scan-max", type=int, default=1_000_000)
    parser.add_argument("--scan-queries", type=int, default=20, help="scanned above that size")
    parser.add_argument("--pdq2-queries", type=int, default=200, help="PDQIndex2 is a flat scan")
    parser.add_argument("--no-threatexchange", dest="threatexchange", action="store_false")
    parser.add_argument("--quick", action="store_true", help="100k codes, 200 queries")
    args = parser.parse_args()
    if args.quick:
        args.sizes, args.queries, args.single, args.updates = "100000", 200, 200, 300
        args.pdq2_queries = 50
    args.sizes = [int(s) for s in args.sizes.split(",")]
    started = time.perf_counter()
    args.load_at_start = " ".join(Path("/proc/loadavg").read_text().split()[:3])
    run(args)
    print(f"\nTotal time {(time.perf_counter() - started) / 60:.1f} min.")


if __name__ == "__main__":
    main()
