"""The monitor's watch targets over SQL (``unshared.bank.store.WatchStore``): the pages, sitemaps
and feeds an operator asked to be fetched on a schedule, when each runs next, and what its last
run found. ``SQLStore`` builds on it.

Adding, enabling, disabling and removing a target are operators' acts: they go in the history
(subject ``watch``) and take the write lock as other such writes do. A run's result is the
monitor's bookkeeping, written in a short transaction of its own with no history event (the
sightings a run makes are in the history and the evidence log already).
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from typing import Any, cast

from unshared.bank import validate
from unshared.bank.models import (
    MAX_URL,
    MAX_WATCH_INTERVAL,
    MIN_WATCH_INTERVAL,
    WATCH_KINDS,
    WatchKind,
    WatchRun,
    WatchTarget,
)
from unshared.bank.sql import SQLBase
from unshared.errors import Conflict, NotFound

_WATCH = """SELECT id, url, host, kind, interval_seconds, enabled, created_by, created_at,
    next_run_at, last_run_at, last_result FROM watch_targets"""


class WatchRecords(SQLBase):
    """Watch targets, for ``SQLStore``."""

    def add_watch(
        self,
        url: str,
        host: str,
        kind: WatchKind,
        interval_seconds: int,
        *,
        next_run_at: datetime,
        actor: str,
    ) -> WatchTarget:
        url = validate.text("a URL", url, max_len=MAX_URL, required=True)
        host = validate.host(host)
        kind = cast(WatchKind, validate.one_of("a watch target's kind", kind, WATCH_KINDS))
        validate.whole(
            "interval_seconds", interval_seconds, low=MIN_WATCH_INTERVAL, high=MAX_WATCH_INTERVAL
        )
        actor = validate.text("actor", actor, required=True)
        with self._writing() as w:
            if w.tx.execute("SELECT id FROM watch_targets WHERE url = ?", (url,)):
                raise Conflict(f"{url} is watched already", url=url)
            watch_id = w.tx.execute(
                "INSERT INTO watch_targets (url, host, kind, interval_seconds, enabled,"
                " created_by, created_at, next_run_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)"
                " RETURNING id",
                (url, host, kind, interval_seconds, self._flag(True), actor, w.when,
                 self._time_in(next_run_at)),
            )[0][0]  # fmt: skip
            w.event(
                actor,
                "watch.add",
                "watch",
                watch_id,
                url=url,
                kind=kind,
                interval_seconds=interval_seconds,
            )
        return WatchTarget(
            watch_id, url, host, kind, interval_seconds, True, actor, w.now, next_run_at
        )

    def get_watch(self, watch_id: int) -> WatchTarget:
        validate.row_id("a watch target's id", watch_id)
        with self._read() as tx:
            rows = tx.execute(f"{_WATCH} WHERE id = ?", (watch_id,))
        if not rows:
            raise NotFound(f"there is no watch target {watch_id}", watch=watch_id)
        return self._watch_of(rows[0])

    def watches(self, *, enabled: bool | None = None) -> list[WatchTarget]:
        where, params = "", []
        if enabled is not None:
            where, params = " WHERE enabled = ?", [self._flag(enabled)]
        with self._read() as tx:
            rows = tx.execute(f"{_WATCH}{where} ORDER BY id", params)
        return [self._watch_of(row) for row in rows]

    def set_watch_enabled(
        self,
        watch_id: int,
        enabled: bool,
        *,
        next_run_at: datetime | None = None,
        actor: str,
    ) -> WatchTarget:
        validate.row_id("a watch target's id", watch_id)
        actor = validate.text("actor", actor, required=True)
        with self._writing() as w:
            rows = w.tx.execute(f"{_WATCH} WHERE id = ?", (watch_id,))
            if not rows:
                raise NotFound(f"there is no watch target {watch_id}", watch=watch_id)
            if next_run_at is None:
                w.tx.execute(
                    "UPDATE watch_targets SET enabled = ? WHERE id = ?",
                    (self._flag(enabled), watch_id),
                )
            else:
                w.tx.execute(
                    "UPDATE watch_targets SET enabled = ?, next_run_at = ? WHERE id = ?",
                    (self._flag(enabled), self._time_in(next_run_at), watch_id),
                )
            if bool(rows[0][5]) != enabled:
                w.event(actor, "watch.enable" if enabled else "watch.disable", "watch", watch_id)
            rows = w.tx.execute(f"{_WATCH} WHERE id = ?", (watch_id,))
        return self._watch_of(rows[0])

    def remove_watch(self, watch_id: int, *, actor: str) -> None:
        validate.row_id("a watch target's id", watch_id)
        actor = validate.text("actor", actor, required=True)
        with self._writing() as w:
            rows = w.tx.execute("DELETE FROM watch_targets WHERE id = ? RETURNING url", (watch_id,))
            if not rows:
                raise NotFound(f"there is no watch target {watch_id}", watch=watch_id)
            w.event(actor, "watch.remove", "watch", watch_id, url=rows[0][0])

    def record_watch_run(
        self, watch_id: int, result: WatchRun, next_run_at: datetime
    ) -> WatchTarget:
        validate.row_id("a watch target's id", watch_id)
        with self._write() as tx:
            rows = tx.execute(
                "UPDATE watch_targets SET last_run_at = ?, last_result = ?, next_run_at = ?"
                " WHERE id = ? RETURNING id",
                (
                    self._time_in(result.started_at),
                    self._json_in(result.to_dict()),
                    self._time_in(next_run_at),
                    watch_id,
                ),
            )
            if not rows:
                raise NotFound(f"there is no watch target {watch_id}", watch=watch_id)
            rows = tx.execute(f"{_WATCH} WHERE id = ?", (watch_id,))
        return self._watch_of(rows[0])

    def _flag(self, value: bool) -> Any:
        return value if self.dialect == "postgres" else int(value)

    def _watch_of(self, row: Sequence[Any]) -> WatchTarget:
        return WatchTarget(
            id=row[0],
            url=row[1],
            host=row[2],
            kind=cast(WatchKind, row[3]),
            interval_seconds=int(row[4]),
            enabled=bool(row[5]),
            created_by=row[6],
            created_at=self._time_out(row[7]),
            next_run_at=self._time_out(row[8]),
            last_run_at=None if row[9] is None else self._time_out(row[9]),
            last_result=None if row[10] is None else WatchRun.of(self._json_out(row[10])),
        )
