"""The gate on the screens, on a real kiosk whose gate is a Modbus TCP I/O
module on loopback (pymodbus's own server): staff's Open gate with its reason
pulses the relay and is listed; "Go through" on the visitor's screen while the
gate is open for that visitor, gone when they pass or when nobody does (the
entry annulled and marked); refusals and the gate unplugged said on the panel."""

from __future__ import annotations

import time
from typing import Any

import pytest
from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from hardware.gate.standin import StandInModule
from kiosk.decision import Direction
from kiosk.gate.values import GateState, NoOpenReason
from kiosk.status import Status
from kiosk.storage.alerts import Alert, AlertKind, GateLost
from tests.fakes import GREEN_IIN, YELLOW_IIN
from tests.ui.hid_keys import HidKeyboard
from tests.ui.kiosk_support import GATE_COIL, GATE_SENSOR, gate_section
from ui import looks
from ui.alerts_view import AlertsView, alert_body
from ui.gate_view import REFUSED, GateBar

WAIT = 10_000
COIL, SENSOR = GATE_COIL, GATE_SENSOR


@pytest.fixture
def module(gate_module: StandInModule) -> StandInModule:
    return gate_module


def gated(module: StandInModule, **more: object) -> dict[str, object]:
    return gate_section(module, **more)


def ready(qtbot: QtBot, running: Any) -> GateBar:
    bar: GateBar = running.screens.staff.gate
    qtbot.waitUntil(lambda: bar.isVisible() and bar.state.reachable is True, timeout=WAIT)
    return bar


def type_as_staff(qtbot: QtBot, window: Any, text: str) -> None:
    """Typed by a person at the desk's keyboard (a fast burst is a scanner's)."""
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is window.field, timeout=WAIT)
    keys = HidKeyboard(window)
    for word_index, word in enumerate(text.split(" ")):
        if word_index:
            keys.gap_ms = 150
            keys.tap(Qt.Key.Key_Space, 65, " ")
        keys.type_slowly(word)
    # The key filter holds a person's keys until it knows they are no scanner's.
    qtbot.waitUntil(lambda: window.field.text() == text, timeout=WAIT)


def in_english(screens: Any) -> None:
    screens._on_staff_language_chosen("en")
    QCoreApplication.processEvents()


def test_open_gate_asks_why_pulses_the_relay_and_lists_who_opened_it(
    qtbot: QtBot, module: StandInModule, start_kiosk: Any
) -> None:
    running = start_kiosk(gate=gated(module))
    screens = running.screens
    in_english(screens)
    bar = ready(qtbot, running)
    assert bar.entry_button.isVisible() and not bar.exit_button.isVisible(), "no exit channel"
    assert bar.state_label.text() == "Gate: ready"

    qtbot.mouseClick(bar.entry_button, Qt.MouseButton.LeftButton)
    dialog = bar.dialog
    assert dialog is not None and dialog.isVisible()
    assert not dialog.ok_button.isEnabled(), "no reason, no open"
    type_as_staff(qtbot, dialog, " ")
    assert dialog.field.text() == " " and not dialog.ok_button.isEnabled(), "a space: no reason"
    dialog.field.clear()
    type_as_staff(qtbot, dialog, "courier with a parcel")
    assert dialog.ok_button.isEnabled()
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)

    qtbot.waitUntil(lambda: len(module.pulses(COIL)) == 1, timeout=WAIT)
    on, off = module.pulses(COIL)[0]
    assert 0.05 <= off - on < 1.0, "one pulse of pulse_ms"
    events = screens.staff.events
    qtbot.waitUntil(lambda: any(e.type == "gate_opened" for e in events.events), timeout=WAIT)
    assert events.item(0, 1).text() == "Gate opened by aigerim: courier with a parcel"
    # A staff open has no visitor on the screen to tell "Go through".
    assert not screens.visitor.status.going


