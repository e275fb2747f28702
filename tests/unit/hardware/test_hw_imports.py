"""The hardware layer stands alone: no Qt, nothing of ours, OpenCV loaded on use."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[3]
MODULES = [
    p.stem for p in (REPO / "hardware").glob("*.py") if p.stem not in ("__init__",)
]  # fmt: skip


def test_importing_hardware_pulls_in_no_qt_no_other_layer_and_no_opencv() -> None:
    script = (
        "import sys\n"
        f"for name in {MODULES!r}:\n"
        "    __import__('hardware.' + name)\n"
        "bad = sorted(m for m in sys.modules if m.split('.')[0] in "
        "('PySide6', 'shiboken6', 'kiosk', 'ui', 'config', 'sandbox', 'cv2', 'zxingcpp', "
        "'pyzbar', 'serial', 'segno'))\n"
        "print(','.join(bad))\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", script], cwd=REPO, capture_output=True, text=True, timeout=60
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == ""
    assert len(MODULES) >= 10
