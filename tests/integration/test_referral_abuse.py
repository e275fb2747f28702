"""Attacks on the doctor's clearance, over real HTTP: a red passenger referred at a
boarding desk must not board on a resolution that anyone but the venue's doctor
room sent, nor on one dated where no doctor could have made it.

The service side: every way of resolving (the endpoint, an uploaded event)
with a desk's token, another venue's doctor room, a time in 2099 or before
the referral was opened, a body naming another venue. The kiosk side: a
service (here the fault proxy rewriting the sandbox's answers) that says
such a resolution happened; the desk must not believe it.

The boarding desk is the command line (`app.main`) with its own settings and
data folder, as in test_referral_cli.py.
"""

from __future__ import annotations

import json
import time
import uuid
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

from app import main
from kiosk.wiretime import format_time, parse_time
from sandbox.server import SandboxServer
from tests.integration.faultproxy import Fault, FaultProxy
from tests.integration.sandbox_fixtures import (
    DEMO_IIN,
    DOCTOR_TOKEN,
    OTHER_DOCTOR_TOKEN,
    OTHER_VENUE_BIN,
    TOKEN,
    VENUE_BIN,
    ApiContract,
    SandboxHttp,
    checked_session,
    referral_opened,
    referral_resolved,
)

RED = DEMO_IIN["red"]
YEAR_2099 = "2099-01-01T00:00:00.000Z"
TWELVE_HOURS = 12 * 3600


class Desk:
    """A boarding desk of VENUE_BIN on the command line."""

    def __init__(self, folder: Path, url: str, capsys: pytest.CaptureFixture[str]) -> None:
        self.config = folder / "desk.toml"
        self.data = folder / "desk-data"
        self.capsys = capsys
        self.config.write_text(
            f'[venue]\nbin = "{VENUE_BIN}"\nentrance = "gate-7"\ndesk = "boarding-7a"\n'
            'mode = "boarding"\nrole = "entry"\nrescan_window_s = 0\n'
            f'[service]\nurl = "{url}"\nconnect_timeout = 0.5\nread_timeout = 2.0\n'
            'status_deadline = 1.0\n[boarding]\nticket_prefix = "G7"\n',
            encoding="utf-8",
        )

    def __call__(self, *argv: str) -> tuple[int, list[dict[str, Any]]]:
        self.capsys.readouterr()
        code = main(["--config", str(self.config), "--data-dir", str(self.data), *argv])
        out = self.capsys.readouterr().out
        return code, [json.loads(line) for line in out.splitlines() if line.strip()]

    def refer_red_passenger(self) -> dict[str, Any]:
        code, [refused] = self("check", "--iin", RED)
        assert (code, refused["decision"], refused["status"]) == (1, "deny", "red")
        code, [opened] = self("referral", "open", "--iin", RED, "--reason", "red")
        assert code == 0 and opened["delivered"] is True
        return opened

    def boards(self) -> bool:
        """Whether the red passenger is let through now (after one sync)."""
        code, _ = self("sync", "--once")
        assert code == 0
        code, [decision] = self("check", "--iin", RED)
        admitted = decision["decision"] == "admit" or decision["provenance"] == "doctor"
        assert code == (0 if admitted else 1)
        return bool(admitted)


@pytest.fixture
def api(sandbox: SandboxServer, api_contract: ApiContract) -> Iterator[SandboxHttp]:
    with checked_session(api_contract) as session:
        yield SandboxHttp(sandbox.url, session)


def _resolve(api: SandboxHttp, referral_id: str, token: str, **body: Any) -> Any:
    body = {"id": str(uuid.uuid4()), "outcome": "cleared", "note": "", **body}
    return api.post(f"/v1/referrals/{referral_id}/resolution", json=body, token=token)


def _code(response: Any) -> tuple[int, str]:
    body = response.json()
    assert "referral" not in body and "iin" not in json.dumps(body), "nothing of it goes back"
    return response.status_code, body["code"]


# --- the service ------------------------------------------------------------------------


