"""A desk controller checking people in as fast as it can, printing what it shows.

Run by test_crash.py, which removes and replaces its files and kills it, and
by test_close_out_race.py, which closes the day under it:
    python desk_driver.py DATA_DIR FIRST_SERIAL [CLOSING_TIME]
(CLOSING_TIME: the venue's local closing time, HH:MM:SS; default midnight).
Prints one JSON line per recorded decision (`{"events": [...]}`), per alert
(`{"alert": kind}`), and `{"failed": problem}` when the desk stops, then
exits 3 (what `ashyq-kiosk run` does).
"""

from __future__ import annotations

import datetime as dt
import json
import queue
import sys
import threading
from pathlib import Path

from kiosk.decision import Decision
from kiosk.desk import DeskController, DeskOptions
from kiosk.desksettings import DeskRole, DeskSettings
from kiosk.events import DeskIdentity
from kiosk.iin import Sex, make_iin
from kiosk.listeners import DeskListener
from kiosk.news import DeskFailure
from kiosk.passes import TrustList
from kiosk.policy import Policy, UnverifiedPolicy
from kiosk.reception import Reception
from kiosk.service.lookup import StatusSource
from kiosk.storage.alerts import Alert
from kiosk.storage.store import Store
from kiosk.vocabulary import Method
from shared.clock import SystemClock

_printing = threading.Lock()


def say(**what: object) -> None:
    with _printing:
        sys.stdout.write(json.dumps(what) + "\n")
        sys.stdout.flush()


class Printer(DeskListener):
    def __init__(self) -> None:
        self.shown: queue.SimpleQueue[Decision | DeskFailure] = queue.SimpleQueue()

    def decision_shown(self, decision: Decision) -> None:
        self.shown.put(decision)

    def alert_raised(self, alert: Alert) -> None:
        say(alert=alert.kind.value)

    def desk_failed(self, failure: DeskFailure) -> None:
        self.shown.put(failure)


def main() -> int:
    folder, serial = Path(sys.argv[1]), int(sys.argv[2])
    closing = dt.time.fromisoformat(sys.argv[3]) if len(sys.argv) > 3 else None
    settings = DeskSettings(
        desk=DeskIdentity("150340012345", "main", "desk-1"),
        policy=Policy(unverified=UnverifiedPolicy.ADMIT_UNVERIFIED),
        role=DeskRole.ENTRY,
        closing_time=closing,
    )
    clock = SystemClock()

    def reception(store: Store, source: StatusSource | None) -> Reception:
        return Reception(settings, store, clock, TrustList, source)

    printer = Printer()
    desk = DeskController(
        lambda: Store.in_dir(folder), reception, clock, options=DeskOptions(idle_tick=0.05)
    )
    desk.add_listener(printer)
    desk.start()
    try:
        desk.wait_ready()
        while desk.failure is None:
            serial += 1
            born = dt.date(1960, 1, 1) + dt.timedelta(days=serial % 20_000)
            iin = make_iin(born, Sex.FEMALE, serial % 9_000)
            if iin is None:
                continue
            desk.submit(iin, Method.SCANNER)
            shown = printer.shown.get(timeout=30)
            if isinstance(shown, DeskFailure):
                break
            say(events=list(shown.event_ids))
        say(failed=desk.failure.problem.value if desk.failure else "unknown")
    finally:
        desk.stop()
    return 3


if __name__ == "__main__":
    sys.exit(main())
