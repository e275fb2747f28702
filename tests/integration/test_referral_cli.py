"""`ashyq-kiosk referral open|list|resolve` and `sync` as scripts see them: the JSON
words, the exit codes and the PIN rule, with a boarding desk and a doctor room
in their own data folders against the sandbox on loopback. Also two two-way
desks of one venue: an entry at one and the exit at the other, and capacity
counted over the venue.

Each command runs in this process (`app.main`) with its own settings file.
"""

from __future__ import annotations

import json
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

from app import main
from kiosk.iin import mask_iin
from kiosk.pins import hash_pin
from kiosk.wiretime import parse_time
from sandbox.server import SandboxServer
from tests.integration.sandbox_fixtures import DEMO_IIN, DOCTOR_TOKEN, TOKEN, VENUE_BIN
from tests.integration.test_desk_online import sample_iin

PASSENGER = DEMO_IIN["yellow"]
DOCTOR_PIN = "246813"
LIST_WORDS = {
    "ticket",
    "id",
    "state",
    "outcome",
    "masked_id",
    "desk",
    "opened",
    "reason",
    "note",
    "status_shown",
    "provenance",
    "resolved",
    "resolved_by",
    "resolution_note",
    "valid_until",
    "mine",
    "delivered",
}


@dataclass
class Terminal:
    """One kiosk's command line: its settings file and data folder."""

    config: Path
    data_dir: Path
    capsys: pytest.CaptureFixture[str]

    def __call__(self, *argv: str) -> tuple[int, list[dict[str, Any]], str]:
        """Exit code, the JSON lines printed, and stderr."""
        self.capsys.readouterr()
        code = main(["--config", str(self.config), "--data-dir", str(self.data_dir), *argv])
        out, err = self.capsys.readouterr()
        return code, [json.loads(line) for line in out.splitlines() if line.strip()], err


