"""A scripted run of the screens (the demo, screenshots, benchmarks): a
generator acts on the desk, then says what it waits for; the runner resumes
it when the desk tells that, on the Qt event loop, without blocking it.

    def script(desk):
        desk.submit(code, Method.CAMERA)
        decision = yield NextDecision()
        yield Pause(3)
"""

from __future__ import annotations

from collections.abc import Callable, Generator
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QObject, QTimer, Signal

from kiosk.decision import Decision
from kiosk.news import DeviceKind, DeviceReport, ServiceState, StaffQuestion
from kiosk.storage.alerts import Alert, AlertKind
from shared.device import DeviceState
from ui.bridge import DeskBridge


class ScriptFailed(Exception):
    """The script's expectation did not come true in time."""


@dataclass(frozen=True)
class Pause:
    seconds: float


@dataclass(frozen=True)
class NextDecision:
    timeout: float = 15.0


@dataclass(frozen=True)
class NextQuestion:
    timeout: float = 15.0


@dataclass(frozen=True)
class AlertOf:
    kind: AlertKind
    timeout: float = 30.0


@dataclass(frozen=True)
class ServiceWhere:
    test: Callable[[ServiceState], bool]
    what: str
    timeout: float = 30.0


@dataclass(frozen=True)
class CameraIs:
    conditions: tuple[DeviceState | None, ...]
    timeout: float = 15.0


@dataclass(frozen=True)
class Until:
    """Until *test* holds (looked at every 50 ms): what another kiosk shows, say."""

    test: Callable[[], bool]
    what: str
    timeout: float = 30.0


Wait = Pause | NextDecision | NextQuestion | AlertOf | ServiceWhere | CameraIs | Until
Script = Generator[Wait, Any, None]


class ScriptRunner(QObject):
    """Drives one script. Signals: finished(int) — 0 when the script ran to its
    end, 1 when an expectation failed (`error` says which)."""

    finished = Signal(int)

    def __init__(self, bridge: DeskBridge, script: Script, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._script = script
        self._waiting: Wait | None = None
        self.error: str | None = None
        self._timer = QTimer(self)
        self._timer.setObjectName("script-wait")
        self._timer.setSingleShot(True)
        self._timer.timeout.connect(self._on_timer_timeout)
        self._poll = QTimer(self)
        self._poll.setObjectName("script-poll")
        self._poll.setInterval(50)
        self._poll.timeout.connect(self._on_poll_timeout)
        self.service = ServiceState()
        self.camera: DeviceState | None = None
        self._alerts: list[Alert] = []  # raised and not yet waited for
        self._question: StaffQuestion | None = None  # asked and not yet waited for
        bridge.decision_shown.connect(self._on_bridge_decision_shown)
        bridge.question_asked.connect(self._on_bridge_question_asked)
        bridge.alert_raised.connect(self._on_bridge_alert_raised)
        bridge.service_changed.connect(self._on_bridge_service_changed)
        bridge.device_changed.connect(self._on_bridge_device_changed)

    def start(self) -> None:
        QTimer.singleShot(0, lambda: self._resume(None))

    def stop(self) -> None:
        self._timer.stop()
        self._poll.stop()
        self._waiting = None
        self._script.close()

    # -- the script ---------------------------------------------------------------

    def _resume(self, value: Any) -> None:
        self._timer.stop()
        self._poll.stop()
        self._waiting = None
        try:
            wait = self._script.send(value)
        except StopIteration:
            self.finished.emit(0)
            return
        except ScriptFailed as exc:
            self._fail(str(exc))
            return
        except Exception as exc:  # a script's bug ends the run with its reason
            self._fail(f"{type(exc).__name__}: {exc}")
            return
        self._waiting = wait
        if isinstance(wait, Pause):
            self._timer.start(max(0, int(wait.seconds * 1000)))
            return
        if isinstance(wait, ServiceWhere) and wait.test(self.service):
            QTimer.singleShot(0, lambda: self._resume(self.service))
            return
        if isinstance(wait, AlertOf):
            seen = next((a for a in self._alerts if a.kind is wait.kind), None)
            if seen is not None:
                self._alerts.remove(seen)
                QTimer.singleShot(0, lambda: self._resume(seen))
                return
        if isinstance(wait, NextQuestion) and self._question is not None:
            question, self._question = self._question, None
            QTimer.singleShot(0, lambda: self._resume(question))
            return
        if isinstance(wait, CameraIs) and self.camera in wait.conditions:
            QTimer.singleShot(0, lambda: self._resume(self.camera))
            return
        if isinstance(wait, Until):
            self._poll.start()
        self._timer.start(int(wait.timeout * 1000))

    def _satisfied(self, value: Any) -> None:
        self._waiting = None
        self._timer.stop()
        self._poll.stop()
        QTimer.singleShot(0, lambda: self._resume(value))

    def _fail(self, why: str) -> None:
        self.error = why
        self._waiting = None
        self._timer.stop()
        self._poll.stop()
        self.finished.emit(1)

    def _on_timer_timeout(self) -> None:
        wait = self._waiting
        if isinstance(wait, Pause):
            self._resume(None)
        elif wait is not None:
            self._fail(f"waited {wait.timeout:.0f} s in vain for {_describe(wait)}")

    def _on_poll_timeout(self) -> None:
        wait = self._waiting
        if isinstance(wait, Until):
            try:
                held = wait.test()
            except Exception as exc:  # a script's bug ends the run with its reason
                self._fail(f"{type(exc).__name__}: {exc}")
                return
            if held:
                self._satisfied(True)

    # -- what the desk tells ----------------------------------------------------------

    def _on_bridge_decision_shown(self, decision: Decision) -> None:
        if isinstance(self._waiting, NextDecision):
            self._satisfied(decision)

    def _on_bridge_question_asked(self, question: StaffQuestion) -> None:
        if isinstance(self._waiting, NextQuestion):
            self._satisfied(question)
        else:
            self._question = question

    def _on_bridge_alert_raised(self, alert: Alert) -> None:
        wait = self._waiting
        if isinstance(wait, AlertOf) and alert.kind is wait.kind:
            self._satisfied(alert)
        else:
            self._alerts.append(alert)

    def _on_bridge_service_changed(self, state: ServiceState) -> None:
        self.service = state
        wait = self._waiting
        if isinstance(wait, ServiceWhere) and wait.test(state):
            self._satisfied(state)

    def _on_bridge_device_changed(self, report: DeviceReport) -> None:
        if report.kind is DeviceKind.CAMERA:
            self.camera = report.state
        wait = self._waiting
        if (
            isinstance(wait, CameraIs)
            and report.kind is DeviceKind.CAMERA
            and report.state in wait.conditions
        ):
            self._satisfied(report)


def _describe(wait: Wait) -> str:
    if isinstance(wait, AlertOf):
        return f"a {wait.kind.value} alert"
    if isinstance(wait, ServiceWhere):
        return wait.what
    if isinstance(wait, CameraIs):
        return "the camera: " + " or ".join(c.value if c else "absent" for c in wait.conditions)
    if isinstance(wait, Until):
        return wait.what
    return "a decision" if isinstance(wait, NextDecision) else "a staff question"
