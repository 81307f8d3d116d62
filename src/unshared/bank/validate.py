"""Checks on what callers hand the store, shared by every implementation.

Each returns the value in its canonical form or raises a typed error that says what was wrong.
"""

from __future__ import annotations

import json
import re
from collections.abc import Mapping, Sequence
from datetime import datetime
from typing import Any

from unshared.bank.models import (
    BANK_KINDS,
    CATEGORIES,
    ENTRY_STATUSES,
    KEY_ROLES,
    REPORT_OUTCOMES,
    SUBJECT_TYPES,
    BankKind,
    CaseRequest,
    Category,
    EntryStatus,
    KeyRole,
    ReportOutcome,
    SubjectType,
)
from unshared.bank.store import Record
from unshared.errors import InvalidInput, MalformedSignal
from unshared.signals import SIGNAL_TYPES, Signal

_BANK_NAME = re.compile(r"[a-z0-9_-]{1,64}")
_SHA256_HEX = re.compile(r"[0-9a-f]{64}")
#: The largest id either database hands out.
MAX_ID = 2**63 - 1
#: Metadata travels with every match and every export; keep it to notes, not documents.
MAX_METADATA_BYTES = 64 * 1024


def bank_name(name: object) -> str:
    if not isinstance(name, str) or not _BANK_NAME.fullmatch(name):
        raise InvalidInput("a bank name is 1 to 64 of a-z, 0-9, '_' and '-'", name=str(name)[:100])
    return name


def bank_kind(kind: object) -> BankKind:
    if kind not in BANK_KINDS:
        raise InvalidInput(f"a bank kind is one of {', '.join(BANK_KINDS)}", kind=str(kind)[:100])
    return kind


def category(value: object) -> Category | None:
    """An entry's category: one of ``CATEGORIES``, or ``None`` for none."""
    if value is None:
        return None
    if value not in CATEGORIES:
        raise InvalidInput(
            f"a category is one of {', '.join(CATEGORIES)}, or none", category=str(value)[:100]
        )
    return value


def flag(what: str, value: object) -> bool:
    """A yes or no: ``True`` or ``False`` and nothing else (not 1, not "yes")."""
    if not isinstance(value, bool):
        raise InvalidInput(f"{what} is true or false")
    return value


def thresholds(given: Mapping[str, int] | None) -> dict[str, int]:
    """Per signal type, the largest distance that matches: only for types compared by distance,
    and from 0 to the type's width in bits."""
    if given is None:
        return {}
    if not isinstance(given, Mapping):
        raise InvalidInput("thresholds are a mapping of signal type to distance")
    out: dict[str, int] = {}
    for name, value in given.items():
        try:
            _, bits = SIGNAL_TYPES.threshold_range(name)
        except MalformedSignal:
            known = ", ".join(SIGNAL_TYPES.names())
            raise InvalidInput(
                f"no signal type {name!r} (known: {known})", signal=str(name)
            ) from None
        if SIGNAL_TYPES.get(name.split(".", 1)[0]).index_kind == "exact":
            raise InvalidInput(f"{name} matches exactly; it takes no threshold", signal=name)
        if isinstance(value, bool) or not isinstance(value, int) or not 0 <= value <= bits:
            raise InvalidInput(
                f"a {name} threshold is a whole number from 0 to {bits}", signal=name
            )
        out[name] = value
    return out


def entry_status(status: object) -> EntryStatus:
    if status not in ENTRY_STATUSES:
        raise InvalidInput(
            f"an entry status is one of {', '.join(ENTRY_STATUSES)}", status=str(status)[:100]
        )
    return status


def subject_type(value: object) -> SubjectType:
    if value not in SUBJECT_TYPES:
        raise InvalidInput(f"a history subject is one of {', '.join(SUBJECT_TYPES)}")
    return value


def key_role(role: object) -> KeyRole:
    if role not in KEY_ROLES:
        raise InvalidInput(f"a key's role is one of {', '.join(KEY_ROLES)}", role=str(role)[:100])
    return role


def key_hash(value: object) -> str:
    """The SHA-256 of an API key, as lower-case hex: never the key itself."""
    if not isinstance(value, str) or not _SHA256_HEX.fullmatch(value):
        raise InvalidInput("a key hash is the SHA-256 of the key in 64 lower-case hex digits")
    return value


def digest(what: str, value: object) -> str:
    """A SHA-256 digest as lower-case hex (64 digits)."""
    if not isinstance(value, str) or not _SHA256_HEX.fullmatch(value):
        raise InvalidInput(f"{what} is a SHA-256 digest in 64 lower-case hex digits")
    return value


def case_request(request: object) -> CaseRequest:
    """What a new case keeps of the request that made it (see ``bank.retries``)."""
    if not isinstance(request, CaseRequest):
        raise InvalidInput("request is a CaseRequest")
    digest("a request's key hash", request.key_hash)
    digest("a request's hash", request.request_hash)
    if request.sealed_pin is None:
        raise InvalidInput("a new case's request keeps its sealed PIN")
    text("a sealed PIN", request.sealed_pin, max_len=1000, required=True)
    if not isinstance(request.expires_at, datetime) or request.expires_at.tzinfo is None:
        raise InvalidInput("a request's expiry is a time with its time zone")
    return request


