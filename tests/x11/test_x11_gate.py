"""Open gate through the real window: a receptionist clicks the button, types
why at a person's pace and presses Enter; the kiosk pulses the entry relay of
a Modbus I/O module on loopback (pymodbus's own server) once, and lists who
opened it and why."""

from __future__ import annotations

from collections.abc import Callable

from hardware.gate.standin import StandInModule
from tests.x11.conftest import Screen
from tests.x11.processes import Kiosk
from tests.x11.scanner import type_slowly
from tests.x11.waiting import wait_until
from tests.x11.xsession import XSession

NOBODY_LISTENS = "http://127.0.0.1:9"
COIL, SENSOR = 1, 4


def test_open_gate_with_a_reason_pulses_the_entry_relay_once(
    xsession: XSession,
    module: StandInModule,
    start_kiosk: Callable[..., Kiosk],
    screen_of: Callable[[Kiosk], Screen],
) -> None:
    host, port = module.serve_tcp()
    gate = {
        "driver": "modbus-tcp", "host": host, "port": port, "entry_coil": COIL,
        "entry_passage_input": SENSOR, "pulse_ms": 200,
    }  # fmt: skip
    kiosk = start_kiosk(NOBODY_LISTENS, gate=gate)
    screen = screen_of(kiosk)
    screen.shown("Gate: ready")
    screen.click("Open the gate for one visitor")
    dialog = screen.find("Open the gate: why?", role="dialog")
    screen.find("Reason for opening the gate", role="text", within=dialog)
    type_slowly(xsession, "courier")  # then Enter: the dialog's Open
    wait_until(lambda: module.pulses(COIL), 10)
    (on, off), *more = module.pulses(COIL)
    assert not more and 0.15 <= off - on < 1.5, "one pulse of about pulse_ms"
    screen.click("Events", role="page tab")
    screen.shown("Gate opened by tester: courier")  # read back from what was recorded
    assert module.pulses(COIL) == [(on, off)], "nothing more after the one open"
