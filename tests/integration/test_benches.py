"""The benchmarks still run on the current code: each, cut down to a few
seconds, ends with exit 0 and prints its figures. (They reach into the code
they measure, so a change of the code can break them; nobody would notice
until the next time someone measured.) The figures themselves are read by
people, not checked here: timing tests flake on shared machines."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]

CUT_DOWN = {
    "sync": (["--events", "600", "--rounds", "1"], "each once: True"),
    "dashboard": (["--events", "1500", "--runs", "2"], "target: each well under 1 s"),
    "desk_flow": (["--checkins", "60", "--history", "600"], "desk / floor with history"),
    "gate": (["--pulses", "5", "--visitors", "10", "--rounds", "1"], "with / without, median"),
    "sandbox_intake": (["--events", "1000", "--clients", "3"], '"failures": 0'),
}


@pytest.mark.parametrize("name", sorted(CUT_DOWN))
def test_the_benchmark_runs_and_prints_its_figures(name: str) -> None:
    options, expected = CUT_DOWN[name]
    done = subprocess.run(
        [sys.executable, str(ROOT / "bench" / f"{name}.py"), *options],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
    )

    assert done.returncode == 0, done.stderr[-2000:]
    assert "Traceback" not in done.stderr
    assert expected in done.stdout, done.stdout[-2000:]
