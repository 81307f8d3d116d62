"""The contract for what platforms bring to the bank: API keys, reports on matches, match counts,
the review list and the store's identity; and the migration that added them. Run against each
store, a SQLite file and a PostgreSQL schema, with the fixtures of ``test_store_contract.py``.
"""

from __future__ import annotations

import hashlib
import threading
import time
import uuid
from datetime import UTC, datetime

import psycopg
import pytest

from tests.bank.helpers import all_changes, all_history, md5, pdq, raw
from unshared.bank import Entry, Store, open_store, platform, sqlstore
from unshared.bank.migrations import CATEGORIES, LONG_VALUES, MIGRATIONS
from unshared.errors import Conflict, InvalidInput, NotFound, Unavailable


def sha(key: str) -> str:
    return hashlib.sha256(key.encode()).hexdigest()


def entries(store: Store, n: int, bank: str = "b") -> list[Entry]:
    store.create_bank(bank)
    return store.add_entries(bank, [pdq(i) for i in range(n)])


# -- API keys ----------------------------------------------------------------------------------


def test_keys_are_created_listed_found_and_revoked(store: Store) -> None:
    before = datetime.now(UTC)
    platform_key = store.create_key("example-platform", "platform", sha("k1"), actor="op")
    admin_key = store.create_key("ops", "admin", sha("k2"))
    rotated = store.create_key("example-platform", "platform", sha("k3"))  # names may repeat

    assert (platform_key.name, platform_key.role, platform_key.revoked_at) == (
        "example-platform",
        "platform",
        None,
    )
    assert platform_key.active and platform_key.created_at >= before
    assert platform_key.created_at.tzinfo is not None
    assert store.list_keys() == [platform_key, admin_key, rotated]
    assert store.find_key(sha("k2")) == admin_key
    assert store.find_key(sha("never made")) is None

    revoked = store.revoke_key(platform_key.id, actor="op")
    assert not revoked.active and revoked.revoked_at is not None
    assert revoked.revoked_at >= platform_key.created_at
    assert store.find_key(sha("k1")) == revoked  # found in any state; the caller checks .active
    assert store.revoke_key(platform_key.id) == revoked  # idempotent
    assert [k.active for k in store.list_keys()] == [False, True, True]

    events = store.history("key", platform_key.id)
    assert [(e.action, e.actor, e.subject_type) for e in events] == [
        ("key.revoke", "op", "key"),
        ("key.create", "op", "key"),
    ]
    assert events[1].detail == {"name": "example-platform", "role": "platform"}
    assert [e.action for e in store.history("key")] == [
        "key.revoke",
        "key.create",
        "key.create",
        "key.create",
    ]
    assert store.latest_seq() == 0  # keys are not part of the feed


def test_only_a_keys_hash_is_stored(store: Store, store_url: str) -> None:
    key = "unsh_the-key-itself"
    store.create_key("p", "platform", sha(key))
    everything = repr(raw(store_url, "SELECT * FROM api_keys")) + repr(all_history(store))
    assert key not in everything
    assert sha(key) not in repr(all_history(store))  # history names the key, not even its hash
    assert repr(raw(store_url, "SELECT key_hash FROM api_keys")) == repr([(sha(key),)])


def test_the_keys_marker_moves_with_every_key_made_or_revoked_anywhere(
    store: Store, store_url: str
) -> None:
    made = store.create_key("p", "platform", sha("k"))
    marker = store.keys_marker()
    if store_url.startswith("sqlite"):
        assert marker is not None
    else:  # PostgreSQL cannot answer without a round trip: each check reads the key itself
        assert marker is None
        return
    assert store.keys_marker() == marker
    store.create_bank("b")  # not about keys
    assert store.keys_marker() == marker
    with open_store(store_url) as elsewhere:  # another connection, as another process's
        elsewhere.create_key("q", "platform", sha("q"))
        assert store.keys_marker() not in (None, marker)
        marker = store.keys_marker()
        elsewhere.revoke_key(made.id, actor="op")
    assert store.keys_marker() not in (None, marker)


