"""The bank in PostgreSQL (psycopg 3): for a service with several processes or machines.

The schema goes in the first schema of the connection's ``search_path`` (``public`` unless the URL
says otherwise, e.g. ``?options=-csearch_path%3Dunshared``).

Writers take turns: every write transaction starts with ``SELECT ... FROM feed_head FOR UPDATE``,
a row lock held until commit. That is what keeps the delta feed in order. A plain sequence would
not: ``nextval`` is not transactional, so a transaction that took seq 5 can commit after one that
took seq 6, and a reader that has already moved its cursor past 6 never sees 5. With the lock, the
next writer cannot even read the head until the previous one has committed, so numbers become
visible in order and without gaps. Writes to the bank are rare next to matches (which read an
index, not this store), so taking turns costs little; big imports go in batches so that no one
waits long.

Sessions are set to UTC, to give up a lock wait after 30 s (``lock_timeout``) and to be ended by
the server if left idle inside a transaction for 60 s, so a stuck client cannot hold the writers'
lock for ever.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from datetime import UTC, datetime
from functools import lru_cache
from typing import Any
from urllib.parse import urlsplit, urlunsplit

import psycopg
from psycopg import pq
from psycopg.types.json import Jsonb

from unshared.bank.pool import Pool
from unshared.bank.sql import Tx
from unshared.bank.sqlstore import SQLStore
from unshared.errors import Unavailable

_SESSION = (
    "SET TIME ZONE 'UTC'",
    "SET lock_timeout = '30s'",
    "SET idle_in_transaction_session_timeout = '60s'",
)


@lru_cache(maxsize=512)
def _placeholders(sql: str) -> str:
    if "%" in sql:
        raise ValueError("SQL for the store uses ? placeholders and no '%'")
    return sql.replace("?", "%s")


def redact(url: str) -> str:
    """``url`` with any password replaced by ``***``, fit for messages and logs."""
    parts = urlsplit(url)
    if parts.password is None:
        return re.sub(r"password=[^&\s]*", "password=***", url)
    netloc = parts.netloc.replace(f":{parts.password}@", ":***@", 1)
    return urlunsplit(parts._replace(netloc=netloc))


class _PgTx(Tx):
    def __init__(self, cursor: psycopg.Cursor[tuple[Any, ...]]) -> None:
        self._cursor = cursor

    def execute(self, sql: str, params: Sequence[Any] = ()) -> list[tuple[Any, ...]]:
        if params:
            self._cursor.execute(_placeholders(sql), list(params))
        else:  # taken as written: DDL may hold '%' (PL/pgSQL's RAISE) and has no parameters
            self._cursor.execute(sql.encode())
        return self._cursor.fetchall() if self._cursor.description is not None else []

    def execute_each(
        self, sql: str, params: Sequence[Sequence[Any]]
    ) -> list[list[tuple[Any, ...]]]:
        if not params:
            return []
        # One round trip for the lot (psycopg pipelines executemany).
        self._cursor.executemany(_placeholders(sql), [list(p) for p in params], returning=True)
        out = [self._cursor.fetchall()]
        while self._cursor.nextset():
            out.append(self._cursor.fetchall())
        return out


class PostgresStore(SQLStore):
    dialect = "postgres"
    _value_key = "md5(value)"
    _same_value = "md5(e.value) = md5(?::text) AND e.value = ?"
    _lock_head = "SELECT seq FROM feed_head WHERE id = 1 FOR UPDATE"

    def __init__(self, url: str, *, pool_size: int = 8, timeout: float = 30.0) -> None:
        self._url = url
        self._timeout = timeout
        self._pool: Pool[psycopg.Connection[tuple[Any, ...]]] = Pool(
            self._connect,
            close=lambda conn: conn.close(),
            reusable=_reusable,
            size=pool_size,
            timeout=timeout,
        )
        try:
            self._migrate()
        except BaseException:
            self._pool.close()
            raise

    def __repr__(self) -> str:
        return f"PostgresStore({redact(self._url)!r})"

    def _connect(self) -> psycopg.Connection[tuple[Any, ...]]:
        try:
            conn = psycopg.connect(
                self._url, autocommit=True, connect_timeout=max(1, int(self._timeout))
            )
        except psycopg.OperationalError as exc:
            raise Unavailable(f"cannot reach the PostgreSQL store at {redact(self._url)}") from exc
        try:
            for statement in _SESSION:
                conn.execute(statement)
        except psycopg.Error:
            conn.close()
            raise
        return conn

    @contextmanager
    def _read(self) -> Iterator[Tx]:
        with self._errors(), self._pool.connection() as conn, conn.cursor() as cursor:
            yield _PgTx(cursor)

    @contextmanager
    def _write(self, *, durable: bool = True) -> Iterator[Tx]:
        with (
            self._errors(),
            self._pool.connection() as conn,
            conn.transaction(),
            conn.cursor() as cursor,
        ):
            if not durable:
                cursor.execute("SET LOCAL synchronous_commit = off")
            yield _PgTx(cursor)

    @contextmanager
    def _migration(self) -> Iterator[Tx]:
        with self._write() as tx:
            # An advisory lock, because before the first step there is no table to lock.
            tx.execute(
                "SELECT pg_advisory_xact_lock(hashtextextended('unshared.migrate.'"
                " || current_schema(), 0))"
            )
            yield tx

    @contextmanager
    def _errors(self) -> Iterator[None]:
        try:
            yield
        except psycopg.errors.LockNotAvailable as exc:
            raise Unavailable("the store is busy; try again") from exc
        except psycopg.OperationalError as exc:
            raise Unavailable(f"lost the PostgreSQL store at {redact(self._url)}") from exc

    def _refresh_statistics(self) -> None:
        # Without statistics (autovacuum has not run yet after a big import), the planner can
        # take the wrong index for the per-hash lookups and turn each into a scan of the bank.
        with self._read() as tx:
            tx.execute("ANALYZE entries")

    def _time_in(self, value: datetime) -> datetime:
        return value.astimezone(UTC)

    def _time_out(self, value: Any) -> datetime:
        if not isinstance(value, datetime):
            raise TypeError(f"expected a timestamp from PostgreSQL, got {type(value).__name__}")
        return value.astimezone(UTC)

    def _json_in(self, value: Any) -> Jsonb:
        return Jsonb(value)

    def _json_out(self, value: Any) -> Any:
        return value

    def close(self) -> None:
        self._pool.close()


def _reusable(conn: psycopg.Connection[tuple[Any, ...]]) -> bool:
    return (
        not conn.closed
        and not conn.broken
        and conn.info.transaction_status == pq.TransactionStatus.IDLE
    )
