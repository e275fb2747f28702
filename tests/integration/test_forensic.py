"""Forensics: after 10 000 check-ins over two business days, delivered to the
service and closed out, every file in the data folder, read as bytes, gives
nobody a raw IIN, a masked id, a pass holder's name, a subject that a day's
key (captured during the test) would link to an IIN, or a key itself; and the
new key links nothing stored to anyone. That holds for free text too: staff
refer some visitors to the doctor with a note that names another visitor
(their IIN and name typed in), and the doctor's resolution note does the
same.

The visitors come through the real desk (DeskController → Reception) with
signed passes, live lookups at the sandbox, offline visitors answered by
staff (some red after all: retroactive reports), red reports, re-scans,
exits by scan and by staff, alerts acknowledged or left; the outbox is synced
over HTTP as the day goes on, and the first event after midnight turns the
day's key.
"""

from __future__ import annotations

import datetime as dt
import json
import queue
import re
import uuid
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

from app import main
from kiosk.decision import Decision
from kiosk.desk import DeskController, DeskOptions
from kiosk.desksettings import DeskRole, DeskSettings
from kiosk.events import DeskIdentity
from kiosk.listeners import DeskListener
from kiosk.policy import Policy
from kiosk.reception import Reception
from kiosk.referrals.values import ReferralReason
from kiosk.service.api import ApiClient
from kiosk.service.live import LiveStatus
from kiosk.service.lookup import LookupFailed, StatusFacts, StatusSource
from kiosk.status import Status
from kiosk.storage.outbox import Outbox
from kiosk.storage.store import Store
from kiosk.storage.subjects import SubjectKey
from kiosk.sync import Syncer
from kiosk.vocabulary import Method, StaffAnswer
from kiosk.wiretime import format_time
from sandbox.server import SandboxServer
from tests.breakage import people
from tests.fakes import FakeClock, PassIssuer
from tests.integration.sandbox_fixtures import DOCTOR_TOKEN, VENUE_BIN, SandboxHttp

VISITORS = 10_000
STEP = 1.5  # seconds between visitors: 4 h 10 min, across midnight
START = dt.datetime(2026, 11, 20, 22, 0, tzinfo=dt.UTC).timestamp()
MIDNIGHT = dt.datetime(2026, 11, 21, tzinfo=dt.UTC).timestamp()
DESK = DeskIdentity(VENUE_BIN, "main", "desk-1")
STATUSES = (Status.GREEN, Status.BLUE, Status.YELLOW, Status.RED)
BULLETS = rb"(?:\xe2\x80\xa2|\\u2022){4,}\d{4}"  # a masked id, in UTF-8 or JSON-escaped
NAME = "Visitor-{:06d}"


class Switch:
    """The live source, or no answer at all (the network is down for a moment)."""

    def __init__(self, inner: StatusSource) -> None:
        self.inner = inner
        self.online = True

    def lookup(self, iin: str) -> StatusFacts:
        if not self.online:
            raise LookupFailed("offline")
        return self.inner.lookup(iin)


class Heard(DeskListener):
    def __init__(self) -> None:
        self.decisions: queue.SimpleQueue[Decision] = queue.SimpleQueue()
        self.alerts: list[int] = []

    def decision_shown(self, decision: Decision) -> None:
        self.decisions.put(decision)

    def alert_raised(self, alert: Any) -> None:
        self.alerts.append(alert.id)


@dataclass
class Evidence:
    """What the folder's files hold, as bytes."""

    @property
    def files(self) -> int:
        return len(self.names_of_files)

    names_of_files: list[str]
    size: int
    blob: bytes
    digits: set[bytes]  # every 12-digit window of every run of digits
    hexes: set[str]  # every 64-character window of every run of hex digits
    masked: list[bytes]
    names: list[bytes]


def read_folder(folder: Path) -> Evidence:
    files = sorted(p for p in folder.rglob("*") if p.is_file())
    blob = b"\0".join(p.read_bytes() for p in files)
    digits = {
        run[k : k + 12]
        for m in re.finditer(rb"\d{12,}", blob)
        for run in [m.group()]
        for k in range(len(run) - 11)
    }
    hexes = {
        run[k : k + 64].decode().lower()
        for m in re.finditer(rb"[0-9a-fA-F]{64,}", blob)
        for run in [m.group()]
        for k in range(len(run) - 63)
    }
    return Evidence(
        [p.name for p in files],
        len(blob) - len(files) + 1,
        blob,
        digits,
        hexes,
        re.findall(BULLETS, blob),
        re.findall(rb"Visitor-\d{6}", blob),
    )


