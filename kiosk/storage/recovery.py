"""Salvage a damaged kiosk database: every row still readable goes into a fresh file.

The damaged file is opened read-only and read in row ranges, so that one
bad page costs only the rows on it: a range that fails is split in two
until the rows that cannot be read are found one by one. Rows a damaged
structural page hides (the first page, the list of tables, a table's root
or an interior page) are then read straight from the leaf pages
(:mod:`kiosk.storage.pagereader`). The events not yet acknowledged matter most
(they exist nowhere else); the outbox's own index of them, else the outbox's
counter, tells which of those, if any, could not be read. The alerts and the
settings kept in `meta` (the service's signing keys, the sync's pause) come
along, and presence, cached statuses and referrals where they can.

The new database is written beside the old one and only then put in its
place; the damaged files are kept, renamed `kiosk.sqlite3.damaged-STAMP`
(with their `-wal`, `-shm` and `.mark`). A kiosk still running on the old file
notices the swap (Store.guard) and stops with a rescue file of its own.
"""

from __future__ import annotations

import datetime as dt
import os
import re
import sqlite3
from collections.abc import Iterator
from dataclasses import dataclass, field, replace
from pathlib import Path

from kiosk.storage.alerts import Alert, DatabaseRescued, raise_alert
from kiosk.storage.errors import StoreError, StoreProblem, from_os_error
from kiosk.storage.eventmark import MARK_SUFFIX
from kiosk.storage.pagereader import PageScan, broken_pages, scan, shapes_from
from kiosk.storage.schema import SCHEMA_VERSION
from kiosk.storage.store import DB_FILENAME, Store

# What is copied, most precious first.
TABLES = ("outbox", "alerts", "meta", "presence", "referrals", "status_cache")
CHUNK = 512
_SIDE_FILES = ("-wal", "-shm", MARK_SUFFIX)  # the mark goes with its file


@dataclass(frozen=True)
class Salvage:
    """What a recovery saved and what it could not."""

    database: Path
    healthy: bool = False
    pending: int = 0
    acknowledged: int = 0
    alerts: int = 0
    pending_lost: int | None = 0
    """Events not yet acknowledged that could not be read; None: cannot tell."""
    unreadable: dict[str, list[tuple[int, int]]] = field(default_factory=dict)
    """Per table, the row ids (first, last) that could not be read; (0, 0): the
    whole of a table without row ids."""
    lost_pages: list[int] = field(default_factory=list)
    damaged_file: Path | None = None

    @property
    def every_pending_event_saved(self) -> bool:
        return self.pending_lost == 0


def recover(data_dir: Path, *, now: float) -> Salvage:
    """Check the folder's database; when it is damaged, replace it with what can be read.

    Raises StoreError when the new database cannot be written (the damaged
    one is then left exactly where and as it was).
    """
    path = data_dir / DB_FILENAME
    if not path.is_file():
        raise StoreError(StoreProblem.OTHER, f"{path}: no database here")
    source = _open_read_only(path)
    try:
        problems = _problems(source)
        if not problems:
            return Salvage(path, healthy=True)
        fresh = path.with_name(path.name + ".recovering")
        _remove(fresh)
        try:
            salvage = _copy_all(source, fresh, path, problems, now)
        except BaseException:
            _remove(fresh)
            raise
    finally:
        if source is not None:
            source.close()
    return replace(salvage, damaged_file=_swap(path, fresh))


def _open_read_only(path: Path) -> sqlite3.Connection | None:
    """The damaged file, read-only (its log is read too, never folded into it).

    Without a log there is nothing more to read: the file is opened as
    immutable, so that not even an empty log or index file is left behind.
    """
    has_log = path.with_name(path.name + "-wal").exists()
    uri = path.resolve().as_uri() + "?mode=ro" + ("" if has_log else "&immutable=1")
    try:
        conn = sqlite3.connect(uri, uri=True, isolation_level=None)
        conn.execute("SELECT count(*) FROM sqlite_schema").fetchone()
    except sqlite3.Error:
        return None  # not even its list of tables can be read: nothing to copy
    return conn


def _problems(source: sqlite3.Connection | None) -> list[str]:
    if source is None:
        return ["the file's first page (its list of tables) cannot be read"]
    try:
        rows = source.execute("PRAGMA integrity_check(100)").fetchall()
    except sqlite3.DatabaseError as exc:
        return [str(exc)]
    found = [" ".join(str(r[0]).split()) for r in rows]
    return [] if found == ["ok"] else found


