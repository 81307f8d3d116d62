"""The bank's evidence bundles: a case's log sealed with the bank's Ed25519 key
(``takedown.evidence``), for investigators, courts and hosts; ``Unshared.evidence``."""

from __future__ import annotations

import threading
from dataclasses import replace
from datetime import UTC, datetime
from pathlib import Path

from unshared.bank import Store
from unshared.config import Settings
from unshared.takedown.evidence import BankKey, Exported, PublicKey


class Evidence:
    def __init__(self, store: Store, settings: Settings) -> None:
        self.store = store
        self.settings = settings
        self._key: BankKey | None = None
        self._lock = threading.Lock()

    @property
    def bank_key(self) -> BankKey:
        """The key that signs this bank's evidence bundles (``evidence_key``), made on first
        use; every process over the same data folder gets the same one."""
        with self._lock:
            if self._key is None:
                self.settings.home.mkdir(mode=0o700, parents=True, exist_ok=True)
                self._key = BankKey.load_or_create(self.settings.resolved_evidence_key)
            return self._key

    def public_key(self) -> PublicKey:
        """The public key investigators check evidence bundles with."""
        return self.bank_key.public

    def bundle(self, number: str) -> tuple[bytes, Exported]:
        """Case ``number``'s evidence bundle, sealed now with the bank's key: its log (every
        sighting, fetch, notice, response and removal) and its registered hashes, never an
        image (docs/takedown.md, "Evidence"); and what it holds."""
        from unshared.takedown.chain import timestamp
        from unshared.takedown.evidence import seal

        store = self.store
        case = store.get_case(number)
        records = store.evidence_records(case.id)
        entries = [
            {"entry": e.id, "type": e.signal_type, "hash": e.value}
            for e in sorted(store.entries(case_id=case.id, status=None), key=lambda e: e.id)
        ]
        exported_at = timestamp(datetime.now(UTC))
        data = seal(
            records,
            self.bank_key,
            case=case.number,
            store_id=store.store_id(),
            exported_at=exported_at,
            entries=entries,
        )
        return data, Exported.of(case.number, records, exported_at, len(data))

    def export(self, number: str, path: Path) -> Exported:
        """Write case ``number``'s evidence bundle to ``path`` (all of it, or nothing)."""
        from unshared.takedown.evidence import write_file

        data, exported = self.bundle(number)
        write_file(path, data)
        return replace(exported, path=path)
