"""SQL plumbing the stores share: a transaction handle, the ledger of a write transaction, and
``SQLBase``, what every part of a SQL store stands on (the driver's hooks, write transactions that
lock the feed head, reading an entry row).

``SQLStore`` (``sqlstore.py``: banks, cases, entries, the feed, history) builds on
``PlatformRecords`` (``platform.py``: API keys, reports, match counts), which builds on ``SQLBase``.
"""

from __future__ import annotations

from abc import ABC, abstractmethod
from collections.abc import Callable, Iterator, Sequence
from contextlib import AbstractContextManager, contextmanager
from dataclasses import dataclass, field
from datetime import UTC, datetime
from types import TracebackType
from typing import Any, ClassVar, Self, TypeVar, cast

from unshared.bank import validate
from unshared.bank.migrations import Dialect
from unshared.bank.models import ChangeOp, Entry, EntryStatus
from unshared.errors import NotFound

T = TypeVar("T")

#: Rows per multi-row INSERT: well under both drivers' limits on parameters.
CHUNK = 500


class Tx(ABC):
    """One connection inside one transaction (or one autocommit read). SQL uses ``?``."""

    @abstractmethod
    def execute(self, sql: str, params: Sequence[Any] = ()) -> list[tuple[Any, ...]]:
        """Run one statement; its rows, or ``[]`` if it returns none."""

    def execute_each(
        self, sql: str, params: Sequence[Sequence[Any]]
    ) -> list[list[tuple[Any, ...]]]:
        """Run one statement once per parameter row; the rows of each run."""
        return [self.execute(sql, row) for row in params]

    def insert(
        self,
        table: str,
        columns: Sequence[str],
        rows: Sequence[Sequence[Any]],
        *,
        conflict: str = "",
        returning: str = "",
    ) -> list[tuple[Any, ...]]:
        """Insert ``rows``, ``CHUNK`` to a statement; the rows ``returning`` asks for."""
        out: list[tuple[Any, ...]] = []
        one_row = f"({marks(columns)})"
        tail = (f" ON CONFLICT {conflict}" if conflict else "") + (
            f" RETURNING {returning}" if returning else ""
        )
        for chunk in chunks(rows, CHUNK):
            out += self.execute(
                f"INSERT INTO {table} ({', '.join(columns)}) VALUES"
                f" {', '.join([one_row] * len(chunk))}{tail}",
                [value for row in chunk for value in row],
            )
        return out


@dataclass
class Ledger:
    """The feed changes and history events of one write transaction, written at its end.

    ``head`` is the feed head read (and locked) when the transaction began; changes are numbered
    on from it, and the head is moved to the last of them.
    """

    tx: Tx
    now: datetime
    #: ``now`` as the database takes it.
    when: Any
    json_in: Callable[[Any], Any]
    head: int
    seq: int = field(init=False)
    changes: list[tuple[Any, ...]] = field(default_factory=list)
    events: list[tuple[Any, ...]] = field(default_factory=list)

    def __post_init__(self) -> None:
        self.seq = self.head

    def change(self, op: ChangeOp, entry_id: int, status: EntryStatus) -> None:
        self.seq += 1
        self.changes.append((self.seq, op, entry_id, status, self.when))

    def event(
        self, actor: str, action: str, subject_type: str, subject_id: int, **detail: Any
    ) -> None:
        self.events.append(
            (self.when, actor, action, subject_type, subject_id, self.json_in(detail))
        )

    def flush(self) -> None:
        self.tx.insert("changes", ("seq", "op", "entry_id", "status", "at"), self.changes)
        self.tx.insert(
            "history",
            ("at", "actor", "action", "subject_type", "subject_id", "detail"),
            self.events,
        )
        if self.seq != self.head:
            self.tx.execute("UPDATE feed_head SET seq = ? WHERE id = 1", (self.seq,))


def chunks(items: Sequence[T], size: int) -> Iterator[Sequence[T]]:
    for start in range(0, len(items), size):
        yield items[start : start + size]


def marks(items: Sequence[object]) -> str:
    """``?, ?, ?``: one placeholder per item, for ``IN (...)``."""
    return ", ".join("?" * len(items))


#: An entry row as ``SQLBase._entry_of`` reads it; ``e`` is the entry, ``b`` its bank.
ENTRY_COLUMNS = """e.id, b.name, e.bank_id, e.case_id, e.signal_type, e.value, e.status, e.source,
    e.added_at, e.metadata, e.category"""
#: How many columns ``ENTRY_COLUMNS`` is: a query that reads more after them starts there.
ENTRY_WIDTH = 11
ENTRY = f"SELECT {ENTRY_COLUMNS} FROM entries e JOIN banks b ON b.id = e.bank_id"


class SQLBase(ABC):
    """A bank over a SQL database, before any of its rules: what a subclass supplies (connections,
    transactions, how times and JSON travel through its driver), and what every rule uses."""

    dialect: ClassVar[Dialect]
    #: Reads the feed head and, where the database needs it, locks it till the transaction ends.
    _lock_head: ClassVar[str]

    # -- what a subclass supplies -----------------------------------------------------------

    @abstractmethod
    def _read(self) -> AbstractContextManager[Tx]:
        """A connection for reads, each statement seeing the latest committed data."""

    @abstractmethod
    def _write(self, *, durable: bool = True) -> AbstractContextManager[Tx]:
        """A write transaction: committed if the block ends normally, else rolled back.

        ``durable=False`` lets the commit return before it is on disk (still atomic, and in
        order): for counters whose last few updates a power cut may lose without harm.
        """

    @abstractmethod
    def _migration(self) -> AbstractContextManager[Tx]:
        """A transaction holding a lock that keeps two processes from migrating at once."""

    @abstractmethod
    def _time_in(self, value: datetime) -> Any: ...

    @abstractmethod
    def _time_out(self, value: Any) -> datetime: ...

    @abstractmethod
    def _json_in(self, value: Any) -> Any: ...

    @abstractmethod
    def _json_out(self, value: Any) -> Any: ...

    @abstractmethod
    def close(self) -> None: ...

    @abstractmethod
    def _refresh_statistics(self) -> None:
        """After a bulk import: let the query planner know how big the tables now are."""

    def __enter__(self) -> Self:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.close()

    # -- what every rule uses ------------------------------------------------------------------

    @contextmanager
    def _writing(self) -> Iterator[Ledger]:
        """A write transaction that has locked the feed head; see the module ``sqlstore``."""
        with self._write() as tx:
            head = int(tx.execute(self._lock_head)[0][0])
            at = now()
            ledger = Ledger(tx, at, self._time_in(at), self._json_in, head)
            yield ledger
            ledger.flush()

    def _entry(self, tx: Tx, entry_id: int) -> Entry:
        validate.row_id("an entry id", entry_id)
        rows = tx.execute(f"{ENTRY} WHERE e.id = ?", (entry_id,))
        if not rows:
            raise NotFound(f"there is no entry {entry_id}", entry_id=entry_id)
        return self._entry_of(rows[0])

    def _entry_of(self, row: Sequence[Any]) -> Entry:
        return Entry(
            id=row[0],
            bank=row[1],
            bank_id=row[2],
            case_id=row[3],
            signal_type=row[4],
            value=row[5],
            status=cast(EntryStatus, row[6]),
            source=row[7],
            added_at=self._time_out(row[8]),
            metadata=dict(self._json_out(row[9])),
            category=row[10],
        )


def now() -> datetime:
    return datetime.now(UTC)
