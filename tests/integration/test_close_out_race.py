"""A close-out racing a stream of check-ins, in real processes on one data
folder: `ashyq-kiosk close-out` from another process, and a desk's own at
closing time while another desk checks people in. Afterwards no row is keyed
by an erased key and the count inside is right. On a nearly full disk a
close-out either changes nothing and says so, or is done and says what it
could not do."""

from __future__ import annotations

import datetime as dt
import json
import os
import subprocess
import sys
import time
from pathlib import Path

import pytest

from kiosk.events import DeskIdentity
from kiosk.storage.store import Store
from kiosk.storage.subjects import KEY_META
from tests.breakage import people, queue_events, run_with_file_limit
from tests.integration.sandbox_fixtures import wait_until
from tests.integration.test_crash import Running

ROOT = Path(__file__).resolve().parents[2]


def close_out(folder: Path) -> dict[str, object]:
    """`ashyq-kiosk close-out` in a process of its own; its JSON line."""
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    program = "import sys; from app import main; sys.exit(main(sys.argv[1:]))"
    done = subprocess.run(
        [sys.executable, "-c", program, "--data-dir", str(folder), "close-out"],
        capture_output=True,
        text=True,
        env=env,
        timeout=60,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    result: dict[str, object] = json.loads(done.stdout)
    return result


def assert_nothing_under_an_old_key(folder: Path) -> int:
    """Every stored subject is today's key's HMAC of its person, and presence holds
    exactly the check-ins since the last close-out; how many are inside."""
    store = Store.in_dir(folder)
    try:
        key = store.keys.current(time.time())
        keyed = store.query(
            "SELECT iin, subject FROM outbox WHERE subject IS NOT NULL AND type = 'check_in'"
        )
        inside = {str(r["subject"]) for r in store.query("SELECT subject FROM presence")}
        cached = {str(r["subject"]) for r in store.query("SELECT subject FROM status_cache")}
    finally:
        store.close()
    stale = [r for r in keyed if r["subject"] != key.subject(str(r["iin"]))]
    assert not stale, f"{len(stale)} check-ins kept under an erased key"
    today = {str(r["subject"]) for r in keyed}
    assert inside == today, f"{len(inside - today)} inside under an erased key"
    assert cached <= today
    return len(inside)


@pytest.mark.slow
def test_close_outs_from_another_process_racing_check_ins_leave_nothing_under_old_keys(
    tmp_path: Path,
) -> None:
    folder = tmp_path / "kiosk-data"
    desk = Running(folder, 0)
    closed = 0
    try:
        for round_no in range(1, 7):
            desk.until(lambda n=round_no: desk.decisions >= 20 * n)  # type: ignore[misc]
            closed += int(str(close_out(folder)["checked_out"]))
        shown = desk.decisions
        desk.until(lambda: desk.decisions >= shown + 15)
        desk.kill()
    finally:
        desk.close()

    inside = assert_nothing_under_an_old_key(folder)
    assert closed > 0 and 0 < inside < desk.decisions


def test_a_desk_s_own_close_out_racing_another_desk_s_check_ins(tmp_path: Path) -> None:
    folder = tmp_path / "kiosk-data"
    other = Running(folder, 500_000)
    closer: Running | None = None
    try:
        other.until(lambda: other.decisions >= 10)  # today's key is made
        closing = (dt.datetime.now() + dt.timedelta(seconds=1)).time()
        closer = Running(folder, 0, closing.isoformat())  # closes the day a second from now
        watch = Store.in_dir(folder)
        try:
            wait_until(lambda: watch.get_meta(KEY_META) is not None, timeout=30)
            # The other desk carries on: people inside again, under the new key.
            count = "SELECT count(*) AS n FROM presence"
            wait_until(lambda: int(str(watch.query(count)[0]["n"])) >= 30, timeout=30)
        finally:
            watch.close()
        other.kill()
        closer.kill()
    finally:
        other.close()
        if closer is not None:
            closer.close()

    store = Store.in_dir(folder)
    try:
        automatic = store.query("SELECT count(*) AS n FROM outbox WHERE type = 'check_out'")
    finally:
        store.close()
    assert int(str(automatic[0]["n"])) > 0, "the closing desk checked people out"
    assert assert_nothing_under_an_old_key(folder) > 0


DESK = DeskIdentity("201040000123", "main", "desk-1")


def a_day_with_people_inside(folder: Path, inside: int = 50) -> int:
    """600 waiting check-ins, *inside* of them still inside; the file's size."""
    ids = queue_events(folder, people(600), desk=DESK, at=time.time())
    store = Store.in_dir(folder)
    with store.transaction() as conn:
        for n, event_id in enumerate(ids[:inside]):
            conn.execute(
                "INSERT INTO presence VALUES (?, ?, 'main', 'desk-1', ?)",
                (f"s{n}", time.time(), event_id),
            )
    store.checkpoint()
    store.close()
    return (folder / "kiosk.sqlite3").stat().st_size


def key_and_inside(folder: Path) -> tuple[str, int, str | None]:
    store = Store.in_dir(folder)
    try:
        key = store.keys.current(time.time()).mark
        inside = int(str(store.query("SELECT count(*) AS n FROM presence")[0]["n"]))
        return key, inside, store.get_meta(KEY_META)
    finally:
        store.close()


def test_a_close_out_that_committed_on_a_nearly_full_disk_says_it_is_done(
    tmp_path: Path,
) -> None:
    folder = tmp_path / "kiosk-data"
    size = a_day_with_people_inside(folder)
    key_before, _, _ = key_and_inside(folder)

    # Room for the close-out's own writes, not for VACUUM's copy of the file.
    done = run_with_file_limit(int(size * 1.2), ["--data-dir", str(folder), "close-out"])

    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout) == {"checked_out": 50, "rewritten": False}
    assert "the day is closed" in done.stderr and "could not be rewritten" in done.stderr
    assert "nothing recorded so far is lost" not in done.stderr
    key, inside, named = key_and_inside(folder)
    assert (inside, named) == (0, key) and key != key_before


def test_a_close_out_that_could_not_commit_changes_nothing(tmp_path: Path) -> None:
    folder = tmp_path / "kiosk-data"
    size = a_day_with_people_inside(folder)
    before = key_and_inside(folder)

    done = run_with_file_limit(int(size * 0.9), ["--data-dir", str(folder), "close-out"])

    assert done.returncode == 3 and done.stdout == "", done.stderr
    assert "disk" in done.stderr and "Traceback" not in done.stderr
    assert key_and_inside(folder) == before, "nobody checked out, the key unchanged"
    assert close_out(folder) == {"checked_out": 50, "rewritten": True}, "once there is room"
