"""The monitor: pages, sitemaps and feeds an operator names (watch targets), fetched on a
schedule, every image found hashed in memory and matched against all the banks; a match on a
case's entry becomes a sighting, verified by the very fetch that found it, and its notice is
drafted (``on_verified``). Owned by the service as ``Unshared.monitor``.

One run of a target (``look``):

1. fetch the target the safe way (``takedown.fetch``: the SSRF rules of sightings);
2. a ``page`` is looked at itself; a ``sitemap`` or ``feed`` lists pages and images
   (``takedown.watch.read_listing``, at most ``watch_max_pages`` links; a sitemap index's
   sitemaps are read in the same run, within that limit);
3. each page is fetched and its images (``fetch_max_images`` at most) fetched in turn; an image
   named directly is fetched as it is; an image met twice in a run is fetched once;
4. each image is hashed and matched as an upload is (``Unshared.match_found_image``: all 8
   orientations, trimmed margins, every bank, allow-lists overruling); a match on an active
   entry of an active case makes a sighting (``reported_by`` ``monitor``) on that case for the
   page (or the image, when it was named directly), and records the fetch that verified it.

Every request waits its turn for its host (``Politeness``, ``watch_host_delay``), and a run
stops at ``watch_max_fetches`` requests or after ``watch_max_seconds``, saying it was capped.
robots.txt is not read: a target is a place an operator chose to watch for copies of abuse,
fetched slowly; the site hosting the copies does not get to hide them from the people in them.

Bytes are hashed and dropped as they arrive; only hashes and URLs are kept.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import TYPE_CHECKING, Protocol

from unshared.bank.models import (
    MAX_WATCH_PROBLEMS,
    Entry,
    FetchFacts,
    WatchKind,
    WatchRun,
    WatchTarget,
)
from unshared.bank.store import CaseStore, EntryReader, SightingStore, WatchStore
from unshared.errors import Conflict, FetchFailed, FetchRefused, InvalidInput, NotFound
from unshared.match.policy import FEATURES, Verdict
from unshared.signals import SignalSet
from unshared.takedown import fetch as fetching
from unshared.takedown.fetch import Answer, FetchRules
from unshared.takedown.schedule import Clock, Job, JobStore, utc_now
from unshared.takedown.service import Takedown, Verification
from unshared.takedown.watch import Politeness, read_listing

if TYPE_CHECKING:
    from unshared.config import Settings

log = logging.getLogger("unshared.monitor")

#: The scheduler's job that runs a watch target; its subject is the target's id.
JOB_KIND = "watch.run"

#: Hashes image bytes in memory and matches them against every bank, as an upload is matched
#: (``Unshared.match_found_image``); ``InvalidInput`` for bytes that are not an image.
ImageMatcher = Callable[[bytes], tuple[SignalSet, Verdict]]
#: Told of each sighting a run verified (new, or seen again after it was not verified) and by
#: whom (``watch:ID``), so its notice is drafted.
OnVerified = Callable[[Verification, str], None]
#: Told of a run's progress through a listing: links done, links in all, the last link.
Progress = Callable[[int, int, str], None]


class MonitorStore(WatchStore, SightingStore, CaseStore, EntryReader, JobStore, Protocol):
    """What ``Monitor`` uses of the bank."""


class _Capped(Exception):
    """The run has spent its fetches or its time."""


@dataclass(frozen=True, slots=True)
class _Fetched:
    """What a URL answered, without its bytes: what a sighting's fetch record keeps."""

    status: int
    final_url: str
    content_type: str
    size: int

    @classmethod
    def of(cls, answer: Answer) -> _Fetched:
        return cls(answer.status, answer.final_url, answer.content_type, len(answer.body))


@dataclass(frozen=True, slots=True)
class _Hit:
    """One image that matched an active entry of a case."""

    image_url: str
    #: The image's own fetch, for an image named directly.
    fetched: _Fetched
    signals: SignalSet
    entry: Entry
    distance: int


