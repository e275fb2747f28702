"""The desk controller's news as Qt signals.

The controller calls its listeners on the desk thread; :class:`DeskBridge`
lives on the Qt main thread, so each signal its relay emits from the desk
thread reaches the screens as a queued call on the main thread. Camera
preview frames come the same way from the decode thread, as QImages made
there. No worker ever touches a widget.
"""

from __future__ import annotations

from typing import Any

import numpy as np
from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QImage

from kiosk.news import DeskListener


class DeskBridge(QObject):
    """Signals: decision_shown(Decision), question_asked(StaffQuestion),
    question_closed(str, QuestionEnd, Decision | None),
    answer_ignored(str, AnswerIgnored), alert_raised(Alert),
    alert_acknowledged(int), service_changed(ServiceState),
    keys_changed(KeyListState), occupancy_changed(OccupancyState), device_changed(DeviceReport),
    recent_changed(tuple[RecentEvent, ...]), red_reports_changed(tuple[RedReport, ...]),
    desk_failed(DeskFailure), referral_opened(Referral), referral_resolved(Referral),
    referrals_changed(tuple[Referral, ...]), referral_refused(str, ReferralRefused),
    frame_arrived(QImage).

    :attr:`listener` is what the desk controller calls.
    """

    decision_shown = Signal(object)
    question_asked = Signal(object)
    question_closed = Signal(str, object, object)
    answer_ignored = Signal(str, object)
    alert_raised = Signal(object)
    alert_acknowledged = Signal(int)
    service_changed = Signal(object)
    keys_changed = Signal(object)
    occupancy_changed = Signal(object)
    device_changed = Signal(object)
    recent_changed = Signal(object)
    red_reports_changed = Signal(object)
    desk_failed = Signal(object)
    referral_opened = Signal(object)
    referral_resolved = Signal(object)
    referrals_changed = Signal(object)
    referral_refused = Signal(str, object)
    frame_arrived = Signal(QImage)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.listener = _Relay(self)

    def on_preview(self, frame: Any) -> None:
        """From the camera's decode thread: a BGR frame for the preview."""
        image = bgr_to_qimage(frame)
        if image is not None:
            self.frame_arrived.emit(image)


class _Relay(DeskListener):
    """Each listener call emits the bridge's signal of the same name."""

    def __init__(self, bridge: DeskBridge) -> None:
        self._bridge = bridge

    def __getattribute__(self, name: str) -> Any:
        if not name.startswith("_") and name in DeskListener.__dict__:
            signal = getattr(object.__getattribute__(self, "_bridge"), name)
            return signal.emit
        return object.__getattribute__(self, name)


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
