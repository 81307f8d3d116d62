"""Facts for notices, a reader for the PDFs they are written to, a small web site on 127.0.0.1
(``site``: ``tests/takedown/site.py``), and the bank's real stores (a SQLite file, a PostgreSQL
schema) for the contract and end-to-end tests."""

from __future__ import annotations

import re
import zlib
from collections.abc import Iterator
from dataclasses import replace
from datetime import UTC, date, datetime, timedelta
from typing import Any

import pytest

from tests.bank.conftest import pin_hash, postgres_server, store, store_url
from tests.takedown.site import Site, serve_site
from unshared.signals import Md5, Pdq, Sha256
from unshared.takedown.notices import (
    Contact,
    Copy,
    NoticeFacts,
    Notifier,
    Operator,
    Regime,
    Signature,
)

FETCHED = datetime(2026, 11, 30, 9, 15, tzinfo=UTC)
FILE = b"the bytes of the fetched file"
PDQ = Pdq(bytes.fromhex("f0" * 32))
COPY = Copy(
    url="https://files.example.net/u/8841/IMG_2291.jpg",
    fetched_at=FETCHED,
    sha256=Sha256.of(FILE),
    md5=Md5.of(FILE),
    pdq=PDQ,
    distance=6,
)
PERSON = Contact("Lucía Fernández", "lucia@example.org")
OPERATOR = Operator("Helpline Example", Contact("Sam Carter", "notices@helpline.example"))


def make_facts(regime: Regime, *, by_operator: bool = False, **changes: Any) -> NoticeFacts:
    """A complete notice for ``regime``, from the person alone or (``by_operator``) the operator
    acting for them; ``changes`` replace fields."""
    notifier = (
        Notifier(person=PERSON, operator=OPERATOR, authorised_at=FETCHED + timedelta(hours=1))
        if by_operator
        else Notifier(person=PERSON)
    )
    signer = notifier.contact.name
    facts = NoticeFacts(
        regime=regime,
        case_number="K7QM-29XD",
        minor=False,
        host="files.example.net",
        abuse_contact="abuse@files.example.net",
        copies=(COPY,),
        other_copies=("https://mirror.example.com/p/55.jpg",),
        notifier=notifier,
        statement_confirmed=True,
        signature=Signature(signer, date(2026, 11, 30)),
        deadline=FETCHED + timedelta(hours=50),
    )
    return replace(facts, **changes)


def pdf_text(pdf: bytes) -> str:
    """The text drawn in a PDF written by fpdf2 with an embedded TrueType font: each string's
    two-byte glyph codes mapped back to characters through the font's ToUnicode map.

    A small reader for our own PDFs, not a general one (pypdf is not a dependency)."""
    streams = []
    for raw in re.findall(rb"stream\r?\n(.*?)\r?\nendstream", pdf, re.S):
        try:
            streams.append(zlib.decompress(raw))
        except zlib.error:
            streams.append(raw)
    to_unicode: dict[int, str] = {}
    for stream in streams:
        for code, uni in re.findall(rb"<([0-9A-Fa-f]{4})> <([0-9A-Fa-f]{4,8})>", stream):
            to_unicode[int(code, 16)] = bytes.fromhex(uni.decode()).decode("utf-16-be")
    lines = []
    for stream in streams:
        for block in re.findall(rb"BT (.*?) ET", stream, re.S):
            codes = b"".join(_unescape(s) for s in re.findall(rb"\(((?:\\.|[^\\)])*)\)", block))
            lines.append(
                "".join(
                    to_unicode.get(int.from_bytes(codes[i : i + 2], "big"), "\ufffd")
                    for i in range(0, len(codes) - 1, 2)
                )
            )
    return "\n".join(line for line in lines if line)


_ESCAPES = {b"n": b"\n", b"r": b"\r", b"t": b"\t", b"b": b"\b", b"f": b"\f"}


def _unescape(literal: bytes) -> bytes:
    def one(match: re.Match[bytes]) -> bytes:
        body = match.group(1)
        if body[:1].isdigit():
            return bytes([int(body, 8)])
        return _ESCAPES.get(body, body)

    return re.sub(rb"\\([0-7]{1,3}|.)", one, literal, flags=re.S)


class FakeClock:
    """Time that moves only when a test moves it (``Unshared(clock=...)``), so a 48-hour
    deadline passes without waiting for it."""

    def __init__(self, start: datetime | None = None) -> None:
        self.now = start or datetime.now(UTC).replace(microsecond=0)

    def __call__(self) -> datetime:
        return self.now

    def advance(self, **delta: float) -> datetime:
        self.now += timedelta(**delta)
        return self.now


@pytest.fixture
def site() -> Iterator[Site]:
    with serve_site() as running:
        yield running


__all__ = ["FakeClock", "pin_hash", "postgres_server", "site", "store", "store_url"]
