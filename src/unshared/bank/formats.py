"""Hash lists in and out, in the formats the field already uses. Streaming both ways: a reader
yields one record at a time and a writer writes one row at a time, so ten million lines take no
more memory than ten.

Reading gives ``(Signal, metadata)`` records, ready for ``Store.import_records``. A malformed line
raises ``MalformedSignal`` (a bad hash) or ``InvalidInput`` (anything else), with its line number in
the message and in ``detail["line"]``.

**Lines** (``read_lines``, ``write_lines``): one hash per line, of ``signal_type`` (PDQ unless
told); blank lines and ``#`` comments are skipped. A line may also be ``<type> <hash>``, the layout
python-threatexchange's local-file exchange reads (``pdq 0f3c...``).

**CSV** (``read_csv``, ``write_csv``), with a header row. Two layouts are read, told apart by the
header:

- python-threatexchange's ``threatexchange dataset -P --csv``: ``signal_type, signal_str, collab,
  category, tags``. ``collab`` and ``category`` go into the metadata as they are, ``tags`` as a
  list (the column is space-separated).
- ThreatExchange's own, as ``threatexchange api fb_threatexchange query`` writes it: ``type``
  (``HASH_PDQ``, ``HASH_MD5``, ``HASH_SHA256``) and ``indicator``; ``tags`` as above, and every
  other column (``id``, ``status``, ``owner_id``, ...) into the metadata as ``te_<column>``.

In either, a column not named here goes into the metadata under its own name, and empty cells are
left out. The signal types are Unshared's (``pdq``, ``md5``, ``sha256``); others, such as
python-threatexchange's ``video_md5``, are refused.

``write_csv`` writes the first layout, so what reads ``dataset --csv`` reads ours, with five
columns more: ``bank, entry_id, status, added_at, metadata`` (the rest of the metadata as a JSON
object). Its ``category`` is the entry's own category when it has one (``minor``: an image of a
minor, see ``bank.models.CATEGORIES``), which wins over a ``category`` in the metadata (that one
then stays in the ``metadata`` column); else the metadata's, as read. Reading any CSV keeps
``category`` as metadata text: an import never marks entries as a minor's (a case or a sync
does). Reading our own export skips rows whose ``status`` is not ``active``, so an export that
holds withdrawn entries can never bring them back; the other four are for people, not for import.
Case numbers are never written.

Spreadsheet programs run a cell that starts with ``=``, ``+``, ``-`` or ``@`` as a formula.
Hashes never start so, but free metadata might: open exports from untrusted sources as text.
"""

from __future__ import annotations

import csv
import json
from collections.abc import Iterable, Iterator
from typing import Any, TextIO

from unshared.bank import validate
from unshared.bank.models import Entry
from unshared.bank.store import Record
from unshared.errors import InvalidInput, MalformedSignal
from unshared.signals import SIGNAL_TYPES, Signal

CSV_COLUMNS = (
    "signal_type",
    "signal_str",
    "collab",
    "category",
    "tags",
    "bank",
    "entry_id",
    "status",
    "added_at",
    "metadata",
)
#: ThreatExchange indicator types and the signal types they are.
TE_TYPES = {"HASH_PDQ": "pdq", "HASH_MD5": "md5", "HASH_SHA256": "sha256"}
_EXPORT_ONLY = frozenset({"bank", "entry_id", "status", "added_at"})
_TEXT_COLUMNS = ("collab", "category")


def read_lines(lines: Iterable[str], *, signal_type: str = "pdq") -> Iterator[Record]:
    """Records from a hash-per-line list; see the module's notes."""
    default = validate.signal_type(signal_type)
    for number, raw in enumerate(lines, start=1):
        text = raw.split("#", 1)[0].strip()
        if not text:
            continue
        parts = text.split()
        if len(parts) == 1:
            name, value = default, parts[0]
        elif len(parts) == 2:
            name, value = parts
        else:
            raise MalformedSignal(
                f"line {number}: expected a hash, or a signal type and a hash", line=number
            )
        yield _parse(name, value, number), {}


def write_lines(entries: Iterable[Entry], out: TextIO, *, with_type: bool = False) -> int:
    """Write one hash per line (``<type> <hash>`` with ``with_type``); the number written.

    Without ``with_type`` every entry must be of one signal type, or the list could not be read
    back: pass ``store.entries(signal_type="pdq")``.
    """
    count = 0
    first: str | None = None
    for entry in entries:
        if with_type:
            out.write(f"{entry.signal_type} {entry.value}\n")
        else:
            first = first or entry.signal_type
            if entry.signal_type != first:
                raise InvalidInput(
                    f"a plain hash list holds one signal type; got {first} and then"
                    f" {entry.signal_type} (write with types, or filter by signal type)"
                )
            out.write(f"{entry.value}\n")
        count += 1
    return count


