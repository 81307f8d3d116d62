"""The bank's value objects: banks, cases, entries, feed changes and history events, and what
platforms bring: API keys, reports on matches, and the review list those feed.

All are frozen; a store hands out new ones rather than changing old ones. Every timestamp is a
timezone-aware UTC ``datetime``. None of them holds pixels: an entry is a hash and its metadata.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from typing import Any, Literal

from unshared.signals import SIGNAL_TYPES, Signal

BankKind = Literal["ncii", "allow", "protect"]
CaseStatus = Literal["active", "withdrawn"]
EntryStatus = Literal["active", "withdrawn", "disabled", "quarantined"]
ChangeOp = Literal["add", "withdraw", "disable", "quarantine", "enable"]
SubjectType = Literal["bank", "case", "entry", "key", "sighting", "notice", "contact", "watch"]
KeyRole = Literal["platform", "admin"]
ReportOutcome = Literal["removed", "blocked", "queued", "not_ncii", "duplicate", "not_found"]
Category = Literal["minor"]

#: ``ncii``: hashes of intimate images shared without consent; a match means take it down.
#: ``allow``: known-innocent content (memes, stock photos) that must never match.
#: ``protect``: a person's ordinary photos, watched for misuse (impersonation, deepfakes).
BANK_KINDS: tuple[BankKind, ...] = ("ncii", "allow", "protect")
CASE_STATUSES: tuple[CaseStatus, ...] = ("active", "withdrawn")
#: ``active`` matches. ``withdrawn``: the person took it back; final. ``disabled``: turned off by
#: an operator. ``quarantined``: held for review (for example a suspected bad-faith submission).
ENTRY_STATUSES: tuple[EntryStatus, ...] = ("active", "withdrawn", "disabled", "quarantined")

SUBJECT_TYPES: tuple[SubjectType, ...] = (
    "bank",
    "case",
    "entry",
    "key",
    "sighting",
    "notice",
    "contact",
    "watch",
)
#: ``platform``: matches hashes and reports on matches. ``admin``: an operator's key, for all.
KEY_ROLES: tuple[KeyRole, ...] = ("platform", "admin")
#: What a platform did about a match: ``removed`` the upload, ``blocked`` it before it went up,
#: ``queued`` it for its own moderators; or why it did nothing: the picture is ``not_ncii`` (a
#: false match, or a bad-faith submission), a ``duplicate`` of one already reported, or
#: ``not_found`` (gone before anyone looked).
REPORT_OUTCOMES: tuple[ReportOutcome, ...] = (
    "removed",
    "blocked",
    "queued",
    "not_ncii",
    "duplicate",
    "not_found",
)

#: What an entry is, beyond its bank's kind, when a platform must treat it differently; ``None``
#: for most. ``minor``: the person in the image is under 18, or was when it was taken, as they
#: said when they made their case (``Case.minor``). For a platform such an image is child sexual
#: abuse material, with duties of its own (in the US, a report to NCMEC's CyberTipline). Every
#: entry of a minor's case carries it, in the feed, in matches, exports and copies made by sync.
CATEGORIES: tuple[Category, ...] = ("minor",)

#: Longest texts the bank keeps, in characters: a report's note, a status change's reason, a key's
#: name. The API's schemas take them from here, so the published limits are the real ones.
MAX_NOTE = 1000
MAX_REASON = 1000
MAX_KEY_NAME = 100

#: The feed operation that moves an entry into each status.
OP_FOR_STATUS: dict[EntryStatus, ChangeOp] = {
    "active": "enable",
    "withdrawn": "withdraw",
    "disabled": "disable",
    "quarantined": "quarantine",
}


@dataclass(frozen=True, slots=True)
class Bank:
    """A named set of entries of one kind, with match thresholds per signal type."""

    id: int
    name: str
    kind: BankKind
    #: Largest distance that still counts as a match, per signal type name; a type not listed uses
    #: its default (see ``threshold``).
    thresholds: dict[str, int] = field(hash=False)
    created_at: datetime

    def threshold(self, signal_type: str) -> int:
        """The threshold for ``signal_type``: this bank's, else the type's default."""
        if signal_type in self.thresholds:
            return self.thresholds[signal_type]
        return SIGNAL_TYPES.threshold_range(signal_type)[0]


@dataclass(frozen=True, slots=True)
class Case:
    """One person's submission. ``number`` and a PIN (kept only as ``pin_hash``) let them act on
    it later, above all to withdraw it."""

    id: int
    number: str
    pin_hash: str = field(repr=False)
    status: CaseStatus
    created_at: datetime
    withdrawn_at: datetime | None
    #: The person said they are under 18, or were when the photos were taken: the one answer
    #: kept about them (never an age or a birth date). Its entries carry the ``minor`` category.
    minor: bool = False

    @property
    def category(self) -> Category | None:
        """The category this case's entries carry."""
        return "minor" if self.minor else None