def test_key_mistakes_are_typed_errors(store: Store) -> None:
    store.create_key("p", "platform", sha("k"))
    with pytest.raises(Conflict):
        store.create_key("another name", "admin", sha("k"))
    bad_hashes = [
        "unsh_" + "a" * 59,  # the key itself, never its hash
        sha("x").upper(),
        sha("x")[:63],
        sha("x") + "0",
        "g" * 64,
        "",
    ]
    for bad in bad_hashes:
        with pytest.raises(InvalidInput):
            store.create_key("p", "platform", bad)
        with pytest.raises(InvalidInput):
            store.find_key(bad)
    for name in ("", "   ", "x" * 101, "nul\x00"):
        with pytest.raises(InvalidInput):
            store.create_key(name, "platform", sha("new"))
    assert store.create_key("x" * 100, "platform", sha("new")).name == "x" * 100
    with pytest.raises(InvalidInput):
        store.create_key("p", "root", sha("other"))  # type: ignore[arg-type]
    with pytest.raises(InvalidInput):
        store.create_key("p", "platform", sha("other"), actor="")
    with pytest.raises(NotFound):
        store.revoke_key(999)
    with pytest.raises(InvalidInput):
        store.revoke_key(0)
    assert len(store.list_keys()) == 2
    assert [e.action for e in store.history("key")] == ["key.create", "key.create"]


# -- reports -----------------------------------------------------------------------------------


def test_reports_are_added_and_listed_newest_first(store: Store, pin_hash: str) -> None:
    store.create_bank("b")
    case = store.create_case(pin_hash)
    mine, also_mine = store.add_entries("b", [pdq(1), pdq(2)], case_id=case.id)
    (orphan,) = store.add_entries("b", [md5(1)])
    key = store.create_key("p", "platform", sha("k"))
    seq = store.latest_seq()

    first = store.add_report(mine.id, "removed", key_id=key.id, note="gone", actor="key:1")
    assert (first.entry_id, first.case_id, first.key_id, first.outcome, first.note) == (
        mine.id,
        case.id,
        key.id,
        "removed",
        "gone",
    )
    assert first.at.tzinfo is not None
    second = store.add_report(also_mine.id, "not_ncii", key_id=key.id, actor="key:1")
    third = store.add_report(orphan.id, "not_ncii", key_id=None, actor="operator")
    assert third.case_id is None and third.key_id is None and third.note == ""
    fourth = store.add_report(mine.id, "duplicate", key_id=key.id, actor="key:1")

    assert store.reports() == [fourth, third, second, first]
    assert store.reports(entry_id=mine.id) == [fourth, first]
    assert store.reports(case_id=case.id) == [fourth, second, first]
    assert store.reports(outcome="not_ncii") == [third, second]
    assert store.reports(case_id=case.id, outcome="not_ncii") == [second]
    assert store.reports(limit=2) == [fourth, third]
    assert store.reports(entry_id=12345) == []

    events = store.history("entry", mine.id, limit=2)
    assert [(e.action, e.actor) for e in events] == [("entry.report", "key:1")] * 2
    assert events[1].detail == {"report_id": first.id, "outcome": "removed", "key_id": key.id}
    assert store.latest_seq() == seq  # a report changes no entry, so nothing for the feed
    assert store.get_entry(mine.id).status == "active"


def test_the_latest_reports_of_many_entries_come_in_one_read(store: Store) -> None:
    busy, quiet, silent = entries(store, 3)
    key = store.create_key("p", "platform", sha("k"))
    made = [
        store.add_report(busy.id, "not_ncii", key_id=key.id, note=f"note {i}", actor="p")
        for i in range(4)
    ]
    (only,) = [store.add_report(quiet.id, "removed", key_id=None, note="gone", actor="op")]

    found = store.latest_reports([silent.id, quiet.id, busy.id, busy.id, 12345], per_entry=3)
    assert found == {busy.id: made[:0:-1], quiet.id: [only]}  # newest 3; none for the silent
    assert found[busy.id][0].note == "note 3" and found[busy.id][0].key_id == key.id
    assert store.latest_reports([busy.id], per_entry=1) == {busy.id: [made[-1]]}
    assert store.latest_reports([]) == {}
    for per_entry in (0, 101):
        with pytest.raises(InvalidInput):
            store.latest_reports([busy.id], per_entry=per_entry)


