"""The rate-limit storages, one contract for all: memory, PostgreSQL (ours) and Redis.

Hits from many threads at once must count exactly, or a budget shared by server processes
leaks; a refund never takes a count below zero; a window that ends starts again from zero.
"""

from __future__ import annotations

import secrets
import socket
import time
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor

import pytest
from limits.storage import Storage

from unshared.api.limits import MemoryLimitStorage, RateLimits, open_limit_storage
from unshared.bank.ratelimits import TABLE, PostgresLimitStorage
from unshared.errors import InvalidInput, RateLimited, Unavailable

REDIS_URL = "redis://127.0.0.1:6379/0"


def _redis_up() -> bool:
    try:
        socket.create_connection(("127.0.0.1", 6379), timeout=1).close()
    except OSError:
        return False
    return True


@pytest.fixture(params=["memory", "postgres", "redis"])
def limit_url(request: pytest.FixtureRequest) -> str:
    if request.param == "memory":
        return "memory://"
    if request.param == "redis":
        if not _redis_up():
            pytest.skip("no Redis server on 127.0.0.1:6379")
        return REDIS_URL
    return str(request.getfixturevalue("postgres_schema_url"))


@pytest.fixture
def limits(limit_url: str) -> Iterator[RateLimits]:
    # A prefix of its own, so runs never share counters in a shared Redis.
    made = RateLimits(limit_url, prefix=f"test-{secrets.token_hex(6)}")
    yield made
    made.close()


def test_concurrent_hits_count_exactly(limits: RateLimits) -> None:
    budget = limits.budget("pins", 50, "things")

    def one(_: int) -> bool:
        try:
            budget.hit("203.0.113.9")
        except RateLimited:
            return False
        return True

    with ThreadPoolExecutor(8) as pool:
        allowed = list(pool.map(one, range(200)))
    assert sum(allowed) == 50
    with pytest.raises(RateLimited) as refused:
        budget.check("203.0.113.9")
    assert 1 <= refused.value.detail["retry_after"] <= 3600
    budget.check("203.0.113.10")  # another key has its own budget


def test_counts_exactly_at_the_storage(limits: RateLimits) -> None:
    storage = limits.storage
    key = f"{limits.prefix}/raw"
    with ThreadPoolExecutor(8) as pool:
        list(pool.map(lambda _: storage.incr(key, 60), range(400)))
    assert storage.get(key) == 400
    assert time.time() < storage.get_expiry(key) <= time.time() + 61
    storage.clear(key)
    assert storage.get(key) == 0


def test_refund_gives_back_and_never_goes_below_zero(limits: RateLimits) -> None:
    budget = limits.budget("pins", 2, "things")
    budget.hit("a")
    budget.hit("a")
    with pytest.raises(RateLimited):
        budget.check("a")
    budget.refund("a")
    budget.check("a")
    budget.refund("b")  # nothing spent: stays at zero, no bonus
    budget.hit("b")
    budget.hit("b")
    with pytest.raises(RateLimited):
        budget.hit("b")


def test_a_window_that_ends_starts_again(limits: RateLimits) -> None:
    budget = limits.budget("short", 1, "things", window=1)
    budget.hit("a")
    with pytest.raises(RateLimited) as refused:
        budget.hit("a")
    assert refused.value.detail["retry_after"] == 1
    time.sleep(1.2)
    budget.hit("a")


def test_postgres_storage_sweeps_ended_windows(postgres_schema_url: str) -> None:
    url = postgres_schema_url
    storage = PostgresLimitStorage(url)
    again = PostgresLimitStorage(url)  # a second process's storage finds the table made
    try:
        storage.incr("short", 1)
        storage.incr("long", 3600)
        assert again.get("short") == 1
        time.sleep(1.2)
        assert storage.get("short") == 0
        assert storage.sweep() == 1
        with storage._pool.connection() as conn:
            rows = conn.execute(f"SELECT key FROM {TABLE}").fetchall()
        assert rows == [("long",)]
    finally:
        storage.close()
        again.close()


def test_storage_urls() -> None:
    assert isinstance(open_limit_storage("memory://"), MemoryLimitStorage)
    assert isinstance(open_limit_storage(REDIS_URL), Storage)
    with pytest.raises(InvalidInput):
        open_limit_storage("carrier-pigeon://loft")


def test_memory_storage_stays_fast_with_many_keys() -> None:
    # The issue: the old limiter took 64 ms a hit past 100,000 keys.
    limits = RateLimits("memory://")
    budget = limits.budget("pins", 10, "things")
    for i in range(250_000):
        budget.hit(f"10.{i >> 16}.{(i >> 8) & 255}.{i & 255}")
    assert len(limits.storage) == 250_000  # type: ignore[arg-type]
    started = time.perf_counter()
    for i in range(1000):
        budget.hit(f"198.51.100.{i % 250}")
    per_hit = (time.perf_counter() - started) / 1000
    assert per_hit < 0.001, f"{per_hit * 1e6:.0f} us a hit"


def test_a_storage_out_of_reach_refuses_rather_than_lets_through() -> None:
    # Port 1 on this machine: nothing listens, so the connection is refused at once.
    budget = RateLimits("redis://127.0.0.1:1/0").budget("pins", 10, "things")
    with pytest.raises(Unavailable):
        budget.hit("203.0.113.9")
    with pytest.raises(Unavailable):
        RateLimits("postgresql://postgres@127.0.0.1:1/test")
