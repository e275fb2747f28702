"""The kiosk ended from outside: an operating-system shutdown (SIGTERM) or
Ctrl-C ends it with 0 and without the PIN, whatever is open on the screens;
a kill -9 right after a decision is shown loses nothing of it."""

from __future__ import annotations

import signal
from pathlib import Path

from tests.x11.atspi import Accessibility
from tests.x11.conftest import Screen
from tests.x11.processes import Kiosk, Sandbox, kiosk_settings, masked, new_iin
from tests.x11.scanner import Scanner
from tests.x11.xsession import XSession

NOBODY_LISTENS = "http://127.0.0.1:9"  # the service is down: the desk works offline


def test_sigterm_ends_the_kiosk_with_0_and_records_the_open_question(
    xsession: XSession, a11y: Accessibility, sandbox: Sandbox, scanner: Scanner, tmp_path: Path
) -> None:
    settings = kiosk_settings(NOBODY_LISTENS, trust={"keys": sandbox.trust_keys()})
    kiosk = Kiosk(xsession, tmp_path / "desk", settings).start(a11y)
    screen = Screen(xsession, a11y, kiosk)
    try:
        holder, unknown = new_iin(800), new_iin(801)
        scanner.scan(sandbox.issue_pass(holder, "green"))  # verified offline
        screen.shown(masked(holder))
        scanner.scan(unknown)  # no status anywhere: staff must decide
        screen.find("Admit")
        assert kiosk.signal(signal.SIGTERM) == 0
    finally:
        kiosk.stop()
    assert "Traceback" not in kiosk.stderr()
    rows = {row["masked_id"]: row for row in kiosk.export()}
    assert rows[masked(holder)]["decision"] == "admit"
    assert rows[masked(unknown)]["decision"] == "ask_staff", "the open question is kept"


def test_ctrl_c_with_the_pin_dialog_open_ends_the_kiosk_with_0(
    xsession: XSession, a11y: Accessibility, tmp_path: Path
) -> None:
    kiosk = Kiosk(xsession, tmp_path / "desk", kiosk_settings(NOBODY_LISTENS)).start(a11y)
    screen = Screen(xsession, a11y, kiosk)
    try:
        screen.click("Exit kiosk")
        screen.pin_dialog()  # a person started to leave and walked away
        assert kiosk.signal(signal.SIGINT) == 0
    finally:
        kiosk.stop()


def test_kill_9_after_a_decision_is_shown_loses_nothing(
    xsession: XSession, a11y: Accessibility, sandbox: Sandbox, scanner: Scanner, tmp_path: Path
) -> None:
    settings = kiosk_settings(sandbox.url, trust={"keys": sandbox.trust_keys()})
    kiosk = Kiosk(xsession, tmp_path / "desk", settings).start(a11y)
    screen = Screen(xsession, a11y, kiosk)
    holder, walk_in = new_iin(810), new_iin(811)
    sandbox.set_status(walk_in, "green")
    try:
        scanner.scan(sandbox.issue_pass(holder, "green"))
        screen.shown(masked(holder))
        scanner.scan(walk_in)
        screen.shown(masked(walk_in))
        assert kiosk.signal(signal.SIGKILL) == -signal.SIGKILL
        kiosk.start(a11y)  # the same data folder
        screen.find("IIN", role="text")
    finally:
        kiosk.stop()
    recorded = [row["masked_id"] for row in kiosk.export() if row["type"] == "check_in"]
    assert recorded.count(masked(holder)) == recorded.count(masked(walk_in)) == 1
    assert kiosk.status()["dead_letter"] == 0
