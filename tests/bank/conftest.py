"""Real stores for the bank's tests: a SQLite file in tmp_path, and a fresh schema on the
PostgreSQL server on 127.0.0.1 (``UNSHARED_TEST_POSTGRES_URL`` to point elsewhere)."""

from __future__ import annotations

import os
import secrets
from collections.abc import Iterator
from contextlib import contextmanager

import psycopg
import pytest
from psycopg import sql

from unshared.bank import Store, hash_pin, open_store

POSTGRES_URL = os.environ.get(
    "UNSHARED_TEST_POSTGRES_URL", "postgresql://postgres@127.0.0.1:5432/test"
)


def with_search_path(url: str, schema: str) -> str:
    return f"{url}{'&' if '?' in url else '?'}options=-csearch_path%3D{schema}"


@pytest.fixture(scope="session")
def postgres_server() -> str:
    try:
        psycopg.connect(POSTGRES_URL, connect_timeout=3).close()
    except psycopg.OperationalError as exc:
        pytest.skip(f"no PostgreSQL server at {POSTGRES_URL}: {exc}".strip())
    return POSTGRES_URL


@contextmanager
def new_store_url(
    kind: str, request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[str]:
    """The URL of a new, empty database of ``kind``, dropped afterwards (PostgreSQL)."""
    if kind == "sqlite":
        yield f"sqlite:///{tmp_path_factory.mktemp('bank') / 'bank.db'}"
        return
    server = request.getfixturevalue("postgres_server")
    schema = f"unshared_test_{secrets.token_hex(6)}"
    with psycopg.connect(server, autocommit=True) as conn:
        conn.execute(sql.SQL("CREATE SCHEMA {}").format(sql.Identifier(schema)))
    try:
        yield with_search_path(server, schema)
    finally:
        with psycopg.connect(server, autocommit=True) as conn:
            conn.execute(sql.SQL("DROP SCHEMA {} CASCADE").format(sql.Identifier(schema)))


@pytest.fixture(params=["sqlite", "postgres"])
def store_url(
    request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[str]:
    """The URL of a new, empty store of each kind."""
    with new_store_url(request.param, request, tmp_path_factory) as url:
        yield url


@pytest.fixture
def other_store_url(
    store_url: str, request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[str]:
    """A second new, empty store of the same kind as ``store_url``."""
    kind = "sqlite" if store_url.startswith("sqlite") else "postgres"
    with new_store_url(kind, request, tmp_path_factory) as url:
        yield url


@pytest.fixture
def store(store_url: str) -> Iterator[Store]:
    with open_store(store_url) as opened:
        yield opened


@pytest.fixture(scope="session")
def pin_hash() -> str:
    """One PIN hash for tests that need a case but not its PIN (scrypt is slow on purpose)."""
    return hash_pin("TEST1-PIN23")
