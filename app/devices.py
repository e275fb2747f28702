"""Builds the code readers from settings: camera pipeline and serial scanner."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from config.settings import Settings
    from hardware.frames import FrameSource
    from hardware.pipeline import CapturePipeline
    from hardware.serial_scanner import SerialScanner
    from shared.device import DeviceState


def decoder(settings: Settings, backend: str | None = None) -> Any:
    """The decoder as [decoder] configures it; *backend* instead of the configured one."""
    from hardware.decoder.factory import make_decoder

    d = settings.decoder
    return make_decoder(
        backend or d.backend,
        tuple(d.formats),
        second_pass=d.second_pass,
        fallback=d.fallback,
        fallback_budget_s=d.fallback_budget_ms / 1000,
    )


def camera_source(settings: Settings) -> FrameSource | None:
    """The configured USB camera, or None when disabled (`device = "none"`)."""
    from hardware.camera import Camera, CaptureSettings

    cam = settings.camera
    if cam.device.strip().lower() in ("", "none"):
        return None
    device: int | str = int(cam.device) if cam.device.isdigit() else cam.device
    return Camera(
        CaptureSettings(
            device=device,
            width=cam.width,
            height=cam.height,
            fps=float(cam.fps),
            fourcc="MJPG" if cam.mjpg else None,
            backend=cam.backend,
        )
    )


def capture_pipeline(
    settings: Settings,
    source: FrameSource,
    on_text: Callable[[str], None],
    on_state: Callable[[DeviceState], None] | None = None,
    *,
    on_preview: Callable[[Any], None] | None = None,
) -> CapturePipeline:
    from hardware.pipeline import CapturePipeline, PipelineSettings

    return CapturePipeline(
        source,
        decoder(settings),
        on_code=lambda code: on_text(code.text),
        on_state=on_state,
        on_preview=on_preview,
        settings=PipelineSettings(
            debounce_window_s=settings.decoder.debounce_s,
            confirm_frames=settings.decoder.confirm_frames,
            skip_unchanged=settings.decoder.skip_unchanged,
            change_threshold=settings.decoder.change_threshold,
            preview_fps=15.0 if on_preview is not None else 0.0,
        ),
    )


def serial_scanner(
    settings: Settings,
    on_text: Callable[[str], None],
    on_state: Callable[[DeviceState], None] | None = None,
) -> SerialScanner | None:
    """The configured serial (COM / CDC-ACM) scanner, or None."""
    from hardware.serial_scanner import SerialScanner, SerialSettings

    scanner = settings.scanner
    if not scanner.serial_port:
        return None
    return SerialScanner(
        SerialSettings(port=scanner.serial_port, baudrate=scanner.baud),
        on_code=on_text,
        on_state=on_state,
    )
