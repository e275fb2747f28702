"""Rows read straight from the pages of a SQLite file, for when its b-trees cannot
be walked: a damaged first page (the file header, the list of tables), a
table's root or an interior page. Every row is still on a leaf page.

As SQLite's own `.recover` does, every page is looked at on its own: a table
leaf (or, for a table WITHOUT ROWID, an index leaf) is parsed -- its header,
cell pointers, varints, the record header and its serial types, an overflow
chain -- and each record is matched to one of the tables the caller knows by
its number of columns and the storage class of each value. The committed
frames of the write-ahead log are laid over the main file first. Nothing is
written. Python's sqlite3 has no recover extension, and the `sqlite3`
command line is not on every kiosk (Windows): hence this small reader.

See https://www.sqlite.org/fileformat2.html for the format.
"""

from __future__ import annotations

import sqlite3
import struct
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path

_MAGIC = b"SQLite format 3\x00"
_WAL_MAGIC = (0x377F0682, 0x377F0683)  # checksums little-, big-endian
_SIZES = (512, 1024, 2048, 4096, 8192, 16384, 32768, 65536)
_TABLE_LEAF, _INDEX_LEAF, _TABLE_INTERIOR, _INDEX_INTERIOR = 13, 10, 5, 2
_INT_SIZES = {1: 1, 2: 2, 3: 3, 4: 4, 5: 6, 6: 8}

Value = int | float | str | bytes | None
Cell = tuple[int | None, list[Value]]
"""A leaf cell: its row id (None on an index page) and its record's values."""
Fetch = Callable[[int], bytes | None]


@dataclass(frozen=True)
class Column:
    name: str
    affinity: str
    """INTEGER, REAL, TEXT, BLOB or "" (any)."""
    required: bool = False
    """NOT NULL."""
    is_rowid: bool = False
    """The INTEGER PRIMARY KEY: the record holds NULL, the cell's key is the value."""


@dataclass(frozen=True)
class TableShape:
    """What a table's records look like."""

    name: str
    columns: tuple[Column, ...]
    without_rowid: bool = False
    min_columns: int = 1
    """Records written before columns were added (ALTER TABLE) are shorter."""

    def fits(self, values: Sequence[Value]) -> bool:
        if not self.min_columns <= len(values) <= len(self.columns):
            return False
        return all(_fits(c, v) for c, v in zip(self.columns, values, strict=False))


@dataclass
class PageScan:
    """What the pages held."""

    page_size: int
    rows: dict[str, list[tuple[Value, ...]]] = field(default_factory=dict)
    """Per table, its records (the row id in the INTEGER PRIMARY KEY column)."""
    leaves: int = 0
    unparsed: list[int] = field(default_factory=list)
    """Pages that are not b-tree pages (damaged ones, and overflow and free pages)."""


