"""The national service as the commands and the desk use it."""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import TYPE_CHECKING

from kiosk.desksettings import DeskRole
from kiosk.service.api import ApiClient
from kiosk.service.errors import ApiError, ServiceProblem
from kiosk.service.live import LiveStatus
from kiosk.service.occupancy import OccupancyReading, OccupancySource
from kiosk.storage.alerts import Alerts, TrustStale
from kiosk.storage.retention import purge_if_due
from kiosk.storage.store import Store
from kiosk.sync import Chore, Syncer, SyncReport, SyncState, SyncWorker

if TYPE_CHECKING:
    from app.context import App
    from config.settings import Settings
    from kiosk.reception import Reception
    from kiosk.service.wire import Occupancy, ReferralPull

OCCUPANCY_EVERY = 30.0
"""Seconds between asking the service for the whole venue's count."""


def api_client(settings: Settings) -> ApiClient:
    service = settings.service
    return ApiClient(
        service.url,
        service.token,
        connect_timeout=service.connect_timeout,
        read_timeout=service.read_timeout,
        ca_bundle=service.ca_bundle or None,
    )


def refresh_trust(app: App, client: ApiClient, store: Store | None = None) -> str | None:
    """Fetch the signing keys when the cached list is old; the error, if any.

    Bounded by the status lookup's deadline: a service that does not answer
    leaves the cached list in use; once it is older than `[trust]
    alert_after_days` (or was never fetched), a `trust_stale` alert says so.
    """
    _, failure = _refresh_trust(app, client, store)
    return None if failure is None else str(failure)


def _refresh_trust(
    app: App, client: ApiClient, store: Store | None = None
) -> tuple[bool, ApiError | None]:
    """Whether the service was asked, and its error when it did not give the keys."""
    if not app.keeper.is_stale():
        return False, None
    deadline = app.settings.service.status_deadline
    try:
        app.keeper.refresh(Deadlined(client, deadline).get_keys, store)
    except ApiError as exc:
        if app.keeper.too_old():
            Alerts(store or app.store).add_once(
                TrustStale(app.keeper.fetched_at(), str(exc)), now=app.clock.now()
            )
        return True, exc
    return True, None


class Deadlined:
    """The client's calls a desk waits for, with their time-outs capped by the
    status lookup's deadline: an unreachable service costs ~1.5 s, not 7."""

    def __init__(self, client: ApiClient, deadline: float) -> None:
        self._client = client
        self._deadline = deadline

    def get_keys(self) -> dict[str, object]:
        return self._client.get_keys(deadline=self._deadline)

    def get_occupancy(self, venue_bin: str) -> Occupancy:
        return self._client.get_occupancy(venue_bin, deadline=self._deadline)


def refresh_trust_within(app: App, client: ApiClient) -> None:
    """For one-shot commands: refresh a stale key list on a helper thread and
    wait no longer than the lookup's deadline (then use the cached list)."""
    if not app.keeper.is_stale():
        return
    path = app.store.path

    def refresh() -> None:
        store = Store(path)
        try:
            refresh_trust(app, client, store)
        finally:
            store.close()

    worker = threading.Thread(target=refresh, name="key-refresh", daemon=True)
    worker.start()
    worker.join(app.settings.service.status_deadline)


def live_status(app: App, client: ApiClient) -> LiveStatus:
    """Status lookups within the deadline; a two-way desk also asks the venue who is
    inside, in parallel, within the same deadline."""
    venue = app.settings.venue
    two_way = venue.role is DeskRole.BOTH
    return LiveStatus(
        client,
        deadline=app.settings.service.status_deadline,
        presence=client if two_way else None,
        venue_bin=venue.bin if two_way else "",
        keys=client,
    )


def pull_into(app: App, client: ApiClient, reception: Reception) -> tuple[int | None, str | None]:
    """For one-shot commands: pull the venue's referrals and merge them into *reception*'s
    store; how many came (None: this kiosk follows no referrals) and the error, if any."""
    from config.build import referrals_in_use

    if not referrals_in_use(app.settings):
        return None, None
    try:
        pull = pull_referrals(app, client, app.store)
    except ApiError as exc:
        return 0, str(exc)
    reception.tick()  # the day's end first: the pull keys people by today's subject
    reception.referrals.merge(pull)
    return len(pull.referrals), None


