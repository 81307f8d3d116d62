"""One index in one file, written atomically, read back whole and checked.

Layout::

    b"UNSHIDX\\n"                 magic, 8 bytes
    header length, header CRC-32  two little-endian uint32
    header                        JSON: format, kind, params, meta, and per array its dtype,
                                  shape, offset, length and CRC-32
    arrays                        raw C-order bytes, each starting on a 64-byte boundary

Writing goes to a temporary file in the same folder, is fsynced, then renamed over the target with
``os.replace``, and the folder is fsynced: a process killed at any point leaves either the old file
or the new one, never a mix. Reading checks the magic, the header, the size and every array's CRC
(about 2 GB/s), so a damaged, truncated or foreign file raises ``CorruptIndex`` and the caller can
rebuild the index from the store instead of matching against garbage.
"""

from __future__ import annotations

import io
import json
import os
import struct
import tempfile
import zlib
from collections.abc import Iterator, Mapping
from pathlib import Path
from typing import Any, Final

import numpy as np
import numpy.typing as npt

from unshared.errors import InvalidInput, NotFound, UnsharedError

MAGIC: Final = b"UNSHIDX\n"
FORMAT: Final = 1
_ALIGN: Final = 64
_PREFIX = struct.Struct("<8sII")
_MAX_HEADER: Final = 1 << 24


class CorruptIndex(UnsharedError):
    """An index file that is damaged, truncated, or not the kind asked for: rebuild it."""

    code = "corrupt_index"


def write_index_file(
    path: str | os.PathLike[str],
    kind: str,
    params: Mapping[str, Any],
    arrays: Mapping[str, npt.NDArray[Any]],
    meta: Mapping[str, Any] | None = None,
) -> None:
    """Write ``arrays`` with their ``params`` and the caller's ``meta`` (JSON) to ``path``."""
    target = Path(path)
    entries: dict[str, dict[str, Any]] = {}
    offset = 0
    for name, a in arrays.items():
        entries[name] = {
            "dtype": a.dtype.str,
            "shape": list(a.shape),
            "offset": offset,
            "nbytes": a.nbytes,
            "crc32": _crc32(a),
        }
        offset = _aligned(offset + a.nbytes)
    header_doc = {
        "format": FORMAT,
        "kind": kind,
        "params": dict(params),
        "meta": dict(meta or {}),
        "arrays": entries,
    }
    try:
        header = json.dumps(header_doc, sort_keys=True, allow_nan=False).encode()
    except (TypeError, ValueError) as e:
        raise InvalidInput(f"index metadata must be plain JSON: {e}") from None
    data_start = _aligned(_PREFIX.size + len(header))

    fd, tmp_name = tempfile.mkstemp(dir=target.parent, prefix=f".{target.name}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "wb") as f:
            f.write(_PREFIX.pack(MAGIC, len(header), zlib.crc32(header)))
            f.write(header)
            for name, a in arrays.items():
                f.seek(data_start + entries[name]["offset"])
                for piece in _pieces(a):
                    f.write(piece)
            f.truncate(data_start + offset)
            f.flush()
            os.fsync(f.fileno())
        os.replace(tmp_name, target)
    except BaseException:
        Path(tmp_name).unlink(missing_ok=True)
        raise
    _fsync_dir(target.parent)


def read_index_kind(path: str | os.PathLike[str]) -> str:
    """The kind of index a file holds, from its header alone."""
    with _open(Path(path)) as f:
        kind: str = _read_header(f, Path(path))[0]["kind"]
    return kind


def read_index_file(
    path: str | os.PathLike[str], kind: str
) -> tuple[dict[str, Any], dict[str, npt.NDArray[Any]], dict[str, Any]]:
    """``(params, arrays, meta)`` from a file ``write_index_file`` made with the same ``kind``."""
    source = Path(path)
    with _open(source) as f:
        doc, data_start = _read_header(f, source)
        if doc["kind"] != kind:
            raise _corrupt(source, f"it holds a {doc['kind']!r} index, not {kind!r}")
        entries: dict[str, dict[str, Any]] = doc["arrays"]
        size = os.fstat(f.fileno()).st_size
        end = max((data_start + e["offset"] + e["nbytes"] for e in entries.values()), default=0)
        if size < end:
            raise _corrupt(source, f"it is truncated ({size} of {end} bytes)")
        arrays: dict[str, npt.NDArray[Any]] = {}
        for name, e in entries.items():
            dtype = np.dtype(e["dtype"])
            if dtype.kind not in "biu":
                raise _corrupt(source, f"array {name!r} has an unexpected type {e['dtype']}")
            a = np.empty(tuple(e["shape"]), dtype=dtype)
            if a.nbytes != e["nbytes"]:
                raise _corrupt(source, f"array {name!r} has an inconsistent size")
            f.seek(data_start + e["offset"])
            if f.readinto(_bytes_of(a)) != a.nbytes or zlib.crc32(_bytes_of(a)) != e["crc32"]:
                raise _corrupt(source, f"array {name!r} is damaged")
            arrays[name] = a
    return doc["params"], arrays, doc["meta"]


def _open(path: Path) -> io.BufferedReader:
    try:
        return path.open("rb")
    except FileNotFoundError:
        raise NotFound(f"no index file at {path}", path=str(path)) from None


def _read_header(f: io.BufferedReader, source: Path) -> tuple[dict[str, Any], int]:
    """The checked header, and where the arrays start."""
    prefix = f.read(_PREFIX.size)
    if len(prefix) < _PREFIX.size or prefix[:8] != MAGIC:
        raise _corrupt(source, "it is not an Unshared index file")
    _, header_len, header_crc = _PREFIX.unpack(prefix)
    header = f.read(min(header_len, _MAX_HEADER))
    if len(header) != header_len or zlib.crc32(header) != header_crc:
        raise _corrupt(source, "its header is damaged")
    try:
        doc = json.loads(header)
        ok = isinstance(doc["arrays"], dict) and isinstance(doc["kind"], str)
    except (ValueError, KeyError, TypeError):
        ok = False
    if not ok:
        raise _corrupt(source, "its header is damaged")
    if doc.get("format") != FORMAT:
        raise _corrupt(source, f"it is format {doc.get('format')}, not {FORMAT}")
    return doc, _aligned(_PREFIX.size + header_len)


def _corrupt(path: Path, why: str) -> CorruptIndex:
    return CorruptIndex(f"cannot load the index at {path}: {why}", path=str(path))


def _bytes_of(a: npt.NDArray[Any]) -> memoryview:
    return a.reshape(-1).view(np.uint8).data


def _pieces(a: npt.NDArray[Any]) -> Iterator[memoryview]:
    """The bytes of ``a`` in C order, without copying a strided array (a slice of a buffer)."""
    if a.flags.c_contiguous or a.ndim == 0:
        yield _bytes_of(np.ascontiguousarray(a))
    else:
        for sub in a:
            yield from _pieces(sub)


def _crc32(a: npt.NDArray[Any]) -> int:
    crc = 0
    for piece in _pieces(a):
        crc = zlib.crc32(piece, crc)
    return crc


def _aligned(n: int) -> int:
    return -(-n // _ALIGN) * _ALIGN


def _fsync_dir(folder: Path) -> None:
    # Makes the rename itself durable; not every platform lets a folder be opened.
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    finally:
        os.close(fd)
