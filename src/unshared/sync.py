"""A platform's local copy of the bank, kept from the service's delta feed.

``Sync(client, app).run()`` reads the feed after the copy's cursor and applies each change, in
``seq`` order, to the local store; the local index catches up from there, so ``unshared match``
works offline and sees withdrawals as soon as they are synced.

- ``add``: the entry goes into the bank of the same name (made if missing, with the server's
  kind and thresholds when the key may read them, else as ``ncii``). Its local id differs from
  the server's; the server's is kept in its metadata as ``{"server_entry": id}``, so a match on
  the copy can be reported back with ``Client.report``. It keeps the change's category
  (``minor`` for an image of a minor), so a match on the copy says so as the server's would.
- any other op sets the status of the local entries that carry that ``server_entry``.

The server keeps two non-withdrawn entries with one hash in one bank apart by their case; the
local store dedupes the same way, and synced entries have no case. So when an ``add`` meets a
live local entry with its hash that is not its own, it goes into a fresh local placeholder case
(no PIN anyone knows), and each server entry keeps a local entry of its own: a withdrawal of
one never turns off another person's hash.

The cursor (``<home>/sync/<local store id>.json``) is replaced whole, never edited in place.
Before a page is applied it records how far the page goes (``pending``); after, that the page is
done. A run stopped in between replays the page, checking each change against the store first,
so nothing is skipped and nothing is applied twice (a withdrawn entry is never added again).
"""

from __future__ import annotations

import contextlib
import json
import os
import secrets
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from unshared.bank import Bank, Entry, Store, hash_pin
from unshared.bank.models import Change
from unshared.client import Client
from unshared.errors import Conflict, Forbidden, NotFound, UnsharedError
from unshared.service import Unshared
from unshared.signals import SIGNAL_TYPES, Signal

#: The source and actor of everything a sync writes to the local store.
SOURCE = "sync"
#: Feed changes asked for per call (the API allows 1 to 10,000).
PAGE = 1000

Progress = Callable[[int, int], None]


@dataclass
class SyncSummary:
    """What one ``Sync.run`` did."""

    server: str
    #: The last feed change applied, and the newest the server had when asked.
    cursor: int = 0
    latest: int = 0
    #: Feed changes read.
    changes: int = 0
    #: Local entries made, and status changes made to local entries.
    added: int = 0
    updated: int = 0
    #: Changes already applied (replayed after an interrupted run) or with nothing to change.
    unchanged: int = 0
    #: Status changes for server entries this copy does not hold (it started after their add).
    unknown: int = 0
    #: Entries kept in a local placeholder case because another live entry has their hash.
    apart: int = 0
    #: Changes of signal types this version does not know, passed over.
    unsupported: int = 0
    banks_created: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)


@dataclass
class Cursor:
    """How far a local copy has got in its server's feed."""

    path: Path
    server: str
    #: Every change up to this ``seq`` is applied.
    seq: int = 0
    #: Changes after ``seq`` and up to this may be partly applied: check them before applying.
    pending: int = 0

    @classmethod
    def load(cls, path: Path) -> Cursor | None:
        try:
            raw = json.loads(path.read_text(encoding="utf-8"))
            return cls(path, str(raw["server"]), int(raw["seq"]), int(raw.get("pending", 0)))
        except FileNotFoundError:
            return None
        except (ValueError, KeyError, TypeError) as exc:
            raise UnsharedError(
                f"the sync cursor {path} is damaged ({exc}); remove it and run"
                " 'unshared sync --from-start' to check the whole feed again",
                path=str(path),
            ) from exc

    def save(self) -> None:
        """Write a new file beside the old one, flush it to disk, then swap it in."""
        self.path.parent.mkdir(parents=True, exist_ok=True)
        body = json.dumps({"server": self.server, "seq": self.seq, "pending": self.pending})
        temporary = self.path.with_name(f".{self.path.name}.{secrets.token_hex(4)}")
        try:
            with temporary.open("w", encoding="utf-8") as fh:
                fh.write(body + "\n")
                fh.flush()
                os.fsync(fh.fileno())
            os.replace(temporary, self.path)
        finally:
            temporary.unlink(missing_ok=True)
        _fsync_folder(self.path.parent)


