"""The gate's events at the service: an annulled entry takes the person back out
of the venue's count, an annulled exit puts them back in, a staff open is
recorded; each is checked as docs/api.yaml describes it."""

from __future__ import annotations

import time
from typing import Any

import pytest

from sandbox.server import SandboxServer
from tests.integration.sandbox_fixtures import DEMO_IIN, ApiContract, SandboxHttp, new_event
from tests.integration.sandbox_fixtures import VENUE_BIN as VENUE

GREEN, BLUE = DEMO_IIN["green"], DEMO_IIN["blue"]


def post(http: SandboxHttp, *events: dict[str, Any]) -> dict[str, Any]:
    answer: dict[str, Any] = http.post("/v1/events", json={"events": list(events)}).json()
    return answer


def inside(http: SandboxHttp) -> int:
    count: int = http.get(f"/v1/venues/{VENUE}/occupancy").json()["inside"]
    return count


def presence(http: SandboxHttp, iin: str) -> dict[str, Any]:
    body: dict[str, Any] = http.get(f"/v1/venues/{VENUE}/presence/{iin}").json()
    return body


def test_an_annulled_entry_is_nobody_inside(http: SandboxHttp, api_contract: ApiContract) -> None:
    t0 = time.time() - 600
    entry = new_event(iin=GREEN, occurred_at=t0)
    other = new_event(iin=BLUE, occurred_at=t0 + 1)
    assert post(http, entry, other)["accepted"] == [entry["id"], other["id"]]
    assert inside(http) == 2

    annul = new_event("entry_annulled", iin=GREEN, occurred_at=t0 + 9, check_in=entry["id"])
    api_contract.validate("/components/schemas/Event", annul)
    assert post(http, annul)["accepted"] == [annul["id"]]

    assert inside(http) == 1
    assert presence(http, GREEN)["iin_inside"] is False
    assert presence(http, BLUE)["iin_inside"] is True
    again = post(http, annul)
    assert (again["accepted"], again["duplicate"]) == ([], [annul["id"]])
    assert inside(http) == 1


def test_an_annulled_second_entry_leaves_the_first_stay(http: SandboxHttp) -> None:
    t0 = time.time() - 3600
    first = new_event(iin=GREEN, occurred_at=t0)
    second = new_event(iin=GREEN, occurred_at=t0 + 1800, desk="2")  # a pass-back, let through
    annul = new_event(
        "entry_annulled", iin=None, occurred_at=t0 + 1810, desk="2", check_in=second["id"].upper()
    )
    post(http, first, second, annul)

    body = presence(http, GREEN)

    assert body["iin_inside"] is True and body["check_in"] == first["id"]
    assert inside(http) == 1


def test_an_annulled_exit_puts_the_person_back_inside(
    http: SandboxHttp, api_contract: ApiContract
) -> None:
    t0 = time.time() - 600
    entry = new_event(iin=GREEN, occurred_at=t0)
    leave = new_event("check_out", iin=GREEN, occurred_at=t0 + 60, check_in=entry["id"])
    post(http, entry, leave)
    assert inside(http) == 0

    annul = new_event("exit_annulled", iin=GREEN, occurred_at=t0 + 70, check_out=leave["id"])
    api_contract.validate("/components/schemas/Event", annul)
    assert post(http, annul)["accepted"] == [annul["id"]]

    assert inside(http) == 1
    assert presence(http, GREEN)["check_in"] == entry["id"]


def test_an_annulment_at_another_venue_changes_nothing_here(http: SandboxHttp) -> None:
    entry = new_event(iin=GREEN)
    elsewhere = new_event(
        "entry_annulled", iin=None, venue_bin="990340012345", check_in=entry["id"]
    )
    assert post(http, entry, elsewhere)["accepted"] == [entry["id"], elsewhere["id"]]
    assert inside(http) == 1


def test_a_staff_open_is_recorded(
    http: SandboxHttp, api_contract: ApiContract, sandbox: SandboxServer
) -> None:
    opened = new_event(
        "gate_opened", iin=None, direction="entry", operator="Aigerim", reason="a delivery"
    )
    api_contract.validate("/components/schemas/Event", opened)

    assert post(http, opened)["accepted"] == [opened["id"]]
    [stored] = sandbox.service.events(VENUE, limit=10)
    assert (stored.id, stored.type) == (opened["id"], "gate_opened")
    assert stored.data == {"direction": "entry", "operator": "Aigerim", "reason": "a delivery"}
    assert inside(http) == 0


@pytest.mark.parametrize(
    ("event", "reason"),
    [
        (new_event("entry_annulled", iin=None), "missing_field:data.check_in"),
        (new_event("entry_annulled", iin=None, check_in="entry-1"), "bad_field:data.check_in"),
        (new_event("exit_annulled", iin=None, check_in=None), "missing_field:data.check_out"),
        (new_event("exit_annulled", iin=None, check_out=7), "bad_field:data.check_out"),
        (
            new_event("gate_opened", iin=None, direction="entry", operator="Aigerim"),
            "missing_field:data.reason",
        ),
        (
            new_event("gate_opened", iin=None, direction="up", operator="A", reason="r"),
            "bad_field:data.direction",
        ),
        (
            new_event("gate_opened", iin=None, direction="exit", operator="", reason="r"),
            "bad_field:data.operator",
        ),
        (
            new_event("gate_opened", iin=None, direction="exit", operator="A", reason="x" * 501),
            "bad_field:data.reason",
        ),
    ],
)
def test_a_malformed_gate_event_is_rejected_as_the_contract_says(
    http: SandboxHttp, api_contract: ApiContract, event: dict[str, Any], reason: str
) -> None:
    answer = post(http, event)

    assert answer["rejected"] == [{"index": 0, "id": event["id"], "reason": reason}]
    with pytest.raises(AssertionError):
        api_contract.validate("/components/schemas/Event", event)