def day_key(folder: Path) -> SubjectKey:
    data = json.loads((folder / "subject.key").read_text(encoding="ascii"))
    return SubjectKey(bytes.fromhex(data["key"]), float(data["created_at"]))


class Day:
    """The desk, its sync, and the visitors of one long evening."""

    def __init__(self, folder: Path, sandbox: SandboxServer, clock: FakeClock) -> None:
        self.folder = folder
        self.clock = clock
        self.issuer = PassIssuer()
        self.client = ApiClient(sandbox.url, "demo", connect_timeout=1.0, read_timeout=10.0)
        self.live = LiveStatus(self.client, deadline=5.0)
        self.switch = Switch(self.live)
        settings = DeskSettings(desk=DESK, policy=Policy(), role=DeskRole.BOTH, timezone=dt.UTC)

        def reception(store: Store, source: StatusSource | None) -> Reception:
            return Reception(settings, store, clock, lambda: self.issuer.trust, source)

        self.heard = Heard()
        self.desk = DeskController(
            lambda: Store.in_dir(folder),
            reception,
            clock,
            source=self.switch,
            options=DeskOptions(question_timeout=600, idle_tick=3600),
        )
        self.desk.add_listener(self.heard)
        self.desk.start()
        assert self.desk.wait_ready()
        self.sync_store = Store.in_dir(folder)  # the sync's own connection, as in the kiosk
        self.syncer = Syncer(self.sync_store, self.client, clock)
        self.keys: dict[bytes, SubjectKey] = {}

    def show(self, text: str, *, staff_out: bool = False) -> Decision:
        """The decision a screen would show (recorded, unless staff must answer)."""
        if staff_out:
            self.desk.check_out(text, Method.MANUAL)
        else:
            self.desk.submit(text, Method.SCANNER)
        decision = self.heard.decisions.get(timeout=10)
        key = day_key(self.folder)
        self.keys.setdefault(key.secret, key)
        return decision

    def answer(self, asked: Decision, answer: StaffAnswer) -> Decision:
        self.desk.answer(asked.id, answer, "aigerim")  # a question's id is its decision's
        return self.heard.decisions.get(timeout=10)

    def sync(self) -> int:
        report = self.syncer.run_once()
        assert report.error is None, report.error
        return report.retroactive_red

    def refer(self, decision: Decision, note: str) -> None:
        """Staff send the person to the doctor, with a typed note."""
        self.desk.open_referral(decision.id, ReferralReason.OTHER, note)
        assert self.desk.flush()

    def acknowledge_some_alerts(self) -> None:
        assert self.desk.flush()
        for alert_id in self.heard.alerts[::2]:
            self.desk.acknowledge(alert_id)
        self.heard.alerts.clear()
        assert self.desk.flush()

    def close(self) -> None:
        self.desk.stop()
        self.sync_store.close()
        self.live.close()
        self.client.close()