@dataclass(frozen=True, slots=True)
class CaseRequest:
    """What is kept of a request that made a case with an idempotency key, so that the same
    request sent again (after a lost answer) gets the same case and PIN rather than a second case.

    Never the key itself: a stolen copy of the database opens no PIN (see ``bank.retries``).
    """

    #: SHA-256 of the client's idempotency key, lower-case hex.
    key_hash: str
    #: SHA-256 of what was asked (the images' hashes), lower-case hex.
    request_hash: str
    #: The PIN, sealed under a key derived from the idempotency key; ``None`` once expired.
    sealed_pin: str | None = field(repr=False)
    #: When ``sealed_pin`` is dropped; the hashes stay, so the key still cannot make a new case.
    expires_at: datetime


@dataclass(frozen=True, slots=True)
class NewCase:
    """A case made with its entries in one transaction, or found again for a retried request."""

    case: Case
    #: One entry per signal given, in order (a repeated signal gives the same entry).
    entries: list[Entry]
    #: The kept request, if one was given: on a replay, the one kept the first time.
    request: CaseRequest | None = None
    #: The request's key had made this case already: nothing was added this time.
    replayed: bool = False


@dataclass(frozen=True, slots=True)
class Entry:
    """One hash in one bank. Only ``status`` ever changes; the rest is fixed when it is added."""

    id: int
    bank: str
    bank_id: int
    case_id: int | None
    signal_type: str
    #: Lower-case hex, as ``Signal.hex`` writes it.
    value: str
    status: EntryStatus
    source: str
    added_at: datetime
    #: Free JSON given when the entry was added and returned with every match on it.
    metadata: dict[str, Any] = field(hash=False)
    #: ``minor`` for an entry of a minor's case (see ``CATEGORIES``), else ``None``. Fixed when
    #: the entry is added, like the rest.
    category: Category | None = None

    @property
    def signal(self) -> Signal:
        return SIGNAL_TYPES.parse(self.signal_type, self.value)


@dataclass(frozen=True, slots=True)
class Change:
    """One step of the delta feed. Apply in ``seq`` order: ``add`` inserts the entry, every other
    op sets its status to ``status``."""

    seq: int
    op: ChangeOp
    entry_id: int
    bank: str
    signal_type: str
    value: str
    #: The entry's status right after this change (not its status now).
    status: EntryStatus
    case_id: int | None
    at: datetime
    #: The entry's category (``CATEGORIES``), on every change of it: ``minor`` or ``None``.
    category: Category | None = None


@dataclass(frozen=True, slots=True)
class HistoryEvent:
    """One line of the append-only audit history."""

    id: int
    at: datetime
    actor: str
    #: ``bank.create``, ``case.create``, ``case.withdraw``, ``entry.add``, ``entry.withdraw``,
    #: ``entry.disable``, ``entry.quarantine``, ``entry.enable``, ``entry.report``, ``key.create``
    #: or ``key.revoke``.
    action: str
    subject_type: SubjectType
    subject_id: int
    detail: dict[str, Any] = field(hash=False)