def report_outcome(outcome: object) -> ReportOutcome:
    if outcome not in REPORT_OUTCOMES:
        raise InvalidInput(
            f"a report's outcome is one of {', '.join(REPORT_OUTCOMES)}",
            outcome=str(outcome)[:100],
        )
    return outcome


def ids(what: str, given: object) -> list[int]:
    """Distinct ids, in ascending order (the order rows are locked in, so two callers never
    deadlock)."""
    if isinstance(given, (str, bytes)) or not isinstance(given, Sequence):
        raise InvalidInput(f"expected a sequence of {what}s")
    return sorted({row_id(what, value) for value in given})


def signal_type(name: object) -> str:
    if not isinstance(name, str):
        raise MalformedSignal("a signal type is a name such as 'pdq'")
    return SIGNAL_TYPES.get(name).name


def text(what: str, value: object, *, max_len: int = 200, required: bool = False) -> str:
    """Short free text (actor, source, reason): a string, without NUL, of bounded length."""
    if not isinstance(value, str) or "\x00" in value or len(value) > max_len:
        raise InvalidInput(f"{what} is text of at most {max_len} characters")
    try:
        value.encode()
    except UnicodeEncodeError:
        raise InvalidInput(f"{what} is not valid Unicode text") from None
    if required and not value.strip():
        raise InvalidInput(f"{what} is required")
    return value


def whole(what: str, value: object, *, low: int, high: int) -> int:
    if isinstance(value, bool) or not isinstance(value, int) or not low <= value <= high:
        raise InvalidInput(f"{what} is a whole number from {low} to {high}")
    return value


def row_id(what: str, value: object) -> int:
    """An id as either database hands them out: a whole number from 1 to 2**63 - 1."""
    return whole(what, value, low=1, high=MAX_ID)


def signal(value: object) -> Signal:
    """A registered signal, re-read from its hex so its value is known to be well formed."""
    if not isinstance(value, Signal):
        raise MalformedSignal(f"expected a signal (Pdq, Md5, Sha256), got {type(value).__name__}")
    parsed = SIGNAL_TYPES.parse(value.name, value.hex)
    if type(parsed) is not type(value):
        raise MalformedSignal(f"{type(value).__name__} is not the registered {value.name} type")
    return parsed


def metadata(value: Mapping[str, Any] | None) -> dict[str, Any]:
    """Free JSON metadata, normalised to what reading it back from any store gives."""
    if value is None:
        return {}
    if not isinstance(value, Mapping) or not all(isinstance(k, str) for k in value):
        raise InvalidInput("metadata is a JSON object with text keys")
    if not value:
        return {}
    try:
        encoded = json.dumps(dict(value), allow_nan=False, ensure_ascii=False)
        size = len(encoded.encode())  # refuses lone surrogates, which no JSON store takes
    except (TypeError, ValueError) as exc:
        raise InvalidInput(f"metadata must be plain JSON: {exc}") from None
    if size > MAX_METADATA_BYTES:
        raise InvalidInput(f"metadata is at most {MAX_METADATA_BYTES} bytes of JSON")
    # PostgreSQL's jsonb refuses NUL in text; refuse it everywhere so the stores agree.
    if "\\u0000" in encoded and _has_nul(value):
        raise InvalidInput("metadata text may not hold the NUL character")
    decoded: dict[str, Any] = json.loads(encoded)
    return decoded


def _has_nul(value: Any) -> bool:
    if isinstance(value, str):
        return "\x00" in value
    if isinstance(value, Mapping):
        return any(_has_nul(k) or _has_nul(v) for k, v in value.items())
    if isinstance(value, (list, tuple)):
        return any(_has_nul(v) for v in value)
    return False


def records(given: Sequence[Record]) -> list[tuple[Signal, dict[str, Any]]]:
    """``(signal, metadata)`` pairs, each checked as ``signal`` and ``metadata`` check them."""
    if isinstance(given, (str, bytes)) or not isinstance(given, Sequence):
        raise InvalidInput("expected a sequence of (signal, metadata) pairs")
    out: list[tuple[Signal, dict[str, Any]]] = []
    for record in given:
        if not isinstance(record, tuple) or len(record) != 2:
            raise InvalidInput("each record is a (signal, metadata) pair")
        out.append((signal(record[0]), metadata(record[1])))
    return out


_EMAIL = re.compile(r"[^@\s]+@[^@\s]+\.[^@\s.]+")
_HOST = re.compile(r"[a-z0-9._:\[\]-]{1,253}")


def one_of(what: str, value: object, options: Sequence[str]) -> str:
    if value not in options:
        raise InvalidInput(f"{what} is one of {', '.join(options)}")
    return str(value)


def email(value: object) -> str:
    """An address mail can go to: ``name@domain.tld``, at most 254 characters."""
    if not isinstance(value, str) or len(value) > 254 or not _EMAIL.fullmatch(value):
        raise InvalidInput("an email address is name@domain.tld, at most 254 characters")
    return value


def host(value: object) -> str:
    """A URL's host as ``takedown.urls`` writes it: lower-case, IDNA, or an IP address."""
    if not isinstance(value, str) or not _HOST.fullmatch(value):
        raise InvalidInput("a host is a lower-case domain name or IP address")
    return value
