"""The kiosk's ApiClient against the sandbox: answers become values, errors become ApiErrors."""

from __future__ import annotations

import time
from collections.abc import Callable

import pytest

from kiosk.passes import TrustList, verify_pass
from kiosk.service.api import ApiClient, parse_retry_after
from kiosk.service.errors import DeviceNotRegistered, PermanentError, TransientError
from kiosk.service.wire import BatchResult, KnownStatus, StatusAnswer
from kiosk.status import Status
from kiosk.wiretime import format_time, parse_time
from sandbox.server import SandboxServer
from tests.integration.sandbox_fixtures import DEMO_IIN, VENUE_BIN, checked_session, new_event


def test_get_status_gives_a_typed_answer(api_client: ApiClient) -> None:
    answer = api_client.get_status(DEMO_IIN["red"])
    assert isinstance(answer, StatusAnswer)
    assert (answer.iin, answer.status) == (DEMO_IIN["red"], Status.RED)
    assert answer.valid_until is not None and answer.valid_until > time.time() + 13 * 86_400
    assert abs(answer.checked_at - time.time()) < 5
    blue = api_client.get_status(DEMO_IIN["blue"], deadline=1.0)
    assert (blue.status, blue.valid_until) == (Status.BLUE, None)


def test_post_events_gives_a_typed_batch_result(api_client: ApiClient) -> None:
    check_in = new_event(iin=DEMO_IIN["yellow"])
    bad = new_event() | {"venue_bin": "x"}
    leave = new_event("check_out", automatic=True)
    before = time.time()
    first = api_client.post_events([check_in, bad, leave])
    assert isinstance(first, BatchResult)
    assert first.received_at is not None and before - 1 <= first.received_at <= time.time() + 1
    assert first.accepted == (check_in["id"], leave["id"])
    assert first.rejected == ((bad["id"], "bad_venue_bin"),)
    assert dict(first.statuses) == {
        check_in["id"]: KnownStatus(Status.YELLOW, first.statuses[check_in["id"]].valid_until)
    }
    again = api_client.post_events([check_in, leave])
    assert (again.accepted, again.duplicate) == ((), (check_in["id"], leave["id"]))
    assert again.statuses[check_in["id"]].status is Status.YELLOW


def test_get_keys_builds_a_trust_list_that_verifies_passes(
    api_client: ApiClient, sandbox: SandboxServer
) -> None:
    trust = TrustList.from_jwks(api_client.get_keys())
    issued = sandbox.service.issue_pass(DEMO_IIN["green"])
    assert verify_pass(issued.text, trust, now=time.time()).status is Status.GREEN


def test_get_occupancy(api_client: ApiClient) -> None:
    api_client.post_events([new_event(desk="1"), new_event(iin=DEMO_IIN["blue"], desk="2")])
    occupancy = api_client.get_occupancy(VENUE_BIN)
    assert (occupancy.inside, occupancy.venue) == (2, VENUE_BIN)
    assert dict(occupancy.desks) == {"main/1": 1, "main/2": 1}
    assert abs(occupancy.as_of - time.time()) < 5


def test_clock_skew_is_near_zero_against_a_true_clock(api_client: ApiClient) -> None:
    assert api_client.clock_skew is None
    api_client.get_keys()
    assert api_client.clock_skew is not None and abs(api_client.clock_skew) < 1.5


def test_a_bad_iin_is_a_permanent_error_with_the_problem(api_client: ApiClient) -> None:
    with pytest.raises(PermanentError) as caught:
        api_client.get_status("850314310248")
    assert caught.value.status == 400
    assert caught.value.code == "invalid_iin"
    assert caught.value.detail == "not a valid IIN: checksum"
    assert not isinstance(caught.value, DeviceNotRegistered)


def test_501_events_are_a_permanent_error(api_client: ApiClient) -> None:
    with pytest.raises(PermanentError) as caught:
        api_client.post_events([new_event() for _ in range(501)])
    assert (caught.value.status, caught.value.code) == (413, "batch_too_large")


def test_events_that_are_not_json_are_a_permanent_error(api_client: ApiClient) -> None:
    with pytest.raises(PermanentError):
        api_client.post_events([new_event() | {"data": {"x": float("nan")}}])
    with pytest.raises(PermanentError):
        api_client.post_events([new_event() | {"data": {"x": object()}}])


