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
from dataclasses import replace
from typing import Protocol

from unshared.bank import KeyStore, ReportStore
from unshared.bank.models import ApiKey, KeyRole, Report, ReportOutcome, ReviewItem
from unshared.errors import Forbidden, Unauthorized

KEY_PREFIX = "unsh_"
#: Reports shown with each entry of the review list, newest first.
REVIEW_REPORTS = 5


def key_hash(key: str) -> str:
    """Keys are long random strings, so a plain SHA-256 is enough to store them safely."""
    return hashlib.sha256(key.encode()).hexdigest()


class KeysAndReports(KeyStore, ReportStore, Protocol):
    """What ``Platforms`` uses of the bank: its keys and what platforms report."""


class Platforms:
    def __init__(self, store: KeysAndReports, flood_matches: int) -> None:
        self.store = store
        self.flood_matches = flood_matches

    def create_key(self, name: str, role: KeyRole, actor: str) -> tuple[ApiKey, str]:
        key = KEY_PREFIX + secrets.token_urlsafe(32)
        return self.store.create_key(name, role, key_hash(key), actor=actor), key

    def authenticate(self, key: str | None, *, admin: bool = False) -> ApiKey:
        if not key:
            raise Unauthorized("this needs an API key: Authorization: Bearer <key>")
        # The lookup is by a hash of the key, so its timing says nothing about the key itself.
        found = self.store.find_key(key_hash(key))
        if found is None or not found.active:
            raise Unauthorized("unknown or revoked API key")
        if admin and found.role != "admin":
            raise Forbidden("this needs an operator's key")
        return found

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