def _copy_all(
    source: sqlite3.Connection | None,
    fresh: Path,
    original: Path,
    problems: list[str],
    now: float,
) -> Salvage:
    if source is not None:
        version = int(source.execute("PRAGMA user_version").fetchone()[0])
        if version > SCHEMA_VERSION:
            raise StoreError(StoreProblem.TOO_NEW, f"version {version}")
    target = Store(fresh)
    try:
        unreadable: dict[str, list[int]] = {}
        with target.transaction() as conn:
            for table in TABLES if source is not None else ():
                assert source is not None
                lost = _copy_table(source, conn, table)
                if lost:
                    unreadable[table] = lost
            pages = scan(original, shapes_from(conn, TABLES))
            _copy_pages(conn, pages)
            counter = max(_counter(source), _counter_in(pages))
            _keep_counter(conn, counter)
            saved = {int(r[0]) for r in conn.execute("SELECT seq FROM outbox")}
            alerts = int(conn.execute("SELECT count(*) FROM alerts").fetchone()[0])
            raise_alert(conn, Alert(DatabaseRescued("recovered", str(original)), now))
            pending, acknowledged = conn.execute(
                "SELECT count(*) FILTER (WHERE acked_at IS NULL), "
                "count(*) FILTER (WHERE acked_at IS NOT NULL) FROM outbox"
            ).fetchone()
            still = _still_lost(conn, unreadable, source is None, saved, counter)
        target.checkpoint()
    finally:
        target.close()
    expected = _pending_by_index(source) if source is not None else None
    missing = still.get("outbox", [])
    if expected is not None:
        pending_lost: int | None = len(expected - saved)
    else:
        pending_lost = 0 if not missing else None
    return Salvage(
        original,
        pending=int(pending),
        acknowledged=int(acknowledged),
        alerts=alerts,
        pending_lost=pending_lost,
        unreadable={table: _ranges(ids) for table, ids in still.items() if ids},
        lost_pages=_lost_pages(source, original, problems),
    )


def _copy_pages(conn: sqlite3.Connection, pages: PageScan) -> None:
    """Add the rows found on the leaf pages that the table reads did not give."""
    for table in TABLES:
        for row in pages.rows.get(table, []):
            names = [c[1] for c in conn.execute(f"PRAGMA table_info({table})")][: len(row)]
            marks = ", ".join("?" * len(row))
            conn.execute(
                f"INSERT OR IGNORE INTO {table} ({', '.join(names)}) VALUES ({marks})", row
            )


def _counter(source: sqlite3.Connection | None) -> int:
    """The outbox's AUTOINCREMENT counter, as the damaged file's table says (0: unknown)."""
    if source is None:
        return 0
    try:
        row = source.execute("SELECT seq FROM sqlite_sequence WHERE name = 'outbox'").fetchone()
    except sqlite3.DatabaseError:
        return 0
    return int(row[0]) if row is not None else 0


def _counter_in(pages: PageScan) -> int:
    counters = [int(str(r[1])) for r in pages.rows.get("sqlite_sequence", []) if r[0] == "outbox"]
    return max(counters, default=0)


def _keep_counter(conn: sqlite3.Connection, counter: int) -> None:
    """The new file goes on numbering events after the last one the old file gave:
    an event's number is never given twice."""
    if (
        conn.execute(
            "UPDATE sqlite_sequence SET seq = max(seq, ?) WHERE name = 'outbox'", (counter,)
        ).rowcount
        == 0
        and counter
    ):
        conn.execute("INSERT INTO sqlite_sequence (name, seq) VALUES ('outbox', ?)", (counter,))


def _still_lost(
    conn: sqlite3.Connection,
    unreadable: dict[str, list[int]],
    blind: bool,
    saved: set[int],
    counter: int,
) -> dict[str, list[int]]:
    """The row ids the table reads could not give and the pages did not either;
    *blind* (not even the list of tables could be read): the outbox's numbers
    up to its counter that are not in the new file."""
    still: dict[str, list[int]] = {}
    for table, ids in unreadable.items():
        if ids == [0]:  # a table without row ids: whole, or not at all
            if not conn.execute(f"SELECT 1 FROM {table} LIMIT 1").fetchone():
                still[table] = [0]
            continue
        key = "seq" if table == "outbox" else "rowid"
        have = {int(r[0]) for r in conn.execute(f"SELECT {key} FROM {table}")}
        still[table] = [i for i in ids if i not in have]
    if blind and saved:
        still["outbox"] = [i for i in range(min(saved), counter + 1) if i not in saved]
    return still


def _lost_pages(source: sqlite3.Connection | None, path: Path, problems: list[str]) -> list[int]:
    """The pages the integrity check named, and those whose b-tree header is broken."""
    named = {int(n) for p in problems for n in re.findall(r"[Pp]age (\d+)", p)}
    if source is None:
        return sorted(named | {1})
    try:
        roots = [int(r[0]) for r in source.execute("SELECT rootpage FROM sqlite_schema")]
    except sqlite3.DatabaseError:
        roots = []
    return sorted(named | broken_pages(path, roots))


