"""The gate: a turnstile or door the desk opens after an admit.

`port` is what a driver does and reports (the drivers live in
`hardware/gate`); `keeper` owns the rules (when to open, what a missing
passage means); `values` is what the keeper answers and tells; `inbox`
carries the driver's reports to the keeper's thread.
"""

from kiosk.gate.inbox import GateInbox
from kiosk.gate.keeper import GateKeeper, GateRules
from kiosk.gate.port import Gate, GateReports
from kiosk.gate.values import (
    Annulment,
    GateNews,
    GateReachable,
    GateState,
    GateUnreachable,
    NoOpen,
    NoOpenReason,
    NoPassage,
    OpenDropped,
    Opened,
    OpenRequest,
    Passed,
    StaffOpen,
    Unconfirmed,
)

__all__ = [
    "Annulment",
    "Gate",
    "GateInbox",
    "GateKeeper",
    "GateNews",
    "GateReachable",
    "GateReports",
    "GateRules",
    "GateState",
    "GateUnreachable",
    "NoOpen",
    "NoOpenReason",
    "NoPassage",
    "OpenDropped",
    "OpenRequest",
    "Opened",
    "Passed",
    "StaffOpen",
    "Unconfirmed",
]
