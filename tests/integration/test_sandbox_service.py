"""The sandbox over HTTP: statuses, people, passes, keys, intake, occupancy.

Every answer here goes through the `http` fixture, which checks it against
docs/api.yaml.
"""

from __future__ import annotations

import re
import time
from collections.abc import Callable
from typing import Any

import pytest

from kiosk.iin import is_valid_iin
from kiosk.passes import PassProblem, PassRejected, TrustList, verify_pass
from kiosk.status import Status
from kiosk.wiretime import parse_time
from sandbox.people import DEMO_PEOPLE
from sandbox.server import SandboxServer
from tests.fakes import FakeClock, clock_within_today
from tests.integration.sandbox_fixtures import (
    DEMO_IIN,
    OTHER_VENUE_BIN,
    VENUE_BIN,
    ApiContract,
    SandboxHttp,
    checked_session,
    new_event,
)

DAY = 86_400
UNKNOWN_IIN = "000101500011"  # valid, never seeded


def _post(http: SandboxHttp, events: list[dict[str, Any]]) -> dict[str, Any]:
    response = http.post("/v1/events", json={"events": events})
    assert response.status_code == 200, response.text
    body: dict[str, Any] = response.json()
    return body


def _trust(http: SandboxHttp) -> TrustList:
    return TrustList.from_jwks(http.get("/v1/keys").json())


# --- people and statuses ------------------------------------------------------


def test_the_documented_demo_people_are_seeded(http: SandboxHttp) -> None:
    people = http.get("/v1/sandbox/people").json()["people"]
    seeded = {(p["iin"], p["name"], p["status"]) for p in people if p["demo"]}
    assert seeded == {(p.iin, p.name, p.status.value) for p in DEMO_PEOPLE}
    assert {p.status for p in DEMO_PEOPLE} == set(Status)
    for person in DEMO_PEOPLE:
        assert is_valid_iin(person.iin)
        assert re.fullmatch(r"\w+ \w\.", person.name), person.name


def test_the_demo_iins_are_stable() -> None:
    # docs/sandbox.md and demos name these numbers
    assert [p.iin for p in DEMO_PEOPLE] == [
        "850314310249",
        "920702420485",
        "781130330716",
        "010519640963",
        "690108351201",
        "900925461441",
        "831212371681",
        "560403481920",
    ]


@pytest.mark.parametrize("person", DEMO_PEOPLE, ids=lambda p: f"{p.status}-{p.iin}")
def test_status_lookup_of_each_demo_person(http: SandboxHttp, person: Any) -> None:
    before = time.time()
    body = http.get(f"/v1/status/{person.iin}").json()
    assert body["iin"] == person.iin
    assert body["status"] == person.status.value
    checked_at = parse_time(body["checked_at"])
    assert checked_at is not None and before - 1 <= checked_at <= time.time() + 1
    if person.status is Status.BLUE:
        assert body["valid_until"] is None
    else:
        assert parse_time(body["valid_until"]) is not None


def test_an_unknown_person_is_blue(http: SandboxHttp) -> None:
    body = http.get(f"/v1/status/{UNKNOWN_IIN}").json()
    assert (body["status"], body["valid_until"]) == ("blue", None)


@pytest.mark.parametrize("iin", ["850314310248", "12345", "85031431024x", "851314310249"])
def test_a_bad_iin_is_a_400_problem(http: SandboxHttp, iin: str) -> None:
    response = http.get(f"/v1/status/{iin}")
    assert response.status_code == 400
    assert response.headers["Content-Type"] == "application/problem+json"
    assert response.json()["code"] == "invalid_iin"


@pytest.mark.parametrize(("status", "days"), [("green", 3), ("yellow", 14), ("red", 14)])
def test_setting_a_status_derives_valid_until(http: SandboxHttp, status: str, days: int) -> None:
    person = http.put(f"/v1/sandbox/people/{UNKNOWN_IIN}", json={"status": status}).json()
    assert person["status"] == status
    until = parse_time(person["valid_until"])
    assert until is not None and abs(until - (time.time() + days * DAY)) < 5
    looked_up = http.get(f"/v1/status/{UNKNOWN_IIN}").json()
    assert (looked_up["status"], looked_up["valid_until"]) == (status, person["valid_until"])


def test_setting_blue_clears_valid_until_and_keeps_the_name(http: SandboxHttp) -> None:
    iin = DEMO_IIN["red"]
    person = http.put(f"/v1/sandbox/people/{iin}", json={"status": "blue"}).json()
    assert (person["status"], person["valid_until"], person["name"]) == ("blue", None, "Арман Б.")
    assert http.get(f"/v1/sandbox/people/{iin}").json() == person


