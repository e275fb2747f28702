"""The sandbox file's schema: one script per version, applied in order (`PRAGMA user_version`).

A script is never changed once released: a file made by an older sandbox is
brought up to date by running the scripts it lacks.
"""

from __future__ import annotations

_V1 = """
CREATE TABLE people (
    iin TEXT PRIMARY KEY,
    name TEXT,
    status TEXT NOT NULL,
    valid_until REAL,
    updated_at REAL NOT NULL,
    demo INTEGER NOT NULL DEFAULT 0
);
CREATE TABLE signing_keys (
    generation INTEGER PRIMARY KEY AUTOINCREMENT,
    kid TEXT NOT NULL UNIQUE,
    private_key BLOB NOT NULL,
    created_at REAL NOT NULL
);
CREATE TABLE events (
    seq INTEGER PRIMARY KEY AUTOINCREMENT,
    id TEXT NOT NULL UNIQUE,
    type TEXT NOT NULL,
    venue_bin TEXT NOT NULL,
    entrance TEXT NOT NULL,
    desk TEXT NOT NULL,
    occurred_at REAL NOT NULL,
    received_at REAL NOT NULL,
    iin TEXT,
    data TEXT NOT NULL
);
CREATE INDEX events_by_venue ON events (venue_bin, occurred_at, seq);
"""

# Doctor referrals (docs/architecture.md, section 1): opened by a boarding desk, resolved
# by the airport's doctor. `changed_at` is the service's own time of the
# latest change, so incremental pulls see late uploads (their opened_at is
# the kiosk's, and may be long past).
_V2 = """
CREATE TABLE referrals (
    id TEXT PRIMARY KEY,
    venue_bin TEXT NOT NULL,
    entrance TEXT NOT NULL,
    desk TEXT NOT NULL,
    opened_at REAL NOT NULL,
    opened_by TEXT NOT NULL,
    iin TEXT NOT NULL,
    ticket TEXT NOT NULL,
    masked_id TEXT NOT NULL,
    name TEXT,
    status_shown TEXT,
    provenance TEXT NOT NULL,
    reason TEXT NOT NULL,
    note TEXT,
    check_in TEXT,
    resolution_id TEXT,
    outcome TEXT,
    resolution_note TEXT,
    resolved_at REAL,
    resolved_by_venue TEXT,
    resolved_by_entrance TEXT,
    resolved_by_desk TEXT,
    valid_until REAL,
    changed_at REAL NOT NULL
);
CREATE INDEX referrals_by_venue ON referrals (venue_bin, opened_at);
"""

MIGRATIONS: tuple[str, ...] = (_V1, _V2)
SCHEMA_VERSION = len(MIGRATIONS)
