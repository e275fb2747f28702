"""Ways to break a kiosk's files on purpose, shared by the tests (no mocks):
a damaged page, a queue of events to lose, a disk that fills up.

A full disk is made with the process's own file-size limit (RLIMIT_FSIZE):
it binds for root too and needs no mount; SQLite then sees a short write or
EFBIG, as it would on a disk with no space left.
"""

from __future__ import annotations

import datetime as dt
import os
import sqlite3
import subprocess
import sys
from collections.abc import Sequence
from pathlib import Path

from kiosk.events import DeskIdentity, EventType, NewEvent
from kiosk.iin import Sex, make_iin
from kiosk.storage.outbox import Outbox
from kiosk.storage.store import Store

REPO = Path(__file__).resolve().parents[1]
PAGE = 4096

# Run `ashyq-kiosk` with a file-size limit: `python -c LIMITED BYTES ARGS...`.
_LIMITED = (
    "import resource, signal, sys\n"
    "signal.signal(signal.SIGXFSZ, signal.SIG_IGN)\n"  # a write past the limit fails, no kill
    "limit = int(sys.argv.pop(1))\n"
    "resource.setrlimit(resource.RLIMIT_FSIZE, (limit, limit))\n"
    "from app import main\n"
    "sys.exit(main(sys.argv[1:]))\n"
)


def people(count: int, *, first: int = 0) -> list[str]:
    """*count* different valid IINs (the same list for the same *first*)."""
    found: list[str] = []
    n = first
    while len(found) < count:
        n += 1
        iin = make_iin(dt.date(1950, 1, 1) + dt.timedelta(days=n % 25_000), Sex.MALE, n % 9_000)
        if iin is not None:
            found.append(iin)
    return found


def queue_events(folder: Path, iins: Sequence[str], *, desk: DeskIdentity, at: float) -> list[str]:
    """Check-ins of *iins* waiting in the folder's outbox; their ids."""
    data = {"decision": "admit", "status": "blue", "provenance": "live", "method": "scanner"}
    events = [NewEvent(EventType.CHECK_IN, at + i, data, iin) for i, iin in enumerate(iins)]
    store = Store.in_dir(folder)
    try:
        Outbox(store).add(events, desk=desk, now=at)
        store.checkpoint()
    finally:
        store.close()
    return [e.id for e in events]


def table_pages(path: Path, table: str) -> list[int]:
    """The leaf pages of *table*'s b-tree (needs SQLite's dbstat table)."""
    uri = path.resolve().as_uri() + "?mode=ro&immutable=1"  # leaves no -wal, -shm behind
    conn = sqlite3.connect(uri, uri=True)
    try:
        rows = conn.execute(
            "SELECT pageno FROM dbstat WHERE name = ? AND pagetype = 'leaf' ORDER BY pageno",
            (table,),
        ).fetchall()
    finally:
        conn.close()
    return [int(r[0]) for r in rows]


def damage_a_page(path: Path, *, page: int, page_size: int = PAGE, at: int = 0) -> None:
    """Overwrite the b-tree page header of *page* (1-based): the page can no longer be
    read. On page 1 that is the file's header; *at* 100 hits its b-tree header."""
    with open(path, "r+b") as handle:
        handle.seek(page_size * (page - 1) + at)
        handle.write(b"\xff" * 64)


def btree_pages(path: Path, name: str, kind: str) -> list[int]:
    """The pages of *name*'s b-tree of *kind* (`leaf`, `internal`), from SQLite's dbstat."""
    uri = path.resolve().as_uri() + "?mode=ro&immutable=1"
    conn = sqlite3.connect(uri, uri=True)
    try:
        rows = conn.execute(
            "SELECT pageno FROM dbstat WHERE name = ? AND pagetype = ? ORDER BY pageno",
            (name, kind),
        ).fetchall()
    finally:
        conn.close()
    return [int(r[0]) for r in rows]


def run_with_file_limit(
    limit: int, argv: Sequence[str], *, timeout: float = 60
) -> subprocess.CompletedProcess[str]:
    """`ashyq-kiosk ARGV` in a child process that cannot grow any file past *limit* bytes."""
    env = {**os.environ, "PYTHONPATH": str(REPO)}
    return subprocess.run(
        [sys.executable, "-c", _LIMITED, str(limit), *argv],
        capture_output=True,
        text=True,
        env=env,
        timeout=timeout,
        check=False,
    )
