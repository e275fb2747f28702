"""The Qt binding itself must survive a working day of calls (see pyproject.toml:
PySide6 6.12.0 dropped a reference to None on every void call, and Python 3.11
aborts when None's count reaches zero)."""

from __future__ import annotations

import os
import subprocess
import sys


def test_a_long_day_of_void_calls_ends_cleanly() -> None:
    program = (
        "from PySide6.QtWidgets import QApplication, QLabel, QPushButton\n"
        "app = QApplication([])\n"
        "label, button = QLabel(), QPushButton()\n"
        "for i in range(40_000):\n"
        "    label.setText(str(i))\n"
        "    button.click()\n"
        "print('done')\n"
    )
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    result = subprocess.run(
        [sys.executable, "-c", program], capture_output=True, text=True, env=env, timeout=120
    )
    assert result.returncode == 0, result.stderr[-500:]
    assert "done" in result.stdout and "Fatal Python error" not in result.stderr
