"""StopNCII.org hash pages in: what its ``FetchHashes`` call answers, saved as JSON.

A page is ``{"count", "nextPageToken", "nextSetTimestamp", "hasMoreRecords", "hashRecords"}``;
a file may hold one page or a JSON array of pages, applied in order. Each record is one hash::

    {"lastModtimestamp": 1700000000, "signalType": "ImagePDQ", "hashValue": "f8f8...",
     "hashStatus": "Active", "caseNumbers": {...}, "CSPFeedbacks": [...]}

``hashStatus`` decides (``read_page``): ``Active`` and ``Received`` hashes are to be in the bank;
``Withdrawn`` and ``Deleted`` ones are to leave it: a person took their case back, and a copy of
the list that kept matching their hash would break the promise made to them.
python-threatexchange's own StopNCII exchange tests ``hashValue`` against those words instead of
``hashStatus``, so it never drops a withdrawn hash; this module reads the status.

``ImagePDQ`` hashes are PDQ; ``VideoMD5`` hashes are the MD5 of a file, Unshared's ``md5``. Other
types (``VideoTMK``, ``Text``, ``URL``) and an ``Unknown`` status are skipped and counted.
``caseNumbers`` and ``CSPFeedbacks`` are not kept: case numbers would tell platforms, who see an
entry's metadata with each match, which hashes are one person's.
"""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any, TextIO

from unshared.bank.store import Record
from unshared.errors import InvalidInput, MalformedSignal
from unshared.signals import SIGNAL_TYPES, Signal

#: StopNCII signal types and the signal types they are here.
SIGNAL_TYPE_NAMES = {"ImagePDQ": "pdq", "VideoMD5": "md5"}
#: Statuses of a hash that is to be matched, and of one that is to be withdrawn.
ACTIVE = frozenset({"Active", "Received"})
WITHDRAWN = frozenset({"Withdrawn", "Deleted"})
#: The source of entries imported from StopNCII: only those are withdrawn by its list.
SOURCE = "stopncii"
METADATA = {"list": "stopncii"}


@dataclass
class Page:
    """What one file of StopNCII pages says, each hash at its latest status in the file."""

    records: int = 0
    active: dict[Signal, dict[str, Any]] = field(default_factory=dict)
    withdrawn: set[Signal] = field(default_factory=set)
    #: Records left out, by why: ``type VideoTMK``, ``status Unknown``.
    skipped: Counter[str] = field(default_factory=Counter)

    def to_add(self) -> Iterator[Record]:
        yield from self.active.items()


def read_page(stream: TextIO) -> Page:
    """A StopNCII page (or an array of pages) -> the hashes to add and to withdraw.

    A later record for the same hash overrides an earlier one, as in the list itself.
    ``InvalidInput`` for a file that is not such JSON, ``MalformedSignal`` for a bad hash; the
    message names the record (``page 1, record 3``)."""
    try:
        data = json.load(stream)
    except ValueError as exc:
        raise InvalidInput(f"a StopNCII hash page is JSON: {exc}") from None
    pages = data if isinstance(data, list) else [data]
    out = Page()
    for page_number, page in enumerate(pages, start=1):
        if not isinstance(page, dict) or not isinstance(page.get("hashRecords"), list):
            raise InvalidInput(
                f"page {page_number}: a StopNCII hash page is an object with hashRecords",
                page=page_number,
            )
        for number, record in enumerate(page["hashRecords"], start=1):
            where = f"page {page_number}, record {number}"
            out.records += 1
            _apply(out, record, where)
    return out


def _apply(out: Page, record: object, where: str) -> None:
    if not isinstance(record, dict):
        raise InvalidInput(f"{where}: a hash record is an object")
    kind, value, status = (
        record.get("signalType"),
        record.get("hashValue"),
        record.get("hashStatus"),
    )
    if not (isinstance(kind, str) and isinstance(value, str) and isinstance(status, str)):
        raise InvalidInput(f"{where}: signalType, hashValue and hashStatus are text")
    name = SIGNAL_TYPE_NAMES.get(kind)
    if name is None:
        out.skipped[f"type {kind[:40]}"] += 1
        return
    if status not in ACTIVE | WITHDRAWN:
        out.skipped[f"status {status[:40]}"] += 1
        return
    try:
        signal = SIGNAL_TYPES.parse(name, value)
    except MalformedSignal as exc:
        raise MalformedSignal(f"{where}: {exc.message}", **exc.detail) from None
    if status in ACTIVE:
        out.withdrawn.discard(signal)
        out.active[signal] = dict(METADATA)
    else:
        out.active.pop(signal, None)
        out.withdrawn.add(signal)
