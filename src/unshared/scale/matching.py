"""One image -> its ``unshared match --json`` line, against a bank snapshot, with no store.

The same code as ``Unshared.match_files``: the file read and decoded under the upload limits
(``hash_file``: refused before reading when too large), hashed in all 8 orientations with its
trimmed views and, when protect banks hold features, its local features; then the matcher's
verdict. What runs on each scan worker.
"""

from __future__ import annotations

import tempfile
from dataclasses import replace
from pathlib import Path
from typing import Any

from unshared.bank.snapshot import BankSnapshot
from unshared.errors import UnsharedError
from unshared.hashing import Limits
from unshared.hashing.batch import FileResult, hash_data, hash_file
from unshared.hashing.decode import check_size
from unshared.index.live import LiveIndex
from unshared.match import Matcher, Query
from unshared.service import query_views


class SnapshotMatcher:
    """A matcher over ``snapshot``: its index built here, its features loaded here."""

    def __init__(self, snapshot: BankSnapshot, limits: Limits, min_quality: int) -> None:
        features = None
        if snapshot.features is not None:
            from unshared.features import FeatureIndex
            from unshared.features.index import FILE_NAME

            with tempfile.TemporaryDirectory() as folder:
                (Path(folder) / FILE_NAME).write_bytes(snapshot.features)
                features = FeatureIndex.load(Path(folder))
        self.limits = limits
        self.matcher = Matcher(snapshot, LiveIndex.build(snapshot), min_quality, features)
        self.views = query_views(self.matcher)

    def match_file(self, path: str) -> dict[str, Any]:
        """The line for the image file at ``path``."""
        return self._line(hash_file(Path(path), self.limits, 0, True, self.views))

    def match_data(self, path: str, data: bytes) -> dict[str, Any]:
        """The line for an image read elsewhere (a Ray Data source), under the same limits."""
        try:
            check_size(len(data), self.limits)
            signals, trimmed, features = hash_data(data, self.limits, 0, True, self.views)
        except UnsharedError as exc:
            return self._line(FileResult(Path(path), error=exc))
        return self._line(FileResult(Path(path), signals, trimmed=trimmed, features=features))

    def _line(self, result: FileResult) -> dict[str, Any]:
        path = str(result.path)
        if result.signals is None:
            assert result.error is not None
            return {"path": path, "error": result.error.message, "code": result.error.code}
        query = replace(Query.of(result.signals), trimmed=result.trimmed, features=result.features)
        return {"path": path, **self.matcher.match(query, catch_up=False).to_dict()}
