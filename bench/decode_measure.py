"""Measuring the runners on the samples: each frame through every runner,
best-of-n times, and the tally per group of what was read, misread, or
reported on an empty frame."""

from __future__ import annotations

import time
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field

from bench.decode_runners import Runner
from bench.decode_samples import Sample
from hardware.decoder.port import DecodedCode

# Images in the real set that hold more than one code: (file, start of the
# other code's text). 16.webp is a "double QR": a QR code drawn inside
# another; the expected text is the inner one, the outer one is real too.
OTHER_CODES = {("16.webp", "[外側QRコード]")}


@dataclass
class Outcome:
    """One runner's times and counts over one group of samples."""

    times_ms: list[float] = field(default_factory=list)
    frames: int = 0
    expected: int = 0
    read: int = 0
    misread: int = 0
    false_positive: int = 0
    other: int = 0  # a second, genuine code in a multi-code image
    misread_files: list[str] = field(default_factory=list)
    missed_files: list[str] = field(default_factory=list)

    @property
    def read_percent(self) -> float:
        return 100.0 * self.read / max(1, self.expected)


# A table of outcomes: runner name -> group -> outcome.
Results = dict[str, dict[str, Outcome]]


def is_other_code(text: str, sample: Sample) -> bool:
    return any(sample.condition == name and text.startswith(start) for name, start in OTHER_CODES)


def matches(text: str, sample: Sample) -> bool:
    if text == sample.expected:
        return True
    if sample.loose_newlines and sample.expected is not None:
        return text.replace("\r\n", "\n") == sample.expected.replace("\r\n", "\n")
    return False


def measure(
    runners: Sequence[Runner], samples: Sequence[Sample], repeat: Callable[[Runner], int]
) -> Results:
    """Per frame and runner: best of ``repeat(runner)`` runs (the timeit
    convention: the least disturbed run), then medians and 95th percentiles
    across frames. Each frame goes through every runner before the next
    frame, so a machine that slows down for a while weighs on all columns."""
    results: Results = {runner.name: {} for runner in runners}
    for sample in samples:
        for runner in runners:
            image = sample.image if runner.takes_colour else sample.gray()
            best = float("inf")
            codes: list[DecodedCode] = []
            for attempt in range(repeat(runner)):
                started = time.perf_counter()
                found = runner.decode(image)
                best = min(best, time.perf_counter() - started)
                if attempt == 0:
                    codes = found
            _record(results[runner.name], sample, codes, best)
    return results


def _record(
    outcomes: dict[str, Outcome], sample: Sample, codes: list[DecodedCode], best: float
) -> None:
    for key in (sample.group, *_extra_groups(sample)):
        outcome = outcomes.setdefault(key, Outcome())
        outcome.times_ms.append(best * 1000)
        outcome.frames += 1
        if sample.expected is None:
            outcome.false_positive += bool(codes)
        else:
            outcome.expected += 1
            found = any(matches(c.text, sample) for c in codes)
            outcome.read += found
            if not found and key == sample.group:
                outcome.missed_files.append(sample.condition or sample.group)
            wrong = [c.text for c in codes if not matches(c.text, sample)]
            outcome.other += sum(is_other_code(text, sample) for text in wrong)
            if any(not is_other_code(text, sample) for text in wrong):
                outcome.misread += 1
                if key == sample.group:
                    outcome.misread_files.append(sample.condition or sample.group)


def _extra_groups(sample: Sample) -> Iterable[str]:
    """The summary groups a sample also counts in, beside its own."""
    if sample.group.startswith("empty"):
        yield " ".join(sample.group.split()[:2]) + " (all)"
    if sample.group.startswith("phone") and sample.px_per_module >= 4:
        yield "phone >=4px/module (all)"
        yield f"  >=4px {sample.condition}"
    if sample.group.startswith("hard") and sample.condition != "heavy_motion":
        yield "hard (all but heavy motion)"
