"""The page reader against SQLite's own reading of the same files: every row of
every kiosk table, long rows spilling onto overflow pages, rows still only in
the write-ahead log (and not those of a transaction cut short), and the page
size worked out when the file's header is gone."""

from __future__ import annotations

import shutil
import sqlite3
from pathlib import Path
from typing import Any

import pytest

from kiosk.events import DeskIdentity, EventType, NewEvent
from kiosk.storage.alerts import Alerts, ClockSkew
from kiosk.storage.outbox import Outbox
from kiosk.storage.pagereader import TableShape, scan, shapes_from
from kiosk.storage.recovery import TABLES
from kiosk.storage.store import Store
from tests.breakage import damage_a_page, people, queue_events
from tests.fakes import START

DESK = DeskIdentity("201040000123", "main", "desk-1")


def fill(folder: Path, page_size: int = 4096) -> Store:
    folder.mkdir(parents=True, exist_ok=True)
    first = sqlite3.connect(folder / "kiosk.sqlite3")
    first.execute(f"PRAGMA page_size = {page_size}")
    first.execute("VACUUM")
    first.close()
    ids = queue_events(folder, people(400), desk=DESK, at=START)
    store = Store.in_dir(folder)
    Alerts(store).add(ClockSkew(300.0, 120.0), now=START)
    store.set_meta("long", "x" * 50_000)  # spills over a dozen overflow pages
    with store.transaction() as conn:
        for n, event_id in enumerate(ids[:25]):
            conn.execute(
                "INSERT INTO presence VALUES (?, ?, 'main', 'desk-1', ?)",
                (f"s{n}", START, event_id),
            )
            conn.execute(
                "INSERT INTO status_cache VALUES (?, 'green', NULL, ?)", (f"s{n}", START + n / 3)
            )
            conn.execute(
                "INSERT INTO referrals (id, ticket, subject, provenance, reason, note, entrance,"
                " desk, opened_at, mine, changed_at) VALUES (?, ?, ?, 'live', 'yellow', ?,"
                " 'main', 'desk-1', ?, 1, ?)",
                (f"r{n}", f"G7-{n:03}", f"s{n}", "кашель " * n, START, START + 0.5),
            )
    return store


def as_sqlite_reads(db: Path, table: str) -> list[tuple[Any, ...]]:
    conn = sqlite3.connect(db.resolve().as_uri() + "?mode=ro", uri=True)
    try:
        return sorted(conn.execute(f"SELECT * FROM {table}").fetchall(), key=repr)
    finally:
        conn.close()


def normal(rows: list[tuple[Any, ...]], shape: TableShape) -> list[tuple[Any, ...]]:
    """Rows as SQLite hands them back: a REAL with no fraction is stored as an integer."""
    reals = {i for i, column in enumerate(shape.columns) if column.affinity == "REAL"}
    back = [
        tuple(float(v) if i in reals and isinstance(v, int) else v for i, v in enumerate(row))
        for row in rows
    ]
    return sorted(back, key=repr)


def shapes(store: Store) -> list[TableShape]:
    return shapes_from(store.conn, TABLES)


def test_every_row_of_every_table_read_from_the_pages_as_sqlite_reads_it(tmp_path: Path) -> None:
    store = fill(tmp_path)
    store.checkpoint()
    known = shapes(store)
    store.close()
    db = tmp_path / "kiosk.sqlite3"

    found = scan(db, known)

    for shape in known[: len(TABLES)]:
        assert normal(found.rows[shape.name], shape) == as_sqlite_reads(db, shape.name), shape
    assert ("outbox", 400) in found.rows["sqlite_sequence"]


def test_rows_still_in_the_log_are_read_and_a_transaction_cut_short_is_not(
    tmp_path: Path,
) -> None:
    store = fill(tmp_path / "live")
    store.checkpoint()
    store.conn.execute("PRAGMA wal_autocheckpoint = 0")
    later = [
        NewEvent(EventType.CHECK_IN, START + 9, {"decision": "admit"}, i)
        for i in people(30, first=900)
    ]
    Outbox(store).add(later, desk=DESK, now=START)
    copy = tmp_path / "copy"
    copy.mkdir()
    for name in ("kiosk.sqlite3", "kiosk.sqlite3-wal"):
        shutil.copyfile(tmp_path / "live" / name, copy / name)
    known = shapes(store)
    store.close()
    db = copy / "kiosk.sqlite3"
    wal = copy / "kiosk.sqlite3-wal"

    found = scan(db, known)
    assert {row[1] for row in found.rows["outbox"]} >= {e.id for e in later}
    assert len(found.rows["outbox"]) == 430

    with open(wal, "r+b") as handle:  # the last frame's page torn: its transaction is gone
        handle.seek(wal.stat().st_size - 100)
        handle.write(b"\x00" * 100)
    torn = scan(db, known)
    assert len(torn.rows["outbox"]) == 400


@pytest.mark.parametrize("page_size", [1024, 8192])
def test_the_page_size_is_worked_out_when_the_file_header_is_gone(
    tmp_path: Path, page_size: int
) -> None:
    store = fill(tmp_path, page_size)
    store.checkpoint()
    known = shapes(store)
    store.close()
    db = tmp_path / "kiosk.sqlite3"
    before = as_sqlite_reads(db, "outbox")
    damage_a_page(db, page=1, page_size=page_size)

    found = scan(db, known)

    assert found.page_size == page_size
    assert normal(found.rows["outbox"], known[0]) == before
