"""The bank: cases, banks and entries (hashes, never images), their history and the delta feed;
and what platforms bring to it: API keys, reports on matches, match counts.

Open one with ``open_store(url)``:

- ``sqlite:///relative/path.db`` or ``sqlite:////absolute/path.db`` (as ``Settings`` writes it);
- ``postgresql://user@host:5432/db`` (also ``postgres://``), any libpq URL.

The PostgreSQL driver is imported only when a PostgreSQL store is opened.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from unshared.bank.models import (
    BANK_KINDS,
    CATEGORIES,
    ENTRY_STATUSES,
    KEY_ROLES,
    REPORT_OUTCOMES,
    SUBJECT_TYPES,
    ApiKey,
    Bank,
    BankKind,
    Case,
    CaseRequest,
    CaseStatus,
    Category,
    Change,
    ChangeOp,
    Entry,
    EntryStatus,
    HistoryEvent,
    ImportSummary,
    KeyRole,
    NewCase,
    Report,
    ReportOutcome,
    ReviewItem,
    SubjectType,
)
from unshared.bank.secrets import hash_pin, new_pin, normalise_case_number, verify_pin
from unshared.bank.sqlite import SQLiteStore
from unshared.bank.store import (
    BankWriter,
    CaseStore,
    ContactStore,
    EntryReader,
    EntryWriter,
    EvidenceReader,
    EvidenceWriter,
    HistoryReader,
    KeyStore,
    NoticeStore,
    Record,
    ReportStore,
    SightingStore,
    Store,
    WatchStore,
)
from unshared.errors import InvalidInput

if TYPE_CHECKING:
    from unshared.bank.postgres import PostgresStore

__all__ = [
    "BANK_KINDS",
    "CATEGORIES",
    "ENTRY_STATUSES",
    "KEY_ROLES",
    "REPORT_OUTCOMES",
    "SUBJECT_TYPES",
    "ApiKey",
    "Bank",
    "BankKind",
    "BankWriter",
    "Case",
    "CaseRequest",
    "CaseStatus",
    "CaseStore",
    "Category",
    "Change",
    "ChangeOp",
    "ContactStore",
    "Entry",
    "EntryReader",
    "EntryStatus",
    "EntryWriter",
    "EvidenceReader",
    "EvidenceWriter",
    "HistoryEvent",
    "HistoryReader",
    "ImportSummary",
    "KeyRole",
    "KeyStore",
    "NewCase",
    "NoticeStore",
    "PostgresStore",
    "Record",
    "Report",
    "ReportOutcome",
    "ReportStore",
    "ReviewItem",
    "SQLiteStore",
    "SightingStore",
    "Store",
    "SubjectType",
    "WatchStore",
    "hash_pin",
    "new_pin",
    "normalise_case_number",
    "open_store",
    "verify_pin",
]


def open_store(url: str) -> Store:
    """The store at ``url``, its schema brought up to date."""
    if not isinstance(url, str):
        raise InvalidInput("a store URL is text: sqlite:///PATH or postgresql://...")
    scheme, sep, rest = url.partition("://")
    if sep and scheme == "sqlite":
        if not rest.startswith("/") or rest == "/":
            raise InvalidInput("a SQLite store URL is sqlite:///PATH (sqlite:////abs/path.db)")
        path = rest[1:].split("?", 1)[0]
        return SQLiteStore(Path(path))
    if sep and scheme in ("postgresql", "postgres"):
        from unshared.bank.postgres import PostgresStore

        return PostgresStore(url)
    raise InvalidInput(
        "a store URL starts sqlite:/// or postgresql://", scheme=scheme if sep else ""
    )


def __getattr__(name: str) -> object:
    # ``PostgresStore`` on first use, so importing the bank does not import the driver.
    if name == "PostgresStore":
        from unshared.bank.postgres import PostgresStore

        return PostgresStore
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
