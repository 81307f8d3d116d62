"""The contract for making a case with its entries: one transaction, and a retried request that
gets the same case back. Run against each store, a SQLite file and a PostgreSQL schema, with the
fixtures of ``conftest.py``; the crash is a real SIGKILL (``test_store_contract.py``) and a real
server killed mid-request (``tests/api/test_case_crashes.py``).
"""

from __future__ import annotations

import hashlib
import threading
from datetime import UTC, datetime, timedelta

import pytest

from tests.bank.helpers import all_changes, all_history, md5, pdq, raw
from tests.bank.test_store_contract import assert_feed_consistent
from unshared.bank import CaseRequest, NewCase, Store
from unshared.errors import Conflict, InvalidInput, MalformedSignal, NotFound
from unshared.signals import Signal


def sha(text: str) -> str:
    return hashlib.sha256(text.encode()).hexdigest()


def request(
    key: str, asked: str = "photos", sealed: str = "sealed", hours: float = 1
) -> CaseRequest:
    expires = datetime.now(UTC) + timedelta(hours=hours)
    return CaseRequest(sha(key), sha(asked), sealed, expires)


def counts(store: Store, url: str) -> tuple[int, int, int, int]:
    """Cases, entries, feed head and history events: what a failed creation must leave alone."""
    cases = raw(url, "SELECT count(*) FROM cases")[0][0]
    return cases, store.count_entries(status=None), store.latest_seq(), len(all_history(store))


def test_a_case_is_made_with_its_entries_in_one_transaction(
    store: Store, store_url: str, pin_hash: str
) -> None:
    store.create_bank("b")
    signals: list[Signal] = [pdq(1), md5(1), pdq(1), pdq(2)]
    made = store.create_case_with_entries(pin_hash, "b", signals, source="web", actor="person")

    assert isinstance(made, NewCase) and not made.replayed and made.request is None
    case = made.case
    assert store.get_case(case.number) == case and case.status == "active"
    assert [e.value for e in made.entries] == [s.hex for s in signals]
    assert made.entries[0] == made.entries[2]  # a repeat is one entry
    assert {(e.case_id, e.bank, e.source, e.status) for e in made.entries} == {
        (case.id, "b", "web", "active")
    }
    assert sorted(e.id for e in store.entries(case_id=case.id)) == sorted(
        {e.id for e in made.entries}
    )
    # the feed and the history were written in the same transaction: one head move, in order
    assert [(c.op, c.entry_id) for c in all_changes(store)] == [
        ("add", made.entries[0].id),
        ("add", made.entries[1].id),
        ("add", made.entries[3].id),
    ]
    actions = [(e.action, e.actor) for e in reversed(all_history(store))]
    assert actions == [
        ("bank.create", "system"),
        ("case.create", "person"),
        *[("entry.add", "person")] * 3,
    ]
    assert {e.at for e in all_history(store) if e.action != "bank.create"} == {case.created_at}
    assert_feed_consistent(store)


def test_a_failed_creation_leaves_no_case_and_no_entry(
    store: Store, store_url: str, pin_hash: str
) -> None:
    store.create_bank("b")
    store.create_case_with_entries(pin_hash, "b", [pdq(0)])
    before = counts(store, store_url)

    # The case row is written before the bank is looked up: only a rollback can undo it.
    with pytest.raises(NotFound):
        store.create_case_with_entries(pin_hash, "missing", [pdq(1), pdq(2)])
    # A bad signal in the third image.
    with pytest.raises(MalformedSignal):
        store.create_case_with_entries(
            pin_hash,
            "b",
            [pdq(1), md5(1), pdq(2), md5(2), "f" * 64],  # type: ignore[list-item]
        )
    with pytest.raises(InvalidInput):
        store.create_case_with_entries("TEST1-PIN23", "b", [pdq(1)])  # never a bare PIN
    with pytest.raises(InvalidInput):
        store.create_case_with_entries(pin_hash, "b", pdq(1))  # type: ignore[arg-type]
    with pytest.raises(InvalidInput):
        store.create_case_with_entries(
            pin_hash, "b", [pdq(1)], request=CaseRequest("k", sha("r"), "s", datetime.now(UTC))
        )

    assert counts(store, store_url) == before
    assert raw(store_url, "SELECT count(*) FROM case_requests") == [(0,)]
    assert_feed_consistent(store)