def _copy_table(source: sqlite3.Connection, target: sqlite3.Connection, table: str) -> list[int]:
    """Copy every readable row; the row ids that could not be read."""
    theirs = _columns(source, table)
    if not theirs:
        return []
    ours = _columns(target, table)
    columns = [c for c in theirs if c in ours]
    names = ", ".join(columns)
    insert = f"INSERT OR IGNORE INTO {table} ({names}) VALUES ({', '.join('?' * len(columns))})"
    lost: list[int] = []
    for rows in _readable_rows(source, table, names, lost):
        target.executemany(insert, [row[1:] for row in rows])
    return lost


def _readable_rows(
    source: sqlite3.Connection, table: str, names: str, lost: list[int]
) -> Iterator[list[tuple[object, ...]]]:
    """Rows in row id order, CHUNK at a time; a range that fails is split until
    the single row ids that cannot be read are known (added to *lost*).

    A table without row ids (the day's presence and cached statuses) is read
    whole or not at all (then row id 0 stands for it in *lost*)."""
    try:
        source.execute(f"SELECT rowid FROM {table} LIMIT 0")
    except sqlite3.OperationalError:
        try:
            rows = source.execute(f"SELECT 0, {names} FROM {table}").fetchall()
        except sqlite3.DatabaseError:
            lost.append(0)
            return
        yield rows
        return
    low, high = _rowid_bounds(source, table)
    sql = f"SELECT rowid, {names} FROM {table} WHERE rowid BETWEEN ? AND ? ORDER BY rowid"
    for start in range(low, high + 1, CHUNK):
        todo = [(start, min(start + CHUNK - 1, high))]
        while todo:
            first, last = todo.pop()
            try:
                rows = source.execute(sql, (first, last)).fetchall()
            except sqlite3.DatabaseError:
                if first == last:
                    lost.append(first)
                else:
                    middle = (first + last) // 2
                    todo += [(middle + 1, last), (first, middle)]
                continue
            if rows:
                yield rows


def _rowid_bounds(source: sqlite3.Connection, table: str) -> tuple[int, int]:
    """The row ids to try: from the table itself where it can tell, else from
    the counter AUTOINCREMENT keeps (and from 1)."""
    low, high = 1, 0
    try:
        row = source.execute(f"SELECT min(rowid), max(rowid) FROM {table}").fetchone()
        if row[0] is not None:
            low, high = int(row[0]), int(row[1])
    except sqlite3.DatabaseError:
        low = 1
    try:
        row = source.execute("SELECT seq FROM sqlite_sequence WHERE name = ?", (table,)).fetchone()
        if row is not None:
            high = max(high, int(row[0]))
    except sqlite3.DatabaseError:
        pass
    return low, high


def _pending_by_index(source: sqlite3.Connection) -> set[int] | None:
    """The outbox's waiting events as its own partial index lists them; None
    when that index cannot be read either."""
    try:
        rows = source.execute(
            "SELECT seq FROM outbox INDEXED BY outbox_pending "
            "WHERE acked_at IS NULL AND dead_at IS NULL"
        ).fetchall()
    except sqlite3.DatabaseError:
        return None
    return {int(r[0]) for r in rows}


def _columns(conn: sqlite3.Connection, table: str) -> list[str]:
    try:
        return [str(r[1]) for r in conn.execute(f"PRAGMA table_info({table})")]
    except sqlite3.DatabaseError:
        return []


def _ranges(ids: list[int]) -> list[tuple[int, int]]:
    out: list[tuple[int, int]] = []
    for n in sorted(ids):
        if out and n == out[-1][1] + 1:
            out[-1] = (out[-1][0], n)
        else:
            out.append((n, n))
    return out


def _swap(path: Path, fresh: Path) -> Path:
    """Put the damaged files aside and the new database in their place."""
    stamp = dt.datetime.now().strftime("%Y%m%dT%H%M%S")
    damaged = path.with_name(f"{path.name}.damaged-{stamp}")
    moved: list[tuple[Path, Path]] = []
    try:
        for suffix in ("", *_SIDE_FILES):
            old = path.with_name(path.name + suffix)
            if old.exists():
                old.rename(damaged.with_name(damaged.name + suffix))
                moved.append((old, damaged.with_name(damaged.name + suffix)))
        for suffix in _SIDE_FILES:
            _remove(fresh.with_name(fresh.name + suffix))
        fresh.rename(path)
        _sync_folder(path.parent)
    except OSError as exc:
        for old, new in reversed(moved):  # put the damaged files back as they were
            if new.exists() and not old.exists():
                new.rename(old)
        _remove(fresh)
        raise from_os_error(exc, str(path)) from None
    return damaged


def _remove(path: Path) -> None:
    for suffix in ("", *_SIDE_FILES):
        try:
            path.with_name(path.name + suffix).unlink()
        except FileNotFoundError:
            pass
        except OSError as exc:
            raise from_os_error(exc, str(path)) from None


def _sync_folder(folder: Path) -> None:
    """Make the renames durable (POSIX; Windows has no directory handles to sync)."""
    if os.name != "posix":
        return
    fd = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)
