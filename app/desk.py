"""A running desk, wired from the settings: the desk controller, its network
thread and its code readers. The terminal desk and the screens both use it.

    camera / serial scanner / keyboard ─► DeskController ─► listeners
                                              │  └─► gate keeper ─► gate driver
              sync worker (outbox, keys, occupancy, referrals) ◄─┘ nudge
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from app.online import api_client, live_status, sync_worker
from kiosk.desk import DeskController, DeskOptions
from kiosk.listeners import DeskListener
from kiosk.news import DeviceKind, DeviceReport
from kiosk.storage.store import Store
from kiosk.vocabulary import Method

if TYPE_CHECKING:
    from app.context import App
    from hardware.frames import FrameSource
    from hardware.gate.wiring import GateDriver
    from kiosk.reception import Reception
    from kiosk.service.api import ApiClient
    from kiosk.service.live import LiveStatus
    from kiosk.service.lookup import StatusSource
    from kiosk.sync import SyncWorker
    from shared.device import DeviceState


@dataclass
class RunningDesk:
    """Everything one desk runs; :meth:`stop` ends it all (idempotent)."""

    app: App
    controller: DeskController
    worker: SyncWorker
    lookup: LiveStatus
    clients: list[ApiClient]
    readers: list[Any] = field(default_factory=list)
    gate: GateDriver | None = None
    _stopped: bool = False

    def start(self) -> None:
        self.controller.start()
        self._start_the_rest()

    def start_checked(self) -> bool:
        """Start the desk and wait until it has opened and checked its database;
        only then the network thread and the code readers, so that nothing writes
        to a damaged database before the desk refuses it. False: the desk failed
        (or was not ready in time) and nothing else was started."""
        self.controller.start()
        if not self.controller.wait_ready() or self.controller.failure is not None:
            return False
        self._start_the_rest()
        return True

    def _start_the_rest(self) -> None:
        self.worker.start()
        if self.gate is not None:
            self.gate.start()  # after the desk: its first report finds the desk there
        for reader in self.readers:
            reader.start()

    def stop(self) -> None:
        if self._stopped:
            return
        self._stopped = True
        for reader in self.readers:
            reader.stop()
        if self.gate is not None:
            self.gate.stop()  # before the desk: its relays off, its last reports queued
        self.worker.stop()
        self.controller.stop()
        self.lookup.close()
        for client in self.clients:
            client.close()
        self.app.close()


def build_desk(
    app: App,
    listeners: list[DeskListener],
    *,
    camera_source: FrameSource | None = None,
    camera: bool = True,
    on_preview: Callable[[Any], None] | None = None,
) -> RunningDesk:
    """The desk for *app*'s settings. *camera_source* replaces the configured
    camera (the demo's stand-in); `camera=False` runs without one. A gate is
    built first: settings it cannot work with stop here, before anything opens."""
    from app.gates import desk_gate

    gate = desk_gate(app.settings, app.clock, lambda: controller.gate_reported())
    lookup_client = api_client(app.settings)
    network_client = api_client(app.settings)  # one session per thread
    lookup = live_status(app, lookup_client)
    path = app.store.path
    screens = app.settings.screens

    def make_reception(store: Store, source: StatusSource | None) -> Reception:
        return app.reception(source, store)

    worker = sync_worker(
        app,
        network_client,
        on_report=lambda report, state: controller.sync_reported(report, state),
        on_occupancy=lambda reading: controller.venue_occupancy_reported(reading),
        on_referrals=lambda pull: controller.referrals_pulled(pull),
        on_attempt=lambda problem: controller.service_tried(problem),
    )
    options = DeskOptions(question_timeout=screens.question_timeout_s)
    controller = DeskController(
        lambda: Store(path),
        make_reception,
        app.clock,
        source=lookup,
        options=options,
        recorded=worker.nudge,
        service_back=worker.send_now,
        keys=app.keeper.state,
    )
    app.keeper.subscribe(controller.keys_refreshed)  # fetched on either thread
    for listener in listeners:
        controller.add_listener(listener)
    desk = RunningDesk(app, controller, worker, lookup, [lookup_client, network_client])
    if gate is not None:
        desk.gate, keeper, inbox = gate
        controller.attach_gate(keeper, inbox)
    desk.readers = code_readers(
        app, controller, camera_source, camera=camera, on_preview=on_preview
    )
    return desk


def code_readers(
    app: App,
    controller: DeskController,
    camera_source: FrameSource | None,
    *,
    camera: bool,
    on_preview: Callable[[Any], None] | None = None,
) -> list[Any]:
    """The camera pipeline and the serial scanner, as configured (each may be absent)."""
    from app.devices import camera_source as configured_camera
    from app.devices import capture_pipeline, serial_scanner
    from app.scanning import recover_scan
    from hardware.decoder.port import DecoderUnavailable

    settings = app.settings
    readers: list[Any] = []
    source = camera_source or (configured_camera(settings) if camera else None)
    if source is None:
        controller.device_changed(DeviceReport(DeviceKind.CAMERA, None))
    else:
        try:
            readers.append(
                capture_pipeline(
                    settings,
                    source,
                    lambda text: controller.submit(text, Method.CAMERA),
                    _reported(controller, DeviceKind.CAMERA),
                    on_preview=on_preview,
                )
            )
        except DecoderUnavailable as exc:
            controller.device_changed(DeviceReport(DeviceKind.CAMERA, None, str(exc)))
    scanner = serial_scanner(
        settings,
        lambda text: controller.submit(recover_scan(settings, text), Method.SCANNER),
        _reported(controller, DeviceKind.SCANNER),
    )
    if scanner is not None:
        readers.append(scanner)
    return readers


def _reported(controller: DeskController, kind: DeviceKind) -> Callable[[DeviceState], None]:
    def report(state: DeviceState) -> None:
        controller.device_changed(DeviceReport(kind, state))

    return report
