"""Stand-in frame sources: pacing, looping, outages; files and video."""

from __future__ import annotations

import math
from pathlib import Path

import cv2
import numpy as np
import pytest

from hardware.frames import SourceUnavailable
from hardware.sources import (
    FrameListSource,
    ImageFileSource,
    ImageSequenceSource,
    Outage,
    VideoFileSource,
)
from hardware.synthetic import blank_frame, code_image, demo_frames, phone_frame
from tests.unit.hardware.hw_support import FakeClock, iin


def numbered(count: int) -> list[np.ndarray]:
    return [np.full((8, 8, 3), n, np.uint8) for n in range(count)]


def ids(frames: list[np.ndarray | None]) -> list[int | None]:
    return [None if f is None else int(f[0, 0, 0]) for f in frames]


def test_frame_list_loops_in_order(clock: FakeClock) -> None:
    source = FrameListSource(numbered(3), fps=None, clock=clock, wait=clock.wait)
    source.open()
    assert ids([source.read() for _ in range(7)]) == [0, 1, 2, 0, 1, 2, 0]
    assert clock.waits == []


def test_frame_list_without_loop_ends(clock: FakeClock) -> None:
    source = FrameListSource(numbered(2), fps=None, loop=False, clock=clock, wait=clock.wait)
    source.open()
    assert ids([source.read() for _ in range(3)]) == [0, 1, None]


def test_reading_before_open_or_after_close_gives_nothing(clock: FakeClock) -> None:
    source = FrameListSource(numbered(2), clock=clock, wait=clock.wait)
    assert source.read() is None
    source.open()
    assert source.read() is not None
    source.close()
    source.close()
    assert source.read() is None


def test_pacing_waits_out_each_frame_interval(clock: FakeClock) -> None:
    source = FrameListSource(numbered(2), fps=25.0, clock=clock, wait=clock.wait)
    source.open()
    for _ in range(5):
        source.read()
    assert clock.waits == pytest.approx([0.04] * 4)


def test_pacing_does_not_burst_after_a_slow_reader(clock: FakeClock) -> None:
    source = FrameListSource(numbered(2), fps=10.0, clock=clock, wait=clock.wait)
    source.open()
    source.read()
    clock.advance(1.0)  # the reader was busy for ten frame intervals
    source.read()
    source.read()
    assert clock.waits == pytest.approx([0.1])


def test_outage_stops_delivery_and_refuses_open_until_it_ends(clock: FakeClock) -> None:
    source = FrameListSource(
        numbered(4), fps=None, clock=clock, wait=clock.wait, outage=Outage(3, duration_s=2.0)
    )
    source.open()
    assert ids([source.read() for _ in range(5)]) == [0, 1, 2, None, None]
    source.close()
    with pytest.raises(SourceUnavailable):
        source.open()
    clock.advance(2.5)
    source.open()
    assert ids([source.read() for _ in range(2)]) == [0, 1]
    assert source.frames_delivered == 5


def test_outage_can_raise(clock: FakeClock) -> None:
    source = FrameListSource(
        numbered(2), fps=None, clock=clock, wait=clock.wait, outage=Outage(1, raises=True)
    )
    source.open()
    assert source.read() is not None
    with pytest.raises(OSError):
        source.read()
    clock.advance(1e6)
    with pytest.raises(SourceUnavailable):
        source.open()  # a permanent outage
    assert math.isinf(Outage(1).duration_s)


def test_invalid_arguments() -> None:
    with pytest.raises(ValueError):
        FrameListSource([])
    with pytest.raises(ValueError):
        FrameListSource(numbered(1), fps=0)


def write_images(folder: Path, count: int) -> list[Path]:
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for n in range(count):
        path = folder / f"кадр #{n}.png"
        ok, data = cv2.imencode(".png", np.full((10, 12, 3), n * 10, np.uint8))
        assert ok
        data.tofile(path)
        paths.append(path)
    (folder / "notes.txt").write_text("not an image")
    return paths


