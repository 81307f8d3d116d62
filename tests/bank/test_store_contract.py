"""The contract every store keeps, run against each: a SQLite file and a PostgreSQL schema.

Nothing here is mocked. Concurrency is real threads and real processes; the crash is a real
SIGKILL in the middle of writing.
"""

from __future__ import annotations

import io
import os
import signal as signals_module
import subprocess
import sys
import threading
import time
from collections import Counter
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest

from tests.bank.helpers import all_changes, all_history, md5, pdq, raw
from unshared.bank import (
    Entry,
    Store,
    hash_pin,
    new_pin,
    open_store,
    sqlstore,
    verify_pin,
)
from unshared.bank.formats import read_csv, read_lines, write_csv
from unshared.bank.migrations import MIGRATIONS
from unshared.errors import Conflict, InvalidInput, MalformedSignal, NotFound, Unavailable
from unshared.signals import Pdq, Sha256, Signal

# -- helpers -----------------------------------------------------------------------------------


def assert_feed_consistent(store: Store) -> None:
    """The feed runs 1, 2, 3, ... with no gap, ends at latest_seq, and matches the entries."""
    changes = all_changes(store)
    assert [c.seq for c in changes] == list(range(1, len(changes) + 1))
    assert store.latest_seq() == len(changes)
    adds = [c.entry_id for c in changes if c.op == "add"]
    assert len(adds) == len(set(adds)) == store.count_entries(status=None)
    last: dict[int, str] = {}
    for change in changes:
        last[change.entry_id] = change.status
    for entry_id, status in last.items():
        assert store.get_entry(entry_id).status == status


def run_child(code: str, *args: str) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [sys.executable, "-c", code, *args],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


@contextmanager
def reaped(*children: subprocess.Popen[str]) -> Iterator[None]:
    """Leave no child running, even when the test fails."""
    try:
        yield
    finally:
        for child in children:
            if child.poll() is None:
                child.kill()
            child.communicate()


# -- banks -------------------------------------------------------------------------------------


def test_banks_are_created_found_and_listed(store: Store) -> None:
    before = datetime.now(UTC)
    bank = store.create_bank("ncii-main", thresholds={"pdq": 20}, actor="admin")
    store.create_bank("allow_list", kind="allow")
    store.create_bank("protect-1", kind="protect")

    assert bank.name == "ncii-main" and bank.kind == "ncii"
    assert bank.created_at.tzinfo is not None and bank.created_at >= before
    assert store.get_bank("ncii-main") == bank
    assert [b.name for b in store.list_banks()] == ["allow_list", "ncii-main", "protect-1"]
    assert store.get_bank("allow_list").kind == "allow"
    assert bank.threshold("pdq") == 20
    assert store.get_bank("allow_list").threshold("pdq") == Pdq.DEFAULT_THRESHOLD
    assert bank.threshold("md5") == 0


def test_bank_mistakes_are_typed_errors(store: Store) -> None:
    store.create_bank("taken")
    with pytest.raises(Conflict):
        store.create_bank("taken", kind="allow")
    with pytest.raises(NotFound):
        store.get_bank("missing")
    for name in ("", "Upper", "has space", "x" * 65, "slash/"):
        with pytest.raises(InvalidInput):
            store.create_bank(name)
    with pytest.raises(InvalidInput):
        store.create_bank("kind", kind="csam")  # type: ignore[arg-type]
    for thresholds in ({"pdq": 257}, {"pdq": -1}, {"pdq": True}, {"md5": 0}, {"nope": 3}):
        with pytest.raises(InvalidInput):
            store.create_bank("limits", thresholds=thresholds)
    assert [b.name for b in store.list_banks()] == ["taken"]


# -- cases and PINs ----------------------------------------------------------------------------


def test_cases_have_unguessable_numbers_and_hashed_pins(store: Store) -> None:
    pin = new_pin()
    case = store.create_case(hash_pin(pin))
    assert case.status == "active" and case.withdrawn_at is None
    assert pin not in case.pin_hash and pin.replace("-", "") not in case.pin_hash
    assert pin not in repr(case)

    found = store.get_case(case.number)
    assert found == case == store.get_case_by_id(case.id)
    assert store.get_case(case.number.lower().replace("-", " ")) == case
    assert verify_pin(pin, found.pin_hash)
    assert verify_pin(pin.lower(), found.pin_hash)
    assert not verify_pin(new_pin(), found.pin_hash)


