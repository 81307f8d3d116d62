"""API keys checked once are remembered, so a platform's requests do not each read the store:
while the store says no key was made or revoked since (SQLite), so a revocation anywhere stops the
key at once; and for ``key_cache_seconds`` whatever the store says: a key revoked through the
server stops at once, one revoked by another process (another server over the same store)
within that time."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import httpx
import pytest

from tests.api.conftest import LiveServer, live_server
from tests.api.test_api import PDQ, assert_error, auth, make_key
from tests.waiting import eventually
from unshared.actions.platforms import Platforms
from unshared.bank import open_store
from unshared.errors import Unauthorized

MATCH = {"pdq": [PDQ]}


def _key_id(http: httpx.Client, admin: str) -> int:
    return int(http.get("/v1/keys", headers=auth(admin)).json()[-1]["id"])


def test_a_key_revoked_through_the_server_stops_at_once(
    new_store_url: Callable[[], str], tmp_path: Path
) -> None:
    # Remembered for an hour: only the server's own revocation can stop it this soon.
    with (
        live_server(new_store_url(), tmp_path, key_cache_seconds=3600) as server,
        httpx.Client(base_url=server.url, timeout=30) as http,
    ):
        key = make_key(http, server.admin_key, "platform")
        assert http.post("/v1/match", json=MATCH, headers=auth(key)).status_code == 200
        key_id = _key_id(http, server.admin_key)
        assert http.delete(f"/v1/keys/{key_id}", headers=auth(server.admin_key)).status_code == 200
        assert_error(http.post("/v1/match", json=MATCH, headers=auth(key)), 401, "unauthorized")


def test_a_key_revoked_elsewhere_stops_within_the_cache_time(
    new_store_url: Callable[[], str], tmp_path: Path
) -> None:
    store_url = new_store_url()
    with (
        live_server(store_url, tmp_path, key_cache_seconds=0.2) as server,
        httpx.Client(base_url=server.url, timeout=30) as http,
    ):
        key = make_key(http, server.admin_key, "platform")
        assert http.post("/v1/match", json=MATCH, headers=auth(key)).status_code == 200
        key_id = _key_id(http, server.admin_key)
        with open_store(store_url) as store:  # as another server over the store would
            store.revoke_key(key_id, actor="another process")

        def refused() -> bool:
            return http.post("/v1/match", json=MATCH, headers=auth(key)).status_code == 401

        assert eventually(refused)


Views = tuple[Callable[[float], Platforms], Callable[[], Platforms]]


@pytest.fixture
def two_views(new_store_url: Callable[[], str]) -> Iterator[Views]:
    """``Platforms`` over one store, made as a server makes it (with a cache) and as another
    process would (without)."""
    with open_store(new_store_url()) as store:

        def server(seconds: float) -> Platforms:
            return Platforms(store, 1000, key_cache_seconds=seconds)

        def elsewhere() -> Platforms:
            return Platforms(store, 1000)

        yield server, elsewhere


def test_a_checked_key_is_remembered_for_the_cache_time(
    two_views: Views,
) -> None:
    make, elsewhere = two_views
    remembering, other = make(3600), elsewhere()
    made, key = other.create_key("p", "platform", actor="test")
    assert remembering.authenticate(key).id == made.id
    other.revoke_key(made.id, actor="test")
    # Revoked in another process: still remembered here, for at most key_cache_seconds.
    assert remembering.authenticate(key).id == made.id
    with pytest.raises(Unauthorized):
        other.authenticate(key)
    # Revoked here: refused at once.
    remembering.revoke_key(made.id, actor="test")
    with pytest.raises(Unauthorized):
        remembering.authenticate(key)


def test_no_cache_reads_the_key_every_time(
    two_views: Views,
) -> None:
    make, elsewhere = two_views
    reading, other = make(0), elsewhere()
    made, key = other.create_key("p", "platform", actor="test")
    assert reading.authenticate(key).id == made.id
    other.revoke_key(made.id, actor="test")
    with pytest.raises(Unauthorized):
        reading.authenticate(key)


def test_by_default_a_key_revoked_elsewhere_stops_at_once(
    new_store_url: Callable[[], str], tmp_path: Path
) -> None:
    # key_cache_seconds 0: the server may remember a key only while the store says no key was
    # made or revoked since it read it: the very next request after a revocation is refused.
    store_url = new_store_url()
    with (
        live_server(store_url, tmp_path) as server,
        httpx.Client(base_url=server.url, timeout=30) as http,
    ):
        key = make_key(http, server.admin_key, "platform")
        for _ in range(3):  # the key read once, then perhaps remembered
            assert http.post("/v1/match", json=MATCH, headers=auth(key)).status_code == 200
        key_id = _key_id(http, server.admin_key)
        with open_store(store_url) as store:  # as another server over the store would
            store.revoke_key(key_id, actor="another process")
        assert_error(http.post("/v1/match", json=MATCH, headers=auth(key)), 401, "unauthorized")


def test_a_wrong_key_is_refused_before_its_body_is_judged(server: LiveServer) -> None:
    with httpx.Client(base_url=server.url, timeout=30) as http:
        key = make_key(http, server.admin_key, "platform")
        bad = {"pdq": ["not a hash"]}
        for wrong in (None, "unsh_not-a-key"):
            assert_error(http.post("/v1/match", json=bad, headers=auth(wrong)), 401)
        assert_error(http.post("/v1/match", json=bad, headers=auth(key)), 422, "invalid_input")
        # Once the server remembers the key, the same.
        assert http.post("/v1/match", json=MATCH, headers=auth(key)).status_code == 200
        assert_error(http.post("/v1/match", json=bad, headers=auth(key)), 422, "invalid_input")
        assert_error(http.post("/v1/match", json=bad, headers=auth("unsh_not-a-key")), 401)


def test_without_a_cache_a_key_revoked_anywhere_stops_at_once(two_views: Views) -> None:
    make, elsewhere = two_views
    server, other = make(0), elsewhere()
    made, key = other.create_key("p", "platform", actor="test")
    assert server.authenticate(key).id == made.id
    assert server.remembered(key) is None  # only a cache time lets the event loop answer
    other.store.create_bank("elsewhere", actor="test")  # writes not about keys
    other.create_key("q", "platform", actor="test")
    assert server.authenticate(key).id == made.id
    other.revoke_key(made.id, actor="test")
    with pytest.raises(Unauthorized):
        server.authenticate(key)