def test_report_mistakes_are_typed_errors(store: Store) -> None:
    (entry,) = entries(store, 1)
    with pytest.raises(NotFound):
        store.add_report(999, "removed", key_id=None, actor="op")
    with pytest.raises(NotFound):
        store.add_report(entry.id, "removed", key_id=999, actor="op")
    with pytest.raises(InvalidInput):
        store.add_report(entry.id, "deleted", key_id=None, actor="op")  # type: ignore[arg-type]
    with pytest.raises(InvalidInput):
        store.add_report(entry.id, "removed", key_id=None, note="x" * 1001, actor="op")
    with pytest.raises(InvalidInput):
        store.add_report(entry.id, "removed", key_id=None, actor="")
    with pytest.raises(InvalidInput):
        store.reports(outcome="deleted")
    for limit in (0, 1001):
        with pytest.raises(InvalidInput):
            store.reports(limit=limit)
    assert store.reports() == []
    assert [e.action for e in store.history("entry", entry.id)] == ["entry.add"]


def test_a_withdrawn_entry_can_still_be_reported_on(store: Store) -> None:
    """A platform may report a match it acted on after the person withdrew the hash."""
    (entry,) = entries(store, 1)
    store.set_entry_status(entry.id, "withdrawn", actor="op")
    report = store.add_report(entry.id, "removed", key_id=None, actor="op")
    assert store.reports(entry_id=entry.id) == [report]


# -- match counts --------------------------------------------------------------------------------


def test_matches_are_counted_once_per_entry_per_call(store: Store) -> None:
    a, b, c = entries(store, 3)
    assert store.record_matches([a.id, b.id, a.id, a.id]) == {a.id: 1, b.id: 1}
    assert store.record_matches((b.id,)) == {b.id: 2}
    assert store.record_matches([c.id, b.id]) == {b.id: 3, c.id: 1}
    assert store.record_matches([]) == {}
    assert store.match_counts([a.id, b.id, c.id, a.id]) == {a.id: 1, b.id: 3, c.id: 1}
    assert store.match_counts([999]) == {999: 0}
    assert store.match_counts([]) == {}
    assert store.latest_seq() == 3 and len(all_history(store)) == 4  # neither feed nor history


