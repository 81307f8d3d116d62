"""The scheduler's jobs over SQL (``unshared.takedown.schedule.JobStore``): a job is due at a
time, claimed with a lease so that of several server processes exactly one runs it, and finished
or put back with its error for a retry. ``SQLStore`` builds on it.

A claim is one short transaction: the due jobs are read (on PostgreSQL ``FOR UPDATE SKIP LOCKED``,
so two claimers take different jobs and neither waits; SQLite has one writer at a time anyway) and
leased in the same transaction. Jobs change no feed and no history, so they do not take the
feed-head lock that other writes take.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime, timedelta
from typing import Any

from unshared.bank import validate
from unshared.bank.sql import SQLBase, marks
from unshared.bank.sql import now as utc_now
from unshared.takedown.schedule import Job

_JOB = "SELECT id, kind, subject_id, due_at, attempts, last_error FROM jobs"


class JobRecords(SQLBase):
    """Scheduled jobs, for ``SQLStore``."""

    def add_job(self, kind: str, subject_id: int, due_at: datetime) -> Job:
        kind = validate.text("a job's kind", kind, max_len=64, required=True)
        validate.row_id("a subject id", subject_id)
        when = self._time_in(due_at)
        with self._write() as tx:
            tx.execute(
                "INSERT INTO jobs (kind, subject_id, due_at) VALUES (?, ?, ?)"
                " ON CONFLICT (kind, subject_id, due_at) DO NOTHING",
                (kind, subject_id, when),
            )
            rows = tx.execute(
                f"{_JOB} WHERE kind = ? AND subject_id = ? AND due_at = ?",
                (kind, subject_id, when),
            )
        return self._job_of(rows[0])

    def claim_jobs(self, owner: str, now: datetime, lease: timedelta, limit: int = 10) -> list[Job]:
        owner = validate.text("a lease's owner", owner, required=True)
        validate.whole("limit", limit, low=1, high=1000)
        at = self._time_in(now)
        skip = " FOR UPDATE SKIP LOCKED" if self.dialect == "postgres" else ""
        with self._write() as tx:
            rows = tx.execute(
                f"{_JOB} WHERE done_at IS NULL AND due_at <= ?"
                f" AND (lease_until IS NULL OR lease_until <= ?) ORDER BY due_at, id LIMIT ?{skip}",
                (at, at, limit),
            )
            if not rows:
                return []
            ids = [row[0] for row in rows]
            tx.execute(
                "UPDATE jobs SET lease_owner = ?, lease_until = ?, attempts = attempts + 1"
                f" WHERE id IN ({marks(ids)})",
                (owner, self._time_in(now + lease), *ids),
            )
        return [self._job_of((*row[:4], int(row[4]) + 1, row[5])) for row in rows]

    def finish_job(
        self, job_id: int, owner: str, *, error: str = "", retry_at: datetime | None = None
    ) -> bool:
        validate.row_id("a job id", job_id)
        error = validate.text("error", error, max_len=1000)
        with self._write() as tx:
            held = tx.execute(
                "SELECT id FROM jobs WHERE id = ? AND lease_owner = ? AND done_at IS NULL",
                (job_id, owner),
            )
            if not held:
                return False
            if retry_at is None:
                tx.execute(
                    "UPDATE jobs SET done_at = ?, lease_until = NULL, last_error = ? WHERE id = ?",
                    (self._time_in(utc_now()), error, job_id),
                )
            else:
                tx.execute(
                    "UPDATE jobs SET due_at = ?, lease_until = NULL, lease_owner = NULL,"
                    " last_error = ? WHERE id = ?",
                    (self._time_in(retry_at), error, job_id),
                )
        return True

    def _job_of(self, row: Sequence[Any]) -> Job:
        return Job(
            id=row[0],
            kind=row[1],
            subject_id=row[2],
            due_at=self._time_out(row[3]),
            attempts=int(row[4]),
            last_error=row[5],
        )
