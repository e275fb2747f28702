"""Syncs a kiosk database to a service in small batches, saying when each answer arrives.

Run by test_sync_crash.py, which kills it with SIGKILL at random moments:
    python sync_driver.py DB URL BATCH
Prints `{"ready": true}` once the database is open, `{"answered": n}` as
soon as the service answered a batch (before the kiosk has recorded it),
and `{"done": true}` when nothing is left to send.
"""

from __future__ import annotations

import json
import random
import sys
import threading
from collections.abc import Mapping, Sequence
from typing import Any

from kiosk.service.api import ApiClient
from kiosk.service.wire import BatchResult
from kiosk.storage.outbox import Outbox
from kiosk.storage.store import Store
from kiosk.sync import Syncer
from shared.backoff import Backoff, BackoffPolicy
from shared.clock import SystemClock


def say(**what: object) -> None:
    sys.stdout.write(json.dumps(what) + "\n")
    sys.stdout.flush()


class Telling:
    """The API client, announcing each answer the moment it arrives."""

    def __init__(self, api: ApiClient) -> None:
        self._api = api

    def post_events(self, events: Sequence[Mapping[str, Any]]) -> BatchResult:
        answer = self._api.post_events(events)
        say(answered=len(events))
        return answer


def main() -> int:
    db, url, batch = sys.argv[1], sys.argv[2], int(sys.argv[3])
    store = Store(db)
    client = ApiClient(url, "demo", connect_timeout=1.0, read_timeout=5.0)
    backoff = Backoff(BackoffPolicy(0.05, 0.5, jitter=True), rng=random.Random())
    syncer = Syncer(
        store,
        Telling(client),
        SystemClock(),
        batch_size=batch,
        backoff=backoff,
    )
    say(ready=True)
    pause = threading.Event()  # never set: a plain wait between passes
    while Outbox(store).stats().pending:
        report = syncer.run_once()
        if report.retry_in is not None:
            pause.wait(min(report.retry_in, 0.5))
    say(done=True)
    client.close()
    store.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
