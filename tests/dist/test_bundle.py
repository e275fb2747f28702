"""The one-folder bundle (`make dist`), run as a reception PC runs it: no Python,
no venv on the path, a fresh home folder, nothing in the environment but a
PATH and a HOME (`env -i`). It plays the demo without a display and checks the
desk with `doctor`, in Kazakh.

Skipped, saying so, when no bundle has been built: `make dist` builds it and
then runs this file.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
FOLDER = Path(os.environ.get("ASHYQ_BUNDLE", ROOT / "dist" / "ashyq-kiosk"))
EXE = FOLDER / ("ashyq-kiosk.exe" if sys.platform == "win32" else "ashyq-kiosk")

pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(not EXE.is_file(), reason=f"no bundle built at {FOLDER}: run `make dist`"),
]


def bare_env(home: Path) -> dict[str, str]:
    """What `env -i HOME=… PATH=/usr/bin:/bin` leaves: no venv, no Qt platform, no display."""
    return {"HOME": str(home), "PATH": "/usr/bin:/bin"}


def run_bundle(
    args: list[str], home: Path, cwd: Path, timeout: float = 120
) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [str(EXE), *args],
        env=bare_env(home),
        cwd=cwd,
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=timeout,
        check=False,
    )


def test_the_bundle_holds_the_qt_plugins_fonts_sounds_translations_and_settings() -> None:
    inside = FOLDER / "_internal"
    plugins = inside / "PySide6" / "Qt" / "plugins"
    wanted = [
        plugins / "platforms" / "libqoffscreen.so",
        plugins / "platforms" / "libqxcb.so",
        plugins / "multimedia" / "libffmpegmediaplugin.so",
        plugins / "printsupport" / "libcupsprintersupport.so",
        inside / "ui" / "fonts" / "NotoSans-Regular.ttf",
        inside / "ui" / "sounds" / "admit.wav",
        inside / "ui" / "translations" / "ashyq_kk.qm",
        inside / "config" / "default.toml",
        inside / "config" / "fitness-club.toml",
    ]
    if sys.platform == "win32":  # the same plugins, as Windows names them
        wanted = [p.with_name(p.name.removeprefix("lib").replace(".so", ".dll")) for p in wanted]
    missing = [str(p.relative_to(FOLDER)) for p in wanted if not p.is_file()]
    assert not missing, f"not in the bundle: {missing}"
    assert any(inside.glob("PySide6/QtCharts*")), "QtCharts (the dashboard) is not in the bundle"


def test_the_bundle_plays_the_demo_with_a_bare_environment(tmp_path: Path) -> None:
    home, cwd = tmp_path / "home", tmp_path / "work"
    home.mkdir()
    cwd.mkdir()
    done = run_bundle(["demo", "--headless"], home, cwd, timeout=240)
    assert done.returncode == 0, done.stderr[-2000:]
    lines = [json.loads(line) for line in done.stdout.splitlines() if line.startswith("{")]
    decisions = [line["decision"] for line in lines if "decision" in line]
    assert {"admit", "deny"} <= set(decisions), decisions
    assert lines[-1] == {"scene": "end of the demo"}
    shots = sorted(p.name for p in (cwd / "demo-screenshots").glob("*.png"))
    assert "01-scan.png" in shots and len(shots) > 10, shots
    assert "Traceback" not in done.stderr


def test_the_bundle_checks_the_desk_in_kazakh_and_as_json(tmp_path: Path) -> None:
    home, cwd = tmp_path / "home", tmp_path / "work"
    home.mkdir()
    cwd.mkdir()
    done = run_bundle(["doctor", "--json"], home, cwd)
    # The shipped settings name a service on this PC that is not running: exit 1.
    assert done.returncode == 1, done.stderr[-2000:]
    lines = [json.loads(line) for line in done.stdout.splitlines()]
    results = {line["check"]: line for line in lines if "check" in line}
    assert results["service"]["result"] == "failed"
    assert results["service"]["reason"] == "unreachable"
    assert results["database"]["result"] == "ok"
    assert results["sound"]["reason"] != "files_missing"
    assert results["data_folder"]["path"].startswith(str(home))
    assert lines[-1]["summary"] == "failed" and "service" in lines[-1]["failed_checks"]
    said = run_bundle(["doctor", "--lang", "kk", "--no-camera"], home, cwd)
    assert said.returncode == 1
    assert "Дискідегі орын" in said.stdout, said.stdout  # "Disk space": the .qm files are there
    assert "Traceback" not in said.stderr
