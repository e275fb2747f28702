"""The sandbox's people: the seeded demo visitors and how long a status holds."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from kiosk.iin import Sex, make_iin
from kiosk.status import Status

DAY = 86_400.0

# How long a status set now holds (docs/architecture.md, section 2): a negative PCR test
# counts for 3 days; a positive result or a contact registration is followed
# by a 14-day isolation; blue is the absence of both and never lapses.
STATUS_LIFETIME: dict[Status, float | None] = {
    Status.GREEN: 3 * DAY,
    Status.YELLOW: 14 * DAY,
    Status.RED: 14 * DAY,
    Status.BLUE: None,
}


def valid_until_for(status: Status, now: float) -> float | None:
    """When a status set at *now* lapses (None: it does not)."""
    lifetime = STATUS_LIFETIME[status]
    return None if lifetime is None else now + lifetime


def effective_status(status: Status, valid_until: float | None, now: float) -> Status:
    """The status as the service reports it at *now*: a lapsed status is blue again."""
    if valid_until is not None and now > valid_until:
        return Status.BLUE
    return status


@dataclass(frozen=True)
class DemoPerson:
    """A seeded visitor with a fixed IIN, a masked display name and a status."""

    name: str
    birth: dt.date
    sex: Sex
    serial: int
    status: Status

    @property
    def iin(self) -> str:
        iin = make_iin(self.birth, self.sex, self.serial)
        if iin is None:  # the table below only holds serials that have a check digit
            raise ValueError(f"no IIN for serial {self.serial}")
        return iin


# Stable: docs/sandbox.md lists these IINs, and demos and tests rely on them.
# Two people per status, men and women, born in the 1900s and the 2000s.
DEMO_PEOPLE: tuple[DemoPerson, ...] = (
    DemoPerson("Бекболат М.", dt.date(1985, 3, 14), Sex.MALE, 1024, Status.GREEN),
    DemoPerson("Айгерим С.", dt.date(1992, 7, 2), Sex.FEMALE, 2048, Status.GREEN),
    DemoPerson("Ерлан К.", dt.date(1978, 11, 30), Sex.MALE, 3071, Status.BLUE),
    DemoPerson("Дана Ж.", dt.date(2001, 5, 19), Sex.FEMALE, 4096, Status.BLUE),
    DemoPerson("Нурсултан Т.", dt.date(1969, 1, 8), Sex.MALE, 5120, Status.YELLOW),
    DemoPerson("Әсем Қ.", dt.date(1990, 9, 25), Sex.FEMALE, 6144, Status.YELLOW),
    DemoPerson("Арман Б.", dt.date(1983, 12, 12), Sex.MALE, 7168, Status.RED),
    DemoPerson("Людмила П.", dt.date(1956, 4, 3), Sex.FEMALE, 8192, Status.RED),
)


def demo_person(status: Status) -> DemoPerson:
    """The first demo person seeded with *status*."""
    return next(p for p in DEMO_PEOPLE if p.status is status)
