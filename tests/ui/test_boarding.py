"""A boarding desk on screen: Refer to doctor from the status screen, the reason
dialog, the passenger's screen with the ticket and where to go, the slip."""

from __future__ import annotations

import time
from typing import Any

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

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
