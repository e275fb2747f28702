"""Doctor referrals over HTTP: the venue's list, and the doctor's resolution endpoint.

Every answer goes through a session that checks it against docs/api.yaml.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable, Iterator
from typing import Any

import pytest

from kiosk.wiretime import format_time
from sandbox.referrals import Applied
from sandbox.server import SandboxServer
from tests.fakes import FakeClock
from tests.integration.sandbox_fixtures import (
    DEMO_IIN,
    DOCTOR_TOKEN,
    OTHER_VENUE_BIN,
    TOKEN,
    VENUE_BIN,
    ApiContract,
    SandboxHttp,
    checked_session,
    referral_opened,
    referral_resolved,
)

T0 = 1_795_317_000.0  # 2026-11-22T03:10:00Z
HOURS_12 = 12 * 3600


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock(T0)


@pytest.fixture
def server(sandbox_factory: Callable[..., SandboxServer], clock: FakeClock) -> SandboxServer:
    return sandbox_factory(clock=clock)


@pytest.fixture
def api(server: SandboxServer, api_contract: ApiContract) -> Iterator[SandboxHttp]:
    with checked_session(api_contract) as session:
        yield SandboxHttp(server.url, session)


def _post(api: SandboxHttp, *events: dict[str, Any], token: str = TOKEN) -> dict[str, Any]:
    response = api.post("/v1/events", json={"events": list(events)}, token=token)
    body: dict[str, Any] = response.json()
    return body


def _open(api: SandboxHttp, **options: Any) -> str:
    """A referral opened a minute before the service's clock, unless told when."""
    event = referral_opened(**{"occurred_at": T0 - 60, **options})
    assert _post(api, event)["accepted"] == [event["id"]]
    referral_id: str = event["data"]["referral_id"]
    return referral_id


def _list(api: SandboxHttp, query: str = "", venue: str = VENUE_BIN) -> dict[str, Any]:
    response = api.get(f"/v1/venues/{venue}/referrals{query}")
    assert response.status_code == 200, response.text
    body: dict[str, Any] = response.json()
    return body


def _ids(answer: dict[str, Any]) -> list[str]:
    return [r["id"] for r in answer["referrals"]]


def _resolve(api: SandboxHttp, referral_id: str, token: str = DOCTOR_TOKEN, **body: Any) -> Any:
    """The venue's doctor room resolves (unless *token* says who else tries)."""
    body = {"id": str(uuid.uuid4()), "outcome": "cleared", "note": "", **body}
    return api.post(f"/v1/referrals/{referral_id}/resolution", json=body, token=token)


def _problem(response: Any, status: int, code: str) -> dict[str, Any]:
    assert response.status_code == status, response.text
    assert response.headers["Content-Type"] == "application/problem+json"
    body: dict[str, Any] = response.json()
    assert body["code"] == code
    return body


# --- the list -------------------------------------------------------------------


def test_the_list_holds_referral_objects_in_the_order_opened(api: SandboxHttp) -> None:
    later = _open(api, occurred_at=T0 - 60, ticket="D-002", iin=DEMO_IIN["red"], reason="red")
    earlier = _open(
        api, occurred_at=T0 - 120, ticket="D-001", note="feels fine", name="Нурсултан Т."
    )
    _open(api, venue_bin=OTHER_VENUE_BIN)
    answer = _list(api)
    assert (answer["venue"], answer["as_of"]) == (VENUE_BIN, format_time(T0))
    assert _ids(answer) == [earlier, later]
    assert answer["referrals"][0] == {
        "id": earlier,
        "venue": VENUE_BIN,
        "ticket": "D-001",
        "state": "open",
        "iin": DEMO_IIN["yellow"],
        "masked_id": "••••••••" + DEMO_IIN["yellow"][-4:],
        "name": "Нурсултан Т.",
        "status_shown": "yellow",
        "provenance": "pass",
        "reason": "yellow",
        "note": "feels fine",
        "entrance": "boarding",
        "desk": "gate-3",
        "opened_at": format_time(T0 - 120),
        "check_in": None,
        "outcome": None,
        "resolution_note": None,
        "resolved_at": None,
        "resolved_by": None,
        "valid_until": None,
    }
    assert answer["referrals"][1]["note"] is None
    assert _ids(_list(api, venue=OTHER_VENUE_BIN)) != []
    assert _list(api, venue="999999999999")["referrals"] == []


def test_state_picks_open_or_resolved(api: SandboxHttp) -> None:
    still_open = _open(api, occurred_at=T0 - 20)
    done = _open(api, occurred_at=T0 - 10)
    assert _resolve(api, done).status_code == 200
    assert _ids(_list(api, "?state=open")) == [still_open]
    assert _ids(_list(api, "?state=resolved")) == [done]
    assert _ids(_list(api, "?state=all")) == _ids(_list(api)) == [still_open, done]