@dataclass(frozen=True, slots=True)
class ImportSummary:
    """What ``Store.import_records`` did: records read, entries created, records already there;
    and, for a list that also withdraws hashes (StopNCII's), entries withdrawn and records
    skipped (of a type or status not matched here)."""

    records: int
    added: int
    existing: int
    withdrawn: int = 0
    skipped: int = 0


@dataclass(frozen=True, slots=True)
class ApiKey:
    """A key a platform or an operator calls the service with. The store keeps only the SHA-256
    of the key itself, never the key."""

    id: int
    #: Who holds it, for people reading lists and history (``"example-platform"``).
    name: str
    role: KeyRole
    created_at: datetime
    revoked_at: datetime | None

    @property
    def active(self) -> bool:
        return self.revoked_at is None


@dataclass(frozen=True, slots=True)
class Report:
    """A platform's word on one match: what it did about the upload, or why it did nothing."""

    id: int
    entry_id: int
    #: The entry's case, if it has one.
    case_id: int | None
    #: The key that reported it, ``None`` if it came another way (an operator, a script).
    key_id: int | None
    outcome: ReportOutcome
    note: str
    at: datetime


@dataclass(frozen=True, slots=True)
class FeedPage:
    """One page of the delta feed, as a platform follows it: the changes after a point, the
    banks they are in (kind and thresholds), where to ask next, and how far the feed goes."""

    store: str
    changes: list[Change]
    banks: dict[str, Bank]
    next: int
    latest: int


@dataclass(frozen=True, slots=True)
class ReviewItem:
    """An entry for an operator to look at: quarantined, reported as not NCII, or matched by more
    uploads than the flood line. Being here changes nothing about its matching."""

    entry: Entry
    #: Uploads it has matched, as ``Store.record_matches`` counted them.
    matches: int
    not_ncii_reports: int
    #: Distinct platforms (API keys) that reported it as not NCII.
    not_ncii_platforms: int = 0
    #: Distinct platforms (API keys) that matched it.
    platforms: int = 0
    #: Whether ``matches`` is past the flood line the list was asked with.
    flooded: bool = False
    #: What platforms said about its matches, newest first: the few newest, so an operator reads
    #: their notes beside the counts (filled by ``Platforms.review``, not by the store's list).
    reports: tuple[Report, ...] = ()


# -- takedown ---------------------------------------------------------------------------------

Reporter = Literal["person", "platform", "operator", "monitor"]
SightingStatus = Literal["reported", "verified", "not_matching", "unreachable", "removed"]
FetchOutcome = Literal["fetched", "http_error", "refused", "too_large", "failed", "not_image"]
NoticeState = Literal["draft", "sent", "acknowledged", "removed", "overdue", "withdrawn"]
Delivery = Literal["email", "download"]
WatchKind = Literal["page", "sitemap", "feed"]

