"""A pass signed by a key the desk does not hold: fetched at once when online
(at most once per ten seconds, whatever the flood), an unverified visit when
the service cannot be asked, never "not a code". The key list's age is told
to the staff panel, and staff are alerted once it is older than allowed."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from app.context import App, app_for
from app.online import refresh_trust
from config.settings import parse_settings
from kiosk.desksettings import DeskRole, DeskSettings
from kiosk.news import KeyListState
from kiosk.passes import TrustList, sign_pass
from kiosk.policy import Outcome, Policy, UnverifiedPolicy
from kiosk.reasons import CodeReason
from kiosk.reception import Reception
from kiosk.service.errors import TransientError
from kiosk.service.lookup import WatchedSource
from kiosk.status import Provenance, Status
from kiosk.storage.alerts import AlertKind, Alerts
from kiosk.storage.store import Store
from kiosk.trust import RECHECK_EVERY, TrustKeeper
from kiosk.vocabulary import Method
from tests.fakes import BLUE_IIN, GREEN_IIN, FakeClock, KeyedSource, PassIssuer
from tests.unit.test_desk import DESK, Desk

DAY = 86_400.0


class Kiosk:
    """A desk flow whose keeper fetches from *source* when a pass names a key it lacks."""

    def __init__(
        self,
        store: Store,
        clock: FakeClock,
        source: KeyedSource,
        pinned: TrustList | None = None,
        policy: Policy | None = None,
    ) -> None:
        self.source = source
        self.noted: list[Any] = []
        self.keeper = TrustKeeper(store, clock, pinned or TrustList())
        settings = DeskSettings(DESK, policy or Policy(), role=DeskRole.ENTRY, rescan_window=0)
        watched = WatchedSource(source, self.noted.append)
        self.desk = Reception(
            settings, store, clock, self.keeper.current, watched, keys=self.keeper
        )


def test_a_pass_signed_with_a_key_rotated_in_since_the_last_fetch_is_admitted(
    store: Store, clock: FakeClock, tmp_path: Path
) -> None:
    old, new = PassIssuer("k-old"), PassIssuer("k-new")
    kiosk = Kiosk(store, clock, KeyedSource(keys=old.trust))
    kiosk.keeper.refresh(kiosk.source.get_keys)
    clock.advance(60)
    kiosk.source.keys = TrustList.from_jwks({"keys": [*old.trust.to_jwks()["keys"],
                                                      *new.trust.to_jwks()["keys"]]})  # fmt: skip

    decision = kiosk.desk.check(new.issue(BLUE_IIN, Status.BLUE, at=clock.now()), Method.CAMERA)

    assert (decision.outcome, decision.status, decision.provenance) == (
        Outcome.ADMIT,
        Status.BLUE,
        Provenance.PASS,
    )
    assert kiosk.source.fetches == 2 and kiosk.noted[-1] is None, "one fetch, and it answered"
    restarted = TrustKeeper(Store(tmp_path / "kiosk.sqlite3"), clock, TrustList())
    assert restarted.current().kids == ("k-new", "k-old"), "kept on disk for a restart"


def test_a_desk_that_never_fetched_its_keys_fetches_them_for_the_first_pass(
    store: Store, clock: FakeClock
) -> None:
    issuer = PassIssuer()
    kiosk = Kiosk(store, clock, KeyedSource(keys=issuer.trust))
    assert kiosk.keeper.fetched_at() is None

    decision = kiosk.desk.check(
        issuer.issue(GREEN_IIN, Status.GREEN, at=clock.now()), Method.CAMERA
    )

    assert (decision.outcome, decision.provenance) == (Outcome.ADMIT, Provenance.PASS)
    assert kiosk.keeper.fetched_at() == clock.now()


@pytest.mark.parametrize(
    ("unverified", "outcome"),
    [
        (UnverifiedPolicy.STAFF_DECIDES, Outcome.ASK_STAFF),
        (UnverifiedPolicy.DENY, Outcome.DENY),
        (UnverifiedPolicy.ADMIT_UNVERIFIED, Outcome.ADMIT),
    ],
)
def test_offline_a_pass_with_a_key_the_desk_lacks_is_an_unverified_visit(
    store: Store, clock: FakeClock, unverified: UnverifiedPolicy, outcome: Outcome
) -> None:
    issuer = PassIssuer()
    source = KeyedSource(keys=issuer.trust, online=False)
    kiosk = Kiosk(store, clock, source, policy=Policy(unverified=unverified))
    text = issuer.issue(GREEN_IIN, Status.RED, at=clock.now())  # what it claims is not proven

    decision = kiosk.desk.check(text, Method.CAMERA)

    assert decision.outcome is outcome and decision.reason is CodeReason.UNKNOWN_KEY
    assert decision.provenance is Provenance.UNVERIFIED and decision.status is None
    assert decision.masked_id == "••••••••0005" and decision.to_json()["reason"] == "unknown_key"
    assert source.fetches == 1 and source.calls == [], "no status lookup: the service is gone"


def test_offline_an_expired_or_garbled_pass_with_an_unknown_key_is_still_no_visit(
    store: Store, clock: FakeClock
) -> None:
    issuer = PassIssuer()
    kiosk = Kiosk(store, clock, KeyedSource(keys=issuer.trust, online=False))
    stale = issuer.issue(GREEN_IIN, Status.GREEN, at=clock.now() - 3600)
    expired = kiosk.desk.check(stale, Method.CAMERA)
    fresh = issuer.issue(GREEN_IIN, Status.GREEN, at=clock.now())
    garbled = kiosk.desk.check(fresh[:-10], Method.CAMERA)  # a signature cut short
    not_iin = sign_pass(
        issuer.key, issuer.kid, iin="123", status=Status.GREEN, issued_at=clock.now()
    )

    assert (expired.outcome, expired.reason) == (Outcome.EXPIRED_CODE, CodeReason.EXPIRED)
    assert (garbled.outcome, garbled.reason) == (Outcome.INVALID_CODE, CodeReason.BAD_SIGNATURE)
    assert kiosk.desk.check(not_iin, Method.CAMERA).reason is CodeReason.BAD_IIN


def test_a_key_the_service_does_not_list_is_not_a_code_and_a_flood_fetches_once(
    store: Store, clock: FakeClock
) -> None:
    issuer = PassIssuer()
    kiosk = Kiosk(store, clock, KeyedSource(keys=issuer.trust))
    forger = Ed25519PrivateKey.generate()

    def forged(n: int) -> str:
        return sign_pass(forger, f"made-up-{n}", iin=GREEN_IIN, status=Status.GREEN,
                         issued_at=clock.now())  # fmt: skip

    decisions = []
    for n in range(50):
        decisions.append(kiosk.desk.check(forged(n), Method.CAMERA))
        clock.advance(0.1)

    assert {(d.outcome, d.reason) for d in decisions} == {
        (Outcome.INVALID_CODE, CodeReason.UNKNOWN_KEY)
    }
    assert kiosk.source.fetches == 1
    clock.advance(RECHECK_EVERY)
    kiosk.desk.check(forged(99), Method.CAMERA)
    assert kiosk.source.fetches == 2, "after ten seconds, one more"
    real = kiosk.desk.check(issuer.issue(BLUE_IIN, Status.BLUE, at=clock.now()), Method.CAMERA)
    assert real.outcome is Outcome.ADMIT and kiosk.source.fetches == 2


def test_offline_within_ten_seconds_of_a_failed_fetch_the_service_is_not_asked_again(
    store: Store, clock: FakeClock
) -> None:
    issuer = PassIssuer()
    kiosk = Kiosk(store, clock, KeyedSource(keys=issuer.trust, online=False))
    for iin in (GREEN_IIN, BLUE_IIN):
        decision = kiosk.desk.check(issuer.issue(iin, Status.GREEN, at=clock.now()), Method.CAMERA)
        assert decision.outcome is Outcome.ASK_STAFF
    assert kiosk.source.fetches == 1

    kiosk.source.online = True
    clock.advance(RECHECK_EVERY)
    back = kiosk.desk.check(issuer.issue(GREEN_IIN, Status.GREEN, at=clock.now()), Method.CAMERA)
    assert back.outcome is Outcome.ADMIT and kiosk.source.fetches == 2


# -- the key list's age ------------------------------------------------------------


def test_the_key_list_state_says_its_age_and_when_it_is_too_old(
    store: Store, clock: FakeClock
) -> None:
    keeper = TrustKeeper(store, clock, PassIssuer("pinned").trust, alert_after=7 * DAY)
    never = keeper.state()
    assert (never.fetched_at, never.age, never.too_old, never.keys) == (None, None, True, 1)

    keeper.refresh(KeyedSource(keys=PassIssuer("k1").trust).get_keys)
    clock.advance(7 * DAY)
    week = keeper.state()
    assert (week.age, week.too_old, week.keys) == (7 * DAY, False, 2)
    clock.advance(1)
    assert keeper.state().too_old and keeper.too_old()


def test_the_desk_tells_the_key_list_at_start_after_a_fetch_and_hourly(
    tmp_path: Path, clock: FakeClock
) -> None:
    states = [KeyListState(None, 0, 7 * DAY, clock.now())]
    desk = Desk(tmp_path / "kiosk.sqlite3", clock, None, controller={"keys": lambda: states[-1]})
    try:
        desk.do()
        assert desk.heard.of("keys_changed") == [(states[0],)]
        states.append(KeyListState(clock.now(), 2, 7 * DAY, clock.now()))
        desk.heard.clear()
        desk.do(desk.controller.keys_refreshed)
        assert desk.heard.of("keys_changed") == [(states[1],)]

        desk.heard.clear()
        clock.advance(1800)
        desk.do(desk.controller.tick)
        assert desk.heard.of("keys_changed") == []
        clock.advance(1800)
        desk.do(desk.controller.tick)
        assert len(desk.heard.of("keys_changed")) == 1, "its age, an hour on"
    finally:
        desk.controller.stop()


class NoService:
    def get_keys(self, **_: object) -> dict[str, Any]:
        raise TransientError("connection refused")


@pytest.fixture
def app(tmp_path: Path) -> Iterator[App]:
    settings = parse_settings({"trust": {"alert_after_days": 7}, "camera": {"device": "none"}})
    made = app_for(settings, tmp_path, FakeClock())
    yield made
    made.close()


def test_staff_are_alerted_once_the_key_list_is_older_than_the_setting(app: App) -> None:
    clock = app.clock
    assert isinstance(clock, FakeClock)
    app.keeper.refresh(KeyedSource(keys=PassIssuer().trust).get_keys)
    alerts = Alerts(app.store)

    clock.advance(2 * DAY)  # old enough to fetch again, not to alert
    assert refresh_trust(app, NoService()) == "connection refused"  # type: ignore[arg-type]
    assert alerts.unseen() == []

    clock.advance(5 * DAY + 60)
    refresh_trust(app, NoService())  # type: ignore[arg-type]
    refresh_trust(app, NoService())  # type: ignore[arg-type]
    [alert] = alerts.unseen()
    assert alert.kind is AlertKind.TRUST_STALE and alert.payload.fetched_at is not None
