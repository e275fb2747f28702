"""A boarding desk on screen: Refer to doctor from the status screen, the reason
dialog, the passenger's screen with the ticket and where to go, the slip."""

from __future__ import annotations

import time
from typing import Any

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from kiosk.alerts import Alert, Passback
from kiosk.referrals import ReferralReason
from kiosk.status import Status
from tests.fakes import RED_IIN, YELLOW_IIN
from ui.referrals_view import ReferralDialog

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
    status = screens.visitor.status
    qtbot.waitUntil(lambda: status.isVisible() and status.refer_button.isVisible(), timeout=WAIT)
    assert screens.staff.last.refer_button.isVisible()

    qtbot.mouseClick(status.refer_button, Qt.MouseButton.LeftButton)
    dialog = screens.boarding.dialog
    assert isinstance(dialog, ReferralDialog) and dialog.reason is ReferralReason.RED
    dialog.note.setText("Says the test was negative")
    dialog.accept()

    qtbot.waitUntil(lambda: screens.boarding.last_slip is not None, timeout=WAIT)
    assert status.decision_label.text() == "ДӘРІГЕРГЕ ЖІБЕРУ"
    assert status.detail_label.text().startswith("G5-001 талоны: Level 2")
    assert not status.refer_button.isVisible(), "referred once"
    slip = screens.boarding.last_slip
    assert slip.endswith("G5-001.pdf") and (tmp_path / "kiosk-0" / "referral-slips").is_dir()
    with open(slip, "rb") as handle:
        assert handle.read(5) == b"%PDF-"
    qtbot.waitUntil(lambda: len(screens.boarding.referrals.referrals) == 1, timeout=WAIT)
    [referral] = screens.boarding.referrals.referrals
    assert referral.ticket == "G5-001" and referral.note == "Says the test was negative"


def test_the_refer_button_is_for_refused_or_unverified_passengers_only(
    qtbot: QtBot, start_kiosk: Any, issuer: Any
) -> None:
    running = start_kiosk(**BOARDING)
    status = running.screens.visitor.status
    running.show_code(issuer.issue(YELLOW_IIN, Status.YELLOW, at=time.time()))
    qtbot.waitUntil(lambda: status.isVisible() and status.refer_button.isVisible(), timeout=WAIT)


def test_a_venue_desk_offers_no_referral(qtbot: QtBot, start_kiosk: Any, issuer: Any) -> None:
    running = start_kiosk()
    screens = running.screens
    running.show_code(issuer.issue(RED_IIN, Status.RED, at=time.time()))
    qtbot.waitUntil(lambda: screens.visitor.status.isVisible(), timeout=WAIT)
    assert screens.boarding is None and not screens.visitor.status.refer_button.isVisible()


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
    staff, referrals = screens.staff, screens.boarding.referrals
    assert staff.tabs.indexOf(referrals) == 1, "the referrals next to the desk"
    alert = Alert(Passback(masked_id="••••••••1201"), created_at=time.time(), id=7)
    running.kiosk.bridge.listener.alert_raised(alert)
    qtbot.waitUntil(lambda: 7 in staff.alerts.cards, timeout=WAIT)
    assert staff.tabs.tabText(staff.tabs.indexOf(referrals)) == "Жолдамалар"
    assert tab_titles(staff) == {
        "desk": "Үстел",
        "events": "Бүгінгі оқиғалар",
        "alerts": f"Ескертулер ({len(staff.alerts.cards)})",  # the desk may have its own
        "ses": "СЭҚ",
    }

    qtbot.mouseClick(staff.language_buttons["ru"], Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: tab_titles(staff)["desk"] == "Стойка", timeout=WAIT)
    assert staff.tabs.tabText(staff.tabs.indexOf(referrals)) == "Направления"
    assert tab_titles(staff) == {
        "desk": "Стойка",
        "events": "События за сегодня",
        "alerts": f"Предупреждения ({len(staff.alerts.cards)})",
        "ses": "СЭС",
    }


def test_a_doctor_room_puts_its_referrals_first_under_their_own_title(
    qtbot: QtBot, start_kiosk: Any
) -> None:
    running = start_kiosk(venue={"mode": "boarding", "role": "doctor", "desk": "doctor"})
    staff, referrals = running.screens.staff, running.screens.boarding.referrals
    assert staff.tabs.indexOf(referrals) == 0 and staff.tabs.currentWidget() is referrals
    assert staff.tabs.tabText(0) == "Дәрігер бөлмесі"
    qtbot.mouseClick(staff.language_buttons["ru"], Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: staff.tabs.tabText(0) == "Кабинет врача", timeout=WAIT)
    assert tab_titles(staff)["alerts"].startswith("Предупреждения")


def test_control_characters_in_a_referral_are_shown_escaped(qtbot: QtBot) -> None:
    from kiosk.referrals import Referral
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
