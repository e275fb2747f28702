"""Two syncs of one data folder at once (two `sync --once` processes, or one and
a desk's sync worker) send each event once: the second waits for the first
and finds nothing left, or says it is busy. Counted at the fault proxy, per
event id, over every POST /v1/events, and at the service."""

from __future__ import annotations

import collections
import json
import os
import subprocess
import sys
import threading
from pathlib import Path

from kiosk.events import DeskIdentity
from kiosk.service.api import ApiClient
from kiosk.storage.store import Store
from kiosk.sync import Syncer
from sandbox.server import SandboxServer
from shared.clock import SystemClock
from tests.breakage import REPO, people, queue_events
from tests.integration.faultproxy import FaultProxy
from tests.integration.sandbox_fixtures import VENUE_BIN, wait_until

EVENTS = 1500  # three batches
HOLD = 1.0  # seconds the first POST is held once the second sync is on its way


class Counting:
    """Counts each event id in POST /v1/events and holds the first such request
    until told, so that the first sync keeps its lock while the others start."""

    def __init__(self) -> None:
        self.posted: collections.Counter[str] = collections.Counter()
        self.keys_asked = 0
        self.first_post = threading.Event()
        self.release = threading.Event()
        self._lock = threading.Lock()

    def __call__(self, method: str, path: str, body: bytes) -> None:
        if (method, path) == ("GET", "/v1/keys"):
            with self._lock:
                self.keys_asked += 1
        if (method, path) != ("POST", "/v1/events"):
            return
        with self._lock:
            self.posted.update(event["id"] for event in json.loads(body)["events"])
            first = not self.first_post.is_set()
            self.first_post.set()
        if first:
            self.release.wait(10)


def sync_once(config: Path, folder: Path) -> subprocess.Popen[str]:
    code = "import sys; from app import main; sys.exit(main(sys.argv[1:]))"
    where = ["--config", str(config), "--data-dir", str(folder)]
    return subprocess.Popen(
        [sys.executable, "-c", code, *where, "sync", "--once"],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env={**os.environ, "PYTHONPATH": str(REPO)},
    )


def test_two_syncs_and_a_desk_worker_at_once_post_each_event_once(
    tmp_path: Path, sandbox: SandboxServer, fault_proxy: FaultProxy
) -> None:
    folder = tmp_path / "kiosk-data"
    ids = queue_events(folder, people(EVENTS), desk=DeskIdentity(VENUE_BIN, "main", "d1"), at=0)
    config = tmp_path / "desk.toml"
    config.write_text(
        f'[venue]\nbin = "{VENUE_BIN}"\n[service]\nurl = "{fault_proxy.url}"\n'
        "connect_timeout = 1.0\nread_timeout = 5.0\n"
        "[trust]\nmax_age_h = 0.000001\n",  # each sync asks for the keys just before it sends
        encoding="utf-8",
    )
    counting = Counting()
    fault_proxy.watch(counting)

    first = sync_once(config, folder)
    try:
        assert counting.first_post.wait(30), "the first sync never sent"
        # The desk's own worker tries meanwhile: it does not wait, it is busy.
        store = Store.in_dir(folder)
        client = ApiClient(fault_proxy.url, "demo", connect_timeout=1.0, read_timeout=5.0)
        try:
            worker = Syncer(store, client, SystemClock())
            assert worker.run_once().busy
        finally:
            client.close()
            store.close()
        asked = counting.keys_asked
        second = sync_once(config, folder)
        wait_until(lambda: counting.keys_asked > asked, timeout=30)  # it is about to sync
        threading.Event().wait(HOLD)
    finally:
        counting.release.set()
    first_out, first_err = first.communicate(timeout=60)
    second_out, second_err = second.communicate(timeout=60)

    assert first.returncode == 0, first_err
    assert json.loads(first_out)["sent"] == EVENTS
    report = json.loads(second_out)
    assert report["sent"] == 0 and "Traceback" not in second_err
    if second.returncode == 1:  # it gave up waiting: the documented "not done" answer
        assert "another sync" in report["error"]
    else:
        assert second.returncode == 0 and report["pending"] == 0
    assert len(counting.posted) == EVENTS
    doubled = [i for i, n in counting.posted.items() if n > 1]
    assert not doubled, f"{len(doubled)} events were posted more than once"
    stored = [e.id for e in sandbox.service.events(VENUE_BIN, limit=10_000)]
    assert sorted(stored) == sorted(ids)
