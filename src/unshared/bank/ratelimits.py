"""Rate-limit counters in PostgreSQL, so several server processes over one store share one budget.

A ``limits`` storage (the ``limits`` library has none for PostgreSQL) for its fixed-window
strategy: one counter per key with the time its window ends, in one table that the storage
makes itself (it is not part of the bank, so no store migration owns it). Each increment is a
single ``INSERT ... ON CONFLICT DO UPDATE ... RETURNING``, so concurrent hits from any number of
processes count exactly; ended windows are swept at most once a minute per process.
"""

from __future__ import annotations

import time
from typing import Any

import psycopg
from limits.storage import Storage

from unshared.bank.pool import Pool
from unshared.bank.postgres import redact
from unshared.errors import Unavailable

TABLE = "unshared_rate_limits"
_SWEEP_EVERY = 60.0

# UNLOGGED: counters lost in a crash only forgive an hour of attempts, and they are written on
# every wrong PIN, so they need not cost a WAL write each.
_CREATE = f"""
CREATE UNLOGGED TABLE IF NOT EXISTS {TABLE} (
    key text PRIMARY KEY,
    count bigint NOT NULL,
    expires_at double precision NOT NULL
)"""
_NOW = "extract(epoch FROM clock_timestamp())::double precision"
# The window's end is computed once (into excluded.expires_at), so the count and the end are
# reset together or not at all. A negative amount (a refund) never takes a count below zero.
_INCR = f"""
INSERT INTO {TABLE} AS r (key, count, expires_at)
VALUES (%(key)s, GREATEST(%(amount)s, 0), {_NOW} + %(expiry)s)
ON CONFLICT (key) DO UPDATE SET
    count = CASE WHEN r.expires_at <= excluded.expires_at - %(expiry)s
        THEN excluded.count ELSE GREATEST(r.count + %(amount)s, 0) END,
    expires_at = CASE WHEN r.expires_at <= excluded.expires_at - %(expiry)s
        THEN excluded.expires_at ELSE r.expires_at END
RETURNING count"""


class PostgresLimitStorage(Storage):
    """``limits`` storage over PostgreSQL: ``postgresql://USER@HOST:PORT/DB?options=...``."""

    STORAGE_SCHEME = ["postgresql", "postgres"]  # noqa: RUF012 (the form limits registers)

    def __init__(
        self,
        uri: str,
        wrap_exceptions: bool = False,
        pool_size: int = 4,
        timeout: float = 10.0,
        **options: float | str | bool,
    ) -> None:
        super().__init__(uri, wrap_exceptions=wrap_exceptions, **options)
        self._url = uri
        self._timeout = timeout
        self._pool: Pool[psycopg.Connection[tuple[Any, ...]]] = Pool(
            self._connect,
            close=lambda conn: conn.close(),
            reusable=lambda conn: not conn.closed and not conn.broken,
            size=pool_size,
            timeout=timeout,
        )
        self._swept = time.monotonic()
        self._create()

    def __repr__(self) -> str:
        return f"PostgresLimitStorage({redact(self._url)!r})"

    @property
    def base_exceptions(self) -> type[Exception] | tuple[type[Exception], ...]:
        return psycopg.Error

    def _connect(self) -> psycopg.Connection[tuple[Any, ...]]:
        try:
            return psycopg.connect(
                self._url, autocommit=True, connect_timeout=max(1, int(self._timeout))
            )
        except psycopg.OperationalError as exc:
            raise Unavailable(f"cannot reach the rate-limit store at {redact(self._url)}") from exc

    def _create(self) -> None:
        with self._pool.connection() as conn, conn.transaction():
            # Two processes starting at once would both try to create the table (and one
            # would fail on the catalogue's unique index), so they take turns.
            conn.execute("SELECT pg_advisory_xact_lock(hashtextextended(%s, 0))", (TABLE,))
            conn.execute(_CREATE)

    def _one(self, query: str, params: dict[str, Any]) -> Any:
        with self._pool.connection() as conn:
            row = conn.execute(query, params).fetchone()
        return None if row is None else row[0]

    def incr(self, key: str, expiry: int, amount: int = 1) -> int:
        count = self._one(_INCR, {"key": key, "amount": amount, "expiry": float(expiry)})
        if time.monotonic() - self._swept > _SWEEP_EVERY:
            self.sweep()
        return int(count)

    def get(self, key: str) -> int:
        count = self._one(
            f"SELECT count FROM {TABLE} WHERE key = %(key)s AND expires_at > {_NOW}", {"key": key}
        )
        return 0 if count is None else int(count)

    def get_expiry(self, key: str) -> float:
        end = self._one(
            f"SELECT expires_at FROM {TABLE} WHERE key = %(key)s AND expires_at > {_NOW}",
            {"key": key},
        )
        return time.time() if end is None else float(end)

    def check(self) -> bool:
        try:
            return bool(self._one("SELECT 1", {}))
        except (psycopg.Error, Unavailable):
            return False

    def reset(self) -> int | None:
        with self._pool.connection() as conn:
            return conn.execute(f"DELETE FROM {TABLE}").rowcount

    def clear(self, key: str) -> None:
        with self._pool.connection() as conn:
            conn.execute(f"DELETE FROM {TABLE} WHERE key = %(key)s", {"key": key})

    def sweep(self) -> int:
        """Delete the counters whose window has ended; how many went."""
        self._swept = time.monotonic()
        with self._pool.connection() as conn:
            return conn.execute(f"DELETE FROM {TABLE} WHERE expires_at <= {_NOW}").rowcount

    def close(self) -> None:
        self._pool.close()
