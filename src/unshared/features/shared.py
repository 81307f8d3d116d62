"""The feature index of one data folder, shared by every server process that uses the folder.

The PDQ index follows the store's feed; local features are not entries and never go into the
feed, so the processes of ``unshared serve --workers N`` (one host, one data folder) share them
through the saved file instead. A process saves its changes at once, under a lock on the folder,
after taking in any another process saved meanwhile (so no save drops another's); and each
process's feed follower looks at the file every ``feed_poll`` seconds (one ``stat``) and takes
in what changed. An image protected through one process is matched by the others within that
bound; a withdrawal counts at once everywhere, since every candidate is read back from the store.
"""

from __future__ import annotations

import fcntl
import os
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from unshared.features.extract import Features
from unshared.features.index import FILE_NAME, FeatureIndex

Stamp = tuple[int, int, int] | None


class SharedFeatures:
    """``index``, the features saved in ``folder``, and the changes made here not yet saved."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self._lock = threading.Lock()
        self._stamp = self._disk_stamp()
        self.index = FeatureIndex.load(folder)
        self._added: dict[int, Features] = {}
        self._removed: set[int] = set()

    def _disk_stamp(self) -> Stamp:
        try:
            st = os.stat(self.folder / FILE_NAME)
        except FileNotFoundError:
            return None
        return (st.st_ino, st.st_mtime_ns, st.st_size)

    @property
    def changed(self) -> bool:
        return bool(self._added or self._removed)

    def add(self, image_id: int, features: Features) -> None:
        with self._lock:
            self.index.add(image_id, features)
            self._added[image_id] = features
            self._removed.discard(image_id)

    def remove(self, image_id: int) -> None:
        with self._lock:
            self.index.remove(image_id)
            self._added.pop(image_id, None)
            self._removed.add(image_id)

    def follow(self) -> bool:
        """Take in what another process saved since this one last looked; whether it had."""
        if self._disk_stamp() == self._stamp:
            return False
        with self._lock:
            return self._take(self._disk_stamp())

    def save(self) -> None:
        """Save this process's changes, with every other process's saved ones."""
        with self._lock, self._folder_locked():
            self._take(self._disk_stamp())
            if not self.changed:
                return
            added, removed = self._added, self._removed
            self._added, self._removed = {}, set()
            try:
                self.index.save(self.folder)
            except BaseException:
                self._added, self._removed = added | self._added, removed | self._removed
                raise
            self._stamp = self._disk_stamp()

    def _take(self, stamp: Stamp) -> bool:
        """Bring ``index`` level with the saved file, keeping the changes not yet saved."""
        if stamp == self._stamp:
            return False
        saved = FeatureIndex.load(self.folder)
        ours, theirs = set(self.index.ids()), set(saved.ids())
        for image_id in theirs - ours - self._removed:
            self.index.add(image_id, saved.get(image_id))
        for image_id in ours - theirs - self._added.keys():
            self.index.remove(image_id)
        self._stamp = stamp
        return True

    @contextmanager
    def _folder_locked(self) -> Iterator[None]:
        self.folder.mkdir(parents=True, exist_ok=True)
        with open(self.folder / ".lock", "a") as fh:
            fcntl.flock(fh, fcntl.LOCK_EX)
            try:
                yield
            finally:
                fcntl.flock(fh, fcntl.LOCK_UN)
