"""Is this person inside? The venue's answer and this desk's records, put together.

A two-way desk asks the service (every desk of the venue reports there)
before it tells an entry from an exit. The service lags behind this desk by
whatever is still in the outbox, so an entry or exit recorded here and not
yet delivered is newer than the venue's answer and wins over it. Without
an answer the desk goes by its own records, and says so.
"""

from __future__ import annotations

from kiosk.decision import PresenceSource
from kiosk.service.lookup import VenueStay
from kiosk.storage.presence import Presence, Stay, leave
from kiosk.storage.store import Store

_UNDELIVERED_MOVE = (
    "SELECT 1 FROM outbox WHERE subject = ? AND acked_at IS NULL AND (type IN ('check_out', "
    "'entry_annulled', 'exit_annulled') "
    "OR (type = 'check_in' AND json_extract(data, '$.decision') = 'admit')) LIMIT 1"
)


def locate(
    store: Store, subject: str, answer: VenueStay | None
) -> tuple[Stay | None, PresenceSource]:
    """The person's stay (None: not inside) and whose knowledge it rests on."""
    local = Presence(store).find(subject)
    if answer is None or (answer.inside and answer.check_in is None):
        return local, PresenceSource.LOCAL
    if store.query(_UNDELIVERED_MOVE, (subject,)):
        return local, PresenceSource.VENUE  # asked, but this desk knows newer
    if answer.inside and answer.check_in is not None:  # (checked above; for the types)
        return (
            Stay(
                subject,
                answer.entered_at if answer.entered_at is not None else 0.0,
                answer.entrance or "",
                answer.desk or "",
                answer.check_in,
            ),
            PresenceSource.VENUE,
        )
    if local is not None:
        # Delivered here, and left through another desk since: not inside any more.
        with store.transaction() as conn:
            leave(conn, subject)
    return None, PresenceSource.VENUE
