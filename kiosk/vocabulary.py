"""Words the command line takes as choices: plain enums, cheap to import.

Their home modules (`kiosk.decision`, `kiosk.policy`) re-export them.
"""

from __future__ import annotations

from enum import StrEnum


class Method(StrEnum):
    """How the code reached the desk."""

    CAMERA = "camera"
    SCANNER = "scanner"
    MANUAL = "manual"


class StaffAnswer(StrEnum):
    ADMIT = "admit"
    REFUSE = "refuse"
