"""`ashyq-kiosk doctor` as a process of its own, as an installer runs it."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[2]


def doctor(
    config: Path, data: Path, *more: str, timeout: float = 90
) -> tuple[int, list[dict[str, Any]], str]:
    """Run `doctor --json`; its exit code, its JSON lines and what it said on stderr."""
    done = subprocess.run(
        [
            sys.executable,
            "-m",
            "app",
            "doctor",
            "--json",
            "--config",
            str(config),
            "--data-dir",
            str(data),
            *more,
        ],
        env={**os.environ, "PYTHONPATH": str(ROOT)},
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=timeout,
        check=False,
    )
    lines = [json.loads(line) for line in done.stdout.splitlines()]
    return done.returncode, lines, done.stderr


def by_check(lines: list[dict[str, Any]]) -> dict[str, dict[str, Any]]:
    return {line["check"]: line for line in lines if "check" in line}
