"""Jobs due at a time (a notice's deadline check, a watch target's next run), run once each.

The schedule lives in the store, so it survives restarts. Several service processes may run
``Scheduler``s over one store: each claims due jobs with a lease (``JobStore.claim_jobs`` is one
atomic statement), so a job runs in one process at a time; a process that dies mid-job loses its
lease when it lapses and another runs the job then. A job that fails is tried again later (the
wait doubling each time, up to ``max_attempts``), and its error is kept.

Time comes from ``clock``: tests pass their own and call ``run_due`` rather than sleep.
"""

from __future__ import annotations

import logging
import os
import secrets
import socket
import threading
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Protocol

log = logging.getLogger("unshared.schedule")

Clock = Callable[[], datetime]


def utc_now() -> datetime:
    return datetime.now(UTC)


@dataclass(frozen=True, slots=True)
class Job:
    id: int
    #: What to do: ``notice.check``, ``watch.run``, ...; a handler is registered for each.
    kind: str
    #: What to do it to: a notice's id, a watch target's id.
    subject_id: int
    due_at: datetime
    #: Runs started so far, this one included once claimed.
    attempts: int = 0
    last_error: str = ""


class JobStore(Protocol):
    def add_job(self, kind: str, subject_id: int, due_at: datetime) -> Job:
        """Schedule ``kind`` for ``subject_id`` at ``due_at``; the same three again give the
        job already scheduled."""
        ...

    def claim_jobs(self, owner: str, now: datetime, lease: timedelta, limit: int = 10) -> list[Job]:
        """Up to ``limit`` jobs due by ``now``, not done, and not leased or with a lapsed lease,
        earliest first: leased to ``owner`` until ``now + lease`` and their attempts counted, in
        one transaction, so no two owners claim one job."""
        ...

    def finish_job(
        self, job_id: int, owner: str, *, error: str = "", retry_at: datetime | None = None
    ) -> bool:
        """Done (``retry_at`` None), or due again at ``retry_at`` with ``error`` kept. False, and
        nothing changed, if ``owner`` no longer holds the lease (it lapsed and another took it)."""
        ...


Handler = Callable[[Job, datetime], None]


@dataclass(frozen=True, slots=True)
class Outcome:
    job: Job
    error: str = ""
    #: When it is due again after a failure; None when done.
    retry_at: datetime | None = None


class Scheduler:
    """Runs the due jobs of ``jobs`` through ``handlers`` (one per kind)."""

    def __init__(
        self,
        jobs: JobStore,
        handlers: Mapping[str, Handler],
        *,
        clock: Clock = utc_now,
        lease: timedelta = timedelta(minutes=5),
        max_attempts: int = 5,
        first_retry: timedelta = timedelta(minutes=1),
    ) -> None:
        self.jobs = jobs
        self.handlers = dict(handlers)
        self.clock = clock
        self.lease = lease
        self.max_attempts = max_attempts
        self.first_retry = first_retry
        self.owner = f"{socket.gethostname()}:{os.getpid()}:{secrets.token_hex(4)}"
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None

    def run_due(self, now: datetime | None = None, limit: int = 100) -> list[Outcome]:
        """Claim and run every job due by ``now`` (the clock's time if None), up to ``limit``."""
        now = now or self.clock()
        outcomes: list[Outcome] = []
        while len(outcomes) < limit:
            claimed = self.jobs.claim_jobs(self.owner, now, self.lease, min(10, limit))
            if not claimed:
                break
            outcomes.extend(self._run(job, now) for job in claimed)
        return outcomes

    def _run(self, job: Job, now: datetime) -> Outcome:
        handler = self.handlers.get(job.kind)
        try:
            if handler is None:
                raise LookupError(f"no handler for jobs of kind {job.kind!r}")
            handler(job, now)
        except Exception as exc:  # kept with the job and tried again; never kills the loop
            log.warning("job %d (%s %d) failed: %s", job.id, job.kind, job.subject_id, exc)
            error = f"{type(exc).__name__}: {exc}"[:1000]
            retry_at = None
            if job.attempts < self.max_attempts:
                retry_at = now + self.first_retry * 2 ** (job.attempts - 1)
            self.jobs.finish_job(job.id, self.owner, error=error, retry_at=retry_at)
            return Outcome(job, error, retry_at)
        self.jobs.finish_job(job.id, self.owner)
        return Outcome(job)

    # -- in the background, in a server ---------------------------------------------------------

    def start(self, interval: float) -> None:
        """Run due jobs every ``interval`` seconds on a daemon thread until ``stop``."""
        if self._thread is not None:
            return
        self._stop.clear()
        self._thread = threading.Thread(
            target=self._loop, args=(interval,), name="scheduler", daemon=True
        )
        self._thread.start()

    def _loop(self, interval: float) -> None:
        while not self._stop.wait(interval):
            try:
                self.run_due()
            except Exception:  # the store is down, say: try again next time
                log.exception("running due jobs failed")

    def stop(self) -> None:
        self._stop.set()
        if self._thread is not None:
            self._thread.join(timeout=30)
            self._thread = None
