"""Decoding in worker processes under a time and memory bound: the service's sandbox for uploads.

Image decoders are large C libraries fed by strangers. The decoding budget (``decode.Limits``)
refuses what the header shows to be too costly, but a file can still be costly in ways a header
does not show. So the service decodes and hashes uploads in a few worker processes, not in its
own:

- each task has ``timeout`` seconds; a worker that overruns is killed and replaced, and the
  request gets ``ImageTooComplex``. Killing is the only way to stop a C decoder mid-picture, and
  so the work also stops when the client has gone;
- each worker's address space is capped (``RLIMIT_AS``: ``RLIMIT_DATA`` misses memory that a
  library maps itself), so an allocation past it fails inside the worker (``MemoryError``, or a
  dead worker, which is replaced) rather than growing the server;
- at most ``workers`` decodes run at once; a request that cannot get a worker within ``wait``
  seconds gets ``Unavailable`` (503) instead of queueing without end.

Own code rather than ``concurrent.futures``: its process pool cannot kill one task's worker, and
breaks the whole pool when a worker dies. Workers start from a forkserver, never by forking the
server (which has threads), with the hashing modules loaded once in the forkserver.
"""

from __future__ import annotations

import contextlib
import multiprocessing
import os
import queue
import resource
import threading
from collections.abc import Callable
from multiprocessing.connection import Connection
from multiprocessing.process import BaseProcess
from typing import Any, TypeVar

from unshared.errors import CorruptImage, ImageTooComplex, ImageTooLarge, Unavailable, UnsharedError

T = TypeVar("T")

#: Loaded once in the forkserver, so a replaced worker is ready in milliseconds.
PRELOAD = ["unshared.hashing.batch"]
#: What a worker sends once it has warmed up; its tasks' time counts from then on.
READY = "ready"
#: How long a new worker may take to start and warm up (a busy machine: seconds).
START_TIMEOUT = 60.0


def die_with_parent() -> None:
    """Ask Linux to kill this process when its parent dies (a no-op elsewhere), so that workers
    never outlive a killed server or CLI."""
    if not os.path.exists("/proc/self"):  # pragma: no cover - not Linux
        return
    import ctypes
    import signal

    with contextlib.suppress(OSError, AttributeError):
        libc = ctypes.CDLL(None, use_errno=True)
        pr_set_pdeathsig = 1
        libc.prctl(pr_set_pdeathsig, signal.SIGKILL, 0, 0, 0)


def limit_memory(megabytes: int) -> None:
    """Cap this process's address space; 0 leaves it as it is."""
    if megabytes > 0:
        cap = megabytes * 1024 * 1024
        resource.setrlimit(resource.RLIMIT_AS, (cap, cap))


def warm_up() -> None:
    """Hash one tiny picture, so that what the hashing loads on first use (Pillow's openers, the
    PDQ and trimming code) is loaded before the worker's first task, not inside its time."""
    import io

    import numpy as np
    from PIL import Image

    from unshared.hashing.batch import Views, hash_data
    from unshared.hashing.decode import Limits

    picture = Image.fromarray(np.arange(64 * 48 * 3, dtype=np.uint8).reshape(48, 64, 3))
    data = io.BytesIO()
    picture.save(data, format="PNG")
    hash_data(data.getvalue(), Limits(), 0, False, Views())


def _serve(conn: Connection, memory_mb: int) -> None:
    """A worker's loop: say it is ready, then run each ``(function, args)`` sent and answer
    ``(ok, value)``."""
    die_with_parent()
    limit_memory(memory_mb)
    with contextlib.suppress(Exception):  # a failed warm-up only makes the first task slower
        warm_up()
    try:
        conn.send(READY)
    except (EOFError, OSError):
        return
    while True:
        try:
            function, args = conn.recv()
        except (EOFError, OSError):  # the server closed the pool or died
            return
        try:
            answer: tuple[bool, Any] = (True, function(*args))
        except UnsharedError as exc:
            answer = (False, exc)
        except MemoryError:
            answer = (False, ImageTooLarge("the image needs more memory to decode than allowed"))
        except Exception as exc:  # a bug of ours: the server logs it as a 500
            answer = (False, RuntimeError(f"{type(exc).__name__}: {exc}"))
        try:
            conn.send(answer)
        except MemoryError:
            conn.send((False, ImageTooLarge("the answer does not fit in memory")))


class _Worker:
    def __init__(self, context: Any, memory_mb: int) -> None:
        self.conn, child = context.Pipe()
        self.process: BaseProcess = context.Process(
            target=_serve, args=(child, memory_mb), name="unshared-decode", daemon=True
        )
        self.process.start()
        child.close()

    def wait_ready(self) -> None:
        """Wait for the worker to warm up, so that a task's ``timeout`` counts its work only."""
        if not self.conn.poll(START_TIMEOUT) or self.conn.recv() != READY:
            raise EOFError("the worker did not start")

    def kill(self) -> None:
        self.process.kill()
        self.process.join(timeout=5)
        self.conn.close()


