"""PIN guessing against a doctor room: at the command line, after a restart, and from
several processes at once, there are five tries before the lock, never more.

`referral resolve --pin` runs the real command (in this process, or in child
processes); the doctor room's screen uses the same guard (`App.pin_guard`),
so what locks one locks the other.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from app import main
from app.context import app_for
from config.settings import parse_settings
from kiosk.pins import PinOutcome, hash_pin
from kiosk.storage.lockout import LOCKOUT_FILE
from tests.integration.sandbox_fixtures import REPO, VENUE_BIN

RIGHT, WRONG = "246813", "135790"
GUESSERS = 4


@pytest.fixture(scope="module")
def stored() -> str:
    return hash_pin(RIGHT)


@pytest.fixture
def doctor_config(tmp_path: Path, stored: str) -> Path:
    """A doctor room with a doctor PIN and a service that is not there (nothing to resolve)."""
    config = tmp_path / "doctor.toml"
    config.write_text(
        f'[venue]\nbin = "{VENUE_BIN}"\nentrance = "medical"\ndesk = "doctor"\n'
        'mode = "boarding"\nrole = "doctor"\n'
        '[service]\nurl = "http://127.0.0.1:9"\nconnect_timeout = 0.2\nread_timeout = 0.2\n'
        f'[pins]\ndoctor = "{stored}"\n',
        encoding="utf-8",
    )
    return config


def resolve(config: Path, folder: Path, pin: str) -> int:
    argv = ["--config", str(config), "--data-dir", str(folder), "referral", "resolve"]
    argv += ["G7-001", "--outcome", "cleared", "--note", "", "--pin", pin]
    return main(argv)


def test_thirty_wrong_pins_at_the_command_line_then_the_right_one_is_refused(
    doctor_config: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = tmp_path / "doctor-data"
    said = []
    for _ in range(30):
        assert resolve(doctor_config, folder, WRONG) == 1
        said.append(capsys.readouterr().err)
    assert [("PIN is wrong" in s, "locked" in s) for s in said[:5]] == [(True, False)] * 4 + [
        (False, True)
    ]
    assert all("locked" in s for s in said[5:])
    assert resolve(doctor_config, folder, RIGHT) == 1
    assert "locked" in capsys.readouterr().err, "the right PIN waits for the lock too"

    # the doctor room's screen asks the same guard: locked as well
    app = app_for(parse_settings(_settings(doctor_config)), folder)
    try:
        screen = app.pin_guard("doctor")
        assert screen.lock_remaining() > 0
        assert screen.check(RIGHT).outcome is PinOutcome.LOCKED
    finally:
        app.close()


def test_a_restart_does_not_clear_the_count(
    doctor_config: Path, tmp_path: Path, stored: str
) -> None:
    folder = tmp_path / "doctor-data"
    folder.mkdir()
    for _ in range(4):
        assert _child(doctor_config, folder, WRONG).returncode == 1
    last = _child(doctor_config, folder, WRONG)
    assert last.returncode == 1 and "locked" in last.stderr
    right = _child(doctor_config, folder, RIGHT)
    assert right.returncode == 1 and "locked" in right.stderr
    kept = json.loads((folder / LOCKOUT_FILE).read_text(encoding="utf-8"))
    assert kept["doctor"]["locks"] == 1 and kept["doctor"]["lock_seconds"] == 60


def test_guessers_in_several_processes_at_once_get_five_tries_between_them(
    tmp_path: Path, stored: str
) -> None:
    folder = tmp_path / "doctor-data"
    folder.mkdir()
    script = (
        "import sys\n"
        "from shared.clock import SystemClock\n"
        "from kiosk.storage.lockout import FileLockouts\n"
        "from kiosk.pins import PinGuard\n"
        "guard = PinGuard(sys.argv[1], SystemClock(), lockouts=FileLockouts(sys.argv[2]),"
        " key='doctor')\n"
        "sys.stdin.readline()\n"  # all start together
        "for _ in range(5):\n"
        "    print(guard.check(sys.argv[3]).outcome.value, flush=True)\n"
    )
    guessers = [
        subprocess.Popen(
            [sys.executable, "-c", script, stored, str(folder), WRONG],
            cwd=REPO,
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        for _ in range(GUESSERS)
    ]
    for guesser in guessers:
        assert guesser.stdin is not None
        guesser.stdin.write("go\n")
        guesser.stdin.flush()
    answers: list[str] = []
    for guesser in guessers:
        out, err = guesser.communicate(timeout=60)
        assert guesser.returncode == 0, err
        answers += out.split()
    assert len(answers) == 5 * GUESSERS
    # four wrong, the fifth locks; every later guess meets the lock unchecked
    assert answers.count(PinOutcome.WRONG.value) == 4
    assert answers.count(PinOutcome.LOCKED.value) == 5 * GUESSERS - 4


def _child(config: Path, folder: Path, pin: str) -> subprocess.CompletedProcess[str]:
    argv = ["--config", str(config), "--data-dir", str(folder), "referral", "resolve"]
    argv += ["G7-001", "--outcome", "cleared", "--note", "", "--pin", pin]
    command = [sys.executable, "-c", "import sys; from app import main; sys.exit(main())"]
    return subprocess.run(
        [*command, *argv], cwd=REPO, capture_output=True, text=True, timeout=60, check=False
    )


def _settings(config: Path) -> dict[str, object]:
    import tomllib

    return tomllib.loads(config.read_text(encoding="utf-8"))
