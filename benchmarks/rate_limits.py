"""What a rate-limit hit costs with many keys, and what one PIN guess costs the server.

Fills each storage with ``--keys`` client addresses (one hit each), then times 2,000 further hits
spread over two seconds, as a server under steady traffic sees them: the time of one hit, and
the CPU the process spent in those two seconds (``limits``' own memory storage sweeps every key
from a timer thread while hits come in). Then times ``verify_pin`` (scrypt, as stored). Keys
are the addresses 10.0.0.0 onwards, in order: nothing random, no seed to record.

    .venv/bin/python benchmarks/rate_limits.py [--keys 250000] [--redis redis://127.0.0.1:6379/15]
"""

from __future__ import annotations

import argparse
import secrets
import statistics
import time

from limits import RateLimitItemPerHour
from limits.storage import MemoryStorage, Storage, storage_from_string
from limits.strategies import FixedWindowRateLimiter

from unshared.api.limits import MemoryLimitStorage
from unshared.bank.secrets import hash_pin, new_pin, verify_pin


def address(i: int) -> str:
    return f"10.{(i >> 16) & 255}.{(i >> 8) & 255}.{i & 255}"


def measure(storage: Storage, keys: int, prefix: str) -> tuple[float, float, float, float]:
    """Fill seconds, median and 99th-percentile microseconds a hit, CPU share while hit."""
    limiter = FixedWindowRateLimiter(storage)
    item = RateLimitItemPerHour(10, namespace=prefix)
    started = time.perf_counter()
    for i in range(keys):
        limiter.hit(item, "pin-failures", address(i))
    filled = time.perf_counter() - started
    times = []
    cpu, wall = time.process_time(), time.perf_counter()
    for i in range(2000):
        one = time.perf_counter()
        limiter.hit(item, "pin-failures", address(keys + i))
        times.append(time.perf_counter() - one)
        time.sleep(0.001)
    cpu, wall = time.process_time() - cpu, time.perf_counter() - wall
    times.sort()
    return filled, statistics.median(times) * 1e6, times[int(0.99 * len(times))] * 1e6, cpu / wall


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--keys", type=int, default=250_000)
    parser.add_argument("--redis", default="", help="also time this Redis")
    args = parser.parse_args()
    storages: list[tuple[str, Storage]] = [
        ("limits' MemoryStorage", MemoryStorage()),
        ("ours (MemoryLimitStorage)", MemoryLimitStorage()),
    ]
    if args.redis:
        redis = storage_from_string(args.redis)
        assert isinstance(redis, Storage)
        storages.append(("Redis", redis))
    print(f"{args.keys:,} keys, then 2,000 hits a millisecond apart\n")
    print("| storage | fill (s) | median hit (us) | p99 hit (us) | CPU share while hit |")
    print("|---|---|---|---|---|")
    for name, storage in storages:
        prefix = f"bench-{secrets.token_hex(4)}"
        filled, median, p99, share = measure(storage, args.keys, prefix)
        print(f"| {name} | {filled:.1f} | {median:.1f} | {p99:.1f} | {share:.0%} |")
        if name == "Redis":  # remove this run's keys, and only those
            client = storage.storage  # type: ignore[attr-defined]
            for key in client.scan_iter(match=f"{storage.key_prefix}:{prefix}/*", count=10_000):  # type: ignore[attr-defined]
                client.delete(key)
    stored = hash_pin(new_pin())
    runs = []
    for _ in range(20):
        started = time.perf_counter()
        verify_pin("AAAAA-AAAAA", stored)
        runs.append(time.perf_counter() - started)
    print(f"\nverify_pin (scrypt as stored): median {statistics.median(runs) * 1e3:.1f} ms a guess")


if __name__ == "__main__":
    main()
