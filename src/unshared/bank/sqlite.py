"""The bank in one SQLite file: for a single machine, a laptop, a test.

Done the way SQLite is meant to be run by several threads and processes:

- WAL journal, so readers never wait for the writer nor the writer for readers;
- one writer at a time: a lock within the process, and ``BEGIN IMMEDIATE`` across processes,
  which takes SQLite's write lock at the start of the transaction (a deferred transaction that
  reads first can fail with "database is locked" when it tries to write);
- short transactions, with ``busy_timeout`` for the wait at ``BEGIN``;
- ``synchronous=FULL``: a commit is on disk before it returns, so a withdrawal a person was told
  about survives even a power cut (NORMAL would only survive a crash of the process);
- foreign keys on, on every connection (SQLite's default is off).

Connections come from a small pool, one per thread at a time, so the store can be shared by the
threads of a server.
"""

from __future__ import annotations

import json
import os
import sqlite3
import threading
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from unshared.bank.pool import Pool
from unshared.bank.sql import Tx
from unshared.bank.sqlstore import SQLStore
from unshared.errors import InvalidInput, Unavailable


def _make_private(path: Path) -> None:
    """Make the store's folder (when new) and file readable by their owner alone, before SQLite
    writes a byte: the file holds PIN hashes and who reported what. SQLite gives its -wal and
    -shm files the database file's permissions."""
    path.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
    try:
        os.close(os.open(path, os.O_CREAT | os.O_WRONLY, 0o600))
        for name in (path, Path(f"{path}-wal"), Path(f"{path}-shm")):
            if name.exists() and name.stat().st_mode & 0o077:
                name.chmod(0o600)  # made by an older Unshared, or by hand
    except OSError as exc:
        raise Unavailable(f"cannot open the SQLite store at {path}: {exc}") from exc


_KEYS_MARKER = "SELECT count(*), count(revoked_at) FROM api_keys"


class _SQLiteTx(Tx):
    def __init__(self, conn: sqlite3.Connection) -> None:
        self._conn = conn

    def execute(self, sql: str, params: Sequence[Any] = ()) -> list[tuple[Any, ...]]:
        try:
            return self._conn.execute(sql, tuple(params)).fetchall()
        except sqlite3.OperationalError as exc:
            if "locked" in str(exc) or "busy" in str(exc):
                raise Unavailable("the store is busy; try again") from exc
            raise


class SQLiteStore(SQLStore):
    dialect = "sqlite"
    _lock_head = "SELECT seq FROM feed_head WHERE id = 1"  # BEGIN IMMEDIATE already locks

    def __init__(self, path: str | Path, *, busy_timeout: float = 10.0, pool_size: int = 8) -> None:
        if str(path) in ("", ":memory:") or str(path).startswith("file:"):
            raise InvalidInput(
                "a SQLite store is a file path (an in-memory database is per connection)"
            )
        self.path = Path(path)
        _make_private(self.path)
        self._busy_timeout = busy_timeout
        # One writer within this process at a time; BEGIN IMMEDIATE does it across processes.
        self._writer = threading.Lock()
        self._pool: Pool[sqlite3.Connection] = Pool(
            self._connect,
            close=lambda conn: conn.close(),
            reusable=lambda conn: not conn.in_transaction,
            size=pool_size,
            timeout=busy_timeout,
        )
        # A connection of its own that only reads, never waiting (``keys_marker``).
        self._marker: sqlite3.Connection | None = None
        self._marker_lock = threading.Lock()
        self._closed = False
        try:
            self._migrate()
        except BaseException:
            self._pool.close()
            raise

    def __repr__(self) -> str:
        return f"SQLiteStore({str(self.path)!r})"

    def _connect(self) -> sqlite3.Connection:
        try:
            conn = sqlite3.connect(
                self.path,
                timeout=self._busy_timeout,
                isolation_level=None,  # autocommit; transactions are explicit BEGIN ... COMMIT
                check_same_thread=False,  # lent to one thread at a time by the pool
            )
        except sqlite3.Error as exc:
            raise Unavailable(f"cannot open the SQLite store at {self.path}: {exc}") from exc
        try:
            conn.execute(f"PRAGMA busy_timeout = {int(self._busy_timeout * 1000)}")
            conn.execute("PRAGMA foreign_keys = ON")
            conn.execute("PRAGMA journal_mode = WAL")
            conn.execute("PRAGMA synchronous = FULL")
        except sqlite3.Error as exc:
            conn.close()
            raise Unavailable(f"cannot set up the SQLite store at {self.path}: {exc}") from exc
        return conn

    @contextmanager
    def _read(self) -> Iterator[Tx]:
        with self._pool.connection() as conn:
            yield _SQLiteTx(conn)

    @contextmanager
    def _write(self, *, durable: bool = True) -> Iterator[Tx]:
        if not self._writer.acquire(timeout=self._busy_timeout):
            raise Unavailable("the store is busy; try again")
        try:
            with self._pool.connection() as conn:
                tx = _SQLiteTx(conn)
                if not durable:  # WAL with NORMAL: atomic, not synced at each commit
                    tx.execute("PRAGMA synchronous = NORMAL")
                try:
                    tx.execute("BEGIN IMMEDIATE")
                    try:
                        yield tx
                        tx.execute("COMMIT")
                    except BaseException:
                        if conn.in_transaction:
                            conn.rollback()
                        raise
                finally:
                    if not durable:
                        tx.execute("PRAGMA synchronous = FULL")
        finally:
            self._writer.release()

    @contextmanager
    def _migration(self) -> Iterator[Tx]:
        with self._write() as tx:
            yield tx

    def _refresh_statistics(self) -> None:
        with self._read() as tx:
            tx.execute("PRAGMA optimize")

    def keys_marker(self) -> tuple[int, int] | None:
        """How many keys there are and how many are revoked (keys are never deleted, nor
        revoked ones restored), read on a connection of its own in about 10 microseconds: a
        WAL reader waits for no writer, and this one gives up at once (busy_timeout 0)
        rather than wait for anything else."""
        with self._marker_lock:
            if self._closed:
                return None
            try:
                if self._marker is None:
                    self._marker = self._connect()
                    self._marker.execute("PRAGMA busy_timeout = 0")
                    self._marker.execute("PRAGMA query_only = ON")
                row = self._marker.execute(_KEYS_MARKER).fetchone()
            except (sqlite3.Error, Unavailable):
                return None  # the caller reads what it needs instead
        return int(row[0]), int(row[1])

    def _time_in(self, value: datetime) -> str:
        return value.astimezone(UTC).isoformat(timespec="microseconds")

    def _time_out(self, value: Any) -> datetime:
        return datetime.fromisoformat(value).astimezone(UTC)

    def _json_in(self, value: Any) -> str:
        return json.dumps(value, ensure_ascii=False, separators=(",", ":"))

    def _json_out(self, value: Any) -> Any:
        return json.loads(value)

    def close(self) -> None:
        self._pool.close()
        with self._marker_lock:
            self._closed = True
            if self._marker is not None:
                self._marker.close()
                self._marker = None
