"""Idempotency keys for making a case: a request sent again gets the same case and PIN back.

A client that sends a new case and loses the answer (a dropped connection, a gateway timeout, a
server killed mid-request) cannot know whether the case was made. If it was, its PIN was never
seen, and its hashes are live hashes that nobody can withdraw. So the client draws a random key
(``Idempotency-Key``, as the IETF draft names the header), sends it with the request, and sends
the same request with the same key again until it gets an answer.

What the store keeps of it, with the case (``CaseRequest``):

- the SHA-256 of the key, never the key, to find the case again;
- the SHA-256 of the request (the images' hashes, and whether the case is a minor's), so one
  key cannot stand for two requests;
- the PIN, sealed with AES-GCM under a key derived from the idempotency key by HKDF-SHA256. Only
  whoever holds the idempotency key can open it, so a stolen copy of the database gives no PIN.
  It is dropped once ``RETRY_WINDOW`` has passed (the hashes stay, so a late retry is refused
  rather than making a second case).

A key is 16 to 128 characters of ``[A-Za-z0-9_-]``; it must be random (Unshared's clients draw 122
bits or more), because whoever can guess it can open the PIN from a stolen database.
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import json
import re
import secrets
from collections.abc import Sequence
from datetime import datetime, timedelta
from typing import Any

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.kdf.hkdf import HKDF

from unshared.bank import validate
from unshared.bank.models import CaseRequest
from unshared.errors import InvalidInput, UnsharedError
from unshared.signals import Signal

#: How long a retried request can still get its PIN back: a day covers a client that retries
#: after a restart or the next morning, and bounds how long a sealed PIN sits in the database.
RETRY_WINDOW = timedelta(hours=24)

_KEY = re.compile(r"[A-Za-z0-9_-]{16,128}")
#: Binds the derived key to this one use, so the same idempotency key sealing anything else
#: some day cannot give the same AES key.
_INFO = b"unshared: the PIN of the case this idempotency key made, v1"
_NONCE_BYTES = 12


def new_key() -> str:
    """A fresh idempotency key: 32 random bytes, base64url (43 characters)."""
    return secrets.token_urlsafe(32)


def check_key(key: object) -> str:
    """``key`` if it has the form of an idempotency key; ``InvalidInput`` otherwise."""
    if not isinstance(key, str) or not _KEY.fullmatch(key):
        raise InvalidInput(
            "an Idempotency-Key is 16 to 128 characters of A-Z, a-z, 0-9, '-' and '_'"
        )
    return key


def key_hash(key: str) -> str:
    """What the store keeps to find the case a key made: SHA-256, lower-case hex."""
    return hashlib.sha256(check_key(key).encode()).hexdigest()


def request_hash(images: Sequence[Sequence[Signal]], *, minor: bool = False) -> str:
    """SHA-256 of what a case is made from: each image's hashes, by type and lower-case hex, in
    the order given, and whether it is a minor's. The same photos sent again give the same
    value, however the hex is cased; the same photos marked otherwise do not."""
    canonical: Any = [[[s.name, s.hex] for s in map(validate.signal, image)] for image in images]
    if validate.flag("minor", minor):
        # Only then: an adult's request hashes as it did before cases could be a minor's.
        canonical = {"images": canonical, "minor": True}
    return hashlib.sha256(json.dumps(canonical, separators=(",", ":")).encode()).hexdigest()


def new_request(
    key: str,
    images: Sequence[Sequence[Signal]],
    pin: str,
    now: datetime,
    *,
    minor: bool = False,
) -> CaseRequest:
    """What to keep with a case made by a request carrying ``key``, its PIN sealed."""
    asked = request_hash(images, minor=minor)
    return CaseRequest(
        key_hash=key_hash(key),
        request_hash=asked,
        sealed_pin=seal_pin(key, pin, asked),
        expires_at=now + RETRY_WINDOW,
    )


def seal_pin(key: str, pin: str, asked: str) -> str:
    """``pin`` sealed under ``key``, bound to the request (``asked``): base64url text."""
    nonce = secrets.token_bytes(_NONCE_BYTES)
    sealed = AESGCM(_derive(key)).encrypt(nonce, pin.encode(), asked.encode())
    return base64.urlsafe_b64encode(nonce + sealed).decode()


def open_pin(key: str, sealed: str, asked: str) -> str:
    """The PIN ``seal_pin`` sealed. A box that does not open under this key and request is a
    fault in the data (the store found it by this key's hash), not a wrong guess."""
    try:
        raw = base64.urlsafe_b64decode(sealed.encode())
        pin = AESGCM(_derive(key)).decrypt(raw[:_NONCE_BYTES], raw[_NONCE_BYTES:], asked.encode())
    except (InvalidTag, binascii.Error, ValueError):
        raise UnsharedError("a kept PIN does not open with its request's key") from None
    return pin.decode()


def _derive(key: str) -> bytes:
    # No salt: the input is already a random key, which is what HKDF's extract step needs.
    hkdf = HKDF(algorithm=hashes.SHA256(), length=32, salt=None, info=_INFO)
    return hkdf.derive(check_key(key).encode())