def test_nobody_but_the_venues_doctor_room_resolves_and_only_at_a_believable_time(
    sandbox: SandboxServer, api: SandboxHttp, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    desk = Desk(tmp_path, sandbox.url, capsys)
    opened = desk.refer_red_passenger()
    referral_id = opened["id"]
    a_day_before = format_time(parse_time(opened["opened_at"]) - 86_400)  # type: ignore[operator]

    attempts = [
        # the attack: a desk's token, a clearance dated 2099
        ((TOKEN, {"resolved_at": YEAR_2099}), (403, "not_a_doctor_room")),
        ((TOKEN, {}), (403, "not_a_doctor_room")),
        ((OTHER_DOCTOR_TOKEN, {}), (403, "wrong_venue")),
        ((OTHER_DOCTOR_TOKEN, {"venue_bin": VENUE_BIN}), (403, "wrong_venue")),
        ((DOCTOR_TOKEN, {"venue_bin": OTHER_VENUE_BIN}), (403, "wrong_venue")),
        ((DOCTOR_TOKEN, {"resolved_at": YEAR_2099}), (422, "resolved_in_future")),
        ((DOCTOR_TOKEN, {"resolved_at": a_day_before}), (422, "resolved_before_opened")),
    ]
    for (token, body), refusal in attempts:
        assert _code(_resolve(api, referral_id, token, **body)) == refusal, (token, body)

    # The same through the event intake, as an outbox would deliver them.
    def resolved_event(venue: str = VENUE_BIN, at: float | None = None) -> dict[str, Any]:
        return referral_resolved(referral_id, venue_bin=venue, occurred_at=at)

    uploads = [
        (TOKEN, resolved_event(), "not_a_doctor_room"),
        (TOKEN, resolved_event(at=4_070_908_800.0), "not_a_doctor_room"),
        (OTHER_DOCTOR_TOKEN, resolved_event(), "wrong_venue"),
        (OTHER_DOCTOR_TOKEN, resolved_event(OTHER_VENUE_BIN), "wrong_venue"),
        (DOCTOR_TOKEN, resolved_event(at=4_070_908_800.0), "resolved_in_future"),
        (DOCTOR_TOKEN, resolved_event(at=time.time() - 86_400), "resolved_before_opened"),
    ]
    for token, event, reason in uploads:
        answer = api.post("/v1/events", json={"events": [event]}, token=token).json()
        assert answer["rejected"] == [{"id": event["id"], "reason": reason, "index": 0}], token
    assert sandbox.service.referral(referral_id).outcome is None  # type: ignore[union-attr]
    assert not desk.boards()

    # Another venue's doctor room cannot even read this venue's referrals.
    listed = api.get(f"/v1/venues/{VENUE_BIN}/referrals", token=OTHER_DOCTOR_TOKEN)
    assert _code(listed) == (403, "wrong_venue")

    # Positive control: the venue's doctor room, now, is believed by both sides.
    honest = _resolve(api, referral_id, DOCTOR_TOKEN, resolved_at=format_time(time.time()))
    assert honest.status_code == 200, honest.text
    assert honest.json()["resolved_by"]["venue"] == VENUE_BIN
    assert desk.boards()


# --- the kiosk --------------------------------------------------------------------------


def _forge(**change: Any) -> Callable[[Any], object]:
    """Rewrite every referral of a list answer as resolved with *change* on top."""

    def edit(body: Any) -> None:
        if not isinstance(body, dict) or "referrals" not in body:
            return
        now = time.time()
        for referral in body["referrals"]:
            referral.update(
                state="resolved",
                outcome="cleared",
                resolution_note="",
                resolved_at=format_time(now - 60),
                valid_until=format_time(now - 60 + TWELVE_HOURS),
                resolved_by={"venue": VENUE_BIN, "entrance": "medical", "desk": "doctor"},
            )
            referral.update(change)

    return edit


@pytest.mark.parametrize(
    "forged",
    [
        _forge(resolved_at=YEAR_2099, valid_until="2099-01-01T12:00:00.000Z"),
        _forge(resolved_at="2020-01-01T00:00:00.000Z", valid_until=YEAR_2099),
        _forge(resolved_at=None),
        _forge(resolved_by=None),
        _forge(resolved_by={"venue": OTHER_VENUE_BIN, "entrance": "medical", "desk": "doctor"}),
        _forge(venue=OTHER_VENUE_BIN),
    ],
    ids=["in-2099", "before-opening", "no-time", "nobody", "other-venues-doctor", "other-venue"],
)
def test_a_service_that_says_an_unbelievable_doctor_cleared_the_passenger_is_not_believed(
    sandbox: SandboxServer,
    fault_proxy: FaultProxy,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    forged: Callable[[Any], object],
) -> None:
    desk = Desk(tmp_path, fault_proxy.url, capsys)
    desk.refer_red_passenger()
    fault_proxy.set(Fault.edit_json(forged))
    assert not desk.boards()
    _, [referral] = desk("referral", "list")
    assert (referral["state"], referral["outcome"]) == ("open", None)


def test_a_believable_outcome_holds_twelve_hours_from_its_time_whatever_the_service_says(
    sandbox: SandboxServer,
    fault_proxy: FaultProxy,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
) -> None:
    desk = Desk(tmp_path, fault_proxy.url, capsys)
    desk.refer_red_passenger()
    fault_proxy.set(Fault.edit_json(_forge(valid_until=YEAR_2099)))
    assert desk.boards(), "positive control: a doctor of the venue, a minute ago"
    _, [referral] = desk("referral", "list")
    resolved_at = parse_time(referral["resolved"])
    assert resolved_at is not None
    assert parse_time(referral["valid_until"]) == pytest.approx(resolved_at + TWELVE_HOURS)


# --- any body, any token ----------------------------------------------------------------


TOKENS = [TOKEN, OTHER_DOCTOR_TOKEN, DOCTOR_TOKEN, "stolen", ""]
FIELD_VALUES: list[Any] = [
    None,
    "",
    "cleared",
    "confirmed",
    YEAR_2099,
    "2026-11-22T03:10:00Z",
    "9999-12-31T23:59:59Z",
    "0001-01-01T00:00:00Z",
    VENUE_BIN,
    OTHER_VENUE_BIN,
    "x" * 501,
    "\x9b\u202e",
    12,
    1e308,
    [],
    {"$gt": ""},
    True,
]
FIELDS = ["id", "outcome", "note", "resolved_at", "venue_bin", "entrance", "desk", "extra"]


def test_any_body_from_any_token_resolves_only_from_the_doctor_room_at_a_believable_time(
    sandbox: SandboxServer, api: SandboxHttp
) -> None:
    from hypothesis import given, settings
    from hypothesis import strategies as st

    tried: dict[int, int] = {}

    @settings(max_examples=120, deadline=None, derandomize=True, database=None)
    @given(
        st.sampled_from(TOKENS),
        st.dictionaries(st.sampled_from(FIELDS), st.sampled_from(FIELD_VALUES), max_size=6),
    )
    def attack(token: str, change: dict[str, Any]) -> None:
        opened = referral_opened(iin=RED, reason="red", status_shown="red")
        assert api.post("/v1/events", json={"events": [opened]}).json()["accepted"]
        referral_id = opened["data"]["referral_id"]
        body = {"id": str(uuid.uuid4()), "outcome": "cleared", "note": "", **change}
        body = {k: v for k, v in body.items() if v is not None}
        # the checked session asserts every answer is one docs/api.yaml allows
        answer = api.post(f"/v1/referrals/{referral_id}/resolution", json=body, token=token or None)
        tried[answer.status_code] = tried.get(answer.status_code, 0) + 1
        stored = sandbox.service.referral(referral_id)
        assert stored is not None
        if answer.status_code != 200:
            assert answer.headers["Content-Type"] == "application/problem+json"
            assert stored.outcome is None, (token, body)
            return
        # only the venue's doctor room, at a time it could have decided, for 12 h
        assert token == DOCTOR_TOKEN, (token, body)
        at = stored.resolved_at
        assert at is not None and stored.opened_at - 120 <= at <= time.time() + 120, body
        assert stored.valid_until == pytest.approx(at + TWELVE_HOURS)
        assert stored.resolved_by_venue == VENUE_BIN

    attack()
    assert sum(tried.values()) >= 100
    assert {200, 400, 401, 403, 422} <= set(tried), tried
