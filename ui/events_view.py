"""Today's events for the staff panel (masked: no IIN), the desk tab's short
list and the Events tab's whole one."""

from __future__ import annotations

from PySide6.QtGui import QPalette
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QTableWidget,
    QTableWidgetItem,
    QWidget,
)

from kiosk.news import RecentEvent
from kiosk.status import Status
from kiosk.vocabulary import Method
from ui import words
from ui.gate_view import event_words
from ui.i18n import Retranslating
from ui.icons import tick_icon
from ui.wording import clock_time


class EventsView(Retranslating, QTableWidget):
    """Today's latest check-ins and check-outs, masked."""

    COLUMNS = 6
    SENT = 5
    COMPACT_ROWS = 8

    def __init__(self, parent: QWidget | None = None, *, compact: bool = False) -> None:
        super().__init__(0, self.COLUMNS, parent)
        self._compact = compact
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.verticalHeader().hide()
        if compact:
            for column in (4, 5):  # who and sent: on the events tab
                self.hideColumn(column)
        header = self.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        if compact:  # a long line (a staff open's reason) is elided, never pushes columns out
            header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        else:
            header.setStretchLastSection(True)
        self._sent_icon = tick_icon(16, self.palette().color(QPalette.ColorRole.Text).name())
        self.events: tuple[RecentEvent, ...] = ()
        self._retranslate()

    def show_events(self, events: tuple[RecentEvent, ...]) -> None:
        self.events = events
        if self._compact:
            events = events[: self.COMPACT_ROWS]
        self.setRowCount(len(events))
        for row, event in enumerate(events):
            cells = (
                clock_time(event.occurred_at, seconds=True),
                self._what(event),
                self._status(event.status),
                event.masked_id or "",
                event.operator or self._method(event.method),
                "" if event.synced else "…",  # sent: a drawn tick (the font has no ✓)
            )
            for column, text in enumerate(cells):
                item = QTableWidgetItem(text)
                item.setToolTip(text)
                if column == self.SENT and event.synced:
                    item.setIcon(self._sent_icon)
                if event.annulled:  # nobody walked through: struck out, as on paper
                    font = item.font()
                    font.setStrikeOut(True)
                    item.setFont(font)
                self.setItem(row, column, item)

    def _what(self, event: RecentEvent) -> str:
        return event_words(event, self._usual(event))

    def _usual(self, event: RecentEvent) -> str:
        if event.type == "check_out":
            return self.tr("Out (closing)") if event.automatic else self.tr("Out")
        return {
            "admit": self.tr("In: admitted"),
            "deny": self.tr("In: refused"),
            "ask_staff": self.tr("In: no answer"),
        }.get(event.decision or "", event.decision or "")

    def _method(self, method: str | None) -> str:
        """How the code came, in words (a check-in no one made by hand)."""
        try:
            return words.say(words.METHOD[Method(method)]) if method else ""
        except ValueError:
            return method or ""

    def _status(self, status: str | None) -> str:
        try:
            return words.say(words.STATUS[Status(status)]) if status else ""
        except ValueError:
            return status or ""

    def _retranslate(self) -> None:
        self.setAccessibleName(self.tr("Latest events") if self._compact else self.tr("Events"))
        self.setHorizontalHeaderLabels(
            [
                self.tr("Time"),
                self.tr("Event"),
                self.tr("Status"),
                self.tr("Visitor"),
                self.tr("By"),
                self.tr("Sent"),
            ]
        )
        self.show_events(self.events)