def scan(path: Path, shapes: Sequence[TableShape]) -> PageScan:
    """Every record of *shapes* found on the leaf pages of the file at *path* (and
    in the committed part of its `-wal`)."""
    data = path.read_bytes()
    wal = path.with_name(path.name + "-wal")
    log = wal.read_bytes() if wal.exists() else b""
    size, reserved = _page_size(data, log)
    pages = _wal_pages(log, size)
    found = PageScan(size, {shape.name: [] for shape in shapes})
    count = max(len(data) // size, max(pages, default=0))
    for number in range(1, count + 1):
        page = pages.get(number) or data[(number - 1) * size : number * size]
        reader = _Page(page, number, size - reserved, lambda n: _page(data, pages, n, size))
        kind = reader.kind()
        if kind in (_TABLE_LEAF, _INDEX_LEAF):
            found.leaves += 1
            for cell in reader.records():
                matched = _match(shapes, cell, index=kind == _INDEX_LEAF)
                if matched is not None:
                    found.rows[matched[0].name].append(matched[1])
        elif kind not in (_TABLE_INTERIOR, _INDEX_INTERIOR):
            found.unparsed.append(number)
    return found


def _match(
    shapes: Sequence[TableShape], cell: Cell, *, index: bool
) -> tuple[TableShape, tuple[Value, ...]] | None:
    """The first table whose records look like this one, and the row it holds."""
    rowid, values = cell
    for shape in shapes:
        if shape.without_rowid != index:
            continue
        row = list(values)
        keys = [i for i, c in enumerate(shape.columns[: len(row)]) if c.is_rowid]
        if any(row[i] is not None for i in keys):
            continue
        for i in keys:
            row[i] = rowid
        if shape.fits(row):
            return shape, tuple(row)
    return None


def _fits(column: Column, value: Value) -> bool:
    if value is None:
        return not column.required
    kind = column.affinity
    if kind == "INTEGER":
        return isinstance(value, int)
    if kind == "REAL":  # an integral REAL is stored as an integer
        return isinstance(value, int | float)
    if kind == "TEXT":
        return isinstance(value, str)
    if kind == "BLOB":
        return isinstance(value, bytes)
    return True


# -- pages ---------------------------------------------------------------------------


def _page_size(data: bytes, log: bytes) -> tuple[int, int]:
    """The page size and reserved bytes: from the header, else from the log's
    header, else the size at which the file looks most like b-tree pages."""
    if data.startswith(_MAGIC) and len(data) >= 100:
        size = int.from_bytes(data[16:18], "big")
        size = 65536 if size == 1 else size
        if size in _SIZES:
            return size, data[20]
    if len(log) >= 32 and int.from_bytes(log[:4], "big") in _WAL_MAGIC:
        size = int.from_bytes(log[8:12], "big")
        if size in _SIZES:
            return size, 0
    return _guess_size(data), 0


def _guess_size(data: bytes) -> int:
    """Pages start where a b-tree page header can be; halve the size below the real
    one and half the starts fall inside pages. The smallest size whose starts look
    nearly as often like headers as the best is the one."""
    shares = {}
    for size in _SIZES:
        starts = range(size, len(data) - 8, size)  # page 1's header is the damaged one
        if len(starts) == 0:
            continue
        fine = sum(_Page(data[at : at + size], 2, size, lambda n: None).kind() > 0 for at in starts)
        shares[size] = fine / len(starts)
    best = max(shares.values(), default=0.0)
    return min((s for s, share in shares.items() if share >= 0.8 * best), default=4096)


def _page(data: bytes, pages: dict[int, bytes], number: int, size: int) -> bytes | None:
    if number in pages:
        return pages[number]
    page = data[(number - 1) * size : number * size]
    return page if len(page) == size else None


def _wal_pages(log: bytes, size: int) -> dict[int, bytes]:
    """The pages of the log's committed transactions (the newest copy of each)."""
    if len(log) < 32 or int.from_bytes(log[:4], "big") not in _WAL_MAGIC:
        return {}
    big = int.from_bytes(log[:4], "big") & 1 == 1
    if int.from_bytes(log[8:12], "big") != size:
        return {}
    salts = log[16:24]
    sums = _checksum(log[:24], 0, 0, big)
    if sums != struct.unpack(">2I", log[24:32]):
        return {}
    committed: dict[int, bytes] = {}
    pending: dict[int, bytes] = {}
    at = 32
    while at + 24 + size <= len(log):
        head, page = log[at : at + 24], log[at + 24 : at + 24 + size]
        if head[8:16] != salts:
            break
        sums = _checksum(page, *_checksum(head[:8], *sums, big), big)
        if sums != struct.unpack(">2I", head[16:24]):
            break
        pending[int.from_bytes(head[:4], "big")] = page
        if int.from_bytes(head[4:8], "big"):  # a commit: the transaction is whole
            committed.update(pending)
            pending = {}
        at += 24 + size
    return committed


def _checksum(data: bytes, s0: int, s1: int, big: bool) -> tuple[int, int]:
    words = struct.unpack(f"{'>' if big else '<'}{len(data) // 4}I", data)
    for i in range(0, len(words), 2):
        s0 = (s0 + words[i] + s1) & 0xFFFFFFFF
        s1 = (s1 + words[i + 1] + s0) & 0xFFFFFFFF
    return s0, s1


class _Page:
    """One b-tree page, parsed with every offset checked."""

    def __init__(self, page: bytes, number: int, usable: int, fetch: Fetch) -> None:
        self.page = page
        self.head = 100 if number == 1 else 0
        self.usable = usable
        self.fetch = fetch

    def kind(self) -> int:
        """The b-tree page type, 0 when this is not a plausible b-tree page."""
        page, head = self.page, self.head
        if len(page) < head + 12 or page[head] not in (2, 5, 10, 13):
            return 0
        cells = int.from_bytes(page[head + 3 : head + 5], "big")
        content = int.from_bytes(page[head + 5 : head + 7], "big") or 65536
        start = head + (8 if page[head] in (10, 13) else 12)
        if start + 2 * cells > content or content > self.usable:
            return 0
        return page[head]

    def records(self) -> Iterator[Cell]:
        """(row id or None, values) of each cell that parses as a record."""
        page, head = self.page, self.head
        table = page[head] == _TABLE_LEAF
        for i in range(int.from_bytes(page[head + 3 : head + 5], "big")):
            at = int.from_bytes(page[head + 8 + 2 * i : head + 10 + 2 * i], "big")
            try:
                length, at = _varint(page, at)
                rowid = None
                if table:
                    rowid, at = _varint(page, at)
                payload = self._payload(at, length, table)
                values = _record(payload) if payload is not None else None
            except (IndexError, ValueError, UnicodeDecodeError, struct.error):
                continue
            if values is not None:
                yield rowid, values

    def _payload(self, at: int, length: int, table: bool) -> bytes | None:
        usable = self.usable
        most = usable - 35 if table else (usable - 12) * 64 // 255 - 23
        least = (usable - 12) * 32 // 255 - 23
        if length <= most:
            local = length
        else:
            spill = least + (length - least) % (usable - 4)
            local = spill if spill <= most else least
        if at + local > usable:
            return None
        payload = bytearray(self.page[at : at + local])
        if local == length:
            return bytes(payload)
        next_page = int.from_bytes(self.page[at + local : at + local + 4], "big")
        for _ in range(length // (usable - 4) + 1):  # a chain no longer than the payload
            overflow = self.fetch(next_page) if next_page else None
            if overflow is None:
                return None
            payload += overflow[4:usable][: length - len(payload)]
            if len(payload) >= length:
                return bytes(payload)
            next_page = int.from_bytes(overflow[:4], "big")
        return None


def _varint(data: bytes, at: int) -> tuple[int, int]:
    value = 0
    for i in range(9):
        byte = data[at + i]
        if i == 8:
            return (value << 8) | byte, at + 9
        value = (value << 7) | (byte & 0x7F)
        if byte < 0x80:
            return value, at + i + 1
    raise ValueError("varint")


def _record(payload: bytes) -> list[Value] | None:
    """The values of a record; None when the bytes are not one (sizes must add up)."""
    header, at = _varint(payload, 0)
    if not 1 <= header <= len(payload):
        return None
    types = []
    while at < header:
        serial, at = _varint(payload, at)
        types.append(serial)
    if at != header:
        return None
    values: list[Value] = []
    at = header
    for serial in types:
        if serial in (10, 11):
            return None
        if serial == 0:
            values.append(None)
        elif serial in _INT_SIZES:
            size = _INT_SIZES[serial]
            values.append(int.from_bytes(payload[at : at + size], "big", signed=True))
            at += size
        elif serial == 7:
            values.append(struct.unpack(">d", payload[at : at + 8])[0])
            at += 8
        elif serial in (8, 9):
            values.append(serial - 8)
        else:
            size = (serial - 12) // 2
            raw = payload[at : at + size]
            values.append(raw.decode("utf-8") if serial % 2 else bytes(raw))
            at += size
    return values if at == len(payload) else None


def shapes_from(conn: sqlite3.Connection, tables: Sequence[str]) -> list[TableShape]:
    """The shapes of *tables* as the database on *conn* declares them (the kiosk's
    own schema, in a fresh file), then `sqlite_sequence` (AUTOINCREMENT counters)."""
    shapes = []
    for table in tables:
        info = conn.execute(f"PRAGMA table_info({table})").fetchall()
        sql = conn.execute("SELECT sql FROM sqlite_schema WHERE name = ?", (table,)).fetchone()
        without_rowid = sql is not None and "WITHOUT ROWID" in str(sql[0]).upper()
        keys = [row for row in info if row[5]]
        columns = []
        for _cid, name, kind, notnull, _default, pk in info:
            is_rowid = bool(pk) and len(keys) == 1 and str(kind).upper() == "INTEGER"
            is_rowid = is_rowid and not without_rowid
            columns.append(
                Column(str(name), str(kind).upper(), bool(notnull) and not is_rowid, is_rowid)
            )
        # Columns added later (ALTER TABLE) may be missing from older records.
        needed = [i for i, row in enumerate(info) if row[3] and row[4] is None]
        shapes.append(TableShape(table, tuple(columns), without_rowid, max(needed, default=0) + 1))
    counters = (Column("name", "TEXT", True), Column("seq", "INTEGER", True))
    shapes.append(TableShape("sqlite_sequence", counters, False, 2))
    return shapes


def broken_pages(path: Path, roots: list[int]) -> set[int]:
    """Walk the b-trees of the main file from their roots; the pages that are not
    b-tree pages where one should be (the log, if any, is not looked at)."""
    data = path.read_bytes()
    size = int.from_bytes(data[16:18], "big") if len(data) >= 100 else 0
    size = 65536 if size == 1 else size
    if size < 512:
        return {1}
    pages = len(data) // size
    broken: set[int] = set()
    seen: set[int] = set()
    todo = [r for r in roots if r > 0]
    while todo:
        page = todo.pop()
        if page in seen:
            continue
        seen.add(page)
        if not 1 <= page <= pages:
            broken.add(page)
            continue
        base = (page - 1) * size
        head = base + (100 if page == 1 else 0)
        kind = data[head]
        if kind not in (2, 5, 10, 13):  # interior/leaf, index/table
            broken.add(page)
            continue
        if kind in (2, 5):  # interior: its children
            cells = int.from_bytes(data[head + 3 : head + 5], "big")
            todo.append(int.from_bytes(data[head + 8 : head + 12], "big"))
            for i in range(cells):
                at = base + int.from_bytes(data[head + 12 + 2 * i : head + 14 + 2 * i], "big")
                todo.append(int.from_bytes(data[at : at + 4], "big"))
    return broken
