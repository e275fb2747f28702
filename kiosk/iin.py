"""The individual identification number (IIN, ЖСН/ИИН) of Kazakhstan."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from enum import StrEnum

IIN_LENGTH = 12
_FIRST_WEIGHTS = tuple(range(1, 12))
_SECOND_WEIGHTS = (3, 4, 5, 6, 7, 8, 9, 10, 11, 1, 2)
_CENTURIES = {"1": 1800, "2": 1800, "3": 1900, "4": 1900, "5": 2000, "6": 2000}
_ASCII_DIGITS = frozenset("0123456789")


class Sex(StrEnum):
    MALE = "male"
    FEMALE = "female"


class IinProblem(StrEnum):
    """Why a text is not a valid IIN."""

    LENGTH = "length"
    NON_DIGIT = "non_digit"
    CENTURY = "century_digit"
    DATE = "date"
    CHECKSUM = "checksum"


class InvalidIin(ValueError):
    """The text is not a valid IIN; `problem` says why."""

    def __init__(self, problem: IinProblem) -> None:
        super().__init__(problem.value)
        self.problem = problem


@dataclass(frozen=True)
class Iin:
    """A valid IIN with what it tells about its holder."""

    value: str
    birth_date: dt.date
    sex: Sex


def check_digit(first_eleven: str) -> int | None:
    """The check digit for 11 ASCII digits, or None when no digit fits."""
    digits = [int(c) for c in first_eleven]
    for weights in (_FIRST_WEIGHTS, _SECOND_WEIGHTS):
        remainder = sum(d * w for d, w in zip(digits, weights, strict=True)) % 11
        if remainder != 10:
            return remainder
    return None


def parse_iin(text: str) -> Iin:
    """Validate *text* as an IIN; raise InvalidIin with the precise problem."""
    if len(text) != IIN_LENGTH:
        raise InvalidIin(IinProblem.LENGTH)
    if not _ASCII_DIGITS.issuperset(text):
        raise InvalidIin(IinProblem.NON_DIGIT)
    century = _CENTURIES.get(text[6])
    if century is None:
        raise InvalidIin(IinProblem.CENTURY)
    try:
        birth = dt.date(century + int(text[0:2]), int(text[2:4]), int(text[4:6]))
    except ValueError:
        raise InvalidIin(IinProblem.DATE) from None
    if check_digit(text[:11]) != int(text[11]):
        raise InvalidIin(IinProblem.CHECKSUM)
    sex = Sex.MALE if int(text[6]) % 2 == 1 else Sex.FEMALE
    return Iin(text, birth, sex)


def is_valid_iin(text: str) -> bool:
    try:
        parse_iin(text)
    except InvalidIin:
        return False
    return True


def make_iin(birth: dt.date, sex: Sex, serial: int) -> str | None:
    """An IIN for the given birth date, sex and 4-digit serial, or None.

    None when no check digit fits that serial (about one serial in 120).
    Used by the sandbox's demo people and by tools that need sample IINs.
    """
    base = {1800: 1, 1900: 3, 2000: 5}.get(birth.year // 100 * 100)
    if base is None or not 0 <= serial <= 9999:
        return None
    century_digit = base if sex is Sex.MALE else base + 1
    first = f"{birth:%y%m%d}{century_digit}{serial:04d}"
    digit = check_digit(first)
    return None if digit is None else f"{first}{digit}"


def mask_iin(iin: str) -> str:
    """The IIN as screens and logs show it: all but the last four hidden."""
    tail = iin[-4:] if len(iin) >= 4 else iin
    return "•" * 8 + tail
