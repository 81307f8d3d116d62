"""Takedown over SQL: sightings, their fetches, hosts' abuse contacts, and each case's evidence
log. ``SQLStore`` builds on it; the contract is ``unshared.bank.store``'s ``SightingStore``,
``ContactStore`` and ``EvidenceReader``.

Every write that is evidence appends its records to the case's log in the same transaction as
the write itself, through ``_evidence``: a sighting without its ``sighting.reported`` record, or a
record of a fetch that was rolled back, can never be seen. Writes hold the feed-head lock (as
every write does), so the log's next ``seq`` and ``prev`` are read by one writer at a time; the
``UNIQUE (case_id, seq)`` constraint backs that up.
"""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from typing import Any, cast

from unshared.bank import validate
from unshared.bank.models import (
    FETCH_OUTCOMES,
    MAX_ERROR,
    MAX_URL,
    REPORTERS,
    SIGHTING_STATUSES,
    Category,
    Contact,
    Fetch,
    FetchFacts,
    Reporter,
    Sighting,
    SightingStatus,
)
from unshared.bank.sql import Ledger, SQLBase, Tx
from unshared.errors import Conflict, NotFound
from unshared.takedown import chain

_MAX_LIST = 1000

# The last column is the case's ``minor``, read from the case: a sighting keeps no copy of it.
_SIGHTING = """SELECT id, case_id, url, host, reported_by, key_id, reported_at, status, entry_id,
    distance, checked_at, (SELECT c.minor FROM cases c WHERE c.id = sightings.case_id)
    FROM sightings"""
_FETCH_FIELDS = (
    "outcome",
    "http_status",
    "final_url",
    "content_type",
    "size",
    "sha256",
    "md5",
    "pdq",
    "quality",
    "image_url",
    "entry_id",
    "distance",
    "matched",
    "error",
)
_FETCH = f"SELECT id, sighting_id, at, {', '.join(_FETCH_FIELDS)} FROM fetches"
_CONTACT = "SELECT host, email, set_by, updated_at FROM contacts"


def _data_text(data: Mapping[str, Any]) -> str:
    return json.dumps(data, sort_keys=True, separators=(",", ":"), ensure_ascii=False)