class Sync:
    """Pull ``client``'s feed into ``app``'s store (and index)."""

    def __init__(self, client: Client, app: Unshared, *, page: int = PAGE) -> None:
        self.client = client
        self.app = app
        self.server = client.base_url
        self.page = page
        self._banks: set[str] | None = None
        #: The server's banks, from the feed's pages and, for a key that may, its bank list.
        self._server_banks: dict[str, Bank] = {}
        self._listed = False
        self._pin_hash: str | None = None

    @property
    def store(self) -> Store:
        return self.app.store

    @property
    def cursor_path(self) -> Path:
        # One cursor per local store: a copy follows one server, whatever else is in the home.
        return self.app.settings.home / "sync" / f"{self.store.store_id()}.json"

    def run(self, *, from_start: bool = False, on_progress: Progress | None = None) -> SyncSummary:
        """Apply every feed change after the cursor; then bring the local index up to date.

        ``from_start`` reads the whole feed again, checking each change against the store: to
        repair a copy, or to follow the same service at a new address.
        """
        with _exclusive(self.cursor_path.with_suffix(".lock")):
            summary = self._run(from_start, on_progress)
        self.app.catch_up(load=True)
        self.app.save_index()
        return summary

    def _run(self, from_start: bool, on_progress: Progress | None) -> SyncSummary:
        summary = SyncSummary(self.server)
        cursor = Cursor.load(self.cursor_path)
        # Check every change against the store when the copy may hold some of them already: on
        # --from-start, and when this store has entries but no cursor (the file was lost).
        check_all = from_start
        if cursor is None:
            cursor = Cursor(self.cursor_path, self.server)
            check_all = check_all or self.store.count_entries(status=None) > 0
        elif cursor.server != self.server:
            if not from_start:
                raise Conflict(
                    f"this copy syncs from {cursor.server}, not {self.server}; if that is the"
                    " same service at a new address, run again with --from-start",
                    synced_from=cursor.server,
                )
            cursor.server = self.server
        if from_start:
            cursor.seq = 0
        careful_through = cursor.pending
        start = after = cursor.seq
        while True:
            feed = self.client.feed(after=after, limit=self.page)
            changes = feed.changes
            self._server_banks.update(feed.banks)
            summary.latest = feed.latest
            if summary.latest < after:
                raise Conflict(
                    f"the server's feed ends at {summary.latest}, before this copy's cursor"
                    f" ({after}): it is not the database this copy was made from. Sync into a"
                    " new local store, or run with --from-start if it is the same one restored",
                    latest=summary.latest,
                    cursor=after,
                )
            if check_all:  # nothing after the server's newest change can have been applied
                careful_through, check_all = max(careful_through, summary.latest), False
            if not changes:
                break
            last = _check_order(changes, after)
            if last > careful_through:
                cursor.pending = last
                cursor.save()  # before the store changes: a stop from here on replays the page
            self._apply_page(changes, careful_through, summary)
            cursor.seq = after = last
            cursor.pending = careful_through if careful_through > last else 0
            cursor.save()
            summary.changes += len(changes)
            if on_progress:
                on_progress(after - start, max(summary.latest, after) - start)
        summary.cursor = after
        if summary.unsupported:
            summary.notes.append(
                f"{summary.unsupported} changes are of signal types this version does not know;"
                " after an upgrade, run with --from-start to take them in"
            )
        if not self.cursor_path.exists():
            cursor.save()  # an empty feed: still, this copy now follows this server
        return summary

    # -- applying changes ---------------------------------------------------------------------

    def _apply_page(
        self, changes: Sequence[Change], careful_through: int, summary: SyncSummary
    ) -> None:
        """Apply changes in order; runs of new adds to one bank go in one transaction."""
        run: list[Change] = []
        for change in changes:
            if change.signal_type not in SIGNAL_TYPES:
                summary.unsupported += 1
                continue
            fresh_add = change.op == "add" and change.seq > careful_through
            if fresh_add and (not run or _same_batch(run[0], change)):
                run.append(change)
                continue
            self._add(run, summary)
            run = []
            if fresh_add:
                run.append(change)
            elif change.op == "add":
                if self._local(change):  # applied before the last run stopped
                    summary.unchanged += 1
                else:
                    self._add([change], summary)
            else:
                self._set_status(change, summary)
        self._add(run, summary)

    def _add(self, changes: Sequence[Change], summary: SyncSummary) -> None:
        """Add the entries of ``changes`` (all to one bank, of one category), each as its own
        local entry."""
        if not changes:
            return
        bank, category = changes[0].bank, changes[0].category
        self._ensure_bank(bank, summary)
        records = [(_signal(c), {"server_entry": c.entry_id}) for c in changes]
        entries = self.store.add_records(
            bank, records, source=SOURCE, actor=SOURCE, category=category
        )
        for (signal, metadata), entry in zip(records, entries, strict=True):
            summary.added += 1
            if _is_copy_of(entry, metadata["server_entry"]):
                continue
            # A live local entry has this hash already (another server entry's, or the
            # platform's own): keep this one apart, as the server does, in a case of its own.
            case = self.store.create_case(self._placeholder_pin_hash(), actor=SOURCE)
            self.store.add_entries(
                bank,
                [signal],
                case_id=case.id,
                source=SOURCE,
                metadata=metadata,
                actor=SOURCE,
                category=category,
            )
            summary.apart += 1

    def _set_status(self, change: Change, summary: SyncSummary) -> None:
        status = change.status
        targets = self._local(change)
        if not targets:
            summary.unknown += 1
        for entry in targets:
            if entry.status in (status, "withdrawn"):  # a withdrawal is final here too
                summary.unchanged += 1
                continue
            self.store.set_entry_status(
                entry.id,
                status,
                actor=SOURCE,
                reason=f"{change.op} at {self.server}, feed change {change.seq}",
            )
            summary.updated += 1

    def _local(self, change: Change) -> list[Entry]:
        """The local entries (any status) that hold the change's server entry."""
        signal = _signal(change)
        return [
            e
            for e in self.store.find_entries(signal.name, signal.hex)
            if e.bank == change.bank and _is_copy_of(e, change.entry_id)
        ]

    def _ensure_bank(self, name: str, summary: SyncSummary) -> None:
        """Make bank ``name`` here if it is not: with its kind and thresholds as the feed or the
        server's bank list gives them, else as ``ncii``."""
        if self._banks is None:
            self._banks = {b.name for b in self.store.list_banks()}
        if name in self._banks:
            return
        known = self._server_bank(name)
        if known is None:
            summary.notes.append(
                f"bank {name} made here as ncii with default thresholds: the server did not"
                " say its kind (a platform's key may not list banks)"
            )
        kind = known.kind if known else "ncii"
        thresholds = dict(known.thresholds) if known else {}
        try:
            self.store.create_bank(name, kind, thresholds, actor=SOURCE)
            summary.banks_created.append(name)
        except Conflict:
            pass  # made meanwhile
        self._banks.add(name)

    def _server_bank(self, name: str) -> Bank | None:
        """The server's bank ``name``: from the feed, else from its bank list if this key may
        read it (an operator's may; a server older than the feed's ``banks`` needs it)."""
        if name not in self._server_banks and not self._listed:
            self._listed = True
            with contextlib.suppress(Forbidden, NotFound):
                self._server_banks.update((b.name, b) for b, _ in self.client.banks())
        return self._server_banks.get(name)

    def _placeholder_pin_hash(self) -> str:
        if self._pin_hash is None:
            self._pin_hash = hash_pin(secrets.token_urlsafe(24))  # a PIN no one is ever told
        return self._pin_hash


