"""Benchmark: a large outbox synced to the sandbox over loopback HTTP, and its floor.

Run: .venv/bin/python bench/sync.py [--events N] [--rounds R]

Queues N check-ins (default 50 000, each of another person, as after a long
day offline) in a fresh kiosk database, starts the sandbox on a loopback port
with a fresh file, and times `Syncer.run_once()` until the queue is empty;
then checks that the sandbox stored each event exactly once and that no
acknowledged row kept its IIN.

Per 500-event batch it splits the time: **sandbox**, from the request being
written to the answer read (the JSON both ways, the service validating and
storing the batch); **settle**, `Syncer._settle` (statuses cached, the
retroactive check, acknowledgement and IIN erasure in one durable commit);
**other**, reading the batch from the outbox and the pass's own bookkeeping.

The **floor** is what no sync can beat on this machine: the same events
queued the same way, posted in the same batches to a fresh sandbox that
stores them, and per batch on the kiosk side one durable commit marking it
acknowledged and its IINs erased, with none of the settle's other work. The
ratio sync / floor is what the kiosk's own code adds; the absolute times
move with the machine (its disk's flush above all), the ratio much less.
The runs alternate (floor, sync, floor, sync, ...) so that a machine that
slows down for a while weighs on both; medians over the rounds are printed.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[1]
if str(REPO) not in sys.path:
    sys.path.insert(0, str(REPO))

from bench.desk_flow import people  # noqa: E402
from kiosk.events import DeskIdentity, EventType, NewEvent  # noqa: E402
from kiosk.service.api import ApiClient  # noqa: E402
from kiosk.service.wire import event_to_wire  # noqa: E402
from kiosk.storage.outbox import MAX_BATCH, Outbox  # noqa: E402
from kiosk.storage.store import Store  # noqa: E402
from kiosk.sync import BatchAnswer, Syncer, SyncReport  # noqa: E402
from sandbox.server import SandboxServer  # noqa: E402
from shared.clock import SystemClock  # noqa: E402

DESK = DeskIdentity("150340012345", "main", "desk-1")
TARGET_S = 10.0
DATA = {"decision": "admit", "status": "green", "provenance": "pass", "method": "camera"}


@dataclass
class Run:
    """One timed run: the whole, and per batch where the time went (seconds)."""

    total: float = 0.0
    sandbox: list[float] = field(default_factory=list)
    kiosk: list[float] = field(default_factory=list)  # settle, or the floor's commit
    stored: int = 0
    left: int = 0
    raw_iins: int = 0

    @property
    def batches(self) -> int:
        return len(self.sandbox)

    def per_batch_ms(self) -> tuple[float, float, float]:
        """Mean ms per batch: sandbox, kiosk, other."""
        n = max(1, self.batches)
        sandbox, kiosk = sum(self.sandbox), sum(self.kiosk)
        return 1000 * sandbox / n, 1000 * kiosk / n, 1000 * (self.total - sandbox - kiosk) / n


class TimedApi:
    """The real client, the time of each upload noted."""

    def __init__(self, api: ApiClient, run: Run) -> None:
        self._api, self._run = api, run

    def post_events(self, events: Sequence[Mapping[str, Any]]) -> BatchAnswer:
        started = time.perf_counter()
        try:
            return self._api.post_events(events)
        finally:
            self._run.sandbox.append(time.perf_counter() - started)


class TimedSyncer(Syncer):
    """The real syncer, the time of each settle noted."""

    run = Run()

    def _settle(
        self, batch: Any, answer: BatchAnswer, totals: SyncReport, keyed: str | None
    ) -> SyncReport:
        started = time.perf_counter()
        try:
            return super()._settle(batch, answer, totals, keyed)
        finally:
            self.run.kiosk.append(time.perf_counter() - started)


def make_events(count: int, now: float) -> list[NewEvent]:
    """*count* check-ins of as many people, a second apart, up to *now*."""
    iins = people(count)
    return [
        NewEvent(EventType.CHECK_IN, now - count + i, dict(DATA), iin) for i, iin in enumerate(iins)
    ]


def queued(folder: Path, events: list[NewEvent], now: float) -> Store:
    store = Store(folder / "kiosk.sqlite3")
    outbox = Outbox(store)
    for start in range(0, len(events), 5000):
        outbox.add(events[start : start + 5000], desk=DESK, now=now)
    return store


def run_sync(events: list[NewEvent], now: float) -> tuple[Run, SyncReport]:
    run = Run()
    with tempfile.TemporaryDirectory(prefix="ashyq-sync-") as scratch:
        folder = Path(scratch)
        store = queued(folder, events, now)
        server = SandboxServer(folder / "sandbox.sqlite3", port=0).start()
        client = ApiClient(server.url, "demo")
        try:
            syncer = TimedSyncer(store, TimedApi(client, run), SystemClock())
            syncer.run = run
            started = time.perf_counter()
            report = syncer.run_once()
            run.total = time.perf_counter() - started
            finish(run, store, server, len(events))
        finally:
            client.close()
            server.stop()
            store.close()
    return run, report


def run_floor(events: list[NewEvent], now: float) -> Run:
    """The same batches posted and stored; per batch one durable commit, nothing else."""
    run = Run()
    with tempfile.TemporaryDirectory(prefix="ashyq-sync-floor-") as scratch:
        folder = Path(scratch)
        store = queued(folder, events, now)
        server = SandboxServer(folder / "sandbox.sqlite3", port=0).start()
        client = ApiClient(server.url, "demo")
        outbox = Outbox(store)
        try:
            started = time.perf_counter()
            while batch := outbox.pending(now=now, limit=MAX_BATCH):
                sent = time.perf_counter()
                answer = client.post_events([event_to_wire(event) for event in batch])
                answered = time.perf_counter()
                assert len(answer.accepted) == len(batch)
                with store.transaction() as conn:
                    conn.execute(
                        "UPDATE outbox SET acked_at = ?, iin = NULL WHERE seq BETWEEN ? AND ?",
                        (now, batch[0].seq, batch[-1].seq),
                    )
                run.sandbox.append(answered - sent)
                run.kiosk.append(time.perf_counter() - answered)
            run.total = time.perf_counter() - started
            finish(run, store, server, len(events))
        finally:
            client.close()
            server.stop()
            store.close()
    return run


def finish(run: Run, store: Store, server: SandboxServer, count: int) -> None:
    run.left = Outbox(store).stats().pending
    ids = [e.id for e in server.service.events(DESK.venue_bin, limit=count * 2)]
    run.stored = len(set(ids)) if len(ids) == len(set(ids)) else -len(ids)
    rows = store.query("SELECT count(*) AS n FROM outbox WHERE acked_at IS NOT NULL AND iin")
    run.raw_iins = int(str(rows[0]["n"]))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--events", type=int, default=50_000)
    parser.add_argument("--rounds", type=int, default=2, help="floor and sync runs, alternating")
    args = parser.parse_args()
    now = time.time()
    events = make_events(args.events, now)
    floors: list[Run] = []
    syncs: list[Run] = []
    report = SyncReport()
    for _ in range(args.rounds):
        floors.append(run_floor(events, now))
        sync, report = run_sync(events, now)
        syncs.append(sync)
    print(
        f"{args.events:,} check-ins of as many people, in batches of {MAX_BATCH}; kiosk and "
        f"sandbox on this machine, loopback HTTP; medians of {args.rounds} alternating rounds"
    )
    print(
        f"{'':<26}{'time s':>8}{'events/s':>10}   per batch ms:"
        f"{'sandbox':>8}{'kiosk':>8}{'other':>8}"
    )
    rows = (
        ("floor (one commit a batch)", floors, "commit"),
        ("sync (Syncer.run_once)", syncs, "settle"),
    )
    medians: dict[str, float] = {}
    for label, runs, kiosk_part in rows:
        total = statistics.median(r.total for r in runs)
        parts = [statistics.median(r.per_batch_ms()[i] for r in runs) for i in range(3)]
        medians[label] = total
        print(
            f"{label:<26}{total:>8.2f}{args.events / total:>10,.0f}   {kiosk_part:>13}:"
            f"{parts[0]:>8.1f}{parts[1]:>8.1f}{parts[2]:>8.1f}"
        )
    floor_s, sync_s = medians[rows[0][0]], medians[rows[1][0]]
    print(
        f"sync / floor: x{sync_s / floor_s:.2f}   (each round: "
        + ", ".join(f"x{s.total / f.total:.2f}" for f, s in zip(floors, syncs, strict=True))
        + ")"
    )
    last = syncs[-1]
    print(
        f"sync: acknowledged {report.acknowledged:,} (errors: {report.error}); left in the outbox "
        f"{last.left:,}; stored at the sandbox {abs(last.stored):,} "
        f"(each once: {last.stored == args.events}); acknowledged rows with an IIN: {last.raw_iins}"
    )
    print(f"target: 50 000 events in <= {TARGET_S:g} s")


if __name__ == "__main__":
    main()
