"""What platforms bring to the bank, over SQL: API keys, reports on matches, match counts, the
review list those feed, and the store's identity. ``SQLStore`` builds on it; the contract is
``unshared.bank.store.Store``'s.

A key is kept only as the SHA-256 of the key, so a copy of the database lets no one call the
service. Keys, reports and history are written under the feed-head lock like every other write.
Match counts are not: they change no feed, and they are counted on the hot path of matching, so
``record_matches`` is one short transaction of one statement (per 500 ids) that waits for no writer
but the database's own row lock (PostgreSQL) or write lock (SQLite).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from typing import Any, cast

from unshared.bank import validate
from unshared.bank.models import (
    MAX_KEY_NAME,
    MAX_NOTE,
    ApiKey,
    KeyRole,
    Report,
    ReportOutcome,
    ReviewItem,
)
from unshared.bank.sql import CHUNK, ENTRY_COLUMNS, ENTRY_WIDTH, SQLBase, chunks, marks, now
from unshared.errors import Conflict, NotFound

_MAX_LIST = 1000
_MAX_PER_ENTRY = 100

_KEY = "SELECT id, name, role, created_at, revoked_at FROM api_keys"
# A report's case is its entry's, which never changes, so it is read from there, not copied.
_REPORT = """SELECT r.id, r.entry_id, e.case_id, r.key_id, r.outcome, r.note, r.at
    FROM reports r JOIN entries e ON e.id = r.entry_id"""

# The newest reports of each of a set of entries, ranked within each entry; the ranking reads each
# entry's reports from the (entry_id, id) index, never the whole table.
_LATEST = """SELECT id, entry_id, case_id, key_id, outcome, note, at FROM (
        SELECT r.id, r.entry_id, e.case_id, r.key_id, r.outcome, r.note, r.at,
            row_number() OVER (PARTITION BY r.entry_id ORDER BY r.id DESC) AS rank
        FROM reports r JOIN entries e ON e.id = r.entry_id
        WHERE r.entry_id IN ({marks})
    ) AS ranked
    WHERE rank <= ?
    ORDER BY entry_id, id DESC"""

# Each id's total goes up by one; an id with no entry is not counted (the caller hears NotFound).
# Rows are taken in id order, so two transactions counting the same entries cannot deadlock.
# SQLite wants a WHERE in an INSERT ... SELECT that has an ON CONFLICT clause; it has one.
_COUNT = """INSERT INTO match_counts (entry_id, matches)
    SELECT id, 1 FROM entries WHERE id IN ({marks}) ORDER BY id
    ON CONFLICT (entry_id) DO UPDATE SET matches = match_counts.matches + 1
    RETURNING entry_id, matches"""

# Which entries a platform matched for the first time in this call.
_FIRST = """INSERT INTO match_platforms (entry_id, key_id, first_at)
    SELECT id, ?, ? FROM entries WHERE id IN ({marks}) ORDER BY id
    ON CONFLICT (entry_id, key_id) DO NOTHING"""

# Held for an operator: quarantined entries (an operator's own decision), entries reported as not
# NCII, and entries past the flood line; each candidate set comes from an index (entries by
# status, reports by outcome, counts by size), never a scan of every entry. Counts are of
# distinct platforms first: one key can repeat a call any number of times, independent
# platforms cannot be made to agree by one attacker.
_REVIEW = f"""WITH flagged AS (
        SELECT entry_id, count(*) AS n, count(DISTINCT key_id) AS keys
        FROM reports WHERE outcome = 'not_ncii' GROUP BY entry_id
    ), held AS (
        SELECT id FROM entries WHERE status = 'quarantined'
        UNION
        SELECT entry_id FROM flagged
        UNION
        SELECT entry_id FROM match_counts WHERE matches > ?
    )
    SELECT {ENTRY_COLUMNS}, coalesce(m.matches, 0), coalesce(f.n, 0), coalesce(f.keys, 0),
        (SELECT count(*) FROM match_platforms p WHERE p.entry_id = e.id) AS platforms
    FROM held h
    JOIN entries e ON e.id = h.id
    JOIN banks b ON b.id = e.bank_id
    LEFT JOIN flagged f ON f.entry_id = e.id
    LEFT JOIN match_counts m ON m.entry_id = e.id
    WHERE e.status <> 'withdrawn'
    ORDER BY coalesce(f.keys, 0) DESC, coalesce(f.n, 0) DESC, platforms DESC,
        coalesce(m.matches, 0) DESC, e.id
    LIMIT ?"""


class PlatformRecords(SQLBase):
    """API keys, reports, match counts and the store's identity, for ``SQLStore``."""

    # -- API keys ----------------------------------------------------------------------------

    def create_key(
        self, name: str, role: KeyRole, key_hash: str, actor: str = "operator"
    ) -> ApiKey:
        name = validate.text("a key's name", name, max_len=MAX_KEY_NAME, required=True)
        role = validate.key_role(role)
        key_hash = validate.key_hash(key_hash)
        actor = validate.text("actor", actor, required=True)
        with self._writing() as w:
            if w.tx.execute("SELECT id FROM api_keys WHERE key_hash = ?", (key_hash,)):
                raise Conflict("there is already a key with that hash")
            rows = w.tx.execute(
                "INSERT INTO api_keys (name, role, key_hash, created_at) VALUES (?, ?, ?, ?)"
                " RETURNING id",
                (name, role, key_hash, w.when),
            )
            key = ApiKey(rows[0][0], name, role, w.now, None)
            w.event(actor, "key.create", "key", key.id, name=name, role=role)
        return key

    def list_keys(self) -> list[ApiKey]:
        with self._read() as tx:
            rows = tx.execute(f"{_KEY} ORDER BY id")
        return [self._key_of(row) for row in rows]

    def revoke_key(self, key_id: int, actor: str = "operator") -> ApiKey:
        validate.row_id("a key id", key_id)
        actor = validate.text("actor", actor, required=True)
        with self._writing() as w:
            rows = w.tx.execute(f"{_KEY} WHERE id = ?", (key_id,))
            if not rows:
                raise NotFound(f"there is no key {key_id}", key_id=key_id)
            key = self._key_of(rows[0])
            if not key.active:
                return key
            w.tx.execute("UPDATE api_keys SET revoked_at = ? WHERE id = ?", (w.when, key_id))
            w.event(actor, "key.revoke", "key", key_id, name=key.name)
        return replace(key, revoked_at=w.now)

    def find_key(self, key_hash: str) -> ApiKey | None:
        key_hash = validate.key_hash(key_hash)
        with self._read() as tx:
            rows = tx.execute(f"{_KEY} WHERE key_hash = ?", (key_hash,))
        return self._key_of(rows[0]) if rows else None

    def keys_marker(self) -> tuple[int, int] | None:
        return None  # a store that can read it without waiting says so (SQLite)

    def _key_of(self, row: Sequence[Any]) -> ApiKey:
        return ApiKey(
            id=row[0],
            name=row[1],
            role=cast(KeyRole, row[2]),
            created_at=self._time_out(row[3]),
            revoked_at=None if row[4] is None else self._time_out(row[4]),
        )

    # -- reports -----------------------------------------------------------------------------

    def add_report(
        self,
        entry_id: int,
        outcome: ReportOutcome,
        *,
        key_id: int | None,
        note: str = "",
        actor: str,
    ) -> Report:
        validate.row_id("an entry id", entry_id)
        outcome = validate.report_outcome(outcome)
        if key_id is not None:
            validate.row_id("a key id", key_id)
        note = validate.text("note", note, max_len=MAX_NOTE)
        actor = validate.text("actor", actor, required=True)
        with self._writing() as w:
            entry = self._entry(w.tx, entry_id)
            if key_id is not None and not w.tx.execute(
                "SELECT id FROM api_keys WHERE id = ?", (key_id,)
            ):
                raise NotFound(f"there is no key {key_id}", key_id=key_id)
            rows = w.tx.execute(
                "INSERT INTO reports (entry_id, key_id, outcome, note, at) VALUES (?, ?, ?, ?, ?)"
                " RETURNING id",
                (entry_id, key_id, outcome, note, w.when),
            )
            report = Report(rows[0][0], entry_id, entry.case_id, key_id, outcome, note, w.now)
            w.event(
                actor,
                "entry.report",
                "entry",
                entry_id,
                report_id=report.id,
                outcome=outcome,
                key_id=key_id,
            )
        return report

    def reports(
        self,
        *,
        entry_id: int | None = None,
        case_id: int | None = None,
        outcome: str | None = None,
        limit: int = 100,
    ) -> list[Report]:
        validate.whole("limit", limit, low=1, high=_MAX_LIST)
        where: list[str] = []
        params: list[Any] = []
        if entry_id is not None:
            where.append("r.entry_id = ?")
            params.append(validate.row_id("an entry id", entry_id))
        if case_id is not None:
            where.append("e.case_id = ?")
            params.append(validate.row_id("a case id", case_id))
        if outcome is not None:
            where.append("r.outcome = ?")
            params.append(validate.report_outcome(outcome))
        clause = f" WHERE {' AND '.join(where)}" if where else ""
        with self._read() as tx:
            rows = tx.execute(f"{_REPORT}{clause} ORDER BY r.id DESC LIMIT ?", (*params, limit))
        return [self._report_of(row) for row in rows]

    def latest_reports(
        self, entry_ids: Sequence[int], *, per_entry: int = 5
    ) -> dict[int, list[Report]]:
        ids = validate.ids("entry id", entry_ids)
        validate.whole("per_entry", per_entry, low=1, high=_MAX_PER_ENTRY)
        found: dict[int, list[Report]] = {}
        if not ids:
            return found
        with self._read() as tx:
            for chunk in chunks(ids, CHUNK):
                for row in tx.execute(_LATEST.format(marks=marks(chunk)), (*chunk, per_entry)):
                    report = self._report_of(row)
                    found.setdefault(report.entry_id, []).append(report)
        return found

    def _report_of(self, row: Sequence[Any]) -> Report:
        return Report(
            id=row[0],
            entry_id=row[1],
            case_id=row[2],
            key_id=row[3],
            outcome=cast(ReportOutcome, row[4]),
            note=row[5],
            at=self._time_out(row[6]),
        )

    # -- match counts and the review list ------------------------------------------------------

    def record_matches(
        self, entry_ids: Sequence[int], *, key_id: int | None = None
    ) -> dict[int, int]:
        ids = validate.ids("entry id", entry_ids)
        if key_id is not None:
            validate.row_id("a key id", key_id)
        if not ids:
            return {}
        totals: dict[int, int] = {}
        # On the hot path of matching; a count lost to a power cut changes nothing that matters.
        with self._write(durable=False) as tx:
            if key_id is not None and not tx.execute(
                "SELECT id FROM api_keys WHERE id = ?", (key_id,)
            ):
                raise NotFound(f"there is no key {key_id}", key_id=key_id)
            for chunk in chunks(ids, CHUNK):
                rows = tx.execute(_COUNT.format(marks=marks(chunk)), chunk)
                totals.update((entry_id, int(matches)) for entry_id, matches in rows)
                if key_id is not None:
                    tx.execute(
                        _FIRST.format(marks=marks(chunk)), (key_id, self._time_in(now()), *chunk)
                    )
            missing = [entry_id for entry_id in ids if entry_id not in totals]
            if missing:  # raising rolls the whole call back: all counted or none
                raise NotFound(
                    f"there is no entry {missing[0]}", entry_ids=missing[:20], missing=len(missing)
                )
        return {entry_id: totals[entry_id] for entry_id in ids}

    def match_counts(self, entry_ids: Sequence[int]) -> dict[int, int]:
        ids = validate.ids("entry id", entry_ids)
        totals = dict.fromkeys(ids, 0)
        if not ids:
            return totals
        with self._read() as tx:
            for chunk in chunks(ids, CHUNK):
                rows = tx.execute(
                    "SELECT entry_id, matches FROM match_counts"
                    f" WHERE entry_id IN ({marks(chunk)})",
                    chunk,
                )
                totals.update((entry_id, int(matches)) for entry_id, matches in rows)
        return totals

    def review_list(
        self, limit: int = 100, *, flood_matches: int | None = None
    ) -> list[ReviewItem]:
        validate.whole("limit", limit, low=1, high=_MAX_LIST)
        line = validate.whole(
            "flood_matches", 2**62 if flood_matches is None else flood_matches, low=0, high=2**62
        )
        with self._read() as tx:
            rows = tx.execute(_REVIEW, (line, limit))
        items = []
        for row in rows:
            matches, reports, reporters, platforms = map(int, row[ENTRY_WIDTH:])
            items.append(
                ReviewItem(
                    entry=self._entry_of(row),
                    matches=matches,
                    not_ncii_reports=reports,
                    not_ncii_platforms=reporters,
                    platforms=platforms,
                    flooded=matches > line,
                )
            )
        return items

    # -- identity ------------------------------------------------------------------------------

    def store_id(self) -> str:
        with self._read() as tx:
            return str(tx.execute("SELECT store_id FROM store_identity WHERE id = 1")[0][0])
