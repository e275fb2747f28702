"""The desk window stays on its screen, whatever it shows.

Each state that once grew the window past its monitor is driven on a real
kiosk (real desk, database and screens) at 1366x768 and 1920x1080, in
Kazakh, Russian and English: a staff question open (the longest one, a
pass-back, and the unverified one), the header offline with events waiting
and Send now, a boarding desk's denial with Refer to doctor, the slip's long
path in the footer, the doctor and settings buttons. Then: the window's frame
and its least size fit the screen, every key button is shown whole inside it,
the desk tab needs no scroll bar, and every line of the visitor's decision
fits its screen. Set ASHYQ_GEOMETRY_SHOTS=DIR to get a PNG of each state.
"""

from __future__ import annotations

import os
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QRect, Qt, QTimer
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QApplication, QLabel, QPushButton, QWidget
from pytestqt.qtbot import QtBot

from kiosk.decision import Direction, Flag
from kiosk.pins import hash_pin
from kiosk.policy import Outcome
from kiosk.status import Status
from kiosk.vocabulary import Method
from tests.fakes import GREEN_IIN, OTHER_IIN, RED_IIN
from tests.ui.kiosk_support import gate_section
from ui.i18n import load_fonts
from ui.pin_dialog import PinDialog
from ui.textfit import ElidedLabel

WAIT = 10_000
LONG_VENUE = "Fitness and wellness club «Samal-Premium» · Almaty, Dostyk avenue 240"
DESKS = {
    # name: (which virtual monitor is the desk's, whether the visitor shares it)
    "1366x768-one-monitor": (0, True),
    "1920x1080-one-monitor": (1, True),
    "1366x768-two-monitors": (0, False),
}
LANGUAGES = ("kk", "ru", "en")


@pytest.fixture(scope="module")
def doctor_pin() -> str:
    return hash_pin("2468")


def on_desk(qapp: QApplication, running: Any, desk: str) -> Any:
    """Put the kiosk's windows as at the desk named: its monitor, one or two."""
    index, one_monitor = DESKS[desk]
    monitors = QGuiApplication.screens()
    screen = monitors[index]
    windows = running.screens.windows
    if one_monitor:
        windows.where = "same"
        windows._screens = lambda: [screen]  # the only monitor this desk has
    windows.place()
    return screen


@pytest.fixture
def desk_font(qapp: QApplication) -> Iterator[Any]:
    """The application's font as the kiosk sizes it for the desk's monitor."""

    def use(desk: str) -> None:
        index, _ = DESKS[desk]
        load_fonts(qapp, height=QGuiApplication.screens()[index].geometry().height())

    yield use
    load_fonts(qapp)


def switch_language(qtbot: QtBot, staff: Any, lang: str) -> None:
    """Staff press the language button, as at the desk (kk is the first already)."""
    if lang != "kk":
        qtbot.mouseClick(staff.language_buttons[lang], Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: staff.language_buttons[lang].isChecked(), timeout=WAIT)


def settle(qtbot: QtBot, window: QWidget) -> None:
    """Laid out and drawn as on the monitor."""
    QApplication.processEvents()
    window.grab()
    qtbot.wait(50)  # queued layout requests of the last redraw
    window.grab()


def shown_whole(widget: QWidget, window: QWidget, screen: Any) -> str | None:
    """Why *widget* is not shown whole on *screen* (None: it is)."""
    name = widget.objectName() or type(widget).__name__
    if isinstance(widget, QPushButton):
        name = widget.text() or widget.toolTip() or name
    if not widget.isVisible():
        return f"{name}: hidden"
    rect = QRect(widget.mapToGlobal(widget.rect().topLeft()), widget.size())
    if not window.frameGeometry().contains(rect) or not screen.geometry().contains(rect):
        return f"{name}: {rect.getRect()} outside {screen.geometry().getRect()}"
    if widget.visibleRegion().boundingRect().size() != widget.size():
        return f"{name}: cut by its parent ({widget.visibleRegion().boundingRect().getRect()})"
    least = widget.minimumSize().width() or widget.minimumSizeHint().width()
    if widget.width() < least:
        return f"{name}: squeezed to {widget.width()} px, needs {least}"
    if isinstance(widget, QPushButton) and widget.text():
        room = widget.width() - 8  # the frame and a little air on each side
        if widget.fontMetrics().horizontalAdvance(widget.text()) > room:
            return f"{name}: its words do not fit its {widget.width()} px"
    return None


def label_fits(label: QLabel) -> bool:
    """Every word of the label within its width, every wrapped line within its height."""
    metrics = label.fontMetrics()
    widest = max((metrics.horizontalAdvance(w) for w in label.text().split()), default=0)
    lines = label.heightForWidth(label.width()) if label.wordWrap() else metrics.height()
    return widest <= label.width() and lines <= label.height()


