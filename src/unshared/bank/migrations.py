"""The schema, as numbered steps; each store records the steps it has run in ``schema_migrations``.

A step is written once for each dialect, side by side, so the two stay alike. Steps are only ever
appended: never edit one that has shipped, add the next number instead. Opening a store runs the
steps it lacks, all in one transaction, under a lock, so two processes opening a new store at once
do not both run them.

What the tables hold (hashes and words, never pixels):

- ``banks``: name, kind and per-type match thresholds.
- ``cases``: a person's case number, the scrypt hash of their PIN, status and times.
- ``entries``: one hash (type and lower-case hex) in one bank, its case if any, status, source,
  time and free JSON metadata. A value must be lower-case hex; nothing else fits.
- ``changes``: the delta feed; one row per add or status change of an entry, numbered ``seq``.
- ``feed_head``: one row holding the newest ``seq``; writers lock it, which makes them take turns.
- ``history``: who did what to which bank, case, entry or API key, and when. Append-only, like
  ``changes``: triggers refuse UPDATE and DELETE on both.
- ``api_keys``: a name, a role and the SHA-256 of each key (never the key), and when it was made
  and revoked.
- ``reports``: what a platform did about a match on an entry (``removed``, ``not_ncii``, ...).
- ``match_counts``: per entry, how many uploads it has matched.
- ``match_platforms``: which platforms (API keys) have matched each entry, and since when.
- ``case_requests``: for a case made with an idempotency key, the SHA-256 of the key (never the
  key) and of the request, and the case's PIN sealed under a key derived from the idempotency key,
  dropped (set to NULL) after a day; see ``bank.retries``.
- ``store_identity``: one row, a random UUID drawn when the schema is made, so an index file built
  from one database is never loaded for another.

Takedown (step 5, ``docs/takedown.md``):

- ``sightings``: a URL where a copy of a case's image appears, who reported it, and what the
  latest verification found (status, matched entry, distance); once per case and URL.
- ``fetches``: one row per verification of a sighting: what the server answered and the hashes
  of what it served (never the bytes).
- ``evidence``: each case's append-only log of chained records (``unshared.takedown.chain``);
  triggers refuse UPDATE and DELETE, as on ``history``.
- ``contacts``: a host's abuse email, set by an operator.
- ``notices``: a notice about one sighting under one legal regime, its state and clock; the
  person's own details (``notifier``) only while a notice they authorised the operator to send
  is open.
- ``jobs``: scheduled work (a clock's re-check, a watch target's run), leased so each runs once.
- ``watch_targets``: pages, sitemaps and feeds the monitor fetches on a schedule, with when
  each runs next and what its last run found.

Categories (step 6, ``docs/bank.md``):

- ``cases.minor``: the person said they are under 18, or were when the photos were taken; the
  one answer kept about them (never an age or a birth date).
- ``entries.category``: ``minor`` on each entry of a minor's case (and on a platform's synced
  copy of one, which has no case), ``NULL`` otherwise; fixed when the entry is added.

Long values (step 7): ``entries.value`` up to 262,144 hex digits, for a video's vPDQ; PostgreSQL's
two indexes on values take their MD5 instead (a B-tree entry holds about 2.7 kB).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

Dialect = Literal["sqlite", "postgres"]


@dataclass(frozen=True)
class Migration:
    version: int
    name: str
    sqlite: tuple[str, ...]
    postgres: tuple[str, ...]

    def statements(self, dialect: Dialect) -> tuple[str, ...]:
        return self.sqlite if dialect == "sqlite" else self.postgres


SCHEMA_MIGRATIONS = {
    "sqlite": """CREATE TABLE IF NOT EXISTS schema_migrations (
        version INTEGER PRIMARY KEY,
        name TEXT NOT NULL,
        applied_at TEXT NOT NULL
    )""",
    "postgres": """CREATE TABLE IF NOT EXISTS schema_migrations (
        version INTEGER PRIMARY KEY,
        name TEXT NOT NULL,
        applied_at TIMESTAMPTZ NOT NULL
    )""",
}

_KINDS = "('ncii', 'allow', 'protect')"
_CASE_STATUSES = "('active', 'withdrawn')"
_ENTRY_STATUSES = "('active', 'withdrawn', 'disabled', 'quarantined')"
_OPS = "('add', 'withdraw', 'disable', 'quarantine', 'enable')"
# Step 1's subjects. Never change a constant a shipped step uses: the step would change with it.
_SUBJECTS = "('bank', 'case', 'entry')"
_SUBJECTS_2 = "('bank', 'case', 'entry', 'key')"
_ROLES = "('platform', 'admin')"
_OUTCOMES = "('removed', 'blocked', 'queued', 'not_ncii', 'duplicate', 'not_found')"

_SQLITE_APPEND_ONLY = """CREATE TRIGGER {table}_append_only_{verb} BEFORE {verb} ON {table}
    BEGIN SELECT RAISE(ABORT, '{table} is append-only'); END"""

INITIAL = Migration(
    1,
    "banks, cases, entries, the feed and history",
    sqlite=(
        f"""CREATE TABLE banks (
            id INTEGER PRIMARY KEY,
            name TEXT NOT NULL UNIQUE,
            kind TEXT NOT NULL CHECK (kind IN {_KINDS}),
            thresholds TEXT NOT NULL DEFAULT '{{}}',
            created_at TEXT NOT NULL
        )""",
        f"""CREATE TABLE cases (
            id INTEGER PRIMARY KEY,
            number TEXT NOT NULL UNIQUE,
            pin_hash TEXT NOT NULL,
            status TEXT NOT NULL CHECK (status IN {_CASE_STATUSES}),
            created_at TEXT NOT NULL,
            withdrawn_at TEXT
        )""",
        f"""CREATE TABLE entries (
            id INTEGER PRIMARY KEY,
            bank_id INTEGER NOT NULL REFERENCES banks (id),
            case_id INTEGER REFERENCES cases (id),
            signal_type TEXT NOT NULL,
            value TEXT NOT NULL
                CHECK (length(value) BETWEEN 1 AND 256 AND value NOT GLOB '*[^0-9a-f]*'),
            status TEXT NOT NULL CHECK (status IN {_ENTRY_STATUSES}),
            source TEXT NOT NULL DEFAULT '',
            added_at TEXT NOT NULL,
            metadata TEXT NOT NULL DEFAULT '{{}}'
        )""",
        # A hash is in a bank at most once per case (no case counts as case 0), withdrawn aside.
        """CREATE UNIQUE INDEX entries_once
            ON entries (bank_id, signal_type, value, coalesce(case_id, 0))
            WHERE status <> 'withdrawn'""",
        "CREATE INDEX entries_by_value ON entries (signal_type, value)",
        "CREATE INDEX entries_by_case ON entries (case_id) WHERE case_id IS NOT NULL",
        "CREATE INDEX entries_by_bank ON entries (bank_id, status, id)",
        "CREATE INDEX entries_by_status ON entries (status, id)",
        f"""CREATE TABLE changes (
            seq INTEGER PRIMARY KEY,
            op TEXT NOT NULL CHECK (op IN {_OPS}),
            entry_id INTEGER NOT NULL REFERENCES entries (id),
            status TEXT NOT NULL CHECK (status IN {_ENTRY_STATUSES}),
            at TEXT NOT NULL
        )""",
        """CREATE TABLE feed_head (
            id INTEGER PRIMARY KEY CHECK (id = 1),
            seq INTEGER NOT NULL
        )""",
        "INSERT INTO feed_head (id, seq) VALUES (1, 0)",
        f"""CREATE TABLE history (
            id INTEGER PRIMARY KEY,
            at TEXT NOT NULL,
            actor TEXT NOT NULL,
            action TEXT NOT NULL,
            subject_type TEXT NOT NULL CHECK (subject_type IN {_SUBJECTS}),
            subject_id INTEGER NOT NULL,
            detail TEXT NOT NULL DEFAULT '{{}}'
        )""",
        "CREATE INDEX history_by_subject ON history (subject_type, subject_id, id)",
        *(
            _SQLITE_APPEND_ONLY.format(table=table, verb=verb)
            for table in ("history", "changes")
            for verb in ("UPDATE", "DELETE")
        ),
    ),
    postgres=(
        f"""CREATE TABLE banks (
            id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
            name TEXT NOT NULL UNIQUE,
            kind TEXT NOT NULL CHECK (kind IN {_KINDS}),
            thresholds JSONB NOT NULL DEFAULT '{{}}',
            created_at TIMESTAMPTZ NOT NULL
        )""",
        f"""CREATE TABLE cases (
            id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
            number TEXT NOT NULL UNIQUE,
            pin_hash TEXT NOT NULL,
            status TEXT NOT NULL CHECK (status IN {_CASE_STATUSES}),
            created_at TIMESTAMPTZ NOT NULL,
            withdrawn_at TIMESTAMPTZ
        )""",
        f"""CREATE TABLE entries (
            id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
            bank_id BIGINT NOT NULL REFERENCES banks (id),
            case_id BIGINT REFERENCES cases (id),
            signal_type TEXT NOT NULL,
            value TEXT NOT NULL
                CHECK (length(value) BETWEEN 1 AND 256 AND value ~ '^[0-9a-f]+$'),
            status TEXT NOT NULL CHECK (status IN {_ENTRY_STATUSES}),
            source TEXT NOT NULL DEFAULT '',
            added_at TIMESTAMPTZ NOT NULL,
            metadata JSONB NOT NULL DEFAULT '{{}}'
        )""",
        """CREATE UNIQUE INDEX entries_once
            ON entries (bank_id, signal_type, value, coalesce(case_id, 0))
            WHERE status <> 'withdrawn'""",
        "CREATE INDEX entries_by_value ON entries (signal_type, value)",
        "CREATE INDEX entries_by_case ON entries (case_id) WHERE case_id IS NOT NULL",
        "CREATE INDEX entries_by_bank ON entries (bank_id, status, id)",
        "CREATE INDEX entries_by_status ON entries (status, id)",
        f"""CREATE TABLE changes (
            seq BIGINT PRIMARY KEY,
            op TEXT NOT NULL CHECK (op IN {_OPS}),
            entry_id BIGINT NOT NULL REFERENCES entries (id),
            status TEXT NOT NULL CHECK (status IN {_ENTRY_STATUSES}),
            at TIMESTAMPTZ NOT NULL
        )""",
        """CREATE TABLE feed_head (
            id INTEGER PRIMARY KEY CHECK (id = 1),
            seq BIGINT NOT NULL
        )""",
        "INSERT INTO feed_head (id, seq) VALUES (1, 0)",
        f"""CREATE TABLE history (
            id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
            at TIMESTAMPTZ NOT NULL,
            actor TEXT NOT NULL,
            action TEXT NOT NULL,
            subject_type TEXT NOT NULL CHECK (subject_type IN {_SUBJECTS}),
            subject_id BIGINT NOT NULL,
            detail JSONB NOT NULL DEFAULT '{{}}'
        )""",
        "CREATE INDEX history_by_subject ON history (subject_type, subject_id, id)",
        """CREATE FUNCTION refuse_rewrite() RETURNS trigger LANGUAGE plpgsql AS $$
            BEGIN
                RAISE EXCEPTION '% is append-only', TG_TABLE_NAME;
            END
        $$""",
        *(
            f"""CREATE TRIGGER {table}_append_only
                BEFORE UPDATE OR DELETE OR TRUNCATE ON {table}
                FOR EACH STATEMENT EXECUTE FUNCTION refuse_rewrite()"""
            for table in ("history", "changes")
        ),
    ),
)

# A version 4 UUID from SQLite's own randomness (SQLite has no uuid function); PostgreSQL has one.
_SQLITE_UUID4 = """lower(hex(randomblob(4)) || '-' || hex(randomblob(2)) || '-4'
    || substr(hex(randomblob(2)), 2) || '-' || substr('89ab', 1 + (random() & 3), 1)
    || substr(hex(randomblob(2)), 2) || '-' || hex(randomblob(6)))"""

_HISTORY_COLUMNS = "id, at, actor, action, subject_type, subject_id, detail"


def _sqlite_history_with(subjects: str, new: str) -> tuple[str, ...]:
    """SQLite cannot change a CHECK constraint, so history is rebuilt with the new subjects, as
    SQLite's documented way to alter a table does it: copy into a new table, drop the old,
    rename, then recreate its index and its append-only triggers. All of it runs in the
    migration's one transaction, so no one ever sees history without its triggers. Nothing
    refers to history by a foreign key, and ids are copied as they are."""
    return (
        "DROP TRIGGER history_append_only_UPDATE",
        "DROP TRIGGER history_append_only_DELETE",
        f"""CREATE TABLE {new} (
            id INTEGER PRIMARY KEY,
            at TEXT NOT NULL,
            actor TEXT NOT NULL,
            action TEXT NOT NULL,
            subject_type TEXT NOT NULL CHECK (subject_type IN {subjects}),
            subject_id INTEGER NOT NULL,
            detail TEXT NOT NULL DEFAULT '{{}}'
        )""",
        f"""INSERT INTO {new} ({_HISTORY_COLUMNS})
            SELECT {_HISTORY_COLUMNS} FROM history ORDER BY id""",
        "DROP TABLE history",
        f"ALTER TABLE {new} RENAME TO history",
        "CREATE INDEX history_by_subject ON history (subject_type, subject_id, id)",
        *(_SQLITE_APPEND_ONLY.format(table="history", verb=verb) for verb in ("UPDATE", "DELETE")),
    )


PLATFORMS = Migration(
    2,
    "API keys, reports on matches, match counts, the store's identity; history about keys",
    sqlite=(
        """CREATE TABLE store_identity (
            id INTEGER PRIMARY KEY CHECK (id = 1),
            store_id TEXT NOT NULL
        )""",
        f"INSERT INTO store_identity (id, store_id) VALUES (1, {_SQLITE_UUID4})",
        f"""CREATE TABLE api_keys (
            id INTEGER PRIMARY KEY,
            name TEXT NOT NULL CHECK (length(name) BETWEEN 1 AND 100),
            role TEXT NOT NULL CHECK (role IN {_ROLES}),
            key_hash TEXT NOT NULL UNIQUE
                CHECK (length(key_hash) = 64 AND key_hash NOT GLOB '*[^0-9a-f]*'),
            created_at TEXT NOT NULL,
            revoked_at TEXT
        )""",
        f"""CREATE TABLE reports (
            id INTEGER PRIMARY KEY,
            entry_id INTEGER NOT NULL REFERENCES entries (id),
            key_id INTEGER REFERENCES api_keys (id),
            outcome TEXT NOT NULL CHECK (outcome IN {_OUTCOMES}),
            note TEXT NOT NULL DEFAULT '',
            at TEXT NOT NULL
        )""",
        "CREATE INDEX reports_by_entry ON reports (entry_id, id)",
        "CREATE INDEX reports_by_outcome ON reports (outcome, entry_id)",
        """CREATE TABLE match_counts (
            entry_id INTEGER PRIMARY KEY REFERENCES entries (id),
            matches INTEGER NOT NULL CHECK (matches >= 0)
        )""",
        *_sqlite_history_with(_SUBJECTS_2, "history_2"),
    ),
    postgres=(
        """CREATE TABLE store_identity (
            id INTEGER PRIMARY KEY CHECK (id = 1),
            store_id TEXT NOT NULL
        )""",
        "INSERT INTO store_identity (id, store_id) VALUES (1, gen_random_uuid()::text)",
        f"""CREATE TABLE api_keys (
            id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
            name TEXT NOT NULL CHECK (length(name) BETWEEN 1 AND 100),
            role TEXT NOT NULL CHECK (role IN {_ROLES}),
            key_hash TEXT NOT NULL UNIQUE CHECK (key_hash ~ '^[0-9a-f]{{64}}$'),
            created_at TIMESTAMPTZ NOT NULL,
            revoked_at TIMESTAMPTZ
        )""",
        f"""CREATE TABLE reports (
            id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
            entry_id BIGINT NOT NULL REFERENCES entries (id),
            key_id BIGINT REFERENCES api_keys (id),
            outcome TEXT NOT NULL CHECK (outcome IN {_OUTCOMES}),
            note TEXT NOT NULL DEFAULT '',
            at TIMESTAMPTZ NOT NULL
        )""",
        "CREATE INDEX reports_by_entry ON reports (entry_id, id)",
        "CREATE INDEX reports_by_outcome ON reports (outcome, entry_id)",
        """CREATE TABLE match_counts (
            entry_id BIGINT PRIMARY KEY REFERENCES entries (id),
            matches BIGINT NOT NULL CHECK (matches >= 0)
        )""",
        # PostgreSQL named step 1's column constraint <table>_<column>_check; swap it in place.
        # Neither half fires the append-only triggers, which watch UPDATE, DELETE and TRUNCATE.
        f"""ALTER TABLE history
            DROP CONSTRAINT history_subject_type_check,
            ADD CONSTRAINT history_subject_type_check CHECK (subject_type IN {_SUBJECTS_2})""",
    ),
)

CASE_REQUESTS = Migration(
    3,
    "the request that made a case, so a retried request gets the same case back",
    sqlite=(
        """CREATE TABLE case_requests (
            case_id INTEGER PRIMARY KEY REFERENCES cases (id),
            key_hash TEXT NOT NULL UNIQUE
                CHECK (length(key_hash) = 64 AND key_hash NOT GLOB '*[^0-9a-f]*'),
            request_hash TEXT NOT NULL
                CHECK (length(request_hash) = 64 AND request_hash NOT GLOB '*[^0-9a-f]*'),
            sealed_pin TEXT,
            expires_at TEXT NOT NULL
        )""",
        # Every case creation drops the sealed PINs past their time; this finds them.
        """CREATE INDEX case_requests_expiring ON case_requests (expires_at)
            WHERE sealed_pin IS NOT NULL""",
    ),
    postgres=(
        """CREATE TABLE case_requests (
            case_id BIGINT PRIMARY KEY REFERENCES cases (id),
            key_hash TEXT NOT NULL UNIQUE CHECK (key_hash ~ '^[0-9a-f]{64}$'),
            request_hash TEXT NOT NULL CHECK (request_hash ~ '^[0-9a-f]{64}$'),
            sealed_pin TEXT,
            expires_at TIMESTAMPTZ NOT NULL
        )""",
        """CREATE INDEX case_requests_expiring ON case_requests (expires_at)
            WHERE sealed_pin IS NOT NULL""",
    ),
)


MATCH_PLATFORMS = Migration(
    4,
    "Which platforms matched each entry; match counts by size, for the review list",
    sqlite=(
        """CREATE TABLE match_platforms (
            entry_id INTEGER NOT NULL REFERENCES entries (id),
            key_id INTEGER NOT NULL REFERENCES api_keys (id),
            first_at TEXT NOT NULL,
            PRIMARY KEY (entry_id, key_id)
        )""",
        "CREATE INDEX match_counts_by_matches ON match_counts (matches)",
    ),
    postgres=(
        """CREATE TABLE match_platforms (
            entry_id BIGINT NOT NULL REFERENCES entries (id),
            key_id BIGINT NOT NULL REFERENCES api_keys (id),
            first_at TIMESTAMPTZ NOT NULL,
            PRIMARY KEY (entry_id, key_id)
        )""",
        "CREATE INDEX match_counts_by_matches ON match_counts (matches)",
    ),
)


_SUBJECTS_5 = "('bank', 'case', 'entry', 'key', 'sighting', 'notice', 'contact', 'watch')"
_REPORTERS = "('person', 'platform', 'operator', 'monitor')"
_SIGHTING_STATUSES = "('reported', 'verified', 'not_matching', 'unreachable', 'removed')"
_FETCH_OUTCOMES = "('fetched', 'http_error', 'refused', 'too_large', 'failed', 'not_image')"
_NOTICE_STATES = "('draft', 'sent', 'acknowledged', 'removed', 'overdue', 'withdrawn')"
_DELIVERIES = "('email', 'download')"
_WATCH_KINDS = "('page', 'sitemap', 'feed')"
_HEX = {
    "sqlite": "length({c}) = {n} AND {c} NOT GLOB '*[^0-9a-f]*'",
    "postgres": "{c} ~ '^[0-9a-f]{{{n}}}$'",
}


def _takedown_tables(dialect: Dialect) -> tuple[str, ...]:
    """Step 5's tables, alike in both dialects but for their types."""
    sqlite = dialect == "sqlite"
    ident = "INTEGER PRIMARY KEY" if sqlite else "BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY"
    ref = "INTEGER" if sqlite else "BIGINT"
    time = "TEXT" if sqlite else "TIMESTAMPTZ"
    flag = "INTEGER NOT NULL CHECK (enabled IN (0, 1))" if sqlite else "BOOLEAN NOT NULL"
    json = "TEXT" if sqlite else "JSONB"
    boolean = "INTEGER" if sqlite else "BOOLEAN"

    def hexed(column: str, n: int) -> str:
        return f"CHECK ({column} IS NULL OR ({_HEX[dialect].format(c=column, n=n)}))"

    return (
        f"""CREATE TABLE sightings (
            id {ident},
            case_id {ref} NOT NULL REFERENCES cases (id),
            url TEXT NOT NULL CHECK (length(url) BETWEEN 1 AND 2048),
            host TEXT NOT NULL CHECK (length(host) BETWEEN 1 AND 253),
            reported_by TEXT NOT NULL CHECK (reported_by IN {_REPORTERS}),
            key_id {ref} REFERENCES api_keys (id),
            reported_at {time} NOT NULL,
            status TEXT NOT NULL CHECK (status IN {_SIGHTING_STATUSES}),
            entry_id {ref} REFERENCES entries (id),
            distance INTEGER,
            checked_at {time},
            UNIQUE (case_id, url)
        )""",
        "CREATE INDEX sightings_by_status ON sightings (status, id)",
        "CREATE INDEX sightings_by_host ON sightings (host, id)",
        f"""CREATE TABLE fetches (
            id {ident},
            sighting_id {ref} NOT NULL REFERENCES sightings (id),
            at {time} NOT NULL,
            outcome TEXT NOT NULL CHECK (outcome IN {_FETCH_OUTCOMES}),
            http_status INTEGER,
            final_url TEXT CHECK (length(final_url) <= 2048),
            content_type TEXT CHECK (length(content_type) <= 200),
            size {ref},
            sha256 TEXT {hexed("sha256", 64)},
            md5 TEXT {hexed("md5", 32)},
            pdq TEXT {hexed("pdq", 64)},
            quality INTEGER,
            image_url TEXT CHECK (length(image_url) <= 2048),
            entry_id {ref} REFERENCES entries (id),
            distance INTEGER,
            matched {boolean} NOT NULL,
            error TEXT NOT NULL DEFAULT '' CHECK (length(error) <= 1000)
        )""",
        "CREATE INDEX fetches_by_sighting ON fetches (sighting_id, id)",
        # ``at`` and ``data`` are kept as the record's own text (its ``at`` string and its data
        # as JSON text), so a record reads back byte for byte as it was chained.
        f"""CREATE TABLE evidence (
            id {ident},
            case_id {ref} NOT NULL REFERENCES cases (id),
            seq {ref} NOT NULL CHECK (seq >= 1),
            at TEXT NOT NULL,
            kind TEXT NOT NULL CHECK (length(kind) BETWEEN 1 AND 64),
            data TEXT NOT NULL,
            prev TEXT NOT NULL CHECK ({_HEX[dialect].format(c="prev", n=64)}),
            hash TEXT NOT NULL CHECK ({_HEX[dialect].format(c="hash", n=64)}),
            UNIQUE (case_id, seq)
        )""",
        f"""CREATE TABLE contacts (
            id {ident},
            host TEXT NOT NULL UNIQUE CHECK (length(host) BETWEEN 1 AND 253),
            email TEXT NOT NULL CHECK (length(email) BETWEEN 3 AND 254),
            set_by TEXT NOT NULL,
            updated_at {time} NOT NULL
        )""",
        f"""CREATE TABLE notices (
            id {ident},
            sighting_id {ref} NOT NULL REFERENCES sightings (id),
            case_id {ref} NOT NULL REFERENCES cases (id),
            regime TEXT NOT NULL CHECK (length(regime) BETWEEN 1 AND 32),
            state TEXT NOT NULL CHECK (state IN {_NOTICE_STATES}),
            delivery TEXT NOT NULL CHECK (delivery IN {_DELIVERIES}),
            recipient TEXT NOT NULL DEFAULT '' CHECK (length(recipient) <= 254),
            minor {boolean} NOT NULL,
            created_at {time} NOT NULL,
            sent_at {time},
            deadline {time},
            closed_at {time},
            follow_up_of {ref} REFERENCES notices (id),
            authorised_at {time},
            notifier {json},
            message_id TEXT CHECK (length(message_id) <= 998)
        )""",
        "CREATE INDEX notices_by_case ON notices (case_id, id)",
        "CREATE INDEX notices_by_sighting ON notices (sighting_id, id)",
        "CREATE INDEX notices_by_deadline ON notices (state, deadline)",
        f"""CREATE TABLE jobs (
            id {ident},
            kind TEXT NOT NULL CHECK (length(kind) BETWEEN 1 AND 64),
            subject_id {ref} NOT NULL,
            due_at {time} NOT NULL,
            lease_until {time},
            lease_owner TEXT,
            done_at {time},
            attempts INTEGER NOT NULL DEFAULT 0 CHECK (attempts >= 0),
            last_error TEXT NOT NULL DEFAULT '',
            UNIQUE (kind, subject_id, due_at)
        )""",
        "CREATE INDEX jobs_due ON jobs (due_at) WHERE done_at IS NULL",
        # ``last_result``: the last run's summary (``WatchRun``), counts and problems in words.
        f"""CREATE TABLE watch_targets (
            id {ident},
            url TEXT NOT NULL UNIQUE CHECK (length(url) BETWEEN 1 AND 2048),
            host TEXT NOT NULL CHECK (length(host) BETWEEN 1 AND 253),
            kind TEXT NOT NULL CHECK (kind IN {_WATCH_KINDS}),
            interval_seconds INTEGER NOT NULL CHECK (interval_seconds > 0),
            enabled {flag},
            created_by TEXT NOT NULL,
            created_at {time} NOT NULL,
            next_run_at {time} NOT NULL,
            last_run_at {time},
            last_result {json}
        )""",
        "CREATE INDEX watch_targets_due ON watch_targets (next_run_at) WHERE enabled",
    )


