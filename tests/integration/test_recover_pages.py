"""`ashyq-kiosk recover` when a structural page is damaged: the file's first page,
the page of the list of tables that holds the outbox, the outbox's root, an
interior page of it, a leaf. Every row is still on a leaf page: all of them
come back, read from the pages themselves, except the rows of a damaged leaf,
which are counted. Small pages (1 KiB) give the outbox a tree three levels
deep and a list of tables spread over several pages."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path
from typing import Any

import pytest

from app import main
from kiosk.events import DeskIdentity
from kiosk.storage.alerts import Alerts, ClockSkew, DeviceLost
from kiosk.storage.outbox import Outbox
from kiosk.storage.store import Store
from kiosk.trust import JWKS_KEY
from tests.breakage import btree_pages, damage_a_page, people, queue_events

DESK = DeskIdentity("201040000123", "main", "desk-1")
AT = 1_790_000_000.0
ACKED, PENDING = 300, 600
PAGE = 1024
JWKS = '{"keys": [{"kid": "k1", "kty": "OKP", "crv": "Ed25519", "x": "' + "A" * 43 + '"}]}'


def a_kiosk_folder(path: Path) -> list[str]:
    """300 delivered events, 600 waiting, two alerts, the signing keys, two inside."""
    path.mkdir(parents=True)
    first = sqlite3.connect(path / "kiosk.sqlite3")
    first.execute(f"PRAGMA page_size = {PAGE}")
    first.execute("VACUUM")
    first.close()
    ids = queue_events(path, people(ACKED + PENDING), desk=DESK, at=AT)
    store = Store.in_dir(path)
    Outbox(store).acknowledge(ids[:ACKED], now=AT + 3600)
    Alerts(store).add(ClockSkew(300.0, 120.0), now=AT)
    Alerts(store).add(DeviceLost("camera"), now=AT)
    store.set_meta(JWKS_KEY, JWKS)
    with store.transaction() as conn:
        for n, event_id in enumerate(ids[-2:]):
            conn.execute(
                "INSERT INTO presence VALUES (?, ?, 'main', 'desk-1', ?)", (f"s{n}", AT, event_id)
            )
    store.checkpoint()
    store.close()
    return ids


def everything(db: Path) -> dict[str, list[tuple[Any, ...]]]:
    conn = sqlite3.connect(db)
    try:
        return {
            "outbox": conn.execute("SELECT * FROM outbox ORDER BY seq").fetchall(),
            "alerts": conn.execute(
                "SELECT * FROM alerts WHERE kind != 'database_rescued'"
            ).fetchall(),
            "meta": conn.execute("SELECT * FROM meta ORDER BY key").fetchall(),
            "presence": conn.execute("SELECT * FROM presence ORDER BY subject").fetchall(),
        }
    finally:
        conn.close()


def schema_page_of(db: Path, table: str) -> int:
    """The page of the list of tables that holds *table*'s CREATE TABLE."""
    data = db.read_bytes()
    pages = btree_pages(db, "sqlite_schema", "leaf")
    [page] = [
        p for p in pages if f"CREATE TABLE {table} ".encode() in data[(p - 1) * PAGE : p * PAGE]
    ]
    return page


def root_of(db: Path, table: str) -> int:
    conn = sqlite3.connect(db.resolve().as_uri() + "?mode=ro&immutable=1", uri=True)
    try:
        return int(
            conn.execute("SELECT rootpage FROM sqlite_schema WHERE name = ?", (table,)).fetchone()[
                0
            ]
        )
    finally:
        conn.close()


DAMAGE = {
    "file_header": lambda db: damage_a_page(db, page=1, page_size=PAGE),
    "schema_btree_header": lambda db: damage_a_page(db, page=1, page_size=PAGE, at=100),
    "schema_page": lambda db: damage_a_page(db, page=schema_page_of(db, "outbox"), page_size=PAGE),
    "outbox_root": lambda db: damage_a_page(db, page=root_of(db, "outbox"), page_size=PAGE),
    "outbox_interior": lambda db: damage_a_page(
        db,
        page=[p for p in btree_pages(db, "outbox", "internal") if p != root_of(db, "outbox")][-1],
        page_size=PAGE,
    ),
}


def recover(folder: Path, capsys: pytest.CaptureFixture[str]) -> tuple[int, dict[str, Any], str]:
    capsys.readouterr()
    code = main(["--data-dir", str(folder), "recover"])
    out, err = capsys.readouterr()
    return code, json.loads(out.splitlines()[-1]) if out.strip() else {}, err


@pytest.mark.parametrize("damage", list(DAMAGE))
def test_rows_behind_a_damaged_structural_page_are_read_from_the_leaves(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], damage: str
) -> None:
    folder = tmp_path / "kiosk-data"
    db = folder / "kiosk.sqlite3"
    a_kiosk_folder(folder)
    before = everything(db)
    assert len(btree_pages(db, "outbox", "internal")) > 1, "a tree three levels deep"
    DAMAGE[damage](db)

    code, saved, err = recover(folder, capsys)

    assert code == 0, err
    assert saved["recovered"] == {"pending": PENDING, "acknowledged": ACKED, "alerts": 2}
    assert saved["pending_lost"] == 0 and "outbox" not in saved["unreadable_rows"]
    after = everything(db)
    assert after["outbox"] == before["outbox"], "every event, its raw IIN and data as they were"
    assert after == before
    code = main(["--data-dir", str(folder), "status"])
    status = json.loads(capsys.readouterr().out.splitlines()[-1])
    assert code == 0 and status["pending"] == PENDING and status["occupancy"] == 2


def test_the_rows_of_a_damaged_leaf_are_counted_and_the_rest_read(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = tmp_path / "kiosk-data"
    db = folder / "kiosk.sqlite3"
    a_kiosk_folder(folder)
    before = everything(db)["outbox"]
    leaf = btree_pages(db, "outbox", "leaf")[-1]  # the newest events: waiting ones
    damage_a_page(db, page=root_of(db, "outbox"), page_size=PAGE)  # the root too
    damage_a_page(db, page=leaf, page_size=PAGE)

    code, saved, err = recover(folder, capsys)

    after = everything(db)["outbox"]
    lost = [row for row in before if row not in after]
    assert code == 1, err
    assert 0 < len(lost) < 10 and saved["pending_lost"] == len(lost)
    assert saved["recovered"]["pending"] == PENDING - len(lost)
    assert [row for row in before if row not in lost] == after
    [(first, last)] = saved["unreadable_rows"]["outbox"]
    assert [first, last] == [lost[0][0], lost[-1][0]]