@pytest.mark.slow
def test_after_a_synced_and_closed_day_the_files_link_nothing_to_anyone(
    tmp_path: Path, sandbox: SandboxServer, http: SandboxHttp, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = tmp_path / "kiosk-data"
    clock = FakeClock(START)
    iins = people(VISITORS)
    day = Day(folder, sandbox, clock)
    counts: dict[str, int] = {}
    exits: dict[int, list[tuple[str, bool]]] = {}

    def count(what: str) -> None:
        counts[what] = counts.get(what, 0) + 1

    try:
        for i, iin in enumerate(iins):
            for leaving, by_staff in exits.pop(i, []):
                day.show(leaving, staff_out=by_staff)
                count("exit")
            kind = i % 10
            day.switch.online = kind < 8
            if kind < 5:
                name = NAME.format(i) if i % 3 == 0 else None
                code = day.issuer.issue(iin, STATUSES[i % 4], at=clock.now(), name=name)
            else:
                code = iin
            if kind >= 8 and i % 40 == 8:  # let in offline, red at the service after all
                assert http.put(f"/v1/sandbox/people/{iin}", json={"status": "red"}).ok
            decision = day.show(code)
            if decision.awaiting_staff:
                answer = StaffAnswer.REFUSE if i % 20 == 19 else StaffAnswer.ADMIT
                decision = day.answer(decision, answer)
                count("staff_answer")
            if i % 97 == 1:
                assert day.show(code).repeat
            if decision.admitted and i % 3 == 0:
                exits.setdefault(i + 40, []).append((iin, i % 9 == 0))
            if i % 500 == 7:  # a note naming the next visitor, IIN and name
                day.refer(decision, f"with {NAME.format(i + 1)}, IIN {iins[i + 1]}: her brother")
                count("referral")
            count(decision.outcome.value)
            clock.advance(STEP)
            if i % 1000 == 999:
                counts["retroactive_red"] = counts.get("retroactive_red", 0) + day.sync()
                day.acknowledge_some_alerts()
        while Outbox(day.sync_store).stats().pending:
            counts["retroactive_red"] = counts.get("retroactive_red", 0) + day.sync()
        # The doctor room resolves them, naming someone else again; the desk pulls.
        for n, referral in enumerate(sandbox.service.referrals(VENUE_BIN).referrals):
            note = f"phoned {NAME.format(n)} ({iins[n]})"
            body = {"id": str(uuid.uuid4()), "outcome": "confirmed", "note": note}
            body["resolved_at"] = format_time(clock.now())
            url = f"/v1/referrals/{referral.id}/resolution"
            assert http.post(url, json=body, token=DOCTOR_TOKEN).ok
        day.desk.referrals_pulled(day.client.pull_referrals(VENUE_BIN, since=START - 86_400))
        assert day.desk.flush()
        before_close = read_folder(folder)
        today = day_key(folder)
        # Positive control: before the close-out today's links are there to be found.
        assert before_close.hexes & {today.subject(iin) for iin in iins}
        assert before_close.masked
        assert len(day.keys) == 2, "the first event after midnight turned the key"
        # the notes typed today (yesterday's went at midnight) and the doctor's
        today = [i for i in range(7, VISITORS, 500) if START + i * STEP > MIDNIGHT]
        typed = [iins[i + 1] for i in today] + iins[: counts["referral"]]
        missing = [iin for iin in typed if iin.encode() not in before_close.digits]
        assert not missing, f"the notes are there: {len(missing)} of {len(typed)} missing"

        # The close-out (and the sync of its automatic exits) with the desk still
        # running: its log and index files are read too.
        config = tmp_path / "desk.toml"
        config.write_text(
            f'[venue]\nbin = "{VENUE_BIN}"\n[service]\nurl = "{sandbox.url}"\n', encoding="utf-8"
        )
        where = ["--config", str(config), "--data-dir", str(folder)]
        assert main([*where, "close-out"]) == 0
        assert main([*where, "sync", "--once"]) == 0
        capsys.readouterr()
        running = read_folder(folder)
    finally:
        day.close()
    stopped = read_folder(folder)

    delivered = sandbox.service.events(VENUE_BIN, limit=100_000)
    print(
        f"\n{VISITORS} visitors, {len(delivered)} events delivered, {counts}; scanned "
        f"{running.files} files, {running.size:,} bytes with the desk running "
        f"({', '.join(running.names_of_files)}), {stopped.files} files, {stopped.size:,} bytes "
        "after it stopped"
    )
    assert counts["retroactive_red"] >= 10 and counts["staff_answer"] >= 1000
    assert counts["exit"] >= 1000 and counts["deny"] >= 1000 and counts["referral"] == 20
    assert len(delivered) >= VISITORS + counts["exit"]
    assert "kiosk.sqlite3-wal" in running.names_of_files
    new_key = day_key(folder)
    assert new_key.secret not in day.keys
    for files in (running, stopped):
        assert_links_nothing(files, iins, [*day.keys.values()], new_key)


def assert_links_nothing(
    files: Evidence, iins: list[str], old_keys: list[SubjectKey], new_key: SubjectKey
) -> None:
    raw = [iin for iin in iins if iin.encode() in files.digits]
    assert not raw, f"{len(raw)} raw IINs readable, e.g. ...{raw[0][-4:]}"
    assert not files.masked, f"{len(files.masked)} masked ids left, e.g. {files.masked[0]!r}"
    assert not files.names, f"{len(files.names)} pass holders' names left"
    for key in old_keys:
        linked = [iin for iin in iins if key.subject(iin) in files.hexes]
        assert not linked, f"{len(linked)} subjects of an old key still stored"
        assert key.secret not in files.blob and key.secret.hex().encode() not in files.blob
    assert not [iin for iin in iins if new_key.subject(iin) in files.hexes]