def test_an_unknown_entry_counts_nothing(store: Store, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(platform, "CHUNK", 2)  # the unknown id in a later statement than others
    known = [e.id for e in entries(store, 5)]
    with pytest.raises(NotFound) as caught:
        store.record_matches([*known, 999])
    assert caught.value.detail["entry_ids"] == [999]
    assert store.match_counts(known) == dict.fromkeys(known, 0)  # all or nothing
    assert store.record_matches(known) == dict.fromkeys(known, 1)  # in chunks of 2, all counted
    for bad in ("12", b"12", [0], [True], [1.5], [-1], [2**63]):
        with pytest.raises(InvalidInput):
            store.record_matches(bad)  # type: ignore[arg-type]
        with pytest.raises(InvalidInput):
            store.match_counts(bad)  # type: ignore[arg-type]


def test_threads_counting_at_once_lose_no_match(store: Store) -> None:
    ids = [e.id for e in entries(store, 6)]
    threads_n, calls = 8, 30
    errors: list[BaseException] = []
    start = threading.Barrier(threads_n)

    def count(n: int) -> None:
        # Overlapping sets in opposite orders: what would deadlock if rows were not taken in order.
        mine = ids[n % 3 :] if n % 2 else ids[::-1]
        try:
            start.wait(timeout=30)
            for _ in range(calls):
                store.record_matches([*mine, *mine])
        except BaseException as exc:  # pragma: no cover - reported below
            errors.append(exc)

    threads = [threading.Thread(target=count, args=(n,)) for n in range(threads_n)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=120)
    assert not errors, errors
    expected = dict.fromkeys(ids, 0)
    for n in range(threads_n):
        for entry_id in ids[n % 3 :] if n % 2 else ids:
            expected[entry_id] += calls
    assert store.match_counts(ids) == expected


def test_counting_does_not_wait_for_the_writers_lock(store: Store, store_url: str) -> None:
    """A bank write holding the feed head must not hold up matching (PostgreSQL only: in SQLite
    every write waits for every other, whatever it locks)."""
    if store_url.startswith("sqlite"):
        pytest.skip("SQLite has one writer at a time")
    (entry,) = entries(store, 1)
    with psycopg.connect(store_url) as writer:
        writer.execute("SELECT seq FROM feed_head WHERE id = 1 FOR UPDATE")
        began = time.monotonic()
        assert store.record_matches([entry.id]) == {entry.id: 1}
        assert time.monotonic() - began < 5
        writer.rollback()


# -- the review list ---------------------------------------------------------------------------


def test_the_review_list_holds_what_an_operator_should_look_at(store: Store) -> None:
    made = entries(store, 8)
    flooded, twice, disabled, withdrawn, removed, popular, quiet, back = (e.id for e in made)
    for entry_id, status in (
        (flooded, "quarantined"),
        (quiet, "quarantined"),
        (disabled, "disabled"),
        (back, "quarantined"),
        (withdrawn, "withdrawn"),
    ):
        store.set_entry_status(entry_id, status, actor="op")
    store.set_entry_status(back, "active", actor="op")  # reviewed and put back: off the list
    for _ in range(5):
        store.record_matches([flooded, popular])
    for _ in range(10):
        store.record_matches([disabled])
    store.record_matches([twice])
    for entry_id, outcome in (
        (twice, "not_ncii"),
        (twice, "not_ncii"),
        (twice, "removed"),
        (disabled, "not_ncii"),
        (withdrawn, "not_ncii"),  # withdrawn: nothing left to review
        (removed, "removed"),  # a platform acting on a match is no reason to look
    ):
        store.add_report(entry_id, outcome, key_id=None, actor="op")  # type: ignore[arg-type]

    items = store.review_list()
    assert [(i.entry.id, i.not_ncii_reports, i.matches) for i in items] == [
        (twice, 2, 1),  # most reports first,
        (disabled, 1, 10),
        (flooded, 0, 5),  # then most matches,
        (quiet, 0, 0),
    ]
    assert items[2].entry == store.get_entry(flooded)
    assert items[2].entry.status == "quarantined"
    assert [i.entry.id for i in store.review_list(limit=2)] == [twice, disabled]
    for limit in (0, 1001):
        with pytest.raises(InvalidInput):
            store.review_list(limit=limit)


def test_the_review_list_weighs_distinct_platforms_and_the_flood_line(store: Store) -> None:
    keys = [store.create_key(f"p{i}", "platform", sha(f"p{i}")).id for i in range(3)]
    one_key_flood, spread, reported, quiet = (e.id for e in entries(store, 4))
    for _ in range(6):
        store.record_matches([one_key_flood], key_id=keys[0])
    for key_id in keys:
        store.record_matches([spread, quiet], key_id=key_id)
    store.record_matches([spread])  # counted, but from no platform (a script, the CLI)
    for key_id in keys[:2]:
        store.add_report(reported, "not_ncii", key_id=key_id, actor="p")
    store.add_report(spread, "not_ncii", key_id=keys[0], actor="p")
    store.add_report(spread, "not_ncii", key_id=keys[0], actor="p")

    items = store.review_list(flood_matches=3)
    assert [
        (i.entry.id, i.not_ncii_platforms, i.not_ncii_reports, i.platforms, i.matches, i.flooded)
        for i in items
    ] == [
        (reported, 2, 2, 0, 0, False),  # two platforms' word outweighs one platform's twice,
        (spread, 1, 2, 3, 4, True),
        (one_key_flood, 0, 0, 1, 6, True),  # one key, however many calls: last
    ]
    assert all(i.entry.status == "active" for i in items)  # listing stops nothing
    assert [i.entry.id for i in store.review_list()] == [reported, spread]  # no flood line
    with pytest.raises(NotFound):
        store.record_matches([quiet], key_id=999)
    assert store.match_counts([quiet]) == {quiet: 3}


def test_the_review_list_is_empty_when_nothing_is_held(store: Store) -> None:
    (entry,) = entries(store, 1)
    store.record_matches([entry.id])
    assert store.review_list() == []


# -- the store's identity ----------------------------------------------------------------------


def test_a_store_keeps_its_id_and_another_has_its_own(store_url: str, other_store_url: str) -> None:
    with open_store(store_url) as store:
        first = store.store_id()
        assert store.store_id() == first
    assert uuid.UUID(first).version == 4 and str(uuid.UUID(first)) == first
    with open_store(store_url) as again:
        assert again.store_id() == first
    with open_store(other_store_url) as other:
        assert other.store_id() != first
        assert uuid.UUID(other.store_id()).version == 4


# -- migration from step 1 ---------------------------------------------------------------------


def test_a_store_made_at_step_1_keeps_its_data_at_step_2(
    store_url: str, pin_hash: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Today's code reads step 6's columns (a case's ``minor``, an entry's ``category``) and
    # writes entries by step 7's indexes, so the old store gets them early: steps 6 and 7 only
    # change step 1's tables, and the steps between never touch them. The new store then runs
    # 2 to 5 and skips 6 and 7.
    monkeypatch.setattr(sqlstore, "MIGRATIONS", (MIGRATIONS[0], CATEGORIES, LONG_VALUES))
    monkeypatch.setattr(sqlstore, "LATEST", 1)
    with open_store(store_url) as old:
        assert old.schema_versions() == [1, 6, 7]
        old.create_bank("b", thresholds={"pdq": 20})
        case = old.create_case(pin_hash)
        added = old.add_entries("b", [pdq(i) for i in range(5)], case_id=case.id, source="web")
        old.set_entry_status(added[0].id, "quarantined", actor="op", reason="check")
        old.withdraw_case(case.id)
        old.add_entries("b", [md5(1)], metadata={"note": "é"})
        banks, history, feed = old.list_banks(), all_history(old), all_changes(old)
        rows = list(old.entries(status=None))
    # At step 1 history takes no event about a key; after step 2 it must.
    with pytest.raises(Exception, match=r"(?i)check"):
        raw(
            store_url,
            "INSERT INTO history (at, actor, action, subject_type, subject_id, detail)"
            " VALUES ('2024-01-01T00:00:00+00:00', 'x', 'key.create', 'key', 1, '{}')",
        )
    monkeypatch.undo()

    with open_store(store_url) as new:
        assert new.schema_versions() == [step.version for step in MIGRATIONS]
        assert new.list_banks() == banks
        assert all_history(new) == history  # ids, times and details as they were
        assert all_changes(new) == feed
        assert list(new.entries(status=None)) == rows
        assert new.get_case_by_id(case.id).status == "withdrawn"
        uuid.UUID(new.store_id())

        key = new.create_key("p", "platform", sha("k"))
        new.add_report(rows[-1].id, "not_ncii", key_id=key.id, actor="p")
        events = all_history(new)
        assert [e.action for e in events[:2]] == ["entry.report", "key.create"]
        assert events[1].id > history[0].id
        # the quarantined entry went with its case, so only the reported one is left to review
        assert [i.entry.id for i in new.review_list()] == [rows[-1].id]

    for statement in ("UPDATE history SET actor = 'x'", "DELETE FROM history"):
        with pytest.raises(Exception, match="append-only"):
            raw(store_url, statement)
    with pytest.raises(Exception, match=r"(?i)check"):
        raw(
            store_url,
            "INSERT INTO history (at, actor, action, subject_type, subject_id, detail)"
            " VALUES ('2024-01-01T00:00:00+00:00', 'x', 'x', 'person', 1, '{}')",
        )
    if store_url.startswith("sqlite"):
        assert sorted(
            raw(store_url, "SELECT type, name FROM sqlite_master WHERE tbl_name LIKE 'history%'")
        ) == [
            ("index", "history_by_subject"),
            ("table", "history"),
            ("trigger", "history_append_only_DELETE"),
            ("trigger", "history_append_only_UPDATE"),
        ]
        assert raw(store_url, "PRAGMA integrity_check") == [("ok",)]
        assert raw(store_url, "PRAGMA foreign_key_check") == []

    # and code that knows only step 1 now refuses the store rather than misread it
    monkeypatch.setattr(sqlstore, "LATEST", 1)
    with pytest.raises(Unavailable, match="newer"):
        open_store(store_url)
