"""A desk killed with SIGKILL at random moments loses no check-in it showed, also
when its log was deleted under it; a desk whose database is replaced stops,
and its rescue file holds every check-in it showed."""

from __future__ import annotations

import json
import os
import queue
import random
import shutil
import signal
import sqlite3
import subprocess
import sys
import threading
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

DRIVER = Path(__file__).with_name("crash_driver.py")


@pytest.mark.slow
@pytest.mark.skipif(not hasattr(signal, "SIGKILL"), reason="SIGKILL is POSIX")
def test_every_printed_check_in_survives_sigkill(tmp_path: Path) -> None:
    db = tmp_path / "kiosk.sqlite3"
    rng = random.Random(20261122)
    printed: list[str] = []
    env = {**os.environ, "PYTHONPATH": str(Path(__file__).resolve().parents[2])}
    for round_no in range(20):
        proc = subprocess.Popen(
            [sys.executable, str(DRIVER), str(db), str(round_no * 100_000)],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
            env=env,
        )
        assert proc.stdout is not None
        lines: list[str] = []
        first = threading.Event()

        def read(stream=proc.stdout, lines=lines, first=first) -> None:  # type: ignore[no-untyped-def]
            for line in stream:
                lines.append(line)
                first.set()

        reader = threading.Thread(target=read)
        reader.start()
        assert first.wait(timeout=30), proc.stderr.read() if proc.stderr else ""
        killed = threading.Event()
        killed.wait(rng.uniform(0.01, 0.3))
        os.kill(proc.pid, signal.SIGKILL)
        proc.wait(timeout=10)
        reader.join(timeout=10)
        assert proc.stderr is not None
        proc.stderr.close()
        proc.stdout.close()
        for line in lines:
            if line.endswith("\n"):
                printed.extend(json.loads(line)["events"])

    conn = sqlite3.connect(db)
    stored = {row[0] for row in conn.execute("SELECT id FROM outbox")}
    conn.close()
    assert len(printed) > 100
    missing = [event_id for event_id in printed if event_id not in stored]
    assert not missing, f"{len(missing)} printed check-ins are not in the database"


# -- a desk whose files are removed or replaced under it ---------------------------------

DESK_DRIVER = Path(__file__).with_name("desk_driver.py")
ROUNDS = 10


class Running:
    """desk_driver.py in a process of its own, and what it has printed so far."""

    def __init__(self, folder: Path, first_serial: int, *more: str) -> None:
        env = {**os.environ, "PYTHONPATH": str(Path(__file__).resolve().parents[2])}
        self.proc = subprocess.Popen(
            [sys.executable, str(DESK_DRIVER), str(folder), str(first_serial), *more],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
            env=env,
        )
        self.events: list[str] = []
        self.decisions = 0
        self.alerts: list[str] = []
        self.failed: str | None = None
        self._lines: queue.SimpleQueue[dict[str, Any] | None] = queue.SimpleQueue()
        self._reader = threading.Thread(target=self._read)
        self._reader.start()

    def _read(self) -> None:
        assert self.proc.stdout is not None
        for line in self.proc.stdout:
            if line.endswith("\n"):  # a line cut off by the kill was not shown
                self._lines.put(json.loads(line))
        self._lines.put(None)

    def until(self, done: Callable[[], bool], timeout: float = 30) -> None:
        """Take in what it prints until *done()*; fail if it goes quiet or ends first."""
        deadline = time.monotonic() + timeout
        while not done():
            try:
                line = self._lines.get(timeout=max(0.0, deadline - time.monotonic()))
            except queue.Empty:
                raise AssertionError(f"the desk went quiet (exit {self.proc.poll()})") from None
            if line is None:
                raise AssertionError(f"the desk ended: {self.errors()}")
            self._take(line)

    def _take(self, line: dict[str, Any]) -> None:
        if "events" in line:
            self.events += line["events"]
            self.decisions += 1
        elif "alert" in line:
            self.alerts.append(line["alert"])
        elif "failed" in line:
            self.failed = line["failed"]

    def kill(self) -> None:
        os.kill(self.proc.pid, signal.SIGKILL)
        self.end()

    def end(self, timeout: float = 30) -> int:
        """Wait for the process to end; read all it printed; its exit code."""
        code = self.proc.wait(timeout=timeout)
        self._reader.join(timeout=10)
        while (line := self._lines.get_nowait() if not self._lines.empty() else None) is not None:
            self._take(line)
        return code

    def errors(self) -> str:
        assert self.proc.stderr is not None
        return self.proc.stderr.read() if self.proc.poll() is not None else ""

    def close(self) -> None:
        if self.proc.poll() is None:
            self.kill()
        for stream in (self.proc.stdout, self.proc.stderr):
            if stream is not None:
                stream.close()


