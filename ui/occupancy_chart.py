"""People inside through the day, as a step chart with the venue's hours."""

from __future__ import annotations

import math

from PySide6.QtCharts import QAreaSeries, QCategoryAxis, QChart, QChartView, QLineSeries, QValueAxis
from PySide6.QtCore import QMargins, QPointF, QSize, Qt
from PySide6.QtGui import QBrush, QColor, QFont, QPainter, QPen
from PySide6.QtWidgets import QWidget

from kiosk.reports.dashboard import DayReport
from ui import looks
from ui.i18n import Retranslating

HOUR = 3600.0
LABEL_WIDTH = 64
"""Pixels an hour label needs ("08:00" and the space around it)."""
LINE = looks.BLUE.background


class OccupancyChart(Retranslating, QChartView):
    """A step line of the people inside, filled below; hours of the day along
    the bottom (the venue's clock), whole people up the side.

    The x values are hours since the business day's start, so the axis is
    the venue's time whatever this PC's zone.
    """

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setRenderHint(QPainter.RenderHint.Antialiasing)
        self.setMinimumHeight(240)
        self.report: DayReport | None = None
        chart = QChart()
        chart.legend().hide()
        chart.setMargins(QMargins(4, 4, 30, 4))  # room for the last hour's label
        chart.setBackgroundRoundness(0)
        self.line = QLineSeries()
        self.line.setPen(QPen(QColor(LINE), 3))
        self.base = QLineSeries()
        self.area = QAreaSeries(self.line, self.base)
        fill = QColor(LINE)
        fill.setAlpha(60)
        self.area.setBrush(QBrush(fill))
        self.area.setPen(QPen(QColor(LINE), 3))
        chart.addSeries(self.area)
        self.hours = QCategoryAxis()
        self.hours.setLabelsPosition(QCategoryAxis.AxisLabelsPosition.AxisLabelsPositionOnValue)
        self.people = QValueAxis()
        self.people.setLabelFormat("%d")
        self.people.setTickType(QValueAxis.TickType.TicksDynamic)
        self.people.setTickAnchor(0)
        for axis, where in ((self.hours, Qt.AlignmentFlag.AlignBottom),
                            (self.people, Qt.AlignmentFlag.AlignLeft)):  # fmt: skip
            font = QFont(axis.labelsFont())
            font.setPixelSize(15)
            axis.setLabelsFont(font)
            title = QFont(font)
            title.setBold(True)
            axis.setTitleFont(title)
            chart.addAxis(axis, where)
            self.area.attachAxis(axis)
        title = QFont(chart.titleFont())
        title.setPixelSize(18)
        chart.setTitleFont(title)
        self.setChart(chart)
        self._retranslate()

    def show_report(self, report: DayReport) -> None:
        self.report = report
        points = _steps(report)
        self.line.replace(points)
        self.base.replace([QPointF(points[0].x(), 0), QPointF(points[-1].x(), 0)])
        first, last = _window(report)
        self.hours.setRange(first, last)
        step = _nice_step(max(report.peak, 1))
        top = step * math.ceil((report.peak + 0.5) / step) if report.peak else step * 4
        self.people.setRange(0, top)
        self.people.setTickInterval(step)
        self._label_hours()
        self._retranslate()

    @property
    def points(self) -> list[tuple[float, float]]:
        """The drawn line's points, (hours since the day's start, people)."""
        return [(p.x(), p.y()) for p in self.line.points()]

    @property
    def hour_labels(self) -> list[str]:
        return list(self.hours.categoriesLabels())

    def sizeHint(self) -> QSize:
        """Its least height: what it gets beyond that is the room the numbers leave,
        so it never makes a narrow page scroll."""
        return QSize(LABEL_WIDTH * 8, self.minimumHeight())

    def resizeEvent(self, event: object) -> None:
        super().resizeEvent(event)  # type: ignore[arg-type]
        self.people.setTitleVisible(self.height() >= 220)  # short: it would be cut to "Ішін…"
        self._label_hours()

    def _retranslate(self) -> None:
        self.people.setTitleText(self.tr("People inside"))
        report = self.report
        if report is not None and (report.check_ins or report.exits):
            self.chart().setTitle("")
        elif report is not None and report.complete:
            self.chart().setTitle(self.tr("Nobody came in that day"))
        else:
            self.chart().setTitle(self.tr("Nobody has come in yet"))

    def _label_hours(self) -> None:
        """A label at every full hour, or every 2, 3… when the chart is narrow."""
        for label in self.hours.categoriesLabels():
            self.hours.remove(label)
        report = self.report
        if report is None:
            return
        first, last = self.hours.min(), self.hours.max()
        width = self.chart().plotArea().width() or max(self.width() - 80, 480)  # not laid out yet
        room = max(1, int(width) // LABEL_WIDTH)
        step = next((s for s in (1, 2, 3, 4, 6, 12) if (last - first) / s <= room), 24)
        self.hours.setStartValue(first)
        offset = _hour_offset(report)
        x = math.ceil(first - offset) + offset  # the first full hour on the venue's clock
        while x <= last + 1e-9:
            moment = report.local(report.start + x * HOUR)
            if moment.hour % step == 0:
                label = moment.strftime("%H:%M")
                if label not in self.hours.categoriesLabels():
                    self.hours.append(label, x)
            x += 1


def _steps(report: DayReport) -> list[QPointF]:
    """The occupancy series as drawn: flat until each change, then straight up or down."""
    points: list[QPointF] = []
    for at, inside in report.occupancy:
        x = (at - report.start) / HOUR
        if points and points[-1].y() != inside:
            points.append(QPointF(x, points[-1].y()))
        points.append(QPointF(x, inside))
    return points


def _window(report: DayReport) -> tuple[float, float]:
    """Hours shown: from an hour before the first entry to an hour after the last
    exit (so the close-out's drop shows), or up to now while the day runs; the
    whole day when nothing happened."""
    whole = (0.0, max((report.as_of - report.start) / HOUR, 1.0))
    busy = [at for at, inside in report.occupancy if inside] + [
        at for at in (report.opened_at, report.closed_at) if at is not None
    ]
    if not busy:
        return whole
    offset = _hour_offset(report)
    first = math.floor((min(busy) - report.start) / HOUR - offset) - 1 + offset
    last = math.ceil((max(busy) - report.start) / HOUR - offset) + 1 + offset
    return max(first, 0.0), last if report.complete else whole[1]


def _hour_offset(report: DayReport) -> float:
    """Where full hours fall on the x axis: the day's start past its hour, in hours."""
    start = report.local(report.start)
    return (60 - start.minute) % 60 / 60 - start.second / HOUR if start.minute else 0.0


def _nice_step(top: int) -> int:
    """Whole-people steps: at most six ticks up the side."""
    for step in (1, 2, 5, 10, 20, 25, 50, 100, 200, 250, 500, 1000):
        if top / step <= 6:
            return step
    return int(10 ** len(str(top)))
