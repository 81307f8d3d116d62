"""A person's case: made from hashes alone, followed and withdrawn with a case number and PIN.

A wrong PIN and an unknown case number give the same answer, so the API cannot be used to find
which case numbers exist.
"""

from __future__ import annotations

import contextlib
import functools
from collections.abc import Sequence
from dataclasses import dataclass

from unshared.bank import Case, Entry, Store, hash_pin, new_pin, verify_pin
from unshared.bank.models import Report
from unshared.errors import Conflict, InvalidInput, NotFound, Unauthorized
from unshared.signals import Signal

#: The bank a person's hashes go into; made on first use.
PERSON_BANK = "ncii"

WRONG = "no case with that number and PIN"


@dataclass(frozen=True, slots=True)
class CaseView:
    case: Case
    entries: list[Entry]
    reports: list[Report]


class Cases:
    def __init__(self, store: Store, bank: str = PERSON_BANK) -> None:
        self.store = store
        self.bank = bank

    def _ensure_bank(self) -> None:
        try:
            self.store.get_bank(self.bank)
        except NotFound:
            with contextlib.suppress(Conflict):  # made by another request meanwhile
                self.store.create_bank(self.bank, "ncii", actor="system")

    def create(self, images: Sequence[Sequence[Signal]]) -> tuple[Case, str, list[Entry]]:
        """A new case holding the hashes of ``images``; returns it with its PIN (shown once)."""
        self._ensure_bank()
        pin = new_pin()
        case = self.store.create_case(hash_pin(pin), actor="person")
        entries = self._add(case, images)
        return case, pin, entries

    def open(self, number: str, pin: str) -> Case:
        """The case, if the PIN is right; ``Unauthorized`` otherwise, with one message for both."""
        try:
            case = self.store.get_case(number)
        except (NotFound, InvalidInput):
            # Spend the same time as a real check, so timing does not tell numbers apart.
            verify_pin(pin, _dummy_hash())
            raise Unauthorized(WRONG) from None
        if not verify_pin(pin, case.pin_hash):
            raise Unauthorized(WRONG)
        return case

    def view(self, case: Case) -> CaseView:
        entries = list(self.store.entries(case_id=case.id, status=None))
        reports = self.store.reports(case_id=case.id, limit=500)
        return CaseView(case, entries, reports)

    def add(self, case: Case, images: Sequence[Sequence[Signal]]) -> list[Entry]:
        if case.status != "active":
            raise Conflict("this case is withdrawn; make a new one to add photos")
        self._ensure_bank()
        return self._add(case, images)

    def withdraw(self, case: Case) -> Case:
        return self.store.withdraw_case(case.id, actor="person")

    def _add(self, case: Case, images: Sequence[Sequence[Signal]]) -> list[Entry]:
        entries: list[Entry] = []
        for signals in images:
            entries += self.store.add_entries(
                self.bank,
                list(signals),
                case_id=case.id,
                source="person",
                actor="person",
            )
        return entries


@functools.cache
def _dummy_hash() -> str:
    return hash_pin("not-a-real-pin")
