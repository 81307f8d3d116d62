"""Platforms and operators: API keys, reports on matches, and the review of suspicious hashes.

A hash that matches far more uploads than one person's private image plausibly would is a meme or
a malicious submission: past ``flood_matches`` it is quarantined (it stops matching) and put on
the operators' review list, as is any hash a platform reports as ``not_ncii``.
"""

from __future__ import annotations

import contextlib
import hashlib
import secrets
from collections.abc import Sequence

from unshared.bank import Store
from unshared.bank.models import ApiKey, KeyRole, Report, ReportOutcome
from unshared.errors import Conflict, Forbidden, Unauthorized
from unshared.match import Verdict

KEY_PREFIX = "unsh_"


def key_hash(key: str) -> str:
    """Keys are long random strings, so a plain SHA-256 is enough to store them safely."""
    return hashlib.sha256(key.encode()).hexdigest()


class Platforms:
    def __init__(self, store: Store, flood_matches: int) -> None:
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

    def record(self, verdict: Verdict) -> list[int]:
        """Count the matches of one verdict; quarantine the entries that passed the flood line.

        Returns the ids of entries quarantined now.
        """
        ids: Sequence[int] = [m.entry for m in verdict.matches]
        if not ids:
            return []
        totals = self.store.record_matches(ids)
        # Only on crossing the line: an operator who reviews and re-enables an entry is obeyed.
        flooded = [entry for entry, total in totals.items() if total == self.flood_matches + 1]
        for entry in flooded:
            with contextlib.suppress(Conflict):  # withdrawn meanwhile: nothing to hold
                self.store.set_entry_status(
                    entry,
                    "quarantined",
                    actor="system",
                    reason=f"matched more than {self.flood_matches} uploads",
                )
        return flooded
