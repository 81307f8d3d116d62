"""Unshared: find and take down intimate images shared without consent, by their hashes alone.

The library's front door is ``unshared.service.Unshared``; a remote service is reached with
``unshared.Client``. Hashing is in ``unshared.hashing``, the bank in ``unshared.bank``.
"""

from __future__ import annotations

__all__ = ["Client"]


def __getattr__(name: str) -> object:
    # Lazily, so that importing unshared.errors does not pull in httpx and the image libraries.
    if name == "Client":
        from unshared.client import Client

        return Client
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
