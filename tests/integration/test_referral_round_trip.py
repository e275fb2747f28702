"""A referral's whole trip between two running kiosks of one airport: a boarding
desk and the doctor room, each with its own data folder, desk controller and
network thread, over real HTTP to the sandbox on loopback.

open at the desk → the doctor room's sync brings it → the doctor resolves →
the desk's sync brings the outcome → the passenger's next scan uses it.
Then the same with each side offline for a while: queued, delivered later,
each event stored once by the service.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

from app.context import app_for
from app.desk import RunningDesk, build_desk
from config.settings import parse_settings
from kiosk.decision import Decision, Flag
from kiosk.policy import Outcome
from kiosk.referrals.values import Referral, ReferralOutcome, ReferralReason, ReferralState
from kiosk.status import Provenance, Status
from kiosk.storage.alerts import AlertKind
from kiosk.vocabulary import Method
from sandbox.devices import DEMO_AIRPORT_BIN, DEMO_DOCTOR
from sandbox.server import SandboxServer
from tests.integration.faultproxy import Fault, FaultProxy
from tests.integration.sandbox_fixtures import DEMO_IIN, wait_until
from tests.unit.test_desk import Heard

AIRPORT = DEMO_AIRPORT_BIN
PASSENGER = DEMO_IIN["yellow"]


@dataclass
class Kiosk:
    """One running kiosk of the airport and what its desk told."""

    desk: RunningDesk
    heard: Heard

    @property
    def controller(self) -> Any:
        return self.desk.controller

    def told(self, name: str) -> list[tuple[Any, ...]]:
        return list(self.heard.of(name))

    def scan(self, iin: str) -> Decision:
        before = len(self.told("decision_shown"))
        self.controller.submit(iin, Method.MANUAL)
        wait_until(lambda: len(self.told("decision_shown")) > before, timeout=10)
        decision: Decision = self.told("decision_shown")[-1][0]
        return decision

    def referrals(self) -> tuple[Referral, ...]:
        told = self.told("referrals_changed")
        return told[-1][0] if told else ()

    def knows(self, referral_id: str, state: ReferralState) -> bool:
        return any(r.id == referral_id and r.state is state for r in self.referrals())

    def pending(self) -> int:
        states = self.told("service_changed")
        return states[-1][0].pending if states else -1


@pytest.fixture
def airport(tmp_path: Path) -> Iterator[Callable[..., Kiosk]]:
    """`airport(url, name, prefix, **venue)`: a started kiosk of the airport in its own
    folder; a doctor room has the airport's doctor-room token."""
    running: list[RunningDesk] = []

    def start(url: str, name: str, prefix: str = "", **venue: Any) -> Kiosk:
        settings = parse_settings(
            {
                "venue": {
                    "bin": AIRPORT,
                    "mode": "boarding",
                    "rescan_window_s": 0,
                    "entrance": "gate-7",
                    "desk": name,
                    **venue,
                },
                "service": {
                    "url": url,
                    "token": DEMO_DOCTOR.token if venue.get("role") == "doctor" else "demo",
                    "connect_timeout": 0.5,
                    "read_timeout": 2.0,
                    "status_deadline": 1.0,
                    "sync_interval": 0.2,
                },
                "camera": {"device": "none"},
                "boarding": {"ticket_prefix": prefix},
            }
        )
        folder = tmp_path / name
        app = app_for(settings, folder)
        heard = Heard()
        desk = build_desk(app, [heard], camera=False)
        running.append(desk)
        desk.start()
        assert desk.controller.wait_ready()
        return Kiosk(desk, heard)

    yield start
    for desk in running:
        desk.stop()


def stored(sandbox: SandboxServer, type_: str) -> list[Any]:
    return [e for e in sandbox.service.events(AIRPORT, limit=10_000) if e.type == type_]


def refer(desk: Kiosk) -> Referral:
    denied = desk.scan(PASSENGER)
    assert (denied.outcome, denied.status) == (Outcome.DENY, Status.YELLOW)
    assert denied.offer_referral
    desk.controller.open_referral(denied.id, ReferralReason.YELLOW, "says the PCR was negative")
    wait_until(lambda: desk.told("referral_opened"), timeout=10)
    referral: Referral = desk.told("referral_opened")[-1][0]
    assert referral.ticket == "G7-001" and referral.check_in == denied.id
    return referral


