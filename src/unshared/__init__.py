"""Unshared: find and take down intimate images shared without consent, by their hashes alone.

The library's front door. Open a bank with ``Unshared(Settings.load())``, hash with
``hash_bytes``, match a ``Query`` to get a ``Verdict``; reach a remote service with ``Client``.
Every failure is an ``UnsharedError`` (see ``unshared.errors`` for the tree).

Names are imported on first use (PEP 562), so that ``import unshared`` and the ``unshared``
command's ``--help`` load neither numpy, the image libraries, faiss, OpenCV nor httpx.
"""

from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # what type checkers and editors see; at run time __getattr__ below loads them
    from unshared.client import Client
    from unshared.config import Settings
    from unshared.errors import (
        Conflict,
        CorruptImage,
        CorruptVideo,
        EmptyFile,
        FetchFailed,
        FetchRefused,
        FileTooLarge,
        Forbidden,
        ImageTooComplex,
        ImageTooLarge,
        InvalidInput,
        LowQuality,
        MalformedFeatures,
        MalformedSignal,
        NotAnImage,
        NotAVideo,
        NotFound,
        RateLimited,
        Unauthorized,
        Unavailable,
        UnsharedError,
        UnsupportedFormat,
        VideoTooComplex,
        VideoTooLong,
    )
    from unshared.hashing import hash_bytes, hash_pixels
    from unshared.hashing.video import hash_video
    from unshared.match import Match, Query, Verdict
    from unshared.service import Unshared
    from unshared.signals import Md5, Pdq, Sha256, SignalSet
    from unshared.video import VideoSignals, Vpdq

#: Where each public name lives.
_HOMES = {
    "Client": "unshared.client",
    "Conflict": "unshared.errors",
    "CorruptImage": "unshared.errors",
    "CorruptVideo": "unshared.errors",
    "EmptyFile": "unshared.errors",
    "FetchFailed": "unshared.errors",
    "FetchRefused": "unshared.errors",
    "FileTooLarge": "unshared.errors",
    "Forbidden": "unshared.errors",
    "ImageTooComplex": "unshared.errors",
    "ImageTooLarge": "unshared.errors",
    "InvalidInput": "unshared.errors",
    "LowQuality": "unshared.errors",
    "MalformedFeatures": "unshared.errors",
    "MalformedSignal": "unshared.errors",
    "Match": "unshared.match",
    "Md5": "unshared.signals",
    "NotAVideo": "unshared.errors",
    "NotAnImage": "unshared.errors",
    "NotFound": "unshared.errors",
    "Pdq": "unshared.signals",
    "Query": "unshared.match",
    "RateLimited": "unshared.errors",
    "Settings": "unshared.config",
    "Sha256": "unshared.signals",
    "SignalSet": "unshared.signals",
    "Unauthorized": "unshared.errors",
    "Unavailable": "unshared.errors",
    "Unshared": "unshared.service",
    "UnsharedError": "unshared.errors",
    "UnsupportedFormat": "unshared.errors",
    "Verdict": "unshared.match",
    "VideoSignals": "unshared.video",
    "VideoTooComplex": "unshared.errors",
    "VideoTooLong": "unshared.errors",
    "Vpdq": "unshared.video",
    "hash_bytes": "unshared.hashing",
    "hash_pixels": "unshared.hashing",
    "hash_video": "unshared.hashing.video",
}

__all__ = [
    "Client",
    "Conflict",
    "CorruptImage",
    "CorruptVideo",
    "EmptyFile",
    "FetchFailed",
    "FetchRefused",
    "FileTooLarge",
    "Forbidden",
    "ImageTooComplex",
    "ImageTooLarge",
    "InvalidInput",
    "LowQuality",
    "MalformedFeatures",
    "MalformedSignal",
    "Match",
    "Md5",
    "NotAVideo",
    "NotAnImage",
    "NotFound",
    "Pdq",
    "Query",
    "RateLimited",
    "Settings",
    "Sha256",
    "SignalSet",
    "Unauthorized",
    "Unavailable",
    "Unshared",
    "UnsharedError",
    "UnsupportedFormat",
    "Verdict",
    "VideoSignals",
    "VideoTooComplex",
    "VideoTooLong",
    "Vpdq",
    "hash_bytes",
    "hash_pixels",
    "hash_video",
]


def __getattr__(name: str) -> object:
    try:
        home = _HOMES[name]
    except KeyError:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}") from None
    value = getattr(import_module(home), name)
    globals()[name] = value  # once loaded, a plain attribute: no second lookup
    return value


def __dir__() -> list[str]:
    return sorted({*globals(), *__all__})
