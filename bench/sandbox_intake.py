"""Sandbox event intake under many kiosks at once: events/s and batch latency.

Starts a sandbox on a loopback ephemeral port with a throw-away SQLite file;
N kiosk threads, each with its own ApiClient and desk, upload batches until
the total is sent (or the time limit passes), then it stops by itself.

    python bench/sandbox_intake.py [--clients 20] [--batch 100] [--events 50000]
"""

from __future__ import annotations

import argparse
import json
import logging
import sys
import tempfile
import threading
import time
import uuid
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[1]
if str(REPO) not in sys.path:
    sys.path.insert(0, str(REPO))

from bench.percentiles import percentile  # noqa: E402
from kiosk.service.api import ApiClient  # noqa: E402
from kiosk.service.errors import ApiError  # noqa: E402
from kiosk.wiretime import format_time  # noqa: E402
from sandbox.people import DEMO_PEOPLE  # noqa: E402
from sandbox.server import SandboxServer  # noqa: E402

VENUE_BIN = "201040000123"


def _batch(desk: int, size: int, serial: int) -> list[dict[str, Any]]:
    events = []
    now = time.time()
    for n in range(size):
        person = DEMO_PEOPLE[(serial + n) % len(DEMO_PEOPLE)]
        entering = (serial + n) % 2 == 0
        data: dict[str, Any] = (
            {"decision": "admit", "status": person.status.value, "provenance": "live"}
            | {"method": "camera"}
            if entering
            else {"automatic": False}
        )
        events.append(
            {
                "id": str(uuid.uuid4()),
                "type": "check_in" if entering else "check_out",
                "venue_bin": VENUE_BIN,
                "entrance": "main",
                "desk": f"desk-{desk:02d}",
                "occurred_at": format_time(now),
                "iin": person.iin,
                "data": data,
            }
        )
    return events


def _kiosk(
    url: str,
    desk: int,
    batches: int,
    size: int,
    deadline: float,
    latencies: list[float],
    failures: list[str],
    lock: threading.Lock,
) -> None:
    with ApiClient(url, "demo", read_timeout=30.0) as client:
        for serial in range(batches):
            if time.monotonic() > deadline:
                return
            batch = _batch(desk, size, serial * size)
            started = time.perf_counter()
            try:
                answer = client.post_events(batch)
            except ApiError as exc:
                with lock:
                    failures.append(str(exc))
                continue
            elapsed = time.perf_counter() - started
            with lock:
                latencies.append(elapsed)
                if len(answer.accepted) != size:
                    failures.append(f"desk {desk}: {len(answer.accepted)} of {size} accepted")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--clients", type=int, default=20)
    parser.add_argument("--batch", type=int, default=100)
    parser.add_argument("--events", type=int, default=50_000)
    parser.add_argument("--threads", type=int, default=8, help="sandbox worker threads")
    parser.add_argument("--time-limit", type=float, default=120.0)
    args = parser.parse_args(argv)
    logging.getLogger("waitress.queue").setLevel(logging.ERROR)  # "queue depth" is expected

    batches = max(1, args.events // (args.clients * args.batch))
    latencies: list[float] = []
    failures: list[str] = []
    lock = threading.Lock()
    with tempfile.TemporaryDirectory(prefix="ashyq-bench-") as scratch:
        server = SandboxServer(Path(scratch) / "bench.sqlite3", threads=args.threads)
        server.start()
        try:
            deadline = time.monotonic() + args.time_limit
            kiosks = [
                threading.Thread(
                    target=_kiosk,
                    args=(server.url, n, batches, args.batch, deadline, latencies, failures, lock),
                    name=f"kiosk-{n}",
                )
                for n in range(args.clients)
            ]
            started = time.perf_counter()
            for kiosk in kiosks:
                kiosk.start()
            for kiosk in kiosks:
                kiosk.join(args.time_limit + 60)
            wall = time.perf_counter() - started
            occupancy_started = time.perf_counter()
            inside = server.service.occupancy(VENUE_BIN).inside
            occupancy_ms = (time.perf_counter() - occupancy_started) * 1000
        finally:
            server.stop()

    sent = len(latencies) * args.batch
    result = {
        "clients": args.clients,
        "batch": args.batch,
        "events": sent,
        "seconds": round(wall, 2),
        "events_per_s": round(sent / wall) if wall else None,
        "batch_p50_ms": round(percentile(latencies, 50) * 1000, 1) if latencies else None,
        "batch_p95_ms": round(percentile(latencies, 95) * 1000, 1) if latencies else None,
        "batch_max_ms": round(max(latencies) * 1000, 1) if latencies else None,
        "occupancy_query_ms": round(occupancy_ms, 1),
        "inside": inside,
        "failures": len(failures),
    }
    print(json.dumps(result))
    for failure in failures[:5]:
        print(f"failure: {failure}", file=sys.stderr)
    return 0 if not failures and sent == batches * args.clients * args.batch else 1


if __name__ == "__main__":
    sys.exit(main())
