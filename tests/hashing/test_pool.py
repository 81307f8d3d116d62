"""The decode pool: real worker processes, killed on overrun, capped in memory and in number."""

from __future__ import annotations

import os
import threading
import time
from collections.abc import Iterator

import pytest
from PIL import Image

from tests.hostile import alive, png_of_zeros
from tests.imaging import encode
from unshared.errors import (
    ImageTooComplex,
    ImageTooLarge,
    InvalidInput,
    LowQuality,
    Unavailable,
)
from unshared.hashing.batch import Views, hash_data
from unshared.hashing.decode import Limits
from unshared.hashing.pool import DecodePool
from unshared.signals import Pdq


def _wait_dead(pid: int, seconds: float = 5.0) -> bool:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if not alive(pid):
            return True
        time.sleep(0.05)
    return False


def _raise_invalid(message: str) -> None:
    raise InvalidInput(message, why="test")


def _raise_other() -> None:
    raise KeyError("a bug")


@pytest.fixture
def pool() -> Iterator[DecodePool]:
    pool = DecodePool(workers=1, timeout=5, memory_mb=1024, wait=0.3)
    yield pool
    pool.close()


def test_runs_in_another_process(pool: DecodePool) -> None:
    assert pool.run(os.getpid) != os.getpid()


def test_hashes_like_the_library(pool: DecodePool, photo: Image.Image) -> None:
    args = (encode(photo, "PNG"), Limits(), 0, True, Views(trimmed=True))
    assert pool.run(hash_data, *args) == hash_data(*args)


def test_typed_errors_come_back_as_they_are(pool: DecodePool) -> None:
    with pytest.raises(InvalidInput, match="no good") as caught:
        pool.run(_raise_invalid, "no good")
    assert caught.value.detail == {"why": "test"}
    with pytest.raises(LowQuality):  # a flat picture, hashed in the worker
        pool.run(
            hash_data, png_of_zeros(300, 300), Limits(), Pdq.DEFAULT_MIN_QUALITY, False, Views()
        )
    with pytest.raises(RuntimeError, match="KeyError"):  # our bug, not the sender's
        pool.run(_raise_other)
    assert pool.run(os.getpid) in pool.pids()  # the worker lived through all of them


def test_overrun_kills_the_worker_and_a_new_one_takes_over(pool: DecodePool) -> None:
    pool.timeout = 0.5
    first = pool.run(os.getpid)
    start = time.monotonic()
    with pytest.raises(ImageTooComplex) as caught:
        pool.run(time.sleep, 30)
    assert time.monotonic() - start < 3
    assert caught.value.status == 422
    assert _wait_dead(first)
    assert pool.run(os.getpid) not in (first, os.getpid())


def test_memory_cap_holds_in_the_worker(pool: DecodePool) -> None:
    with pytest.raises(ImageTooLarge):
        pool.run(bytearray, 2 << 30)  # 2 GiB, over the 1 GiB cap
    assert pool.run(len, b"abc") == 3


def test_requests_past_the_cap_wait_then_get_503(pool: DecodePool) -> None:
    busy = threading.Thread(target=pool.run, args=(time.sleep, 2))
    busy.start()
    time.sleep(0.5)  # the one worker is busy for 1.5 s more; the wait is 0.3 s
    try:
        with pytest.raises(Unavailable) as caught:
            pool.run(os.getpid)
        assert caught.value.status == 503
    finally:
        busy.join()
    assert pool.run(len, b"") == 0  # free again


def test_start_then_close_ends_every_worker() -> None:
    pool = DecodePool(workers=2, timeout=5, memory_mb=0, wait=1)
    pool.start()
    pids = pool.pids()
    assert len(pids) == 2 and all(alive(pid) for pid in pids)
    assert pool.run(os.getpid) in pids
    pool.close()
    assert all(_wait_dead(pid) for pid in pids)
    with pytest.raises(Unavailable):
        pool.run(os.getpid)


@pytest.mark.parametrize("what", ["images", "videos"])
def test_past_the_queue_calls_are_refused_at_once(what: str) -> None:
    pool = DecodePool(workers=1, timeout=5, memory_mb=0, wait=3, waiting=0, what=what)
    busy = threading.Thread(target=pool.run, args=(time.sleep, 1.5))
    busy.start()
    try:
        time.sleep(0.5)
        start = time.monotonic()
        with pytest.raises(Unavailable, match=f"too many {what} are being decoded"):
            pool.run(os.getpid)
        assert time.monotonic() - start < 1  # not the 3 s wait: nobody may queue
    finally:
        busy.join()
        pool.close()


def test_a_new_workers_first_task_gets_its_whole_time(photo: Image.Image) -> None:
    """What hashing loads on first use is loaded while the worker starts, not inside the first
    task's time: a tight timeout still lets a replaced worker hash a small photo."""
    small = encode(photo.resize((120, 90)), "PNG")
    pool = DecodePool(workers=1, timeout=0.05, memory_mb=1024, wait=0.3)
    try:
        for _ in range(2):
            assert pool.run(hash_data, small, Limits(), 0, False, Views())
            [pid] = pool.pids()
            with pytest.raises(ImageTooComplex):
                pool.run(time.sleep, 1)
            assert _wait_dead(pid)
    finally:
        pool.close()
