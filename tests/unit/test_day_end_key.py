"""The day's key and the close-out: a close-out in another process while the desk
is between its look-up and its write leaves nothing under the old key; the
key turns with the close-out's commit, whatever happens to the process
around it."""

from __future__ import annotations

import hmac
import json
from pathlib import Path

import pytest

from kiosk.dayend import BusinessDay, DayEnd
from kiosk.decision import Direction
from kiosk.desksettings import DeskSettings
from kiosk.events import DeskIdentity
from kiosk.passes import TrustList
from kiosk.policy import Policy
from kiosk.reception import Reception
from kiosk.status import Status
from kiosk.storage.store import Store, set_meta_in
from kiosk.storage.subjects import KEY_META, KeyReplaced, SubjectKeys, again_if_key_replaced
from kiosk.vocabulary import Method
from tests.fakes import BLUE_IIN, GREEN_IIN, Facts, FakeClock, FakeSource

DESK = DeskIdentity("150340012345", "main", "desk-1")


class ClosingSource(FakeSource):
    """The service's answer arrives just after another process closed the day:
    the close-out runs, on its own connection, inside the desk's look-up."""

    def __init__(self, folder: Path, clock: FakeClock) -> None:
        super().__init__({GREEN_IIN: Status.GREEN, BLUE_IIN: Status.BLUE})
        self.folder = folder
        self.clock = clock
        self.close_during: str | None = None

    def lookup(self, iin: str) -> Facts:
        if iin == self.close_during:
            self.close_during = None
            other = Store.in_dir(self.folder)
            try:
                DayEnd(other, DESK, BusinessDay()).close_out(self.clock.now(), now=self.clock.now())
            finally:
                other.close()
        return super().lookup(iin)


def subjects_in(store: Store) -> dict[str, set[str]]:
    """Every stored subject, by table."""
    found: dict[str, set[str]] = {}
    for table in ("presence", "status_cache", "outbox", "referrals"):
        rows = store.query(f"SELECT subject FROM {table} WHERE subject IS NOT NULL")
        found[table] = {str(r["subject"]) for r in rows}
    return found


def test_a_close_out_between_look_up_and_write_leaves_nothing_under_the_old_key(
    tmp_path: Path,
) -> None:
    folder = tmp_path / "kiosk"
    clock = FakeClock()
    store = Store.in_dir(folder)
    source = ClosingSource(folder, clock)
    reception = Reception(DeskSettings(DESK, Policy()), store, clock, TrustList, source)
    try:
        assert reception.check(BLUE_IIN, Method.SCANNER).direction is Direction.ENTRY
        old_key = store.keys.current(clock.now())
        clock.advance(60)
        source.close_during = GREEN_IIN

        decision = reception.check(GREEN_IIN, Method.SCANNER)

        new_key = store.keys.current(clock.now())
        assert new_key != old_key, "the other process's close-out turned the key"
        assert decision.direction is Direction.ENTRY and decision.event_ids
        assert source.calls.count(GREEN_IIN) == 2, "the code was read again under the new key"
        stored = subjects_in(store)
        assert stored["presence"] == {new_key.subject(GREEN_IIN)}, "BLUE checked out, GREEN in"
        assert stored["outbox"] == {new_key.subject(GREEN_IIN)}
        assert stored["status_cache"] == {new_key.subject(GREEN_IIN)}
        assert reception.occupancy() == 1
    finally:
        store.close()


def test_a_key_replaced_at_every_try_is_an_error_not_a_write() -> None:
    tries: list[int] = []

    def step() -> int:
        tries.append(1)
        raise KeyReplaced

    with pytest.raises(KeyReplaced):
        again_if_key_replaced(step)
    assert len(tries) == 3


def test_a_key_staged_by_a_close_out_that_did_not_commit_is_never_used(tmp_path: Path) -> None:
    clock = FakeClock()
    store = Store.in_dir(tmp_path)
    try:
        day_key = store.keys.current(clock.now())
        with pytest.raises(RuntimeError), store.transaction() as conn:
            # A close-out that staged the next key, then failed before its commit.
            set_meta_in(conn, KEY_META, store.keys.stage(clock.now() + 1).mark)
            raise RuntimeError("the disk filled up at the commit")

        assert store.keys.staged_path is not None and store.keys.staged_path.exists()
        assert store.keys.current(clock.now()) == day_key, "the database never named it"
        with store.transaction():  # the next write removes it
            pass
        assert not store.keys.staged_path.exists()
        assert store.keys.current(clock.now()) == day_key
    finally:
        store.close()


def test_a_key_committed_before_a_crash_is_the_day_s_key_before_and_after_it_is_renamed(
    tmp_path: Path,
) -> None:
    clock = FakeClock()
    store = Store.in_dir(tmp_path)
    other = Store.in_dir(tmp_path)  # another process, looking on
    try:
        old = other.keys.current(clock.now())
        # The close-out's transaction committed; the process died before the rename.
        conn = store.conn
        conn.execute("BEGIN IMMEDIATE")
        staged = store.keys.stage(clock.now())
        set_meta_in(conn, KEY_META, staged.mark)
        conn.execute("COMMIT")

        assert other.keys.current(clock.now()) == staged != old
        with pytest.raises(KeyReplaced):
            other.keys.confirm(old, clock.now())
        with other.transaction():  # the next write, in any process, renames it
            pass
        assert store.keys.staged_path is not None and not store.keys.staged_path.exists()
        assert json.loads((tmp_path / "subject.key").read_text())["key"] == staged.secret.hex()
        assert store.keys.current(clock.now()) == staged
    finally:
        other.close()
        store.close()


def test_subjects_are_keyed_hmacs_of_the_day_and_the_mark_is_not_the_key(
    tmp_path: Path,
) -> None:
    keys = SubjectKeys(tmp_path / "subject.key")
    key = keys.current(100.0)
    expected = hmac.digest(key.secret, GREEN_IIN.encode(), "sha256").hex()
    assert keys.subject(GREEN_IIN, 100.0) == expected
    assert key.secret.hex() not in key.mark and key.mark != keys.stage(100.0).mark


def test_processes_making_the_first_key_at_once_agree_on_it(tmp_path: Path) -> None:
    """Many connections of a fresh folder make the first key together: each gets
    the one key that was written, never a half-written file taken for damage."""
    import threading

    path = tmp_path / "subject.key"
    ready = threading.Barrier(8)
    marks: list[str] = []

    def first_use() -> None:
        keys = SubjectKeys(path)
        ready.wait()
        marks.append(keys.current(1000.0).mark)

    for _ in range(20):
        path.unlink(missing_ok=True)
        marks.clear()
        threads = [threading.Thread(target=first_use) for _ in range(8)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
        assert len(set(marks)) == 1, "two keys for one day"
        assert sorted(p.name for p in tmp_path.iterdir()) == ["subject.key"], "a stray file"
