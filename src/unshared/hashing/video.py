"""Video bytes -> a video's signals: vPDQ (Meta's reference, the ``vpdq`` binding), MD5, SHA-256.

The reference reads a file, so the bytes are written to a private temporary file that is gone
when hashing ends. Before a frame is decoded, FFmpeg's own prober (``ffprobe``, a separate
process with its own time limit) says what the file is: a container outside ``FORMATS``, or no
video stream, is refused (``NotAVideo``), and a claimed duration over ``max_seconds``
(``VideoTooLong``). Decoding time is bounded by the caller: the service runs this in a worker
process that is killed after ``video_timeout`` seconds (``hashing.pool``), so a file that lies
about its length costs a worker, never the server.

vPDQ hashes one frame a second (its default, as python-threatexchange uses it) in one thread;
frames under quality 50 are dropped and repeated frames kept once (``video.Vpdq``).
"""

from __future__ import annotations

import json
import math
import os
import subprocess
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from typing import TYPE_CHECKING

from unshared.errors import (
    CorruptVideo,
    EmptyFile,
    FileTooLarge,
    LowQuality,
    NotAVideo,
    Unavailable,
    VideoTooLong,
)
from unshared.signals import Md5, Pdq, Sha256
from unshared.video import MAX_FRAMES, VideoSignals, Vpdq

if TYPE_CHECKING:
    from unshared.config import Settings

#: The containers hashed (FFmpeg's names for them), the ones phones and sites give videos in.
FORMATS = frozenset({"mov,mp4,m4a,3gp,3g2,mj2", "matroska,webm", "avi", "mpegts", "flv"})
#: vPDQ's sampling: one frame hashed per this many seconds.
SECONDS_PER_HASH = 1.0
#: Seconds ffprobe may take to read a file's header.
PROBE_TIMEOUT = 10.0


@dataclass(frozen=True, slots=True)
class VideoLimits:
    """The video budget; ``Settings`` documents each (``docs/configuration.md``)."""

    max_bytes: int = 200 * 1024 * 1024
    max_seconds: float = 600.0

    @classmethod
    def of(cls, settings: Settings) -> VideoLimits:
        return cls(max_bytes=settings.video_max_bytes, max_seconds=settings.video_max_seconds)


@dataclass(frozen=True, slots=True)
class Probe:
    """What the container says: its format and duration, and the video stream's size."""

    format: str
    seconds: float
    width: int
    height: int


def hash_video(data: bytes, limits: VideoLimits = VideoLimits()) -> VideoSignals:
    """vPDQ, MD5 and SHA-256 of one video file's bytes. ``NotAVideo``, ``CorruptVideo``,
    ``FileTooLarge``, ``VideoTooLong``, or ``LowQuality`` when no frame is of quality 50."""
    if not data:
        raise EmptyFile("the file is empty")
    if len(data) > limits.max_bytes:
        raise FileTooLarge(
            f"the video is {len(data):,} bytes; the limit is {limits.max_bytes:,}",
            size=len(data),
            limit=limits.max_bytes,
        )
    md5, sha256 = Md5.of(data), Sha256.of(data)
    with _private_file(data) as path:
        probe = probe_video(path)
        if probe.seconds > limits.max_seconds:
            raise VideoTooLong(
                f"the video lasts {probe.seconds:,.0f} s; the limit is {limits.max_seconds:,.0f} s",
                seconds=round(probe.seconds, 3),
                limit=limits.max_seconds,
            )
        frames = _vpdq_frames(path, SECONDS_PER_HASH)
    good = [f.pdq for f in frames if f.quality >= Vpdq.MIN_FRAME_QUALITY]
    if not good:
        best = max((f.quality for f in frames), default=0)
        raise LowQuality(
            f"no frame of the video is detailed enough for a perceptual hash (best PDQ quality"
            f" {best}, at least {Vpdq.MIN_FRAME_QUALITY} needed)",
            quality=best,
            threshold=Vpdq.MIN_FRAME_QUALITY,
            md5=md5.hex,
            sha256=sha256.hex,
        )
    vpdq = Vpdq.of_frames(good[: MAX_FRAMES * 4])  # distinct frames are checked against the cap
    return VideoSignals(
        vpdq=vpdq, md5=md5, sha256=sha256, frames=len(frames), seconds=probe.seconds
    )


def probe_video(path: str) -> Probe:
    """The container's format and duration, from ``ffprobe`` (no frame decoded)."""
    command = [
        "ffprobe", "-v", "error", "-print_format", "json", "-show_format",
        "-show_streams", "-select_streams", "v:0", path,
    ]  # fmt: skip
    try:
        done = subprocess.run(command, capture_output=True, timeout=PROBE_TIMEOUT, check=False)
    except FileNotFoundError:
        raise Unavailable("ffprobe (FFmpeg) is not installed: videos cannot be hashed") from None
    except subprocess.TimeoutExpired:
        raise CorruptVideo("the video's header took too long to read") from None
    try:
        found = json.loads(done.stdout or b"{}")
    except ValueError:
        found = {}
    container = found.get("format") or {}
    streams = found.get("streams") or []
    if done.returncode or not container or container.get("format_name") not in FORMATS:
        raise NotAVideo(
            "not a video in a supported container (MP4, MOV, WebM, Matroska, AVI, MPEG-TS, FLV)",
            format=str(container.get("format_name", ""))[:40],
        )
    if not streams:
        raise NotAVideo("the file holds no video stream")
    seconds = _number(container.get("duration")) or _number(streams[0].get("duration"))
    if seconds is None:
        raise CorruptVideo("the video does not say how long it is")
    return Probe(
        format=container["format_name"],
        seconds=seconds,
        width=int(streams[0].get("width") or 0),
        height=int(streams[0].get("height") or 0),
    )


def _number(value: object) -> float | None:
    try:
        number = float(str(value))
    except ValueError:
        return None
    return number if math.isfinite(number) and number >= 0 else None


@dataclass(frozen=True, slots=True)
class Frame:
    """One hashed frame, as the reference gives it."""

    number: int
    pdq: Pdq
    quality: int
    seconds: float


def frames_of(data: bytes, seconds_per_hash: float = SECONDS_PER_HASH) -> list[Frame]:
    """Every hashed frame of a video (every frame with ``seconds_per_hash=0``), low quality
    ones too, in order: for conformance tests and benchmarks. No limits are applied."""
    with _private_file(data) as path:
        return _vpdq_frames(path, seconds_per_hash)


def _vpdq_frames(path: str, seconds_per_hash: float) -> list[Frame]:
    """Each hashed frame, from Meta's reference."""
    try:
        import vpdq
    except ImportError:
        raise Unavailable(
            "video hashing needs the vpdq package (pip install 'unshared[video]')"
        ) from None
    try:
        features = vpdq.computeHash(path, seconds_per_hash=seconds_per_hash, thread_count=1)
    except Exception as exc:  # the binding raises a bare Exception for any decoding failure
        raise CorruptVideo("the video could not be decoded", reason=str(exc)[:200]) from None
    if not features:
        raise CorruptVideo("no frame of the video could be decoded")
    return [
        Frame(int(f.frame_number), Pdq.from_hex(f.hex), int(f.quality), float(f.timestamp))
        for f in features
    ]


@contextmanager
def _private_file(data: bytes) -> Iterator[str]:
    """``data`` in a file only this user can read, removed afterwards whatever happens."""
    fd, path = tempfile.mkstemp(prefix="unshared-video-")
    try:
        with os.fdopen(fd, "wb") as out:
            out.write(data)
        yield path
    finally:
        os.unlink(path)
