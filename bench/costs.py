"""Paired cost measurements for the decoder benchmark: the fallback against
plain zxing-cpp on the same frames in the same run, and the CPU the capture
and decode threads use on an unchanging scene."""

from __future__ import annotations

import statistics
import threading
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np

from bench.scenes import Image, add_noise, background
from hardware.decoder.port import DecodedCode

Read = Callable[[Image], list[DecodedCode]]


@dataclass
class Paired:
    """Times of plain and new on the same frames, ms, best of n each."""

    plain_ms: list[float]
    new_ms: list[float]

    @property
    def ratio(self) -> float:
        """Total new time over total plain time."""
        return sum(self.new_ms) / max(1e-9, sum(self.plain_ms))

    @property
    def median_ratio(self) -> float:
        return statistics.median(n / p for n, p in zip(self.new_ms, self.plain_ms, strict=True))


def paired(plain: Read, new: Read, images: Sequence[Image], repeat: int) -> Paired:
    """Each frame timed with both, alternating run by run, so a machine that
    speeds up or slows down during the run weighs on both alike."""
    plain_ms: list[float] = []
    new_ms: list[float] = []
    for image in images:
        best = [float("inf"), float("inf")]
        for _ in range(repeat):
            for side, read in enumerate((plain, new)):
                started = time.perf_counter()
                read(image)
                best[side] = min(best[side], time.perf_counter() - started)
        plain_ms.append(best[0] * 1000)
        new_ms.append(best[1] * 1000)
    return Paired(plain_ms, new_ms)


def extra_on_triggered(
    plain: Read, new: Read, stats: Callable[[], Any], images: Sequence[Image], repeat: int
) -> list[float]:
    """Extra ms the fallback spent on each frame where it ran passes (or probed)."""
    extra: list[float] = []
    for image in images:
        before = stats()
        runs_before = (before.passes, before.probes)
        new(image)
        after = stats()
        if (after.passes, after.probes) == runs_before:
            continue
        timing = paired(plain, new, [image], repeat)
        extra.append(timing.new_ms[0] - timing.plain_ms[0])
    return extra


# ---------------------------------------------------------------- idle CPU


@dataclass
class IdleCpu:
    seconds: float
    frames: int
    decoded: int
    unchanged: int
    threads_cpu_s: float  # capture + decode threads
    process_cpu_s: float

    @property
    def threads_percent(self) -> float:
        return 100.0 * self.threads_cpu_s / self.seconds

    @property
    def process_percent(self) -> float:
        return 100.0 * self.process_cpu_s / self.seconds


def unchanging_scene(width: int, height: int, variants: int = 30) -> list[Image]:
    """An empty office desk as a camera sees it: the same scene, fresh sensor
    noise on every frame (a loop of ``variants`` frames)."""
    rng = np.random.default_rng(20210406)
    desk = background(rng, width, height, "office")
    return [add_noise(rng, desk, 2.0) for _ in range(variants)]


def idle_cpu(decoder: Any, frames: list[Image], seconds: float, skip_unchanged: bool) -> IdleCpu:
    """Runs the capture+decode pipeline on a 30 fps stand-in camera paced in
    real time, preview on as in the app, and measures CPU time."""
    import psutil

    from hardware.pipeline import CapturePipeline, PipelineSettings
    from hardware.sources import FrameListSource

    pipeline = CapturePipeline(
        FrameListSource(frames, fps=30.0),
        decoder,
        on_code=lambda code: None,
        on_preview=lambda frame: None,
        settings=PipelineSettings(skip_unchanged=skip_unchanged),
    )
    pause = threading.Event()
    pipeline.start()
    pause.wait(1.0)  # warm-up: opening, first decodes, settling
    ids = {t.native_id for t in threading.enumerate() if t.name.startswith("camera-")}
    process = psutil.Process()

    def thread_cpu() -> float:
        return float(sum(t.user_time + t.system_time for t in process.threads() if t.id in ids))

    stats_before = pipeline.stats()
    threads_before, process_before = thread_cpu(), time.process_time()
    started = time.perf_counter()
    pause.wait(seconds)
    elapsed = time.perf_counter() - started
    threads_cpu, process_cpu = thread_cpu() - threads_before, time.process_time() - process_before
    stats = pipeline.stats()
    pipeline.stop()
    return IdleCpu(
        seconds=elapsed,
        frames=stats.frames_captured - stats_before.frames_captured,
        decoded=stats.frames_decoded - stats_before.frames_decoded,
        unchanged=stats.frames_unchanged - stats_before.frames_unchanged,
        threads_cpu_s=threads_cpu,
        process_cpu_s=process_cpu,
    )
