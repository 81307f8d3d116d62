"""Case numbers and PINs: what a person keeps to act on their case later, such as withdrawing it.

Both are drawn with ``secrets`` from 30 characters that are hard to misread (Crockford's base 32
without 0 and 1, so no O/0, I/1/L or U/V pairs): a case number like ``UN-7KQ4-M2XD`` (8 characters,
about 39 bits) and a PIN like ``K4M7Q-2XD9P`` (10 characters, about 49 bits). The PIN is stored only
as a slow salted scrypt hash, with its parameters in the string so they can be raised later; 49
bits keeps even a stolen copy of the database from giving PINs up to a guessing attack.

Input is forgiving: case and white space do not matter, nor do hyphens.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import re
import secrets

from unshared.errors import InvalidInput, UnsharedError

ALPHABET = "23456789ABCDEFGHJKMNPQRSTVWXYZ"
CASE_PREFIX = "UN"
CASE_CHARS = 8
PIN_CHARS = 10

#: scrypt cost: 2**14 blocks of 128 * 8 bytes is 16 MiB and about 50 ms a guess.
SCRYPT_LOG_N = 14
SCRYPT_R = 8
SCRYPT_P = 1
_SALT_BYTES = 16
_KEY_BYTES = 32
_MAX_PIN_INPUT = 64
_SEPARATORS = re.compile(r"[\s\-]+")
_STORED = re.compile(r"scrypt\$ln=(\d+),r=(\d+),p=(\d+)\$([A-Za-z0-9+/=]+)\$([A-Za-z0-9+/=]+)")


def _draw(n: int) -> str:
    return "".join(secrets.choice(ALPHABET) for _ in range(n))


def _squash(text: str) -> str:
    return _SEPARATORS.sub("", text).upper()


def new_case_number() -> str:
    """A fresh case number, ``UN-XXXX-XXXX``; the store retries on the rare collision."""
    body = _draw(CASE_CHARS)
    return f"{CASE_PREFIX}-{body[:4]}-{body[4:]}"


def normalise_case_number(text: str) -> str:
    """The canonical form of a case number as a person may type it (``un 7kq4m2xd`` works)."""
    body = _squash(text) if isinstance(text, str) else ""
    if len(body) == len(CASE_PREFIX) + CASE_CHARS and body.startswith(CASE_PREFIX):
        body = body[len(CASE_PREFIX) :]
    if len(body) != CASE_CHARS or not set(body) <= set(ALPHABET):
        raise InvalidInput(
            f"a case number looks like {CASE_PREFIX}-XXXX-XXXX, from the letters and digits"
            f" {ALPHABET}"
        )
    return f"{CASE_PREFIX}-{body[:4]}-{body[4:]}"


def new_pin() -> str:
    """A fresh PIN, ``XXXXX-XXXXX``: shown to the person once, stored only as ``hash_pin(pin)``."""
    body = _draw(PIN_CHARS)
    return f"{body[:5]}-{body[5:]}"


def hash_pin(pin: str) -> str:
    """A salted scrypt hash of ``pin``: ``scrypt$ln=14,r=8,p=1$<salt>$<key>`` (base 64)."""
    canonical = _squash(pin) if isinstance(pin, str) else ""
    if not canonical or len(canonical) > _MAX_PIN_INPUT:
        raise InvalidInput(f"a PIN is 1 to {_MAX_PIN_INPUT} characters")
    salt = secrets.token_bytes(_SALT_BYTES)
    key = _scrypt(canonical, salt, SCRYPT_LOG_N, SCRYPT_R, SCRYPT_P)
    return (
        f"scrypt$ln={SCRYPT_LOG_N},r={SCRYPT_R},p={SCRYPT_P}"
        f"${base64.b64encode(salt).decode()}${base64.b64encode(key).decode()}"
    )


def verify_pin(pin: str, stored: str) -> bool:
    """Whether ``pin`` is the one ``stored`` was made from, compared in constant time.

    A stored value that is not a hash from ``hash_pin`` is a fault in the data, not a wrong PIN,
    so it raises rather than answering ``False``.
    """
    found = _STORED.fullmatch(stored) if isinstance(stored, str) else None
    if found is None:
        raise UnsharedError("a stored PIN hash is not in the form hash_pin writes")
    log_n, r, p = (int(found.group(i)) for i in (1, 2, 3))
    salt = base64.b64decode(found.group(4))
    expected = base64.b64decode(found.group(5))
    if len(expected) < 16:
        raise UnsharedError("a stored PIN hash has too short a key")
    canonical = _squash(pin) if isinstance(pin, str) else ""
    if not canonical or len(canonical) > _MAX_PIN_INPUT:
        # Still spend the time a real check takes, so timing does not tell the two apart.
        _scrypt("-", salt, log_n, r, p, len(expected))
        return False
    return hmac.compare_digest(_scrypt(canonical, salt, log_n, r, p, len(expected)), expected)


def _scrypt(text: str, salt: bytes, log_n: int, r: int, p: int, dklen: int = _KEY_BYTES) -> bytes:
    if not (10 <= log_n <= 20 and 1 <= r <= 32 and 1 <= p <= 16):
        raise UnsharedError("a stored PIN hash has scrypt parameters out of range")
    return hashlib.scrypt(
        text.encode(),
        salt=salt,
        n=1 << log_n,
        r=r,
        p=p,
        maxmem=256 * 1024 * 1024,
        dklen=dklen,
    )


def is_pin_hash(text: object) -> bool:
    """Whether ``text`` has the form ``hash_pin`` writes (and so is not a bare PIN)."""
    return isinstance(text, str) and _STORED.fullmatch(text) is not None
