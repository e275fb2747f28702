"""Decoder benchmark: speed on empty frames, read rate on phone screens, hard
frames and real photographs, side by side for plain zxing-cpp, zxing-cpp with
the fallback passes, pyzbar and OpenCV; the fallback's cost against plain
zxing-cpp on the same frames; the CPU of the capture+decode threads on an
unchanging scene; and a soak run of the pipeline for memory growth.

    .venv/bin/python bench/decode.py [--quick] [--soak] [--soak-frames N]
                                     [--testdata DIR] [--idle-seconds S]

Every generated image comes from fixed seeds, so runs are comparable. The
real photographs are bench/data/qr-real (64 public photographs and scans
from the zxing-cpp project's test samples; --testdata reads another folder
of N.png/N.webp/N.jpg with N.txt beside each). Single-threaded: cv2.setNumThreads(1),
and zxing-cpp decodes on the calling thread.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from importlib.metadata import version
from pathlib import Path

import cv2
import numpy as np

REPO = Path(__file__).resolve().parents[1]
if str(REPO) not in sys.path:
    sys.path.insert(0, str(REPO))

from bench.decode_costs import fallback_costs  # noqa: E402
from bench.decode_measure import measure  # noqa: E402
from bench.decode_report import check_targets, print_tables  # noqa: E402
from bench.decode_runners import LEGEND, Runner, build_runners, every_pass  # noqa: E402
from bench.decode_samples import (  # noqa: E402
    DEFAULT_TESTDATA,
    empty_samples,
    hard_samples,
    phone_samples,
    real_samples,
)
from bench.decode_soak import GROWTH_LIMIT_MB, soak  # noqa: E402


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=(__doc__ or "").split("\n\n")[0])
    parser.add_argument("--quick", action="store_true", help="fewer frames, fewer repeats")
    parser.add_argument("--soak", action="store_true", help="also run the memory soak")
    parser.add_argument("--soak-frames", type=int, default=108_000, metavar="N")
    parser.add_argument("--testdata", type=Path, default=DEFAULT_TESTDATA, metavar="DIR")
    parser.add_argument("--repeat", type=int, default=None, help="timing runs per frame")
    parser.add_argument("--idle-seconds", type=float, default=None, metavar="S")
    args = parser.parse_args(argv)
    cv2.setNumThreads(1)
    repeat = args.repeat or (3 if args.quick else 5)
    print(
        f"OpenCV {cv2.__version__}, zxing-cpp {version('zxing-cpp')}, "
        f"numpy {np.__version__}; cv2 threads {cv2.getNumThreads()}; best of {repeat} runs"
    )
    print(LEGEND)
    # The soak runs first, while the process is small, so RSS reflects the pipeline.
    soak_ok = soak(args.soak_frames) <= GROWTH_LIMIT_MB if args.soak else True
    empty = empty_samples(args.quick)
    hard = hard_samples(args.quick)
    samples = empty + phone_samples(args.quick) + hard
    real = real_samples(args.testdata) if args.testdata.is_dir() else []
    if not real:
        print(f"real photographs skipped: {args.testdata} not found")
    samples += real
    runners = build_runners()

    def runs(runner: Runner) -> int:
        # The comparison backends are 10-100x slower: fewer runs keep the bench short.
        return min(repeat, 2) if runner.comparison else repeat

    results = measure(runners, samples, runs)
    results.update(measure([every_pass()], hard + real, lambda runner: 1))
    print_tables(results, [r.name for r in runners])
    idle_seconds = args.idle_seconds or (4.0 if args.quick else 20.0)
    figures = fallback_costs(empty, samples, repeat, idle_seconds)
    ok = check_targets(results["pipeline"], bool(real), figures)
    return 0 if ok and soak_ok else 1


if __name__ == "__main__":
    sys.exit(main())
