"""The library's front door: a store, its live index and the matcher, behind plain methods.

The CLI and the HTTP service are thin adapters over this class; neither talks to the store or
the index directly.

The index is kept in step with the store's feed: a write made through this object catches it up
before returning, so it counts for the very next match. Changes other processes make reach it,
in a server, through a background thread (``follow``, every ``feed_poll`` seconds), and
otherwise once per call (``match``) or batch (``match_files``); a match request in a server never
reads the feed.

Scheduled jobs (a notice's check at its deadline) are kept in the store and run by a
``Scheduler`` (``start_scheduler`` in a server, every ``scheduler_poll`` seconds; or
``run_due_jobs``), with one handler per kind of job from ``job_handlers``. Time comes from
``clock``: tests pass their own.
"""

from __future__ import annotations

import hashlib
import threading
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import replace
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING

from unshared.actions.platforms import Platforms
from unshared.bank import (
    Bank,
    BankKind,
    Entry,
    Store,
    open_store,
)
from unshared.bank.models import ApiKey, EntryStatus, FeedPage, HistoryEvent
from unshared.config import Settings
from unshared.errors import FetchFailed, InvalidInput, NotFound
from unshared.hashing import Limits
from unshared.hashing.batch import FileResult, Views, hash_data, hash_files, hash_uploads
from unshared.hashing.pool import DecodePool, LazyPool
from unshared.index.follower import FeedFollower
from unshared.index.live import LiveIndex
from unshared.match import Matcher, Query, Verdict
from unshared.match.matcher import Banks
from unshared.signals import Md5, Pdq, Sha256, Signal, SignalSet
from unshared.takedown.schedule import Clock, Handler, Outcome, Scheduler, utc_now

if TYPE_CHECKING:  # OpenCV is loaded only when a protect bank is used
    from unshared.actions.evidence import Evidence
    from unshared.actions.lists import Lists
    from unshared.actions.videos import Videos
    from unshared.bank.snapshot import BankSnapshot
    from unshared.features import FeatureIndex, Features
    from unshared.features.shared import SharedFeatures
    from unshared.takedown.monitor import Monitor
    from unshared.takedown.schedule import Handler
    from unshared.takedown.service import Takedown


