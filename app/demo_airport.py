"""The demo's airport: a boarding desk and the doctor room, two kiosks on one
embedded service. A red passenger is refused at the gate and referred; the
slip prints; the doctor clears them; at the gate again, they board: the
boarding gate (the demo's stand-in, like the club's turnstile) opens and
they walk through. The doctor room has no gate."""

from __future__ import annotations

from typing import TYPE_CHECKING

from app.demo_gate import gate_closes, gate_opens
from app.demo_script import demo_desk
from kiosk.policy import Outcome
from kiosk.referrals.values import ReferralState
from kiosk.status import Provenance, Status
from sandbox.devices import DEMO_AIRPORT_BIN, DEMO_DOCTOR
from shared.device import DeviceState
from ui.scripted import CameraIs, NextDecision, Pause, Script, Until
from ui.slip import SlipPlace, slip_image

if TYPE_CHECKING:
    from app.demo_script import Demo
    from app.screens import Kiosk

AIRPORT_BIN = DEMO_AIRPORT_BIN


def airport_sections(server_url: str, *, doctor: bool) -> dict[str, object]:
    """Settings of the demo's gate desk, or of its doctor room."""
    venue = {
        "bin": AIRPORT_BIN,
        "name": "Almaty International Airport",
        "mode": "boarding",
        "rescan_window_s": 2,
    }
    desk = demo_desk(server_url)
    if doctor:
        venue.update({"entrance": "medical", "desk": "doctor", "role": "doctor"})
        # only the doctor room's own token may resolve (the sandbox's seeded one)
        service = desk["service"]
        assert isinstance(service, dict)
        desk["service"] = {**service, "token": DEMO_DOCTOR.token}
    else:
        venue.update({"entrance": "gate-5", "desk": "gate-5", "role": "entry"})
    return {
        "venue": venue,
        **desk,
        "screens": {"fullscreen": False, "status_seconds": 30.0},
        "boarding": {
            "gate": "Gate 5 · KC 921",
            "doctor_room": "Terminal 1, level 2, next to gate 5",
            "ticket_prefix": "G5",
        },
    }


def airport_script(demo: Demo, doctor: Kiosk) -> Script:
    desk = demo.screens
    gate, doctors = demo.kiosk.boarding, doctor.boarding
    assert gate is not None and doctors is not None
    room = doctors.referrals
    yield CameraIs((DeviceState.RUNNING, DeviceState.BACK))
    yield Pause(0.5)
    yield from demo.shot("airport-scan")

    passenger = demo.person(Status.RED)
    demo.later(0.45)  # the afternoon flight boards
    demo.show(demo.pass_for(passenger))
    refused = yield NextDecision()
    demo.say("red passenger at the gate", refused)
    yield from demo.shot("airport-status-red")
    demo.camera.clear()

    desk.staff.last.refer_button.click()  # staff refer; the passenger's screen only says so
    yield Until(lambda: gate.dialog is not None, "the referral dialog")
    dialog = gate.dialog
    assert dialog is not None
    dialog.note.setText("Says the test was negative yesterday")
    yield from demo.shot("airport-referral-dialog", dialog)
    dialog.accept()
    yield Until(lambda: gate.last_slip is not None, "the slip")
    referral = gate.referrals.referrals[0]
    demo.say_text("referred to the doctor", ticket=referral.ticket, slip=gate.last_slip)
    yield from demo.shot("airport-status-referred")
    if demo.shots is not None:
        place = SlipPlace("Almaty International Airport", "Gate 5 · KC 921", "Terminal 1, level 2")
        image = slip_image(referral, place, desk.languages)
        image.save(str(demo.next_shot("airport-referral-slip")))

    def in_the_room() -> bool:
        return any(r.id == referral.id for r in room.referrals)

    yield Until(in_the_room, "the referral in the doctor room", timeout=30)
    room.table.selectRow(0)
    room.note.setText("Negative PCR this morning; may board")
    yield from demo.shot("doctor-room", doctor.screens.staff)
    room.cleared_button.click()  # shown back to the doctor: it counts once confirmed
    yield Until(lambda: room.confirm_dialog is not None, "the doctor's confirmation")
    confirm = room.confirm_dialog
    assert confirm is not None
    yield from demo.shot("doctor-confirms", confirm)
    confirm.confirm_button.click()

    def cleared_at_the_gate() -> bool:
        return any(
            r.id == referral.id and r.state is ReferralState.RESOLVED
            for r in gate.referrals.referrals
        )

    yield Until(cleared_at_the_gate, "the doctor's outcome at the gate", timeout=30)
    demo.say_text("the doctor cleared the passenger", ticket=referral.ticket)
    desk.staff.tabs.setCurrentWidget(gate.referrals)
    yield from demo.shot("airport-referrals", desk.staff)
    desk.staff.tabs.setCurrentIndex(0)

    demo.clock.skip(20 * 60)  # the doctor's check took a while: past the re-scan window
    demo.show(demo.pass_for(passenger))
    boarding = yield NextDecision()
    demo.say("the passenger again at the gate", boarding)
    assert boarding.outcome is Outcome.ADMIT and boarding.provenance is Provenance.DOCTOR
    yield from demo.shot("airport-status-cleared")
    demo.camera.clear()
    yield from gate_opens(demo, boarding)
    yield from gate_closes(demo, boarding, "the passenger")
    demo.say_text("end of the airport demo")
