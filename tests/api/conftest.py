"""A real server on 127.0.0.1 over each real store, for the API, client and page tests.

``live_server(store_url, home)`` starts one (uvicorn in a thread, on a port the system picks)
and yields its address and an operator's key, once ``/readyz`` says ready. The ``server``
fixture does that over a fresh SQLite file and a fresh PostgreSQL schema in turn;
``new_store_url()`` makes more empty stores of the same kind (a platform's local copy, say).
"""

from __future__ import annotations

import os
import secrets
import socket
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import httpx
import psycopg
import pytest
import uvicorn
from psycopg import sql

from unshared.actions.platforms import Platforms
from unshared.api.app import create_app, server_options
from unshared.bank import open_store
from unshared.config import Settings
from unshared.takedown.schedule import Clock, utc_now

POSTGRES_URL = os.environ.get(
    "UNSHARED_TEST_POSTGRES_URL", "postgresql://postgres@127.0.0.1:5432/test"
)


@dataclass(frozen=True)
class LiveServer:
    url: str
    #: An operator's key (role ``admin``), made in the store before the server started.
    admin_key: str
    settings: Settings
    store_url: str


@contextmanager
def live_server(
    store_url: str, home: Path, *, clock: Clock = utc_now, **settings: Any
) -> Iterator[LiveServer]:
    """The service over ``store_url``, its data folder ``home``, its time from ``clock``;
    ``settings`` override."""
    home.mkdir(parents=True, exist_ok=True)
    config = Settings.load(env={}, home=home, store_url=store_url, **settings)
    with open_store(store_url) as store:
        _, admin_key = Platforms(store, config.flood_matches).create_key(
            "test-operator", "admin", actor="test"
        )
    listener = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    listener.bind(("127.0.0.1", 0))
    port = listener.getsockname()[1]
    server = uvicorn.Server(
        uvicorn.Config(create_app(config, clock=clock), log_level="warning", **server_options())
    )
    thread = threading.Thread(
        target=server.run, kwargs={"sockets": [listener]}, name="live-server", daemon=True
    )
    thread.start()
    url = f"http://127.0.0.1:{port}"
    try:
        wait_ready(url, lambda: None if thread.is_alive() else "its thread ended")
        yield LiveServer(url, admin_key, config, store_url)
    finally:
        server.should_exit = True
        thread.join(timeout=30)
        listener.close()


def wait_ready(url: str, running: Callable[[], str | None], timeout: float = 60.0) -> None:
    """Wait for ``/readyz`` at ``url`` to say ready; ``running()`` names why the server stopped
    (``None`` while it runs)."""
    deadline = time.monotonic() + timeout
    with httpx.Client(base_url=url, timeout=5) as http:
        while time.monotonic() < deadline:
            stopped = running()
            if stopped is not None:
                raise RuntimeError(f"the test server stopped before it was ready: {stopped}")
            try:
                if http.get("/readyz").status_code == 200:
                    return
            except httpx.TransportError:
                pass
            time.sleep(0.05)
    raise TimeoutError(f"the test server at {url} was not ready in {timeout:g}s")


@pytest.fixture(scope="session")
def postgres_server() -> str:
    try:
        psycopg.connect(POSTGRES_URL, connect_timeout=3).close()
    except psycopg.OperationalError as exc:
        pytest.skip(f"no PostgreSQL server at {POSTGRES_URL}: {exc}".strip())
    return POSTGRES_URL


@pytest.fixture(params=["sqlite", "postgres"])
def store_kind(request: pytest.FixtureRequest) -> str:
    if request.param == "postgres":
        request.getfixturevalue("postgres_server")
    return str(request.param)


@pytest.fixture
def new_store_url(
    store_kind: str, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[Callable[[], str]]:
    """Makes URLs of new, empty stores of this test's kind; PostgreSQL schemas are dropped after."""
    schemas: list[str] = []

    def make() -> str:
        if store_kind == "sqlite":
            return f"sqlite:///{tmp_path_factory.mktemp('store') / 'unshared.db'}"
        schema = f"unshared_test_{secrets.token_hex(6)}"
        with psycopg.connect(POSTGRES_URL, autocommit=True) as conn:
            conn.execute(sql.SQL("CREATE SCHEMA {}").format(sql.Identifier(schema)))
        schemas.append(schema)
        return (
            f"{POSTGRES_URL}{'&' if '?' in POSTGRES_URL else '?'}options=-csearch_path%3D{schema}"
        )

    yield make
    for schema in schemas:
        with psycopg.connect(POSTGRES_URL, autocommit=True) as conn:
            conn.execute(sql.SQL("DROP SCHEMA {} CASCADE").format(sql.Identifier(schema)))


@pytest.fixture
def postgres_schema_url(postgres_server: str) -> Iterator[str]:
    """The URL of a fresh PostgreSQL schema (whatever this test's store kind), dropped after."""
    schema = f"unshared_test_{secrets.token_hex(6)}"
    with psycopg.connect(postgres_server, autocommit=True) as conn:
        conn.execute(sql.SQL("CREATE SCHEMA {}").format(sql.Identifier(schema)))
    joiner = "&" if "?" in postgres_server else "?"
    yield f"{postgres_server}{joiner}options=-csearch_path%3D{schema}"
    with psycopg.connect(postgres_server, autocommit=True) as conn:
        conn.execute(sql.SQL("DROP SCHEMA {} CASCADE").format(sql.Identifier(schema)))


@pytest.fixture
def server(new_store_url: Callable[[], str], tmp_path: Path) -> Iterator[LiveServer]:
    """The service on 127.0.0.1 over a new SQLite file, then over a new PostgreSQL schema."""
    with live_server(new_store_url(), tmp_path / "server") as live:
        yield live
