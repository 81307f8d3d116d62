"""Helpers the bank's tests share: repeatable hashes, raw SQL behind a store's back, and reading
history and the feed whole."""

from __future__ import annotations

import hashlib
import sqlite3
from typing import Any

import psycopg

from unshared.bank import HistoryEvent, Store
from unshared.signals import Md5, Pdq


def pdq(i: int | str) -> Pdq:
    """A distinct, repeatable PDQ hash for each ``i``."""
    return Pdq(hashlib.sha256(f"pdq:{i}".encode()).digest())


def md5(i: int | str) -> Md5:
    return Md5(hashlib.md5(f"md5:{i}".encode()).digest())


def raw(url: str, statement: str) -> list[tuple[Any, ...]]:
    """Run SQL on the store's database behind its back."""
    if url.startswith("sqlite:///"):
        conn = sqlite3.connect(url.removeprefix("sqlite:///"), isolation_level=None)
        try:
            return conn.execute(statement).fetchall()
        finally:
            conn.close()
    with psycopg.connect(url, autocommit=True) as pg:
        cur = pg.execute(statement.encode())
        return cur.fetchall() if cur.description else []


def all_history(store: Store, **where: Any) -> list[HistoryEvent]:
    events: list[HistoryEvent] = []
    before = None
    while page := store.history(**where, before=before, limit=1000):
        events += page
        before = page[-1].id
    return events


def all_changes(store: Store, page: int = 10_000) -> list[Any]:
    out: list[Any] = []
    while batch := store.changes(after=out[-1].seq if out else 0, limit=page):
        out += batch
    return out
