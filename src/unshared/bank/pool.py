"""A small thread-safe connection pool, so a store can be shared by the threads of a server.

A connection is lent to one thread for one transaction (or one read) and then handed back; at
most ``size`` exist at once, and a borrower waits up to ``timeout`` seconds for one to come free.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager, suppress
from typing import Generic, TypeVar

from unshared.errors import Unavailable

C = TypeVar("C")


class Pool(Generic[C]):
    def __init__(
        self,
        connect: Callable[[], C],
        *,
        close: Callable[[C], None],
        reusable: Callable[[C], bool],
        size: int = 8,
        timeout: float = 30.0,
    ) -> None:
        self._connect = connect
        self._close = close
        self._reusable = reusable
        self._size = size
        self._timeout = timeout
        self._idle: list[C] = []
        self._open = 0
        self._closed = False
        self._cond = threading.Condition()

    @contextmanager
    def connection(self) -> Iterator[C]:
        conn = self._take()
        try:
            yield conn
        finally:
            self._give(conn)

    def close(self) -> None:
        """Close the idle connections now and the lent ones as they come back."""
        with self._cond:
            self._closed = True
            idle, self._idle = self._idle, []
            self._open -= len(idle)
            self._cond.notify_all()
        for conn in idle:
            self._discard(conn)

    def _take(self) -> C:
        deadline = time.monotonic() + self._timeout
        with self._cond:
            while True:
                if self._closed:
                    raise Unavailable("the store is closed")
                if self._idle:
                    return self._idle.pop()
                if self._open < self._size:
                    self._open += 1
                    break
                left = deadline - time.monotonic()
                if left <= 0:
                    raise Unavailable(f"no free store connection after {self._timeout:g} s")
                self._cond.wait(left)
        try:
            return self._connect()
        except BaseException:
            with self._cond:
                self._open -= 1
                self._cond.notify()
            raise

    def _give(self, conn: C) -> None:
        keep = self._reusable(conn)
        with self._cond:
            keep = keep and not self._closed
            if keep:
                self._idle.append(conn)
            else:
                self._open -= 1
            self._cond.notify()
        if not keep:
            self._discard(conn)

    def _discard(self, conn: C) -> None:
        with suppress(Exception):
            self._close(conn)
