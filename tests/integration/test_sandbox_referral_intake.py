"""Doctor referrals through `POST /v1/events`: opened, resolved, validated, stored once.

Uploads go through the `http` fixture (answers checked against docs/api.yaml)
with the venue's doctor room's token, which may resolve; what the sandbox
stored is read from its service. Who else may not: test_referral_abuse.py.
"""

from __future__ import annotations

import sqlite3
import time
import uuid
from pathlib import Path
from typing import Any

import pytest

from kiosk.referrals.values import RESOLUTION_LIFETIME, ReferralState
from sandbox.db import SandboxDb
from sandbox.schema import MIGRATIONS, SCHEMA_VERSION
from sandbox.server import SandboxServer
from sandbox.service import SandboxService
from tests.integration.sandbox_fixtures import (
    DEMO_IIN,
    DOCTOR_TOKEN,
    VENUE_BIN,
    ApiContract,
    SandboxHttp,
    new_event,
    referral_opened,
    referral_resolved,
)

YELLOW = DEMO_IIN["yellow"]


def _post(http: SandboxHttp, *events: dict[str, Any]) -> dict[str, Any]:
    response = http.post("/v1/events", json={"events": list(events)}, token=DOCTOR_TOKEN)
    assert response.status_code == 200, response.text
    body: dict[str, Any] = response.json()
    return body


def _stored_ids(http: SandboxHttp) -> list[str]:
    return [e["id"] for e in http.get("/v1/sandbox/events").json()["events"]]


def test_an_opened_referral_is_stored_open_with_what_the_desk_sent(
    http: SandboxHttp, sandbox: SandboxServer
) -> None:
    check_in = new_event(iin=YELLOW, decision="deny")
    opened = referral_opened(
        iin=YELLOW,
        occurred_at=time.time() - 60,
        note="says the PCR was negative",
        name="Нурсултан Т.",
        check_in=check_in["id"],
    )
    assert _post(http, check_in, opened)["accepted"] == [check_in["id"], opened["id"]]
    [referral] = sandbox.service.referrals(VENUE_BIN).referrals
    data = opened["data"]
    assert referral.id == data["referral_id"] != opened["id"]
    assert referral.state is ReferralState.OPEN
    assert (referral.venue_bin, referral.entrance, referral.desk) == (
        VENUE_BIN,
        "boarding",
        "gate-3",
    )
    assert referral.opened_at == pytest.approx(time.time() - 60, abs=5)
    assert (referral.iin, referral.masked_id, referral.name) == (
        YELLOW,
        data["masked_id"],
        "Нурсултан Т.",
    )
    assert (referral.ticket, referral.status_shown, referral.provenance, referral.reason) == (
        "D-042",
        "yellow",
        "pass",
        "yellow",
    )
    assert (referral.note, referral.check_in) == ("says the PCR was negative", check_in["id"])
    assert referral.outcome is referral.resolved_at is referral.valid_until is None


def test_the_same_referral_opened_again_changes_nothing(
    http: SandboxHttp, sandbox: SandboxServer
) -> None:
    first = referral_opened(ticket="D-001")
    again = referral_opened(first["data"]["referral_id"], ticket="D-999", desk="gate-9")
    assert _post(http, first)["accepted"] == [first["id"]]
    assert _post(http, first)["duplicate"] == [first["id"]]  # the same event: as always
    assert _post(http, again)["accepted"] == [again["id"]]  # another event: stored, no effect
    [referral] = sandbox.service.referrals(VENUE_BIN).referrals
    assert (referral.ticket, referral.desk) == ("D-001", "gate-3")


