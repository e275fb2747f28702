"""Presence over HTTP: is one person inside the venue now, whichever desk let them in or out.

Every answer goes through the `http` fixture, which checks it against docs/api.yaml.
"""

from __future__ import annotations

import time
from typing import Any

import pytest

from kiosk.wiretime import parse_time
from sandbox.server import SandboxServer
from tests.integration.sandbox_fixtures import (
    DEMO_IIN,
    OTHER_VENUE_BIN,
    VENUE_BIN,
    SandboxHttp,
    new_event,
)

GREEN = DEMO_IIN["green"]


def _post(http: SandboxHttp, *events: dict[str, Any]) -> None:
    answer = http.post("/v1/events", json={"events": list(events)}).json()
    assert answer["accepted"] == [e["id"] for e in events], answer


def _presence(http: SandboxHttp, iin: str = GREEN, venue: str = VENUE_BIN) -> dict[str, Any]:
    response = http.get(f"/v1/venues/{venue}/presence/{iin}")
    assert response.status_code == 200, response.text
    body: dict[str, Any] = response.json()
    assert body["venue"] == venue
    return body


def _inside(http: SandboxHttp) -> int:
    count: int = http.get(f"/v1/venues/{VENUE_BIN}/occupancy").json()["inside"]
    return count


def test_entry_at_one_desk_and_exit_at_another(http: SandboxHttp) -> None:
    t0 = time.time() - 600
    entry = new_event(iin=GREEN, entrance="main", desk="A", occurred_at=t0)
    _post(http, entry)
    body = _presence(http)
    assert body["iin_inside"] is True
    assert (body["entrance"], body["desk"], body["check_in"]) == ("main", "A", entry["id"])
    assert body["entered_at"] == entry["occurred_at"]
    assert body["venue_inside"] == 1, "the venue's count comes with the answer"
    as_of = parse_time(body["as_of"])
    assert as_of is not None and abs(as_of - time.time()) < 5
    assert _inside(http) == 1

    # desk B learnt of the stay from presence, and names it
    leave = new_event(
        "check_out",
        iin=GREEN,
        entrance="north",
        desk="B",
        occurred_at=t0 + 60,
        check_in=entry["id"],
    )
    _post(http, leave)
    assert _presence(http) | {"as_of": None} == {
        "venue": VENUE_BIN,
        "iin_inside": False,
        "entered_at": None,
        "entrance": None,
        "desk": None,
        "check_in": None,
        "venue_inside": 0,
        "as_of": None,
    }
    assert _inside(http) == 0


def test_the_automatic_close_out_without_an_iin_ends_the_stay(http: SandboxHttp) -> None:
    entry = new_event(iin=GREEN, desk="A", occurred_at=time.time() - 600)
    _post(http, entry)
    assert _presence(http)["iin_inside"] is True
    _post(http, new_event("check_out", iin=None, desk="A", check_in=entry["id"], automatic=True))
    assert _presence(http)["iin_inside"] is False
    assert _inside(http) == 0


def test_an_exit_desk_whose_clock_is_behind_still_ends_the_stay_it_names(
    http: SandboxHttp,
) -> None:
    # Desk B's clock runs two minutes behind desk A's: its exit, a minute
    # after the entry, carries a time before the entry's.
    t0 = time.time() - 600
    entry = new_event(iin=GREEN, desk="A", occurred_at=t0)
    leave = new_event("check_out", iin=GREEN, desk="B", occurred_at=t0 - 60, check_in=entry["id"])
    _post(http, entry, leave)
    assert _presence(http)["iin_inside"] is False
    assert _inside(http) == 0


def test_an_exit_that_names_no_entry_pairs_in_time_order_only(http: SandboxHttp) -> None:
    t0 = time.time() - 600
    _post(http, new_event(iin=GREEN, desk="A", occurred_at=t0))
    _post(http, new_event("check_out", iin=GREEN, desk="B", occurred_at=t0 - 60))
    assert _presence(http)["iin_inside"] is True  # the exit seems to come first


def test_back_again_after_an_exit_is_inside_on_the_new_entry(http: SandboxHttp) -> None:
    t0 = time.time() - 600
    first = new_event(iin=GREEN, desk="A", occurred_at=t0)
    leave = new_event("check_out", iin=GREEN, desk="B", occurred_at=t0 + 60, check_in=first["id"])
    again = new_event(iin=GREEN, entrance="north", desk="C", occurred_at=t0 + 120)
    _post(http, again)  # uploaded first: the events count at their own times
    _post(http, first, leave)
    body = _presence(http)
    assert (body["iin_inside"], body["check_in"], body["desk"]) == (True, again["id"], "C")


def test_a_refused_entry_is_not_inside_and_other_venues_do_not_count(http: SandboxHttp) -> None:
    red = DEMO_IIN["red"]
    _post(
        http,
        new_event(iin=red, decision="deny"),
        new_event(iin=GREEN, venue_bin=OTHER_VENUE_BIN),
    )
    assert _presence(http, red)["iin_inside"] is False
    assert _presence(http, GREEN)["iin_inside"] is False
    assert _presence(http, GREEN, OTHER_VENUE_BIN)["iin_inside"] is True


def test_someone_never_seen_is_not_inside(http: SandboxHttp) -> None:
    assert _presence(http, DEMO_IIN["blue"], "999999999999")["iin_inside"] is False


@pytest.mark.parametrize(
    ("path", "code"),
    [
        (f"/v1/venues/12345/presence/{GREEN}", "bad_venue"),
        (f"/v1/venues/{VENUE_BIN}/presence/850314310248", "bad_iin"),
        (f"/v1/venues/{VENUE_BIN}/presence/12345", "bad_iin"),
    ],
)
def test_a_bad_bin_or_iin_is_a_400_problem(http: SandboxHttp, path: str, code: str) -> None:
    response = http.get(path)
    assert response.status_code == 400
    assert response.headers["Content-Type"] == "application/problem+json"
    assert response.json()["code"] == code


def test_the_service_answers_presence_without_http(
    sandbox: SandboxServer, http: SandboxHttp
) -> None:
    entry = new_event(iin=GREEN, desk="A")
    _post(http, entry)
    found = sandbox.service.presence(VENUE_BIN, GREEN)
    assert found.inside and found.stay is not None
    assert (found.stay.check_in, found.stay.desk) == (entry["id"], "A")
    assert not sandbox.service.presence(VENUE_BIN, DEMO_IIN["red"]).inside
