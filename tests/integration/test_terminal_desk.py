"""The terminal desk (`run --headless`): a keyboard-wedge scanner typing through
US, Russian and Kazakh layouts, codes and staff keys on separate channels,
a re-scan, and the exit code when the database is gone or damaged."""

from __future__ import annotations

import io
import json
import os
import queue
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import pytest

from app.terminal import HELP, Line, TerminalDesk, TerminalListener
from hardware.layouts import KAZAKH, RUSSIAN
from hardware.wedge import KeyPress, WedgeDetector, WedgeSettings
from kiosk.desk import DeskController, DeskOptions
from kiosk.desksettings import DeskSettings
from kiosk.events import DeskIdentity
from kiosk.passes import TrustList
from kiosk.policy import Policy
from kiosk.reception import Reception
from kiosk.service.lookup import StatusSource
from kiosk.status import Status
from kiosk.storage.store import Store
from sandbox.server import SandboxServer
from tests.breakage import damage_a_page, people, queue_events, table_pages
from tests.fakes import GREEN_IIN, FakeSource, clock_within_today

ROOT = Path(__file__).resolve().parents[2]
BIN = "150340012345"


# -- the terminal desk in this process, through the desk controller -----------------


class Terminal:
    def __init__(self, tmp_path: Path, source: FakeSource) -> None:
        self.clock = clock_within_today()
        settings = DeskSettings(desk=DeskIdentity(BIN, "main", "desk-1"), policy=Policy())

        def reception(store: Store, watched: StatusSource | None) -> Reception:
            return Reception(settings, store, self.clock, TrustList, watched)

        self.controller = DeskController(
            lambda: Store(tmp_path / "kiosk.sqlite3"),
            reception,
            self.clock,
            source=source,
            options=DeskOptions(idle_tick=3600),
        )
        self.out, self.err = io.StringIO(), io.StringIO()
        self.listener = TerminalListener(self.out, self.err)
        self.controller.add_listener(self.listener)
        self.controller.start()
        assert self.controller.wait_ready()

    def run(self, *stages: list[Any], wedge: bool) -> list[dict[str, Any]]:
        """Each stage is typed once the desk has dealt with the one before
        (staff answer a question only after it is on the screen)."""
        desk = TerminalDesk(
            self.controller,
            self.listener,
            operator="aigerim",
            recover=lambda text: text.strip(),
            wedge=WedgeDetector(WedgeSettings()) if wedge else None,
        )
        for items in stages:
            feed: queue.Queue[Any] = queue.Queue()
            for item in [*items, None]:
                feed.put(item)
            desk.run(feed)
            assert self.controller.flush()
        return [json.loads(line) for line in self.out.getvalue().splitlines()]


@pytest.fixture
def terminal(tmp_path: Path) -> Any:
    source = FakeSource({GREEN_IIN: Status.GREEN})
    made = Terminal(tmp_path, source)
    made.source = source  # type: ignore[attr-defined]
    yield made
    made.controller.stop()


def keys(text: str, *, start: float, gap: float) -> list[KeyPress]:
    return [KeyPress(char, start + index * gap) for index, char in enumerate(text)]


def test_a_fast_burst_is_a_scan_and_slow_keys_are_staff_commands(terminal: Any) -> None:
    terminal.source.online = False  # staff must decide
    now = time.monotonic()
    burst = keys(GREEN_IIN + "\r", start=now, gap=0.004)
    staff = keys("a\r", start=now + 1.0, gap=0.2)
    lines = terminal.run(burst, staff, wedge=True)

    decisions = [line for line in lines if "decision" in line]
    assert [d["decision"] for d in decisions] == ["ask_staff", "admit"]
    assert decisions[0]["method"] == "scanner" and decisions[1]["operator"] == "aigerim"
    assert any("question" in line for line in lines)


def test_a_code_that_says_admit_is_a_code_not_a_staff_answer(terminal: Any) -> None:
    terminal.source.online = False
    now = time.monotonic()
    scan = keys(GREEN_IIN + "\r", start=now, gap=0.004)
    fake_answer = keys("admit-admit\r", start=now + 1.0, gap=0.004)  # a scanner burst
    terminal.run(scan, fake_answer, wedge=True)
    assert terminal.listener.questions, "the scanned word answered nothing"

    terminal.controller.stop()
    lines = [json.loads(line) for line in terminal.out.getvalue().splitlines()]
    decisions = [line for line in lines if "decision" in line]
    assert [d["decision"] for d in decisions] == ["ask_staff", "invalid_code", "ask_staff"]
    assert decisions[-1]["event_ids"], "stopping records the open question, unanswered"