@pytest.mark.parametrize(
    "body", [{"status": "purple"}, {}, {"status": "red", "name": 7}, ["red"], {"status": None}]
)
def test_a_bad_person_update_is_refused(http: SandboxHttp, body: object) -> None:
    assert http.put(f"/v1/sandbox/people/{UNKNOWN_IIN}", json=body).status_code == 400


def test_an_unknown_person_is_404_in_the_sandbox_listing(http: SandboxHttp) -> None:
    response = http.get(f"/v1/sandbox/people/{UNKNOWN_IIN}")
    assert (response.status_code, response.json()["code"]) == (404, "unknown_person")


def test_a_status_lapses_to_blue(sandbox_factory: Callable[..., SandboxServer]) -> None:
    clock = clock_within_today()
    server = sandbox_factory(clock=clock)
    green = DEMO_IIN["green"]
    assert server.service.status_of(green).status is Status.GREEN
    clock.advance(3 * DAY + 1)
    assert server.service.status_of(green).status is Status.BLUE
    assert server.service.status_of(green).valid_until is None


def test_a_lapsed_demo_person_gets_their_status_back_at_start(
    sandbox_factory: Callable[..., SandboxServer],
) -> None:
    clock = clock_within_today()
    server = sandbox_factory(clock=clock)
    red, green = DEMO_IIN["red"], DEMO_IIN["green"]
    server.service.set_status(green, Status.RED)
    clock.advance(15 * DAY)
    server.stop()
    server.start()
    assert server.service.status_of(red).status is Status.RED  # renewed: it had lapsed
    assert server.service.status_of(green).status is Status.GREEN


def test_statuses_set_through_the_api_survive_a_restart(
    sandbox: SandboxServer, http: SandboxHttp
) -> None:
    http.put(f"/v1/sandbox/people/{DEMO_IIN['green']}", json={"status": "red"})
    sandbox.stop()
    sandbox.start()
    assert http.get(f"/v1/status/{DEMO_IIN['green']}").json()["status"] == "red"


# --- passes and keys ------------------------------------------------------------


def test_an_issued_pass_verifies_with_the_served_keys(http: SandboxHttp) -> None:
    issued = http.post("/v1/sandbox/passes", json={"iin": DEMO_IIN["yellow"]}).json()
    visitor = verify_pass(issued["pass"], _trust(http), now=time.time())
    assert (visitor.iin, visitor.status, visitor.name) == (
        DEMO_IIN["yellow"],
        Status.YELLOW,
        "Нурсултан Т.",
    )
    assert visitor.kid == issued["kid"]
    assert visitor.expires_at - visitor.issued_at == 300
    assert parse_time(issued["expires_at"]) == visitor.expires_at
    assert visitor.status_valid_until is not None


def test_a_pass_with_a_status_sets_it_first(http: SandboxHttp) -> None:
    issued = http.post("/v1/sandbox/passes", json={"iin": UNKNOWN_IIN, "status": "red"}).json()
    assert issued["status"] == "red"
    assert verify_pass(issued["pass"], _trust(http), now=time.time()).status is Status.RED
    assert http.get(f"/v1/status/{UNKNOWN_IIN}").json()["status"] == "red"


def test_a_back_dated_pass_is_expired(http: SandboxHttp) -> None:
    body = {"iin": DEMO_IIN["green"], "issued_at": "2026-01-01T00:00:00.000Z", "lifetime": 60}
    issued = http.post("/v1/sandbox/passes", json=body).json()
    with pytest.raises(PassRejected) as caught:
        verify_pass(issued["pass"], _trust(http), now=time.time())
    assert caught.value.problem is PassProblem.EXPIRED


@pytest.mark.parametrize(
    "body",
    [
        {},
        {"iin": "850314310248"},
        {"iin": DEMO_IIN["green"], "status": "pink"},
        {"iin": DEMO_IIN["green"], "lifetime": 0},
        {"iin": DEMO_IIN["green"], "lifetime": True},
        {"iin": DEMO_IIN["green"], "issued_at": "yesterday"},
    ],
)
def test_a_bad_pass_request_is_refused(http: SandboxHttp, body: dict[str, Any]) -> None:
    assert http.post("/v1/sandbox/passes", json=body).status_code == 400


def test_key_rotation_keeps_the_previous_key_only(http: SandboxHttp) -> None:
    first = http.post("/v1/sandbox/passes", json={"iin": DEMO_IIN["green"]}).json()
    rotated = http.post("/v1/sandbox/keys/rotate").json()
    keys = http.get("/v1/keys").json()["keys"]
    assert [k["kid"] for k in keys] == [rotated["current"], first["kid"]]
    assert rotated["keys"] == keys
    second = http.post("/v1/sandbox/passes", json={"iin": DEMO_IIN["green"]}).json()
    assert second["kid"] == rotated["current"]
    trust, now = _trust(http), time.time()
    assert verify_pass(first["pass"], trust, now=now).kid == first["kid"]  # previous-key window
    assert verify_pass(second["pass"], trust, now=now).kid == second["kid"]

    http.post("/v1/sandbox/keys/rotate")
    trust = _trust(http)
    assert len(trust) == 2 and first["kid"] not in trust.kids
    with pytest.raises(PassRejected) as caught:
        verify_pass(first["pass"], trust, now=now)
    assert caught.value.problem is PassProblem.UNKNOWN_KEY
    assert verify_pass(second["pass"], trust, now=now).kid == second["kid"]


