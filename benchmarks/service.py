"""Matches per second and latency over HTTP on 127.0.0.1, with a bank of N PDQ hashes.

    .venv/bin/python benchmarks/service.py [--size 1000000] [--requests 4000] [--seconds 60]

Builds a SQLite bank of ``--size`` random PDQ hashes (seeded) in a temporary folder, starts
``unshared serve`` on a free port in its own process, and drives it from a second process with a
fixed number of requests (and a time cap), ``--concurrency`` at a time: first hash queries (all
8 PDQ variants, half of them near a banked hash so they match), then image uploads of generated
photos. Prints requests/s and p50/p99 latency for each. Traffic goes only to 127.0.0.1.
"""

from __future__ import annotations

import argparse
import io
import json
import os
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any

import httpx
import numpy as np
from PIL import Image

from unshared.actions.platforms import Platforms
from unshared.bank import open_store
from unshared.config import Settings
from unshared.signals import Pdq


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port: int = s.getsockname()[1]
        return port


def build_bank(home: Path, size: int, seed: int) -> tuple[np.ndarray, str]:
    """A bank of ``size`` random PDQ hashes; returns the codes and an operator key."""
    rng = np.random.default_rng(seed)
    codes = rng.integers(0, 256, (size, 32), dtype=np.uint8)
    settings = Settings.load(env={}, home=home)
    store = open_store(settings.resolved_store_url)
    store.create_bank("ncii")
    started = time.perf_counter()
    records = ((Pdq(bytes(row)), {}) for row in codes)
    summary = store.import_records("ncii", records, source="bench", batch_size=20_000)
    print(
        f"bank: {summary.added:,} hashes in {time.perf_counter() - started:.1f} s", file=sys.stderr
    )
    _, key = Platforms(store, settings.flood_matches).create_key("bench", "platform", "bench")
    store.close()
    return codes, key


def start_server(home: Path, port: int) -> subprocess.Popen[bytes]:
    command = [sys.executable, "-m", "unshared", "--home", str(home), "serve", "--port", str(port)]
    server = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    deadline = time.monotonic() + 900
    while time.monotonic() < deadline:
        try:
            if httpx.get(f"http://127.0.0.1:{port}/readyz", timeout=2).status_code == 200:
                return server
        except httpx.TransportError:
            pass
        if server.poll() is not None:
            raise SystemExit(
                f"the server stopped: {server.stderr.read().decode() if server.stderr else ''}"
            )
        time.sleep(0.5)
    server.kill()
    raise SystemExit("the server did not become ready in time")


def queries(codes: np.ndarray, n: int, seed: int) -> list[dict[str, Any]]:
    rng = np.random.default_rng(seed + 1)
    out = []
    for i in range(n):
        if i % 2 == 0:  # near a banked hash: flip 8 bits
            code = codes[rng.integers(len(codes))].copy()
            bits = np.unpackbits(code)
            bits[rng.choice(256, 8, replace=False)] ^= 1
            code = np.packbits(bits)
        else:
            code = rng.integers(0, 256, 32, dtype=np.uint8)
        variants = [bytes(code).hex()] + [
            bytes(rng.integers(0, 256, 32, dtype=np.uint8)).hex() for _ in range(7)
        ]
        out.append({"pdq": variants, "quality": 100})
    return out


def images(n: int, seed: int) -> list[bytes]:
    rng = np.random.default_rng(seed + 2)
    out = []
    for _ in range(n):
        small = rng.integers(0, 256, (12, 16, 3), dtype=np.uint8)
        image = Image.fromarray(small).resize((640, 480), Image.Resampling.BICUBIC)
        buffer = io.BytesIO()
        image.save(buffer, "JPEG", quality=85)
        out.append(buffer.getvalue())
    return out


def drive(
    url: str, key: str, bodies: list[Any], kind: str, concurrency: int, seconds: float
) -> dict[str, Any]:
    """Send ``bodies`` with ``concurrency`` workers, stopping early at ``seconds``."""
    headers = {"Authorization": f"Bearer {key}"}
    deadline = time.monotonic() + seconds
    latencies: list[float] = []
    errors = 0
    matched = 0

    def one(client: httpx.Client, body: Any) -> tuple[float, int, bool]:
        if time.monotonic() > deadline:
            return -1.0, 0, False
        start = time.perf_counter()
        if kind == "hashes":
            r = client.post("/v1/match", json=body, headers=headers)
        else:
            r = client.post(
                "/v1/match/image",
                content=body,
                headers={**headers, "Content-Type": "application/octet-stream"},
            )
        elapsed = time.perf_counter() - start
        return elapsed, r.status_code, r.status_code == 200 and r.json()["matched"]

    limits = httpx.Limits(max_connections=concurrency)
    with httpx.Client(base_url=url, limits=limits, timeout=30) as client:
        for _ in range(min(20, len(bodies))):  # warm up
            one(client, bodies[0])
        started = time.perf_counter()
        with ThreadPoolExecutor(concurrency) as pool:
            for elapsed, status, hit in pool.map(lambda b: one(client, b), bodies):
                if elapsed < 0:
                    continue
                latencies.append(elapsed)
                errors += status != 200
                matched += hit
        wall = time.perf_counter() - started
    latencies.sort()
    return {
        "kind": kind,
        "requests": len(latencies),
        "errors": errors,
        "matched": matched,
        "per_second": len(latencies) / wall,
        "p50_ms": 1000 * statistics.median(latencies),
        "p99_ms": 1000 * latencies[int(0.99 * (len(latencies) - 1))],
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--size", type=int, default=1_000_000)
    parser.add_argument("--requests", type=int, default=4000)
    parser.add_argument("--images", type=int, default=400)
    parser.add_argument("--concurrency", type=int, default=8)
    parser.add_argument("--seconds", type=float, default=60)
    parser.add_argument("--seed", type=int, default=20261125)
    parser.add_argument("--out", type=Path)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="unshared-bench-") as tmp:
        home = Path(tmp)
        codes, key = build_bank(home, args.size, args.seed)
        port = free_port()
        started = time.perf_counter()
        server = start_server(home, port)
        ready = time.perf_counter() - started
        try:
            url = f"http://127.0.0.1:{port}"
            # The server runs in its own process; the load comes from this one.
            results = [
                drive(
                    url,
                    key,
                    queries(codes, args.requests, args.seed),
                    "hashes",
                    args.concurrency,
                    args.seconds,
                ),
                drive(
                    url,
                    key,
                    images(args.images, args.seed),
                    "image",
                    args.concurrency,
                    args.seconds,
                ),
            ]
        finally:
            server.terminate()
            server.wait(30)
    print(
        f"\n`{' '.join(sys.argv)}` on {os.cpu_count()} cores; bank of {args.size:,} PDQ hashes"
        f" (seed {args.seed}); server ready in {ready:.1f} s\n"
    )
    print("| query | requests | errors | matched | requests/s | p50 ms | p99 ms |")
    print("|---|--:|--:|--:|--:|--:|--:|")
    for r in results:
        print(
            f"| {r['kind']} | {r['requests']} | {r['errors']} | {r['matched']} |"
            f" {r['per_second']:.0f} | {r['p50_ms']:.2f} | {r['p99_ms']:.2f} |"
        )
    if args.out:
        args.out.write_text(
            json.dumps({"args": vars(args) | {"out": str(args.out)}, "results": results}, indent=2)
        )


if __name__ == "__main__":
    main()
