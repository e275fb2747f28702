"""The end of a business day: everyone still inside is checked out, and the
day's subject key is replaced so that today's records cannot be linked to
anyone tomorrow.

A business day ends at the venue's closing time, or at local midnight
when the venue sets none. The end is caught up at the next scan or idle
tick when the kiosk was off at that moment.

The next key is named in the close-out's transaction, the one that forgets
the day (see :class:`kiosk.storage.subjects.SubjectKeys`): no desk, in this process
or another, can write a row keyed by the old key once the day's rows are
forgotten, and a close-out that fails forgets nothing and turns nothing. A
desk that worked out a person's subject before the close-out finds the key
changed when it writes, and starts again (`SubjectKeys.confirm`).
"""

from __future__ import annotations

import contextlib
import datetime as dt
import sqlite3
from dataclasses import dataclass

from kiosk.events import DeskIdentity, EventType, NewEvent
from kiosk.storage.errors import StoreError, StoreProblem
from kiosk.storage.outbox import insert_events
from kiosk.storage.presence import Presence
from kiosk.storage.store import Store, set_meta_in
from kiosk.storage.subjects import KEY_META


@dataclass(frozen=True)
class BusinessDay:
    """When the venue's day ends: its closing time, else midnight, in its zone."""

    closing_time: dt.time | None = None
    timezone: dt.tzinfo | None = None

    def last_end(self, now: float) -> float:
        """The most recent end of a business day at or before *now*."""
        end = self.closing_time or dt.time(0, 0)
        local_now = self._local(now)
        candidate = local_now.replace(
            hour=end.hour, minute=end.minute, second=end.second, microsecond=0
        )
        if candidate > local_now:
            candidate -= dt.timedelta(days=1)
        return candidate.timestamp()

    def bounds(self, day: dt.date) -> tuple[float, float]:
        """The business day named *day*: its (start, end], Unix seconds.

        The day is named by the date of its noon (it is the first business
        day to end after noon of *day*): with closing at
        23:00, day D runs from D-1 23:00 to D 23:00; with closing at 02:00
        (after midnight), from D 02:00 to D+1 02:00; without one, midnight
        to midnight. An event at the very end (a close-out) is the day's.
        """
        noon_after = dt.datetime.combine(day + dt.timedelta(days=1), dt.time(12, 0))
        end = self.last_end(noon_after.replace(tzinfo=self.timezone).timestamp())
        return self.last_end(end - 1.0), end

    def date_of(self, at: float) -> dt.date:
        """The name of the business day that holds the moment *at*."""
        start = self.last_end(at - 1e-3)  # an end belongs to the day it closes
        return self._local(start + 12 * 3600 - 1e-3).date()

    def _local(self, at: float) -> dt.datetime:
        return dt.datetime.fromtimestamp(at, tz=self.timezone).astimezone(self.timezone)


class DayEnd:
    """Close-out and key rotation for one desk's data folder."""

    def __init__(self, store: Store, desk: DeskIdentity, day: BusinessDay) -> None:
        self._store = store
        self._desk = desk
        self.day = day
        self._presence = Presence(store)
        self._window = (0.0, 0.0)  # the last end of a day, the next: asked at every scan
        self.rewritten = True
        """Whether the last close-out could rewrite the file (see :meth:`Store.rewrite`)."""

    def due(self, now: float) -> bool:
        """Today's key was made before the last end of a business day."""
        return self._store.keys.current(now).created_at < self._last_end(now)

    def _last_end(self, now: float) -> float:
        last, following = self._window
        if not last <= now < following:
            last = self.day.last_end(now)
            # A day lasts 23 to 25 hours: 26 hours on, the most recent end is the next one.
            following = self.day.last_end(last + 26 * 3600)
            self._window = (last, following)
        return last

    def run_if_due(self, now: float) -> int:
        """Close the day if it has ended since the key was made; people checked out."""
        if not self.due(now):
            return 0
        return self.close_out(self._last_end(now), now=now, only_if_due=True)

    def close_out(self, at: float, *, now: float, only_if_due: bool = False) -> int:
        """Check out everyone inside as automatic exits at *at*, forget the day and
        turn the key, in one transaction; then rewrite the file. People checked out.

        A failure before the commit (a full disk) changes nothing at all.
        A rewrite the disk has no room for leaves the day closed all the same
        (`rewritten` False): the next close-out rewrites the file."""
        with self._store.transaction() as conn:
            if only_if_due and not self.due(now):
                return 0  # another desk process closed the day first
            stays = self._presence.all()
            events = [
                NewEvent(EventType.CHECK_OUT, at, {"check_in": s.event_id, "automatic": True})
                for s in stays
            ]
            insert_events(conn, events, desk=self._desk, subject_of=_no_subject, now=now)
            forget_the_day(conn)
            # The next key, named in this transaction: it turns with the commit.
            set_meta_in(conn, KEY_META, self._store.keys.stage(now).mark)
        # The new key's file in place now (else the next write puts it there).
        with contextlib.suppress(StoreError), self._store.transaction():
            pass
        self.rewritten = self._rewrite()
        return len(stays)

    def _rewrite(self) -> bool:
        """No stale copy of the day's subjects in spare page space (see Store.rewrite)."""
        try:
            return self._store.rewrite()
        except StoreError as exc:
            if exc.problem is StoreProblem.REPLACED:
                raise
            return False  # a full or failing disk: the day is closed; the next one rewrites


def forget_the_day(conn: sqlite3.Connection) -> None:
    """Drop everything keyed by today's subjects, and the day's masked ids.

    Presence, the status cache and local referral links exist for today
    only; events waiting for the service keep what they must deliver.
    Referrals stay for the reports (ticket, times, desk, status shown,
    reason, outcome), without their link to a person, the masked id, or
    the notes: free text typed at a desk or by the doctor may name anyone
    (an IIN, a name), so the day's notes go too, from the referrals and
    from delivered events (an event still waiting keeps its note until a
    close-out after its delivery).
    Alerts stay, seen or not, with their time and event ids, but without the
    last four digits of anyone's IIN: the service has the report, and the
    digits would outlive the day on the staff screen and in the file.
    """
    conn.execute("DELETE FROM presence")
    conn.execute("DELETE FROM status_cache")
    conn.execute(
        "UPDATE referrals SET subject = NULL, masked_id = NULL, name = NULL, note = NULL, "
        "resolution_note = NULL WHERE subject IS NOT NULL OR masked_id IS NOT NULL "
        "OR name IS NOT NULL OR note IS NOT NULL OR resolution_note IS NOT NULL"
    )
    conn.execute("UPDATE outbox SET subject = NULL WHERE subject IS NOT NULL")
    conn.execute(
        "UPDATE outbox SET data = json_remove(data, '$.masked_id', '$.name', '$.note') "
        "WHERE acked_at IS NOT NULL AND (json_extract(data, '$.masked_id') IS NOT NULL "
        "OR json_extract(data, '$.name') IS NOT NULL OR json_type(data, '$.note') = 'text')"
    )
    conn.execute(
        "UPDATE alerts SET data = json_remove(data, '$.masked_id') "
        "WHERE json_extract(data, '$.masked_id') IS NOT NULL"
    )


def _no_subject(iin: str) -> str:
    raise AssertionError("automatic check-outs carry no IIN")