@pytest.mark.parametrize("outcome", [ReferralOutcome.CLEARED, ReferralOutcome.CONFIRMED])
def test_open_at_the_desk_resolve_in_the_doctor_room_and_the_next_scan_uses_it(
    outcome: ReferralOutcome, sandbox: SandboxServer, airport: Callable[..., Kiosk]
) -> None:
    desk = airport(sandbox.url, "boarding-7a", "G7", role="entry")
    doctor = airport(sandbox.url, "doctor", entrance="medical", role="doctor")

    referral = refer(desk)
    wait_until(lambda: doctor.knows(referral.id, ReferralState.OPEN), timeout=10)
    [seen] = [r for r in doctor.referrals() if r.id == referral.id]
    assert (seen.ticket, seen.masked_id, seen.desk, seen.mine) == (
        referral.ticket,
        referral.masked_id,
        "boarding-7a",
        False,
    )

    doctor.controller.resolve_referral(referral.id, outcome, "seen by the doctor", "dr. Seitkali")
    wait_until(lambda: doctor.told("referral_resolved"), timeout=10)
    wait_until(lambda: desk.knows(referral.id, ReferralState.RESOLVED), timeout=10)
    [(learnt,)] = desk.told("referral_resolved")
    assert learnt.outcome is outcome and learnt.resolved_by == "medical/doctor"
    assert learnt.valid_until is not None
    alerts = [a for (a,) in desk.told("alert_raised") if a.kind is AlertKind.REFERRAL_RESOLVED]
    assert [a.payload.outcome for a in alerts] == [outcome.value]

    again = desk.scan(PASSENGER)
    if outcome is ReferralOutcome.CLEARED:
        assert (again.outcome, again.provenance) == (Outcome.ADMIT, Provenance.DOCTOR)
        assert again.referral_id == referral.id
    else:
        assert again.outcome is Outcome.DENY and Flag.DOCTOR_CONFIRMED in again.flags
        assert not again.offer_referral
    check_in: list[Any] = []
    wait_until(
        lambda: (
            check_in.extend(e for e in stored(sandbox, "check_in") if e.id in again.event_ids)
            or check_in
        ),
        timeout=10,
    )
    if outcome is ReferralOutcome.CLEARED:
        assert check_in[0].data["referral"] == referral.id
        assert check_in[0].data["provenance"] == "doctor"
    assert len(stored(sandbox, "referral_opened")) == 1
    assert len(stored(sandbox, "referral_resolved")) == 1
    [kept] = sandbox.service.referrals(AIRPORT).referrals
    assert (kept.outcome, kept.resolved_by_desk) == (outcome.value, "doctor")


def test_either_side_offline_for_a_while_loses_nothing_and_applies_nothing_twice(
    sandbox: SandboxServer, airport: Callable[..., Kiosk]
) -> None:
    desk_line = FaultProxy(sandbox.url).start()
    doctor_line = FaultProxy(sandbox.url).start()
    try:
        desk = airport(desk_line.url, "boarding-7a", "G7", role="entry")
        doctor = airport(doctor_line.url, "doctor", entrance="medical", role="doctor")
        denied = desk.scan(PASSENGER)  # online: the live status

        # The desk's line is down: the referral is recorded and queued.
        desk_line.set(Fault.reset())
        desk.controller.open_referral(denied.id, ReferralReason.STATUS_WRONG, "offline")
        wait_until(lambda: desk.told("referral_opened"), timeout=10)
        referral: Referral = desk.told("referral_opened")[-1][0]
        wait_until(lambda: desk.pending() >= 1, timeout=10)
        assert not referral.delivered and not doctor.knows(referral.id, ReferralState.OPEN)
        assert stored(sandbox, "referral_opened") == []
        desk_line.set(Fault.forward())
        desk.desk.worker.send_now()
        wait_until(lambda: doctor.knows(referral.id, ReferralState.OPEN), timeout=15)

        # Now the doctor room's line is down: its resolution waits in its outbox.
        doctor_line.set(Fault.reset())
        doctor.controller.resolve_referral(referral.id, ReferralOutcome.CLEARED, "ok", "dr")
        wait_until(lambda: doctor.pending() >= 1, timeout=10)
        assert stored(sandbox, "referral_resolved") == []
        assert desk.scan(PASSENGER).outcome is Outcome.DENY, "the desk does not know yet"
        doctor_line.set(Fault.forward())
        doctor.desk.worker.send_now()
        wait_until(lambda: desk.knows(referral.id, ReferralState.RESOLVED), timeout=15)

        boarding = desk.scan(PASSENGER)
        assert (boarding.outcome, boarding.provenance, boarding.referral_id) == (
            Outcome.ADMIT,
            Provenance.DOCTOR,
            referral.id,
        )
        wait_until(lambda: [e for e in stored(sandbox, "check_in") if e.id == boarding.id])
        # Replays after the outages changed nothing: each event once, one resolution.
        events = sandbox.service.events(AIRPORT, limit=10_000)
        assert len({e.id for e in events}) == len(events)
        assert [e.data["referral_id"] for e in stored(sandbox, "referral_opened")] == [referral.id]
        assert len(stored(sandbox, "referral_resolved")) == 1
        assert [r.outcome for r in sandbox.service.referrals(AIRPORT).referrals] == ["cleared"]
        assert not [a for (a,) in doctor.told("alert_raised") if a.kind.value == "dead_letter"]
    finally:
        desk_line.stop()
        doctor_line.stop()
