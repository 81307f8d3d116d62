"""The bank's active entries, indexed, and kept in step with the store through its delta feed.

Every index file records the feed sequence number it reflects. Opening one replays the changes
since then; a missing, damaged or foreign file (its sequence is ahead of the store's) is rebuilt
from the store. Queries share a read lock and feed replays take it alone, so a withdrawal applied
by ``catch_up`` is seen by every query that starts after it.
"""

from __future__ import annotations

import contextlib
import logging
import threading
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path

import numpy as np

from unshared.bank.models import Change, Entry
from unshared.bank.store import EntryReader
from unshared.errors import Conflict, NotFound
from unshared.index import CorruptIndex, Hits
from unshared.index.bits import IdArray
from unshared.index.typed import SignalIndex, index_for, load_index_for
from unshared.signals import SIGNAL_TYPES, SignalRegistry

log = logging.getLogger("unshared.index")

_BATCH = 50_000
_FEED_PAGE = 10_000


class LiveIndex:
    """One index per registered signal type (``index.typed``), and the feed change they reflect."""

    def __init__(self, indexes: dict[str, SignalIndex], seq: int) -> None:
        #: Whether this index was read from files (rather than built from the store).
        self.loaded = False
        self.indexes = indexes
        self.seq = seq
        #: The banks of the entries added so far: a name not among the banks' settings kept in
        #: memory says those are behind (a bank made by another process). Replaced, never
        #: changed in place, so a reader may hold it while a catch-up runs.
        self.bank_names: frozenset[str] = frozenset()
        self._lock = ReadWriteLock()
        # One catch-up at a time (the feed follower's, a write's): the second then finds little.
        self._catching_up = threading.Lock()

    @classmethod
    def empty(cls, types: SignalRegistry = SIGNAL_TYPES) -> LiveIndex:
        return cls({t.name: index_for(t) for t in types}, 0)

    @classmethod
    def build(cls, store: EntryReader, progress: Callable[[int], None] | None = None) -> LiveIndex:
        """Index every active entry of ``store``, then replay what changed meanwhile."""
        seq = store.latest_seq()
        index = cls.empty()
        batch: list[Entry] = []
        for entry in store.entries(status="active"):
            batch.append(entry)
            if len(batch) >= _BATCH:
                index._add(batch)
                if progress:
                    progress(len(batch))
                batch = []
        index._add(batch)
        if progress:
            progress(len(batch))
        index.seq = seq
        index.catch_up(store)
        return index

    @classmethod
    def open(cls, store: EntryReader, folder: Path | None) -> LiveIndex:
        """The index saved in ``folder`` brought up to date, or a fresh one built from the store."""
        if folder is not None:
            try:
                index = cls.load(folder)
            except (CorruptIndex, NotFound) as exc:
                log.info("rebuilding the index: %s", exc)
            else:
                if index.seq <= store.latest_seq():
                    index.catch_up(store)
                    return index
                log.warning("the saved index is ahead of the store: rebuilding it")
        return cls.build(store)

    @classmethod
    def load(cls, folder: Path, types: SignalRegistry = SIGNAL_TYPES) -> LiveIndex:
        """The files ``save`` wrote, one per type; ``NotFound`` if a type has none (a type
        registered since), ``CorruptIndex`` if one is damaged or they are from different moments."""
        indexes: dict[str, SignalIndex] = {}
        seqs = set()
        for t in types:
            indexes[t.name], meta = load_index_for(t, folder / f"{t.name}.index")
            seqs.add(meta.get("seq"))
        if len(seqs) != 1:
            raise CorruptIndex("the index files are from different moments")
        seq = seqs.pop()
        if not isinstance(seq, int):
            raise CorruptIndex("the index file does not say which feed change it reflects")
        index = cls(indexes, seq)
        index.loaded = True
        return index

    def save(self, folder: Path) -> None:
        folder.mkdir(parents=True, exist_ok=True)
        with self._lock.writing():  # saving merges pending adds: a write
            meta = {"seq": self.seq}
            for name, index in self.indexes.items():
                index.save(folder / f"{name}.index", meta)

    def catch_up(self, store: EntryReader) -> int:
        """Apply the feed changes after ``self.seq``; returns how many were applied."""
        applied = 0
        with self._catching_up:
            while True:
                changes = store.changes(after=self.seq, limit=_FEED_PAGE)
                if not changes:
                    return applied
                with self._lock.writing():
                    self._apply(changes)
                applied += len(changes)

    def _apply(self, changes: Iterable[Change]) -> None:
        for change in changes:
            if change.seq <= self.seq:
                continue
            index = self.indexes.get(change.signal_type)
            if index is None:
                log.warning("skipped a %s entry: no such signal type here", change.signal_type)
            elif change.status == "active":
                self._saw_banks([change.bank])
                with contextlib.suppress(Conflict):  # the feed replays what a snapshot holds
                    index.add(_ids([change.entry_id]), [bytes.fromhex(change.value)])
            else:
                index.remove(_ids([change.entry_id]))
            self.seq = change.seq

    def _add(self, entries: list[Entry]) -> None:
        self._saw_banks({e.bank for e in entries})
        for name, index in self.indexes.items():
            rows = [e for e in entries if e.signal_type == name]
            if rows:
                index.add(_ids(e.id for e in rows), [bytes.fromhex(e.value) for e in rows])

    def _saw_banks(self, names: Iterable[str]) -> None:
        seen = frozenset(names)
        if not seen <= self.bank_names:
            self.bank_names = self.bank_names | seen

    def of(self, signal_type: str) -> SignalIndex:
        """The index of one signal type; ``MalformedSignal`` for a type not registered."""
        if signal_type not in self.indexes:
            SIGNAL_TYPES.get(signal_type)  # says which types there are
            raise NotFound(f"no index of {signal_type} values here", signal=signal_type)
        return self.indexes[signal_type]

    def query(self, signal_type: str, values: Sequence[bytes], radius: int) -> list[Hits]:
        """For each of ``values`` (of ``signal_type``), the entries within ``radius``."""
        return self.query_each([(signal_type, values, radius)])[0]

    def query_each(self, asked: Sequence[tuple[str, Sequence[bytes], int]]) -> list[list[Hits]]:
        """``query`` for several signal types at once (an upload's PDQ, MD5 and SHA-256), all
        against the same moment of the feed."""
        indexes = [self.of(signal_type) for signal_type, _, _ in asked]
        with self._lock.reading():
            return [
                index.query(values, radius)
                for index, (_, values, radius) in zip(indexes, asked, strict=True)
            ]

    def warm(self) -> None:
        """One query of each index: a large one's compiled probe loop is loaded (or compiled)
        now, not in the first platform's request."""
        with self._lock.reading():
            for index in self.indexes.values():
                index.warm()

    def __len__(self) -> int:
        return sum(len(i) for i in self.indexes.values())


def _ids(ids: Iterable[int]) -> IdArray:
    return np.fromiter(ids, dtype=np.int64)


class ReadWriteLock:
    """Many readers at once, or one writer: queries run side by side, feed replays alone."""

    def __init__(self) -> None:
        self._cond = threading.Condition(threading.Lock())  # not reentrant, so cheaper
        self._readers = 0
        self._writing = False

    @contextmanager
    def reading(self) -> Iterator[None]:
        with self._cond:
            if self._writing:
                self._cond.wait_for(lambda: not self._writing)
            self._readers += 1
        try:
            yield
        finally:
            with self._cond:
                self._readers -= 1
                if not self._readers:  # a writer may be waiting for the last reader
                    self._cond.notify_all()

    @contextmanager
    def writing(self) -> Iterator[None]:
        with self._cond:
            self._cond.wait_for(lambda: not self._writing and self._readers == 0)
            self._writing = True
        try:
            yield
        finally:
            with self._cond:
                self._writing = False
                self._cond.notify_all()
