"""A running desk whose write-ahead log is removed, and a log emptied while the
desk was off: the terminal desk as a process, against the sandbox, its files
broken on purpose. The sync carries on and the header's count stays right;
a loss the desk cannot undo is found at the next start and said."""

from __future__ import annotations

import json
import os
import sqlite3
from pathlib import Path
from typing import Any

import pytest

from app import main
from sandbox.server import SandboxServer
from tests.breakage import people
from tests.integration.sandbox_fixtures import wait_until
from tests.integration.terminal_process import BIN, DEAD_SERVICE, TerminalDesk, desk_config

ADMIT_UNVERIFIED = '[policy]\nunverified = "admit_unverified"'


def stored_ids(db: Path) -> set[str]:
    conn = sqlite3.connect(db)
    try:
        return {row[0] for row in conn.execute("SELECT id FROM outbox")}
    finally:
        conn.close()


def delivered(server: SandboxServer) -> set[str]:
    return {event.id for event in server.service.events(BIN, limit=100_000)}


def last_header(desk: TerminalDesk) -> str:
    headers = desk.headers()
    return headers[-1] if headers else ""


@pytest.mark.slow
def test_the_sync_carries_on_after_the_log_is_removed_under_an_idle_desk(
    tmp_path: Path, sandbox: SandboxServer
) -> None:
    data = tmp_path / "data"
    config = desk_config(tmp_path / "desk.toml", sandbox.url, more=ADMIT_UNVERIFIED)
    desk = TerminalDesk(config, data)
    try:
        desk.send(people(10, first=1_000))
        desk.until(lambda: len(desk.decisions) == 10)
        wait_until(lambda: len(delivered(sandbox)) == 10, timeout=20)
        desk.until(lambda: last_header(desk).endswith("online; 0 event(s) waiting"))

        (data / "kiosk.sqlite3-wal").unlink()  # a clean-up tool, the desk idle
        desk.until(lambda: len(desk.alerts("database_rescued")) == 1)
        sandbox.stop()  # the next check-ins wait: the header must count them
        desk.send(people(5, first=2_000))
        desk.until(lambda: len(desk.decisions) == 15)
        desk.until(lambda: last_header(desk).endswith("; 5 event(s) waiting"))
        assert "offline" in last_header(desk)
        sandbox.start()
        wait_until(lambda: len(delivered(sandbox)) == 15, timeout=30)
        desk.until(lambda: last_header(desk).endswith("online; 0 event(s) waiting"))
        desk.send([], close=True)
        assert desk.end() == 0, desk.said
    finally:
        desk.close()

    assert delivered(sandbox) == set(desk.events), "every check-in shown reached the service"
    assert set(desk.events) <= stored_ids(data / "kiosk.sqlite3")
    assert not [s for s in desk.said if "sync stopped" in s or "Traceback" in s]


@pytest.mark.slow
def test_a_desk_under_load_carries_on_when_its_log_is_removed_twice(
    tmp_path: Path, sandbox: SandboxServer
) -> None:
    data = tmp_path / "data"
    wal = data / "kiosk.sqlite3-wal"
    desk = TerminalDesk(desk_config(tmp_path / "desk.toml", sandbox.url), data)
    codes = people(150, first=10_000)
    try:
        desk.send(codes)
        for removed, after in enumerate((30, 80), start=1):
            desk.until(lambda after=after: len(desk.decisions) >= after)  # type: ignore[misc]
            wal.unlink()
            desk.until(
                lambda removed=removed: len(desk.alerts("database_rescued")) == removed  # type: ignore[misc]
            )
        desk.until(lambda: len(desk.decisions) == len(codes))
        wait_until(lambda: len(delivered(sandbox)) == len(desk.events), timeout=30)
        desk.until(lambda: last_header(desk).endswith("online; 0 event(s) waiting"))
        desk.send([], close=True)
        code = desk.end()
    finally:
        desk.close()

    assert code == 0, desk.said
    assert len(desk.events) == len(codes), "every code checked in once"
    assert set(desk.events) <= stored_ids(data / "kiosk.sqlite3"), "nothing shown was lost"
    assert delivered(sandbox) == set(desk.events)


def run(argv: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, dict[str, Any], str]:
    capsys.readouterr()
    code = main(argv)
    out, err = capsys.readouterr()
    return code, json.loads(out.splitlines()[-1]) if out.strip() else {}, err


@pytest.mark.slow
def test_a_log_emptied_while_the_desk_was_off_is_found_and_said_at_the_next_start(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    data = tmp_path / "data"
    db = data / "kiosk.sqlite3"
    config = desk_config(tmp_path / "desk.toml", DEAD_SERVICE, more=ADMIT_UNVERIFIED)
    desk = TerminalDesk(config, data)
    try:
        desk.send(people(30, first=3_000))
        desk.until(lambda: len(desk.decisions) == 30)
        desk.kill()  # the power goes
    finally:
        desk.close()
    shown = desk.events
    assert len(shown) == 30
    os.truncate(data / "kiosk.sqlite3-wal", 0)  # then a clean-up tool empties the log

    code, status, err = run(["--config", str(config), "--data-dir", str(data), "status"], capsys)

    lost = [event for event in shown if event not in stored_ids(db)]
    assert code == 0, err
    assert lost, "the emptied log took check-ins with it"
    [alert] = [a for a in status["alerts"] if a["kind"] == "database_rescued"]
    assert (alert["what"], alert["events_lost"]) == ("events_lost", len(lost))

    again = TerminalDesk(config, data)  # the desk, started again, says it too
    try:
        again.until(lambda: bool(again.alerts("database_rescued")))
        again.until(lambda: any("missing from the database" in s for s in again.said))
        again.send([], close=True)
        assert again.end() == 0
    finally:
        again.close()
    [line] = again.alerts("database_rescued")
    assert line["events_lost"] == len(lost)
    code, status, _ = run(["--config", str(config), "--data-dir", str(data), "status"], capsys)
    kinds = [a["kind"] for a in status["alerts"]]
    assert kinds.count("database_rescued") == 1, "found once, not again at every start"