def _same_batch(first: Change, change: Change) -> bool:
    """Whether ``change`` can be added in one call with ``first``: the same bank and category."""
    return first.bank == change.bank and first.category == change.category


def _signal(change: Change) -> Signal:
    return SIGNAL_TYPES.parse(change.signal_type, change.value)


def _is_copy_of(entry: Entry, server_entry: int) -> bool:
    return entry.source == SOURCE and entry.metadata.get("server_entry") == server_entry


def _check_order(changes: Sequence[Change], after: int) -> int:
    last = after
    for change in changes:
        seq = change.seq
        if seq <= last:
            raise UnsharedError(
                f"the feed is out of order: change {seq} after {last}", seq=seq, after=last
            )
        last = seq
    return last


@contextlib.contextmanager
def _exclusive(path: Path) -> Iterator[None]:
    """One sync of a copy at a time (a lock the system drops if the process dies)."""
    try:
        import fcntl
    except ImportError:  # pragma: no cover - not POSIX: no lock
        yield
        return
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("a") as fh:
        try:
            fcntl.flock(fh.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            raise Conflict("another sync of this copy is running") from None
        try:
            yield
        finally:
            fcntl.flock(fh.fileno(), fcntl.LOCK_UN)


def _fsync_folder(folder: Path) -> None:
    # The rename is durable only once the folder's entry is on disk too (POSIX).
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:  # pragma: no cover - not possible on this system
        return
    try:
        os.fsync(fd)
    except OSError:  # pragma: no cover
        pass
    finally:
        os.close(fd)
