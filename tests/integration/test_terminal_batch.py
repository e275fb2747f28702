"""A piped input to the terminal desk is a batch: every code in it is decided
before the desk stops, the desk is fed no faster than it decides, and a run
stopped midway says how many codes it did not decide (exit 1)."""

from __future__ import annotations

import queue
import re
import threading
from pathlib import Path
from typing import Any

import pytest

from app.terminal import BATCH_BLOCK, Line, TerminalDesk, TerminalListener
from kiosk.desk import DeskController, DeskOptions
from kiosk.desksettings import DeskSettings
from kiosk.events import DeskIdentity
from kiosk.passes import TrustList
from kiosk.policy import Policy
from kiosk.reception import Reception
from kiosk.service.lookup import StatusSource
from kiosk.storage.store import Store
from tests.breakage import people
from tests.fakes import Facts, FakeSource, clock_within_today
from tests.integration.sandbox_fixtures import wait_until
from tests.integration.terminal_process import DEAD_SERVICE, desk_config
from tests.integration.terminal_process import TerminalDesk as TerminalProcess

BATCH = '[policy]\nunverified = "admit_unverified"'


class GatedSource(FakeSource):
    """A service that does not answer until the test opens the gate."""

    def __init__(self) -> None:
        super().__init__()
        self.gate = threading.Event()

    def lookup(self, iin: str) -> Facts:
        assert self.gate.wait(30)
        return super().lookup(iin)


def test_the_end_of_a_piped_input_waits_for_every_code_to_be_decided(tmp_path: Path) -> None:
    import io

    clock = clock_within_today()
    source = GatedSource()
    settings = DeskSettings(desk=DeskIdentity("150340012345", "main", "desk-1"), policy=Policy())

    def reception(store: Store, watched: StatusSource | None) -> Reception:
        return Reception(settings, store, clock, TrustList, watched)

    controller = DeskController(
        lambda: Store(tmp_path / "kiosk.sqlite3"), reception, clock, source=source,
        options=DeskOptions(idle_tick=3600),
    )  # fmt: skip
    out = io.StringIO()
    listener = TerminalListener(out, io.StringIO())
    controller.add_listener(listener)
    controller.start()
    codes = people(4 * BATCH_BLOCK, first=40_000)
    feed: queue.Queue[Any] = queue.Queue()
    for code in codes:
        feed.put(Line(code))
    feed.put(None)
    desk = TerminalDesk(controller, listener, operator="staff", recover=str.strip)
    running = threading.Thread(target=desk.run, args=(feed,))
    try:
        assert controller.wait_ready()
        running.start()
        wait_until(lambda: desk.lines == 3 * BATCH_BLOCK)
        running.join(0.5)
        assert running.is_alive() and desk.lines == 3 * BATCH_BLOCK, "fed no faster than decided"
        assert feed.qsize() == len(codes) - 3 * BATCH_BLOCK + 1

        source.gate.set()
        running.join(30)

        assert not running.is_alive()
        decided = [line for line in out.getvalue().splitlines() if '"decision"' in line]
        assert len(decided) == len(codes), "every code decided when the input's end is taken"
        assert desk.input_ended and desk.decided == desk.lines == len(codes)
    finally:
        source.gate.set()
        running.join(30)
        controller.stop()


@pytest.mark.slow
def test_a_piped_batch_of_3000_lines_is_decided_to_the_last_line(tmp_path: Path) -> None:
    config = desk_config(tmp_path / "desk.toml", DEAD_SERVICE, venue='role = "entry"', more=BATCH)
    visitors = people(500, first=50_000)
    codes = [code for _ in range(6) for code in visitors]  # a scanner reading each one 6 times
    desk = TerminalProcess(config, tmp_path / "data")
    try:
        desk.send(codes, close=True)
        code = desk.end(timeout=120)
    finally:
        desk.close()

    assert code == 0, desk.said[-5:]
    assert len(desk.decisions) == 3000, "one decision a line, to the last"
    assert len(desk.events) == 500, "each visitor checked in once; the rest are repeats"
    assert sum(line["flags"] == ["repeat"] for line in desk.decisions) == 2500
    assert not [s for s in desk.said if "not decided" in s]


def test_a_piped_batch_stopped_midway_says_how_many_codes_it_did_not_decide(
    tmp_path: Path,
) -> None:
    config = desk_config(tmp_path / "desk.toml", DEAD_SERVICE, more=BATCH)
    desk = TerminalProcess(config, tmp_path / "data")
    try:
        desk.send(people(3000, first=60_000), close=True)
        desk.until(lambda: len(desk.decisions) >= 20)
        desk.terminate()  # SIGTERM: the operator stops the run
        code = desk.end()
    finally:
        desk.close()

    assert code == 1, desk.said[-5:]
    [said] = [s for s in desk.said if "not decided" in s]
    found = re.search(r"(\d+) of the (\d+) code\(s\) read were not decided", said)
    assert found is not None, said
    undecided, read = int(found[1]), int(found[2])
    assert undecided > 0 and read <= 3000
    assert len(desk.decisions) + undecided == read, "each code read: decided, or counted"
    assert "the rest of the input was not read" in said
