"""What the staff panel shows that the desk reads back from its database:
people inside, today's latest events, the day's reports to the sanitary service.

The desk marks the news stale as things happen and has it told once it is
idle: a burst of scans costs one update of the panel, not one each. A
telling that finds what was told last says nothing: every telling costs the
screen a rebuild on its main thread, and most sync passes change nothing the
panel shows.
"""

from __future__ import annotations

from dataclasses import replace

from kiosk.listeners import DeskListener
from kiosk.news import OccupancyState, RecentEvent, RedReport
from kiosk.recent import RecentEvents, RedReports
from kiosk.reception import Reception
from kiosk.storage.store import Store
from shared.clock import Clock


class PanelNews:
    """The panel's news of one desk (desk thread only)."""

    def __init__(
        self,
        store: Store,
        reception: Reception,
        listener: DeskListener,
        clock: Clock,
        *,
        recent_limit: int,
    ) -> None:
        self._reception = reception
        self._listener = listener
        self._clock = clock
        self._recent_limit = recent_limit
        self._recent = RecentEvents(store)
        self._reds = RedReports(store)
        self.occupancy = OccupancyState(
            local=reception.occupancy(), capacity=reception.settings.capacity
        )
        self._stale = False
        self._reds_stale = False
        self._told_recent: tuple[RecentEvent, ...] | None = None
        self._told_reds: tuple[RedReport, ...] | None = None

    def changed(self) -> None:
        """The count inside and the latest events changed (told at :meth:`refresh`)."""
        self._stale = True

    def reds_changed(self) -> None:
        """The day's red reports changed, or may have reached the service."""
        self._reds_stale = True

    def refresh(self) -> None:
        """Tell what is stale, where it differs from what was told."""
        if self._stale:
            self._stale = False
            occupancy = replace(self.occupancy, local=self._reception.occupancy())
            if occupancy != self.occupancy:
                self.occupancy = occupancy
                self._listener.occupancy_changed(occupancy)
            self.tell_recent()
        if self._reds_stale:
            self._reds_stale = False
            self.tell_reds()

    def venue_counted(self, inside: int | None) -> None:
        """The whole venue's count from the service (None: unknown now, offline)."""
        self._reception.note_venue_count(inside)
        self.occupancy = replace(self.occupancy, venue=inside)
        self._listener.occupancy_changed(self.occupancy)

    def tell_recent(self) -> None:
        """Today's latest events (a synced mark is a change too), when they changed."""
        since = self._reception.day_end.day.last_end(self._clock.now())
        recent = self._recent.since(since, limit=self._recent_limit)
        if recent != self._told_recent:
            self._told_recent = recent
            self._listener.recent_changed(recent)

    def tell_reds(self) -> None:
        """Today's reports to the sanitary service, when they changed."""
        since = self._reception.day_end.day.last_end(self._clock.now())
        reds = self._reds.since(since)
        if reds != self._told_reds:
            self._told_reds = reds
            self._listener.red_reports_changed(reds)
