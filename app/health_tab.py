"""The staff panel's Desk health tab, wired: the report of the check at start,
and Check now (the desk's checks again, with the camera as the running desk
reports it, sound and printers as Qt sees them)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from app.screens import Kiosk
    from app.startup import KioskStart
    from kiosk.health.values import HealthReport
    from kiosk.news import DeviceReport
    from ui.health_view import HealthView


def add_health_tab(kiosk: Kiosk, start: KioskStart) -> HealthView:
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
    kiosk.bridge.device_changed.connect(on_device)
    start.subscribe(view.report_arrived)
    start.check()
    page = QScrollArea(kiosk.screens.staff)
    page.setWidgetResizable(True)
    page.setFrameShape(QFrame.Shape.NoFrame)
    page.setWidget(view)
    kiosk.screens.staff.add_tab(page, HEALTH_TAB)
    return view