def test_since_brings_what_changed_for_an_incremental_pull(
    api: SandboxHttp, clock: FakeClock
) -> None:
    old = _open(api, occurred_at=T0 - 3600)
    to_resolve = _open(api, occurred_at=T0 - 1800)
    # `since` is inclusive: what changed at the very time of a pull comes again
    assert _ids(_list(api, f"?since={format_time(T0)}")) == [old, to_resolve]
    clock.advance(1)
    first = _list(api)
    clock.advance(60)
    assert _list(api, f"?since={first['as_of']}")["referrals"] == []

    fresh = _open(api, occurred_at=T0 + 30)
    _resolve(api, to_resolve, resolved_at=format_time(T0 + 40))
    # a desk that was offline for an hour uploads a referral it opened back then
    late = _open(api, occurred_at=T0 - 3000, desk="gate-9")
    clock.advance(1)
    second = _list(api, f"?since={first['as_of']}")
    assert _ids(second) == [late, to_resolve, fresh]
    assert old not in _ids(second)

    clock.advance(60)
    assert _list(api, f"?since={second['as_of']}")["referrals"] == []
    # any RFC 3339 offset will do (a "+" in a query is percent-encoded: a bare one is a space)
    assert _ids(_list(api, "?since=2026-11-22T09:10:35%2B06:00")) == [late, to_resolve, fresh]


def test_limit_caps_the_list(api: SandboxHttp) -> None:
    opened = [_open(api, occurred_at=T0 - 100 + n) for n in range(5)]
    assert _ids(_list(api, "?limit=2")) == opened[:2]
    assert _ids(_list(api, "?limit=10000")) == opened


@pytest.mark.parametrize(
    ("path", "code"),
    [
        ("/v1/venues/12345/referrals", "bad_venue"),
        (f"/v1/venues/{VENUE_BIN}/referrals?state=closed", "bad_query"),
        (f"/v1/venues/{VENUE_BIN}/referrals?since=yesterday", "bad_query"),
        (f"/v1/venues/{VENUE_BIN}/referrals?since=2026-11-22", "bad_query"),
        (f"/v1/venues/{VENUE_BIN}/referrals?limit=0", "bad_query"),
        (f"/v1/venues/{VENUE_BIN}/referrals?limit=10001", "bad_query"),
    ],
)
def test_a_bad_list_request_is_a_400_problem(api: SandboxHttp, path: str, code: str) -> None:
    _problem(api.get(path), 400, code)


# --- the resolution -------------------------------------------------------------


def test_a_resolution_is_applied_and_answered_with_the_referral(
    api: SandboxHttp, clock: FakeClock
) -> None:
    referral_id = _open(api, occurred_at=T0 - 600)
    body = {
        "outcome": "cleared",
        "note": "PCR negative on 21 Nov",
        "resolved_at": "2026-11-22T09:09:00+06:00",
        "venue_bin": VENUE_BIN,
        "entrance": "medical",
        "desk": "doctor",
    }
    response = _resolve(api, referral_id, **body)
    assert response.status_code == 200, response.text
    referral = response.json()
    assert (referral["id"], referral["state"], referral["outcome"]) == (
        referral_id,
        "resolved",
        "cleared",
    )
    assert referral["resolution_note"] == "PCR negative on 21 Nov"
    assert referral["resolved_at"] == format_time(T0 - 60)
    assert referral["valid_until"] == format_time(T0 - 60 + HOURS_12)
    assert referral["resolved_by"] == {"venue": VENUE_BIN, "entrance": "medical", "desk": "doctor"}
    assert _list(api)["referrals"] == [referral]


def test_without_a_time_or_desk_the_service_time_is_used_and_only_the_venue_named(
    api: SandboxHttp,
) -> None:
    referral = _resolve(api, _open(api), outcome="confirmed").json()
    assert (referral["outcome"], referral["resolved_at"]) == ("confirmed", format_time(T0))
    assert referral["valid_until"] == format_time(T0 + HOURS_12)
    # the venue is the doctor room's own, from the service's registry
    assert referral["resolved_by"] == {"venue": VENUE_BIN, "entrance": None, "desk": None}


def test_the_same_resolution_again_is_a_replay(api: SandboxHttp, clock: FakeClock) -> None:
    referral_id = _open(api)
    resolution_id = str(uuid.uuid4())
    first = _resolve(api, referral_id, id=resolution_id, outcome="confirmed", note="red PCR")
    clock.advance(30)
    again = _resolve(api, referral_id, id=resolution_id.upper(), outcome="confirmed")
    assert (again.status_code, again.json()) == (200, first.json())
    # a replay is not applied again, whatever else its body says
    changed = _resolve(api, referral_id, id=resolution_id, outcome="cleared")
    assert (changed.status_code, changed.json()["outcome"]) == (200, "confirmed")


def test_another_resolution_is_a_409_that_says_who_won(api: SandboxHttp) -> None:
    referral_id = _open(api)
    winner = _resolve(api, referral_id, outcome="confirmed", desk="doctor-1").json()
    body = _problem(_resolve(api, referral_id, outcome="cleared"), 409, "already_resolved")
    assert "confirmed" in body["detail"] and winner["resolved_at"] in body["detail"]
    assert body["referral"] == winner
    assert _list(api)["referrals"] == [winner]


