"""A bank frozen at one feed change, in memory: what a backlog scan ships to its workers.

``BankSnapshot.of(store)`` reads every bank and every active entry once (the feed's latest
change first, so the copy is at least that new); the snapshot then answers the read-only
``EntryReader`` calls a ``Matcher`` makes, with no store behind it, and pickles (plain
dataclasses) so a distributed engine can send it to other hosts. Its feed is empty: it never
changes. The local features of protect banks travel with it, as their saved file's bytes.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence

from unshared.bank.models import Bank, Change, Entry, EntryStatus
from unshared.bank.store import EntryReader
from unshared.errors import NotFound


class BankSnapshot:
    def __init__(
        self,
        store_id: str,
        seq: int,
        banks: Sequence[Bank],
        rows: Sequence[Entry],
        features: bytes | None = None,
    ) -> None:
        self.store_id, self.seq = store_id, seq
        self.banks = tuple(banks)
        #: Every active entry at ``seq``.
        self.rows = tuple(rows)
        #: The protect banks' local features, ``FeatureIndex.save``'s file; None when none.
        self.features = features
        self._by_id = {e.id: e for e in self.rows}

    @classmethod
    def of(cls, store: EntryReader, store_id: str, features: bytes | None = None) -> BankSnapshot:
        seq = store.latest_seq()
        rows = tuple(store.entries(status="active"))
        return cls(store_id, seq, store.list_banks(), rows, features)

    # -- EntryReader --------------------------------------------------------------------------

    def get_bank(self, name: str) -> Bank:
        for bank in self.banks:
            if bank.name == name:
                return bank
        raise NotFound(f"no bank {name!r}", bank=name)

    def list_banks(self) -> list[Bank]:
        return sorted(self.banks, key=lambda b: b.name)

    def get_entry(self, entry_id: int) -> Entry:
        try:
            return self._by_id[entry_id]
        except KeyError:
            raise NotFound(f"no entry {entry_id} in the snapshot", entry=entry_id) from None

    def get_entries(self, entry_ids: Sequence[int]) -> dict[int, Entry]:
        return {i: self._by_id[i] for i in entry_ids if i in self._by_id}

    def entries(
        self,
        bank: str | None = None,
        status: EntryStatus | None = "active",
        case_id: int | None = None,
        *,
        signal_type: str | None = None,
    ) -> Iterator[Entry]:
        for e in self.rows:
            if (
                (bank is None or e.bank == bank)
                and (status is None or e.status == status)
                and (case_id is None or e.case_id == case_id)
                and (signal_type is None or e.signal_type == signal_type)
            ):
                yield e

    def count_entries(
        self,
        bank: str | None = None,
        status: EntryStatus | None = "active",
        case_id: int | None = None,
        *,
        signal_type: str | None = None,
    ) -> int:
        return sum(1 for _ in self.entries(bank, status, case_id, signal_type=signal_type))

    def find_entries(self, signal_type: str, value: str) -> list[Entry]:
        return [e for e in self.rows if e.signal_type == signal_type and e.value == value]

    def changes(self, after: int = 0, limit: int = 1000) -> list[Change]:
        return []  # frozen: nothing changes after ``seq``

    def latest_seq(self) -> int:
        return self.seq
