"""Many files -> signals, on every core, one bad file never stopping the rest."""

from __future__ import annotations

import os
from collections.abc import Callable, Generator, Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

import numpy as np

from unshared.errors import FileTooLarge, InvalidInput, NotFound, UnsharedError
from unshared.hashing import hash_pixels
from unshared.hashing.decode import Limits, check_size, decode_for_pdq
from unshared.hashing.normalise import trimmed_views
from unshared.hashing.pdq import pdq_dihedral_of_pixels
from unshared.signals import Pdq, SignalSet

if TYPE_CHECKING:  # OpenCV is loaded only when features are asked for
    from unshared.features import Features

#: File name endings taken from folders (files named one by one are always tried).
IMAGE_SUFFIXES = frozenset(
    ".jpg .jpeg .jpe .jfif .png .webp .gif .bmp .dib .tif .tiff .heic .heif .hif .avif".split()
)


#: A trimmed view's own features are taken when it is at most this share of the picture's area.
INNER_AT_MOST = 0.5


@dataclass(frozen=True, slots=True)
class Views:
    """What a file's pixels give beside its signals, when asked for: the 8 PDQ hashes of each
    view of the picture with its margins trimmed (``trimmed``, for matching) and its local features
    (``keypoints``: at most that many; for protect banks), with those of its mirror image when
    ``mirrored`` (a query's) and of its smallest trimmed view when ``trimmed`` finds one under
    ``INNER_AT_MOST`` of the picture. They live in memory only."""

    trimmed: bool = False
    keypoints: int = 0
    mirrored: bool = False


@dataclass(frozen=True, slots=True)
class FileResult:
    """One file's signals, or the error that stopped it (never both), and the views asked
    for."""

    path: Path
    signals: SignalSet | None = None
    error: UnsharedError | None = None
    trimmed: tuple[Pdq, ...] = ()
    features: Features | None = None

    @property
    def ok(self) -> bool:
        return self.error is None


def find_images(paths: Iterable[Path], suffixes: frozenset[str] = IMAGE_SUFFIXES) -> list[Path]:
    """Files as given, and folders walked recursively for files named with one of
    ``suffixes``, image files by default (hidden ones skipped).

    A named path that does not exist is kept, so that hashing it reports the error.
    """
    found: list[Path] = []
    for path in paths:
        if path.is_dir():
            for root, dirs, files in os.walk(path):
                dirs[:] = sorted(d for d in dirs if not d.startswith("."))
                found.extend(
                    Path(root) / name
                    for name in sorted(files)
                    if not name.startswith(".") and Path(name).suffix.lower() in suffixes
                )
        else:
            found.append(path)
    return found


def read_limited(path: Path, limits: Limits) -> bytes:
    """Read a file, refusing one over the size limit before reading it."""
    try:
        check_size(path.stat().st_size, limits)
        with path.open("rb") as fh:
            data = fh.read(limits.max_file_bytes + 1)
    except FileNotFoundError:
        raise NotFound(f"no such file: {path}") from None
    except IsADirectoryError:
        raise InvalidInput(f"is a folder: {path}") from None
    except PermissionError:
        raise InvalidInput(f"not allowed to read {path}") from None
    if len(data) > limits.max_file_bytes:  # it grew while we looked
        raise FileTooLarge(f"the file is over {limits.max_file_bytes:,} bytes")
    return data


def hash_file(
    path: Path,
    limits: Limits = Limits(),
    min_quality: int = Pdq.DEFAULT_MIN_QUALITY,
    dihedral: bool = False,
    views: Views = Views(),
) -> FileResult:
    try:
        data = read_limited(path, limits)
        rgb = decode_for_pdq(data, limits)
        signals = hash_pixels(data, rgb, min_quality=min_quality, dihedral=dihedral)
    except UnsharedError as exc:
        return FileResult(path, error=exc)
    trimmed, features = views_of(rgb, views)
    return FileResult(path, signals=signals, trimmed=trimmed, features=features)


