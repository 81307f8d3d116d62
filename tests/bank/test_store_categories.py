"""A minor's case and the ``minor`` category its entries carry (migration 6), in each store: a
SQLite file and a PostgreSQL schema. The service, the API, sync and the CLI are tested end to end
in ``tests/api/test_minor_cases.py``.
"""

from __future__ import annotations

import io
from datetime import UTC, datetime

import pytest

from tests.bank.helpers import all_changes, all_history, md5, pdq, raw
from tests.bank.test_store_cases import request
from unshared.bank import Store, formats, open_store, sqlstore
from unshared.bank.migrations import MIGRATIONS
from unshared.bank.secrets import new_case_number
from unshared.errors import Conflict, InvalidInput


def test_a_minors_case_marks_every_entry_of_it(store: Store, pin_hash: str) -> None:
    store.create_bank("b")
    made = store.create_case_with_entries(pin_hash, "b", [pdq(1), md5(1)], minor=True)
    adult = store.create_case_with_entries(pin_hash, "b", [pdq(2)])

    assert made.case.minor and made.case.category == "minor"
    assert store.get_case(made.case.number).minor
    assert store.get_case_by_id(made.case.id) == made.case
    assert not adult.case.minor and adult.case.category is None
    assert not store.get_case_by_id(adult.case.id).minor
    assert {e.category for e in made.entries} == {"minor"}
    assert adult.entries[0].category is None

    # Read back every way the store gives entries: one, several, a case's, by hash.
    minor_ids = [e.id for e in made.entries]
    assert store.get_entry(minor_ids[0]).category == "minor"
    assert {e.category for e in store.get_entries(minor_ids).values()} == {"minor"}
    assert {e.category for e in store.entries(case_id=made.case.id)} == {"minor"}
    assert [e.category for e in store.find_entries("pdq", pdq(2).hex)] == [None]

    # Photos added to the case later are a minor's too, whatever the caller says.
    (later,) = store.add_entries("b", [pdq(3)], case_id=made.case.id, source="person")
    assert later.category == "minor" == store.get_entry(later.id).category


def test_the_feed_carries_the_category_on_every_change(store: Store, pin_hash: str) -> None:
    store.create_bank("b")
    made = store.create_case_with_entries(pin_hash, "b", [pdq(1), md5(1)], minor=True)
    adult = store.create_case_with_entries(pin_hash, "b", [pdq(2)])
    store.set_entry_status(made.entries[0].id, "disabled", actor="op")
    store.withdraw_case(made.case.id)

    minor_ids = {e.id for e in made.entries}
    changes = all_changes(store)
    assert [(c.op, c.category) for c in changes if c.entry_id in minor_ids] == [
        ("add", "minor"),
        ("add", "minor"),
        ("disable", "minor"),
        ("withdraw", "minor"),
        ("withdraw", "minor"),
    ]
    assert [(c.op, c.category) for c in changes if c.entry_id == adult.entries[0].id] == [
        ("add", None)
    ]


def test_history_records_the_answer_at_creation_and_nothing_more(
    store: Store, pin_hash: str
) -> None:
    store.create_bank("b")
    made = store.create_case_with_entries(pin_hash, "b", [pdq(1)], minor=True)
    adult = store.create_case(pin_hash)

    (created,) = all_history(store, subject_type="case", subject_id=made.case.id)
    assert (created.action, created.detail) == ("case.create", {"minor": True})
    (plain,) = all_history(store, subject_type="case", subject_id=adult.id)
    assert plain.detail == {"minor": False}
    (added,) = all_history(store, subject_type="entry", subject_id=made.entries[0].id)
    assert added.detail["category"] == "minor"


def test_a_retry_that_differs_in_minor_is_another_request(store: Store, pin_hash: str) -> None:
    store.create_bank("b")
    first = store.create_case_with_entries(pin_hash, "b", [pdq(1)], request=request("k1"))
    # Even with the request's own hash the same, the case's answer must be the one asked.
    with pytest.raises(Conflict, match="different request"):
        store.create_case_with_entries(pin_hash, "b", [pdq(1)], request=request("k1"), minor=True)
    minor = store.create_case_with_entries(
        pin_hash, "b", [pdq(1)], request=request("k2"), minor=True
    )
    again = store.create_case_with_entries(
        pin_hash, "b", [pdq(1)], request=request("k2"), minor=True
    )
    assert again.replayed and again.case == minor.case and again.case.minor
    assert again.entries == minor.entries
    with pytest.raises(Conflict, match="different request"):
        store.create_case_with_entries(pin_hash, "b", [pdq(1)], request=request("k2"))
    assert not first.case.minor


