"""The desk controller's news as Qt signals.

The controller calls its listeners on the desk thread; :class:`DeskBridge`
lives on the Qt main thread, so each signal its listener emits from the desk
thread reaches the screens as a queued call on the main thread. Camera
preview frames come the same way from the decode thread, as QImages made
there. No worker ever touches a widget.
"""

from __future__ import annotations

from typing import Any

import numpy as np
from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QImage

from kiosk.decision import Decision
from kiosk.gate.values import GateState, NoOpenReason, Opened
from kiosk.listeners import DeskListener
from kiosk.news import (
    AnswerIgnored,
    DeskFailure,
    DeviceReport,
    GateClosed,
    KeyListState,
    OccupancyState,
    QuestionEnd,
    RecentEvent,
    Recorded,
    RedReport,
    ServiceState,
    StaffQuestion,
)
from kiosk.referrals.values import Referral, ReferralRefused
from kiosk.storage.alerts import Alert


class DeskBridge(QObject):
    """Signals: one for each :class:`kiosk.listeners.DeskListener` method, of the
    same name and arguments (decision_shown(Decision), entry_recorded(Recorded),
    question_closed(str, QuestionEnd, Decision | None), …), and
    frame_arrived(QImage).

    :attr:`listener` is what the desk controller calls.
    """

    decision_shown = Signal(Decision)
    entry_recorded = Signal(Recorded)
    exit_recorded = Signal(Recorded)
    question_asked = Signal(StaffQuestion)
    question_closed = Signal(str, QuestionEnd, object)  # the decision, or None
    answer_ignored = Signal(str, AnswerIgnored)
    alert_raised = Signal(Alert)
    alert_acknowledged = Signal(int)
    service_changed = Signal(ServiceState)
    keys_changed = Signal(KeyListState)
    occupancy_changed = Signal(OccupancyState)
    device_changed = Signal(DeviceReport)
    recent_changed = Signal(tuple)  # of RecentEvent
    red_reports_changed = Signal(tuple)  # of RedReport
    desk_failed = Signal(DeskFailure)
    referral_opened = Signal(Referral)
    referral_resolved = Signal(Referral)
    referrals_changed = Signal(tuple)  # of Referral
    referral_refused = Signal(str, ReferralRefused)
    gate_changed = Signal(GateState)
    gate_opened = Signal(Opened)
    gate_closed = Signal(GateClosed)
    gate_refused = Signal(NoOpenReason)
    frame_arrived = Signal(QImage)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.listener = BridgeListener(self)

    def on_preview(self, frame: Any) -> None:
        """From the camera's decode thread: a BGR frame for the preview."""
        image = bgr_to_qimage(frame)
        if image is not None:
            self.frame_arrived.emit(image)


class BridgeListener(DeskListener):
    """Emits, for each call of the desk, the bridge's signal of the same name."""

    def __init__(self, bridge: DeskBridge) -> None:
        self._bridge = bridge

    def decision_shown(self, decision: Decision) -> None:
        self._bridge.decision_shown.emit(decision)

    def entry_recorded(self, recorded: Recorded) -> None:
        self._bridge.entry_recorded.emit(recorded)

    def exit_recorded(self, recorded: Recorded) -> None:
        self._bridge.exit_recorded.emit(recorded)

    def question_asked(self, question: StaffQuestion) -> None:
        self._bridge.question_asked.emit(question)

    def question_closed(
        self, question_id: str, end: QuestionEnd, decision: Decision | None
    ) -> None:
        self._bridge.question_closed.emit(question_id, end, decision)

    def answer_ignored(self, question_id: str, why: AnswerIgnored) -> None:
        self._bridge.answer_ignored.emit(question_id, why)

    def alert_raised(self, alert: Alert) -> None:
        self._bridge.alert_raised.emit(alert)

    def alert_acknowledged(self, alert_id: int) -> None:
        self._bridge.alert_acknowledged.emit(alert_id)

    def service_changed(self, state: ServiceState) -> None:
        self._bridge.service_changed.emit(state)

    def keys_changed(self, state: KeyListState) -> None:
        self._bridge.keys_changed.emit(state)

    def occupancy_changed(self, state: OccupancyState) -> None:
        self._bridge.occupancy_changed.emit(state)

    def device_changed(self, report: DeviceReport) -> None:
        self._bridge.device_changed.emit(report)

    def recent_changed(self, events: tuple[RecentEvent, ...]) -> None:
        self._bridge.recent_changed.emit(events)

    def red_reports_changed(self, reports: tuple[RedReport, ...]) -> None:
        self._bridge.red_reports_changed.emit(reports)

    def desk_failed(self, failure: DeskFailure) -> None:
        self._bridge.desk_failed.emit(failure)

    def referral_opened(self, referral: Referral) -> None:
        self._bridge.referral_opened.emit(referral)

    def referral_resolved(self, referral: Referral) -> None:
        self._bridge.referral_resolved.emit(referral)

    def referrals_changed(self, referrals: tuple[Referral, ...]) -> None:
        self._bridge.referrals_changed.emit(referrals)

    def referral_refused(self, decision_id: str, why: ReferralRefused) -> None:
        self._bridge.referral_refused.emit(decision_id, why)

    def gate_changed(self, state: GateState) -> None:
        self._bridge.gate_changed.emit(state)

    def gate_opened(self, opened: Opened) -> None:
        self._bridge.gate_opened.emit(opened)

    def gate_closed(self, closed: GateClosed) -> None:
        self._bridge.gate_closed.emit(closed)

    def gate_refused(self, reason: NoOpenReason) -> None:
        self._bridge.gate_refused.emit(reason)


def bgr_to_qimage(frame: Any) -> QImage | None:
    """A BGR uint8 frame (H×W×3) as a QImage that owns its pixels."""
    if not isinstance(frame, np.ndarray) or frame.ndim != 3 or frame.shape[2] != 3:
        return None
    # Qt reads BGR as it is: no channel swap in numpy, and one copy only
    # (about 0.04 ms for 640×360 instead of 2 ms, on every preview frame).
    bgr = np.ascontiguousarray(frame)
    height, width = bgr.shape[:2]
    image = QImage(bgr.data, width, height, 3 * width, QImage.Format.Format_BGR888)
    return image.copy()  # the one copy: the image outlives the camera's buffer
