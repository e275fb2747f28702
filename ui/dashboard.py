"""The venue's day for the manager (docs/architecture.md, section 7): people inside
through the day, working hours, counts by status and decision, unverified
admissions and what they turned out to be, red reports, referrals; and the
same as a CSV file."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QCoreApplication, Signal
from PySide6.QtWidgets import (
    QBoxLayout,
    QFileDialog,
    QFrame,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from kiosk.reports.dashboard import DayReport
from kiosk.reports.daysheet import report_csv
from ui import words
from ui.day_numbers import ALARM, DayNumbers
from ui.i18n import Retranslating
from ui.occupancy_chart import OccupancyChart
from ui.offthread import OffThread
from ui.textfit import set_font
from ui.wording import venue_time
from ui.words import QT_TRANSLATE_NOOP

ChooseFile = Callable[[QWidget, str], str]
"""Asks where to save: (parent, suggested path) → the chosen path, or "" for none."""

SAVE_TITLE = QT_TRANSLATE_NOOP("DashboardView", "Export CSV")
CSV_FILES = QT_TRANSLATE_NOOP("DashboardView", "CSV files (*.csv)")


def ask_save_path(parent: QWidget, suggested: str) -> str:
    """The platform's save dialog."""
    title = QCoreApplication.translate("DashboardView", SAVE_TITLE)
    kinds = QCoreApplication.translate("DashboardView", CSV_FILES)
    path, _ = QFileDialog.getSaveFileName(parent, title, suggested, kinds)
    return str(path)


