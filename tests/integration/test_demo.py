"""`ashyq-kiosk demo` works with no camera and no network, headless."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

from kiosk.wiretime import parse_time

ROOT = Path(__file__).resolve().parents[2]


def test_demo_shows_every_screen_and_prints_every_kind_of_decision(tmp_path: Path) -> None:
    env = {**os.environ, "PYTHONPATH": str(ROOT), "XDG_DATA_HOME": str(tmp_path)}
    for name in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM"):
        env.pop(name, None)  # a machine with no display: offscreen, with screenshots
    shots = tmp_path / "shots"
    argv = ["demo", "--screenshots", str(shots)]
    program = f"import sys; from app import main; sys.exit(main({argv!r}))"
    proc = subprocess.run(
        [sys.executable, "-c", program],
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
        check=False,
    )
    assert proc.returncode == 0, proc.stderr
    assert "Traceback" not in proc.stderr
    lines = [json.loads(line) for line in proc.stdout.splitlines()]
    decisions = {line["decision"] for line in lines if "decision" in line}
    assert decisions == {"admit", "deny", "ask_staff", "invalid_code", "expired_code"}
    provenances = {line["provenance"] for line in lines if "provenance" in line}
    assert {"pass", "live", "unverified"} <= provenances
    assert any(line.get("alert") == "retroactive_red" for line in lines)
    assert any("repeat" in line.get("flags", []) for line in lines)
    assert lines[-1] == {"scene": "end of the demo"}
    # A day at the club, not a minute: the visits spread from the opening on.
    times = [parse_time(line["at"]) for line in lines if "at" in line]
    assert max(times) - min(times) > 3 * 3600  # type: ignore[operator]
    names = sorted(path.name for path in shots.glob("*.png"))
    assert names[0] == "01-scan.png" and "05-status-red.png" in names
    assert {"status-green", "status-yellow", "status-red", "status-exit", "staff"} <= {
        name[3:-4] for name in names
    }
    # The gate: opened for the green visitor, who walks through; the blue one
    # turns back, and that entry is annulled, reaching the service once.
    assert _gate_after(lines, "green pass at the camera") == ["opened", "passed"]
    assert _gate_after(lines, "blue pass at the camera") == ["opened", "annulled"]
    annulled = [line for line in lines if line.get("gate") == "annulled"]
    assert len(annulled) == 1 and annulled[0]["annulment"]
    blue = next(line for line in lines if line["scene"] == "blue pass at the camera")
    assert annulled[0]["event_id"] == blue["event_ids"][0]
    assert annulled[0]["masked_id"] == blue["masked_id"]
    synced = next(line for line in lines if line["scene"] == "the annulment reached the service")
    assert synced == {
        "scene": "the annulment reached the service",
        "entry_annulled": 1,
        "check_in": blue["event_ids"][0],
    }
    # … a second after the gate opened (the demo's walk at its pace): the passage
    # seen is this visitor's, not the one before's.
    green = _gate_after(lines, "green pass at the camera", whole=True)
    took = parse_time(green[1]["at"]) - parse_time(green[0]["at"])  # type: ignore[operator]
    assert 0.8 <= took < 5, took
    # The module unplugged for a moment: the alert, then the gate back.
    lost = [line for line in lines if line.get("alert") == "gate_unreachable"]
    assert len(lost) == 1 and lost[0]["detail"]
    back = lines.index(lost[0]) + 1
    assert lines[back] == {"scene": "the gate answers again", "gate": "reachable"}
    assert {"gate-go-through.png", "staff-annulled.png", "staff-gate-unreachable.png"} <= set(names)


def _gate_after(lines: list[dict[str, Any]], scene: str, *, whole: bool = False) -> list[Any]:
    """The gate's lines right after *scene*'s decision (their `gate` word, or whole)."""
    start = next(i for i, line in enumerate(lines) if line["scene"] == scene) + 1
    gate = []
    for line in lines[start:]:
        if "gate" not in line:
            break
        gate.append(line if whole else line["gate"])
    return gate


def test_the_airport_demo_refers_clears_and_boards_a_passenger(tmp_path: Path) -> None:
    env = {**os.environ, "PYTHONPATH": str(ROOT), "XDG_DATA_HOME": str(tmp_path)}
    for name in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM"):
        env.pop(name, None)
    shots = tmp_path / "shots"
    argv = ["demo", "--airport", "--screenshots", str(shots)]
    program = f"import sys; from app import main; sys.exit(main({argv!r}))"
    proc = subprocess.run(
        [sys.executable, "-c", program],
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
        check=False,
    )
    assert proc.returncode == 0, proc.stderr
    printed = [json.loads(line) for line in proc.stdout.splitlines()]
    lines = {line["scene"]: line for line in printed}
    assert lines["red passenger at the gate"]["decision"] == "deny"
    assert lines["referred to the doctor"]["ticket"] == "G5-001"
    boarded = lines["the passenger again at the gate"]
    assert (boarded["decision"], boarded["provenance"]) == ("admit", "doctor")
    assert boarded["referral"]
    assert _gate_after(printed, "the passenger again at the gate") == ["opened", "passed"]
    names = {path.name[3:-4] for path in shots.glob("*.png")}
    assert {"airport-status-red", "airport-referral-slip", "doctor-room"} <= names
