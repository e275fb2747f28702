"""How many people are inside: the whole venue from the service when online,
this desk's own count otherwise, always saying which one it is."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from enum import StrEnum
from typing import Protocol

from kiosk.service.errors import ApiError
from kiosk.service.wire import Occupancy
from shared.clock import Clock


class OccupancySource(StrEnum):
    VENUE = "venue"  # the service's count over every desk of the venue
    LOCAL = "local"  # this kiosk's own presence list


@dataclass(frozen=True)
class OccupancyReading:
    inside: int
    source: OccupancySource
    as_of: float


class OccupancyApi(Protocol):
    def get_occupancy(self, venue_bin: str) -> Occupancy: ...


class VenueOccupancy:
    def __init__(
        self,
        api: OccupancyApi | None,
        venue_bin: str,
        local_count: Callable[[], int],
        clock: Clock,
    ) -> None:
        self._api = api
        self._venue_bin = venue_bin
        self._local_count = local_count
        self._clock = clock

    def read(self) -> OccupancyReading:
        if self._api is not None:
            try:
                answer = self._api.get_occupancy(self._venue_bin)
            except ApiError:
                pass
            else:
                return OccupancyReading(answer.inside, OccupancySource.VENUE, answer.as_of)
        return OccupancyReading(self._local_count(), OccupancySource.LOCAL, self._clock.now())