def test_case_numbers_are_unique(store: Store, pin_hash: str) -> None:
    numbers = {store.create_case(pin_hash).number for _ in range(40)}
    assert len(numbers) == 40


def test_case_mistakes_are_typed_errors(store: Store) -> None:
    with pytest.raises(InvalidInput):
        store.create_case("12345678")  # a bare PIN must never be stored
    with pytest.raises(InvalidInput):
        store.get_case("not a case number")
    with pytest.raises(NotFound):
        store.get_case("UN-2222-2222")
    with pytest.raises(NotFound):
        store.get_case_by_id(999)


# -- entries -----------------------------------------------------------------------------------


def test_entries_are_added_once_and_found(store: Store, pin_hash: str) -> None:
    store.create_bank("b")
    store.create_bank("other")
    case = store.create_case(pin_hash)
    signals: list[Signal] = [pdq(1), md5(1), Sha256.of(b"x"), pdq(1)]

    added = store.add_entries(
        "b", signals, case_id=case.id, source="web", metadata={"note": "é", "n": [1, 2]}
    )
    assert [e.value for e in added] == [s.hex for s in signals]
    assert added[0] == added[3]  # a repeat within one call is one entry
    assert len({e.id for e in added}) == 3
    first = added[0]
    assert (first.bank, first.case_id, first.status, first.source) == (
        "b",
        case.id,
        "active",
        "web",
    )
    assert first.metadata == {"note": "é", "n": [1, 2]}
    assert first.signal == pdq(1)
    assert store.get_entry(first.id) == first

    again = store.add_entries("b", [pdq(1), pdq(2)], case_id=case.id, metadata={"new": True})
    assert again[0] == first  # already there: returned, not duplicated, metadata kept
    assert again[1].metadata == {"new": True}
    elsewhere = store.add_entries("b", [pdq(1)])[0]  # no case is a different owner
    other_bank = store.add_entries("other", [pdq(1)], case_id=case.id)[0]
    assert len({first.id, elsewhere.id, other_bank.id}) == 3

    assert store.count_entries() == 6
    assert store.count_entries(bank="b") == 5
    assert store.count_entries(case_id=case.id) == 5
    assert store.count_entries(signal_type="pdq") == 4
    assert {e.id for e in store.entries(bank="b", case_id=case.id)} == {
        e.id for e in (*added, again[1])
    }
    found = store.find_entries("pdq", pdq(1).hex.upper())
    assert [e.id for e in found] == sorted([first.id, elsewhere.id, other_bank.id])
    assert store.find_entries("md5", md5(2).hex) == []
    assert store.add_entries("b", []) == []


def test_a_disabled_or_quarantined_hash_is_not_readded_but_a_withdrawn_one_is(
    store: Store,
) -> None:
    store.create_bank("b")
    disabled, quarantined, withdrawn = store.add_entries("b", [pdq(1), pdq(2), pdq(3)])
    store.set_entry_status(disabled.id, "disabled", actor="op")
    store.set_entry_status(quarantined.id, "quarantined", actor="op")
    store.set_entry_status(withdrawn.id, "withdrawn", actor="op")

    again = store.add_entries("b", [pdq(1), pdq(2), pdq(3)])
    assert [e.id for e in again[:2]] == [disabled.id, quarantined.id]
    assert [e.status for e in again[:2]] == ["disabled", "quarantined"]
    assert again[2].id != withdrawn.id and again[2].status == "active"


def test_entry_status_changes(store: Store) -> None:
    store.create_bank("b")
    (entry,) = store.add_entries("b", [pdq(1)])
    seq = store.latest_seq()

    assert store.set_entry_status(entry.id, "disabled", actor="op", reason="FP").status == (
        "disabled"
    )
    assert store.count_entries() == 0
    assert store.set_entry_status(entry.id, "disabled", actor="op") == store.get_entry(entry.id)
    store.set_entry_status(entry.id, "quarantined", actor="op")
    store.set_entry_status(entry.id, "active", actor="op")
    assert store.count_entries() == 1
    store.set_entry_status(entry.id, "withdrawn", actor="op")
    with pytest.raises(Conflict):
        store.set_entry_status(entry.id, "active", actor="op")

    ops = [(c.op, c.status) for c in store.changes(after=seq)]
    assert ops == [
        ("disable", "disabled"),
        ("quarantine", "quarantined"),
        ("enable", "active"),
        ("withdraw", "withdrawn"),
    ]
    events = store.history("entry", entry.id)
    assert [e.action for e in events] == [
        "entry.withdraw",
        "entry.enable",
        "entry.quarantine",
        "entry.disable",
        "entry.add",
    ]
    assert events[-2].detail == {"was": "active", "reason": "FP"} and events[-2].actor == "op"
    with pytest.raises(InvalidInput):
        store.set_entry_status(entry.id, "deleted", actor="op")  # type: ignore[arg-type]
    with pytest.raises(NotFound):
        store.set_entry_status(10_000, "disabled", actor="op")
    with pytest.raises(InvalidInput):
        store.set_entry_status(entry.id, "disabled", actor="")