def hash_data(
    data: bytes, limits: Limits, min_quality: int, dihedral: bool, views: Views
) -> tuple[SignalSet, tuple[Pdq, ...], Features | None]:
    """One image's bytes -> its signals and the views asked for: what a decode worker runs."""
    rgb = decode_for_pdq(data, limits)
    signals = hash_pixels(data, rgb, min_quality=min_quality, dihedral=dihedral)
    return (signals, *views_of(rgb, views))


def views_of(rgb: np.ndarray, views: Views) -> tuple[tuple[Pdq, ...], Features | None]:
    """The 8 PDQ hashes of each trimmed view, one after the other (none when there is no
    margin to trim), and the local features of decoded pixels, as far as ``views`` asks."""
    inner = trimmed_views(rgb) if views.trimmed else []
    trimmed = tuple(h for view in inner for h in pdq_dihedral_of_pixels(view)[0])
    features = None
    if views.keypoints:
        from unshared.features import extract

        # The features of the smallest trimmed view too, when it is a small part of the picture
        # (a photo in a screenshot, the tightest box most often its own); a photo that only lost
        # a strip of sky keeps enough keypoints as it is.
        area = rgb.shape[0] * rgb.shape[1]
        small = [v for v in inner if v.shape[0] * v.shape[1] <= INNER_AT_MOST * area]
        smallest = min(small, key=lambda view: view.shape[0] * view.shape[1], default=None)
        features = extract(rgb, views.keypoints, mirror=views.mirrored, inner=smallest)
    return trimmed, features


def _hash_chunk(
    paths: list[Path], limits: Limits, min_quality: int, dihedral: bool, views: Views
) -> list[FileResult]:
    return [hash_file(p, limits, min_quality, dihedral, views) for p in paths]


def hash_uploads(
    paths: list[Path],
    *,
    workers: int | None = None,
    limits: Limits = Limits(),
    views: Views = Views(trimmed=True),
    on_done: Callable[[FileResult], None] | None = None,
) -> Iterator[FileResult]:
    """Hash files as uploads are hashed for matching, wherever that happens (the service, a
    platform's CLI sending hashes only): every hash at any PDQ quality (the matcher applies its
    own bar; a plain picture still gives its exact hashes), all 8 rotations and flips, and the
    PDQ of each view with its margins trimmed; local features only when ``views`` asks."""
    return hash_files(
        paths,
        workers=workers,
        limits=limits,
        min_quality=0,
        dihedral=True,
        views=views,
        on_done=on_done,
    )


def hash_files(
    paths: list[Path],
    *,
    workers: int | None = None,
    limits: Limits = Limits(),
    min_quality: int = Pdq.DEFAULT_MIN_QUALITY,
    dihedral: bool = False,
    views: Views = Views(),
    on_done: Callable[[FileResult], None] | None = None,
) -> Generator[FileResult, None, None]:
    """Hash files in order, on ``workers`` processes (default: every core).

    Results come back in the order of ``paths``; ``on_done`` is called for each as it arrives.
    """
    workers = workers or os.cpu_count() or 1
    if workers <= 1 or len(paths) <= 1:
        for path in paths:
            result = hash_file(path, limits, min_quality, dihedral, views)
            if on_done:
                on_done(result)
            yield result
        return
    # Loaded here: one file (``unshared hash photo.jpg``) starts faster without them.
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor

    from unshared.hashing.pool import die_with_parent

    # Chunks amortise the cost of sending work between processes; small enough to keep the
    # progress bar moving and the cores evenly loaded.
    size = max(1, min(16, len(paths) // (workers * 4)))
    chunks = [paths[i : i + size] for i in range(0, len(paths), size)]
    others = set(multiprocessing.active_children())
    # Workers die with this process (SIGKILL included), and are killed here when it stops early
    # (Ctrl-C, an error, a caller that stops reading): no worker hashes on for nobody.
    pool = ProcessPoolExecutor(max_workers=workers, initializer=die_with_parent)
    finished = False
    try:
        futures = [
            pool.submit(_hash_chunk, c, limits, min_quality, dihedral, views) for c in chunks
        ]
        for future in futures:
            for result in future.result():
                if on_done:
                    on_done(result)
                yield result
        finished = True
    finally:
        if not finished:
            for process in set(multiprocessing.active_children()) - others:
                process.kill()
        pool.shutdown(wait=True, cancel_futures=True)
