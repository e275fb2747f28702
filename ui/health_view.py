"""The staff panel's Desk health tab: the same report as `ashyq-kiosk doctor`,
one row per check (outcome, name, what was found and what to do), the time
it was made, and where the log file is. Check now runs the checks again on a
worker thread; the view only draws."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from kiosk.health.values import Check, HealthReport, Verdict
from ui import health_words
from ui.i18n import Retranslating
from ui.offthread import OffThread
from ui.wording import clock_time
from ui.words import QT_TRANSLATE_NOOP

HEALTH_TAB = QT_TRANSLATE_NOOP("StaffPanel", "Desk health")
COLOURS = {Verdict.OK: "#1B5E20", Verdict.WARNING: "#8D6E00", Verdict.FAILED: "#B71C1C"}


def audio_outputs_and_printers() -> tuple[tuple[str, ...], tuple[str, ...]]:
    """The sound outputs and the printers Qt sees (on the UI thread: quick look-ups).
    Qt's own chatter about audio back ends it does not find is dropped meanwhile."""
    from PySide6.QtCore import qInstallMessageHandler
    from PySide6.QtMultimedia import QMediaDevices
    from PySide6.QtPrintSupport import QPrinterInfo

    previous = qInstallMessageHandler(lambda kind, context, message: None)
    try:
        outputs = tuple(device.description() for device in QMediaDevices.audioOutputs())
        printers = tuple(QPrinterInfo.availablePrinterNames())
    finally:
        qInstallMessageHandler(previous)
    return outputs, printers


class HealthView(Retranslating, QWidget):
    """The Desk health report.

    *check* runs on a worker thread of the view's own with what *gather*
    collected on the UI thread, and returns the report. `show_report` may be
    called from any thread through :meth:`report_arrived`.

    Signals: checked(HealthReport) — a report was drawn.
    """

    checked = Signal(object)
    _made = Signal(object)

    def __init__(
        self,
        check: Callable[[Any], HealthReport] | None = None,
        gather: Callable[[], Any] = lambda: None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("health")
        self.report: HealthReport | None = None
        self._check = check
        self._gather = gather
        self._error: str | None = None
        self._checker = OffThread("health-check", self)
        self._checker.finished.connect(self._on_checker_finished)
        self._checker.failed.connect(self._on_checker_failed)
        self._made.connect(self.show_report)  # a report made on any thread, drawn on this one
        self.title = QLabel(self)
        font = self.title.font()
        font.setBold(True)
        font.setPixelSize(20)
        self.title.setFont(font)
        self.when = QLabel(self)
        self.when.setWordWrap(True)
        self.log_line = QLabel(self)
        self.log_line.setObjectName("health-log")
        self.log_line.setWordWrap(True)
        self.log_line.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.check_button = QPushButton(self)
        self.check_button.setMinimumSize(120, 44)
        self.check_button.clicked.connect(self.check_now)
        self.check_button.setEnabled(check is not None)
        self.table = QTableWidget(0, 3, self)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.table.setWordWrap(True)
        self.table.verticalHeader().hide()
        # Rows as tall as their wrapped text at the width the table has now.
        self.table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        top = QHBoxLayout()
        heading = QVBoxLayout()
        heading.addWidget(self.title)
        heading.addWidget(self.when)
        top.addLayout(heading, 1)
        top.addWidget(self.check_button, 0, Qt.AlignmentFlag.AlignTop)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.log_line)
        self._retranslate()

    # -- what the owner calls --------------------------------------------------------

    def report_arrived(self, report: HealthReport) -> None:
        """A report made on any thread: drawn on the UI thread."""
        self._made.emit(report)

    def show_report(self, report: HealthReport) -> None:
        self.report = report
        self._error = None
        self._retranslate()
        self.checked.emit(report)

    def check_now(self) -> None:
        """Run the checks again (one run at a time)."""
        if self._check is None or self._checker.busy:
            return
        self._checker.run(self._check, self._gather())
        self.check_button.setEnabled(False)
        self._retranslate()

    def stop(self, timeout: float = 30.0) -> None:
        """Wait for a check in progress to end (idempotent); the app calls it on quit."""
        self._checker.stop(timeout)

    # -- the worker's answers ------------------------------------------------------------

    def _on_checker_finished(self, report: HealthReport) -> None:
        self.check_button.setEnabled(self._check is not None)
        self.show_report(report)

    def _on_checker_failed(self, why: str) -> None:
        self.check_button.setEnabled(self._check is not None)
        self._error = why
        self._retranslate()

    # -- drawing -----------------------------------------------------------------------

    @property
    def busy(self) -> bool:
        return self._checker.busy

    def _retranslate(self) -> None:
        self.title.setText(self.tr("Desk health"))
        self.check_button.setText(self.tr("Check now"))
        self.table.setHorizontalHeaderLabels([self.tr("Result"), self.tr("Check"), ""])
        report = self.report
        if self._error is not None:
            self.when.setText(self.tr("The check could not be made: %1").replace("%1", self._error))
        elif self.busy:
            self.when.setText(self.tr("Checking…"))
        elif report is None:
            self.when.setText(self.tr("The check at start has not finished yet."))
        else:
            counts = report.counts()
            text = self.tr("Checked at %1: %2 failed, %3 warning(s), %4 ok")
            for number, value in enumerate(
                (
                    clock_time(report.at),
                    counts[Verdict.FAILED],
                    counts[Verdict.WARNING],
                    counts[Verdict.OK],
                ),
                start=1,
            ):
                text = text.replace(f"%{number}", str(value))
            self.when.setText(text)
        self._draw_rows()

    def _draw_rows(self) -> None:
        report = self.report
        results = report.results if report is not None else ()
        say = _say
        self.table.setRowCount(len(results))
        for row, result in enumerate(results):
            word = QTableWidgetItem(health_words.outcome_word(result.outcome, say))
            word.setForeground(QColor(COLOURS[result.outcome]))
            font = word.font()
            font.setBold(result.outcome is not Verdict.OK)
            word.setFont(font)
            self.table.setItem(row, 0, word)
            self.table.setItem(row, 1, QTableWidgetItem(health_words.check_name(result.check, say)))
            self.table.setItem(row, 2, QTableWidgetItem(health_words.describe(result, say)))
        log = report.get(Check.LOG) if report is not None else None
        path = log.facts.get("path") if log is not None else None
        self.log_line.setVisible(path is not None)
        self.log_line.setText(self.tr("Log file: %1").replace("%1", str(path)))


def _say(source: str) -> str:
    from PySide6.QtCore import QCoreApplication

    return QCoreApplication.translate(health_words.CONTEXT, source)
