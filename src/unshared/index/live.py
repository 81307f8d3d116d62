"""The bank's active entries, indexed, and kept in step with the store through its delta feed.

Every index file records the feed sequence number it reflects. Opening one replays the changes
since then; a missing, damaged or foreign file (its sequence is ahead of the store's) is rebuilt
from the store. Queries share a read lock and feed replays take it alone, so a withdrawal applied
by ``catch_up`` is seen by every query that starts after it.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path

import numpy as np

from unshared.bank.models import Change, Entry
from unshared.bank.store import EntryReader
from unshared.errors import Conflict, NotFound
from unshared.index import (
    CorruptIndex,
    ExactIndex,
    HammingIndex,
    Hits,
    MihIndex,
    load_hamming_index,
)
from unshared.index.bits import IdArray
from unshared.signals import SIGNAL_TYPES, Md5, Sha256

log = logging.getLogger("unshared.index")

EXACT_TYPES = (Md5, Sha256)
_BATCH = 50_000
_FEED_PAGE = 10_000


class LiveIndex:
    def __init__(self, pdq: HammingIndex, exact: dict[str, ExactIndex], seq: int) -> None:
        #: Whether this index was read from files (rather than built from the store).
        self.loaded = False
        self.pdq = pdq
        self.exact = exact
        self.seq = seq
        self._lock = ReadWriteLock()

    @classmethod
    def empty(cls) -> LiveIndex:
        # MihIndex scans while it is small and builds its tables as it grows from the feed.
        exact = {t.name: ExactIndex(t.nbytes) for t in EXACT_TYPES}
        return cls(MihIndex(), exact, 0)

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
    def load(cls, folder: Path) -> LiveIndex:
        pdq, meta = load_hamming_index(folder / "pdq.index")
        exact: dict[str, ExactIndex] = {}
        for t in EXACT_TYPES:
            exact[t.name], exact_meta = ExactIndex.load(folder / f"{t.name}.index")
            if exact_meta.get("seq") != meta.get("seq"):
                raise CorruptIndex("the index files are from different moments")
        seq = meta.get("seq")
        if not isinstance(seq, int):
            raise CorruptIndex("the index file does not say which feed change it reflects")
        index = cls(pdq, exact, seq)
        index.loaded = True
        return index

    def save(self, folder: Path) -> None:
        folder.mkdir(parents=True, exist_ok=True)
        with self._lock.writing():  # saving merges pending adds: a write
            meta = {"seq": self.seq}
            for name, index in self.exact.items():
                index.save(folder / f"{name}.index", meta)
            self.pdq.save(folder / "pdq.index", meta)  # last: its seq says the set is whole

    def catch_up(self, store: EntryReader) -> int:
        """Apply the feed changes after ``self.seq``; returns how many were applied."""
        applied = 0
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
            if change.status == "active":
                self._add_one(change.entry_id, change.signal_type, change.value)
            else:
                self._remove_one(change.entry_id, change.signal_type)
            self.seq = change.seq

    def _add(self, entries: list[Entry]) -> None:
        pdq = [e for e in entries if e.signal_type == "pdq"]
        if pdq:
            ids = np.fromiter((e.id for e in pdq), dtype=np.int64, count=len(pdq))
            codes = np.frombuffer(b"".join(bytes.fromhex(e.value) for e in pdq), np.uint8)
            self.pdq.add(ids, codes.reshape(-1, 32))
        for name, index in self.exact.items():
            rows = [e for e in entries if e.signal_type == name]
            if rows:
                index.add(
                    np.fromiter((e.id for e in rows), dtype=np.int64, count=len(rows)),
                    [bytes.fromhex(e.value) for e in rows],
                )

    def _add_one(self, entry_id: int, signal_type: str, value: str) -> None:
        SIGNAL_TYPES.get(signal_type)
        ids = np.array([entry_id], dtype=np.int64)
        try:
            if signal_type == "pdq":
                self.pdq.add(ids, np.frombuffer(bytes.fromhex(value), np.uint8).reshape(1, 32))
            elif signal_type in self.exact:
                self.exact[signal_type].add(ids, [bytes.fromhex(value)])
        except Conflict:
            pass  # already there: the feed replays changes a snapshot may already hold

    def _remove_one(self, entry_id: int, signal_type: str) -> None:
        ids = np.array([entry_id], dtype=np.int64)
        if signal_type == "pdq":
            self.pdq.remove(ids)
        elif signal_type in self.exact:
            self.exact[signal_type].remove(ids)

    def query_pdq(self, codes: np.ndarray, radius: int) -> list[Hits]:
        with self._lock.reading():
            return self.pdq.query(codes, radius)

    def query_exact(self, signal_type: str, value: bytes) -> IdArray:
        with self._lock.reading():
            return self.exact[signal_type].query(value)

    def __len__(self) -> int:
        return len(self.pdq) + sum(len(i) for i in self.exact.values())


class ReadWriteLock:
    """Many readers at once, or one writer: queries run side by side, feed replays alone."""

    def __init__(self) -> None:
        self._cond = threading.Condition()
        self._readers = 0
        self._writing = False

    @contextmanager
    def reading(self) -> Iterator[None]:
        with self._cond:
            self._cond.wait_for(lambda: not self._writing)
            self._readers += 1
        try:
            yield
        finally:
            with self._cond:
                self._readers -= 1
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
