"""The kiosk database's schema, one migration per version (`PRAGMA user_version`)."""

from __future__ import annotations

_V1 = """
CREATE TABLE outbox (
    seq INTEGER PRIMARY KEY AUTOINCREMENT,
    id TEXT NOT NULL UNIQUE,
    type TEXT NOT NULL,
    occurred_at REAL NOT NULL,
    venue_bin TEXT NOT NULL,
    entrance TEXT NOT NULL,
    desk TEXT NOT NULL,
    iin TEXT,
    subject TEXT,
    data TEXT NOT NULL,
    created_at REAL NOT NULL,
    acked_at REAL,
    attempts INTEGER NOT NULL DEFAULT 0,
    next_attempt REAL NOT NULL DEFAULT 0,
    last_error TEXT
);
CREATE INDEX outbox_pending ON outbox (seq) WHERE acked_at IS NULL;
CREATE INDEX outbox_time ON outbox (occurred_at);
CREATE INDEX outbox_subject ON outbox (subject, occurred_at);
CREATE TABLE presence (
    subject TEXT PRIMARY KEY,
    entered_at REAL NOT NULL,
    entrance TEXT NOT NULL,
    desk TEXT NOT NULL,
    event_id TEXT NOT NULL
);
CREATE INDEX presence_time ON presence (entered_at);
CREATE TABLE status_cache (
    subject TEXT PRIMARY KEY,
    status TEXT NOT NULL,
    valid_until REAL,
    checked_at REAL NOT NULL
);
CREATE TABLE referrals (
    id TEXT PRIMARY KEY,
    subject TEXT NOT NULL,
    masked_id TEXT NOT NULL,
    status TEXT,
    opened_at REAL NOT NULL,
    reason TEXT,
    resolved_at REAL,
    outcome TEXT,
    corrected_status TEXT,
    note TEXT
);
CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
"""

_V2 = """
ALTER TABLE outbox ADD COLUMN dead_at REAL;
ALTER TABLE outbox ADD COLUMN dead_reason TEXT;
DROP INDEX outbox_pending;
CREATE INDEX outbox_pending ON outbox (seq) WHERE acked_at IS NULL AND dead_at IS NULL;
CREATE TABLE alerts (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    kind TEXT NOT NULL,
    created_at REAL NOT NULL,
    data TEXT NOT NULL,
    seen_at REAL
);
"""

# Doctor referrals as the desk and the doctor room share them: the ticket, who
# opened it, the outcome and how long it holds. `subject` (today's keyed hash)
# is the only link to a person; the day's end clears it with the masked id.
_V3 = """
ALTER TABLE referrals RENAME TO referrals_v1;
CREATE TABLE referrals (
    id TEXT PRIMARY KEY,
    ticket TEXT NOT NULL,
    subject TEXT,
    masked_id TEXT,
    name TEXT,
    status_shown TEXT,
    provenance TEXT NOT NULL,
    reason TEXT NOT NULL,
    note TEXT,
    entrance TEXT NOT NULL,
    desk TEXT NOT NULL,
    opened_at REAL NOT NULL,
    check_in TEXT,
    mine INTEGER NOT NULL DEFAULT 0,
    opened_event TEXT,
    outcome TEXT,
    resolution_note TEXT,
    resolved_at REAL,
    resolved_by TEXT,
    resolution_event TEXT,
    valid_until REAL,
    changed_at REAL NOT NULL
);
INSERT INTO referrals (id, ticket, subject, masked_id, status_shown, provenance, reason, note,
    entrance, desk, opened_at, mine, outcome, resolved_at, changed_at)
    SELECT id, 'R-' || substr(id, 1, 8), NULLIF(subject, ''), masked_id, status, 'none',
    coalesce(reason, 'other'), note, '', '', opened_at, 1, outcome, resolved_at, opened_at
    FROM referrals_v1;
DROP TABLE referrals_v1;
CREATE INDEX referrals_subject ON referrals (subject) WHERE subject IS NOT NULL;
CREATE INDEX referrals_opened ON referrals (opened_at);
CREATE INDEX referrals_ticket ON referrals (ticket);
"""

# The day's tables keyed by subject, without a rowid and so without a second
# b-tree for their key; presence needs no index on its time (it holds the
# people inside, a few hundred rows). A check-in writes three pages fewer,
# and its commit waits for a shorter log write.
_V4 = """
CREATE TABLE presence_new (
    subject TEXT PRIMARY KEY,
    entered_at REAL NOT NULL,
    entrance TEXT NOT NULL,
    desk TEXT NOT NULL,
    event_id TEXT NOT NULL
) WITHOUT ROWID;
INSERT INTO presence_new SELECT subject, entered_at, entrance, desk, event_id FROM presence;
DROP TABLE presence;
ALTER TABLE presence_new RENAME TO presence;
CREATE TABLE status_cache_new (
    subject TEXT PRIMARY KEY,
    status TEXT NOT NULL,
    valid_until REAL,
    checked_at REAL NOT NULL
) WITHOUT ROWID;
INSERT INTO status_cache_new SELECT subject, status, valid_until, checked_at FROM status_cache;
DROP TABLE status_cache;
ALTER TABLE status_cache_new RENAME TO status_cache;
"""

MIGRATIONS: tuple[str, ...] = (_V1, _V2, _V3, _V4)
SCHEMA_VERSION = len(MIGRATIONS)