class DashboardView(Retranslating, QWidget):
    """Today's numbers at this desk, for the staff panel's dashboard tab.

    The view draws the `DayReport` it is given (`show_report`) and never
    reads the database on the UI thread. *load*, when given, is called on a
    worker thread of the view's own at each refresh (one read at a time; a
    refresh asked meanwhile reads once more after it), so it must open its
    own store connection; without it, the owner answers `refresh_requested`.
    Export writes the CSV of the report on screen (a few kilobytes) to the
    file the staff choose; *choose_file* asks where.

    Signals: refresh_requested() — the Refresh button, or the view shown;
    exported(str) — the path of the CSV file written.
    """

    refresh_requested = Signal()
    exported = Signal(str)

    NARROW = 900
    """Below this width the chart and the numbers stack; the chart takes the height
    the numbers leave (down to :attr:`LEAST_CHART`), and only below that does
    the page scroll."""
    LEAST_CHART = 160

    def __init__(
        self,
        load: Callable[[], DayReport] | None = None,
        *,
        choose_file: ChooseFile = ask_save_path,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.report: DayReport | None = None
        self._load = load
        self._choose_file = choose_file
        self._again = False
        self._note: tuple[str, str] | None = None  # (kind, detail) of the last export or read
        self._reader = OffThread("dashboard-read", self)
        self._reader.finished.connect(self._on_reader_finished)
        self._reader.failed.connect(self._on_reader_failed)

        self.title = QLabel(self)
        set_font(self.title, 22, bold=True)
        self.hours = QLabel(self)
        set_font(self.hours, 18)
        self.note = QLabel(self)
        set_font(self.note, 15)
        for label in (self.title, self.hours, self.note):
            label.setWordWrap(True)
        self.refresh_button = QPushButton(self)
        self.export_button = QPushButton(self)
        for button in (self.refresh_button, self.export_button):
            button.setMinimumSize(100, 44)
            set_font(button, 17)
        self.refresh_button.clicked.connect(self.refresh)
        self.export_button.clicked.connect(self.export)
        self.export_button.setEnabled(False)
        self.chart = OccupancyChart(self)
        self.numbers = DayNumbers(self)

        body = QWidget(self)
        self._body = QBoxLayout(QBoxLayout.Direction.LeftToRight, body)
        self._body.setContentsMargins(0, 0, 0, 0)
        self._body.addWidget(self.chart, 5)
        self._body.addWidget(self.numbers, 4)
        self.page = QScrollArea(self)
        self.page.setWidgetResizable(True)
        self.page.setFrameShape(QFrame.Shape.NoFrame)
        self.page.setWidget(body)
        heading = QVBoxLayout()
        heading.addWidget(self.title)
        heading.addWidget(self.hours)
        buttons = QHBoxLayout()
        buttons.addWidget(self.refresh_button)
        buttons.addWidget(self.export_button)
        buttons.addStretch(1)
        self._top = QBoxLayout(QBoxLayout.Direction.LeftToRight)
        self._top.addLayout(heading, 1)
        self._top.addLayout(buttons)
        layout = QVBoxLayout(self)
        layout.addLayout(self._top)
        layout.addWidget(self.note)
        layout.addWidget(self.page, 1)
        self._retranslate()

    # -- what the owner calls ----------------------------------------------------

    def show_report(self, report: DayReport) -> None:
        """Draw *report* (on the UI thread)."""
        self.report = report
        if self._note is not None and self._note[0] == "failed":
            self._note = None
        self.export_button.setEnabled(True)
        self.chart.show_report(report)
        self.numbers.show_report(report)
        self._retranslate()

    def refresh(self) -> None:
        """Ask for the day again: the owner's signal, and *load* when given."""
        self.refresh_requested.emit()
        if self._load is None:
            return
        if self._reader.busy:
            self._again = True  # latest wins: one more read when this one is done
            return
        self._again = False
        self._reader.run(self._load)

    def export(self) -> None:
        """Ask where, then write the report on screen there as CSV."""
        report = self.report
        if report is None:
            return
        suggested = str(Path.home() / f"ashyq-day-{report.day.isoformat()}.csv")
        path = self._choose_file(self, suggested)
        if not path:
            return
        try:
            Path(path).write_text(report_csv(report), encoding="utf-8", newline="")
        except OSError as exc:
            self._note = ("not_saved", exc.strerror or str(exc))
        else:
            self._note = ("saved", path)
            self.exported.emit(path)
        self._show_note()

    def stop(self, timeout: float = 5.0) -> None:
        """Wait for a read in progress to end (idempotent); the app calls it on quit."""
        self._again = False
        self._reader.stop(timeout)

    # -- the worker's answers (a locked or damaged database is said on screen) ----------

    def _on_reader_finished(self, report: DayReport) -> None:
        self.show_report(report)
        if self._again:
            self.refresh()

    def _on_reader_failed(self, why: str) -> None:
        self._note = ("failed", why)
        self._show_note()
        if self._again:
            self.refresh()

    # -- drawing -----------------------------------------------------------------------

    def showEvent(self, event: object) -> None:
        super().showEvent(event)  # type: ignore[arg-type]
        self.refresh()

    def closeEvent(self, event: object) -> None:
        self.stop()
        super().closeEvent(event)  # type: ignore[arg-type]

    def resizeEvent(self, event: object) -> None:
        narrow = self.width() < self.NARROW
        stacked = QBoxLayout.Direction.TopToBottom
        self._body.setDirection(stacked if narrow else QBoxLayout.Direction.LeftToRight)
        self._body.setStretch(0, 1 if narrow else 5)  # stacked: the chart takes the rest
        self._body.setStretch(1, 0 if narrow else 4)
        self.chart.setMinimumHeight(self.LEAST_CHART if narrow else 240)
        self.numbers.set_compact(narrow)  # the chart keeps the height they give up
        super().resizeEvent(event)  # type: ignore[arg-type]

    def _retranslate(self) -> None:
        self.refresh_button.setText(self.tr("Refresh"))
        self.export_button.setText(self.tr("Export CSV…"))
        self._show_note()
        r = self.report
        if r is None:
            self.title.setText(self.tr("Today"))
            self.hours.setText(self.tr("Reading the day…"))
            return
        if r.complete:
            self.title.setText(self.tr("Day %1").replace("%1", r.day.isoformat()))
        elif r.as_of <= r.start:
            self.title.setText(self.tr("Day %1 has not begun").replace("%1", r.day.isoformat()))
        else:
            title = self.tr("Day %1, so far (%2)")
            self.title.setText(words.fill(title, r.day.isoformat(), venue_time(r, r.as_of)))
        self.hours.setText(self._hours(r))

    def _hours(self, r: DayReport) -> str:
        if r.opened_at is None:
            return self.tr("No one was let in") if r.complete else self.tr("No one let in yet")
        if r.working_hours_s is None or r.closed_at is None:
            return self.tr("First entry %1 · no exit yet").replace("%1", venue_time(r, r.opened_at))
        minutes = round(r.working_hours_s / 60)
        text = self.tr("Open %1 – %2 (%3 h %4 min): first entry to last exit")
        first, last = venue_time(r, r.opened_at), venue_time(r, r.closed_at)
        return words.fill(text, first, last, minutes // 60, minutes % 60)

    def _show_note(self) -> None:
        if self._note is None:
            self.note.hide()
            return
        kind, detail = self._note
        text = {
            "saved": self.tr("Saved: %1"),
            "not_saved": self.tr("Could not save the file: %1"),
            "failed": self.tr("Could not read the day: %1"),
        }[kind]
        self.note.setText(text.replace("%1", detail))
        self.note.setStyleSheet("" if kind == "saved" else f"color: {ALARM};")
        self.note.show()