class DecodePool:
    """Run functions in ``workers`` worker processes, each call within ``timeout`` seconds and
    each worker within ``memory_mb`` megabytes (0: no cap). Thread-safe; workers start when
    first needed (or at ``start``).

    A call waits up to ``wait`` seconds for a free worker, and at most ``waiting`` calls wait at
    once (default 4 per worker): past that a call is refused at once, so that a flood of uploads
    cannot hold every thread of the server waiting here while other requests starve. ``what``
    the pool decodes (images, videos) is named in that refusal."""

    def __init__(
        self,
        workers: int,
        timeout: float,
        memory_mb: int,
        wait: float,
        waiting: int | None = None,
        *,
        what: str = "images",
    ) -> None:
        self.what = what
        self.timeout = timeout
        self.memory_mb = memory_mb
        self.wait = wait
        self.workers = workers
        self._room = threading.BoundedSemaphore(
            workers + (4 * workers if waiting is None else waiting)
        )
        self._slots = threading.BoundedSemaphore(workers)
        self._idle: queue.SimpleQueue[_Worker] = queue.SimpleQueue()
        self._all: set[_Worker] = set()
        self._lock = threading.Lock()
        self._closed = False
        self._context = multiprocessing.get_context("forkserver")
        self._context.set_forkserver_preload(PRELOAD)

    def start(self) -> None:
        """Start the workers now rather than on the first uploads."""
        with self._lock:
            missing = self.workers - len(self._all)
        for _ in range(max(0, missing)):
            self._idle.put(self._new())

    def run(self, function: Callable[..., T], *args: Any) -> T:
        """``function(*args)`` in a worker; its ``UnsharedError`` is raised here as it is."""
        busy = Unavailable(
            f"too many {self.what} are being decoded; try again shortly", retry_after=1
        )
        if not self._room.acquire(blocking=False):
            raise busy
        try:
            if not self._slots.acquire(timeout=self.wait):
                raise busy
            try:
                return self._run(function, args)
            finally:
                self._slots.release()
        finally:
            self._room.release()

    def _run(self, function: Callable[..., T], args: tuple[Any, ...]) -> T:
        worker = self._take()
        try:
            worker.conn.send((function, args))
            if not worker.conn.poll(self.timeout):
                self._discard(worker)
                raise ImageTooComplex(
                    f"the image took more than {self.timeout:g} s to decode", limit=self.timeout
                )
            ok, value = worker.conn.recv()
        except (EOFError, OSError):
            # The worker died: its memory cap, or a decoder that crashed on this file.
            self._discard(worker)
            raise CorruptImage("the decoder stopped on this image", worker="died") from None
        self._idle.put(worker)
        if not ok:
            raise value
        return value  # type: ignore[no-any-return]

    def _take(self) -> _Worker:
        while True:
            try:
                worker = self._idle.get_nowait()
            except queue.Empty:
                return self._new()
            if worker.process.is_alive():
                return worker
            self._discard(worker)

    def _new(self) -> _Worker:
        with self._lock:
            if self._closed:
                raise Unavailable("the service is shutting down")
            worker = _Worker(self._context, self.memory_mb)
            self._all.add(worker)
        try:
            worker.wait_ready()
        except (EOFError, OSError):
            self._discard(worker)
            raise Unavailable(
                "a decoding worker failed to start; try again", retry_after=1
            ) from None
        return worker

    def _discard(self, worker: _Worker) -> None:
        with self._lock:
            self._all.discard(worker)
        worker.kill()

    def pids(self) -> list[int]:
        """The worker processes' ids (for tests and metrics)."""
        with self._lock:
            return [w.process.pid for w in self._all if w.process.pid is not None]

    def close(self) -> None:
        with self._lock:
            self._closed = True
            workers, self._all = self._all, set()
        for worker in workers:
            worker.kill()


class LazyPool:
    """A ``DecodePool`` made on first use by ``make`` (which gives None where the settings ask
    for no workers: the work is then done in the caller's process), and closed with its owner."""

    def __init__(self, make: Callable[[], DecodePool | None]) -> None:
        self._make = make
        self._pool: DecodePool | None = None
        self._lock = threading.Lock()

    def get(self) -> DecodePool | None:
        with self._lock:
            if self._pool is None:
                self._pool = self._make()
            return self._pool

    def close(self) -> None:
        with self._lock:
            if self._pool is not None:
                self._pool.close()
                self._pool = None