def test_malformed_input_is_refused_with_typed_errors(store: Store, pin_hash: str) -> None:
    store.create_bank("b")
    with pytest.raises(MalformedSignal):
        store.add_entries("b", ["ab" * 32])  # type: ignore[list-item]
    with pytest.raises(MalformedSignal):
        store.find_entries("pdq", "zz" * 32)
    with pytest.raises(MalformedSignal):
        store.find_entries("pdq", "ab" * 31)
    with pytest.raises(MalformedSignal):
        store.find_entries("phash", "ab" * 8)
    with pytest.raises(NotFound):
        store.add_entries("nope", [pdq(1)])
    with pytest.raises(NotFound):
        store.add_entries("b", [pdq(1)], case_id=12345)
    with pytest.raises(NotFound):
        store.entries(bank="nope")  # at the call, not at the first next()
    with pytest.raises(InvalidInput):
        store.entries(status="gone")  # type: ignore[arg-type]
    bad_metadata: list[Any] = [{"x": float("nan")}, {"x": object()}, {1: "x"}, {"x": "\x00"}]
    for metadata in bad_metadata:
        with pytest.raises(InvalidInput):
            store.add_entries("b", [pdq(1)], metadata=metadata)
    with pytest.raises(InvalidInput):
        store.add_entries("b", [pdq(1)], metadata={"x": "y" * 70_000})
    with pytest.raises(InvalidInput):
        store.add_entries("b", [pdq(1)], source="\x00")
    for after, limit in ((-1, 10), (0, 0), (0, 10_001)):
        with pytest.raises(InvalidInput):
            store.changes(after=after, limit=limit)
    with pytest.raises(InvalidInput):
        store.history("person")
    assert store.count_entries(status=None) == 0
    assert store.latest_seq() == 0


