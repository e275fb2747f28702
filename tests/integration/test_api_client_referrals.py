"""The ApiClient's referral and presence calls against the sandbox: typed values, mapped errors.

The client is the venue's doctor room's (its token may resolve referrals).
"""

from __future__ import annotations

import time
import uuid
from collections.abc import Callable, Iterator
from typing import Any

import pytest

from kiosk.service.api import ApiClient
from kiosk.service.errors import (
    DeviceNotRegistered,
    PermanentError,
    TransientError,
)
from kiosk.service.wire import AlreadyResolved, ReferralPull, RemoteReferral, VenuePresence
from kiosk.status import Status
from kiosk.wiretime import parse_time
from sandbox.server import SandboxServer
from tests.fakes import clock_within_today
from tests.integration.faultproxy import Fault, FaultProxy
from tests.integration.sandbox_fixtures import (
    DEMO_IIN,
    DOCTOR_TOKEN,
    TOKEN,
    VENUE_BIN,
    ApiContract,
    checked_session,
    new_event,
    referral_opened,
    referral_resolved,
)

MakeClient = Callable[..., ApiClient]
YELLOW, GREEN = DEMO_IIN["yellow"], DEMO_IIN["green"]


def _open(client: ApiClient, **options: Any) -> dict[str, Any]:
    event = referral_opened(**options)
    assert client.post_events([event]).accepted == (event["id"],)
    return event


def _resolve(client: ApiClient, referral_id: str, **options: Any) -> RemoteReferral:
    arguments: dict[str, Any] = {
        "resolution_id": str(uuid.uuid4()),
        "outcome": "cleared",
        "note": "",
    } | options
    return client.resolve_referral(referral_id, **arguments)


@pytest.fixture
def api_client(sandbox: SandboxServer, api_contract: ApiContract) -> Iterator[ApiClient]:
    """The doctor room's client, its answers contract-checked."""
    session = checked_session(api_contract)
    yield ApiClient(sandbox.url, DOCTOR_TOKEN, session=session)
    session.close()


@pytest.fixture
def client(fault_proxy: FaultProxy, make_client: MakeClient) -> ApiClient:
    """The doctor room's client through the fault proxy (answers not contract-checked)."""
    return make_client(fault_proxy.url, DOCTOR_TOKEN, connect_timeout=1.0, read_timeout=2.0)


# --- typed answers ----------------------------------------------------------------


def test_list_referrals_gives_typed_referrals(api_client: ApiClient) -> None:
    check_in = new_event(iin=YELLOW, decision="deny")
    api_client.post_events([check_in])
    opened_at = time.time() - 120
    event = _open(
        api_client,
        occurred_at=opened_at,
        name="Нурсултан Т.",
        note="says PCR negative",
        check_in=check_in["id"],
    )
    [referral] = api_client.list_referrals(VENUE_BIN)
    assert referral == RemoteReferral(
        id=event["data"]["referral_id"],
        ticket="D-042",
        state="open",
        iin=YELLOW,
        masked_id=event["data"]["masked_id"],
        name="Нурсултан Т.",
        status_shown=Status.YELLOW,
        provenance="pass",
        reason="yellow",
        note="says PCR negative",
        entrance="boarding",
        desk="gate-3",
        opened_at=pytest.approx(opened_at, abs=0.001),
        check_in=check_in["id"],
        outcome=None,
        resolution_note=None,
        resolved_at=None,
        resolved_by_entrance=None,
        resolved_by_desk=None,
        valid_until=None,
        venue=VENUE_BIN,
        resolved_by_venue=None,
    )


def test_state_and_since_filter_the_list(api_client: ApiClient) -> None:
    t0 = time.time()
    old = _open(api_client, occurred_at=t0 - 7200, status_shown=None, provenance="unverified")
    done = _open(api_client, occurred_at=t0 - 3600)
    done_id = done["data"]["referral_id"]
    _resolve(api_client, done_id, resolved_at=t0 - 1800)
    open_ids = [r.id for r in api_client.list_referrals(VENUE_BIN, state="open")]
    assert open_ids == [old["data"]["referral_id"]]
    resolved = api_client.list_referrals(VENUE_BIN, state="resolved")
    assert [r.id for r in resolved] == [done_id]
    assert resolved[0].status_shown is Status.YELLOW
    assert api_client.list_referrals(VENUE_BIN, state="all")[0].status_shown is None
    assert api_client.list_referrals(VENUE_BIN, since=time.time() + 60) == []


def test_pull_referrals_says_when_to_pull_from_next(
    sandbox_factory: Callable[..., SandboxServer], api_contract: ApiContract
) -> None:
    clock = clock_within_today()
    server = sandbox_factory(clock=clock)
    with checked_session(api_contract) as session:
        client = ApiClient(server.url, TOKEN, session=session)
        seen = _open(client)
        clock.advance(1)
        first = client.pull_referrals(VENUE_BIN)
        assert isinstance(first, ReferralPull)
        assert first.venue == VENUE_BIN
        assert clock.now() - 0.001 < first.as_of <= clock.now()
        assert [r.id for r in first.referrals] == [seen["data"]["referral_id"]]
        late = _open(client, occurred_at=clock.now() - 3600)  # a desk uploading late
        after = client.pull_referrals(VENUE_BIN, since=first.as_of)
    assert [r.id for r in after.referrals] == [late["data"]["referral_id"]]


