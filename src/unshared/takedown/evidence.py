"""Evidence bundles: one case's log, sealed with the bank's Ed25519 key, checkable offline.

A bundle is UTF-8 text, one JSON object a line, each line ending in ``\\n``:

1. the manifest: format, version, case, store, when it was exported, the bank's public key, the
   number of records, the digest of the last one (``head``) and the case's registered hashes;
2. the records, oldest first, each exactly ``chain.canonical(record)``, so a line's SHA-256 is
   the record's digest and the next record's ``prev``;
3. the seal: the SHA-256 of every line above (to say *where* a bundle was changed) and the
   Ed25519 signature over the SHA-256 of all the bytes above (which says *whether* it was).

Anyone with the bytes and the public key can check it with ``cryptography`` or ``openssl`` alone
(docs/takedown.md, "Evidence"). No image is in a bundle: only hashes.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import secrets
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import (
    Ed25519PrivateKey,
    Ed25519PublicKey,
)

from unshared.errors import InvalidInput, UnsharedError
from unshared.takedown.chain import FIELDS, GENESIS, canonical, digest

FORMAT = "unshared-evidence"
VERSION = 1
MANIFEST_FIELDS = (
    "format",
    "version",
    "case",
    "store",
    "exported_at",
    "key",
    "records",
    "head",
    "entries",
)
SEAL_FIELDS = ("lines", "signature")
_HEX128 = re.compile("[0-9a-f]{128}")


def _json_line(value: Mapping[str, Any]) -> bytes:
    """The canonical form ``chain.canonical`` gives records, for the manifest and the seal."""
    text = json.dumps(
        value, sort_keys=True, separators=(",", ":"), ensure_ascii=False, allow_nan=False
    )
    return text.encode()


def _no_constants(name: str) -> Any:
    raise ValueError(f"{name} is not JSON")


# -- keys -------------------------------------------------------------------------------------


@dataclass(frozen=True)
class PublicKey:
    """The bank's public key, as investigators are given it."""

    raw: bytes

    @classmethod
    def parse(cls, text: str | bytes) -> PublicKey:
        """A key as 64 hex digits, a PEM ``PUBLIC KEY``, or the service's JSON answer
        (``GET /v1/evidence/key``)."""
        body = (text.decode(errors="replace") if isinstance(text, bytes) else text).strip()
        if body.startswith("{"):
            try:
                body = str(json.loads(body)["public_key"])
            except (ValueError, KeyError, TypeError) as exc:
                raise InvalidInput("a JSON key needs a public_key of 64 hex digits") from exc
        if body.startswith("-----BEGIN"):
            try:
                key = serialization.load_pem_public_key(body.encode())
            except ValueError as exc:
                raise InvalidInput(f"not a PEM public key: {exc}") from exc
            if not isinstance(key, Ed25519PublicKey):
                raise InvalidInput("the PEM key is not an Ed25519 key")
            return cls(key.public_bytes_raw())
        try:
            raw = bytes.fromhex(body)
        except ValueError:
            raw = b""
        if len(raw) != 32:
            raise InvalidInput("an Ed25519 public key is 64 hex digits, a PEM file or JSON")
        return cls(raw)

    @property
    def hex(self) -> str:
        return self.raw.hex()

    @property
    def fingerprint(self) -> str:
        """SHA-256 of the 32 raw key bytes: what to compare over the phone."""
        return hashlib.sha256(self.raw).hexdigest()

    @property
    def pem(self) -> str:
        return (
            Ed25519PublicKey.from_public_bytes(self.raw)
            .public_bytes(
                serialization.Encoding.PEM, serialization.PublicFormat.SubjectPublicKeyInfo
            )
            .decode()
        )

    def verifies(self, signature: bytes, message: bytes) -> bool:
        try:
            Ed25519PublicKey.from_public_bytes(self.raw).verify(signature, message)
        except InvalidSignature:
            return False
        return True