def test_a_resolution_event_resolves_with_the_doctors_desk_and_time(
    http: SandboxHttp, sandbox: SandboxServer
) -> None:
    opened = referral_opened(occurred_at=time.time() - 600)
    referral_id = opened["data"]["referral_id"]
    resolved_at = time.time() - 60
    resolved = referral_resolved(referral_id, "cleared", occurred_at=resolved_at, ticket="D-042")
    assert _post(http, opened, resolved)["accepted"] == [opened["id"], resolved["id"]]
    referral = sandbox.service.referral(referral_id)
    assert referral is not None and referral.state is ReferralState.RESOLVED
    assert (referral.outcome, referral.resolution_note) == ("cleared", resolved["data"]["note"])
    assert (referral.resolved_by_entrance, referral.resolved_by_desk) == ("medical", "doctor")
    assert referral.resolved_at == pytest.approx(resolved_at, abs=0.001)
    assert referral.valid_until == pytest.approx(resolved_at + RESOLUTION_LIFETIME, abs=0.001)
    assert referral.resolution_id == resolved["id"]
    assert _post(http, resolved)["duplicate"] == [resolved["id"]]


def test_a_confirmed_denial_holds_as_long_as_a_clearance(
    http: SandboxHttp, sandbox: SandboxServer
) -> None:
    opened = referral_opened(reason="red", status_shown="red")
    resolved = referral_resolved(opened["data"]["referral_id"], "confirmed", note="")
    _post(http, opened, resolved)
    referral = sandbox.service.referral(opened["data"]["referral_id"])
    assert referral is not None and referral.resolved_at is not None
    assert (referral.outcome, referral.resolution_note) == ("confirmed", "")
    assert referral.valid_until == referral.resolved_at + 12 * 3600


def test_the_first_resolution_wins_and_the_second_is_rejected(
    http: SandboxHttp, sandbox: SandboxServer
) -> None:
    opened = referral_opened()
    referral_id = opened["data"]["referral_id"]
    first = referral_resolved(referral_id, "confirmed")
    second = referral_resolved(referral_id, "cleared", desk="doctor-2")
    answer = _post(http, opened, first, second)
    assert answer["accepted"] == [opened["id"], first["id"]]
    assert answer["rejected"] == [{"id": second["id"], "reason": "already_resolved", "index": 2}]
    assert second["id"] not in _stored_ids(http)
    referral = sandbox.service.referral(referral_id)
    assert referral is not None and (referral.outcome, referral.resolved_by_desk) == (
        "confirmed",
        "doctor",
    )
    # sent again, it is judged again: still refused, not a duplicate
    assert _post(http, second)["rejected"][0]["reason"] == "already_resolved"


def test_a_resolution_of_an_unknown_referral_is_rejected(http: SandboxHttp) -> None:
    good = new_event()
    stray = referral_resolved(str(uuid.uuid4()))
    answer = _post(http, stray, good)
    assert answer["accepted"] == [good["id"]]
    assert answer["rejected"] == [{"id": stray["id"], "reason": "unknown_referral", "index": 0}]
    assert _stored_ids(http) == [good["id"]]


def test_rejections_keep_the_batch_order(http: SandboxHttp) -> None:
    stray = referral_resolved(str(uuid.uuid4()))
    bad = new_event() | {"type": "entry"}
    answer = _post(http, new_event(), stray, bad)
    assert [(r["index"], r["reason"]) for r in answer["rejected"]] == [
        (1, "unknown_referral"),
        (2, "bad_type"),
    ]


def _without(event: dict[str, Any], name: str) -> dict[str, Any]:
    return event | {"data": {k: v for k, v in event["data"].items() if k != name}}


def _with(event: dict[str, Any], **data: Any) -> dict[str, Any]:
    return event | {"data": event["data"] | data}


