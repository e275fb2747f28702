"""The gate through the real desk, for bench/gate.py: the desk controller
deciding passes and recording them on a real database (as bench/desk_flow.py
runs it), with the Modbus TCP driver and its keeper attached, against the
stand-in I/O module (pymodbus's own server) on loopback.

Two measures:
- shown -> relay closed: from the desk telling the screen an admitted entry
  (`decision_shown`) to the module receiving the write that closes the
  entry relay, one visitor at a time;
- the desk flow with the gate attached against without: submit ->
  `decision_shown` for the same kind of visitors at the same pace, runs
  with and without the gate taken in turn, on fresh databases.
"""

from __future__ import annotations

import tempfile
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from bench.desk_flow import DESK, START, people
from hardware.gate.factory import GateConfig, make_gate
from hardware.gate.standin import StandInModule
from kiosk.decision import Decision
from kiosk.desk import DeskController
from kiosk.desksettings import DeskRole, DeskSettings
from kiosk.gate.inbox import GateInbox
from kiosk.gate.keeper import GateKeeper
from kiosk.listeners import DeskListener
from kiosk.passes import TrustList, public_jwk, sign_pass
from kiosk.policy import Policy
from kiosk.reception import Reception
from kiosk.service.lookup import StatusSource
from kiosk.status import Status
from kiosk.storage.store import Store
from kiosk.vocabulary import Method

COIL = 0
PULSE_MS = 50
PACE_S = 0.2  # between two visitors: the pulse, the relay's rest, both runs alike


class BenchClock:
    """Real elapsed time on the wall, offset to a fixed day so passes stay valid;
    the machine's monotonic clock, which the module's log is read by too."""

    def __init__(self) -> None:
        self._t0 = time.monotonic()

    def now(self) -> float:
        return START + (time.monotonic() - self._t0)

    def monotonic(self) -> float:
        return time.monotonic()


class Shown(DeskListener):
    def __init__(self) -> None:
        self.at: list[float] = []
        self.admitted: list[bool] = []
        self.event = threading.Event()

    def decision_shown(self, decision: Decision) -> None:
        self.at.append(time.monotonic())
        self.admitted.append(decision.admitted)
        self.event.set()


@dataclass
class DeskRun:
    """One run: submit -> shown (ms) for each visitor, and with a gate shown ->
    relay closed (ms)."""

    shown_ms: list[float] = field(default_factory=list)
    relay_ms: list[float] = field(default_factory=list)


def green_passes(count: int, offset: int) -> tuple[TrustList, list[str]]:
    key = Ed25519PrivateKey.generate()
    trust = TrustList.from_jwks({"keys": [public_jwk(key.public_key(), "k1")]})
    codes = [
        sign_pass(key, "k1", iin=iin, status=Status.GREEN, issued_at=START)
        for iin in people(count, offset)
    ]
    return trust, codes


def desk_run(visitors: int, offset: int, module: StandInModule | None) -> DeskRun:
    """*visitors* green passes through a fresh desk, one at a time, *module* its
    gate (None: a desk without one)."""
    trust, codes = green_passes(visitors, offset)
    clock = BenchClock()
    settings = DeskSettings(desk=DESK, policy=Policy(), role=DeskRole.ENTRY)
    result = DeskRun()
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "kiosk.sqlite3"

        def reception(store: Store, source: StatusSource | None) -> Reception:
            return Reception(settings, store, clock, lambda: trust, source)

        desk = DeskController(lambda: Store(path), reception, clock)
        shown = Shown()
        desk.add_listener(shown)
        driver = None
        if module is not None:
            host, port = module.address
            inbox = GateInbox(nudge=desk.gate_reported)
            config = GateConfig(
                driver="modbus-tcp", host=host, port=port, entry_coil=COIL,
                entry_passage_input=-1, pulse_ms=PULSE_MS,
            )  # fmt: skip
            driver = make_gate(config, inbox)
            desk.attach_gate(GateKeeper(driver, clock), inbox)
        desk.start()
        assert desk.wait_ready()
        pause = threading.Event()
        if driver is not None and module is not None:
            asked = module.requests
            driver.start()
            deadline = time.monotonic() + 5
            while module.requests == asked:  # connected, the module's first answer in
                assert time.monotonic() < deadline, "the gate never answered"
                pause.wait(0.005)
        try:
            for code in codes:
                switched = len(module.switched_on(COIL)) if module is not None else 0
                shown.event.clear()
                began = time.monotonic()
                desk.submit(code, Method.CAMERA)
                assert shown.event.wait(10) and shown.admitted[-1]
                result.shown_ms.append((shown.at[-1] - began) * 1000)
                if module is not None:
                    deadline = time.monotonic() + 5
                    while len(module.switched_on(COIL)) == switched:
                        assert time.monotonic() < deadline, "the relay never closed"
                        pause.wait(0.001)
                    closed_at = module.switched_on(COIL)[-1]
                    result.relay_ms.append((closed_at - shown.at[-1]) * 1000)
                pause.wait(max(0.0, began + PACE_S - time.monotonic()))
                assert desk.flush()
        finally:
            if driver is not None:
                driver.stop()
            desk.stop()
    return result
