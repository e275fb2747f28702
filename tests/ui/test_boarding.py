"""A boarding desk on screen: Refer to doctor from the staff panel (the
passenger's screen has nothing to press), the reason dialog and its end when
the next passenger comes, the passenger's screen with the ticket and where to
go, the slip, the boarding desk's own words; the doctor room's decisions,
confirmed and behind the doctor PIN."""

from __future__ import annotations

import time
from typing import Any

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QPushButton
from pytestqt.qtbot import QtBot

from kiosk.pins import hash_pin
from kiosk.referrals.values import ReferralOutcome, ReferralReason, ReferralState
from kiosk.status import Status
from kiosk.storage.alerts import Alert, Passback
from kiosk.vocabulary import Method
from tests.fakes import GREEN_IIN, RED_IIN, YELLOW_IIN
from ui import looks
from ui.pin_dialog import PinDialog
from ui.referrals_view import ReferralDialog, ResolutionDialog

WAIT = 10_000
BOARDING = {
    "venue": {"mode": "boarding", "role": "entry", "desk": "gate-5"},
    "boarding": {"gate": "Gate 5", "doctor_room": "Level 2", "ticket_prefix": "G5"},
}


def test_a_red_passenger_is_referred_with_a_ticket_and_a_slip(
    qtbot: QtBot, start_kiosk: Any, issuer: Any, tmp_path: Any
) -> None:
    running = start_kiosk(**BOARDING)
    screens = running.screens
    assert screens.visitor.scan.venue_label.text() == "Test club · Gate 5"
    running.show_code(issuer.issue(RED_IIN, Status.RED, at=time.time()))
    status, refer = screens.visitor.status, screens.staff.last.refer_button
    qtbot.waitUntil(lambda: status.isVisible() and refer.isVisible(), timeout=WAIT)

    qtbot.mouseClick(refer, Qt.MouseButton.LeftButton)
    dialog = running.boarding.dialog
    assert isinstance(dialog, ReferralDialog) and dialog.reason is ReferralReason.RED
    dialog.note.setText("Says the test was negative")
    dialog.accept()

    qtbot.waitUntil(lambda: running.boarding.last_slip is not None, timeout=WAIT)
    assert status.decision_label.text() == "ДӘРІГЕРГЕ ЖІБЕРУ"
    assert status.detail_label.text().startswith("G5-001 талоны: Level 2")
    slip = running.boarding.last_slip
    assert slip.endswith("G5-001.pdf") and (tmp_path / "kiosk-0" / "referral-slips").is_dir()
    with open(slip, "rb") as handle:
        assert handle.read(5) == b"%PDF-"
    qtbot.waitUntil(lambda: len(running.boarding.referrals.referrals) == 1, timeout=WAIT)
    [referral] = running.boarding.referrals.referrals
    assert referral.ticket == "G5-001" and referral.note == "Says the test was negative"


def test_the_refer_button_is_for_refused_or_unverified_passengers_only(
    qtbot: QtBot, start_kiosk: Any, issuer: Any
) -> None:
    running = start_kiosk(**BOARDING)
    status, refer = running.screens.visitor.status, running.screens.staff.last.refer_button
    running.show_code(issuer.issue(YELLOW_IIN, Status.YELLOW, at=time.time()))
    qtbot.waitUntil(lambda: status.isVisible() and refer.isVisible(), timeout=WAIT)
    assert status.detail_label.text() == "Қызметкер сізді дәрігерге жібере алады"
    running.kiosk.desk.controller.submit(
        issuer.issue(GREEN_IIN, Status.GREEN, at=time.time()), Method.SCANNER
    )
    qtbot.waitUntil(lambda: status.decision.status is Status.GREEN, timeout=WAIT)
    assert not refer.isVisible()


def test_the_passengers_screen_has_nothing_to_press(
    qtbot: QtBot, start_kiosk: Any, issuer: Any
) -> None:
    """A passenger at a touch screen never reaches a staff dialog."""
    running = start_kiosk(**BOARDING)
    visitor = running.screens.visitor
    running.show_code(issuer.issue(RED_IIN, Status.RED, at=time.time()))
    qtbot.waitUntil(lambda: visitor.status.isVisible(), timeout=WAIT)
    assert visitor.findChildren(QPushButton) == []
    qtbot.mouseClick(visitor.status, Qt.MouseButton.LeftButton)  # a tap anywhere on it
    assert running.boarding.dialog is None


