"""The scan's results file: one JSON line per image, as ``unshared match --json`` writes them,
appended and flushed as each comes back. It is also the list of what is done: a scan started
again over the same file skips every path already in it, so a crash (even SIGKILL, mid-line)
costs at most the lines not yet written. ``to_parquet`` copies it into a Parquet file.
"""

from __future__ import annotations

import json
import os
from pathlib import Path
from types import TracebackType
from typing import Any, Self, TextIO

#: Columns of the Parquet copy: the JSON line's fields, the nested ones as JSON text.
PARQUET_COLUMNS = ("path", "matched", "suppressed", "matches", "allowed", "notes", "error", "code")


class ResultsFile:
    """Lines appended to ``path``; ``done`` the paths already there when it was opened."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self.done: set[str] = set()
        self.matched = 0
        self.failed = 0
        self._out: TextIO | None = None

    def __enter__(self) -> Self:
        self.path.parent.mkdir(parents=True, exist_ok=True)
        self.done = self._read_done()
        self._out = self.path.open("a", encoding="utf-8")
        return self

    def _read_done(self) -> set[str]:
        if not self.path.exists():
            return set()
        data = self.path.read_bytes()
        end = data.rfind(b"\n") + 1
        if end < len(data):  # a line cut short by a crash: written again
            with self.path.open("r+b") as fh:
                fh.truncate(end)
        done = set()
        for line in data[:end].splitlines():
            row = json.loads(line)
            done.add(row["path"])
            self._count(row)
        return done

    def _count(self, row: dict[str, Any]) -> None:
        self.matched += bool(row.get("matched"))
        self.failed += "error" in row

    def write(self, rows: list[dict[str, Any]]) -> None:
        assert self._out is not None, "open it first"
        for row in rows:
            self._out.write(json.dumps(row) + "\n")
            self.done.add(row["path"])
            self._count(row)
        self._out.flush()

    def __exit__(
        self,
        kind: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        if self._out is not None:
            self._out.flush()
            os.fsync(self._out.fileno())
            self._out.close()
            self._out = None


def to_parquet(lines: Path, out: Path) -> int:
    """Copy the results file ``lines`` into the Parquet file ``out`` (written whole, then moved
    into place); how many rows."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    columns: dict[str, list[Any]] = {name: [] for name in PARQUET_COLUMNS}
    with lines.open(encoding="utf-8") as fh:
        for line in fh:
            row = json.loads(line)
            for name in PARQUET_COLUMNS:
                value = row.get(name)
                if name in ("matches", "allowed") and value is not None:
                    value = json.dumps(value)
                columns[name].append(value)
    schema = pa.schema(
        [
            ("path", pa.string()),
            ("matched", pa.bool_()),
            ("suppressed", pa.bool_()),
            ("matches", pa.string()),
            ("allowed", pa.string()),
            ("notes", pa.list_(pa.string())),
            ("error", pa.string()),
            ("code", pa.string()),
        ]
    )
    table = pa.table(columns, schema=schema)
    tmp = out.with_name(out.name + ".tmp")
    pq.write_table(table, tmp)
    os.replace(tmp, out)
    return int(table.num_rows)
