"""``/readyz`` says when the server's index has stopped following the bank's feed, and recovers
when the feed answers again. The feed is held up for real: another session locks its table."""

from __future__ import annotations

from pathlib import Path

import httpx
import psycopg

from tests.api.conftest import live_server
from tests.waiting import eventually


def test_readyz_says_when_the_feed_is_stale(postgres_schema_url: str, tmp_path: Path) -> None:
    settings = {"feed_poll": 0.05, "feed_stale_after": 0.5}
    with (
        live_server(postgres_schema_url, tmp_path / "server", **settings) as server,
        httpx.Client(base_url=server.url, timeout=10) as http,
    ):
        assert http.get("/readyz").status_code == 200
        with psycopg.connect(postgres_schema_url) as locker:
            locker.execute("LOCK TABLE changes IN ACCESS EXCLUSIVE MODE")
            assert eventually(lambda: http.get("/readyz").status_code == 503)
            answer = http.get("/readyz").json()
            assert "feed" in answer["error"]["message"]
            locker.rollback()  # the feed answers again
        assert eventually(lambda: http.get("/readyz").status_code == 200)
