"""The gate on the screens: its state and staff's Open gate on the staff panel,
the reason asked for each open, and "Go through" on the visitor's screen while
the gate is open for the visitor shown there.

    bridge.gate_changed ─► GateBar (state, which buttons)
    bridge.gate_refused ─► GateBar (why nothing opened)
    bridge.entry_recorded / exit_recorded, gate_opened, gate_closed
        ─► GateScreens ─► visitor's status screen ("Go through", and back)
    GateBar.open_requested ─► ReasonDialog ─► DeskController.open_gate
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QBoxLayout,
    QDialog,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from kiosk.decision import Direction
from kiosk.gate.values import GateState, NoOpenReason, Opened
from kiosk.news import GateClosed, GateEnd, RecentEvent, Recorded
from ui import words
from ui.i18n import Retranslating
from ui.lockdown import locked_flags
from ui.placement import centre_over
from ui.textfit import ElidedLabel
from ui.words import QT_TRANSLATE_NOOP

CONTEXT = "Gate"

REFUSED = {
    NoOpenReason.NO_CHANNEL: QT_TRANSLATE_NOOP(
        "Gate", "The gate was not opened: it has no output for that way (see [gate] settings)."
    ),
    NoOpenReason.NO_OPERATOR: QT_TRANSLATE_NOOP(
        "Gate", "The gate was not opened: choose the operator first."
    ),
    NoOpenReason.NO_REASON: QT_TRANSLATE_NOOP(
        "Gate", "The gate was not opened: say why it should open."
    ),
    NoOpenReason.LATE: QT_TRANSLATE_NOOP(
        "Gate", "The gate was not opened: too late, the visitor may have gone. Try again."
    ),
    NoOpenReason.ALREADY_OPENED: QT_TRANSLATE_NOOP(
        "Gate", "The gate was not opened: it already opened for this visitor."
    ),
    NoOpenReason.WRONG_DIRECTION: QT_TRANSLATE_NOOP(
        "Gate", "The gate was not opened: the way in and the way out were mixed up."
    ),
    NoOpenReason.NOT_ADMITTED: QT_TRANSLATE_NOOP(
        "Gate", "The gate was not opened: the visitor was not admitted."
    ),
    NoOpenReason.REPEAT: QT_TRANSLATE_NOOP(
        "Gate", "The gate was not opened: the same code shown again records nothing."
    ),
    NoOpenReason.LOOKUP_ONLY: QT_TRANSLATE_NOOP(
        "Gate", "The gate was not opened: a doctor-room look-up lets nobody through."
    ),
    NoOpenReason.AWAITING_STAFF: QT_TRANSLATE_NOOP(
        "Gate", "The gate was not opened: answer the question first."
    ),
    NoOpenReason.NOT_RECORDED: QT_TRANSLATE_NOOP(
        "Gate", "The gate was not opened: nothing was recorded for it."
    ),
}
"""Why staff's Open gate opened nothing, for every reason the keeper may give."""

DROPPED = QT_TRANSLATE_NOOP(
    "Gate", "The gate did not answer in time: it was not opened, and will not open later."
)
STATE_CONNECTING = QT_TRANSLATE_NOOP("Gate", "Gate: connecting…")
STATE_READY = QT_TRANSLATE_NOOP("Gate", "Gate: ready")
STATE_LOST = QT_TRANSLATE_NOOP("Gate", "Gate does not answer — check its cable")
STATE_OPEN = QT_TRANSLATE_NOOP("Gate", "Gate open: waiting for a passage (%1)")

# The staff panel's list of today's events (EventsView's "Event" column).
ENTRY_ANNULLED = QT_TRANSLATE_NOOP("Gate", "Entry annulled — nobody walked through")
EXIT_ANNULLED = QT_TRANSLATE_NOOP("Gate", "Exit annulled — nobody walked through")
ENTRY_OPENED = QT_TRANSLATE_NOOP("Gate", "Gate opened by %1: %2")
EXIT_OPENED = QT_TRANSLATE_NOOP("Gate", "Exit opened by %1: %2")
ANNULLED_MARK = QT_TRANSLATE_NOOP("Gate", "%1 (annulled)")


def _say(source: str, *args: object) -> str:
    return words.say_in(CONTEXT, source, *args)


