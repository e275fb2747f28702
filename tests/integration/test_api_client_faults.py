"""Each network fault, through the fault proxy, becomes the right ApiError."""

from __future__ import annotations

import email.utils
import time
from collections.abc import Callable

import pytest

from kiosk.service.api import ApiClient
from kiosk.service.errors import DeviceNotRegistered, PermanentError, TransientError
from kiosk.status import Status
from sandbox.server import SandboxServer
from tests.integration.faultproxy import Fault, FaultProxy, free_port
from tests.integration.sandbox_fixtures import (
    DEMO_IIN,
    VENUE_BIN,
    SandboxHttp,
    checked_session,
    new_event,
)

MakeClient = Callable[..., ApiClient]


@pytest.fixture
def client(fault_proxy: FaultProxy, make_client: MakeClient) -> ApiClient:
    return make_client(fault_proxy.url, connect_timeout=1.0, read_timeout=2.0)


def _status(client: ApiClient) -> Status:
    return client.get_status(DEMO_IIN["green"]).status


def test_the_proxy_passes_answers_through(client: ApiClient, fault_proxy: FaultProxy) -> None:
    assert _status(client) is Status.GREEN
    assert fault_proxy.forwarded == 1


def test_a_service_that_is_down_is_transient(make_client: MakeClient) -> None:
    client = make_client(f"http://127.0.0.1:{free_port()}", connect_timeout=1.0)
    with pytest.raises(TransientError) as caught:
        client.get_keys()
    assert caught.value.retry_after is None and caught.value.status is None


def test_a_stopped_sandbox_is_transient_and_comes_back(
    sandbox: SandboxServer, make_client: MakeClient
) -> None:
    client = make_client(sandbox.url)
    sandbox.stop()
    with pytest.raises(TransientError):
        client.post_events([new_event()])
    sandbox.start()
    assert len(client.post_events([new_event()]).accepted) == 1


@pytest.mark.parametrize("fault", [Fault.close(), Fault.reset()], ids=["close", "reset"])
def test_a_dropped_connection_is_transient(
    client: ApiClient, fault_proxy: FaultProxy, fault: Fault
) -> None:
    fault_proxy.push(fault)
    with pytest.raises(TransientError):
        _status(client)
    assert _status(client) is Status.GREEN  # the next request goes through


@pytest.mark.parametrize("status", [500, 502, 503, 504])
def test_server_errors_are_transient(
    client: ApiClient, fault_proxy: FaultProxy, status: int
) -> None:
    fault_proxy.push(Fault.respond(status))
    with pytest.raises(TransientError) as caught:
        client.get_keys()
    assert caught.value.status == status and caught.value.retry_after is None
    assert caught.value.title is not None


def test_503_with_retry_after_seconds(client: ApiClient, fault_proxy: FaultProxy) -> None:
    fault_proxy.push(Fault.respond(503, retry_after="7"))
    with pytest.raises(TransientError) as caught:
        client.post_events([new_event()])
    assert caught.value.retry_after == 7.0


def test_503_with_retry_after_as_a_date(client: ApiClient, fault_proxy: FaultProxy) -> None:
    when = email.utils.formatdate(time.time() + 30, usegmt=True)
    fault_proxy.push(Fault.respond(503, retry_after=when))
    with pytest.raises(TransientError) as caught:
        client.get_keys()
    assert caught.value.retry_after is not None and 28 <= caught.value.retry_after <= 31


def test_429_is_transient_with_retry_after(client: ApiClient, fault_proxy: FaultProxy) -> None:
    fault_proxy.push(Fault.respond(429, retry_after="120"))
    with pytest.raises(TransientError) as caught:
        _status(client)
    assert (caught.value.status, caught.value.retry_after) == (429, 120.0)


def test_a_slow_answer_is_a_transient_read_time_out(
    fault_proxy: FaultProxy, make_client: MakeClient
) -> None:
    client = make_client(fault_proxy.url, read_timeout=0.3)
    fault_proxy.push(Fault.delay(3.0))
    started = time.monotonic()
    with pytest.raises(TransientError) as caught:
        _status(client)
    assert time.monotonic() - started < 2.0
    assert "in time" in str(caught.value)


