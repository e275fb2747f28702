"""The store: schema versions, migrations, failures with clear errors, privacy."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from kiosk.events import DeskIdentity, EventType, NewEvent
from kiosk.storage.errors import StoreError, StoreProblem
from kiosk.storage.outbox import Outbox
from kiosk.storage.retention import purge, purge_if_due
from kiosk.storage.schema import MIGRATIONS, SCHEMA_VERSION
from kiosk.storage.store import Store, float_or_none, set_meta_in
from tests.breakage import PAGE, table_pages
from tests.fakes import GREEN_IIN, START

DESK = DeskIdentity("150340012345", "main", "desk-1")


def check_in(at: float = START, iin: str | None = GREEN_IIN) -> NewEvent:
    return NewEvent(EventType.CHECK_IN, at, {"decision": "admit"}, iin)


def test_new_database_is_at_the_current_schema_in_wal_with_full_sync(store: Store) -> None:
    assert store.schema_version == SCHEMA_VERSION
    assert store.conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert store.conn.execute("PRAGMA synchronous").fetchone()[0] == 2  # FULL
    assert store.conn.execute("PRAGMA secure_delete").fetchone()[0] == 1


def test_migrates_a_previous_version_database_keeping_its_events(tmp_path: Path) -> None:
    path = tmp_path / "old.sqlite3"
    old = Store(path, migrations=MIGRATIONS[:-1])
    assert old.schema_version == SCHEMA_VERSION - 1
    with old.transaction() as conn:
        conn.execute(
            "INSERT INTO outbox (id, type, occurred_at, venue_bin, entrance, desk, iin, data,"
            " created_at) VALUES ('e1', 'check_in', ?, ?, 'main', 'desk-1', ?, '{}', ?)",
            (START, DESK.venue_bin, GREEN_IIN, START),
        )
        conn.execute("INSERT INTO presence VALUES ('s1', ?, 'main', 'desk-1', 'e1')", (START,))
        conn.execute("INSERT INTO status_cache VALUES ('s1', 'green', NULL, ?)", (START,))
    old.close()

    migrated = Store(path)

    assert migrated.schema_version == SCHEMA_VERSION
    pending = Outbox(migrated).pending(now=START)
    assert [e.id for e in pending] == ["e1"]
    assert pending[0].iin == GREEN_IIN
    Outbox(migrated).dead_letter([("e1", "bad")], now=START)  # the v2 columns work
    assert Outbox(migrated).stats().dead == 1
    assert migrated.query("SELECT subject, event_id FROM presence") == [
        {"subject": "s1", "event_id": "e1"}
    ]
    assert migrated.query("SELECT status FROM status_cache") == [{"status": "green"}]
    migrated.close()


def test_a_database_from_a_newer_version_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "new.sqlite3"
    conn = sqlite3.connect(path)
    conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 1}")
    conn.close()

    with pytest.raises(StoreError) as caught:
        Store(path)
    assert caught.value.problem is StoreProblem.TOO_NEW
    assert "newer" in str(caught.value)


def test_a_file_that_is_not_a_database_gives_a_clear_error(tmp_path: Path) -> None:
    path = tmp_path / "kiosk.sqlite3"
    path.write_bytes(b"this is not sqlite" * 100)

    with pytest.raises(StoreError) as caught:
        Store(path)
    assert caught.value.problem is StoreProblem.UNREADABLE


def test_a_locked_database_gives_a_clear_error_and_loses_nothing(tmp_path: Path) -> None:
    path = tmp_path / "kiosk.sqlite3"
    store = Store(path)
    outbox = Outbox(store)
    outbox.add([check_in()], desk=DESK, now=START)
    other = sqlite3.connect(path, isolation_level=None)
    other.execute("BEGIN EXCLUSIVE")
    store.conn.execute("PRAGMA busy_timeout = 50")
    try:
        with pytest.raises(StoreError) as caught:
            outbox.add([check_in()], desk=DESK, now=START)
        assert caught.value.problem is StoreProblem.LOCKED
    finally:
        other.execute("ROLLBACK")
        other.close()
    assert outbox.stats().pending == 1
    store.close()


def test_a_full_disk_gives_a_clear_error_and_keeps_what_was_written(store: Store) -> None:
    outbox = Outbox(store)
    outbox.add([check_in()], desk=DESK, now=START)
    page_count = store.conn.execute("PRAGMA page_count").fetchone()[0]
    store.conn.execute(f"PRAGMA max_page_count = {page_count}")

    big = [NewEvent(EventType.CHECK_IN, START, {"pad": "x" * 4000}, GREEN_IIN) for _ in range(50)]
    with pytest.raises(StoreError) as caught:
        outbox.add(big, desk=DESK, now=START)

    assert caught.value.problem is StoreProblem.FULL
    assert "disk is full" in str(caught.value)
    assert outbox.stats().pending == 1, "the failed batch is rolled back, the first kept"


def test_acknowledged_events_lose_their_raw_iin_even_in_the_file(tmp_path: Path) -> None:
    path = tmp_path / "kiosk.sqlite3"
    store = Store(path)
    outbox = Outbox(store)
    event = check_in()
    outbox.add([event], desk=DESK, now=START)

    outbox.acknowledge([event.id], now=START + 5)
    store.checkpoint()
    store.close()

    raw = path.read_bytes() + (
        path.with_name(path.name + "-wal").read_bytes()
        if path.with_name(path.name + "-wal").exists()
        else b""
    )
    assert GREEN_IIN.encode() not in raw
    reopened = Store(path)
    assert Outbox(reopened).get([event.id])[0].iin is None
    reopened.close()


def test_outbox_keeps_order_batches_and_defers(store: Store) -> None:
    outbox = Outbox(store)
    events = [check_in(START + i) for i in range(7)]
    outbox.add(events, desk=DESK, now=START)

    first = outbox.pending(now=START, limit=3)
    outbox.defer([e.id for e in first], error="503", next_attempt=START + 60)

    assert [e.id for e in first] == [e.id for e in events[:3]]
    assert [e.id for e in outbox.pending(now=START)] == [e.id for e in events[3:]]
    again = outbox.pending(now=START + 61)
    assert [e.id for e in again] == [e.id for e in events]
    assert again[0].attempts == 1
    assert outbox.stats().oldest_pending_at == START


def test_retention_purges_only_acknowledged_old_events(store: Store) -> None:
    outbox = Outbox(store)
    old_acked, old_pending, recent = (
        check_in(START - 100 * 86400),
        check_in(START - 100 * 86400),
        check_in(),
    )
    outbox.add([old_acked, old_pending, recent], desk=DESK, now=START)
    outbox.acknowledge([old_acked.id, recent.id], now=START)

    purged = purge(store, now=START, retention_days=90)

    assert purged.events == 1
    remaining = {e.id for e in outbox.between(0, START + 1)}
    assert remaining == {old_pending.id, recent.id}


def test_subject_key_is_stable_per_folder_differs_between_folders_and_lives_apart(
    tmp_path: Path,
) -> None:
    a = Store(tmp_path / "a" / "kiosk.sqlite3")
    b = Store(tmp_path / "b" / "kiosk.sqlite3")
    try:
        now = 1_790_000_000.0
        assert a.keys.subject(GREEN_IIN, now) == a.keys.subject(GREEN_IIN, now + 60)
        assert a.keys.subject(GREEN_IIN, now) != b.keys.subject(GREEN_IIN, now)
        assert GREEN_IIN not in a.keys.subject(GREEN_IIN, now)
        assert a.keys.path == tmp_path / "a" / "subject.key"
        assert not a.query("SELECT * FROM meta WHERE key LIKE '%secret%'")
    finally:
        a.close()
        b.close()


def test_purge_runs_at_most_once_a_day(store: Store) -> None:
    assert purge_if_due(store, now=START, retention_days=90) is not None
    assert purge_if_due(store, now=START + 3600, retention_days=90) is None
    assert purge_if_due(store, now=START + 86400, retention_days=90) is not None


@pytest.mark.parametrize(
    ("value", "expected"),
    [(None, None), (3, 3.0), (2.5, 2.5), ("2.5", None), (b"1", None), ([1], None)],
)
def test_a_number_read_back_is_a_float_and_anything_else_none(
    value: object, expected: float | None
) -> None:
    number = float_or_none(value)
    assert number == expected and (number is None or type(number) is float)


def test_a_meta_value_set_inside_a_write_commits_or_rolls_back_with_it(store: Store) -> None:
    with store.transaction() as conn:
        set_meta_in(conn, "bookmark", "1.5")
    with pytest.raises(RuntimeError), store.transaction() as conn:
        set_meta_in(conn, "bookmark", "2.5")
        set_meta_in(conn, "other", "x")
        raise RuntimeError("the rest of the write failed")
    assert (store.get_meta("bookmark"), store.get_meta("other")) == ("1.5", None)
    store.set_meta("bookmark", "3.5")
    assert store.get_meta("bookmark") == "3.5"


def test_rewrite_leaves_nothing_in_the_spare_space_of_pages(tmp_path: Path) -> None:
    """A page SQLite rebuilt while rebalancing keeps stale bytes between its
    cell pointers and its cells; secure_delete does not reach them. Plant
    such bytes by hand: a checkpoint keeps them, the close-out's rewrite
    does not, and every row is still there."""
    path = tmp_path / "kiosk.sqlite3"
    store = Store(path)
    store.conn.execute("CREATE TABLE t (x TEXT)")
    store.conn.executemany("INSERT INTO t VALUES (?)", [(f"row {i:02d}",) for i in range(60)])
    store.checkpoint()
    store.close()
    [page] = table_pages(path, "t")
    stale = b"70e3e3f3ed752fcf1a71f0133d9bd33c"  # an erased subject, say
    with open(path, "r+b") as handle:  # the middle of a page a quarter full
        handle.seek(PAGE * (page - 1) + PAGE // 2)
        handle.write(stale)

    store = Store(path)
    store.conn.execute("INSERT INTO t VALUES ('one more')")
    store.checkpoint()
    assert stale in path.read_bytes(), "a checkpoint does not clear spare space"
    assert store.rewrite()
    assert stale not in path.read_bytes()
    assert store.query("SELECT count(*) AS n FROM t")[0]["n"] == 61
    assert store.query("PRAGMA integrity_check")[0]["integrity_check"] == "ok"
    store.close()
