"""Videos, through the same flow as images: hashed (vPDQ, MD5, SHA-256) in worker processes
bounded in time and memory, added to banks as three entries, matched by the same matcher.

Videos have a pool of their own (``video_workers``, ``video_timeout``; memory capped at
``decode_memory_mb`` like the image workers): a video takes far longer than a photo, and would
otherwise hold the image workers that every photo upload waits for. A worker that overruns is
killed (``VideoTooComplex``), one that dies on a file says so (``CorruptVideo``), and a request
that finds every worker busy gets 503, as for images (``hashing.pool``).
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from unshared.bank.models import Entry
from unshared.errors import (
    CorruptImage,
    CorruptVideo,
    FileTooLarge,
    ImageTooComplex,
    ImageTooLarge,
    NotFound,
    VideoTooComplex,
)
from unshared.hashing.pool import DecodePool, LazyPool
from unshared.hashing.video import VideoLimits, hash_video
from unshared.match import Query, Verdict
from unshared.video import VideoSignals

if TYPE_CHECKING:
    from unshared.service import Unshared


class Videos:
    def __init__(self, app: Unshared) -> None:
        self.app = app
        self._pool = LazyPool(self._new_pool)

    @property
    def limits(self) -> VideoLimits:
        return VideoLimits.of(self.app.settings)

    def hash(self, data: bytes) -> VideoSignals:
        """A video's signals, hashed in a video worker (in this process when ``video_workers``
        is 0)."""
        pool = self._pool.get()
        if pool is None:
            return hash_video(data, self.limits)
        timeout = self.app.settings.video_timeout
        try:
            return pool.run(hash_video, data, self.limits)
        except ImageTooComplex:
            raise VideoTooComplex(
                f"the video took more than {timeout:g} s to hash", limit=timeout
            ) from None
        except ImageTooLarge:
            raise VideoTooComplex("the video needs more memory to decode than allowed") from None
        except CorruptImage:  # the worker died on it
            raise CorruptVideo("the decoder stopped on this video", worker="died") from None

    def hash_file(self, path: Path) -> VideoSignals:
        """``hash`` of a file, refused by its size before it is read."""
        try:
            size = path.stat().st_size
        except OSError as exc:
            raise NotFound(f"cannot read {path}: {exc.strerror}", path=str(path)) from None
        limit = self.limits.max_bytes
        if size > limit:
            raise FileTooLarge(
                f"the video is {size:,} bytes; the limit is {limit:,}", size=size, limit=limit
            )
        return self.hash(path.read_bytes())

    def add(
        self,
        bank: str,
        signals: VideoSignals,
        *,
        case_id: int | None = None,
        source: str,
        actor: str,
    ) -> list[Entry]:
        """One video's vPDQ, MD5 and SHA-256 as three entries, linked by its SHA-256."""
        metadata = {
            "video": signals.sha256.hex,
            "frames": len(signals.vpdq),
            "seconds": round(signals.seconds, 3),
        }
        entries = self.app.store.add_entries(
            bank,
            list(signals.signals()),
            case_id=case_id,
            source=source,
            metadata=metadata,
            actor=actor,
        )
        self.app.catch_up()
        return entries

    def register(
        self, bank: str, data: bytes, *, source: str = "cli", actor: str = "operator"
    ) -> list[Entry]:
        """Hash one video's bytes here and add its hashes (never the video) to ``bank``."""
        self.app.store.get_bank(bank)  # fails before hashing
        return self.add(bank, self.hash(data), source=source, actor=actor)

    @staticmethod
    def query(signals: VideoSignals) -> Query:
        return Query(md5=signals.md5, sha256=signals.sha256, others=(signals.vpdq,))

    def match(self, data: bytes, *, key_id: int | None = None) -> tuple[VideoSignals, Verdict]:
        """Hash video bytes in memory (never stored) and match them; counted for the platform
        of ``key_id`` as ``Unshared.match`` counts."""
        signals = self.hash(data)
        return signals, self.app.match(self.query(signals), key_id=key_id)

    def _new_pool(self) -> DecodePool | None:
        s = self.app.settings
        if s.video_workers <= 0:
            return None
        return DecodePool(
            s.video_workers, s.video_timeout, s.decode_memory_mb, s.video_timeout, what="videos"
        )

    def close(self) -> None:
        self._pool.close()