def test_a_resolution_event_then_the_endpoint_follow_one_rule(api: SandboxHttp) -> None:
    referral_id = _open(api)
    event = referral_resolved(referral_id, "confirmed", note="", occurred_at=T0 - 5)
    assert _post(api, event, token=DOCTOR_TOKEN)["accepted"] == [event["id"]]
    conflict = _problem(_resolve(api, referral_id, outcome="cleared"), 409, "already_resolved")
    assert conflict["referral"]["resolved_by"] == {
        "venue": VENUE_BIN,
        "entrance": "medical",
        "desk": "doctor",
    }
    # the outbox's event id is the resolution id: the same resolution again
    replay = _resolve(api, referral_id, id=event["id"], outcome="confirmed")
    assert (replay.status_code, replay.json()) == (200, conflict["referral"])


def test_the_endpoint_then_the_outbox_event_with_the_same_id(api: SandboxHttp) -> None:
    referral_id = _open(api)
    event = referral_resolved(referral_id, "cleared")
    online = _resolve(api, referral_id, id=event["id"], note=event["data"]["note"]).json()
    delivered = _post(api, event, token=DOCTOR_TOKEN)  # delivered, nothing changes
    assert delivered["accepted"] == [event["id"]]
    assert _list(api)["referrals"] == [online]
    other = referral_resolved(referral_id, "confirmed")
    assert _post(api, other, token=DOCTOR_TOKEN)["rejected"] == [
        {"id": other["id"], "reason": "already_resolved", "index": 0}
    ]


@pytest.mark.parametrize("referral_id", [str(uuid.uuid4()), "not-a-uuid"])
def test_an_unknown_referral_is_404(api: SandboxHttp, referral_id: str) -> None:
    _problem(_resolve(api, referral_id), 404, "unknown_referral")


@pytest.mark.parametrize(
    ("change", "code"),
    [
        ({"id": None}, "bad_body"),
        ({"id": "R-1"}, "bad_body"),
        ({"outcome": None}, "bad_outcome"),
        ({"outcome": "corrected"}, "bad_outcome"),
        ({"outcome": ["cleared"]}, "bad_outcome"),
        ({"note": None}, "bad_body"),
        ({"note": "x" * 501}, "bad_body"),
        ({"resolved_at": "now"}, "bad_body"),
        ({"venue_bin": "12345"}, "bad_body"),
        ({"entrance": ""}, "bad_body"),
        ({"desk": "d" * 65}, "bad_body"),
    ],
)
def test_a_bad_resolution_body_is_a_400_problem(
    api: SandboxHttp, change: dict[str, Any], code: str
) -> None:
    referral_id = _open(api)
    body = {"id": str(uuid.uuid4()), "outcome": "cleared", "note": ""} | change
    body = {k: v for k, v in body.items() if v is not None}
    response = api.post(f"/v1/referrals/{referral_id}/resolution", json=body)
    _problem(response, 400, code)
    assert _list(api)["referrals"][0]["state"] == "open"


@pytest.mark.parametrize(
    ("body", "code"), [(b"[]", "bad_body"), (b"{", "bad_json"), (b"", "bad_json")]
)
def test_a_resolution_body_that_is_no_object_is_400(
    api: SandboxHttp, body: bytes, code: str
) -> None:
    response = api.post(f"/v1/referrals/{uuid.uuid4()}/resolution", data=body)
    _problem(response, 400, code)


def test_a_resolution_body_over_1_mib_is_413(api: SandboxHttp) -> None:
    body = {"id": str(uuid.uuid4()), "outcome": "cleared", "note": "x" * (1 << 20)}
    _problem(_resolve(api, _open(api), **body), 413, "body_too_large")


# --- the service, without HTTP --------------------------------------------------


def test_the_service_resolves_and_lists_without_http(
    server: SandboxServer, api: SandboxHttp
) -> None:
    service = server.service
    referral_id = _open(api)
    resolution_id = str(uuid.uuid4())
    result = service.resolve_referral(
        referral_id, resolution_id=resolution_id, outcome="cleared", note="", desk="doctor"
    )
    assert result.applied is Applied.RESOLVED and result.referral is not None
    assert result.referral.valid_until == T0 + HOURS_12
    again = service.resolve_referral(
        referral_id, resolution_id=resolution_id, outcome="cleared", note=""
    )
    assert again.applied is Applied.REPLAYED
    other = service.resolve_referral(
        referral_id, resolution_id=str(uuid.uuid4()), outcome="confirmed", note=""
    )
    assert (other.applied, other.referral) == (Applied.CONFLICT, result.referral)
    unknown = service.resolve_referral(
        str(uuid.uuid4()), resolution_id=str(uuid.uuid4()), outcome="cleared", note=""
    )
    assert (unknown.applied, unknown.referral) == (Applied.UNKNOWN, None)
    with pytest.raises(ValueError):
        service.resolve_referral(referral_id, resolution_id="x", outcome="cleared", note="")
    with pytest.raises(ValueError):
        service.resolve_referral(
            referral_id, resolution_id=str(uuid.uuid4()), outcome="fixed", note=""
        )
    listed = service.referrals(VENUE_BIN, since=T0)
    assert [r.id for r in listed.referrals] == [referral_id]
    assert listed.as_of == T0
