"""Benchmark: the day report over a year's outbox.

Run: .venv/bin/python bench/dashboard.py [--events N] [--runs R]
Fills a fresh kiosk database with N events (default 100 000) spread over
365 business days of a club open 08:00-22:00: entries and exits, refusals,
unverified admissions with the sync's retroactive red reports a day later,
staff overrides, red reports and doctor referrals, the old ones delivered.
Then times `day_report` R times (default 21) for three days and prints the
median (and min/max):

- a day in the middle of the year (two index ranges, the second short);
- the busiest day (ten times the usual visitors);
- the worst case: the year's first day with a referral still open, so the
  report reads everything recorded after it (the whole year).

Target: each well under a second (a staff tab refreshes on it).
"""

from __future__ import annotations

import argparse
import datetime as dt
import random
import statistics
import tempfile
import time
from pathlib import Path
from zoneinfo import ZoneInfo

from kiosk.dayend import BusinessDay
from kiosk.events import DeskIdentity, EventType, NewEvent
from kiosk.reports.dashboard import day_report
from kiosk.storage.outbox import acknowledge_in, insert_events
from kiosk.storage.store import Store

DESK = DeskIdentity("150340012345", "main", "desk-1")
ZONE = ZoneInfo("Asia/Almaty")
CLUB = BusinessDay(dt.time(22, 0), ZONE)
FIRST = dt.date(2025, 1, 1)
DAYS = 365
BUSY = 200  # the busiest day's index


def day_events(index: int, visitors: int, rng: random.Random) -> list[NewEvent]:
    """One business day of *visitors* (ten times more on the busiest day)."""
    start, _ = CLUB.bounds(FIRST + dt.timedelta(days=index))
    opening = start + 10 * 3600  # 08:00 after a 22:00 close
    visitors *= 10 if index == BUSY else 1
    events: list[NewEvent] = []
    for n in range(visitors):
        at = opening + rng.uniform(0, 13 * 3600)
        unverified = rng.random() < 0.03
        status = None if unverified else rng.choice(("green", "green", "blue", "yellow", "red"))
        admitted = status in ("green", "blue") or unverified
        data = {
            "decision": "admit" if admitted else "deny",
            "status": status,
            "provenance": "unverified" if unverified else "pass",
            "method": "camera",
            "masked_id": "••••••••0005",
            "flags": [],
        }
        check_in = NewEvent(EventType.CHECK_IN, at, data)
        events.append(check_in)
        if admitted:
            leave = {"check_in": check_in.id, "automatic": False, "method": "camera"}
            events.append(NewEvent(EventType.CHECK_OUT, at + rng.uniform(600, 3600), leave))
        if status == "red":
            report = {"check_in": check_in.id, "provenance": "pass"}
            events.append(NewEvent(EventType.RED_REPORT, at, report))
        if unverified and n % 2 == 0:  # found red by the next morning's sync
            late = {"check_in": check_in.id, "provenance": "retroactive", "checked_in_at": at}
            events.append(NewEvent(EventType.RED_REPORT, start + 86_400 + 12 * 3600, late))
        if status == "yellow" and n % 5 == 0:
            events.append(NewEvent(EventType.STAFF_OVERRIDE, at, {"check_in": check_in.id}))
    if index == 0:  # a referral the doctor never resolved at this desk
        events.append(NewEvent(EventType.REFERRAL_OPENED, opening + 60, {"referral_id": "r0"}))
    return events


def fill(store: Store, total: int, rng: random.Random) -> int:
    # A visitor makes ~1.86 events (entry, most an exit, some a report); the
    # busiest day counts ten.
    visitors = max(1, round(total / 1.86 / (DAYS + 9)))
    count = 0
    for index in range(DAYS):
        events = day_events(index, visitors, rng)
        with store.transaction() as conn:
            insert_events(
                conn, events, desk=DESK, subject_of=lambda _: "", now=events[0].occurred_at
            )
            acknowledge_in(conn, [e.id for e in events], now=events[-1].occurred_at + 86_400)
        count += len(events)
    return count


def timed(store: Store, day: dt.date, now: float, runs: int) -> tuple[list[float], int]:
    times = []
    for _ in range(runs):
        t0 = time.perf_counter()
        report = day_report(store, day, CLUB, now=now)
        times.append(time.perf_counter() - t0)
    return times, report.check_ins


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--events", type=int, default=100_000)
    parser.add_argument("--runs", type=int, default=21)
    args = parser.parse_args()
    rng = random.Random(7)
    with tempfile.TemporaryDirectory() as folder:
        store = Store(Path(folder) / "kiosk.sqlite3")
        try:
            t0 = time.perf_counter()
            stored = fill(store, args.events, rng)
            took = time.perf_counter() - t0
            print(f"events in the outbox   {stored:>10,}  (filled in {took:.1f} s)")
            now = CLUB.bounds(FIRST + dt.timedelta(days=DAYS))[1]
            cases = (
                ("a day mid-year", FIRST + dt.timedelta(days=180)),
                ("the busiest day", FIRST + dt.timedelta(days=BUSY)),
                ("first day, referral open", FIRST),
            )
            for name, day in cases:
                times, check_ins = timed(store, day, now, args.runs)
                print(
                    f"{name:<26} {statistics.median(times) * 1000:8.1f} ms median"
                    f"  ({min(times) * 1000:.1f}-{max(times) * 1000:.1f} ms, "
                    f"{check_ins:,} check-ins, {args.runs} runs)"
                )
        finally:
            store.close()
    print("target: each well under 1 s")


if __name__ == "__main__":
    main()
