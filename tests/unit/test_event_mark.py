"""The outbox's high-water mark beside the database: a database that ends below
it lost confirmed events (its log was emptied); that is put on record once,
as an alert with the count, and never raised by a mark that lags behind."""

from __future__ import annotations

import os
from pathlib import Path

from kiosk.events import DeskIdentity, EventType, NewEvent
from kiosk.storage.alerts import Alerts, DatabaseRescued, note_lost_events
from kiosk.storage.eventmark import MARK_SUFFIX
from kiosk.storage.outbox import Outbox
from kiosk.storage.store import Store
from tests.breakage import people
from tests.fakes import START

DESK = DeskIdentity("150340012345", "main", "desk-1")


def record(store: Store, count: int, first: int = 0) -> None:
    events = [
        NewEvent(EventType.CHECK_IN, START, {"decision": "admit"}, iin)
        for iin in people(count, first=first)
    ]
    Outbox(store).add(events, desk=DESK, now=START)


def test_the_mark_follows_each_commit_and_a_healthy_file_is_not_a_loss(tmp_path: Path) -> None:
    store = Store(tmp_path / "kiosk.sqlite3")
    record(store, 12)
    store.close()
    mark = tmp_path / ("kiosk.sqlite3" + MARK_SUFFIX)
    assert int(mark.read_text()) == 12

    again = Store(tmp_path / "kiosk.sqlite3")
    try:
        assert again.lost_events is None
        assert note_lost_events(again, START) is None
    finally:
        again.close()


def test_a_database_that_ends_below_the_mark_lost_events_and_says_so_once(
    tmp_path: Path,
) -> None:
    db = tmp_path / "kiosk.sqlite3"
    store = Store(db)
    record(store, 10)
    store.checkpoint()
    store.close()
    saved = db.read_bytes()  # the file as a checkpoint left it
    store = Store(db)
    record(store, 7, first=100)  # then seven more, in the log only…
    store.close()
    db.write_bytes(saved)  # …and the log is gone
    for side in ("-wal", "-shm"):
        if os.path.exists(str(db) + side):
            os.remove(str(db) + side)

    store = Store(db)
    try:
        assert store.lost_events is not None and store.lost_events.count == 7
        alert = note_lost_events(store, START)
        assert alert is not None and alert.payload == DatabaseRescued("events_lost", None, 7)
        assert [a.payload for a in Alerts(store).unseen()] == [alert.payload]
    finally:
        store.close()

    store = Store(db)
    try:
        assert store.lost_events is None, "on record once, not at every start"
        record(store, 3, first=200)
    finally:
        store.close()
    assert int((tmp_path / ("kiosk.sqlite3" + MARK_SUFFIX)).read_text()) == 13


def test_a_mark_that_lags_behind_is_no_alarm(tmp_path: Path) -> None:
    store = Store(tmp_path / "kiosk.sqlite3")
    record(store, 5)
    store.close()
    (tmp_path / ("kiosk.sqlite3" + MARK_SUFFIX)).write_text("2\n")  # not yet on disk at a cut

    store = Store(tmp_path / "kiosk.sqlite3")
    try:
        assert store.lost_events is None
    finally:
        store.close()