def test_entries_stream_in_pages(store: Store, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(sqlstore, "_PAGE", 3)
    store.create_bank("b")
    added = store.add_entries("b", [pdq(i) for i in range(10)])
    store.set_entry_status(added[4].id, "disabled", actor="op")

    stream = store.entries()
    first = next(stream)
    late = store.add_entries("b", [pdq(99)])  # writing between pages is fine
    rest = list(stream)
    expected = [e.id for e in added if e.id != added[4].id] + [late[0].id]
    assert [e.id for e in [first, *rest]] == expected
    assert len(list(store.entries(status=None))) == 11


# -- cases withdrawn ---------------------------------------------------------------------------


def test_withdrawing_a_case_withdraws_its_entries_at_once(store: Store, pin_hash: str) -> None:
    store.create_bank("b")
    store.create_bank("c")
    case = store.create_case(pin_hash)
    other = store.create_case(pin_hash)
    mine = store.add_entries("b", [pdq(1), pdq(2)], case_id=case.id)
    mine += store.add_entries("c", [md5(1)], case_id=case.id)
    theirs = store.add_entries("b", [pdq(1)], case_id=other.id)
    store.set_entry_status(mine[1].id, "disabled", actor="op")
    seq = store.latest_seq()

    withdrawn = store.withdraw_case(case.id, actor="person")

    assert withdrawn.status == "withdrawn" and withdrawn.withdrawn_at is not None
    assert store.get_case(case.number) == withdrawn
    assert [e.id for e in store.entries()] == [theirs[0].id]
    assert {store.get_entry(e.id).status for e in mine} == {"withdrawn"}
    changes = store.changes(after=seq)
    assert sorted((c.entry_id, c.op, c.status) for c in changes) == sorted(
        (e.id, "withdraw", "withdrawn") for e in mine
    )
    events = all_history(store)
    assert events[0].action == "case.withdraw" and events[0].detail == {"entries": 3}
    assert Counter(e.action for e in events)["entry.withdraw"] == 3

    assert store.withdraw_case(case.id) == withdrawn  # again: nothing more happens
    assert store.latest_seq() == seq + 3
    with pytest.raises(Conflict):
        store.add_entries("b", [pdq(3)], case_id=case.id)
    with pytest.raises(Conflict):
        store.set_entry_status(mine[0].id, "active", actor="op")
    readded = store.add_entries("b", [pdq(1)], case_id=other.id)
    assert readded == theirs


# -- history and feed --------------------------------------------------------------------------


def test_every_change_is_in_the_history(store: Store, pin_hash: str, store_url: str) -> None:
    store.create_bank("b", actor="admin")
    case = store.create_case(pin_hash, actor="person")
    entries = store.add_entries("b", [pdq(1), pdq(2)], case_id=case.id, actor="person")
    store.set_entry_status(entries[0].id, "quarantined", actor="moderator", reason="check")
    store.withdraw_case(case.id, actor="person")

    events = all_history(store)
    assert [(e.action, e.subject_type, e.actor) for e in reversed(events)] == [
        ("bank.create", "bank", "admin"),
        ("case.create", "case", "person"),
        ("entry.add", "entry", "person"),
        ("entry.add", "entry", "person"),
        ("entry.quarantine", "entry", "moderator"),
        ("entry.withdraw", "entry", "person"),
        ("entry.withdraw", "entry", "person"),
        ("case.withdraw", "case", "person"),
    ]
    assert events == sorted(events, key=lambda e: e.id, reverse=True)
    assert all(e.at.tzinfo is not None for e in events)
    add = events[-3]
    assert add.detail == {
        "bank": "b",
        "signal_type": "pdq",
        "value": pdq(1).hex,
        "case_id": case.id,
        "source": "",
    }
    assert store.history("case", case.id, limit=1)[0].action == "case.withdraw"
    assert store.history(before=events[-2].id) == [events[-1]]

    for statement in ("UPDATE history SET actor = 'x'", "DELETE FROM history"):
        with pytest.raises(Exception, match="append-only"):
            raw(store_url, statement)
    with pytest.raises(Exception, match="append-only"):
        raw(store_url, "DELETE FROM changes")
    assert len(all_history(store)) == len(events)


def test_feed_pages_in_order_and_keeps_each_changes_status(store: Store) -> None:
    store.create_bank("b")
    entries = store.add_entries("b", [pdq(i) for i in range(25)])
    for entry in entries[::3]:
        store.set_entry_status(entry.id, "disabled", actor="op")
    store.set_entry_status(entries[0].id, "active", actor="op")

    everything = store.changes(after=0, limit=10_000)
    assert [c.seq for c in everything] == list(range(1, 25 + 9 + 1 + 1))
    assert store.latest_seq() == everything[-1].seq
    paged: list[Any] = []
    while page := store.changes(after=paged[-1].seq if paged else 0, limit=7):
        assert len(page) <= 7
        paged += page
    assert paged == everything

    first = everything[0]
    assert (first.op, first.status, first.bank, first.signal_type, first.value) == (
        "add",
        "active",
        "b",
        "pdq",
        entries[0].value,
    )
    assert [c.op for c in everything if c.entry_id == entries[0].id] == ["add", "disable", "enable"]
    assert store.changes(after=everything[-1].seq) == []
    assert_feed_consistent(store)


def test_a_copy_kept_from_the_feed_matches_the_store(store: Store, pin_hash: str) -> None:
    """What a platform does: apply the feed in order and end with the store's active entries."""
    store.create_bank("b")
    case = store.create_case(pin_hash)
    copy: dict[int, tuple[str, str]] = {}
    cursor = 0

    def sync() -> None:
        nonlocal cursor
        for change in store.changes(after=cursor, limit=4):
            if change.op == "add":
                copy[change.entry_id] = (change.value, change.status)
            else:
                copy[change.entry_id] = (copy[change.entry_id][0], change.status)
            cursor = change.seq

    added = store.add_entries("b", [pdq(i) for i in range(6)], case_id=case.id)
    sync()
    store.add_entries("b", [pdq(i) for i in range(4, 9)])
    store.set_entry_status(added[0].id, "disabled", actor="op")
    sync()
    store.withdraw_case(case.id)
    while cursor < store.latest_seq():
        sync()
    active = {entry_id for entry_id, (_, status) in copy.items() if status == "active"}
    assert active == {e.id for e in store.entries()}


# -- schema ------------------------------------------------------------------------------------


def test_migrations_run_once(store_url: str) -> None:
    with open_store(store_url) as first:
        first.create_bank("kept")
    for _ in range(2):
        with open_store(store_url) as again:
            assert again.schema_versions() == [step.version for step in MIGRATIONS]
            assert [b.name for b in again.list_banks()] == ["kept"]
    assert raw(store_url, "SELECT count(*) FROM schema_migrations") == [(len(MIGRATIONS),)]


def test_a_newer_schema_is_refused(store_url: str) -> None:
    open_store(store_url).close()
    raw(
        store_url,
        "INSERT INTO schema_migrations (version, name, applied_at)"
        " VALUES (999, 'from the future', '2100-01-01T00:00:00+00:00')",
    )
    with pytest.raises(Unavailable, match="newer"):
        open_store(store_url)


OPEN_AND_ADD = """
import hashlib, sys
from unshared.bank import open_store
from unshared.signals import Pdq
with open_store(sys.argv[1]) as store:
    try:
        store.create_bank("b")
    except Exception:
        pass
    store.add_entries("b", [Pdq(hashlib.sha256(sys.argv[2].encode()).digest())])
"""


def test_processes_opening_a_new_store_at_once_migrate_it_once(store_url: str) -> None:
    children = [run_child(OPEN_AND_ADD, store_url, str(i)) for i in range(4)]
    with reaped(*children):
        for child in children:
            _, err = child.communicate(timeout=60)
            assert child.returncode == 0, err
    with open_store(store_url) as store:
        assert store.count_entries() == 4
        assert raw(store_url, "SELECT count(*) FROM schema_migrations") == [(len(MIGRATIONS),)]


def test_open_store_urls(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    with open_store("sqlite:///rel/bank.db") as store:
        store.create_bank("b")
    assert (tmp_path / "rel" / "bank.db").is_file()
    with open_store(f"sqlite:///{tmp_path / 'abs.db'}") as store:
        assert store.list_banks() == []
    assert (tmp_path / "abs.db").is_file()
    for url in ("mysql://x", "sqlite://", "sqlite:///", "sqlite:///:memory:", "bank.db"):
        with pytest.raises(InvalidInput):
            open_store(url)


def test_an_unreachable_postgres_is_unavailable() -> None:
    with pytest.raises(Unavailable) as caught:
        open_store("postgresql://nobody:s3cret@127.0.0.1:1/none?connect_timeout=1")
    assert "s3cret" not in str(caught.value)


# -- concurrency -------------------------------------------------------------------------------


class FeedWatcher(threading.Thread):
    """Reads the feed while others write, and fails on any seq seen out of order."""

    def __init__(self, store: Store, done: threading.Event) -> None:
        super().__init__()
        self.store, self.done, self.seen, self.error = store, done, 0, ""

    def run(self) -> None:
        deadline = time.monotonic() + 120
        try:
            while time.monotonic() < deadline:
                finished = self.done.is_set()
                for change in self.store.changes(after=self.seen, limit=50):
                    if change.seq != self.seen + 1:
                        self.error = f"saw seq {change.seq} after {self.seen}"
                        return
                    self.seen = change.seq
                if finished and self.seen == self.store.latest_seq():
                    return
            self.error = f"still waiting for the feed after seq {self.seen}"
        except Exception as exc:  # pragma: no cover - reported by the test
            self.error = repr(exc)


def test_threads_writing_at_once_lose_and_duplicate_nothing(store: Store) -> None:
    store.create_bank("b")
    done = threading.Event()
    watcher = FeedWatcher(store, done)
    watcher.start()
    errors: list[BaseException] = []

    def writer(n: int) -> None:
        try:
            for i in range(15):
                own = [pdq(f"{n}-{i}-{j}") for j in range(3)]
                entries = store.add_entries("b", [*own, pdq(f"shared-{i}")], source=f"t{n}")
                if i % 5 == 0:
                    store.set_entry_status(entries[0].id, "disabled", actor=f"t{n}")
        except BaseException as exc:  # pragma: no cover - reported below
            errors.append(exc)

    threads = [threading.Thread(target=writer, args=(n,)) for n in range(6)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    done.set()
    watcher.join(timeout=60)

    assert not errors, errors
    assert not watcher.error, watcher.error
    assert store.count_entries(status=None) == 6 * 15 * 3 + 15
    assert store.count_entries(status="disabled") == 6 * 3
    assert watcher.seen == store.latest_seq() == 6 * 15 * 3 + 15 + 6 * 3
    values = [e.value for e in store.entries(status=None)]
    assert len(values) == len(set(values))
    assert_feed_consistent(store)


WRITER = """
import hashlib, sys
from unshared.bank import open_store
from unshared.signals import Pdq
def pdq(s):
    return Pdq(hashlib.sha256(s.encode()).digest())
name = sys.argv[2]
with open_store(sys.argv[1]) as store:
    for i in range(20):
        own = [pdq(f"{name}-{i}-{j}") for j in range(5)]
        store.add_entries("b", [*own, pdq(f"shared-{i}")], source=name, metadata={"i": i})
"""


def test_processes_writing_at_once_lose_and_duplicate_nothing(store: Store, store_url: str) -> None:
    store.create_bank("b")
    done = threading.Event()
    watcher = FeedWatcher(store, done)
    watcher.start()
    children = [run_child(WRITER, store_url, f"p{n}") for n in range(4)]
    try:
        with reaped(*children):
            for child in children:
                _, err = child.communicate(timeout=60)
                assert child.returncode == 0, err
    finally:
        done.set()
        watcher.join(timeout=60)

    assert not watcher.error, watcher.error
    assert store.count_entries() == 4 * 20 * 5 + 20
    assert watcher.seen == store.latest_seq() == 4 * 20 * 5 + 20
    assert Counter(e.source for e in store.entries()).keys() == {"p0", "p1", "p2", "p3"}
    values = [e.value for e in store.entries()]
    assert len(values) == len(set(values))
    assert_feed_consistent(store)


KILLED_WRITER = """
import hashlib, sys, time
from unshared.bank import open_store, sql
from unshared.signals import Pdq
url, how, batch = sys.argv[1], sys.argv[2], int(sys.argv[3])
store = open_store(url)

def add(batch):
    signals = [Pdq(hashlib.sha256(f"{batch}:{j}".encode()).digest()) for j in range(300)]
    store.add_entries("b", signals, case_id=case_id, metadata={"batch": batch})

case_id = store.create_case(sys.argv[4]).id if how == "withdraw" else None
for _ in range(3):
    add(batch)
    batch += 1
if how != "loop":
    # Stop at the worst moment: every row of the transaction written, the commit not yet made.
    flush = sql.Ledger.flush
    def flush_and_hang(ledger):
        flush(ledger)
        print("inside", flush=True)
        time.sleep(600)
    sql.Ledger.flush = flush_and_hang
print("writing", flush=True)
if how == "withdraw":
    store.withdraw_case(case_id)
if how == "create":
    signals = [Pdq(hashlib.sha256(f"case:{j}".encode()).digest()) for j in range(300)]
    store.create_case_with_entries(sys.argv[4], "b", signals)
while True:
    add(batch)
    batch += 1
"""


@pytest.mark.parametrize("how", ["loop", "add", "withdraw", "create"])
def test_a_writer_killed_mid_transaction_leaves_all_or_nothing(
    store: Store, store_url: str, pin_hash: str, how: str
) -> None:
    """``loop``: killed at a random moment of adding batch after batch. ``add``, ``withdraw``,
    ``create`` (a case with 300 hashes): killed inside the transaction, after it wrote
    everything and before it committed."""
    store.create_bank("b")
    child = run_child(KILLED_WRITER, store_url, how, "0", pin_hash)
    with reaped(child):
        assert child.stdout is not None
        assert child.stdout.readline().strip() == "writing", child.stderr and child.stderr.read()
        if how == "loop":
            time.sleep(0.3)
        else:
            assert child.stdout.readline().strip() == "inside"
        os.kill(child.pid, signals_module.SIGKILL)
        _, err = child.communicate(timeout=30)
        assert child.returncode == -signals_module.SIGKILL, err

    with open_store(store_url) as reopened:
        batches = Counter(e.metadata["batch"] for e in reopened.entries(status=None))
        assert set(batches.values()) == {300}, batches  # each batch whole or absent
        if how == "loop":
            assert len(batches) >= 3
        else:
            assert sorted(batches) == [0, 1, 2]
        assert reopened.count_entries() == 300 * len(batches)  # the withdrawal never happened
        if how == "withdraw":
            (case,) = {reopened.get_case_by_id(e.case_id) for e in reopened.entries() if e.case_id}
            assert case.status == "active"
        assert_feed_consistent(reopened)
        adds = [e for e in all_history(reopened) if e.action == "entry.add"]
        assert len(adds) == reopened.count_entries(status=None)
        assert not [e for e in all_history(reopened) if e.action == "case.withdraw"]
        cases = [e for e in all_history(reopened) if e.action == "case.create"]
        assert len(cases) == (how == "withdraw")  # the case being made left nothing
        assert raw(store_url, "SELECT count(*) FROM cases") == [(len(cases),)]
        # and it still takes writes, numbered on from where the feed was
        seq = reopened.latest_seq()
        reopened.add_entries("b", [md5(1)])
        assert [c.seq for c in reopened.changes(after=seq)] == [seq + 1]

    if store_url.startswith("sqlite"):
        assert raw(store_url, "PRAGMA integrity_check") == [("ok",)]


# -- import and export -------------------------------------------------------------------------


def test_import_and_export_round_trip(store: Store) -> None:
    store.create_bank("in")
    store.create_bank("back")
    lines = ["# from a partner", pdq(1).hex, "", f"md5 {md5(1).hex}", pdq(2).hex.upper()]
    summary = store.import_records("in", read_lines(lines), source="partner.txt", batch_size=2)
    assert (summary.records, summary.added, summary.existing) == (3, 3, 0)
    pytx = io.StringIO(
        "signal_type,signal_str,collab,category,tags\n"
        f"pdq,{pdq(3).hex},Sample Signals,POSITIVE_CLASS,ncii reviewed\n"
        f"pdq,{pdq(1).hex},,,\n"
    )
    summary = store.import_records("in", read_csv(pytx), batch_size=1)
    assert (summary.records, summary.added, summary.existing) == (2, 1, 1)
    (tagged,) = store.find_entries("pdq", pdq(3).hex)
    assert tagged.metadata == {
        "collab": "Sample Signals",
        "category": "POSITIVE_CLASS",
        "tags": ["ncii", "reviewed"],
    }
    store.set_entry_status(store.find_entries("pdq", pdq(2).hex)[0].id, "withdrawn", actor="op")

    out = io.StringIO()
    assert write_csv(store.entries(bank="in", status=None), out) == 4
    summary = store.import_records("back", read_csv(io.StringIO(out.getvalue())))
    assert (summary.records, summary.added) == (3, 3)  # the withdrawn one stays out

    def pairs(bank: str) -> set[tuple[str, str, str]]:
        return {
            (e.signal_type, e.value, repr(sorted(e.metadata.items()))) for e in store.entries(bank)
        }

    assert pairs("back") == pairs("in")
    again = store.import_records("back", read_csv(io.StringIO(out.getvalue())))
    assert (again.added, again.existing) == (0, 3)


def test_a_bad_line_stops_an_import_after_the_batches_before_it(store: Store) -> None:
    store.create_bank("b")
    lines = [pdq(i).hex for i in range(5)] + ["not a hash"] + [pdq(9).hex]
    with pytest.raises(MalformedSignal, match="line 6") as caught:
        store.import_records("b", read_lines(lines), batch_size=2)
    assert caught.value.detail["line"] == 6
    assert store.count_entries() == 4  # two whole batches; the third never committed
    with pytest.raises(NotFound):
        store.import_records("nope", read_lines(lines))


def test_entries_report_utc_times(store: Store) -> None:
    store.create_bank("b")
    (entry,) = store.add_entries("b", [pdq(1)])
    stored = store.get_entry(entry.id)
    assert stored.added_at == entry.added_at
    assert stored.added_at.utcoffset() == timedelta(0)
    assert isinstance(stored, Entry)


def test_entries_are_read_back_many_at_once(store: Store) -> None:
    store.create_bank("b")
    added = store.add_entries("b", [Pdq(bytes([i]) * 32) for i in range(3)])
    store.set_entry_status(added[1].id, "withdrawn", actor="op")
    found = store.get_entries([added[2].id, added[0].id, added[1].id, added[0].id, 999])
    assert found == {e.id: store.get_entry(e.id) for e in added}  # any status; 999 left out
    assert found[added[1].id].status == "withdrawn"
    assert store.get_entries([]) == {}
    for bad in ("12", [0], [True]):
        with pytest.raises(InvalidInput):
            store.get_entries(bad)  # type: ignore[arg-type]
