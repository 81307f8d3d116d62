"""The monitor's watch targets in each store (``WatchStore``): added once per URL, listed,
disabled and enabled, removed, and each run's result kept with when the next one is due."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from unshared.bank import Store
from unshared.bank.models import MAX_WATCH_INTERVAL, MIN_WATCH_INTERVAL, WatchRun
from unshared.errors import Conflict, InvalidInput, NotFound

T0 = datetime(2026, 12, 1, 9, 0, tzinfo=UTC)
SITEMAP = "https://forum.example/sitemap.xml"


def test_a_target_is_added_once_listed_and_found(store: Store) -> None:
    target = store.add_watch(
        SITEMAP, "forum.example", "sitemap", 3600, next_run_at=T0, actor="key:1"
    )
    assert (target.url, target.host, target.kind, target.interval_seconds) == (
        SITEMAP,
        "forum.example",
        "sitemap",
        3600,
    )
    assert target.enabled and target.created_by == "key:1" and target.next_run_at == T0
    assert (target.last_run_at, target.last_result) == (None, None)
    assert store.get_watch(target.id) == target
    with pytest.raises(Conflict, match="watched already"):
        store.add_watch(SITEMAP, "forum.example", "feed", 60, next_run_at=T0, actor="key:1")
    feed = store.add_watch(
        "https://blog.example/feed", "blog.example", "feed", 60, next_run_at=T0, actor="x"
    )
    assert [t.id for t in store.watches()] == [target.id, feed.id]
    with pytest.raises(NotFound):
        store.get_watch(feed.id + 1)
    [added] = [e for e in store.history("watch", target.id)]
    assert (added.action, added.actor, added.detail["kind"]) == ("watch.add", "key:1", "sitemap")


@pytest.mark.parametrize(
    ("kind", "interval", "message"),
    [
        ("podcast", 3600, "kind is one of page, sitemap, feed"),
        ("page", MIN_WATCH_INTERVAL - 1, "interval_seconds"),
        ("page", MAX_WATCH_INTERVAL + 1, "interval_seconds"),
    ],
)
def test_a_target_must_be_of_a_known_kind_and_sane_interval(
    store: Store, kind: str, interval: int, message: str
) -> None:
    with pytest.raises(InvalidInput, match=message):
        store.add_watch(SITEMAP, "forum.example", kind, interval, next_run_at=T0, actor="x")  # type: ignore[arg-type]
    assert store.watches() == []


def test_disabling_enabling_and_removing_are_in_the_history(store: Store) -> None:
    target = store.add_watch(SITEMAP, "forum.example", "sitemap", 600, next_run_at=T0, actor="a")
    off = store.set_watch_enabled(target.id, False, actor="b")
    assert not off.enabled and off.next_run_at == T0
    assert store.watches(enabled=True) == [] and store.watches(enabled=False) == [off]
    later = T0 + timedelta(days=1)
    on = store.set_watch_enabled(target.id, True, next_run_at=later, actor="c")
    assert on.enabled and on.next_run_at == later
    store.remove_watch(target.id, actor="d")
    assert store.watches() == []
    with pytest.raises(NotFound):
        store.remove_watch(target.id, actor="d")
    with pytest.raises(NotFound):
        store.set_watch_enabled(target.id, True, actor="d")
    assert [(e.action, e.actor) for e in store.history("watch", target.id)] == [
        ("watch.remove", "d"),
        ("watch.enable", "c"),
        ("watch.disable", "b"),
        ("watch.add", "a"),
    ]


def test_a_runs_result_is_kept_with_the_next_run(store: Store) -> None:
    target = store.add_watch(SITEMAP, "forum.example", "sitemap", 600, next_run_at=T0, actor="a")
    result = WatchRun(
        started_at=T0,
        seconds=12.5,
        fetches=31,
        pages=10,
        images=19,
        matches=2,
        sightings=(4, 9),
        known=1,
        failures=2,
        capped=True,
        problems=("https://forum.example/t/3 answered 500", "https://x.example/a.png: timeout"),
    )
    after = store.record_watch_run(target.id, result, T0 + timedelta(minutes=10))
    assert after.last_run_at == T0 and after.last_result == result
    assert after.next_run_at == T0 + timedelta(minutes=10)
    assert store.get_watch(target.id) == after
    failed = WatchRun(started_at=T0 + timedelta(minutes=10), fetches=1, error="no answer")
    again = store.record_watch_run(target.id, failed, T0 + timedelta(minutes=20))
    assert again.last_result == failed and again.last_run_at == failed.started_at
    store.remove_watch(target.id, actor="a")
    with pytest.raises(NotFound):
        store.record_watch_run(target.id, failed, T0)
