"""Alerts for staff, each with what to do and an Acknowledge button."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from kiosk.storage.alerts import (
    Alert,
    AlertKind,
    CapacityReached,
    ClockSkew,
    DeadLetter,
    DeskHealth,
    DeviceLost,
    GateLost,
    Passback,
    RedReportQueued,
    ReferralResolved,
    ResolutionRefused,
    RetroactiveRed,
    SyncTrouble,
    TrustStale,
)
from ui import words
from ui.i18n import Retranslating
from ui.wording import clock_time
from ui.words import QT_TRANSLATE_NOOP

URGENT = frozenset({AlertKind.RETROACTIVE_RED, AlertKind.RED_REPORT_QUEUED})


# What staff read on each alert (Qt Linguist context "Alerts").
NO_PHONE = QT_TRANSLATE_NOOP("Alerts", "the number in [ses] phone")
RETRO_RED = QT_TRANSLATE_NOOP(
    "Alerts",
    "Visitor %1, let in at %2 while the service was down, has red status. "
    "The report to the sanitary service is queued. Find the visitor and call %3.",
)
RED_QUEUED = QT_TRANSLATE_NOOP(
    "Alerts",
    "Visitor %1 has red status: do not let them in. The report to the sanitary "
    "service is queued; call %2 if they need to speak to you.",
)
PASSBACK = QT_TRANSLATE_NOOP(
    "Alerts", "Visitor %1 is already inside (since %2). Check that it is the same person."
)
FULL = QT_TRANSLATE_NOOP("Alerts", "%1 people inside of %2 allowed: entries are refused.")
LOST = QT_TRANSLATE_NOOP("Alerts", "The %1 stopped: check its cable. The kiosk retries by itself.")
TROUBLE = QT_TRANSLATE_NOOP(
    "Alerts", "%1 events waiting since %2: check the network. Nothing is lost."
)
SKEW = QT_TRANSLATE_NOOP(
    "Alerts", "This PC's clock is %1 s off the service's: set the time; passes depend on it."
)
DEAD = QT_TRANSLATE_NOOP("Alerts", "The service refused %1 events: call support. They are kept.")
STALE = QT_TRANSLATE_NOOP(
    "Alerts",
    "The pass keys were last fetched %1 days ago, on %2: a pass signed by a newer key "
    "goes to staff to decide. Check the network.",
)
NEVER_FETCHED = QT_TRANSLATE_NOOP(
    "Alerts",
    "The pass keys have never been fetched from the service: passes signed by its keys "
    "go to staff to decide. Check the network.",
)
REFERRAL = QT_TRANSLATE_NOOP("Alerts", "Referral %1: the doctor decided %2.")
CLEARED = QT_TRANSLATE_NOOP("Alerts", "cleared, the passenger may board")
CONFIRMED = QT_TRANSLATE_NOOP("Alerts", "confirmed, the status stands")
REFUSED_LATE = QT_TRANSLATE_NOOP(
    "Alerts", "Referral %1: another doctor's decision came first and holds. Nothing to do."
)
REFUSED_UNKNOWN = QT_TRANSLATE_NOOP(
    "Alerts",
    "Referral %1: the service does not know it yet. Resolve it again once it has arrived.",
)
NOT_REGISTERED = QT_TRANSLATE_NOOP(
    "Alerts", "The service refused this device's token: call support. Events are kept."
)
RESCUED = QT_TRANSLATE_NOOP(
    "Alerts",
    "The database files were removed or replaced; the kiosk kept its data. Tell support.",
)
HEALTH = QT_TRANSLATE_NOOP(
    "Alerts", "The check at start found a problem with: %1. The Desk health tab says what to do."
)
CRASH_LOOP = QT_TRANSLATE_NOOP(
    "Alerts",
    "The kiosk crashed %1 times within a minute and was left stopped until this start. "
    "Tell support; the log file says why.",
)
GATE_LOST = QT_TRANSLATE_NOOP(
    "Alerts",
    "The gate does not answer: check its cable and power. Check-ins go on, but the "
    "gate does not open: let visitors through by hand. This alert goes by itself "
    "when the gate answers again.",
)
CAMERA = QT_TRANSLATE_NOOP("Alerts", "camera")
SCANNER = QT_TRANSLATE_NOOP("Alerts", "scanner")


def _at(moment: float | None) -> str:
    return clock_time(moment, missing="—")


def _say(source: str, *args: object) -> str:
    return words.say_in("Alerts", source, *args)


def alert_body(alert: Alert, ses_phone: str) -> str:
    """What happened and what staff should do, in the staff's language."""
    p = alert.payload
    phone = ses_phone or _say(NO_PHONE)
    if isinstance(p, RetroactiveRed):
        return _say(RETRO_RED, p.masked_id or "—", _at(p.checked_in_at), phone)
    if isinstance(p, RedReportQueued):
        return _say(RED_QUEUED, p.masked_id or "—", phone)
    if isinstance(p, Passback):
        return _say(PASSBACK, p.masked_id or "—", _at(p.entered_at))
    if isinstance(p, CapacityReached):
        return _say(FULL, p.inside, p.capacity)
    if isinstance(p, DeviceLost):
        return _say(LOST, _say(SCANNER if p.device == "scanner" else CAMERA))
    if isinstance(p, SyncTrouble):
        return _say(TROUBLE, p.pending, _at(p.since))
    if isinstance(p, ClockSkew):
        return _say(SKEW, round(p.skew_s))
    if isinstance(p, DeadLetter):
        return _say(DEAD, len(p.events))
    if isinstance(p, TrustStale):
        if not p.fetched_at:
            return _say(NEVER_FETCHED)
        days = int(max(alert.created_at - p.fetched_at, 0.0) // 86_400)
        return _say(STALE, days, dt.datetime.fromtimestamp(p.fetched_at).strftime("%d.%m.%Y"))
    if isinstance(p, ReferralResolved):
        outcome = {"cleared": CLEARED, "confirmed": CONFIRMED}.get(p.outcome)
        return _say(REFERRAL, p.ticket, _say(outcome) if outcome else p.outcome)
    if isinstance(p, ResolutionRefused):
        late = p.reason == "already_resolved"
        return _say(REFUSED_LATE if late else REFUSED_UNKNOWN, p.ticket)
    if isinstance(p, DeskHealth):
        from ui.health_words import checks_text

        parts = [_say(CRASH_LOOP, p.crashes)] if p.crashes else []
        if p.failed or not parts:
            parts.append(_say(HEALTH, checks_text(p.failed) or "—"))
        return " ".join(parts)
    if isinstance(p, GateLost):
        text = _say(GATE_LOST)
        return f"{text} ({p.detail})" if p.detail else text  # the driver's words, for support
    if alert.kind is AlertKind.DEVICE_NOT_REGISTERED:
        return _say(NOT_REGISTERED)
    return _say(RESCUED)


class AlertCard(Retranslating, QFrame):
    """One alert. Signals: acknowledged(int)."""

    acknowledged = Signal(int)

    def __init__(self, alert: Alert, ses_phone: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.alert = alert
        self._ses_phone = ses_phone
        urgent = alert.kind in URGENT
        self.setObjectName("alert")
        border = "#C62828" if urgent else "#90A4AE"
        self.setStyleSheet(
            f"QFrame#alert {{ border: 2px solid {border}; border-radius: 8px;"
            " background: #FFFFFF; }"
        )
        self.title = QLabel(self)
        font = QFont(self.title.font())
        font.setBold(True)
        font.setPixelSize(17)
        self.title.setFont(font)
        self.title.setWordWrap(True)
        self.body = QLabel(self)
        self.body.setWordWrap(True)
        self.button = QPushButton(self)
        self.button.setMinimumHeight(44)
        self.button.clicked.connect(lambda: self.acknowledged.emit(self.alert.id))
        layout = QVBoxLayout(self)
        top = QHBoxLayout()
        top.addWidget(self.title, 1)
        self.time = QLabel(_at(alert.created_at), self)
        top.addWidget(self.time, 0, Qt.AlignmentFlag.AlignTop)
        layout.addLayout(top)
        layout.addWidget(self.body)
        layout.addWidget(self.button, 0, Qt.AlignmentFlag.AlignRight)
        self._retranslate()

    def _retranslate(self) -> None:
        self.title.setText(words.say(words.ALERT_TITLE[self.alert.kind]))
        self.body.setText(alert_body(self.alert, self._ses_phone))
        self.button.setText(self.tr("Acknowledge"))


class AlertsView(Retranslating, QWidget):
    """Unacknowledged alerts, newest first.

    Signals: acknowledged(int), count_changed(int).
    """

    acknowledged = Signal(int)
    count_changed = Signal(int)

    def __init__(self, ses_phone: str = "", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._ses_phone = ses_phone
        self.cards: dict[int, AlertCard] = {}
        self.empty = QLabel(self)
        self.empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        inner = QWidget(self)
        self._list = QVBoxLayout(inner)
        self._list.addWidget(self.empty)
        self._list.addStretch(1)
        scroll = QScrollArea(self)
        scroll.setWidgetResizable(True)
        scroll.setWidget(inner)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(scroll)
        self._retranslate()

    def add(self, alert: Alert) -> None:
        if alert.id in self.cards:
            return
        card = AlertCard(alert, self._ses_phone, self)
        card.acknowledged.connect(self.acknowledged)
        self._list.insertWidget(0, card)
        self.cards[alert.id] = card
        self._changed()

    def remove(self, alert_id: int) -> None:
        card = self.cards.pop(alert_id, None)
        if card is not None:
            card.setParent(None)
            card.deleteLater()
            self._changed()

    def _retranslate(self) -> None:
        self.empty.setText(self.tr("No alerts"))

    def _changed(self) -> None:
        self.empty.setVisible(not self.cards)
        self.count_changed.emit(len(self.cards))
