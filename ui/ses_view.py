"""Reports to the sanitary service (СЭҚ / СЭС): today's red-status visitors,
where each report is, what staff must do, and whom to call."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from kiosk.news import RedReport
from ui.i18n import Retranslating
from ui.wording import clock_time


class SesView(Retranslating, QWidget):
    """The day's red reports, newest first, with the service's phone number."""

    def __init__(self, phone: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._phone = phone
        self.reports: tuple[RedReport, ...] = ()
        self.call = QLabel(self)
        font = QFont(self.call.font())
        font.setBold(True)
        font.setPixelSize(20)
        self.call.setFont(font)
        self.call.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.call.setWordWrap(True)
        self.what_to_do = QLabel(self)
        self.what_to_do.setWordWrap(True)
        self.table = QTableWidget(0, 4, self)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.table.verticalHeader().hide()
        # The time and the masked id take what they need; what happened and
        # where the report is share the rest and wrap: on a narrow panel every
        # column stays in view, no sideways scrolling.
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        for column in (2, 3):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Stretch)
        self.table.setWordWrap(True)
        self.table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        layout = QVBoxLayout(self)
        layout.addWidget(self.call)
        layout.addWidget(self.what_to_do)
        layout.addWidget(self.table, 1)
        self._retranslate()

    def show_reports(self, reports: tuple[RedReport, ...]) -> None:
        self.reports = reports
        self.table.setRowCount(len(reports))
        for row, report in enumerate(reports):
            cells = (
                clock_time(report.occurred_at),
                report.masked_id or "",
                self._what(report),
                self._where(report),
            )
            for column, text in enumerate(cells):
                item = QTableWidgetItem(text)
                item.setToolTip(text)
                if column == 3 and report.delivered_at is None:
                    item.setForeground(Qt.GlobalColor.darkRed)
                self.table.setItem(row, column, item)

    def _what(self, report: RedReport) -> str:
        if not report.retroactive:
            return self.tr("refused at the desk")
        if report.admitted:
            return self.tr("admitted offline, found red later")
        return self.tr("refused offline, found red later")

    def _where(self, report: RedReport) -> str:
        if report.refused:
            return self.tr("Refused by the service (%1): call the sanitary service").replace(
                "%1", report.refused
            )
        if report.delivered_at is None:
            return self.tr("Queued: no connection yet. Call if the visitor is still here")
        if report.received_at is not None:
            return self.tr("Delivered; the service received it at %1").replace(
                "%1", clock_time(report.received_at, seconds=True)
            )
        return self.tr("Delivered at %1").replace("%1", clock_time(report.delivered_at))

    def _retranslate(self) -> None:
        phone = self._phone or self.tr("(no number in [ses] phone: ask the administrator)")
        self.call.setText(self.tr("Sanitary service: %1").replace("%1", phone))
        self.what_to_do.setText(
            self.tr(
                "A visitor with red status must not enter: the kiosk reports each one to the "
                "sanitary service by itself. While a report is queued (no connection), call "
                "the number above and give the time and the visitor's masked ID; keep the "
                "visitor apart from others until the service says what to do."
            )
        )
        self.table.setHorizontalHeaderLabels(
            [self.tr("Time"), self.tr("Visitor"), self.tr("What happened"), self.tr("Report")]
        )
        self.table.setAccessibleName(self.tr("Reports to the sanitary service"))
        self.show_reports(self.reports)
