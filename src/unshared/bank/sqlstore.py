"""What the SQLite and PostgreSQL stores share: every rule of the bank, written once in plain SQL.

A subclass supplies connections and transactions (``_read``, ``_write``, ``_migration``), how to
lock the feed head, and how times and JSON travel through its driver (the hooks are declared in
``sql.SQLBase``). SQL here uses ``?`` placeholders; the PostgreSQL store translates them.

Every write runs in one transaction that first locks the single ``feed_head`` row, so writers take
turns: whoever holds it numbers its feed changes from the head and commits before the next writer
can read the head. Feed numbers therefore become visible in order and without gaps (see
``docs/bank.md``).
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import replace
from typing import Any, cast

from unshared.bank import validate
from unshared.bank.jobs import JobRecords
from unshared.bank.migrations import LATEST, MIGRATIONS, SCHEMA_MIGRATIONS
from unshared.bank.models import (
    MAX_REASON,
    OP_FOR_STATUS,
    Bank,
    BankKind,
    Case,
    CaseRequest,
    CaseStatus,
    Category,
    Change,
    Entry,
    EntryStatus,
    HistoryEvent,
    ImportSummary,
    NewCase,
)
from unshared.bank.notices import NoticeRecords
from unshared.bank.platform import PlatformRecords
from unshared.bank.secrets import is_pin_hash, new_case_number, normalise_case_number
from unshared.bank.sql import CHUNK, ENTRY, Ledger, Tx, chunks, marks, now
from unshared.bank.store import Record
from unshared.bank.watch import WatchRecords
from unshared.errors import Conflict, InvalidInput, NotFound, Unavailable, UnsharedError
from unshared.signals import SIGNAL_TYPES, Signal

#: Rows per page when streaming entries.
_PAGE = 5000
_MAX_CHANGES = 10_000
_MAX_HISTORY = 1000

_CASE = "SELECT id, number, pin_hash, status, created_at, withdrawn_at, minor FROM cases"
_BANK = "SELECT id, name, kind, thresholds, created_at FROM banks"
_HISTORY = "SELECT id, at, actor, action, subject_type, subject_id, detail FROM history"


class SQLStore(NoticeRecords, WatchRecords, JobRecords, PlatformRecords):
    """The bank over a SQL database; see ``unshared.bank.store.Store`` for the contract.

    API keys, reports and match counts are in ``PlatformRecords``; sightings, contacts and the
    evidence log in ``TakedownRecords``; notices in ``NoticeRecords`` (built on it); the
    monitor's watch targets in ``WatchRecords``; the scheduler's jobs in ``JobRecords``; the
    plumbing in ``SQLBase``.
    """

    #: What the unique index on entries holds of a value, and an entry's value equal to the
    #: next two parameters (both the value), so that the index on values is used: PostgreSQL
    #: indexes values by their MD5 (migration 7), SQLite as they are.
    _value_key = "value"
    _same_value = "e.value = ? AND e.value = ?"

    # -- schema ------------------------------------------------------------------------------

    def _migrate(self) -> None:
        with self._migration() as tx:
            tx.execute(SCHEMA_MIGRATIONS[self.dialect])
            done = {row[0] for row in tx.execute("SELECT version FROM schema_migrations")}
            if done and max(done) > LATEST:
                raise Unavailable(
                    f"the store's schema is at version {max(done)}, newer than this Unshared"
                    f" knows ({LATEST}); upgrade Unshared",
                    schema=max(done),
                    known=LATEST,
                )
            for step in MIGRATIONS:
                if step.version in done:
                    continue
                for statement in step.statements(self.dialect):
                    tx.execute(statement)
                tx.execute(
                    "INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)",
                    (step.version, step.name, self._time_in(now())),
                )

    def schema_versions(self) -> list[int]:
        """The migration steps this store has run, in order."""
        with self._read() as tx:
            rows = tx.execute("SELECT version FROM schema_migrations ORDER BY version")
        return [row[0] for row in rows]

    # -- banks -------------------------------------------------------------------------------

    def create_bank(
        self,
        name: str,
        kind: BankKind = "ncii",
        thresholds: Mapping[str, int] | None = None,
        actor: str = "system",
    ) -> Bank:
        name = validate.bank_name(name)
        kind = validate.bank_kind(kind)
        limits = validate.thresholds(thresholds)
        actor = validate.text("actor", actor, required=True)
        with self._writing() as w:
            if w.tx.execute("SELECT id FROM banks WHERE name = ?", (name,)):
                raise Conflict(f"there is already a bank called {name!r}", bank=name)
            rows = w.tx.execute(
                "INSERT INTO banks (name, kind, thresholds, created_at) VALUES (?, ?, ?, ?)"
                " RETURNING id",
                (name, kind, self._json_in(limits), w.when),
            )
            bank = Bank(rows[0][0], name, kind, limits, w.now)
            w.event(actor, "bank.create", "bank", bank.id, name=name, kind=kind, thresholds=limits)
        return bank

    def get_bank(self, name: str) -> Bank:
        with self._read() as tx:
            return self._bank(tx, name)

    def list_banks(self) -> list[Bank]:
        with self._read() as tx:
            rows = tx.execute(f"{_BANK} ORDER BY name")
        return [self._bank_of(row) for row in rows]

    def _bank(self, tx: Tx, name: str) -> Bank:
        validate.bank_name(name)
        rows = tx.execute(f"{_BANK} WHERE name = ?", (name,))
        if not rows:
            raise NotFound(f"there is no bank called {name!r}", bank=name)
        return self._bank_of(rows[0])

    def _bank_of(self, row: tuple[Any, ...]) -> Bank:
        return Bank(
            id=row[0],
            name=row[1],
            kind=row[2],
            thresholds=dict(self._json_out(row[3])),
            created_at=self._time_out(row[4]),
        )

    # -- cases -------------------------------------------------------------------------------

    def create_case(self, pin_hash: str, actor: str = "person", *, minor: bool = False) -> Case:
        if not is_pin_hash(pin_hash):
            raise InvalidInput("create_case takes hash_pin(pin), never the PIN itself")
        actor = validate.text("actor", actor, required=True)
        minor = validate.flag("minor", minor)
        with self._writing() as w:
            return self._insert_case(w, pin_hash, actor, minor)

    def create_case_with_entries(
        self,
        pin_hash: str,
        bank: str,
        signals: Sequence[Signal],
        *,
        source: str = "",
        actor: str = "person",
        request: CaseRequest | None = None,
        minor: bool = False,
    ) -> NewCase:
        if not is_pin_hash(pin_hash):
            raise InvalidInput("create_case_with_entries takes hash_pin(pin), never the PIN")
        if isinstance(signals, Signal):
            raise InvalidInput("create_case_with_entries takes a sequence of signals")
        items = validate.records([(signal, {}) for signal in signals])
        source = validate.text("source", source)
        actor = validate.text("actor", actor, required=True)
        minor = validate.flag("minor", minor)
        if request is not None:
            request = validate.case_request(request)
        with self._writing() as w:
            # Sealed PINs past their time go first, so none is ever handed out late.
            w.tx.execute(
                "UPDATE case_requests SET sealed_pin = NULL"
                " WHERE sealed_pin IS NOT NULL AND expires_at <= ?",
                (w.when,),
            )
            if request is not None:
                kept = w.tx.execute(
                    "SELECT case_id, request_hash, sealed_pin, expires_at FROM case_requests"
                    " WHERE key_hash = ?",
                    (request.key_hash,),
                )
                if kept:
                    return self._replay(w, bank, items, request, kept[0], minor)
            case = self._insert_case(w, pin_hash, actor, minor)
            added = self._add(w, bank, items, case.id, source, actor)
            if request is not None:
                w.tx.execute(
                    "INSERT INTO case_requests"
                    " (case_id, key_hash, request_hash, sealed_pin, expires_at)"
                    " VALUES (?, ?, ?, ?, ?)",
                    (
                        case.id,
                        request.key_hash,
                        request.request_hash,
                        request.sealed_pin,
                        self._time_in(request.expires_at),
                    ),
                )
        return NewCase(case, [entry for entry, _ in added], request)

    def _insert_case(self, w: Ledger, pin_hash: str, actor: str, minor: bool) -> Case:
        for _ in range(20):
            number = new_case_number()
            if not w.tx.execute("SELECT id FROM cases WHERE number = ?", (number,)):
                break
        else:  # pragma: no cover - 20 collisions in a space of 6.6e11
            raise UnsharedError("could not draw an unused case number")
        rows = w.tx.execute(
            "INSERT INTO cases (number, pin_hash, status, created_at, minor)"
            " VALUES (?, ?, ?, ?, ?) RETURNING id",
            (number, pin_hash, "active", w.when, minor),
        )
        case = Case(rows[0][0], number, pin_hash, "active", w.now, None, minor)
        # The audit trail says how the case was made: a minor's or not, and nothing more.
        w.event(actor, "case.create", "case", case.id, minor=minor)
        return case

    def _replay(
        self,
        w: Ledger,
        bank_name: str,
        items: list[tuple[Signal, dict[str, Any]]],
        request: CaseRequest,
        kept: tuple[Any, ...],
        minor: bool,
    ) -> NewCase:
        """The case a request with this key made before, its entries for these signals."""
        case_id, request_hash, sealed_pin, expires_at = kept
        case = self._case(w.tx, case_id)
        # The request's hash covers ``minor`` too; the case's own answer is checked as well, so
        # a retry can never hand back a case marked otherwise than it asks.
        if request_hash != request.request_hash or case.minor != minor:
            raise Conflict(
                "this Idempotency-Key was used for a different request; draw a new key"
                " for new photos"
            )
        bank = self._bank(w.tx, bank_name)
        # Newest last, so a hash withdrawn and added again gives its live entry.
        rows = w.tx.execute(
            f"{ENTRY} WHERE e.case_id = ? AND e.bank_id = ? ORDER BY e.id", (case_id, bank.id)
        )
        by_hash = {(row[4], row[5]): self._entry_of(row) for row in rows}
        try:
            entries = [by_hash[(signal.name, signal.hex)] for signal, _ in items]
        except KeyError:
            raise UnsharedError(
                f"case {case_id} lacks a hash of the request that made it"
            ) from None
        kept_request = CaseRequest(
            request.key_hash, request_hash, sealed_pin, self._time_out(expires_at)
        )
        return NewCase(case, entries, kept_request, replayed=True)

    def get_case(self, number: str) -> Case:
        number = normalise_case_number(number)
        with self._read() as tx:
            rows = tx.execute(f"{_CASE} WHERE number = ?", (number,))
        if not rows:
            raise NotFound("there is no case with that number")
        return self._case_of(rows[0])

    def get_case_by_id(self, case_id: int) -> Case:
        with self._read() as tx:
            return self._case(tx, case_id)

    def _case(self, tx: Tx, case_id: int) -> Case:
        validate.row_id("a case id", case_id)
        rows = tx.execute(f"{_CASE} WHERE id = ?", (case_id,))
        if not rows:
            raise NotFound(f"there is no case {case_id}", case_id=case_id)
        return self._case_of(rows[0])

    def _case_of(self, row: tuple[Any, ...]) -> Case:
        return Case(
            id=row[0],
            number=row[1],
            pin_hash=row[2],
            status=cast(CaseStatus, row[3]),
            created_at=self._time_out(row[4]),
            withdrawn_at=None if row[5] is None else self._time_out(row[5]),
            minor=bool(row[6]),
        )

    def withdraw_case(self, case_id: int, actor: str = "person") -> Case:
        actor = validate.text("actor", actor, required=True)
        with self._writing() as w:
            case = self._case(w.tx, case_id)
            if case.status == "withdrawn":
                return case
            live = w.tx.execute(
                "SELECT id, status FROM entries WHERE case_id = ? AND status <> 'withdrawn'"
                " ORDER BY id",
                (case_id,),
            )
            w.tx.execute(
                "UPDATE entries SET status = 'withdrawn'"
                " WHERE case_id = ? AND status <> 'withdrawn'",
                (case_id,),
            )
            w.tx.execute(
                "UPDATE cases SET status = 'withdrawn', withdrawn_at = ? WHERE id = ?",
                (w.when, case_id),
            )
            for entry_id, was in live:
                w.change("withdraw", entry_id, "withdrawn")
                w.event(
                    actor, "entry.withdraw", "entry", entry_id, was=was, reason="case withdrawn"
                )
            w.event(actor, "case.withdraw", "case", case_id, entries=len(live))
        return replace(case, status="withdrawn", withdrawn_at=w.now)

    # -- entries -----------------------------------------------------------------------------

    def add_entries(
        self,
        bank: str,
        signals: Sequence[Signal],
        *,
        case_id: int | None = None,
        source: str = "",
        metadata: Mapping[str, Any] | None = None,
        actor: str = "system",
        category: Category | None = None,
    ) -> list[Entry]:
        shared = validate.metadata(metadata)
        if isinstance(signals, Signal):
            raise InvalidInput("add_entries takes a sequence of signals, not one signal")
        return self.add_records(
            bank,
            [(s, shared) for s in signals],
            case_id=case_id,
            source=source,
            actor=actor,
            category=category,
        )

    def add_records(
        self,
        bank: str,
        records: Sequence[Record],
        *,
        case_id: int | None = None,
        source: str = "",
        actor: str = "system",
        category: Category | None = None,
    ) -> list[Entry]:
        items = validate.records(records)
        source = validate.text("source", source)
        actor = validate.text("actor", actor, required=True)
        category = validate.category(category)
        if case_id is not None:
            validate.row_id("a case id", case_id)
        with self._writing() as w:
            added = self._add(w, bank, items, case_id, source, actor, category)
        return [entry for entry, _ in added]

    def import_records(
        self,
        bank: str,
        records: Iterable[Record],
        *,
        source: str = "",
        actor: str = "system",
        batch_size: int = 1000,
        category: Category | None = None,
    ) -> ImportSummary:
        validate.whole("batch_size", batch_size, low=1, high=100_000)
        source = validate.text("source", source)
        actor = validate.text("actor", actor, required=True)
        category = validate.category(category)
        self.get_bank(bank)
        total = added = 0
        batch: list[Record] = []

        def flush() -> int:
            items = validate.records(batch)
            batch.clear()
            with self._writing() as w:
                added = self._add(w, bank, items, None, source, actor, category)
                return sum(new for _, new in added)

        for record in records:
            batch.append(record)
            total += 1
            if len(batch) >= batch_size:
                added += flush()
        if batch:
            added += flush()
        if added:
            self._refresh_statistics()
        return ImportSummary(records=total, added=added, existing=total - added)

    def _add(
        self,
        w: Ledger,
        bank_name: str,
        items: list[tuple[Signal, dict[str, Any]]],
        case_id: int | None,
        source: str,
        actor: str,
        category: Category | None = None,
    ) -> list[tuple[Entry, bool]]:
        """Add under the lock; each item's entry, and whether it is new. Every entry of a
        minor's case is ``minor``, whatever ``category`` says."""
        bank = self._bank(w.tx, bank_name)
        if case_id is not None:
            case = self._case(w.tx, case_id)
            if case.status != "active":
                raise Conflict(f"case {case_id} is withdrawn; nothing more can be added to it")
            category = case.category or category
        firsts: dict[tuple[str, str], dict[str, Any]] = {}
        for signal, meta in items:
            firsts.setdefault((signal.name, signal.hex), meta)
        keys = list(firsts)
        when = w.when
        # Insert what is new; the unique index turns away what is there and not withdrawn.
        rows = w.tx.insert(
            "entries",
            (
                "bank_id",
                "case_id",
                "signal_type",
                "value",
                "status",
                "source",
                "added_at",
                "metadata",
                "category",
            ),
            [
                (
                    bank.id,
                    case_id,
                    t,
                    v,
                    "active",
                    source,
                    when,
                    self._json_in(firsts[(t, v)]),
                    category,
                )
                for t, v in keys
            ],
            conflict=f"(bank_id, signal_type, {self._value_key}, coalesce(case_id, 0))"
            " WHERE status <> 'withdrawn' DO NOTHING",
            returning="id, signal_type, value",
        )
        ids = {(t, v): entry_id for entry_id, t, v in rows}
        fresh = [key for key in keys if key in ids]
        known = [key for key in keys if key not in ids]
        found: dict[tuple[str, str], Entry] = {}
        for key, hits in zip(
            known,
            w.tx.execute_each(
                f"{ENTRY} WHERE e.bank_id = ? AND e.signal_type = ? AND {self._same_value}"
                " AND coalesce(e.case_id, 0) = ? AND e.status <> 'withdrawn'",
                [(bank.id, t, v, v, case_id or 0) for t, v in known],
            ),
            strict=True,
        ):
            found[key] = self._entry_of(hits[0])
        made: dict[tuple[str, str], Entry] = {}
        for key in fresh:
            signal_type, value = key
            entry = Entry(
                id=ids[key],
                bank=bank.name,
                bank_id=bank.id,
                case_id=case_id,
                signal_type=signal_type,
                value=value,
                status="active",
                source=source,
                added_at=w.now,
                metadata=firsts[key],
                category=category,
            )
            made[key] = entry
            w.change("add", entry.id, "active")
            w.event(
                actor,
                "entry.add",
                "entry",
                entry.id,
                bank=bank.name,
                signal_type=signal_type,
                value=value,
                case_id=case_id,
                source=source,
                **({"category": category} if category else {}),
            )
        given = {**found, **made}
        out: list[tuple[Entry, bool]] = []
        for signal, _ in items:
            key = (signal.name, signal.hex)
            out.append((given[key], made.pop(key, None) is not None))
        return out

    def get_entry(self, entry_id: int) -> Entry:
        with self._read() as tx:
            return self._entry(tx, entry_id)

    def get_entries(self, entry_ids: Sequence[int]) -> dict[int, Entry]:
        ids = validate.ids("entry id", entry_ids)
        found: dict[int, Entry] = {}
        if not ids:
            return found
        with self._read() as tx:
            for chunk in chunks(ids, CHUNK):
                for row in tx.execute(f"{ENTRY} WHERE e.id IN ({marks(chunk)})", chunk):
                    entry = self._entry_of(row)
                    found[entry.id] = entry
        return found

    def set_entry_status(
        self, entry_id: int, status: EntryStatus, *, actor: str, reason: str = ""
    ) -> Entry:
        status = validate.entry_status(status)
        actor = validate.text("actor", actor, required=True)
        reason = validate.text("reason", reason, max_len=MAX_REASON)
        with self._writing() as w:
            entry = self._entry(w.tx, entry_id)
            if entry.status == status:
                return entry
            if entry.status == "withdrawn":
                raise Conflict(
                    f"entry {entry_id} was withdrawn; a withdrawal is final", entry_id=entry_id
                )
            w.tx.execute("UPDATE entries SET status = ? WHERE id = ?", (status, entry_id))
            op = OP_FOR_STATUS[status]
            w.change(op, entry_id, status)
            w.event(actor, f"entry.{op}", "entry", entry_id, was=entry.status, reason=reason)
        return replace(entry, status=status)

    def entries(
        self,
        bank: str | None = None,
        status: EntryStatus | None = "active",
        case_id: int | None = None,
        *,
        signal_type: str | None = None,
    ) -> Iterator[Entry]:
        where, params = self._entry_filter(bank, status, case_id, signal_type)
        return self._stream(where, params)

    def _stream(self, where: str, params: list[Any]) -> Iterator[Entry]:
        # Keyset pages in short reads: no transaction or connection stays open between pages, so
        # a slow consumer (an export of ten million rows) holds nothing up.
        after = 0
        while True:
            with self._read() as tx:
                rows = tx.execute(
                    f"{ENTRY} WHERE e.id > ?{where} ORDER BY e.id LIMIT ?",
                    (after, *params, _PAGE),
                )
            for row in rows:
                yield self._entry_of(row)
            if len(rows) < _PAGE:
                return
            after = rows[-1][0]

    def count_entries(
        self,
        bank: str | None = None,
        status: EntryStatus | None = "active",
        case_id: int | None = None,
        *,
        signal_type: str | None = None,
    ) -> int:
        where, params = self._entry_filter(bank, status, case_id, signal_type)
        with self._read() as tx:
            rows = tx.execute(
                f"SELECT count(*) FROM entries e WHERE 1 = 1{where}",
                params,
            )
        return int(rows[0][0])

    def _entry_filter(
        self,
        bank: str | None,
        status: EntryStatus | None,
        case_id: int | None,
        signal_type: str | None,
    ) -> tuple[str, list[Any]]:
        where: list[str] = []
        params: list[Any] = []
        if bank is not None:
            where.append("e.bank_id = ?")
            params.append(self.get_bank(bank).id)
        if status is not None:
            where.append("e.status = ?")
            params.append(validate.entry_status(status))
        if case_id is not None:
            where.append("e.case_id = ?")
            params.append(validate.row_id("a case id", case_id))
        if signal_type is not None:
            where.append("e.signal_type = ?")
            params.append(validate.signal_type(signal_type))
        return "".join(f" AND {w}" for w in where), params

    def find_entries(self, signal_type: str, value: str) -> list[Entry]:
        signal = validate.signal(_parse(signal_type, value))
        with self._read() as tx:
            rows = tx.execute(
                f"{ENTRY} WHERE e.signal_type = ? AND {self._same_value} ORDER BY e.id",
                (signal.name, signal.hex, signal.hex),
            )
        return [self._entry_of(row) for row in rows]

    # -- feed and history ----------------------------------------------------------------------

    def changes(self, after: int = 0, limit: int = 1000) -> list[Change]:
        validate.whole("after", after, low=0, high=2**63 - 1)
        validate.whole("limit", limit, low=1, high=_MAX_CHANGES)
        with self._read() as tx:
            rows = tx.execute(
                "SELECT c.seq, c.op, c.entry_id, b.name, e.signal_type, e.value, c.status,"
                " e.case_id, c.at, e.category FROM changes c JOIN entries e ON e.id = c.entry_id"
                " JOIN banks b ON b.id = e.bank_id WHERE c.seq > ? ORDER BY c.seq LIMIT ?",
                (after, limit),
            )
        return [
            Change(
                seq=row[0],
                op=row[1],
                entry_id=row[2],
                bank=row[3],
                signal_type=row[4],
                value=row[5],
                status=row[6],
                case_id=row[7],
                at=self._time_out(row[8]),
                category=row[9],
            )
            for row in rows
        ]

    def latest_seq(self) -> int:
        with self._read() as tx:
            return int(tx.execute("SELECT seq FROM feed_head WHERE id = 1")[0][0])

    def history(
        self,
        subject_type: str | None = None,
        subject_id: int | None = None,
        *,
        before: int | None = None,
        limit: int = 100,
    ) -> list[HistoryEvent]:
        validate.whole("limit", limit, low=1, high=_MAX_HISTORY)
        where: list[str] = []
        params: list[Any] = []
        if subject_type is not None:
            where.append("subject_type = ?")
            params.append(validate.subject_type(subject_type))
        if subject_id is not None:
            where.append("subject_id = ?")
            params.append(validate.row_id("subject_id", subject_id))
        if before is not None:
            where.append("id < ?")
            params.append(validate.row_id("before", before))
        clause = f" WHERE {' AND '.join(where)}" if where else ""
        with self._read() as tx:
            rows = tx.execute(f"{_HISTORY}{clause} ORDER BY id DESC LIMIT ?", (*params, limit))
        return [
            HistoryEvent(
                id=row[0],
                at=self._time_out(row[1]),
                actor=row[2],
                action=row[3],
                subject_type=row[4],
                subject_id=row[5],
                detail=dict(self._json_out(row[6])),
            )
            for row in rows
        ]


def _parse(signal_type: str, value: str) -> Signal:
    return SIGNAL_TYPES.parse(validate.signal_type(signal_type), value)
