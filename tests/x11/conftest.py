"""The real-window layer: `ashyq-kiosk run` on an X server (Xvfb), driven only
through X input (key codes with Shift, as a HID scanner sends them; mouse
clicks on widgets found by their accessible names), checked through the
command line (`export`, `status`) and screenshots.

One X server, one session bus with the accessibility bus and one sandbox
serve the whole layer; kiosks are started per module or test. Where Xvfb
cannot start, the layer is skipped with the reason.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

from tests.x11.atspi import Accessibility, Node
from tests.x11.processes import Kiosk, Sandbox, kiosk_settings
from tests.x11.scanner import Scanner
from tests.x11.waiting import wait_until
from tests.x11.xsession import XSession, XUnavailable


@pytest.fixture(scope="session")
def xsession(tmp_path_factory: pytest.TempPathFactory) -> Iterator[XSession]:
    session = XSession(tmp_path_factory.mktemp("xsession"))
    try:
        session.start()
    except XUnavailable as exc:
        session.stop()
        pytest.skip(f"real-window tests skipped: {exc}")
    yield session
    session.stop()


@pytest.fixture(scope="session")
def a11y(xsession: XSession) -> Iterator[Accessibility]:
    bus = wait_until(lambda: _accessibility(xsession), timeout=10)
    yield bus
    bus.close()


def _accessibility(session: XSession) -> Accessibility | None:
    try:
        return Accessibility(session.bus_address)
    except (OSError, ConnectionError, ValueError):
        return None


@pytest.fixture(scope="session")
def sandbox(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Sandbox]:
    service = Sandbox(tmp_path_factory.mktemp("sandbox"))
    yield service
    service.stop()


@pytest.fixture(scope="session")
def scanner(xsession: XSession) -> Scanner:
    return Scanner(xsession)


@pytest.fixture
def start_kiosk(
    xsession: XSession, a11y: Accessibility, tmp_path: Path
) -> Iterator[Callable[..., Kiosk]]:
    """Kiosks for one test, stopped after it; settings as kiosk_settings takes them."""
    started: list[Kiosk] = []

    def start(service_url: str, name: str = "kiosk", **sections: dict[str, Any]) -> Kiosk:
        kiosk = Kiosk(xsession, tmp_path / name, kiosk_settings(service_url, **sections))
        started.append(kiosk.start(a11y))
        return kiosk

    yield start
    for kiosk in started:
        kiosk.stop()


class Screen:
    """What a person at the desk does and sees, through X and the accessibility tree."""

    def __init__(self, session: XSession, a11y: Accessibility, kiosk: Kiosk) -> None:
        self.session = session
        self.a11y = a11y
        self.kiosk = kiosk

    @property
    def app(self) -> Node:
        assert self.kiosk.app is not None
        return self.kiosk.app

    def find(
        self,
        name: str | None = None,
        role: str | None = None,
        *,
        within: Node | None = None,
        contains: str | None = None,
    ) -> Node:
        """The one showing widget so named (in *within*), waiting for it to show."""
        root = within or self.app
        return wait_until(lambda: self.a11y.find(root, name=name, role=role, contains=contains), 10)

    def click(
        self, name: str | None, role: str = "push button", within: Node | None = None
    ) -> Node:
        node = self.find(name, role, within=within)
        x, y = self.a11y.centre(node)
        dx, dy = self.misplaced(within) if within is not None else (0, 0)
        self.session.click(x + dx, y + dy)
        return node

    def misplaced(self, window: Node) -> tuple[int, int]:
        """How far the X server has *window* (a dialog) from where the kiosk says it
        is. Qt learns a window's position from the window manager's notices, and
        under openbox a dialog's can be missed (Qt keeps 0,0): its accessible
        positions are then off by the window's own."""
        x, y, width, height = self.a11y.extents(window)
        for candidate in self.session.windows_of(self.kiosk.pid):
            real_x, real_y, real_width, real_height = self.session.geometry(candidate)
            if (real_width, real_height) == (width, height):
                return real_x - x, real_y - y
        return 0, 0

    def pin_dialog(self) -> Node:
        return self.find("Admin PIN", role="dialog")

    def type_pin(self, pin: str) -> None:
        """On the PIN dialog's own keypad, as a receptionist taps it."""
        dialog = self.pin_dialog()
        for digit in pin:
            self.click(digit, within=dialog)
        self.click("OK", within=dialog)

    def shown(self, text: str, timeout: float = 10.0) -> Node:
        """Wait until a showing widget's name holds *text* (a decision, a masked IIN)."""
        return wait_until(lambda: self.a11y.find_all(self.app, contains=text), timeout)[0]

    def focused(self) -> Node | None:
        from tests.x11.atspi import FOCUSED

        for node in self.a11y.walk(self.app):
            if self.a11y.has_state(node, FOCUSED):
                return node
        return None


@pytest.fixture
def screen_of(xsession: XSession, a11y: Accessibility) -> Callable[[Kiosk], Screen]:
    return lambda kiosk: Screen(xsession, a11y, kiosk)


@pytest.hookimpl(wrapper=True)
def pytest_runtest_makereport(item: pytest.Item, call: pytest.CallInfo[None]) -> Any:
    """A failed real-window test leaves a screenshot of the screen beside its files."""
    report = yield
    session = item.funcargs.get("xsession") if hasattr(item, "funcargs") else None
    if report.failed and call.when == "call" and isinstance(session, XSession):
        path = Path(str(item.funcargs.get("tmp_path", session.folder))) / "failed.png"
        try:
            session.screenshot(path)
            report.sections.append(("screenshot", str(path)))
        except RuntimeError:
            pass
    return report