def test_a_venue_desk_offers_no_referral(qtbot: QtBot, start_kiosk: Any, issuer: Any) -> None:
    running = start_kiosk()
    screens = running.screens
    running.show_code(issuer.issue(RED_IIN, Status.RED, at=time.time()))
    qtbot.waitUntil(lambda: screens.visitor.status.isVisible(), timeout=WAIT)
    assert running.boarding is None and not screens.staff.last.refer_button.isVisible()


def test_the_refer_dialog_closes_when_the_next_passenger_is_checked(
    qtbot: QtBot, start_kiosk: Any, issuer: Any
) -> None:
    running = start_kiosk(**BOARDING)
    screens, controller = running.screens, running.kiosk.desk.controller
    staff, boarding = screens.staff, running.boarding
    refused = issuer.issue(RED_IIN, Status.RED, at=time.time(), name="Арман Б.")
    controller.submit(refused, Method.SCANNER)
    qtbot.waitUntil(staff.last.refer_button.isVisible, timeout=WAIT)
    qtbot.mouseClick(staff.last.refer_button, Qt.MouseButton.LeftButton)
    dialog = boarding.dialog
    assert dialog is not None and dialog.isVisible()
    assert dialog.title.text() == "Арман Б. жолаушысын дәрігер бөлмесіне жіберу"

    again = issuer.issue(RED_IIN, Status.RED, at=time.time() + 1, name="Арман Б.")
    with qtbot.waitSignal(running.kiosk.bridge.decision_shown, timeout=WAIT):
        controller.submit(again, Method.SCANNER)  # the same passenger again: still theirs
    assert boarding.dialog is dialog and dialog.isVisible()

    with qtbot.waitSignal(running.kiosk.bridge.decision_shown, timeout=WAIT):
        controller.submit(issuer.issue(GREEN_IIN, Status.GREEN, at=time.time()), Method.SCANNER)
    assert boarding.dialog is None
    shown = [w for w in QApplication.topLevelWidgets() if isinstance(w, ReferralDialog)]
    assert not [w for w in shown if w.isVisible()]
    assert staff.notice.text().startswith("Арман Б. жолдамасы жіберілмеді")
    qtbot.mouseClick(staff.language_buttons["ru"], Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: staff.notice.text().startswith("Направление для Арман Б."))
    assert not boarding.referrals.referrals, "nothing was sent under the next passenger"


def test_the_slip_line_follows_the_staffs_language(
    qtbot: QtBot, start_kiosk: Any, issuer: Any
) -> None:
    running = start_kiosk(**BOARDING)
    staff, boarding = running.screens.staff, running.boarding
    running.kiosk.desk.controller.submit(
        issuer.issue(RED_IIN, Status.RED, at=time.time()), Method.SCANNER
    )
    qtbot.waitUntil(staff.last.refer_button.isVisible, timeout=WAIT)
    qtbot.mouseClick(staff.last.refer_button, Qt.MouseButton.LeftButton)
    boarding.dialog.accept()
    qtbot.waitUntil(lambda: boarding.last_slip is not None, timeout=WAIT)
    slip = boarding.last_slip
    assert staff.notice.text() == f"G5-001 талоны: {slip}"
    for lang, said in (("ru", f"Талон G5-001: {slip}"), ("en", f"Slip for G5-001: {slip}")):
        qtbot.mouseClick(staff.language_buttons[lang], Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda said=said: staff.notice.text() == said, timeout=WAIT)


def test_a_boarding_desk_speaks_of_passengers_boarded(
    qtbot: QtBot, start_kiosk: Any, issuer: Any
) -> None:
    running = start_kiosk(**BOARDING)
    screens = running.screens
    staff, scan = screens.staff, screens.visitor.scan
    running.kiosk.desk.controller.submit(
        issuer.issue(GREEN_IIN, Status.GREEN, at=time.time()), Method.SCANNER
    )
    qtbot.waitUntil(lambda: staff.inside_label.text() == "Отырғызуға өтті: 1 / 10", timeout=WAIT)
    assert scan.numbers_label.text() == "Отырғызуға өтті: 1 / 10"
    entry = staff.entry
    assert entry.check_in_button.text() == "Жолаушыны тексеру"
    assert not entry.check_out_button.isVisibleTo(staff), "no one checks out at a gate"
    assert entry.title.text() == "Телефонсыз жолаушы: ЖСН-ді теріңіз"
    qtbot.mouseClick(staff.language_buttons["en"], Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: staff.inside_label.text() == "Boarded: 1 of 10", timeout=WAIT)
    assert entry.check_in_button.text() == "Check passenger"


