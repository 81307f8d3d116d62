"""Request limits: a bounded body size, and sliding-window rate limits kept in memory.

The windows live in the process: with several server processes, each counts on its own (put
a shared limiter in front for that).
"""

from __future__ import annotations

import threading
import time
from collections import deque

from starlette.types import ASGIApp, Message, Receive, Scope, Send

from unshared.api.errors import error_response
from unshared.errors import RateLimited


class RateLimiter:
    """At most ``limit`` events per ``window`` seconds for each key."""

    def __init__(self, limit: int, window: float = 3600.0, max_keys: int = 100_000) -> None:
        self.limit = limit
        self.window = window
        self.max_keys = max_keys
        self._events: dict[str, deque[float]] = {}
        self._lock = threading.Lock()

    def hit(self, key: str, what: str) -> None:
        now = time.monotonic()
        with self._lock:
            events = self._events.setdefault(key, deque())
            while events and events[0] <= now - self.window:
                events.popleft()
            if len(events) >= self.limit:
                retry = int(events[0] + self.window - now) + 1
                raise RateLimited(f"too many {what}; try again later", retry_after=retry)
            events.append(now)
            if len(self._events) > self.max_keys:
                self._forget_idle(now)

    def _forget_idle(self, now: float) -> None:
        for key in [k for k, v in self._events.items() if not v or v[-1] <= now - self.window]:
            del self._events[key]


class BodyLimit:
    """Refuse request bodies over a limit before reading them all (413 in the error shape)."""

    def __init__(
        self, app: ASGIApp, json_limit: int, upload_limit: int, upload_paths: frozenset[str]
    ) -> None:
        self.app = app
        self.json_limit = json_limit
        self.upload_limit = upload_limit
        self.upload_paths = upload_paths

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        headers = dict(scope.get("headers") or [])
        limit = self.upload_limit if scope["path"] in self.upload_paths else self.json_limit
        declared = headers.get(b"content-length")
        if declared is not None and declared.isdigit() and int(declared) > limit:
            await self._too_large(scope, receive, send, limit)
            return
        seen = 0

        async def counted() -> Message:
            nonlocal seen
            message = await receive()
            if message["type"] == "http.request":
                seen += len(message.get("body", b""))
                if seen > limit:
                    raise _TooLarge()
            return message

        try:
            await self.app(scope, counted, send)
        except Exception as exc:
            # Middleware that runs the app in a task group wraps the error in a group.
            if not isinstance(exc, _TooLarge) and not (
                isinstance(exc, BaseExceptionGroup) and exc.subgroup(_TooLarge)
            ):
                raise
            await self._too_large(scope, receive, send, limit)

    async def _too_large(self, scope: Scope, receive: Receive, send: Send, limit: int) -> None:
        response = error_response(
            413, "too_large", f"the request body is over {limit:,} bytes", limit=limit
        )
        await response(scope, receive, send)


class _TooLarge(Exception):
    pass
