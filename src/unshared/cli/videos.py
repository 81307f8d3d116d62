"""Videos on the command line: ``hash``, ``match`` and ``bank add`` take them beside images.

A file is a video by its name (``VIDEO_SUFFIXES``: .mp4, .mov, .webm, ...), named one by one or
found in a folder; the video hasher loads only when there is one. Hashing here runs in this
process (a person's own files); ``match`` against the local bank goes through the service's video
workers.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from unshared.config import Settings
    from unshared.errors import UnsharedError
    from unshared.match import Verdict
    from unshared.video import VideoSignals

#: File name endings taken as videos.
VIDEO_SUFFIXES = frozenset(".mp4 .m4v .mov .3gp .3g2 .mkv .webm .avi .ts .flv".split())
#: One video's outcome: its signals, or the error that stopped it.
Hashed = tuple[Path, "VideoSignals | None", "UnsharedError | None"]


def split(paths: list[Path]) -> tuple[list[Path], list[Path]]:
    """The images and the videos among ``paths`` (folders walked for both)."""
    from unshared.hashing.batch import IMAGE_SUFFIXES, find_images

    files = find_images(paths, IMAGE_SUFFIXES | VIDEO_SUFFIXES)
    videos = [f for f in files if f.suffix.lower() in VIDEO_SUFFIXES]
    return [f for f in files if f.suffix.lower() not in VIDEO_SUFFIXES], videos


def read(path: Path, config: Settings) -> bytes:
    """A video file's bytes, refused by its size before it is read."""
    from unshared.hashing.batch import read_limited
    from unshared.hashing.decode import Limits

    return read_limited(path, Limits(max_file_bytes=config.video_max_bytes))


def hash_here(videos: list[Path], config: Settings) -> Iterator[Hashed]:
    """Each video hashed in this process."""
    if not videos:  # the video hasher (FFmpeg's prober, temporary files) loads for a video only
        return
    from unshared.errors import UnsharedError
    from unshared.hashing.video import VideoLimits, hash_video

    for path in videos:
        try:
            yield path, hash_video(read(path, config), VideoLimits.of(config)), None
        except UnsharedError as exc:
            yield path, None, exc


def each(
    videos: list[Path], config: Settings, work: Callable[[bytes], Verdict]
) -> Iterator[tuple[Path, Verdict | None, UnsharedError | None]]:
    """``work`` on each video's bytes, an error stopping that video only."""
    from unshared.errors import UnsharedError

    for path in videos:
        try:
            yield path, work(read(path, config)), None
        except UnsharedError as exc:
            yield path, None, exc


def error_json(path: Path, error: UnsharedError) -> dict[str, Any]:
    return {"path": str(path), "error": error.message, "code": error.code}
