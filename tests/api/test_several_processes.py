"""Two real ``unshared serve`` processes over one PostgreSQL store, each with its own data folder
(as on two hosts): a case made through one is matched through the other within the feed's
poll; a withdrawal through one stops matches through the other at once; one budget of wrong
PINs holds across both; a key revoked through one is refused by the other at once (over SQLite
too). And ``serve --workers 2`` refuses limits it cannot share."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import time
from contextlib import ExitStack
from pathlib import Path

import httpx
import pytest

from tests.api.test_api import PDQ, auth
from tests.api.test_shared_limits import WRONG, _serve
from unshared.actions.platforms import Platforms
from unshared.bank import open_store

FEED_POLL = 0.25  # the default; the bound an addition made elsewhere is held to, plus its apply


def _platform_key(store_url: str) -> str:
    with open_store(store_url) as store:
        _, key = Platforms(store, 1000).create_key("platform", "platform", actor="test")
    return key


def _matched(http: httpx.Client, key: str) -> bool:
    r = http.post("/v1/match", json={"pdq": [PDQ]}, headers=auth(key))
    assert r.status_code == 200, r.text
    return bool(r.json()["matched"])


def test_two_processes_follow_one_store(postgres_schema_url: str, tmp_path: Path) -> None:
    key = _platform_key(postgres_schema_url)
    settings = {"feed_poll": str(FEED_POLL), "pin_attempts_per_hour": "3"}
    with ExitStack() as stack:
        urls = [
            stack.enter_context(_serve(postgres_schema_url, tmp_path / n, **settings))
            for n in ("a", "b")
        ]
        a, b = (stack.enter_context(httpx.Client(base_url=u, timeout=30)) for u in urls)
        assert not _matched(b, key)

        made = a.post("/v1/cases", json={"images": [{"pdq": PDQ, "quality": 90}]})
        assert made.status_code == 201, made.text
        start = time.monotonic()
        while not _matched(b, key):
            assert time.monotonic() - start < 10 * FEED_POLL + 5, "B never saw A's case"
            time.sleep(0.01)
        assert _matched(a, key)

        # A withdrawal through A: B's index still holds the entry, but what it finds is read
        # back from the store, so the withdrawal counts on B as soon as A has answered.
        number, pin = made.json()["case"], made.json()["pin"]
        assert a.post(f"/v1/cases/{number}/withdraw", json={"pin": pin}).status_code == 200
        assert not _matched(b, key)
        assert not _matched(a, key)

        # One budget of wrong PINs for both (3 an hour here).
        tries = [h.post(f"/v1/cases/{number}/status", json=WRONG) for h in (b, a, b, a, b)]
        assert [r.status_code for r in tries] == [401, 401, 401, 429, 429]


def test_workers_need_shared_rate_limits(tmp_path: Path) -> None:
    unshared = shutil.which("unshared", path=str(Path(sys.executable).parent))
    assert unshared
    env = {k: v for k, v in os.environ.items() if not k.startswith("UNSHARED_")}
    run = subprocess.run(
        [unshared, "--home", str(tmp_path), "serve", "--workers", "2"],
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert run.returncode == 2, run.stderr
    assert "rate limits they share" in run.stderr


def _every_worker_ready(url: str) -> None:
    """Wait until 20 new connections in a row find a worker ready: ``_serve`` waits for the
    first one, and a worker still loading its index rightly answers 503 (each worker loads its
    own; on a loaded machine one was ready seconds after the other)."""
    deadline, ready = time.monotonic() + 60, 0
    while ready < 20:
        assert time.monotonic() < deadline, "a worker never became ready"
        ready = ready + 1 if httpx.get(f"{url}/readyz", timeout=30).status_code == 200 else 0
        time.sleep(0.01 if ready else 0.2)


def test_workers_serve_on_one_port(postgres_schema_url: str, tmp_path: Path) -> None:
    key = _platform_key(postgres_schema_url)
    with ExitStack() as stack:
        url = stack.enter_context(_serve(postgres_schema_url, tmp_path / "w", "--workers", "2"))
        _every_worker_ready(url)
        http = stack.enter_context(httpx.Client(base_url=url, timeout=30))
        made = http.post("/v1/cases", json={"images": [{"pdq": PDQ, "quality": 90}]})
        assert made.status_code == 201, made.text
        # Whichever process answers, the case matches within the feed's poll.
        deadline = time.monotonic() + 10
        seen = 0
        while seen < 20:
            assert time.monotonic() < deadline
            seen = seen + 1 if _matched(http, key) else 0


@pytest.mark.parametrize("kind", ["sqlite", "postgresql"])
def test_a_key_revoked_through_one_process_is_refused_by_the_other_at_once(
    kind: str, request: pytest.FixtureRequest, tmp_path: Path
) -> None:
    # The default key_cache_seconds 0: revocation counts everywhere for the very next request.
    store_url = (
        f"sqlite:///{tmp_path / 'shared.db'}"
        if kind == "sqlite"
        else request.getfixturevalue("postgres_schema_url")
    )
    with open_store(store_url) as store:
        keys = Platforms(store, 1000)
        _, admin = keys.create_key("operator", "admin", actor="test")
        made, key = keys.create_key("platform", "platform", actor="test")
    with ExitStack() as stack:
        urls = [stack.enter_context(_serve(store_url, tmp_path / n)) for n in ("a", "b")]
        a, b = (stack.enter_context(httpx.Client(base_url=u, timeout=30)) for u in urls)
        for _ in range(3):  # read once, then perhaps remembered
            assert not _matched(b, key)
        assert a.delete(f"/v1/keys/{made.id}", headers=auth(admin)).status_code == 200
        for http in (b, a):
            r = http.post("/v1/match", json={"pdq": [PDQ]}, headers=auth(key))
            assert r.status_code == 401, r.text
