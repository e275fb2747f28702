"""`ashyq-kiosk recover` on databases damaged on purpose: the commands refuse the
file and say to recover; recovery saves every readable row, keeps the damaged
files, says what it lost; the saved events then reach the service once each."""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

from app import main
from kiosk.events import DeskIdentity
from kiosk.storage.alerts import Alerts, ClockSkew, DeviceLost
from kiosk.storage.outbox import Outbox
from kiosk.storage.store import Store
from kiosk.trust import JWKS_KEY
from sandbox.server import SandboxServer
from tests.breakage import (
    damage_a_page,
    people,
    queue_events,
    run_with_file_limit,
    table_pages,
)
from tests.integration.sandbox_fixtures import VENUE_BIN

DESK = DeskIdentity(VENUE_BIN, "main", "desk-1")
AT = 1_790_000_000.0
ACKED, PENDING = 600, 300
JWKS = '{"keys": [{"kid": "k1", "kty": "OKP", "crv": "Ed25519", "x": "' + "A" * 43 + '"}]}'


@dataclass
class Folder:
    """A desk's data folder: 600 delivered events, then 300 waiting, alerts, keys."""

    path: Path
    config: Path
    pending: list[str]
    acked: list[str]
    capsys: pytest.CaptureFixture[str]

    @property
    def db(self) -> Path:
        return self.path / "kiosk.sqlite3"

    def run(self, *argv: str) -> tuple[int, dict[str, Any], str]:
        """Exit code, the last JSON line, stderr."""
        self.capsys.readouterr()
        code = main(["--config", str(self.config), "--data-dir", str(self.path), *argv])
        out, err = self.capsys.readouterr()
        lines = [json.loads(line) for line in out.splitlines() if line.strip()]
        return code, lines[-1] if lines else {}, err

    def outbox(self) -> dict[str, str | None]:
        """Event id → raw IIN, as the (new) database holds them."""
        store = Store(self.db)
        try:
            rows = store.query("SELECT id, iin FROM outbox")
            return {str(r["id"]): r["iin"] for r in rows}  # type: ignore[misc]
        finally:
            store.close()


@pytest.fixture
def folder(tmp_path: Path, sandbox: SandboxServer, capsys: pytest.CaptureFixture[str]) -> Folder:
    path = tmp_path / "kiosk-data"
    iins = people(ACKED + PENDING)
    ids = queue_events(path, iins, desk=DESK, at=AT)
    store = Store.in_dir(path)
    Outbox(store).acknowledge(ids[:ACKED], now=AT + 3600)
    Alerts(store).add(ClockSkew(300.0, 120.0), now=AT)
    Alerts(store).add(DeviceLost("camera"), now=AT)
    store.set_meta(JWKS_KEY, JWKS)
    with store.transaction() as conn:  # two people inside (the table has no row ids)
        for n, event_id in enumerate(ids[-2:]):
            conn.execute(
                "INSERT INTO presence VALUES (?, ?, 'main', 'desk-1', ?)", (f"s{n}", AT, event_id)
            )
    store.checkpoint()
    store.close()
    config = tmp_path / "desk.toml"
    config.write_text(
        f'[venue]\nbin = "{VENUE_BIN}"\n[service]\nurl = "{sandbox.url}"\n'
        "connect_timeout = 1.0\nread_timeout = 2.0\nstatus_deadline = 0.5\n",
        encoding="utf-8",
    )
    return Folder(path, config, ids[ACKED:], ids[:ACKED], capsys)


def damaged_files(folder: Folder) -> list[Path]:
    """The damaged database files kept aside (without their -wal, -shm and .mark)."""
    found = folder.path.glob("kiosk.sqlite3.damaged-*")
    return sorted(p for p in found if not p.name.endswith(("-wal", "-shm", ".mark")))


