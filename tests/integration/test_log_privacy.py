"""The log file after a day at the desk holds one line per decision and never an
IIN or a pass: the terminal desk as a process against the sandbox, with the
network's own debug lines on (the HTTP library writes every URL it asks, and a
status look-up's URL holds the IIN), passes and bare IINs, bad codes with an
IIN inside, the service going away for a while and coming back."""

from __future__ import annotations

import os
import re
from pathlib import Path

import pytest

from kiosk.iin import is_valid_iin
from sandbox.server import SandboxServer
from tests.breakage import people
from tests.integration.sandbox_fixtures import DEMO_IIN, SandboxHttp
from tests.integration.terminal_process import TerminalDesk, desk_config

DIGIT_RUN = re.compile(r"\d{12,}")


def iins_in(text: str) -> list[str]:
    """Every 12 consecutive digits in *text* that make a valid IIN."""
    found = []
    for run in DIGIT_RUN.findall(text):
        found += [run[i : i + 12] for i in range(len(run) - 11) if is_valid_iin(run[i : i + 12])]
    return found


def recorded_unverified(desk: TerminalDesk) -> list[str]:
    """Visits asked of staff while offline and recorded (after the question timed out)."""
    return [
        event
        for line in desk.decisions
        if line["provenance"] == "unverified"
        for event in line["event_ids"]
    ]


@pytest.mark.slow
def test_a_days_log_has_every_decision_and_no_iin_or_pass(
    tmp_path: Path, sandbox: SandboxServer, http: SandboxHttp, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("ASHYQ_KIOSK_LOG_LEVEL", "DEBUG")  # a support session: the most it logs
    config = desk_config(
        tmp_path / "desk.toml",
        sandbox.url,
        more='[screens]\nquestion_timeout_s = 1\n[policy]\nunverified = "staff_decides"\n',
    )
    passes = [
        http.post("/v1/sandbox/passes", json={"iin": iin}).json()["pass"]
        for iin in DEMO_IIN.values()
    ]
    morning = [
        *passes,
        *people(12, first=5_000),
        f"XX{DEMO_IIN['green']}YY",  # not a code, with an IIN inside
        passes[0][:-6] + "AAAAAA",  # a forged signature
        "hello",
        DEMO_IIN["red"],
    ]
    desk = TerminalDesk(config, tmp_path / "data")
    try:
        desk.send(morning)
        desk.until(lambda: len(desk.decisions) >= len(morning))
        sandbox.stop()  # the service goes away
        afternoon = people(6, first=9_000)
        desk.send(afternoon)
        desk.until(lambda: len(recorded_unverified(desk)) >= len(afternoon), timeout=60)
        desk.send([], close=True)
        assert desk.end() == 0, desk.said[-5:]
    finally:
        desk.close()

    log = Path(os.environ["XDG_STATE_HOME"]) / "ashyq-kiosk" / "log" / "kiosk.log"
    text = log.read_text(encoding="utf-8")
    assert "GET /v1/" in text  # the HTTP library's own lines are in it…
    assert iins_in(text) == []  # …and no IIN in any of them
    assert "eyJ" not in text
    recorded = {event for line in desk.decisions for event in line["event_ids"]}
    assert recorded
    logged = set(re.findall(r"event_ids=([0-9a-f,-]+)", text))
    logged_ids = {event for group in logged for event in group.split(",")}
    assert recorded <= logged_ids, recorded - logged_ids  # one line per decision recorded
    assert "service offline" in text
