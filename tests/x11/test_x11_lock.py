"""The locked kiosk under a window manager (openbox, with its shipped key
bindings): whatever a person tries at the keyboard, the kiosk stays in front
and working, and leaving it takes the admin PIN."""

from __future__ import annotations

import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.x11.atspi import Accessibility
from tests.x11.conftest import Screen
from tests.x11.processes import ADMIN_PIN, Kiosk, Sandbox, kiosk_settings, masked, new_iin
from tests.x11.scanner import Scanner
from tests.x11.waiting import wait_until
from tests.x11.xsession import XSession, spawn, stop


@pytest.fixture(scope="module")
def managed(xsession: XSession) -> Iterator[XSession]:
    xsession.setxkbmap("us")
    xsession.start_window_manager()
    yield xsession
    xsession.stop_window_manager()


@pytest.fixture
def locked(
    managed: XSession, a11y: Accessibility, sandbox: Sandbox, tmp_path: Path
) -> Iterator[Screen]:
    settings = kiosk_settings(sandbox.url, trust={"keys": sandbox.trust_keys()})
    kiosk = Kiosk(managed, tmp_path / "locked", settings).start(a11y)
    yield Screen(managed, a11y, kiosk)
    kiosk.stop()


def desk_window(screen: Screen) -> int:
    [window] = wait_until(lambda: screen.session.windows_of(screen.kiosk.pid))
    return window


def in_front(screen: Screen, window: int) -> bool:
    """Mapped, and the window manager's topmost window."""
    session = screen.session
    if session.map_state(window) != "IsViewable":
        return False
    stacking = session.xprop("-root", "_NET_CLIENT_LIST_STACKING").split("#", 1)[-1]
    return int(stacking.split(",")[-1].strip(), 16) == window


def still_scans(screen: Screen, sandbox: Sandbox, scanner: Scanner, serial: int) -> None:
    iin = new_iin(serial)
    scanner.scan(sandbox.issue_pass(iin, "green"))
    screen.shown(masked(iin))
    assert [
        row["decision"] for row in screen.kiosk.export() if row["masked_id"] == masked(iin)
    ] == ["admit"]


def test_show_desktop_minimise_lower_and_another_desktop_leave_it_in_front(
    locked: Screen, sandbox: Sandbox, scanner: Scanner, tmp_path: Path
) -> None:
    session, window = locked.session, desk_window(locked)
    wait_until(lambda: in_front(locked, window))

    session.key("super+d")  # openbox: show the desktop
    wait_until(lambda: "= 0" in session.xprop("-root", "_NET_SHOWING_DESKTOP"))
    wait_until(lambda: in_front(locked, window))

    session.key("super+m")  # openbox: Iconify (its window menu's item, on a key here)
    wait_until(lambda: in_front(locked, window))

    session.xdotool("windowminimize", str(window))  # as a taskbar asks
    wait_until(lambda: in_front(locked, window))

    session.key("alt+Escape")  # openbox: lower the window, focus the next one
    wait_until(lambda: in_front(locked, window))

    session.key("ctrl+alt+Right")  # the next virtual desktop
    wait_until(lambda: "= 1" in session.xprop("-root", "_NET_CURRENT_DESKTOP"))
    wait_until(lambda: in_front(locked, window))
    session.key("ctrl+alt+Left")

    assert locked.kiosk.alive()
    still_scans(locked, sandbox, scanner, 700)
    session.screenshot(tmp_path / "after-the-window-manager.png")


def test_another_program_cannot_cover_the_kiosk(
    locked: Screen, sandbox: Sandbox, scanner: Scanner, tmp_path: Path
) -> None:
    session, window = locked.session, desk_window(locked)
    width, height = session.size
    intruder = spawn(
        ["xmessage", "-name", "intruder", "-geometry", f"{width}x{height}+0+0",
         "a program started from a menu, full screen"],
        tmp_path / "xmessage.log",
        env=session.env(),
    )  # fmt: skip
    try:
        found = session.xdotool("search", "--sync", "--onlyvisible", "--classname", "intruder")
        other = int(found.split()[0])
        wait_until(lambda: in_front(locked, window) and session.active_window() == window)
        session.xdotool("windowactivate", str(other))  # it asks for the focus again
        wait_until(lambda: in_front(locked, window) and session.active_window() == window)
    finally:
        stop(intruder)
    still_scans(locked, sandbox, scanner, 710)


def test_alt_f4_asks_for_the_pin_and_the_pin_ends_the_kiosk_with_0(
    locked: Screen,
) -> None:
    session, window = locked.session, desk_window(locked)
    session.key("alt+F4")
    dialog = locked.pin_dialog()
    assert locked.kiosk.alive() and session.map_state(window) == "IsViewable"
    [dialog_window] = [w for w in session.windows_of(locked.kiosk.pid) if w != window]
    hints = session.xprop("-id", str(dialog_window), "_MOTIF_WM_HINTS")
    assert hints.split("=")[1].split(",")[2].strip() == "0x0", f"no title bar to minimise: {hints}"

    session.key("super+m")  # Iconify the dialog: it took the whole kiosk with it
    wait_until(lambda: session.map_state(dialog_window) == "IsViewable")
    wait_until(lambda: in_front(locked, dialog_window))

    locked.click("Cancel", within=dialog)
    wait_until(lambda: len(session.windows_of(locked.kiosk.pid)) == 1)
    assert locked.kiosk.alive()

    session.key("alt+F4")
    locked.type_pin(ADMIN_PIN)
    try:
        code = locked.kiosk.wait_exit(timeout=15)
    except subprocess.TimeoutExpired:
        pytest.fail("the kiosk did not end after the admin PIN")
    assert code == 0