def test_a_damaged_page_of_delivered_events_is_refused_then_recovered_and_synced(
    folder: Folder, sandbox: SandboxServer
) -> None:
    page = table_pages(folder.db, "outbox")[0]  # the oldest rows: delivered ones
    damage_a_page(folder.db, page=page)
    damaged_bytes = folder.db.read_bytes()

    for argv in (("status",), ("check", "--iin", people(1, first=50_000)[0]), ("sync", "--once")):
        code, out, err = folder.run(*argv)
        assert (code, out) == (3, {}), err
        assert "ashyq-kiosk recover" in err and "Traceback" not in err

    code, saved, err = folder.run("recover")

    assert code == 0, err
    assert saved["recovered"]["pending"] == PENDING, "every waiting event saved"
    assert 0 < saved["recovered"]["acknowledged"] < ACKED, "only the bad page's rows lost"
    assert saved["recovered"]["alerts"] == 2 and saved["pending_lost"] == 0
    assert page in saved["lost_pages"]
    [lost] = saved["unreadable_rows"]["outbox"]
    assert lost[1] - lost[0] + 1 == ACKED - saved["recovered"]["acknowledged"]
    [kept] = damaged_files(folder)
    assert saved["damaged_file"] == str(kept) and kept.read_bytes() == damaged_bytes
    rows = folder.outbox()
    assert set(folder.pending) <= set(rows) and all(rows[i] for i in folder.pending)

    code, status, err = folder.run("status")
    assert code == 0, err
    assert status["pending"] == PENDING and status["trusted_keys"] == 1
    assert status["occupancy"] == 2
    kinds = sorted(a["kind"] for a in status["alerts"])
    assert kinds == ["clock_skew", "database_rescued", "device_lost"]

    code, synced, err = folder.run("sync", "--once")
    assert code == 0 and synced["acknowledged"] == PENDING, err
    stored = [e.id for e in sandbox.service.events(VENUE_BIN, limit=10_000)]
    assert sorted(stored) == sorted(folder.pending), "each saved event delivered once"


def test_waiting_events_on_the_damaged_page_are_counted_as_lost_and_exit_is_1(
    folder: Folder, sandbox: SandboxServer
) -> None:
    damage_a_page(folder.db, page=table_pages(folder.db, "outbox")[-1])  # the newest rows

    code, saved, err = folder.run("recover")

    assert code == 1, err
    lost = saved["pending_lost"]
    assert 0 < lost < PENDING
    assert saved["recovered"]["pending"] == PENDING - lost
    assert saved["recovered"]["acknowledged"] == ACKED
    rows = folder.outbox()
    survivors = [i for i in folder.pending if i in rows]
    assert len(survivors) == PENDING - lost and all(rows[i] for i in survivors)
    code, synced, _ = folder.run("sync", "--once")
    assert code == 0 and synced["acknowledged"] == len(survivors)
    assert len(sandbox.service.events(VENUE_BIN, limit=10_000)) == len(survivors)


def test_a_healthy_database_is_left_as_it_is(folder: Folder) -> None:
    before = {p.name: p.read_bytes() for p in folder.path.iterdir()}

    code, said, err = folder.run("recover")

    assert code == 0 and said == {"healthy": True, "database": str(folder.db)}, err
    after = {p.name: p.read_bytes() for p in folder.path.iterdir() if p.name != "sync.lock"}
    assert after == before


def test_when_the_new_database_cannot_be_written_nothing_is_touched(
    folder: Folder, tmp_path: Path
) -> None:
    damage_a_page(folder.db, page=table_pages(folder.db, "outbox")[0])
    before = {p.name: p.read_bytes() for p in folder.path.iterdir()}
    where = ["--config", str(folder.config), "--data-dir", str(folder.path)]

    done = run_with_file_limit(0, [*where, "recover"])  # a full disk

    assert done.returncode == 3, done.stderr
    assert "full" in done.stderr and "Traceback" not in done.stderr
    after = {p.name: p.read_bytes() for p in folder.path.iterdir() if p.name != "sync.lock"}
    assert after == before, "the damaged file stays where and as it was"


def test_no_database_in_the_folder_is_bad_input(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code = main(["--data-dir", str(tmp_path / "nowhere"), "recover"])
    assert code == 2 and "no kiosk database" in capsys.readouterr().err
