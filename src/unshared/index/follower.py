"""Following the bank's feed in the background, so no match request ever reads it.

A server's index hears of its own writes at once (the service catches it up before a write
returns); this thread brings the changes other processes make over the same store, every
``poll`` seconds. A failure (the store unreachable, say) is logged and tried again after a wait
that doubles up to ``max_backoff``; ``since_caught_up`` tells ``/readyz`` how stale the index may
be.
"""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Callable

log = logging.getLogger("unshared.index")


class FeedFollower:
    def __init__(
        self,
        catch_up: Callable[[], object],
        poll: float,
        *,
        max_backoff: float = 30.0,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        if poll <= 0:
            raise ValueError("the feed is polled every so many seconds, more than 0")
        self._catch_up = catch_up
        self.poll = poll
        self.max_backoff = max(max_backoff, poll)
        self._clock = clock
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None
        self._caught_up_at = clock()
        #: Failures in a row since the last good catch-up, and the last one's message.
        self.failures = 0
        self.last_error: str | None = None

    def start(self) -> None:
        if self._thread is None:
            self._thread = threading.Thread(target=self._run, name="feed-follower", daemon=True)
            self._thread.start()

    def stop(self, timeout: float = 10.0) -> None:
        """Stop the thread, waiting for a catch-up under way to end (at most ``timeout`` s)."""
        self._stop.set()
        if self._thread is not None:
            self._thread.join(timeout)
            self._thread = None

    @property
    def running(self) -> bool:
        return self._thread is not None and self._thread.is_alive()

    def since_caught_up(self) -> float:
        """Seconds since the index last caught up with the feed."""
        return self._clock() - self._caught_up_at

    def _run(self) -> None:
        wait = self.poll
        while not self._stop.wait(wait):
            try:
                self._catch_up()
            except Exception as exc:  # the thread lives on: the store may come back
                self.failures += 1
                self.last_error = str(exc)
                wait = min(self.poll * 2 ** min(self.failures, 16), self.max_backoff)
                log.warning(
                    "could not follow the feed (%d in a row, next try in %.1f s): %s",
                    self.failures,
                    wait,
                    exc,
                )
            else:
                if self.failures:
                    log.info("following the feed again after %d failures", self.failures)
                self.failures, self.last_error = 0, None
                self._caught_up_at = self._clock()
                wait = self.poll