class TakedownRecords(SQLBase):
    """Sightings, fetches, contacts and the evidence log, for ``SQLStore``."""

    # -- sightings ---------------------------------------------------------------------------

    def add_sighting(
        self,
        case_id: int,
        url: str,
        host: str,
        reported_by: Reporter,
        *,
        key_id: int | None = None,
        actor: str,
    ) -> Sighting:
        validate.row_id("a case id", case_id)
        url = validate.text("a URL", url, max_len=MAX_URL, required=True)
        host = validate.host(host)
        reported_by = cast(Reporter, validate.one_of("reported_by", reported_by, REPORTERS))
        if key_id is not None:
            validate.row_id("a key id", key_id)
        actor = validate.text("actor", actor, required=True)
        with self._writing() as w:
            number, status = self._case_row(w.tx, case_id)
            found = w.tx.execute(f"{_SIGHTING} WHERE case_id = ? AND url = ?", (case_id, url))
            if found:  # reported before: the first report stands
                return self._sighting_of(found[0])
            if status != "active":
                raise Conflict("this case is withdrawn", case_id=case_id)
            if key_id is not None and not w.tx.execute(
                "SELECT id FROM api_keys WHERE id = ?", (key_id,)
            ):
                raise NotFound(f"there is no key {key_id}", key_id=key_id)
            rows = w.tx.execute(
                "INSERT INTO sightings (case_id, url, host, reported_by, key_id, reported_at,"
                " status) VALUES (?, ?, ?, ?, ?, ?, 'reported') RETURNING id",
                (case_id, url, host, reported_by, key_id, w.when),
            )
            sighting = Sighting(
                rows[0][0], case_id, url, host, reported_by, key_id, w.now, "reported",
                None, None, None, self._case_category(w.tx, case_id),
            )  # fmt: skip
            self._evidence(
                w,
                case_id,
                number,
                "sighting.reported",
                {"sighting": sighting.id, "url": url, "host": host, "reported_by": reported_by},
            )
            w.event(actor, "sighting.report", "sighting", sighting.id, case_id=case_id, host=host)
        return sighting

    def get_sighting(self, sighting_id: int) -> Sighting:
        validate.row_id("a sighting id", sighting_id)
        with self._read() as tx:
            rows = tx.execute(f"{_SIGHTING} WHERE id = ?", (sighting_id,))
        if not rows:
            raise NotFound(f"there is no sighting {sighting_id}", sighting_id=sighting_id)
        return self._sighting_of(rows[0])

    def sightings(
        self,
        *,
        case_id: int | None = None,
        status: SightingStatus | None = None,
        host: str | None = None,
        limit: int = 100,
    ) -> list[Sighting]:
        validate.whole("limit", limit, low=1, high=_MAX_LIST)
        where: list[str] = []
        params: list[Any] = []
        if case_id is not None:
            where.append("case_id = ?")
            params.append(validate.row_id("a case id", case_id))
        if status is not None:
            where.append("status = ?")
            params.append(validate.one_of("a sighting's status", status, SIGHTING_STATUSES))
        if host is not None:
            where.append("host = ?")
            params.append(validate.host(host))
        clause = f" WHERE {' AND '.join(where)}" if where else ""
        with self._read() as tx:
            rows = tx.execute(f"{_SIGHTING}{clause} ORDER BY id DESC LIMIT ?", (*params, limit))
        return [self._sighting_of(row) for row in rows]

    def record_fetch(
        self, sighting_id: int, facts: FetchFacts, status: SightingStatus, *, actor: str
    ) -> tuple[Sighting, Fetch]:
        validate.row_id("a sighting id", sighting_id)
        facts = _valid_facts(facts)
        status = cast(
            SightingStatus, validate.one_of("a sighting's status", status, SIGHTING_STATUSES)
        )
        actor = validate.text("actor", actor, required=True)
        with self._writing() as w:
            rows = w.tx.execute(f"{_SIGHTING} WHERE id = ?", (sighting_id,))
            if not rows:
                raise NotFound(f"there is no sighting {sighting_id}", sighting_id=sighting_id)
            before = self._sighting_of(rows[0])
            if facts.entry_id is not None:
                entry = self._entry(w.tx, facts.entry_id)
                if entry.case_id != before.case_id:
                    raise Conflict("a sighting is matched against its own case's entries only")
            values = [getattr(facts, name) for name in _FETCH_FIELDS]
            fetch_id = w.tx.execute(
                f"INSERT INTO fetches (sighting_id, at, {', '.join(_FETCH_FIELDS)})"
                f" VALUES (?, ?, {', '.join('?' * len(_FETCH_FIELDS))}) RETURNING id",
                (sighting_id, w.when, *values),
            )[0][0]
            w.tx.execute(
                "UPDATE sightings SET status = ?, entry_id = ?, distance = ?, checked_at = ?"
                " WHERE id = ?",
                (status, facts.entry_id, facts.distance, w.when, sighting_id),
            )
            number, _ = self._case_row(w.tx, before.case_id)
            data = {"sighting": sighting_id, "fetch": fetch_id, "url": before.url}
            data.update((name, value) for name, value in zip(_FETCH_FIELDS, values, strict=True))
            self._evidence(w, before.case_id, number, "fetch", data)
            if status != before.status:
                self._evidence(
                    w,
                    before.case_id,
                    number,
                    "sighting.status",
                    {"sighting": sighting_id, "from": before.status, "to": status},
                )
            w.event(
                actor,
                "sighting.verify",
                "sighting",
                sighting_id,
                fetch=fetch_id,
                outcome=facts.outcome,
                status=status,
            )
        after = Sighting(
            before.id, before.case_id, before.url, before.host, before.reported_by,
            before.key_id, before.reported_at, status, facts.entry_id, facts.distance, w.now,
            before.category,
        )  # fmt: skip
        return after, Fetch(fetch_id, sighting_id, w.now, facts)

    def fetches(self, sighting_id: int, limit: int = 100) -> list[Fetch]:
        validate.row_id("a sighting id", sighting_id)
        validate.whole("limit", limit, low=1, high=_MAX_LIST)
        with self._read() as tx:
            rows = tx.execute(
                f"{_FETCH} WHERE sighting_id = ? ORDER BY id DESC LIMIT ?", (sighting_id, limit)
            )
        return [
            Fetch(
                id=row[0],
                sighting_id=row[1],
                at=self._time_out(row[2]),
                facts=_facts_of(row[3:]),
            )
            for row in rows
        ]

    def _sighting_of(self, row: Sequence[Any]) -> Sighting:
        return Sighting(
            id=row[0],
            case_id=row[1],
            url=row[2],
            host=row[3],
            reported_by=cast(Reporter, row[4]),
            key_id=row[5],
            reported_at=self._time_out(row[6]),
            status=cast(SightingStatus, row[7]),
            entry_id=row[8],
            distance=row[9],
            checked_at=None if row[10] is None else self._time_out(row[10]),
            category="minor" if row[11] else None,
        )

    # -- contacts ----------------------------------------------------------------------------

    def set_contact(self, host: str, email: str, *, actor: str) -> Contact:
        host = validate.host(host)
        email = validate.email(email)
        actor = validate.text("actor", actor, required=True)
        with self._writing() as w:
            rows = w.tx.execute(
                "INSERT INTO contacts (host, email, set_by, updated_at) VALUES (?, ?, ?, ?)"
                " ON CONFLICT (host) DO UPDATE SET email = excluded.email,"
                " set_by = excluded.set_by, updated_at = excluded.updated_at RETURNING id",
                (host, email, actor, w.when),
            )
            w.event(actor, "contact.set", "contact", rows[0][0], host=host, email=email)
        return Contact(host, email, actor, w.now)

    def get_contact(self, host: str) -> Contact | None:
        host = validate.host(host)
        with self._read() as tx:
            rows = tx.execute(f"{_CONTACT} WHERE host = ?", (host,))
        return self._contact_of(rows[0]) if rows else None

    def contacts(self) -> list[Contact]:
        with self._read() as tx:
            rows = tx.execute(f"{_CONTACT} ORDER BY host")
        return [self._contact_of(row) for row in rows]

    def _contact_of(self, row: Sequence[Any]) -> Contact:
        return Contact(row[0], row[1], row[2], self._time_out(row[3]))

    # -- the evidence log --------------------------------------------------------------------

    def append_evidence(self, case_id: int, kind: str, data: Mapping[str, Any]) -> dict[str, Any]:
        validate.row_id("a case id", case_id)
        kind = validate.text("kind", kind, max_len=64, required=True)
        with self._writing() as w:
            number, _ = self._case_row(w.tx, case_id)
            return self._evidence(w, case_id, number, kind, data)

    def evidence_records(self, case_id: int) -> list[dict[str, Any]]:
        validate.row_id("a case id", case_id)
        with self._read() as tx:
            number, _ = self._case_row(tx, case_id)
            rows = tx.execute(
                "SELECT seq, at, kind, data, prev FROM evidence WHERE case_id = ? ORDER BY seq",
                (case_id,),
            )
        return [
            {
                "case": number,
                "seq": int(seq),
                "at": at,
                "kind": kind,
                "data": json.loads(data),
                "prev": prev,
            }
            for seq, at, kind, data, prev in rows
        ]

    def _evidence(
        self, w: Ledger, case_id: int, number: str, kind: str, data: Mapping[str, Any]
    ) -> dict[str, Any]:
        """Append one record to the case's log, inside the caller's write transaction."""
        last = w.tx.execute(
            "SELECT seq, hash FROM evidence WHERE case_id = ? ORDER BY seq DESC LIMIT 1",
            (case_id,),
        )
        seq, prev = (int(last[0][0]) + 1, last[0][1]) if last else (1, chain.GENESIS)
        record = chain.link(number, seq, w.now, kind, data, prev)
        w.tx.execute(
            "INSERT INTO evidence (case_id, seq, at, kind, data, prev, hash)"
            " VALUES (?, ?, ?, ?, ?, ?, ?)",
            (case_id, seq, record["at"], kind, _data_text(record["data"]), prev,
             chain.digest(record)),
        )  # fmt: skip
        return record

    def _case_category(self, tx: Tx, case_id: int) -> Category | None:
        rows = tx.execute("SELECT minor FROM cases WHERE id = ?", (case_id,))
        return "minor" if rows and rows[0][0] else None

    def _case_row(self, tx: Tx, case_id: int) -> tuple[str, str]:
        rows = tx.execute("SELECT number, status FROM cases WHERE id = ?", (case_id,))
        if not rows:
            raise NotFound(f"there is no case {case_id}", case_id=case_id)
        return str(rows[0][0]), str(rows[0][1])


def _valid_facts(facts: FetchFacts) -> FetchFacts:
    validate.one_of("a fetch's outcome", facts.outcome, FETCH_OUTCOMES)
    for name in ("final_url", "image_url"):
        value = getattr(facts, name)
        if value is not None:
            validate.text(name, value, max_len=MAX_URL)
    if facts.content_type is not None:
        validate.text("content_type", facts.content_type, max_len=200)
    validate.text("error", facts.error, max_len=MAX_ERROR)
    return facts


def _facts_of(row: Sequence[Any]) -> FetchFacts:
    values = dict(zip(_FETCH_FIELDS, row, strict=True))
    values["matched"] = bool(values["matched"])  # SQLite keeps 0 and 1
    return FetchFacts(**values)
