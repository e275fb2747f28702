"""A busy desk through the real window: the service rotates its signing key
while the kiosk runs, two visitors wait for staff at once offline, a
receptionist taps Admit three times, and the window fits its screen with a
question open in every language."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.x11.atspi import Accessibility
from tests.x11.conftest import Screen
from tests.x11.processes import Kiosk, Sandbox, kiosk_settings, masked, new_iin
from tests.x11.scanner import Scanner, key_presses
from tests.x11.waiting import wait_until
from tests.x11.xsession import XSession, XUnavailable

NOBODY_LISTENS = "http://127.0.0.1:9"  # the service is down: the desk works offline
QUESTION = "Decide for visitor"


@pytest.fixture
def own_sandbox(tmp_path: Path) -> Iterator[Sandbox]:
    """A service of this test's own: its key rotation touches no other test."""
    service = Sandbox(tmp_path / "service")
    yield service
    service.stop()


def test_a_pass_signed_by_a_key_rotated_in_a_moment_ago_is_admitted(
    xsession: XSession, a11y: Accessibility, own_sandbox: Sandbox, scanner: Scanner,
    tmp_path: Path,
) -> None:  # fmt: skip
    settings = kiosk_settings(own_sandbox.url, trust={"keys": own_sandbox.trust_keys()})
    kiosk = Kiosk(xsession, tmp_path / "desk", settings).start(a11y)
    screen = Screen(xsession, a11y, kiosk)
    try:
        before = new_iin(900)
        scanner.scan(own_sandbox.issue_pass(before, "green"))
        screen.shown(masked(before))
        own_sandbox.call("POST", "/v1/sandbox/keys/rotate")
        after = new_iin(901)
        scanner.scan(own_sandbox.issue_pass(after, "green"))
        screen.shown(masked(after), timeout=5)  # the key list fetched within the look-up
    finally:
        kiosk.stop()
    rows = {row["masked_id"]: row for row in kiosk.export()}
    assert rows[masked(after)]["decision"] == "admit"
    assert rows[masked(after)]["provenance"] == "pass"


def waiting_visitor(screen: Screen) -> str:
    """The masked IIN the staff question names now."""
    title = screen.find(role="label", contains=QUESTION)
    return title.name.rsplit(" ", 1)[-1]


def test_two_offline_questions_are_answered_in_turn(
    xsession: XSession, a11y: Accessibility, tmp_path: Path
) -> None:
    kiosk = Kiosk(xsession, tmp_path / "desk", kiosk_settings(NOBODY_LISTENS)).start(a11y)
    screen = Screen(xsession, a11y, kiosk)
    first, second = new_iin(910), new_iin(911)
    try:
        xsession.xdotool(*key_presses(first), *key_presses(second))  # one after the other
        wait_until(lambda: screen.a11y.find_all(screen.app, contains=masked(second)))
        answered = {waiting_visitor(screen): "admit"}
        screen.click("Admit")
        wait_until(lambda: waiting_visitor(screen) not in answered, timeout=5)
        answered[waiting_visitor(screen)] = "deny"
        screen.click("Refuse")
        wait_until(lambda: not screen.a11y.find_all(screen.app, contains=QUESTION))
    finally:
        kiosk.stop()
    assert set(answered) == {masked(first), masked(second)}
    rows = {row["masked_id"]: row for row in kiosk.export() if row["type"] == "check_in"}
    assert {who: row["decision"] for who, row in rows.items()} == answered
    assert {row["operator"] for row in rows.values()} == {"tester"}


def test_admit_tapped_three_times_admits_one_visitor_once(
    xsession: XSession, a11y: Accessibility, scanner: Scanner, tmp_path: Path
) -> None:
    kiosk = Kiosk(xsession, tmp_path / "desk", kiosk_settings(NOBODY_LISTENS)).start(a11y)
    screen = Screen(xsession, a11y, kiosk)
    visitor = new_iin(920)
    try:
        scanner.scan(visitor)
        admit = screen.find("Admit")
        x, y = screen.a11y.centre(admit)
        xsession.xdotool(
            "mousemove", str(x), str(y), "click", "--repeat", "3", "--delay", "80", "1"
        )
        wait_until(lambda: not screen.a11y.find_all(screen.app, contains=QUESTION))
        screen.shown("ADMIT")
    finally:
        kiosk.stop()
    rows = [row for row in kiosk.export() if row["masked_id"] == masked(visitor)]
    assert [(row["type"], row["decision"]) for row in rows] == [("check_in", "admit")]


@pytest.fixture(scope="module")
def full_hd(tmp_path_factory: pytest.TempPathFactory) -> Iterator[XSession]:
    session = XSession(tmp_path_factory.mktemp("full-hd"), size=(1920, 1080))
    try:
        session.start()
    except XUnavailable as exc:
        session.stop()
        pytest.skip(f"real-window tests skipped: {exc}")
    yield session
    session.stop()


@pytest.mark.parametrize(
    "size",
    [
        "1366x768",
        "1920x1080",
    ],
)
def test_the_window_fits_its_screen_with_a_question_open_in_every_language(
    xsession: XSession, full_hd: XSession, a11y: Accessibility, size: str, tmp_path: Path
) -> None:
    session = xsession if size == "1366x768" else full_hd
    bus = a11y if session is xsession else Accessibility(session.bus_address)
    kiosk = Kiosk(session, tmp_path / "desk", kiosk_settings(NOBODY_LISTENS)).start(bus)
    screen = Screen(session, bus, kiosk)
    width, height = session.size
    overflow: list[str] = []
    try:
        session.xdotool(*key_presses(new_iin(930)))
        screen.find("Refuse")
        for language in ("Қазақша", "Русский", "English"):
            screen.click(language, role="check box")
            wait_until(lambda: screen.a11y.find_all(screen.app, role="label", contains="•"))
            [window] = session.windows_of(kiosk.pid)
            x, y, w, h = session.geometry(window)
            if x < 0 or y < 0 or x + w > width or y + h > height:
                overflow.append(f"{language}: the window is {w}x{h}+{x}+{y}")
            for node in screen.a11y.walk(screen.app):
                if node.role in ("push button", "check box"):
                    nx, ny, nw, nh = screen.a11y.extents(node)
                    if nx + nw > width or ny + nh > height:
                        overflow.append(f"{language}: {node} at {nx},{ny} is off the screen")
            session.screenshot(tmp_path / f"question-{size}-{language}.png")
    finally:
        kiosk.stop()
        if bus is not a11y:
            bus.close()
    assert overflow == []