def test_the_signing_key_is_kept_across_restarts(sandbox: SandboxServer, http: SandboxHttp) -> None:
    before = http.get("/v1/keys").json()
    sandbox.stop()
    sandbox.start()
    assert http.get("/v1/keys").json() == before


# --- event intake -----------------------------------------------------------------


def test_a_batch_is_stored_once_however_often_it_is_sent(http: SandboxHttp) -> None:
    batch = [new_event(desk=str(n % 3)) for n in range(20)]
    first = _post(http, batch)
    assert first["accepted"] == [e["id"] for e in batch]
    assert (first["duplicate"], first["rejected"]) == ([], [])
    second = _post(http, batch)
    assert second["accepted"] == [] and second["duplicate"] == [e["id"] for e in batch]
    listed = http.get(f"/v1/sandbox/events?venue={VENUE_BIN}").json()["events"]
    assert sorted(e["id"] for e in listed) == sorted(e["id"] for e in batch)


def test_the_answer_says_when_the_service_stored_the_batch(
    sandbox_factory: Callable[..., SandboxServer], api_contract: ApiContract
) -> None:
    clock = FakeClock(1_795_317_000.0)  # 2026-11-22T03:10:00Z
    server = sandbox_factory(clock=clock)
    with checked_session(api_contract) as session:
        http = SandboxHttp(server.url, session)
        event = new_event(occurred_at=clock.now() - 3600)  # an hour late: the kiosk's time
        assert _post(http, [event])["received_at"] == "2026-11-22T03:10:00.000Z"
        clock.advance(90)
        assert _post(http, [event])["received_at"] == "2026-11-22T03:11:30.000Z"  # the replay's
        listed = http.get("/v1/sandbox/events").json()["events"]
    assert [(e["occurred_at"], e["received_at"]) for e in listed] == [
        (event["occurred_at"], "2026-11-22T03:10:00.000Z")
    ]


def test_an_id_repeated_inside_a_batch_is_a_duplicate(http: SandboxHttp) -> None:
    event = new_event()
    upper = event | {"id": event["id"].upper()}
    answer = _post(http, [event, event, upper])
    assert answer["accepted"] == [event["id"]]
    assert answer["duplicate"] == [event["id"], upper["id"]]


def test_a_mixed_batch_stores_the_good_and_names_the_bad(http: SandboxHttp) -> None:
    good = [new_event(), new_event("check_out", automatic=True), new_event("red_report")]
    bad: list[tuple[Any, str]] = [
        (new_event() | {"type": "entry"}, "bad_type"),
        (new_event() | {"id": "1234"}, "bad_id"),
        (new_event() | {"venue_bin": "12345678901"}, "bad_venue_bin"),
        (new_event() | {"iin": "850314310248"}, "bad_iin:checksum"),
        (new_event() | {"occurred_at": "2026-02-30T10:00:00.000Z"}, "bad_occurred_at"),
        ({k: v for k, v in new_event().items() if k != "desk"}, "missing_field:desk"),
        (new_event() | {"data": []}, "bad_field:data"),
        (new_event(provenance="rumour"), "bad_field:data.provenance"),
        (new_event() | {"type": ["check_in"]}, "bad_type"),
        ("not an event", "not_an_object"),
    ]
    batch = [good[0], *(b for b, _ in bad[:5]), good[1], *(b for b, _ in bad[5:]), good[2]]
    answer = _post(http, batch)
    assert answer["accepted"] == [e["id"] for e in good]
    assert [r["reason"] for r in answer["rejected"]] == [reason for _, reason in bad]
    assert answer["rejected"][-1]["id"] is None
    assert [r["index"] for r in answer["rejected"]] == [1, 2, 3, 4, 5, 7, 8, 9, 10, 11]
    assert len(http.get("/v1/sandbox/events").json()["events"]) == 3


