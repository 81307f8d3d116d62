"""The monitor through real parts: a web site on 127.0.0.1 serving a sitemap and an RSS feed that
list pages with a resized, recompressed copy of an ordinary photo among unrelated photos; the
service over each store, matching against all its banks; the scheduler running ``watch.run``
jobs at the times a test gives it. Politeness is checked with a clock and sleep of the test's
own, so nothing sleeps for real. 127.0.0.1 is reachable only because the tests allow it."""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest

from tests.imaging import encode, noise_image, sample_photo
from tests.takedown.site import Page, Site
from tests.takedown.test_store_takedown import assert_chained
from unshared.actions.cases import Cases
from unshared.config import Settings
from unshared.errors import Conflict, FetchRefused
from unshared.hashing.batch import Views, hash_data
from unshared.hashing.decode import Limits
from unshared.service import Unshared
from unshared.takedown.schedule import Scheduler
from unshared.takedown.service import Verification
from unshared.takedown.watch import Politeness

T0 = datetime(2026, 12, 1, 9, 0, tzinfo=UTC)
HOUR = timedelta(hours=1)
ALLOW = "127.0.0.1/32"
JPEG = {"Content-Type": "image/jpeg"}
HTML = {"Content-Type": "text/html; charset=utf-8"}


@dataclass
class FakeTime:
    """A monotonic clock that moves only when something sleeps on it."""

    now: float = 1000.0
    slept: list[float] = field(default_factory=list)

    def clock(self) -> float:
        return self.now

    def sleep(self, seconds: float) -> None:
        self.slept.append(seconds)
        self.now += seconds


@dataclass
class World:
    app: Unshared
    site: Site
    case: str
    copy: bytes
    time: FakeTime
    verified: list[tuple[Verification, str]]
    scheduler: Scheduler

    def requested(self) -> list[str]:
        return self.site.paths()