#: Who said a copy is at a URL: the person (case number and PIN), a platform (with its match
#: report), an operator (admin key) or the monitor.
REPORTERS: tuple[Reporter, ...] = ("person", "platform", "operator", "monitor")
#: ``reported``: not checked yet. ``verified``: the URL served a copy of one of the case's images.
#: ``not_matching``: it served something else. ``unreachable``: no answer, an error, or refused.
#: ``removed``: gone (404/410) or no longer matching after it was verified.
SIGHTING_STATUSES: tuple[SightingStatus, ...] = (
    "reported",
    "verified",
    "not_matching",
    "unreachable",
    "removed",
)
#: ``fetched``: a 2xx answer, hashed. ``http_error``: another status. ``refused``: the URL or a
#: redirect broke a rule of safe fetching. ``too_large``: past ``fetch_max_bytes``. ``failed``:
#: no answer in time, or a network error. ``not_image``: an answer with no image in it.
FETCH_OUTCOMES: tuple[FetchOutcome, ...] = (
    "fetched",
    "http_error",
    "refused",
    "too_large",
    "failed",
    "not_image",
)
#: ``draft``: written, not sent. ``sent``: sent to the host (or, for a download, recorded as sent
#: by hand); its clock runs. ``acknowledged``: the host answered; the clock still runs.
#: ``removed``: the copy was gone or no longer matching when fetched again. ``overdue``: still
#: there after the deadline (a follow-up is drafted). ``withdrawn``: taken back.
NOTICE_STATES: tuple[NoticeState, ...] = (
    "draft",
    "sent",
    "acknowledged",
    "removed",
    "overdue",
    "withdrawn",
)
#: States a notice never leaves.
CLOSED_NOTICE_STATES: tuple[NoticeState, ...] = ("removed", "withdrawn")
#: ``email``: sent by SMTP to the host's abuse contact. ``download``: text, HTML or PDF for the
#: person to send themselves.
DELIVERIES: tuple[Delivery, ...] = ("email", "download")
#: Longest URL a sighting may have, in characters (what common browsers and servers take).
MAX_URL = 2048
MAX_HOST = 253
MAX_EMAIL = 254
MAX_ERROR = 1000
#: Longest name, signature, phone number or postal address a person gives for a notice.
MAX_DETAIL = 200
MAX_ADDRESS = 500


@dataclass(frozen=True, slots=True)
class Sighting:
    """A place where a copy of a case's image appears, and what its latest check found."""

    id: int
    case_id: int
    url: str
    #: The URL's host, lower-case (where notices go: ``contacts``).
    host: str
    reported_by: Reporter
    #: The platform's key, for ``reported_by == "platform"``.
    key_id: int | None
    reported_at: datetime
    status: SightingStatus
    #: The case's entry the latest verification matched (or came closest to), and how close.
    entry_id: int | None
    distance: int | None
    checked_at: datetime | None
    #: The case's category (``CATEGORIES``): ``minor`` for a minor's case, so whoever acts on
    #: the sighting knows; read from the case, never kept with the sighting.
    category: Category | None = None


@dataclass(frozen=True, slots=True)
class FetchFacts:
    """What one fetch found: the server's answer and the hashes of what it served. Never the
    bytes: they are hashed in memory and dropped."""

    outcome: FetchOutcome
    http_status: int | None = None
    final_url: str | None = None
    content_type: str | None = None
    size: int | None = None
    sha256: str | None = None
    md5: str | None = None
    pdq: str | None = None
    quality: int | None = None
    #: The image the hashes are of, when the URL was a page holding it.
    image_url: str | None = None
    #: The case's entry it matched (or came closest to), and the distance (0 for an exact hash).
    entry_id: int | None = None
    distance: int | None = None
    #: Whether ``entry_id`` is a match: an exact hash, or a PDQ within its bank's threshold.
    matched: bool = False
    #: Why it was refused or failed, in words.
    error: str = ""


@dataclass(frozen=True, slots=True)
class Fetch:
    """One verification of a sighting."""

    id: int
    sighting_id: int
    at: datetime
    facts: FetchFacts


@dataclass(frozen=True, slots=True)
class Contact:
    """Where notices about a host go: its abuse address, as an operator set it."""

    host: str
    email: str
    set_by: str
    updated_at: datetime


#: Watch targets are fetched at most this often, and at least this rarely (seconds).
MIN_WATCH_INTERVAL = 60
MAX_WATCH_INTERVAL = 90 * 24 * 3600
WATCH_KINDS: tuple[WatchKind, ...] = ("page", "sitemap", "feed")
#: Problems kept with a watch target's last run, at most (the first ones).
MAX_WATCH_PROBLEMS = 20


