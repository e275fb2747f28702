"""Benchmark: check-ins through the desk controller (pass verification + durable write).

Run: .venv/bin/python bench/desk_flow.py [--checkins N] [--history N] [--profile FILE]

What a screen sees: the time from `DeskController.submit` to its
`decision_shown` callback, one visitor at a time with the desk idle in
between (median, p95, max); and check-ins per second with codes submitted
back to back (the desk's whole work per check-in, the staff panel's
updates included). On a fresh database and on one that already holds a
long history of events; `synchronous=FULL` throughout. `cpu ms` is the
desk thread's own CPU time per check-in (median): the part of the latency
that is this code's, not the disk's flush or the machine's other load. A last
row runs the history case again with `synchronous=OFF`: not how the kiosk
runs, but it shows what the code costs without the disk's flush (the
difference is the flush). The floor row is what no desk can beat on this
machine: the pass verified and the same three rows written durably, on a
thread of its own fed through a queue, with none of the desk's decisions.
`--profile` writes a cProfile of the desk thread for the history run.
"""

from __future__ import annotations

import argparse
import cProfile
import datetime as dt
import json
import queue
import statistics
import sys
import tempfile
import threading
import time
import uuid
from pathlib import Path

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

REPO = Path(__file__).resolve().parents[1]
if str(REPO) not in sys.path:
    sys.path.insert(0, str(REPO))

from bench.percentiles import percentile  # noqa: E402
from kiosk.decision import Decision  # noqa: E402
from kiosk.desk import DeskController, DeskOptions  # noqa: E402
from kiosk.desksettings import DeskRole, DeskSettings  # noqa: E402
from kiosk.events import DeskIdentity, EventType, NewEvent  # noqa: E402
from kiosk.iin import Sex, make_iin  # noqa: E402
from kiosk.listeners import DeskListener  # noqa: E402
from kiosk.passes import TrustList, public_jwk, sign_pass, verify_pass  # noqa: E402
from kiosk.policy import Policy  # noqa: E402
from kiosk.reception import Reception  # noqa: E402
from kiosk.service.lookup import StatusSource  # noqa: E402
from kiosk.status import Status  # noqa: E402
from kiosk.storage.outbox import insert_events  # noqa: E402
from kiosk.storage.presence import Stay, enter  # noqa: E402
from kiosk.storage.statuscache import remember  # noqa: E402
from kiosk.storage.store import Store  # noqa: E402
from kiosk.vocabulary import Method  # noqa: E402

DESK = DeskIdentity("150340012345", "main", "desk-1")
TARGET_P95_MS = 1.0


class StepClock:
    """Real elapsed time, offset to a fixed day, so passes stay valid."""

    def __init__(self, start: float) -> None:
        self._start = start
        self._t0 = time.perf_counter()

    def now(self) -> float:
        return self._start + (time.perf_counter() - self._t0)


class Timing(DeskListener):
    """Notes when each decision reaches the screen."""

    def __init__(self) -> None:
        self.shown_at: list[float] = []
        self.cpu: list[float] = []
        self.last = threading.Event()
        self.expected = 0
        self._cpu_from = 0.0

    def mark(self) -> None:
        """On the desk thread, just before it takes the next code."""
        self._cpu_from = time.thread_time()

    def decision_shown(self, decision: Decision) -> None:
        assert decision.event_ids
        self.shown_at.append(time.perf_counter())
        self.cpu.append((time.thread_time() - self._cpu_from) * 1000)
        if len(self.shown_at) >= self.expected:
            self.last.set()


def people(count: int, offset: int = 0) -> list[str]:
    """*count* different valid IINs, born from 1970-01-01 plus *offset* days on."""
    found: list[str] = []
    day = dt.date(1970, 1, 1) + dt.timedelta(days=offset)
    serial = 0
    while len(found) < count:
        iin = make_iin(day, Sex.FEMALE if serial % 2 else Sex.MALE, serial % 10000)
        if iin:
            found.append(iin)
        serial += 1
        if serial % 10000 == 0:
            day += dt.timedelta(days=1)
    return found


def add_history(store: Store, count: int, before: float) -> None:
    rows = []
    data = json.dumps({"decision": "admit", "status": "green", "provenance": "pass"})
    for i in range(count):
        at = before - (count - i) * 30
        where = (DESK.venue_bin, DESK.entrance, DESK.desk)
        rows.append((str(uuid.uuid4()), "check_in", at, *where, None, f"s{i}", data, at, at + 60))
    with store.transaction() as conn:
        conn.executemany(
            "INSERT INTO outbox (id, type, occurred_at, venue_bin, entrance, desk, iin, subject,"
            " data, created_at, acked_at) VALUES (?,?,?,?,?,?,?,?,?,?,?)",
            rows,
        )


def open_store(path: Path, flush: bool) -> Store:
    store = Store(path)
    if not flush:
        store.conn.execute("PRAGMA synchronous = OFF")
    return store


START = dt.datetime(2026, 11, 22, 9, 0, tzinfo=dt.UTC).timestamp()
STATUSES = (Status.GREEN, Status.BLUE, Status.YELLOW, Status.RED)


class Passes:
    """A signing key, the trust list that holds it, and passes issued at START."""

    def __init__(self) -> None:
        self._key = Ed25519PrivateKey.generate()
        self.trust = TrustList.from_jwks({"keys": [public_jwk(self._key.public_key(), "k1")]})

    def codes(self, count: int, offset: int = 0) -> list[str]:
        """Passes of *count* different people, the four statuses in turn."""
        return [
            sign_pass(self._key, "k1", iin=iin, status=STATUSES[i % 4], issued_at=START)
            for i, iin in enumerate(people(count, offset))
        ]


