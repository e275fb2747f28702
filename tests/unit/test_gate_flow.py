"""The keeper and a real driver together, as the desk will hold them: decisions
from the desk flow, the Modbus TCP driver on its thread, pymodbus's server as
the I/O module, the driver's reports handed over through the inbox."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from hardware.gate.factory import GateConfig, make_gate
from hardware.gate.standin import StandInModule
from hardware.gate.wiring import GateDriver
from kiosk.decision import Decision
from kiosk.desksettings import DeskSettings
from kiosk.events import DeskIdentity
from kiosk.gate.inbox import GateInbox
from kiosk.gate.keeper import GateKeeper, GateRules
from kiosk.gate.port import Gate
from kiosk.gate.values import (
    Annulment,
    GateReachable,
    GateUnreachable,
    NoOpen,
    NoOpenReason,
    NoPassage,
    OpenDropped,
    Opened,
    OpenRequest,
    Passed,
    Unconfirmed,
)
from kiosk.policy import Policy
from kiosk.reception import Reception
from kiosk.status import Status
from kiosk.storage.store import Store
from kiosk.vocabulary import Method
from shared.clock import SystemClock
from tests.fakes import BLUE_IIN, GREEN_IIN, YELLOW_IIN, FakeSource, PassIssuer
from tests.gate_peers import KeeperLoop, wait_until

COIL, SENSOR = 3, 2
RULES = GateRules(passage_timeout_s=1.0, open_within_s=2.0, settle_s=0.3)


@pytest.fixture
def desk(store: Store) -> Reception:
    source = FakeSource({GREEN_IIN: Status.GREEN, BLUE_IIN: Status.BLUE, YELLOW_IIN: Status.YELLOW})
    issuer = PassIssuer()
    settings = DeskSettings(desk=DeskIdentity("150340012345", "main", "desk-1"), policy=Policy())
    return Reception(settings, store, SystemClock(), lambda: issuer.trust, source)


@pytest.fixture
def flow(module: StandInModule) -> Iterator[KeeperLoop]:
    host, port = module.serve_tcp()
    inbox = GateInbox()
    config = GateConfig(
        driver="modbus-tcp", host=host, port=port, entry_coil=COIL,
        entry_passage_input=SENSOR, pulse_ms=200,
    )  # fmt: skip
    driver: GateDriver = make_gate(config, inbox)
    gate: Gate = driver  # the driver fits the domain's port
    loop = KeeperLoop(GateKeeper(gate, SystemClock(), RULES), inbox)
    driver.start()
    try:
        loop.until(lambda n: isinstance(n, GateReachable))
        yield loop
    finally:
        driver.stop()


def entered(flow: KeeperLoop, decision: Decision) -> OpenRequest | NoOpen:
    event_id = decision.event_ids[0] if decision.event_ids else ""  # a repeat records nothing
    return flow.keeper.entry_recorded(event_id, decision.decided_at, decision)


def test_an_admitted_entry_pulses_the_coil_once_and_nobody_walking_annuls_it(
    flow: KeeperLoop, module: StandInModule, desk: Reception
) -> None:
    admitted = desk.check(GREEN_IIN, Method.CAMERA)
    request = entered(flow, admitted)
    assert isinstance(request, OpenRequest)
    assert entered(flow, desk.check(YELLOW_IIN, Method.CAMERA)) == NoOpen(NoOpenReason.NOT_ADMITTED)
    assert entered(flow, desk.check(GREEN_IIN, Method.CAMERA)) == NoOpen(NoOpenReason.REPEAT)

    opened = flow.until(lambda n: isinstance(n, Opened))
    annulment = flow.until(lambda n: isinstance(n, Annulment))

    assert isinstance(opened, Opened) and opened.request == request
    assert isinstance(annulment, Annulment)
    assert annulment.event_id == admitted.event_ids[0]
    assert annulment.at - opened.at >= RULES.passage_timeout_s
    assert len(module.switched_on(COIL)) == 1


def test_a_visitor_who_walks_through_is_not_annulled(
    flow: KeeperLoop, module: StandInModule, desk: Reception
) -> None:
    request = entered(flow, desk.check(GREEN_IIN, Method.CAMERA))
    flow.until(lambda n: isinstance(n, Opened))

    module.walk_through(SENSOR, hold_s=0.2)
    passed = flow.until(lambda n: isinstance(n, Passed))
    with pytest.raises(AssertionError, match="no such news"):
        flow.until(lambda n: isinstance(n, Annulment | NoPassage), timeout=2.0)

    assert isinstance(passed, Passed) and passed.request == request


def test_the_module_unplugged_during_the_wait_raises_the_alert_and_annuls_nothing(
    flow: KeeperLoop, module: StandInModule, desk: Reception
) -> None:
    host, port = module.address
    request = entered(flow, desk.check(GREEN_IIN, Method.CAMERA))
    flow.until(lambda n: isinstance(n, Opened))

    module.stop()
    gone = flow.until(lambda n: isinstance(n, GateUnreachable))
    ended = flow.until(lambda n: isinstance(n, NoPassage | Annulment))
    module.serve_tcp(host, port)
    flow.until(lambda n: isinstance(n, GateReachable))

    assert isinstance(gone, GateUnreachable) and gone.detail
    assert ended == NoPassage(request, Unconfirmed.GATE_UNREACHABLE, ended.at)


def test_an_open_the_gate_cannot_take_in_time_is_dropped_and_never_sent(
    flow: KeeperLoop, module: StandInModule, desk: Reception
) -> None:
    host, port = module.address
    module.stop()
    flow.until(lambda n: isinstance(n, GateUnreachable))

    admitted = desk.check(BLUE_IIN, Method.CAMERA)
    request = entered(flow, admitted)
    dropped = flow.until(lambda n: isinstance(n, OpenDropped))
    module.serve_tcp(host, port)
    flow.until(lambda n: isinstance(n, GateReachable))
    requests = module.requests
    assert wait_until(lambda: module.requests >= requests + 10)

    assert isinstance(dropped, OpenDropped) and dropped.request == request
    assert dropped.at - request.requested_at <= RULES.open_within_s + 1.0
    assert module.switched_on(COIL) == []