def tab_titles(staff: Any) -> dict[str, str]:
    tabs = staff.tabs
    return {
        name: tabs.tabText(tabs.indexOf(widget))
        for name, widget in (
            ("desk", staff.desk_tab),
            ("events", staff.events),
            ("alerts", staff.alerts),
            ("ses", staff.ses),
        )
    }


def test_each_staff_tab_keeps_its_title_through_an_alert_and_a_language_change(
    qtbot: QtBot, start_kiosk: Any
) -> None:
    running = start_kiosk(**BOARDING)
    screens = running.screens
    staff, referrals = screens.staff, running.boarding.referrals
    assert staff.tabs.indexOf(referrals) == 1, "the referrals next to the desk"
    alert = Alert(Passback(masked_id="••••••••1201"), created_at=time.time(), id=7)
    running.kiosk.bridge.listener.alert_raised(alert)
    qtbot.waitUntil(lambda: 7 in staff.alerts.cards, timeout=WAIT)
    assert staff.tabs.tabText(staff.tabs.indexOf(referrals)) == "Жолдамалар"
    assert tab_titles(staff) == {
        "desk": "Үстел",
        "events": "Оқиғалар",
        "alerts": f"Ескертулер ({len(staff.alerts.cards)})",  # the desk may have its own
        "ses": "СЭҚ",
    }

    qtbot.mouseClick(staff.language_buttons["ru"], Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: tab_titles(staff)["desk"] == "Стойка", timeout=WAIT)
    assert staff.tabs.tabText(staff.tabs.indexOf(referrals)) == "Направления"
    assert tab_titles(staff) == {
        "desk": "Стойка",
        "events": "События",
        "alerts": f"Предупреждения ({len(staff.alerts.cards)})",
        "ses": "СЭС",
    }


def test_a_doctor_room_puts_its_referrals_first_under_their_own_title(
    qtbot: QtBot, start_kiosk: Any
) -> None:
    running = start_kiosk(venue={"mode": "boarding", "role": "doctor", "desk": "doctor"})
    staff, referrals = running.screens.staff, running.boarding.referrals
    assert staff.tabs.indexOf(referrals) == 0 and staff.tabs.currentWidget() is referrals
    assert staff.tabs.tabText(0) == "Дәрігер бөлмесі"
    qtbot.mouseClick(staff.language_buttons["ru"], Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: staff.tabs.tabText(0) == "Кабинет врача", timeout=WAIT)
    assert tab_titles(staff)["alerts"].startswith("Предупреждения")


DOCTOR_PIN = "2468"


@pytest.fixture(scope="module")
def doctor_pin() -> str:
    return hash_pin(DOCTOR_PIN)


def open_referral_in_the_room(qtbot: QtBot, running: Any) -> Any:
    """A passenger walks into the doctor room: the doctor opens a referral by IIN."""
    view = running.boarding.referrals
    running.kiosk.desk.controller.open_referral_for_iin(
        RED_IIN, ReferralReason.STATUS_WRONG, "Says the test was negative", status=Status.RED
    )
    qtbot.waitUntil(lambda: len(view.referrals) == 1, timeout=WAIT)
    view.table.selectRow(0)
    return view


def answer_pin_dialog(*digits: str) -> list[str]:
    """When the PIN dialog is up: type each of *digits* (or press Cancel for "");
    returns what was seen, for the test to check after."""
    seen: list[str] = []

    def answer() -> None:
        dialog = QApplication.activeModalWidget()
        if not isinstance(dialog, PinDialog):
            QTimer.singleShot(20, answer)  # not up yet
            return
        seen.append(dialog.title_label.text())
        pin = digits[len(seen) - 1]
        if not pin:
            dialog.cancel_button.click()
            return
        for digit in pin:
            dialog.keys[digit].click()
        dialog.keys["ok"].click()
        if len(seen) < len(digits):
            QTimer.singleShot(20, answer)

    QTimer.singleShot(20, answer)
    return seen