def test_lines_from_a_pipe_are_codes_and_a_rescan_is_a_repeat(terminal: Any) -> None:
    lines = terminal.run([Line(GREEN_IIN), Line(GREEN_IIN), Line("admit")], wedge=False)
    decisions = [line for line in lines if "decision" in line]
    assert [d["decision"] for d in decisions] == ["admit", "admit", "invalid_code"]
    assert decisions[1]["flags"] == ["repeat"] and decisions[1]["event_ids"] == []
    assert decisions[1]["direction"] == "entry"


def test_staff_help_and_unknown_commands_say_what_to_type(terminal: Any) -> None:
    now = time.monotonic()
    terminal.run(keys("help\r", start=now, gap=0.2), keys("xyz\r", start=now + 2, gap=0.2),
                 wedge=True)  # fmt: skip
    said = terminal.err.getvalue()
    assert HELP in said and "not a staff command: 'xyz'" in said


# -- `ashyq-kiosk run --headless` as a process, against the sandbox ------------------


def run_headless(
    tmp_path: Path, sandbox: SandboxServer, stdin: str, layout: str
) -> tuple[int, list[dict], str]:
    key = sandbox.service.jwks()["keys"][0]
    config = tmp_path / "desk.toml"
    config.write_text(  # the service's key pinned, as a venue's config has it
        f'[venue]\nbin = "{BIN}"\n[service]\nurl = "{sandbox.url}"\nstatus_deadline = 1.0\n'
        f'[camera]\ndevice = "none"\n[scanner]\nlayout = "{layout}"\n'
        f'[[trust.keys]]\nkid = "{key["kid"]}"\nx = "{key["x"]}"\n',
        encoding="utf-8",
    )
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    env.pop("DISPLAY", None)
    program = (
        "import sys; from app import main; "
        f"sys.exit(main(['run', '--headless', '--config', {str(config)!r}, "
        f"'--data-dir', {str(tmp_path / 'data')!r}]))"
    )
    proc = subprocess.run(
        [sys.executable, "-c", program],
        input=stdin,
        capture_output=True,
        text=True,
        env=env,
        timeout=60,
        check=False,
    )
    lines = [json.loads(line) for line in proc.stdout.splitlines() if line.startswith("{")]
    return proc.returncode, [line for line in lines if "decision" in line], proc.stderr


@pytest.mark.parametrize(
    ("layout", "typed"),
    [
        ("auto", lambda text: text),
        ("auto", RUSSIAN.type_text),
        ("auto", KAZAKH.type_text),
        ("kk", KAZAKH.type_text),
        ("ru", RUSSIAN.type_text),
    ],
    ids=["us", "ru-auto", "kk-auto", "kk-set", "ru-set"],
)
def test_run_headless_reads_wedge_scanners_under_any_layout(
    tmp_path: Path, sandbox: SandboxServer, layout: str, typed: Any
) -> None:
    from sandbox.people import DEMO_PEOPLE

    green = next(p for p in DEMO_PEOPLE if p.status is Status.GREEN)
    code = sandbox.service.issue_pass(green.iin).text
    stdin = typed(green.iin) + "\n" + typed(code) + "\n"
    exit_code, decisions, err = run_headless(tmp_path, sandbox, stdin, layout)

    assert exit_code == 0, err
    assert "Traceback" not in err
    first, second = decisions
    assert (first["decision"], first["provenance"], first["status"]) == ("admit", "live", "green")
    assert first["masked_id"].endswith(green.iin[-4:])
    assert second["flags"] == ["repeat"], "the same person's pass at once: shown again"


def test_run_headless_with_a_database_that_cannot_be_opened_is_exit_3(
    tmp_path: Path, sandbox: SandboxServer
) -> None:
    (tmp_path / "data").write_text("a file where the data folder should be")
    exit_code, decisions, err = run_headless(tmp_path, sandbox, GREEN_IIN + "\n", "auto")
    assert exit_code == 3 and decisions == [] and "Traceback" not in err


@pytest.mark.parametrize("table", ["outbox", "presence", "alerts"])
def test_run_headless_with_a_damaged_database_is_exit_3_and_leaves_the_file_alone(
    tmp_path: Path, sandbox: SandboxServer, table: str
) -> None:
    folder = tmp_path / "data"
    queue_events(folder, people(60), desk=DeskIdentity(BIN, "main", "desk-1"), at=time.time())
    db = folder / "kiosk.sqlite3"
    damage_a_page(db, page=table_pages(db, table)[0])
    before = db.read_bytes()

    exit_code, decisions, err = run_headless(tmp_path, sandbox, GREEN_IIN + "\n", "auto")

    assert exit_code == 3 and decisions == [], err
    assert "ashyq-kiosk recover" in err and "Traceback" not in err
    assert db.read_bytes() == before, "nothing was written to the damaged file"
