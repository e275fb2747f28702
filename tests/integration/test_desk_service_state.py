"""A running desk against the sandbox, with the service going away and coming
back behind the fault proxy: the header follows the last call within 2 s (a
sync pass that sends nothing, or waits out its pause, does not say "online"),
and what waited is sent at once when the service answers again. Two visitors
asked about while offline are answered in turn; when the service later says
they are red, each is reported to the sanitary service, and staff are alerted
about the one let in only."""

from __future__ import annotations

import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

from app.context import app_for
from app.desk import RunningDesk, build_desk
from config.settings import parse_settings
from kiosk.decision import Decision
from kiosk.news import QuestionEnd, ServiceState, StaffQuestion
from kiosk.policy import Outcome
from kiosk.storage.alerts import AlertKind
from kiosk.vocabulary import Method, StaffAnswer
from sandbox.server import SandboxServer
from tests.integration.faultproxy import Fault, FaultProxy
from tests.integration.sandbox_fixtures import VENUE_BIN, SandboxHttp, wait_until
from tests.integration.test_desk_online import sample_iin
from tests.unit.test_desk import Heard

HEADER_LAG = 2.0


@dataclass
class Desk:
    running: RunningDesk
    heard: Heard

    @property
    def controller(self) -> Any:
        return self.running.controller

    def header(self) -> ServiceState:
        told = self.heard.of("service_changed")
        return told[-1][0] if told else ServiceState()

    def onlines(self) -> list[bool | None]:
        return [state.online for (state,) in self.heard.of("service_changed")]

    def scan(self, iin: str) -> Decision:
        before = len(self.heard.of("decision_shown"))
        self.controller.submit(iin, Method.SCANNER)
        wait_until(lambda: len(self.heard.of("decision_shown")) > before, timeout=10)
        decision: Decision = self.heard.of("decision_shown")[-1][0]
        return decision

    def shown_question(self) -> StaffQuestion:
        question: StaffQuestion = self.heard.of("question_asked")[-1][0]
        return question


@pytest.fixture
def desk_on(tmp_path: Path) -> Iterator[Callable[..., Desk]]:
    started: list[RunningDesk] = []

    def start(url: str, **screens: Any) -> Desk:
        settings = parse_settings(
            {
                "venue": {"bin": VENUE_BIN, "role": "entry", "rescan_window_s": 0},
                "service": {
                    "url": url,
                    "connect_timeout": 0.5,
                    "read_timeout": 2.0,
                    "status_deadline": 1.0,
                    "sync_interval": 0.2,
                },
                "camera": {"device": "none"},
                "screens": screens,
            }
        )
        app = app_for(settings, tmp_path / f"kiosk-{len(started)}")
        heard = Heard()
        running = build_desk(app, [heard], camera=False)
        started.append(running)
        running.start()
        assert running.controller.wait_ready()
        return Desk(running, heard)

    yield start
    for running in started:
        running.stop()


def test_the_header_follows_the_last_call_and_the_queue_goes_when_the_service_is_back(
    fault_proxy: FaultProxy, desk_on: Callable[..., Desk]
) -> None:
    desk = desk_on(fault_proxy.url)
    wait_until(lambda: desk.header().online is True, timeout=10)  # the key fetch answered
    # and the occupancy poll after it: no call of the first round is still on its way
    wait_until(lambda: [s for (s,) in desk.heard.of("occupancy_changed") if s.venue is not None])

    # The service goes away: it answers 503 and asks for a minute's quiet (what a
    # long outage's backoff comes to).
    fault_proxy.set(Fault.respond(503, retry_after="60"))
    asked = desk.scan(sample_iin(1))  # its lookup finds out
    assert asked.outcome is Outcome.ASK_STAFF
    wait_until(lambda: desk.header().online is False, timeout=HEADER_LAG)
    told = len(desk.heard.of("service_changed"))
    left_at = time.monotonic()
    wait_until(lambda: time.monotonic() - left_at > 1.0, timeout=5)  # sync passes, nothing to send
    assert True not in desk.onlines()[told - 1 :], "said online while the service was gone"

    desk.controller.answer(asked.id, StaffAnswer.ADMIT, "aigerim")
    wait_until(lambda: desk.header().pending == 1, timeout=10)  # its sync was refused: paused
    assert desk.header().online is False

    fault_proxy.set(Fault.forward())  # back
    back = desk.scan(sample_iin(2))
    back_at = time.monotonic()
    assert back.outcome is Outcome.ADMIT
    wait_until(lambda: desk.header().online is True, timeout=HEADER_LAG)
    wait_until(lambda: desk.header().pending == 0, timeout=HEADER_LAG)  # sent at once
    assert time.monotonic() - back_at < HEADER_LAG + 0.5
    told = len(desk.heard.of("service_changed"))
    wait_until(lambda: time.monotonic() - back_at > HEADER_LAG, timeout=5)
    assert False not in desk.onlines()[told - 1 :], "said offline once it was back"


def test_visitors_asked_about_offline_are_answered_in_turn_all_reported_one_alerted(
    sandbox: SandboxServer,
    http: SandboxHttp,
    fault_proxy: FaultProxy,
    desk_on: Callable[..., Desk],
) -> None:
    first, second, third = sample_iin(11), sample_iin(12), sample_iin(13)
    desk = desk_on(fault_proxy.url, question_timeout_s=1.0)
    wait_until(lambda: desk.header().online is True, timeout=10)
    fault_proxy.set(Fault.reset())

    asked_first = desk.scan(first)
    asked_second = desk.scan(second)
    assert desk.shown_question().id == asked_first.id and desk.shown_question().waiting == 1
    desk.controller.answer(asked_first.id, StaffAnswer.ADMIT, "aigerim")
    wait_until(lambda: desk.shown_question().id == asked_second.id, timeout=5)
    assert desk.shown_question().waiting == 0
    wait_until(lambda: len(desk.heard.of("question_closed")) == 2, timeout=10)  # timed out
    ends = {qid: (end, d.outcome) for qid, end, d in desk.heard.of("question_closed")}
    assert ends[asked_first.id] == (QuestionEnd.ANSWERED, Outcome.ADMIT)
    assert ends[asked_second.id] == (QuestionEnd.TIMED_OUT, Outcome.ASK_STAFF)
    asked_third = desk.scan(third)
    desk.controller.answer(asked_third.id, StaffAnswer.REFUSE, "aigerim")
    wait_until(lambda: len(desk.heard.of("question_closed")) == 3, timeout=5)

    for iin in (first, second, third):
        assert http.put(f"/v1/sandbox/people/{iin}", json={"status": "red"}).ok
    fault_proxy.set(Fault.forward())
    desk.running.worker.send_now()
    wait_until(lambda: desk.header().pending == 0 and desk.header().online, timeout=15)

    def retroactive() -> list[Any]:
        return [a for (a,) in desk.heard.of("alert_raised") if a.kind is AlertKind.RETROACTIVE_RED]

    wait_until(retroactive, timeout=5)
    retro = retroactive()
    assert [a.payload.check_in for a in retro] == [asked_first.id]
    wait_until(lambda: desk.header().pending == 0, timeout=15)  # the reports went too
    reports = [e for e in sandbox.service.events(VENUE_BIN, limit=1000) if e.type == "red_report"]
    visits = (asked_first, asked_second, asked_third)
    assert sorted(r.data["check_in"] for r in reports) == sorted(v.id for v in visits)