class BankKey:
    """The bank's Ed25519 signing key, kept as a PEM file readable by its owner only."""

    def __init__(self, private: Ed25519PrivateKey) -> None:
        self._private = private
        self.public = PublicKey(private.public_key().public_bytes_raw())

    @classmethod
    def generate(cls) -> BankKey:
        return cls(Ed25519PrivateKey.generate())

    @classmethod
    def load_or_create(cls, path: Path) -> BankKey:
        """The key at ``path``, made there first if there is none.

        Made in a temporary file (mode 0600) and then linked into place, which fails if the
        name exists: two processes starting at once both end up with the one key that won,
        and nobody ever reads a half-written file.
        """
        if not path.exists():
            path.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
            pem = Ed25519PrivateKey.generate().private_bytes(
                serialization.Encoding.PEM,
                serialization.PrivateFormat.PKCS8,
                serialization.NoEncryption(),
            )
            temp = path.with_name(f".{path.name}.{os.getpid()}.{secrets.token_hex(4)}.tmp")
            fd = os.open(temp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
            try:
                os.fchmod(fd, 0o600)
                os.write(fd, pem)
                os.fsync(fd)
            finally:
                os.close(fd)
            try:
                os.link(temp, path)
            except FileExistsError:
                pass  # another process made it first: use theirs
            finally:
                temp.unlink()
        # A damaged key file is the service's fault, not the caller's: a 500, never a 400.
        try:
            private = serialization.load_pem_private_key(path.read_bytes(), password=None)
        except (ValueError, TypeError) as exc:
            raise UnsharedError(f"the evidence key {path} is not an unencrypted PEM key") from exc
        if not isinstance(private, Ed25519PrivateKey):
            raise UnsharedError(f"the evidence key {path} is not an Ed25519 key")
        return cls(private)

    def sign(self, message: bytes) -> bytes:
        return self._private.sign(message)


# -- writing ----------------------------------------------------------------------------------


@dataclass(frozen=True)
class Exported:
    """What an exported bundle holds, for a person to read: its case, how many records, the
    sightings and notices they are about, and the head digest to keep for later comparison."""

    case: str
    records: int
    sightings: int
    notices: int
    head: str
    exported_at: str
    size: int
    path: Path | None = None

    @classmethod
    def of(
        cls, case: str, records: Sequence[Mapping[str, Any]], exported_at: str, size: int
    ) -> Exported:
        sightings = {r["data"].get("sighting") for r in records if r["kind"] == "sighting.reported"}
        notices = {r["data"].get("notice") for r in records if str(r["kind"]).startswith("notice.")}
        head = digest(records[-1]) if records else GENESIS
        return cls(case, len(records), len(sightings), len(notices), head, exported_at, size)

    def to_dict(self) -> dict[str, Any]:
        return {
            "case": self.case,
            "records": self.records,
            "sightings": self.sightings,
            "notices": self.notices,
            "head": self.head,
            "exported_at": self.exported_at,
            "bytes": self.size,
            "path": str(self.path) if self.path else None,
        }


def check_chain(records: Sequence[Mapping[str, Any]], case: str) -> str:
    """The head digest of ``records``; ``InvalidInput`` naming the first record that does not
    follow the one before it (a broken log is never sealed as if it were whole)."""
    prev = GENESIS
    for position, record in enumerate(records, start=1):
        missing = [name for name in FIELDS if name not in record]
        if missing:
            raise InvalidInput(f"record {position} lacks {missing}", position=position)
        if record["case"] != case or record["seq"] != position or record["prev"] != prev:
            raise InvalidInput(
                f"the log of case {case} is broken at record {position}: it does not follow"
                " the one before it",
                position=position,
            )
        prev = digest(record)
    return prev


def seal(
    records: Sequence[Mapping[str, Any]],
    key: BankKey,
    *,
    case: str,
    store_id: str,
    exported_at: str,
    entries: Iterable[Mapping[str, Any]] = (),
) -> bytes:
    """The bundle of ``case``, as bytes: its manifest, ``records`` (checked to chain first) and
    the seal. ``entries`` are the case's registered hashes, e.g. ``{"entry": 7, "type":
    "sha256", "hash": "..."}``, so an investigator can confirm a file they obtain."""
    head = check_chain(records, case)
    manifest = {
        "format": FORMAT,
        "version": VERSION,
        "case": case,
        "store": store_id,
        "exported_at": exported_at,
        "key": key.public.hex,
        "records": len(records),
        "head": head,
        "entries": [dict(entry) for entry in entries],
    }
    lines = [_json_line(manifest), *(canonical(record) for record in records)]
    body = b"".join(line + b"\n" for line in lines)
    sealed = {
        "lines": [hashlib.sha256(line).hexdigest() for line in lines],
        "signature": key.sign(hashlib.sha256(body).digest()).hex(),
    }
    return body + _json_line(sealed) + b"\n"


def write_bundle(
    out: Path,
    records: Sequence[Mapping[str, Any]],
    key: BankKey,
    *,
    case: str,
    store_id: str,
    exported_at: str,
    entries: Iterable[Mapping[str, Any]] = (),
) -> Path:
    """Write the bundle of ``case`` to ``out`` (``seal``), all at once or not at all."""
    data = seal(
        records, key, case=case, store_id=store_id, exported_at=exported_at, entries=entries
    )
    return write_file(out, data)


def write_file(out: Path, data: bytes) -> Path:
    """``data`` at ``out``, written to a temporary file beside it and renamed into place, so
    there is never half a bundle under its name."""
    temp = out.with_name(f".{out.name}.{secrets.token_hex(4)}.tmp")
    try:
        temp.write_bytes(data)
        temp.replace(out)
    finally:
        temp.unlink(missing_ok=True)
    return out


# -- verifying --------------------------------------------------------------------------------


@dataclass(frozen=True)
class Problem:
    """One thing wrong with a bundle: where (line, record, field) and what."""

    what: str
    line: int | None = None
    seq: int | None = None
    field: str | None = None

    @property
    def where(self) -> str:
        parts = []
        if self.line is not None:
            parts.append(f"line {self.line}")
        if self.seq is not None:
            parts.append(f"record seq {self.seq}")
        if self.field is not None:
            parts.append(f"field {self.field}")
        return ", ".join(parts) or "bundle"

    def __str__(self) -> str:
        return f"{self.where}: {self.what}"


@dataclass
class Verification:
    """What ``verify_bundle`` found: ``ok`` when there are no problems."""

    problems: list[Problem] = field(default_factory=list)
    manifest: dict[str, Any] = field(default_factory=dict)
    records: list[dict[str, Any]] = field(default_factory=list)
    key: PublicKey | None = None

    @property
    def ok(self) -> bool:
        return not self.problems

    def summary(self) -> str:
        """A few lines for a person: the case, its span of time, its records by kind, the key."""
        m = self.manifest
        kinds = Counter(str(r.get("kind")) for r in self.records)
        times = [str(r.get("at")) for r in self.records]
        lines = [
            f"case {m.get('case')} from store {m.get('store')}, exported {m.get('exported_at')}",
            f"{len(self.records)} records" + (f", {min(times)} to {max(times)}" if times else ""),
            *(f"  {count:5d}  {kind}" for kind, count in sorted(kinds.items())),
            f"{len(m.get('entries') or [])} registered hashes",
            f"head {m.get('head')}",
            f"signed by Ed25519 key {self.key.fingerprint if self.key else '?'} (SHA-256)",
        ]
        return "\n".join(lines)


def _parse(line: bytes, number: int, problems: list[Problem]) -> dict[str, Any] | None:
    try:
        value = json.loads(line.decode(), parse_constant=_no_constants)
    except (UnicodeDecodeError, ValueError, RecursionError) as exc:
        problems.append(Problem(f"not a JSON line ({exc})", line=number))
        return None
    if not isinstance(value, dict):
        problems.append(Problem("not a JSON object", line=number))
        return None
    return value


def _fields(
    value: dict[str, Any], names: Sequence[str], problems: list[Problem], **where: Any
) -> bool:
    missing = [name for name in names if name not in value]
    for name in missing:
        problems.append(Problem("missing", field=name, **where))
    return not missing


def _check_record(
    record: dict[str, Any], line: bytes, number: int, prev: str | None, case: Any
) -> list[Problem]:
    """A record's own problems; ``prev`` is the digest of the line before (None when that line
    could not be read, so there is nothing to compare with)."""
    seq = number - 1
    at: dict[str, Any] = {"line": number, "seq": seq}
    problems: list[Problem] = []
    if not _fields(record, FIELDS, problems, **at):
        return problems
    extra = sorted(set(record) - set(FIELDS))
    if extra:
        problems.append(Problem(f"fields not in a record: {extra}", **at))
    elif canonical(record) != line:
        problems.append(Problem("not in canonical form (keys sorted, no spaces)", **at))
    if record["seq"] != seq:
        problems.append(Problem(f"is {record['seq']!r}, expected {seq}", field="seq", **at))
    if record["case"] != case:
        problems.append(
            Problem(f"is {record['case']!r}, the manifest's is {case!r}", field="case", **at)
        )
    if prev is not None and record["prev"] != prev:
        problems.append(
            Problem(
                f"is {str(record['prev'])[:16]}..., but the record before hashes to"
                f" {prev[:16]}...: one of the two was changed",
                field="prev",
                **at,
            )
        )
    if not isinstance(record["kind"], str) or not isinstance(record["data"], dict):
        problems.append(Problem("kind must be text and data an object", **at))
    return problems


def _check_manifest(manifest: dict[str, Any], records: int, head: str | None) -> list[Problem]:
    at: dict[str, Any] = {"line": 1}
    problems: list[Problem] = []
    if not _fields(manifest, MANIFEST_FIELDS, problems, **at):
        return problems
    if manifest["format"] != FORMAT or manifest["version"] != VERSION:
        problems.append(
            Problem(
                f"not a {FORMAT} bundle of version {VERSION}: {manifest['format']!r}"
                f" {manifest['version']!r}",
                field="format",
                **at,
            )
        )
    if not isinstance(manifest["entries"], list):
        problems.append(Problem("must be a list", field="entries", **at))
    if manifest["records"] != records:
        problems.append(
            Problem(
                f"says {manifest['records']!r} records, the bundle holds {records}",
                field="records",
                **at,
            )
        )
    if head is not None and manifest["head"] != head:
        problems.append(
            Problem(
                f"is {str(manifest['head'])[:16]}..., the last record hashes to {head[:16]}...",
                field="head",
                **at,
            )
        )
    return problems


def _manifest_key(manifest: dict[str, Any], problems: list[Problem]) -> PublicKey | None:
    try:
        return PublicKey.parse(str(manifest.get("key", "")))
    except InvalidInput:
        problems.append(Problem("not an Ed25519 public key", line=1, field="key"))
        return None


def _check_seal(
    seal: dict[str, Any] | None,
    seal_line: bytes,
    lines: list[bytes],
    body: bytes,
    key: PublicKey | None,
    problems: list[Problem],
) -> None:
    """The seal's signature, and which lines differ from what was signed.

    When the signature holds, the lines are as signed and a differing digest in the seal was
    changed; when it fails, a line whose digest differs is the one that was changed (a seal
    whose digests all agree but whose signature fails had its signature changed)."""
    number = len(lines) + 1
    if seal is None or not _fields(seal, SEAL_FIELDS, problems, line=number):
        return
    digests = seal["lines"]
    # Only the one spelling of a seal: lower-case hex, canonical JSON. Any other byte in this
    # line then reads as a change, as it does in the lines above.
    text = str(seal["signature"])
    signature = bytes.fromhex(text) if _HEX128.fullmatch(text) else b""
    if _json_line(seal) != seal_line:
        problems.append(Problem("not in canonical form (keys sorted, no spaces)", line=number))
    signed = key is not None and len(signature) == 64
    signed = signed and key is not None and key.verifies(signature, hashlib.sha256(body).digest())
    if not isinstance(digests, list) or len(digests) != len(lines):
        problems.append(
            Problem(
                f"lists {len(digests) if isinstance(digests, list) else '?'} lines,"
                f" the bundle holds {len(lines)} before it",
                line=number,
                field="lines",
            )
        )
        digests = []
    for index, (line, recorded) in enumerate(zip(lines, digests, strict=False)):
        if hashlib.sha256(line).hexdigest() == recorded:
            continue
        if signed:
            problems.append(
                Problem(
                    f"its digest of line {index + 1} was changed (that line is as signed)",
                    line=number,
                    field=f"lines[{index}]",
                )
            )
        else:
            problems.append(
                Problem(
                    "changed after signing: its SHA-256 is not the one the seal recorded",
                    line=index + 1,
                    seq=index if index else None,
                )
            )
    if not signed:
        problems.append(
            Problem(
                "the Ed25519 signature does not verify over the bytes before it under the"
                " manifest's key"
                + (
                    ""
                    if any(p.line is not None and p.line < number for p in problems)
                    else ": the signature was changed, or made by another key"
                ),
                line=number,
                field="signature",
            )
        )


def verify_bundle(path: Path, *, public_key: PublicKey | None = None) -> Verification:
    """Check a bundle offline; every problem found is named with where it is.

    ``public_key`` is the bank's published key: without it, the bundle is checked to be whole
    under the key it carries, which proves nothing about who made it."""
    data = path.read_bytes()
    result = Verification()
    problems = result.problems
    if not data.endswith(b"\n"):
        problems.append(
            Problem("the bundle does not end with a newline", line=data.count(b"\n") + 1)
        )
    lines = data.split(b"\n")
    if lines and lines[-1] == b"":
        lines.pop()
    if len(lines) < 2:
        problems.append(Problem("a bundle has a manifest line and a seal line at least"))
        return result
    parsed = [_parse(line, number, problems) for number, line in enumerate(lines, start=1)]
    manifest, seal = parsed[0] or {}, parsed[-1]
    result.manifest = manifest
    if parsed[0] is not None and _json_line(manifest) != lines[0]:
        problems.append(Problem("not in canonical form (keys sorted, no spaces)", line=1))
    prev: str | None = GENESIS
    body_lines = lines[:-1]
    for number in range(2, len(lines)):
        record = parsed[number - 1]
        if record is None:
            prev = None
            continue
        if all(name in record for name in SEAL_FIELDS):
            problems.append(
                Problem(
                    "a seal, but not on the last line: what follows was added after signing",
                    line=number,
                )
            )
            prev = None
            continue
        problems.extend(
            _check_record(record, lines[number - 1], number, prev, manifest.get("case"))
        )
        result.records.append(record)
        prev = hashlib.sha256(lines[number - 1]).hexdigest()
    if parsed[0] is not None:
        problems.extend(_check_manifest(manifest, len(lines) - 2, prev))
    result.key = _manifest_key(manifest, problems) if parsed[0] is not None else None
    if public_key is not None and result.key is not None and result.key != public_key:
        problems.append(
            Problem(
                f"the bundle is signed by key {result.key.fingerprint[:16]}..., not the bank's"
                f" key {public_key.fingerprint[:16]}...",
                line=1,
                field="key",
            )
        )
    body = data[: sum(len(line) + 1 for line in body_lines)]
    _check_seal(seal, lines[-1], body_lines, body, result.key, problems)
    problems.sort(key=lambda p: (p.line if p.line is not None else 0, p.seq or 0))
    return result