def test_cancel_opens_nothing(qtbot: QtBot, module: StandInModule, start_kiosk: Any) -> None:
    running = start_kiosk(gate=gated(module))
    bar = ready(qtbot, running)
    opened: list[object] = []
    bar.open_requested.connect(lambda *args: opened.append(args))
    qtbot.mouseClick(bar.entry_button, Qt.MouseButton.LeftButton)
    assert bar.dialog is not None
    type_as_staff(qtbot, bar.dialog, "forgot")
    qtbot.mouseClick(bar.dialog.cancel_button, Qt.MouseButton.LeftButton)
    QCoreApplication.processEvents()
    assert opened == [] and module.pulses(COIL) == []


@pytest.mark.parametrize("lang", ["kk", "ru", "en"])
def test_go_through_is_shown_while_the_gate_is_open_and_goes_when_the_visitor_passes(
    qtbot: QtBot, module: StandInModule, start_kiosk: Any, issuer: Any, lang: str
) -> None:
    running = start_kiosk(
        gate=gated(module, passage_timeout_s=30),
        screens={"languages": [lang, *(c for c in ("kk", "ru", "en") if c != lang)]},
    )
    ready(qtbot, running)
    status = running.screens.visitor.status
    running.show_code(issuer.issue(GREEN_IIN, Status.GREEN, at=time.time()))
    qtbot.waitUntil(lambda: status.going and status.go_label.isVisible(), timeout=WAIT)
    words = {"kk": "Өтіңіз", "ru": "Проходите", "en": "Go through"}
    assert status.go_label.text().startswith(words[lang])
    assert all(word in status.go_label.text() for word in words.values())
    # The words sit on the status colour: the screen's edge beside them is still green.
    picture = status.grab().toImage()
    beside = status.go_label.geometry().topLeft()
    assert status.look is looks.GREEN
    assert (
        picture.pixelColor(beside.x() + 2, beside.y() + 2).name() == looks.GREEN.background.lower()
    )
    decision_text = status.decision_label.text()
    assert len(module.switched_on(COIL)) == 1

    module.walk_through(SENSOR)
    qtbot.waitUntil(lambda: not status.go_label.isVisible(), timeout=WAIT)
    assert not status.going and status.decision_label.text() == decision_text


def test_nobody_walks_through_the_entry_is_annulled_and_marked(
    qtbot: QtBot, module: StandInModule, start_kiosk: Any, issuer: Any
) -> None:
    running = start_kiosk(gate=gated(module))
    screens = running.screens
    in_english(screens)
    ready(qtbot, running)
    status = screens.visitor.status
    running.show_code(issuer.issue(GREEN_IIN, Status.GREEN, at=time.time()))
    qtbot.waitUntil(lambda: status.going, timeout=WAIT)
    qtbot.waitUntil(lambda: not status.going, timeout=WAIT)  # passage_timeout_s, settled
    events = screens.staff.events
    qtbot.waitUntil(lambda: any(e.type == "entry_annulled" for e in events.events), timeout=WAIT)
    rows = {events.events[r].type: r for r in range(events.rowCount())}
    assert events.item(rows["entry_annulled"], 1).text() == (
        "Entry annulled — nobody walked through"
    )
    check_in = events.item(rows["check_in"], 1)
    assert check_in.text() == "In: admitted (annulled)" and check_in.font().strikeOut()


def test_a_denial_opens_nothing_and_says_nothing_of_a_gate(
    qtbot: QtBot, module: StandInModule, start_kiosk: Any, issuer: Any
) -> None:
    running = start_kiosk(gate=gated(module))
    ready(qtbot, running)
    status = running.screens.visitor.status
    running.show_code(issuer.issue(YELLOW_IIN, Status.YELLOW, at=time.time()))
    qtbot.waitUntil(lambda: status.decision is not None, timeout=WAIT)
    qtbot.waitUntil(lambda: len(running.screens.staff.events.events) == 1, timeout=WAIT)
    assert not status.going and not status.go_label.isVisible()
    assert module.pulses(COIL) == [] and module.switched_on(COIL) == []