class Unshared:
    def __init__(
        self, settings: Settings, store: Store | None = None, *, clock: Clock = utc_now
    ) -> None:
        self.settings = settings
        self.clock = clock
        self._store = store
        self._index: LiveIndex | None = None
        self._saved_seq = -1
        self._index_lock = threading.Lock()
        self._features: SharedFeatures | None = None
        self._banks: Banks | None = None
        self._matcher: Matcher | None = None
        self._matcher_banks = -1
        self._platforms: Platforms | None = None
        self._pool = LazyPool(self._new_decode_pool)
        self._takedown: Takedown | None = None
        self._monitor: Monitor | None = None
        self._evidence: Evidence | None = None
        self._lists: Lists | None = None
        self._follower: FeedFollower | None = None
        self._scheduler: Scheduler | None = None
        self._videos: Videos | None = None

    # -- plumbing ---------------------------------------------------------------------------

    @property
    def store(self) -> Store:
        if self._store is None:
            # Only its owner may look in the data folder (when Unshared makes it).
            self.settings.home.mkdir(mode=0o700, parents=True, exist_ok=True)
            self._store = open_store(self.settings.resolved_store_url)
        return self._store

    @property
    def index_folder(self) -> Path:
        # One folder per store, so pointing the same home at another store never reuses an index.
        key = hashlib.sha256(self.settings.resolved_store_url.encode()).hexdigest()[:16]
        return self.settings.home / "index" / key

    @property
    def index(self) -> LiveIndex:
        return self._index if self._index is not None else self._index_loaded()

    def _index_loaded(self) -> LiveIndex:
        with self._index_lock:  # a server's loader thread and its first request may race
            if self._index is None:
                index = LiveIndex.open(self.store, self.index_folder)
                self._saved_seq = index.seq if index.loaded else -1
                self._index = index
            return self._index

    @property
    def features(self) -> FeatureIndex:
        """Local features of the images in protect banks, keyed by each image's PDQ entry id.
        Kept here, on the bank server, beside the PDQ index: never entries, never in the feed;
        shared with the other processes over the same data folder (``features.shared``)."""
        return self._shared_features.index

    @property
    def _shared_features(self) -> SharedFeatures:
        with self._index_lock:
            if self._features is None:
                from unshared.features.shared import SharedFeatures

                self._features = SharedFeatures(self.index_folder / "features")
        return self._features

    def _has_features(self) -> bool:
        if self._features is None and not (self.index_folder / "features").exists():
            return False
        return len(self.features) > 0

    @property
    def banks(self) -> Banks:
        """The banks' settings, kept in memory (they never change once made)."""
        if self._banks is None:
            self._banks = Banks(self.store)
        return self._banks

    @property
    def matcher(self) -> Matcher:
        """The matcher, made once and made again only when the banks' settings are read again
        (a bank made here or in another process: the one moment a protect bank's feature index
        may have appeared on disk) or when images' features were first added here. Made per
        call, it looked for the features folder on disk in every match."""
        matcher, banks = self._matcher, self.banks
        if (
            matcher is None
            or self._matcher_banks != banks.reads
            or (matcher.features is None and self._features is not None and len(self.features))
        ):
            self._matcher_banks = banks.reads
            features = self.features if self._has_features() else None
            matcher = Matcher(
                self.store, self.index, self.settings.pdq_min_quality, features, banks
            )
            self._matcher = matcher
        return matcher

    @property
    def platforms(self) -> Platforms:
        """API keys (checked ones remembered for ``key_cache_seconds``), platforms' reports
        and the operators' review list."""
        if self._platforms is None:
            s = self.settings
            self._platforms = Platforms(self.store, s.flood_matches, s.key_cache_seconds)
        return self._platforms

    @property
    def videos(self) -> Videos:
        """Videos: hashed in workers of their own, added and matched like images."""
        if self._videos is None:
            from unshared.actions.videos import Videos

            self._videos = Videos(self)
        return self._videos

    def catch_up(self, *, load: bool = False) -> None:
        """Bring the index, if loaded (or ``load``), and the banks' settings up to date with the
        store.

        Called after every write made through this object (and by ``Cases`` for a person's), so
        a withdrawal or an addition counts for the very next match; by the feed follower; and
        after a sync (``load``: a sync leaves the index saved, level with the store)."""
        index = self._index_loaded() if load else self._index
        if index is not None:
            index.catch_up(self.store)
            self.banks.get(index.bank_names)
        if self._features is not None or (self.index_folder / "features").exists():
            # Images protected through another process (the first ones make the matcher anew).
            self._shared_features.follow()

    def follow(self) -> None:
        """Follow the feed in a background thread (``feed_poll``), as a server does, so that a
        match never reads it: a match then costs no store call, or two when it matches (its
        candidates, then its counts). Stopped by ``close``."""
        if self._index is None:
            self._index_loaded()
        self.catch_up()  # the banks' settings too, before the first match
        if self._follower is None:
            self._follower = FeedFollower(self.catch_up, self.settings.feed_poll)
            self._follower.start()

    def feed_staleness(self) -> float | None:
        """Seconds since the feed follower last caught the index up; None when not following."""
        return None if self._follower is None else self._follower.since_caught_up()

    def _catch_up_for_match(self) -> bool:
        """Whether a match must read the feed itself: only when no follower does."""
        return self._follower is None

    @property
    def evidence(self) -> Evidence:
        """Cases' evidence bundles, sealed with the bank's key."""
        with self._index_lock:
            if self._evidence is None:
                from unshared.actions.evidence import Evidence

                self._evidence = Evidence(self.store, self.settings)
            return self._evidence

    @property
    def lists(self) -> Lists:
        """Hash lists in and out of a bank (lines, CSV, StopNCII pages)."""
        if self._lists is None:
            from unshared.actions.lists import Lists

            self._lists = Lists(self)
        return self._lists

    @property
    def takedown(self) -> Takedown:
        """Sightings, their safe fetching and verification, contacts, the evidence log."""
        if self._takedown is None:
            from unshared.takedown.service import Takedown

            self._takedown = Takedown(
                self.store, self.settings, self.hash_for_matching, clock=self.clock
            )
        return self._takedown

    # -- scheduled jobs ---------------------------------------------------------------------

    def job_handlers(self) -> dict[str, Handler]:
        """The handler for each kind of scheduled job, all in one place: a new kind of job is
        one line here."""
        from unshared.takedown.monitor import JOB_KIND

        return {
            **self.takedown.job_handlers(),
            JOB_KIND: self.monitor.run_job,
        }

    @property
    def scheduler(self) -> Scheduler:
        """Runs the store's due jobs through ``job_handlers``, by ``clock``."""
        if self._scheduler is None:
            self._scheduler = Scheduler(self.store, self.job_handlers(), clock=self.clock)
        return self._scheduler

    def run_due_jobs(self, now: datetime | None = None, limit: int = 100) -> list[Outcome]:
        """Run every job due by ``now`` (the clock's time if None) here, now, up to ``limit``."""
        return self.scheduler.run_due(now, limit)

    def start_scheduler(self) -> None:
        """Run due jobs in a background thread every ``scheduler_poll`` seconds, as a server
        does (none when it is 0). Several processes over one store run each job once. Stopped
        by ``close``."""
        if self.settings.scheduler_poll > 0:
            self.scheduler.start(self.settings.scheduler_poll)

    @property
    def monitor(self) -> Monitor:
        """Watch targets (pages, sitemaps, feeds) fetched on a schedule, every image found
        matched against all the banks (``takedown.monitor``)."""
        if self._monitor is None:
            from unshared.takedown.monitor import Monitor

            self._monitor = Monitor(
                self.store,
                self.settings,
                self.takedown,
                self.match_found_image,
                on_verified=self.takedown.notices.after_verification,
                clock=self.clock,
            )
        return self._monitor

    @property
    def limits(self) -> Limits:
        return Limits.of(self.settings)

    def _hash_data(
        self, data: bytes, min_quality: int, dihedral: bool, views: Views
    ) -> tuple[SignalSet, tuple[Pdq, ...], Features | None]:
        """Decode and hash one upload in the decode pool (``hashing.pool``): a hostile file
        costs a worker, bounded in time and memory, never the server."""
        args = (data, self.limits, min_quality, dihedral, views)
        pool = self._decode_pool()
        if pool is None:
            return hash_data(*args)
        return pool.run(hash_data, *args)

    def hash_for_matching(self, data: bytes) -> tuple[SignalSet, tuple[Pdq, ...]]:
        """Image bytes -> their signals in all 8 orientations and the PDQ hashes of their
        trimmed views, as an upload is hashed for matching (in the decode pool, in memory)."""
        signals, trimmed, _ = self._hash_data(data, 0, dihedral=True, views=Views(trimmed=True))
        return signals, trimmed

    def _decode_pool(self) -> DecodePool | None:
        """The pool, started on first use; None when ``decode_workers`` is 0."""
        return self._pool.get()

    def _new_decode_pool(self) -> DecodePool | None:
        s = self.settings
        if s.decode_workers <= 0:
            return None
        return DecodePool(s.decode_workers, s.decode_timeout, s.decode_memory_mb, s.decode_timeout)

    def warm(self) -> None:
        """Load (or build) the indexes and start the decode workers now rather than on the
        first query."""
        pool = self._decode_pool()
        if pool is not None:
            pool.start()
        self.index.warm()
        if self._has_features():
            self.features.warm()

    def snapshot(self) -> BankSnapshot:
        """Every bank and active entry now, in memory, with the protect banks' local features:
        what a backlog scan ships to its workers (``unshared.scale``)."""
        from unshared.bank.snapshot import BankSnapshot

        features = None
        if self._has_features():
            import tempfile

            with tempfile.TemporaryDirectory() as folder:
                self.features.save(Path(folder))
                features = (Path(folder) / "features.npz").read_bytes()
        return BankSnapshot.of(self.store, self.store.store_id(), features)

    def save_index(self) -> None:
        """Persist the index if it moved on since it was loaded or last saved."""
        if self._index is not None and self._index.seq != self._saved_seq:
            self._index.save(self.index_folder)
            self._saved_seq = self._index.seq
        self._save_features()

    def close(self) -> None:
        if self._scheduler is not None:
            self._scheduler.stop()
            self._scheduler = None
        if self._follower is not None:
            self._follower.stop()
            self._follower = None
        self._pool.close()
        if self._videos is not None:
            self._videos.close()
        self.save_index()
        if self._store is not None:
            self._store.close()
            self._store = None

    def __enter__(self) -> Unshared:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # -- banks ------------------------------------------------------------------------------

    def create_bank(
        self,
        name: str,
        kind: BankKind = "ncii",
        thresholds: Mapping[str, int] | None = None,
        actor: str = "operator",
    ) -> Bank:
        bank = self.store.create_bank(name, kind, thresholds, actor=actor)
        if self._banks is not None:
            self._banks.refresh()  # here, not in the next match
        return bank

    def list_banks(self) -> list[tuple[Bank, int]]:
        """Every bank with its count of active entries."""
        return [(b, self.store.count_entries(bank=b.name)) for b in self.store.list_banks()]

    def add_signals(
        self,
        bank: str,
        signals: SignalSet,
        *,
        case_id: int | None = None,
        source: str,
        actor: str,
    ) -> list[Entry]:
        """One image's PDQ, MD5 and SHA-256 as three entries, linked by the image's SHA-256."""
        metadata = {"image": signals.sha256.hex, "quality": signals.quality}
        entries = self.store.add_entries(
            bank,
            list(signals.signals()),
            case_id=case_id,
            source=source,
            metadata=metadata,
            actor=actor,
        )
        self.catch_up()
        return entries

    def register_image(
        self, bank: str, data: bytes, *, source: str = "cli", actor: str = "operator"
    ) -> list[Entry]:
        """Hash one image's bytes here and add its hashes (never the image) to ``bank``.

        For a ``protect`` bank the image's local features are also kept, in the feature index
        beside the PDQ index, keyed by its PDQ entry."""
        views = self._registration_views(bank)
        signals, _, features = self._hash_data(
            data, self.settings.pdq_min_quality, dihedral=False, views=views
        )
        entries = self.add_signals(bank, signals, source=source, actor=actor)
        if features is not None:
            self._add_features(entries, features)
            self._save_features()
        return entries

    def _registration_views(self, bank: str) -> Views:
        """What an image added to ``bank`` gives beside its hashes: its local features for a
        ``protect`` bank, nothing for the others. ``NotFound`` for an unknown bank."""
        if self.store.get_bank(bank).kind != "protect":
            return Views()
        from unshared.features import MAX_KEYPOINTS

        return Views(keypoints=MAX_KEYPOINTS)

    def _add_features(self, entries: list[Entry], features: Features) -> None:
        """Keep one image's local features, keyed by its PDQ entry."""
        pdq = next(e for e in entries if e.signal_type == "pdq")
        self._shared_features.add(pdq.id, features)

    def keep_features(self, images: Iterable[tuple[Entry, Features]]) -> None:
        """Keep local features made elsewhere (a person's device, for a protect case), each keyed
        by its image's PDQ entry in a ``protect`` bank, and save them at once: unlike the PDQ
        index, they cannot be rebuilt from the store, so a crash must not lose them."""
        for entry, features in images:
            bank = self.banks.get(frozenset({entry.bank})).get(entry.bank)
            if entry.signal_type != "pdq" or bank is None or bank.kind != "protect":
                raise InvalidInput(
                    "features are kept by an image's PDQ entry in a protect bank", entry=entry.id
                )
            self._shared_features.add(entry.id, features)
        self._save_features()

    def forget_features(self, entries: Iterable[Entry]) -> None:
        """Drop the local features of ``entries`` (a withdrawn case's), and save that at once."""
        if not self._has_features():
            return
        for entry in entries:
            if entry.id in self.features:
                self._shared_features.remove(entry.id)
        self._save_features()

    def _save_features(self) -> None:
        """Save the features changed here, at once: unlike the PDQ index they cannot be rebuilt
        from the store, and the other processes over this data folder read them from the file."""
        if self._features is not None and self._features.changed:
            self._features.save()

    def add_images(
        self,
        bank: str,
        paths: list[Path],
        *,
        workers: int | None = None,
        on_done: Callable[[FileResult], None] | None = None,
    ) -> Iterator[tuple[FileResult, list[Entry]]]:
        """Hash image files on this machine and add their hashes (never the images) to ``bank``."""
        views = self._registration_views(bank)  # fails before hashing anything
        registered = hash_files(
            paths,
            workers=workers,
            limits=self.limits,
            min_quality=self.settings.pdq_min_quality,
            views=views,
            on_done=on_done,
        )
        for result in registered:
            entries: list[Entry] = []
            if result.signals is not None:
                entries = self.add_signals(bank, result.signals, source="cli", actor="operator")
                if result.features is not None:
                    self._add_features(entries, result.features)
            yield result, entries
        self._save_features()  # once for the batch

    def withdraw_entry(self, bank: str, entry_id: int, actor: str = "operator") -> Entry:
        entry = self.store.get_entry(entry_id)
        if entry.bank != bank:
            raise NotFound(f"bank {bank!r} has no entry {entry_id}", bank=bank, entry=entry_id)
        withdrawn = self.store.set_entry_status(entry_id, "withdrawn", actor=actor)
        self.catch_up()
        if self._has_features() and entry_id in self.features:
            # Final, so the features go too; any other status change is caught at match time.
            self._shared_features.remove(entry_id)
            self._save_features()
        return withdrawn

    # -- what platforms follow and operators look after ----------------------------------------

    def feed(self, after: int = 0, limit: int = 1000) -> FeedPage:
        """The feed changes after ``after``, oldest first, with their banks' settings."""
        store = self.store
        changes = store.changes(after=after, limit=limit)
        banks = {b.name: b for b in store.list_banks()}  # after: every change's bank is in it
        next_seq = changes[-1].seq if changes else after
        return FeedPage(store.store_id(), changes, banks, next_seq, store.latest_seq())

    def get_entry(self, entry_id: int) -> Entry:
        return self.store.get_entry(entry_id)

    def set_entry_status(
        self, entry_id: int, status: EntryStatus, *, actor: str, reason: str = ""
    ) -> Entry:
        """An operator's decision on an entry: in the feed, so every platform's copy obeys."""
        entry = self.store.set_entry_status(entry_id, status, actor=actor, reason=reason)
        self.catch_up()
        return entry

    def list_keys(self) -> list[ApiKey]:
        return self.store.list_keys()

    def revoke_key(self, key_id: int, actor: str = "operator") -> ApiKey:
        """Revoke an API key: at once in this process, within ``key_cache_seconds`` in a
        server running elsewhere."""
        return self.platforms.revoke_key(key_id, actor=actor)

    def history(
        self,
        subject_type: str | None = None,
        subject_id: int | None = None,
        *,
        before: int | None = None,
        limit: int = 100,
    ) -> list[HistoryEvent]:
        return self.store.history(subject_type, subject_id, before=before, limit=limit)

    # -- matching ---------------------------------------------------------------------------

    def match(self, query: Query, *, key_id: int | None = None) -> Verdict:
        """The verdict on one upload's signals, its matches counted (for the platform of API key
        ``key_id`` when given: docs/api.md, "Floods and reports")."""
        return self._counted(self.matcher.match(query, catch_up=self._catch_up_for_match()), key_id)

    def match_signal(self, signal: Signal, *, key_id: int | None = None) -> Verdict:
        """The verdict on one hash of any registered type, as HMA's lookup asks for it: a PDQ
        alone (its quality unknown, so not gated), an MD5, a SHA-256, or another type's value.
        Matched and counted as ``match`` does."""
        if isinstance(signal, Pdq):
            query = Query(pdq=(signal,))
        elif isinstance(signal, Md5):
            query = Query(md5=signal)
        elif isinstance(signal, Sha256):
            query = Query(sha256=signal)
        else:
            query = Query(others=(signal,))
        return self.match(query, key_id=key_id)

    def fetch_image(self, url: str) -> bytes:
        """The bytes at ``url``, fetched the safe way reported links are
        (``unshared.takedown.fetch``: public addresses only, bounded in size and time), for
        hashing in memory; never kept. ``FetchRefused``, or ``FetchFailed`` for no answer or an
        answer that is not a success."""
        from unshared.takedown.fetch import FetchRules, fetch

        answer = fetch(url, FetchRules.of(self.settings))
        if not answer.ok:
            raise FetchFailed(
                f"{answer.final_url} answered HTTP {answer.status}", url=url, status=answer.status
            )
        return answer.body

    def _counted(self, verdict: Verdict, key_id: int | None) -> Verdict:
        """Count a verdict's matches. Counting never changes an entry's status."""
        if verdict.matches:
            self.store.record_matches([m.entry for m in verdict.matches], key_id=key_id)
        return verdict

    def match_image_signals(
        self, data: bytes, *, key_id: int | None = None
    ) -> tuple[SignalSet, Verdict]:
        """Hash image bytes in memory (never stored) and match them, in all 8 orientations,
        also with any margins trimmed, and by local features when protect banks hold any."""
        signals, verdict = self.match_found_image(data)
        return signals, self._counted(verdict, key_id)

    def match_found_image(self, data: bytes) -> tuple[SignalSet, Verdict]:
        """``match_image_signals`` for an image found out there (by the monitor): the same
        hashing and matching, but not counted as an upload (the review list's match counts
        are platforms' uploads)."""
        matcher = self.matcher
        signals, trimmed, features = self._hash_data(
            data, 0, dihedral=True, views=self._query_views(matcher)
        )
        query = Query(
            pdq=signals.pdq_dihedral,
            quality=signals.quality,
            md5=signals.md5,
            sha256=signals.sha256,
            trimmed=trimmed,
            features=features,
        )
        return signals, matcher.match(query, catch_up=self._catch_up_for_match())

    def match_files(
        self,
        paths: list[Path],
        *,
        workers: int | None = None,
        on_done: Callable[[FileResult], None] | None = None,
    ) -> Iterator[tuple[FileResult, Verdict | None]]:
        """``match_image_signals`` for files, hashed on every core: the same views, so the
        same matches."""
        matcher = self.matcher
        if self._catch_up_for_match():
            self.catch_up()  # once for the batch
        views = self._query_views(matcher)
        uploads = hash_uploads(
            paths, workers=workers, limits=self.limits, views=views, on_done=on_done
        )
        for result in uploads:
            verdict = None
            if result.signals is not None:
                query = replace(
                    Query.of(result.signals), trimmed=result.trimmed, features=result.features
                )
                verdict = self._counted(matcher.match(query, catch_up=False), None)
            yield result, verdict

    @staticmethod
    def _query_views(matcher: Matcher) -> Views:
        return query_views(matcher)


def query_views(matcher: Matcher) -> Views:
    """Every query is also matched with its margins trimmed, and by its local features (and its
    mirror image's) when protect banks hold any."""
    if not matcher.features:
        return Views(trimmed=True)
    from unshared.features import QUERY_KEYPOINTS

    return Views(trimmed=True, keypoints=QUERY_KEYPOINTS, mirrored=True)


def parse_thresholds(values: Iterable[str]) -> dict[str, int]:
    """``["31"]`` or ``["pdq=31"]`` -> ``{"pdq": 31}``."""
    out: dict[str, int] = {}
    for value in values:
        name, sep, number = value.rpartition("=")
        try:
            out[name if sep else "pdq"] = int(number)
        except ValueError:
            raise InvalidInput(f"a threshold is N or SIGNAL=N, not {value!r}") from None
    return out
