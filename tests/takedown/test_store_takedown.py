"""The takedown's part of the store contract, held on both stores: sightings, fetches, contacts,
and the evidence log that every one of those writes appends to in its own transaction."""

from __future__ import annotations

import itertools
import threading

import pytest

from tests.bank.helpers import md5, pdq
from unshared.bank import Store
from unshared.bank.models import FetchFacts
from unshared.errors import Conflict, InvalidInput, NotFound
from unshared.takedown import chain


def _case(store: Store, pin_hash: str) -> tuple[int, list[int]]:
    """A new case holding a PDQ and an MD5; its id and its entries' ids."""
    try:
        store.get_bank("ncii-t")
    except NotFound:
        store.create_bank("ncii-t")
    made = store.create_case_with_entries(pin_hash, "ncii-t", [pdq(1), md5(1)])
    return made.case.id, [e.id for e in made.entries]


def assert_chained(records: list[dict[str, object]]) -> None:
    assert [r["seq"] for r in records] == list(range(1, len(records) + 1))
    assert records[0]["prev"] == chain.GENESIS
    for before, after in itertools.pairwise(records):
        assert after["prev"] == chain.digest(before)


def test_a_sighting_and_its_fetches_are_evidence(store: Store, pin_hash: str) -> None:
    case_id, (pdq_id, _) = _case(store, pin_hash)
    url = "https://example.org/p/1.jpg"
    seen = store.add_sighting(case_id, url, "example.org", "person", actor="person")
    assert (seen.status, seen.entry_id, seen.checked_at) == ("reported", None, None)
    assert store.add_sighting(case_id, url, "example.org", "operator", actor="x") == seen
    facts = FetchFacts(
        "fetched",
        http_status=200,
        final_url=url,
        content_type="image/jpeg",
        size=1234,
        sha256="a" * 64,
        md5="b" * 32,
        pdq="c" * 64,
        quality=90,
        entry_id=pdq_id,
        distance=6,
        matched=True,
    )
    after, fetch = store.record_fetch(seen.id, facts, "verified", actor="person")
    assert (after.status, after.entry_id, after.distance) == ("verified", pdq_id, 6)
    assert store.get_sighting(seen.id) == after
    assert store.fetches(seen.id) == [fetch]
    assert fetch.facts == facts
    gone = FetchFacts("http_error", http_status=404, final_url=url)
    store.record_fetch(seen.id, gone, "removed", actor="operator")
    assert [s.id for s in store.sightings(case_id=case_id, status="removed")] == [seen.id]
    assert store.sightings(host="example.org", status="verified") == []

    records = store.evidence_records(case_id)
    assert [r["kind"] for r in records] == [
        "sighting.reported",
        "fetch",
        "sighting.status",
        "fetch",
        "sighting.status",
    ]
    assert_chained(records)
    assert records[1]["data"]["distance"] == 6 and records[1]["data"]["sha256"] == "a" * 64
    assert records[4]["data"] == {"sighting": seen.id, "from": "verified", "to": "removed"}
    assert {r["case"] for r in records} == {store.get_case_by_id(case_id).number}
    assert [e.action for e in store.history("sighting", seen.id)] == [
        "sighting.verify",
        "sighting.verify",
        "sighting.report",
    ]


def test_a_sighting_matches_only_its_own_case(store: Store, pin_hash: str) -> None:
    case_id, _ = _case(store, pin_hash)
    _, (other_entry, _) = _case(store, pin_hash)
    seen = store.add_sighting(case_id, "http://e.org/x", "e.org", "person", actor="person")
    with pytest.raises(Conflict):
        store.record_fetch(
            seen.id, FetchFacts("fetched", entry_id=other_entry, distance=0), "verified", actor="x"
        )
    assert store.evidence_records(case_id)[-1]["kind"] == "sighting.reported"


def test_sightings_refuse_what_does_not_fit(store: Store, pin_hash: str) -> None:
    case_id, _ = _case(store, pin_hash)
    with pytest.raises(InvalidInput):
        store.add_sighting(case_id, "http://e.org/" + "a" * 2048, "e.org", "person", actor="p")
    with pytest.raises(InvalidInput):
        store.add_sighting(case_id, "http://e.org/", "e.org", "nobody", actor="p")  # type: ignore[arg-type]
    with pytest.raises(NotFound):
        store.add_sighting(10**9, "http://e.org/", "e.org", "person", actor="p")
    with pytest.raises(NotFound):
        store.add_sighting(case_id, "http://e.org/", "e.org", "platform", key_id=10**9, actor="p")
    store.withdraw_case(case_id)
    with pytest.raises(Conflict):
        store.add_sighting(case_id, "http://e.org/", "e.org", "person", actor="p")
    assert store.evidence_records(case_id) == []


def test_the_evidence_log_is_append_only(store: Store, pin_hash: str) -> None:
    case_id, _ = _case(store, pin_hash)
    store.append_evidence(case_id, "note", {"n": 1})
    for statement in ("UPDATE evidence SET kind = 'x'", "DELETE FROM evidence"):
        with pytest.raises(Exception, match="append-only"), store._write() as tx:  # type: ignore[attr-defined]
            tx.execute(statement)
    assert store.evidence_records(case_id)[0]["data"] == {"n": 1}


def test_concurrent_writers_keep_each_log_gapless(store: Store, pin_hash: str) -> None:
    cases = [_case(store, pin_hash)[0] for _ in range(2)]

    def write(case_id: int, n: int) -> None:
        for i in range(10):
            store.add_sighting(case_id, f"http://e.org/{n}/{i}", "e.org", "person", actor="p")

    threads = [threading.Thread(target=write, args=(c, n)) for c in cases for n in range(3)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    for case_id in cases:
        records = store.evidence_records(case_id)
        assert len(records) == 30
        assert_chained(records)


def test_contacts(store: Store) -> None:
    assert store.get_contact("example.org") is None
    store.set_contact("example.org", "abuse@example.org", actor="op")
    store.set_contact("example.org", "legal@example.org", actor="op2")
    found = store.get_contact("example.org")
    assert found is not None and (found.email, found.set_by) == ("legal@example.org", "op2")
    assert [c.host for c in store.contacts()] == ["example.org"]
    with pytest.raises(InvalidInput):
        store.set_contact("example.org", "not an address", actor="op")
    assert len(store.history("contact")) == 2
