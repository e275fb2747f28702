"""A sync killed with SIGKILL at random moments still delivers every event exactly once."""

from __future__ import annotations

import datetime as dt
import json
import os
import queue
import random
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path
from typing import IO, Any

import pytest

from kiosk.events import DeskIdentity, EventType, NewEvent
from kiosk.iin import Sex, make_iin
from kiosk.storage.outbox import Outbox
from kiosk.storage.store import Store
from sandbox.server import SandboxServer
from tests.integration.sandbox_fixtures import REPO, VENUE_BIN

DRIVER = Path(__file__).with_name("sync_driver.py")
EVENTS = 3000
BATCH = 50
ROUNDS_WITH_KILLS = 12


def queue_events(db: Path, count: int) -> tuple[list[str], list[str]]:
    """*count* check-ins of different people waiting in a kiosk database."""
    iins: list[str] = []
    day = 0
    while len(iins) < count:
        day += 1
        iin = make_iin(dt.date(1960, 1, 1) + dt.timedelta(days=day), Sex.FEMALE, day % 9000)
        if iin is not None:
            iins.append(iin)
    now = time.time()
    data = {"decision": "admit", "status": "blue", "provenance": "live", "method": "scanner"}
    events = [NewEvent(EventType.CHECK_IN, now + i, data, iin) for i, iin in enumerate(iins)]
    store = Store(db)
    try:
        Outbox(store).add(events, desk=DeskIdentity(VENUE_BIN, "main", "desk-1"), now=now)
    finally:
        store.close()
    return [e.id for e in events], iins


def _read(stream: IO[str], lines: queue.Queue[dict[str, Any]]) -> None:
    for line in stream:
        if line.endswith("\n"):  # a line cut off by the kill is not a message
            lines.put(json.loads(line))


def _next(lines: queue.Queue[dict[str, Any]], proc: subprocess.Popen[str]) -> dict[str, Any]:
    try:
        return lines.get(timeout=30)
    except queue.Empty:
        raise AssertionError(f"the sync driver went quiet (exit code {proc.poll()})") from None


@pytest.mark.slow
@pytest.mark.skipif(not hasattr(signal, "SIGKILL"), reason="SIGKILL is POSIX")
def test_a_sync_killed_at_random_moments_delivers_every_event_exactly_once(
    tmp_path: Path, sandbox: SandboxServer
) -> None:
    db = tmp_path / "kiosk.sqlite3"
    ids, iins = queue_events(db, EVENTS)
    rng = random.Random(20261122)
    env = {**os.environ, "PYTHONPATH": str(REPO)}
    kills = 0
    for round_no in range(ROUNDS_WITH_KILLS + 1):
        kill = round_no < ROUNDS_WITH_KILLS
        proc = subprocess.Popen(
            [sys.executable, str(DRIVER), str(db), sandbox.url, str(BATCH)],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
            env=env,
        )
        assert proc.stdout is not None and proc.stderr is not None
        lines: queue.Queue[dict[str, Any]] = queue.Queue()
        reader = threading.Thread(target=_read, args=(proc.stdout, lines))
        reader.start()
        try:
            assert _next(lines, proc) == {"ready": True}
            # Let it get some answers in (none, at times), then kill it a moment
            # later: in the middle of a request, just after an answer, during
            # the write that records it, or between batches.
            wanted = rng.randint(0, 8) if kill else EVENTS
            done = False
            for _ in range(wanted):
                message = _next(lines, proc)
                done = bool(message.get("done"))
                if done:
                    break
            if not done:
                threading.Event().wait(rng.uniform(0, 0.03))
                os.kill(proc.pid, signal.SIGKILL)
                kills += 1
            proc.wait(timeout=30)
        finally:
            if proc.poll() is None:
                proc.kill()
                proc.wait()
            reader.join(timeout=10)
            errors = proc.stderr.read()
            proc.stdout.close()
            proc.stderr.close()
        assert proc.returncode in (0, -signal.SIGKILL), errors
        if done:
            break
    else:
        pytest.fail("the outbox was not empty after the last, uninterrupted round")

    assert kills >= 4, "the driver finished before it could be killed often enough"
    stored = [e.id for e in sandbox.service.events(VENUE_BIN, limit=10_000)]
    assert len(stored) == len(set(stored)) == EVENTS, "lost or doubled at the service"
    assert set(stored) == set(ids)
    store = Store(db)
    try:
        stats = Outbox(store).stats()
        assert (stats.pending, stats.dead) == (0, 0)
        raw = store.query("SELECT count(*) AS n FROM outbox WHERE iin IS NOT NULL")
        assert raw[0]["n"] == 0
    finally:
        store.close()
    blob = b"".join(p.read_bytes() for p in tmp_path.glob("kiosk.sqlite3*"))
    assert not [iin for iin in iins if iin.encode() in blob], "erased IINs left in the files"
