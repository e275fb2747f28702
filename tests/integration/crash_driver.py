"""Checks people in as fast as it can and prints each recorded decision.

Run by test_crash.py, which kills it with SIGKILL at random moments.
"""

from __future__ import annotations

import datetime as dt
import json
import sys
from pathlib import Path

from kiosk.desksettings import DeskRole, DeskSettings
from kiosk.events import DeskIdentity
from kiosk.iin import Sex, make_iin
from kiosk.passes import TrustList
from kiosk.policy import Policy, UnverifiedPolicy
from kiosk.reception import Reception
from kiosk.storage.store import Store
from kiosk.vocabulary import Method
from shared.clock import SystemClock


def main() -> None:
    store = Store(Path(sys.argv[1]))
    settings = DeskSettings(
        desk=DeskIdentity("150340012345", "main", "desk-1"),
        policy=Policy(unverified=UnverifiedPolicy.ADMIT_UNVERIFIED),
        role=DeskRole.BOTH,
    )
    reception = Reception(settings, store, SystemClock(), TrustList)
    serial = int(sys.argv[2])
    while True:
        serial += 1
        iin = make_iin(
            dt.date(1990, 1, 1) + dt.timedelta(days=serial % 3000), Sex.MALE, serial % 9999
        )
        if iin is None:
            continue
        decision = reception.check(iin, Method.SCANNER)
        sys.stdout.write(json.dumps({"events": list(decision.event_ids)}) + "\n")
        sys.stdout.flush()


if __name__ == "__main__":
    main()
