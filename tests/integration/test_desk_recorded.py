"""A running desk against the sandbox tells each recorded entry and exit once,
after its commit, and that is the event the service then receives: a scan let
in online, one let in by staff while the service is away (told at the answer,
not at the scan), a staff check-out; nothing for a visitor refused."""

from __future__ import annotations

from collections.abc import Callable

from kiosk.decision import Direction
from kiosk.news import Recorded
from kiosk.policy import Outcome
from kiosk.vocabulary import Method, StaffAnswer
from sandbox.server import SandboxServer
from tests.integration.faultproxy import Fault, FaultProxy
from tests.integration.sandbox_fixtures import VENUE_BIN, wait_until
from tests.integration.test_desk_online import sample_iin
from tests.integration.test_desk_service_state import Desk, desk_on  # noqa: F401  (fixture)


def recorded(desk: Desk, what: str) -> list[Recorded]:
    return [told for (told,) in desk.heard.of(what)]


def test_entries_and_exits_are_told_once_after_the_commit_and_reach_the_service(
    sandbox: SandboxServer,
    fault_proxy: FaultProxy,
    desk_on: Callable[..., Desk],  # noqa: F811  (the fixture imported above)
) -> None:
    desk = desk_on(fault_proxy.url)
    wait_until(lambda: desk.header().online is True, timeout=10)

    admitted = desk.scan(sample_iin(21))
    assert admitted.outcome is Outcome.ADMIT
    wait_until(lambda: len(recorded(desk, "entry_recorded")) == 1, timeout=5)

    fault_proxy.set(Fault.reset())  # the service goes away: staff decide
    asked, refused = desk.scan(sample_iin(22)), desk.scan(sample_iin(23))
    assert asked.awaiting_staff and refused.awaiting_staff
    desk.controller.answer(asked.id, StaffAnswer.ADMIT, "aigerim")
    desk.controller.answer(refused.id, StaffAnswer.REFUSE, "aigerim")
    wait_until(lambda: len(desk.heard.of("question_closed")) == 2, timeout=5)
    desk.controller.check_out(sample_iin(21), Method.MANUAL)
    wait_until(lambda: len(recorded(desk, "exit_recorded")) == 1, timeout=5)

    first, let_in = recorded(desk, "entry_recorded")
    [left] = recorded(desk, "exit_recorded")
    assert first.event_id == admitted.event_ids[0] and first.decision == admitted
    assert let_in.event_id == asked.id and let_in.decision.staff is not None
    assert let_in.at >= let_in.decision.decided_at, "told at the answer, not at the scan"
    assert left.decision.direction is Direction.EXIT and left.at >= let_in.at

    fault_proxy.set(Fault.forward())
    desk.running.worker.send_now()
    wait_until(lambda: desk.header().pending == 0 and desk.header().online, timeout=15)
    delivered = {e.id: e.type for e in sandbox.service.events(VENUE_BIN, limit=1000)}
    for told in (first, let_in, left):
        assert all(event_id in delivered for event_id in told.event_ids)
    assert delivered[refused.id] == "check_in", "refused: recorded, never told as an entry"
    assert refused.id not in {r.event_id for r in recorded(desk, "entry_recorded")}
