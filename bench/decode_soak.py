"""The decoder benchmark's soak run: an unpaced stand-in camera through the
capture+decode pipeline for many frames, watching the process's memory."""

from __future__ import annotations

import threading
import time

import numpy as np

from bench.scenes import Image, make_iins, make_pass
from hardware.decoder.factory import make_decoder
from hardware.decoder.port import DecodedCode

# RSS growth after warm-up that the soak accepts, MB.
GROWTH_LIMIT_MB = 5.0


def soak(frames_target: int) -> float:
    """Unpaced stand-in camera through capture+decode; returns RSS growth in MB."""
    import psutil

    from hardware.pipeline import CapturePipeline, PipelineSettings
    from hardware.sources import FrameListSource
    from hardware.synthetic import blank_frame, phone_frame

    rng = np.random.default_rng(20210403)
    texts = make_iins(rng, 3) + [make_pass(rng, iin) for iin in make_iins(rng, 2)]
    blank = blank_frame(640, 480)
    frames: list[Image] = []
    for text in texts:
        frames += [phone_frame(text, width=640, height=480, module_px=4)] * 10 + [blank] * 20
    codes = 0

    def on_code(code: DecodedCode) -> None:
        nonlocal codes
        codes += 1

    pipeline = CapturePipeline(
        FrameListSource(frames, fps=None),
        make_decoder(),
        on_code=on_code,
        on_preview=lambda frame: None,
        # Unpaced, a whole loop of the list takes milliseconds: with no debounce
        # window every frame showing a code is reported, exercising the callbacks.
        settings=PipelineSettings(debounce_window_s=0.0),
    )
    process = psutil.Process()
    pause = threading.Event()
    warm_up = min(5000, frames_target // 10)
    started = time.perf_counter()
    pipeline.start()
    rss_warm = 0
    checkpoints = [frames_target * q // 4 for q in (1, 2, 3)]
    trace: list[str] = []
    while (decoded := pipeline.stats().frames_decoded) < frames_target:
        pause.wait(0.25)
        rss = process.memory_info().rss
        if not rss_warm and decoded >= warm_up:
            rss_warm = rss
            trace.append(f"{decoded}: {rss / 2**20:.1f}")
        if checkpoints and decoded >= checkpoints[0]:
            checkpoints.pop(0)
            trace.append(f"{decoded}: {rss / 2**20:.1f}")
    rss_end = process.memory_info().rss
    pipeline.stop()
    elapsed = time.perf_counter() - started
    stats = pipeline.stats()
    rss_stopped = process.memory_info().rss
    growth = float(rss_end - rss_warm) / 2**20
    print(
        f"soak: {stats.frames_decoded} frames decoded ({stats.frames_captured} captured, "
        f"{stats.frames_dropped} dropped as stale) in {elapsed:.0f} s, {codes} codes read"
    )
    print(
        f"soak: RSS (MB) by frames decoded: {'; '.join(trace)}; {stats.frames_decoded}: "
        f"{rss_end / 2**20:.1f}"
    )
    print(
        f"soak: RSS after warm-up {rss_warm / 2**20:.1f} MB, at the last frame "
        f"{rss_end / 2**20:.1f} MB, after stop {rss_stopped / 2**20:.1f} MB; "
        f"growth {growth:+.1f} MB (target <= {GROWTH_LIMIT_MB:g} MB)"
    )
    return growth