def event_words(event: RecentEvent, usual: str) -> str:
    """The "Event" cell of *event* in today's list: a gate's news in its own
    words, an annulled check-in (check-out) marked; *usual* otherwise."""
    if event.type == "entry_annulled":
        return _say(ENTRY_ANNULLED)
    if event.type == "exit_annulled":
        return _say(EXIT_ANNULLED)
    if event.type == "gate_opened":
        source = EXIT_OPENED if event.direction == Direction.EXIT.value else ENTRY_OPENED
        return _say(source, event.operator or "—", event.reason or "—")
    return _say(ANNULLED_MARK, usual) if event.annulled else usual


def state_text(state: GateState) -> str:
    if state.reachable is False:
        return _say(STATE_LOST)
    if state.waiting:
        return _say(STATE_OPEN, state.waiting)
    return _say(STATE_CONNECTING if state.reachable is None else STATE_READY)


class ReasonDialog(Retranslating, QDialog):
    """Why the gate is opened by hand: a short text, OK only when there is one.

    No signals beyond QDialog's accepted/rejected; :attr:`reason` is the text."""

    def __init__(self, direction: Direction, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("gate_reason")
        self.setWindowFlags(locked_flags(self.windowFlags()))  # above the locked kiosk
        self.setModal(True)
        self.setMinimumWidth(460)
        self.direction = direction
        self.title = QLabel(self)
        font = QFont(self.title.font())
        font.setBold(True)
        font.setPixelSize(20)
        self.title.setFont(font)
        self.title.setWordWrap(True)
        self.field = QLineEdit(self)
        self.field.setMaxLength(120)
        self.field.setMinimumHeight(44)
        self.field.textChanged.connect(self._on_field_text_changed)
        self.field.returnPressed.connect(self._on_ok_clicked)
        self.ok_button = QPushButton(self)
        self.cancel_button = QPushButton(self)
        for button in (self.ok_button, self.cancel_button):
            button.setMinimumHeight(48)
            button.setAutoDefault(False)
        self.ok_button.clicked.connect(self._on_ok_clicked)
        self.cancel_button.clicked.connect(self.reject)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.ok_button)
        buttons.addWidget(self.cancel_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.title)
        layout.addWidget(self.field)
        layout.addLayout(buttons)
        self._on_field_text_changed(self.field.text())
        self._retranslate()

    @property
    def reason(self) -> str:
        return " ".join(self.field.text().split())

    def _on_field_text_changed(self, text: str) -> None:
        self.ok_button.setEnabled(bool(text.strip()))

    def _on_ok_clicked(self) -> None:
        if self.reason:
            self.accept()

    def _retranslate(self) -> None:
        exit_ = self.direction is Direction.EXIT
        title = self.tr("Open the exit: why?") if exit_ else self.tr("Open the gate: why?")
        self.title.setText(title)
        self.setWindowTitle(title)  # the dialog's name for screen readers
        self.field.setPlaceholderText(self.tr("e.g. visitor without a phone, checked by ID"))
        self.field.setAccessibleName(self.tr("Reason for opening the gate"))
        self.ok_button.setText(self.tr("Open"))
        self.cancel_button.setText(self.tr("Cancel"))


