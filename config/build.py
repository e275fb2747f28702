"""Turn validated settings into the domain's value types (config → kiosk)."""

from __future__ import annotations

import datetime as dt
from zoneinfo import ZoneInfo

from config.settings import Settings, closing_time
from kiosk.dayend import BusinessDay
from kiosk.desksettings import DeskRole, DeskSettings, PassbackPolicy
from kiosk.events import DeskIdentity
from kiosk.passes import TrustList
from kiosk.policy import Mode, Policy, Rule, UnverifiedPolicy
from kiosk.status import Status


def desk_identity(settings: Settings) -> DeskIdentity:
    venue = settings.venue
    return DeskIdentity(venue.bin, venue.entrance, venue.desk)


def policy(settings: Settings) -> Policy:
    rules = {
        Status(name): Rule(cell.admit, cell.offer_referral, cell.report_to_ses)
        for name, cell in settings.policy.table.items()
    }
    return Policy(
        mode=settings.venue.mode,
        rules=rules,
        unverified=UnverifiedPolicy(settings.policy.unverified),
    )


def timezone(settings: Settings) -> dt.tzinfo | None:
    """The venue's zone (checked when the settings were read), or None: the PC's."""
    name = settings.hours.timezone
    return ZoneInfo(name) if name else None


def business_day(settings: Settings) -> BusinessDay:
    """When the venue's day ends ([hours] close, in its zone), as the desk counts days."""
    return BusinessDay(closing_time(settings), timezone(settings))


def desk_settings(settings: Settings) -> DeskSettings:
    return DeskSettings(
        desk=desk_identity(settings),
        policy=policy(settings),
        role=settings.venue.role,
        capacity=settings.venue.capacity,
        pass_skew=settings.policy.pass_clock_skew,
        cache_max_age=settings.policy.cache_max_age_min * 60,
        passback_window=settings.venue.passback_window_min * 60,
        passback=PassbackPolicy(settings.policy.passback),
        rescan_window=settings.venue.rescan_window_s,
        closing_time=closing_time(settings),
        timezone=timezone(settings),
        ticket_prefix=settings.boarding.ticket_prefix,
    )


def referrals_in_use(settings: Settings) -> bool:
    """Boarding desks and doctor rooms follow the venue's referrals; other venues have none."""
    venue = settings.venue
    return venue.mode is Mode.BOARDING or venue.role is DeskRole.DOCTOR


def pinned_trust(settings: Settings) -> TrustList:
    return TrustList.from_jwks({"keys": [key.model_dump() for key in settings.trust.keys]})
