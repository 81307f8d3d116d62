"""A person's case: made from hashes alone, followed and withdrawn with a case number and PIN.

A wrong PIN and an unknown case number give the same answer, so the API cannot be used to find
which case numbers exist.
"""

from __future__ import annotations

import contextlib
import functools
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Protocol

from unshared.bank import (
    BankWriter,
    Case,
    CaseStore,
    Entry,
    EntryReader,
    EntryWriter,
    ReportStore,
    hash_pin,
    new_pin,
    retries,
    verify_pin,
)
from unshared.bank.models import BankKind, Report
from unshared.errors import Conflict, InvalidInput, NotFound, Unauthorized, UnsharedError
from unshared.signals import Signal

#: The bank a person's hashes go into; made on first use.
PERSON_BANK = "ncii"

WRONG = "no case with that number and PIN"


@dataclass(frozen=True, slots=True)
class Created:
    case: Case
    #: Shown to the person once (and again only to a retry with the same idempotency key).
    pin: str = field(repr=False)
    entries: list[Entry]
    #: An earlier request with the same idempotency key made this case; nothing was added now.
    replayed: bool = False


@dataclass(frozen=True, slots=True)
class CaseView:
    case: Case
    entries: list[Entry]
    reports: list[Report]
    #: What the case is for: ``ncii``, intimate images to take down, or ``protect``, a person's
    #: ordinary photos watched for misuse (the kind of the bank its entries are in).
    kind: BankKind = "ncii"


class CaseRecords(CaseStore, EntryReader, EntryWriter, BankWriter, ReportStore, Protocol):
    """What ``Cases`` uses of the bank: cases, their entries, the person bank, their reports."""


class Cases:
    """A person's cases in one bank: ``bank``, of ``kind``, made on first use."""

    def __init__(
        self,
        store: CaseRecords,
        bank: str = PERSON_BANK,
        on_change: Callable[[], object] | None = None,
        *,
        kind: BankKind = "ncii",
        on_withdraw: Callable[[list[Entry]], object] | None = None,
    ) -> None:
        self.store = store
        self.bank = bank
        self.kind = kind
        # Called after each change to entries (``Unshared.catch_up``), so it counts for the
        # very next match.
        self._on_change = on_change or (lambda: None)
        # Called with a case's entries once it is withdrawn (``Unshared.forget_features``).
        self._on_withdraw = on_withdraw or (lambda entries: None)

    def _ensure_bank(self) -> None:
        try:
            bank = self.store.get_bank(self.bank)
        except NotFound:
            with contextlib.suppress(Conflict):  # made by another request meanwhile
                self.store.create_bank(self.bank, self.kind, actor="system")
            bank = self.store.get_bank(self.bank)
        if bank.kind != self.kind:
            raise UnsharedError(
                f"bank {self.bank!r} is a {bank.kind} bank; a person's {self.kind} cases need"
                f" a {self.kind} bank (see the protect_bank setting)"
            )

    def create(
        self,
        images: Sequence[Sequence[Signal]],
        *,
        idempotency_key: str | None = None,
        minor: bool = False,
    ) -> Created:
        """A new case holding the hashes of ``images``, with its PIN (shown once).

        ``minor``: the person in the photos is under 18, or was when they were taken. It is the
        one answer kept about them; every entry of the case then carries the ``minor`` category
        (``bank.models.CATEGORIES``) to platforms, in the feed and in matches.

        The case and all its entries are made in one transaction, so a crash leaves either all
        of them or nothing. With ``idempotency_key`` (see ``bank.retries``) the same request sent
        again gets the same case and PIN back, and adds nothing; ``Conflict`` if the key was
        used for other images or another ``minor``, or if its case was made longer ago than
        ``RETRY_WINDOW``.
        """
        if idempotency_key is not None:
            retries.check_key(idempotency_key)
        self._ensure_bank()
        pin = new_pin()
        request = None
        if idempotency_key is not None:
            request = retries.new_request(
                idempotency_key, images, pin, datetime.now(UTC), minor=minor
            )
        made = self.store.create_case_with_entries(
            hash_pin(pin),
            self.bank,
            [signal for image in images for signal in image],
            source="person",
            actor="person",
            request=request,
            minor=minor,
        )
        if not made.replayed:
            self._on_change()
            return Created(made.case, pin, made.entries)
        kept = made.request
        if idempotency_key is None or kept is None:
            raise UnsharedError("the store answered a retry that was not asked for")
        if kept.sealed_pin is None:
            raise Conflict(
                "this Idempotency-Key made a case more than"
                f" {retries.RETRY_WINDOW.total_seconds() / 3600:g} hours ago, and its PIN is no"
                " longer kept; draw a new key to make a new case"
            )
        pin = retries.open_pin(idempotency_key, kept.sealed_pin, kept.request_hash)
        return Created(made.case, pin, made.entries, replayed=True)

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
        return CaseView(case, entries, reports, self._kind(entries))

    def _kind(self, entries: Sequence[Entry]) -> BankKind:
        banks = {entry.bank for entry in entries}
        kinds = {self.kind if b == self.bank else self.store.get_bank(b).kind for b in banks}
        return "protect" if "protect" in kinds else "ncii"

    def add(self, case: Case, images: Sequence[Sequence[Signal]]) -> list[Entry]:
        if case.status != "active":
            raise Conflict("this case is withdrawn; make a new one to add photos")
        self._ensure_bank()
        if self._kind(list(self.store.entries(case_id=case.id, status=None))) != self.kind:
            # A case is one thing: photos to take down, or ordinary photos to protect.
            raise Conflict(
                f"this case is not a {self.kind} case: add its photos as the case's own kind",
                kind=self.kind,
            )
        # One transaction for all the images: a crash adds all of them or none.
        entries = self.store.add_entries(
            self.bank,
            [signal for image in images for signal in image],
            case_id=case.id,
            source="person",
            actor="person",
        )
        self._on_change()
        return entries

    def withdraw(self, case: Case) -> Case:
        withdrawn = self.store.withdraw_case(case.id, actor="person")
        self._on_change()
        self._on_withdraw(list(self.store.entries(case_id=case.id, status=None)))
        return withdrawn


@functools.cache
def _dummy_hash() -> str:
    return hash_pin("not-a-real-pin")
