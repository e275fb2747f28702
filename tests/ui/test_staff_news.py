"""What the staff panel shows of the desk's news, on a real kiosk: questions
in turn with how many wait, the key list's age, a header that stays
"offline" while the service is gone, and a Check in that never checks out."""

from __future__ import annotations

import datetime as dt
import time
from typing import Any

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from kiosk.decision import Direction
from kiosk.news import KeyListState, StaffQuestion
from kiosk.policy import Outcome
from kiosk.storage.alerts import Alert, TrustStale
from kiosk.vocabulary import Method
from tests.fakes import BLUE_IIN, GREEN_IIN, PassIssuer
from ui.alerts_view import alert_body
from ui.staff import StaffPanel

WAIT = 10_000
DAY = 86_400.0


def check_in_typed(qtbot: QtBot, running: Any, iin: str) -> None:
    entry = running.screens.staff.entry
    for digit in iin:
        qtbot.mouseClick(entry.keypad.buttons[digit], Qt.MouseButton.LeftButton)
    qtbot.mouseClick(entry.check_in_button, Qt.MouseButton.LeftButton)


def last_decision(running: Any) -> Any:
    return running.screens.staff.last.decision


def test_check_in_of_someone_inside_is_an_entry_and_records_no_exit(
    qtbot: QtBot, start_kiosk: Any
) -> None:
    running = start_kiosk(venue={"rescan_window_s": 0})  # a two-way desk, offline
    staff = running.screens.staff
    check_in_typed(qtbot, running, GREEN_IIN)
    qtbot.waitUntil(lambda: staff.question.isVisible(), timeout=WAIT)
    qtbot.mouseClick(staff.question.admit_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: len(staff.events.events) == 1, timeout=WAIT)

    first = last_decision(running)
    check_in_typed(qtbot, running, GREEN_IIN)
    qtbot.waitUntil(lambda: last_decision(running) is not first, timeout=WAIT)

    again = last_decision(running)
    assert again.direction is Direction.ENTRY and again.method is Method.MANUAL
    assert again.outcome is Outcome.ASK_STAFF  # already inside: staff look (pass-back)
    qtbot.waitUntil(lambda: staff.question.isVisible(), timeout=WAIT)
    assert [e.type for e in staff.events.events] == ["check_in"]


def test_questions_wait_in_turn_and_the_card_says_how_many(qtbot: QtBot, start_kiosk: Any) -> None:
    running = start_kiosk()
    staff = running.screens.staff
    card = staff.question
    controller = running.kiosk.desk.controller
    controller.submit(GREEN_IIN, Method.SCANNER)
    qtbot.waitUntil(lambda: card.isVisible(), timeout=WAIT)
    controller.submit(BLUE_IIN, Method.SCANNER)
    qtbot.waitUntil(lambda: card.waiting.isVisible(), timeout=WAIT)

    first: StaffQuestion = card.question
    assert first.decision.masked_id == "••••••••0005", "the first stays shown"
    assert "1" in card.waiting.text()
    qtbot.mouseClick(card.admit_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(
        lambda: card.question is not None and card.question.id != first.id, timeout=WAIT
    )
    assert card.isVisible() and card.isEnabled() and not card.waiting.isVisible()
    assert card.question.decision.masked_id == "••••••••0017"
    qtbot.mouseClick(card.refuse_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not card.isVisible(), timeout=WAIT)

    qtbot.waitUntil(lambda: len(staff.events.events) == 2, timeout=WAIT)
    answers = {e.masked_id: e.decision for e in staff.events.events}
    assert answers == {"••••••••0005": "admit", "••••••••0017": "deny"}


def test_the_header_stays_offline_while_the_service_is_gone(qtbot: QtBot, start_kiosk: Any) -> None:
    running = start_kiosk()  # its service address refuses every connection
    staff = running.screens.staff
    qtbot.waitUntil(lambda: staff.service_label.text() != "", timeout=WAIT)
    began = time.monotonic()
    qtbot.waitUntil(lambda: staff._service.online is False, timeout=2_000)
    offline_text = staff.service_label.text()

    states: list[Any] = []
    running.kiosk.bridge.service_changed.connect(states.append)
    qtbot.waitUntil(lambda: time.monotonic() - began > 1.5, timeout=5_000)  # sync passes

    assert all(state.online is False for state in states), states
    assert staff.service_label.text() == offline_text


def test_the_panel_shows_the_key_list_age_and_warns_when_it_is_too_old(
    qtbot: QtBot, start_kiosk: Any, issuer: PassIssuer
) -> None:
    running = start_kiosk()
    staff = running.screens.staff
    qtbot.waitUntil(lambda: staff.keys_label.isVisible(), timeout=WAIT)
    assert "#B71C1C" in staff.keys_label.styleSheet(), "never fetched: a warning"

    panel = StaffPanel(venue="Club", desk="desk-1", operator="", languages=("en",))
    qtbot.addWidget(panel)
    now = 1_790_000_000.0
    shown = {}
    for name, age in (("hours", 3 * 3600.0), ("days", 8 * DAY)):
        panel.set_keys(KeyListState(now - age, 2, 7 * DAY, now))
        shown[name] = (panel.keys_label.text(), "#B71C1C" in panel.keys_label.styleSheet())
    panel.set_keys(KeyListState(None, 1, 7 * DAY, now))
    never = panel.keys_label.text()

    assert "3" in shown["hours"][0] and not shown["hours"][1]
    assert "8" in shown["days"][0] and shown["days"][1]
    assert never and "3" not in never and "8" not in never


def test_the_stale_keys_alert_says_how_old_the_list_is(qtbot: QtBot) -> None:
    fetched = dt.datetime(2026, 9, 1, 10, 0).timestamp()
    old = Alert(TrustStale(fetched, "connection refused"), fetched + 8 * DAY + 60)
    never = Alert(TrustStale(None, "connection refused"), fetched)

    text = alert_body(old, "")

    assert "8" in text and "01.09.2026" in text
    assert "01.09.2026" not in alert_body(never, "") and alert_body(never, "")
