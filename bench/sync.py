"""Benchmark: a large outbox synced to the sandbox over loopback HTTP.

Run: .venv/bin/python bench/sync.py [--events N]
Queues N check-ins (default 50 000) in a fresh kiosk database, starts the
sandbox on a loopback port, and times `Syncer.run_once()` until the queue is
empty. Then checks that the sandbox stored each event exactly once.
"""

from __future__ import annotations

import argparse
import tempfile
import time
from pathlib import Path

from kiosk.api import ApiClient
from kiosk.clock import SystemClock
from kiosk.events import DeskIdentity, EventType, NewEvent
from kiosk.live import translate
from kiosk.outbox import Outbox
from kiosk.store import Store
from kiosk.sync import Syncer
from sandbox.server import SandboxServer

DESK = DeskIdentity("150340012345", "main", "desk-1")
IINS = ("870412300005", "870412300017", "870412300029", "870412300030")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--events", type=int, default=50_000)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        store = Store(Path(folder) / "kiosk.sqlite3")
        now = time.time()
        outbox = Outbox(store)
        chunk = 5000
        for start in range(0, args.events, chunk):
            outbox.add(
                [
                    NewEvent(
                        EventType.CHECK_IN,
                        now - args.events + i,
                        {
                            "decision": "admit",
                            "status": "green",
                            "provenance": "pass",
                            "method": "camera",
                        },
                        IINS[i % len(IINS)],
                    )
                    for i in range(start, min(start + chunk, args.events))
                ],
                desk=DESK,
                now=now,
            )
        server = SandboxServer(Path(folder) / "sandbox.sqlite3", port=0).start()
        client = ApiClient(server.url, "demo")
        try:
            syncer = Syncer(store, client, SystemClock(), translate=translate)
            t0 = time.perf_counter()
            report = syncer.run_once()
            elapsed = time.perf_counter() - t0
            stats = outbox.stats()
            stored = len(server.service.events(DESK.venue_bin, limit=args.events * 2))
        finally:
            client.close()
            server.stop()
            store.close()
    print(f"events queued          {args.events:>10,}")
    print(f"acknowledged           {report.acknowledged:>10,}  (errors: {report.error})")
    print(f"left in the outbox     {stats.pending:>10,}")
    print(f"stored at the sandbox  {stored:>10,}  (each once: {stored == args.events})")
    print(f"time                   {elapsed:>10.2f} s   ({args.events / elapsed:,.0f} events/s)")
    print("target: 50 000 events in <= 10 s")


if __name__ == "__main__":
    main()
