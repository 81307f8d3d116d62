"""The service's JSON answers read into the library's models: the one place ``Client`` parses.

A platform's verdict is ``unshared.match.Verdict``, a feed page ``FeedPage`` of ``Change``s, an
entry ``Entry``, a key ``ApiKey``: the same objects the library hands out, so code written
against ``Unshared`` reads the service's answers the same way. A person's case has models of its
own here, because the service tells a person less than the bank holds (never the hashes' values
or the case's id): ``NewCaseReply`` and ``CaseReply``.

A field the models have and the answer does not (a feed change's case, which a platform never
learns; a report's key) is ``None``. An answer that lacks a field the model needs raises
``UnsharedError`` naming the call, not a ``KeyError``.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any, TypeVar

from unshared.bank.models import (
    CATEGORIES,
    ApiKey,
    Bank,
    CaseStatus,
    Category,
    Change,
    Entry,
    EntryStatus,
    FeedPage,
    HistoryEvent,
    Report,
    ReportOutcome,
    ReviewItem,
)
from unshared.errors import UnsharedError
from unshared.match import Verdict
from unshared.match.policy import Match
from unshared.signals import Md5, Pdq, Sha256, SignalSet

T = TypeVar("T")
Json = Mapping[str, Any]


@dataclass(frozen=True, slots=True)
class NewCaseReply:
    """A case just made: its number and the PIN, shown this once; keep them together."""

    number: str
    pin: str = field(repr=False)
    status: CaseStatus
    #: Hashes the case holds.
    hashes: int
    #: The case is a minor's: its hashes carry the ``minor`` category to platforms.
    minor: bool = False


@dataclass(frozen=True, slots=True)
class CaseHash:
    """One hash of a person's case, as they see it: which entry, of what type, and its status."""

    entry_id: int
    signal_type: str
    status: EntryStatus
    added_at: datetime


@dataclass(frozen=True, slots=True)
class CaseReport:
    """What a platform did about a match on one of the case's hashes."""

    entry_id: int
    outcome: ReportOutcome
    at: datetime


@dataclass(frozen=True, slots=True)
class CaseReply:
    """A person's case as the service shows it to them with their PIN."""

    number: str
    status: CaseStatus
    created_at: datetime
    withdrawn_at: datetime | None
    hashes: tuple[CaseHash, ...]
    reports: tuple[CaseReport, ...]
    #: The person said they are under 18, or were when the photos were taken.
    minor: bool = False


def read(what: str, parse: Callable[[Any], T], body: Any) -> T:
    """``parse(body)``, with a malformed answer as ``UnsharedError`` naming ``what``."""
    try:
        return parse(body)
    except (KeyError, TypeError, ValueError, AttributeError) as exc:
        raise UnsharedError(f"{what}: the server's answer is not as expected ({exc!r})") from None


def _at(value: Any) -> datetime:
    return datetime.fromisoformat(str(value))


def _at_or_none(value: Any) -> datetime | None:
    return None if value is None else _at(value)


def new_case(body: Json) -> NewCaseReply:
    return NewCaseReply(
        str(body["case"]),
        str(body["pin"]),
        body["status"],
        int(body["hashes"]),
        minor=_flag(body.get("minor", False)),
    )


def _flag(value: Any) -> bool:
    if not isinstance(value, bool):
        raise TypeError(f"expected true or false, got {value!r}")
    return value


def _category(value: Any) -> Category | None:
    """A category as the service names it; one this version does not know is an error, never
    dropped: it may carry a duty the caller must not miss."""
    if value is None or value in CATEGORIES:
        return value  # type: ignore[no-any-return]
    raise ValueError(f"unknown category {value!r}: upgrade Unshared")


def case(body: Json) -> CaseReply:
    return CaseReply(
        number=str(body["case"]),
        status=body["status"],
        created_at=_at(body["created_at"]),
        withdrawn_at=_at_or_none(body["withdrawn_at"]),
        hashes=tuple(
            CaseHash(int(h["entry"]), str(h["signal"]), h["status"], _at(h["added_at"]))
            for h in body["hashes"]
        ),
        reports=tuple(
            CaseReport(int(r["entry"]), r["outcome"], _at(r["at"])) for r in body["reports"]
        ),
        minor=_flag(body.get("minor", False)),
    )


def _match(body: Json) -> Match:
    return Match(
        bank=str(body["bank"]),
        bank_kind=str(body["bank_kind"]),
        entry=int(body["entry"]),
        signal=str(body["signal"]),
        distance=int(body["distance"]),
        variant=str(body["variant"]),
        metadata=dict(body.get("metadata") or {}),
        category=_category(body.get("category")),
    )