def cut_labels(panel: QWidget) -> list[str]:
    """The texts of *panel*'s shown labels that do not fit their room (an eliding
    label shortens its text by design, and shows it whole as its tooltip)."""
    cut = []
    for label in panel.findChildren(QLabel):
        if not label.isVisible() or not label.text() or isinstance(label, ElidedLabel):
            continue
        if label.wordWrap():
            fits = label_fits(label)
        else:
            fits = label.fontMetrics().horizontalAdvance(label.text()) <= label.width()
            fits = fits and label.fontMetrics().height() <= label.height()
        if not fits:
            cut.append(label.text())
    return cut


def assert_fits(running: Any, screen: Any, buttons: list[QWidget], state: str) -> None:
    screens = running.screens
    window = screens.windows.desk
    area = screen.geometry()
    shot(window, state)
    assert area.contains(window.frameGeometry()), (
        f"the desk window {window.frameGeometry().getRect()} leaves its screen {area.getRect()}"
    )
    least = window.minimumSize().expandedTo(window.minimumSizeHint())
    assert least.width() <= area.width() and least.height() <= area.height(), least
    problems = [p for b in buttons if (p := shown_whole(b, window, screen)) is not None]
    assert not problems, problems
    assert not cut_labels(screens.staff), f"cut on the staff panel: {cut_labels(screens.staff)}"
    tab = screens.staff.desk_tab
    if screens.staff.tabs.currentWidget() is tab:
        assert not tab.verticalScrollBar().isVisible(), "the desk tab scrolls"
        assert not tab.horizontalScrollBar().isVisible(), "the desk tab scrolls sideways"
    status = screens.visitor.status
    if status.isVisible():
        # A hidden line (no "Go through" while no gate is open) is not on the screen.
        shown = [label for label in status.findChildren(QLabel) if label.isVisible()]
        cut = [label.text() for label in shown if not label_fits(label)]
        assert not cut, f"cut on the visitor's screen: {cut}"
        bottom = max(label.geometry().bottom() for label in shown)
        assert bottom <= status.height(), "the visitor's words run off the screen"


def shot(window: QWidget, state: str) -> None:
    folder = os.environ.get("ASHYQ_GEOMETRY_SHOTS")
    if folder:
        Path(folder).mkdir(parents=True, exist_ok=True)
        window.grab().save(str(Path(folder) / f"{state}.png"))


def header_and_footer(staff: Any) -> list[QWidget]:
    return [
        *staff.language_buttons.values(),
        staff.send_now_button,
        staff.lock_button,
        staff.settings_button,
    ]


@pytest.mark.parametrize("lang", LANGUAGES)
@pytest.mark.parametrize("desk", list(DESKS))
def test_a_club_desk_with_a_question_open_stays_on_its_screen(
    qtbot: QtBot,
    qapp: QApplication,
    start_kiosk: Any,
    issuer: Any,
    desk_font: Any,
    tmp_path: Path,
    desk: str,
    lang: str,
) -> None:
    desk_font(desk)
    running = start_kiosk(
        settings_file=tmp_path / "kiosk.toml",
        venue={
            "name": LONG_VENUE,
            "desk": "reception-north",
            "role": "entry",
            "rescan_window_s": 0,
        },
        screens={"visitor_screen": "same" if DESKS[desk][1] else "auto", "fullscreen": True},
    )
    screen = on_desk(qapp, running, desk)
    screens, controller = running.screens, running.kiosk.desk.controller
    staff, window = screens.staff, screens.windows.desk
    switch_language(qtbot, staff, lang)
    question = staff.question

    # Inside already, the same person shows a pass again: the longest question.
    name = "Бекболат Мұхаметжанұлы Ш."
    controller.submit(
        issuer.issue(GREEN_IIN, Status.GREEN, at=time.time(), name=name), Method.CAMERA
    )
    qtbot.waitUntil(lambda: len(staff.events.events) == 1, timeout=WAIT)
    again = issuer.issue(GREEN_IIN, Status.GREEN, at=time.time() + 1, name=name)
    controller.submit(again, Method.SCANNER)
    qtbot.waitUntil(
        lambda: question.isVisible() and Flag.PASSBACK in question.question.decision.flags,
        timeout=WAIT,
    )
    qtbot.waitUntil(staff.send_now_button.isVisible, timeout=WAIT)  # offline, events waiting
    settle(qtbot, window)
    keys = [question.admit_button, question.refuse_button, *header_and_footer(staff)]
    assert_fits(running, screen, keys, f"club-passback-{desk}-{lang}")

    qtbot.mouseClick(question.refuse_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not question.isVisible(), timeout=WAIT)
    controller.submit(OTHER_IIN, Method.SCANNER)  # offline, nothing cached: staff decide
    qtbot.waitUntil(
        lambda: question.isVisible() and question.question.decision.outcome is Outcome.ASK_STAFF
        and Flag.PASSBACK not in question.question.decision.flags,
        timeout=WAIT,
    )  # fmt: skip
    settle(qtbot, window)
    assert_fits(running, screen, keys, f"club-unverified-{desk}-{lang}")