@pytest.mark.parametrize(
    "look_up",
    [
        lambda client: client.get_status(DEMO_IIN["green"], deadline=0.3),
        lambda client: client.get_presence(VENUE_BIN, DEMO_IIN["green"], deadline=0.3),
    ],
    ids=["status", "presence"],
)
def test_a_deadline_caps_the_read_time_out(
    fault_proxy: FaultProxy, make_client: MakeClient, look_up: Callable[[ApiClient], object]
) -> None:
    client = make_client(fault_proxy.url, read_timeout=10.0)
    fault_proxy.push(Fault.delay(3.0))
    started = time.monotonic()
    with pytest.raises(TransientError):
        look_up(client)
    assert time.monotonic() - started < 2.0


@pytest.mark.parametrize("fault", [Fault.truncate(), Fault.truncate_json()], ids=["short", "json"])
def test_a_cut_off_answer_is_transient(
    client: ApiClient, fault_proxy: FaultProxy, fault: Fault
) -> None:
    fault_proxy.push(fault)
    with pytest.raises(TransientError):
        client.post_events([new_event()])


def test_an_answer_lost_after_storing_is_resent_safely(
    client: ApiClient, fault_proxy: FaultProxy, sandbox: SandboxServer
) -> None:
    batch = [new_event(desk="lost") for _ in range(10)]
    fault_proxy.push(Fault.drop_answer())
    with pytest.raises(TransientError):
        client.post_events(batch)
    assert fault_proxy.forwarded == 1  # the service got it
    again = client.post_events(batch)  # what the outbox does next
    assert again.accepted == () and again.duplicate == tuple(e["id"] for e in batch)
    with checked_session(None) as session:
        listed = SandboxHttp(sandbox.url, session).get("/v1/sandbox/events").json()["events"]
    assert sorted(e["id"] for e in listed) == sorted(e["id"] for e in batch)


def test_401_is_device_not_registered(client: ApiClient, fault_proxy: FaultProxy) -> None:
    fault_proxy.push(Fault.respond(401))
    with pytest.raises(DeviceNotRegistered) as caught:
        client.post_events([new_event()])
    assert str(caught.value) == "this device is not registered"
    assert not isinstance(caught.value, TransientError)


@pytest.mark.parametrize("status", [400, 413])
def test_other_client_errors_are_permanent(
    client: ApiClient, fault_proxy: FaultProxy, status: int
) -> None:
    fault_proxy.push(Fault.respond(status))
    with pytest.raises(PermanentError) as caught:
        client.post_events([new_event()])
    assert caught.value.status == status
    assert not isinstance(caught.value, DeviceNotRegistered)


def test_a_shifted_server_clock_shows_as_clock_skew(
    client: ApiClient, fault_proxy: FaultProxy
) -> None:
    fault_proxy.set(Fault.shift_date(600))
    _status(client)
    assert client.clock_skew is not None and abs(client.clock_skew - 600) < 2
    fault_proxy.set(Fault.forward())
    _status(client)
    assert client.clock_skew is not None and abs(client.clock_skew) < 2  # the latest answer


def test_skew_counts_half_the_round_trip(client: ApiClient, fault_proxy: FaultProxy) -> None:
    # A slow answer says little about when the server wrote its Date: the
    # estimate uses the middle of the round trip, so it stays within it.
    fault_proxy.push(Fault.delay(1.0))
    _status(client)
    assert client.clock_skew is not None and abs(client.clock_skew) < 1.6


def test_retry_after_as_a_date_is_read_against_the_servers_date(
    client: ApiClient, fault_proxy: FaultProxy
) -> None:
    # The server's clock runs 10 minutes ahead of ours; it asks for 20 s.
    ahead = time.time() + 600
    when = email.utils.formatdate(ahead + 20, usegmt=True)
    fault_proxy.push(Fault.respond(503, retry_after=when, date_shift=600))
    with pytest.raises(TransientError) as caught:
        client.get_keys()
    assert caught.value.retry_after is not None and 18 <= caught.value.retry_after <= 21
    assert client.clock_skew is not None and abs(client.clock_skew - 600) < 2


def test_a_batch_answer_from_an_older_service_has_no_receipt_time(
    client: ApiClient, fault_proxy: FaultProxy
) -> None:
    event = new_event()
    fault_proxy.push(Fault.edit_json(lambda body: body.pop("received_at")))
    result = client.post_events([event])
    assert (result.accepted, result.received_at) == ((event["id"],), None)


def test_a_receipt_time_that_is_not_a_time_is_transient(
    client: ApiClient, fault_proxy: FaultProxy
) -> None:
    fault_proxy.push(Fault.edit_json(lambda body: body.update(received_at="yesterday")))
    with pytest.raises(TransientError):
        client.post_events([new_event()])