def verdict(body: Json) -> Verdict:
    """``matched`` and ``suppressed`` follow from the matches, as they do on the server."""
    return Verdict(
        matches=tuple(_match(m) for m in body["matches"]),
        allowed=tuple(_match(m) for m in body["allowed"]),
        notes=tuple(str(n) for n in body["notes"]),
    )


def image_verdict(body: Json) -> tuple[SignalSet, Verdict]:
    """The verdict on an image sent whole, and the image's own hashes."""
    hashes = body["hashes"]
    signals = SignalSet(
        pdq=Pdq.from_hex(hashes["pdq"]),
        quality=int(hashes["quality"]),
        md5=Md5.from_hex(hashes["md5"]),
        sha256=Sha256.from_hex(hashes["sha256"]),
    )
    return signals, verdict(body)


def video_verdict(body: Json) -> tuple[dict[str, Any], Verdict]:
    """The verdict on a video sent whole, and the video's own hashes as the server gave them."""
    return dict(body["hashes"]), verdict(body)


def bank(body: Json) -> Bank:
    return Bank(
        id=int(body["id"]),
        name=str(body["name"]),
        kind=body["kind"],
        thresholds={str(k): int(v) for k, v in body["thresholds"].items()},
        created_at=_at(body["created_at"]),
    )


def bank_count(body: Json) -> tuple[Bank, int]:
    """A bank and its count of active entries, as ``Unshared.list_banks`` gives them."""
    return bank(body), int(body["active_entries"])


def _change(body: Json) -> Change:
    return Change(
        seq=int(body["seq"]),
        op=body["op"],
        entry_id=int(body["entry"]),
        bank=str(body["bank"]),
        signal_type=str(body["signal"]),
        value=str(body["value"]),
        status=body["status"],
        case_id=None,  # never told to a platform
        at=_at(body["at"]),
        category=_category(body.get("category")),
    )


def feed(body: Json) -> FeedPage:
    """A page of the feed; ``banks`` holds the banks its changes are in."""
    return FeedPage(
        store=str(body["store"]),
        changes=[_change(c) for c in body["changes"]],
        banks={str(name): bank(b) for name, b in (body.get("banks") or {}).items()},
        next=int(body["next"]),
        latest=int(body["latest"]),
    )


def report(body: Json) -> Report:
    return Report(
        id=int(body["id"]),
        entry_id=int(body["entry"]),
        case_id=None,  # a platform never learns the case
        key_id=None,
        outcome=body["outcome"],
        note=str(body["note"]),
        at=_at(body["at"]),
    )


def key(body: Json) -> ApiKey:
    return ApiKey(
        id=int(body["id"]),
        name=str(body["name"]),
        role=body["role"],
        created_at=_at(body["created_at"]),
        revoked_at=_at_or_none(body["revoked_at"]),
    )


def new_key(body: Json) -> tuple[ApiKey, str]:
    """A key just made, and the key itself (in this answer only)."""
    return key(body), str(body["key"])


def entry(body: Json) -> Entry:
    return Entry(
        id=int(body["id"]),
        bank=str(body["bank"]),
        bank_id=int(body["bank_id"]),
        case_id=None if body["case"] is None else int(body["case"]),
        signal_type=str(body["signal"]),
        value=str(body["value"]),
        status=body["status"],
        source=str(body["source"]),
        added_at=_at(body["added_at"]),
        metadata=dict(body["metadata"]),
        category=_category(body.get("category")),
    )


def review_item(body: Json) -> ReviewItem:
    return ReviewItem(
        entry=entry(body["entry"]),
        matches=int(body["matches"]),
        not_ncii_reports=int(body["not_ncii_reports"]),
        not_ncii_platforms=int(body["not_ncii_platforms"]),
        platforms=int(body["platforms"]),
        flooded=bool(body["flooded"]),
    )


def event(body: Json) -> HistoryEvent:
    return HistoryEvent(
        id=int(body["id"]),
        at=_at(body["at"]),
        actor=str(body["actor"]),
        action=str(body["action"]),
        subject_type=body["subject_type"],
        subject_id=int(body["subject_id"]),
        detail=dict(body["detail"]),
    )


def status(body: Json) -> str:
    """``/healthz`` and ``/readyz``: their ``status`` word."""
    return str(body["status"])
