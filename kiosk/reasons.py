"""Why a code was not accepted: one vocabulary for screens, JSON lines and logs.

Kept apart from the parsers (and their cryptography) so that the values the
screens translate import in no time.
"""

from __future__ import annotations

from enum import StrEnum
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from kiosk.iin import IinProblem
    from kiosk.passes import PassProblem


class CodeReason(StrEnum):
    """Why a code is invalid or expired: one vocabulary for screens, JSON and logs.

    The values are the JSON words of `reason` (docs/architecture.md, section 2).
    """

    EMPTY = "empty"
    TOO_LONG = "too_long"
    UNKNOWN_FORMAT = "unknown_format"
    UNREADABLE = "unreadable"
    IIN_LENGTH = "iin_length"
    IIN_NON_DIGIT = "iin_non_digit"
    IIN_CENTURY = "iin_century_digit"
    IIN_DATE = "iin_date"
    IIN_CHECKSUM = "iin_checksum"
    MALFORMED_PASS = "malformed_pass"
    BAD_ALGORITHM = "bad_algorithm"
    UNKNOWN_KEY = "unknown_key"
    BAD_SIGNATURE = "bad_signature"
    MISSING_CLAIM = "missing_claim"
    ISSUED_IN_FUTURE = "issued_in_future"
    EXPIRED = "expired"
    BAD_IIN = "bad_iin"
    BAD_STATUS = "bad_status"

    @classmethod
    def of_pass(cls, problem: PassProblem) -> CodeReason:
        return cls(problem.value)

    @classmethod
    def of_iin(cls, problem: IinProblem) -> CodeReason:
        return cls(f"iin_{problem.value}")