def test_image_sequence_from_folder_sorted_by_name(tmp_path: Path, clock: FakeClock) -> None:
    write_images(tmp_path / "кадры", 3)
    source = ImageSequenceSource(tmp_path / "кадры", fps=None, clock=clock, wait=clock.wait)
    source.open()
    values = [int(f[0, 0, 0]) for f in (source.read() for _ in range(4)) if f is not None]
    assert values == [0, 10, 20, 0]


def test_image_sequence_from_paths_and_frames(tmp_path: Path, clock: FakeClock) -> None:
    paths = write_images(tmp_path, 2)
    items = [paths[1], np.full((10, 12, 3), 99, np.uint8), str(paths[0])]
    source = ImageSequenceSource(items, fps=None, clock=clock, wait=clock.wait)
    source.open()
    values = [int(f[0, 0, 0]) for f in (source.read() for _ in range(3)) if f is not None]
    assert values == [10, 99, 0]


def test_image_file_source_repeats_one_image(tmp_path: Path, clock: FakeClock) -> None:
    (path,) = write_images(tmp_path, 1)
    source = ImageFileSource(path, clock=clock, wait=clock.wait)
    source.open()
    frames = [source.read() for _ in range(3)]
    assert all(f is not None and f.shape == (10, 12, 3) for f in frames)
    assert clock.waits == pytest.approx([0.1, 0.1])


def test_unreadable_image_makes_open_fail(tmp_path: Path) -> None:
    path = tmp_path / "broken.png"
    path.write_bytes(b"nope")
    with pytest.raises(SourceUnavailable, match=r"broken\.png"):
        ImageFileSource(path).open()
    with pytest.raises(SourceUnavailable, match="no such file"):
        ImageSequenceSource(tmp_path / "missing.png").open()
    empty = tmp_path / "empty-folder"
    empty.mkdir()
    with pytest.raises(ValueError, match="no images"):
        ImageSequenceSource(empty)


def write_video(path: Path, count: int, fps: float = 20.0) -> None:
    writer = cv2.VideoWriter(str(path), cv2.VideoWriter_fourcc(*"MJPG"), fps, (64, 48))
    assert writer.isOpened()
    for n in range(count):
        writer.write(np.full((48, 64, 3), n * 20, np.uint8))
    writer.release()


def test_video_file_loops_at_its_own_rate(tmp_path: Path, clock: FakeClock) -> None:
    path = tmp_path / "clip.avi"
    write_video(path, 4)
    source = VideoFileSource(path, clock=clock, wait=clock.wait)
    source.open()
    frames = [source.read() for _ in range(6)]
    assert all(f is not None and f.shape == (48, 64, 3) for f in frames)
    levels = [round(float(f.mean()) / 20) for f in frames if f is not None]
    assert levels == [0, 1, 2, 3, 0, 1]
    assert clock.waits == pytest.approx([0.05] * 5)
    source.close()
    source.close()


def test_video_file_missing_or_bad(tmp_path: Path) -> None:
    with pytest.raises(SourceUnavailable, match="no such video"):
        VideoFileSource(tmp_path / "none.avi").open()
    bad = tmp_path / "bad.avi"
    bad.write_bytes(b"\x00" * 100)
    with pytest.raises(SourceUnavailable):
        VideoFileSource(bad).open()
    with pytest.raises(ValueError):
        VideoFileSource(bad, fps="fast")


def test_demo_frames_show_each_code_then_blank() -> None:
    frames = demo_frames(["A1", "B2"], width=320, height=240, show_frames=3, blank_frames=2)
    assert len(frames) == 10
    assert frames[0] is frames[1] is frames[2]
    assert frames[3] is frames[4] is frames[8]
    assert frames[0] is not frames[5]
    assert frames[0].shape == (240, 320, 3)
    assert len(demo_frames([])) == 1


def test_synthetic_images() -> None:
    code = code_image("HELLO", module_px=3)
    assert code.shape[0] == code.shape[1] == (21 + 8) * 3
    assert blank_frame(64, 48).shape == (48, 64, 3)
    big = phone_frame(iin("90010130012"), width=160, height=120, module_px=9)
    assert big.shape == (120, 160, 3)
