"""Every command on a data folder it cannot use: exit 3 and why, never a traceback.

`sync --once`, `status`, `check` and `close-out` each meet a damaged page,
a file that is not a database, a data folder that is a file, a log replaced
by a folder, a full disk and (where a mount namespace can be made) a
read-only file system; nothing already queued is lost, and once the disk
has room again each event reaches the service exactly once.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

from app import main
from kiosk.events import DeskIdentity
from sandbox.server import SandboxServer
from tests.breakage import (
    REPO,
    damage_a_page,
    people,
    queue_events,
    run_with_file_limit,
    table_pages,
)
from tests.integration.faultproxy import free_port
from tests.integration.sandbox_fixtures import VENUE_BIN

DESK = DeskIdentity(VENUE_BIN, "main", "desk-1")
AT = 1_790_000_000.0
VISITOR = "870412300017"
COMMANDS = {
    "sync": ("sync", "--once"),
    "status": ("status",),
    "check": ("check", "--iin", VISITOR),
    "close-out": ("close-out",),
}


def write_config(tmp_path: Path, url: str) -> Path:
    config = tmp_path / "desk.toml"
    config.write_text(
        f'[venue]\nbin = "{VENUE_BIN}"\n'
        f'[service]\nurl = "{url}"\nconnect_timeout = 1.0\nread_timeout = 2.0\n'
        "status_deadline = 0.5\n",
        encoding="utf-8",
    )
    return config


def queued_folder(tmp_path: Path, count: int = 200) -> tuple[Path, list[str]]:
    folder = tmp_path / "kiosk-data"
    return folder, queue_events(folder, people(count), desk=DESK, at=AT)


# -- ways to break the folder: each returns the --data-dir to give ---------------------


def damaged_page(folder: Path) -> Path:
    db = folder / "kiosk.sqlite3"
    damage_a_page(db, page=table_pages(db, "outbox")[0])
    return folder


def not_a_database(folder: Path) -> Path:
    (folder / "kiosk.sqlite3").write_bytes(b"PK\x03\x04 a zip file someone saved here" * 200)
    return folder


def folder_is_a_file(folder: Path) -> Path:
    shutil.rmtree(folder)
    folder.write_text("a file where the data folder was\n", encoding="utf-8")
    return folder


def log_is_a_folder(folder: Path) -> Path:
    (folder / "kiosk.sqlite3-wal").mkdir()
    return folder


BREAKERS: dict[str, tuple[Callable[[Path], Path], str]] = {
    "damaged_page": (damaged_page, "ashyq-kiosk recover"),
    "not_a_database": (not_a_database, "damaged or not a kiosk database"),
    "folder_is_a_file": (folder_is_a_file, "cannot be opened for writing"),
    "log_is_a_folder": (log_is_a_folder, "cannot be opened for writing"),
}


@pytest.mark.parametrize("command", list(COMMANDS))
@pytest.mark.parametrize("breaker", list(BREAKERS))
def test_a_folder_that_cannot_be_used_is_exit_3_with_the_reason(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], breaker: str, command: str
) -> None:
    folder, _ = queued_folder(tmp_path, 60)
    break_it, words = BREAKERS[breaker]
    data_dir = break_it(folder)
    db = folder / "kiosk.sqlite3"
    before = db.read_bytes() if db.is_file() else None
    config = write_config(tmp_path, f"http://127.0.0.1:{free_port()}")

    code = main(["--config", str(config), "--data-dir", str(data_dir), *COMMANDS[command]])
    out, err = capsys.readouterr()

    assert code == 3, err
    assert words in err and "Traceback" not in err
    assert out == "", "no decision, no report printed"
    if before is not None:
        assert db.read_bytes() == before, "the file was left as it was"


def test_the_sync_lock_replaced_by_a_folder_is_exit_3_and_the_queue_is_kept(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder, ids = queued_folder(tmp_path, 20)
    (folder / "sync.lock").mkdir()
    config = write_config(tmp_path, f"http://127.0.0.1:{free_port()}")
    where = ["--config", str(config), "--data-dir", str(folder)]

    code = main([*where, "sync", "--once"])
    _, err = capsys.readouterr()

    assert code == 3 and "sync.lock" in err and "Traceback" not in err
    assert main([*where, "status"]) == 0
    assert f'"pending": {len(ids)}' in capsys.readouterr().out


def test_a_full_disk_is_exit_3_for_every_command_and_a_later_sync_sends_each_event_once(
    tmp_path: Path, sandbox: SandboxServer, capsys: pytest.CaptureFixture[str]
) -> None:
    folder, ids = queued_folder(tmp_path, 300)
    config = write_config(tmp_path, sandbox.url)
    where = ["--config", str(config), "--data-dir", str(folder)]
    for command in COMMANDS.values():
        done = run_with_file_limit(0, [*where, *command])  # not one byte more fits
        assert done.returncode == 3, done.stderr
        assert "full" in done.stderr and "Traceback" not in done.stderr
        assert done.stdout == ""

    # Room for the log to start, not for recording the service's answer: the
    # service has the events, the kiosk cannot mark them sent.
    done = run_with_file_limit(40_000, [*where, *COMMANDS["sync"]])
    assert done.returncode == 3, done.stderr
    assert "full" in done.stderr and "Traceback" not in done.stderr
    assert len(sandbox.service.events(VENUE_BIN, limit=10_000)) == len(ids)

    assert main([*where, "sync", "--once"]) == 0  # space again
    assert '"pending": 0' in capsys.readouterr().out
    stored = [e.id for e in sandbox.service.events(VENUE_BIN, limit=10_000)]
    assert sorted(stored) == sorted(ids), "each event stored once"


def _mount_namespace() -> list[str] | None:
    """How to run a command in a mount namespace of its own here, if at all."""
    for prefix in (["unshare", "--mount"], ["unshare", "--user", "--map-root-user", "--mount"]):
        try:
            probe = subprocess.run(
                [*prefix, "sh", "-c", "mount -t tmpfs none /mnt 2>/dev/null || exit 1"],
                capture_output=True,
                timeout=10,
                check=False,
                cwd="/",
            )
        except (OSError, subprocess.TimeoutExpired):
            return None
        if probe.returncode == 0:
            return prefix
    return None


@pytest.mark.skipif(sys.platform != "linux", reason="mount namespaces are Linux's")
def test_a_read_only_file_system_is_exit_3_for_every_command(tmp_path: Path) -> None:
    prefix = _mount_namespace()
    if prefix is None:
        pytest.skip("no mount namespace here (the other tests cover a folder that cannot be used)")
    folder, _ = queued_folder(tmp_path, 20)
    config = write_config(tmp_path, f"http://127.0.0.1:{free_port()}")
    mounted = tmp_path / "mounted"
    mounted.mkdir()
    runs = "\n".join(
        f"{sys.executable} -c 'import sys; from app import main; sys.exit(main(sys.argv[1:]))' "
        f'--config {config} --data-dir {mounted} {" ".join(argv)}; echo "exit=$?"'
        for argv in COMMANDS.values()
    )
    script = (
        f"mount -t tmpfs none {mounted} && cp -a {folder}/. {mounted}/ && "
        f"mount -o remount,ro {mounted} || exit 99\n{runs}\n"
    )
    done = subprocess.run(
        [*prefix, "sh", "-c", script],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
        env={"PYTHONPATH": str(REPO), "PATH": "/usr/bin:/bin"},
    )
    assert done.returncode != 99, done.stderr
    assert done.stdout.splitlines() == ["exit=3"] * len(COMMANDS), done.stderr
    assert done.stderr.count("cannot be opened for writing") == len(COMMANDS)
    assert "Traceback" not in done.stderr