@pytest.mark.parametrize(
    ("direction", "reason", "refusal"),
    [
        (Direction.EXIT, "leaving", NoOpenReason.NO_CHANNEL),
        (Direction.ENTRY, "  ", NoOpenReason.NO_REASON),
    ],
)
def test_a_refused_open_is_said_on_the_panel(
    qtbot: QtBot,
    module: StandInModule,
    start_kiosk: Any,
    direction: Direction,
    reason: str,
    refusal: NoOpenReason,
) -> None:
    running = start_kiosk(gate=gated(module))
    in_english(running.screens)
    bar = ready(qtbot, running)
    running.kiosk.desk.controller.open_gate(direction, "aigerim", reason)
    qtbot.waitUntil(bar.message.isVisible, timeout=WAIT)
    expected = {
        NoOpenReason.NO_CHANNEL: "it has no output for that way",
        NoOpenReason.NO_REASON: "say why it should open",
    }[refusal]
    assert expected in bar.message.text()
    assert module.pulses(COIL) == []


def test_every_refusal_has_its_own_words(qtbot: QtBot) -> None:
    assert set(REFUSED) == set(NoOpenReason)
    assert len(set(REFUSED.values())) == len(NoOpenReason)
    bar = GateBar()
    qtbot.addWidget(bar)
    bar.set_state(GateState(entry_channel=True, reachable=True))
    for reason in NoOpenReason:
        bar.refused(reason)
        assert bar.message.text() and bar.message.isVisibleTo(bar)


def test_no_gate_configured_shows_nothing(qtbot: QtBot, start_kiosk: Any) -> None:
    running = start_kiosk()
    QCoreApplication.processEvents()
    assert not running.screens.staff.gate.isVisibleTo(running.screens.staff)


def test_the_gate_unplugged_is_said_and_alerted_and_cleared_when_back(
    qtbot: QtBot, module: StandInModule, start_kiosk: Any
) -> None:
    running = start_kiosk(gate=gated(module))
    screens = running.screens
    in_english(screens)
    bar = ready(qtbot, running)
    host, port = module.address
    module.stop()  # the module unplugged
    qtbot.waitUntil(lambda: bar.state.reachable is False, timeout=WAIT)
    assert bar.state_label.text() == "Gate does not answer — check its cable"
    alerts = screens.staff.alerts
    qtbot.waitUntil(
        lambda: any(c.alert.kind is AlertKind.GATE_UNREACHABLE for c in alerts.cards.values()),
        timeout=WAIT,
    )
    card = next(c for c in alerts.cards.values() if c.alert.kind is AlertKind.GATE_UNREACHABLE)
    assert card.title.text() == "The gate does not answer"
    assert "Check-ins go on" in card.body.text()

    # Staff open it by hand meanwhile: the open never reaches it and is said so.
    running.kiosk.desk.controller.open_gate(Direction.ENTRY, "aigerim", "courier")
    qtbot.waitUntil(lambda: "did not answer in time" in bar.message.text(), timeout=WAIT)

    module.serve_tcp(host, port)  # plugged back in
    qtbot.waitUntil(lambda: bar.state.reachable is True, timeout=30_000)
    qtbot.waitUntil(
        lambda: all(c.alert.kind is not AlertKind.GATE_UNREACHABLE for c in alerts.cards.values()),
        timeout=WAIT,
    )
    assert module.pulses(COIL) == [], "the dropped open is never sent later"


@pytest.mark.parametrize("lang", ["kk", "ru", "en"])
def test_the_gate_alert_in_each_language(qtbot: QtBot, lang: str, start_kiosk: Any) -> None:
    running = start_kiosk()
    running.screens._on_staff_language_chosen(lang)
    QCoreApplication.processEvents()
    view = AlertsView("")
    qtbot.addWidget(view)
    alert = Alert(GateLost("connection refused"), time.time(), 3)
    view.add(alert)
    card = view.cards[3]
    titles = {
        "kk": "Турникет жауап бермейді",
        "ru": "Турникет не отвечает",
        "en": "The gate does not answer",
    }
    assert card.title.text() == titles[lang]
    assert card.body.text() == alert_body(alert, "") and "(connection refused)" in card.body.text()