def run(
    checkins: int, history: int, profile: str | None = None, *, flush: bool = True
) -> dict[str, float]:
    passes = Passes()
    trust, start = passes.trust, START
    one_by_one, back_to_back = passes.codes(checkins), passes.codes(checkins, 400)
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "kiosk.sqlite3"
        store = Store(path)
        if history:
            add_history(store, history, start)
        store.close()
        clock = StepClock(start)
        settings = DeskSettings(desk=DESK, policy=Policy(), role=DeskRole.ENTRY)

        def reception(store: Store, source: StatusSource | None) -> Reception:
            return Reception(settings, store, clock, lambda: trust, source)

        timing = Timing()
        desk = DeskController(
            lambda: open_store(path, flush), reception, clock, options=DeskOptions()
        )
        desk.add_listener(timing)
        desk.start()
        assert desk.wait_ready()
        profiler = cProfile.Profile() if profile else None
        if profiler is not None:
            desk.flush()
            desk._put(profiler.enable)  # on the desk's own thread
        try:
            latencies = []
            for code in one_by_one:
                timing.expected = len(timing.shown_at) + 1
                timing.last.clear()
                desk._put(timing.mark)
                began = time.perf_counter()
                desk.submit(code, Method.CAMERA)
                assert timing.last.wait(10)
                latencies.append((timing.shown_at[-1] - began) * 1000)
                assert desk.flush()  # the next visitor comes to an idle desk
            timing.expected = len(timing.shown_at) + len(back_to_back)
            timing.last.clear()
            began = time.perf_counter()
            for code in back_to_back:
                desk.submit(code, Method.CAMERA)
            assert timing.last.wait(60) and desk.flush()
            total = time.perf_counter() - began
        finally:
            if profiler is not None:
                desk._put(profiler.disable)
                desk.flush()
                profiler.dump_stats(profile)  # type: ignore[arg-type]
            desk.stop()
    return {
        "cpu_ms": statistics.median(timing.cpu[: len(one_by_one)]),
        "checkins_per_s": len(back_to_back) / total,
        "median_ms": statistics.median(latencies),
        "p95_ms": percentile(latencies, 95),
        "max_ms": max(latencies),
    }


def run_floor(checkins: int) -> dict[str, float]:
    """Verify a pass and write a check-in, its presence and its cached status
    in one FULL transaction, on a worker thread; one code at a time."""
    passes = Passes()
    trust, start, codes = passes.trust, START, passes.codes(checkins)
    inputs: queue.SimpleQueue[str | None] = queue.SimpleQueue()
    written = threading.Event()
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "kiosk.sqlite3"

        def worker() -> None:
            store = Store(path)
            while (code := inputs.get()) is not None:
                checked = verify_pass(code, trust, now=start)
                subject = store.keys.subject(checked.iin, start)
                event = NewEvent(EventType.CHECK_IN, start, {"decision": "admit"}, checked.iin)
                with store.transaction() as conn:
                    insert_events(
                        conn,
                        [event],
                        desk=DESK,
                        subject_of={checked.iin: subject}.__getitem__,
                        now=start,
                    )
                    enter(conn, Stay(subject, start, DESK.entrance, DESK.desk, event.id))
                    remember(conn, subject, checked.status, None, start)
                written.set()
            store.close()

        thread = threading.Thread(target=worker)
        thread.start()
        latencies = []
        for code in codes:
            written.clear()
            began = time.perf_counter()
            inputs.put(code)
            assert written.wait(10)
            latencies.append((time.perf_counter() - began) * 1000)
        inputs.put(None)
        thread.join()
    return {
        "median_ms": statistics.median(latencies),
        "p95_ms": percentile(latencies, 95),
        "max_ms": max(latencies),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--checkins", type=int, default=2000)
    parser.add_argument("--history", type=int, default=100_000)
    parser.add_argument("--profile", metavar="FILE", help="cProfile of the desk thread")
    args = parser.parse_args()
    print("submit → decision_shown, one visitor at a time; rate: codes back to back")
    print(
        f"{'database':<30}{'check-ins/s':>12}{'median ms':>11}{'p95 ms':>9}{'max ms':>9}"
        f"{'cpu ms':>8}"
    )
    runs = (
        ("fresh", 0, True),
        (f"{args.history:,} past events", args.history, True),
        ("same, no flush (not a target)", args.history, False),
    )
    results = []
    for label, history, flush in runs:
        r = run(args.checkins, history, args.profile if history and flush else None, flush=flush)
        results.append(r)
        print(
            f"{label:<30}{r['checkins_per_s']:>12.0f}{r['median_ms']:>11.2f}"
            f"{r['p95_ms']:>9.2f}{r['max_ms']:>9.2f}{r['cpu_ms']:>8.2f}"
        )
    floor = run_floor(args.checkins)
    print(
        f"{'floor: verify + write only':<30}{'':>12}{floor['median_ms']:>11.2f}"
        f"{floor['p95_ms']:>9.2f}{floor['max_ms']:>9.2f}"
    )
    history_run = results[1]
    print(
        f"desk / floor with history: median x{history_run['median_ms'] / floor['median_ms']:.2f},"
        f" p95 x{history_run['p95_ms'] / floor['p95_ms']:.2f}"
    )
    print(f"target: p95 <= {TARGET_P95_MS:g} ms per check-in, flat with history")


if __name__ == "__main__":
    main()
