"""The screens' vocabulary: what each domain value is called, in English source
text marked for Qt Linguist (context "Words"). Nothing here is translated at
import time: :func:`say` and :meth:`ui.i18n.Languages.text` translate when
a screen draws.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from kiosk.news import DeviceKind
from kiosk.reasons import CodeReason
from kiosk.service.errors import ServiceProblem
from kiosk.status import Provenance, Status
from kiosk.storage.alerts import AlertKind
from kiosk.storage.errors import StoreProblem
from kiosk.vocabulary import Method
from shared.device import DeviceState

CONTEXT = "Words"


def QT_TRANSLATE_NOOP(context: str, source: str) -> str:
    """Mark *source* for Qt Linguist in *context*; it is translated when drawn.

    (PySide6's own marker is typed as returning object; this one returns the
    source text, and lupdate recognises it by its name.)"""
    return source


SHOW_YOUR_CODE = QT_TRANSLATE_NOOP("Words", "Show your code")
OUT_OF_ORDER = QT_TRANSLATE_NOOP("Words", "Check-in is closed: please see staff")
STAFF_DECIDING = QT_TRANSLATE_NOOP("Words", "Please wait: staff will decide")
ALREADY_IN = QT_TRANSLATE_NOOP("Words", "Already checked in at %1")
ALREADY_OUT = QT_TRANSLATE_NOOP("Words", "Already checked out at %1")
GOODBYE = QT_TRANSLATE_NOOP("Words", "Goodbye!")
DOCTOR_AVAILABLE = QT_TRANSLATE_NOOP("Words", "Staff can refer you to the doctor")
VENUE_FULL = QT_TRANSLATE_NOOP("Words", "The venue is full")
SELF_ISOLATE = QT_TRANSLATE_NOOP("Words", "Self-isolation: please go home")
DOCTOR_CLEARED = QT_TRANSLATE_NOOP("Words", "Cleared by the doctor")
DOCTOR_CONFIRMED = QT_TRANSLATE_NOOP("Words", "The doctor confirmed the status")

STATUS = {
    Status.GREEN: QT_TRANSLATE_NOOP("Words", "Green"),
    Status.BLUE: QT_TRANSLATE_NOOP("Words", "Blue"),
    Status.YELLOW: QT_TRANSLATE_NOOP("Words", "Yellow"),
    Status.RED: QT_TRANSLATE_NOOP("Words", "Red"),
}
NO_STATUS = QT_TRANSLATE_NOOP("Words", "No status")

# The decision in large letters (docs/architecture.md, section 7).
ADMIT = QT_TRANSLATE_NOOP("Words", "ADMIT")
DENY = QT_TRANSLATE_NOOP("Words", "DENY")
REFER = QT_TRANSLATE_NOOP("Words", "REFER TO DOCTOR")
TICKET = QT_TRANSLATE_NOOP("Words", "Ticket %1: go to %2")
TICKET_NO_ROOM = QT_TRANSLATE_NOOP("Words", "Ticket %1: staff will show you the way")
REFRESH = QT_TRANSLATE_NOOP("Words", "REFRESH YOUR CODE")
INVALID = QT_TRANSLATE_NOOP("Words", "INVALID CODE")
UNVERIFIED = QT_TRANSLATE_NOOP("Words", "UNVERIFIED")
EXIT = QT_TRANSLATE_NOOP("Words", "EXIT")

PROVENANCE = {
    Provenance.PASS: QT_TRANSLATE_NOOP("Words", "Verified pass"),
    Provenance.LIVE: QT_TRANSLATE_NOOP("Words", "Checked with the service now"),
    Provenance.CACHE: QT_TRANSLATE_NOOP("Words", "Last known status, %1 old"),
    Provenance.UNVERIFIED: QT_TRANSLATE_NOOP("Words", "Not verified: no connection"),
    Provenance.DOCTOR: QT_TRANSLATE_NOOP("Words", "The doctor's decision"),
    Provenance.NONE: "",
}

REASON = {
    CodeReason.EMPTY: QT_TRANSLATE_NOOP("Words", "The code is empty"),
    CodeReason.TOO_LONG: QT_TRANSLATE_NOOP("Words", "The code is too long to be a pass"),
    CodeReason.UNKNOWN_FORMAT: QT_TRANSLATE_NOOP("Words", "Not a pass and not an IIN"),
    CodeReason.UNREADABLE: QT_TRANSLATE_NOOP("Words", "The code could not be read"),
    CodeReason.IIN_LENGTH: QT_TRANSLATE_NOOP("Words", "An IIN has 12 digits"),
    CodeReason.IIN_NON_DIGIT: QT_TRANSLATE_NOOP("Words", "An IIN has digits only"),
    CodeReason.IIN_CENTURY: QT_TRANSLATE_NOOP("Words", "The 7th digit of an IIN is 1 to 6"),
    CodeReason.IIN_DATE: QT_TRANSLATE_NOOP("Words", "The IIN's birth date does not exist"),
    CodeReason.IIN_CHECKSUM: QT_TRANSLATE_NOOP("Words", "The IIN's check digit is wrong"),
    CodeReason.MALFORMED_PASS: QT_TRANSLATE_NOOP("Words", "The pass is damaged"),
    CodeReason.BAD_ALGORITHM: QT_TRANSLATE_NOOP("Words", "The pass is not signed as passes are"),
    CodeReason.UNKNOWN_KEY: QT_TRANSLATE_NOOP("Words", "The pass is signed by an unknown key"),
    CodeReason.BAD_SIGNATURE: QT_TRANSLATE_NOOP("Words", "The signature does not match: forged?"),
    CodeReason.MISSING_CLAIM: QT_TRANSLATE_NOOP("Words", "The pass is missing a field"),
    CodeReason.ISSUED_IN_FUTURE: QT_TRANSLATE_NOOP(
        "Words", "The pass is from the future: check this PC's clock"
    ),
    CodeReason.EXPIRED: QT_TRANSLATE_NOOP("Words", "The pass has expired: open the app again"),
    CodeReason.BAD_IIN: QT_TRANSLATE_NOOP("Words", "The pass holds an invalid IIN"),
    CodeReason.BAD_STATUS: QT_TRANSLATE_NOOP("Words", "The pass holds an unknown status"),
}

ALERT_TITLE = {
    AlertKind.RETROACTIVE_RED: QT_TRANSLATE_NOOP("Words", "Admitted offline, status is red"),
    AlertKind.RED_REPORT_QUEUED: QT_TRANSLATE_NOOP("Words", "Red status: sanitary service told"),
    AlertKind.PASSBACK: QT_TRANSLATE_NOOP("Words", "Pass-back: already inside"),
    AlertKind.CAPACITY_REACHED: QT_TRANSLATE_NOOP("Words", "The venue is full"),
    AlertKind.DEVICE_LOST: QT_TRANSLATE_NOOP("Words", "Camera or scanner lost"),
    AlertKind.SYNC_TROUBLE: QT_TRANSLATE_NOOP("Words", "Events are not reaching the service"),
    AlertKind.CLOCK_SKEW: QT_TRANSLATE_NOOP("Words", "This PC's clock is wrong"),
    AlertKind.DEVICE_NOT_REGISTERED: QT_TRANSLATE_NOOP("Words", "This device is not registered"),
    AlertKind.DEAD_LETTER: QT_TRANSLATE_NOOP("Words", "The service refused some events"),
    AlertKind.TRUST_STALE: QT_TRANSLATE_NOOP("Words", "Pass keys are out of date"),
    AlertKind.DATABASE_RESCUED: QT_TRANSLATE_NOOP("Words", "Database files were touched"),
    AlertKind.REFERRAL_RESOLVED: QT_TRANSLATE_NOOP("Words", "The doctor decided a referral"),
    AlertKind.RESOLUTION_REFUSED: QT_TRANSLATE_NOOP("Words", "A doctor's decision was refused"),
    AlertKind.DESK_HEALTH: QT_TRANSLATE_NOOP("Words", "Something at this desk needs fixing"),
    AlertKind.GATE_UNREACHABLE: QT_TRANSLATE_NOOP("Words", "The gate does not answer"),
}

SERVICE = {
    None: QT_TRANSLATE_NOOP("Words", "Online"),
    ServiceProblem.OFFLINE: QT_TRANSLATE_NOOP("Words", "Offline"),
    ServiceProblem.SLOW: QT_TRANSLATE_NOOP("Words", "Service slow"),
    ServiceProblem.NOT_REGISTERED: QT_TRANSLATE_NOOP("Words", "Device not registered"),
    ServiceProblem.REFUSED: QT_TRANSLATE_NOOP("Words", "Service error"),
    ServiceProblem.CLOSED: QT_TRANSLATE_NOOP("Words", "Offline"),
}

DEVICE_KIND = {
    DeviceKind.CAMERA: QT_TRANSLATE_NOOP("Words", "Camera"),
    DeviceKind.SCANNER: QT_TRANSLATE_NOOP("Words", "Scanner"),
}

# How a code reached the desk (the events table's "By" when no one answered).
METHOD = {
    Method.CAMERA: QT_TRANSLATE_NOOP("Words", "Camera"),
    Method.SCANNER: QT_TRANSLATE_NOOP("Words", "Scanner"),
    Method.MANUAL: QT_TRANSLATE_NOOP("Words", "Typed in"),
}

CAMERA_STATE = {
    DeviceState.STARTING: QT_TRANSLATE_NOOP("Words", "Starting camera…"),
    DeviceState.RUNNING: "",
    DeviceState.BACK: "",
    DeviceState.LOST: QT_TRANSLATE_NOOP("Words", "Camera lost — check the cable"),
    DeviceState.STOPPED: QT_TRANSLATE_NOOP("Words", "Camera stopped"),
    None: QT_TRANSLATE_NOOP("Words", "No camera — use the scanner"),
}

# Why the desk stopped, and what staff can do about it.
STORE_PROBLEM = {
    StoreProblem.FULL: QT_TRANSLATE_NOOP(
        "Words", "The disk is full: free some space, then start the kiosk again."
    ),
    StoreProblem.IO: QT_TRANSLATE_NOOP(
        "Words", "The disk cannot be written: check the drive, then start the kiosk again."
    ),
    StoreProblem.LOCKED: QT_TRANSLATE_NOOP(
        "Words", "Another program holds the database: close it, then start the kiosk again."
    ),
    StoreProblem.UNREADABLE: QT_TRANSLATE_NOOP(
        "Words", "The database is damaged: run ashyq-kiosk recover, then start the kiosk again."
    ),
    StoreProblem.READ_ONLY: QT_TRANSLATE_NOOP(
        "Words", "The data folder is read-only: allow writing, then start the kiosk again."
    ),
    StoreProblem.TOO_NEW: QT_TRANSLATE_NOOP(
        "Words", "The database is from a newer kiosk version: update this kiosk."
    ),
    StoreProblem.REPLACED: QT_TRANSLATE_NOOP(
        "Words",
        "The database files were removed or replaced; a rescue copy was saved in the data folder.",
    ),
    StoreProblem.OTHER: QT_TRANSLATE_NOOP("Words", "The database failed."),
}


def say(source: str, *args: object) -> str:
    """*source* (context "Words") in the staff's language now, with %1, %2… filled in."""
    return say_in(CONTEXT, source, *args)


def say_in(context: str, source: str, *args: object) -> str:
    """*source* of *context* in the staff's language now, with %1, %2… filled in."""
    return fill(QCoreApplication.translate(context, source), *args)


def fill(text: str, *args: object) -> str:
    for number, arg in enumerate(args, start=1):
        text = text.replace(f"%{number}", str(arg))
    return text
