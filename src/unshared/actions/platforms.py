"""Platforms and operators: API keys, reports on matches, and the review of suspicious hashes.

Nothing a platform does stops an entry from matching: not a flood of matches and not reports.
A hash that matches far more uploads than one person's private image plausibly would may be a
meme or a malicious submission, but it may just as well be a person's image spreading, which is
when protection matters most; and anyone with one platform key, or an abuser uploading the image
again and again, can make a flood. So a flood (more than ``flood_matches`` matched uploads) and
``not_ncii`` reports only put the entry on the operators' review list, weighed by how many
distinct platforms matched or reported it; an operator decides whether it stops matching
(docs/api.md, "Floods and reports").
"""

from __future__ import annotations

import hashlib
import secrets
import threading
import time
from dataclasses import replace
from typing import Protocol

from unshared.bank import KeyStore, ReportStore
from unshared.bank.models import ApiKey, KeyRole, Report, ReportOutcome, ReviewItem
from unshared.errors import Forbidden, Unauthorized

KEY_PREFIX = "unsh_"
NO_KEY = "this needs an API key: Authorization: Bearer <key>"
#: Reports shown with each entry of the review list, newest first.
REVIEW_REPORTS = 5
#: Checked keys remembered at most; past this the expired ones go, then all (a server has a
#: few platforms' keys, so this is only a bound).
KEY_CACHE_MAX = 1024


def key_hash(key: str) -> str:
    """Keys are long random strings, so a plain SHA-256 is enough to store them safely."""
    return hashlib.sha256(key.encode()).hexdigest()


def _permitted(key: ApiKey, admin: bool) -> ApiKey:
    if admin and key.role != "admin":
        raise Forbidden("this needs an operator's key")
    return key


class KeysAndReports(KeyStore, ReportStore, Protocol):
    """What ``Platforms`` uses of the bank: its keys and what platforms report."""


class Platforms:
    """API keys, reports and the review list.

    A checked key is remembered, so a platform's requests do not each read it from the store:

    - while the store says no key was made or revoked since it was read (``keys_marker``,
      on SQLite: a read of about 10 microseconds that never waits, where reading the key
      takes several times that), so a revocation by any process counts for the very next
      request;
    - and for ``key_cache_seconds`` (0: never) whatever the store says: a key revoked through
      this object stops working at once, one revoked by another process (another server over
      the same store) within that time. Only these are known without the store at all
      (``remembered``).
    """

    def __init__(
        self, store: KeysAndReports, flood_matches: int, key_cache_seconds: float = 0.0
    ) -> None:
        self.store = store
        self.flood_matches = flood_matches
        self.key_cache_seconds = key_cache_seconds
        # The hash of a key -> the key's record, until when it is trusted whatever the store
        # says (monotonic), and the store's keys marker from before it was read.
        self._checked: dict[str, tuple[ApiKey, float, tuple[int, int] | None]] = {}
        self._lock = threading.Lock()
        # Revocations made here so far: a key read before one is not remembered after it.
        self._revocations = 0

    def create_key(self, name: str, role: KeyRole, actor: str) -> tuple[ApiKey, str]:
        key = KEY_PREFIX + secrets.token_urlsafe(32)
        return self.store.create_key(name, role, key_hash(key), actor=actor), key

    def revoke_key(self, key_id: int, actor: str) -> ApiKey:
        """Revoke a key in the store; here it stops working at once."""
        revoked = self.store.revoke_key(key_id, actor=actor)
        with self._lock:
            self._revocations += 1
            self._checked = {h: v for h, v in self._checked.items() if v[0].id != key_id}
        return revoked

    def authenticate(self, key: str | None, *, admin: bool = False) -> ApiKey:
        """The record of an active ``key`` (``Unauthorized`` otherwise); ``Forbidden`` unless
        it is an operator's when ``admin``. Reads the key from the store unless it was checked
        within ``key_cache_seconds``, or the store's ``keys_marker`` says no key was made or
        revoked since it was read."""
        if not key:
            raise Unauthorized(NO_KEY)
        # The lookup is by a hash of the key, so its timing says nothing about the key itself.
        digest = key_hash(key)
        entry = self._checked.get(digest)
        if entry is not None:
            record, until, marker = entry
            if until > time.monotonic() or (
                marker is not None and marker == self.store.keys_marker()
            ):
                return _permitted(record, admin)
        revocations = self._revocations
        marker = self.store.keys_marker()  # before the read: a revocation after it moves it
        found = self.store.find_key(digest)
        if found is None or not found.active:
            raise Unauthorized("unknown or revoked API key")
        self._remember(digest, found, revocations, marker)
        return _permitted(found, admin)

    def remembered(self, key: str | None, *, admin: bool = False) -> ApiKey | None:
        """``authenticate`` without the store: the key's record if it was checked within
        ``key_cache_seconds`` (``Forbidden`` as there), else None. An async caller answers
        from this and checks the key in a thread only on a miss."""
        if not key or self.key_cache_seconds <= 0:
            return None
        entry = self._checked.get(key_hash(key))
        if entry is None or entry[1] <= time.monotonic():
            return None
        return _permitted(entry[0], admin)

    def _remember(
        self, digest: str, key: ApiKey, revocations: int, marker: tuple[int, int] | None
    ) -> None:
        if self.key_cache_seconds <= 0 and marker is None:
            return
        now = time.monotonic()
        with self._lock:
            if self._revocations != revocations:  # it may have been this key, read before
                return
            if len(self._checked) >= KEY_CACHE_MAX:
                self._checked = {h: v for h, v in self._checked.items() if v[1] > now}
                if len(self._checked) >= KEY_CACHE_MAX:
                    self._checked = {}
            self._checked[digest] = (key, now + self.key_cache_seconds, marker)

    def report(self, entry_id: int, outcome: ReportOutcome, note: str, key: ApiKey) -> Report:
        report = self.store.add_report(
            entry_id, outcome, key_id=key.id, note=note, actor=f"key:{key.id}"
        )
        return report

    def review(self, limit: int = 100, *, reports: int = REVIEW_REPORTS) -> list[ReviewItem]:
        """What an operator should look at, with entries past the flood line among them, each
        with its newest ``reports`` (0 for none): what the platforms did and their notes, the
        evidence an operator weighs. One read for the list and one for all their reports."""
        items = self.store.review_list(limit, flood_matches=self.flood_matches)
        if not items or reports == 0:
            return items
        found = self.store.latest_reports([item.entry.id for item in items], per_entry=reports)
        return [replace(item, reports=tuple(found.get(item.entry.id, ()))) for item in items]
