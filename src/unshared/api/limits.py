"""Request limits: rate limits in a storage several server processes can share, a bounded body
size and a body read timeout.

Rate limits use the ``limits`` library's fixed-window strategy over one storage: memory (one
process), Redis, or PostgreSQL (``unshared.bank.ratelimits``). A fixed window lets a key spend
at most twice its budget across one window's end; in exchange one counter per key is all any
storage keeps.
"""

from __future__ import annotations

import asyncio
import math
import threading
import time
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from urllib.parse import urlsplit

from limits import RateLimitItemPerSecond
from limits.errors import ConfigurationError
from limits.storage import Storage, storage_from_string
from limits.strategies import FixedWindowRateLimiter
from starlette.exceptions import HTTPException
from starlette.responses import JSONResponse
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from unshared.api.errors import error_response
from unshared.errors import InvalidInput, RateLimited, Unavailable

_SWEEP_EVERY = 60.0


class _NoError(Exception):
    """The memory storage fails in no way of its own."""


class MemoryLimitStorage(Storage):
    """Fixed-window counters in this process's memory, for the embedded default.

    ``limits``' own memory storage scans every key from a timer thread every 10 ms while hits
    come in: at 250,000 keys that kept a core about 80% busy (``benchmarks/rate_limits.py``).
    Here a counter that has ended is dropped when it is next read, and the rest are swept at most
    once a minute.
    """

    def __init__(self, uri: str | None = None, wrap_exceptions: bool = False, **_: str) -> None:
        super().__init__(uri, wrap_exceptions=wrap_exceptions)
        self._counts: dict[str, tuple[int, float]] = {}
        self._lock = threading.Lock()
        self._swept = time.monotonic()

    @property
    def base_exceptions(self) -> type[Exception] | tuple[type[Exception], ...]:
        return _NoError

    def _live(self, key: str, now: float) -> tuple[int, float] | None:
        found = self._counts.get(key)
        if found is not None and found[1] <= now:
            del self._counts[key]
            return None
        return found

    def incr(self, key: str, expiry: int, amount: int = 1) -> int:
        now = time.time()
        with self._lock:
            found = self._live(key, now)
            count, end = found if found is not None else (0, now + expiry)
            count = max(count + amount, 0)
            self._counts[key] = (count, end)
            if time.monotonic() - self._swept > _SWEEP_EVERY:
                self._sweep(now)
            return count

    def get(self, key: str) -> int:
        with self._lock:
            found = self._live(key, time.time())
        return 0 if found is None else found[0]

    def get_expiry(self, key: str) -> float:
        now = time.time()
        with self._lock:
            found = self._live(key, now)
        return now if found is None else found[1]

    def check(self) -> bool:
        return True

    def reset(self) -> int | None:
        with self._lock:
            n = len(self._counts)
            self._counts.clear()
        return n

    def clear(self, key: str) -> None:
        with self._lock:
            self._counts.pop(key, None)

    def __len__(self) -> int:
        return len(self._counts)

    def _sweep(self, now: float) -> None:
        self._swept = time.monotonic()
        self._counts = {k: v for k, v in self._counts.items() if v[1] > now}


def open_limit_storage(url: str) -> Storage:
    """The storage a rate-limit URL names: ``memory://``, ``redis://...``, ``postgresql://...``."""
    scheme = urlsplit(url).scheme
    if scheme == "memory":
        return MemoryLimitStorage(url)
    if scheme in ("postgresql", "postgres"):
        # Registers those schemes with ``limits``; imported only when asked for, with its driver.
        from unshared.bank import ratelimits  # noqa: F401
    try:
        storage = storage_from_string(url)
    except ConfigurationError as exc:
        raise InvalidInput(
            "rate_limit_url is memory://, redis://HOST:PORT/DB or postgresql://..."
        ) from exc
    if not isinstance(storage, Storage):  # an async+ scheme: not for this server
        raise InvalidInput("rate_limit_url must name a synchronous storage")
    return storage


class RateLimits:
    """Named budgets over one storage; ``prefix`` keeps apart the users of a shared storage."""

    def __init__(self, url: str, *, prefix: str = "unshared") -> None:
        self.storage = open_limit_storage(url)
        self.strategy = FixedWindowRateLimiter(self.storage)
        self.prefix = prefix

    def budget(self, name: str, amount: int, what: str, *, window: int = 3600) -> Budget:
        return Budget(self, name, amount, what, window)

    def close(self) -> None:
        close = getattr(self.storage, "close", None)
        if callable(close):
            close()


