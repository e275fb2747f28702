"""A desk killed with SIGKILL at random moments loses no check-in it showed."""

from __future__ import annotations

import json
import os
import random
import signal
import sqlite3
import subprocess
import sys
import threading
from pathlib import Path

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
