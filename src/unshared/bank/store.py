"""The storage protocols, one per concern. Functions take the narrowest ones they use.

- ``EntryReader``: banks, entries and the delta feed, read (the index and the matcher).
- ``BankWriter``, ``EntryWriter``: making banks; adding entries and changing their status.
- ``CaseStore``: a person's cases.
- ``KeyStore``: API keys. ``ReportStore``: reports on matches, match counts, the review list.
- ``HistoryReader``: the append-only history.
- ``SightingStore``: where copies of a case's images were seen, and each check of them.
- ``ContactStore``: hosts' abuse contacts. ``EvidenceReader``: each case's evidence log.
- ``WatchStore``: the monitor's watch targets, when each runs next and what its last run found.
- ``NoticeStore``: notices to hosts, their states and clocks.
- ``JobStore`` (``unshared.takedown.schedule``): the scheduler's jobs, leased.
- ``Store``: all of them, and the store itself (its id, its schema, closing it).

``SQLiteStore`` and ``PostgresStore`` implement ``Store``; ``tests/bank/test_store_contract.py``
holds both to the same contract.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping, Sequence
from datetime import datetime
from types import TracebackType
from typing import Any, Protocol, Self

from unshared.bank.models import (
    ApiKey,
    Bank,
    BankKind,
    Case,
    CaseRequest,
    Category,
    Change,
    Contact,
    Delivery,
    Entry,
    EntryStatus,
    Fetch,
    FetchFacts,
    HistoryEvent,
    ImportSummary,
    KeyRole,
    NewCase,
    Notice,
    NoticeState,
    NotifierDetails,
    Report,
    Reporter,
    ReportOutcome,
    ReviewItem,
    Sighting,
    SightingStatus,
    WatchKind,
    WatchRun,
    WatchTarget,
)
from unshared.signals import Signal
from unshared.takedown.schedule import JobStore

#: One parsed line of an import: the hash and the metadata to keep with it.
Record = tuple[Signal, Mapping[str, Any]]


class EntryReader(Protocol):
    """Read-only access to banks, entries and the delta feed."""

    def get_bank(self, name: str) -> Bank:
        """The bank called ``name``; ``NotFound`` if there is none."""
        ...

    def list_banks(self) -> list[Bank]:
        """Every bank, by name."""
        ...

    def get_entry(self, entry_id: int) -> Entry:
        """One entry, any status; ``NotFound`` if there is none."""
        ...

    def get_entries(self, entry_ids: Sequence[int]) -> dict[int, Entry]:
        """The entries with these ids, any status, in one read (a matcher's candidates); an id
        with no entry is left out."""
        ...

    def entries(
        self,
        bank: str | None = None,
        status: EntryStatus | None = "active",
        case_id: int | None = None,
        *,
        signal_type: str | None = None,
    ) -> Iterator[Entry]:
        """Entries in id order, streamed a page at a time; ``None`` means any.

        Not a snapshot: pair it with the feed (take ``latest_seq()`` first, then apply
        ``changes(after=that)``) to build a copy that stays exact.
        """
        ...

    def count_entries(
        self,
        bank: str | None = None,
        status: EntryStatus | None = "active",
        case_id: int | None = None,
        *,
        signal_type: str | None = None,
    ) -> int: ...

    def find_entries(self, signal_type: str, value: str) -> list[Entry]:
        """Every entry, any status, bank or case, with exactly this hash."""
        ...

    def changes(self, after: int = 0, limit: int = 1000) -> list[Change]:
        """Feed changes with ``seq > after``, oldest first, at most ``limit`` (1 to 10,000)."""
        ...

    def latest_seq(self) -> int:
        """The ``seq`` of the newest change, 0 before the first."""
        ...


class BankWriter(Protocol):
    """Making banks."""

    def create_bank(
        self,
        name: str,
        kind: BankKind = "ncii",
        thresholds: Mapping[str, int] | None = None,
        actor: str = "system",
    ) -> Bank:
        """A new bank. ``Conflict`` if the name is taken; ``InvalidInput`` for a bad name
        (``[a-z0-9_-]{1,64}``), kind or threshold."""
        ...


class EntryWriter(Protocol):
    """Adding entries and changing their status, each with its feed changes and history."""

    def add_entries(
        self,
        bank: str,
        signals: Sequence[Signal],
        *,
        case_id: int | None = None,
        source: str = "",
        metadata: Mapping[str, Any] | None = None,
        actor: str = "system",
        category: Category | None = None,
    ) -> list[Entry]:
        """Add ``signals`` to ``bank`` in one transaction, one entry each, all with ``metadata``
        and ``category``; every entry of a minor's case is ``minor`` whatever ``category`` says.

        A signal already in the bank for the same case (or for no case, if ``case_id`` is ``None``)
        and not withdrawn is not added again: the existing entry comes back in its place, with its
        status, so a hash an operator disabled or quarantined stays so. Returns one entry per
        signal, in order. ``Conflict`` if the case is withdrawn.
        """
        ...

    def add_records(
        self,
        bank: str,
        records: Sequence[Record],
        *,
        case_id: int | None = None,
        source: str = "",
        actor: str = "system",
        category: Category | None = None,
    ) -> list[Entry]:
        """``add_entries`` with metadata of its own for each signal."""
        ...

    def import_records(
        self,
        bank: str,
        records: Iterable[Record],
        *,
        source: str = "",
        actor: str = "system",
        batch_size: int = 1000,
        category: Category | None = None,
    ) -> ImportSummary:
        """Stream ``records`` into ``bank``, one transaction per ``batch_size`` records, each
        entry with ``category``.

        A failure keeps the batches before it; importing the same file again is safe, because
        records already in the bank (and not withdrawn) are not added twice.
        """
        ...

    def set_entry_status(
        self, entry_id: int, status: EntryStatus, *, actor: str, reason: str = ""
    ) -> Entry:
        """Disable, quarantine, withdraw or re-enable one entry.

        Setting the status it already has changes nothing. ``withdrawn`` is final: ``Conflict``
        for any change to a withdrawn entry.
        """
        ...


class CaseStore(Protocol):
    """A person's cases: made (with their entries), found by number, withdrawn."""

    def create_case(self, pin_hash: str, actor: str = "person", *, minor: bool = False) -> Case:
        """A new active case with a fresh unique number; ``pin_hash`` comes from ``hash_pin``.
        ``minor``: the person is under 18, or was when the photos were taken (``Case.minor``);
        history ``case.create`` records it.

        A person's case is made with ``create_case_with_entries``, so that it is never seen
        without its hashes nor its hashes without it."""
        ...

    def create_case_with_entries(
        self,
        pin_hash: str,
        bank: str,
        signals: Sequence[Signal],
        *,
        source: str = "",
        actor: str = "person",
        request: CaseRequest | None = None,
        minor: bool = False,
    ) -> NewCase:
        """A new active case holding ``signals`` in ``bank``, all in ONE transaction with their
        feed changes and history: a failure anywhere (an unknown bank, a crash) leaves no case and
        no entry. Entries are one per signal, in order, as ``add_entries`` gives them; a
        ``minor`` case's are all ``minor`` (see ``create_case``).

        ``request`` (see ``bank.retries``) is kept with the case. If a case was already made
        with its ``key_hash``, nothing is added: that case comes back with ``replayed=True``,
        its entries for ``signals`` and the request kept the first time; ``Conflict`` if that
        one's ``request_hash`` differs, or the case's ``minor`` does. Each call first forgets
        the sealed PINs whose ``expires_at`` has passed (the hashes stay, so a key is never
        used for a second case).
        """
        ...

    def get_case(self, number: str) -> Case:
        """The case with this number, as a person may type it; ``NotFound`` if there is none."""
        ...

    def get_case_by_id(self, case_id: int) -> Case: ...

    def withdraw_case(self, case_id: int, actor: str = "person") -> Case:
        """Withdraw the case and every entry of it not already withdrawn, in one transaction.

        Idempotent: withdrawing a withdrawn case changes nothing and returns it.
        """
        ...


class KeyStore(Protocol):
    """API keys, kept only as the SHA-256 of each key."""

    def create_key(
        self, name: str, role: KeyRole, key_hash: str, actor: str = "operator"
    ) -> ApiKey:
        """A new active key. ``key_hash`` is the SHA-256 of the key in lower-case hex; the key
        itself is never given to the store. ``name`` is 1 to 100 characters and need not be
        unique (a platform rotating its key holds two for a while). ``Conflict`` if a key with
        this hash exists; ``InvalidInput`` for a bad name, role or hash. History: ``key.create``.
        """
        ...

    def list_keys(self) -> list[ApiKey]:
        """Every key, revoked ones too, by id."""
        ...

    def revoke_key(self, key_id: int, actor: str = "operator") -> ApiKey:
        """Revoke a key for good; ``NotFound`` if there is none. Idempotent: revoking a revoked
        key changes nothing and returns it. History: ``key.revoke``."""
        ...

    def find_key(self, key_hash: str) -> ApiKey | None:
        """The key with this hash, revoked or not (check ``.active``); ``None`` if there is none."""
        ...

    def keys_marker(self) -> tuple[int, int] | None:
        """A value that changes whenever a key is made or revoked, by any process, read at once
        (never waiting for a lock or the network); None when the store cannot read it so.
        A key read after the marker was taken is still as read while the marker is unchanged:
        a server checks this, not the key, on each request (``actions.platforms``)."""
        ...


class ReportStore(Protocol):
    """What platforms bring back: reports on matches, match counts, the review list they feed."""

    def add_report(
        self,
        entry_id: int,
        outcome: ReportOutcome,
        *,
        key_id: int | None,
        note: str = "",
        actor: str,
    ) -> Report:
        """Record what a platform did about a match on an entry (any status), and an
        ``entry.report`` history event on the entry. ``NotFound`` for an unknown entry or key;
        ``note`` is at most 1,000 characters."""
        ...

    def reports(
        self,
        *,
        entry_id: int | None = None,
        case_id: int | None = None,
        outcome: str | None = None,
        limit: int = 100,
    ) -> list[Report]:
        """Reports, newest first, at most ``limit`` (1 to 1,000); ``None`` means any."""
        ...

    def latest_reports(
        self, entry_ids: Sequence[int], *, per_entry: int = 5
    ) -> dict[int, list[Report]]:
        """Each entry's newest reports, newest first, at most ``per_entry`` (1 to 100) each, read
        at once for all of ``entry_ids`` (so a list of entries costs one query, not one each).
        An entry with no reports, or no entry at all, is left out."""
        ...

    def record_matches(
        self, entry_ids: Sequence[int], *, key_id: int | None = None
    ) -> dict[int, int]:
        """Add one match to each entry in ``entry_ids`` (once each, however often it is given),
        in one short transaction; each one's new total. With ``key_id``, also note that this
        key's platform has matched each entry (distinct platforms are what the review list
        weighs). Exact however many callers count at once. ``NotFound``, with nothing counted,
        if an id has no entry or the key is unknown. Counting never changes an entry's status."""
        ...

    def match_counts(self, entry_ids: Sequence[int]) -> dict[int, int]:
        """Each entry's total so far; 0 for one never matched (or not there at all)."""
        ...

    def review_list(
        self, limit: int = 100, *, flood_matches: int | None = None
    ) -> list[ReviewItem]:
        """Entries for an operator to look at, none withdrawn: quarantined ones (an operator's
        decision), ones reported ``not_ncii`` at least once, and, when ``flood_matches`` is given,
        ones that matched more uploads than that. Most distinct platforms reporting ``not_ncii``
        first, then most such reports, then most distinct platforms matching, then most matches,
        then oldest; at most ``limit`` (1 to 1,000)."""
        ...


class HistoryReader(Protocol):
    """The append-only history of every write."""

    def history(
        self,
        subject_type: str | None = None,
        subject_id: int | None = None,
        *,
        before: int | None = None,
        limit: int = 100,
    ) -> list[HistoryEvent]:
        """History events, newest first, optionally for one subject, with ``id < before``."""
        ...


class SightingStore(Protocol):
    """Sightings and their fetches; each write appends its records to the case's evidence log
    in the same transaction."""

    def add_sighting(
        self,
        case_id: int,
        url: str,
        host: str,
        reported_by: Reporter,
        *,
        key_id: int | None = None,
        actor: str,
    ) -> Sighting:
        """A new sighting (status ``reported``) with its ``sighting.reported`` evidence record
        and a ``sighting.report`` history event. A URL already reported for the case gives the
        existing sighting back, unchanged. ``NotFound`` for an unknown case or key; ``Conflict``
        if the case is withdrawn; ``InvalidInput`` for a URL over 2,048 characters."""
        ...

    def get_sighting(self, sighting_id: int) -> Sighting:
        """One sighting; ``NotFound`` if there is none."""
        ...

    def sightings(
        self,
        *,
        case_id: int | None = None,
        status: SightingStatus | None = None,
        host: str | None = None,
        limit: int = 100,
    ) -> list[Sighting]:
        """Sightings, newest first, at most ``limit`` (1 to 1,000); ``None`` means any."""
        ...

    def record_fetch(
        self, sighting_id: int, facts: FetchFacts, status: SightingStatus, *, actor: str
    ) -> tuple[Sighting, Fetch]:
        """Record one verification and set the sighting's status, matched entry and distance,
        in one transaction with a ``fetch`` evidence record (and ``sighting.status`` when the
        status changed). ``Conflict`` if ``facts.entry_id`` is not the sighting's case's."""
        ...

    def fetches(self, sighting_id: int, limit: int = 100) -> list[Fetch]:
        """A sighting's fetches, newest first."""
        ...


class ContactStore(Protocol):
    """Where notices about a host go."""

    def set_contact(self, host: str, email: str, *, actor: str) -> Contact:
        """Set (or replace) a host's abuse address; history ``contact.set``."""
        ...

    def get_contact(self, host: str) -> Contact | None: ...

    def contacts(self) -> list[Contact]:
        """Every contact, by host."""
        ...


class EvidenceReader(Protocol):
    """Each case's append-only evidence log, as ``unshared.takedown.chain`` records."""

    def evidence_records(self, case_id: int) -> list[dict[str, Any]]:
        """The case's records in ``seq`` order: ``{"case", "seq", "at", "kind", "data", "prev"}``,
        each ``prev`` the ``chain.digest`` of the one before. ``NotFound`` for an unknown case."""
        ...


class NoticeStore(Protocol):
    """Notices to hosts. Each write appends its ``notice.<state>`` record to the case's evidence
    log and a history event in the same transaction; neither holds the person's details."""

    def add_notice(
        self,
        sighting_id: int,
        regime: str,
        delivery: Delivery,
        *,
        actor: str,
        at: datetime | None = None,
        recipient: str = "",
        minor: bool = False,
        follow_up_of: int | None = None,
        notifier: NotifierDetails | None = None,
        authorised_at: datetime | None = None,
        unless_open: bool = False,
    ) -> Notice:
        """A draft notice about a verified sighting, made ``at`` (now if None), with a
        ``notice.drafted`` record. With ``unless_open``, a notice about the sighting not yet
        removed or withdrawn comes back instead, if there is one (decided in the same
        transaction). ``NotFound`` for an unknown sighting; ``Conflict`` if the sighting is not
        ``verified``, the case is withdrawn, or ``follow_up_of`` is about another sighting;
        ``InvalidInput`` for an unknown regime or delivery, or a recipient that is not one email
        address."""
        ...

    def get_notice(self, notice_id: int) -> Notice:
        """One notice, with its case number, URL and host; ``NotFound`` if there is none."""
        ...

    def notices(
        self,
        *,
        case_id: int | None = None,
        sighting_id: int | None = None,
        state: NoticeState | None = None,
        limit: int = 100,
    ) -> list[Notice]:
        """Notices, overdue first, then open ones by deadline (soonest first), then drafts, then
        closed ones, newest first within each; at most ``limit`` (1 to 1,000)."""
        ...

    def authorise_notice(
        self,
        notice_id: int,
        notifier: NotifierDetails,
        *,
        actor: str,
        at: datetime | None = None,
        delivery: Delivery | None = None,
        recipient: str | None = None,
    ) -> Notice:
        """Keep the person's details with a draft, as their authorisation of the operator to
        send it (``authorised_at``), with a ``notice.authorised`` record that holds the time
        only. ``Conflict`` unless the notice is a draft."""
        ...

    def change_notice(
        self,
        notice_id: int,
        state: NoticeState,
        *,
        expect: Sequence[NoticeState],
        actor: str,
        at: datetime | None = None,
        deadline: datetime | None = None,
        recipient: str | None = None,
        message_id: str | None = None,
        record: Mapping[str, Any] | None = None,
    ) -> Notice:
        """Move a notice to ``state`` at ``at``, if it is in one of ``expect`` (else
        ``Conflict``, nothing changed). ``sent`` sets ``sent_at`` and ``deadline``; ``removed``
        and ``withdrawn`` set ``closed_at`` and forget the person's details. The evidence record
        ``notice.<state>`` holds ``notice``, ``from``, ``at``, who acted, for ``sent`` the
        regime, delivery, recipient, Message-ID and deadline, and ``record``. Any claim to send
        it ends."""
        ...

    def claim_notice_send(self, notice_id: int, *, at: datetime, until: datetime) -> Notice:
        """Claim a draft for sending until ``until``: no other sender may claim it meanwhile
        (``Conflict``, "being sent") unless the claim ended (``release_notice_send``, a change
        of state) or ``until`` passed by ``at`` (a sender that died). ``Conflict`` unless the
        notice is a draft. Not in the evidence log: sending it is."""
        ...

    def release_notice_send(self, notice_id: int) -> None:
        """End a claim to send the notice (the send failed): the next sender may claim it."""
        ...


class EvidenceWriter(Protocol):
    def append_evidence(self, case_id: int, kind: str, data: Mapping[str, Any]) -> dict[str, Any]:
        """Append one record to the case's log in a transaction of its own; the record."""
        ...


class WatchStore(Protocol):
    """The pages, sitemaps and feeds the monitor fetches on a schedule (``takedown.monitor``).
    Adding, enabling, disabling and removing one is in the history (subject ``watch``)."""

    def add_watch(
        self,
        url: str,
        host: str,
        kind: WatchKind,
        interval_seconds: int,
        *,
        next_run_at: datetime,
        actor: str,
    ) -> WatchTarget:
        """A new, enabled target first due at ``next_run_at``. ``Conflict`` if ``url`` is
        watched already; ``InvalidInput`` for an unknown kind, or an interval outside
        ``MIN_WATCH_INTERVAL`` to ``MAX_WATCH_INTERVAL``."""
        ...

    def get_watch(self, watch_id: int) -> WatchTarget:
        """One target; ``NotFound`` if there is none."""
        ...

    def watches(self, *, enabled: bool | None = None) -> list[WatchTarget]:
        """Targets in the order they were added; ``enabled`` None means all."""
        ...

    def set_watch_enabled(
        self,
        watch_id: int,
        enabled: bool,
        *,
        next_run_at: datetime | None = None,
        actor: str,
    ) -> WatchTarget:
        """Enable or disable a target (and move its next run, when given); ``NotFound``."""
        ...

    def remove_watch(self, watch_id: int, *, actor: str) -> None:
        """Forget a target (its sightings stay); ``NotFound`` if there is none."""
        ...

    def record_watch_run(
        self, watch_id: int, result: WatchRun, next_run_at: datetime
    ) -> WatchTarget:
        """Keep a run's result as the target's last (``last_run_at`` is its ``started_at``) and
        when it runs next; ``NotFound`` if the target was removed meanwhile."""
        ...


class Store(
    EntryReader,
    BankWriter,
    EntryWriter,
    CaseStore,
    KeyStore,
    ReportStore,
    HistoryReader,
    SightingStore,
    ContactStore,
    EvidenceReader,
    EvidenceWriter,
    WatchStore,
    NoticeStore,
    JobStore,
    Protocol,
):
    """The whole bank: every protocol above, and the store itself. What opens and closes it (the
    service, the CLI) holds a ``Store``; what only uses it takes the protocols it needs."""

    def store_id(self) -> str:
        """A random UUID drawn when this database's schema was made, the same on every open.
        An index built from this store records it, so it is never loaded for another."""
        ...

    def schema_versions(self) -> list[int]:
        """The numbered migration steps this store has run, in order."""
        ...

    def close(self) -> None:
        """Close every connection; the store is unusable after."""
        ...

    def __enter__(self) -> Self: ...

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        """Close the store."""
        ...