def test_resolve_referral_gives_the_resolved_referral(api_client: ApiClient) -> None:
    referral_id = _open(api_client)["data"]["referral_id"]
    resolved_at = time.time() - 30
    referral = _resolve(
        api_client,
        referral_id,
        outcome="confirmed",
        note="red PCR on 21 Nov",
        resolved_at=resolved_at,
        venue_bin=VENUE_BIN,
        entrance="medical",
        desk="doctor",
    )
    assert (referral.id, referral.state, referral.outcome) == (referral_id, "resolved", "confirmed")
    assert referral.resolution_note == "red PCR on 21 Nov"
    assert referral.resolved_at == pytest.approx(resolved_at, abs=0.001)
    assert referral.valid_until == pytest.approx(resolved_at + 12 * 3600, abs=0.001)
    assert (referral.resolved_by_entrance, referral.resolved_by_desk) == ("medical", "doctor")
    assert (referral.venue, referral.resolved_by_venue) == (VENUE_BIN, VENUE_BIN)
    assert api_client.list_referrals(VENUE_BIN) == [referral]


def test_a_replayed_resolution_gives_the_same_referral(api_client: ApiClient) -> None:
    referral_id = _open(api_client)["data"]["referral_id"]
    resolution_id = str(uuid.uuid4())
    first = _resolve(api_client, referral_id, resolution_id=resolution_id)
    assert _resolve(api_client, referral_id, resolution_id=resolution_id) == first
    # the outbox delivers the same decision as an event with that id: accepted, no change
    event = referral_resolved(referral_id, "cleared") | {"id": resolution_id}
    assert api_client.post_events([event]).accepted == (resolution_id,)
    assert api_client.list_referrals(VENUE_BIN) == [first]


def test_get_presence_across_two_desks(api_client: ApiClient) -> None:
    entry = new_event(iin=GREEN, entrance="main", desk="A", occurred_at=time.time() - 60)
    api_client.post_events([entry])
    presence = api_client.get_presence(VENUE_BIN, GREEN, deadline=1.0)
    assert isinstance(presence, VenuePresence)
    assert (presence.inside, presence.entrance, presence.desk, presence.check_in) == (
        True,
        "main",
        "A",
        entry["id"],
    )
    assert presence.entered_at == parse_time(entry["occurred_at"])
    assert abs(presence.as_of - time.time()) < 5
    assert presence.venue_inside == 1
    leave = new_event("check_out", iin=GREEN, entrance="north", desk="B", check_in=entry["id"])
    api_client.post_events([leave])
    gone = api_client.get_presence(VENUE_BIN, GREEN)
    assert gone == VenuePresence(False, None, None, None, None, gone.as_of, venue_inside=0)


# --- errors -----------------------------------------------------------------------


def test_another_resolution_is_already_resolved_with_the_winner(api_client: ApiClient) -> None:
    referral_id = _open(api_client)["data"]["referral_id"]
    winner = _resolve(api_client, referral_id, outcome="confirmed")
    with pytest.raises(AlreadyResolved) as caught:
        _resolve(api_client, referral_id, outcome="cleared")
    error = caught.value
    assert isinstance(error, PermanentError) and not isinstance(error, DeviceNotRegistered)
    assert (error.status, error.code, error.referral) == (409, "already_resolved", winner)
    assert error.detail is not None and "confirmed" in error.detail


def test_an_unknown_referral_is_a_permanent_error(api_client: ApiClient) -> None:
    with pytest.raises(PermanentError) as caught:
        _resolve(api_client, str(uuid.uuid4()))
    assert (caught.value.status, caught.value.code) == (404, "unknown_referral")
    assert not isinstance(caught.value, AlreadyResolved)


def test_a_bad_outcome_or_bin_or_iin_is_a_permanent_error(api_client: ApiClient) -> None:
    referral_id = _open(api_client)["data"]["referral_id"]
    with pytest.raises(PermanentError):
        _resolve(api_client, referral_id, note=float("nan"))  # not JSON: never sent
    calls: list[tuple[Callable[[], object], str]] = [
        (lambda: _resolve(api_client, referral_id, outcome="corrected"), "bad_outcome"),
        (lambda: api_client.list_referrals("12345"), "bad_venue"),
        (lambda: api_client.list_referrals(VENUE_BIN, state="closed"), "bad_query"),
        (lambda: api_client.get_presence(VENUE_BIN, "850314310248"), "bad_iin"),
    ]
    for call, code in calls:
        with pytest.raises(PermanentError) as caught:
            call()
        assert (caught.value.status, caught.value.code) == (400, code)