class Budget:
    """At most ``amount`` hits per ``window`` seconds for each key (a client's address, say)."""

    def __init__(self, limits: RateLimits, name: str, amount: int, what: str, window: int) -> None:
        self._limits = limits
        self._item = RateLimitItemPerSecond(amount, window, namespace=limits.prefix)
        self.name = name
        self.what = what

    def hit(self, key: str) -> None:
        """Spend one; ``RateLimited`` (with ``retry_after``) when none was left."""
        with self._storage_errors():
            allowed = self._limits.strategy.hit(self._item, self.name, key)
        if not allowed:
            self._refuse(key)

    def check(self, key: str) -> None:
        """``RateLimited`` if none is left; spends nothing."""
        with self._storage_errors():
            allowed = self._limits.strategy.test(self._item, self.name, key)
        if not allowed:
            self._refuse(key)

    def refund(self, key: str) -> None:
        """Give back one spent by ``hit`` (for a try that turned out to be no failure)."""
        with self._storage_errors():
            # Redis would take an absent counter (its window just ended) to -1, a bonus try;
            # ours stop at zero anyway.
            if self._limits.storage.get(self._item.key_for(self.name, key)) > 0:
                self._limits.strategy.hit(self._item, self.name, key, cost=-1)

    def _refuse(self, key: str) -> None:
        with self._storage_errors():
            stats = self._limits.strategy.get_window_stats(self._item, self.name, key)
        retry = max(1, math.ceil(stats.reset_time - time.time()))
        raise RateLimited(f"too many {self.what}; try again later", retry_after=retry)

    @contextmanager
    def _storage_errors(self) -> Iterator[None]:
        # A storage that cannot be reached refuses the request (503) rather than skip the limit.
        try:
            yield
        except self._limits.storage.base_exceptions as exc:
            raise Unavailable("the rate-limit store cannot be reached; try again later") from exc


class BodyLimit:
    """Refuse request bodies over a limit before reading them all (413 in the error shape), and
    bodies that stall: no part for ``timeout`` seconds is a 408 (nginx's client_body_timeout).
    """

    def __init__(
        self,
        app: ASGIApp,
        json_limit: int,
        upload_limit: int,
        upload_paths: frozenset[str],
        timeout: float = 30.0,
        path_limits: Mapping[str, int] | None = None,
    ) -> None:
        self.app = app
        self.json_limit = json_limit
        self.upload_limit = upload_limit
        self.upload_paths = upload_paths
        self.timeout = timeout
        #: Paths with a limit of their own (video uploads).
        self.path_limits = dict(path_limits or {})

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        headers = dict(scope.get("headers") or [])
        path = scope["path"]
        limit = self.path_limits.get(path) or (
            self.upload_limit if path in self.upload_paths else self.json_limit
        )
        declared = headers.get(b"content-length")
        if declared is not None and declared.isdigit() and int(declared) > limit:
            await _answer(scope, receive, send, _too_large(limit))
            return
        seen = 0
        body_done = False
        started = False

        async def counted() -> Message:
            nonlocal seen, body_done
            if body_done:  # after the body, the app only listens for a disconnect
                return await receive()
            try:
                # A timer on this task, not wait_for's new task for every part of every body.
                async with asyncio.timeout(self.timeout):
                    message = await receive()
            except TimeoutError:
                raise _Stalled(self.timeout) from None
            if message["type"] == "http.request":
                seen += len(message.get("body", b""))
                body_done = not message.get("more_body", False)
                if seen > limit:
                    raise _TooLarge(limit)
            else:
                body_done = True
            return message

        async def watched(message: Message) -> None:
            nonlocal started
            started = started or message["type"] == "http.response.start"
            await send(message)

        try:
            await self.app(scope, counted, watched)
        except Exception as exc:
            # Middleware that runs the app in a task group wraps the error in a group.
            found = _ours(exc)
            if found is None or started:
                raise
            code = "too_large" if isinstance(found, _TooLarge) else "request_timeout"
            response = error_response(found.status_code, code, found.detail)
            response.headers.update(found.headers or {})
            await _answer(scope, receive, send, response)


def _ours(exc: BaseException) -> _TooLarge | _Stalled | None:
    if isinstance(exc, _TooLarge | _Stalled):
        return exc
    if isinstance(exc, BaseExceptionGroup):
        for kind in (_TooLarge, _Stalled):
            group = exc.subgroup(kind)
            if group is not None:
                return _ours(group.exceptions[0])
    return None


def _too_large(limit: int) -> JSONResponse:
    return error_response(
        413, "too_large", f"the request body is over {limit:,} bytes", limit=limit
    )


async def _answer(scope: Scope, receive: Receive, send: Send, response: JSONResponse) -> None:
    await response(scope, receive, send)


# HTTP exceptions, so that FastAPI, reading a JSON body, passes them on as they are (it turns any
# other error while reading into a 400) and the one handler answers them in the error shape.
class _TooLarge(HTTPException):
    def __init__(self, limit: int) -> None:
        super().__init__(413, f"the request body is over {limit:,} bytes")


class _Stalled(HTTPException):
    def __init__(self, timeout: float) -> None:
        # The rest of the body may still come: the connection cannot be reused.
        message = f"the request body stopped arriving for {timeout:g} seconds"
        super().__init__(408, message, headers={"Connection": "close"})
