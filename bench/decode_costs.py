"""The decoder benchmark's cost section: the fallback against plain zxing-cpp
on the same frames in the same run, the extra time on frames where the
fallback ran, and the capture+decode threads' CPU on an unchanging scene
(measured with bench.costs)."""

from __future__ import annotations

import statistics
from collections.abc import Sequence
from dataclasses import dataclass

from bench import costs
from bench.decode_samples import RESOLUTIONS, Sample
from bench.percentiles import percentile
from hardware.decoder.factory import make_decoder


@dataclass(frozen=True)
class CostFigures:
    """What the targets are checked against."""

    ratio_by_height: dict[int, float]  # fallback / plain, total time on empty frames
    extra_p95_ms: float | None  # None: the fallback ran on no frame with a code
    idle_percent: float  # of one core, skipping unchanged frames (the default)
    idle_percent_no_skip: float


def fallback_costs(
    empty: Sequence[Sample], samples: Sequence[Sample], repeat: int, idle_seconds: float
) -> CostFigures:
    """Prints the fallback's cost against plain zxing-cpp and the idle CPU."""
    plain = make_decoder(fallback=False)
    chosen = make_decoder()
    ratios: dict[int, float] = {}
    print("\nFallback against plain zxing-cpp, same frames, same run (ms, best of each):")
    for _, height in RESOLUTIONS:
        frames = [s.gray() for s in empty if s.group.startswith(f"empty {height}p")]
        timing = costs.paired(plain.read, chosen.read, frames, repeat)
        ratios[height] = timing.ratio
        print(
            f"  empty {height}p: plain median {statistics.median(timing.plain_ms):.3f}, "
            f"fallback median {statistics.median(timing.new_ms):.3f}; ratio {timing.ratio:.3f} "
            f"(total), {timing.median_ratio:.3f} (median per frame)"
        )
    stats = getattr(chosen, "fallback_stats", None)
    with_code = [s.gray() for s in samples if s.expected is not None]
    extra = costs.extra_on_triggered(plain.read, chosen.read, lambda: stats, with_code, repeat)
    extra_p95 = None
    if extra:
        extra_p95 = percentile(extra, 95)
        print(
            f"  frames with a code where the fallback ran: {len(extra)} of {len(with_code)}; "
            f"extra ms median {statistics.median(extra):.2f}, p95 {extra_p95:.2f}, "
            f"max {max(extra):.2f} (budget 10 ms)"
        )
    print(f"  fallback counters over the whole bench: {stats}")
    scene = costs.unchanging_scene(1280, 720)
    idle: dict[bool, float] = {}
    for label, skip in (("skip unchanged on (default)", True), ("skip off (before)", False)):
        run = costs.idle_cpu(make_decoder(), scene, idle_seconds, skip_unchanged=skip)
        print(
            f"  idle CPU, unchanging 720p scene at 30 fps, preview on, {label}: "
            f"capture+decode threads {run.threads_percent:.2f} % of one core "
            f"(whole process {run.process_percent:.2f} %); {run.frames} frames in "
            f"{run.seconds:.1f} s, {run.decoded} decoded, {run.unchanged} skipped"
        )
        idle[skip] = run.threads_percent
    return CostFigures(ratios, extra_p95, idle[True], idle[False])
