"""How each outcome looks and sounds: colour, text colour, icon shape, sound.

The palette is docs/architecture.md's (section 7), each pair measured against
WCAG (see tests/ui/test_looks.py); every look also has its own icon shape, so
a screen reads without colour vision.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import Enum

from kiosk.decision import Decision, Direction
from kiosk.policy import Outcome
from kiosk.status import Provenance, Status


class Shape(Enum):
    TICK = "tick"
    CIRCLE = "circle"
    TRIANGLE = "triangle"
    CROSS = "cross"
    QUESTION = "question"
    BARRED = "barred"  # a circle with a bar: not a code
    REFRESH = "refresh"  # a circular arrow: refresh your code
    EXIT = "exit"  # an arrow out of a door


class Sound(Enum):
    ADMIT = "admit"
    DENY = "deny"
    STAFF = "staff"


@dataclass(frozen=True)
class Look:
    key: str
    background: str
    text: str
    shape: Shape
    sound: Sound


WHITE = "#FFFFFF"
NEAR_BLACK = "#111111"  # 13.4:1 on the yellow, as docs/architecture.md measures

GREEN = Look("green", "#2E7D32", WHITE, Shape.TICK, Sound.ADMIT)
BLUE = Look("blue", "#1565C0", WHITE, Shape.CIRCLE, Sound.ADMIT)
YELLOW = Look("yellow", "#FFD600", NEAR_BLACK, Shape.TRIANGLE, Sound.DENY)
RED = Look("red", "#C62828", WHITE, Shape.CROSS, Sound.DENY)
UNVERIFIED = Look("unverified", "#455A64", WHITE, Shape.QUESTION, Sound.STAFF)
INVALID = Look("invalid", "#6A1B9A", WHITE, Shape.BARRED, Sound.DENY)
EXPIRED = Look("expired", "#6A1B9A", WHITE, Shape.REFRESH, Sound.DENY)
EXIT = Look("exit", "#455A64", WHITE, Shape.EXIT, Sound.ADMIT)

BY_STATUS = {Status.GREEN: GREEN, Status.BLUE: BLUE, Status.YELLOW: YELLOW, Status.RED: RED}
ALL = (GREEN, BLUE, YELLOW, RED, UNVERIFIED, INVALID, EXPIRED, EXIT)

SCAN_BACKGROUND = "#1E272C"
"""The scan screen: a dark neutral, so the status colours stand out when they come."""


def look_of(decision: Decision) -> Look:
    """The look of a decision: its status's colour, else the kiosk outcome's."""
    if decision.outcome is Outcome.INVALID_CODE:
        return INVALID
    if decision.outcome is Outcome.EXPIRED_CODE:
        return EXPIRED
    if decision.direction is Direction.EXIT:
        return EXIT
    if decision.provenance is Provenance.DOCTOR and decision.outcome is Outcome.ADMIT:
        return GREEN  # the doctor cleared the passenger: boarding, whatever the status said
    if decision.status is not None:
        return BY_STATUS[decision.status]
    return UNVERIFIED


def sound_of(decision: Decision) -> Sound:
    """Admit, deny, or staff needed (an unanswered question, whatever the colour)."""
    if decision.outcome is Outcome.ASK_STAFF:
        return Sound.STAFF
    if decision.outcome is Outcome.ADMIT:
        return Sound.ADMIT
    return Sound.DENY


def contrast_ratio(foreground: str, background: str) -> float:
    """WCAG 2.x contrast ratio of two #RRGGBB colours."""
    light, dark = sorted((_luminance(foreground), _luminance(background)), reverse=True)
    return (light + 0.05) / (dark + 0.05)


def _luminance(colour: str) -> float:
    channels = [int(colour[i : i + 2], 16) / 255 for i in (1, 3, 5)]
    linear = [c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]