@dataclass(frozen=True, slots=True)
class WatchRun:
    """What one run of a watch target did: what it fetched and hashed, what matched, and the
    sightings it made. Kept with the target as its last result."""

    started_at: datetime
    #: Seconds the run took.
    seconds: float = 0.0
    #: Requests made: the target, nested sitemaps, pages and images.
    fetches: int = 0
    #: Pages looked at (the target itself, for a ``page``).
    pages: int = 0
    #: Images hashed.
    images: int = 0
    #: Images that matched an entry of a case.
    matches: int = 0
    #: Sightings made or verified by this run, by id.
    sightings: tuple[int, ...] = ()
    #: Matches on a page already verified for that case: nothing new to record.
    known: int = 0
    #: Fetches that failed, were refused or answered an error.
    failures: int = 0
    #: Whether the run stopped at ``watch_max_fetches``.
    capped: bool = False
    #: Why the target itself could not be read (the run found nothing then), or empty.
    error: str = ""
    #: The first few problems with its pages and images, in words.
    problems: tuple[str, ...] = ()

    def to_dict(self) -> dict[str, Any]:
        """As the store keeps it (JSON) and the API and CLI show it."""
        return {
            "started_at": self.started_at.isoformat(),
            "seconds": round(self.seconds, 3),
            "fetches": self.fetches,
            "pages": self.pages,
            "images": self.images,
            "matches": self.matches,
            "sightings": list(self.sightings),
            "known": self.known,
            "failures": self.failures,
            "capped": self.capped,
            "error": self.error,
            "problems": list(self.problems),
        }

    @classmethod
    def of(cls, data: dict[str, Any]) -> WatchRun:
        return cls(
            started_at=datetime.fromisoformat(data["started_at"]),
            seconds=float(data.get("seconds", 0.0)),
            fetches=int(data.get("fetches", 0)),
            pages=int(data.get("pages", 0)),
            images=int(data.get("images", 0)),
            matches=int(data.get("matches", 0)),
            sightings=tuple(int(i) for i in data.get("sightings", ())),
            known=int(data.get("known", 0)),
            failures=int(data.get("failures", 0)),
            capped=bool(data.get("capped", False)),
            error=str(data.get("error", "")),
            problems=tuple(str(p) for p in data.get("problems", ())),
        )


@dataclass(frozen=True, slots=True)
class WatchTarget:
    """A page, sitemap or feed the monitor fetches every ``interval_seconds``, matching every
    image it finds against the banks."""

    id: int
    url: str
    host: str
    kind: WatchKind
    interval_seconds: int
    enabled: bool
    created_by: str
    created_at: datetime
    #: When it runs next (its ``watch.run`` job is due then).
    next_run_at: datetime
    last_run_at: datetime | None = None
    last_result: WatchRun | None = None


@dataclass(frozen=True, slots=True)
class NotifierDetails:
    """The person's own details, given only when they authorise the operator to send one notice
    on their behalf. Kept with that notice alone (and its follow-ups), used only in it, and
    forgotten when it closes; never in the feed, history, evidence log or platforms' answers."""

    name: str
    email: str
    #: What the person typed as their signature when authorising.
    signature: str
    phone: str = ""
    address: str = ""


@dataclass(frozen=True, slots=True)
class Notice:
    """A notice to the host of one sighting, under one legal regime, and its clock."""

    id: int
    sighting_id: int
    case_id: int
    #: The case's number, the sighting's URL and host (read with the notice).
    case: str
    url: str
    host: str
    regime: str
    state: NoticeState
    delivery: Delivery
    #: Where it goes (the host's abuse address), or "" until known.
    recipient: str
    #: The person depicted is a minor (the DSA and UK notices then need no contact details).
    minor: bool
    created_at: datetime
    sent_at: datetime | None
    #: When the host should have acted; the copy is fetched again then.
    deadline: datetime | None
    #: When it was removed or withdrawn.
    closed_at: datetime | None
    #: The notice this one follows up (still up after that one's deadline).
    follow_up_of: int | None
    #: When the person authorised the operator to send it on their behalf.
    authorised_at: datetime | None
    #: The Message-ID of the email that carried it.
    message_id: str | None
    notifier: NotifierDetails | None = field(default=None, repr=False)

    @property
    def authorised(self) -> bool:
        return self.authorised_at is not None

    @property
    def closed(self) -> bool:
        return self.state in CLOSED_NOTICE_STATES
