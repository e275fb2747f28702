"""What the desk flow needs to know about its venue and desk (kiosk.reception re-exports it)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from enum import StrEnum

from kiosk.events import DeskIdentity
from kiosk.passes import DEFAULT_SKEW
from kiosk.policy import Policy


class DeskRole(StrEnum):
    ENTRY = "entry"
    EXIT = "exit"
    BOTH = "both"
    DOCTOR = "doctor"  # the doctor room: a scan looks the status up, records nothing


class PassbackPolicy(StrEnum):
    """What an entry scan of someone already inside does (a shared screenshot?)."""

    ASK_STAFF = "ask_staff"
    ADMIT_FLAGGED = "admit_flagged"


@dataclass(frozen=True)
class DeskSettings:
    """What the desk flow needs to know about its venue and desk."""

    desk: DeskIdentity
    policy: Policy
    role: DeskRole = DeskRole.BOTH
    capacity: int = 0  # 0: no limit
    pass_skew: float = DEFAULT_SKEW
    cache_max_age: float = 12 * 3600
    passback_window: float = 10 * 60
    passback: PassbackPolicy = PassbackPolicy.ASK_STAFF
    rescan_window: float = 20.0
    closing_time: dt.time | None = None
    timezone: dt.tzinfo | None = None
    ticket_prefix: str = ""  # empty: made from the desk id (kiosk.referrals.values)
