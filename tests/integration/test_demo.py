"""`ashyq-kiosk demo` works with no camera and no network, headless."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def test_demo_prints_every_kind_of_decision(tmp_path: Path) -> None:
    env = {**os.environ, "PYTHONPATH": str(ROOT), "XDG_DATA_HOME": str(tmp_path)}
    env.pop("DISPLAY", None)
    proc = subprocess.run(
        [sys.executable, "-c", "import sys; from app import main; sys.exit(main(['demo']))"],
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
    synced = next(line for line in lines if line.get("scene") == "back online: outbox synced")
    assert synced["error"] is None and synced["acknowledged"] == synced["sent"] > 0
