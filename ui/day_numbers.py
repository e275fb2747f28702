"""The day's counts: coloured tiles by status, tiles by decision, and the
facts a manager checks (exits, the peak, unverified admissions, red
reports, referrals, overrides)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from kiosk.reports.dashboard import DayReport
from kiosk.status import Status
from ui import looks, words
from ui.i18n import Retranslating
from ui.textfit import set_font
from ui.wording import venue_time

STATUS_LOOKS = (
    (Status.GREEN, looks.GREEN),
    (Status.BLUE, looks.BLUE),
    (Status.YELLOW, looks.YELLOW),
    (Status.RED, looks.RED),
    (None, looks.UNVERIFIED),
)
DECISIONS = ("admit", "deny", "ask_staff")
DECISION_BACKGROUND = "#ECEFF1"
ALARM = looks.RED.background  # red text on white: 5.6:1
FACTS = ("peak", "exits", "annulled", "overrides", "unverified", "red_reports", "referrals")
"""Two columns: who came and went, then what the health checks found."""


class CountTile(QFrame):
    """One count in large figures over its word, in the given colours."""

    def __init__(self, background: str, text: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("tile")
        self.setStyleSheet(
            f"QFrame#tile {{ background: {background}; border-radius: 8px; }}"
            f" QLabel {{ color: {text}; background: transparent; }}"
        )
        self.number = QLabel("0", self)
        set_font(self.number, 30, bold=True)
        self.word = QLabel(self)
        set_font(self.word, 14)
        self.word.setWordWrap(True)
        for label in (self.number, self.word):
            label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(2, 6, 2, 6)
        layout.setSpacing(0)
        layout.addWidget(self.number)
        layout.addWidget(self.word)
        self.setMinimumWidth(80)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)

    def set_compact(self, compact: bool) -> None:
        set_font(self.number, 24 if compact else 30, bold=True)

    def show_count(self, count: int, word: str) -> None:
        self.number.setText(str(count))
        self.word.setText(word)


class DayNumbers(Retranslating, QWidget):
    """The counts of one `DayReport`, in the staff's language."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.report: DayReport | None = None
        self._compact = False
        self.status_tiles = {
            status: CountTile(look.background, look.text, self) for status, look in STATUS_LOOKS
        }
        self.decision_tiles = {
            word: CountTile(DECISION_BACKGROUND, looks.NEAR_BLACK, self) for word in DECISIONS
        }
        self.facts = {key: (QLabel(self), QLabel(self)) for key in FACTS}
        facts = QHBoxLayout()
        facts.setSpacing(12)
        for keys in (FACTS[:4], FACTS[4:]):
            column = QVBoxLayout()
            column.setSpacing(0)
            for key in keys:
                name, value = self.facts[key]
                set_font(name, 15)
                set_font(value, 18, bold=True)
                name.setStyleSheet(f"color: {looks.UNVERIFIED.background};")  # grey: 7.2:1
                for label in (name, value):
                    label.setWordWrap(True)
                column.addWidget(name)
                column.addWidget(value)
                column.addSpacing(6)
            column.addStretch(1)
            facts.addLayout(column, 1)
        statuses = QHBoxLayout()
        for tile in self.status_tiles.values():
            statuses.addWidget(tile)
        decisions = QHBoxLayout()
        for tile in self.decision_tiles.values():
            decisions.addWidget(tile)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(statuses)
        layout.addLayout(decisions)
        layout.addSpacing(6)
        layout.addLayout(facts)
        layout.addStretch(1)

    def show_report(self, report: DayReport) -> None:
        self.report = report
        self._retranslate()

    def set_compact(self, compact: bool) -> None:
        """Smaller figures, for a narrow panel where the numbers sit under the chart."""
        if compact == self._compact:
            return
        self._compact = compact
        for tile in (*self.status_tiles.values(), *self.decision_tiles.values()):
            tile.set_compact(compact)
        for name, value in self.facts.values():
            set_font(name, 14 if compact else 15)
            set_font(value, 16 if compact else 18, bold=True)

    def fact(self, key: str) -> str:
        """The text shown for one fact (tests and screen readers)."""
        return self.facts[key][1].text()

    def _retranslate(self) -> None:
        r = self.report
        if r is None:
            return
        for status, tile in self.status_tiles.items():
            count = getattr(r.by_status, status.value if status else "none")
            tile.show_count(count, words.say(words.STATUS[status] if status else words.NO_STATUS))
        said = {"admit": self.tr("Admitted"), "deny": self.tr("Refused")}
        said["ask_staff"] = self.tr("No answer")
        for word, tile in self.decision_tiles.items():
            tile.show_count(getattr(r.by_decision, word), said[word])
        peak = self.tr("%1 at %2") if r.peak_at is not None else "%1"
        self._show("peak", self.tr("Most inside"), peak, r.peak, venue_time(r, r.peak_at))
        exits = self.tr("%1 (%2 at closing)")
        self._show("exits", self.tr("Exits"), exits, r.exits, r.automatic_exits)
        self._show(
            "annulled",
            self.tr("Annulled at the gate (nobody walked through)"),
            self.tr("entries %1 · exits %2"),
            r.entries_annulled,
            r.exits_annulled,
        )
        self._show(
            "unverified",
            self.tr("Let in unverified"),
            self.tr("%1: red %2 · not red %3 · not known yet %4"),
            r.unverified_admitted,
            r.unverified_turned_red,
            r.unverified_not_red,
            r.unverified_pending,
            alarm=r.unverified_turned_red > 0,
        )
        self._show(
            "red_reports",
            self.tr("Red reports to the SES"),
            self.tr("%1: delivered %2 · queued %3"),
            r.red_reports,
            r.red_reports_delivered,
            r.red_reports_queued,
        )
        c = r.referrals
        referrals = self.tr("open %1 · cleared %2 · confirmed %3")
        self._show(
            "referrals", self.tr("Doctor referrals"), referrals, c.open, c.cleared, c.confirmed
        )
        self._show("overrides", self.tr("Staff overrides"), "%1", r.staff_overrides)

    def _show(self, key: str, name: str, value: str, *args: object, alarm: bool = False) -> None:
        name_label, value_label = self.facts[key]
        name_label.setText(name)
        value_label.setText(words.fill(value, *args))
        value_label.setStyleSheet(f"color: {ALARM};" if alarm else "")