def read_csv(lines: Iterable[str]) -> Iterator[Record]:
    """Records from a CSV in either layout the module's notes describe.

    ``lines`` is a text file opened with ``newline=""`` (or any iterable of its lines).
    """
    reader = csv.reader(lines)
    header = next(reader, None)
    if header is None:
        return
    header = [name.strip() for name in header]
    if header:
        header[0] = header[0].removeprefix("\ufeff")
    if {"signal_type", "signal_str"} <= set(header):
        layout = "pytx"
    elif {"type", "indicator"} <= set(header):
        layout = "te"
    else:
        raise InvalidInput(
            "line 1: a CSV needs a header with signal_type and signal_str"
            " (python-threatexchange) or type and indicator (ThreatExchange)",
            line=1,
        )
    for row in reader:
        number = reader.line_num
        if not any(cell.strip() for cell in row):
            continue
        if len(row) != len(header):
            raise InvalidInput(
                f"line {number}: {len(row)} fields where the header has {len(header)}",
                line=number,
            )
        cells = {name: cell.strip() for name, cell in zip(header, row, strict=True)}
        record = _pytx_row(cells, number) if layout == "pytx" else _te_row(cells, number)
        if record is not None:
            yield record


def write_csv(entries: Iterable[Entry], out: TextIO) -> int:
    """Write entries as CSV (``CSV_COLUMNS``); the number written. ``out`` is opened with
    ``newline=""``."""
    writer = csv.writer(out)
    writer.writerow(CSV_COLUMNS)
    count = 0
    for entry in entries:
        rest = dict(entry.metadata)
        texts: dict[str, str] = {}
        for name in _TEXT_COLUMNS:
            value = rest.get(name)
            if isinstance(value, str) and value and value == value.strip():
                texts[name] = rest.pop(name)
        if entry.category is not None:
            if "category" in texts:
                rest["category"] = texts.pop("category")
            texts["category"] = entry.category
        tags = rest.get("tags")
        tag_cell = ""
        if _plain_tags(tags):
            tag_cell = " ".join(rest.pop("tags"))
        writer.writerow(
            (
                entry.signal_type,
                entry.value,
                texts.get("collab", ""),
                texts.get("category", ""),
                tag_cell,
                entry.bank,
                entry.id,
                entry.status,
                entry.added_at.isoformat(),
                json.dumps(rest, ensure_ascii=False, sort_keys=True) if rest else "",
            )
        )
        count += 1
    return count


def _pytx_row(cells: dict[str, str], number: int) -> Record | None:
    if cells.get("status", "active") not in ("", "active"):
        return None  # an export of an entry withdrawn, disabled or quarantined
    signal = _parse(cells["signal_type"], cells["signal_str"], number)
    metadata: dict[str, Any] = {}
    if cells.get("metadata"):
        try:
            loaded = json.loads(cells["metadata"])
        except ValueError:
            loaded = None
        if not isinstance(loaded, dict):
            raise InvalidInput(f"line {number}: metadata is not a JSON object", line=number)
        metadata.update(loaded)
    for name, value in cells.items():
        if not value or name in ("signal_type", "signal_str", "metadata") or name in _EXPORT_ONLY:
            continue
        metadata[name] = value.split() if name == "tags" else value
    return signal, _metadata(metadata, number)


def _te_row(cells: dict[str, str], number: int) -> Record:
    indicator_type = cells["type"]
    if indicator_type not in TE_TYPES:
        raise MalformedSignal(
            f"line {number}: ThreatExchange type {indicator_type!r} is not one of"
            f" {', '.join(TE_TYPES)}",
            line=number,
            signal=indicator_type[:100],
        )
    signal = _parse(TE_TYPES[indicator_type], cells["indicator"], number)
    metadata: dict[str, Any] = {}
    for name, value in cells.items():
        if not value or name in ("type", "indicator"):
            continue
        if name == "tags":
            metadata["tags"] = value.split()
        else:
            metadata[f"te_{name}"] = value
    return signal, _metadata(metadata, number)


def _parse(name: str, value: str, number: int) -> Signal:
    try:
        return SIGNAL_TYPES.parse(name, value)
    except MalformedSignal as exc:
        detail = {k: v for k, v in exc.detail.items() if k != "line"}
        raise MalformedSignal(f"line {number}: {exc.message}", line=number, **detail) from None


def _metadata(metadata: dict[str, Any], number: int) -> dict[str, Any]:
    try:
        return validate.metadata(metadata)
    except InvalidInput as exc:
        raise InvalidInput(f"line {number}: {exc.message}", line=number) from None


def _plain_tags(tags: object) -> bool:
    """Whether ``tags`` survives the space-separated tags column unchanged."""
    return (
        isinstance(tags, list)
        and bool(tags)
        and all(isinstance(t, str) and t and t.split() == [t] for t in tags)
    )
