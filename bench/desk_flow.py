"""Benchmark: check-ins through the desk flow (pass verification + durable write).

Run: .venv/bin/python bench/desk_flow.py [--checkins N] [--history N]
Prints check-ins per second and latency (median, p95) on a fresh database
and on one that already holds a long history of events.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import statistics
import tempfile
import time
import uuid
from pathlib import Path

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from kiosk.decision import Method
from kiosk.events import DeskIdentity
from kiosk.iin import Sex, make_iin
from kiosk.passes import TrustList, public_jwk, sign_pass
from kiosk.policy import Policy
from kiosk.reception import DeskRole, DeskSettings, Reception
from kiosk.status import Status
from kiosk.store import Store

DESK = DeskIdentity("150340012345", "main", "desk-1")


class StepClock:
    """Real elapsed time, offset to a fixed day, so passes stay valid."""

    def __init__(self, start: float) -> None:
        self._start = start
        self._t0 = time.perf_counter()

    def now(self) -> float:
        return self._start + (time.perf_counter() - self._t0)


def people(count: int) -> list[str]:
    found: list[str] = []
    day = dt.date(1970, 1, 1)
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
    for i in range(count):
        data = json.dumps({"decision": "admit", "status": "green", "provenance": "pass"})
        rows.append(
            (
                str(uuid.uuid4()),
                "check_in",
                before - (count - i) * 30,
                DESK.venue_bin,
                DESK.entrance,
                DESK.desk,
                None,
                f"s{i}",
                data,
                before,
                before,
            )
        )
    with store.transaction() as conn:
        conn.executemany(
            "INSERT INTO outbox (id, type, occurred_at, venue_bin, entrance, desk, iin, subject,"
            " data, created_at, acked_at) VALUES (?,?,?,?,?,?,?,?,?,?,?)",
            rows,
        )


def run(checkins: int, history: int) -> dict[str, float]:
    key = Ed25519PrivateKey.generate()
    trust = TrustList.from_jwks({"keys": [public_jwk(key.public_key(), "k1")]})
    start = dt.datetime(2026, 11, 22, 9, 0, tzinfo=dt.UTC).timestamp()
    statuses = [Status.GREEN, Status.BLUE, Status.YELLOW, Status.RED]
    codes = [
        sign_pass(key, "k1", iin=iin, status=statuses[i % 4], issued_at=start)
        for i, iin in enumerate(people(checkins))
    ]
    with tempfile.TemporaryDirectory() as folder:
        store = Store(Path(folder) / "kiosk.sqlite3")
        if history:
            add_history(store, history, start)
        settings = DeskSettings(desk=DESK, policy=Policy(), role=DeskRole.ENTRY)
        reception = Reception(settings, store, StepClock(start), lambda: trust)
        latencies = []
        t0 = time.perf_counter()
        for code in codes:
            began = time.perf_counter()
            decision = reception.check(code, Method.CAMERA)
            latencies.append((time.perf_counter() - began) * 1000)
            assert decision.event_ids
        total = time.perf_counter() - t0
        store.close()
    latencies.sort()
    return {
        "checkins_per_s": checkins / total,
        "median_ms": statistics.median(latencies),
        "p95_ms": latencies[int(len(latencies) * 0.95) - 1],
        "max_ms": latencies[-1],
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--checkins", type=int, default=2000)
    parser.add_argument("--history", type=int, default=100_000)
    args = parser.parse_args()
    print(f"{'database':<28}{'check-ins/s':>12}{'median ms':>11}{'p95 ms':>9}{'max ms':>9}")
    for label, history in (("fresh", 0), (f"{args.history:,} past events", args.history)):
        r = run(args.checkins, history)
        print(
            f"{label:<28}{r['checkins_per_s']:>12.0f}{r['median_ms']:>11.2f}"
            f"{r['p95_ms']:>9.2f}{r['max_ms']:>9.2f}"
        )
    print("target: p95 <= 3 ms per check-in")


if __name__ == "__main__":
    main()