def test_an_unknown_token_is_device_not_registered(
    sandbox: SandboxServer, make_client: Callable[..., ApiClient]
) -> None:
    client = make_client(sandbox.url, token="stolen")
    for call in (
        lambda: client.get_status(DEMO_IIN["green"]),
        lambda: client.post_events([new_event()]),
        client.get_keys,
        lambda: client.get_occupancy(VENUE_BIN),
    ):
        with pytest.raises(DeviceNotRegistered) as caught:
            call()
        assert str(caught.value) == "this device is not registered"
        assert caught.value.status == 401


def test_a_bad_base_url_is_a_permanent_error(make_client: Callable[..., ApiClient]) -> None:
    with pytest.raises(PermanentError):
        make_client("127.0.0.1:8765").get_keys()


@pytest.mark.parametrize("token", ["токен", "demo\r\nX-Evil: 1"])
def test_a_token_http_cannot_carry_is_a_permanent_error(
    sandbox: SandboxServer, make_client: Callable[..., ApiClient], token: str
) -> None:
    with pytest.raises(PermanentError) as caught:
        make_client(sandbox.url, token=token).get_keys()
    assert not isinstance(caught.value, DeviceNotRegistered)


def test_a_trailing_slash_in_the_base_url_is_fine(
    sandbox: SandboxServer, make_client: Callable[..., ApiClient]
) -> None:
    client = make_client(sandbox.url + "/")
    assert client.get_status(DEMO_IIN["green"]).status is Status.GREEN


def test_a_client_closes_its_own_session_but_not_an_injected_one(sandbox: SandboxServer) -> None:
    with ApiClient(sandbox.url, "demo") as client:
        assert client.get_status(DEMO_IIN["green"]).status is Status.GREEN
    with checked_session(None) as session:
        with ApiClient(sandbox.url, "demo", session=session) as client:
            client.get_keys()
        answer = session.get(sandbox.url + "/v1/keys", headers={"Authorization": "Bearer demo"})
        assert answer.status_code == 200


@pytest.mark.parametrize(
    ("header", "server_date", "expected"),
    [
        ("7", None, 7.0),
        (" 120 ", None, 120.0),
        ("0", None, 0.0),
        ("99999999999", None, 3600.0),  # one cap: shared.backoff.MAX_RETRY_AFTER
        ("9" * 400, None, 3600.0),  # beyond a float: inf, capped the same
        ("0000000005", None, 5.0),  # RFC 9110 delta-seconds: leading zeros count for nothing
        ("\u0665", None, None),  # a digit, but not an ASCII one
        ("7200", None, 3600.0),
        ("Sun, 22 Nov 2026 03:10:30 GMT", None, 30.0),
        ("Sun, 22 Nov 2026 03:10:30 GMT", 1_795_317_020.0, 10.0),  # by the answer's Date
        ("Sun, 22 Nov 2026 03:09:00 GMT", None, 0.0),  # in the past: now
        ("soon", None, None),
        ("-5", None, None),
        ("1.5", None, None),
        (None, None, None),
    ],
)
def test_retry_after_parsing(
    header: str | None, server_date: float | None, expected: float | None
) -> None:
    now = 1_795_317_000.0  # Sun, 22 Nov 2026 03:10:00 GMT
    assert format_time(now) == "2026-11-22T03:10:00.000Z"
    assert parse_retry_after(header, now=now, server_date=server_date) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("2026-11-22T03:10:00.123Z", 1_795_317_000.123),
        ("2026-11-22T09:10:00+06:00", 1_795_317_000.0),
        ("2026-11-22t03:10:00z", 1_795_317_000.0),
        ("2026-11-22 03:10:00Z", None),
        ("2026-02-30T03:10:00Z", None),
        ("", None),
        (1_795_317_000, None),
    ],
)
def test_wire_times(text: object, expected: float | None) -> None:
    parsed = parse_time(text)
    assert parsed == pytest.approx(expected) if expected is not None else parsed is None


def test_transient_errors_carry_retry_after() -> None:
    error = TransientError("HTTP 503", retry_after=3.0, status=503)
    assert (error.retry_after, error.status, str(error)) == (3.0, 503, "HTTP 503")