_RID = str(uuid.uuid4())
BAD_EVENTS: list[tuple[dict[str, Any], str]] = [
    (referral_opened(iin=None), "missing_field:iin"),
    (_without(referral_opened(), "referral_id"), "missing_field:data.referral_id"),
    (_without(referral_opened(), "masked_id"), "missing_field:data.masked_id"),
    (_without(referral_opened(), "status_shown"), "missing_field:data.status_shown"),
    (referral_opened("R-1"), "bad_field:data.referral_id"),
    (referral_opened(ticket=""), "bad_field:data.ticket"),
    (referral_opened(ticket="D-" + "0" * 15), "bad_field:data.ticket"),
    (referral_opened(status_shown="purple"), "bad_field:data.status_shown"),
    (referral_opened(provenance="rumour"), "bad_field:data.provenance"),
    (referral_opened(reason="bored"), "bad_field:data.reason"),
    (referral_opened(reason=["red"]), "bad_field:data.reason"),
    (referral_opened(masked_id=""), "bad_field:data.masked_id"),
    (referral_opened(note="x" * 501), "bad_field:data.note"),
    (referral_opened(name=7), "bad_field:data.name"),
    (referral_opened(check_in="yesterday"), "bad_field:data.check_in"),
    (_without(referral_resolved(_RID), "note"), "missing_field:data.note"),
    (_without(referral_resolved(_RID), "outcome"), "missing_field:data.outcome"),
    (referral_resolved("not-a-uuid"), "bad_field:data.referral_id"),
    (referral_resolved(_RID, "corrected"), "bad_field:data.outcome"),
    (referral_resolved(_RID, note=None), "bad_field:data.note"),
    (referral_resolved(_RID, note="x" * 501), "bad_field:data.note"),
    (referral_resolved(_RID, ticket=""), "bad_field:data.ticket"),
]


@pytest.mark.parametrize(("event", "reason"), BAD_EVENTS, ids=[r for _, r in BAD_EVENTS])
def test_bad_referral_events_are_rejected_with_a_reason(
    http: SandboxHttp, event: dict[str, Any], reason: str
) -> None:
    answer = _post(http, event)
    assert answer["rejected"] == [{"id": event["id"], "reason": reason, "index": 0}]


@pytest.mark.parametrize(("event", "reason"), BAD_EVENTS, ids=[r for _, r in BAD_EVENTS])
def test_the_request_schema_refuses_them_too(
    api_contract: ApiContract, event: dict[str, Any], reason: str
) -> None:
    with pytest.raises(AssertionError):
        api_contract.check_request("/v1/events", "post", {"events": [event]})


def test_good_referral_events_fit_the_request_schema(api_contract: ApiContract) -> None:
    events = [
        referral_opened(),
        referral_opened(status_shown=None, provenance="unverified", reason="unverified"),
        referral_opened(note="", name="Әсем Қ.", check_in=str(uuid.uuid4())),
        referral_resolved(_RID, "confirmed", note="", ticket="D-042"),
    ]
    api_contract.check_request("/v1/events", "post", {"events": events})


def test_a_version_1_file_is_upgraded_keeping_its_events(tmp_path: Path) -> None:
    path = tmp_path / "old.sqlite3"
    SandboxDb(path, migrations=MIGRATIONS[:1]).close()  # what the previous sandbox made
    with sqlite3.connect(path) as conn:
        assert conn.execute("PRAGMA user_version").fetchone()[0] == 1
        conn.execute(
            "INSERT INTO events (id, type, venue_bin, entrance, desk, occurred_at, received_at, "
            "iin, data) VALUES ('e1', 'check_in', ?, 'main', '1', 1, 1, ?, '{}')",
            (VENUE_BIN, YELLOW),
        )
    conn.close()

    service = SandboxService.open(path)
    try:
        assert service.events(None, limit=10)[0].id == "e1"
        opened = referral_opened()
        assert service.intake([opened]).accepted == [opened["id"]]
        assert [r.id for r in service.referrals(VENUE_BIN).referrals] == [
            opened["data"]["referral_id"]
        ]
    finally:
        service.close()
    with sqlite3.connect(path) as conn:
        assert conn.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION == 2
    conn.close()


def test_a_file_from_a_newer_sandbox_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "new.sqlite3"
    conn = sqlite3.connect(path)
    conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 1}")
    conn.close()
    with pytest.raises(RuntimeError, match="newer"):
        SandboxDb(path)