class GateBar(Retranslating, QFrame):
    """The gate on the staff panel: its state, Open gate (and Open exit, with an
    exit channel), and why staff's last open opened nothing. Hidden on a desk
    without a gate.

    Signals: open_requested(Direction, str) — the way and staff's reason.
    """

    open_requested = Signal(object, str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("gate")
        self.state = GateState()
        self._message: str | None = None  # a source text of context "Gate"
        self.dialog: ReasonDialog | None = None
        self.state_label = ElidedLabel(parent=self)
        self.state_label.setObjectName("gate-state")
        self.entry_button = QPushButton(self)
        self.exit_button = QPushButton(self)
        for button, direction in (
            (self.entry_button, Direction.ENTRY),
            (self.exit_button, Direction.EXIT),
        ):
            button.setMinimumHeight(40)
            button.clicked.connect(lambda _=False, way=direction: self.ask_reason(way))
        self.message = QLabel(self)
        self.message.setObjectName("gate-refused")
        self.message.setWordWrap(True)
        self.message.setStyleSheet("color: #B71C1C; font-weight: bold;")
        self.message.hide()
        row = QHBoxLayout()
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.entry_button, 1)
        row.addWidget(self.exit_button, 1)
        self._top = QBoxLayout(QBoxLayout.Direction.LeftToRight)
        self._top.addWidget(self.state_label, 1)
        self._top.addLayout(row)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        layout.addLayout(self._top)
        layout.addWidget(self.message)
        self.hide()
        self._retranslate()

    def set_narrow(self, narrow: bool) -> None:
        """On a narrow panel (its column half of 660 px, Russian words long) the
        state has a line of its own, the buttons under it; else one line."""
        direction = QBoxLayout.Direction
        self._top.setDirection(direction.TopToBottom if narrow else direction.LeftToRight)

    def set_state(self, state: GateState) -> None:
        self.state = state
        self.setVisible(state.present)
        self.entry_button.setVisible(state.entry_channel)
        self.exit_button.setVisible(state.exit_channel)
        self._show_state()

    def refused(self, reason: NoOpenReason) -> None:
        self._say(REFUSED[reason])

    def closed(self, closed: GateClosed) -> None:
        """An open ended; one staff asked for that never reached the gate is said."""
        if closed.end is GateEnd.DROPPED and closed.request.staff is not None:
            self._say(DROPPED)

    def ask_reason(self, direction: Direction) -> None:
        """Ask why (a dialog over the panel); an answer becomes open_requested."""
        if self.dialog is not None:
            self.dialog.close()
        dialog = self.dialog = ReasonDialog(direction, self)
        dialog.accepted.connect(lambda: self._on_dialog_accepted(dialog))
        dialog.finished.connect(dialog.deleteLater)
        over: QWidget = self
        while over.objectName() != "staff" and over.parentWidget() is not None:
            over = over.parentWidget()  # type: ignore[assignment]
        centre_over(dialog, over)  # over the staff panel, not the visitor's decision
        dialog.open()
        dialog.field.setFocus()

    def _on_dialog_accepted(self, dialog: ReasonDialog) -> None:
        if self.dialog is dialog:
            self.dialog = None
        self._say(None)
        self.open_requested.emit(dialog.direction, dialog.reason)

    def _say(self, source: str | None) -> None:
        self._message = source
        self.message.setVisible(source is not None)
        self.message.setText(_say(source) if source else "")

    def _show_state(self) -> None:
        state = self.state
        text = state_text(state)
        self.state_label.setText(text)
        self.state_label.setAccessibleName(text)  # whole, where the line is elided
        colour = "#B71C1C" if state.reachable is False else "#1B5E20" if state.waiting else ""
        self.state_label.setStyleSheet(f"color: {colour}; font-weight: bold;" if colour else "")
        self.state_label.setToolTip(f"{text}\n{state.detail}" if state.detail else text)

    def _retranslate(self) -> None:
        self.entry_button.setText(self.tr("Open gate"))
        self.exit_button.setText(self.tr("Open exit"))
        self.entry_button.setAccessibleName(self.tr("Open the gate for one visitor"))
        self.exit_button.setAccessibleName(self.tr("Open the exit for one visitor"))
        self._show_state()
        self._say(self._message)


class GateScreens(QObject):
    """Wires the gate's news to the screens and staff's Open gate to the desk.

    *show_go*: the visitor's screen says "Go through" (True) or its usual words
    (False) for the decision of that id; *open_gate* is the desk's input;
    *operator* who is at the desk now.
    """

    def __init__(
        self,
        bar: GateBar,
        show_go: Callable[[str, bool], None],
        open_gate: Callable[[Direction, str, str], None],
        operator: Callable[[], str],
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._bar = bar
        self._show_go = show_go
        self._open_gate = open_gate
        self._operator = operator
        self._decisions: dict[str, str] = {}  # a recorded event's id → its decision's
        self._open: dict[int, str] = {}  # an open's command → the decision it lets through
        bar.open_requested.connect(self._on_bar_open_requested)

    def recorded(self, recorded: Recorded) -> None:
        if len(self._decisions) > 64:  # only the latest few can still be opened for
            self._decisions.pop(next(iter(self._decisions)))
        self._decisions[recorded.event_id] = recorded.decision.id

    def opened(self, opened: Opened) -> None:
        request = opened.request
        decision_id = self._decisions.get(request.event_id or "")
        if decision_id is not None:
            self._open[request.command] = decision_id
            self._show_go(decision_id, True)

    def closed(self, closed: GateClosed) -> None:
        self._bar.closed(closed)
        decision_id = self._open.pop(closed.request.command, None)
        if decision_id is not None:
            self._show_go(decision_id, False)

    def _on_bar_open_requested(self, direction: Direction, reason: str) -> None:
        self._open_gate(direction, self._operator(), reason)
