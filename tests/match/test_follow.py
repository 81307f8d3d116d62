"""Two processes over one bank: what one writes reaches the other's index through the feed, in
the background, within ``feed_poll`` and the time to apply it; a withdrawal counts at once.
And the follower outlives a store that fails for a while."""

from __future__ import annotations

import itertools
import threading
import time
from pathlib import Path

import pytest
from PIL import Image

from tests.bank.conftest import postgres_server, store_url
from tests.imaging import encode
from tests.waiting import WITHIN, eventually
from unshared.bank import SQLiteStore
from unshared.config import Settings
from unshared.errors import Unavailable
from unshared.hashing import hash_bytes
from unshared.index.follower import FeedFollower
from unshared.match import Query
from unshared.service import Unshared

__all__ = ["postgres_server", "store_url"]  # the fixtures: over SQLite, then PostgreSQL

POLL = 0.05


def test_another_process_writes_reach_the_server_through_the_feed(
    store_url: str, tmp_path: Path, photos: list[Image.Image]
) -> None:
    def settings(name: str) -> Settings:
        return Settings.load(env={}, home=tmp_path / name, store_url=store_url, feed_poll=POLL)

    signals = hash_bytes(encode(photos[0], "PNG"), min_quality=0)
    query = Query.of(signals)
    with Unshared(settings("server")) as server, Unshared(settings("operator")) as operator:
        server.warm()
        server.follow()
        assert not server.match(query).matches

        # A bank and its entries made by another process: no write here, no request needed.
        operator.create_bank("elsewhere", thresholds={"pdq": 12})
        entries = operator.add_signals("elsewhere", signals, source="test", actor="test")
        latest = operator.store.latest_seq()
        assert eventually(lambda: server.index.seq >= latest)
        verdict = server.match(query)
        assert {(m.bank, m.signal) for m in verdict.matches} == {
            ("elsewhere", "pdq"),
            ("elsewhere", "md5"),
            ("elsewhere", "sha256"),
        }
        assert "elsewhere" in server.banks.get()  # its thresholds came with the feed

        # Withdrawn elsewhere: no match from the very next request (the store has the last
        # word), and out of the index once the feed brings it.
        for entry in entries:
            operator.withdraw_entry("elsewhere", entry.id)
        assert not server.match(query).matches
        assert eventually(lambda: len(server.index) == 0)
        assert (server.feed_staleness() or 0) < WITHIN


class FailingStore:
    """The real store, whose feed fails while ``failing`` is set, as an unreachable one does."""

    def __init__(self, store: SQLiteStore) -> None:
        self._store = store
        self.failing = threading.Event()
        self.tries = 0

    def changes(self, after: int = 0, limit: int = 1000) -> object:
        self.tries += 1
        if self.failing.is_set():
            raise Unavailable("the store is away")
        return self._store.changes(after, limit)

    def __getattr__(self, name: str) -> object:
        return getattr(self._store, name)


def test_the_follower_retries_a_failing_store_and_says_how_stale_it_is(
    tmp_path: Path, photos: list[Image.Image], caplog: pytest.LogCaptureFixture
) -> None:
    store = FailingStore(SQLiteStore(tmp_path / "db.sqlite"))
    settings = Settings.load(env={}, home=tmp_path, feed_poll=POLL)
    with Unshared(settings, store) as app:  # type: ignore[arg-type]
        app.create_bank("ncii")
        app.warm()
        app.follow()
        store.failing.set()
        tries = store.tries
        assert eventually(lambda: store.tries >= tries + 3)
        assert "could not follow the feed" in caplog.text
        staleness = app.feed_staleness()
        assert staleness is not None and staleness > POLL

        # Back: the follower catches up what was written meanwhile, and is fresh again.
        other = SQLiteStore(tmp_path / "db.sqlite")
        other.add_entries("ncii", [hash_bytes(encode(photos[0], "PNG")).pdq])
        store.failing.clear()
        assert eventually(lambda: len(app.index) == 1)
        assert eventually(lambda: (app.feed_staleness() or 0) < staleness)
        other.close()


def test_the_follower_backs_off_and_stops() -> None:
    failures: list[float] = []

    def fail() -> None:
        failures.append(time.monotonic())
        raise OSError("no store")

    follower = FeedFollower(fail, 0.01, max_backoff=0.08)
    follower.start()
    assert eventually(lambda: len(failures) >= 6)
    follower.stop()
    assert not follower.running
    gaps = [b - a for a, b in itertools.pairwise(failures)]
    assert max(gaps) >= 0.08  # waits grew to the cap rather than hammering the store
    assert follower.failures >= 6 and follower.last_error == "no store"