@dataclass
class _Run:
    """One run's tallies, as it goes."""

    actor: str
    started_at: datetime
    budget: int
    deadline: float
    fetches: int = 0
    pages: int = 0
    images: int = 0
    matches: int = 0
    known: int = 0
    failures: int = 0
    capped: bool = False
    sightings: list[int] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)
    #: Each image URL met in this run and what matched in it.
    seen: dict[str, list[_Hit]] = field(default_factory=dict)

    def problem(self, text: str) -> None:
        self.failures += 1
        if len(self.problems) < MAX_WATCH_PROBLEMS:
            self.problems.append(text[:500])

    def result(self, seconds: float, error: str = "") -> WatchRun:
        return WatchRun(
            started_at=self.started_at,
            seconds=seconds,
            fetches=self.fetches,
            pages=self.pages,
            images=self.images,
            matches=self.matches,
            sightings=tuple(self.sightings),
            known=self.known,
            failures=self.failures,
            capped=self.capped,
            error=error[:1000],
            problems=tuple(self.problems),
        )


class Monitor:
    """Watch targets, and their runs: by the scheduler (``run_job``) or at once (``run``)."""

    def __init__(
        self,
        store: MonitorStore,
        settings: Settings,
        takedown: Takedown,
        match: ImageMatcher,
        *,
        on_verified: OnVerified | None = None,
        clock: Clock = utc_now,
    ) -> None:
        self.store = store
        self.settings = settings
        self.rules = FetchRules.of(settings)
        self.takedown = takedown
        self._match = match
        self.on_verified: OnVerified = on_verified or (lambda seen, actor: None)
        self.clock = clock
        #: Shared by every run in this process; tests give it their own clock and sleep.
        self.politeness = Politeness(settings.watch_host_delay)

    # -- targets -----------------------------------------------------------------------------

    def add(self, url: str, kind: WatchKind, interval_seconds: int, *, actor: str) -> WatchTarget:
        """Watch ``url`` every ``interval_seconds``, from now. The URL is checked as a reported
        link is (``Takedown.check``: ``FetchRefused`` for one pointing into a network not
        allowed); ``Conflict`` if it is watched already."""
        url, host = self.takedown.check(url)
        target = self.store.add_watch(
            url, host, kind, interval_seconds, next_run_at=self.clock(), actor=actor
        )
        self.store.add_job(JOB_KIND, target.id, target.next_run_at)
        return target

    def targets(self, *, enabled: bool | None = None) -> list[WatchTarget]:
        return self.store.watches(enabled=enabled)

    def get(self, watch_id: int) -> WatchTarget:
        return self.store.get_watch(watch_id)

    def disable(self, watch_id: int, *, actor: str) -> WatchTarget:
        """Stop running a target on its schedule (it can still be run at once)."""
        return self.store.set_watch_enabled(watch_id, False, actor=actor)

    def enable(self, watch_id: int, *, actor: str) -> WatchTarget:
        """Run a disabled target on its schedule again, from now."""
        target = self.store.get_watch(watch_id)
        if target.enabled:
            return target
        now = self.clock()
        target = self.store.set_watch_enabled(watch_id, True, next_run_at=now, actor=actor)
        self.store.add_job(JOB_KIND, target.id, now)
        return target

    def remove(self, watch_id: int, *, actor: str) -> None:
        """Forget a target; the sightings it found stay, with their evidence."""
        self.store.remove_watch(watch_id, actor=actor)

    # -- runs --------------------------------------------------------------------------------

    def run(
        self, watch_id: int, *, progress: Progress | None = None
    ) -> tuple[WatchTarget, WatchRun]:
        """Run a target now, enabled or not (an operator's "run now"); its next scheduled run
        is then ``interval_seconds`` from now. Runs in the caller's thread."""
        return self._run(self.store.get_watch(watch_id), self.clock(), progress)

    def run_job(self, job: Job, now: datetime) -> None:
        """The scheduler's handler for ``watch.run`` jobs (``schedule.Handler``). A target
        removed, disabled, or run since the job was scheduled (its next run is later) is left
        alone: the job that matters is the one its last run scheduled."""
        try:
            target = self.store.get_watch(job.subject_id)
        except NotFound:
            return
        if not target.enabled or target.next_run_at > now:
            return
        self._run(target, now, None)

    def _run(
        self, target: WatchTarget, now: datetime, progress: Progress | None
    ) -> tuple[WatchTarget, WatchRun]:
        result = self.look(target, now, progress)
        next_run = now + timedelta(seconds=target.interval_seconds)
        updated = self.store.record_watch_run(target.id, result, next_run)
        if updated.enabled:
            self.store.add_job(JOB_KIND, target.id, next_run)
        log.info(
            "watch %d (%s): %d pages, %d images, %d matches, %d new sightings%s",
            target.id,
            target.url,
            result.pages,
            result.images,
            result.matches,
            len(result.sightings),
            f"; {result.error}" if result.error else "",
        )
        return updated, result

    def look(
        self, target: WatchTarget, now: datetime, progress: Progress | None = None
    ) -> WatchRun:
        """Fetch ``target`` and what it lists, match every image, make the sightings; what was
        done. Fetch errors are kept in the result, not raised (the target is tried again at
        its next run); the store's errors are raised."""
        clock = self.politeness.clock
        start = clock()
        run = _Run(
            actor=f"watch:{target.id}",
            started_at=now,
            budget=self.settings.watch_max_fetches,
            deadline=start + self.settings.watch_max_seconds,
        )
        error = ""
        try:
            error = self._look(target, run, progress or (lambda done, total, url: None))
        except _Capped:
            run.capped = True
        return run.result(clock() - start, error)

    def _look(self, target: WatchTarget, run: _Run, progress: Progress) -> str:
        """The run itself; why the target could not be read, or empty."""
        try:
            answer = self._fetch(target.url, run)
        except (FetchRefused, FetchFailed) as exc:
            return exc.message
        if not answer.ok:
            return f"{target.url} answered {answer.status}"
        if target.kind == "page":
            self._page(target.url, answer, run)
            progress(1, 1, target.url)
            return ""
        try:
            listing = read_listing(
                target.kind, answer.body, answer.final_url, self.settings.watch_max_pages
            )
        except InvalidInput as exc:
            return exc.message
        del answer
        pages, images = list(listing.pages), list(listing.images)
        for nested in listing.sitemaps:  # a sitemap index: its sitemaps' links, in this run
            room = self.settings.watch_max_pages - len(pages) - len(images)
            if room <= 0:
                break
            body = self._listed(nested, run)
            if body is None:
                continue
            try:
                more = read_listing("sitemap", body.body, body.final_url, room)
            except InvalidInput as exc:
                run.problem(f"{nested}: {exc.message}")
                continue
            pages += [url for url in more.pages if url not in pages]
            images += [url for url in more.images if url not in images]
        total = len(pages) + len(images)
        for done, url in enumerate(pages, start=1):
            page = self._listed(url, run)
            if page is not None:
                self._page(url, page, run)
            progress(done, total, url)
        for done, url in enumerate(images, start=len(pages) + 1):
            self._sight(url, None, self._image(url, run), run)
            progress(done, total, url)
        return ""

    def _fetch(self, url: str, run: _Run) -> Answer:
        """One request, in its host's turn, within the run's budget."""
        if run.fetches >= run.budget or self.politeness.clock() >= run.deadline:
            raise _Capped
        self.politeness.wait(url)
        run.fetches += 1
        return fetching.fetch(url, self.rules)

    def _listed(self, url: str, run: _Run) -> Answer | None:
        """A page or sitemap a listing named, or ``None`` (and a problem) if it did not answer."""
        try:
            answer = self._fetch(url, run)
        except (FetchRefused, FetchFailed) as exc:
            run.problem(exc.message)
            return None
        if not answer.ok:
            run.problem(f"{url} answered {answer.status}")
            return None
        return answer

    def _page(self, url: str, page: Answer, run: _Run) -> None:
        """A page's images (or the page itself, when it is an image), matched and sighted."""
        run.pages += 1
        if page.is_html:
            hits = [
                hit
                for image_url in fetching.image_urls(page, self.rules.max_images)
                for hit in self._image(image_url, run)
            ]
        else:
            hits = self._hashed(url, page, run) or []
        self._sight(url, _Fetched.of(page), hits, run)

    def _image(self, url: str, run: _Run) -> list[_Hit]:
        """What matched in the image at ``url``: fetched once a run."""
        if url in run.seen:
            return run.seen[url]
        run.seen[url] = []
        answer = self._listed(url, run)
        if answer is None:
            return []
        hits = self._hashed(url, answer, run)
        if hits is None:
            run.problem(f"{url}: not an image that can be hashed")
            return []
        run.seen[url] = hits
        return hits

    def _hashed(self, url: str, answer: Answer, run: _Run) -> list[_Hit] | None:
        """Hash and match one answer's bytes; its matches on active entries of cases (features
        matches aside: a sighting's record holds a hash and its distance). ``None`` if it is
        not an image."""
        try:
            signals, verdict = self._match(answer.body)
        except InvalidInput:
            return None
        run.images += 1
        if not verdict.matched:  # nothing, or overruled by an allow-list
            return []
        wanted = [m for m in verdict.matches if m.signal != FEATURES]
        entries = self.store.get_entries([m.entry for m in wanted])
        fetched = _Fetched.of(answer)
        hits = [
            _Hit(url, fetched, signals, entries[m.entry], m.distance)
            for m in wanted
            if m.entry in entries
            and entries[m.entry].case_id is not None
            and entries[m.entry].status == "active"
        ]
        if hits:
            run.matches += 1
        return hits

    def _sight(self, url: str, page: _Fetched | None, hits: list[_Hit], run: _Run) -> None:
        """A sighting at ``url`` for each case matched there, with its closest image."""
        best: dict[int, _Hit] = {}
        for hit in hits:
            case_id = hit.entry.case_id
            assert case_id is not None  # kept by _hashed
            if case_id not in best or hit.distance < best[case_id].distance:
                best[case_id] = hit
        for case_id, hit in best.items():
            self._record(url, page or hit.fetched, case_id, hit, run)

    def _record(self, url: str, fetched: _Fetched, case_id: int, hit: _Hit, run: _Run) -> None:
        case = self.store.get_case_by_id(case_id)
        if case.status != "active":
            return
        host = fetching.host_of(fetching.check_url(url))
        try:
            sighting = self.store.add_sighting(case_id, url, host, "monitor", actor=run.actor)
        except Conflict:  # the case was withdrawn meanwhile
            return
        if sighting.status == "verified":
            run.known += 1
            return
        facts = FetchFacts(
            "fetched",
            http_status=fetched.status,
            final_url=fetched.final_url,
            content_type=fetched.content_type[:200] or None,
            size=fetched.size,
            sha256=hit.signals.sha256.hex,
            md5=hit.signals.md5.hex,
            pdq=hit.signals.pdq.hex,
            quality=hit.signals.quality,
            image_url=hit.image_url if hit.image_url != url else None,
            entry_id=hit.entry.id,
            distance=hit.distance,
            matched=True,
        )
        sighting, recorded = self.store.record_fetch(
            sighting.id, facts, "verified", actor=run.actor
        )
        run.sightings.append(sighting.id)
        try:
            self.on_verified(Verification(case.number, sighting, recorded), run.actor)
        except Exception as exc:  # the sighting stands; its notice can be drafted by hand
            log.exception("no notice was drafted for sighting %d", sighting.id)
            run.problem(f"sighting {sighting.id}: no notice drafted: {exc}")
