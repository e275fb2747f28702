"""What the decoder benchmark prints from its outcomes: the tables side by
side per runner, the real photographs each runner missed or misread, and
the chosen pipeline's target checks."""

from __future__ import annotations

import statistics
from collections.abc import Sequence

from bench.decode_costs import CostFigures
from bench.decode_measure import Outcome, Results
from bench.decode_samples import CONDITIONS, MODULE_SIZES, RESOLUTIONS, TEXTURES
from bench.percentiles import percentile
from bench.scenes import HARD_LOOKS


def cell(outcome: Outcome | None) -> str:
    if outcome is None:
        return f"{'-':^30}"
    med = statistics.median(outcome.times_ms)
    p95 = percentile(outcome.times_ms, 95)
    if outcome.expected:
        rate = f"{outcome.read_percent:5.1f}%"
        errors = f"mis {outcome.misread}"
    else:
        rate = "   -  "
        errors = f"FP {outcome.false_positive}"
    return f"{med:7.2f} {p95:7.2f} {rate} {errors:>6}"


def print_table(
    title: str,
    groups: Sequence[str],
    results: Results,
    names: Sequence[str] | None = None,
) -> None:
    """One row per group present, one column per runner (all when names is None)."""
    names = list(names or results)
    print(f"\n{title}")
    header = f"{'group':<30} {'n':>4} | " + " | ".join(f"{n:^30}" for n in names)
    sub = f"{'':<30} {'':>4} | " + " | ".join(
        f"{'med ms':>7} {'p95 ms':>7} {'read':>6} {'errors':>6}" for _ in names
    )
    print(header)
    print(sub)
    print("-" * len(sub))
    for group in groups:
        first = next((r[group] for r in results.values() if group in r), None)
        if first is None:
            continue
        row = " | ".join(cell(results[n].get(group)) for n in names)
        print(f"{group:<30} {first.frames:>4} | {row}")


def print_tables(results: Results, main_names: Sequence[str]) -> None:
    """The four tables, then the real photographs' files per runner."""
    empty_groups = [f"empty {h}p {t}" for _, h in RESOLUTIONS for t in TEXTURES]
    empty_groups += [f"empty {h}p (all)" for _, h in RESOLUTIONS]
    print_table("Empty frames (nothing may be reported)", empty_groups, results, main_names)
    phone_groups = [f"phone {px}px/module" for px in MODULE_SIZES]
    phone_groups += ["phone >=4px/module (all)", "real photographs"]
    print_table("Codes (read = exact text; mis = a wrong text reported)", phone_groups, results)
    print_table(
        "Phone frames >= 4 px/module by condition",
        [f"  >=4px {c}" for c in CONDITIONS],
        results,
        main_names,
    )
    hard_groups = [f"hard {c}" for c in HARD_LOOKS] + ["hard (all but heavy motion)"]
    print_table(
        "Hard frames by condition (640x480 and 1280x720; 'every pass' = the union of "
        "all passes on the whole frame, no trigger, no budget: what is left to read)",
        hard_groups,
        results,
    )
    for name, outcomes in results.items():
        real_outcome = outcomes.get("real photographs")
        if real_outcome is not None:
            print(
                f"  real photographs, {name}: not read "
                f"{', '.join(real_outcome.missed_files) or '-'}; "
                f"misread {', '.join(real_outcome.misread_files) or '-'}; "
                f"second code of a multi-code image also read: {real_outcome.other}"
            )


def check_targets(chosen: dict[str, Outcome], with_real: bool, figures: CostFigures) -> bool:
    """Prints PASS or FAIL for each target of the chosen pipeline; True when all pass."""
    checks = [
        (
            "empty 720p median <= 1.5 ms",
            statistics.median(chosen["empty 720p (all)"].times_ms),
            1.5,
            "max",
        ),
        (
            "empty 1080p median <= 3 ms",
            statistics.median(chosen["empty 1080p (all)"].times_ms),
            3.0,
            "max",
        ),
        (
            "phone >= 4 px/module read >= 95 %",
            chosen["phone >=4px/module (all)"].read_percent,
            95.0,
            "min",
        ),
        ("empty 720p, fallback / plain <= 1.1", figures.ratio_by_height[720], 1.1, "max"),
        ("empty 1080p, fallback / plain <= 1.1", figures.ratio_by_height[1080], 1.1, "max"),
        ("idle CPU, unchanging 720p scene <= 2 %", figures.idle_percent, 2.0, "max"),
    ]
    if figures.extra_p95_ms is not None:
        checks.append(("fallback extra time p95 <= 10 ms", figures.extra_p95_ms, 10.0, "max"))
    if with_real:
        real = chosen["real photographs"]
        checks.append(("real photographs read >= 61 (of 64)", float(real.read), 61.0, "min"))
    misreads = sum(o.misread for k, o in chosen.items() if not k.startswith(" "))
    false_pos = sum(o.false_positive for k, o in chosen.items() if "(all)" in k)
    checks.append(("no misreads", float(misreads), 0.0, "max"))
    checks.append(("nothing reported on empty frames", float(false_pos), 0.0, "max"))
    print("\nTargets for the chosen pipeline (one core):")
    ok = True
    for label, value, limit, kind in checks:
        passed = value <= limit if kind == "max" else value >= limit
        ok = ok and passed
        print(f"  {'PASS' if passed else 'FAIL'}  {label}: {value:.2f}")
    return ok