def test_entries_with_no_case_take_the_category_given(store: Store, pin_hash: str) -> None:
    """As a platform's synced copy adds them: no case, the server's category."""
    store.create_bank("b")
    (marked,) = store.add_records("b", [(pdq(1), {"server_entry": 7})], category="minor")
    (plain,) = store.add_entries("b", [pdq(2)])
    summary = store.import_records("b", [(pdq(3), {})], category="minor")
    assert summary.added == 1
    assert marked.category == "minor" and plain.category is None
    assert store.find_entries("pdq", pdq(3).hex)[0].category == "minor"
    # a case that is not a minor's keeps the category given (sync's placeholder cases)
    case = store.create_case(pin_hash, actor="sync")
    (apart,) = store.add_entries("b", [pdq(1)], case_id=case.id, category="minor")
    assert apart.category == "minor"

    for bad in ("adult", "MINOR", "", 1):
        with pytest.raises(InvalidInput, match="category"):
            store.add_entries("b", [pdq(9)], category=bad)  # type: ignore[arg-type]
    for bad_flag in (1, "yes", None):
        with pytest.raises(InvalidInput, match="minor"):
            store.create_case(pin_hash, minor=bad_flag)  # type: ignore[arg-type]
        with pytest.raises(InvalidInput, match="minor"):
            store.create_case_with_entries(pin_hash, "b", [pdq(9)], minor=bad_flag)  # type: ignore[arg-type]
    assert store.find_entries("pdq", pdq(9).hex) == []


def test_the_review_list_and_exports_carry_the_category(store: Store, pin_hash: str) -> None:
    store.create_bank("b")
    made = store.create_case_with_entries(pin_hash, "b", [pdq(1)], minor=True)
    (adult,) = store.add_entries("b", [pdq(2)], metadata={"category": "from-a-dataset"})
    for entry in (made.entries[0], adult):
        store.set_entry_status(entry.id, "quarantined", actor="op")

    review = {item.entry.id: item.entry.category for item in store.review_list()}
    assert review == {made.entries[0].id: "minor", adult.id: None}

    out = io.StringIO()
    formats.write_csv(store.entries(bank="b", status=None), out)
    rows = {row["entry_id"]: row for row in _csv(out.getvalue())}
    assert rows[str(made.entries[0].id)]["category"] == "minor"
    # an entry with no category of its own keeps its metadata's, as before
    assert rows[str(adult.id)]["category"] == "from-a-dataset"


def test_a_sighting_of_a_minors_case_says_so(store: Store, pin_hash: str) -> None:
    from unshared.bank.models import FetchFacts

    store.create_bank("b")
    made = store.create_case_with_entries(pin_hash, "b", [pdq(1)], minor=True)
    adult = store.create_case_with_entries(pin_hash, "b", [pdq(2)])
    seen = store.add_sighting(made.case.id, "https://x.test/a", "x.test", "person", actor="p")
    other = store.add_sighting(adult.case.id, "https://x.test/b", "x.test", "person", actor="p")

    assert seen.category == "minor" and other.category is None
    assert store.get_sighting(seen.id).category == "minor"
    assert {s.id: s.category for s in store.sightings()} == {seen.id: "minor", other.id: None}
    after, _ = store.record_fetch(
        seen.id, FetchFacts(outcome="failed", error="no answer"), "unreachable", actor="monitor"
    )
    assert after.category == "minor" == store.get_sighting(seen.id).category
    # the same URL reported again gives the first sighting back, category and all
    again = store.add_sighting(made.case.id, "https://x.test/a", "x.test", "person", actor="p")
    assert again.category == "minor"


def test_a_store_at_step_5_takes_step_6_with_its_data(
    store_url: str, pin_hash: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Every case made before step 6 is an adult's and every entry has no category; the
    constraints then hold both columns to their values."""
    monkeypatch.setattr(sqlstore, "MIGRATIONS", MIGRATIONS[:5])
    monkeypatch.setattr(sqlstore, "LATEST", 5)
    with open_store(store_url) as old:
        assert old.schema_versions() == [1, 2, 3, 4, 5]
        old.create_bank("b")  # banks have no new column
    monkeypatch.undo()
    # Rows as the code before step 6 wrote them, which named neither new column.
    when = datetime(2024, 1, 1, tzinfo=UTC).isoformat()
    number = new_case_number()
    raw(
        store_url,
        "INSERT INTO cases (number, pin_hash, status, created_at)"
        f" VALUES ('{number}', '{pin_hash}', 'active', '{when}')",
    )
    raw(
        store_url,
        "INSERT INTO entries (bank_id, case_id, signal_type, value, status, added_at)"
        f" SELECT b.id, c.id, 'pdq', '{pdq(1).hex}', 'active', '{when}' FROM banks b, cases c",
    )
    raw(
        store_url,
        "INSERT INTO changes (seq, op, entry_id, status, at)"
        f" SELECT 1, 'add', id, 'active', '{when}' FROM entries",
    )
    raw(store_url, "UPDATE feed_head SET seq = 1")

    with open_store(store_url) as new:
        assert new.schema_versions() == [step.version for step in MIGRATIONS]
        case = new.get_case(number)
        assert not case.minor and case.created_at == datetime(2024, 1, 1, tzinfo=UTC)
        (entry,) = new.entries(case_id=case.id)
        assert entry.category is None
        assert [(c.op, c.category) for c in new.changes()] == [("add", None)]
        # and from now on it takes a minor's case
        made = new.create_case_with_entries(pin_hash, "b", [pdq(2)], minor=True)
        assert new.get_entry(made.entries[0].id).category == "minor"

    for statement in ("UPDATE entries SET category = 'adult'", "UPDATE cases SET minor = NULL"):
        with pytest.raises(Exception, match=r"(?i)check|null"):
            raw(store_url, statement)


def _csv(text: str) -> list[dict[str, str]]:
    import csv

    return list(csv.DictReader(io.StringIO(text)))