def _photos() -> tuple[bytes, bytes]:
    """An ordinary photo as the person has it, and a smaller, recompressed copy of it."""
    photo = sample_photo("chelsea")
    smaller = photo.resize((photo.width * 3 // 4, photo.height * 3 // 4))
    return encode(photo, "PNG"), encode(smaller, "JPEG", quality=70)


def _page(*images: str) -> Page:
    tags = "".join(f'<img src="{src}" alt="">' for src in images)
    return Page(body=f"<html><body><p>a post</p>{tags}</body></html>".encode(), headers=HTML)


def serve(site: Site, copy: bytes) -> None:
    """The site: three posts (one with the copy, among unrelated photos), a sitemap listing
    them, and an RSS feed with a post and the copy as an image enclosure."""
    site.put("/img/copy.jpg", Page(body=copy, headers=JPEG))
    for name in ("coffee", "rocket"):
        site.put(f"/img/{name}.jpg", Page(body=encode(sample_photo(name), "JPEG"), headers=JPEG))
    site.put("/img/logo.png", Page(body=encode(noise_image(7, (120, 40)), "PNG")))
    site.put("/post/1", _page("/img/logo.png", "/img/coffee.jpg", "/img/copy.jpg"))
    site.put("/post/2", _page("/img/logo.png", "/img/rocket.jpg"))
    site.put("/post/3", _page())
    urls = "".join(f"<url><loc>{site.url(f'/post/{n}')}</loc></url>" for n in (1, 2, 3))
    site.put(
        "/sitemap.xml",
        Page(
            body=f'<?xml version="1.0"?><urlset xmlns="http://www.sitemaps.org/schemas/'
            f'sitemap/0.9">{urls}</urlset>'.encode(),
            headers={"Content-Type": "application/xml"},
        ),
    )
    site.put(
        "/feed.xml",
        Page(
            body=(
                '<?xml version="1.0"?><rss version="2.0"><channel><title>t</title>'
                f"<item><title>two</title><link>{site.url('/post/2')}</link></item>"
                f'<item><title>pic</title><enclosure url="{site.url("/img/copy.jpg")}"'
                ' type="image/jpeg" length="1"/></item></channel></rss>'
            ).encode(),
            headers={"Content-Type": "application/rss+xml"},
        ),
    )


@pytest.fixture
def make_world(store_url: str, site: Site, tmp_path: Path) -> Iterator[Callable[..., World]]:
    apps: list[Unshared] = []

    def make(**settings: Any) -> World:
        settings = {"fetch_allow_networks": ALLOW, "decode_workers": 0, **settings}
        config = Settings.load(env={}, home=tmp_path / "home", store_url=store_url, **settings)
        app = Unshared(config)
        apps.append(app)
        original, copy = _photos()
        serve(site, copy)
        signals, _, _ = hash_data(original, Limits(), 0, False, Views())
        made = Cases(app.store, on_change=app.catch_up).create([list(signals.signals())])
        time = FakeTime()
        app.monitor.politeness = Politeness(
            config.watch_host_delay, clock=time.clock, sleep=time.sleep
        )
        app.monitor.clock = lambda: T0
        verified: list[tuple[Verification, str]] = []
        app.monitor.on_verified = lambda seen, actor: verified.append((seen, actor))
        scheduler = Scheduler(app.store, app.job_handlers(), clock=lambda: T0)
        return World(app, site, made.case.number, copy, time, verified, scheduler)

    yield make
    for app in apps:
        app.close()


def test_a_sitemap_run_finds_the_copy_once_and_nothing_else(
    make_world: Callable[..., World],
) -> None:
    w = make_world()
    app, site = w.app, w.site
    target = app.monitor.add(site.url("/sitemap.xml"), "sitemap", 3600, actor="operator")
    assert (target.next_run_at, target.last_result, target.enabled) == (T0, None, True)

    [outcome] = w.scheduler.run_due(T0)
    assert outcome.job.kind == "watch.run" and outcome.error == ""
    after = app.monitor.get(target.id)
    result = after.last_result
    assert result is not None and after.last_run_at == T0
    assert (result.pages, result.images, result.matches, result.failures) == (3, 4, 1, 0)
    assert result.fetches == 8  # the sitemap, 3 posts, 4 images (the logo once)
    assert not result.capped and result.error == "" and result.known == 0
    assert w.requested() == [
        "/sitemap.xml",
        "/post/1",
        "/img/logo.png",
        "/img/coffee.jpg",
        "/img/copy.jpg",
        "/post/2",
        "/img/rocket.jpg",  # the logo was fetched once in this run
        "/post/3",
    ]

    # Exactly one sighting: the post with the copy, on the case, verified by that fetch.
    [seen] = app.takedown.sightings()
    sighting, fetch = seen.sighting, seen.fetch
    assert result.sightings == (sighting.id,)
    assert (seen.case, sighting.url, sighting.reported_by, sighting.status) == (
        w.case,
        site.url("/post/1"),
        "monitor",
        "verified",
    )
    assert fetch is not None and fetch.facts.matched and fetch.facts.outcome == "fetched"
    assert fetch.facts.image_url == site.url("/img/copy.jpg")
    assert fetch.facts.http_status == 200 and fetch.facts.final_url == site.url("/post/1")
    assert fetch.facts.sha256 == hashlib.sha256(w.copy).hexdigest()
    assert fetch.facts.distance is not None and 0 <= fetch.facts.distance <= 31
    entries = {e.id for e in app.store.entries(case_id=sighting.case_id, status=None)}
    assert fetch.facts.entry_id in entries and sighting.entry_id == fetch.facts.entry_id
    # The notice hook heard of it, once.
    assert [(v.sighting.id, actor) for v, actor in w.verified] == [
        (sighting.id, f"watch:{target.id}")
    ]
    records = app.takedown.evidence(w.case)
    assert [r["kind"] for r in records] == ["sighting.reported", "fetch", "sighting.status"]
    assert records[0]["data"]["reported_by"] == "monitor"
    assert_chained(records)
    assert [e.actor for e in app.history("sighting", sighting.id)] == [f"watch:{target.id}"] * 2

    # The next run is an interval later; nothing runs before it.
    assert after.next_run_at == T0 + HOUR
    assert w.scheduler.run_due(T0 + HOUR - timedelta(seconds=1)) == []
    [again] = w.scheduler.run_due(T0 + HOUR)
    assert again.error == ""
    second = app.monitor.get(target.id)
    assert second.last_run_at == T0 + HOUR and second.next_run_at == T0 + 2 * HOUR
    assert second.last_result is not None
    assert (second.last_result.sightings, second.last_result.known) == ((), 1)
    assert [v.sighting.id for v in app.takedown.sightings()] == [sighting.id]
    assert len(app.store.fetches(sighting.id)) == 1 and len(w.verified) == 1
    assert len(app.takedown.evidence(w.case)) == 3
    # A monitor's find is not a platform's upload: no match is counted toward the review list.
    assert set(app.store.match_counts(sorted(entries)).values()) <= {0}


def test_a_feed_run_sights_an_enclosed_image_and_waits_its_turn_for_the_host(
    make_world: Callable[..., World],
) -> None:
    w = make_world(watch_host_delay=5.0)
    app, site = w.app, w.site
    target = app.monitor.add(site.url("/feed.xml"), "feed", 600, actor="operator")
    [outcome] = w.scheduler.run_due(T0)
    assert outcome.error == ""
    result = app.monitor.get(target.id).last_result
    assert result is not None
    assert (result.pages, result.images, result.matches, len(result.sightings)) == (1, 3, 1, 1)
    [seen] = app.takedown.sightings(case=w.case)
    # Named directly, the image is where the copy is.
    assert seen.sighting.url == site.url("/img/copy.jpg") and seen.fetch is not None
    assert seen.fetch.facts.image_url is None and seen.fetch.facts.content_type == "image/jpeg"
    assert seen.fetch.facts.size == len(w.copy)
    assert app.takedown.sightings(host="127.0.0.1") == [seen]

    # One host: every request after the first waited the whole delay, and nothing else.
    requests = w.requested()
    assert requests == [
        "/feed.xml",
        "/post/2",
        "/img/logo.png",
        "/img/rocket.jpg",
        "/img/copy.jpg",
    ]
    assert w.time.slept == [5.0] * (len(requests) - 1)
    assert result.seconds == pytest.approx(5.0 * (len(requests) - 1))


def test_a_run_stops_at_its_budget_of_fetches(make_world: Callable[..., World]) -> None:
    w = make_world(watch_max_fetches=3)
    target = w.app.monitor.add(w.site.url("/sitemap.xml"), "sitemap", 600, actor="operator")
    _, result = w.app.monitor.run(target.id)
    assert result.capped and result.fetches == 3 and len(w.requested()) == 3
    assert w.app.monitor.get(target.id).last_result == result


@pytest.mark.parametrize("how", ["disabled", "withdrawn"])
def test_a_match_on_an_entry_no_longer_active_makes_no_sighting(
    make_world: Callable[..., World], how: str
) -> None:
    w = make_world()
    app = w.app
    case = app.store.get_case(w.case)
    if how == "withdrawn":
        app.store.withdraw_case(case.id)
    else:
        for entry in app.store.entries(case_id=case.id):
            app.set_entry_status(entry.id, "disabled", actor="operator")
    app.catch_up()
    target = app.monitor.add(w.site.url("/sitemap.xml"), "sitemap", 600, actor="operator")
    _, result = app.monitor.run(target.id)
    assert (result.images, result.matches, result.sightings) == (4, 0, ())
    assert app.takedown.sightings() == [] and w.verified == []


def test_running_now_moves_the_schedule_and_the_older_job_stands_aside(
    make_world: Callable[..., World],
) -> None:
    w = make_world()
    app = w.app
    target = app.monitor.add(w.site.url("/post/1"), "page", 3600, actor="operator")
    app.monitor.clock = lambda: T0 + timedelta(minutes=10)
    ran, result = app.monitor.run(target.id)
    assert (result.pages, len(result.sightings)) == (1, 1)
    assert ran.next_run_at == T0 + timedelta(minutes=70)
    asked = len(w.requested())
    # The job the target was added with is due; it sees the target ran since and does nothing.
    [stale] = w.scheduler.run_due(T0 + timedelta(minutes=20))
    assert stale.error == "" and len(w.requested()) == asked
    assert app.monitor.get(target.id).last_run_at == T0 + timedelta(minutes=10)
    [due] = w.scheduler.run_due(T0 + timedelta(minutes=70))
    assert due.error == "" and len(w.requested()) > asked

    # Disabled, its job does nothing; removed, neither; enabled, it is due at once.
    app.monitor.disable(target.id, actor="operator")
    assert w.scheduler.run_due(T0 + timedelta(minutes=130))[0].error == ""
    asked = len(w.requested())
    app.monitor.clock = lambda: T0 + 3 * HOUR
    assert app.monitor.enable(target.id, actor="operator").next_run_at == T0 + 3 * HOUR
    [enabled] = w.scheduler.run_due(T0 + 3 * HOUR)
    assert enabled.error == "" and len(w.requested()) > asked
    asked = len(w.requested())
    app.monitor.remove(target.id, actor="operator")
    [removed] = w.scheduler.run_due(T0 + 4 * HOUR)
    assert removed.error == "" and len(w.requested()) == asked
    assert app.monitor.targets() == []


def test_what_cannot_be_read_is_kept_as_the_runs_error(make_world: Callable[..., World]) -> None:
    w = make_world()
    monitor, site = w.app.monitor, w.site
    not_xml = monitor.add(site.url("/post/2"), "sitemap", 600, actor="operator")
    assert "not a sitemap" in monitor.run(not_xml.id)[1].error
    gone = monitor.add(site.url("/nothing.xml"), "feed", 600, actor="operator")
    assert monitor.run(gone.id)[1].error.endswith("answered 404")
    site.put("/away", Page(302, headers={"Location": "http://10.0.0.1/feed.xml"}))
    away = monitor.add(site.url("/away"), "feed", 600, actor="operator")
    assert "10.0.0.1, a private address" in monitor.run(away.id)[1].error
    with pytest.raises(Conflict, match="watched already"):
        monitor.add(site.url("/away"), "page", 600, actor="operator")
    # A page that failed leaves the rest of the run going.
    site.put("/post/2", Page(500, b"oops"))
    listed = monitor.add(site.url("/sitemap.xml"), "sitemap", 600, actor="operator")
    _, result = monitor.run(listed.id)
    assert result.error == "" and result.failures == 1 and len(result.sightings) == 1
    assert result.problems == (f"{site.url('/post/2')} answered 500",)


def test_a_target_is_checked_as_a_reported_link_is(
    store_url: str, tmp_path: Path, site: Site
) -> None:
    config = Settings.load(env={}, home=tmp_path / "home", store_url=store_url)
    with Unshared(config) as app:
        for url, why in [
            (site.url("/sitemap.xml"), "loopback"),
            ("http://10.0.0.1/feed.xml", "private"),
            ("http://169.254.169.254/latest/", "link-local"),
            ("ftp://example.org/sitemap.xml", "only http"),
        ]:
            with pytest.raises(FetchRefused, match=why):
                app.monitor.add(url, "sitemap", 600, actor="operator")
        assert app.monitor.targets() == []


def test_a_sitemap_index_is_read_through_in_one_run_within_the_page_limit(
    make_world: Callable[..., World],
) -> None:
    w = make_world(watch_max_pages=2)
    site = w.site
    site.put(
        "/index.xml",
        Page(
            body=(
                '<?xml version="1.0"?><sitemapindex xmlns="http://www.sitemaps.org/schemas/'
                f'sitemap/0.9"><sitemap><loc>{site.url("/sitemap.xml")}</loc></sitemap>'
                "</sitemapindex>"
            ).encode(),
            headers={"Content-Type": "application/xml"},
        ),
    )
    target = w.app.monitor.add(site.url("/index.xml"), "sitemap", 600, actor="operator")
    _, result = w.app.monitor.run(target.id)
    # Two links at most: /post/1 (with the copy) and /post/2; /post/3 is past the limit.
    assert (result.pages, len(result.sightings), result.error) == (2, 1, "")
    assert "/post/3" not in w.requested() and w.requested()[:2] == ["/index.xml", "/sitemap.xml"]
