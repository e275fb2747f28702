"""The staff panel's Desk health tab, wired: the report of the check at start,
and Check now (the desk's checks again, with the camera as the running desk
reports it, sound and printers as Qt sees them)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from app.startup import KioskStart
    from kiosk.health.values import HealthReport
    from kiosk.news import DeviceReport
    from ui.bridge import DeskBridge
    from ui.health_view import HealthView
    from ui.staff import StaffPanel


def add_health_tab(bridge: DeskBridge, staff: StaffPanel, start: KioskStart) -> HealthView:
    """The tab on *staff*, told of the camera by *bridge*."""
    from PySide6.QtWidgets import QFrame, QScrollArea

    from app.health import QtFindings, Scope, measure
    from kiosk.news import DeviceKind
    from ui.health_view import HEALTH_TAB, HealthView, audio_outputs_and_printers

    camera: list[DeviceReport | None] = [None]

    def on_device(report: DeviceReport) -> None:
        if report.kind is DeviceKind.CAMERA:
            camera[0] = report

    def gather() -> QtFindings:
        outputs, printers = audio_outputs_and_printers()
        return QtFindings(outputs, printers)

    def check(found: Any) -> HealthReport:
        scope = Scope(
            log_file=start.log_file,
            config_file=start.config_file,
            open_camera=False,
            camera_state=camera[0],
            camera_known=True,
            qt=found,
        )
        return measure(start.settings, start.folder, scope, clock=start.clock)

    view = HealthView(check, gather)
    bridge.device_changed.connect(on_device)
    start.subscribe(view.report_arrived)
    start.check()
    page = QScrollArea(staff)
    page.setWidgetResizable(True)
    page.setFrameShape(QFrame.Shape.NoFrame)
    page.setWidget(view)
    staff.add_tab(page, HEALTH_TAB)
    return view