@pytest.mark.parametrize("lang", LANGUAGES)
@pytest.mark.parametrize("desk", list(DESKS))
def test_a_boarding_desk_with_a_referral_a_slip_and_a_question_stays_on_its_screen(
    qtbot: QtBot,
    qapp: QApplication,
    start_kiosk: Any,
    issuer: Any,
    desk_font: Any,
    doctor_pin: str,
    tmp_path: Path,
    desk: str,
    lang: str,
) -> None:
    desk_font(desk)
    running = start_kiosk(
        settings_file=tmp_path / "kiosk.toml",
        venue={"name": "Almaty International Airport", "mode": "boarding", "role": "entry",
               "desk": "gate-5-north"},
        boarding={"gate": "Gate 5 · KC 921 to Frankfurt", "ticket_prefix": "G5",
                  "doctor_room": "Terminal 1, level 2, the medical room next to gate 5"},
        pins={"doctor": doctor_pin},
        screens={"visitor_screen": "same" if DESKS[desk][1] else "auto", "fullscreen": True},
    )  # fmt: skip
    screen = on_desk(qapp, running, desk)
    screens, controller = running.screens, running.kiosk.desk.controller
    staff, window, boarding = screens.staff, screens.windows.desk, running.boarding
    switch_language(qtbot, staff, lang)
    refer = staff.last.refer_button

    controller.submit(issuer.issue(RED_IIN, Status.RED, at=time.time()), Method.CAMERA)
    qtbot.waitUntil(refer.isVisible, timeout=WAIT)  # refused: staff may refer
    settle(qtbot, window)
    keys = [refer, staff.doctor_button, *header_and_footer(staff)]
    assert_fits(running, screen, keys, f"boarding-denied-{desk}-{lang}")

    qtbot.mouseClick(refer, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: boarding.dialog is not None, timeout=WAIT)
    dialog, visitor = boarding.dialog, screens.visitor
    assert screen.geometry().contains(dialog.frameGeometry())
    decision = QRect(visitor.mapToGlobal(visitor.rect().topLeft()), visitor.size())
    assert not dialog.frameGeometry().intersects(decision), "over the staff side"
    dialog.accept()
    qtbot.waitUntil(lambda: boarding.last_slip is not None, timeout=WAIT)
    assert boarding.last_slip in staff.notice.text()  # the long path, in the footer
    controller.submit(OTHER_IIN, Method.SCANNER)  # offline: staff decide
    question = staff.question
    qtbot.waitUntil(question.isVisible, timeout=WAIT)
    qtbot.waitUntil(lambda: refer.isVisible() and staff.send_now_button.isVisible(), timeout=WAIT)
    settle(qtbot, window)
    keys += [question.admit_button, question.refuse_button, staff.notice]
    assert_fits(running, screen, keys, f"boarding-question-{desk}-{lang}")


@pytest.mark.parametrize("lang", LANGUAGES)
@pytest.mark.parametrize("desk", list(DESKS))
def test_a_gate_desk_with_the_gate_open_a_refusal_and_a_question_stays_on_its_screen(
    qtbot: QtBot,
    qapp: QApplication,
    gate_module: Any,
    start_kiosk: Any,
    issuer: Any,
    desk_font: Any,
    tmp_path: Path,
    desk: str,
    lang: str,
) -> None:
    desk_font(desk)
    running = start_kiosk(
        settings_file=tmp_path / "kiosk.toml",
        venue={"name": LONG_VENUE, "desk": "reception-north", "role": "entry",
               "rescan_window_s": 0},
        screens={"visitor_screen": "same" if DESKS[desk][1] else "auto", "fullscreen": True},
        gate=gate_section(gate_module, exit_coil=3, passage_timeout_s=60),
    )  # fmt: skip
    screen = on_desk(qapp, running, desk)
    screens, controller = running.screens, running.kiosk.desk.controller
    staff, window, bar = screens.staff, screens.windows.desk, screens.staff.gate
    switch_language(qtbot, staff, lang)
    qtbot.waitUntil(lambda: bar.isVisible() and bar.state.reachable is True, timeout=WAIT)

    name = "Бекболат Мұхаметжанұлы Ш."
    controller.submit(
        issuer.issue(GREEN_IIN, Status.GREEN, at=time.time(), name=name), Method.CAMERA
    )
    status = screens.visitor.status
    qtbot.waitUntil(lambda: status.going and bar.state.waiting == 1, timeout=WAIT)
    controller.open_gate(Direction.ENTRY, "aigerim", " ")  # no reason: refused, and said
    qtbot.waitUntil(bar.message.isVisible, timeout=WAIT)
    settle(qtbot, window)
    keys = [bar.entry_button, bar.exit_button, *header_and_footer(staff)]
    assert_fits(running, screen, keys, f"gate-open-refused-{desk}-{lang}")

    controller.submit(OTHER_IIN, Method.SCANNER)  # offline, nothing cached: staff decide
    question = staff.question
    qtbot.waitUntil(question.isVisible, timeout=WAIT)
    settle(qtbot, window)
    keys += [question.admit_button, question.refuse_button]
    assert_fits(running, screen, keys, f"gate-question-{desk}-{lang}")