def test_the_doctor_confirms_cleared_and_gives_the_doctor_pin(
    qtbot: QtBot, start_kiosk: Any, doctor_pin: str
) -> None:
    running = start_kiosk(
        venue={"mode": "boarding", "role": "doctor", "desk": "doctor"}, pins={"doctor": doctor_pin}
    )
    view = open_referral_in_the_room(qtbot, running)
    view.note.setText("Negative PCR this morning")

    qtbot.mouseClick(view.cleared_button, Qt.MouseButton.LeftButton)
    confirm = view.confirm_dialog
    assert isinstance(confirm, ResolutionDialog) and confirm.isVisible()
    ticket = view.referrals[0].ticket
    assert confirm.ticket.text().startswith(f"{ticket} талоны · ")
    assert confirm.verdict.text() == "Рұқсат: отыруға болады"
    assert f"background: {looks.GREEN.background}" in confirm.verdict.styleSheet()
    assert confirm.note_label.text() == "Ескертпе: Negative PCR this morning"
    with qtbot.assertNotEmitted(view.resolved):
        qtbot.mouseClick(confirm.back_button, Qt.MouseButton.LeftButton)  # one tap: nothing yet
    assert view.confirm_dialog is None and view.cleared_button.isEnabled()

    qtbot.mouseClick(view.cleared_button, Qt.MouseButton.LeftButton)
    seen = answer_pin_dialog("1357", "")  # a wrong PIN, then Cancel
    with qtbot.assertNotEmitted(view.resolved):
        qtbot.mouseClick(view.confirm_dialog.confirm_button, Qt.MouseButton.LeftButton)
    assert seen == ["Дәрігер PIN-коды"] * 2, "asked, refused, asked again, cancelled"
    assert view.cleared_button.isEnabled(), "no PIN, no decision"

    qtbot.mouseClick(view.cleared_button, Qt.MouseButton.LeftButton)
    answer_pin_dialog(DOCTOR_PIN)
    qtbot.mouseClick(view.confirm_dialog.confirm_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: view.referrals[0].state is ReferralState.RESOLVED, timeout=WAIT)
    [referral] = view.referrals
    assert referral.outcome is ReferralOutcome.CLEARED
    assert referral.resolution_note == "Negative PCR this morning"


def test_without_a_doctor_pin_the_room_still_confirms_each_decision(
    qtbot: QtBot, start_kiosk: Any
) -> None:
    running = start_kiosk(venue={"mode": "boarding", "role": "doctor", "desk": "doctor"})
    view = open_referral_in_the_room(qtbot, running)
    qtbot.mouseClick(view.confirmed_button, Qt.MouseButton.LeftButton)
    confirm = view.confirm_dialog
    assert confirm.verdict.text() == "Расталды: мәртебе өзгермейді"
    assert confirm.back_button.isDefault(), "Enter alone never decides"
    qtbot.mouseClick(confirm.confirm_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: view.referrals[0].state is ReferralState.RESOLVED, timeout=WAIT)
    assert view.referrals[0].outcome is ReferralOutcome.CONFIRMED


def test_control_characters_in_a_referral_are_shown_escaped(qtbot: QtBot) -> None:
    from kiosk.referrals.values import Referral
    from kiosk.status import Provenance
    from ui.referrals_view import ReferralsView

    view = ReferralsView(doctor=True)
    qtbot.addWidget(view)
    referral = Referral(
        id="0b8f7f0e-3f0a-4a53-9f0e-2f1d3c4b5a69",
        ticket="G5-001",
        masked_id="••••••••1201",
        name="Арман\u202e.Б",
        status_shown=Status.RED,
        provenance=Provenance.PASS,
        reason=ReferralReason.OTHER,
        note="call \x9b31m 8\u202e7012",
        entrance="gate-5",
        desk="gate-5",
        opened_at=time.time(),
    )
    view.show_referrals((referral,))
    texts = [view.table.item(0, column).text() for column in range(view.COLUMNS)]
    assert "Арман\\u202e.Б" in texts
    assert any(text.endswith("call \\u009b31m 8\\u202e7012") for text in texts)
    assert not any(c in "".join(texts) for c in "\x9b\u202e")
    view.table.selectRow(0)
    assert "\\u202e" in view.chosen.text() and "\u202e" not in view.chosen.text()