def stored_ids(path: Path) -> set[str]:
    conn = sqlite3.connect(path)
    try:
        return {row[0] for row in conn.execute("SELECT id FROM outbox")}
    finally:
        conn.close()


def rescued_alerts(path: Path) -> int:
    conn = sqlite3.connect(path)
    try:
        row = conn.execute("SELECT count(*) FROM alerts WHERE kind = 'database_rescued'")
        return int(row.fetchone()[0])
    finally:
        conn.close()


@pytest.mark.slow
@pytest.mark.skipif(not hasattr(signal, "SIGKILL"), reason="SIGKILL is POSIX")
def test_a_desk_whose_log_is_deleted_then_killed_keeps_every_check_in_it_showed(
    tmp_path: Path,
) -> None:
    folder = tmp_path / "kiosk-data"
    wal = folder / "kiosk.sqlite3-wal"
    rng = random.Random(20261129)
    printed: list[str] = []
    deletions = 0
    for round_no in range(ROUNDS):
        desk = Running(folder, round_no * 100_000)
        try:
            first = rng.randint(3, 40)
            desk.until(lambda desk=desk, first=first: desk.decisions >= first)  # type: ignore[misc]
            for _ in range(rng.randint(1, 2)):
                wal.unlink()  # a clean-up tool; the desk holds it open and writes on
                deletions += 1
                seen, shown = desk.alerts.count("database_rescued"), desk.decisions
                more = rng.randint(1, 25)
                desk.until(
                    lambda desk=desk, seen=seen, shown=shown, more=more: (  # type: ignore[misc]
                        desk.alerts.count("database_rescued") > seen
                        and desk.decisions >= shown + more
                    )
                )
            desk.kill()
        finally:
            desk.close()
        printed += desk.events

    stored = stored_ids(folder / "kiosk.sqlite3")
    print(f"\n{len(printed)} check-ins shown over {ROUNDS} kills, {deletions} logs deleted")
    assert len(printed) > 200
    missing = [event_id for event_id in printed if event_id not in stored]
    assert not missing, f"{len(missing)} of {len(printed)} shown check-ins were lost"
    assert rescued_alerts(folder / "kiosk.sqlite3") == deletions


@pytest.mark.parametrize("replacement", ["emptied", "restored_backup"])
def test_a_desk_whose_database_is_replaced_stops_and_its_rescue_file_holds_every_check_in(
    tmp_path: Path, replacement: str
) -> None:
    folder = tmp_path / "kiosk-data"
    db = folder / "kiosk.sqlite3"
    backup = tmp_path / "backup.sqlite3"
    desk = Running(folder, 0)
    try:
        desk.until(lambda: desk.decisions >= 10)
        with sqlite3.connect(db) as live, sqlite3.connect(backup) as copy:
            live.backup(copy)  # last night's backup, say
        live.close()
        copy.close()
        desk.until(lambda: desk.decisions >= 30)
        db.rename(tmp_path / "moved-away.sqlite3")
        if replacement == "emptied":
            db.write_bytes(b"")
        else:
            shutil.copyfile(backup, db)  # a restore over the running desk
        put_back = db.read_bytes()
        code = desk.end()
    finally:
        desk.close()

    assert code == 3 and desk.failed == "files_replaced", desk.errors()
    [rescue] = folder.glob("kiosk-rescued-*.sqlite3")
    print(f"\n{len(desk.events)} check-ins shown before the desk stopped")
    missing = [event_id for event_id in desk.events if event_id not in stored_ids(rescue)]
    assert not missing, f"{len(missing)} of {len(desk.events)} shown check-ins not rescued"
    assert db.read_bytes() == put_back, "nothing written into the file put in its place"