@pytest.fixture
def kiosk(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> Callable[..., Terminal]:
    """`kiosk(url, name, role=..., **sections)`: a kiosk of VENUE_BIN with its own folder
    (a doctor room with the venue's doctor-room token)."""

    def make(url: str, name: str, **sections: dict[str, Any]) -> Terminal:
        venue = {"bin": VENUE_BIN, "entrance": "gate-7", "desk": name, "mode": "boarding"}
        venue |= {"rescan_window_s": 0, "role": "entry"} | sections.pop("venue", {})
        token = DOCTOR_TOKEN if venue["role"] == "doctor" else TOKEN
        service = {"url": url, "token": token, "connect_timeout": 0.5, "read_timeout": 2.0}
        parts = {"venue": venue, "service": service | {"status_deadline": 1.0}, **sections}
        config = tmp_path / f"{name}.toml"
        config.write_text(_toml(parts), encoding="utf-8")
        return Terminal(config, tmp_path / name, capsys)

    return make


def _toml(sections: dict[str, dict[str, Any]]) -> str:
    lines = []
    for name, values in sections.items():
        lines.append(f"[{name}]")
        lines += [f"{key} = {json.dumps(value)}" for key, value in values.items()]
    return "\n".join(lines) + "\n"


def sandbox_events(sandbox: SandboxServer, type_: str) -> list[Any]:
    return [e for e in sandbox.service.events(VENUE_BIN, limit=10_000) if e.type == type_]


# --- open and list ----------------------------------------------------------------------


def test_open_prints_one_object_with_the_ticket_and_list_prints_the_venues_referrals(
    sandbox: SandboxServer, kiosk: Callable[..., Terminal]
) -> None:
    desk = kiosk(sandbox.url, "boarding-7a", boarding={"ticket_prefix": "G7", "doctor_room": "L2"})
    code, [checked], _ = desk("check", "--iin", PASSENGER)
    assert code == 1 and checked["decision"] == "deny" and checked["referral_offered"]

    code, [opened], err = desk("referral", "open", "--iin", PASSENGER, "--reason", "yellow")
    assert code == 0 and err == ""
    assert {"ticket", "id", "state", "masked_id", "desk", "opened_at", "doctor_room"} <= set(opened)
    assert (opened["ticket"], opened["state"], opened["new"]) == ("G7-001", "open", True)
    assert (opened["masked_id"], opened["desk"], opened["doctor_room"]) == (
        mask_iin(PASSENGER),
        "gate-7/boarding-7a",
        "L2",
    )
    assert (opened["status_shown"], opened["provenance"]) == ("yellow", "live")
    assert opened["delivered"] is True, "one sync right away"
    assert abs(parse_time(opened["opened_at"]) - time.time()) < 60
    assert PASSENGER not in json.dumps(opened)

    code, [free_text], _ = desk(
        "referral",
        "open",
        "--iin",
        DEMO_IIN["green"],
        "--reason",
        "app shows red",
        "--note",
        "upset",
        "--status",
        "red",
    )
    assert code == 0 and free_text["ticket"] == "G7-002"
    assert (free_text["reason"], free_text["note"]) == ("other", "app shows red; upset")
    assert (free_text["status_shown"], free_text["provenance"]) == ("red", "none")
    code, [again], _ = desk("referral", "open", "--iin", PASSENGER, "--reason", "status_wrong")
    assert code == 0 and (again["id"], again["new"]) == (opened["id"], False)

    code, listed, _ = desk("referral", "list")
    assert code == 0 and [r["ticket"] for r in listed] == ["G7-001", "G7-002"]
    assert all(set(line) >= LIST_WORDS for line in listed)
    assert listed[0]["opened"] == opened["opened_at"] and listed[0]["mine"] is True
    assert len(sandbox_events(sandbox, "referral_opened")) == 2


@pytest.mark.parametrize(
    ("argv", "words"),
    [
        (["--iin", "870412300006", "--reason", "yellow"], "checksum"),
        (["--iin", PASSENGER, "--reason", "  "], "--reason"),
        (["--iin", PASSENGER, "--reason", "other", "--note", "x" * 501], "500"),
    ],
)
def test_bad_open_input_is_exit_2_and_records_nothing(
    argv: list[str], words: str, sandbox: SandboxServer, kiosk: Callable[..., Terminal]
) -> None:
    desk = kiosk(sandbox.url, "boarding-7a")
    code, lines, err = desk("referral", "open", *argv)
    assert (code, lines) == (2, []) and words in err
    assert desk("referral", "list")[1] == []


@pytest.mark.parametrize(
    "argv",
    [
        ["open", "--iin", PASSENGER, "--reason", "red", "--status", "purple"],
        ["resolve", "G7-001", "--outcome", "maybe", "--note", ""],
        ["resolve", "G7-001", "--outcome", "cleared"],
    ],
)
def test_words_off_the_list_are_exit_2(
    argv: list[str], sandbox: SandboxServer, kiosk: Callable[..., Terminal]
) -> None:
    with pytest.raises(SystemExit) as leaving:
        kiosk(sandbox.url, "boarding-7a")("referral", *argv)
    assert leaving.value.code == 2


def test_a_doctor_room_that_never_synced_sees_the_open_referrals_after_one_sync(
    sandbox: SandboxServer, kiosk: Callable[..., Terminal]
) -> None:
    desks = [kiosk(sandbox.url, name, venue={"entrance": name}) for name in ("gate-3", "gate-4")]
    doctor = kiosk(sandbox.url, "doctor", venue={"entrance": "medical", "role": "doctor"})
    sandbox.stop()  # both desks offline: each queues its referral with its own prefix
    tickets = []
    for n, desk in enumerate(desks):
        code, [opened], err = desk(
            "referral", "open", "--iin", sample_iin(60 + n), "--reason", "unverified"
        )
        assert code == 0 and opened["delivered"] is False and "queued" in err
        tickets.append(opened["ticket"])
    assert tickets == ["GATE3-001", "GATE4-001"], "unique in the venue, even offline"
    sandbox.start()
    assert doctor("referral", "list")[1] == []
    for desk in desks:
        assert desk("sync", "--once")[0] == 0

    code, [synced], _ = doctor("sync", "--once")
    assert code == 0 and synced["referrals_pulled"] == 2 and synced["error"] is None
    code, listed, _ = doctor("referral", "list", "--open")
    assert [(r["ticket"], r["desk"], r["mine"]) for r in listed] == [
        ("GATE3-001", "gate-3/gate-3", False),
        ("GATE4-001", "gate-4/gate-4", False),
    ]
    assert all(r["masked_id"] == mask_iin(sample_iin(60 + n)) for n, r in enumerate(listed))


# --- resolve ------------------------------------------------------------------------------


def test_resolve_checks_the_doctor_pin_records_and_tells_the_desk(
    sandbox: SandboxServer, kiosk: Callable[..., Terminal]
) -> None:
    desk = kiosk(sandbox.url, "boarding-7a", boarding={"ticket_prefix": "G7"})
    doctor = kiosk(
        sandbox.url,
        "doctor",
        venue={"entrance": "medical", "role": "doctor"},
        pins={"doctor": hash_pin(DOCTOR_PIN)},
    )
    desk("check", "--iin", PASSENGER)
    _, [opened], _ = desk("referral", "open", "--iin", PASSENGER, "--reason", "yellow")
    doctor("sync", "--once")
    resolve = ("referral", "resolve", "G7-001", "--outcome", "cleared", "--note", "PCR negative")

    code, lines, err = doctor(*resolve)
    assert (code, lines) == (2, []) and "--pin" in err
    code, lines, err = doctor(*resolve, "--pin", "1357")
    assert (code, lines) == (1, []) and "PIN is wrong" in err
    code, lines, err = doctor(
        "referral", "resolve", "G7-404", "--outcome", "cleared", "--note", "", "--pin", DOCTOR_PIN
    )
    assert (code, lines) == (1, []) and "no referral 'G7-404'" in err
    assert doctor("referral", "list", "--open")[1][0]["state"] == "open"

    code, [resolved], err = doctor(*resolve, "--pin", DOCTOR_PIN)
    assert code == 0 and err == ""
    assert (resolved["ticket"], resolved["id"], resolved["state"]) == (
        "G7-001",
        opened["id"],
        "resolved",
    )
    assert (resolved["outcome"], resolved["resolved_by"]) == ("cleared", "medical/doctor")
    assert resolved["delivered"] is True and resolved["valid_until"] is not None
    assert doctor("referral", "list", "--open")[1] == []

    code, [synced], _ = desk("sync", "--once")
    assert code == 0 and synced["referrals_pulled"] == 1
    _, status, _ = desk("status")
    [alert] = [a for a in status[0]["alerts"] if a["kind"] == "referral_resolved"]
    assert (alert["ticket"], alert["outcome"]) == ("G7-001", "cleared")
    code, [boarding], _ = desk("check", "--iin", PASSENGER)
    assert code == 0 and (boarding["decision"], boarding["provenance"]) == ("admit", "doctor")
    assert boarding["referral"] == opened["id"]


def test_resolve_offline_is_recorded_and_queued_and_a_second_resolution_is_refused(
    sandbox: SandboxServer, kiosk: Callable[..., Terminal]
) -> None:
    desk = kiosk(sandbox.url, "boarding-7a", boarding={"ticket_prefix": "G7"})
    first = kiosk(sandbox.url, "doctor-1", venue={"entrance": "medical", "role": "doctor"})
    second = kiosk(sandbox.url, "doctor-2", venue={"entrance": "medical", "role": "doctor"})
    desk("referral", "open", "--iin", PASSENGER, "--reason", "yellow", "--status", "yellow")
    for doctor in (first, second):
        doctor("sync", "--once")

    sandbox.stop()
    code, [queued], err = first(
        "referral", "resolve", "g7-001", "--outcome", "confirmed", "--note", "yellow stands"
    )
    assert code == 0 and "queued" in err
    assert (queued["state"], queued["outcome"], queued["delivered"]) == (
        "resolved",
        "confirmed",
        False,
    )
    code, [local], _ = first("referral", "resolve", "G7-001", "--outcome", "cleared", "--note", "")
    assert code == 1 and local["refused"] == "already_resolved" and local["outcome"] == "confirmed"
    sandbox.start()

    code, [lost], err = second(
        "referral", "resolve", "G7-001", "--outcome", "cleared", "--note", "too late?"
    )
    assert code == 0 and lost["delivered"] is True, "the service had no resolution yet"
    code, [synced], _ = first("sync", "--once")
    assert code == 0 and synced["rejected"] == 1
    _, status, _ = first("status")
    [alert] = [a for a in status[0]["alerts"] if a["kind"] == "resolution_refused"]
    assert (alert["ticket"], alert["reason"], alert["outcome"]) == (
        "G7-001",
        "already_resolved",
        "confirmed",
    )
    [now] = first("referral", "list")[1]
    assert now["outcome"] == "cleared", "the first resolution at the service wins"
    assert len(sandbox_events(sandbox, "referral_resolved")) == 1


def test_a_database_that_cannot_be_written_is_exit_3(
    tmp_path: Path, sandbox: SandboxServer, kiosk: Callable[..., Terminal]
) -> None:
    desk = kiosk(sandbox.url, "boarding-7a")
    desk.data_dir.parent.mkdir(parents=True, exist_ok=True)
    desk.data_dir.write_text("not a folder", encoding="utf-8")
    code, lines, _ = desk("referral", "open", "--iin", PASSENGER, "--reason", "yellow")
    assert (code, lines) == (3, [])


# --- two two-way desks of one venue ------------------------------------------------------


def test_an_entry_at_one_desk_and_the_exit_at_another_with_presence_in_the_json(
    sandbox: SandboxServer, kiosk: Callable[..., Terminal]
) -> None:
    club = {"mode": "venue", "role": "both", "entrance": "main"}
    north = kiosk(sandbox.url, "desk-a", venue=club)
    south = kiosk(sandbox.url, "desk-b", venue=club)
    visitor = DEMO_IIN["green"]

    code, [entry], _ = north("check", "--iin", visitor)
    assert code == 0 and (entry["direction"], entry["presence"]) == ("entry", "venue")
    assert north("sync", "--once")[0] == 0
    code, [leaving], _ = south("check", "--iin", visitor)
    assert code == 0 and (leaving["direction"], leaving["presence"]) == ("exit", "venue")
    assert "not_inside" not in leaving["flags"]
    assert south("sync", "--once")[0] == 0
    [check_out] = sandbox_events(sandbox, "check_out")
    assert check_out.data["check_in"] == entry["event_ids"][0] and check_out.iin == visitor
    assert sandbox.service.occupancy(VENUE_BIN).inside == 0

    sandbox.stop()
    code, [offline], _ = south("check", "--iin", DEMO_IIN["blue"], "--staff", "admit")
    assert (offline["direction"], offline["presence"]) == ("entry", "local")


def test_capacity_counts_the_people_the_venues_other_desks_let_in(
    sandbox: SandboxServer, kiosk: Callable[..., Terminal]
) -> None:
    club = {"mode": "venue", "role": "both", "entrance": "main", "capacity": 2}
    north = kiosk(sandbox.url, "desk-a", venue=club)
    south = kiosk(sandbox.url, "desk-b", venue=club)
    for n in range(2):
        assert north("check", "--iin", sample_iin(70 + n))[0] == 0
    assert north("sync", "--once")[0] == 0

    code, [full], _ = south("check", "--iin", sample_iin(72))
    assert code == 1 and full["decision"] == "deny" and "capacity_reached" in full["flags"]
    assert full["occupancy"] == 2 and full["presence"] == "venue"
    code, [leaving], _ = south("check", "--iin", sample_iin(70))
    assert code == 0 and leaving["direction"] == "exit"
    assert south("sync", "--once")[0] == 0
    code, [room], _ = south("check", "--iin", sample_iin(72))
    assert code == 0 and room["decision"] == "admit" and room["occupancy"] == 2