TAKEDOWN = Migration(
    5,
    "takedown: sightings, fetches, the evidence log, contacts, notices, jobs, watch targets",
    sqlite=(
        *_takedown_tables("sqlite"),
        *(_SQLITE_APPEND_ONLY.format(table="evidence", verb=verb) for verb in ("UPDATE", "DELETE")),
        # History gains the takedown's subjects.
        *_sqlite_history_with(_SUBJECTS_5, "history_5"),
    ),
    postgres=(
        *_takedown_tables("postgres"),
        """CREATE TRIGGER evidence_append_only
            BEFORE UPDATE OR DELETE OR TRUNCATE ON evidence
            FOR EACH STATEMENT EXECUTE FUNCTION refuse_rewrite()""",
        f"""ALTER TABLE history
            DROP CONSTRAINT history_subject_type_check,
            ADD CONSTRAINT history_subject_type_check CHECK (subject_type IN {_SUBJECTS_5})""",
    ),
)


_CATEGORIES_6 = "('minor')"

CATEGORIES = Migration(
    6,
    "a minor's case, and the category its entries carry in the feed, matches and exports",
    sqlite=(
        "ALTER TABLE cases ADD COLUMN minor INTEGER NOT NULL DEFAULT 0 CHECK (minor IN (0, 1))",
        f"ALTER TABLE entries ADD COLUMN category TEXT CHECK (category IN {_CATEGORIES_6})",
    ),
    postgres=(
        # A constant default: PostgreSQL adds the column without rewriting the table.
        "ALTER TABLE cases ADD COLUMN minor BOOLEAN NOT NULL DEFAULT FALSE",
        # NOT VALID: every row there is NULL, so checking them would only hold the table's lock
        # through a scan of millions of entries; every row written from now on is checked.
        f"""ALTER TABLE entries ADD COLUMN category TEXT,
            ADD CONSTRAINT entries_category_check CHECK (category IN {_CATEGORIES_6}) NOT VALID""",
    ),
)