def test_statuses_come_back_for_each_check_in_with_an_iin(http: SandboxHttp) -> None:
    red = new_event(iin=DEMO_IIN["red"], decision="ask_staff", provenance="unverified")
    blue_unknown = new_event(iin=UNKNOWN_IIN)
    anonymous = new_event(iin=None)
    exit_ = new_event("check_out", iin=DEMO_IIN["red"])
    stored_before = new_event(iin=DEMO_IIN["yellow"])
    _post(http, [stored_before])
    answer = _post(http, [red, blue_unknown, anonymous, exit_, stored_before])
    assert set(answer["statuses"]) == {red["id"], blue_unknown["id"], stored_before["id"]}
    assert answer["statuses"][red["id"]]["status"] == "red"
    assert answer["statuses"][blue_unknown["id"]] == {"status": "blue", "valid_until": None}
    assert answer["statuses"][stored_before["id"]]["status"] == "yellow"


def test_event_listing_pages_filters_and_masks(http: SandboxHttp) -> None:
    here = [new_event(desk="7") for _ in range(5)]
    there = [new_event(venue_bin=OTHER_VENUE_BIN) for _ in range(2)]
    _post(http, here + there)
    page = http.get(f"/v1/sandbox/events?venue={VENUE_BIN}&limit=3").json()
    assert [e["id"] for e in page["events"]] == [e["id"] for e in here[:3]]
    rest = http.get(f"/v1/sandbox/events?venue={VENUE_BIN}&after={page['next_after']}").json()
    assert [e["id"] for e in rest["events"]] == [e["id"] for e in here[3:]]
    listed = page["events"][0]
    assert listed["iin_masked"] == "••••••••" + DEMO_IIN["green"][-4:]
    assert DEMO_IIN["green"] not in str(page)
    assert listed["occurred_at"] == here[0]["occurred_at"]
    assert listed["data"] == here[0]["data"]
    for query in ("venue=123", "limit=0", "limit=10001", "after=-1", "after=" + "9" * 30):
        assert http.get(f"/v1/sandbox/events?{query}").status_code == 400


def test_event_times_with_other_offsets_are_normalised(http: SandboxHttp) -> None:
    event = new_event() | {"occurred_at": "2026-11-22T09:10:00.5+06:00"}
    assert _post(http, [event])["accepted"] == [event["id"]]
    listed = http.get("/v1/sandbox/events").json()["events"]
    assert listed[0]["occurred_at"] == "2026-11-22T03:10:00.500Z"


# --- occupancy --------------------------------------------------------------------


def test_occupancy_is_summed_over_all_desks_in_time_order(http: SandboxHttp) -> None:
    t0 = time.time() - 3600
    a, b, c, d, e = (p.iin for p in DEMO_PEOPLE[:5])
    events = [
        new_event(iin=a, desk="1", occurred_at=t0),
        new_event(iin=b, desk="1", occurred_at=t0 + 1),
        new_event(iin=c, desk="1", occurred_at=t0 + 2),
        new_event(iin=d, entrance="north", desk="2", occurred_at=t0 + 3),
        new_event(iin=e, desk="1", occurred_at=t0 + 4, decision="deny"),
        new_event("check_out", iin=a, entrance="north", desk="2", occurred_at=t0 + 10),
        new_event(iin=a, entrance="north", desk="2", occurred_at=t0 + 20),  # back again
        new_event("check_out", iin=b, desk="1", occurred_at=t0 + 30, automatic=True),
        new_event("check_out", iin=e, desk="1", occurred_at=t0 + 31),  # never inside
        new_event(venue_bin=OTHER_VENUE_BIN, iin=b, occurred_at=t0 + 40),
    ]
    _post(http, events[:5])
    # a late upload from the north desk: its events count at their own times
    _post(http, events[5:])
    body = http.get(f"/v1/venues/{VENUE_BIN}/occupancy").json()
    assert body["venue"] == VENUE_BIN
    assert body["inside"] == 3  # a (north/2), c (main/1), d (north/2)
    assert body["desks"] == {"main/1": 1, "north/2": 2}
    assert sum(body["desks"].values()) == body["inside"]
    other = http.get(f"/v1/venues/{OTHER_VENUE_BIN}/occupancy").json()
    assert (other["inside"], other["desks"]) == (1, {"main/1": 1})


def test_an_exit_uploaded_before_its_entry_still_counts_in_time_order(
    http: SandboxHttp,
) -> None:
    t0 = time.time() - 600
    entry = new_event(iin=DEMO_IIN["green"], occurred_at=t0)
    leave = new_event("check_out", iin=DEMO_IIN["green"], desk="2", occurred_at=t0 + 60)
    _post(http, [leave])
    _post(http, [entry])
    body = http.get(f"/v1/venues/{VENUE_BIN}/occupancy").json()
    assert body["inside"] == 0 and body["desks"] == {"main/1": 0, "main/2": 0}


def test_occupancy_of_an_unknown_venue_is_zero_and_a_bad_id_is_400(http: SandboxHttp) -> None:
    body = http.get("/v1/venues/999999999999/occupancy").json()
    assert (body["inside"], body["desks"]) == (0, {})
    assert http.get("/v1/venues/not-a-bin/occupancy").status_code == 400
