"""The scheduler's jobs in each store (``JobStore``): scheduled once, claimed by one owner at a
time under a lease, finished or put back for a retry; and run through ``Scheduler`` by several
owners at once, each job once."""

from __future__ import annotations

import threading
from datetime import UTC, datetime, timedelta

from unshared.bank import Store
from unshared.takedown.schedule import Job, Scheduler

T0 = datetime(2026, 12, 1, 9, 0, tzinfo=UTC)
LEASE = timedelta(minutes=5)


def test_a_job_is_claimed_by_one_owner_until_its_lease_lapses(store: Store) -> None:
    job = store.add_job("notice.check", 7, T0)
    assert store.add_job("notice.check", 7, T0) == job
    assert store.claim_jobs("a", T0 - timedelta(seconds=1), LEASE) == []
    [claimed] = store.claim_jobs("a", T0, LEASE)
    assert (claimed.id, claimed.attempts) == (job.id, 1)
    assert store.claim_jobs("b", T0 + timedelta(minutes=1), LEASE) == []
    [again] = store.claim_jobs("b", T0 + LEASE, LEASE)  # a's lease lapsed
    assert again.attempts == 2
    assert store.finish_job(job.id, "a") is False  # no longer a's
    assert store.finish_job(job.id, "b", error="host down", retry_at=T0 + timedelta(hours=1))
    assert store.claim_jobs("c", T0 + timedelta(minutes=30), LEASE) == []
    [retried] = store.claim_jobs("c", T0 + timedelta(hours=1), LEASE)
    assert (retried.attempts, retried.last_error) == (3, "host down")
    assert store.finish_job(job.id, "c")
    assert store.claim_jobs("d", T0 + timedelta(days=9), LEASE) == []


def test_owners_running_at_once_run_each_job_once(store: Store) -> None:
    for subject in range(1, 41):
        store.add_job("count", subject, T0 + timedelta(seconds=subject))
    ran: list[int] = []
    lock = threading.Lock()

    def count(job: Job, now: datetime) -> None:
        with lock:
            ran.append(job.subject_id)

    def owner() -> None:
        Scheduler(store, {"count": count}, lease=LEASE).run_due(T0 + timedelta(hours=1))

    threads = [threading.Thread(target=owner) for _ in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert sorted(ran) == list(range(1, 41))