#: The longest entry value from step 7 on: a video's vPDQ, up to 3600 frames of 64 hex digits.
_VALUE_CHARS_7 = 262_144

LONG_VALUES = Migration(
    7,
    "entry values as long as a video's vPDQ; PostgreSQL indexes them by their MD5",
    sqlite=(
        # SQLite cannot alter a CHECK; its documented way to loosen one without a rebuild is to
        # edit the table's SQL with writable_schema (the rows on disk stay as they are and all
        # still pass). A DDL statement then moves the schema cookie, so other connections read
        # the new SQL, and RESET makes this one read it; all in the migration's transaction.
        "PRAGMA writable_schema = ON",
        f"""UPDATE sqlite_schema
            SET sql = replace(sql, 'length(value) BETWEEN 1 AND 256',
                'length(value) BETWEEN 1 AND {_VALUE_CHARS_7}')
            WHERE type = 'table' AND name = 'entries'""",
        "DROP INDEX entries_by_status",
        "CREATE INDEX entries_by_status ON entries (status, id)",
        "PRAGMA writable_schema = RESET",
    ),
    postgres=(
        f"""ALTER TABLE entries DROP CONSTRAINT entries_value_check,
            ADD CONSTRAINT entries_value_check
                CHECK (length(value) BETWEEN 1 AND {_VALUE_CHARS_7}
                    AND value ~ '^[0-9a-f]+$') NOT VALID""",
        # A B-tree entry holds at most about 2.7 kB: long values are indexed by their MD5, and
        # looked up by it and by the value itself (the store's ``_same_value``).
        "DROP INDEX entries_once",
        """CREATE UNIQUE INDEX entries_once
            ON entries (bank_id, signal_type, md5(value), coalesce(case_id, 0))
            WHERE status <> 'withdrawn'""",
        "DROP INDEX entries_by_value",
        "CREATE INDEX entries_by_value ON entries (signal_type, md5(value))",
    ),
)


SENDING = Migration(
    8,
    "a notice being emailed is claimed until a time, so two senders never email the host twice",
    sqlite=("ALTER TABLE notices ADD COLUMN sending_until TEXT",),
    postgres=("ALTER TABLE notices ADD COLUMN sending_until TIMESTAMPTZ",),
)


MIGRATIONS: tuple[Migration, ...] = (
    INITIAL,
    PLATFORMS,
    CASE_REQUESTS,
    MATCH_PLATFORMS,
    TAKEDOWN,
    CATEGORIES,
    LONG_VALUES,
    SENDING,
)
LATEST = MIGRATIONS[-1].version
