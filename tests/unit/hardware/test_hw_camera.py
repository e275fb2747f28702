"""The OpenCV camera, with a hand-written capture stand-in and with a real
VideoCapture on a video file."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import cv2
import numpy as np
import pytest

from hardware.camera import BACKENDS, Camera, CameraState, CaptureSettings
from hardware.frames import SourceUnavailable
from shared.device import DeviceState


class FakeCapture:
    """Records what the camera asks of it."""

    def __init__(self, device: int | str, api: int, *, opened: bool = True) -> None:
        self.device = device
        self.api = api
        self.opened = opened
        self.props: dict[int, float] = {
            cv2.CAP_PROP_FRAME_WIDTH: 640.0,
            cv2.CAP_PROP_FRAME_HEIGHT: 480.0,
            cv2.CAP_PROP_FPS: 30.0,
            cv2.CAP_PROP_FOURCC: 0.0,
            cv2.CAP_PROP_BUFFERSIZE: 4.0,
        }
        self.sets: list[tuple[int, float]] = []
        self.reads: list[Any] = []
        self.released = 0

    def isOpened(self) -> bool:
        return self.opened

    def set(self, prop: int, value: float) -> bool:
        self.sets.append((prop, value))
        self.props[prop] = value
        return True

    def get(self, prop: int) -> float:
        return self.props.get(prop, 0.0)

    def read(self) -> tuple[bool, Any]:
        if not self.reads:
            return False, None
        item = self.reads.pop(0)
        if isinstance(item, Exception):
            raise item
        return True, item

    def release(self) -> None:
        self.released += 1


def make_camera(settings: CaptureSettings, **kwargs: Any) -> tuple[Camera, list[FakeCapture]]:
    made: list[FakeCapture] = []

    def factory(device: int | str, api: int) -> FakeCapture:
        capture = FakeCapture(device, api, **kwargs)
        made.append(capture)
        return capture

    return Camera(settings, capture_factory=factory), made


def test_open_asks_for_mjpg_first_then_mode_and_small_buffer() -> None:
    camera, made = make_camera(
        CaptureSettings(device="0", width=1280, height=720, fps=30, backend="v4l2")
    )
    camera.open()
    (capture,) = made
    assert capture.device == 0 and capture.api == cv2.CAP_V4L2
    props = [prop for prop, _ in capture.sets]
    assert props[0] == cv2.CAP_PROP_FOURCC
    assert cv2.CAP_PROP_FPS not in props  # already 30: not renegotiated
    assert (cv2.CAP_PROP_BUFFERSIZE, 1) in capture.sets
    info = camera.info
    assert info is not None
    assert (info.width, info.height, info.fourcc, info.backend) == (1280, 720, "MJPG", "v4l2")


def test_device_path_and_backend_names() -> None:
    camera, made = make_camera(CaptureSettings(device="/dev/video2", fourcc=None, backend="dshow"))
    camera.open()
    assert made[0].device == "/dev/video2" and made[0].api == cv2.CAP_DSHOW
    assert all(prop != cv2.CAP_PROP_FOURCC for prop, _ in made[0].sets)
    assert set(BACKENDS) >= {"any", "dshow", "msmf", "v4l2"}


def test_not_opened_is_source_unavailable() -> None:
    camera, made = make_camera(CaptureSettings(device=3), opened=False)
    with pytest.raises(SourceUnavailable, match="did not open"):
        camera.open()
    assert made[0].released == 1


def test_factory_error_is_source_unavailable() -> None:
    def factory(device: int | str, api: int) -> FakeCapture:
        raise RuntimeError("device busy")

    with pytest.raises(SourceUnavailable, match="device busy"):
        Camera(CaptureSettings(), capture_factory=factory).open()


def test_read_returns_frames_then_none_and_survives_errors() -> None:
    camera, made = make_camera(CaptureSettings())
    assert camera.read() is None
    camera.open()
    frame = np.zeros((4, 4, 3), np.uint8)
    made[0].reads = [frame, RuntimeError("driver"), np.zeros((0, 0, 3), np.uint8)]
    assert camera.read() is frame
    assert camera.read() is None
    assert camera.read() is None
    assert camera.read() is None
    camera.close()
    camera.close()
    assert made[0].released == 1


@pytest.mark.parametrize(
    "kwargs",
    [{"backend": "directx"}, {"fourcc": "MJPEG"}, {"width": 0}, {"fps": -1}],
)
def test_settings_are_checked(kwargs: dict[str, Any]) -> None:
    with pytest.raises(ValueError):
        CaptureSettings(**kwargs)


def test_states_are_device_states() -> None:
    assert CameraState is DeviceState
    assert [s.value for s in CameraState] == ["starting", "running", "lost", "back", "stopped"]
    assert DeviceState.BACK.delivering and not DeviceState.LOST.delivering


def test_real_videocapture_on_a_file(tmp_path: Path) -> None:
    path = tmp_path / "camera.avi"
    writer = cv2.VideoWriter(str(path), cv2.VideoWriter_fourcc(*"MJPG"), 10.0, (80, 60))
    for n in range(3):
        writer.write(np.full((60, 80, 3), 60 * n, np.uint8))
    writer.release()
    camera = Camera(CaptureSettings(device=str(path), width=80, height=60, fps=10, fourcc=None))
    camera.open()
    frames = [camera.read() for _ in range(4)]
    camera.close()
    assert [f is not None for f in frames] == [True, True, True, False]
    assert camera.info is not None and camera.info.width == 80
