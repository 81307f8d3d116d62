"""Sightings and their verification: the takedown's part of the service, owned by ``Unshared``
(``Unshared.takedown``).

A sighting is verified by fetching its URL the safe way (``takedown.fetch``), hashing what it
serves in memory with the code and limits uploads are hashed with (all 8 orientations, margins
trimmed), and comparing the hashes with the sighting's own case's entries only: a URL reported for
one case never learns anything about another. The bytes are dropped as soon as they are hashed.
"""

from __future__ import annotations

import contextlib
import time
from collections.abc import Callable
from dataclasses import dataclass, replace
from typing import Any, Protocol

from unshared.bank import CaseStore, EntryReader, Store
from unshared.bank.models import (
    MAX_ERROR,
    ApiKey,
    Case,
    Contact,
    Entry,
    Fetch,
    FetchFacts,
    FetchOutcome,
    Reporter,
    Sighting,
    SightingStatus,
)
from unshared.bank.store import ContactStore, EvidenceReader, NoticeStore, SightingStore
from unshared.config import Settings
from unshared.errors import Conflict, FetchFailed, FetchRefused, InvalidInput, NotFound
from unshared.signals import Pdq, SignalSet
from unshared.takedown import fetch as fetching
from unshared.takedown.fetch import Answer, FetchRules
from unshared.takedown.noticing import CHECK, Notices
from unshared.takedown.schedule import Clock, Handler, JobStore, utc_now

#: Hashes one image's bytes for matching: its signals (with the 8 orientations) and the PDQ
#: hashes of its trimmed views. ``Unshared.hash_for_matching``.
Hasher = Callable[[bytes], tuple[SignalSet, tuple[Pdq, ...]]]

#: Answers that mean the copy is gone, once it was seen.
_GONE = frozenset({404, 410})


class TakedownStore(
    SightingStore,
    ContactStore,
    EvidenceReader,
    NoticeStore,
    JobStore,
    CaseStore,
    EntryReader,
    Protocol,
):
    """What ``Takedown`` uses of the bank."""


@dataclass(frozen=True, slots=True)
class Verification:
    """A sighting as its latest check left it, and that check (``None`` before any)."""

    #: The case's number.
    case: str
    sighting: Sighting
    fetch: Fetch | None


@dataclass(frozen=True, slots=True)
class _Target:
    entry: Entry
    #: For a PDQ entry, its bank's threshold; exact entries match at distance 0 only.
    threshold: int


@dataclass(frozen=True, slots=True)
class _Seen:
    """One hashed image and how close it came to the case."""

    url: str
    size: int
    signals: SignalSet
    entry: Entry | None
    distance: int | None
    matched: bool


