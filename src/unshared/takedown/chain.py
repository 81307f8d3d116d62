"""The evidence log's links: each record holds the hash of the one before it.

A record is a JSON object ``{"case", "seq", "at", "kind", "data", "prev"}``: the case number,
its place in the case's log (1, 2, ...), when it happened (UTC, ``2026-11-30T23:54:44.123456Z``),
what happened (``sighting.reported``, ``fetch``, ``notice.sent``, ...), what is known of it, and
the ``digest`` of the record before it (``GENESIS`` for the first). Changing any byte of a record
changes its digest, so the next record's ``prev`` no longer agrees: the store appends records
this way as things happen, and ``unshared evidence verify`` checks a bundle of them offline.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Mapping
from datetime import UTC, datetime
from typing import Any

#: The ``prev`` of a case's first record.
GENESIS = "0" * 64

FIELDS = ("case", "seq", "at", "kind", "data", "prev")


def canonical(record: Mapping[str, Any]) -> bytes:
    """The bytes a record's digest is taken over: its ``FIELDS`` only, as JSON with sorted keys,
    no spaces and UTF-8 text (RFC 8785's shape for the values a record holds)."""
    return json.dumps(
        {name: record[name] for name in FIELDS},
        sort_keys=True,
        separators=(",", ":"),
        ensure_ascii=False,
        allow_nan=False,
    ).encode()


def digest(record: Mapping[str, Any]) -> str:
    """SHA-256 of ``canonical(record)``, lower-case hex."""
    return hashlib.sha256(canonical(record)).hexdigest()


def timestamp(at: datetime) -> str:
    """A record's ``at``: UTC with microseconds and a ``Z``."""
    return at.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%S.%fZ")


def link(
    case: str, seq: int, at: datetime, kind: str, data: Mapping[str, Any], prev: str
) -> dict[str, Any]:
    """The record that follows the one whose digest is ``prev`` (``GENESIS`` for ``seq`` 1)."""
    return {
        "case": case,
        "seq": seq,
        "at": timestamp(at),
        "kind": kind,
        "data": dict(data),
        "prev": prev,
    }