def test_a_desk_that_resolves_is_refused_for_good(
    api_client: ApiClient, sandbox: SandboxServer, make_client: MakeClient
) -> None:
    referral_id = _open(api_client)["data"]["referral_id"]
    desk = make_client(sandbox.url, TOKEN)
    with pytest.raises(PermanentError) as caught:
        _resolve(desk, referral_id, resolved_at=time.time())
    assert (caught.value.status, caught.value.code) == (403, "not_a_doctor_room")
    assert [r.state for r in api_client.list_referrals(VENUE_BIN)] == ["open"]


def test_an_unknown_token_is_device_not_registered(
    sandbox: SandboxServer, make_client: MakeClient
) -> None:
    client = make_client(sandbox.url, token="stolen")
    for call in (
        lambda: client.list_referrals(VENUE_BIN),
        lambda: _resolve(client, str(uuid.uuid4())),
        lambda: client.get_presence(VENUE_BIN, GREEN),
    ):
        with pytest.raises(DeviceNotRegistered):
            call()


def test_a_resolution_whose_answer_was_lost_is_resent_safely(
    client: ApiClient, fault_proxy: FaultProxy
) -> None:
    referral_id = _open(client)["data"]["referral_id"]
    resolution_id = str(uuid.uuid4())
    fault_proxy.push(Fault.drop_answer())
    with pytest.raises(TransientError):
        _resolve(client, referral_id, resolution_id=resolution_id, outcome="confirmed")
    again = _resolve(client, referral_id, resolution_id=resolution_id, outcome="confirmed")
    assert (again.state, again.outcome) == ("resolved", "confirmed")


def _first_referral(change: Callable[[dict[str, Any]], object]) -> Fault:
    return Fault.edit_json(lambda body: change(body["referrals"][0]))


@pytest.mark.parametrize(
    "fault",
    [
        Fault.edit_json(lambda body: body.update(referrals={"a": 1})),
        Fault.edit_json(lambda body: body.pop("as_of")),
        Fault.edit_json(lambda body: body.update(venue="999999999999")),
        _first_referral(lambda r: r.pop("opened_at")),
        _first_referral(lambda r: r.update(iin=None)),
        _first_referral(lambda r: r.update(status_shown="purple")),
        _first_referral(lambda r: r.update(state="resolved")),  # but no outcome
        _first_referral(lambda r: r.update(outcome="cleared")),  # but open
        _first_referral(lambda r: r.update(resolved_by=["medical", "doctor"])),
        _first_referral(lambda r: r.update(valid_until="tomorrow")),
        Fault.truncate_json(),
    ],
    ids=[
        "list",
        "as_of",
        "venue",
        "opened_at",
        "iin",
        "status",
        "resolved-no-outcome",
        "open-with-outcome",
        "resolved_by",
        "valid_until",
        "cut",
    ],
)
def test_a_malformed_referral_list_is_transient(
    client: ApiClient, fault_proxy: FaultProxy, fault: Fault
) -> None:
    _open(client)
    fault_proxy.push(fault)
    with pytest.raises(TransientError):
        client.list_referrals(VENUE_BIN)


@pytest.mark.parametrize(
    "fault",
    [
        Fault.edit_json(lambda body: body.update(iin_inside="yes")),
        Fault.edit_json(lambda body: body.update(venue="999999999999")),
        Fault.edit_json(lambda body: body.update(entered_at="noon")),
        Fault.edit_json(lambda body: body.update(desk=7)),
        Fault.rewrite(lambda body: b"[]"),
    ],
    ids=["inside", "venue", "entered_at", "desk", "array"],
)
def test_a_malformed_presence_is_transient(
    client: ApiClient, fault_proxy: FaultProxy, fault: Fault
) -> None:
    fault_proxy.push(fault)
    with pytest.raises(TransientError):
        client.get_presence(VENUE_BIN, GREEN)


@pytest.mark.parametrize(
    "fault",
    [
        Fault.edit_json(lambda body: body.update(id=str(uuid.uuid4()))),
        Fault.edit_json(lambda body: body.update(outcome="maybe")),
        Fault.edit_json(lambda body: body.update(state="open", outcome=None)),
        Fault.rewrite(lambda body: b"not json"),
    ],
    ids=["other-referral", "outcome", "still-open", "not-json"],
)
def test_a_malformed_resolution_answer_is_transient(
    client: ApiClient, fault_proxy: FaultProxy, fault: Fault
) -> None:
    referral_id = _open(client)["data"]["referral_id"]
    fault_proxy.push(fault)
    with pytest.raises(TransientError):
        _resolve(client, referral_id)


def test_a_conflict_without_a_readable_referral_still_says_already_resolved(
    client: ApiClient, fault_proxy: FaultProxy
) -> None:
    referral_id = _open(client)["data"]["referral_id"]
    _resolve(client, referral_id, outcome="confirmed")
    fault_proxy.push(Fault.edit_json(lambda body: body.update(referral={"id": 1})))
    with pytest.raises(AlreadyResolved) as caught:
        _resolve(client, referral_id)
    assert caught.value.referral is None
    assert caught.value.detail is not None and "confirmed" in caught.value.detail