class Takedown:
    def __init__(
        self,
        store: TakedownStore | Store,
        settings: Settings,
        hasher: Hasher,
        *,
        clock: Clock = utc_now,
    ) -> None:
        self.store = store
        self.settings = settings
        self.rules = FetchRules.of(settings)
        self._hash = hasher
        self.clock = clock
        #: Notices to hosts and their clocks (``takedown.noticing``).
        self.notices = Notices(self, clock)

    def job_handlers(self) -> dict[str, Handler]:
        """The scheduler's handler for each kind of job the takedown schedules."""
        return {CHECK: self.notices.run_check}

    # -- reporting ---------------------------------------------------------------------------

    def check(self, url: str) -> tuple[str, str]:
        """The URL and its host, if it may be fetched: its form and the addresses its host
        resolves to now (``FetchRefused``). Checked before a sighting is made,
        so a URL that points into the server's own network is refused, not kept."""
        parsed = fetching.check_url(url)
        host = fetching.host_of(parsed)
        # A host that does not resolve now is kept (its verification says ``unreachable``);
        # one that resolves into a network not allowed is refused.
        with contextlib.suppress(FetchFailed):
            fetching.resolve(host, parsed.port or 443, self.rules.allow)
        return str(parsed), host

    def report(
        self,
        case: Case,
        url: str,
        *,
        reported_by: Reporter,
        actor: str,
        key_id: int | None = None,
    ) -> Verification:
        """Record that a copy of one of ``case``'s images is at ``url``, and verify it now.

        A URL already reported for the case is verified again. Runs in the caller's thread for
        as long as the fetch takes, at most ``fetch_timeout`` (and the image's hashing)."""
        if case.status != "active":
            raise Conflict("this case is withdrawn; make a new one to report a link")
        url, host = self.check(url)
        sighting = self.store.add_sighting(
            case.id, url, host, reported_by, key_id=key_id, actor=actor
        )
        return self.verify(sighting.id, actor=actor)

    def report_by_operator(self, number: str, url: str, *, actor: str) -> Verification:
        return self.report(self.store.get_case(number), url, reported_by="operator", actor=actor)

    def report_by_platform(self, entry: Entry, url: str, key: ApiKey) -> Verification | None:
        """A platform's match report came with the URL where it saw the copy: a sighting on the
        matched entry's case (``None`` for an entry that belongs to no case, or to a withdrawn
        one)."""
        if entry.case_id is None:
            return None
        case = self.store.get_case_by_id(entry.case_id)
        if case.status != "active":
            return None
        return self.report(case, url, reported_by="platform", actor=f"key:{key.id}", key_id=key.id)

    # -- verifying ---------------------------------------------------------------------------

    def verify(self, sighting_id: int, *, actor: str) -> Verification:
        """Fetch the sighting's URL, hash what it serves, match it against the case's own
        entries and record the result (``record_fetch``): ``verified``, ``not_matching`` or
        ``unreachable``; ``removed`` when a sighting that was verified now answers 404 or 410,
        or no longer serves a copy.

        Then the sighting's notices follow (``Notices.after_verification``): a verified copy
        gets a draft notice unless one is open; a copy gone closes the open ones as removed."""
        sighting = self.store.get_sighting(sighting_id)
        targets = self._targets(sighting.case_id)
        facts = self._facts(sighting.url, targets)
        status = _status(sighting.status, facts)
        sighting, recorded = self.store.record_fetch(sighting.id, facts, status, actor=actor)
        seen = Verification(self._number(sighting.case_id, {}), sighting, recorded)
        self.notices.after_verification(seen, actor)
        return seen

    def _targets(self, case_id: int) -> list[_Target]:
        banks = {b.name: b for b in self.store.list_banks()}
        return [
            _Target(e, banks[e.bank].threshold("pdq") if e.signal_type == "pdq" else 0)
            for e in self.store.entries(case_id=case_id, status=None)
            if e.status != "withdrawn"
        ]

    def _facts(self, url: str, targets: list[_Target]) -> FetchFacts:
        deadline = time.monotonic() + self.rules.timeout
        try:
            answer = fetching.fetch(url, self.rules, deadline=deadline)
        except FetchRefused as exc:
            refused: FetchOutcome = (
                "too_large" if exc.detail.get("reason") == "too_large" else "refused"
            )
            return FetchFacts(refused, error=exc.message[:MAX_ERROR])
        except FetchFailed as exc:
            return FetchFacts("failed", error=exc.message[:MAX_ERROR])
        page = FetchFacts(
            "http_error",
            http_status=answer.status,
            final_url=answer.final_url,
            content_type=answer.content_type[:200] or None,
            size=len(answer.body),
        )
        if not answer.ok:
            return page
        seen, errors = self._seen(answer, targets, deadline)
        del answer  # the bytes go now; only their hashes are kept
        if not seen:
            return replace(page, outcome="not_image", error="; ".join(errors)[:MAX_ERROR])
        best = min(seen, key=_closeness)
        return replace(
            page,
            outcome="fetched",
            sha256=best.signals.sha256.hex,
            md5=best.signals.md5.hex,
            pdq=best.signals.pdq.hex,
            quality=best.signals.quality,
            image_url=best.url if best.url != url else None,
            entry_id=best.entry.id if best.entry else None,
            distance=best.distance,
            matched=best.matched,
        )

    def _seen(
        self, answer: Answer, targets: list[_Target], deadline: float
    ) -> tuple[list[_Seen], list[str]]:
        """Each image ``answer`` is or holds, hashed and compared (the page's images fetched
        one at a time); and why others were not."""
        if not answer.is_html:
            seen = self._compare(answer.final_url, answer.body, targets)
            return ([seen] if seen else []), ([] if seen else ["not an image"])
        out: list[_Seen] = []
        errors: list[str] = []
        for image_url, got in fetching.images(answer, self.rules, deadline):
            if not isinstance(got, Answer):
                errors.append(got.message)
            elif not got.ok:
                errors.append(f"{image_url} answered {got.status}")
            else:
                seen = self._compare(image_url, got.body, targets)
                if seen is not None:
                    out.append(seen)
                    if seen.matched and seen.distance == 0:
                        break  # nothing comes closer
        return out, errors

    def _compare(self, url: str, data: bytes, targets: list[_Target]) -> _Seen | None:
        """Hash one image in memory and find the case's entry it comes closest to."""
        try:
            signals, trimmed = self._hash(data)
        except InvalidInput:
            return None  # not an image, or one past the limits: nothing to compare
        size = len(data)
        variants = (*(signals.pdq_dihedral or (signals.pdq,)), *trimmed)
        use_pdq = signals.quality >= self.settings.pdq_min_quality
        best: tuple[int, bool, Entry] | None = None
        for target in targets:
            entry = target.entry
            if entry.signal_type in ("md5", "sha256"):
                mine = signals.md5 if entry.signal_type == "md5" else signals.sha256
                if mine.hex != entry.value:
                    continue
                distance, matched = 0, True
            elif entry.signal_type == "pdq":
                theirs = Pdq.from_hex(entry.value)
                distance = min(v.distance(theirs) for v in variants)
                matched = use_pdq and distance <= target.threshold
            else:
                continue
            if best is None or (not matched, distance) < (not best[1], best[0]):
                best = (distance, matched, entry)
        if best is None:
            return _Seen(url, size, signals, None, None, False)
        return _Seen(url, size, signals, best[2], best[0], best[1])

    # -- reading -----------------------------------------------------------------------------

    def sightings(
        self,
        *,
        case: str | Case | None = None,
        status: SightingStatus | None = None,
        host: str | None = None,
        limit: int = 100,
    ) -> list[Verification]:
        """Sightings, newest first, each with its latest fetch; ``case`` by number or case."""
        if isinstance(case, str):
            case = self.store.get_case(case)
        found = self.store.sightings(
            case_id=case.id if case else None,
            status=status,
            host=_host(host) if host else None,
            limit=limit,
        )
        numbers: dict[int, str] = {}
        return [self._with_fetch(s, numbers) for s in found]

    def get(self, sighting_id: int) -> Verification:
        return self._with_fetch(self.store.get_sighting(sighting_id), {})

    def _with_fetch(self, sighting: Sighting, numbers: dict[int, str]) -> Verification:
        latest = self.store.fetches(sighting.id, limit=1)
        return Verification(
            self._number(sighting.case_id, numbers), sighting, latest[0] if latest else None
        )

    def _number(self, case_id: int, numbers: dict[int, str]) -> str:
        if case_id not in numbers:
            numbers[case_id] = self.store.get_case_by_id(case_id).number
        return numbers[case_id]

    def evidence(self, number: str) -> list[dict[str, Any]]:
        """The case's evidence log, as chained records (``takedown.chain``)."""
        return self.store.evidence_records(self.store.get_case(number).id)

    # -- contacts ----------------------------------------------------------------------------

    def set_contact(self, host: str, email: str, *, actor: str) -> Contact:
        return self.store.set_contact(_host(host), email, actor=actor)

    def contact(self, host: str) -> Contact:
        found = self.store.get_contact(_host(host))
        if found is None:
            raise NotFound(f"there is no contact for {host}", host=host)
        return found

    def contacts(self) -> list[Contact]:
        return self.store.contacts()


def _host(host: str) -> str:
    """A host as sightings write it (lower-case, IDNA)."""
    return fetching.host_of(fetching.check_url(f"http://{host}/"))


def _closeness(seen: _Seen) -> tuple[bool, int]:
    return (not seen.matched, 257 if seen.distance is None else seen.distance)


def _status(before: SightingStatus, facts: FetchFacts) -> SightingStatus:
    if facts.matched:
        return "verified"
    answered = facts.outcome in ("fetched", "not_image")
    if before in ("verified", "removed") and (answered or facts.http_status in _GONE):
        return "removed"
    return "not_matching" if answered else "unreachable"