@pytest.mark.parametrize("lang", LANGUAGES)
@pytest.mark.parametrize("desk", list(DESKS))
def test_the_dashboard_needs_no_scroll_bar(
    qtbot: QtBot,
    qapp: QApplication,
    start_kiosk: Any,
    issuer: Any,
    desk_font: Any,
    tmp_path: Path,
    desk: str,
    lang: str,
) -> None:
    desk_font(desk)
    running = start_kiosk(
        settings_file=tmp_path / "kiosk.toml",
        venue={"name": LONG_VENUE, "desk": "reception-north"},
        screens={"visitor_screen": "same" if DESKS[desk][1] else "auto", "fullscreen": True},
    )
    screen = on_desk(qapp, running, desk)
    screens, controller = running.screens, running.kiosk.desk.controller
    staff, dashboard = screens.staff, screens.dashboard
    for iin, status in ((GREEN_IIN, Status.GREEN), (RED_IIN, Status.RED)):
        controller.submit(issuer.issue(iin, status, at=time.time()), Method.CAMERA)
    qtbot.waitUntil(lambda: len(staff.events.events) == 2, timeout=WAIT)
    switch_language(qtbot, staff, lang)
    page = staff.tabs.widget(staff.tabs.count() - 1)
    staff.tabs.setCurrentWidget(page)
    qtbot.waitUntil(lambda: dashboard.report is not None and dashboard.report.check_ins == 2)
    settle(qtbot, screens.windows.desk)
    assert_fits(running, screen, header_and_footer(staff), f"dashboard-{desk}-{lang}")
    for scroll in (page, dashboard.page):
        assert not scroll.verticalScrollBar().isVisible(), "the dashboard scrolls"
        assert not scroll.horizontalScrollBar().isVisible(), "the dashboard scrolls sideways"
    assert not cut_labels(dashboard), cut_labels(dashboard)


@pytest.mark.parametrize("button", ["lock_button", "doctor_button"])
def test_a_pin_dialog_opens_over_the_staff_side_not_over_the_decision(
    qtbot: QtBot,
    qapp: QApplication,
    start_kiosk: Any,
    issuer: Any,
    doctor_pin: str,
    button: str,
) -> None:
    running = start_kiosk(
        venue={"mode": "boarding", "role": "entry", "desk": "gate-5"},
        pins={"admin": doctor_pin, "doctor": doctor_pin},
        screens={"visitor_screen": "same", "fullscreen": True},
    )
    screen = on_desk(qapp, running, "1366x768-one-monitor")
    screens = running.screens
    visitor = screens.visitor
    running.kiosk.desk.controller.submit(
        issuer.issue(RED_IIN, Status.RED, at=time.time()), Method.CAMERA
    )
    qtbot.waitUntil(lambda: visitor.currentWidget() is visitor.status, timeout=WAIT)
    seen: list[QRect] = []

    def look_and_cancel() -> None:
        dialog = QApplication.activeModalWidget()
        if not isinstance(dialog, PinDialog):
            QTimer.singleShot(20, look_and_cancel)
            return
        seen.append(dialog.frameGeometry())
        dialog.cancel_button.click()

    QTimer.singleShot(20, look_and_cancel)
    qtbot.mouseClick(getattr(screens.staff, button), Qt.MouseButton.LeftButton)
    [where] = seen
    decision = QRect(visitor.mapToGlobal(visitor.rect().topLeft()), visitor.size())
    staff = screens.staff
    staff_side = QRect(staff.mapToGlobal(staff.rect().topLeft()), staff.size())
    assert not where.intersects(decision), (where.getRect(), decision.getRect())
    assert staff_side.contains(where) and screen.geometry().contains(where)
    assert screens.windows.desk.isVisible(), "cancelled: the kiosk runs on"