def test_a_retried_request_gets_the_same_case_and_adds_nothing(
    store: Store, store_url: str, pin_hash: str
) -> None:
    store.create_bank("b")
    signals: list[Signal] = [pdq(1), md5(1), pdq(2)]
    first = store.create_case_with_entries(pin_hash, "b", signals, request=request("k1"))
    assert not first.replayed
    assert first.request is not None and first.request.sealed_pin == "sealed"
    before = counts(store, store_url)

    # The retry brings a PIN hash and sealed PIN of its own; the first ones win.
    again = store.create_case_with_entries(
        pin_hash, "b", signals, request=request("k1", sealed="other")
    )
    assert again.replayed
    assert again.case == first.case
    assert again.entries == first.entries
    assert again.request is not None
    assert again.request.sealed_pin == "sealed"
    assert again.request.key_hash == sha("k1") and again.request.request_hash == sha("photos")
    assert abs(again.request.expires_at - first.request.expires_at) < timedelta(seconds=1)
    assert counts(store, store_url) == before

    # The same key for other photos is refused, and changes nothing.
    with pytest.raises(Conflict, match="Idempotency-Key"):
        store.create_case_with_entries(
            pin_hash, "b", [pdq(3)], request=request("k1", asked="other photos")
        )
    assert counts(store, store_url) == before

    # Another key is another case, even for the same photos.
    other = store.create_case_with_entries(pin_hash, "b", signals, request=request("k2"))
    assert not other.replayed and other.case.id != first.case.id

    # A case withdrawn since comes back withdrawn, with its withdrawn entries.
    store.withdraw_case(first.case.id)
    late = store.create_case_with_entries(pin_hash, "b", signals, request=request("k1"))
    assert late.replayed and late.case.status == "withdrawn"
    assert [e.id for e in late.entries] == [e.id for e in first.entries]
    assert {e.status for e in late.entries} == {"withdrawn"}
    assert_feed_consistent(store)


def test_sealed_pins_are_dropped_after_their_time(
    store: Store, store_url: str, pin_hash: str
) -> None:
    store.create_bank("b")
    old = store.create_case_with_entries(pin_hash, "b", [pdq(1)], request=request("old", hours=-1))
    fresh = store.create_case_with_entries(pin_hash, "b", [pdq(2)], request=request("new"))
    # Making any case dropped the sealed PIN past its time, and only that one.
    assert raw(store_url, "SELECT case_id FROM case_requests WHERE sealed_pin IS NULL") == [
        (old.case.id,)
    ]

    late = store.create_case_with_entries(pin_hash, "b", [pdq(1)], request=request("old"))
    assert late.replayed and late.case == old.case
    assert late.request is not None and late.request.sealed_pin is None
    kept = store.create_case_with_entries(pin_hash, "b", [pdq(2)], request=request("new"))
    assert kept.request is not None and kept.request.sealed_pin == "sealed"
    assert kept.case == fresh.case
    assert raw(store_url, "SELECT count(*) FROM cases") == [(2,)]


def test_requests_racing_with_one_key_make_one_case(store: Store, pin_hash: str) -> None:
    store.create_bank("b")
    signals = [pdq(i) for i in range(20)]
    made: list[NewCase] = []
    errors: list[BaseException] = []
    start = threading.Barrier(6)

    def send() -> None:
        try:
            start.wait()
            made.append(
                store.create_case_with_entries(pin_hash, "b", signals, request=request("raced"))
            )
        except BaseException as exc:  # pragma: no cover - reported below
            errors.append(exc)

    threads = [threading.Thread(target=send) for _ in range(6)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()

    assert not errors, errors
    assert [m.replayed for m in made].count(False) == 1
    assert {m.case.id for m in made} == {made[0].case.id}
    assert store.count_entries(status=None) == 20
    assert_feed_consistent(store)