def pull_referrals(app: App, client: ApiClient, store: Store) -> ReferralPull:
    """The venue's referrals that changed since the last pull merged (a day's at first)."""
    from kiosk.referrals.pull import pull_since

    return client.pull_referrals(app.settings.venue.bin, since=pull_since(store, app.clock))


def syncer(app: App, store: Store, client: ApiClient, *, lock_wait: float = 0.0) -> Syncer:
    return Syncer(
        store,
        client,
        app.clock,
        clock_skew=lambda: client.clock_skew,
        skew_allowance=app.settings.policy.pass_clock_skew,
        lock_wait=lock_wait,
    )


def sync_worker(
    app: App,
    client: ApiClient,
    *,
    on_report: Callable[[SyncReport, SyncState], None] | None = None,
    on_occupancy: Callable[[OccupancyReading], None] | None = None,
    on_referrals: Callable[[ReferralPull], None] | None = None,
    on_attempt: Callable[[ServiceProblem | None], None] | None = None,
) -> SyncWorker:
    """The desk's network thread: outbox sync, then key refresh, venue
    occupancy, the venue's referrals and the daily purge, with its own
    database connection. *on_attempt*: whether each call of the key refresh
    and the occupancy poll got an answer (None) or not (why)."""
    path = app.store.path
    worker = SyncWorker(
        lambda: Store(path),
        lambda store: syncer(app, store, client),
        app.clock,
        interval=app.settings.service.sync_interval,
        on_report=on_report,
        chores=network_chores(
            app, client, lambda: worker.state, on_occupancy, on_referrals, on_attempt=on_attempt
        ),
    )
    return worker


def network_chores(
    app: App,
    client: ApiClient,
    sync_state: Callable[[], SyncState],
    on_occupancy: Callable[[OccupancyReading], None] | None,
    on_referrals: Callable[[ReferralPull], None] | None = None,
    *,
    on_attempt: Callable[[ServiceProblem | None], None] | None = None,
) -> list[Chore]:
    """The chores after each pass; *sync_state*: what that pass published;
    *on_attempt*: told how each call to the service went (the desk's header)."""
    from config.build import referrals_in_use

    def tried(failure: ApiError | None) -> None:
        if on_attempt is not None:
            on_attempt(None if failure is None else failure.problem)

    def keys(store: Store) -> None:
        asked, failure = _refresh_trust(app, client, store)
        if asked:
            tried(failure)

    def purge(store: Store) -> None:
        purge_if_due(store, now=app.clock.now(), retention_days=app.settings.data.retention_days)

    last_asked = [-OCCUPANCY_EVERY]
    delivered = [0.0]

    def occupancy(store: Store) -> None:
        if on_occupancy is None:
            return
        now = app.clock.now()
        acked = sync_state().last_acked_at or 0.0
        fresh_events = acked > delivered[0]  # the venue's count moved: ask at once
        if now - last_asked[0] < OCCUPANCY_EVERY and not fresh_events:
            return
        delivered[0] = acked
        last_asked[0] = now
        try:
            answer = client.get_occupancy(app.settings.venue.bin)
        except ApiError as exc:
            tried(exc)
            return
        tried(None)
        on_occupancy(OccupancyReading(answer.inside, OccupancySource.VENUE, answer.as_of))

    def referrals(store: Store) -> None:
        # Each pass: the doctor room sees a new referral, and the desk an outcome,
        # within one sync interval. The desk merges it on its own thread.
        if on_referrals is None or not referrals_in_use(app.settings):
            return
        # Offline: the next pass asks again.
        try:
            pull = pull_referrals(app, client, store)
        except ApiError as exc:
            tried(exc)
            return
        tried(None)
        on_referrals(pull)

    return [keys, occupancy, referrals, purge]
